/* site.c: writes the website: the pages the site stylesheet renders, its styles and script,
 * and the book's images, under html/ in the build's output. */
#include "site.h"

#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SITE_DIR "html/"

static const char *const site_assets[] = {"site.css", "site.js"};

struct site_writer {
	const struct out *out;
	int files;
};

static int write_page(void *data, struct rendered_file *file)
{
	struct site_writer *w = data;
	char rel[4200];
	size_t len;
	char *bytes = render_serialize(file, &len);
	int ok;

	snprintf(rel, sizeof rel, SITE_DIR "%s", file->href);
	ok = out_write(w->out, rel, bytes, len);
	free(bytes);
	w->files += ok;
	return ok;
}

static int copy_assets(struct renderer *r, struct site_writer *w)
{
	for (size_t i = 0; i < sizeof site_assets / sizeof *site_assets; i++) {
		char rel[256], style[256];
		snprintf(rel, sizeof rel, SITE_DIR "assets/%s", site_assets[i]);
		snprintf(style, sizeof style, "style/%s", site_assets[i]);
		char *source = render_data_path(r, style);
		int ok = out_copy(w->out, rel, source);
		free(source);
		if (!ok)
			return 0;
		w->files++;
	}
	return 1;
}

static int copy_images(const struct plan *p, struct site_writer *w)
{
	for (size_t i = 0; i < p->nimages; i++) {
		char rel[4200];
		snprintf(rel, sizeof rel, SITE_DIR "%s", p->images[i].target);
		if (!out_copy(w->out, rel, p->images[i].source))
			return 0;
		w->files++;
	}
	return 1;
}

int site_write(struct renderer *r, const struct plan *p, struct out *o, xmlDocPtr result)
{
	struct site_writer w = {.out = o};
	int ok = render_each_file(result, write_page, &w) && copy_assets(r, &w) && copy_images(p, &w) &&
	         search_write_index(p, o, SITE_DIR "assets/search-index.js") >= 0;

	return ok ? w.files : -1;
}
