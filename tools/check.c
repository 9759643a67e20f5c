/* check.c: validates the merged book: DocBook 5 RELAX NG, unique ids, references that resolve,
 * files that exist; reports each problem at the chapter file and line the author edits. */
#include "check.h"

#include <libxml/relaxng.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCHEMA_REPORTS 50

struct checker {
	struct book *book;
	struct diag *diag;
	xmlNodePtr reported[MAX_SCHEMA_REPORTS];
	int nreported;
	int errors;
};

static void report(struct checker *c, xmlNodePtr node, enum diag_id id, const char *a,
                   const char *b)
{
	book_report(c->book, c->diag, node, id, a, b);
	c->errors++;
}

/* ---- ids ---- */

static void register_id(xmlNodePtr e, void *data)
{
	struct checker *c = data;
	xmlAttrPtr attr = xmlHasNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE);
	xmlChar *value;
	xmlIDPtr existing;

	if (attr == NULL)
		return;
	value = xmlNodeGetContent((xmlNodePtr)attr);
	existing = xmlHashLookup(c->book->doc->ids, value);
	if (existing == NULL || existing->attr == NULL) {
		xmlAddID(NULL, c->book->doc, value, attr);
	} else if (existing->attr != attr) {
		struct diag_loc first;
		char where[4096];
		book_locate(c->book, existing->attr->parent, &first);
		snprintf(where, sizeof where, "%s:%ld", first.file, first.line);
		report(c, e, D_DUPLICATE_ID, (const char *)value, where);
		attr->atype = XML_ATTRIBUTE_ID; /* so the schema does not report it again */
	}
	xmlFree(value);
}

/* ---- schema ---- */

static int is_ancestor(xmlNodePtr ancestor, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == ancestor)
			return 1;
	return 0;
}

/* libxml2 reports one problem at the element and again at each ancestor; keep the innermost. */
static int already_covered(const struct checker *c, xmlNodePtr node)
{
	for (int i = 0; i < c->nreported; i++)
		if (is_ancestor(node, c->reported[i]))
			return 1;
	return 0;
}

static void on_schema_error(void *data, xmlErrorPtr err)
{
	struct checker *c = data;
	xmlNodePtr node = err->node;

	if (err->level < XML_ERR_ERROR)
		return;
	if (node == NULL)
		node = xmlDocGetRootElement(c->book->doc);
	if (already_covered(c, node) || c->nreported == MAX_SCHEMA_REPORTS)
		return;
	c->reported[c->nreported++] = node;
	report(c, node, D_SCHEMA, err->message ? err->message : "not valid DocBook 5", NULL);
}

static int validate_schema(struct checker *c, const char *schema_path)
{
	xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(schema_path);
	xmlRelaxNGPtr schema = pctxt ? xmlRelaxNGParse(pctxt) : NULL;
	xmlRelaxNGValidCtxtPtr vctxt;

	xmlRelaxNGFreeParserCtxt(pctxt);
	if (schema == NULL) {
		struct diag_loc loc = {schema_path, 0, 0};
		diag_report(c->diag, &loc, D_READ_FAILED, "the DocBook 5 schema could not be loaded");
		c->errors++;
		return 0;
	}
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vctxt, on_schema_error, c);
	xmlRelaxNGValidateDoc(vctxt, c->book->doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	return 1;
}

/* ---- references ---- */

static const char *const idref_attributes[] = {"linkend", "endterm", "otherterm", "startref"};
static const char *const idrefs_attributes[] = {"linkends", "arearefs"};

static void check_idref(struct checker *c, xmlNodePtr e, const char *attr, const xmlChar *id)
{
	if (xmlGetID(c->book->doc, id) == NULL)
		report(c, e, D_UNKNOWN_ID, attr, (const char *)id);
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
		break;
	case RESOLVE_URL:
		report(c, e, D_FILEREF_URL, (const char *)ref, NULL);
		break;
	case RESOLVE_ABSOLUTE:
	case RESOLVE_OUTSIDE:
		report(c, e, D_FILEREF_OUTSIDE, (const char *)ref, NULL);
		break;
	case RESOLVE_MISSING:
		report(c, e, D_FILEREF_MISSING, (const char *)ref, NULL);
		break;
	}
	free(path);
	xmlFree(ref);
}

int check_book(struct book *b, const char *schema_path, struct diag *d)
{
	struct checker c = {.book = b, .diag = d};
	xmlNodePtr root = xmlDocGetRootElement(b->doc);

	walk_elements(root, register_id, NULL, &c);
	validate_schema(&c, schema_path);
	walk_elements(root, check_references, NULL, &c);
	walk_elements(root, check_fileref, NULL, &c);
	return c.errors;
}
