/* diag.h: the table of messages and the reporter every stage speaks through. */
#ifndef MIXDOWN_DIAG_H
#define MIXDOWN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_severity { SEV_ERROR, SEV_WARNING, SEV_STYLE, SEV_COUNT };

/* The messages, named as messages.def names them. */
enum diag_id {
#define MESSAGE(id, code, severity, text) id,
#include "messages.def"
#undef MESSAGE
	D_ID_COUNT
};

/* Each message's text as D_NAME_text, so that diag_report and book_report hand it to a
 * function the compiler checks like printf: every call's arguments must fit its text. */
#define MESSAGE(id, code, severity, text) static const char id##_text[] = text;
#include "messages.def"
#undef MESSAGE

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
/* Reports message id at loc (NULL for none), its text filled in with the arguments. */
#define diag_report(d, loc, id, ...) diag_report_text(d, loc, id, id##_text, ##__VA_ARGS__)
void diag_report_text(struct diag *d, const struct diag_loc *loc, enum diag_id id,
                      const char *text, ...) __attribute__((format(printf, 4, 5)));
void diag_vreport(struct diag *d, const struct diag_loc *loc, enum diag_id id, const char *text,
                  va_list ap) __attribute__((format(printf, 4, 0)));
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
