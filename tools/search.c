/* search.c: writes the site's search index from the records the site stylesheet makes from
 * each rendered page (xsl/html/search.xsl), built here so the browser only looks terms up.
 * Each record is taken as it is made, its words counted and its text written, and then freed,
 * so the index holds only the terms' postings and the records' short fields:
 *   assets/search-index.js  the records (href, kind, title, trail, text file) and shard keys;
 *   assets/search/t-HEX.js  the terms and words beginning with a shard's key (HEX: its UTF-8
 *                           bytes): each term's postings [record delta, weight*200 + in title,
 *                           ...] with BM25F's weighted, length-normalized frequencies, and the
 *                           book's words with their first term, where corrections are sought;
 *                           a shard split by one more character also has a brief of the
 *                           terms below it that weigh most in some record (BRIEF_TERMS);
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
#include <stdint.h>
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
/* A split shard also holds a brief of the terms below it, for a word being typed that is its
 * key ("m" in a big book): the terms with the strongest postings (a short title's words weigh
 * most), which the search would rank first, each with its postings in the records where it
 * weighs most. Typing one letter then loads one shard, not all of the letter's. */
#define BRIEF_TERMS 32
#define BRIEF_RECORDS 40
/* A text file is closed once it holds this many bytes of text. */
#define TEXT_BUDGET 4000

/* A term's occurrences in one record, counted by field: BM25F's weights need every record's
 * field lengths, known once the last record is in. */
struct posting {
	uint32_t record;
	uint32_t count[FIELD_COUNT];
};

/* A term with its postings, or a word with its first term. A term's postings are kept packed,
 * each as its record's distance from the one before and its counts, every number in 7-bit
 * groups (the high bit set on all but the last): most take five bytes. The posting of the
 * record being counted is kept apart until the next record, or the end, packs it. */
struct entry {
	char *key;
	char *term;
	unsigned char *packed;
	size_t len, cap;
	size_t n;                /* postings, the one being counted included */
	uint32_t packed_record;  /* the record of the last packed posting */
	struct posting current;
	long strongest;          /* a term's strongest posting's value, once a brief asks (0 before) */
};

struct search {
	struct writer *w;
	struct tokenizer *tokens;
	xmlHashTablePtr terms, words;
	size_t records;          /* taken so far */
	size_t field;            /* the field being counted */
	size_t *lengths;         /* each record's words in each field */
	size_t lengths_cap;
	double average[FIELD_COUNT]; /* the fields' average lengths, once every record is in */
	xmlBufferPtr shown;      /* the records as the index lists them */
	xmlBufferPtr text;       /* the text file being filled, */
	size_t text_bytes;       /* the bytes of text in it, */
	char *text_page;         /* the page its records are on */
	size_t text_files;       /* and its number */
	int ok;
};

static void free_entry(void *payload, const xmlChar *name)
{
	struct entry *e = payload;
	(void)name;
	free(e->key);
	free(e->term);
	free(e->packed);
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

static void pack_number(struct entry *t, uint32_t v)
{
	if (t->cap - t->len < 5) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->packed = xrealloc(t->packed, t->cap);
	}
	while (v >= 0x80) {
		t->packed[t->len++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	t->packed[t->len++] = (unsigned char)v;
}

static uint32_t unpack_number(const unsigned char *packed, size_t *at)
{
	uint32_t v = 0;
	int shift = 0;

	while (packed[*at] & 0x80) {
		v |= (uint32_t)(packed[(*at)++] & 0x7f) << shift;
		shift += 7;
	}
	return v | (uint32_t)packed[(*at)++] << shift;
}

/* Packs the posting being counted. */
static void pack_current(struct entry *t)
{
	pack_number(t, t->current.record - t->packed_record);
	for (size_t f = 0; f < FIELD_COUNT; f++)
		pack_number(t, t->current.count[f]);
	t->packed_record = t->current.record;
}

/* Packs a term's last posting, once every record is in. */
static void pack_last(void *payload, void *data, const xmlChar *name)
{
	struct entry *t = payload;
	(void)data, (void)name;
	if (t->n > 0)
		pack_current(t);
}

/* The posting at *at in t's packed postings (the first: *at is 0), moving *at past it. */
static struct posting unpack_posting(const struct entry *t, size_t *at, uint32_t record)
{
	struct posting p;

	p.record = record + unpack_number(t->packed, at);
	for (size_t f = 0; f < FIELD_COUNT; f++)
		p.count[f] = unpack_number(t->packed, at);
	return p;
}

static void add_term(const char *word, const char *term, size_t n, void *ctx)
{
	struct search *s = ctx;
	struct entry *t = xmlHashLookup(s->terms, BAD_CAST term);
	(void)n;
	if (xmlHashLookup(s->words, BAD_CAST word) == NULL) {
		struct entry *w = entry_new(s->words, word);
		if (w == NULL || (w->term = strdup(term)) == NULL)
			s->ok = 0;
	}
	if (t == NULL && (t = entry_new(s->terms, term)) == NULL) {
		s->ok = 0;
		return;
	}
	if (t->n == 0 || t->current.record != s->records) {
		if (t->n > 0)
			pack_current(t);
		t->current = (struct posting){(uint32_t)s->records, {0}};
		t->n++;
	}
	t->current.count[s->field]++;
}

/* Counts the words of the record's fields into the postings and its lengths. */
static void count_words(struct search *s, xmlChar *const values[FIELD_COUNT])
{
	if (s->lengths_cap < (s->records + 1) * FIELD_COUNT) {
		s->lengths_cap = s->lengths_cap ? s->lengths_cap * 2 : 64 * FIELD_COUNT;
		s->lengths = xrealloc(s->lengths, s->lengths_cap * sizeof *s->lengths);
	}
	for (size_t f = 0; f < FIELD_COUNT; f++) {
		s->field = f;
		s->lengths[s->records * FIELD_COUNT + f] =
		    tokenizer_each(s->tokens, (const char *)values[f], add_term, s);
	}
}

/* The fields' average lengths, over every record. */
static void average_lengths(struct search *s)
{
	for (size_t r = 0; r < s->records; r++)
		for (size_t f = 0; f < FIELD_COUNT; f++)
			s->average[f] += (double)s->lengths[r * FIELD_COUNT + f];
	for (size_t f = 0; f < FIELD_COUNT; f++)
		s->average[f] = fmax(1, s->average[f] / (double)(s->records ? s->records : 1));
}

/* BM25F's frequency of a term in a record: each occurrence adds its field's weight, discounted
 * by how much longer than the average that field is in its record. */
static double frequency(const struct search *s, const struct posting *p)
{
	double tf = 0;

	for (size_t f = 0; f < FIELD_COUNT; f++) {
		double length = (double)s->lengths[p->record * FIELD_COUNT + f];
		double norm = fields[f].weight / (1 - fields[f].b + fields[f].b * length / s->average[f]);
		for (uint32_t k = 0; k < p->count[f]; k++)
			tf += norm;
	}
	return tf;
}

/* ---- the shards ---- */

struct item {
	struct entry *entry;
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

/* A posting as the shards write it: its record, and its weight in hundredths, doubled, plus one
 * when the term is in the record's title. */
struct scored {
	uint32_t record;
	long value;
};

/* Every posting of t, scored, in the order of their records. */
static struct scored *scored_postings(const struct search *s, const struct entry *t)
{
	struct scored *all = xcalloc(t->n ? t->n : 1, sizeof *all);
	uint32_t record = 0;
	size_t at = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct posting p = unpack_posting(t, &at, record);
		all[i] = (struct scored){p.record, lround(frequency(s, &p) * 100) * 2 + (p.count[0] > 0)};
		record = p.record;
	}
	return all;
}

/* The postings as [record delta, value, ...] after the numbers already written in the list. */
static void scored_json(xmlBufferPtr buf, const struct scored *list, size_t n, int first)
{
	uint32_t record = 0;
	for (size_t i = 0; i < n; i++) {
		if (!first || i > 0)
			xmlBufferAdd(buf, BAD_CAST ",", 1);
		json_integer(buf, (long)(list[i].record - record));
		xmlBufferAdd(buf, BAD_CAST ",", 1);
		json_integer(buf, list[i].value);
		record = list[i].record;
	}
}

static void posting_json(xmlBufferPtr buf, const struct search *s, const struct entry *t)
{
	struct scored *all = scored_postings(s, t);
	json_string(buf, BAD_CAST t->key);
	xmlBufferCat(buf, BAD_CAST ":[");
	scored_json(buf, all, t->n, 1);
	xmlBufferCat(buf, BAD_CAST "]");
	free(all);
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

static int by_strength(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a, *y = *(const struct entry *const *)b;
	if (x->strongest != y->strongest)
		return x->strongest < y->strongest ? 1 : -1;
	return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->key, y->key);
}

static int by_record(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	return x->record < y->record ? -1 : x->record > y->record;
}

static int by_value(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	return x->value != y->value ? (x->value < y->value ? 1 : -1) : by_record(a, b);
}

/* Keeps the value of t's strongest posting in t->strongest. */
static void find_strongest(const struct search *s, struct entry *t)
{
	if (t->strongest == 0) {
		struct scored *all = scored_postings(s, t);
		for (size_t i = 0; i < t->n; i++)
			if (all[i].value > t->strongest)
				t->strongest = all[i].value;
		free(all);
	}
}

/* The brief of a split shard, from the items below its key: {"term":[the records it is in,
 * then its postings in the BRIEF_RECORDS records where it weighs most, in their order]}, for
 * the BRIEF_TERMS terms with the strongest postings (then those in the most records). */
static void brief_json(xmlBufferPtr buf, const struct search *s, const struct item *below, size_t n)
{
	const struct entry **terms = xcalloc(n ? n : 1, sizeof *terms);
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (!below[i].is_word) {
			find_strongest(s, below[i].entry);
			terms[count++] = below[i].entry;
		}
	qsort(terms, count, sizeof *terms, by_strength);
	xmlBufferCat(buf, BAD_CAST "{");
	for (size_t i = 0; i < count && i < BRIEF_TERMS; i++) {
		const struct entry *t = terms[i];
		struct scored *all = scored_postings(s, t);
		size_t kept = t->n < BRIEF_RECORDS ? t->n : BRIEF_RECORDS;
		qsort(all, t->n, sizeof *all, by_value);
		qsort(all, kept, sizeof *all, by_record);
		xmlBufferCat(buf, BAD_CAST(i ? ",\n" : ""));
		json_string(buf, BAD_CAST t->key);
		xmlBufferCat(buf, BAD_CAST ":[");
		json_integer(buf, (long)t->n);
		scored_json(buf, all, kept, 0);
		xmlBufferCat(buf, BAD_CAST "]");
		free(all);
	}
	xmlBufferCat(buf, BAD_CAST "}");
	free(terms);
}

struct shards {
	const struct search *s;
	struct writer *w;
	xmlBufferPtr keys;
	int ok;
};

/* Writes assets/search/t-HEX.js for the items with key `key`, and when the shard is split, the
 * brief of the `nbelow` items below it. */
static void write_shard(struct shards *sh, const char *key, size_t keylen, const struct item *items, size_t n,
                        const struct item *below, size_t nbelow)
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
			posting_json(buf, sh->s, items[i].entry);
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
	xmlBufferCat(buf, BAD_CAST "]");
	if (nbelow > 0) {
		xmlBufferCat(buf, BAD_CAST ",\n\"p\":");
		brief_json(buf, sh->s, below, nbelow);
	}
	xmlBufferCat(buf, BAD_CAST "};\n");
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
			write_shard(sh, items[i].entry->key, (size_t)len, items + i, whole - i, items + whole, j - whole);
			write_shards(sh, items + whole, j - whole, depth + 1);
		} else {
			write_shard(sh, items[i].entry->key, (size_t)len, items + i, j - i, NULL, 0);
		}
		i = j;
	}
}

static int write_all_shards(struct search *s, xmlBufferPtr keys)
{
	struct items items = {calloc((size_t)(xmlHashSize(s->terms) + xmlHashSize(s->words)) + 1, sizeof(struct item)), 0};
	struct shards sh = {s, s->w, keys, 1};
	if (items.all == NULL)
		return 0;
	xmlHashScan(s->terms, collect_item, &items);
	size_t terms = items.n;
	xmlHashScan(s->words, collect_item, &items);
	for (size_t i = terms; i < items.n; i++)
		items.all[i].is_word = 1;
	qsort(items.all, items.n, sizeof *items.all, by_key);
	write_shards(&sh, items.all, items.n, 1);
	free(items.all);
	return sh.ok;
}

/* ---- the records and their text ---- */

/* The bytes of href before its fragment: the page it leads to. */
static size_t page_part(const char *href)
{
	return strcspn(href, "#");
}

/* Writes the text file being filled, assets/search/x-N.js, and starts the next. */
static void write_text(struct search *s)
{
	char *rel = xasprintf(SEARCH_DIR "x-%zu.js", s->text_files++);

	xmlBufferCat(s->text, BAD_CAST "})(window.mixdownSearchText = window.mixdownSearchText || {});\n");
	s->ok &= writer_put_copy(s->w, rel, xmlBufferContent(s->text), (size_t)xmlBufferLength(s->text));
	xmlBufferEmpty(s->text);
	free(rel);
	free(s->text_page);
	s->text_page = NULL;
	s->text_bytes = 0;
}

/* Puts a record's text in the text files: each holds records of one page, and no more once it
 * has TEXT_BUDGET bytes, so that a result's snippet loads little beside it. */
static void keep_text(struct search *s, const char *href, const xmlChar *text)
{
	char line[64];

	if (s->text_page != NULL &&
	    (s->text_bytes >= TEXT_BUDGET || page_part(href) != strlen(s->text_page) ||
	     strncmp(href, s->text_page, strlen(s->text_page)) != 0))
		write_text(s);
	if (s->text_page == NULL) {
		s->text_page = strndup(href, page_part(href));
		xmlBufferCat(s->text, BAD_CAST "(function (t) {\n");
	}
	s->text_bytes += strlen((const char *)text);
	snprintf(line, sizeof line, "t[%zu] = ", s->records);
	xmlBufferCat(s->text, BAD_CAST line);
	json_string(s->text, text);
	xmlBufferCat(s->text, BAD_CAST ";\n");
}

/* Lists a record in the index as [href, kind, title, trail, text file number]. */
static void list_record(struct search *s, xmlChar *const shown[4])
{
	char num[32];

	xmlBufferCat(s->shown, BAD_CAST(s->records ? ",\n[" : "["));
	for (size_t i = 0; i < 4; i++) {
		json_string(s->shown, shown[i]);
		xmlBufferCat(s->shown, BAD_CAST ",");
	}
	snprintf(num, sizeof num, "%zu]", s->text_files);
	xmlBufferCat(s->shown, BAD_CAST num);
}

struct search *search_new(struct writer *w)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->w = w;
	s->tokens = tokenizer_new();
	s->terms = xmlHashCreate(4096);
	s->words = xmlHashCreate(4096);
	s->shown = xmlBufferCreate();
	s->text = xmlBufferCreate();
	s->ok = s->tokens != NULL && s->terms != NULL && s->words != NULL && s->shown != NULL &&
	        s->text != NULL;
	if (!s->ok)
		diag_report(w->diag, NULL, D_INTERNAL,
		            "the search index cannot be made (out of memory or no Snowball English stemmer)");
	return s;
}

int search_add(void *search, xmlNodePtr record)
{
	static const char *const names[] = {"href", "kind", "title", "trail", "terms", "text"};
	struct search *s = search;
	xmlChar *value[6];

	if (!s->ok)
		return 0;
	for (size_t i = 0; i < 6; i++) {
		value[i] = xmlGetProp(record, BAD_CAST names[i]);
		if (value[i] == NULL)
			value[i] = xmlStrdup(BAD_CAST "");
	}
	keep_text(s, (const char *)value[0], value[5]);
	list_record(s, value);
	/* the searched fields, in the order of fields[]: title, terms, trail, text */
	count_words(s, (xmlChar *const[FIELD_COUNT]){value[2], value[4], value[3], value[5]});
	s->records++;
	for (size_t i = 0; i < 6; i++)
		xmlFree(value[i]);
	return s->ok;
}

long search_finish(struct search *s)
{
	xmlBufferPtr buf = xmlBufferCreate(), keys = xmlBufferCreate();
	long size = -1;

	if (s->ok && s->text_page != NULL)
		write_text(s);
	average_lengths(s);
	xmlHashScan(s->terms, pack_last, NULL);
	xmlBufferCat(buf, BAD_CAST "window.mixdownSearch = {\"records\":[\n");
	xmlBufferAdd(buf, xmlBufferContent(s->shown), xmlBufferLength(s->shown));
	int ok = s->ok && write_all_shards(s, keys);
	xmlBufferCat(buf, BAD_CAST "],\n\"files\":{\"terms\":\"" SEARCH_DIR "t-\",\"text\":\"" SEARCH_DIR "x-\"},\n\"shards\":[");
	xmlBufferAdd(buf, xmlBufferContent(keys), xmlBufferLength(keys));
	xmlBufferCat(buf, BAD_CAST "]};\n");
	if (ok && writer_put_copy(s->w, layout_path(LAYOUT_SEARCH_INDEX), xmlBufferContent(buf),
	                          (size_t)xmlBufferLength(buf)))
		size = xmlBufferLength(buf);
	xmlBufferFree(buf);
	xmlBufferFree(keys);
	return size;
}

void search_free(struct search *s)
{
	if (s == NULL)
		return;
	xmlHashFree(s->terms, free_entry);
	xmlHashFree(s->words, free_entry);
	tokenizer_free(s->tokens);
	xmlBufferFree(s->shown);
	xmlBufferFree(s->text);
	free(s->lengths);
	free(s->text_page);
	free(s);
}
