/* util.h: the small helpers every module shares. Running out of memory ends mixdown
 * (abort), so none of these returns NULL for it. */
#ifndef MIXDOWN_UTIL_H
#define MIXDOWN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

char *xstrdup(const char *s);
/* A new string printed as by printf. */
char *xasprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *format, va_list ap) __attribute__((format(printf, 1, 0)));

/* Does s end with suffix (and hold more than it)? */
int ends_with(const char *s, const char *suffix);

/* n zeroed items of size bytes. */
void *xcalloc(size_t n, size_t size);
/* realloc that aborts when memory is out (size 0 is one byte). */
void *xrealloc(void *p, size_t size);

/* A copy of len bytes of data, with a '\0' after them. */
void *xmemdup(const void *data, size_t len);

/* folder/name, newly allocated. */
char *path_join(const char *folder, const char *name);

/* No limit for read_file beyond memory. */
#define READ_ANY_SIZE ((size_t)PTRDIFF_MAX - 1)
/* Reads a whole file of at most limit bytes into *text (malloc'd, with a '\0' after its *len
 * bytes). Returns 0, or -1 with errno set: EFBIG for a longer file, found before reading
 * when its size is known. */
int read_file(const char *path, size_t limit, char **text, size_t *len);
/* Does the file at path hold exactly the len bytes of data? 0 too when it cannot be read. */
int file_holds(const char *path, const void *data, size_t len);

#endif
