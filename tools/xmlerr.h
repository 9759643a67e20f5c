/* xmlerr.h: what mixdown's handlers of libxml2's messages share: the error type its structured
 * callbacks take (const from libxml2 2.12 on, so the code builds with -Werror on 2.9 and
 * later), and saving its generic handler to restore it afterwards instead of clearing it. */
#ifndef MIXDOWN_XMLERR_H
#define MIXDOWN_XMLERR_H

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error;
#else
typedef xmlError *xml_error;
#endif

struct generic_handler {
	xmlGenericErrorFunc func;
	void *ctx;
};

/* Installs func (with ctx) as libxml2's generic handler; returns the one it replaces. */
static inline struct generic_handler generic_handler_set(void *ctx, xmlGenericErrorFunc func)
{
	struct generic_handler saved = {xmlGenericError, xmlGenericErrorContext};
	xmlSetGenericErrorFunc(ctx, func);
	return saved;
}

static inline void generic_handler_restore(struct generic_handler saved)
{
	xmlSetGenericErrorFunc(saved.ctx, saved.func);
}

#endif
