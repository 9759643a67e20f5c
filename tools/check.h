/* check.h: validation of a loaded book. */
#ifndef MIXDOWN_CHECK_H
#define MIXDOWN_CHECK_H

#include "diag.h"
#include "load.h"

/* Validates against the DocBook 5 RELAX NG schema and the project's rules; registers every
 * xml:id so id() finds it. Returns the number of errors reported. */
int check_book(struct book *b, const char *schema_path, struct diag *d);

#endif
