/* media.h: the one table of the kinds of files mixdown publishes, by extension. */
#ifndef MIXDOWN_MEDIA_H
#define MIXDOWN_MEDIA_H

/* The kinds of image mixdown publishes. */
enum image_kind { IMAGE_OTHER, IMAGE_RASTER, IMAGE_SVG };

/* The media type of a file by its name's extension, with its charset for text
 * ("text/css; charset=utf-8"), or NULL for a kind mixdown does not publish. */
const char *media_type_of(const char *path);
/* The kind of image a file is, told by its extension. */
enum image_kind image_kind_of(const char *path);
/* The media type of an image mixdown publishes ("image/png"), or NULL for any other file. */
const char *image_media_type(const char *path);

#endif
