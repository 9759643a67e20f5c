/* check.c: checks the merged book: unique ids, references that resolve, files that exist,
 * images of a published type with text alternatives, safe links, language tags, stable
 * addresses; and has schema.c validate it.
 * Each problem is reported at the chapter file and line the author edits. */
#include "check.h"
#include "lang.h"
#include "load.h"
#include "media.h"
#include "util.h"

#include <libxml/chvalid.h>
#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <stdarg.h>
#include <stdio.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Unknown ids after this many get no suggestion: each search reads every id of the book, so
 * suggesting for all of them would cost the number of ids times the number of mistakes. */
#define SUGGESTED_UNKNOWN_IDS 100

struct checker {
	struct book *book;
	struct diag *diag;
	int errors;
	int suggested; /* unknown ids given a suggestion so far */
};


/* ---- suggestions ---- */

/* The edit distance between a and b, stopping early past limit. */
static size_t distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[128];

	if (lb >= sizeof row / sizeof *row || (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0], best = ++row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = diagonal + (a[i - 1] != b[j - 1]);
			size_t v = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
			row[j] = cost < v ? cost : v;
			diagonal = up;
			if (row[j] < best)
				best = row[j];
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

struct nearest {
	const char *wanted;
	const char *best;
	size_t best_distance;
};

static void consider(void *payload, void *data, const xmlChar *name)
{
	struct nearest *n = data;
	size_t d = distance(n->wanted, (const char *)name, n->best_distance);
	size_t ln = strlen((const char *)name), lw = strlen(n->wanted);

	(void)payload;
	/* "paragraph" for "para": a known name that begins the wanted one counts as close */
	if (ln >= 4 && ln < lw && strncmp(n->wanted, (const char *)name, ln) == 0)
		d = 1;
	if (d < n->best_distance || (d == n->best_distance && n->best != NULL &&
	                             strcmp((const char *)name, n->best) < 0)) {
		n->best = (const char *)name;
		n->best_distance = d;
	}
}

void check_suggest(xmlHashTablePtr table, const char *wanted, const char *quote, char *out,
                    size_t size)
{
	size_t len = strlen(wanted);
	struct nearest n = {wanted, NULL, len / 3 > 2 ? len / 3 : 2};

	n.best_distance++;
	out[0] = '\0';
	if (table != NULL)
		xmlHashScan(table, consider, &n);
	if (n.best != NULL && n.best_distance <= (len / 3 > 2 ? len / 3 : 2))
		snprintf(out, size, " (did you mean %s%s%s?)", quote, n.best,
		         quote[0] == '<' ? ">" : quote);
}

/* ---- ids ---- */

/* An xml:id another element before this one holds already. */
static void check_unique_id(xmlNodePtr e, void *data)
{
	struct checker *c = data;
	xmlAttrPtr attr = xmlHasNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE);
	xmlAttrPtr holder;
	xmlChar *value;

	if (attr == NULL)
		return;
	value = xmlNodeGetContent((xmlNodePtr)attr);
	holder = book_id_holder(c->book, value);
	if (holder != NULL && holder != attr) {
		struct diag_loc first;
		book_locate(c->book, holder->parent, &first);
		char *where = xasprintf("%s:%ld", first.file, first.line);
		c->errors += book_report(c->book, c->diag, e, D_DUPLICATE_ID, (const char *)value, where);
		free(where);
	}
	xmlFree(value);
}

/* ---- references ---- */

static const char *const idref_attributes[] = {"linkend", "endterm", "otherterm", "startref"};
static const char *const idrefs_attributes[] = {"linkends", "arearefs", "zone"};

static void check_idref(struct checker *c, xmlNodePtr e, const char *attr, const xmlChar *id)
{
	char hint[300] = "";

	if (xmlGetID(c->book->doc, id) != NULL)
		return;
	if (c->suggested++ < SUGGESTED_UNKNOWN_IDS)
		check_suggest(c->book->doc->ids, (const char *)id, "'", hint, sizeof hint);
	c->errors += book_report(c->book, c->diag, e, D_UNKNOWN_ID, attr, (const char *)id, hint);
}

static void check_idrefs(struct checker *c, xmlNodePtr e, const char *attr, xmlChar *list)
{
	const char *sep = " \t\r\n";

	for (char *save = NULL, *tok = strtok_r((char *)list, sep, &save); tok != NULL;
	     tok = strtok_r(NULL, sep, &save))
		check_idref(c, e, attr, BAD_CAST tok);
}

static void check_references(xmlNodePtr e, void *data)
{
	struct checker *c = data;

	for (size_t i = 0; i < sizeof idref_attributes / sizeof *idref_attributes; i++) {
		xmlChar *v = xmlGetNoNsProp(e, BAD_CAST idref_attributes[i]);
		if (v != NULL)
			check_idref(c, e, idref_attributes[i], v);
		xmlFree(v);
	}
	for (size_t i = 0; i < sizeof idrefs_attributes / sizeof *idrefs_attributes; i++) {
		xmlChar *v = xmlGetNoNsProp(e, BAD_CAST idrefs_attributes[i]);
		if (v != NULL)
			check_idrefs(c, e, idrefs_attributes[i], v);
		xmlFree(v);
	}
}

/* ---- files ---- */

static void check_fileref(xmlNodePtr e, void *data)
{
	struct checker *c = data;
	xmlChar *ref = xmlGetNoNsProp(e, BAD_CAST "fileref");
	char *path = NULL;
	int err = 0;

	if (ref == NULL)
		return;
	switch (book_resolve(c->book, book_file_of(c->book, e), (const char *)ref, &path, &err)) {
	case RESOLVE_OK:
		if (is_docbook(e, "imagedata") && is_shown_image(e) && image_kind_of(path) == IMAGE_OTHER)
			c->errors += book_report(c->book, c->diag, e, D_FILEREF_TYPE, (const char *)ref);
		break;
	case RESOLVE_URL:
		c->errors += book_report(c->book, c->diag, e, D_FILEREF_URL, (const char *)ref);
		break;
	case RESOLVE_ABSOLUTE:
	case RESOLVE_OUTSIDE:
		c->errors += book_report(c->book, c->diag, e, D_FILEREF_OUTSIDE, (const char *)ref);
		break;
	case RESOLVE_MISSING:
		if (!is_docbook(e, "imagedata") || is_shown_image(e))
			c->errors += book_report(c->book, c->diag, e, D_FILEREF_MISSING, (const char *)ref);
		break;
	}
	free(path);
	xmlFree(ref);
}

/* ---- the project's rules beyond the schema ---- */

static int has_child(xmlNodePtr e, const char *name)
{
	return docbook_child(e, name) != NULL;
}

/* Is e inside a figure with a title? The title is then the image's text alternative. */
static int in_titled_figure(xmlNodePtr e)
{
	for (xmlNodePtr a = e->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (is_docbook(a, "figure"))
			return has_child(a, "title") || has_child(docbook_child(a, "info"), "title");
	return 0;
}

static void check_image_alt(struct checker *c, xmlNodePtr e)
{
	if ((is_docbook(e, "mediaobject") || is_docbook(e, "inlinemediaobject")) &&
	    has_child(e, "imageobject") && !has_child(e, "textobject") && !has_child(e, "alt") &&
	    !in_titled_figure(e))
		c->errors += book_report(c->book, c->diag, e, D_IMAGE_NO_ALT);
}

/* Pages and the top-level sections of chapters and appendices need an xml:id for a stable
 * address. */
static void check_stable_id(struct checker *c, xmlNodePtr e)
{
	static const char *const pages[] = {"chapter", "appendix", "preface", "part", "glossary"};
	int needs = 0;

	if (xmlHasNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE))
		return;
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
		needs |= is_docbook(e, pages[i]);
	needs |= is_docbook(e, "section") &&
	         (is_docbook(e->parent, "chapter") || is_docbook(e->parent, "appendix"));
	if (needs)
		c->errors += book_report(c->book, c->diag, e, D_MISSING_ID, (const char *)e->name);
}

/* ---- links ---- */

/* href without the spaces and C0 controls around it and the tabs and line breaks inside it. */
static char *link_as_read(const char *href)
{
	const unsigned char *start = (const unsigned char *)href;
	const unsigned char *end = start + strlen(href);
	char *clean, *out;

	while (start < end && *start <= ' ')
		start++;
	while (end > start && end[-1] <= ' ')
		end--;
	out = clean = malloc((size_t)(end - start) + 1);
	if (clean == NULL)
		abort();
	for (const unsigned char *p = start; p < end; p++)
		if (*p != '\t' && *p != '\n' && *p != '\r')
			*out++ = (char)*p;
	*out = '\0';
	return clean;
}

enum link_kind link_kind_of(const char *href, char **clean)
{
	static const char *const web_schemes[] = {"http:", "https:", "mailto:"};
	char *read = link_as_read(href);
	enum link_kind kind = href_has_scheme(read) ? LINK_UNSAFE
	                      : read[0] == '#'      ? LINK_FRAGMENT
	                                            : LINK_RELATIVE;

	for (size_t i = 0; i < sizeof web_schemes / sizeof *web_schemes; i++)
		if (strncasecmp(read, web_schemes[i], strlen(web_schemes[i])) == 0)
			kind = LINK_WEB;
	if (clean != NULL)
		*clean = read;
	else
		free(read);
	return kind;
}

static void check_link_target(struct checker *c, xmlNodePtr e)
{
	xmlChar *href = xmlGetNsProp(e, BAD_CAST "href", BAD_CAST XLINK_NS);
	char *clean = NULL;

	if (href == NULL)
		return;
	switch (link_kind_of((const char *)href, &clean)) {
	case LINK_WEB:
		break;
	case LINK_FRAGMENT:
		check_idref(c, e, "xlink:href", BAD_CAST clean + 1);
		break;
	case LINK_RELATIVE:
		c->errors += book_report(c->book, c->diag, e, D_LINK_RELATIVE, (const char *)href);
		break;
	case LINK_UNSAFE:
		c->errors += book_report(c->book, c->diag, e, D_LINK_SCHEME, (const char *)href);
		break;
	}
	free(clean);
	xmlFree(href);
}

/* A title (or a reference page's name) with no words: only white space, comments or
 * processing instructions, which another tool may have been meant to fill. */
static void check_title_words(struct checker *c, xmlNodePtr e)
{
	static const char *const titles[] = {"title", "refentrytitle", "refname"};
	xmlChar *text;
	int empty = 1;

	if (!is_docbook_any(e, titles, sizeof titles / sizeof *titles) || e->parent == NULL)
		return;
	for (xmlNodePtr n = e->children; n != NULL && empty; n = n->next)
		empty = n->type != XML_ELEMENT_NODE;
	text = empty ? xmlNodeGetContent(e) : NULL;
	for (const xmlChar *p = text; p != NULL && *p != '\0' && empty; p++)
		empty = xmlIsBlank_ch(*p);
	if (empty) {
		xmlNodePtr owner = is_docbook(e->parent, "info") || is_docbook(e->parent, "refmeta") ||
		                           is_docbook(e->parent, "refnamediv")
		                       ? e->parent->parent
		                       : e->parent;
		c->errors += book_report(c->book, c->diag, e, D_TITLE_EMPTY, e->name,
		                         owner != NULL ? owner->name : e->parent->name);
	}
	xmlFree(text);
}

static void check_lang(struct checker *c, xmlNodePtr e)
{
	xmlChar *lang = xmlGetNsProp(e, BAD_CAST "lang", XML_XML_NAMESPACE);

	/* xml:lang="" is allowed: it says the language is not known */
	if (lang != NULL && lang[0] != '\0' && !lang_tag_is_valid((const char *)lang))
		c->errors += book_report(c->book, c->diag, e, D_LANG_INVALID, (const char *)lang);
	xmlFree(lang);
}

static void check_rules_of(xmlNodePtr e, void *data)
{
	struct checker *c = data;

	check_image_alt(c, e);
	check_stable_id(c, e);
	check_link_target(c, e);
	check_title_words(c, e);
	check_lang(c, e);
}

int check_rules(struct book *b, struct diag *d)
{
	struct checker c = {.book = b, .diag = d};
	xmlNodePtr root = xmlDocGetRootElement(b->doc);

	walk_elements(root, check_unique_id, NULL, &c);
	walk_elements(root, check_references, NULL, &c);
	walk_elements(root, check_fileref, NULL, &c);
	walk_elements(root, check_rules_of, NULL, &c);
	return c.errors;
}

int check_book(struct book *b, const struct schema *s, struct diag *d)
{
	int errors = check_rules(b, d);

	return errors + schema_validate(b, s, d);
}
