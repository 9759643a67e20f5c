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

/* A channel c of a pixel of the given alpha, premultiplied as cairo keeps it, as straight
 * colour. */
static unsigned straight(unsigned c, unsigned alpha)
{
	return alpha == 255 ? c : alpha == 0 ? 0 : (c * 255 + alpha / 2) / alpha;
}

/* Row y as straight RGB bytes, or RGBA when the surface is not opaque. Returns 0, having
 * stopped, at a pixel an opaque surface cannot hold: one that is not fully opaque. */
static int straight_row(const struct pixels *p, int y, unsigned char *out)
{
	const uint32_t *row = (const uint32_t *)(p->data + (size_t)y * (size_t)p->stride);

	for (int x = 0; x < p->width; x++) {
		uint32_t argb = row[x];
		unsigned alpha = argb >> 24;
		if (alpha != 255 && p->opaque)
			return 0;
		out[0] = (unsigned char)straight((argb >> 16) & 0xff, alpha);
		out[1] = (unsigned char)straight((argb >> 8) & 0xff, alpha);
		out[2] = (unsigned char)straight(argb & 0xff, alpha);
		if (p->opaque) {
			out += 3;
		} else {
			out[3] = (unsigned char)alpha;
			out += 4;
		}
	}
	return 1;
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

/* The drawing is drawn a strip of this many rows at a time, each strip written to the PNG and
 * then drawn over: a cover 1600 pixels wide needs 4 MB for its pixels instead of 16 MB, and
 * the time the system took to hand out the whole picture's memory goes too. Each strip draws
 * the whole SVG again, its text laid out again, so strips much shorter cost time: at 160 rows
 * the cover took 12% more instructions. */
#define STRIP_ROWS 640

struct drawing {
	RsvgHandle *svg;
	int width, height;
};

enum drawn { DRAWN, NOT_OPAQUE, NOT_DRAWN };

/* Draws the rows of d from top on into strip, over what the strip held before. */
static int draw_strip(const struct drawing *d, cairo_surface_t *strip, int top)
{
	cairo_t *cr = cairo_create(strip);
	RsvgRectangle viewport = {0, -top, d->width, d->height};
	int ok;

	cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
	cairo_paint(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	ok = rsvg_handle_render_document(d->svg, cr, &viewport, NULL) && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	cairo_surface_flush(strip);
	return ok;
}

/* Draws d strip by strip into png through row, as RGB when opaque is set, else RGBA; says
 * NOT_OPAQUE as soon as a strip shows that RGB cannot hold it. */
static enum drawn write_strips(png_structp png, png_infop info, const struct png_buffer *out,
                               const struct drawing *d, cairo_surface_t *strip, int opaque,
                               unsigned char *row)
{
	if (setjmp(png_jmpbuf(png)))
		return NOT_DRAWN;
	png_set_write_fn(png, (void *)out, append_png, flush_nothing);
	png_set_IHDR(png, info, (png_uint_32)d->width, (png_uint_32)d->height, 8,
	             opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_write_info(png, info);
	for (int top = 0; top < d->height; top += STRIP_ROWS) {
		int rows = d->height - top < STRIP_ROWS ? d->height - top : STRIP_ROWS;
		struct pixels p = {cairo_image_surface_get_data(strip), d->width, rows,
		                   cairo_image_surface_get_stride(strip), opaque};
		if (!draw_strip(d, strip, top))
			return NOT_DRAWN;
		for (int y = 0; y < rows; y++) {
			if (!straight_row(&p, y, row))
				return NOT_OPAQUE;
			png_write_row(png, row);
		}
	}
	png_write_end(png, info);
	return DRAWN;
}

/* d as PNG, with opaque as write_strips takes it, into out. */
static enum drawn encode_png(const struct drawing *d, int opaque, struct png_buffer *out)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
	int rows = d->height < STRIP_ROWS ? d->height : STRIP_ROWS;
	cairo_surface_t *strip = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, d->width, rows);
	unsigned char *row = malloc((size_t)d->width * 4);
	enum drawn drawn = NOT_DRAWN;

	if (info != NULL && row != NULL && cairo_surface_status(strip) == CAIRO_STATUS_SUCCESS)
		drawn = write_strips(png, info, out, d, strip, opaque, row);
	png_destroy_write_struct(&png, &info);
	cairo_surface_destroy(strip);
	free(row);
	return drawn;
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

/* The drawing as PNG, RGB when every pixel is opaque. A drawing is first written as RGB; the
 * first strip with a see-through pixel starts it again as RGBA. Covers are opaque, so they are
 * drawn once; an icon's corners are in its first strip. Rows are written unfiltered: trying
 * every filter on every row, as cairo's own writer does, took most of a cover's drawing time,
 * and for drawn art the file comes out about the same size. */
static char *draw_png(RsvgHandle *svg, int width, size_t *png_len)
{
	struct drawing d = {svg, width, 0};
	struct png_buffer out = {0};
	enum drawn drawn = NOT_DRAWN;
	double w, h;

	if (svg != NULL && drawing_size(svg, &w, &h)) {
		d.height = (int)lround(width * h / w);
		drawn = d.height > 0 && d.height <= IMAGE_TALLEST ? encode_png(&d, 1, &out) : NOT_DRAWN;
		if (drawn == NOT_OPAQUE) {
			out.len = 0;
			drawn = encode_png(&d, 0, &out);
		}
	}
	if (svg != NULL)
		g_object_unref(svg);
	if (drawn != DRAWN) {
		free(out.bytes);
		return NULL;
	}
	*png_len = out.len;
	return out.bytes;
}
