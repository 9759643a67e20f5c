/* image.c: image facts and conversions with kept libraries: the size of every published image
 * (so pages reserve its space before it loads), and an SVG drawn as PNG (the EPUB's cover for
 * readers' library views and stores, the site's icon). librsvg reads SVG, gdk-pixbuf reads the
 * raster formats, cairo draws and libpng writes PNG. */
#include "image.h"
#include "util.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static RsvgHandle *open_svg(const char *data, size_t len)
{
	GError *error = NULL;
	RsvgHandle *svg = rsvg_handle_new_from_data((const guint8 *)data, len, &error);

	g_clear_error(&error);
	return svg;
}

/* The drawing's size: its width and height in pixels, else its viewBox. */
static int drawing_size(RsvgHandle *svg, double *width, double *height)
{
	gboolean has_width, has_height, has_box;
	RsvgLength w, h;
	RsvgRectangle box;

	if (rsvg_handle_get_intrinsic_size_in_pixels(svg, width, height))
		return *width > 0 && *height > 0;
	rsvg_handle_get_intrinsic_dimensions(svg, &has_width, &w, &has_height, &h, &has_box, &box);
	*width = box.width;
	*height = box.height;
	return has_box && box.width > 0 && box.height > 0;
}

static int svg_size(const char *data, size_t len, double *width, double *height)
{
	RsvgHandle *svg = open_svg(data, len);
	int ok = svg != NULL && drawing_size(svg, width, height);

	if (svg != NULL)
		g_object_unref(svg);
	return ok;
}

int image_file_size(const char *path, int *width, int *height)
{
	return gdk_pixbuf_get_file_info(path, width, height) != NULL && *width > 0 && *height > 0;
}

int image_svg_size(const char *data, size_t len, int *width, int *height)
{
	double w, h;

	if (!svg_size(data, len, &w, &h))
		return 0;
	*width = (int)lround(w);
	*height = (int)lround(h);
	return *width > 0 && *height > 0;
}

static char *draw_png(RsvgHandle *svg, int width, size_t *png_len);

/* A surface's pixels: cairo's premultiplied ARGB32, a row every stride bytes. */
struct pixels {
	const unsigned char *data;
	int width, height, stride, opaque;
};

static uint32_t pixel_at(const struct pixels *p, int x, int y)
{
	return ((const uint32_t *)(p->data + (size_t)y * (size_t)p->stride))[x];
}

/* Row y as straight RGB bytes, or RGBA when the surface is not opaque. */
static void straight_row(const struct pixels *p, int y, unsigned char *out)
{
	for (int x = 0; x < p->width; x++) {
		uint32_t argb = pixel_at(p, x, y);
		unsigned alpha = argb >> 24;
		for (int i = 0; i < 3; i++) {
			unsigned c = (argb >> (16 - 8 * i)) & 0xff;
			*out++ = (unsigned char)(alpha == 255 ? c : alpha == 0 ? 0 : (c * 255 + alpha / 2) / alpha);
		}
		if (!p->opaque)
			*out++ = (unsigned char)alpha;
	}
}

struct png_buffer {
	char *bytes;
	size_t len, size;
};

static void append_png(png_structp png, png_bytep data, size_t len)
{
	struct png_buffer *b = png_get_io_ptr(png);

	if (b->len + len > b->size) {
		size_t size = (b->size ? b->size * 2 : 65536) + len;
		char *grown = realloc(b->bytes, size);
		if (grown == NULL)
			png_error(png, "out of memory");
		b->bytes = grown;
		b->size = size;
	}
	memcpy(b->bytes + b->len, data, len);
	b->len += len;
}

static void flush_nothing(png_structp png)
{
	(void)png;
}

/* Writes the pixels a row at a time through row; returns whether it could. */
static int write_rows(png_structp png, png_infop info, const struct png_buffer *out,
                      const struct pixels *p, unsigned char *row)
{
	if (setjmp(png_jmpbuf(png)))
		return 0;
	png_set_write_fn(png, (void *)out, append_png, flush_nothing);
	png_set_IHDR(png, info, (png_uint_32)p->width, (png_uint_32)p->height, 8,
	             p->opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_write_info(png, info);
	for (int y = 0; y < p->height; y++) {
		straight_row(p, y, row);
		png_write_row(png, row);
	}
	png_write_end(png, info);
	return 1;
}

/* The surface as PNG, RGB when every pixel is opaque. Rows are written unfiltered: cairo's own
 * writer tries every filter on every row, which took most of a cover's drawing time, and for
 * drawn art the file comes out about the same size. */
static char *encode_png(cairo_surface_t *surface, size_t *png_len)
{
	struct pixels p = {cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
	                   cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface), 1};
	struct png_buffer out = {0};
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
	unsigned char *row = malloc((size_t)p.width * 4);
	int ok;

	for (int y = 0; y < p.height && p.opaque; y++)
		for (int x = 0; x < p.width && p.opaque; x++)
			p.opaque = pixel_at(&p, x, y) >> 24 == 255;
	ok = info != NULL && row != NULL && write_rows(png, info, &out, &p, row);
	png_destroy_write_struct(&png, &info);
	free(row);
	if (!ok) {
		free(out.bytes);
		return NULL;
	}
	*png_len = out.len;
	return out.bytes;
}

/* The last SVG drawn from memory and its PNG, kept for the life of the process: serve rebuilds
 * the book on every save, and drawing its cover again would be most of a small book's plan. */
static struct {
	char *svg, *png;
	size_t svg_len, png_len;
	int width;
} last_drawn;

static int drawn_last(const char *data, size_t len, int width)
{
	return last_drawn.png != NULL && last_drawn.width == width && last_drawn.svg_len == len &&
	       memcmp(last_drawn.svg, data, len) == 0;
}

char *image_svg_to_png(const char *data, size_t len, int width, size_t *png_len)
{
	char *png;

	if (drawn_last(data, len, width)) {
		*png_len = last_drawn.png_len;
		return xmemdup(last_drawn.png, last_drawn.png_len);
	}
	png = draw_png(open_svg(data, len), width, png_len);
	if (png != NULL) {
		free(last_drawn.svg);
		free(last_drawn.png);
		last_drawn.svg = xmemdup(data, len);
		last_drawn.svg_len = len;
		last_drawn.png = xmemdup(png, *png_len);
		last_drawn.png_len = *png_len;
		last_drawn.width = width;
	}
	return png;
}

char *image_svg_file_to_png(const char *path, int width, size_t *png_len)
{
	GError *error = NULL;
	RsvgHandle *svg = rsvg_handle_new_from_file(path, &error);

	g_clear_error(&error);
	return draw_png(svg, width, png_len);
}

static char *draw_png(RsvgHandle *svg, int width, size_t *png_len)
{
	double w, h;
	char *png = NULL;

	if (svg != NULL && drawing_size(svg, &w, &h)) {
		int height = (int)lround(width * h / w);
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
		cairo_t *cr = cairo_create(surface);
		RsvgRectangle viewport = {0, 0, width, height};
		if (rsvg_handle_render_document(svg, cr, &viewport, NULL)) {
			cairo_surface_flush(surface);
			png = encode_png(surface, png_len);
		}
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}
	if (svg != NULL)
		g_object_unref(svg);
	return png;
}
