/* sanitize.c: takes out of a loaded book what only mixdown may say: elements, attributes and
 * namespace declarations in mixdown's own namespaces (urn:x-mixdown:...), which the stylesheets
 * read as the plan's decisions. One warning per file, at the first such place. */
#include "sanitize.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <strings.h>

#define OWN_NAMESPACE_PREFIX "urn:x-mixdown:"

struct sanitizer {
	struct book *book;
	struct diag *diag;
	xmlHashTablePtr warned; /* paths of the files already warned about */
};

static int is_own_namespace(const xmlChar *href)
{
	return href != NULL &&
	       strncasecmp((const char *)href, OWN_NAMESPACE_PREFIX, sizeof OWN_NAMESPACE_PREFIX - 1) == 0;
}

static int in_own_namespace(xmlNsPtr ns)
{
	return ns != NULL && is_own_namespace(ns->href);
}

/* Warns at node, unless its file was warned about already. */
static void warn_once(struct sanitizer *s, xmlNodePtr node, const xmlChar *href)
{
	const struct book_file *f = book_file_of(s->book, node);

	if (xmlHashLookup(s->warned, BAD_CAST f->path) != NULL)
		return;
	xmlHashAddEntry(s->warned, BAD_CAST f->path, (void *)f);
	book_report(s->book, s->diag, node, D_OWN_NAMESPACE, (const char *)href);
}

static void strip_attributes(struct sanitizer *s, xmlNodePtr e)
{
	xmlAttrPtr a = e->properties;

	while (a != NULL) {
		xmlAttrPtr next = a->next;
		if (in_own_namespace(a->ns)) {
			warn_once(s, e, a->ns->href);
			xmlRemoveProp(a);
		}
		a = next;
	}
}

static void strip_child_elements(struct sanitizer *s, xmlNodePtr e)
{
	xmlNodePtr c = e->children;

	while (c != NULL) {
		xmlNodePtr next = c->next;
		if (c->type == XML_ELEMENT_NODE && in_own_namespace(c->ns)) {
			warn_once(s, c, c->ns->href);
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
}

static void strip_element(xmlNodePtr e, void *data)
{
	strip_attributes(data, e);
	strip_child_elements(data, e);
}

/* Once e's subtree holds nothing in them, its declarations of the namespaces go too, so that the
 * plan can declare its own. */
static void strip_declarations(xmlNodePtr e, void *data)
{
	xmlNsPtr *link = &e->nsDef;

	(void)data;
	while (*link != NULL) {
		xmlNsPtr ns = *link;
		if (is_own_namespace(ns->href)) {
			*link = ns->next;
			ns->next = NULL;
			xmlFreeNs(ns);
		} else {
			link = &ns->next;
		}
	}
}

void sanitize_book(struct book *b, struct diag *d)
{
	struct sanitizer s = {.book = b, .diag = d, .warned = xmlHashCreate(8)};

	if (s.warned == NULL)
		abort();
	walk_elements(xmlDocGetRootElement(b->doc), strip_element, strip_declarations, &s);
	xmlHashFree(s.warned, NULL);
}
