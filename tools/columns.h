/* columns.h: the columns of start tags in a source file, for messages, found in time that does
 * not grow with the number of messages: an index per file, built as messages ask for it. */
#ifndef MIXDOWN_COLUMNS_H
#define MIXDOWN_COLUMNS_H

#include <libxml/tree.h>

struct column_index;

/* An empty index over text (kept, not copied: it must outlive the index). */
struct column_index *columns_new(const char *text);
void columns_free(struct column_index *ix);

/* The 1-based column of the k-th "<tag" (k from 0; the last one when k < 0) on the line, or 1
 * when the line has none. */
long columns_of_tag(struct column_index *ix, long line, const char *tag, int k);

/* The column of element e's start tag, which is on the given line of this index's file: found
 * by e's name and its rank among the elements of that name starting on that line. */
long columns_of_element(struct column_index *ix, xmlNodePtr e, long line);

/* Characters (not bytes: UTF-8 continuation bytes do not count) from `from` up to `to`. */
long columns_count_characters(const char *from, const char *to);

#endif
