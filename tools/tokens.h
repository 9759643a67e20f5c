/* tokens.h: the words and terms of the site's search, the same as style/search.js finds them. */
#ifndef MIXDOWN_TOKENS_H
#define MIXDOWN_TOKENS_H

#include <stddef.h>

struct tokenizer;

/* Called for each term of each word: word is the folded word, n its number in the text. */
typedef void (*term_visit)(const char *word, const char *term, size_t n, void *ctx);

/* NULL when the Snowball English stemmer cannot be made. */
struct tokenizer *tokenizer_new(void);
void tokenizer_free(struct tokenizer *t);
/* Visits the terms of every word of UTF-8 text, in order; returns how many words it holds. */
size_t tokenizer_each(struct tokenizer *t, const char *text, term_visit visit, void *ctx);

#endif
