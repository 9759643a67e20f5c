/* site.h: the static website. */
#ifndef MIXDOWN_SITE_H
#define MIXDOWN_SITE_H

#include "out.h"
#include "plan.h"
#include "render.h"

#define SITE_STYLESHEET "xsl/html/site.xsl"

/* Writes OUT/html/ from the site stylesheet's result: its pages, the styles, the images and
 * the search index. Returns the number of files written, or -1 after reporting. */
int site_write(struct renderer *r, const struct plan *p, struct out *o, xmlDocPtr result);

#endif
