/* check.h: validation of a loaded book. */
#ifndef MIXDOWN_CHECK_H
#define MIXDOWN_CHECK_H

#include "diag.h"
#include <libxml/hash.h>
#include <libxml/relaxng.h>

#include "book.h"

/* The DocBook 5.0 schema, from Debian's docbook5-xml. */
#ifndef DOCBOOK_RNG
#define DOCBOOK_RNG "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
#endif

/* The DocBook 5 schema, compiled once for any number of books, in the process that validates:
 * a build's validation child compiles it beside the build's other stages, and the build's
 * own process never holds it. */
struct schema {
	const char *path;
	const char *later_path; /* the schema of later DocBook versions, whose element names a
	                           message may point out, or NULL */
	xmlRelaxNGPtr *compiled; /* compiled when first needed (schema_compiled), else NULL */
	xmlRelaxNGPtr *any_root; /* the same with any element as the root, compiled when first
	                            needed to validate one element alone */
};

/* Names the schema at path, to be compiled when first needed. */
void schema_prepare(struct schema *s, const char *path);
/* Prepares the schema at path and compiles it now; 0 after reporting. */
int schema_open(struct schema *s, const char *path, struct diag *d);
/* The compiled schema, compiled now if it was not yet; NULL after reporting that it cannot be. */
xmlRelaxNGPtr schema_compiled(const struct schema *s, struct diag *d);
void schema_close(struct schema *s);

/* mixdown's customization layer of the 5.0 schema for DocBook 5.1 and 5.2, in the data folder. */
#define DOCBOOK_LAYER "schema/docbook-5.2.rng"

/* The schemas of a run: DocBook 5.0, and the layer for books of a later version. */
struct schemas {
	struct schema docbook50;
	struct schema layer;
	char *layer_path;
};

/* Finds the 5.0 schema, and the layer's path under datadir; 0 after reporting. */
int schemas_open(struct schemas *s, const char *datadir, struct diag *d);
void schemas_close(struct schemas *s);
/* The schema the version on the book's top element asks for: 5.0 (or no version) the 5.0
 * schema; 5.1, 5.2 and versions mixdown does not know (with a warning) the layer. NULL after
 * reporting that the layer cannot be loaded. */
const struct schema *schema_for_book(struct schemas *s, const struct book *b, struct diag *d);

/* The checks besides the schema: ids are unique, references resolve, files exist, images are
 * of a published type and have text alternatives, links are safe and xml:lang values are
 * language tags. Returns the number of errors reported. */
int check_rules(struct book *b, struct diag *d);

/* What a link's address is, as a browser reads it. */
enum link_kind { LINK_WEB, LINK_FRAGMENT, LINK_RELATIVE, LINK_UNSAFE };

/* The one decision on links: spaces and control characters around the address are dropped and
 * tabs and line breaks inside it removed, as browsers do, then the scheme is compared without
 * regard to case: http, https and mailto are web links, no scheme is relative, any other scheme
 * is unsafe. When clean is not NULL it gets the address so read (malloc'd). */
enum link_kind link_kind_of(const char *href, char **clean);


/* check_rules, then the DocBook 5 schema; returns the number of errors reported. */
int check_book(struct book *b, const struct schema *s, struct diag *d);

/* Writes " (did you mean 'x'?)" into out for the name in table nearest to wanted (quoted with
 * quote: "'" or "<"), or "" when none is near. */
void check_suggest(xmlHashTablePtr table, const char *wanted, const char *quote, char *out,
                   size_t size);

/* Validates against the DocBook 5 RELAX NG schema, in an author's words; returns the number of
 * errors reported (one when the schema cannot be compiled). */
int schema_validate(struct book *b, const struct schema *s, struct diag *d);
/* The same, in a process that ends after: the book is validated itself, not a copy of it, and
 * is left changed (white space between long runs of elements, each xml:id after the first). */
int schema_validate_in_place(struct book *b, const struct schema *s, struct diag *d);
/* Whether e passes the schema as the root of a document of its own (its place among its
 * siblings unchecked), reporting nothing: a preview's quick look at a part that changed, with
 * the whole book validated after. 0 too when the schema cannot be compiled. */
int schema_valid_alone(struct book *b, const struct schema *s, xmlNodePtr e);
/* Compiles now the schema schema_valid_alone uses, so that its first use does not wait. */
void schema_ready_alone(const struct schema *s);

#endif
