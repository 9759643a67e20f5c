/* layout.c: the names of the files mixdown writes (see layout.h), and their stylesheet
 * parameters. */
#include "layout.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct layout_entry {
	const char *param; /* the stylesheet parameter that names it */
	const char *path;
};

static const struct layout_entry entries[LAYOUT_FILES] = {
	[LAYOUT_NOT_FOUND] = {"file-not-found", "404.html"},
	[LAYOUT_SEARCH_PAGE] = {"file-search", "search.html"},
	[LAYOUT_SITEMAP] = {"file-sitemap", "sitemap.xml"},
	[LAYOUT_COVER] = {"file-cover", "cover.xhtml"},
	[LAYOUT_NAV] = {"file-nav", "nav.xhtml"},
	[LAYOUT_NCX] = {"file-ncx", "toc.ncx"},
	[LAYOUT_PACKAGE] = {"file-package", "package.opf"},
	[LAYOUT_SITE_CSS] = {"file-site-css", ASSETS_DIR "site.css"},
	[LAYOUT_SITE_JS] = {"file-site-js", ASSETS_DIR "site.js"},
	[LAYOUT_SEARCH_JS] = {"file-search-js", ASSETS_DIR "search.js"},
	[LAYOUT_STEMMER_JS] = {"file-stemmer-js", ASSETS_DIR "stemmer.js"},
	[LAYOUT_FAVICON_SVG] = {"file-favicon-svg", ASSETS_DIR "favicon.svg"},
	[LAYOUT_FAVICON_PNG] = {"file-favicon-png", ASSETS_DIR "favicon.png"},
	[LAYOUT_TOC_JS] = {"file-toc-js", ASSETS_DIR "toc.js"},
	[LAYOUT_SEARCH_INDEX] = {"file-search-index", ASSETS_DIR "search-index.js"},
	[LAYOUT_EPUB_CSS] = {"file-epub-css", ASSETS_DIR "epub.css"},
};

const char *const layout_earlier_site_files[] = {"index.html", "assets/site.js",
                                                 "assets/search-index.js", NULL};

const char *layout_path(enum layout_file file)
{
	return entries[file].path;
}

void layout_each_taken_name(void (*take)(void *data, const char *name), void *data)
{
	take(data, "index");
	for (int i = 0; i <= LAYOUT_PACKAGE; i++) {
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(entries[i].path, "."), entries[i].path);
		take(data, name);
	}
}

const char *layout_generated(const char *path)
{
	for (int i = 0; i <= LAYOUT_PACKAGE; i++)
		if (strcasecmp(entries[i].path, path) == 0)
			return entries[i].path;
	return NULL;
}

const char **layout_params(void)
{
	static const char *params[2 * LAYOUT_FILES + 1];

	if (params[0] == NULL) {
		for (int i = 0; i < LAYOUT_FILES; i++) {
			params[2 * i] = entries[i].param;
			params[2 * i + 1] = entries[i].path;
		}
	}
	return params;
}
