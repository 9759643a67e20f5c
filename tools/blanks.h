/* blanks.h: the white space between blocks, dropped from a loaded book. */
#ifndef MIXDOWN_BLANKS_H
#define MIXDOWN_BLANKS_H

#include "book.h"

/* Removes the text nodes of white space only that are children of DocBook elements holding
 * only elements (sections, lists, tables, admonitions...), except under xml:space="preserve". */
void drop_blanks(struct book *b);

#endif
