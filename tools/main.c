/* main.c: the mixdown command line: parses options, runs the stages in order, prints the
 * summary and turns the outcome into a documented exit status. */
#define _GNU_SOURCE
#include <errno.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "epub.h"
#include "lang.h"
#include "load.h"
#include "out.h"
#include "plan.h"
#include "render.h"
#include "serve.h"
#include "site.h"

#ifndef MIXDOWN_VERSION
#define MIXDOWN_VERSION "0.0"
#endif
#ifndef MIXDOWN_DATADIR
#define MIXDOWN_DATADIR "/usr/local/share/mixdown"
#endif

enum exit_status {
	EXIT_OK = 0,
	EXIT_BOOK = 1,  /* the book has errors */
	EXIT_USAGE = 2, /* the command line is wrong */
	EXIT_IO = 3,    /* reading the tool's own files or writing the outputs failed */
};

enum command { CMD_NONE, CMD_BUILD, CMD_CHECK, CMD_SERVE };

struct options {
	enum command command;
	const char *book;
	const char *out_dir;
	const char *edit_url; /* prefix of "Edit this page" links, or NULL */
	const char *base_url; /* the site's address, for canonical links and the sitemap */
	int timing;
	const char *level;        /* -W */
	enum diag_format format;  /* --format */
	const char *bind;         /* serve: the address to listen on */
	unsigned port;            /* serve: the port */
	int allow_remote;         /* serve: a non-loopback address was asked for */
	int site_only;            /* build the site but not the EPUB (serve's rebuilds) */
	const char *datadir;      /* mixdown's stylesheets, styles and schema layer */
	struct schemas *schemas;  /* compiled once per run, kept across serve's rebuilds */
};

static const char usage_text[] =
	"usage: mixdown build BOOK.xml [-o DIR] [--base-url URL] [--edit-url URL] [--timing]\n"
	"                     [-W LEVEL] [--format=text|json]\n"
	"       mixdown check BOOK.xml [-W LEVEL] [--format=text|json]\n"
	"       mixdown serve BOOK.xml [-o DIR] [--port N] [--bind ADDR [--allow-remote]]\n"
	"       mixdown --help | --version\n";

static const char help_text[] =
	"mixdown turns a DocBook 5 book into a static website and an EPUB 3.\n"
	"\n"
	"Commands:\n"
	"  build BOOK.xml   check the book, then write DIR/html/ and DIR/NAME.epub\n"
	"  check BOOK.xml   check the book and write nothing\n"
	"  serve BOOK.xml   build, serve DIR/html/ on 127.0.0.1 and rebuild on every save;\n"
	"                   open pages reload themselves (Ctrl-C stops)\n"
	"\n"
	"Options:\n"
	"  -o, --output DIR  where build writes (default: output)\n"
	"  --base-url URL    the site's public address: adds canonical links and sitemap.xml\n"
	"  --edit-url URL    adds \"Edit this page\" links: URL followed by the page's source\n"
	"                    file, relative to the book's folder\n"
	"  --timing          print the time each stage took\n"
	"  -W LEVEL          show messages down to LEVEL (error, warning or style) and fail\n"
	"                    if any is shown; without it errors and warnings are shown and\n"
	"                    only errors fail\n"
	"  --format=json     messages as one JSON object per line\n"
	"  --port N          serve: the port (default 8000)\n"
	"  --bind ADDR       serve: the address (default 127.0.0.1); one that is not loopback\n"
	"                    also needs --allow-remote\n"
	"  -h, --help        show this help\n"
	"  -V, --version     show the version\n"
	"\n"
	"Exit status: 0 success, 1 the book has errors, 2 wrong command line,\n"
	"3 the outputs could not be written or mixdown's own files are missing.\n"
	"Messages read FILE:LINE:COL: error: TEXT, FILE being the chapter to edit.\n";

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

static void clock_stage(struct clock *c, const char *stage)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (c->print)
		fprintf(stderr, "mixdown: %-7s %8.1f ms\n", stage, ms_between(&c->last, &now));
	c->last = now;
}

static double clock_total(const struct clock *c)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return ms_between(&c->start, &now);
}

/* ---- options ---- */

static int usage_error(const char *what)
{
	fprintf(stderr, "mixdown: %s\n%s", what, usage_text);
	return EXIT_USAGE;
}

static int is_web_url(const char *url)
{
	return strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
}

/* The value after option argv[*i], or NULL when it is missing. */
static const char *option_value(int argc, char **argv, int *i)
{
	return *i + 1 < argc ? argv[++*i] : NULL;
}

/* Handles the option argv[*i] (and its value). Returns -1 to go on, or the exit status. */
static int parse_option(int argc, char **argv, int *i, struct options *o)
{
	const char *a = argv[*i], *v;

	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
		fputs(help_text, stdout);
		fputs(usage_text, stdout);
		return EXIT_OK;
	} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
		printf("mixdown %s (libxml2 %s, libxslt %s)\n", MIXDOWN_VERSION, xmlParserVersion,
		       xsltEngineVersion);
		return EXIT_OK;
	} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
		if ((o->out_dir = option_value(argc, argv, i)) == NULL)
			return usage_error("-o needs a folder");
	} else if (strcmp(a, "--base-url") == 0 || strcmp(a, "--edit-url") == 0) {
		if ((v = option_value(argc, argv, i)) == NULL || !is_web_url(v))
			return usage_error("--base-url and --edit-url need an http:// or https:// URL");
		if (strcmp(a, "--base-url") == 0)
			o->base_url = v;
		else
			o->edit_url = v;
	} else if (strcmp(a, "-W") == 0) {
		if ((o->level = option_value(argc, argv, i)) == NULL)
			return usage_error("-W needs a level: error, warning or style");
	} else if (strcmp(a, "--format=json") == 0 || strcmp(a, "--format=text") == 0) {
		o->format = a[9] == 'j' ? FORMAT_JSON : FORMAT_TEXT;
	} else if (strcmp(a, "--port") == 0) {
		char *end = NULL;
		long port = (v = option_value(argc, argv, i)) ? strtol(v, &end, 10) : 0;
		if (v == NULL || *end != '\0' || port < 1 || port > 65535)
			return usage_error("--port needs a number from 1 to 65535");
		o->port = (unsigned)port;
	} else if (strcmp(a, "--bind") == 0) {
		if ((o->bind = option_value(argc, argv, i)) == NULL)
			return usage_error("--bind needs an address");
	} else if (strcmp(a, "--allow-remote") == 0) {
		o->allow_remote = 1;
	} else if (strcmp(a, "--timing") == 0) {
		o->timing = 1;
	} else {
		char text[300];
		snprintf(text, sizeof text, "unknown option '%.200s'", a);
		return usage_error(text);
	}
	return -1;
}

/* The command, then the book. */
static int parse_word(const char *a, struct options *o)
{
	static const struct { const char *name; enum command command; } commands[] = {
		{"build", CMD_BUILD}, {"check", CMD_CHECK}, {"serve", CMD_SERVE}};

	if (o->command == CMD_NONE) {
		for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
			if (strcmp(a, commands[k].name) == 0)
				o->command = commands[k].command;
		return o->command == CMD_NONE
		           ? usage_error("the command is 'build', 'check' or 'serve'") : -1;
	}
	if (o->book != NULL)
		return usage_error("only one book at a time");
	o->book = a;
	return -1;
}

/* Returns -1 to go on, or the exit status to end with. */
static int parse_options(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->out_dir = "output";
	o->bind = "127.0.0.1";
	o->port = 8000;
	for (int i = 1; i < argc; i++) {
		int status = argv[i][0] == '-' && argv[i][1] != '\0' ? parse_option(argc, argv, &i, o)
		                                                       : parse_word(argv[i], o);
		if (status >= 0)
			return status;
	}
	if (o->command == CMD_NONE)
		return usage_error("no command given");
	if (o->book == NULL)
		return usage_error("no book given");
	if (!serve_is_loopback(o->bind) && !o->allow_remote)
		return usage_error("--bind to an address that is not loopback needs --allow-remote");
	return -1;
}

/* ---- the data folder ---- */

static int has_stylesheets(const char *dir)
{
	char path[4300];
	struct stat st;

	snprintf(path, sizeof path, "%s/xsl/html/site.xsl", dir);
	return stat(path, &st) == 0;
}

/* MIXDOWN_DATADIR, then beside the executable (installed: ../share/mixdown; source tree:
 * ..), then the folder the build was configured with. */
static char *find_datadir(void)
{
	const char *env = getenv("MIXDOWN_DATADIR");
	char exe[4096], candidate[4200];
	ssize_t n;

	if (env != NULL && *env != '\0')
		return strdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash != NULL)
			*slash = '\0';
		snprintf(candidate, sizeof candidate, "%s/../share/mixdown", exe);
		if (has_stylesheets(candidate))
			return strdup(candidate);
		snprintf(candidate, sizeof candidate, "%s/..", exe);
		if (has_stylesheets(candidate))
			return strdup(candidate);
	}
	return strdup(MIXDOWN_DATADIR);
}

/* ---- the stages ---- */

/* The schema validation, which may run in a child process while this one plans and renders:
 * nothing is committed, and no message of this process shown, before its verdict. */
struct validation {
	pid_t pid;    /* the validating child, or 0 when it ran here */
	int valid;
	struct diag *diag;
};

static void validation_start(struct validation *v, const struct options *o,
                             const struct schema *schema, struct book *b, struct diag *d)
{
	v->diag = d;
	v->pid = 0;
	if (!o->site_only) {
		fflush(NULL);
		v->pid = fork();
	}
	if (v->pid == 0 || v->pid < 0) {
		int errors = schema_validate(b, schema, d);
		if (v->pid == 0 && !o->site_only) {
			/* the child's copy of the book is its own to free */
			book_free(b);
			fflush(NULL);
			_exit(errors > 0 ? 1 : 0);
		}
		v->pid = 0;
		v->valid = errors == 0;
		return;
	}
	diag_hold(d);
}

static int child_succeeded(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Waits for the verdict; this process's messages are shown only when the book is valid. */
static int validation_finish(struct validation *v)
{
	if (v->pid > 0) {
		v->valid = child_succeeded(v->pid);
		v->pid = 0;
		diag_release(v->diag, v->valid);
	}
	return v->valid;
}

static long epub_sequentially(struct renderer *r, struct book *b, struct plan *p,
                              struct out *out, const char **params)
{
	xmlDocPtr epub = epub_render(r, b, params);
	long size = epub != NULL ? epub_write(r, b, p, out, epub) : -1;

	xmlFreeDoc(epub);
	return size;
}

/* Renders and zips the EPUB in a child process, so that it runs on another core while this one
 * makes the site: once the book is planned the two outputs share nothing. Returns the child's
 * pid, or 0 when it could not start (the caller then makes the EPUB itself). */
static pid_t start_epub(struct renderer *r, struct book *b, struct plan *p, struct out *out,
                        const char **params)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid != 0)
		return pid > 0 ? pid : 0;
	r->report_unknown = 0; /* the site's rendering reports those */
	diag_release(r->diag, 0); /* this child's messages go straight to stderr */
	long size = epub_sequentially(r, b, p, out, params);
	fflush(stderr);
	_exit(size >= 0 ? 0 : 1);
}

/* The entries a build publishes in the output folder: html and NAME.epub. */
struct entries {
	char epub[4200];
	const char *names[2];
};

static void entries_of(const struct book *b, struct entries *e)
{
	snprintf(e->epub, sizeof e->epub, "%s.epub", b->name);
	e->names[0] = "html";
	e->names[1] = e->epub;
}

static long file_size(const char *folder, const char *name)
{
	char path[8400];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s", folder, name);
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int write_outputs(const struct options *o, struct book *b, struct plan *p,
                         struct renderer *r, const char **params, struct clock *c,
                         struct validation *v)
{
	struct out out;
	struct entries e;
	pid_t epub_pid = 0;
	long size = 0;
	int ok;

	entries_of(b, &e);
	if (!out_begin(&out, o->out_dir, e.names, 2, r->diag))
		return validation_finish(v) ? EXIT_IO : EXIT_BOOK;
	if (!o->site_only)
		epub_pid = start_epub(r, b, p, &out, params);
	xmlDocPtr site = render_stylesheet(r, SITE_STYLESHEET, b, params);
	clock_stage(c, "render");
	ok = site != NULL && site_write(r, p, &out, site) >= 0;
	xmlFreeDoc(site);
	clock_stage(c, "site");
	if (epub_pid > 0)
		ok &= child_succeeded(epub_pid);
	else if (!o->site_only)
		ok &= epub_sequentially(r, b, p, &out, params) >= 0;
	if (!o->site_only)
		size = file_size(out.tmp, e.epub);
	clock_stage(c, "epub");
	if (!validation_finish(v)) {
		out_discard(&out);
		return EXIT_BOOK;
	}
	if (ok)
		ok = out_commit(&out);
	else
		out_discard(&out);
	clock_stage(c, "write");
	if (ok && o->site_only)
		printf("mixdown: %zu pages in %s/html/ in %.0f ms\n", p->npages, o->out_dir,
		       clock_total(c));
	else if (ok)
		printf("mixdown: %zu pages in %s/html/, %s/%s (%ld KiB) in %.0f ms\n", p->npages,
		       o->out_dir, o->out_dir, e.epub, (size + 1023) / 1024, clock_total(c));
	fflush(stdout);
	return ok ? EXIT_OK : EXIT_IO;
}

/* check renders the site in memory, for the warnings only the stylesheets can give. */
static int check_rendering(const struct options *o, struct book *b, struct renderer *r,
                           const char **params, struct clock *c, struct validation *v)
{
	xmlDocPtr site = render_stylesheet(r, SITE_STYLESHEET, b, params);
	int ok = site != NULL;

	xmlFreeDoc(site);
	clock_stage(c, "render");
	if (!validation_finish(v))
		return EXIT_BOOK;
	if (ok)
		printf("mixdown: %s: no errors, %d warnings (%.0f ms)\n", o->book,
		       r->diag->count[SEV_WARNING], clock_total(c));
	return ok ? EXIT_OK : EXIT_IO;
}

/* Plans the pages and runs the stylesheets for the command. */
static int render_book(const struct options *o, struct book *b, struct diag *d,
                       struct clock *c, struct validation *v)
{
	struct renderer r = {0}; /* closed whether or not it was opened */
	struct plan p;
	int status = EXIT_IO;

	int plan_errors = plan_book(b, &p, d);
	clock_stage(c, "plan");
	if (plan_errors > 0) {
		validation_finish(v);
		status = EXIT_BOOK;
	} else if (!render_open(&r, o->datadir, d)) {
		status = validation_finish(v) ? EXIT_IO : EXIT_BOOK;
	} else {
		xmlChar *lang = xmlNodeGetLang(xmlDocGetRootElement(b->doc));
		char *l10n = lang_words_path(r.datadir, b, d);
		const char *params[] = {"lang", lang ? (const char *)lang : "en", "l10n", l10n,
		                        "base-url", o->base_url ? o->base_url : "",
		                        "edit-url", o->edit_url ? o->edit_url : "", NULL};
		status = o->command == CMD_CHECK ? check_rendering(o, b, &r, params, c, v)
		                                 : write_outputs(o, b, &p, &r, params, c, v);
		free(l10n);
		xmlFree(lang);
	}
	render_close(&r);
	plan_free(&p);
	return status;
}

static int start_diag(const struct options *o, struct diag *d)
{
	diag_init(d, stderr);
	d->format = o->format;
	if (o->format == FORMAT_JSON)
		d->color = 0;
	return o->level == NULL || diag_set_level(d, o->level);
}

/* The whole pipeline once: load, check, then render for the command. When the book passes
 * the project's rules, its schema validation runs beside the rendering (see validation). */
static int build_book(const struct options *o, struct diag *d)
{
	struct validation v = {0};
	const struct schema *schema;
	struct entries e;
	struct clock c;
	struct book *b;
	int status;

	if (o->command == CMD_BUILD && !o->site_only && !epub_check_source_date(d))
		return EXIT_USAGE;
	clock_start(&c, o->timing);
	b = load_book(o->book, d);
	clock_stage(&c, "load");
	if (b == NULL)
		return EXIT_BOOK;
	entries_of(b, &e);
	schema = schema_for_book(o->schemas, b, d);
	if (schema == NULL) {
		status = EXIT_IO;
	} else if (check_rules(b, d) > 0) {
		schema_validate(b, schema, d);
		status = EXIT_BOOK;
	} else if (o->command != CMD_CHECK && !out_is_safe(o->out_dir, b->root, e.names, 2, d)) {
		status = EXIT_USAGE;
	} else {
		validation_start(&v, o, schema, b, d);
		clock_stage(&c, "check");
		status = v.pid == 0 && !v.valid ? EXIT_BOOK : render_book(o, b, d, &c, &v);
	}
	book_free(b);
	return status == EXIT_OK && diag_failed(d) ? EXIT_BOOK : status;
}

/* serve's rebuild: the build command's pipeline with fresh messages each time. */
static int rebuild_for_serve(void *data, char *error, size_t size)
{
	const struct options *o = data;
	struct diag d;
	int status;

	start_diag(o, &d);
	status = build_book(o, &d);
	snprintf(error, size, "%s", d.first_error[0] ? d.first_error : "the build failed");
	return status == EXIT_OK;
}

static int serve(const struct options *o)
{
	struct options build = *o;
	struct diag d;
	char *book = strdup(o->book), *slash;
	char site[4200];
	int ok;

	build.command = CMD_BUILD;
	build.site_only = 1;
	slash = strrchr(book, '/');
	if (slash != NULL)
		*slash = '\0';
	snprintf(site, sizeof site, "%s/html", o->out_dir);
	struct serve_options so = {slash ? book : ".", o->out_dir, site, o->bind, o->port,
	                           rebuild_for_serve, &build};
	start_diag(o, &d);
	ok = serve_run(&so, &d);
	out_forget_signal();
	free(book);
	return ok ? EXIT_OK : EXIT_IO;
}

static int run(struct options *o)
{
	struct schemas schemas;
	struct diag d;
	char *datadir;
	int status = EXIT_IO;

	if (!start_diag(o, &d))
		return usage_error("-W takes error, warning or style");
	datadir = find_datadir();
	o->datadir = datadir;
	o->schemas = &schemas;
	if (schemas_open(&schemas, datadir, &d))
		status = o->command == CMD_SERVE ? serve(o) : build_book(o, &d);
	schemas_close(&schemas);
	free(datadir);
	return status;
}

int main(int argc, char **argv)
{
	struct options o;
	int status = parse_options(argc, argv, &o);

	if (status >= 0)
		return status;
	xmlInitParser();
	out_catch_signals();
	status = run(&o);
	xsltCleanupGlobals();
	xmlCleanupParser();
	out_reraise();
	return status;
}
