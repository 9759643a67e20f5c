/* render.h: the stylesheets, compiled once, applied to the planned book. */
#ifndef MIXDOWN_RENDER_H
#define MIXDOWN_RENDER_H

#include <libxslt/security.h>
#include <libxml/hash.h>
#include <libxslt/xsltInternals.h>

#include "diag.h"
#include "book.h"
#include "xmlerr.h"

/* The namespace of the stylesheets' <out:file> and <out:records> instructions. */
#define MX_OUTPUT_NS "urn:x-mixdown:output"

/* A file the stylesheets make: <out:file href="..." method="html|xhtml|xml">, given to the
 * renderer's sink as soon as it is made, and freed after, so no more than one page of the
 * output is held at a time. */
struct rendered_file {
	const char *href;
	const char *method;
	xmlNodePtr content; /* the element to serialize */
};

struct renderer {
	char *datadir;                 /* holds xsl/ and style/ */
	xsltSecurityPrefsPtr security;
	struct diag *diag;
	const struct book *book;
	int report_unknown;            /* report elements without a template (first pass only) */
	xmlHashTablePtr unknown;       /* their names: the first use and the count */
	xmlNodePtr *unknown_first;     /* the first use of each name, in the order met */
	xmlHashTablePtr unknown_seen;  /* the elements counted, by address: each counts once */
	int unknown_names;
	char message[1024];            /* a stylesheet message being assembled */
	size_t message_len;
	struct generic_handler saved;  /* libxml2's handler before render_open, to restore */
	int handler_set;
	int (*sink)(void *data, struct rendered_file *file); /* where each file goes as it is made */
	void *sink_data;                                      /* (no sink: the files are dropped) */
	int (*record_sink)(void *data, xmlNodePtr record); /* each <out:records>'s elements, as */
	void *record_data;                                 /* they are made (none: dropped) */
	xmlHashTablePtr kept; /* stylesheets compiled by an earlier rendering, by relpath, kept for
	                       * later ones (serve's rebuilds; render_keep); NULL: each is freed */
};

int render_open(struct renderer *r, const char *datadir, struct diag *d);
void render_close(struct renderer *r);

/* Compiles xsl/<relpath>; NULL after reporting. */
xsltStylesheetPtr render_compile(struct renderer *r, const char *relpath);

/* Applies a stylesheet to the book with string parameters (name, value, ..., NULL); returns
 * the result document, NULL after reporting. */
xmlDocPtr render_apply(struct renderer *r, xsltStylesheetPtr style, const struct book *b,
                       const char **params);

/* Compiles xsl/<relpath> (or takes it from r->kept), applies it to the book and frees it
 * (or keeps it in r->kept): the result, or NULL after reporting. */
xmlDocPtr render_stylesheet(struct renderer *r, const char *relpath, const struct book *b,
                            const char **params);

/* params followed by more (each name, value, ..., NULL), in a new array (malloc'd; the strings
 * stay their owners'). */
const char **render_params_join(const char **params, const char *const *more);

/* A table for renderers to keep their compiled stylesheets in, for renderings to come; freed
 * with what it holds by render_forget. */
xmlHashTablePtr render_keep(void);
void render_forget(xmlHashTablePtr kept);

/* The absolute path of datadir/relpath, newly allocated. */
char *render_data_path(const struct renderer *r, const char *relpath);

/* Serializes a rendered file into a new buffer (malloc'd); *len gets its size. The file's
 * content is taken out of its document and freed. */
char *render_serialize(struct rendered_file *file, size_t *len);
#endif
