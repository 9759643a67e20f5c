/* raster.h: the PNGs a build draws from the book's SVGs (a cover's, for readers' library
 * views and stores), after planning and only when the outputs are written. */
#ifndef MIXDOWN_RASTER_H
#define MIXDOWN_RASTER_H

#include "diag.h"
#include "plan.h"

/* Draws each image the plan has still to draw, or takes it from earlier, the folder of the
 * build published in the output folder (out_published), when that build drew it from the
 * same SVG at the same width. earlier may be NULL. Returns the number of errors reported. */
int raster_draw(struct plan *p, const char *earlier, struct diag *d);

#endif
