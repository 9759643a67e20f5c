/* out.h: the output folder. A build writes a new generation under DIR/.mixdown/ while it holds
 * the folder's lock; one rename of the DIR/.mixdown/current link then publishes all of it at
 * once, seen through the stable links DIR/html and DIR/NAME.epub. */
#ifndef MIXDOWN_OUT_H
#define MIXDOWN_OUT_H

#include <stddef.h>

#include "diag.h"

struct out {
	char *dir;   /* the output folder, e.g. "output" */
	char *state; /* DIR/.mixdown: the lock, the generations and the current link */
	char *tmp;   /* DIR/.mixdown/gen-XXXXXX, the generation this build writes */
	int lock;    /* DIR/.mixdown/lock, held from out_begin to out_commit or out_discard */
	const char *const *entries; /* the names a build may publish in DIR, e.g. html */
	size_t nentries;
	struct diag *diag;
	int unsynced; /* published without syncing the generation first (serve's previews) */
};

/* Refuses, after reporting, an output folder that is empty, "/", the home folder, the book's
 * folder or a repository's root, or one where an entry mixdown would publish (e.g. html) is
 * something mixdown did not write. */
int out_is_safe(const char *dir, const char *book_root, const char *const *entries, size_t n,
                struct diag *d);
/* Takes DIR's lock (waiting for another build, after saying so once), removes what killed
 * builds left, and starts a new generation. entries must live until commit or discard. */
int out_begin(struct out *o, const char *dir, const char *const *entries, size_t n,
              struct diag *d);
/* Writes data to TMP/rel, creating folders; rel must be relative and stay inside. */
int out_write(const struct out *o, const char *rel, const void *data, size_t len);
/* The path TMP/rel, newly allocated, after creating its folders; NULL after reporting. */
char *out_prepare(const struct out *o, const char *rel);
/* Syncs the generation to disk (unless unsynced), then publishes it with one rename: each entry the build wrote
 * appears at DIR/entry, and an entry it did not write (the EPUB, for a site-only build)
 * disappears. Removes the older generations and releases the lock. */
int out_commit(struct out *o);
/* Removes TMP and everything in it and releases the lock; DIR is left as it was. */
void out_discard(struct out *o);

/* The folder of the build published in dir (DIR/.mixdown/gen-XXXXXX, newly allocated), or
 * NULL when there is none: files a new build may take instead of making them again. Another
 * build may remove it at any time; read it knowing a file can vanish. */
char *out_published(const char *dir);

/* Signals that stop a build: SIGINT and SIGTERM set a flag the writers check. */
void out_catch_signals(void);
int out_interrupted(void);
void out_reraise(void);
/* Forgets a caught signal: for commands that end cleanly on one, as serve does. */
void out_forget_signal(void);

#endif
