/* out.c: writes each build as a new generation under DIR/.mixdown/ while holding the folder's
 * lock, syncs it, and publishes it whole with one rename of the DIR/.mixdown/current link, so a
 * failed, interrupted or killed build loses nothing and readers never see two builds mixed. */
#define _GNU_SOURCE
#include "out.h"
#include "layout.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATE_DIR ".mixdown"   /* DIR/.mixdown: everything mixdown keeps in DIR */
#define CURRENT "current"      /* DIR/.mixdown/current -> gen-XXXXXX, the published build */
#define NEXT "current.next"    /* the new link, renamed over CURRENT */
#define LOCK "lock"
#define GENERATION "gen-XXXXXX"
#define EARLIER "earlier-"     /* an entry written by mixdown 0.1, moved aside to be removed */
#define OLD_TEMPORARY ".mixdown-XXXXXX" /* the temporary folders of mixdown 0.1 */

static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
	caught_signal = sig;
}

void out_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int out_interrupted(void)
{
	return caught_signal != 0;
}

void out_forget_signal(void)
{
	caught_signal = 0;
}

void out_reraise(void)
{
	if (caught_signal != 0) {
		signal(caught_signal, SIG_DFL);
		raise(caught_signal);
	}
}

static int fail(const struct out *o, const char *path, int err)
{
	char *text = xasprintf("%s: %s", path, strerror(err));
	diag_report(o->diag, NULL, D_WRITE_FAILED, text);
	free(text);
	return 0;
}

/* mkdir -p for every folder in path up to its last '/'. */
static int make_parents(char *path)
{
	for (char *p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int failed = mkdir(path, 0777) != 0 && errno != EEXIST;
		*p = '/';
		if (failed)
			return -1;
	}
	return 0;
}

static int safe_relative(const char *rel)
{
	if (rel[0] == '\0' || rel[0] == '/')
		return 0;
	for (const char *p = rel; *p != '\0'; p = strchr(p, '/') ? strchr(p, '/') + 1 : "") {
		if (strncmp(p, "../", 3) == 0 || strcmp(p, "..") == 0)
			return 0;
	}
	return 1;
}

/* ---- what sits at DIR/entry ---- */

enum entry_kind {
	ENTRY_ABSENT,  /* nothing (or nothing that can be seen) */
	ENTRY_OURS,    /* the link DIR/entry -> .mixdown/current/entry */
	ENTRY_EARLIER, /* the plain folder or file that mixdown 0.1 wrote */
	ENTRY_FOREIGN, /* anything else: never replaced */
};

static int is_regular_file(const char *folder, const char *rel)
{
	char *path = path_join(folder, rel);
	struct stat st;
	int regular = lstat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return regular;
}

/* A site as mixdown 0.1 wrote it. */
static int is_earlier_site(const char *path)
{
	for (const char *const *f = layout_earlier_site_files; *f != NULL; f++)
		if (!is_regular_file(path, *f))
			return 0;
	return 1;
}

/* An EPUB as mixdown writes it: a zip whose first entry is "mimetype", stored with no extra
 * field, holding "application/epub+zip". */
static int is_earlier_epub(const char *path)
{
	static const char start[] = "PK\3\4";
	static const char name_and_type[] = "mimetypeapplication/epub+zip";
	unsigned char head[30 + sizeof name_and_type - 1];
	FILE *fp = fopen(path, "rb");
	int epub = fp != NULL && fread(head, 1, sizeof head, fp) == sizeof head &&
	           memcmp(head, start, 4) == 0 && head[26] == 8 && head[27] == 0 && head[28] == 0 &&
	           head[29] == 0 && memcmp(head + 30, name_and_type, sizeof name_and_type - 1) == 0;

	if (fp != NULL)
		fclose(fp);
	return epub;
}

static int is_our_link(const char *path, const char *name)
{
	char *target = path_join(STATE_DIR "/" CURRENT, name);
	size_t len = strlen(target);
	char *found = malloc(len + 1); /* room to tell a longer link apart */
	ssize_t n = found != NULL ? readlink(path, found, len + 1) : -1;
	int ours = n == (ssize_t)len && memcmp(found, target, len) == 0;

	free(found);
	free(target);
	return ours;
}

static enum entry_kind entry_kind(const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	struct stat st;
	enum entry_kind kind = ENTRY_FOREIGN;

	if (lstat(path, &st) != 0)
		kind = ENTRY_ABSENT; /* writing there later reports any real fault */
	else if (S_ISLNK(st.st_mode))
		kind = is_our_link(path, name) ? ENTRY_OURS : ENTRY_FOREIGN;
	else if ((S_ISDIR(st.st_mode) && is_earlier_site(path)) ||
	         (S_ISREG(st.st_mode) && is_earlier_epub(path)))
		kind = ENTRY_EARLIER;
	free(path);
	return kind;
}

/* Reports each entry that mixdown would have to replace but did not write. */
static int entries_are_ours(const char *dir, const char *const *entries, size_t n,
                            struct diag *d)
{
	int ok = 1;

	for (size_t i = 0; i < n; i++) {
		if (entry_kind(dir, entries[i]) == ENTRY_FOREIGN) {
			char *path = path_join(dir, entries[i]);
			diag_report(d, NULL, D_OUTPUT_FOREIGN, path);
			free(path);
			ok = 0;
		}
	}
	return ok;
}

/* ---- where the output folder is ---- */

/* The canonical path dir has, or will have once created: the canonical path of its nearest
 * existing ancestor, then the rest with "." and ".." taken by name. NULL when unknown. */
static char *future_realpath(const char *dir)
{
	char *found = realpath(dir, NULL), *copy, *slash, *parent, *last;
	size_t len;

	if (found != NULL || errno != ENOENT)
		return found;
	copy = strdup(dir);
	for (len = strlen(copy); len > 1 && copy[len - 1] == '/'; len--)
		copy[len - 1] = '\0';
	slash = strrchr(copy, '/');
	last = slash != NULL ? slash + 1 : copy;
	if (slash != NULL)
		*slash = '\0';
	parent = future_realpath(slash == NULL ? "." : slash == copy ? "/" : copy);
	if (parent != NULL && strcmp(last, "..") == 0) {
		slash = strrchr(parent, '/');
		slash[slash == parent] = '\0';
		found = parent;
	} else if (parent != NULL && strcmp(last, ".") != 0) {
		found = path_join(strcmp(parent, "/") == 0 ? "" : parent, last);
		free(parent);
	} else {
		found = parent;
	}
	free(copy);
	return found;
}

/* Why replacing html/ in the folder at canonical could destroy work, or NULL. */
static const char *unsafe_reason(const char *canonical, const char *book_root)
{
	const char *home_variable = getenv("HOME");
	char *home = home_variable != NULL ? realpath(home_variable, NULL) : NULL;
	char *git = path_join(canonical, ".git");
	const char *why = NULL;
	struct stat st;

	if (strcmp(canonical, "/") == 0)
		why = "the root of the file system";
	else if (home != NULL && strcmp(canonical, home) == 0)
		why = "your home folder";
	else if (strcmp(canonical, book_root) == 0)
		why = "the book's own folder";
	else if (stat(git, &st) == 0)
		why = "the root of a repository";
	free(home);
	free(git);
	return why;
}

int out_is_safe(const char *dir, const char *book_root, const char *const *entries, size_t n,
                struct diag *d)
{
	char *canonical = dir[0] != '\0' ? future_realpath(dir) : NULL;
	const char *why = dir[0] == '\0'  ? "an empty name"
	                  : canonical     ? unsafe_reason(canonical, book_root)
	                                  : NULL;

	free(canonical);
	if (why != NULL) {
		diag_report(d, NULL, D_OUTPUT_UNSAFE, dir, why);
		return 0;
	}
	return entries_are_ours(dir, entries, n, d);
}

/* ---- removing ---- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* In DIR/.mixdown, everything but the lock, the current link and the generation it names. */
static int is_leftover(const char *name, const char *current)
{
	return strcmp(name, LOCK) != 0 && strcmp(name, CURRENT) != 0 &&
	       (current == NULL || strcmp(name, current) != 0);
}

static int is_old_temporary(const char *name, const char *unused)
{
	(void)unused;
	size_t prefix = strlen(OLD_TEMPORARY) - strlen("XXXXXX");

	return strlen(name) == strlen(OLD_TEMPORARY) && strncmp(name, OLD_TEMPORARY, prefix) == 0;
}

static void remove_each(const char *folder, int (*unwanted)(const char *, const char *),
                        const char *keep)
{
	DIR *listing = opendir(folder);
	struct dirent *e;

	while (listing != NULL && (e = readdir(listing)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    !unwanted(e->d_name, keep))
			continue;
		char *path = path_join(folder, e->d_name);
		remove_tree(path);
		free(path);
	}
	if (listing != NULL)
		closedir(listing);
}

/* What killed or earlier builds left: other generations, a half-made link, moved-aside
 * entries, and mixdown 0.1's temporary folders. Only called while holding the lock. */
static void remove_leftovers(const struct out *o, const char *current)
{
	remove_each(o->state, is_leftover, current);
	remove_each(o->dir, is_old_temporary, NULL);
}

/* The name of the generation the current link in state names, newly allocated, or NULL. */
static char *generation_in(const char *state)
{
	char *link = path_join(state, CURRENT);
	char target[256];
	ssize_t n = readlink(link, target, sizeof target - 1);

	free(link);
	if (n <= 0)
		return NULL;
	target[n] = '\0';
	return xstrdup(target);
}

char *out_published(const char *dir)
{
	char *state = path_join(dir, STATE_DIR);
	char *name = generation_in(state);
	char *folder = NULL;

	/* only a generation of mixdown's own, never a link planted to lead elsewhere */
	if (name != NULL && strncmp(name, "gen-", 4) == 0 && strchr(name, '/') == NULL)
		folder = path_join(state, name);
	free(name);
	free(state);
	return folder;
}

/* ---- beginning ---- */

static int take_lock(struct out *o)
{
	char *path = path_join(o->state, LOCK);
	int ok = 1;

	o->lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (o->lock < 0) {
		ok = fail(o, path, errno);
	} else if (flock(o->lock, LOCK_EX | LOCK_NB) != 0) {
		if (o->diag->format == FORMAT_TEXT) /* a status line, as no message to act on */
			fprintf(stderr, "mixdown: another build is writing into %s; waiting for it "
			                "to end\n", o->dir);
		while (ok && flock(o->lock, LOCK_EX) != 0) {
			if (errno != EINTR)
				ok = fail(o, path, errno);
			else if (out_interrupted())
				ok = 0;
		}
	}
	free(path);
	return ok;
}

/* mkdtemp makes a folder only its owner can enter; the published one must be readable like
 * any folder made with mkdir. */
static mode_t process_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

int out_begin(struct out *o, const char *dir, const char *const *entries, size_t n,
              struct diag *d)
{
	char *with_slash = path_join(dir, STATE_DIR "/");
	char *current;
	int ok;

	memset(o, 0, sizeof *o);
	o->lock = -1;
	o->diag = d;
	o->dir = strdup(dir);
	o->state = path_join(dir, STATE_DIR);
	o->entries = entries;
	o->nentries = n;
	ok = make_parents(with_slash) == 0 || fail(o, dir, errno);
	free(with_slash);
	ok = ok && take_lock(o);
	if (ok) {
		current = generation_in(o->state);
		remove_leftovers(o, current);
		free(current);
		o->tmp = path_join(o->state, GENERATION);
		if (mkdtemp(o->tmp) == NULL || chmod(o->tmp, 0777 & ~process_umask()) != 0) {
			ok = fail(o, o->tmp, errno);
			free(o->tmp);
			o->tmp = NULL;
		}
	}
	if (!ok)
		out_discard(o);
	return ok;
}

/* ---- writing ---- */

char *out_prepare(const struct out *o, const char *rel)
{
	char *path;

	if (!safe_relative(rel)) {
		char *why = xasprintf("refusing to write %s outside the output folder", rel);
		diag_report(o->diag, NULL, D_INTERNAL, why);
		free(why);
		return NULL;
	}
	if (out_interrupted())
		return NULL;
	path = path_join(o->tmp, rel);
	if (make_parents(path) != 0) {
		fail(o, path, errno);
		free(path);
		return NULL;
	}
	return path;
}

int out_write(const struct out *o, const char *rel, const void *data, size_t len)
{
	char *path = out_prepare(o, rel);
	FILE *fp;
	int ok;

	if (path == NULL)
		return 0;
	fp = fopen(path, "wb");
	if (fp == NULL) {
		ok = fail(o, path, errno);
		free(path);
		return ok;
	}
	ok = fwrite(data, 1, len, fp) == len;
	ok &= fflush(fp) == 0;
	int err = errno;
	ok &= fclose(fp) == 0;
	if (!ok)
		fail(o, path, err ? err : errno);
	free(path);
	return ok;
}

/* ---- committing ---- */

static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int ok = fd >= 0 && fsync(fd) == 0;
	int err = errno;

	if (fd >= 0)
		close(fd);
	errno = err;
	return ok;
}


/* Every file and folder of the generation on disk before anything points at it: one syncfs of
 * the output's file system, which commits its journal once, where a sync of each file
 * committed it once per file (the handbook's 70 files: 28 ms against 5 on ext4). */
static int sync_generation(const struct out *o)
{
	int fd = open(o->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int ok = fd >= 0 && syncfs(fd) == 0;
	int err = errno;

	if (fd >= 0)
		close(fd);
	return ok || fail(o, o->tmp, err);
}

static int generation_has(const struct out *o, const char *name)
{
	char *path = path_join(o->tmp, name);
	struct stat st;
	int has = lstat(path, &st) == 0;

	free(path);
	return has;
}

/* Before the switch: moves aside what mixdown 0.1 wrote, and makes the link DIR/name ->
 * .mixdown/current/name for each entry this build wrote (it leads nowhere until the switch
 * when the current build lacks that entry). Refuses whatever mixdown did not write. */
static int link_entry(const struct out *o, const char *name)
{
	char *path = path_join(o->dir, name);
	char *aside = NULL;
	char *target = path_join(STATE_DIR "/" CURRENT, name);
	enum entry_kind kind = entry_kind(o->dir, name);
	int ok = 1;

	if (kind == ENTRY_FOREIGN) {
		diag_report(o->diag, NULL, D_OUTPUT_FOREIGN, path);
		ok = 0;
	} else if (kind == ENTRY_EARLIER) {
		aside = malloc(strlen(o->state) + strlen(EARLIER) + strlen(name) + 2);
		if (aside == NULL)
			abort();
		sprintf(aside, "%s/" EARLIER "%s", o->state, name);
		ok = rename(path, aside) == 0 || fail(o, path, errno);
	}
	if (ok && kind != ENTRY_OURS && generation_has(o, name))
		ok = symlink(target, path) == 0 || fail(o, path, errno);
	free(aside);
	free(target);
	free(path);
	return ok;
}

/* The one step that publishes: DIR/.mixdown/current now names this generation. */
static int switch_current(const struct out *o)
{
	char *next = path_join(o->state, NEXT);
	char *current = path_join(o->state, CURRENT);
	const char *generation = strrchr(o->tmp, '/') + 1;
	int ok;

	unlink(next);
	ok = (symlink(generation, next) == 0 && rename(next, current) == 0 &&
	      sync_path(o->state)) || fail(o, current, errno);
	free(next);
	free(current);
	return ok;
}

/* After the switch: the links to entries this build did not write lead nowhere; remove them. */
static void unlink_unwritten(const struct out *o)
{
	for (size_t i = 0; i < o->nentries; i++) {
		if (generation_has(o, o->entries[i]) || entry_kind(o->dir, o->entries[i]) != ENTRY_OURS)
			continue;
		char *path = path_join(o->dir, o->entries[i]);
		unlink(path);
		free(path);
	}
}

int out_commit(struct out *o)
{
	int ok = !out_interrupted() && (o->unsynced || sync_generation(o));

	for (size_t i = 0; ok && i < o->nentries; i++)
		ok = link_entry(o, o->entries[i]);
	ok = ok && switch_current(o);
	if (ok) {
		unlink_unwritten(o);
		sync_path(o->dir);
		remove_leftovers(o, strrchr(o->tmp, '/') + 1);
		free(o->tmp);
		o->tmp = NULL; /* published: not to be discarded */
	}
	out_discard(o);
	return ok;
}

void out_discard(struct out *o)
{
	if (o->tmp != NULL)
		remove_tree(o->tmp);
	if (o->lock >= 0)
		close(o->lock);
	free(o->tmp);
	free(o->state);
	free(o->dir);
	memset(o, 0, sizeof *o);
	o->lock = -1;
}
