/* raster.h: the PNGs a build draws from the book's SVGs (a cover's, for readers' library
 * views and stores), after planning and only when the outputs are written: by the process
 * that makes the EPUB, which also puts them in the site's folder, or by a preview's. */
#ifndef MIXDOWN_RASTER_H
#define MIXDOWN_RASTER_H

#include "diag.h"
#include "plan.h"
#include "writer.h"

/* Draws each image the plan for book b has still to draw, or takes it from earlier, the
 * folder of the build published in the output folder (out_published), when that build drew
 * it from the same SVG at the same width; also puts each through also, unless that is NULL.
 * earlier may be NULL. Returns the number of images that cannot be drawn, after reporting
 * each at its imagedata, or -1 when putting one failed. */
int raster_draw(const struct book *b, struct plan *p, const char *earlier, struct writer *also,
                struct diag *d);

#endif
