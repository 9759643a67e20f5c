/* names.h: the file names of pages, readable and unique after case folding. */
#ifndef MIXDOWN_NAMES_H
#define MIXDOWN_NAMES_H

/* The names given so far, with the names of the files mixdown writes itself (layout.h)
 * reserved. */
struct page_names;

struct page_names *page_names_new(void);
void page_names_free(struct page_names *names);

/* A new name (free it) for a page with this xml:id (or NULL): the id in ASCII, other scripts
 * transliterated and other characters made '-'; fallback when that leaves no letter or digit.
 * A name whose case-folded form is taken gets the first free suffix "-2", "-3", ... */
char *page_names_claim(struct page_names *names, const char *id, const char *fallback);

#endif
