/* svg.h: SVG images cleaned of script and outside references before they are published. */
#ifndef MIXDOWN_SVG_H
#define MIXDOWN_SVG_H

#include <stddef.h>

/* What cleaning can remove; svg_result.removed has bit 1 << kind set for each. */
enum svg_removal {
	SVG_DOCTYPE,
	SVG_SCRIPT,
	SVG_EMBEDDED,
	SVG_EVENTS,
	SVG_EXTERNAL,
	SVG_JAVASCRIPT,
	SVG_INSTRUCTIONS,
	SVG_ANIMATED_LINKS,
	SVG_REMOVAL_KINDS
};

struct svg_result {
	char *data;       /* the cleaned file (malloc'd), UTF-8 */
	size_t len;
	unsigned removed; /* bits of enum svg_removal */
	int width, height; /* the drawing's size in CSS pixels when its top element says it plainly
	                    * (width and height as numbers or in px, or else a viewBox); 0 when
	                    * it takes units or percentages to know, which librsvg reads */
	char error[256];  /* why the file could not be cleaned */
};

/* Reads the SVG file at path and cleans it: 1 with r->data set, or 0 with r->error set when the
 * file is not a well-formed SVG without entity declarations. */
int svg_clean(const char *path, struct svg_result *r);

/* "scripts, event attributes": what the bits of removed stand for, in words. */
void svg_describe_removed(unsigned removed, char *out, size_t size);

#endif
