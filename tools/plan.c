/* plan.c: decides the pages (their roots, file names and reading order) and annotates the tree
 * with numbers, anchors, glossary links and image paths, so the stylesheets only look up. */
#include "plan.h"
#include "typography.h"

#include <libxml/hash.h>
#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "image.h"
#include "layout.h"
#include "svg.h"
#include "load.h"
#include "media.h"
#include "names.h"
#include "util.h"

#define MAX_PAGE_DEPTH 64
#define COUNT(a) (sizeof(a) / sizeof *(a))

enum anchor_kind { A_SECTION, A_FOOTNOTE, A_INDEXTERM, A_TERM, A_OTHER, A_KINDS };
static const char *const anchor_prefix[A_KINDS] = {"s", "fn", "ix", "t", "a"};

enum label_kind { L_FIGURE, L_TABLE, L_EXAMPLE, L_KINDS };
static const char *const labelled[L_KINDS] = {"figure", "table", "example"};

/* Elements that become pages when they sit directly in the book or in a part; a book becomes
 * a page (its title page) when it sits in a set; a reference page (refentry) becomes a page of
 * its own when it sits in a reference. */
static const char *const page_elements[] = {
	"preface", "chapter", "appendix", "part", "glossary", "index", "bibliography",
	"colophon", "dedication", "reference", "article", "acknowledgements", "refentry", "topic",
	"book",
};

/* An article whose text is longer than this many characters (about 1,000 words, a few screens)
 * has each of its top-level sections on a page of its own; a shorter one reads best whole. */
#define LONG_ARTICLE_CHARS 6000

/* Elements that get an anchor of their own even without an xml:id. */
static const char *const section_elements[] = {
	"section", "simplesect", "sect1", "sect2", "sect3", "sect4", "sect5", "glossdiv",
	"indexdiv", "refsection", "bibliodiv", "partintro", "refnamediv", "refsynopsisdiv",
	"refsect1", "refsect2", "refsect3",
};
static const char *const other_anchored[] = {
	"figure", "table", "example", "glossentry", "equation", "sidebar", "qandaentry",
	"biblioentry", "bibliomixed", "callout", "co", "area",
};

struct page_state {
	xmlNodePtr root;
	const char *name;
	int anchors[A_KINDS];
	int footnotes;
};

struct planner {
	struct book *book;
	struct plan *plan;
	struct diag *diag;
	xmlNsPtr ns;
	struct page_state pages[MAX_PAGE_DEPTH]; /* the pages enclosing the walk, innermost last */
	int depth;
	xmlNodePtr component;            /* chapter, appendix or preface being walked */
	int component_counts[L_KINDS];
	int chapters, appendices, parts;
	int kind_ranks[COUNT(page_elements)]; /* pages of each kind so far */
	xmlHashTablePtr glossary;        /* normalized term -> glossentry */
	xmlHashTablePtr linked;          /* (section, entry) pairs whose first term is linked */
	int terms;                       /* anchors made for first uses of terms */
	int errors;
	int article_in_pages;            /* the top element is a long article: sections are pages */
	struct page_names *names;        /* the page names given so far */
	xmlHashTablePtr index_firsts;    /* the index groups that have their first term */
};


static int is_page_root(const struct planner *pl, xmlNodePtr e)
{
	if (e->parent == NULL || e->parent->type != XML_ELEMENT_NODE)
		return 1;
	if (is_docbook(e, "refentry"))
		return is_docbook(e->parent, "reference");
	if (is_docbook(e, "book"))
		return is_docbook(e->parent, "set");
	if (is_docbook(e->parent, "article"))
		return pl->article_in_pages && plan_is_section(e);
	return (is_docbook(e->parent, "book") || is_docbook(e->parent, "part")) &&
	       is_docbook_any(e, page_elements, COUNT(page_elements));
}

/* Whether the top element is an article long enough to be read a section per page. */
static int is_long_article(xmlNodePtr root)
{
	xmlChar *text;
	int chars;

	if (!is_docbook(root, "article"))
		return 0;
	text = xmlNodeGetContent(root);
	chars = xmlUTF8Strlen(text);
	xmlFree(text);
	return chars > LONG_ARTICLE_CHARS;
}

static void mx_set(struct planner *pl, xmlNodePtr e, const char *name, const char *value)
{
	xmlSetNsProp(e, pl->ns, BAD_CAST name, BAD_CAST value);
}

/* ---- pages ---- */

/* The title page is "index"; others take their xml:id, or their kind and rank among pages of
 * that kind ("chapter-2") when they have none (see names.c). */
static char *page_name(struct planner *pl, xmlNodePtr e, int rank)
{
	xmlChar *id;
	char kind_rank[64];
	char *name;

	if (pl->plan->npages == 0)
		return xstrdup("index");
	id = xmlGetNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE);
	snprintf(kind_rank, sizeof kind_rank, "%s-%d", (const char *)e->name, rank);
	name = page_names_claim(pl->names, (const char *)id, kind_rank);
	xmlFree(id);
	return name;
}

int plan_is_section(xmlNodePtr e)
{
	return is_docbook_any(e, section_elements, COUNT(section_elements));
}

/* The page's rank among the pages of its kind, from 1. */
static int page_rank(struct planner *pl, xmlNodePtr e)
{
	for (size_t k = 0; k < COUNT(page_elements); k++)
		if (is_docbook(e, page_elements[k]))
			return ++pl->kind_ranks[k];
	return 1;
}

static void find_page(xmlNodePtr e, void *data)
{
	struct planner *pl = data;
	struct plan *p = pl->plan;

	if (!is_page_root(pl, e))
		return;
	mx_set(pl, e, "source", book_file_of(pl->book, e)->rel);
	p->pages = xrealloc(p->pages, (p->npages + 1) * sizeof *p->pages);
	p->pages[p->npages].node = e;
	p->pages[p->npages].name = page_name(pl, e, page_rank(pl, e));
	mx_set(pl, e, "page", p->pages[p->npages].name);
	p->npages++;
}

static void link_pages(struct planner *pl)
{
	struct plan *p = pl->plan;

	for (size_t i = 0; i < p->npages; i++) {
		char order[24];
		snprintf(order, sizeof order, "%zu", i + 1);
		mx_set(pl, p->pages[i].node, "order", order);
		if (i > 0)
			mx_set(pl, p->pages[i].node, "prev", p->pages[i - 1].name);
		if (i + 1 < p->npages)
			mx_set(pl, p->pages[i].node, "next", p->pages[i + 1].name);
	}
}

/* ---- anchors and labels ---- */

/* The element's anchor: its xml:id, or a new mx:id "PAGE.PREFIX<n>", registered as an ID. */
static xmlChar *anchor_of(struct planner *pl, xmlNodePtr e, const char *page, const char *prefix,
                          int *counter)
{
	xmlChar *id = xmlGetNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE);
	char made[256];
	xmlAttrPtr attr;

	if (id == NULL)
		id = xmlGetNsProp(e, BAD_CAST "id", BAD_CAST MX_NS);
	if (id != NULL)
		return id;
	do
		snprintf(made, sizeof made, "%s.%s%d", page, prefix, ++*counter);
	while (xmlGetID(pl->book->doc, BAD_CAST made) != NULL);
	attr = xmlSetNsProp(e, pl->ns, BAD_CAST "id", BAD_CAST made);
	xmlAddID(NULL, pl->book->doc, BAD_CAST made, attr);
	return xmlStrdup(BAD_CAST made);
}

/* Gives e an anchor named after the page being walked. */
static void ensure_anchor(struct planner *pl, xmlNodePtr e, enum anchor_kind kind)
{
	struct page_state *page = &pl->pages[pl->depth - 1];
	xmlFree(anchor_of(pl, e, page->name, anchor_prefix[kind], &page->anchors[kind]));
}

static void to_letters(char *dst, size_t size, int n)
{
	char tmp[16];
	int len = 0;

	for (; n > 0 && len < (int)sizeof tmp; n = (n - 1) / 26)
		tmp[len++] = (char)('A' + (n - 1) % 26);
	for (int i = 0; i < len && (size_t)i + 1 < size; i++)
		dst[i] = tmp[len - 1 - i];
	dst[len < (int)size ? len : (int)size - 1] = '\0';
}

static void to_roman(char *dst, size_t size, int n)
{
	static const struct { int value; const char *digits; } table[] = {
		{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
	};
	size_t used = 0;

	dst[0] = '\0';
	for (size_t i = 0; i < COUNT(table); i++)
		for (; n >= table[i].value && used + 3 < size; n -= table[i].value)
			used += (size_t)snprintf(dst + used, size - used, "%s", table[i].digits);
}

static void start_component(struct planner *pl, xmlNodePtr e, const char *label)
{
	pl->component = e;
	memset(pl->component_counts, 0, sizeof pl->component_counts);
	if (label != NULL)
		mx_set(pl, e, "label", label);
}

static void label_component(struct planner *pl, xmlNodePtr e)
{
	char label[32];

	if (is_docbook(e, "book")) /* each book of a set numbers its own chapters */
		pl->chapters = pl->appendices = pl->parts = 0;
	if (is_docbook(e, "chapter")) {
		snprintf(label, sizeof label, "%d", ++pl->chapters);
		start_component(pl, e, label);
	} else if (is_docbook(e, "appendix")) {
		to_letters(label, sizeof label, ++pl->appendices);
		start_component(pl, e, label);
	} else if (is_docbook(e, "part")) {
		to_roman(label, sizeof label, ++pl->parts);
		mx_set(pl, e, "label", label);
	} else if (is_docbook_any(e, page_elements, COUNT(page_elements))) {
		start_component(pl, e, NULL);
	}
}

/* Figures, tables and examples are numbered within their chapter: "3.2", or "2" outside one. */
static void label_formal(struct planner *pl, xmlNodePtr e, enum label_kind kind)
{
	xmlChar *prefix = pl->component ? xmlGetNsProp(pl->component, BAD_CAST "label",
	                                                BAD_CAST MX_NS)
	                                : NULL;
	char label[64];
	int n = ++pl->component_counts[kind];

	if (prefix != NULL)
		snprintf(label, sizeof label, "%s.%d", (const char *)prefix, n);
	else
		snprintf(label, sizeof label, "%d", n);
	xmlFree(prefix);
	mx_set(pl, e, "label", label);
}

static void label_footnote(struct planner *pl, xmlNodePtr e)
{
	char label[16];

	snprintf(label, sizeof label, "%d", ++pl->pages[pl->depth - 1].footnotes);
	mx_set(pl, e, "label", label);
	ensure_anchor(pl, e, A_FOOTNOTE);
}

/* ---- index terms ---- */

/* Lowercase ASCII for the letters of Latin-1 with accents and for A-Z; other text is kept. */
static const char *const latin1_folded[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Words folded for matching, sorting and grouping: case and accents removed, white space
 * collapsed ("Écho " and "echo" fold alike). */
static void fold_words(const xmlChar *text, char *out, size_t size)
{
	size_t n = 0;
	int space = 0;

	for (const unsigned char *p = text; p != NULL && *p != '\0' && n + 3 < size; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			const char *f = latin1_folded[p[1] - 0x80];
			n += (size_t)snprintf(out + n, size - n, "%s", f);
			p++;
		} else {
			out[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		}
	}
	out[n < size ? n : size - 1] = '\0';
}

static void folded_text(xmlNodePtr e, char *out, size_t size)
{
	xmlChar *text = xmlNodeGetContent(e);

	fold_words(text, out, size);
	xmlFree(text);
}

/* Does e have a title of its own? DocBook puts it (or the info holding it) before any
 * content, so only the leading title-like children are looked at. */
static int has_title(xmlNodePtr e)
{
	static const char *const leading[] = {"titleabbrev", "subtitle"};

	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_docbook(c, "title") || (is_docbook(c, "info") && docbook_child(c, "title")))
			return 1;
		if (!is_docbook_any(c, leading, COUNT(leading)))
			return 0;
	}
	return 0;
}

static int count_children(xmlNodePtr e, const char *name)
{
	int n = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next)
		n += is_docbook(c, name);
	return n;
}

/* Records that a term of the group kind:key was seen; is it the first? */
static int first_of_group(struct planner *pl, const char *kind, const char *key)
{
	char both[1216];

	snprintf(both, sizeof both, "%s:%s", kind, key);
	return xmlHashAddEntry(pl->index_firsts, BAD_CAST both, pl) == 0;
}

/* mx:leads names the index groups this term comes first in, in document order, so the index
 * lists each group once without comparing every term with its group: "letter", "primary",
 * "secondary" (primary and secondary), "section" (one entry within one titled section). */
static void mark_index_leads(struct planner *pl, xmlNodePtr e, const char *letter,
                             const char *group, const char *sub)
{
	char key[1200], leads[64] = "";
	xmlNodePtr titled = e->parent;

	while (titled != NULL && titled->type == XML_ELEMENT_NODE && !has_title(titled))
		titled = titled->parent;
	if (first_of_group(pl, "letter", letter))
		strcat(leads, " letter");
	if (first_of_group(pl, "primary", group))
		strcat(leads, " primary");
	snprintf(key, sizeof key, "%s|%s", group, sub);
	if (docbook_child(e, "secondary") != NULL && first_of_group(pl, "secondary", key))
		strcat(leads, " secondary");
	snprintf(key, sizeof key, "%s|%s|%d|%p", group, sub, count_children(e, "see"),
	         (void *)titled);
	if (first_of_group(pl, "section", key))
		strcat(leads, " section");
	if (leads[0] != '\0')
		mx_set(pl, e, "leads", leads + 1);
}

/* mx:group (the primary, folded), mx:sub (the secondary, folded), mx:sort and mx:letter (from
 * the primary's sortas when given): the index groups and sorts by these. */
static void plan_indexterm(struct planner *pl, xmlNodePtr e)
{
	xmlNodePtr primary = docbook_child(e, "primary");
	xmlNodePtr secondary = docbook_child(e, "secondary");
	xmlChar *sortas;
	char group[512], sub[512] = "", sort[512], letter[8];

	if (primary == NULL)
		return;
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		if (is_docbook(c, "see") || is_docbook(c, "seealso")) {
			folded_text(c, sort, sizeof sort);
			mx_set(pl, c, "group", sort);
		}
	}
	folded_text(primary, group, sizeof group);
	mx_set(pl, e, "group", group);
	if (secondary != NULL) {
		folded_text(secondary, sub, sizeof sub);
		mx_set(pl, e, "sub", sub);
	}
	sortas = xmlGetNoNsProp(primary, BAD_CAST "sortas");
	if (sortas != NULL) {
		fold_words(sortas, sort, sizeof sort);
		xmlFree(sortas);
	} else {
		snprintf(sort, sizeof sort, "%s", group);
	}
	mx_set(pl, e, "sort", sort);
	snprintf(letter, sizeof letter, "%c",
	         sort[0] >= 'a' && sort[0] <= 'z' ? sort[0] - 32 : (sort[0] ? sort[0] : '#'));
	if ((unsigned char)sort[0] >= 0x80)
		snprintf(letter, sizeof letter, "#");
	mx_set(pl, e, "letter", letter);
	mark_index_leads(pl, e, letter, group, sub);
}

/* ---- images ---- */

/* Whether target (an image's path in the outputs) is one mixdown writes itself, with that name
 * in clash. File systems may ignore case, so case is ignored. */
static int generated_path(const struct plan *p, const char *target, char *clash, size_t size)
{
	size_t n = strlen(target);

	if (strncasecmp(target, ASSETS_DIR, strlen(ASSETS_DIR)) == 0) {
		snprintf(clash, size, "%s", ASSETS_DIR);
		return 1;
	}
	if (layout_generated(target) != NULL) {
		snprintf(clash, size, "%s", layout_generated(target));
		return 1;
	}
	for (size_t i = 0; i < p->npages; i++) {
		size_t len = strlen(p->pages[i].name);
		if (len < n && strncasecmp(target, p->pages[i].name, len) == 0 &&
		    (strcasecmp(target + len, ".html") == 0 || strcasecmp(target + len, ".xhtml") == 0)) {
			snprintf(clash, size, "%s", target);
			return 1;
		}
	}
	return 0;
}

/* An SVG is published cleaned; 0 after reporting when it cannot be. */
static int clean_svg(struct planner *pl, xmlNodePtr e, const xmlChar *ref, struct image *img)
{
	struct svg_result r;
	char removed[256];

	if (!svg_clean(img->source, &r)) {
		pl->errors += book_report(pl->book, pl->diag, e, D_SVG_INVALID, ref, r.error);
		return 0;
	}
	svg_describe_removed(r.removed, removed, sizeof removed);
	if (r.removed != 0)
		book_report(pl->book, pl->diag, e, D_SVG_CLEANED, ref, removed);
	img->data = r.data;
	img->len = r.len;
	img->width = r.width;
	img->height = r.height;
	return 1;
}

static struct image *add_image(struct plan *p, struct image img);

/* The image's entry in the plan, made on its first use; NULL after reporting. */
static struct image *image_entry(struct planner *pl, xmlNodePtr e, const xmlChar *ref,
                                 char *source)
{
	struct plan *p = pl->plan;
	struct image img = {source, xstrdup(source + strlen(pl->book->root) + 1), NULL, 0, 0, 0, 0, NULL};

	for (size_t i = 0; i < p->nimages; i++)
		if (strcmp(p->images[i].source, source) == 0) {
			free(img.source);
			free(img.target);
			return &p->images[i];
		}
	if (image_kind_of(source) == IMAGE_SVG && !clean_svg(pl, e, ref, &img)) {
		free(img.source);
		free(img.target);
		return NULL;
	}
	if (img.data != NULL && img.width == 0)
		image_svg_size(img.data, img.len, &img.width, &img.height);
	else if (img.data == NULL)
		image_file_size(img.source, &img.width, &img.height);
	return add_image(p, img);
}

static struct image *add_image(struct plan *p, struct image img)
{
	p->images = xrealloc(p->images, (p->nimages + 1) * sizeof *p->images);
	p->images[p->nimages] = img;
	return &p->images[p->nimages++];
}

/* Is e the image of the book's cover? */
static int on_cover(xmlNodePtr e)
{
	for (xmlNodePtr a = e->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent) {
		if (is_docbook(a, "cover"))
			return 1;
		if (is_docbook(a, "mediaobject")) {
			xmlChar *role = xmlGetNoNsProp(a, BAD_CAST "role");
			int cover = role != NULL && xmlStrEqual(role, BAD_CAST "cover");
			xmlFree(role);
			if (cover)
				return 1;
		}
	}
	return 0;
}

/* An SVG cover is also published as a PNG, which readers' library views and stores need: the
 * same name with .png, COVER_RASTER_WIDTH pixels wide, drawn after planning (raster.h) by the
 * builds that write it. */
static void plan_cover_raster(struct planner *pl, xmlNodePtr e, const xmlChar *ref,
                              const struct image *svg)
{
	size_t n = strlen(svg->target);
	char *target = xstrdup(svg->target);

	memcpy(target + n - 4, ".png", 4); /* an SVG's target ends in .svg */
	int planned = 0;
	for (size_t i = 0; i < pl->plan->nimages && !planned; i++)
		planned = strcmp(pl->plan->images[i].target, target) == 0;
	long height = svg->width > 0 ? (long)COVER_RASTER_WIDTH * svg->height / svg->width : 0;
	if (!planned && height > IMAGE_TALLEST) {
		char why[128];
		snprintf(why, sizeof why, "as a cover PNG %d pixels wide it would be %ld pixels tall (%d at most)",
		         COVER_RASTER_WIDTH, height, IMAGE_TALLEST);
		pl->errors += book_report(pl->book, pl->diag, e, D_SVG_INVALID, ref, why);
		height = 0;
	}
	if (!planned && svg->data != NULL && height > 0) {
		struct image raster = {xstrdup(svg->source), xstrdup(target), xmemdup(svg->data, svg->len),
		                       svg->len, COVER_RASTER_WIDTH, (int)height, 1, e};
		add_image(pl->plan, raster);
		planned = 1;
	}
	if (planned) {
		xmlChar *escaped = xmlURIEscapeStr(BAD_CAST target, BAD_CAST "/");
		mx_set(pl, e, "raster", (const char *)escaped);
		xmlFree(escaped);
	}
	free(target);
}

static void set_size(struct planner *pl, xmlNodePtr e, const struct image *img)
{
	char number[16];

	if (img->width <= 0 || img->height <= 0)
		return;
	snprintf(number, sizeof number, "%d", img->width);
	mx_set(pl, e, "width", number);
	snprintf(number, sizeof number, "%d", img->height);
	mx_set(pl, e, "height", number);
}

static void plan_image(struct planner *pl, xmlNodePtr e)
{
	xmlChar *ref = xmlGetNoNsProp(e, BAD_CAST "fileref");
	char *source = NULL, clash[256];
	struct image *img = NULL;
	int err;

	if (ref == NULL || book_resolve(pl->book, book_file_of(pl->book, e), (const char *)ref,
	                                &source, &err) != RESOLVE_OK) {
		xmlFree(ref);
		return;
	}
	if (generated_path(pl->plan, source + strlen(pl->book->root) + 1, clash, sizeof clash)) {
		pl->errors += book_report(pl->book, pl->diag, e, D_FILEREF_GENERATED, ref, clash);
		free(source);
	} else {
		img = image_entry(pl, e, ref, source);
	}
	if (img != NULL) {
		xmlChar *escaped = xmlURIEscapeStr(BAD_CAST img->target, BAD_CAST "/");
		mx_set(pl, e, "src", (const char *)escaped);
		mx_set(pl, e, "type", image_media_type(img->target));
		xmlFree(escaped);
		set_size(pl, e, img);
		if (image_kind_of(img->target) == IMAGE_SVG && on_cover(e))
			plan_cover_raster(pl, e, ref, img);
	}
	xmlFree(ref);
}

/* ---- links ---- */

/* mx:href on an element whose address may be linked to: its xlink:href, as browsers read it,
 * when that is a web or mail address; an email's text, as a mailto: address. An xlink:href
 * of "#id" naming an id of the book is a link to it, as linkend would be: mx:linkend. */
static void plan_link(struct planner *pl, xmlNodePtr e)
{
	xmlChar *href = is_docbook(e, "email") ? xmlNodeGetContent(e)
	                                       : xmlGetNsProp(e, BAD_CAST "href", BAD_CAST XLINK_NS);
	char *clean = NULL;

	if (href == NULL)
		return;
	if (is_docbook(e, "email")) {
		xmlChar *mailto = xmlStrncatNew(BAD_CAST "mailto:", href, -1);
		xmlFree(href);
		href = mailto;
	}
	switch (link_kind_of((const char *)href, &clean)) {
	case LINK_WEB: {
		/* characters a URL may not hold as they are (a space, < >, a quote...) percent-encoded,
		 * as browsers send them; the URL's own punctuation and any %XX kept */
		xmlChar *escaped = xmlURIEscapeStr(BAD_CAST clean, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
		mx_set(pl, e, "href", escaped != NULL ? (const char *)escaped : clean);
		xmlFree(escaped);
		break;
	}
	case LINK_FRAGMENT:
		if (xmlGetID(pl->book->doc, BAD_CAST clean + 1) != NULL)
			mx_set(pl, e, "linkend", clean + 1);
		break;
	default:
		break;
	}
	free(clean);
	xmlFree(href);
}

/* ---- the walk ---- */

static void enter_element(xmlNodePtr e, void *data)
{
	struct planner *pl = data;
	xmlChar *name = xmlGetNsProp(e, BAD_CAST "page", BAD_CAST MX_NS);

	if (name != NULL && pl->depth < MAX_PAGE_DEPTH) {
		struct page_state *page = &pl->pages[pl->depth++];
		memset(page, 0, sizeof *page);
		page->root = e;
		page->name = (const char *)xmlDictLookup(pl->book->doc->dict, name, -1);
		label_component(pl, e);
	}
	xmlFree(name);
	if (plan_is_section(e))
		ensure_anchor(pl, e, A_SECTION);
	else if (is_docbook_any(e, other_anchored, COUNT(other_anchored)))
		ensure_anchor(pl, e, A_OTHER);
	else if (is_docbook(e, "footnote"))
		label_footnote(pl, e);
	else if (is_docbook(e, "indexterm")) {
		ensure_anchor(pl, e, A_INDEXTERM);
		plan_indexterm(pl, e);
	}
	else if (is_docbook(e, "imagedata") && is_shown_image(e))
		plan_image(pl, e);
	plan_link(pl, e);
	for (int k = 0; k < L_KINDS; k++)
		if (is_docbook(e, labelled[k]))
			label_formal(pl, e, (enum label_kind)k);
}

static void leave_element(xmlNodePtr e, void *data)
{
	struct planner *pl = data;

	if (pl->depth > 1 && pl->pages[pl->depth - 1].root == e)
		pl->depth--;
}

/* ---- glossary ---- */

/* The key a term is matched to its glossary entry by: its baseform or its words, folded. */
static void term_key(xmlNodePtr e, char *out, size_t size)
{
	xmlChar *text = xmlGetNoNsProp(e, BAD_CAST "baseform");

	if (text == NULL)
		text = xmlNodeGetContent(e);
	fold_words(text, out, size);
	xmlFree(text);
}

static void collect_entry(xmlNodePtr e, void *data)
{
	struct planner *pl = data;

	if (!is_docbook(e, "glossentry"))
		return;
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		char key[512];
		if (!is_docbook(c, "glossterm"))
			continue;
		term_key(c, key, sizeof key);
		xmlHashAddEntry(pl->glossary, BAD_CAST key, e);
	}
}

static xmlNodePtr entry_for(struct planner *pl, xmlNodePtr term)
{
	xmlChar *linkend = xmlGetNoNsProp(term, BAD_CAST "linkend");
	xmlNodePtr entry = NULL;

	if (linkend != NULL) {
		xmlAttrPtr target = xmlGetID(pl->book->doc, linkend);
		if (target != NULL && is_docbook(target->parent, "glossentry"))
			entry = target->parent;
	} else {
		char key[512];
		term_key(term, key, sizeof key);
		entry = xmlHashLookup(pl->glossary, BAD_CAST key);
	}
	xmlFree(linkend);
	return entry;
}

static int inside_glossary(xmlNodePtr e)
{
	for (xmlNodePtr p = e->parent; p != NULL; p = p->parent)
		if (is_docbook(p, "glossentry"))
			return 1;
	return 0;
}

static xmlNodePtr page_root_of(xmlNodePtr e)
{
	for (xmlNodePtr p = e; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (xmlHasNsProp(p, BAD_CAST "page", BAD_CAST MX_NS))
			return p;
	return NULL;
}

/* Links a term in the text to its entry, and the entry back to the term's first use. */
/* Whether term is the first use of entry's term in its section (or page): only that one is
 * linked, so running text is not strewn with links to the same entry. */
static int first_in_section(struct planner *pl, xmlNodePtr term, xmlNodePtr entry)
{
	xmlNodePtr section = term->parent;
	char key[64];

	while (section != NULL && section->type == XML_ELEMENT_NODE && !plan_is_section(section) &&
	       !xmlHasNsProp(section, BAD_CAST "page", BAD_CAST MX_NS))
		section = section->parent;
	snprintf(key, sizeof key, "%p %p", (void *)section, (void *)entry);
	return xmlHashAddEntry(pl->linked, BAD_CAST key, entry) == 0;
}

static void link_term(struct planner *pl, xmlNodePtr term)
{
	xmlNodePtr entry = entry_for(pl, term);
	xmlChar *entry_anchor, *name;

	if (entry == NULL) {
		if (is_docbook(term, "glossterm")) {
			xmlChar *words = xmlNodeGetContent(term);
			book_report(pl->book, pl->diag, term, D_GLOSSTERM_UNDEFINED, words);
			xmlFree(words);
		}
		return;
	}
	if (!first_in_section(pl, term, entry))
		return;
	entry_anchor = xmlGetNsProp(entry, BAD_CAST "id", XML_XML_NAMESPACE);
	if (entry_anchor == NULL)
		entry_anchor = xmlGetNsProp(entry, BAD_CAST "id", BAD_CAST MX_NS);
	mx_set(pl, term, "gloss", (const char *)entry_anchor);
	xmlFree(entry_anchor);
	if (xmlHasNsProp(entry, BAD_CAST "first", BAD_CAST MX_NS))
		return;
	name = xmlGetNsProp(page_root_of(term), BAD_CAST "page", BAD_CAST MX_NS);
	xmlChar *anchor = anchor_of(pl, term, (const char *)name, anchor_prefix[A_TERM],
	                            &pl->terms);
	mx_set(pl, entry, "first", (const char *)anchor);
	xmlFree(anchor);
	xmlFree(name);
}

static void link_glossary(xmlNodePtr e, void *data)
{
	struct planner *pl = data;

	if ((is_docbook(e, "glossterm") || is_docbook(e, "firstterm")) && !inside_glossary(e))
		link_term(pl, e);
}

/* Declares the plan's namespace on the root, under a prefix the book does not use there. */
static xmlNsPtr declare_plan_namespace(xmlNodePtr root)
{
	char prefix[16] = "mx";
	xmlNsPtr ns;

	for (int n = 1; (ns = xmlNewNs(root, BAD_CAST MX_NS, BAD_CAST prefix)) == NULL; n++) {
		if (n > 1000)
			abort();
		snprintf(prefix, sizeof prefix, "mx%d", n);
	}
	return ns;
}

int plan_book(struct book *b, struct plan *p, struct diag *d)
{
	struct planner pl = {.book = b, .plan = p, .diag = d};
	xmlNodePtr root = xmlDocGetRootElement(b->doc);

	memset(p, 0, sizeof *p);
	pl.ns = declare_plan_namespace(root);
	pl.names = page_names_new();
	pl.article_in_pages = is_long_article(root);
	walk_elements(root, find_page, NULL, &pl);
	page_names_free(pl.names);
	link_pages(&pl);
	pl.index_firsts = xmlHashCreate(64);
	walk_elements(root, enter_element, leave_element, &pl);
	xmlHashFree(pl.index_firsts, NULL);
	pl.glossary = xmlHashCreate(64);
	pl.linked = xmlHashCreate(256);
	walk_elements(root, collect_entry, NULL, &pl);
	walk_elements(root, link_glossary, NULL, &pl);
	xmlHashFree(pl.linked, NULL);
	xmlHashFree(pl.glossary, NULL);
	typography_apostrophes(root);
	return pl.errors;
}

void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->npages; i++)
		free(p->pages[i].name);
	for (size_t i = 0; i < p->nimages; i++) {
		free(p->images[i].source);
		free(p->images[i].target);
		free(p->images[i].data);
	}
	free(p->pages);
	free(p->images);
	memset(p, 0, sizeof *p);
}
