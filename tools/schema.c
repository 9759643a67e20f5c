/* schema.c: validates the book against the DocBook 5 RELAX NG schema and says what is wrong in
 * an author's words. The mistakes made most often are found by looking at the tree itself.
 * libxml2 loses the real cause when an element fails among siblings it may choose between
 * (and stops at the first failing one), so an invalid book is then validated again element by
 * element, each alone, down to the innermost elements that fail by themselves; their messages
 * are reduced to the innermost and most specific one. */
#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "plan.h"
#include "util.h"
#include "xmlerr.h"

/* libxml2's messages kept from one validation; past them, one message says there are more. */
#define MAX_SCHEMA_ERRORS 200

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
/* The code of an element DocBook does not have, beside libxml2's xmlRelaxNGValidErr codes. */
#define UNKNOWN_ELEMENT (-1)
#define OUT_OF_ORDER (-2) /* str1 is an element that may not follow a str2 there */
/* Long lists of siblings are validated in parts (see thin). */
#define LONG_LIST 256
#define RUN_KEPT 2
#define MAX_PERIOD 8
#define BATCH 256

struct schema_error {
	xmlNodePtr node;
	char *message;
	int code;         /* libxml2's xmlRelaxNGValidErr */
	char *str1, *str2; /* its details: a type and a value, an attribute and an element */
	int depth;
	int rank; /* how specific the message is; higher wins among errors at one element */
};

struct error_list {
	struct schema_error items[MAX_SCHEMA_ERRORS];
	int n;
};

struct node_list {
	xmlNodePtr *items;
	int n, size;
};

struct name_tables {
	xmlHashTablePtr elements;   /* element names */
	xmlHashTablePtr attributes; /* attributes' local names */
};

struct validator {
	struct book *book;
	struct diag *diag;
	const struct schema *schema;
	struct name_tables names;       /* the schema's names, read when a name is unknown */
	struct name_tables later_names; /* those of the schema for later versions */
	struct error_list *collecting;   /* where libxml2's messages go */
	struct error_list *whole;        /* libxml2's messages about the whole book */
	struct error_list *errors;       /* the messages to explain */
	struct node_list explained; /* elements the structural checks reported */
	struct node_list unknown;   /* elements DocBook does not have, each reported */
	xmlHashTablePtr unknown_names; /* their names: the first use and the count */
	xmlHashTablePtr lacking;       /* "parent|name" -> 1: none lacking there, else index + 2 */
	int reported;
	int overflowed; /* messages were dropped at MAX_SCHEMA_ERRORS */
};

static void add_node(struct node_list *list, xmlNodePtr node)
{
	if (list->n == list->size) {
		list->size = list->size ? 2 * list->size : 64;
		list->items = xrealloc(list->items, (size_t)list->size * sizeof *list->items);
	}
	list->items[list->n++] = node;
}

static void explain(struct validator *v, xmlNodePtr node)
{
	add_node(&v->explained, node);
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
static const char *const list_heads[] = {"title", "info", "titleabbrev", "indexterm"};
static const char *const titled[] = {"chapter", "appendix", "part", "section", "sect1", "sect2",
                                     "sect3", "sect4", "sect5", "simplesect", "article", "figure",
                                     "example"};
/* Sections: they follow the blocks of the element that holds them, never the other way. */
static const char *const sections[] = {"section", "sect1", "sect2", "sect3", "sect4", "sect5",
                                       "simplesect", "refsection", "refsect1", "refsect2",
                                       "refsect3", "glossdiv", "bibliodiv"};
static const char *const headings[] = {"title", "info", "subtitle", "titleabbrev", "indexterm"};
/* Elements that hold only other elements: text straight inside them is a mistake. */
static const char *const element_only[] = {
	"book", "part", "chapter", "appendix", "preface", "section", "sect1", "sect2", "sect3",
	"simplesect", "itemizedlist", "orderedlist", "variablelist", "varlistentry", "listitem",
	"glossary", "glossentry", "glossdef", "figure", "mediaobject", "table", "informaltable",
	"tgroup", "thead", "tbody", "row", "note", "tip", "important", "caution", "warning", "sidebar"};
static const char *const not_in_para[] = {"section", "sect1", "simplesect", "chapter", "appendix",
                                          "part", "title", "preface", "glossary"};

static int count_listitems(xmlNodePtr list)
{
	int items = 0;
	for (xmlNodePtr c = list->children; c != NULL; c = c->next)
		items += is_docbook(c, "listitem");
	return items;
}

/* A para or other element straight inside a list where a listitem belongs: after the first
 * item, or anywhere in a list without items. (Before its first item, a list may begin with
 * paragraphs of its own.) */
static int check_list(struct validator *v, xmlNodePtr e)
{
	int found = 0, items = count_listitems(e), seen = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_docbook(c, "listitem")) {
			seen++;
		} else if ((seen > 0 || items == 0) && !IS_ONE_OF(c, list_heads)) {
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
			v->reported += book_report(v->book, v->diag, c, D_SCHEMA_TEXT, name_of(e));
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

/* A table without its heading: a CALS table (with tgroup) begins with its title, an HTML one
 * (with rows) with its caption, after an info. */
static int check_table(struct validator *v, xmlNodePtr e)
{
	int html = docbook_child(e, "tgroup") == NULL;
	const char *needed = html ? "caption" : "title";
	xmlNodePtr first = first_element(e);

	if (html && first != NULL && is_docbook(first, "info"))
		for (first = first->next; first != NULL && first->type != XML_ELEMENT_NODE;)
			first = first->next;
	if (first != NULL && (is_docbook(first, needed) || (!html && is_docbook(first, "info"))))
		return 0;
	v->reported += book_report(v->book, v->diag, e, D_SCHEMA_NEEDS, name_of(e), needed,
	                           first ? name_of(first) : "its end");
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

/* An xref or link that names no target: libxml2 only says "Invalid sequence in interleave". */
static int check_target(struct validator *v, xmlNodePtr e)
{
	if (xmlHasNsProp(e, BAD_CAST "linkend", NULL) != NULL ||
	    xmlHasNsProp(e, BAD_CAST "href", BAD_CAST XLINK_NS) != NULL)
		return 0;
	v->reported += book_report(v->book, v->diag, e, D_SCHEMA_NO_TARGET, name_of(e));
	return 1;
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
	else if (is_docbook(e, "table") && check_table(v, e))
		found = 1;
	else if (IS_ONE_OF(e, sections))
		found = check_section_content(v, e);
	else if (is_docbook(e, "para") || is_docbook(e, "simpara"))
		check_para(v, e);
	else if (is_docbook(e, "xref") || is_docbook(e, "link"))
		found = check_target(v, e);
	if (found)
		explain(v, e);
}

/* ---- libxml2's messages ---- */

/* Messages that name no element and say nothing an author can act on. */
static int is_vague(int code)
{
	return code == XML_RELAXNG_ERR_INTERSEQ || code == XML_RELAXNG_ERR_INTEREXTRA ||
	       code == XML_RELAXNG_ERR_CONTENTVALID || code == XML_RELAXNG_ERR_ATTRVALID ||
	       code == XML_RELAXNG_ERR_EXTRACONTENT;
}

static int is_attribute_error(int code)
{
	return code == XML_RELAXNG_ERR_TYPEVAL || code == XML_RELAXNG_ERR_INVALIDATTR;
}

static int rank_of(int code)
{
	if (is_attribute_error(code))
		return 4;
	if (code == XML_RELAXNG_ERR_NOELEM)
		return 3;
	if (code == XML_RELAXNG_ERR_ELEMWRONG)
		return 2;
	return is_vague(code) ? 0 : 1;
}

static char *copy_of(const char *text)
{
	char *copy = text != NULL ? strdup(text) : NULL;
	if (text != NULL && copy == NULL)
		abort();
	return copy;
}

/* The book's element a node of a validated copy stands for (see validate_alone), or the
 * element of a node of the book itself (validated in place). */
static xmlNodePtr original_of(const struct validator *v, xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	if (n == NULL || n->doc == v->book->doc)
		return n;
	return n->_private;
}

/* How many elements deep n is in its document. */
static int depth_of(xmlNodePtr n)
{
	int depth = 0;

	for (; n != NULL; n = n->parent)
		depth++;
	return depth;
}

static void on_schema_error(void *data, xml_error err)
{
	struct validator *v = data;
	struct error_list *list = v->collecting;
	xmlNodePtr node = err->node;
	struct schema_error *e;

	if (err->level < XML_ERR_ERROR)
		return;
	if (list->n == MAX_SCHEMA_ERRORS) {
		v->overflowed = 1;
		return;
	}
	node = original_of(v, node);
	e = &list->items[list->n++];
	e->node = node ? node : (xmlNodePtr)xmlDocGetRootElement(v->book->doc);
	e->depth = depth_of(e->node);
	e->message = copy_of(err->message ? err->message : "not valid DocBook 5");
	e->code = err->code;
	e->str1 = copy_of(err->str1);
	e->str2 = copy_of(err->str2);
	e->rank = rank_of(e->code);
}

static void clear_errors(struct error_list *list)
{
	for (int i = 0; i < list->n; i++) {
		free(list->items[i].message);
		free(list->items[i].str1);
		free(list->items[i].str2);
	}
	list->n = 0;
}

static struct error_list *new_error_list(void)
{
	struct error_list *list = calloc(1, sizeof *list);
	if (list == NULL)
		abort();
	return list;
}

static void free_error_list(struct error_list *list)
{
	if (list != NULL)
		clear_errors(list);
	free(list);
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

/* Is node the element of a problem already reported, or an ancestor that fails because of
 * it? With siblings: or a sibling of such an ancestor, which the validator tried instead. */
static int in_cascade(xmlNodePtr node, const struct node_list *known, int siblings)
{
	for (int i = 0; i < known->n; i++)
		if (is_ancestor(node, known->items[i]) ||
		    (siblings && node->parent != NULL && is_ancestor(node->parent, known->items[i])))
			return 1;
	return 0;
}

/* A vague message yields to a specific one about an element on the same branch. */
static int has_specific_kin(const struct validator *v, const struct schema_error *e)
{
	for (int i = 0; i < v->errors->n; i++) {
		const struct schema_error *o = &v->errors->items[i];
		if (o != e && o->rank > 0 &&
		    (is_ancestor(o->node, e->node) || is_ancestor(e->node, o->node)))
			return 1;
	}
	return 0;
}

/* ---- the schema's text ---- */

static int is_rng(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

/* Whether the <include> overrides the definition d (or the start, when d is one). */
static int is_overridden(xmlNodePtr include, xmlNodePtr d)
{
	xmlChar *name = is_rng(d, "define") ? xmlGetNoNsProp(d, BAD_CAST "name") : NULL;
	int found = 0;

	for (xmlNodePtr o = include->children; o != NULL && !found; o = o->next) {
		xmlChar *other = is_rng(o, "define") ? xmlGetNoNsProp(o, BAD_CAST "name") : NULL;
		found = (is_rng(d, "start") && is_rng(o, "start")) || (name && xmlStrEqual(name, other));
		xmlFree(other);
	}
	xmlFree(name);
	return found;
}

/* Removes from the included grammar (and its <div>s) what the include overrides. */
static void drop_overridden(xmlNodePtr include, xmlNodePtr container)
{
	xmlNodePtr c = container->children, next;

	for (; c != NULL; c = next) {
		next = c->next;
		if (is_rng(c, "div")) {
			drop_overridden(include, c);
		} else if (is_overridden(include, c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

/* Puts the grammar an <include> names in its place, as a <div> (which keeps the grammar's
 * namespace and datatype library) followed by the include's own definitions. */
static void inline_include(xmlNodePtr include)
{
	xmlChar *href = xmlGetNoNsProp(include, BAD_CAST "href");
	xmlChar *url = href ? xmlBuildURI(href, include->doc->URL) : NULL;
	xmlDocPtr included = url ? xmlReadFile((const char *)url, NULL, XML_PARSE_NONET) : NULL;
	xmlNodePtr root = included ? xmlDocGetRootElement(included) : NULL;

	if (root != NULL) {
		drop_overridden(include, root);
		xmlNodePtr div = xmlDocCopyNode(root, include->doc, 1);
		xmlNodeSetName(div, BAD_CAST "div");
		xmlAddPrevSibling(include, div);
	}
	while (include->children != NULL) {
		xmlNodePtr c = include->children;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(include, c);
	}
	xmlUnlinkNode(include);
	xmlFreeNode(include);
	xmlFreeDoc(included);
	xmlFree(url);
	xmlFree(href);
}

/* The grammar at path as one document, its includes put in place: the DocBook 5 schema as
 * it is, or a customization layer with the schema it customizes. */
static xmlDocPtr read_grammar(const char *path)
{
	xmlDocPtr rng = xmlReadFile(path, NULL, XML_PARSE_NONET);
	xmlNodePtr grammar = rng ? xmlDocGetRootElement(rng) : NULL, c, next;

	for (c = grammar ? grammar->children : NULL; c != NULL; c = next) {
		next = c->next;
		if (is_rng(c, "include"))
			inline_include(c);
	}
	if (grammar != NULL)
		xmlReconciliateNs(rng, grammar);
	return rng;
}

/* Adds the name an <element> or <attribute> of the schema defines (its local part) to the
 * table for that kind. */
static void collect_names(xmlNodePtr e, void *data)
{
	struct name_tables *names = data;
	xmlHashTablePtr table = xmlStrEqual(e->name, BAD_CAST "element")     ? names->elements
	                        : xmlStrEqual(e->name, BAD_CAST "attribute") ? names->attributes
	                                                                     : NULL;
	xmlChar *name;

	if (table == NULL)
		return;
	name = xmlGetNoNsProp(e, BAD_CAST "name");
	if (name != NULL) {
		const xmlChar *colon = xmlStrchr(name, ':');
		xmlHashAddEntry(table, colon ? colon + 1 : name, table);
	}
	xmlFree(name);
}

/* Every element and attribute name the schema at path defines, read from it when first
 * needed. */
static void read_names(const char *path, struct name_tables *names)
{
	xmlDocPtr rng;

	if (names->elements != NULL)
		return;
	names->elements = xmlHashCreate(512);
	names->attributes = xmlHashCreate(512);
	rng = path != NULL ? read_grammar(path) : NULL;
	if (rng != NULL)
		walk_elements(xmlDocGetRootElement(rng), collect_names, NULL, names);
	xmlFreeDoc(rng);
}

static void free_names(struct name_tables *names)
{
	xmlHashFree(names->elements, NULL);
	xmlHashFree(names->attributes, NULL);
}

static xmlHashTablePtr docbook_elements(struct validator *v)
{
	read_names(v->schema->path, &v->names);
	return v->names.elements;
}

static int is_docbook_attribute(struct validator *v, const char *name)
{
	read_names(v->schema->path, &v->names);
	return xmlHashLookup(v->names.attributes, BAD_CAST name) != NULL;
}

/* Whether a later version of DocBook, which the book did not ask for, has the element. */
static int is_later_element(struct validator *v, const char *name)
{
	read_names(v->schema->later_path, &v->later_names);
	return xmlHashLookup(v->later_names.elements, BAD_CAST name) != NULL;
}

/* A value as the author typed it, with tabs and line breaks written \t, \n and \r. */
static void visible_value(const char *value, char *out, size_t size)
{
	size_t n = 0;

	for (const char *p = value; *p != '\0' && n + 3 < size; p++) {
		const char *escape = *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : NULL;
		if (escape != NULL) {
			memcpy(out + n, escape, 2);
			n += 2;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

/* The attribute of e whose value is value, named as written (with its prefix), or NULL. */
static xmlAttrPtr attribute_with_value(xmlNodePtr e, const char *value)
{
	for (xmlAttrPtr a = e->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
		int same = v != NULL && strcmp((const char *)v, value) == 0;
		xmlFree(v);
		if (same)
			return a;
	}
	return NULL;
}

static void qualified_name(xmlAttrPtr a, char *out, size_t size)
{
	if (a->ns != NULL && a->ns->prefix != NULL)
		snprintf(out, size, "%s:%s", a->ns->prefix, a->name);
	else
		snprintf(out, size, "%s", a->name);
}

/* What a value of the schema's datatype looks like, in words. */
static const char *datatype_in_words(const char *type, char *out, size_t size)
{
	static const char *const words[][2] = {
		{"anyURI", "a URI: a space, a tab or a % of its own must be written %20, %09 or %25"},
		{"positiveInteger", "a whole number above 0"},
		{"nonNegativeInteger", "a whole number, 0 or more"},
		{"integer", "a whole number"},
		{"decimal", "a number"},
		{"NMTOKEN", "one word (letters, digits, '.', '-', '_' or ':')"},
		{"date", "a date written YYYY-MM-DD"},
		{"gYear", "a year written YYYY"},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(type, words[i][0]) == 0)
			return words[i][1];
	snprintf(out, size, "a valid %s", type);
	return out;
}

/* An attribute the schema refused, from libxml2's codes: a value not of its datatype, or an
 * attribute (or its value) the element does not take. Returns 0 for other messages. */
static int explain_attribute_error(struct validator *v, const struct schema_error *e)
{
	char name[200], value[400], words[200];
	xmlAttrPtr a;

	if (e->code == XML_RELAXNG_ERR_TYPEVAL && e->str1 && e->str2 &&
	    (a = attribute_with_value(e->node, e->str2)) != NULL) {
		qualified_name(a, name, sizeof name);
		visible_value(e->str2, value, sizeof value);
		v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_VALUE, name, value,
		                           datatype_in_words(e->str1, words, sizeof words));
		return 1;
	}
	if (e->code != XML_RELAXNG_ERR_INVALIDATTR || e->str1 == NULL)
		return 0;
	for (a = e->node->properties; a != NULL; a = a->next)
		if (xmlStrEqual(a->name, BAD_CAST e->str1))
			break;
	if (a == NULL || !is_docbook_attribute(v, e->str1)) {
		v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_ATTRIBUTE,
		                           name_of(e->node), e->str1);
		return 1;
	}
	xmlChar *text = xmlNodeListGetString(e->node->doc, a->children, 1);
	qualified_name(a, name, sizeof name);
	visible_value(text ? (const char *)text : "", value, sizeof value);
	xmlFree(text);
	v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_ATTRIBUTE_VALUE,
	                           name_of(e->node), name, value);
	return 1;
}

static int validate_alone(struct validator *v, xmlNodePtr e, struct error_list *list);
static int valid_without(struct validator *v, xmlNodePtr e, xmlNodePtr c);

/* ---- what an element lacks, found by trying ---- */

/* The children DocBook requires of the elements that most often lack one, those that start
 * an element first; para last, standing for any block. libxml2 names the first element it
 * could take there, which is often an optional one (an indexterm), so these are tried. */
static const char *const required_children[] = {
	"title", "refentrytitle", "refname", "refpurpose", "term", "glossterm", "glossdef",
	"primary", "listitem", "varlistentry", "question", "answer", "step", "tgroup", "tbody",
	"row", "entry", "para"};

/* Whether e would be valid with an empty DocBook <name> put before `before` (at its end when
 * NULL), and, when also_without, without the children named as `before` either. */
static int valid_with(struct validator *v, xmlNodePtr e, xmlNodePtr before, const char *name,
                      int also_without)
{
	xmlNodePtr x = xmlNewDocNode(e->doc, e->ns, BAD_CAST name, NULL);
	struct error_list *list = new_error_list();
	int valid;

	if (x == NULL)
		abort();
	if (before != NULL)
		xmlAddPrevSibling(before, x);
	else
		xmlAddChild(e, x);
	valid = validate_alone(v, e, list) == 0 || (also_without && valid_without(v, e, before));
	xmlUnlinkNode(x);
	xmlFreeNode(x);
	free_error_list(list);
	return valid;
}

/* Whether n fails validation by itself. */
static int fails_alone(struct validator *v, xmlNodePtr n)
{
	struct error_list *list = new_error_list();
	int fails = validate_alone(v, n, list) > 0;

	free_error_list(list);
	return fails;
}

/* The required child e lacks before `before` (at its end when NULL), as an index into
 * required_children, or -1. When e is valid without the children named as `before`, they are
 * what is wrong, and a child that only helps with them gone is not looked for; nor is one
 * when `before` fails by itself. */
static int try_required_children(struct validator *v, xmlNodePtr e, xmlNodePtr before)
{
	int also_without = before != NULL && !valid_without(v, e, before);

	if (before != NULL && fails_alone(v, before))
		return -1;
	for (size_t i = 0; i < sizeof required_children / sizeof *required_children; i++)
		if (valid_with(v, e, before, required_children[i], also_without))
			return (int)i;
	return -1;
}

/* The same, tried once for each parent and name of `before`: a long list of wrong siblings
 * costs one search, not one each. */
static const char *lacking_child(struct validator *v, xmlNodePtr e, xmlNodePtr before)
{
	char key[64 + 256];
	intptr_t found;

	snprintf(key, sizeof key, "%p|%s", (void *)e, before != NULL ? (const char *)before->name : "");
	if (v->lacking == NULL && (v->lacking = xmlHashCreate(16)) == NULL)
		abort();
	found = (intptr_t)xmlHashLookup(v->lacking, BAD_CAST key);
	if (found == 0) {
		found = try_required_children(v, e, before) + 2;
		xmlHashAddEntry(v->lacking, BAD_CAST key, (void *)found);
	}
	return found >= 2 ? required_children[found - 2] : NULL;
}

/* libxml2 says `n` is wrong or misses an element: when a required child put there makes the
 * element valid, says that it needs that child. Returns whether it did. */
static int explain_lacking(struct validator *v, const struct schema_error *e)
{
	int at_end = e->code == XML_RELAXNG_ERR_NOELEM;
	xmlNodePtr parent = at_end ? e->node : e->node->parent;
	xmlNodePtr before = at_end ? NULL : e->node;
	const char *child;

	if (parent == NULL || parent->type != XML_ELEMENT_NODE ||
	    (e->code != XML_RELAXNG_ERR_NOELEM && e->code != XML_RELAXNG_ERR_ELEMNAME &&
	     e->code != XML_RELAXNG_ERR_ELEMWRONG))
		return 0;
	child = lacking_child(v, parent, before);
	if (child == NULL)
		return 0;
	if (strcmp(child, "para") == 0)
		v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_NO_BODY, name_of(parent));
	else if (at_end)
		v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_MISSING, name_of(parent), child);
	else
		v->reported += book_report(v->book, v->diag, e->node, D_SCHEMA_NEEDS, name_of(parent), child,
		                           name_of(before));
	return 1;
}

/* The validator's message in an author's words, read from its code and details (str1, str2),
 * for the forms it takes most often; its own English text for the rest. */
static void explain_schema_error(struct validator *v, const struct schema_error *e)
{
	xmlNodePtr n = e->node;
	int is_text = e->code == XML_RELAXNG_ERR_TEXTWRONG ||
	              (e->code == XML_RELAXNG_ERR_ELEMWRONG && e->str1 && strcmp(e->str1, "text") == 0);

	if (e->code == UNKNOWN_ELEMENT) {
		char hint[300];
		check_suggest(docbook_elements(v), e->str1, "<", hint, sizeof hint);
		if (is_later_element(v, e->str1))
			snprintf(hint, sizeof hint, " (DocBook 5.1 or 5.2 has it: say version=\"5.2\" on <%s>)",
			         name_of(xmlDocGetRootElement(v->book->doc)));
		strncat(hint, e->str2, sizeof hint - strlen(hint) - 1);
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_UNKNOWN_ELEMENT, e->str1, hint);
	} else if (explain_attribute_error(v, e) || explain_lacking(v, e)) {
		/* reported */
	} else if (is_text) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_TEXT, name_of(n));
	} else if (e->code == OUT_OF_ORDER) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_OUT_OF_ORDER, e->str1, e->str2,
		                           name_of(n->parent), e->str2);
	} else if (e->code == XML_RELAXNG_ERR_ELEMWRONG && e->str1 != NULL) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_NOT_ALLOWED, e->str1,
		                           name_of(n->parent));
	} else if (e->code == XML_RELAXNG_ERR_ELEMNAME && e->str1 && e->str2 &&
	           xmlHashLookup(docbook_elements(v), BAD_CAST e->str1) != NULL) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_NEEDS, name_of(n->parent),
		                           e->str1, e->str2);
	} else if (e->code == XML_RELAXNG_ERR_NOELEM && e->str1 != NULL) {
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA_MISSING, name_of(n), e->str1);
	} else {
		char *line = copy_of(e->message);
		line[strcspn(line, "\n")] = '\0';
		v->reported += book_report(v->book, v->diag, n, D_SCHEMA, line);
		free(line);
	}
}

static void report_schema_errors(struct validator *v)
{
	struct schema_error *kept[MAX_SCHEMA_ERRORS];
	xmlNodePtr kept_nodes[MAX_SCHEMA_ERRORS];
	struct node_list kept_list = {kept_nodes, 0, MAX_SCHEMA_ERRORS};
	int nkept = 0;

	qsort(v->errors->items, (size_t)v->errors->n, sizeof *v->errors->items,
	      deeper_then_specific);
	for (int i = 0; i < v->errors->n; i++) {
		struct schema_error *e = &v->errors->items[i];
		if (e->code != UNKNOWN_ELEMENT &&
		    ((e->rank == 0 && has_specific_kin(v, e)) || in_cascade(e->node, &v->explained, 1) ||
		     in_cascade(e->node, &v->unknown, 0) || in_cascade(e->node, &kept_list, 0)))
			continue;
		kept_nodes[kept_list.n++] = e->node;
		kept[nkept++] = e;
	}
	if (nkept > 1)
		qsort(kept, (size_t)nkept, sizeof *kept, in_document_order);
	for (int i = 0; i < nkept; i++)
		explain_schema_error(v, kept[i]);
}

/* ---- elements DocBook does not have ---- */

struct unknown_name {
	xmlNodePtr first;
	int count;
};

static void count_unknown(xmlNodePtr e, void *data)
{
	struct validator *v = data;
	xmlHashTablePtr names = v->unknown_names;
	struct unknown_name *u;

	if (e->ns == NULL || !xmlStrEqual(e->ns->href, BAD_CAST DOCBOOK_NS) ||
	    xmlHashLookup(docbook_elements(v), e->name) != NULL)
		return;
	add_node(&v->unknown, e);
	u = xmlHashLookup(names, e->name);
	if (u != NULL) {
		u->count++;
		return;
	}
	u = malloc(sizeof *u);
	if (u == NULL)
		abort();
	u->first = e, u->count = 1;
	xmlHashAddEntry(names, e->name, u);
}

/* Every element in DocBook's namespace that DocBook does not have, once per name: an error at
 * its first use that says how often the book uses it. */
static void find_unknown_elements(struct validator *v)
{
	char uses[64] = "";

	v->unknown_names = xmlHashCreate(16);
	walk_elements(xmlDocGetRootElement(v->book->doc), count_unknown, NULL, v);
	for (int i = 0; i < v->unknown.n; i++) {
		xmlNodePtr e = v->unknown.items[i];
		struct unknown_name *u = xmlHashLookup(v->unknown_names, e->name);
		if (u->first != e)
			continue;
		if (v->errors->n == MAX_SCHEMA_ERRORS) {
			v->overflowed = 1;
			break;
		}
		if (u->count > 1)
			snprintf(uses, sizeof uses, " (used %d times; this is the first)", u->count);
		v->errors->items[v->errors->n++] = (struct schema_error){
			.node = e, .code = UNKNOWN_ELEMENT, .message = copy_of("unknown element"),
			.str1 = copy_of((const char *)e->name), .str2 = copy_of(uses), .rank = 5};
		uses[0] = '\0';
	}
	xmlHashFree(v->unknown_names, xmlHashDefaultDeallocator);
	v->unknown_names = NULL;
}

/* ---- each element alone ---- */

static xmlNodePtr first_rng_child(xmlNodePtr e)
{
	xmlNodePtr c = e->children;
	while (c != NULL && c->type != XML_ELEMENT_NODE)
		c = c->next;
	return c;
}

/* Adds a reference to d to the start's choice when d defines one named element. */
static void add_element_define(xmlNodePtr d, void *choice)
{
	xmlNodePtr el = is_rng(d, "define") ? first_rng_child(d) : NULL;
	xmlChar *name;

	if (!is_rng(el, "element") || !xmlHasProp(el, BAD_CAST "name"))
		return;
	name = xmlGetNoNsProp(d, BAD_CAST "name");
	xmlNewProp(xmlNewChild(choice, ((xmlNodePtr)choice)->ns, BAD_CAST "ref", NULL),
	           BAD_CAST "name", name);
	xmlFree(name);
}

static xmlNodePtr new_ref(xmlNodePtr parent, const char *name)
{
	xmlNodePtr ref = xmlNewChild(parent, parent->ns, BAD_CAST "ref", NULL);
	xmlNewProp(ref, BAD_CAST "name", BAD_CAST name);
	return ref;
}

/* Keeps the grammar's <start> (at its top or in a <div>, where an include put it). */
static void find_start(xmlNodePtr n, void *start)
{
	if (is_rng(n, "start") && (is_rng(n->parent, "grammar") || is_rng(n->parent, "div")))
		*(xmlNodePtr *)start = n;
}

/* The schema with a start that lets any element it names be the root (every <define> that
 * holds one named <element> becomes a choice). */
/* The longest reason given for a schema that cannot be compiled. */
#define SCHEMA_WHY 256

/* Keeps the first of the schema parser's errors, as "line N: what", in the buffer data. */
static void keep_first_error(void *data, xml_error err)
{
	char *first = data;

	if (first[0] == '\0' && err->level >= XML_ERR_ERROR)
		snprintf(first, SCHEMA_WHY, "line %d: %s", err->line,
		         err->message != NULL ? err->message : "not a RELAX NG schema");
}

/* The grammar rng compiled (rng stays the caller's), or NULL; the parser's first error goes
 * into first, SCHEMA_WHY bytes, unless that is NULL. */
static xmlRelaxNGPtr parse_grammar(xmlDocPtr rng, char *first)
{
	xmlRelaxNGParserCtxtPtr pctxt = rng != NULL ? xmlRelaxNGNewDocParserCtxt(rng) : NULL;
	xmlRelaxNGPtr compiled;

	if (pctxt != NULL && first != NULL)
		xmlRelaxNGSetParserStructuredErrors(pctxt, keep_first_error, first);
	compiled = pctxt != NULL ? xmlRelaxNGParse(pctxt) : NULL;
	xmlRelaxNGFreeParserCtxt(pctxt);
	return compiled;
}

static xmlRelaxNGPtr compile_any_root(const char *path)
{
	xmlDocPtr rng = read_grammar(path);
	xmlNodePtr grammar = rng ? xmlDocGetRootElement(rng) : NULL, start = NULL, any;
	xmlRelaxNGPtr compiled = NULL;

	if (grammar != NULL)
		walk_elements(grammar, find_start, NULL, &start);
	if (start != NULL) {
		xmlFreeNodeList(start->children);
		start->children = start->last = NULL;
		any = xmlNewChild(grammar, grammar->ns, BAD_CAST "define", NULL);
		xmlNewProp(any, BAD_CAST "name", BAD_CAST "mixdown.any");
		walk_elements(grammar, add_element_define, NULL,
		              xmlNewChild(any, any->ns, BAD_CAST "choice", NULL));
		new_ref(start, "mixdown.any");
		compiled = parse_grammar(rng, NULL);
	}
	xmlFreeDoc(rng);
	return compiled;
}

static xmlRelaxNGPtr any_root_schema(const struct schema *s)
{
	if (*s->any_root == NULL)
		*s->any_root = compile_any_root(s->path);
	return *s->any_root;
}

/* Points every element of copy at the book's element it stands for: from itself, or, when
 * from is itself a copy, the element from stands for. */
static void link_copy(xmlNodePtr from, xmlNodePtr copy, int from_is_copy)
{
	copy->_private = from_is_copy ? from->_private : from;
	for (xmlNodePtr o = from->children, c = copy->children; o != NULL && c != NULL;
	     o = o->next, c = c->next)
		if (o->type == XML_ELEMENT_NODE)
			link_copy(o, c, from_is_copy);
}

/* The child of copy that stands for child (of the book, or of another copy). */
static xmlNodePtr copied_child(const struct validator *v, xmlNodePtr copy, xmlNodePtr child)
{
	xmlNodePtr original = original_of(v, child);

	for (xmlNodePtr c = copy->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->_private == original)
			return c;
	return NULL;
}

/* A copy of e, in doc, linked to the book's node e is or stands for. */
static xmlNodePtr linked_copy(const struct validator *v, xmlNodePtr e, xmlDocPtr doc)
{
	xmlNodePtr copy = xmlDocCopyNode(e, doc, 1);

	if (copy == NULL)
		abort();
	link_copy(e, copy, e->doc != v->book->doc);
	return copy;
}

/* Readies a copied element for the schema. Leaves each xml:id on the first element that has
 * it: the others are check.c's to report, and the schema would refuse them again, each with a
 * cascade of messages. Drops the attributes the plan adds (a preview validates a planned
 * book). */
static void clean_copy(xmlNodePtr e, void *data)
{
	xmlAttrPtr id = xmlHasNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE), next;
	xmlChar *value = id != NULL ? xmlNodeGetContent((xmlNodePtr)id) : NULL;
	xmlAttrPtr first = value != NULL ? xmlGetID(e->doc, value) : NULL;

	(void)data;
	if (id != NULL && first != NULL && first != id)
		xmlRemoveProp(id);
	xmlFree(value);
	for (xmlAttrPtr a = e->properties; a != NULL; a = next) {
		next = a->next;
		if (a->ns != NULL && xmlStrEqual(a->ns->href, BAD_CAST MX_NS))
			xmlRemoveProp(a);
	}
}

/* What thin moved out: each element, the kept element it follows (its anchor), and in starts
 * the element itself when it begins a period of its repetition (else NULL). */
struct thinned {
	struct node_list moved, anchors, starts;
};

static void thinned_free(struct thinned *t)
{
	free(t->moved.items);
	free(t->anchors.items);
	free(t->starts.items);
}

/* Whether the elements [i - RUN_KEPT * p, i + p) of kids repeat a period of p elements
 * (names and namespaces), with no words between them (runs[] numbers the stretches between
 * texts). */
static int repeats(xmlNodePtr *kids, const int *runs, int n, int i, int p)
{
	if (i < RUN_KEPT * p || i + p > n)
		return 0;
	for (int j = i - (RUN_KEPT - 1) * p; j < i + p; j++)
		if (!xmlStrEqual(kids[j]->name, kids[j - p]->name) || kids[j]->ns != kids[j - p]->ns ||
		    runs[j] != runs[j - p])
			return 0;
	return 1;
}

/* Moves kids[i, i + p) out, after anchor. */
static void move_period(struct thinned *t, xmlNodePtr *kids, int i, int p, xmlNodePtr anchor)
{
	for (int j = i; j < i + p; j++) {
		xmlNodePtr space = kids[j]->prev;
		if (space != NULL && space->type == XML_TEXT_NODE) {
			xmlUnlinkNode(space); /* blank: a repetition has no words between */
			xmlFreeNode(space);
		}
		xmlUnlinkNode(kids[j]);
		add_node(&t->moved, kids[j]);
		add_node(&t->anchors, anchor);
		add_node(&t->starts, j == i ? kids[j] : NULL);
	}
}

/* Moves out of the list kids every repetition of a period of p elements after its first
 * RUN_KEPT (or, when !move, only counts them); returns the number of elements. */
static int thin_period(struct thinned *t, xmlNodePtr *kids, const int *runs, int n, int p,
                       int move)
{
	int moved = 0, kept_from = 0;

	for (int i = 0; i < n;) {
		if (i - RUN_KEPT * p < kept_from || !repeats(kids, runs, n, i, p)) {
			i++;
			continue;
		}
		xmlNodePtr anchor = kids[i - 1];
		do {
			if (move)
				move_period(t, kids, i, p, anchor);
			moved += p;
			i += p;
		} while (repeats(kids, runs, n, i, p));
		kept_from = i;
	}
	return moved;
}

/* Thins e's n element children by the period of up to MAX_PERIOD elements whose repetitions
 * are the most of them (a run of one name is a period of one). */
static void thin_children(struct thinned *t, xmlNodePtr e, int n)
{
	xmlNodePtr *kids = calloc((size_t)n, sizeof *kids);
	int *runs = calloc((size_t)n, sizeof *runs), k = 0, run = 0, best = 0, best_p = 0;

	if (kids == NULL || runs == NULL)
		abort();
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		run += c->type == XML_TEXT_NODE && !xmlIsBlankNode(c);
		if (c->type == XML_ELEMENT_NODE)
			runs[k] = run, kids[k++] = c;
	}
	for (int p = 1; p <= MAX_PERIOD; p++) {
		int moved = thin_period(t, kids, runs, n, p, 0);
		if (moved > best)
			best = moved, best_p = p;
	}
	if (best > 0)
		thin_period(t, kids, runs, n, best_p, 1);
	free(kids);
	free(runs);
}

/* Thins the copy: in lists longer than LONG_LIST elements, moves out every repetition of a
 * short sequence of names after its first RUN_KEPT, such as a run of one name, or three
 * paragraphs and a note, again and again. libxml2's RELAX NG validator costs the square of an element's
 * number of children; the list's shape is the same with two of each, and the moved elements
 * are validated in batches of whole repetitions, each put back after the kept element it
 * followed (its anchor) in a copy of the thinned parent (validate_batches). */
static void thin(xmlNodePtr e, struct thinned *t)
{
	int elements = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			elements++;
			thin(c, t);
		}
	if (elements > LONG_LIST)
		thin_children(t, e, elements);
}

/* Puts the book's own elements thinned out (validated in place) back after their anchors. */
static void put_back(const struct thinned *t)
{
	xmlNodePtr place = NULL;

	for (int i = 0; i < t->moved.n; i++) {
		if (i == 0 || t->anchors.items[i] != t->anchors.items[i - 1])
			place = t->anchors.items[i];
		place = xmlAddNextSibling(place, t->moved.items[i]);
	}
}

static void validate_doc(struct validator *v, xmlRelaxNGPtr schema, xmlDocPtr doc,
                         struct error_list *list)
{
	xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema);

	xmlRelaxNGSetValidStructuredErrors(vctxt, on_schema_error, v);
	v->collecting = list;
	xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
}

/* Validates the moved elements about BATCH at a time (whole repetitions), in a copy of their
 * thinned parent (as the root, with the schema that takes any root), each after its anchor;
 * frees them, or puts the book's own back. A batch takes the moved elements of every
 * repetition in one parent: a book of many short runs (parts between prefaces) would
 * otherwise copy and validate the whole book once for each run. */
static void validate_batches(struct validator *v, struct thinned *t, struct error_list *list)
{
	const struct node_list *moved = &t->moved, *anchors = &t->anchors;
	xmlRelaxNGPtr any = moved->n > 0 ? any_root_schema(v->schema) : NULL;
	int own = moved->n > 0 && moved->items[0]->doc == v->book->doc;

	for (int i = 0, end; i < moved->n; i = end) {
		xmlNodePtr parent = anchors->items[i]->parent;
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr copy, place = NULL;

		if (doc == NULL)
			abort();
		copy = linked_copy(v, parent, doc);
		xmlDocSetRootElement(doc, copy);
		for (end = i; end < moved->n && anchors->items[end]->parent == parent &&
		              (end < i + BATCH || t->starts.items[end] == NULL);
		     end++) {
			xmlNodePtr m = moved->items[end];
			if (end == i || anchors->items[end] != anchors->items[end - 1])
				place = copied_child(v, copy, anchors->items[end]);
			/* the book's own elements stay the book's: a copy of each is validated */
			place = xmlAddNextSibling(place, own ? linked_copy(v, m, doc) : m);
		}
		if (any != NULL)
			validate_doc(v, any, doc, list);
		xmlFreeDoc(doc);
	}
	if (own)
		put_back(t);
	t->moved.n = t->anchors.n = t->starts.n = 0;
}

/* Validates the document of root, its root, against schema: cleaned and thinned, with what
 * was thinned out validated in batches. The messages, pointed at the book's nodes, go into
 * list. */
static void validate_thinned(struct validator *v, xmlRelaxNGPtr schema, xmlNodePtr root,
                             struct error_list *list)
{
	struct thinned thinned = {0};

	walk_elements(root, clean_copy, NULL, NULL);
	thin(root, &thinned);
	validate_doc(v, schema, root->doc, list);
	validate_batches(v, &thinned, list);
	thinned_free(&thinned);
}

/* Validates a copy of e, as a document of its own (validate_thinned). */
static void validate_copy(struct validator *v, xmlRelaxNGPtr schema, xmlNodePtr e,
                          struct error_list *list)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr copy = doc ? xmlDocCopyNode(e, doc, 1) : NULL;

	if (copy == NULL)
		abort();
	xmlDocSetRootElement(doc, copy);
	link_copy(e, copy, 0);
	validate_thinned(v, schema, copy, list);
	xmlFreeDoc(doc);
}

/* Validates e alone, as the root of a document; its messages go into list, except those that
 * only say e is not some other element of the start. Returns how many are kept. */
static int validate_alone(struct validator *v, xmlNodePtr e, struct error_list *list)
{
	xmlRelaxNGPtr schema = any_root_schema(v->schema);
	int kept = 0;

	if (schema == NULL)
		return 0;
	validate_copy(v, schema, e, list);
	for (int i = 0; i < list->n; i++) {
		struct schema_error *x = &list->items[i];
		int about_the_name = x->code == XML_RELAXNG_ERR_ELEMNAME ||
		                     x->code == XML_RELAXNG_ERR_ELEMWRONGNS ||
		                     x->code == XML_RELAXNG_ERR_ELEMNONS ||
		                     x->code == XML_RELAXNG_ERR_ELEMEXTRANS ||
		                     x->code == XML_RELAXNG_ERR_ELEMWRONG;
		if (x->node == e && about_the_name) {
			free(x->message), free(x->str1), free(x->str2);
		} else {
			list->items[kept++] = *x;
		}
	}
	list->n = kept;
	return kept;
}

static void move_error(struct validator *v, struct schema_error *x)
{
	if (v->errors->n < MAX_SCHEMA_ERRORS) {
		v->errors->items[v->errors->n++] = *x;
	} else {
		free(x->message), free(x->str1), free(x->str2);
		v->overflowed = 1;
	}
	memset(x, 0, sizeof *x);
}

/* Keeps the messages about e, an element that fails alone while its children do not: a wrong
 * attribute of e's is the whole story; else the whole book's messages inside e say best what
 * is wrong there; when it has none (libxml2 never got there), e's own. */
static void keep_errors(struct validator *v, xmlNodePtr e, struct error_list *mine)
{
	int own_attribute = 0, inside = 0;

	for (int i = 0; i < mine->n; i++)
		own_attribute |= mine->items[i].node == e && is_attribute_error(mine->items[i].code);
	for (int i = 0; i < v->whole->n && !own_attribute; i++)
		inside |= v->whole->items[i].node != NULL && is_ancestor(e, v->whole->items[i].node);
	for (int i = 0; inside && i < v->whole->n; i++)
		if (v->whole->items[i].node != NULL && is_ancestor(e, v->whole->items[i].node))
			move_error(v, &v->whole->items[i]);
	for (int i = 0; !inside && i < mine->n; i++)
		if (!own_attribute || (mine->items[i].node == e && is_attribute_error(mine->items[i].code)))
			move_error(v, &mine->items[i]);
}

static int same_name(xmlNodePtr a, xmlNodePtr b)
{
	return a->type == XML_ELEMENT_NODE && b->type == XML_ELEMENT_NODE && xmlStrEqual(a->name, b->name) &&
	       (a->ns == NULL ? b->ns == NULL : b->ns != NULL && xmlStrEqual(a->ns->href, b->ns->href));
}

/* Whether e is valid once the children in out are taken out; they are put back after. */
static int valid_without_nodes(struct validator *v, xmlNodePtr e, const struct node_list *out)
{
	struct node_list before = {0};
	struct error_list *list = new_error_list();
	int valid;

	for (int i = 0; i < out->n; i++) {
		add_node(&before, out->items[i]->next);
		xmlUnlinkNode(out->items[i]);
	}
	valid = validate_alone(v, e, list) == 0;
	for (int i = out->n - 1; i >= 0; i--) /* last first, so each one's next is in place */
		if (before.items[i] != NULL)
			xmlAddPrevSibling(before.items[i], out->items[i]);
		else
			xmlAddChild(e, out->items[i]);
	free_error_list(list);
	free(before.items);
	return valid;
}

/* Whether e is valid without its children named as c is (c the first of them). */
static int valid_without(struct validator *v, xmlNodePtr e, xmlNodePtr c)
{
	struct node_list out = {0};
	int valid;

	for (xmlNodePtr n = c; n != NULL; n = n->next)
		if (same_name(n, c))
			add_node(&out, n);
	valid = valid_without_nodes(v, e, &out);
	free(out.items);
	return valid;
}

/* The first child after c of another name when e is valid without every such child (c
 * itself is allowed there, but not before them), or NULL. */
static xmlNodePtr first_not_allowed_after(struct validator *v, xmlNodePtr e, xmlNodePtr c)
{
	struct node_list out = {0};
	xmlNodePtr first;

	for (xmlNodePtr n = c->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !same_name(n, c))
			add_node(&out, n);
	first = out.n > 0 && valid_without_nodes(v, e, &out) ? out.items[0] : NULL;
	free(out.items);
	return first;
}

/* Most names of e's children tried by blame_children. */
#define MOST_NAMES_TRIED 16

/* Is c one of the names in fixes? Its index, or -1. */
static int fix_of(xmlNodePtr c, xmlNodePtr *fixes, int n)
{
	for (int i = 0; i < n; i++)
		if (same_name(c, fixes[i]))
			return i;
	return -1;
}

/* Of the names in fixes, the one out of place: a block's, when another is a section's (the
 * block came after it); else the one whose children end last. -1 when none. */
static int misplaced_fix(xmlNodePtr e, xmlNodePtr *fixes, int n)
{
	int has_section = 0, block = -1, last = -1;

	for (int i = 0; i < n; i++) {
		if (IS_ONE_OF(fixes[i], sections))
			has_section = 1;
		else if (block < 0)
			block = i;
	}
	if (has_section && block >= 0)
		return block;
	for (xmlNodePtr c = first_element(e); c != NULL; c = c->next)
		if (fix_of(c, fixes, n) >= 0)
			last = fix_of(c, fixes, n);
	return last;
}

/* Children of several names in fixes (names whose removal makes e valid) are in the wrong
 * order: of the misplaced name, the first child that follows a child of another of those
 * names, with that child in *after; NULL when none does. */
static xmlNodePtr first_out_of_order(xmlNodePtr e, xmlNodePtr *fixes, int n, xmlNodePtr *after)
{
	int misplaced = misplaced_fix(e, fixes, n);
	xmlNodePtr other = NULL;

	for (xmlNodePtr c = first_element(e); c != NULL && misplaced >= 0; c = c->next) {
		int fix = fix_of(c, fixes, n);
		if (fix >= 0 && fix != misplaced)
			other = c;
		else if (fix == misplaced && other != NULL) {
			*after = other;
			return c;
		}
	}
	return NULL;
}

/* e fails alone though none of its children does: when taking out the children of one name
 * makes it valid, the first of them is what is wrong there (an <indexterm> inside a
 * <bibliomixed>, where libxml2 names the <abbrev> before it), and is kept as not allowed
 * inside e. When they are allowed there, but not before the children that follow them, or
 * when the children of two names each make e valid when taken out, the children are in the
 * wrong order, and the first that may not follow is kept as out of order (a <note> after a
 * <section>, where libxml2 blames the section). Returns whether one was found. */
static int blame_children(struct validator *v, xmlNodePtr e)
{
	xmlNodePtr fixes[MOST_NAMES_TRIED], culprit, after = NULL;
	int tried = 0, nfixes = 0;

	for (xmlNodePtr c = first_element(e); c != NULL && tried < MOST_NAMES_TRIED; c = c->next) {
		int seen = 0;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (xmlNodePtr p = c->prev; p != NULL && !seen; p = p->prev)
			seen = same_name(p, c);
		if (seen)
			continue;
		tried++;
		if (valid_without(v, e, c))
			fixes[nfixes++] = c;
	}
	if (nfixes == 0)
		return 0;
	culprit = nfixes > 1 ? first_out_of_order(e, fixes, nfixes, &after)
	                     : first_not_allowed_after(v, e, fixes[0]);
	if (culprit != NULL && after == NULL)
		after = fixes[0];
	if (culprit == NULL)
		culprit = fixes[0];
	int code = after != NULL ? OUT_OF_ORDER : XML_RELAXNG_ERR_ELEMWRONG;
	struct schema_error x = {culprit, copy_of("not allowed here"), code,
	                         copy_of((const char *)culprit->name),
	                         after != NULL ? copy_of((const char *)after->name) : NULL,
	                         depth_of(culprit), rank_of(XML_RELAXNG_ERR_ELEMWRONG)};
	move_error(v, &x);
	return 1;
}

/* e fails with the messages in its list: validates each DocBook child alone, following the
 * ones that fail down to the innermost elements that fail by themselves, whose messages are
 * kept; when none of e's children fails alone, e's own are. */
static void find_failures(struct validator *v, xmlNodePtr e, struct error_list *mine)
{
	int found = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || c->ns == NULL ||
		    !xmlStrEqual(c->ns->href, BAD_CAST DOCBOOK_NS))
			continue;
		struct error_list *theirs = new_error_list();
		if (validate_alone(v, c, theirs) > 0) {
			find_failures(v, c, theirs);
			found = 1;
		}
		free_error_list(theirs);
	}
	if (!found && !blame_children(v, e))
		keep_errors(v, e, mine);
}

void schema_prepare(struct schema *s, const char *path)
{
	s->path = path;
	s->later_path = NULL;
	s->compiled = calloc(1, sizeof *s->compiled);
	s->any_root = calloc(1, sizeof *s->any_root);
	if (s->compiled == NULL || s->any_root == NULL)
		abort();
}

xmlRelaxNGPtr schema_compiled(const struct schema *s, struct diag *d)
{
	char first[SCHEMA_WHY] = "", why[SCHEMA_WHY + 64];

	if (*s->compiled == NULL) {
		xmlDocPtr rng = read_grammar(s->path);
		*s->compiled = parse_grammar(rng, first);
		xmlFreeDoc(rng);
	}
	if (*s->compiled == NULL) {
		struct diag_loc loc = {s->path, 0, 0};
		first[strcspn(first, "\n")] = '\0';
		snprintf(why, sizeof why, "the DocBook 5 schema could not be loaded%s%s",
		         first[0] != '\0' ? ": " : "", first);
		diag_report(d, &loc, D_READ_FAILED, why);
	}
	return *s->compiled;
}

int schema_open(struct schema *s, const char *path, struct diag *d)
{
	schema_prepare(s, path);
	return schema_compiled(s, d) != NULL;
}

static void free_compiled(xmlRelaxNGPtr *compiled)
{
	if (compiled != NULL && *compiled != NULL)
		xmlRelaxNGFree(*compiled);
	free(compiled);
}

void schema_close(struct schema *s)
{
	free_compiled(s->compiled);
	free_compiled(s->any_root);
	s->compiled = NULL;
	s->any_root = NULL;
}

int schemas_open(struct schemas *s, const char *datadir, struct diag *d)
{
	memset(s, 0, sizeof *s);
	s->layer_path = malloc(strlen(datadir) + sizeof "/" DOCBOOK_LAYER);
	if (s->layer_path == NULL)
		abort();
	sprintf(s->layer_path, "%s/" DOCBOOK_LAYER, datadir);
	if (access(DOCBOOK_RNG, R_OK) != 0) {
		struct diag_loc loc = {DOCBOOK_RNG, 0, 0};
		diag_report(d, &loc, D_READ_FAILED, "the DocBook 5 schema is missing");
		return 0;
	}
	schema_prepare(&s->docbook50, DOCBOOK_RNG);
	s->docbook50.later_path = s->layer_path;
	return 1;
}

void schemas_close(struct schemas *s)
{
	schema_close(&s->docbook50);
	schema_close(&s->layer);
	free(s->layer_path);
	s->layer_path = NULL;
}

/* Whether the book's top element says a version later than 5.0; warns about one mixdown does
 * not know. */
static int is_later_version(const struct book *b, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(b->doc);
	xmlChar *version = xmlGetNoNsProp(root, BAD_CAST "version");
	int later = version != NULL && !xmlStrEqual(version, BAD_CAST "5.0");

	if (later && !xmlStrEqual(version, BAD_CAST "5.1") && !xmlStrEqual(version, BAD_CAST "5.2"))
		book_report(b, d, root, D_VERSION_UNKNOWN, (const char *)version);
	xmlFree(version);
	return later;
}

const struct schema *schema_for_book(struct schemas *s, const struct book *b, struct diag *d)
{
	if (!is_later_version(b, d))
		return &s->docbook50;
	if (s->layer.path != NULL)
		return &s->layer;
	if (access(s->layer_path, R_OK) != 0) {
		book_report(b, d, xmlDocGetRootElement(b->doc), D_SCHEMA_LAYER_MISSING, s->layer_path);
		return NULL;
	}
	schema_prepare(&s->layer, s->layer_path);
	return &s->layer;
}

static int validate_book(struct book *b, const struct schema *s, struct diag *d, int in_place)
{
	xmlRelaxNGPtr compiled = schema_compiled(s, d);
	struct validator *v;
	int reported;

	if (compiled == NULL)
		return 1;
	if ((v = calloc(1, sizeof *v)) == NULL)
		abort();
	v->book = b, v->diag = d, v->schema = s;
	v->errors = new_error_list();
	v->whole = new_error_list();
	walk_elements(xmlDocGetRootElement(b->doc), check_structure, NULL, v);
	/* libxml2's own messages (an IDREF to no ID, written by its validator at each validation,
	 * explanations included) are not the author's: they stay silent until all is explained */
	struct generic_handler saved = generic_handler_set(NULL, ignore_message);
	/* a process of its own, which ends after, validates the book itself, not a copy: the
	 * thinned elements are put back (to be validated alone when the book fails); each xml:id
	 * after the first is left out, as in a copy */
	if (in_place)
		validate_thinned(v, compiled, xmlDocGetRootElement(b->doc), v->whole);
	else
		validate_copy(v, compiled, xmlDocGetRootElement(b->doc), v->whole);
	if (v->whole->n > 0) {
		find_unknown_elements(v);
		find_failures(v, xmlDocGetRootElement(b->doc), v->whole);
	}
	report_schema_errors(v);
	generic_handler_restore(saved);
	if (v->overflowed)
		v->reported += book_report(b, d, xmlDocGetRootElement(b->doc), D_SCHEMA_MORE);
	free_error_list(v->whole);
	free_error_list(v->errors);
	free(v->explained.items);
	free(v->unknown.items);
	free_names(&v->names);
	free_names(&v->later_names);
	xmlHashFree(v->lacking, NULL);
	reported = v->reported;
	free(v);
	return reported;
}

int schema_valid_alone(struct book *b, const struct schema *s, xmlNodePtr e)
{
	struct validator v = {.book = b, .schema = s};
	struct error_list *list = new_error_list();
	struct generic_handler saved = generic_handler_set(NULL, ignore_message);
	xmlRelaxNGPtr any = any_root_schema(s);
	int valid;

	if (any != NULL)
		validate_copy(&v, any, e, list);
	valid = any != NULL && list->n == 0 && !v.overflowed;
	generic_handler_restore(saved);
	free_error_list(list);
	return valid;
}

void schema_ready_alone(const struct schema *s)
{
	any_root_schema(s);
}

int schema_validate(struct book *b, const struct schema *s, struct diag *d)
{
	return validate_book(b, s, d, 0);
}

int schema_validate_in_place(struct book *b, const struct schema *s, struct diag *d)
{
	return validate_book(b, s, d, 1);
}
