/* out.c: writes the build into a temporary folder beside the output and moves each result into
 * place only when everything succeeded, so a failed or interrupted build loses nothing. */
#define _GNU_SOURCE
#include "out.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static char *join(const char *a, const char *b)
{
	char *path = malloc(strlen(a) + strlen(b) + 2);
	if (path == NULL)
		abort();
	sprintf(path, "%s/%s", a, b);
	return path;
}

static int fail(const struct out *o, const char *path, int err)
{
	char text[4200];
	snprintf(text, sizeof text, "%s: %s", path, strerror(err));
	diag_report(o->diag, NULL, D_WRITE_FAILED, text);
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

int out_is_safe(const char *dir, const char *book_root, struct diag *d)
{
	char *canonical = realpath(dir, NULL);
	char git[4200];
	const char *why = NULL;
	struct stat st;

	if (canonical == NULL)
		return 1; /* a folder that does not exist yet is none of those */
	snprintf(git, sizeof git, "%s/.git", canonical);
	if (strcmp(canonical, "/") == 0)
		why = "the root of the file system";
	else if (strcmp(canonical, book_root) == 0)
		why = "the book's own folder";
	else if (stat(git, &st) == 0)
		why = "the root of a repository";
	if (why != NULL)
		diag_report(d, NULL, D_OUTPUT_UNSAFE, dir, why);
	free(canonical);
	return why == NULL;
}

int out_begin(struct out *o, const char *dir, struct diag *d)
{
	char *with_slash = join(dir, "");

	memset(o, 0, sizeof *o);
	o->diag = d;
	o->dir = strdup(dir);
	if (make_parents(with_slash) != 0) {
		fail(o, dir, errno);
		free(with_slash);
		out_discard(o);
		return 0;
	}
	free(with_slash);
	o->tmp = join(dir, ".mixdown-XXXXXX");
	if (mkdtemp(o->tmp) == NULL) {
		fail(o, o->tmp, errno);
		free(o->tmp);
		o->tmp = NULL;
		out_discard(o);
		return 0;
	}
	return 1;
}

char *out_prepare(const struct out *o, const char *rel)
{
	char *path;

	if (!safe_relative(rel)) {
		diag_report(o->diag, NULL, D_INTERNAL, "refusing to write outside the output folder");
		return NULL;
	}
	if (out_interrupted())
		return NULL;
	path = join(o->tmp, rel);
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

int out_copy(const struct out *o, const char *rel, const char *source)
{
	FILE *fp = fopen(source, "rb");
	char *data = NULL;
	long len;
	int ok;

	if (fp == NULL)
		return fail(o, source, errno);
	if (fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return fail(o, source, errno);
	}
	data = malloc((size_t)len + 1);
	if (data == NULL)
		abort();
	ok = fread(data, 1, (size_t)len, fp) == (size_t)len;
	fclose(fp);
	ok = ok ? out_write(o, rel, data, (size_t)len) : fail(o, source, EIO);
	free(data);
	return ok;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Puts TMP/name at DIR/name; an existing DIR/name is swapped into TMP and removed with it. */
static int move_into_place(struct out *o, const char *name)
{
	char *from = join(o->tmp, name);
	char *to = join(o->dir, name);
	int ok = 1;

	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) != 0) {
		if (errno != ENOENT || rename(from, to) != 0)
			ok = fail(o, to, errno);
	}
	free(from);
	free(to);
	return ok;
}

int out_commit(struct out *o, const char *const *entries, size_t n)
{
	int ok = !out_interrupted();

	for (size_t i = 0; ok && i < n; i++)
		ok = move_into_place(o, entries[i]);
	out_discard(o);
	return ok;
}

void out_discard(struct out *o)
{
	if (o->tmp != NULL)
		remove_tree(o->tmp);
	free(o->tmp);
	free(o->dir);
	memset(o, 0, sizeof *o);
}
