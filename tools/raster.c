/* raster.c: draws the PNGs the plan asks for, or takes each from the build already published
 * in the output folder when it was drawn there from the same SVG at the same width. Drawing a
 * cover is most of a small book's build, and a rebuild seldom changes the cover. */
#include "raster.h"

#include "image.h"
#include "layout.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* No published PNG larger than this is read back. */
#define LARGEST_PNG ((size_t)64 << 20)

/* A PNG's width, from its header (the IHDR chunk first, its width big-endian), or 0. */
static long png_width(const char *png, size_t len)
{
	static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const unsigned char *b = (const unsigned char *)png;

	if (len < 24 || memcmp(b, signature, sizeof signature) != 0 || memcmp(b + 12, "IHDR", 4) != 0)
		return 0;
	return (long)b[16] << 24 | (long)b[17] << 16 | (long)b[18] << 8 | (long)b[19];
}

/* The path of the site's file target in the build published at earlier (malloc'd). */
static char *published_path(const char *earlier, const char *target)
{
	char *rel = xasprintf(SITE_DIR "%s", target);
	char *path = path_join(earlier, rel);

	free(rel);
	return path;
}

/* The PNG published in earlier for img, when the SVG published beside it is the one img is
 * to be drawn from and the PNG has img's width; else NULL. */
static char *earlier_png(const struct image *img, const char *earlier, size_t *len)
{
	char *svg_target = xasprintf("%.*s.svg", (int)(strlen(img->target) - 4), img->target);
	char *svg = published_path(earlier, svg_target), *png_path = published_path(earlier, img->target);
	char *png = NULL;

	if (file_holds(svg, img->data, img->len))
		read_file(png_path, LARGEST_PNG, &png, len); /* png stays NULL when it cannot be read */
	if (png != NULL && png_width(png, *len) != img->width) {
		free(png);
		png = NULL;
	}
	free(png_path);
	free(svg);
	free(svg_target);
	return png;
}

/* Reports that img cannot be drawn, at the imagedata it is drawn for. */
static int report_undrawn(const struct book *b, const struct image *img, struct diag *d)
{
	xmlChar *ref = xmlGetNoNsProp(img->drawn_for, BAD_CAST "fileref");

	book_report(b, d, img->drawn_for, D_SVG_INVALID, ref, "it cannot be drawn as a PNG");
	xmlFree(ref);
	return 1;
}

int raster_draw(const struct book *b, struct plan *p, const char *earlier, struct writer *also,
                struct diag *d)
{
	int errors = 0;

	for (size_t i = 0; i < p->nimages; i++) {
		struct image *img = &p->images[i];
		size_t len;
		char *png;
		if (!img->to_draw)
			continue;
		png = earlier != NULL ? earlier_png(img, earlier, &len) : NULL;
		if (png == NULL)
			png = image_svg_to_png(img->data, img->len, img->width, &len);
		if (png == NULL) {
			errors += report_undrawn(b, img, d);
			continue;
		}
		free(img->data);
		img->data = png;
		img->len = len;
		img->to_draw = 0;
		if (also != NULL && !writer_put_copy(also, img->target, img->data, img->len))
			return -1;
	}
	return errors;
}
