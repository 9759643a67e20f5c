/* search.c: writes the site's search index: the records the site stylesheet made from each
 * rendered page (xsl/html/search.xsl), as a script that assigns them, so that search works
 * from file:// where fetching JSON does not. Also the JSON string escaping the site's scripts
 * share. */
#include "search.h"

#include <libxml/tree.h>
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

/* Where a JSON string being written stands: inside a run of white space, past its first word. */
struct text_state {
	int space;
	int started;
};

/* Appends s as the body of a JSON string: quotes, backslashes and control characters escaped,
 * runs of white space folded, and '<' and U+2028/2029 escaped so any script context is safe. */
static void json_text(xmlBufferPtr buf, const xmlChar *s, struct text_state *st)
{
	for (const xmlChar *p = s; *p != '\0'; p++) {
		char esc[8];
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			st->space = 1;
			continue;
		}
		if (st->space && st->started)
			xmlBufferCat(buf, BAD_CAST " ");
		st->space = 0;
		st->started = 1;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\', esc[1] = (char)*p, esc[2] = '\0';
			xmlBufferCat(buf, BAD_CAST esc);
		} else if (*p < 0x20 || *p == '<') {
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			xmlBufferCat(buf, BAD_CAST esc);
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			xmlBufferCat(buf, BAD_CAST(p[2] == 0xa8 ? "\\u2028" : "\\u2029"));
			p += 2;
		} else {
			xmlBufferAdd(buf, p, 1);
		}
	}
}

/* The text of e's descendants, without nested sections, pages, titles and index terms. */
static void own_text(xmlBufferPtr buf, xmlNodePtr e, struct text_state *st)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			json_text(buf, c->content, st);
		else if (c->type == XML_ELEMENT_NODE && !is_skipped(c))
			own_text(buf, c, st);
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

void json_string(xmlBufferPtr buf, const xmlChar *text)
{
	struct text_state st = {0, 0};

	xmlBufferCat(buf, BAD_CAST "\"");
	json_text(buf, text, &st);
	xmlBufferCat(buf, BAD_CAST "\"");
}

void json_title(xmlBufferPtr buf, xmlNodePtr element)
{
	struct text_state st = {0, 0};
	xmlNodePtr title = title_of(element);

	xmlBufferCat(buf, BAD_CAST "\"");
	if (title != NULL)
		own_text(buf, title, &st);
	xmlBufferCat(buf, BAD_CAST "\"");
}

/* {"href":"page.html#anchor","kind":"section","title":"...",...}: every attribute of the
 * record, in the order the stylesheet wrote them. */
static void add_record(xmlBufferPtr buf, xmlNodePtr record)
{
	xmlBufferCat(buf, BAD_CAST(xmlBufferLength(buf) > 1 ? ",\n{" : "{"));
	for (xmlAttrPtr a = record->properties; a != NULL; a = a->next) {
		xmlChar *value = xmlNodeListGetString(record->doc, a->children, 1);
		if (a != record->properties)
			xmlBufferCat(buf, BAD_CAST ",");
		json_string(buf, a->name);
		xmlBufferCat(buf, BAD_CAST ":");
		json_string(buf, value != NULL ? value : BAD_CAST "");
		xmlFree(value);
	}
	xmlBufferCat(buf, BAD_CAST "}");
}

long search_write_index(xmlDocPtr result, const struct out *o, const char *rel)
{
	xmlNodePtr root = xmlDocGetRootElement(result);
	xmlBufferPtr buf = xmlBufferCreate();
	long size;
	int ok;

	xmlBufferCat(buf, BAD_CAST "[");
	for (xmlNodePtr n = root != NULL ? root->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST MX_NS) &&
		    xmlStrEqual(n->name, BAD_CAST "record"))
			add_record(buf, n);
	xmlBufferCat(buf, BAD_CAST "];\n");
	xmlBufferAddHead(buf, BAD_CAST "window.mixdownSearch = ", -1);
	size = xmlBufferLength(buf);
	ok = out_write(o, rel, xmlBufferContent(buf), (size_t)size);
	xmlBufferFree(buf);
	return ok ? size : -1;
}
