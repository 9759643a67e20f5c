/* search.c: writes the site's search index from the records the site stylesheet made from
 * each rendered page (xsl/html/search.xsl), built here so the browser only looks terms up:
 *   assets/search-index.js  the records (href, kind, title, trail, text file) and shard keys;
 *   assets/search/t-HEX.js  the terms and words beginning with a shard's key (HEX: its UTF-8
 *                           bytes): each term's postings [record delta, weight*200 + in title,
 *                           ...] with BM25F's weighted, length-normalized frequencies, and the
 *                           book's words with their first term, where corrections are sought;
 *   assets/search/x-N.js    the text of a few records of one page, for snippets.
 * Each is a script that assigns into a global, so search works from file:// where fetching
 * JSON does not. Terms come from tools/tokens.c, the same tokenizer as style/search.js. */
#include "search.h"
#include "json.h"
#include "layout.h"
#include "util.h"

#include "tokens.h"

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Elements whose text is not part of the section's own words. */
static const char *const skipped[] = {"title", "subtitle", "titleabbrev", "info", "indexterm",
                                      "remark", "footnote"};

static int is_skipped(xmlNodePtr e)
{
	for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
		if (xmlStrEqual(e->name, BAD_CAST skipped[i]))
			return 1;
	return plan_is_section(e) || xmlHasNsProp(e, BAD_CAST "page", BAD_CAST MX_NS);
}

/* The text of e's descendants, without nested sections, pages, titles and index terms. */
static void own_text(struct json_text *t, xmlNodePtr e)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			json_text_add(t, c->content);
		else if (c->type == XML_ELEMENT_NODE && !is_skipped(c))
			own_text(t, c);
	}
}

static xmlNodePtr title_of(xmlNodePtr e)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "title"))
			return c;
		if (xmlStrEqual(c->name, BAD_CAST "info"))
			return title_of(c);
	}
	return NULL;
}

void json_title(xmlBufferPtr buf, xmlNodePtr element)
{
	struct json_text t = {buf, 0, 0};
	xmlNodePtr title = title_of(element);

	xmlBufferCat(buf, BAD_CAST "\"");
	if (title != NULL)
		own_text(&t, title);
	xmlBufferCat(buf, BAD_CAST "\"");
}

/* The fields of a record that are searched, their weights and how much a long field is
 * discounted (BM25F): the same as FIELDS in style/search.js. */
static const struct field {
	const char *name;
	double weight, b;
} fields[] = {{"title", 8, 0.3}, {"terms", 4, 0.3}, {"trail", 2, 0.3}, {"text", 1, 0.75}};
#define FIELD_COUNT (sizeof fields / sizeof *fields)

/* A shard whose terms and words exceed this many bytes is split by one more character. */
#define SHARD_BUDGET 48000
#define SHARD_DEPTH 4
/* A text file is closed once it holds this many bytes of text. */
#define TEXT_BUDGET 4000

struct posting {
	size_t record;
	double tf;
	int in_title;
};

/* A term with its postings, or a word with its first term. */
struct entry {
	char *key;
	char *term;
	struct posting *postings;
	size_t n, cap;
};

struct index {
	struct tokenizer *tokens;
	xmlHashTablePtr terms, words;
	size_t record;
	double norm;
	int in_title;
	int ok;
};

static void free_entry(void *payload, const xmlChar *name)
{
	struct entry *e = payload;
	(void)name;
	free(e->key);
	free(e->term);
	free(e->postings);
	free(e);
}

static struct entry *entry_new(xmlHashTablePtr table, const char *key)
{
	struct entry *e = calloc(1, sizeof *e);
	if (e != NULL && (e->key = strdup(key)) != NULL && xmlHashAddEntry(table, BAD_CAST key, e) == 0)
		return e;
	if (e != NULL)
		free(e->key);
	free(e);
	return NULL;
}

static void add_term(const char *word, const char *term, size_t n, void *ctx)
{
	struct index *ix = ctx;
	struct entry *t = xmlHashLookup(ix->terms, BAD_CAST term);
	(void)n;
	if (xmlHashLookup(ix->words, BAD_CAST word) == NULL) {
		struct entry *w = entry_new(ix->words, word);
		if (w == NULL || (w->term = strdup(term)) == NULL)
			ix->ok = 0;
	}
	if (t == NULL && (t = entry_new(ix->terms, term)) == NULL) {
		ix->ok = 0;
		return;
	}
	if (t->n == 0 || t->postings[t->n - 1].record != ix->record) {
		if (t->n == t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 4;
			struct posting *p = realloc(t->postings, cap * sizeof *p);
			if (p == NULL) {
				ix->ok = 0;
				return;
			}
			t->postings = p, t->cap = cap;
		}
		t->postings[t->n++] = (struct posting){ix->record, 0, 0};
	}
	t->postings[t->n - 1].tf += ix->norm;
	t->postings[t->n - 1].in_title |= ix->in_title;
}

static void count_term(const char *word, const char *term, size_t n, void *ctx)
{
	(void)word, (void)term, (void)n, (void)ctx;
}

static size_t field_words(struct index *ix, xmlNodePtr record, size_t f, term_visit visit)
{
	xmlChar *value = xmlGetProp(record, BAD_CAST fields[f].name);
	size_t n = value != NULL ? tokenizer_each(ix->tokens, (const char *)value, visit, ix) : 0;
	xmlFree(value);
	return n;
}

/* The records: the <mx:record> elements at the top of the stylesheet's result. */
static size_t collect_records(xmlDocPtr result, xmlNodePtr **out)
{
	xmlNodePtr root = xmlDocGetRootElement(result);
	size_t n = 0, cap = 0;
	*out = NULL;
	for (xmlNodePtr c = root != NULL ? root->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || c->ns == NULL || !xmlStrEqual(c->ns->href, BAD_CAST MX_NS) ||
		    !xmlStrEqual(c->name, BAD_CAST "record"))
			continue;
		if (n == cap) {
			xmlNodePtr *grown = realloc(*out, (cap = cap ? cap * 2 : 64) * sizeof *grown);
			if (grown == NULL)
				return n;
			*out = grown;
		}
		(*out)[n++] = c;
	}
	return n;
}

/* BM25F's frequencies: each occurrence of a term adds its field's weight, discounted by how
 * much longer than the average that field is in its record. */
static void index_records(struct index *ix, xmlNodePtr *records, size_t n)
{
	size_t *lengths = calloc(n * FIELD_COUNT + 1, sizeof *lengths);
	double average[FIELD_COUNT] = {0};
	if (lengths == NULL) {
		ix->ok = 0;
		return;
	}
	for (size_t r = 0; r < n; r++)
		for (size_t f = 0; f < FIELD_COUNT; f++)
			average[f] += (double)(lengths[r * FIELD_COUNT + f] = field_words(ix, records[r], f, count_term));
	for (size_t f = 0; f < FIELD_COUNT; f++)
		average[f] = fmax(1, average[f] / (double)(n ? n : 1));
	for (size_t r = 0; r < n; r++)
		for (size_t f = 0; f < FIELD_COUNT; f++) {
			ix->record = r;
			ix->in_title = f == 0;
			ix->norm = fields[f].weight /
			           (1 - fields[f].b + fields[f].b * (double)lengths[r * FIELD_COUNT + f] / average[f]);
			field_words(ix, records[r], f, add_term);
		}
	free(lengths);
}

/* ---- the shards ---- */

struct item {
	const struct entry *entry;
	int is_word;
};

struct items {
	struct item *all;
	size_t n;
};

static void collect_item(void *payload, void *data, const xmlChar *name)
{
	struct items *items = data;
	(void)name;
	items->all[items->n++].entry = payload;
}

static int by_key(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->entry->key, y->entry->key);
	return c ? c : x->is_word - y->is_word;
}

/* Bytes of the first `chars` UTF-8 characters of s, or -1 when s is not longer than that. */
static int prefix_bytes(const char *s, int chars)
{
	int i = 0;
	for (int c = 0; c < chars; c++) {
		if (s[i] == '\0')
			return -1;
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
	}
	return i;
}

static void posting_json(xmlBufferPtr buf, const struct entry *t)
{
	char num[48];
	json_string(buf, BAD_CAST t->key);
	xmlBufferCat(buf, BAD_CAST ":[");
	for (size_t i = 0; i < t->n; i++) {
		const struct posting *p = &t->postings[i];
		snprintf(num, sizeof num, "%s%zu,%ld", i ? "," : "", p->record - (i ? t->postings[i - 1].record : 0),
		         lround(p->tf * 100) * 2 + p->in_title);
		xmlBufferCat(buf, BAD_CAST num);
	}
	xmlBufferCat(buf, BAD_CAST "]");
}

static void word_json(xmlBufferPtr buf, const struct entry *w)
{
	xmlBufferPtr both = xmlBufferCreate();
	xmlBufferCat(both, BAD_CAST w->key);
	if (strcmp(w->key, w->term) != 0) {
		xmlBufferCat(both, BAD_CAST " ");
		xmlBufferCat(both, BAD_CAST w->term);
	}
	json_string(buf, xmlBufferContent(both));
	xmlBufferFree(both);
}

struct shards {
	struct writer *w;
	xmlBufferPtr keys;
	int ok;
};

/* Writes assets/search/t-HEX.js for the items with key `key`. */
static void write_shard(struct shards *sh, const char *key, size_t keylen, const struct item *items, size_t n)
{
	xmlBufferPtr buf = xmlBufferCreate(), name = xmlBufferCreate();
	char *k = strndup(key, keylen);
	int first = 1;
	xmlBufferCat(name, BAD_CAST SEARCH_DIR "t-");
	for (size_t i = 0; i < keylen; i++) {
		char hex[3];
		snprintf(hex, sizeof hex, "%02x", (unsigned char)key[i]);
		xmlBufferCat(name, BAD_CAST hex);
	}
	xmlBufferCat(name, BAD_CAST ".js");
	xmlBufferCat(buf, BAD_CAST "(window.mixdownSearchShards = window.mixdownSearchShards || {})[");
	json_string(buf, BAD_CAST k);
	xmlBufferCat(buf, BAD_CAST "] = {\"t\":{");
	for (size_t i = 0; i < n; i++)
		if (!items[i].is_word) {
			xmlBufferCat(buf, BAD_CAST(first ? "" : ",\n"));
			posting_json(buf, items[i].entry);
			first = 0;
		}
	xmlBufferCat(buf, BAD_CAST "},\n\"w\":[");
	first = 1;
	for (size_t i = 0; i < n; i++)
		if (items[i].is_word) {
			xmlBufferCat(buf, BAD_CAST(first ? "" : ","));
			word_json(buf, items[i].entry);
			first = 0;
		}
	xmlBufferCat(buf, BAD_CAST "]};\n");
	xmlBufferCat(sh->keys, BAD_CAST(xmlBufferLength(sh->keys) ? "," : ""));
	json_string(sh->keys, BAD_CAST k);
	sh->ok &= writer_put_copy(sh->w, (const char *)xmlBufferContent(name), xmlBufferContent(buf),
	                          (size_t)xmlBufferLength(buf));
	free(k);
	xmlBufferFree(name);
	xmlBufferFree(buf);
}

static size_t item_size(const struct item *it)
{
	return strlen(it->entry->key) + (it->is_word ? strlen(it->entry->term) : it->entry->n * 8) + 4;
}

/* Writes the items (sorted) in shards by their first `depth` characters; a shard over the
 * budget keeps the items no longer than its key and splits the rest by one more character. */
static void write_shards(struct shards *sh, const struct item *items, size_t n, int depth)
{
	size_t i = 0;
	while (i < n) {
		int len = prefix_bytes(items[i].entry->key, depth);
		size_t j = i, size = 0, whole = i;
		if (len < 0) {
			i++;
			continue;
		}
		while (j < n && prefix_bytes(items[j].entry->key, depth) == len &&
		       strncmp(items[j].entry->key, items[i].entry->key, (size_t)len) == 0)
			size += item_size(&items[j++]);
		if (size > SHARD_BUDGET && depth < SHARD_DEPTH) {
			while (whole < j && prefix_bytes(items[whole].entry->key, depth + 1) < 0)
				whole++;
			write_shard(sh, items[i].entry->key, (size_t)len, items + i, whole - i);
			write_shards(sh, items + whole, j - whole, depth + 1);
		} else {
			write_shard(sh, items[i].entry->key, (size_t)len, items + i, j - i);
		}
		i = j;
	}
}

static int write_all_shards(struct index *ix, struct writer *w, xmlBufferPtr keys)
{
	struct items items = {calloc((size_t)(xmlHashSize(ix->terms) + xmlHashSize(ix->words)) + 1, sizeof(struct item)), 0};
	struct shards sh = {w, keys, 1};
	if (items.all == NULL)
		return 0;
	xmlHashScan(ix->terms, collect_item, &items);
	size_t terms = items.n;
	xmlHashScan(ix->words, collect_item, &items);
	for (size_t i = terms; i < items.n; i++)
		items.all[i].is_word = 1;
	qsort(items.all, items.n, sizeof *items.all, by_key);
	write_shards(&sh, items.all, items.n, 1);
	free(items.all);
	return sh.ok;
}

/* ---- the records and their text ---- */

static void json_prop(xmlBufferPtr buf, xmlNodePtr record, const char *name)
{
	xmlChar *value = xmlGetProp(record, BAD_CAST name);
	json_string(buf, value != NULL ? value : BAD_CAST "");
	xmlFree(value);
}

static int same_page(xmlNodePtr a, xmlNodePtr b)
{
	xmlChar *x = xmlGetProp(a, BAD_CAST "href"), *y = xmlGetProp(b, BAD_CAST "href");
	int same = x != NULL && y != NULL && strcspn((char *)x, "#") == strcspn((char *)y, "#") &&
	           strncmp((char *)x, (char *)y, strcspn((char *)x, "#")) == 0;
	xmlFree(x);
	xmlFree(y);
	return same;
}

/* Writes assets/search/x-PAGE.js with the text of records [from, to). */
static int write_text(struct writer *w, xmlNodePtr *records, size_t from, size_t to, size_t page)
{
	xmlBufferPtr buf = xmlBufferCreate();
	char line[64];
	char *rel = xasprintf(SEARCH_DIR "x-%zu.js", page);
	int ok;
	xmlBufferCat(buf, BAD_CAST "(function (t) {\n");
	for (size_t r = from; r < to; r++) {
		snprintf(line, sizeof line, "t[%zu] = ", r);
		xmlBufferCat(buf, BAD_CAST line);
		json_prop(buf, records[r], "text");
		xmlBufferCat(buf, BAD_CAST ";\n");
	}
	xmlBufferCat(buf, BAD_CAST "})(window.mixdownSearchText = window.mixdownSearchText || {});\n");
	ok = writer_put_copy(w, rel, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	free(rel);
	return ok;
}

static size_t text_length(xmlNodePtr record)
{
	xmlChar *text = xmlGetProp(record, BAD_CAST "text");
	size_t len = text != NULL ? strlen((char *)text) : 0;
	xmlFree(text);
	return len;
}

/* The records as [href, kind, title, trail, text file number], with the text files: each holds
 * records of one page, and no more once it has TEXT_BUDGET bytes, so that a result's snippet
 * loads little beside it. */
static int write_records(xmlBufferPtr buf, struct writer *w, xmlNodePtr *records, size_t n)
{
	static const char *const shown[] = {"href", "kind", "title", "trail"};
	size_t page = 0, first = 0, text = 0;
	int ok = 1;
	char num[32];
	for (size_t r = 0; r < n; r++) {
		if (r > 0 && (text >= TEXT_BUDGET || !same_page(records[r], records[first]))) {
			ok &= write_text(w, records, first, r, page++);
			first = r;
			text = 0;
		}
		text += text_length(records[r]);
		xmlBufferCat(buf, BAD_CAST(r ? ",\n[" : "["));
		for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
			json_prop(buf, records[r], shown[i]);
			xmlBufferCat(buf, BAD_CAST ",");
		}
		snprintf(num, sizeof num, "%zu]", page);
		xmlBufferCat(buf, BAD_CAST num);
	}
	if (n > 0)
		ok &= write_text(w, records, first, n, page);
	return ok;
}

long search_write_index(xmlDocPtr result, struct writer *w)
{
	xmlNodePtr *records;
	size_t n = collect_records(result, &records);
	struct index ix = {tokenizer_new(), xmlHashCreate(4096), xmlHashCreate(4096), 0, 0, 0, 1};
	xmlBufferPtr buf = xmlBufferCreate(), keys = xmlBufferCreate();
	long size = -1;

	if (ix.tokens != NULL && ix.terms != NULL && ix.words != NULL) {
		index_records(&ix, records, n);
		xmlBufferCat(buf, BAD_CAST "window.mixdownSearch = {\"records\":[\n");
		int ok = ix.ok && write_all_shards(&ix, w, keys) && write_records(buf, w, records, n);
		xmlBufferCat(buf, BAD_CAST "],\n\"files\":{\"terms\":\"" SEARCH_DIR "t-\",\"text\":\"" SEARCH_DIR "x-\"},\n\"shards\":[");
		xmlBufferAdd(buf, xmlBufferContent(keys), xmlBufferLength(keys));
		xmlBufferCat(buf, BAD_CAST "]};\n");
		if (ok && writer_put_copy(w, layout_path(LAYOUT_SEARCH_INDEX), xmlBufferContent(buf),
		                          (size_t)xmlBufferLength(buf)))
			size = xmlBufferLength(buf);
	} else {
		diag_report(w->diag, NULL, D_INTERNAL,
		            "the search index cannot be made (out of memory or no Snowball English stemmer)");
	}
	xmlHashFree(ix.terms, free_entry);
	xmlHashFree(ix.words, free_entry);
	tokenizer_free(ix.tokens);
	xmlBufferFree(buf);
	xmlBufferFree(keys);
	free(records);
	return size;
}
