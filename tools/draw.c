/* draw.c: `draw SVG WIDTH PNG` draws an SVG file WIDTH pixels wide as a PNG file. `make` runs it
 * once for mixdown's own icon (style/favicon.png), so that no build of a book has to start the
 * SVG renderer for it. */
#include <stdio.h>
#include <stdlib.h>

#include "image.h"

int main(int argc, char **argv)
{
	char *end = NULL;
	long width = argc == 4 ? strtol(argv[2], &end, 10) : 0;
	size_t len = 0;
	char *png;
	FILE *out;
	int ok;

	if (end == NULL || *end != '\0' || width <= 0 || width > 10000) {
		fprintf(stderr, "usage: draw SVG WIDTH PNG\n");
		return 2;
	}
	png = image_svg_file_to_png(argv[1], (int)width, &len);
	if (png == NULL) {
		fprintf(stderr, "draw: %s: cannot be drawn\n", argv[1]);
		return 1;
	}
	out = fopen(argv[3], "wb");
	ok = out != NULL && fwrite(png, 1, len, out) == len;
	ok &= out != NULL && fclose(out) == 0;
	free(png);
	if (!ok) {
		fprintf(stderr, "draw: %s: cannot be written\n", argv[3]);
		remove(argv[3]);
	}
	return ok ? 0 : 1;
}
