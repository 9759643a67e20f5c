/* image.h: what mixdown needs to know of an image, and SVG drawn as PNG, through librsvg and
 * gdk-pixbuf. */
#ifndef MIXDOWN_IMAGE_H
#define MIXDOWN_IMAGE_H

#include <stddef.h>

/* The size in pixels of a raster image file (PNG, JPEG, GIF, WebP), read from its header;
 * 1 when known. */
int image_file_size(const char *path, int *width, int *height);

/* The size in CSS pixels of the SVG in data (len bytes); 1 when known. */
int image_svg_size(const char *data, size_t len, int *width, int *height);

/* The tallest drawing made, in pixels: cairo's limit for a whole picture, kept for the strips
 * a drawing is made in, so that a drawing far taller than wide is refused, not drawn for
 * minutes. */
#define IMAGE_TALLEST 32767

/* The SVG in data drawn width pixels wide (its height in proportion, at most IMAGE_TALLEST)
 * as PNG bytes, to be freed with free(); NULL when it cannot be drawn. The same SVG at the same width again is not drawn
 * again: the last drawing is kept (serve's rebuilds). */
char *image_svg_to_png(const char *data, size_t len, int width, size_t *png_len);

/* The same for an SVG file of mixdown's own (the site's icon, drawn by tools/draw.c). */
char *image_svg_file_to_png(const char *path, int width, size_t *png_len);

#endif
