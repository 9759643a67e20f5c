/* site.h: the static website. */
#ifndef MIXDOWN_SITE_H
#define MIXDOWN_SITE_H

#include "out.h"
#include "plan.h"
#include "render.h"

#define SITE_STYLESHEET "xsl/html/site.xsl"

/* Renders the site with params and writes OUT/html/: its pages, each as soon as it is made,
 * then the styles, the images and the search index. Returns the number of files written, or
 * -1 after reporting. */
int site_write(struct renderer *r, const struct plan *p, struct out *o, const struct book *b,
               const char **params);

#endif
