/* sanitize.h: what a book may not say, taken out after loading. */
#ifndef MIXDOWN_SANITIZE_H
#define MIXDOWN_SANITIZE_H

#include "diag.h"
#include "book.h"

/* Removes every element, attribute and namespace declaration in mixdown's own namespaces from
 * the book, with one warning per file at the first place. */
void sanitize_book(struct book *b, struct diag *d);

#endif
