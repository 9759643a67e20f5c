/* writer.c: puts an output's files through one interface, into a folder of the build's
 * generation or, through the sink epub.c gives it, into the EPUB's zip. */
#include "writer.h"

#include "render.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int put_in_folder(void *sink, const char *name, char *data, size_t len)
{
	int ok = out_write(sink, name, data, len);

	free(data);
	return ok;
}

struct writer writer_to_folder(const struct out *o, const char *folder)
{
	/* out_write never changes the generation it writes into */
	struct writer w = {folder, put_in_folder, (void *)o, o->diag, 0};
	return w;
}

int writer_put(struct writer *w, const char *rel, char *data, size_t len)
{
	char *name = xasprintf("%s%s", w->folder, rel);
	int ok = w->put(w->sink, name, data, len);

	free(name);
	w->files += ok;
	return ok;
}

int writer_put_copy(struct writer *w, const char *rel, const void *data, size_t len)
{
	return writer_put(w, rel, xmemdup(data, len), len);
}

int writer_put_file(struct writer *w, const char *rel, const char *source)
{
	char *data;
	size_t len;

	if (read_file(source, READ_ANY_SIZE, &data, &len) != 0) {
		char *why = xasprintf("%s: %s", source, strerror(errno));
		diag_report(w->diag, NULL, D_READ_FAILED, why);
		free(why);
		return 0;
	}
	return writer_put(w, rel, data, len);
}

int writer_put_images(struct writer *w, const struct image *images, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct image *img = &images[i];
		if (img->to_draw)
			continue;
		int ok = img->data != NULL ? writer_put_copy(w, img->target, img->data, img->len)
		                           : writer_put_file(w, img->target, img->source);
		if (!ok)
			return 0;
	}
	return 1;
}

/* Puts a file a stylesheet made at its href: the renderer's sink, the writer its data. */
static int put_rendered(void *writer, struct rendered_file *file)
{
	size_t len;
	char *bytes = render_serialize(file, &len);

	return writer_put(writer, file->href, bytes, len);
}

xmlDocPtr writer_render(struct writer *w, struct renderer *r, const char *relpath,
                        const struct book *b, const char **params)
{
	xmlDocPtr result;

	r->sink = put_rendered;
	r->sink_data = w;
	result = render_stylesheet(r, relpath, b, params);
	r->sink = NULL;
	r->sink_data = NULL;
	return result;
}
