/* check.h: validation of a loaded book. */
#ifndef MIXDOWN_CHECK_H
#define MIXDOWN_CHECK_H

#include "diag.h"
#include "load.h"

/* Validates against the DocBook 5 RELAX NG schema and the project's rules; registers every
 * xml:id so id() finds it. Returns the number of errors reported. */
int check_book(struct book *b, const char *schema_path, struct diag *d);

/* Visits every element of the tree below and including root, in document order: enter before
 * its children, leave (when not NULL) after them. */
typedef void (*element_visitor)(xmlNodePtr element, void *data);
void walk_elements(xmlNodePtr root, element_visitor enter, element_visitor leave, void *data);

#endif
