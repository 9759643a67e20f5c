/* load.h: reading a book's files into the book model (book.h): XInclude confined to the
 * book's folder, no DTD, entities or network. */
#ifndef MIXDOWN_LOAD_H
#define MIXDOWN_LOAD_H

#include "book.h"
#include "diag.h"

#define XINCLUDE_NS "http://www.w3.org/2001/XInclude"

enum resolve_status { RESOLVE_OK, RESOLVE_URL, RESOLVE_ABSOLUTE, RESOLVE_OUTSIDE, RESOLVE_MISSING };

/* Loads the book whose master file is path, reading only files inside the folder root (NULL:
 * the master file's folder), its ids registered; on failure reports through d and returns
 * NULL. With keep_going, an include that fails is left out (its error reported) and the rest
 * of the book loads. */
struct book *load_book(const char *path, const char *root, int keep_going, struct diag *d);

/* Resolves href relative to the file `from`, confined to the book's folder. On RESOLVE_OK,
 * *path is a new canonical path; on RESOLVE_MISSING, *err is the errno. */
enum resolve_status book_resolve(const struct book *b, const struct book_file *from,
                                 const char *href, char **path, int *err);
int href_has_scheme(const char *href);

#endif
