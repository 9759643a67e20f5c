/* image.c: image facts and conversions with kept libraries: the size of every published image
 * (so pages reserve its space before it loads), and an SVG drawn as PNG (the EPUB's cover for
 * readers' library views and stores, the site's icon). librsvg reads SVG, gdk-pixbuf reads the
 * raster formats, cairo writes PNG. */
#include "image.h"
#include "util.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <math.h>
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

struct png_buffer {
	char *bytes;
	size_t len, size;
};

static cairo_status_t append_png(void *closure, const unsigned char *data, unsigned int len)
{
	struct png_buffer *b = closure;

	if (b->len + len > b->size) {
		size_t size = (b->size ? b->size * 2 : 65536) + len;
		char *grown = realloc(b->bytes, size);
		if (grown == NULL)
			return CAIRO_STATUS_NO_MEMORY;
		b->bytes = grown;
		b->size = size;
	}
	memcpy(b->bytes + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
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
	struct png_buffer png = {0};
	int ok = 0;

	if (svg != NULL && drawing_size(svg, &w, &h)) {
		int height = (int)lround(width * h / w);
		cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
		cairo_t *cr = cairo_create(surface);
		RsvgRectangle viewport = {0, 0, width, height};
		ok = rsvg_handle_render_document(svg, cr, &viewport, NULL) &&
		     cairo_surface_write_to_png_stream(surface, append_png, &png) == CAIRO_STATUS_SUCCESS;
		cairo_destroy(cr);
		cairo_surface_destroy(surface);
	}
	if (svg != NULL)
		g_object_unref(svg);
	if (!ok) {
		free(png.bytes);
		return NULL;
	}
	*png_len = png.len;
	return png.bytes;
}
