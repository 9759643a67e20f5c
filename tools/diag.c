/* diag.c: the one table of messages, each with a code, a severity and text written for the
 * author; prints them as `file:line:col: severity: text` or as one JSON object per line. */
#include "diag.h"
#include <libxml/hash.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct message {
	const char *code; /* stable name, for JSON and the manual */
	enum diag_severity severity;
	const char *text; /* printf format */
};

/* Indexed by enum diag_id. Every message is documented in mixdown.1 and has a golden test in
 * tests/diag/. */
static const struct message messages[D_ID_COUNT] = {
	[D_XML_SYNTAX] = {"xml-syntax", SEV_ERROR, "%s"},
	[D_XML_ENCODING] = {"xml-encoding", SEV_ERROR, "%s (save the file as UTF-8)"},
	[D_XML_EMPTY] = {"xml-empty", SEV_ERROR, "the file is empty; it should hold one DocBook element"},
	[D_BAD_CHARACTER] = {"bad-character", SEV_ERROR,
	                     "character U+%04X is not allowed in XML text; remove it"},
	[D_INPUT_TOO_LARGE] = {"input-too-large", SEV_ERROR,
	                       "cannot read '%s': %s"},
	[D_XML_UNCLOSED] = {"xml-unclosed", SEV_ERROR, "<%s> is not closed before </%s>"},
	[D_DOCTYPE_EXTERNAL] = {"doctype-external", SEV_ERROR,
	                        "a DOCTYPE that names an external DTD is not allowed; declare entities "
	                        "inside its brackets, or pull a file of them in with a parameter "
	                        "entity"},
	[D_ENTITY_DECL] = {"entity-declaration", SEV_ERROR,
	                   "a DOCTYPE may declare only entities of text, not '%s ...>'; DocBook's "
	                   "rules come from its schema"},
	[D_ENTITY_FILE] = {"entity-file", SEV_ERROR, "entity '%s': '%s' %s"},
	[D_ENTITY_EXPANSION] = {"entity-expansion", SEV_ERROR,
	                        "the entities referred to here expand to far more text than they "
	                        "hold (entities nested in entities, as in a 'billion laughs'); "
	                        "write the text itself"},
	[D_NOT_DOCBOOK] = {"not-docbook", SEV_ERROR,
	                   "<%s> is not in the DocBook 5 namespace; its file's top element needs "
	                   "xmlns=\"http://docbook.org/ns/docbook\""},
	[D_VERSION_UNKNOWN] = {"version-unknown", SEV_WARNING,
	                       "version=\"%s\" is not a DocBook version mixdown knows (5.0, 5.1, 5.2); "
	                       "the book is checked as DocBook 5.2"},
	[D_SCHEMA_LAYER_MISSING] = {"schema-layer-missing", SEV_ERROR,
	                            "this book is DocBook 5.1 or later, and mixdown's schema for it is "
	                            "missing: %s (reinstall mixdown, or set MIXDOWN_DATADIR)"},
	[D_NOT_BOOK] = {"not-book", SEV_ERROR, "the top element is <%s>; mixdown builds a <book>, <article> or <set>"},
	[D_XINCLUDE_NO_HREF] = {"xinclude-no-href", SEV_ERROR, "<xi:include> has no href"},
	[D_XINCLUDE_PARSE] = {"xinclude-parse", SEV_ERROR,
	                      "<xi:include parse=\"%s\">: only \"xml\" and \"text\" are supported"},
	[D_XINCLUDE_XPOINTER] = {"xinclude-xpointer", SEV_ERROR, "xpointer '%s' in '%s': %s"},
	[D_XINCLUDE_FRAGID] = {"xinclude-fragid", SEV_ERROR, "fragid '%s' in '%s': %s"},
	[D_XINCLUDE_NO_NAMESPACE] = {"xinclude-no-namespace", SEV_ERROR,
	                             "<%s> has no namespace, so nothing in this file is DocBook 5; "
	                             "add xmlns=\"http://docbook.org/ns/docbook\" to it"},
	[D_XINCLUDE_URL] = {"xinclude-url", SEV_ERROR,
	                    "'%s' is a URL; a book may only include files from its own folder"},
	[D_XINCLUDE_ABSOLUTE] = {"xinclude-absolute", SEV_ERROR,
	                         "'%s' is an absolute path; include files by a path relative to this "
	                         "file"},
	[D_XINCLUDE_OUTSIDE] = {"xinclude-outside", SEV_ERROR, "'%s' is outside the book's folder; --root DIR names a wider one"},
	[D_XINCLUDE_MISSING] = {"xinclude-missing", SEV_ERROR, "cannot include '%s': %s"},
	[D_XINCLUDE_LOOP] = {"xinclude-loop", SEV_ERROR, "'%s' includes itself (an XInclude loop)"},
	[D_XINCLUDE_DEPTH] = {"xinclude-depth", SEV_ERROR, "XIncludes nested more than %d deep"},
	[D_OWN_NAMESPACE] = {"own-namespace", SEV_WARNING,
	                     "'%s' is mixdown's own namespace; its elements and attributes here "
	                     "are ignored"},
	[D_SCHEMA] = {"schema", SEV_ERROR, "%s"},
	[D_SCHEMA_WRAP_LISTITEM] = {"schema-wrap-listitem", SEV_ERROR,
	                            "<%s> is not allowed directly inside <%s>; wrap it in "
	                            "<listitem>"},
	[D_SCHEMA_NEEDS_TITLE] = {"schema-needs-title", SEV_ERROR,
	                          "<%s> needs a <title> before <%s>"},
	[D_SCHEMA_NEEDS] = {"schema-needs", SEV_ERROR, "<%s> needs a <%s> before <%s>"},
	[D_SCHEMA_UNKNOWN_ELEMENT] = {"schema-unknown-element", SEV_ERROR,
	                              "<%s> is not a DocBook 5 element%s"},
	[D_SCHEMA_NOT_ALLOWED] = {"schema-not-allowed", SEV_ERROR, "<%s> is not allowed inside <%s>"},
	[D_SCHEMA_MISSING] = {"schema-missing", SEV_ERROR, "<%s> is missing a required <%s>"},
	[D_SCHEMA_TEXT] = {"schema-text", SEV_ERROR,
	                   "text is not allowed directly inside <%s>; put it in a <para>"},
	[D_SCHEMA_ATTRIBUTE] = {"schema-attribute", SEV_ERROR, "<%s> has no attribute '%s'"},
	[D_SCHEMA_VALUE] = {"schema-value", SEV_ERROR, "%s='%s': the value must be %s"},
	[D_SCHEMA_ATTRIBUTE_VALUE] = {"schema-attribute-value", SEV_ERROR,
	                              "<%s> does not take %s='%s'; check the value's spelling"},
	[D_DUPLICATE_ID] = {"duplicate-id", SEV_ERROR, "xml:id '%s' is already used at %s"},
	[D_UNKNOWN_ID] = {"unknown-id", SEV_ERROR, "%s='%s' points to no xml:id in the book%s"},
	[D_FILEREF_URL] = {"fileref-url", SEV_ERROR,
	                   "fileref '%s' is a URL; images must be files in the book's folder"},
	[D_FILEREF_OUTSIDE] = {"fileref-outside", SEV_ERROR,
	                       "fileref '%s' is outside the book's folder; --root DIR names a wider "
	                       "one"},
	[D_FILEREF_MISSING] = {"fileref-missing", SEV_ERROR, "fileref '%s' does not exist"},
	[D_FILEREF_TYPE] = {"fileref-type", SEV_ERROR,
	                    "fileref '%s' is not an image; only .png, .jpg, .jpeg, .gif, .webp and "
	                    ".svg files are published"},
	[D_FILEREF_GENERATED] = {"fileref-generated", SEV_ERROR,
	                         "fileref '%s' would land on '%s', which mixdown writes itself; move "
	                         "the image to another folder"},
	[D_SVG_INVALID] = {"svg-invalid", SEV_ERROR, "the SVG '%s' cannot be published: %s"},
	[D_SVG_CLEANED] = {"svg-cleaned", SEV_WARNING,
	                   "removed from the SVG '%s' as published: %s (an image may not run script "
	                   "or load other files)"},
	[D_IMAGE_NO_ALT] = {"image-no-alt", SEV_WARNING,
	                    "this image has no text alternative; add a <textobject> saying what it "
	                    "shows"},
	[D_GLOSSTERM_UNDEFINED] = {"glossterm-undefined", SEV_WARNING,
	                           "the glossary has no entry for '%s'"},
	[D_EMPTY_SECTION] = {"empty-section", SEV_ERROR,
	                     "<%s> '%s' has a title and nothing else; write its content or remove it"},
	[D_MISSING_ID] = {"missing-id", SEV_STYLE,
	                  "<%s> has no xml:id, so its address changes when the book does"},
	[D_LINK_SCHEME] = {"link-scheme", SEV_ERROR,
	                   "link to '%s': only http, https and mailto links are allowed"},
	[D_LINK_RELATIVE] = {"link-relative", SEV_WARNING,
	                     "link to '%s' leaves the book's pages; use <xref linkend=...> for places "
	                     "in the book and a full https:// address for the web"},
	[D_LANG_INVALID] = {"lang-invalid", SEV_ERROR,
	                    "xml:lang '%s' is not a language tag; write one such as 'en', 'pt-BR' or "
	                    "'sr-Latn'"},
	[D_LANG_NO_WORDS] = {"lang-no-words", SEV_WARNING,
	                     "mixdown has no generated words for xml:lang '%s' (it has: %s); English "
	                     "ones are used"},
	[D_UNKNOWN_ELEMENT] = {"unknown-element", SEV_WARNING,
	                       "<%s> has no rendering of its own; its content is shown plainly%s"},
	[D_XSLT] = {"stylesheet", SEV_ERROR, "stylesheet %s"},
	[D_OUTPUT_UNSAFE] = {"output-unsafe", SEV_ERROR,
	                     "will not write into '%s': it is %s; choose a folder of its own"},
	[D_OUTPUT_FOREIGN] = {"output-foreign", SEV_ERROR,
	                      "will not replace '%s': mixdown did not write it; move it out of the "
	                      "way or choose another output folder"},
	[D_READ_FAILED] = {"read-failed", SEV_ERROR, "cannot read: %s"},
	[D_BOOK_OUTSIDE_ROOT] = {"book-outside-root", SEV_ERROR,
	                         "the book is not inside the folder given to --root, '%s'"},
	[D_SOURCE_DATE] = {"source-date-epoch", SEV_ERROR,
	                   "SOURCE_DATE_EPOCH is '%s'; it must be whole seconds since 1970, written "
	                   "in digits only, at most %lld (the end of 2107, the last date a zip file "
	                   "can hold)"},
	[D_WRITE_FAILED] = {"write-failed", SEV_ERROR, "cannot write: %s"},
	[D_INTERNAL] = {"internal", SEV_ERROR, "internal error: %s"},
};

static const char *const severity_names[SEV_COUNT] = {"error", "warning", "style"};
static const char *const severity_colors[SEV_COUNT] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};

void diag_init(struct diag *d, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");
	memset(d, 0, sizeof *d);
	d->out = out;
	d->level = SEV_WARNING;
	d->color = isatty(fileno(out)) && (no_color == NULL || no_color[0] == '\0');
}

void diag_free(struct diag *d)
{
	xmlHashFree(d->shown_lines, NULL);
	d->shown_lines = NULL;
}

/* Has the same message been reported at the same place before? Remembers it if not. */
static int reported_before(struct diag *d, const struct diag_loc *loc, enum diag_id id,
                           const char *text)
{
	char key[1400];

	if (d->shown_lines == NULL && (d->shown_lines = xmlHashCreate(64)) == NULL)
		abort();
	snprintf(key, sizeof key, "%d %s:%ld:%ld %s", (int)id, loc && loc->file ? loc->file : "",
	         loc ? loc->line : 0, loc ? loc->col : 0, text);
	if (xmlHashLookup(d->shown_lines, BAD_CAST key) != NULL)
		return 1;
	if (xmlHashAddEntry(d->shown_lines, BAD_CAST key, d) != 0)
		abort();
	return 0;
}

int diag_set_level(struct diag *d, const char *level)
{
	for (int s = 0; s < SEV_COUNT; s++) {
		if (strcmp(level, severity_names[s]) == 0) {
			d->level = (enum diag_severity)s;
			d->strict = 1;
			return 1;
		}
	}
	return 0;
}

void diag_hold(struct diag *d)
{
	FILE *memory;

	if (d->held != NULL)
		return;
	memory = open_memstream(&d->held_text, &d->held_len);
	if (memory == NULL)
		return;
	d->held = d->out;
	d->out = memory;
}

void diag_release(struct diag *d, int show)
{
	char *text;
	size_t len;

	diag_take_held(d, &text, &len);
	if (show && len > 0)
		fwrite(text, 1, len, d->out);
	free(text);
}

void diag_take_held(struct diag *d, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	if (d->held == NULL)
		return;
	fclose(d->out);
	d->out = d->held;
	d->held = NULL;
	*text = d->held_text;
	*len = d->held_len;
	d->held_text = NULL;
	d->held_len = 0;
}

void diag_tally_since(const struct diag *d, const struct diag_tally *before,
                      struct diag_tally *since)
{
	*since = d->tally;
	since->shown -= before->shown;
	for (int s = 0; s < SEV_COUNT; s++)
		since->count[s] -= before->count[s];
	if (before->first_error[0] != '\0' || since->count[SEV_ERROR] == 0)
		since->first_error[0] = '\0';
}

void diag_merge(struct diag *d, const struct diag_tally *t, const char *text, size_t len)
{
	d->tally.shown += t->shown;
	for (int s = 0; s < SEV_COUNT; s++)
		d->tally.count[s] += t->count[s];
	if (d->tally.first_error[0] == '\0')
		memcpy(d->tally.first_error, t->first_error, sizeof t->first_error);
	d->tally.first_error[sizeof t->first_error - 1] = '\0';
	fwrite(text, 1, len, d->held != NULL ? d->held : d->out);
}

enum diag_severity diag_severity_of(enum diag_id id)
{
	return messages[id].severity;
}

int diag_errors(const struct diag *d)
{
	return d->tally.count[SEV_ERROR];
}

int diag_failed(const struct diag *d)
{
	return d->tally.count[SEV_ERROR] > 0 || (d->strict && d->tally.shown > 0);
}

/* Writes text with control characters made visible (\x1b) and line breaks as spaces; in JSON
 * mode, escaped for a JSON string. */
static void put_text(FILE *out, const char *text, int json)
{
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			fputc(' ', out);
		else if (json && (*p == '"' || *p == '\\'))
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, json ? "\\u%04x" : "\\x%02x", *p);
		else
			fputc(*p, out);
	}
}

static void print_text_line(struct diag *d, const struct diag_loc *loc,
                            const struct message *m, const char *text)
{
	if (loc == NULL || loc->file == NULL) {
		fputs("mixdown: ", d->out);
	} else {
		put_text(d->out, loc->file, 0);
		if (loc->line > 0)
			fprintf(d->out, ":%ld", loc->line);
		if (loc->line > 0 && loc->col > 0)
			fprintf(d->out, ":%ld", loc->col);
		fputs(": ", d->out);
	}
	if (d->color)
		fprintf(d->out, "%s%s:\033[0m ", severity_colors[m->severity], severity_names[m->severity]);
	else
		fprintf(d->out, "%s: ", severity_names[m->severity]);
	put_text(d->out, text, 0);
	fputc('\n', d->out);
}

static void print_json_line(struct diag *d, const struct diag_loc *loc,
                            const struct message *m, const char *text)
{
	fputs("{\"file\":", d->out);
	if (loc != NULL && loc->file != NULL) {
		fputc('"', d->out);
		put_text(d->out, loc->file, 1);
		fputc('"', d->out);
	} else {
		fputs("null", d->out);
	}
	fprintf(d->out, ",\"line\":%ld,\"column\":%ld,\"severity\":\"%s\",\"code\":\"%s\",\"message\":\"",
	        loc ? loc->line : 0, loc ? loc->col : 0, severity_names[m->severity], m->code);
	put_text(d->out, text, 1);
	fputs("\"}\n", d->out);
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
	if (reported_before(d, loc, id, text))
		return;
	d->tally.count[m->severity]++;
	if (m->severity == SEV_ERROR && d->tally.first_error[0] == '\0')
		snprintf(d->tally.first_error, sizeof d->tally.first_error, "%s:%ld:%ld: %s",
		         loc && loc->file ? loc->file : "mixdown", loc ? loc->line : 0,
		         loc ? loc->col : 0, text);
	if (m->severity > d->level)
		return;
	d->tally.shown++;
	if (d->format == FORMAT_JSON)
		print_json_line(d, loc, m, text);
	else
		print_text_line(d, loc, m, text);
}
