/* load.h: the book in memory, as load.c builds it from its files. */
#ifndef MIXDOWN_LOAD_H
#define MIXDOWN_LOAD_H

#include <libxml/tree.h>
#include <stddef.h>

#include "diag.h"

#define DOCBOOK_NS "http://docbook.org/ns/docbook"
#define XINCLUDE_NS "http://www.w3.org/2001/XInclude"
#define XLINK_NS "http://www.w3.org/1999/xlink"

/* One source file of the book; every element parsed from it points here via _private. */
struct book_file {
	char *path;  /* canonical absolute path */
	char *shown; /* the path as messages show it: relative to the working directory */
	char *rel;   /* the path relative to the book's folder */
	char *text;  /* the file's text in UTF-8, kept to find columns for messages */
	size_t len;
	int converted; /* the file was UTF-16; text holds it converted */
	struct column_index *columns; /* where its start tags are, for messages (columns.c) */
};

struct book {
	xmlDocPtr doc;     /* all files merged; XIncludes replaced by what they include */
	char *root;        /* canonical absolute path of the book's folder */
	char *name;        /* the master file's name without its extension */
	struct book_file **files;
	size_t nfiles;
};

enum resolve_status { RESOLVE_OK, RESOLVE_URL, RESOLVE_ABSOLUTE, RESOLVE_OUTSIDE, RESOLVE_MISSING };

/* Visits every element of the tree below and including root, in document order: enter before
 * its children, leave (when not NULL) after them. */
typedef void (*element_visitor)(xmlNodePtr element, void *data);
void walk_elements(xmlNodePtr root, element_visitor enter, element_visitor leave, void *data);

/* Loads the book whose master file is path, reading only files inside the folder root (NULL:
 * the master file's folder); on failure reports through d and returns NULL. */
struct book *load_book(const char *path, const char *root, struct diag *d);
void book_free(struct book *b);

/* Is e the DocBook element called name? One of the n names? */
int is_docbook(xmlNodePtr e, const char *name);
int is_docbook_any(xmlNodePtr e, const char *const *names, size_t n);
/* The first DocBook child of e called name, or NULL. */
xmlNodePtr docbook_child(xmlNodePtr e, const char *name);

/* The source file an element (or any node inside one) came from. */
const struct book_file *book_file_of(const struct book *b, xmlNodePtr node);
void book_locate(const struct book *b, xmlNodePtr node, struct diag_loc *loc);
/* Reports a message at the node's file, line and column; returns 1 when it is an error. */
int book_report(const struct book *b, struct diag *d, xmlNodePtr node, enum diag_id id, ...);

/* Resolves href relative to the file `from`, confined to the book's folder. On RESOLVE_OK,
 * *path is a new canonical path; on RESOLVE_MISSING, *err is the errno. */
enum resolve_status book_resolve(const struct book *b, const struct book_file *from,
                                 const char *href, char **path, int *err);
int href_has_scheme(const char *href);

#endif
