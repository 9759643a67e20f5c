/* build.c: the pipeline, in order: load the book, check it, plan its pages, render them and
 * write the outputs. The schema validation and the EPUB each run as a task beside the rest
 * (task.c); nothing is published, and no message of the later stages shown, before the
 * schema's verdict. */
#define _GNU_SOURCE
#include "build.h"
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "epub.h"
#include "lang.h"
#include "load.h"
#include "out.h"
#include "plan.h"
#include "raster.h"
#include "render.h"
#include "site.h"
#include "task.h"
#include "util.h"

#ifndef MIXDOWN_DATADIR
#define MIXDOWN_DATADIR "/usr/local/share/mixdown"
#endif

/* ---- timing ---- */

struct clock {
	struct timespec start, last;
	int print;
};

static double ms_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void clock_start(struct clock *c, int print)
{
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	c->last = c->start;
	c->print = print;
}

/* The process's peak resident memory so far, in MB (Linux's VmHWM), or -1. */
static double peak_memory_mb(void)
{
	FILE *status = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (status != NULL && fgets(line, sizeof line, status) != NULL)
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (status != NULL)
		fclose(status);
	return kb < 0 ? -1 : (double)kb / 1024;
}

static void clock_stage(struct clock *c, const char *stage)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (c->print)
		fprintf(stderr, "mixdown: %-7s %8.1f ms %7.1f MB peak\n", stage, ms_between(&c->last, &now),
		        peak_memory_mb());
	c->last = now;
}

static double clock_total(const struct clock *c)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return ms_between(&c->start, &now);
}

/* ---- the data folder ---- */

static int has_stylesheets(const char *dir)
{
	char *path = path_join(dir, SITE_STYLESHEET);
	struct stat st;
	int found = stat(path, &st) == 0;

	free(path);
	return found;
}

/* The folder beside the executable that holds the stylesheets (installed: ../share/mixdown;
 * source tree: ..), or NULL. */
static char *datadir_beside_executable(void)
{
	static const char *const relative[] = {"../share/mixdown", ".."};
	char *exe = realpath("/proc/self/exe", NULL), *slash, *dir = NULL;

	if (exe == NULL || (slash = strrchr(exe, '/')) == NULL) {
		free(exe);
		return NULL;
	}
	*slash = '\0';
	for (size_t i = 0; i < sizeof relative / sizeof *relative && dir == NULL; i++) {
		dir = path_join(exe, relative[i]);
		if (!has_stylesheets(dir)) {
			free(dir);
			dir = NULL;
		}
	}
	free(exe);
	return dir;
}

/* MIXDOWN_DATADIR, then beside the executable, then the folder the build was configured
 * with. */
static char *find_datadir(void)
{
	const char *env = getenv("MIXDOWN_DATADIR");
	char *beside;

	if (env != NULL && *env != '\0')
		return strdup(env);
	beside = datadir_beside_executable();
	return beside != NULL ? beside : strdup(MIXDOWN_DATADIR);
}

/* ---- one run ---- */

/* What the stages of one run share. */
struct build {
	const struct build_settings *settings;
	struct schemas *schemas;
	const struct schema *schema; /* the one the book's version asks for */
	struct diag *diag;
	struct clock clock;
	struct book *book;
	char *epub_name;          /* NAME.epub */
	const char *entries[2];   /* what a build publishes in the output folder: html, NAME.epub */
	struct task validation;   /* the schema's verdict, reached beside the later stages */
	const struct early_pages *early; /* a preview's pages to show first, or NULL */
	struct valid_files *valid;       /* the book's files when it was last valid */
	struct _xmlHashTable *stylesheets; /* compiled stylesheets kept across builds, or NULL */
	int show_early;           /* a preview's changed files pass the schema alone: show_early */
	struct plan plan;
	struct renderer renderer;
	xmlChar *lang;
	char *l10n;
	const char *params[9];    /* the stylesheets' parameters: name, value, ..., NULL */
	struct out out;
	struct task epub;
};

static long file_size(const char *folder, const char *name)
{
	char *path = path_join(folder, name);
	struct stat st;
	long size = stat(path, &st) == 0 ? (long)st.st_size : -1;

	free(path);
	return size;
}

static int load(struct build *b)
{
	b->book = load_book(b->settings->book, b->settings->root, b->settings->keep_going, b->diag);
	clock_stage(&b->clock, "load");
	if (b->book == NULL)
		return EXIT_BOOK;
	b->schema = schema_for_book(b->schemas, b->book, b->diag);
	if (b->schema == NULL)
		return EXIT_IO;
	b->epub_name = epub_file_name(b->book);
	b->entries[0] = SITE_FOLDER;
	b->entries[1] = b->epub_name;
	return EXIT_OK;
}

/* What the validation returns besides 1 (valid) and 0 (not valid). */
#define VALIDATION_NO_SCHEMA 2 /* mixdown's schema cannot be compiled: its own file is broken */

static int validate(void *data, struct diag *d)
{
	struct build *b = data;

	if (schema_compiled(b->schema, d) == NULL)
		return VALIDATION_NO_SCHEMA;
	/* a child of its own may change its copy of the book: none is made */
	if (task_in_child())
		return schema_validate_in_place(b->book, b->schema, d) == 0;
	return schema_validate(b->book, b->schema, d) == 0;
}

/* The project's rules here and now; then the schema, beside the later stages (whose messages
 * are held until its verdict). A preview validates here instead (serve's process has a large
 * heap of freed memory that a fork would make it copy page by page as the later stages reuse
 * it), unless its changed files pass the schema alone: then it validates once the pages open
 * in browsers are shown (show_early). */
static int check(struct build *b)
{
	const struct build_settings *s = b->settings;

	if (check_rules(b->book, b->diag) > 0 && !s->keep_going) {
		schema_validate(b->book, b->schema, b->diag); /* its errors too, in the same run */
		return EXIT_BOOK;
	}
	if (!s->check_only && !out_is_safe(s->out_dir, b->book->root, b->entries, 2, b->diag))
		return EXIT_USAGE;
	b->show_early = b->early != NULL && b->early->n > 0 &&
	                early_changes_pass(b->valid, b->book, b->schema);
	if (!s->preview)
		task_start(&b->validation, validate, b, b->diag);
	else if (!b->show_early)
		task_run(&b->validation, validate, b, b->diag);
	if (task_running(&b->validation))
		diag_hold(b->diag);
	clock_stage(&b->clock, "check");
	return b->show_early || task_running(&b->validation) || b->validation.ok || s->keep_going
	           ? EXIT_OK
	           : EXIT_BOOK;
}

/* A preview's pages open in browsers, once the book is planned and its renderer open (status
 * says so), shown before the whole book is validated, here (the validator leaves out what
 * the plan added to the tree). */
static int show_early(struct build *b, int status)
{
	if (status == EXIT_OK)
		early_render(&b->renderer, b->book, b->params, b->early);
	clock_stage(&b->clock, "early");
	task_run(&b->validation, validate, b, b->diag);
	clock_stage(&b->clock, "validate");
	return status != EXIT_OK || b->validation.ok || b->settings->keep_going ? status : EXIT_BOOK;
}

/* Waits for the schema's verdict, then shows its messages and, when the book is valid or the
 * build goes on anyway, the ones held meanwhile. Returns whether the book is valid. */
static int await_verdict(struct build *b)
{
	int valid = task_finish(&b->validation);

	task_show(&b->validation, b->diag, 1);
	diag_release(b->diag, valid || b->settings->keep_going);
	return valid;
}

static int plan(struct build *b)
{
	int errors = plan_book(b->book, &b->plan, b->diag);

	clock_stage(&b->clock, "plan");
	return errors > 0 && !b->settings->keep_going ? EXIT_BOOK : EXIT_OK;
}

static int open_renderer(struct build *b)
{
	const struct build_settings *s = b->settings;
	char *datadir = find_datadir();
	int opened = render_open(&b->renderer, datadir, b->diag);

	free(datadir);
	if (!opened)
		return EXIT_IO;
	b->renderer.kept = b->stylesheets;
	b->lang = xmlNodeGetLang(xmlDocGetRootElement(b->book->doc));
	b->l10n = lang_words_path(b->renderer.datadir, b->book, b->diag);
	const char *params[] = {"lang", b->lang ? (const char *)b->lang : "en", "l10n", b->l10n,
	                        "base-url", s->base_url ? s->base_url : "",
	                        "edit-url", s->edit_url ? s->edit_url : "", NULL};
	memcpy(b->params, params, sizeof params);
	return EXIT_OK;
}

/* check renders the site in memory, for the warnings only the stylesheets can give. */
static int render_in_memory(struct build *b)
{
	xmlDocPtr site = render_stylesheet(&b->renderer, SITE_STYLESHEET, b->book, b->params);
	int ok = site != NULL;

	xmlFreeDoc(site);
	clock_stage(&b->clock, "render");
	if (await_verdict(b) && ok)
		printf("mixdown: %s: no errors, %d warnings (%.0f ms)\n", b->settings->book,
		       b->diag->tally.count[SEV_WARNING], clock_total(&b->clock));
	return ok ? EXIT_OK : EXIT_IO;
}

static int make_site(struct build *b)
{
	int ok = site_write(&b->renderer, &b->plan, &b->out, b->book, b->params) >= 0;

	clock_stage(&b->clock, "site");
	return ok;
}

/* The PNGs the plan asks for, taken from the build published in the output folder when it drew
 * them alike (the lock is held, so no other build removes that one meanwhile), also put
 * through also unless it is NULL. Returns what raster_draw does. */
static int draw_rasters(struct build *b, struct writer *also)
{
	char *earlier = out_published(b->settings->out_dir);
	int undrawn = raster_draw(b->book, &b->plan, earlier, also, b->diag);

	free(earlier);
	return undrawn;
}

/* What the EPUB's process returns besides 1 (written) and 0 (not written). */
#define EPUB_UNDRAWN 2 /* an image cannot be drawn: the book's error */

/* The EPUB, once the book is planned. It shares nothing with the site but the PNGs it draws
 * first, which it puts in the site's folder too (the site leaves them out): drawing a cover
 * is a good part of a fresh build, and here it runs beside the site. */
static int make_epub(void *data, struct diag *d)
{
	struct build *b = data;
	struct writer site = writer_to_folder(&b->out, SITE_DIR);
	int report_unknown = b->renderer.report_unknown;
	int undrawn = draw_rasters(b, &site);
	long size;

	(void)d; /* the renderer and the output folder report through it already */
	if (undrawn != 0)
		return undrawn > 0 ? EPUB_UNDRAWN : 0;
	b->renderer.report_unknown = 0; /* the site's rendering reports those */
	size = epub_write(&b->renderer, b->book, &b->plan, &b->out, b->params);
	b->renderer.report_unknown = report_unknown;
	return size >= 0;
}

static void print_summary(const struct build *b, long epub_size)
{
	const struct build_settings *s = b->settings;

	if (s->preview)
		printf("mixdown: %zu pages in %s/" SITE_DIR " in %.0f ms\n", b->plan.npages, s->out_dir,
		       clock_total(&b->clock));
	else
		printf("mixdown: %zu pages in %s/" SITE_DIR ", %s/%s (%ld KiB) in %.0f ms\n", b->plan.npages,
		       s->out_dir, s->out_dir, b->epub_name, (epub_size + 1023) / 1024,
		       clock_total(&b->clock));
}

/* A preview tells its server which pages differ from those published before it. */
static void tell_changes(struct build *b)
{
	char *site = path_join(b->out.tmp, SITE_FOLDER);
	char *earlier = out_published(b->settings->out_dir);
	char *published = earlier != NULL ? path_join(earlier, SITE_FOLDER) : NULL;

	early_tell_changes(site, published, b->early);
	free(published);
	free(earlier);
	free(site);
}

/* The site here and the EPUB beside it, published together once the book is valid (or, with
 * --keep-going, whatever its errors). */
static int write_outputs(struct build *b)
{
	const struct build_settings *s = b->settings;
	long epub_size = 0;
	int ok, valid, undrawn = 0;

	if (!out_begin(&b->out, s->out_dir, b->entries, 2, b->diag))
		return EXIT_IO;
	b->out.unsynced = s->preview;
	if (s->preview) {
		undrawn = draw_rasters(b, NULL) != 0;
		clock_stage(&b->clock, "draw");
	} else {
		task_start(&b->epub, make_epub, b, b->diag);
	}
	ok = !undrawn && make_site(b);
	if (!s->preview) {
		ok &= task_finish(&b->epub);
		undrawn = b->epub.result == EPUB_UNDRAWN;
		epub_size = file_size(b->out.tmp, b->epub_name);
	}
	clock_stage(&b->clock, "epub");
	valid = await_verdict(b) || s->keep_going;
	task_show(&b->epub, b->diag, valid);
	if (!valid || undrawn) {
		out_discard(&b->out);
		return EXIT_BOOK;
	}
	if (ok && b->early != NULL)
		tell_changes(b);
	if (ok)
		ok = out_commit(&b->out);
	else
		out_discard(&b->out);
	clock_stage(&b->clock, "write");
	if (ok)
		print_summary(b, epub_size);
	fflush(stdout);
	return ok ? EXIT_OK : EXIT_IO;
}

static void build_free(struct build *b)
{
	render_close(&b->renderer);
	free(b->l10n);
	xmlFree(b->lang);
	plan_free(&b->plan);
	free(b->epub_name);
	book_free(b->book);
}

/* A preview's book is valid: its files are kept, to tell what the next save changes. */
static void keep_valid_files(struct build *b)
{
	if (b->valid->n == 0)
		schema_ready_alone(b->schema); /* the next save checks its files with it */
	valid_files_keep(b->valid, b->book);
}

int builder_run(struct builder *builder, const struct early_pages *early, struct diag *d)
{
	const struct build_settings *s = &builder->settings;
	struct build b = {.settings = s, .schemas = &builder->schemas, .diag = d, .early = early,
	                  .valid = &builder->valid, .stylesheets = builder->stylesheets};
	int status;

	if (!s->check_only && !s->preview && !epub_check_source_date(d))
		return EXIT_USAGE;
	clock_start(&b.clock, s->timing);
	status = load(&b);
	if (status == EXIT_OK)
		status = check(&b);
	if (status == EXIT_OK) {
		status = plan(&b);
		if (status == EXIT_OK)
			status = open_renderer(&b);
		if (b.show_early)
			status = show_early(&b, status);
		if (status == EXIT_OK)
			status = s->check_only ? render_in_memory(&b) : write_outputs(&b);
		if (!await_verdict(&b))
			status = b.validation.result == VALIDATION_NO_SCHEMA ? EXIT_IO : EXIT_BOOK;
		else if (s->preview)
			keep_valid_files(&b);
	}
	build_free(&b);
	return status == EXIT_OK && diag_failed(d) ? EXIT_BOOK : status;
}

int builder_open(struct builder *b, const struct build_settings *s, struct diag *d)
{
	char *datadir = find_datadir();
	int opened;

	b->settings = *s;
	b->valid = (struct valid_files){0};
	b->stylesheets = s->preview ? render_keep() : NULL;
	opened = schemas_open(&b->schemas, datadir, d);
	free(datadir);
	return opened;
}

void builder_close(struct builder *b)
{
	valid_files_free(&b->valid);
	render_forget(b->stylesheets);
	schemas_close(&b->schemas);
}
