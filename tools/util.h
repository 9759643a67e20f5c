/* util.h: the small helpers every module shares. Running out of memory ends mixdown
 * (abort), so none of these returns NULL for it. */
#ifndef MIXDOWN_UTIL_H
#define MIXDOWN_UTIL_H

#include <stddef.h>

char *xstrdup(const char *s);
/* A new string printed as by printf. */
char *xasprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
