/* site.h: the static website. */
#ifndef MIXDOWN_SITE_H
#define MIXDOWN_SITE_H

#include "out.h"
#include "plan.h"
#include "render.h"

/* Writes OUT/html/: one page per planned page, the styles and the images. Returns the number
 * of files written, or -1 after reporting. */
int site_write(struct renderer *r, const struct book *b, const struct plan *p, struct out *o,
               const char **params);

/* Renders the site in memory and discards it: for the stylesheets' warnings. Returns 0 after
 * reporting a failure. */
int site_check(struct renderer *r, const struct book *b, const char **params);

#endif
