/* early.h: a live preview's first answer to a save: the pages open in browsers, shown before
 * the whole book is validated and every page rendered. */
#ifndef MIXDOWN_EARLY_H
#define MIXDOWN_EARLY_H

#include <stddef.h>

#include "book.h"
#include "check.h"
#include "render.h"

/* What the server asks of a rebuild: the site's pages open in its browsers (e.g.
 * "roles-studio.html"), each put through put (data malloc'd, put takes it) as soon as it is
 * rendered, then done once if any was; and, before the rebuild is published, which of its
 * pages differ from the published ones: changed gets their names, or whole set when every
 * page may look different (a picture or a style changed, or nothing was published before). */
struct early_pages {
	const char *const *names;
	size_t n;
	int (*put)(void *sink, const char *name, char *data, size_t len);
	void (*done)(void *sink);
	void (*changed)(void *sink, const char *const *pages, size_t n, int whole);
	void *sink;
};

/* The texts of a book's files when it was last found valid, to tell what a save changed. */
struct valid_files {
	struct valid_file {
		char *path;
		char *text;
		size_t len;
	} *files;
	size_t n;
};

/* Keeps b's file texts, b being valid; forgets the ones kept before. */
void valid_files_keep(struct valid_files *v, const struct book *b);
void valid_files_free(struct valid_files *v);

/* Whether every file of b that differs from its text in v passes the schema on its own: each
 * element whose parent comes from another file, validated alone. 0 when the master file
 * changed, or nothing was kept yet: the whole book must be validated first. */
int early_changes_pass(const struct valid_files *v, struct book *b, const struct schema *s);

/* Renders the pages e names with the site stylesheet and params, reporting nothing (the whole
 * build that follows reports), and puts each through e; returns how many were put. */
int early_render(struct renderer *r, const struct book *b, const char **params,
                 const struct early_pages *e);

/* Compares the new site folder with the published one (NULL: none) and tells e->changed: the
 * pages at the site's top that differ or are new or gone, or the whole site when another
 * file does (the search's index files excepted: no page shows them). */
void early_tell_changes(const char *site, const char *published, const struct early_pages *e);

#endif
