/* media.c: the one table of the kinds of files mixdown publishes (see media.h). */
#include "media.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *extension;
	const char *type;
	enum image_kind image;
} media[] = {
	{".html", "text/html; charset=utf-8", IMAGE_OTHER},
	{".css", "text/css; charset=utf-8", IMAGE_OTHER},
	{".js", "text/javascript; charset=utf-8", IMAGE_OTHER},
	{".xml", "application/xml", IMAGE_OTHER},
	{".epub", "application/epub+zip", IMAGE_OTHER},
	{".png", "image/png", IMAGE_RASTER},
	{".jpg", "image/jpeg", IMAGE_RASTER},
	{".jpeg", "image/jpeg", IMAGE_RASTER},
	{".gif", "image/gif", IMAGE_RASTER},
	{".webp", "image/webp", IMAGE_RASTER},
	{".svg", "image/svg+xml", IMAGE_SVG},
};

/* The entry for path's extension, or -1. */
static int media_index(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	for (size_t i = 0; dot != NULL && i < sizeof media / sizeof *media; i++)
		if (strcasecmp(dot, media[i].extension) == 0)
			return (int)i;
	return -1;
}

const char *media_type_of(const char *path)
{
	int i = media_index(path);
	return i < 0 ? NULL : media[i].type;
}

enum image_kind image_kind_of(const char *path)
{
	int i = media_index(path);
	return i < 0 ? IMAGE_OTHER : media[i].image;
}

const char *image_media_type(const char *path)
{
	return image_kind_of(path) != IMAGE_OTHER ? media_type_of(path) : NULL;
}
