/* util.c: the small helpers every module shares (see util.h). */
#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *xstrdup(const char *s)
{
	char *copy = strdup(s);
	if (copy == NULL)
		abort();
	return copy;
}

int ends_with(const char *s, const char *suffix)
{
	size_t len = strlen(s), n = strlen(suffix);

	return len > n && strcmp(s + len - n, suffix) == 0;
}

void *xcalloc(size_t n, size_t size)
{
	void *items = calloc(n > 0 ? n : 1, size);

	if (items == NULL)
		abort();
	return items;
}

void *xrealloc(void *p, size_t size)
{
	void *grown = realloc(p, size > 0 ? size : 1);

	if (grown == NULL)
		abort();
	return grown;
}

void *xmemdup(const void *data, size_t len)
{
	char *copy = malloc(len + 1);

	if (copy == NULL)
		abort();
	memcpy(copy, data, len);
	copy[len] = '\0';
	return copy;
}

char *xvasprintf(const char *format, va_list ap)
{
	char *text;

	if (vasprintf(&text, format, ap) < 0)
		abort();
	return text;
}

char *xasprintf(const char *format, ...)
{
	va_list ap;
	char *text;

	va_start(ap, format);
	text = xvasprintf(format, ap);
	va_end(ap);
	return text;
}

char *path_join(const char *folder, const char *name)
{
	return xasprintf("%s/%s", folder, name);
}

int read_file(const char *path, size_t limit, char **text, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, used = 0, got = 1;
	struct stat st;

	if (fp == NULL)
		return -1;
	int regular = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);
	if (regular && (uintmax_t)st.st_size > limit) {
		fclose(fp);
		errno = EFBIG;
		return -1;
	}
	/* a regular file's buffer is its size and one byte more, to see that it did not grow */
	if (regular) {
		cap = (size_t)st.st_size + 1;
		buf = xrealloc(buf, cap + 1); /* and a terminating NUL */
	}
	while (got > 0 && used <= limit) {
		if (used == cap) {
			cap = cap ? cap * 2 : 65536;
			cap = cap < limit + 1 ? cap : limit + 1;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + used, 1, cap - used, fp);
		used += got;
	}
	int failed = ferror(fp);
	fclose(fp);
	if (failed || used > limit) {
		free(buf);
		errno = failed ? EIO : EFBIG;
		return -1;
	}
	buf[used] = '\0';
	*text = buf;
	*len = used;
	return 0;
}

int file_holds(const char *path, const void *data, size_t len)
{
	char *text = NULL;
	size_t got = 0;
	int same = read_file(path, len, &text, &got) == 0 && got == len && memcmp(text, data, len) == 0;

	free(text);
	return same;
}
