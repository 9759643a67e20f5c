/* early.c: a live preview's first answer to a save. The files changed since the book was last
 * valid are each checked against the schema on their own, which takes a few milliseconds where
 * the whole book takes tens; when they pass, the pages open in browsers are rendered from the
 * whole new book and handed to the server. The build then validates the whole book and renders
 * every page as always; a page shown early is the same page it renders. */
#include "early.h"

#include "layout.h"
#include "site.h"
#include "util.h"
#include "writer.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void valid_files_free(struct valid_files *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->files[i].path);
		free(v->files[i].text);
	}
	free(v->files);
	v->files = NULL;
	v->n = 0;
}

void valid_files_keep(struct valid_files *v, const struct book *b)
{
	valid_files_free(v);
	v->files = xcalloc(b->nfiles, sizeof *v->files);
	for (size_t i = 0; i < b->nfiles; i++) {
		v->files[i].path = xstrdup(b->files[i]->path);
		v->files[i].text = xmemdup(b->files[i]->text, b->files[i]->len);
		v->files[i].len = b->files[i]->len;
	}
	v->n = b->nfiles;
}

/* Is f as it was when the book was last valid? Files load in the same order save after save,
 * so the one at the same place is tried first. */
static int unchanged(const struct valid_files *v, size_t place, const struct book_file *f)
{
	for (size_t k = 0; k < v->n; k++) {
		const struct valid_file *was = &v->files[(place + k) % v->n];
		if (strcmp(was->path, f->path) == 0)
			return was->len == f->len && memcmp(was->text, f->text, f->len) == 0;
	}
	return 0;
}

struct changes {
	struct book *book;
	const struct schema *schema;
	const struct book_file **files; /* the changed files */
	size_t n;
	int pass;
};

static int is_changed(const struct changes *c, const struct book_file *f)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->files[i] == f)
			return 1;
	return 0;
}

/* An element that starts a changed file's part of the tree is validated alone. */
static void validate_changed_top(xmlNodePtr e, void *data)
{
	struct changes *c = data;
	const struct book_file *f = e->_private;

	if (c->pass && f != NULL && e->parent != NULL && e->parent->_private != f &&
	    is_changed(c, f))
		c->pass = schema_valid_alone(c->book, c->schema, e);
}

int early_changes_pass(const struct valid_files *v, struct book *b, const struct schema *s)
{
	struct changes c = {b, s, xcalloc(b->nfiles, sizeof *c.files), 0, v->n > 0};

	for (size_t i = 0; i < b->nfiles && c.pass; i++)
		if (!unchanged(v, i, b->files[i])) {
			c.pass = i > 0; /* files[0] is the master file: the whole book changed */
			c.files[c.n++] = b->files[i];
		}
	if (c.pass && c.n > 0)
		walk_elements(xmlDocGetRootElement(b->doc), validate_changed_top, NULL, &c);
	free(c.files);
	return c.pass;
}

/* " name name ": the names of the pages among e's files, e.g. "roles-studio" for
 * "roles-studio.html", each between spaces, as the site stylesheet's only-pages takes them. */
static char *page_names(const struct early_pages *e)
{
	size_t size = 2, used = 1;
	char *names;

	for (size_t i = 0; i < e->n; i++)
		size += strlen(e->names[i]) + 1;
	names = xcalloc(size, 1);
	names[0] = ' ';
	for (size_t i = 0; i < e->n; i++) {
		size_t stem = strlen(e->names[i]) - strlen(".html");
		if (ends_with(e->names[i], ".html") && strchr(e->names[i], ' ') == NULL) {
			memcpy(names + used, e->names[i], stem);
			used += stem;
			names[used++] = ' ';
		}
	}
	return names;
}

int early_render(struct renderer *r, const struct book *b, const char **params,
                 const struct early_pages *e)
{
	char *names = page_names(e);
	const char *only[] = {"only-pages", names, NULL};
	const char **more = render_params_join(params, only);
	struct diag quiet, *loud = r->diag;
	struct writer w = {"", e->put, e->sink, &quiet, 0};
	int report_unknown = r->report_unknown;

	diag_init(&quiet, stderr);
	diag_hold(&quiet);
	r->diag = &quiet;
	r->report_unknown = 0;
	if (names[1] != '\0')
		xmlFreeDoc(writer_render(&w, r, SITE_STYLESHEET, b, more));
	r->diag = loud;
	r->report_unknown = report_unknown;
	diag_release(&quiet, 0);
	diag_free(&quiet);
	free(more);
	free(names);
	if (w.files > 0)
		e->done(e->sink);
	return w.files;
}

/* ---- what a rebuild changed ---- */

struct comparison {
	const char *from, *to;  /* site folders: each file of from is looked for in to */
	int missing_only;       /* only files to lacks count (the second pass) */
	const char **pages;     /* the changed pages' names (malloc'd) */
	size_t n, size;
	int whole;
};

/* Is rel one of the search's index files, which no page shows? */
static int is_search_file(const char *rel)
{
	return strcmp(rel, layout_path(LAYOUT_SEARCH_INDEX)) == 0 ||
	       strncmp(rel, SEARCH_DIR, strlen(SEARCH_DIR)) == 0;
}

/* Is rel a page: an .html file at the site's top? */
static int is_page(const char *rel)
{
	return strchr(rel, '/') == NULL && ends_with(rel, ".html");
}

/* Does file b hold the bytes of file a? */
static int same_bytes(const char *a, const char *b)
{
	char *x = NULL;
	size_t nx = 0;
	int same = read_file(a, READ_ANY_SIZE, &x, &nx) == 0 && file_holds(b, x, nx);

	free(x);
	return same;
}

static void add_changed(struct comparison *c, const char *rel)
{
	if (!is_page(rel)) {
		c->whole |= !is_search_file(rel);
		return;
	}
	if (c->n == c->size) {
		c->size = c->size ? 2 * c->size : 16;
		c->pages = xrealloc(c->pages, c->size * sizeof *c->pages);
	}
	c->pages[c->n++] = xstrdup(rel);
}

/* Compares each file under from/rel with its namesake under to. */
static void compare_folder(struct comparison *c, const char *rel)
{
	char *folder = rel[0] != '\0' ? path_join(c->from, rel) : xstrdup(c->from);
	DIR *dir = opendir(folder);
	struct dirent *d;

	while (dir != NULL && !c->whole && (d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		char *child = rel[0] != '\0' ? path_join(rel, d->d_name) : xstrdup(d->d_name);
		char *mine = path_join(c->from, child), *theirs = path_join(c->to, child);
		struct stat st;
		if (lstat(mine, &st) == 0 && S_ISDIR(st.st_mode)) {
			compare_folder(c, child);
		} else if (c->missing_only ? lstat(theirs, &st) != 0 : !same_bytes(mine, theirs)) {
			add_changed(c, child);
		}
		free(theirs);
		free(mine);
		free(child);
	}
	if (dir != NULL)
		closedir(dir);
	c->whole |= dir == NULL;
	free(folder);
}

void early_tell_changes(const char *site, const char *published, const struct early_pages *e)
{
	struct comparison c = {site, published, 0, NULL, 0, 0, published == NULL};

	if (!c.whole)
		compare_folder(&c, "");
	c.from = published, c.to = site, c.missing_only = 1;
	if (!c.whole)
		compare_folder(&c, "");
	e->changed(e->sink, c.pages, c.n, c.whole);
	for (size_t i = 0; i < c.n; i++)
		free((char *)c.pages[i]);
	free(c.pages);
}
