/* render.c: compiles the XSLT stylesheets once and applies them to the book, with security
 * preferences that forbid the network and every write, and reads only under the data folder. */
#define _GNU_SOURCE
#include "render.h"
#include "layout.h"

#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plan.h"
#include "util.h"

char *render_data_path(const struct renderer *r, const char *relpath)
{
	return path_join(r->datadir, relpath);
}

/* Stylesheet messages arrive in pieces; each finished line becomes one report. */
__attribute__((format(printf, 2, 3)))
static void on_stylesheet_message(void *data, const char *fmt, ...)
{
	struct renderer *r = data;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(r->message + r->message_len, sizeof r->message - r->message_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		r->message_len += (size_t)n;
	if (r->message_len >= sizeof r->message)
		r->message_len = sizeof r->message - 1;
	if (r->message_len > 0 && r->message[r->message_len - 1] == '\n') {
		r->message[r->message_len - 1] = '\0';
		diag_report(r->diag, NULL, D_XSLT, r->message);
		r->message_len = 0;
	}
}

/* Reads are allowed only inside the data folder (the stylesheets and their l10n files). */
static int allow_data_reads(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                            const char *value)
{
	const struct renderer *r = ctxt ? ctxt->_private : NULL;
	const char *path = value;
	char *canonical;
	int ok;

	(void)sec;
	if (r == NULL || value == NULL)
		return 0;
	if (strncmp(path, "file://", 7) == 0)
		path += 7;
	canonical = realpath(path, NULL);
	ok = canonical != NULL && strncmp(canonical, r->datadir, strlen(r->datadir)) == 0 &&
	     canonical[strlen(r->datadir)] == '/';
	free(canonical);
	return ok;
}

int render_open(struct renderer *r, const char *datadir, struct diag *d)
{
	memset(r, 0, sizeof *r);
	r->datadir = realpath(datadir, NULL);
	r->diag = d;
	if (r->datadir == NULL) {
		struct diag_loc loc = {datadir, 0, 0};
		diag_report(d, &loc, D_READ_FAILED, "the stylesheet folder is missing");
		return 0;
	}
	exsltRegisterAll();
	r->security = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(r->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(r->security, XSLT_SECPREF_READ_FILE, allow_data_reads);
	xsltSetGenericErrorFunc(r, on_stylesheet_message);
	r->saved = generic_handler_set(r, on_stylesheet_message);
	r->handler_set = 1;
	r->report_unknown = 1;
	r->unknown = xmlHashCreate(16);
	r->unknown_seen = xmlHashCreate(16);
	return 1;
}

/* Drops the count of elements without a rendering of their own. */
static void forget_unknown(struct renderer *r)
{
	xmlHashFree(r->unknown, NULL);
	xmlHashFree(r->unknown_seen, NULL);
	free(r->unknown_first);
	r->unknown = NULL, r->unknown_seen = NULL, r->unknown_first = NULL, r->unknown_names = 0;
}

void render_close(struct renderer *r)
{
	xsltSetGenericErrorFunc(NULL, NULL);
	if (r->handler_set)
		generic_handler_restore(r->saved);
	forget_unknown(r);
	r->handler_set = 0;
	if (r->security != NULL)
		xsltFreeSecurityPrefs(r->security);
	free(r->datadir);
	memset(r, 0, sizeof *r);
}

xsltStylesheetPtr render_compile(struct renderer *r, const char *relpath)
{
	char *path = render_data_path(r, relpath);
	xsltStylesheetPtr style = xsltParseStylesheetFile(BAD_CAST path);

	if (style == NULL) {
		struct diag_loc loc = {path, 0, 0};
		diag_report(r->diag, &loc, D_READ_FAILED, "the stylesheet could not be compiled");
	}
	free(path);
	return style;
}

const char **render_params_join(const char **params, const char *const *more)
{
	size_t n = 0, m = 0;
	const char **all;

	while (params[n] != NULL)
		n++;
	while (more[m] != NULL)
		m++;
	all = xcalloc(n + m + 1, sizeof *all);
	memcpy(all, params, n * sizeof *all);
	memcpy(all + n, more, m * sizeof *all);
	return all;
}

xmlHashTablePtr render_keep(void)
{
	return xmlHashCreate(4);
}

static void free_stylesheet(void *style, const xmlChar *relpath)
{
	(void)relpath;
	xsltFreeStylesheet(style);
}

void render_forget(xmlHashTablePtr kept)
{
	xmlHashFree(kept, free_stylesheet);
}

xmlDocPtr render_stylesheet(struct renderer *r, const char *relpath, const struct book *b,
                            const char **params)
{
	xsltStylesheetPtr style = r->kept != NULL ? xmlHashLookup(r->kept, BAD_CAST relpath) : NULL;
	xmlDocPtr result;

	if (style == NULL && (style = render_compile(r, relpath)) != NULL && r->kept != NULL)
		xmlHashAddEntry(r->kept, BAD_CAST relpath, style);
	result = style ? render_apply(r, style, b, params) : NULL;
	if (style != NULL && r->kept == NULL)
		xsltFreeStylesheet(style);
	return result;
}

/* Counts a use of an element without a rendering of its own; the first of each name is kept.
 * An element rendered more than once (a title in the contents and on its page, a purpose on
 * its reference page and in the reference's list) is one use. */
static void count_unknown(struct renderer *r, xmlNodePtr node)
{
	char key[2 * sizeof(void *) + 4];

	snprintf(key, sizeof key, "%p", (void *)node);
	if (xmlHashAddEntry(r->unknown_seen, BAD_CAST key, node) != 0)
		return;
	intptr_t uses = (intptr_t)xmlHashLookup(r->unknown, node->name);

	if (uses == 0) {
		r->unknown_first = xrealloc(r->unknown_first,
		                            (size_t)(r->unknown_names + 1) * sizeof *r->unknown_first);
		r->unknown_first[r->unknown_names++] = node;
	}
	xmlHashUpdateEntry(r->unknown, node->name, (void *)(uses + 1), NULL);
}

/* One warning per element name without a rendering: at its first use, with how many there
 * are. */
static void report_unknown(struct renderer *r)
{
	char uses[64];

	for (int i = 0; i < r->unknown_names; i++) {
		xmlNodePtr first = r->unknown_first[i];
		intptr_t count = (intptr_t)xmlHashLookup(r->unknown, first->name);
		uses[0] = '\0';
		if (count > 1)
			snprintf(uses, sizeof uses, " (%ld uses; this is the first)", (long)count);
		book_report(r->book, r->diag, first, D_UNKNOWN_ELEMENT, first->name, uses);
	}
	forget_unknown(r);
}

/* mx:unknown(): called by the fallback template for an element no module renders. */
static void unknown_element(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
	struct renderer *r = tctxt ? tctxt->_private : NULL;
	xmlNodePtr node = ctxt->context->node;

	if (nargs != 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if (r != NULL && r->report_unknown && node != NULL && node->type == XML_ELEMENT_NODE)
		count_unknown(r, node);
	valuePush(ctxt, xmlXPathNewCString(""));
}

__attribute__((format(printf, 2, 3)))
static void on_transform_error(void *data, const char *fmt, ...)
{
	struct renderer *r = data;
	char *text;
	va_list ap;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	on_stylesheet_message(r, "%s", text);
	free(text);
}

/* What an instruction's content makes, in a holder of its own (the caller frees it). */
static xmlNodePtr made_in_holder(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst)
{
	xmlNodePtr holder = xmlNewDocNode(ctxt->output, NULL, inst->name, NULL);
	xmlNodePtr insert = ctxt->insert;

	ctxt->insert = holder;
	xsltApplyOneTemplate(ctxt, node, inst->children, NULL, NULL);
	ctxt->insert = insert;
	return holder;
}

/* <out:file>: makes the file's content in a holder of its own, hands it to the sink and frees
 * it; a sink's failure stops the transformation. */
static void emit_file(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
                      xsltElemPreCompPtr comp)
{
	struct renderer *r = ctxt->_private;
	xmlChar *href = xsltEvalAttrValueTemplate(ctxt, inst, BAD_CAST "href", NULL);
	xmlChar *method = xsltEvalAttrValueTemplate(ctxt, inst, BAD_CAST "method", NULL);
	xmlNodePtr holder;
	struct rendered_file file = {(const char *)href, (const char *)method, NULL};

	(void)comp;
	/* libxml2 writes non-ASCII text as character references unless the document is UTF-8. */
	if (ctxt->output->encoding == NULL)
		ctxt->output->encoding = xmlStrdup(BAD_CAST "UTF-8");
	holder = made_in_holder(ctxt, node, inst);
	for (xmlNodePtr c = holder != NULL ? holder->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			file.content = c;
	if (r != NULL && r->sink != NULL && href != NULL && method != NULL && file.content != NULL &&
	    !r->sink(r->sink_data, &file))
		ctxt->state = XSLT_STATE_STOPPED;
	xmlFreeNode(holder);
	xmlFree(href);
	xmlFree(method);
}

/* <out:records>: makes its elements in a holder of their own, hands each to the record sink
 * and frees them; a sink's failure stops the transformation. */
static void emit_records(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
                         xsltElemPreCompPtr comp)
{
	struct renderer *r = ctxt->_private;
	xmlNodePtr holder = made_in_holder(ctxt, node, inst);

	(void)comp;
	for (xmlNodePtr c = holder != NULL ? holder->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && r != NULL && r->record_sink != NULL &&
		    !r->record_sink(r->record_data, c)) {
			ctxt->state = XSLT_STATE_STOPPED;
			break;
		}
	xmlFreeNode(holder);
}

xmlDocPtr render_apply(struct renderer *r, xsltStylesheetPtr style, const struct book *b,
                       const char **params)
{
	xsltTransformContextPtr ctxt = xsltNewTransformContext(style, b->doc);
	xmlDocPtr result;

	if (ctxt == NULL)
		return NULL;
	r->book = b;
	ctxt->_private = r;
	xsltSetCtxtSecurityPrefs(r->security, ctxt);
	xsltSetTransformErrorFunc(ctxt, r, on_transform_error);
	xsltRegisterExtFunction(ctxt, BAD_CAST "unknown", BAD_CAST MX_NS, unknown_element);
	xsltRegisterExtElement(ctxt, BAD_CAST "file", BAD_CAST MX_OUTPUT_NS, emit_file);
	xsltRegisterExtElement(ctxt, BAD_CAST "records", BAD_CAST MX_OUTPUT_NS, emit_records);
	xsltQuoteUserParams(ctxt, layout_params());
	xsltQuoteUserParams(ctxt, params);
	result = xsltApplyStylesheetUser(style, b->doc, NULL, NULL, NULL, ctxt);
	/* libxml2 writes non-ASCII text as character references unless the document is UTF-8. */
	if (result != NULL && result->encoding == NULL)
		result->encoding = xmlStrdup(BAD_CAST "UTF-8");
	if (ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
		diag_report(r->diag, NULL, D_XSLT, "failed; the outputs were not written");
		xmlFreeDoc(result);
		result = NULL;
	}
	xsltFreeTransformContext(ctxt);
	if (r->report_unknown)
		report_unknown(r);
	r->report_unknown = 0;
	return result;
}

static const char xhtml_ns[] = "http://www.w3.org/1999/xhtml";

/* The stylesheets write HTML without a namespace; XHTML puts every such element in XHTML's. */
static void move_into_xhtml(xmlNodePtr root)
{
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST xhtml_ns, NULL);
	xmlNodePtr n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->ns == NULL)
			xmlSetNs(n, ns);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
}

static char *take_buffer(xmlBufferPtr buf, size_t *len)
{
	char *data = xmemdup(xmlBufferContent(buf), (size_t)xmlBufferLength(buf));

	*len = (size_t)xmlBufferLength(buf);
	xmlBufferFree(buf);
	return data;
}

char *render_serialize(struct rendered_file *file, size_t *len)
{
	xmlBufferPtr buf = xmlBufferCreate();
	int html = strcmp(file->method, "html") == 0;
	int xhtml = strcmp(file->method, "xhtml") == 0;

	/* Out of the wrapper, the file's root must declare every namespace it uses itself. */
	xmlUnlinkNode(file->content);
	xmlReconciliateNs(file->content->doc, file->content);
	if (html) {
		xmlOutputBufferPtr out = xmlOutputBufferCreateBuffer(buf, NULL);
		xmlBufferCat(buf, BAD_CAST "<!DOCTYPE html>\n");
		htmlNodeDumpFormatOutput(out, file->content->doc, file->content, "UTF-8", 0);
		xmlOutputBufferClose(out);
	} else {
		xmlSaveCtxtPtr save;
		if (xhtml)
			move_into_xhtml(file->content);
		xmlBufferCat(buf, BAD_CAST "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		if (xhtml)
			xmlBufferCat(buf, BAD_CAST "<!DOCTYPE html>\n");
		/* XHTML keeps its white space as written; package files are indented for people. */
		save = xmlSaveToBuffer(buf, "UTF-8",
		                       XML_SAVE_NO_DECL | (xhtml ? XML_SAVE_XHTML : XML_SAVE_FORMAT));
		xmlSaveTree(save, file->content);
		xmlSaveClose(save);
	}
	xmlFreeNode(file->content);
	file->content = NULL;
	xmlBufferCat(buf, BAD_CAST "\n");
	return take_buffer(buf, len);
}
