/* search.h: the site's full-text search index. */
#ifndef MIXDOWN_SEARCH_H
#define MIXDOWN_SEARCH_H

#include "out.h"
#include "plan.h"

/* Writes rel (e.g. "html/assets/search-index.js"): one record per page and per section.
 * Returns the index's size in bytes, or -1 after reporting. */
long search_write_index(const struct plan *p, const struct out *o, const char *rel);

#endif
