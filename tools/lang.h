/* lang.h: language tags, and the generated words for the book's language. */
#ifndef MIXDOWN_LANG_H
#define MIXDOWN_LANG_H

#include "diag.h"
#include "book.h"

/* Does tag follow the syntax of BCP 47 language tags ("en", "pt-BR", "sr-Latn-RS",
 * "de-CH-1901", "x-private")? The registry of subtags is not consulted. */
int lang_tag_is_valid(const char *tag);

/* The path of the generated words' file for the book's xml:lang: the file of datadir/xsl/l10n/
 * whose name is the longest match of the tag ("pt" for "pt-BR"), else English after a warning.
 * Newly allocated. */
char *lang_words_path(const char *datadir, const struct book *b, struct diag *d);

#endif
