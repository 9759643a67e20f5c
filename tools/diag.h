/* diag.h: the table of messages and the reporter every stage speaks through. */
#ifndef MIXDOWN_DIAG_H
#define MIXDOWN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_severity { SEV_ERROR, SEV_WARNING, SEV_STYLE, SEV_COUNT };

/* One entry per message in diag.c's table, in the same order. */
enum diag_id {
	D_XML_SYNTAX,
	D_XML_ENCODING,
	D_XML_EMPTY,
	D_BAD_CHARACTER,
	D_INPUT_TOO_LARGE,
	D_XML_UNCLOSED,
	D_DOCTYPE_EXTERNAL,
	D_ENTITY_DECL,
	D_ENTITY_FILE,
	D_ENTITY_EXPANSION,
	D_NOT_DOCBOOK,
	D_NOT_BOOK,
	D_VERSION_UNKNOWN,
	D_SCHEMA_LAYER_MISSING,
	D_XINCLUDE_NO_HREF,
	D_XINCLUDE_PARSE,
	D_XINCLUDE_XPOINTER,
	D_XINCLUDE_FRAGID,
	D_XINCLUDE_NO_NAMESPACE,
	D_XINCLUDE_URL,
	D_XINCLUDE_ABSOLUTE,
	D_XINCLUDE_OUTSIDE,
	D_XINCLUDE_MISSING,
	D_XINCLUDE_LOOP,
	D_XINCLUDE_DEPTH,
	D_OWN_NAMESPACE,
	D_SCHEMA,
	D_SCHEMA_WRAP_LISTITEM,
	D_SCHEMA_NEEDS_TITLE,
	D_SCHEMA_NEEDS,
	D_SCHEMA_UNKNOWN_ELEMENT,
	D_SCHEMA_NOT_ALLOWED,
	D_SCHEMA_MISSING,
	D_SCHEMA_TEXT,
	D_SCHEMA_ATTRIBUTE,
	D_SCHEMA_VALUE,
	D_SCHEMA_ATTRIBUTE_VALUE,
	D_DUPLICATE_ID,
	D_UNKNOWN_ID,
	D_FILEREF_URL,
	D_FILEREF_OUTSIDE,
	D_FILEREF_MISSING,
	D_FILEREF_TYPE,
	D_FILEREF_GENERATED,
	D_SVG_INVALID,
	D_SVG_CLEANED,
	D_IMAGE_NO_ALT,
	D_GLOSSTERM_UNDEFINED,
	D_EMPTY_SECTION,
	D_MISSING_ID,
	D_LINK_SCHEME,
	D_LINK_RELATIVE,
	D_LANG_INVALID,
	D_LANG_NO_WORDS,
	D_UNKNOWN_ELEMENT,
	D_XSLT,
	D_OUTPUT_UNSAFE,
	D_OUTPUT_FOREIGN,
	D_READ_FAILED,
	D_BOOK_OUTSIDE_ROOT,
	D_SOURCE_DATE,
	D_WRITE_FAILED,
	D_INTERNAL,
	D_ID_COUNT
};

struct diag_loc {
	const char *file; /* as shown to the author; NULL for none */
	long line;        /* 1-based; 0 when unknown */
	long col;         /* 1-based; 0 when unknown */
};

enum diag_format { FORMAT_TEXT, FORMAT_JSON };

/* What a diag has counted: kept apart to hand another process's messages over (task.c). */
struct diag_tally {
	int shown;             /* messages printed */
	int count[SEV_COUNT];  /* messages reported, by severity, shown or not */
	char first_error[512]; /* the first error's line, for a live preview's banner */
};

struct diag {
	FILE *out;
	enum diag_format format;
	int color;
	enum diag_severity level;   /* the least severe messages shown */
	int strict;                 /* -W was given: every shown message fails the run */
	struct diag_tally tally;
	FILE *held;                 /* while holding: where messages go once released */
	char *held_text;
	size_t held_len;
	struct _xmlHashTable *shown_lines; /* each message once: an entity's text copied to several
	                                    * places gives the same message at the same place */
};

void diag_init(struct diag *d, FILE *out);
void diag_free(struct diag *d);
/* Sets what -W LEVEL names ("error", "warning" or "style"); returns 0 for an unknown level. */
int diag_set_level(struct diag *d, const char *level);
void diag_report(struct diag *d, const struct diag_loc *loc, enum diag_id id, ...);
void diag_vreport(struct diag *d, const struct diag_loc *loc, enum diag_id id, va_list ap);
enum diag_severity diag_severity_of(enum diag_id id);
int diag_errors(const struct diag *d);
/* Holds the messages printed from now on in memory; release prints them (show) or drops them. */
void diag_hold(struct diag *d);
void diag_release(struct diag *d, int show);
/* Ends holding and gives the held text (malloc'd, *len bytes) to the caller. */
void diag_take_held(struct diag *d, char **text, size_t *len);
/* What d counted after `before` (an earlier copy of d->tally). */
void diag_tally_since(const struct diag *d, const struct diag_tally *before,
                      struct diag_tally *since);
/* Adds messages reported and printed elsewhere: their counts, and their text, which goes out
 * ahead of any d is holding (those still wait for their verdict). */
void diag_merge(struct diag *d, const struct diag_tally *t, const char *text, size_t len);
/* Does the run fail: an error, or with -W any message shown? */
int diag_failed(const struct diag *d);

#endif
