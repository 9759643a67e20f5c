/* main.c: the mixdown command line: parses options, sets up the messages and runs the
 * command; the pipeline itself is build.c's. */
#define _GNU_SOURCE
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "build.h"
#include "diag.h"
#include "out.h"
#include "serve.h"
#include "util.h"

#ifndef MIXDOWN_VERSION
#define MIXDOWN_VERSION "0.0"
#endif

enum command { CMD_NONE, CMD_BUILD, CMD_CHECK, CMD_SERVE };

struct options {
	enum command command;
	struct build_settings build; /* the book, the output folder and what goes into it */
	const char *level;           /* -W */
	enum diag_format format;     /* --format */
	const char *bind;            /* serve: the address to listen on */
	unsigned port;               /* serve: the port */
	int allow_remote;            /* serve: a non-loopback address was asked for */
};

static const char usage_text[] =
	"usage: mixdown build BOOK.xml [-o DIR] [--root DIR] [--base-url URL] [--edit-url URL]\n"
	"                     [--keep-going] [--timing] [-W LEVEL] [--format=text|json]\n"
	"       mixdown check BOOK.xml [--root DIR] [-W LEVEL] [--format=text|json]\n"
	"       mixdown serve BOOK.xml [-o DIR] [--root DIR] [--port N]\n"
	"                     [--bind ADDR [--allow-remote]]\n"
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
	"  --root DIR        the folder the book's includes, entities and images may come\n"
	"                    from (default: the book file's folder); serve watches it\n"
	"  --base-url URL    the site's public address: adds canonical links and sitemap.xml\n"
	"  --edit-url URL    adds \"Edit this page\" links: URL followed by the page's source\n"
	"                    file, relative to the book's folder\n"
	"  --keep-going      build: write the outputs even when the book has errors (still\n"
	"                    shown, still exit status 1); a link to an unknown id is marked\n"
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
		if ((o->build.out_dir = option_value(argc, argv, i)) == NULL)
			return usage_error("-o needs a folder");
	} else if (strcmp(a, "--root") == 0) {
		if ((o->build.root = option_value(argc, argv, i)) == NULL)
			return usage_error("--root needs a folder");
	} else if (strcmp(a, "--base-url") == 0 || strcmp(a, "--edit-url") == 0) {
		if ((v = option_value(argc, argv, i)) == NULL || !is_web_url(v))
			return usage_error("--base-url and --edit-url need an http:// or https:// URL");
		if (strcmp(a, "--base-url") == 0)
			o->build.base_url = v;
		else
			o->build.edit_url = v;
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
	} else if (strcmp(a, "--keep-going") == 0) {
		o->build.keep_going = 1;
	} else if (strcmp(a, "--timing") == 0) {
		o->build.timing = 1;
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
	if (o->build.book != NULL)
		return usage_error("only one book at a time");
	o->build.book = a;
	return -1;
}

/* Returns -1 to go on, or the exit status to end with. */
static int parse_options(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->build.out_dir = "output";
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
	if (o->build.book == NULL)
		return usage_error("no book given");
	o->build.check_only = o->command == CMD_CHECK;
	o->build.preview = o->command == CMD_SERVE;
	if (o->build.keep_going && o->command != CMD_BUILD)
		return usage_error("--keep-going is for build only");
	if (!serve_is_loopback(o->bind) && !o->allow_remote)
		return usage_error("--bind to an address that is not loopback needs --allow-remote");
	return -1;
}

/* ---- running ---- */

static int start_diag(const struct options *o, struct diag *d)
{
	diag_init(d, stderr);
	d->format = o->format;
	if (o->format == FORMAT_JSON)
		d->color = 0;
	return o->level == NULL || diag_set_level(d, o->level);
}

/* serve's rebuild: the build command's pipeline with fresh messages each time. */
struct rebuild {
	const struct options *options;
	struct builder *builder;
};

static int rebuild_for_serve(void *data, const struct early_pages *early, char *error,
                             size_t size)
{
	const struct rebuild *r = data;
	struct diag d;
	int status;

	start_diag(r->options, &d);
	status = builder_run(r->builder, early, &d);
	snprintf(error, size, "%s", d.tally.first_error[0] ? d.tally.first_error : "the build failed");
	diag_free(&d);
	return status == EXIT_OK;
}

/* The folder a file is in ("." for a bare name), newly allocated. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash != NULL ? xasprintf("%.*s", (int)(slash - path), path) : xstrdup(".");
}

static int serve(const struct options *o, struct builder *builder, struct diag *d)
{
	struct rebuild rebuild = {o, builder};
	char *book_dir = o->build.root ? xstrdup(o->build.root) : folder_of(o->build.book);
	char *site = path_join(o->build.out_dir, SITE_FOLDER);
	struct serve_options so = {book_dir, o->build.out_dir, site, o->bind, o->port,
	                           rebuild_for_serve, &rebuild};
	int ok = serve_run(&so, d);

	out_forget_signal();
	free(site);
	free(book_dir);
	return ok ? EXIT_OK : EXIT_IO;
}

static int run(const struct options *o)
{
	struct builder builder;
	struct diag d;
	int status;

	if (!start_diag(o, &d))
		return usage_error("-W takes error, warning or style");
	if (!builder_open(&builder, &o->build, &d)) {
		diag_free(&d);
		return EXIT_IO;
	}
	status = o->command == CMD_SERVE ? serve(o, &builder, &d) : builder_run(&builder, NULL, &d);
	builder_close(&builder);
	diag_free(&d);
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
