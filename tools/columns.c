/* columns.c: where start tags are on their line, for the columns of messages. The file's line
 * starts are found once; the tags of one name on one line are found once, with their columns;
 * an element's rank among the same-named elements of its line is remembered, so a book on one
 * line with thousands of messages costs its length once, not once per message. */
#define _GNU_SOURCE
#include "columns.h"
#include "util.h"

#include <ctype.h>
#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tag_columns {
	long *columns; /* of each "<tag" on the line, in order */
	int n;
};

struct column_index {
	const char *text;
	const char **line_starts; /* line_starts[i]: the first byte of line i + 1 */
	long nlines;              /* 0 until the first question */
	xmlHashTablePtr tags;     /* "LINE TAG" -> struct tag_columns */
	xmlHashTablePtr ranks;    /* element address -> its rank on its line, plus 1 */
};

struct column_index *columns_new(const char *text)
{
	struct column_index *ix = xcalloc(1, sizeof *ix);

	ix->text = text;
	ix->tags = xmlHashCreate(16);
	ix->ranks = xmlHashCreate(16);
	if (ix->tags == NULL || ix->ranks == NULL)
		abort();
	return ix;
}

static void free_tag_columns(void *payload, const xmlChar *name)
{
	struct tag_columns *t = payload;

	(void)name;
	free(t->columns);
	free(t);
}

void columns_free(struct column_index *ix)
{
	if (ix == NULL)
		return;
	xmlHashFree(ix->tags, free_tag_columns);
	xmlHashFree(ix->ranks, NULL);
	free(ix->line_starts);
	free(ix);
}

long columns_count_characters(const char *from, const char *to)
{
	long n = 0;

	for (const char *p = from; p < to; p++)
		n += ((unsigned char)*p & 0xc0) != 0x80;
	return n;
}

static void find_line_starts(struct column_index *ix)
{
	long n = 1;

	for (const char *p = ix->text; (p = strchr(p, '\n')) != NULL; p++)
		n++;
	ix->line_starts = xcalloc((size_t)n, sizeof *ix->line_starts);
	ix->line_starts[0] = ix->text;
	n = 1;
	for (const char *p = ix->text; (p = strchr(p, '\n')) != NULL; p++)
		ix->line_starts[n++] = p + 1;
	ix->nlines = n;
}

/* The columns of every "<tag" on the line (followed by white space, '>', '/' or the line's
 * end), counted in one pass over the line. */
static struct tag_columns *scan_line(struct column_index *ix, long line, const char *tag)
{
	struct tag_columns *t = xcalloc(1, sizeof *t);
	const char *start = ix->line_starts[line - 1];
	const char *end = strchrnul(start, '\n'), *counted = start;
	size_t n = strlen(tag);
	long column = 1;
	int capacity = 0;

	for (const char *p = start; p + n <= end; p++) {
		if (strncmp(p, tag, n) != 0 || !(isspace((unsigned char)p[n]) || p[n] == '>' ||
		                                 p[n] == '/' || p + n == end))
			continue;
		column += columns_count_characters(counted, p);
		counted = p;
		if (t->n == capacity) {
			capacity = capacity ? 2 * capacity : 4;
			t->columns = xrealloc(t->columns, (size_t)capacity * sizeof *t->columns);
		}
		t->columns[t->n++] = column;
	}
	return t;
}

long columns_of_tag(struct column_index *ix, long line, const char *tag, int k)
{
	char *key;
	struct tag_columns *t;

	if (ix->nlines == 0)
		find_line_starts(ix);
	if (line < 1 || line > ix->nlines)
		return 1;
	key = xasprintf("%ld %s", line, tag);
	t = xmlHashLookup(ix->tags, BAD_CAST key);
	if (t == NULL) {
		t = scan_line(ix, line, tag);
		xmlHashAddEntry(ix->tags, BAD_CAST key, t);
	}
	free(key);
	if (t->n == 0)
		return 1;
	return t->columns[k < 0 || k >= t->n ? t->n - 1 : k];
}

/* The element that starts just before e in document order. */
static xmlNodePtr previous_element(xmlNodePtr e)
{
	xmlNodePtr p = e->prev;

	while (p != NULL && p->type != XML_ELEMENT_NODE)
		p = p->prev;
	if (p == NULL)
		return e->parent != NULL && e->parent->type == XML_ELEMENT_NODE ? e->parent : NULL;
	for (;;) {
		xmlNodePtr last = p->last;
		while (last != NULL && last->type != XML_ELEMENT_NODE)
			last = last->prev;
		if (last == NULL)
			return p;
		p = last;
	}
}

static void address_key(xmlNodePtr e, char *key, size_t size)
{
	snprintf(key, size, "%p", (void *)e);
}

static void remember_rank(struct column_index *ix, xmlNodePtr e, int rank)
{
	char key[32];

	address_key(e, key, sizeof key);
	xmlHashUpdateEntry(ix->ranks, BAD_CAST key, (void *)(intptr_t)(rank + 1), NULL);
}

/* How many elements of e's name start on e's line, before e, in e's file. The walk back stops
 * at the first such element whose rank is known, and every rank it finds is remembered. */
static int rank_on_line(struct column_index *ix, xmlNodePtr e, long line)
{
	xmlNodePtr *passed = NULL;
	int npassed = 0, capacity = 0, base = 0;
	char key[32];

	address_key(e, key, sizeof key);
	if (xmlHashLookup(ix->ranks, BAD_CAST key) != NULL)
		return (int)(intptr_t)xmlHashLookup(ix->ranks, BAD_CAST key) - 1;
	for (xmlNodePtr p = previous_element(e); p != NULL; p = previous_element(p)) {
		if (p->_private != e->_private || xmlGetLineNo(p) != line)
			break;
		if (!xmlStrEqual(p->name, e->name) || p->ns != e->ns)
			continue;
		address_key(p, key, sizeof key);
		base = (int)(intptr_t)xmlHashLookup(ix->ranks, BAD_CAST key);
		if (base > 0)
			break; /* rank + 1 of p: the elements passed come after it */
		if (npassed == capacity) {
			capacity = capacity ? 2 * capacity : 8;
			passed = xrealloc(passed, (size_t)capacity * sizeof *passed);
		}
		passed[npassed++] = p;
	}
	for (int i = 0; i < npassed; i++)
		remember_rank(ix, passed[i], base + npassed - 1 - i);
	remember_rank(ix, e, base + npassed);
	free(passed);
	return base + npassed;
}

long columns_of_element(struct column_index *ix, xmlNodePtr e, long line)
{
	char *tag;
	long column;

	if (e->ns != NULL && e->ns->prefix != NULL)
		tag = xasprintf("<%s:%s", e->ns->prefix, e->name);
	else
		tag = xasprintf("<%s", e->name);
	column = columns_of_tag(ix, line, tag, rank_on_line(ix, e, line));
	free(tag);
	return column;
}
