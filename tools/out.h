/* out.h: the output folder, written in a temporary sibling and swapped in at the end. */
#ifndef MIXDOWN_OUT_H
#define MIXDOWN_OUT_H

#include <stddef.h>

#include "diag.h"

struct out {
	char *dir; /* the output folder, e.g. "output" */
	char *tmp; /* DIR/.mixdown-XXXXXX, where this build writes */
	struct diag *diag;
};

/* Refuses, after reporting, an output folder that is "/", the book's folder or a repository's
 * root, where replacing html/ could destroy work. */
int out_is_safe(const char *dir, const char *book_root, struct diag *d);
int out_begin(struct out *o, const char *dir, struct diag *d);
/* Writes data to TMP/rel, creating folders; rel must be relative and stay inside. */
int out_write(const struct out *o, const char *rel, const void *data, size_t len);
int out_copy(const struct out *o, const char *rel, const char *source);
/* The path TMP/rel, newly allocated, after creating its folders; NULL after reporting. */
char *out_prepare(const struct out *o, const char *rel);
/* Moves each named entry of TMP into DIR, replacing what was there, then removes TMP. */
int out_commit(struct out *o, const char *const *entries, size_t n);
/* Removes TMP and everything in it; DIR is left as it was. */
void out_discard(struct out *o);

/* Signals that stop a build: SIGINT and SIGTERM set a flag the writers check. */
void out_catch_signals(void);
int out_interrupted(void);
void out_reraise(void);
/* Forgets a caught signal: for commands that end cleanly on one, as serve does. */
void out_forget_signal(void);

#endif
