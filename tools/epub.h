/* epub.h: the EPUB 3 package. */
#ifndef MIXDOWN_EPUB_H
#define MIXDOWN_EPUB_H

#include <time.h>

#include "out.h"
#include "plan.h"
#include "render.h"

/* The book's date: SOURCE_DATE_EPOCH when set, else its pubdate, else its newest file. */
time_t epub_book_time(const struct book *b);

/* Writes OUT/<book name>.epub; returns its size in bytes, or -1 after reporting. */
long epub_write(struct renderer *r, const struct book *b, const struct plan *p, struct out *o,
                const char **params);

#endif
