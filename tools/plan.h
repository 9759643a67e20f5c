/* plan.h: the pages of the book and the annotations the stylesheets read. */
#ifndef MIXDOWN_PLAN_H
#define MIXDOWN_PLAN_H

#include "diag.h"
#include "book.h"

/* Attributes plan.c adds to the tree, in this namespace (prefix mx):
 *   mx:page   on each page's root: the page's file name without extension
 *   mx:prev, mx:next   on each page's root: the neighbours in reading order
 *   mx:order  on each page's root: its rank in reading order, from 1
 *   mx:source on each page's root: its source file, relative to the book's folder
 *   mx:label  number or letter of parts, chapters, appendices, formal objects, footnotes
 *   mx:id     an anchor for an element that needs one and has no xml:id (also an ID)
 *   mx:gloss  on glossterm/firstterm: the anchor of its glossary entry
 *   mx:first  on glossentry: the anchor of the term's first use in the text
 *   mx:src    on imagedata: the image's path in the outputs (URI-escaped)
 *   mx:width, mx:height   on imagedata: the image's size in CSS pixels, when known
 *   mx:raster on an SVG cover's imagedata: the path of the PNG drawn from it (URI-escaped)
 *   mx:type   on imagedata: the image's media type ("image/png")
 *   mx:href   on elements with a web or mail address (xlink:href, or email's text): the address
 *             to link to, as browsers read it; absent for any other scheme, never linked then
 *   mx:group, mx:sub, mx:sort, mx:letter   on indexterm (mx:group also on see and seealso): the words folded
 *             (case and accents), its sort key and its letter, for grouping the index
 *   mx:leads  on indexterm: the index groups it is the first term of, in document order:
 *             "letter", "primary", "secondary", "section" (see plan.c) */
#define MX_NS "urn:x-mixdown:plan"

struct page {
	xmlNodePtr node;
	char *name; /* file name without extension */
};

struct image {
	char *source; /* canonical path of the file in the book */
	char *target; /* path relative to the output's root */
	char *data;   /* what is published instead of the file (a cleaned SVG, a PNG), or NULL */
	size_t len;
	int width, height; /* in CSS pixels; 0 when unknown */
	int to_draw;       /* a PNG still to be drawn, at width, from the SVG data holds (raster.h) */
	xmlNodePtr drawn_for; /* for a PNG to draw: the imagedata it is drawn for */
};

/* The width in pixels of the PNG drawn from an SVG cover, as stores and readers ask. */
#define COVER_RASTER_WIDTH 1600

struct plan {
	struct page *pages;
	size_t npages;
	struct image *images;
	size_t nimages;
};

/* Decides the pages and annotates the tree; returns the number of errors reported (images that
 * would replace generated files, SVGs that cannot be read). */
int plan_book(struct book *b, struct plan *p, struct diag *d);
void plan_free(struct plan *p);

/* Is e a section (section, sect1..5, simplesect, glossdiv...), which gets its own anchor? */
int plan_is_section(xmlNodePtr e);

#endif
