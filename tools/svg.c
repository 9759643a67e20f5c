/* svg.c: cleans an SVG image before it is published: no DOCTYPE, no script or foreignObject,
 * no embedded HTML, no event attributes, no references to other files or addresses, no
 * javascript: anywhere, no processing instructions, no attributes SVG does not define on its
 * top element. Browsers run an SVG's scripts when it is opened on its own, so what is
 * published is the cleaned copy, never the book's file. */
#define _GNU_SOURCE /* strcasestr */
#include "svg.h"
#include "util.h"
#include "xmlerr.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SVG_NS "http://www.w3.org/2000/svg"
#define SVG_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

static const char *const removal_words[SVG_REMOVAL_KINDS] = {
	[SVG_DOCTYPE] = "its DOCTYPE",
	[SVG_SCRIPT] = "scripts",
	[SVG_EMBEDDED] = "embedded HTML or MathML",
	[SVG_EVENTS] = "event attributes",
	[SVG_EXTERNAL] = "references to other files or addresses",
	[SVG_JAVASCRIPT] = "javascript: addresses",
	[SVG_INSTRUCTIONS] = "processing instructions",
	[SVG_ANIMATED_LINKS] = "animations of links or events",
};

/* Namespaces whose elements a browser would make live inside an SVG document. */
static const char *const embedded_namespaces[] = {
	"http://www.w3.org/1999/xhtml",
	"http://www.w3.org/1998/Math/MathML",
	"http://www.w3.org/1999/XSL/Transform",
};

/* Elements that run script or hold other documents, in any namespace. */
static const char *const live_elements[] = {"script", "handler", "foreignObject", "iframe",
                                            "object", "embed", "listener"};

static const char *const animation_elements[] = {"set", "animate", "animateMotion",
                                                 "animateTransform", "animateColor"};

/* The attributes without a namespace that SVG (1.1, Tiny 1.2 or 2) lets <svg> itself take
 * (ARIA's aria-* besides): the structural ones, then the presentation attributes. Event
 * attributes go anyway, for what they run. */
static const char *const svg_root_attributes[] = {
	"id", "class", "style", "lang", "tabindex", "focusable", "autofocus", "role",
	"requiredFeatures", "requiredExtensions", "systemLanguage", "externalResourcesRequired",
	"x", "y", "width", "height", "viewBox", "preserveAspectRatio", "zoomAndPan", "version",
	"baseProfile", "contentScriptType", "contentStyleType", "playbackorder", "timelinebegin",
	"transform",
	"alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
	"color-interpolation", "color-interpolation-filters", "color-profile", "color-rendering",
	"cursor", "direction", "display", "dominant-baseline", "enable-background", "fill",
	"fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity", "font-family",
	"font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
	"glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "kerning",
	"letter-spacing", "lighting-color", "marker-end", "marker-mid", "marker-start", "mask",
	"opacity", "overflow", "pointer-events", "shape-rendering", "stop-color", "stop-opacity",
	"stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
	"stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor", "text-decoration",
	"text-rendering", "unicode-bidi", "visibility", "word-spacing", "writing-mode",
};

struct parse_state {
	int declares; /* the file declares entities (or other DTD items) */
	char error[200];
};

/* ---- reading ---- */

static void on_svg_error(void *ctx, xml_error err)
{
	struct parse_state *st = ((xmlParserCtxtPtr)ctx)->_private;

	if (err->level >= XML_ERR_ERROR && st->error[0] == '\0')
		snprintf(st->error, sizeof st->error, "line %d: %s", err->line,
		         err->message ? err->message : "malformed XML");
}

static void refuse_declaration(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;

	st->declares = 1;
	xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	refuse_declaration(ctx);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation)
{
	(void)name, (void)public_id, (void)system_id, (void)notation;
	refuse_declaration(ctx);
}

/* Parses the file with no network, no DTD and no entities; NULL with the reason in r. */
static xmlDocPtr read_svg(const char *path, struct svg_result *r)
{
	struct parse_state st = {0};
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;

	if (ctxt == NULL)
		abort();
	ctxt->_private = &st;
	ctxt->sax->serror = on_svg_error;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
	ctxt->sax->warning = NULL;
	ctxt->sax->error = NULL;
	ctxt->sax->fatalError = NULL;
	doc = xmlCtxtReadFile(ctxt, path, NULL, SVG_PARSE_OPTIONS);
	if (doc != NULL && (st.declares || !ctxt->wellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL)
		snprintf(r->error, sizeof r->error, "%s",
		         st.declares ? "it declares entities"
		         : st.error[0] ? st.error
		                       : "it cannot be read as XML");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* ---- what is dangerous ---- */

static int name_in(const xmlChar *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp((const char *)name, names[i]) == 0)
			return 1;
	return 0;
}

/* Does text hold "javascript:", read as a browser reads a URL: case, white space and control
 * characters ignored? */
static int mentions_javascript(const xmlChar *text)
{
	static const char word[] = "javascript:";
	size_t matched = 0;

	for (const xmlChar *p = text; p != NULL && *p != '\0'; p++) {
		int c = tolower(*p);
		if (c <= ' ')
			continue;
		/* 'j' begins the word and appears nowhere else in it, so a mismatch restarts there */
		if (c == word[matched])
			matched++;
		else
			matched = c == word[0];
		if (matched == sizeof word - 1)
			return 1;
	}
	return 0;
}

/* Does CSS text (a style attribute, a presentation attribute, a style element) load anything
 * but a fragment of this document: url(x) with x not "#...", or an @import? */
static int loads_from_outside(const xmlChar *css)
{
	const char *p = (const char *)css;

	if (p == NULL)
		return 0;
	if (strcasestr(p, "@import") != NULL)
		return 1;
	while ((p = strcasestr(p, "url(")) != NULL) {
		p += 4;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\'')
			p++;
		if (*p != '#')
			return 1;
	}
	return 0;
}

/* A link that stays inside the image: "#id", or an image given as a data: URL. */
static int is_inner_reference(const xmlChar *value)
{
	static const char *const image_data[] = {"data:image/png", "data:image/jpeg",
	                                         "data:image/gif", "data:image/webp"};
	const char *v = (const char *)value;

	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++;
	if (*v == '#')
		return 1;
	for (size_t i = 0; i < sizeof image_data / sizeof *image_data; i++) {
		size_t n = strlen(image_data[i]);
		if (strncasecmp(v, image_data[i], n) == 0 && (v[n] == ';' || v[n] == ','))
			return 1;
	}
	return 0;
}

/* Why an attribute must go, or SVG_REMOVAL_KINDS when it may stay. */
static enum svg_removal attribute_danger(xmlAttrPtr a)
{
	xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
	enum svg_removal why = SVG_REMOVAL_KINDS;

	if (strncasecmp((const char *)a->name, "on", 2) == 0)
		why = SVG_EVENTS;
	else if (mentions_javascript(value))
		why = SVG_JAVASCRIPT;
	else if (strcasecmp((const char *)a->name, "href") == 0 && !is_inner_reference(value))
		why = SVG_EXTERNAL;
	else if (loads_from_outside(value))
		why = SVG_EXTERNAL;
	xmlFree(value);
	return why;
}

/* An animation that sets a link or an event attribute. */
static int animates_links(xmlNodePtr e)
{
	xmlChar *target = xmlGetNoNsProp(e, BAD_CAST "attributeName");
	const char *name = (const char *)target, *colon;
	int links;

	if (target == NULL)
		return 0;
	colon = strchr(name, ':');
	if (colon != NULL)
		name = colon + 1;
	while (*name == ' ')
		name++;
	links = strncasecmp(name, "href", 4) == 0 || strncasecmp(name, "on", 2) == 0;
	xmlFree(target);
	return links;
}

/* Why an element must go (with all it holds), or SVG_REMOVAL_KINDS when it may stay. */
static enum svg_removal element_danger(xmlNodePtr e)
{
	size_t n_live = sizeof live_elements / sizeof *live_elements;
	size_t n_animation = sizeof animation_elements / sizeof *animation_elements;

	if (name_in(e->name, live_elements, n_live))
		return strcasecmp((const char *)e->name, "foreignObject") == 0 ? SVG_EMBEDDED
		                                                                : SVG_SCRIPT;
	if (e->ns != NULL && name_in(e->ns->href, embedded_namespaces,
	                             sizeof embedded_namespaces / sizeof *embedded_namespaces))
		return SVG_EMBEDDED;
	if (name_in(e->name, animation_elements, n_animation) && animates_links(e))
		return SVG_ANIMATED_LINKS;
	if (strcasecmp((const char *)e->name, "style") == 0) {
		xmlChar *css = xmlNodeGetContent(e);
		int outside = loads_from_outside(css);
		xmlFree(css);
		if (outside)
			return SVG_EXTERNAL;
	}
	return SVG_REMOVAL_KINDS;
}

/* Why a node that is not an element must go, or SVG_REMOVAL_KINDS. */
static enum svg_removal other_node_danger(xmlNodePtr n)
{
	switch (n->type) {
	case XML_DTD_NODE:
		return SVG_DOCTYPE;
	case XML_PI_NODE:
		return SVG_INSTRUCTIONS;
	case XML_ENTITY_REF_NODE:
		return SVG_DOCTYPE;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
	case XML_COMMENT_NODE:
		return mentions_javascript(n->content) ? SVG_JAVASCRIPT : SVG_REMOVAL_KINDS;
	default:
		return SVG_REMOVAL_KINDS;
	}
}

/* Does SVG define an attribute of this name (and no namespace) on <svg>? Names are compared
 * as written: SVG's are case-sensitive. */
static int svg_root_takes(const xmlChar *name)
{
	size_t n = sizeof svg_root_attributes / sizeof *svg_root_attributes;

	if (strncmp((const char *)name, "aria-", 5) == 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (strcmp((const char *)name, svg_root_attributes[i]) == 0)
			return 1;
	return 0;
}

/* ---- cleaning ---- */

/* Removes the attributes without a namespace that <svg> does not take, such as the copy of the
 * drawing that draw.io keeps in content: no renderer reads them, and EPUB checkers reject the
 * image for them. Namespace declarations and attributes in a namespace stay. Nothing is
 * dangerous in them, so their removal is not reported. */
static void drop_foreign_root_attributes(xmlNodePtr root)
{
	xmlAttrPtr a = root->properties;

	while (a != NULL) {
		xmlAttrPtr next = a->next;
		if (a->ns == NULL && !svg_root_takes(a->name))
			xmlRemoveProp(a);
		a = next;
	}
}

static void clean_attributes(xmlNodePtr e, struct svg_result *r)
{
	xmlAttrPtr a = e->properties;

	while (a != NULL) {
		xmlAttrPtr next = a->next;
		enum svg_removal why = attribute_danger(a);
		if (why != SVG_REMOVAL_KINDS) {
			r->removed |= 1u << why;
			xmlRemoveProp(a);
		}
		a = next;
	}
}

static void remove_node(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	if (n->type == XML_DTD_NODE)
		xmlFreeDtd((xmlDtdPtr)n);
	else
		xmlFreeNode(n);
}

static void clean_children(xmlNodePtr parent, struct svg_result *r)
{
	xmlNodePtr n = parent->children;

	while (n != NULL) {
		xmlNodePtr next = n->next;
		enum svg_removal why = n->type == XML_ELEMENT_NODE ? element_danger(n)
		                                                   : other_node_danger(n);
		if (why != SVG_REMOVAL_KINDS) {
			r->removed |= 1u << why;
			remove_node(n);
		} else if (n->type == XML_ELEMENT_NODE) {
			clean_attributes(n, r);
			clean_children(n, r);
		}
		n = next;
	}
}

static int is_svg_root(xmlNodePtr root)
{
	return root != NULL && xmlStrEqual(root->name, BAD_CAST "svg") && root->ns != NULL &&
	       xmlStrEqual(root->ns->href, BAD_CAST SVG_NS);
}

/* A number as SVG writes one (digits, a point, an exponent) at s; the text after it in end. */
static int svg_number(const char *s, double *n, const char **end)
{
	size_t span = strspn(s, "0123456789.eE+-");
	char *after = NULL;

	*n = span > 0 ? strtod(s, &after) : 0;
	*end = after;
	return span > 0 && after == s + span && isfinite(*n);
}

/* The value of the top element's attribute name as a length in CSS pixels when it is a number
 * alone or in px; 0 for anything else. */
static double plain_length(xmlNodePtr root, const char *name)
{
	xmlChar *value = xmlGetNoNsProp(root, BAD_CAST name);
	const char *end = NULL;
	double n = 0;
	int plain = value != NULL && svg_number((const char *)value, &n, &end) &&
	            (strcmp(end, "") == 0 || strcmp(end, "px") == 0);

	xmlFree(value);
	return plain && n > 0 ? n : 0;
}

/* The width and height of the top element's viewBox ("x y width height"), or 0. */
static void viewbox_size(xmlNodePtr root, double *width, double *height)
{
	xmlChar *value = xmlGetNoNsProp(root, BAD_CAST "viewBox");
	const char *p = (const char *)value;
	double box[4];
	int n = 0;

	for (; p != NULL && n < 4; n++) {
		p += strspn(p, " \t\r\n,");
		if (!svg_number(p, &box[n], &p))
			break;
	}
	p = p != NULL ? p + strspn(p, " \t\r\n") : NULL;
	*width = n == 4 && p != NULL && *p == '\0' && box[2] > 0 ? box[2] : 0;
	*height = *width > 0 && box[3] > 0 ? box[3] : 0;
	xmlFree(value);
}

/* The size as librsvg gives it, for the drawings whose top element says it plainly: both
 * width and height in pixels, or neither and a viewBox. Reading it here spares the build's
 * own process librsvg's start, which costs it more memory than the rest of planning. */
static void plain_size(xmlNodePtr root, struct svg_result *r)
{
	int has_width = xmlHasProp(root, BAD_CAST "width") != NULL;
	int has_height = xmlHasProp(root, BAD_CAST "height") != NULL;
	double width = 0, height = 0;

	if (has_width && has_height) {
		width = plain_length(root, "width");
		height = plain_length(root, "height");
	} else if (!has_width && !has_height) {
		viewbox_size(root, &width, &height);
	}
	if (width > 0 && height > 0 && width < INT_MAX && height < INT_MAX) {
		r->width = (int)lround(width);
		r->height = (int)lround(height);
	}
}

int svg_clean(const char *path, struct svg_result *r)
{
	xmlDocPtr doc;
	xmlChar *bytes = NULL;
	int size = 0;

	memset(r, 0, sizeof *r);
	doc = read_svg(path, r);
	if (doc == NULL)
		return 0;
	if (!is_svg_root(xmlDocGetRootElement(doc))) {
		snprintf(r->error, sizeof r->error, "its top element is not <svg> in the SVG namespace");
		xmlFreeDoc(doc);
		return 0;
	}
	clean_children((xmlNodePtr)doc, r);
	drop_foreign_root_attributes(xmlDocGetRootElement(doc));
	plain_size(xmlDocGetRootElement(doc), r);
	xmlDocDumpMemoryEnc(doc, &bytes, &size, "UTF-8");
	xmlFreeDoc(doc);
	if (bytes == NULL)
		abort();
	r->data = xmemdup(bytes, (size_t)size);
	r->len = (size_t)size;
	xmlFree(bytes);
	return 1;
}

void svg_describe_removed(unsigned removed, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int k = 0; k < SVG_REMOVAL_KINDS && used < size; k++)
		if (removed & (1u << k))
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "",
			                         removal_words[k]);
}
