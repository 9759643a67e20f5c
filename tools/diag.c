/* diag.c: the one table of messages, and the printer of `file:line:col: severity: text`. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct message {
	enum diag_severity severity;
	const char *text; /* printf format */
};

/* Indexed by enum diag_id; text is written for the author of the book. */
static const struct message messages[D_ID_COUNT] = {
	[D_XML_SYNTAX] = {SEV_ERROR, "%s"},
	[D_XML_ENCODING] = {SEV_ERROR, "%s (save the file as UTF-8)"},
	[D_XML_EMPTY] = {SEV_ERROR, "the file is empty; it should hold one DocBook element"},
	[D_XML_UNCLOSED] = {SEV_ERROR, "<%s> is not closed before </%s>"},
	[D_DOCTYPE_EXTERNAL] = {SEV_ERROR, "a DOCTYPE that names an external DTD is not allowed; "
	                                   "DocBook 5 needs no DOCTYPE"},
	[D_ENTITY_DECL] = {SEV_ERROR, "entity declarations are not allowed ('%s'); write the text "
	                              "itself or use XInclude"},
	[D_NOT_DOCBOOK] = {SEV_ERROR, "<%s> is not a DocBook 5 element; the root needs "
	                              "xmlns=\"http://docbook.org/ns/docbook\""},
	[D_NOT_BOOK] = {SEV_ERROR, "the top element is <%s>; mixdown builds a <book>"},
	[D_XINCLUDE_NO_HREF] = {SEV_ERROR, "<xi:include> has no href"},
	[D_XINCLUDE_PARSE] = {SEV_ERROR, "<xi:include parse=\"%s\">: only \"xml\" and \"text\" "
	                                 "are supported"},
	[D_XINCLUDE_XPOINTER] = {SEV_ERROR, "<xi:include xpointer=...> is not supported; include "
	                                    "the whole file"},
	[D_XINCLUDE_URL] = {SEV_ERROR, "'%s' is a URL; a book may only include files from its "
	                               "own folder"},
	[D_XINCLUDE_ABSOLUTE] = {SEV_ERROR, "'%s' is an absolute path; include files by a path "
	                                    "relative to this file"},
	[D_XINCLUDE_OUTSIDE] = {SEV_ERROR, "'%s' is outside the book's folder"},
	[D_XINCLUDE_MISSING] = {SEV_ERROR, "cannot include '%s': %s"},
	[D_XINCLUDE_LOOP] = {SEV_ERROR, "'%s' includes itself (an XInclude loop)"},
	[D_XINCLUDE_DEPTH] = {SEV_ERROR, "XIncludes nested more than %d deep"},
	[D_SCHEMA] = {SEV_ERROR, "%s"},
	[D_DUPLICATE_ID] = {SEV_ERROR, "xml:id '%s' is already used at %s"},
	[D_UNKNOWN_ID] = {SEV_ERROR, "%s='%s' points to no xml:id in the book"},
	[D_FILEREF_URL] = {SEV_ERROR, "fileref '%s' is a URL; images must be files in the "
	                              "book's folder"},
	[D_FILEREF_OUTSIDE] = {SEV_ERROR, "fileref '%s' is outside the book's folder"},
	[D_FILEREF_MISSING] = {SEV_ERROR, "fileref '%s' does not exist"},
	[D_UNKNOWN_ELEMENT] = {SEV_WARNING, "<%s> has no rendering of its own; its content is "
	                                    "shown plainly"},
	[D_XSLT] = {SEV_ERROR, "stylesheet %s"},
	[D_READ_FAILED] = {SEV_ERROR, "cannot read: %s"},
	[D_WRITE_FAILED] = {SEV_ERROR, "cannot write: %s"},
	[D_INTERNAL] = {SEV_ERROR, "internal error: %s"},
};

static const char *const severity_names[SEV_COUNT] = {"error", "warning", "style"};
static const char *const severity_colors[SEV_COUNT] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};

void diag_init(struct diag *d, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");
	memset(d, 0, sizeof *d);
	d->out = out;
	d->color = isatty(fileno(out)) && (no_color == NULL || no_color[0] == '\0');
}

enum diag_severity diag_severity_of(enum diag_id id)
{
	return messages[id].severity;
}

int diag_errors(const struct diag *d)
{
	return d->count[SEV_ERROR];
}

static void print_location(struct diag *d, const struct diag_loc *loc)
{
	if (loc == NULL || loc->file == NULL) {
		fputs("mixdown: ", d->out);
		return;
	}
	fputs(loc->file, d->out);
	if (loc->line > 0)
		fprintf(d->out, ":%ld", loc->line);
	if (loc->line > 0 && loc->col > 0)
		fprintf(d->out, ":%ld", loc->col);
	fputs(": ", d->out);
}

/* Prints the message's text with control characters made visible, on one line. */
static void print_text(struct diag *d, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			fputc(' ', d->out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(d->out, "\\x%02x", *p);
		else
			fputc(*p, d->out);
	}
}

void diag_report(struct diag *d, const struct diag_loc *loc, enum diag_id id, ...)
{
	va_list ap;

	va_start(ap, id);
	diag_vreport(d, loc, id, ap);
	va_end(ap);
}

void diag_vreport(struct diag *d, const struct diag_loc *loc, enum diag_id id, va_list ap)
{
	const struct message *m = &messages[id];
	char text[1024];

	vsnprintf(text, sizeof text, m->text, ap);
	/* trim trailing blanks that libxml2's messages end with */
	for (size_t n = strlen(text); n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '); n--)
		text[n - 1] = '\0';

	d->count[m->severity]++;
	d->shown++;
	print_location(d, loc);
	if (d->color)
		fprintf(d->out, "%s%s:\033[0m ", severity_colors[m->severity],
		        severity_names[m->severity]);
	else
		fprintf(d->out, "%s: ", severity_names[m->severity]);
	print_text(d, text);
	fputc('\n', d->out);
}
