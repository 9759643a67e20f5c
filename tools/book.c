/* book.c: the book model every stage reads: the merged tree, the files its elements came
 * from, their positions for messages, and the ids that id() and references look up. */
#include "book.h"

#include <libxml/chvalid.h>
#include <libxml/hash.h>
#include <libxml/valid.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "util.h"

void walk_elements(xmlNodePtr root, element_visitor enter, element_visitor leave, void *data)
{
	xmlNodePtr n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			enter(n, data);
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			if (leave != NULL)
				leave(n, data);
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			if (leave != NULL)
				leave(n, data);
		}
		if (n == root)
			break;
		n = n->next;
	}
}

static char *name_without_extension(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name = xstrdup(base ? base + 1 : path);
	char *dot = strrchr(name, '.');

	if (dot != NULL && dot != name)
		*dot = '\0';
	return name;
}

struct book *book_new(const char *canonical)
{
	struct book *b = calloc(1, sizeof *b);
	char *slash;

	if (b == NULL)
		abort();
	b->root = xstrdup(canonical);
	slash = strrchr(b->root, '/');
	if (slash == b->root)
		slash[1] = '\0';
	else
		*slash = '\0';
	b->name = name_without_extension(canonical);
	return b;
}

void book_free(struct book *b)
{
	if (b == NULL)
		return;
	xmlFreeDoc(b->doc);
	for (size_t i = 0; i < b->nfiles; i++) {
		free(b->files[i]->path);
		free(b->files[i]->shown);
		free(b->files[i]->rel);
		columns_free(b->files[i]->columns);
		free(b->files[i]->text);
		free(b->files[i]);
	}
	free(b->files);
	free(b->root);
	free(b->name);
	free(b);
}

static int in_docbook(xmlNodePtr e)
{
	return e != NULL && e->type == XML_ELEMENT_NODE && e->ns != NULL &&
	       xmlStrEqual(e->ns->href, BAD_CAST DOCBOOK_NS);
}

int is_docbook(xmlNodePtr e, const char *name)
{
	return in_docbook(e) && xmlStrEqual(e->name, BAD_CAST name);
}

/* The namespace is compared once, not once for each name: the checks ask this of every
 * element with lists of a dozen names. */
int is_docbook_any(xmlNodePtr e, const char *const *names, size_t n)
{
	if (!in_docbook(e))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (xmlStrEqual(e->name, BAD_CAST names[i]))
			return 1;
	return 0;
}

xmlNodePtr docbook_child(xmlNodePtr e, const char *name)
{
	for (xmlNodePtr c = e != NULL ? e->children : NULL; c != NULL; c = c->next)
		if (is_docbook(c, name))
			return c;
	return NULL;
}

/* 2 for an imageobject made for screens, 1 for any output, 0 for print only. */
static int screen_rank(xmlNodePtr imageobject)
{
	xmlChar *role = xmlGetNoNsProp(imageobject, BAD_CAST "role");
	xmlChar *condition = xmlGetNoNsProp(imageobject, BAD_CAST "condition");
	int rank = 1;

	if ((role != NULL && xmlStrEqual(role, BAD_CAST "html")) ||
	    (condition != NULL && xmlStrEqual(condition, BAD_CAST "web")))
		rank = 2;
	else if ((role != NULL && xmlStrEqual(role, BAD_CAST "fo")) ||
	         (condition != NULL && xmlStrEqual(condition, BAD_CAST "print")))
		rank = 0;
	xmlFree(role);
	xmlFree(condition);
	return rank;
}

int is_shown_image(xmlNodePtr imagedata)
{
	xmlNodePtr object = imagedata != NULL ? imagedata->parent : NULL, best = NULL;
	int best_rank = -1;

	if (!is_docbook(object, "imageobject") || object->parent == NULL)
		return 1;
	for (xmlNodePtr o = object->parent->children; o != NULL; o = o->next) {
		int rank = is_docbook(o, "imageobject") ? screen_rank(o) : -1;
		if (rank > best_rank) {
			best = o;
			best_rank = rank;
		}
	}
	return best == object;
}

/* ---- positions ---- */

static xmlNodePtr element_of(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	return n;
}

const struct book_file *book_file_of(const struct book *b, xmlNodePtr node)
{
	xmlNodePtr e = element_of(node);
	return e != NULL && e->_private != NULL ? e->_private : b->files[0];
}

/* Where a text node's first word is, when it starts a line of its own: libxml2 numbers a text
 * node by the line its parser had reached at the text's end, so the line breaks after that
 * word are taken off; the column counts the characters before it on its line. 0 when not
 * known (the word follows other markup on its line). */
static int text_start(xmlNodePtr t, long *line, long *col)
{
	const xmlChar *s = t->content, *first, *start;
	int after = 0;

	if (t->type != XML_TEXT_NODE || s == NULL || xmlGetLineNo(t) <= 0)
		return 0;
	for (first = s; *first != '\0' && xmlIsBlank_ch(*first); first++)
		;
	if (*first == '\0')
		return 0;
	for (const xmlChar *p = first; *p != '\0'; p++)
		after += *p == '\n';
	for (start = first; start > s && start[-1] != '\n'; start--)
		;
	if (start == s) /* the word is on the line of what comes before the text: not known here */
		return 0;
	*line = xmlGetLineNo(t) - after;
	*col = 1;
	for (const xmlChar *p = start; p < first; p++)
		*col += (*p & 0xC0) != 0x80;
	return *line > 0 && (t->parent == NULL || *line >= xmlGetLineNo(t->parent));
}

void book_locate(const struct book *b, xmlNodePtr node, struct diag_loc *loc)
{
	xmlNodePtr e = element_of(node);
	const struct book_file *f = book_file_of(b, node);

	loc->file = f->shown;
	if (node != NULL && text_start(node, &loc->line, &loc->col))
		return;
	loc->line = e != NULL ? xmlGetLineNo(e) : 0;
	loc->col = e != NULL && loc->line > 0 && f->columns != NULL
	               ? columns_of_element(f->columns, e, loc->line)
	               : 0;
}

int book_report_text(const struct book *b, struct diag *d, xmlNodePtr node, enum diag_id id,
                     const char *format, ...)
{
	struct diag_loc loc;
	va_list ap;

	book_locate(b, node, &loc);
	va_start(ap, format);
	diag_vreport(d, &loc, id, format, ap);
	va_end(ap);
	return diag_severity_of(id) == SEV_ERROR;
}

/* ---- ids ---- */

/* Registers e's xml:id, unless an earlier element holds it: check reports that one. */
static void register_id(xmlNodePtr e, void *data)
{
	xmlDocPtr doc = data;
	xmlAttrPtr attr = xmlHasNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE);
	xmlChar *value;
	xmlIDPtr holder;

	if (attr == NULL)
		return;
	value = xmlNodeGetContent((xmlNodePtr)attr);
	holder = xmlHashLookup(doc->ids, value);
	if (holder == NULL || holder->attr == NULL)
		xmlAddID(NULL, doc, value, attr);
	else if (holder->attr != attr)
		attr->atype = XML_ATTRIBUTE_ID; /* so the schema does not report it again */
	xmlFree(value);
}

xmlAttrPtr book_id_holder(const struct book *b, const xmlChar *id)
{
	xmlIDPtr holder = xmlHashLookup(b->doc->ids, id);
	return holder != NULL ? holder->attr : NULL;
}

void book_register_ids(struct book *b)
{
	walk_elements(xmlDocGetRootElement(b->doc), register_id, NULL, b->doc);
}
