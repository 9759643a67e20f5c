/* check.h: validation of a loaded book. */
#ifndef MIXDOWN_CHECK_H
#define MIXDOWN_CHECK_H

#include "diag.h"
#include <libxml/hash.h>

#include "load.h"

/* Validates against the DocBook 5 RELAX NG schema and the project's rules; registers every
 * xml:id so id() finds it. Returns the number of errors reported. */
int check_book(struct book *b, const char *schema_path, struct diag *d);

/* Writes " (did you mean 'x'?)" into out for the name in table nearest to wanted (quoted with
 * quote: "'" or "<"), or "" when none is near. */
void check_suggest(xmlHashTablePtr table, const char *wanted, const char *quote, char *out,
                   size_t size);

/* Validates against the DocBook 5 RELAX NG schema, in an author's words; returns the number of
 * errors reported. */
int schema_validate(struct book *b, const char *schema_path, struct diag *d);

#endif
