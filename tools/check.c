/* check.c: validates the merged book: DocBook 5 RELAX NG, unique ids, references that resolve,
 * files that exist; reports each problem at the chapter file and line the author edits. */
#include "check.h"

#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCHEMA_ERRORS 200

struct schema_error;

struct checker {
	struct book *book;
	struct diag *diag;
	struct schema_error *schema; /* what the validator said, before choosing what to report */
	int nschema;
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

struct schema_error {
	xmlNodePtr node;
	char *message;
	int depth;
};

static int is_ancestor(xmlNodePtr ancestor, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == ancestor)
			return 1;
	return 0;
}

static int depth_of(xmlNodePtr n)
{
	int d = 0;
	for (; n != NULL; n = n->parent)
		d++;
	return d;
}

static void on_schema_error(void *data, xmlErrorPtr err)
{
	struct checker *c = data;
	struct schema_error *e;

	if (err->level < XML_ERR_ERROR || c->nschema == MAX_SCHEMA_ERRORS)
		return;
	e = &c->schema[c->nschema++];
	e->node = err->node ? err->node : (xmlNodePtr)xmlDocGetRootElement(c->book->doc);
	e->depth = depth_of(e->node);
	e->message = strdup(err->message ? err->message : "not valid DocBook 5");
}

/* libxml2's final IDREF pass prints through the generic handler; the reference check below
 * reports the same problems at their chapter and line. */
static void ignore_message(void *data, const char *fmt, ...)
{
	(void)data, (void)fmt;
}

static int deeper_first(const void *a, const void *b)
{
	return ((const struct schema_error *)b)->depth - ((const struct schema_error *)a)->depth;
}

static int in_document_order(const void *a, const void *b)
{
	xmlNodePtr x = (*(struct schema_error *const *)a)->node;
	xmlNodePtr y = (*(struct schema_error *const *)b)->node;
	return -xmlXPathCmpNodes(x, y);
}

/* libxml2 reports one problem at the element, again at its ancestors, and at siblings of its
 * ancestors that it tried in vain to match; only the innermost of such a cascade is kept. */
static int covered(struct schema_error *const *kept, int nkept, xmlNodePtr node)
{
	for (int i = 0; i < nkept; i++)
		if (is_ancestor(node, kept[i]->node) ||
		    (node->parent != NULL && is_ancestor(node->parent, kept[i]->node)))
			return 1;
	return 0;
}

/* Messages that name no element and say nothing an author can act on. */
static int is_vague(const struct schema_error *e)
{
	return strstr(e->message, "Invalid sequence in interleave") != NULL ||
	       strstr(e->message, "failed to validate content") != NULL ||
	       strstr(e->message, "Extra element") != NULL;
}

/* A vague message yields to a specific one about an element on the same branch. */
static int has_specific_kin(const struct checker *c, const struct schema_error *e)
{
	for (int i = 0; i < c->nschema; i++) {
		const struct schema_error *o = &c->schema[i];
		if (o != e && !is_vague(o) &&
		    (is_ancestor(o->node, e->node) || is_ancestor(e->node, o->node)))
			return 1;
	}
	return 0;
}

static void report_schema_errors(struct checker *c)
{
	struct schema_error *kept[MAX_SCHEMA_ERRORS];
	int nkept = 0;

	qsort(c->schema, (size_t)c->nschema, sizeof *c->schema, deeper_first);
	for (int i = 0; i < c->nschema; i++)
		if (!(is_vague(&c->schema[i]) && has_specific_kin(c, &c->schema[i])) &&
		    !covered(kept, nkept, c->schema[i].node))
			kept[nkept++] = &c->schema[i];
	qsort(kept, (size_t)nkept, sizeof *kept, in_document_order);
	for (int i = 0; i < nkept; i++)
		report(c, kept[i]->node, D_SCHEMA, kept[i]->message, NULL);
	for (int i = 0; i < c->nschema; i++)
		free(c->schema[i].message);
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
	xmlSetGenericErrorFunc(NULL, ignore_message);
	xmlRelaxNGValidateDoc(vctxt, c->book->doc);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	report_schema_errors(c);
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

	c.schema = calloc(MAX_SCHEMA_ERRORS, sizeof *c.schema);
	if (c.schema == NULL)
		abort();
	walk_elements(root, register_id, NULL, &c);
	validate_schema(&c, schema_path);
	walk_elements(root, check_references, NULL, &c);
	walk_elements(root, check_fileref, NULL, &c);
	free(c.schema);
	return c.errors;
}
