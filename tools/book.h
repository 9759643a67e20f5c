/* book.h: the book model every stage reads: the tree merged from the book's files, where
 * each element came from, and its ids. load.c builds it. */
#ifndef MIXDOWN_BOOK_H
#define MIXDOWN_BOOK_H

#include <libxml/tree.h>
#include <stddef.h>

#include "diag.h"

#define DOCBOOK_NS "http://docbook.org/ns/docbook"
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

/* Visits every element of the tree below and including root, in document order: enter before
 * its children, leave (when not NULL) after them. */
typedef void (*element_visitor)(xmlNodePtr element, void *data);
void walk_elements(xmlNodePtr root, element_visitor enter, element_visitor leave, void *data);

/* A new book whose master file is the canonical path, with no tree and no files yet. */
struct book *book_new(const char *canonical);
void book_free(struct book *b);

/* Registers every xml:id in the tree, so that id() finds it; of elements sharing one id, the
 * first in document order holds it. */
void book_register_ids(struct book *b);
/* The xml:id attribute holding id, or NULL. */
xmlAttrPtr book_id_holder(const struct book *b, const xmlChar *id);

/* Is e the DocBook element called name? One of the n names? */
int is_docbook(xmlNodePtr e, const char *name);
int is_docbook_any(xmlNodePtr e, const char *const *names, size_t n);
/* The first DocBook child of e called name, or NULL. */
xmlNodePtr docbook_child(xmlNodePtr e, const char *name);

/* Is imagedata the one its media object shows? Of the imageobjects beside each other, the
 * first made for screens (role="html" or condition="web"), else the first for any output,
 * else the first for print (role="fo" or condition="print"); the others are alternatives for
 * other outputs, never published. */
int is_shown_image(xmlNodePtr imagedata);

/* The source file an element (or any node inside one) came from. */
const struct book_file *book_file_of(const struct book *b, xmlNodePtr node);
void book_locate(const struct book *b, xmlNodePtr node, struct diag_loc *loc);
/* Reports message id at the node's file, line and column, its text filled in with the
 * arguments; returns 1 when it is an error. */
#define book_report(b, d, node, id, ...) book_report_text(b, d, node, id, id##_text, ##__VA_ARGS__)
int book_report_text(const struct book *b, struct diag *d, xmlNodePtr node, enum diag_id id,
                     const char *text, ...) __attribute__((format(printf, 5, 6)));

#endif
