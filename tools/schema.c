/* schema.c: validates the book against the DocBook 5 RELAX NG schema and says what is wrong in
 * an author's words. The mistakes made most often are found by looking at the tree itself;
 * libxml2's messages, which repeat one problem up the tree and at siblings it tried, are then
 * reduced to the innermost and most specific one. */
#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_SCHEMA_ERRORS 200
#define MAX_EXPLAINED 200

struct schema_error {
	xmlNodePtr node;
	char *message;
	int depth;
	int rank; /* how specific the message is; higher wins among errors at one element */
};

struct validator {
	struct book *book;
	struct diag *diag;
	const char *schema_path;
	xmlHashTablePtr element_names; /* DocBook's element names, read when a name is unknown */
	struct schema_error errors[MAX_SCHEMA_ERRORS];
	int nerrors;
	xmlNodePtr explained[MAX_EXPLAINED]; /* elements the structural checks reported */
	int nexplained;
	int reported;
};

static void explain(struct validator *v, xmlNodePtr node)
{
	if (v->nexplained < MAX_EXPLAINED)
		v->explained[v->nexplained++] = node;
}

static int is_ancestor(xmlNodePtr ancestor, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == ancestor)
			return 1;
	return 0;
}

static const char *name_of(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE ? (const char *)n->name : "document";
}

static xmlNodePtr first_element(xmlNodePtr e)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

#define IS_ONE_OF(e, list) is_docbook_any((e), (list), sizeof(list) / sizeof *(list))

/* ---- the common mistakes, found in the tree ---- */

static const char *const lists[] = {"itemizedlist", "orderedlist"};
static const char *const list_heads[] = {"title", "info", "titleabbrev"};
static const char *const titled[] = {"chapter", "appendix", "part", "section", "sect1", "sect2",
                                     "sect3", "sect4", "sect5", "simplesect", "article"};
static const char *const sections[] = {"section", "sect1", "sect2", "sect3", "sect4", "sect5",
                                       "simplesect"};
static const char *const headings[] = {"title", "info", "subtitle", "titleabbrev", "indexterm"};
/* Elements that hold only other elements: text straight inside them is a mistake. */
static const char *const element_only[] = {
	"book", "part", "chapter", "appendix", "preface", "section", "sect1", "sect2", "sect3",
	"simplesect", "itemizedlist", "orderedlist", "variablelist", "varlistentry", "listitem",
	"glossary", "glossentry", "glossdef", "figure", "mediaobject", "table", "informaltable",
	"tgroup", "thead", "tbody", "row", "note", "tip", "important", "caution", "warning", "sidebar"};
static const char *const not_in_para[] = {"section", "sect1", "simplesect", "chapter", "appendix",
                                          "part", "title", "preface", "glossary"};

/* A para or other element straight inside a list, where a listitem belongs. */
static int check_list(struct validator *v, xmlNodePtr e)
{
	int found = 0, items = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_docbook(c, "listitem")) {
			items++;
		} else if (!IS_ONE_OF(c, list_heads)) {
			v->reported += book_report(v->book, v->diag, c, D_SCHEMA_WRAP_LISTITEM, name_of(c), name_of(e));
			found = 1;
		}
	}
	if (!found && items == 0)
		v->reported += book_report(v->book, v->diag, e, D_SCHEMA_MISSING, name_of(e), "listitem");
	return found || items == 0;
}

/* Words typed straight into an element that holds only elements. */
static int check_stray_text(struct validator *v, xmlNodePtr e)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c)) {
			v->reported += book_report(v->book, v->diag, e, D_SCHEMA_TEXT, name_of(e));
			return 1;
		}
	}
	return 0;
}

/* A chapter, appendix or section without its title. */
static int check_title(struct validator *v, xmlNodePtr e)
{
	xmlNodePtr first = first_element(e);

	if (first != NULL && (is_docbook(first, "title") || is_docbook(first, "info")))
		return 0;
	v->reported += book_report(v->book, v->diag, e, D_SCHEMA_NEEDS_TITLE, name_of(e), first ? name_of(first) : "its end");
	return 1;
}

/* A section with a title and nothing else. */
static int check_section_content(struct validator *v, xmlNodePtr e)
{
	xmlNodePtr title = NULL;
	xmlChar *words;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !IS_ONE_OF(c, headings))
			return 0;
		if (is_docbook(c, "title"))
			title = c;
	}
	words = xmlNodeGetContent(title);
	v->reported += book_report(v->book, v->diag, e, D_EMPTY_SECTION, name_of(e), words ? (const char *)words : "");
	xmlFree(words);
	return 1;
}

/* A section or other structure inside a paragraph. */
static int check_para(struct validator *v, xmlNodePtr e)
{
	int found = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (IS_ONE_OF(c, not_in_para)) {
			v->reported += book_report(v->book, v->diag, c, D_SCHEMA_NOT_ALLOWED, name_of(c), name_of(e));
			explain(v, c);
			found = 1;
		}
	}
	return found;
}

static void check_structure(xmlNodePtr e, void *data)
{
	struct validator *v = data;
	int found = 0;

	if (e->ns == NULL || !xmlStrEqual(e->ns->href, BAD_CAST DOCBOOK_NS))
		return;
	if (IS_ONE_OF(e, element_only) && check_stray_text(v, e))
		found = 1;
	else if (IS_ONE_OF(e, lists))
		found = check_list(v, e);
	else if (IS_ONE_OF(e, titled) && check_title(v, e))
		found = 1;
	else if (IS_ONE_OF(e, sections))
		found = check_section_content(v, e);
	else if (is_docbook(e, "para") || is_docbook(e, "simpara"))
		check_para(v, e);
	if (found)
		explain(v, e);
}

/* ---- libxml2's messages ---- */

/* Messages that name no element and say nothing an author can act on. */
static int is_vague(const char *message)
{
	return strstr(message, "Invalid sequence in interleave") != NULL ||
	       strstr(message, "failed to validate") != NULL || strstr(message, "Extra element") != NULL;
}

static int rank_of(const char *message)
{
	if (strncmp(message, "Invalid attribute ", 18) == 0 || strncmp(message, "Type ", 5) == 0)
		return 4;
	if (strstr(message, ", got nothing") != NULL)
		return 3;
	if (strncmp(message, "Did not expect element ", 23) == 0)
		return 2;
	return is_vague(message) ? 0 : 1;
}

static void on_schema_error(void *data, xmlErrorPtr err)
{
	struct validator *v = data;
	struct schema_error *e;

	if (err->level < XML_ERR_ERROR || v->nerrors == MAX_SCHEMA_ERRORS)
		return;
	e = &v->errors[v->nerrors++];
	e->node = err->node ? err->node : (xmlNodePtr)xmlDocGetRootElement(v->book->doc);
	e->depth = 0;
	for (xmlNodePtr n = e->node; n != NULL; n = n->parent)
		e->depth++;
	e->message = strdup(err->message ? err->message : "not valid DocBook 5");
	e->rank = rank_of(e->message);
}

/* libxml2's final IDREF pass prints through the generic handler; check.c reports the same
 * problems at their chapter and line. */
static void ignore_message(void *data, const char *fmt, ...)
{
	(void)data, (void)fmt;
}

/* Deepest first, then most specific, then latest in the document: of two siblings the
 * validator blames, the later one is usually where the book went wrong. */
static int deeper_then_specific(const void *a, const void *b)
{
	const struct schema_error *x = a, *y = b;
	if (x->depth != y->depth)
		return y->depth - x->depth;
	if (x->rank != y->rank)
		return y->rank - x->rank;
	return xmlXPathCmpNodes(x->node, y->node);
}

static int in_document_order(const void *a, const void *b)
{
	xmlNodePtr x = (*(struct schema_error *const *)a)->node;
	xmlNodePtr y = (*(struct schema_error *const *)b)->node;
	return -xmlXPathCmpNodes(x, y);
}

/* Is node part of the cascade of a problem at one of these elements: the element itself, an
 * ancestor, or a sibling of an ancestor that the validator tried instead? */
static int in_cascade(xmlNodePtr node, xmlNodePtr const *known, int n)
{
	for (int i = 0; i < n; i++)
		if (is_ancestor(node, known[i]) ||
		    (node->parent != NULL && is_ancestor(node->parent, known[i])))
			return 1;
	return 0;
}

/* A vague message yields to a specific one about an element on the same branch. */
static int has_specific_kin(const struct validator *v, const struct schema_error *e)
{
	for (int i = 0; i < v->nerrors; i++) {
		const struct schema_error *o = &v->errors[i];
		if (o != e && o->rank > 0 &&
		    (is_ancestor(o->node, e->node) || is_ancestor(e->node, o->node)))
			return 1;
	}
	return 0;
}

/* Reads "PREFIX<a>MIDDLE<b>" from message into a and b; returns 0 when it does not match. */
static int split_message(const char *message, const char *prefix, const char *middle, char *a,
                         char *b, size_t size)
{
	size_t np = strlen(prefix);
	const char *rest, *mid;

	if (strncmp(message, prefix, np) != 0)
		return 0;
	rest = message + np;
	mid = strstr(rest, middle);
	if (mid == NULL || (size_t)(mid - rest) >= size)
		return 0;
	snprintf(a, size, "%.*s", (int)(mid - rest), rest);
	if (b != NULL)
		snprintf(b, size, "%.*s", (int)strcspn(mid + strlen(middle), "'\n"), mid + strlen(middle));
	return 1;
}

static void collect_element_names(xmlNodePtr e, void *data)
{
	xmlChar *name;

	if (!xmlStrEqual(e->name, BAD_CAST "element"))
		return;
	name = xmlGetNoNsProp(e, BAD_CAST "name");
	if (name != NULL)
		xmlHashAddEntry(data, name, data);
	xmlFree(name);
}

/* Every element name the DocBook 5 schema defines, read from it when first needed. */
static xmlHashTablePtr docbook_elements(struct validator *v)
{
	xmlDocPtr rng;

	if (v->element_names != NULL)
		return v->element_names;
	v->element_names = xmlHashCreate(512);
	rng = xmlReadFile(v->schema_path, NULL, XML_PARSE_NONET);
	if (rng != NULL)
		walk_elements(xmlDocGetRootElement(rng), collect_element_names, NULL, v->element_names);
	xmlFreeDoc(rng);
	return v->element_names;
}

/* The validator's message in an author's words, for the forms it takes most often. */
static void explain_schema_error(struct validator *v, const struct schema_error *e)
{
	char a[200], b[200], hint[300];
	xmlNodePtr n = e->node;

	if (split_message(e->message, "Did not expect element ", " there", a, NULL, sizeof a) &&
	    strcmp(a, "text") == 0) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_TEXT, name_of(n));
	} else if (split_message(e->message, "Did not expect element ", " there", a, NULL,
	                         sizeof a) &&
	           xmlHashLookup(docbook_elements(v), BAD_CAST a) == NULL) {
		check_suggest(docbook_elements(v), a, "<", hint, sizeof hint);
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_UNKNOWN_ELEMENT, a, hint);
	} else if (split_message(e->message, "Did not expect element ", " there", a, NULL,
	                         sizeof a)) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_NOT_ALLOWED, a, name_of(n->parent));
	} else if (split_message(e->message, "Expecting element ", ", got ", a, b, sizeof a) &&
	           xmlHashLookup(docbook_elements(v), BAD_CAST a) != NULL) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_NEEDS, name_of(n->parent), a, b);
	} else if (split_message(e->message, "Expecting an element ", ", got nothing", a, NULL,
	                         sizeof a)) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_MISSING, name_of(n), a);
	} else if (split_message(e->message, "Invalid attribute ", " for element ", a, b, sizeof a)) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_ATTRIBUTE, b, a);
	} else if (split_message(e->message, "Type ", " doesn't allow value '", a, b, sizeof a)) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_VALUE, b, a);
	} else {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA, e->message);
	}
}

static void report_schema_errors(struct validator *v)
{
	struct schema_error *kept[MAX_SCHEMA_ERRORS];
	xmlNodePtr kept_nodes[MAX_SCHEMA_ERRORS];
	int nkept = 0;

	qsort(v->errors, (size_t)v->nerrors, sizeof *v->errors, deeper_then_specific);
	for (int i = 0; i < v->nerrors; i++) {
		struct schema_error *e = &v->errors[i];
		if ((e->rank == 0 && has_specific_kin(v, e)) ||
		    in_cascade(e->node, v->explained, v->nexplained) ||
		    in_cascade(e->node, kept_nodes, nkept))
			continue;
		kept_nodes[nkept] = e->node;
		kept[nkept++] = e;
	}
	if (nkept > 1)
		qsort(kept, (size_t)nkept, sizeof *kept, in_document_order);
	for (int i = 0; i < nkept; i++)
		explain_schema_error(v, kept[i]);
}

int schema_open(struct schema *s, const char *path, struct diag *d)
{
	xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(path);

	s->path = path;
	s->compiled = pctxt ? xmlRelaxNGParse(pctxt) : NULL;
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (s->compiled == NULL) {
		struct diag_loc loc = {path, 0, 0};
		diag_report(d, &loc, D_READ_FAILED, "the DocBook 5 schema could not be loaded");
	}
	return s->compiled != NULL;
}

void schema_close(struct schema *s)
{
	if (s->compiled != NULL)
		xmlRelaxNGFree(s->compiled);
	s->compiled = NULL;
}

int schema_validate(struct book *b, const struct schema *s, struct diag *d)
{
	struct validator *v = calloc(1, sizeof *v);
	xmlRelaxNGValidCtxtPtr vctxt;
	int reported;

	if (v == NULL)
		abort();
	v->book = b, v->diag = d, v->schema_path = s->path;
	walk_elements(xmlDocGetRootElement(b->doc), check_structure, NULL, v);
	vctxt = xmlRelaxNGNewValidCtxt(s->compiled);
	xmlRelaxNGSetValidStructuredErrors(vctxt, on_schema_error, v);
	xmlSetGenericErrorFunc(NULL, ignore_message);
	xmlRelaxNGValidateDoc(vctxt, b->doc);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlRelaxNGFreeValidCtxt(vctxt);
	report_schema_errors(v);
	for (int i = 0; i < v->nerrors; i++)
		free(v->errors[i].message);
	xmlHashFree(v->element_names, NULL);
	reported = v->reported;
	free(v);
	return reported;
}
