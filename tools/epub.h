/* epub.h: the EPUB 3 package. */
#ifndef MIXDOWN_EPUB_H
#define MIXDOWN_EPUB_H

#include <time.h>

#include "out.h"
#include "plan.h"
#include "render.h"

/* The book's date: SOURCE_DATE_EPOCH when set, else its pubdate, else its newest file; kept
 * within the dates a zip file can hold (1980 to 2107). */
time_t epub_book_time(const struct book *b);

/* Is SOURCE_DATE_EPOCH unset, empty, or whole seconds up to the end of 2107? 0 after
 * reporting it. */
int epub_check_source_date(struct diag *d);

/* The name-based (version 5, SHA-1) UUID of name in the URL namespace, as
 * "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx": the book's identifier, never random. */
void epub_uuid_v5(const char *name, char out[46]);
/* The EPUB's file name in the output folder, NAME.epub (malloc'd). */
char *epub_file_name(const struct book *b);
/* Renders the EPUB's documents with the EPUB stylesheet and params, and writes
 * OUT/<book name>.epub, each document put in its zip as soon as it is made; returns the EPUB's
 * size in bytes, or -1 after reporting. */
long epub_write(struct renderer *r, const struct book *b, const struct plan *p, struct out *o,
                const char **params);

#endif
