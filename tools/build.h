/* build.h: the pipeline that turns a book into its outputs: load, check, plan, render, write. */
#ifndef MIXDOWN_BUILD_H
#define MIXDOWN_BUILD_H

#include "check.h"
#include "diag.h"
#include "early.h"

/* The outcomes of a run, as mixdown's exit status. */
enum exit_status {
	EXIT_OK = 0,
	EXIT_BOOK = 1,  /* the book has errors */
	EXIT_USAGE = 2, /* the command line is wrong */
	EXIT_IO = 3,    /* reading the tool's own files or writing the outputs failed */
};

/* What the command line asks of every build. */
struct build_settings {
	const char *book;
	const char *out_dir;
	const char *root;      /* --root: the folder the book's files may come from, or NULL */
	const char *edit_url;  /* prefix of "Edit this page" links, or NULL */
	const char *base_url;  /* the site's address, for canonical links and the sitemap */
	int timing;            /* print the time each stage took */
	int check_only;        /* render in memory for the stylesheets' warnings; write nothing */
	int preview;           /* serve's rebuilds: the site without the EPUB, in this process,
	                        * published without waiting for the disk (made again at every start) */
	int keep_going;        /* --keep-going: write the outputs of a book with errors too */
};

/* What outlives one build: the settings, the schema, compiled once for any number of builds,
 * and, for a preview, the stylesheets, compiled once too, and the book's files as they were
 * when it was last valid. */
struct builder {
	struct build_settings settings;
	struct schemas schemas;
	struct valid_files valid;
	struct _xmlHashTable *stylesheets; /* a preview's, compiled once (render_keep), else NULL */
};

/* Compiles the schema; 0 after reporting. */
int builder_open(struct builder *b, const struct build_settings *s, struct diag *d);
/* Runs the pipeline once, reporting through d; returns the exit status. A preview's rebuild
 * shows the pages early asks for first (early.h), when the files that changed pass the schema
 * on their own; early is NULL for other builds. */
int builder_run(struct builder *b, const struct early_pages *early, struct diag *d);
void builder_close(struct builder *b);

#endif
