/* typography.h: typographic apostrophes in the book's prose. */
#ifndef MIXDOWN_TYPOGRAPHY_H
#define MIXDOWN_TYPOGRAPHY_H

#include <libxml/tree.h>

/* Turns each straight apostrophe that follows a letter or digit in prose into U+2019 (it's,
 * band's, studios'), leaving code, literals and verbatim text as written. */
void typography_apostrophes(xmlNodePtr root);

/* The same for one string; returns a new string, or NULL when nothing changes. */
xmlChar *typography_text(const xmlChar *text);

#endif
