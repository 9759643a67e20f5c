/* util.c: the small helpers every module shares (see util.h). */
#define _GNU_SOURCE
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *xstrdup(const char *s)
{
	char *copy = strdup(s);
	if (copy == NULL)
		abort();
	return copy;
}

char *xasprintf(const char *format, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, format);
	n = vasprintf(&text, format, ap);
	va_end(ap);
	if (n < 0)
		abort();
	return text;
}
