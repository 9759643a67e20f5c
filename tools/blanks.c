/* blanks.c: drops the white space that only lays out the source, between the blocks of
 * elements that hold no text of their own (a section's paragraphs, a list's items). Neither
 * the schema nor the stylesheets read it (the pages are laid out by their own markup), and
 * it is about half of a book's text nodes: every process that holds the book gains. Elements
 * whose white space may separate words (paragraphs, terms, names, synopses) keep theirs. */
#include "blanks.h"

#include <stdlib.h>
#include <string.h>

/* DocBook elements whose content is elements only, sorted for bsearch. */
static const char *const element_only[] = {
    "abstract",      "acknowledgements", "answer",        "appendix",     "article",
    "bibliodiv",     "bibliography",     "blockquote",    "book",         "callout",
    "calloutlist",   "caution",          "chapter",       "colophon",     "dedication",
    "example",       "figure",           "footnote",      "glossary",     "glossdef",
    "glossdiv",      "glossentry",       "imageobject",   "important",    "index",
    "indexdiv",      "indexterm",        "info",          "informalexample",
    "informalfigure", "informaltable",   "itemizedlist",  "legalnotice",  "listitem",
    "mediaobject",   "note",             "orderedlist",   "part",         "partintro",
    "preface",       "procedure",        "qandadiv",      "qandaentry",   "qandaset",
    "question",      "refentry",         "refnamediv",    "refsect1",     "refsect2",
    "refsect3",      "refsynopsisdiv",   "row",           "sect1",        "sect2",
    "sect3",         "sect4",            "sect5",         "section",      "seglistitem",
    "segmentedlist", "sidebar",          "simplesect",    "step",         "substeps",
    "table",         "tbody",            "tfoot",         "tgroup",       "thead",
    "tip",           "variablelist",     "varlistentry",  "warning",
};

static int by_name(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

static int holds_only_elements(xmlNodePtr e)
{
	return e->ns != NULL && xmlStrEqual(e->ns->href, BAD_CAST DOCBOOK_NS) &&
	       bsearch(e->name, element_only, sizeof element_only / sizeof *element_only,
	               sizeof *element_only, by_name) != NULL;
}

/* Whether e's text keeps its white space: its xml:space, or its parent's (inherited). */
static int preserves_space(xmlNodePtr e, int inherited)
{
	xmlAttrPtr space = xmlHasNsProp(e, BAD_CAST "space", XML_XML_NAMESPACE);
	const xmlChar *value = space != NULL && space->children != NULL ? space->children->content : NULL;

	if (value == NULL)
		return inherited;
	return xmlStrEqual(value, BAD_CAST "preserve") ? 1
	       : xmlStrEqual(value, BAD_CAST "default") ? 0
	                                                 : inherited;
}

static void drop_in(xmlNodePtr e, int preserve)
{
	xmlNodePtr next;

	preserve = preserves_space(e, preserve);
	int drop = !preserve && holds_only_elements(e);
	for (xmlNodePtr c = e->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE) {
			drop_in(c, preserve);
		} else if (drop && c->type == XML_TEXT_NODE && xmlIsBlankNode(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

void drop_blanks(struct book *b)
{
	xmlNodePtr root = xmlDocGetRootElement(b->doc);

	if (root != NULL)
		drop_in(root, 0);
}
