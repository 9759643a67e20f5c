/* search.c: writes the site's search index: the records the site stylesheet made from each
 * rendered page (xsl/html/search.xsl), as a script that assigns them, so that search works
 * from file:// where fetching JSON does not. */
#include "search.h"
#include "json.h"

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
