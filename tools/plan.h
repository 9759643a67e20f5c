/* plan.h: the pages of the book and the annotations the stylesheets read. */
#ifndef MIXDOWN_PLAN_H
#define MIXDOWN_PLAN_H

#include "diag.h"
#include "load.h"

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
};

struct plan {
	struct page *pages;
	size_t npages;
	struct image *images;
	size_t nimages;
};

/* Decides the pages and annotates the tree; returns the number of errors reported. */
int plan_book(struct book *b, struct plan *p, struct diag *d);
void plan_free(struct plan *p);

/* Is e a section (section, sect1..5, simplesect, glossdiv...), which gets its own anchor? */
int plan_is_section(xmlNodePtr e);

#endif
