/* site.c: writes the website: the pages the site stylesheet renders, its styles and script,
 * and the book's images, under html/ in the build's output. */
#include "site.h"

#include "json.h"
#include "layout.h"
#include "search.h"
#include "util.h"
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The assets copied from the styles folder, each as the file of that name there (the PNG icon
 * and the stemmer are made there by make). */
static const enum layout_file site_assets[] = {LAYOUT_SITE_CSS, LAYOUT_SITE_JS, LAYOUT_FAVICON_SVG,
                                               LAYOUT_FAVICON_PNG, LAYOUT_SEARCH_JS, LAYOUT_STEMMER_JS};

static int copy_assets(struct renderer *r, struct writer *w)
{
	for (size_t i = 0; i < sizeof site_assets / sizeof *site_assets; i++) {
		const char *asset = layout_path(site_assets[i]);
		char *style = path_join("style", asset + strlen(ASSETS_DIR));
		char *source = render_data_path(r, style);
		int ok = writer_put_file(w, asset, source);
		free(source);
		free(style);
		if (!ok)
			return 0;
	}
	return 1;
}

/* window.mixdownToc = [{"h":"ch.html","l":"1.","t":"Title","d":1}, ...]: the contents, for
 * books too large to repeat them on every page. */
static int write_toc(const struct plan *p, struct writer *w)
{
	xmlBufferPtr buf = xmlBufferCreate();
	int ok;

	xmlBufferCat(buf, BAD_CAST "window.mixdownToc = [");
	for (size_t i = 1; i < p->npages; i++) {
		xmlNodePtr page = p->pages[i].node;
		xmlChar *label = xmlGetNsProp(page, BAD_CAST "label", BAD_CAST MX_NS);
		int depth = 0;
		char head[64];
		for (xmlNodePtr a = page->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
			depth++;
		xmlBufferCat(buf, BAD_CAST(i > 1 ? ",\n{\"h\":" : "\n{\"h\":"));
		json_string(buf, BAD_CAST p->pages[i].name);
		/* parts, chapters and appendices are listed with their number: "II.", "3.", "A." */
		int numbered = label != NULL && (is_docbook(page, "part") || is_docbook(page, "chapter") ||
		                                 is_docbook(page, "appendix"));
		snprintf(head, sizeof head, "%s.", numbered ? (const char *)label : "");
		xmlBufferCat(buf, BAD_CAST ",\"l\":");
		json_string(buf, BAD_CAST(numbered ? head : ""));
		xmlBufferCat(buf, BAD_CAST ",\"t\":");
		json_title(buf, page);
		snprintf(head, sizeof head, ",\"d\":%d}", depth);
		xmlBufferCat(buf, BAD_CAST head);
		xmlFree(label);
	}
	xmlBufferCat(buf, BAD_CAST "];\n");
	ok = writer_put_copy(w, layout_path(LAYOUT_TOC_JS), xmlBufferContent(buf),
	                     (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return ok;
}

int site_write(struct renderer *r, const struct plan *p, struct out *o, const struct book *b,
               const char **params)
{
	struct writer w = writer_to_folder(o, SITE_DIR);
	struct search *index = search_new(&w);
	xmlDocPtr result;
	int ok;

	r->record_sink = search_add;
	r->record_data = index;
	result = writer_render(&w, r, SITE_STYLESHEET, b, params);
	r->record_sink = NULL;
	r->record_data = NULL;
	ok = result != NULL && copy_assets(r, &w) && writer_put_images(&w, p->images, p->nimages) &&
	     write_toc(p, &w) && search_finish(index) >= 0;
	xmlFreeDoc(result);
	search_free(index);
	return ok ? w.files : -1;
}
