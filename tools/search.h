/* search.h: the site's full-text search index. */
#ifndef MIXDOWN_SEARCH_H
#define MIXDOWN_SEARCH_H

#include <libxml/tree.h>

#include "writer.h"

/* The index being made, from the records the site stylesheet makes as it renders each page. */
struct search;

/* A new index whose files are written through w; its failure is reported at once and makes
 * search_add and search_finish fail. */
struct search *search_new(struct writer *w);
/* Takes one <mx:record> (its attributes href, kind, title, trail, terms and text): its words
 * are counted and its text written. A renderer's record sink; returns 0 on failure. */
int search_add(void *search, xmlNodePtr record);
/* Writes the terms' files and the index (layout.h names its files) once every record is in.
 * Returns the index's size in bytes, or -1. */
long search_finish(struct search *s);
void search_free(struct search *s);

/* Appends the words of an element's title (without index terms) as a quoted JSON string. */
void json_title(xmlBufferPtr buf, xmlNodePtr element);

#endif
