/* search.h: the site's full-text search index. */
#ifndef MIXDOWN_SEARCH_H
#define MIXDOWN_SEARCH_H

#include <libxml/tree.h>

#include "writer.h"

/* Writes the search index (layout.h names its files) through w from the <mx:record> elements at the top
 * of the site stylesheet's result. Returns the index's size in bytes, or -1 after reporting. */
long search_write_index(xmlDocPtr result, struct writer *w);

/* Appends the words of an element's title (without index terms) as a quoted JSON string. */
void json_title(xmlBufferPtr buf, xmlNodePtr element);

#endif
