/* writer.h: the one way an output's files are written, whether into a folder of the build's
 * generation (the site) or into a zip (the EPUB). A stage names each file relative to its
 * output's content folder, as layout.h and the plan name them; the writer adds that folder,
 * puts the bytes in place, counts the file and reports a failure. */
#ifndef MIXDOWN_WRITER_H
#define MIXDOWN_WRITER_H

#include <libxml/tree.h>
#include <stddef.h>

#include "diag.h"
#include "out.h"
#include "plan.h"
#include "render.h"

struct writer {
	const char *folder; /* the content folder: SITE_DIR, EPUB_DIR, or "" for the zip's top */
	/* Puts len bytes of data (malloc'd; put takes and frees them) as name, a path inside
	 * the output that already starts with folder. */
	int (*put)(void *sink, const char *name, char *data, size_t len);
	void *sink;
	struct diag *diag;
	int files; /* how many files were put */
};

/* A writer into folder (e.g. SITE_DIR) of the build's new generation. */
struct writer writer_to_folder(const struct out *o, const char *folder);

/* Puts data (malloc'd; the writer takes it) as folder + rel. Returns 1, or 0 after reporting. */
int writer_put(struct writer *w, const char *rel, char *data, size_t len);
/* The same with a copy of data, which stays the caller's. */
int writer_put_copy(struct writer *w, const char *rel, const void *data, size_t len);
/* The same with the bytes of the file at source. */
int writer_put_file(struct writer *w, const char *rel, const char *source);
/* Puts each of the book's images at its target: the published bytes or its file's; an image
 * still to be drawn is left to the process that draws it (raster.h). */
int writer_put_images(struct writer *w, const struct image *images, size_t n);
/* Applies the stylesheet xsl/<relpath> to the book with params, putting each file it makes
 * through w as soon as it is made; returns the result, without those files, or NULL after
 * reporting. */
xmlDocPtr writer_render(struct writer *w, struct renderer *r, const char *relpath,
                        const struct book *b, const char **params);

#endif
