/* layout.h: where every file mixdown writes goes, named in this one place. The site's files go
 * under SITE_DIR of the output folder, the EPUB's content under EPUB_DIR of its zip; the book's
 * pages and images beside them keep the names the plan gives them. The stylesheets never spell
 * a name of their own: each name below reaches them as the parameter given with it. */
#ifndef MIXDOWN_LAYOUT_H
#define MIXDOWN_LAYOUT_H

#define SITE_FOLDER "html" /* the site, in the output folder */
#define SITE_DIR SITE_FOLDER "/"
#define EPUB_DIR "OEBPS/"  /* the EPUB's content documents, styles and images, in its zip */
#define EPUB_EXTENSION ".epub"
/* mixdown's own styles, scripts, contents and search index, in the site and in the EPUB's
 * content folder; no image of the book may land in it. */
#define ASSETS_DIR "assets/"
/* The search index's term and text files: SEARCH_DIR t-HEX.js and x-N.js. */
#define SEARCH_DIR ASSETS_DIR "search/"

/* The files mixdown writes beside the book's pages, and its own assets. */
enum layout_file {
	/* beside the site's pages */
	LAYOUT_NOT_FOUND,
	LAYOUT_SEARCH_PAGE,
	LAYOUT_SITEMAP,
	/* beside the EPUB's pages */
	LAYOUT_COVER,
	LAYOUT_NAV,
	LAYOUT_NCX,
	LAYOUT_PACKAGE,
	/* the assets */
	LAYOUT_SITE_CSS,
	LAYOUT_SITE_JS,
	LAYOUT_SEARCH_JS,
	LAYOUT_STEMMER_JS,
	LAYOUT_FAVICON_SVG,
	LAYOUT_FAVICON_PNG,
	LAYOUT_TOC_JS,
	LAYOUT_SEARCH_INDEX,
	LAYOUT_EPUB_CSS,
	LAYOUT_FILES
};

/* The files a site written by mixdown 0.1 is known by (its title page, script and search
 * index), which a build may replace; NULL at the end. */
extern const char *const layout_earlier_site_files[];

/* Where file goes, relative to the site's folder or the EPUB's content folder. */
const char *layout_path(enum layout_file file);

/* Calls take with each name a page of the book may not have: "index", and those of the files
 * beside the pages without their extension. */
void layout_each_taken_name(void (*take)(void *data, const char *name), void *data);

/* The file beside the pages that path (relative to the site or the EPUB's content folder) is,
 * ignoring case as file systems may, or NULL. */
const char *layout_generated(const char *path);

/* The stylesheets' parameters naming the files: name, value, ..., NULL. */
const char **layout_params(void);

#endif
