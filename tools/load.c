/* load.c: reads the book's files, expands XIncludes itself (confined to the book's folder, no
 * network, no external DTD; entities of text only, their files inside the book's folder, within
 * libxml2's limits on expansion) and remembers where every element came from. */
#define _GNU_SOURCE
#include "load.h"
#include "xmlerr.h"
#include "util.h"
#include "blanks.h"
#include "sanitize.h"
#include "columns.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <libxml/SAX2.h>
#include <libxml/chvalid.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_INCLUDE_DEPTH 32
/* Limits on what is read, so that a huge or endless file is refused before it fills memory. */
#define MAX_FILE_MIB 64
#define MAX_BOOK_MIB 256
#define MIB ((size_t)1 << 20)
/* Entities are replaced by their text; XML_PARSE_HUGE stays off, so that libxml2's limits on
 * how far entities may amplify the text hold. Short texts are kept inside their nodes. */
#define PARSE_OPTIONS                                                                        \
	(XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOENT |        \
	 XML_PARSE_COMPACT)

/* A reference to an external entity: its content lands in parent after the child before (at
 * its start when before is NULL; a reference at the very start of another entity's content is
 * not noted, as its parent is not kept). libxml2 moves the content parsed at the first reference into
 * the tree and copies it at the others, and a copy does not keep which file it came from. */
struct entity_use {
	xmlNodePtr parent, before;
	xmlEntityPtr entity;
};

struct loader {
	struct book *book;
	struct diag *diag;
	xmlParserCtxtPtr ctxt;      /* one parser for every file, so all share one dictionary */
	struct book_file *current;  /* the file being parsed */
	int failed;                 /* the current parse reported an error */
	int bad_encoding;           /* libxml2 could not convert the current file's text */
	char *cwd;
	const char *stack[MAX_INCLUDE_DEPTH + 1]; /* files being included, outermost first */
	int depth;
	int keep_going;    /* an include that fails is left out, and the load goes on */
	size_t bytes_read; /* by every file read so far, counted against MAX_BOOK_MIB */
	struct entity_use *uses; /* the current parse's references to external entities */
	size_t nuses;
	xmlHashTablePtr files;   /* the book's files by canonical path, the first read of each:
	                          * every element's file is looked up as it is parsed */
};


/* The path as an author would type it from the working directory. */
static char *shown_path(const char *cwd, const char *path)
{
	size_t n = cwd ? strlen(cwd) : 0;
	if (n > 0 && strncmp(path, cwd, n) == 0 && path[n] == '/')
		return xstrdup(path + n + 1);
	return xstrdup(path);
}

static struct book_file *add_file(struct loader *ld, const char *canonical)
{
	struct book *b = ld->book;
	struct book_file *f = xcalloc(1, sizeof *f);
	size_t root_len = strlen(b->root);

	b->files = xrealloc(b->files, (b->nfiles + 1) * sizeof *b->files);
	b->files[b->nfiles++] = f;
	f->path = xstrdup(canonical);
	f->shown = shown_path(ld->cwd, canonical);
	f->rel = xstrdup(strncmp(canonical, b->root, root_len) == 0 && canonical[root_len] == '/'
	                     ? canonical + root_len + 1
	                     : canonical);
	if (xmlHashLookup(ld->files, BAD_CAST f->path) == NULL &&
	    xmlHashAddEntry(ld->files, BAD_CAST f->path, f) != 0)
		abort();
	return f;
}

/* The file already read from canonical path, or NULL. */
static struct book_file *file_at(const struct loader *ld, const char *canonical)
{
	return xmlHashLookup(ld->files, BAD_CAST canonical);
}

/* The UTF-16 variant a file is in (from its byte order mark or its first '<'), or NULL. */
static const char *utf16_variant(const unsigned char *s, size_t len)
{
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return "UTF-16";
	if (len >= 2 && s[0] == '<' && s[1] == 0)
		return "UTF-16LE";
	if (len >= 2 && s[0] == 0 && s[1] == '<')
		return "UTF-16BE";
	return NULL;
}

/* The line and column of the character at `at` in text. */
static void position_in(const char *text, const char *at, struct diag_loc *loc)
{
	const char *bol = text;

	loc->line = 1;
	for (const char *p = text; p < at; p++)
		if (*p == '\n')
			loc->line++, bol = p + 1;
	loc->col = columns_count_characters(bol, at) + 1;
}

/* Replaces a UTF-16 file's text by its UTF-8 form, so the parser and the messages read the
 * same bytes. When the text cannot be decoded, reports where, counted in the text converted
 * so far, and returns -1. */
static int convert_utf16(struct loader *ld, struct book_file *f)
{
	const char *variant = utf16_variant((const unsigned char *)f->text, f->len);
	iconv_t cd;
	char *out, *in = f->text, *dst;
	size_t in_left = f->len, out_left = f->len * 2 + 4;

	if (variant == NULL)
		return 0;
	cd = iconv_open("UTF-8", variant);
	if (cd == (iconv_t)-1) {
		struct diag_loc loc = {f->shown, 0, 0};
		diag_report(ld->diag, &loc, D_READ_FAILED, strerror(errno));
		return -1;
	}
	out = dst = malloc(out_left + 1);
	if (out == NULL)
		abort();
	size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
	iconv_close(cd);
	*dst = '\0';
	if (r == (size_t)-1 || in_left != 0) {
		struct diag_loc loc = {f->shown, 0, 0};
		position_in(out, dst, &loc);
		diag_report(ld->diag, &loc, D_XML_ENCODING, "the text here is not valid UTF-16");
		free(out);
		return -1;
	}
	free(f->text);
	f->text = out;
	f->len = (size_t)(dst - out);
	f->converted = 1;
	return 0;
}

/* Why a file could not be read: at the xi:include that names it, or for the master file
 * (inc NULL) at the file itself. */
static void report_unreadable(struct loader *ld, const struct book_file *f, xmlNodePtr inc,
                              int err, int over_book_limit)
{
	struct diag_loc loc = {f->shown, 0, 0};
	char limit[128];

	if (err == EFBIG) {
		if (over_book_limit)
			snprintf(limit, sizeof limit, "the book's files would come to more than %d MiB, "
			         "the most mixdown reads for one book", MAX_BOOK_MIB);
		else
			snprintf(limit, sizeof limit, "it is larger than %d MiB, the most mixdown reads "
			         "from one file", MAX_FILE_MIB);
		loc.line = loc.col = 1;
		if (inc != NULL)
			book_report(ld->book, ld->diag, inc, D_INPUT_TOO_LARGE, f->shown, limit);
		else
			diag_report(ld->diag, &loc, D_INPUT_TOO_LARGE, f->shown, limit);
	} else if (inc != NULL) {
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_MISSING, f->shown, strerror(err));
	} else {
		diag_report(ld->diag, &loc, D_READ_FAILED, strerror(err));
	}
}

/* Reads a source file whole, as UTF-8 text, within the limits on one file and on the whole
 * book; returns -1 after reporting why it cannot. inc is the xi:include naming the file. */
static int read_source(struct loader *ld, struct book_file *f, xmlNodePtr inc)
{
	size_t book_left = MAX_BOOK_MIB * MIB - ld->bytes_read;
	size_t limit = book_left < MAX_FILE_MIB * MIB ? book_left : MAX_FILE_MIB * MIB;

	if (read_file(f->path, limit, &f->text, &f->len) != 0) {
		report_unreadable(ld, f, inc, errno, limit == book_left);
		return -1;
	}
	ld->bytes_read += f->len;
	if (convert_utf16(ld, f) != 0)
		return -1;
	f->columns = columns_new(f->text);
	return 0;
}

/* The first character in text that XML cannot hold (a control character other than tab and
 * line breaks, U+FFFE, U+FFFF, a surrogate) or that is not UTF-8, or NULL. *c is the character,
 * or -1 when the bytes are not UTF-8. */
static const char *first_bad_character(const char *text, size_t len, int *c)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;

	while (p < end) {
		int n = end - p < 4 ? (int)(end - p) : 4;
		*c = xmlGetUTF8Char(p, &n);
		if (*c < 0 || !xmlIsCharQ(*c))
			return (const char *)p;
		p += n;
	}
	return NULL;
}

/* Reports the character at `at` in f's text, found by first_bad_character. */
static void report_bad_character(struct loader *ld, const struct book_file *f, const char *at,
                                 int c)
{
	struct diag_loc loc = {f->shown, 0, 0};
	char text[64];

	position_in(f->text, at, &loc);
	if (c < 0) {
		snprintf(text, sizeof text, "byte 0x%02X is not UTF-8", (unsigned char)*at);
		diag_report(ld->diag, &loc, D_XML_ENCODING, text);
	} else {
		diag_report(ld->diag, &loc, D_BAD_CHARACTER, c);
	}
}

/* libxml2 takes a NUL byte for the end of the text and never looks at what follows it, so
 * the loader finds NULs itself. Returns 1 after reporting one. */
static int report_nul(struct loader *ld, const struct book_file *f)
{
	const char *nul = memchr(f->text, '\0', f->len);

	if (nul != NULL)
		report_bad_character(ld, f, nul, 0);
	return nul != NULL;
}

/* ---- parser hooks: positions, refusals, errors ---- */

static struct loader *loader_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

/* The innermost input of ctxt that is a file (not an entity's text), or NULL. */
static xmlParserInputPtr innermost_file(xmlParserCtxtPtr ctxt)
{
	for (int i = ctxt->inputNr - 1; i >= 0; i--)
		if (ctxt->inputTab[i]->filename != NULL)
			return ctxt->inputTab[i];
	return NULL;
}

/* The innermost file the parser reads: libxml2 parses an internal entity's text with a parser
 * of its own, whose only input is that text; the file is then the loader's parser's. */
static xmlParserInputPtr file_input(xmlParserCtxtPtr ctxt)
{
	xmlParserCtxtPtr outer = loader_of(ctxt)->ctxt;
	xmlParserInputPtr in = innermost_file(ctxt);

	if (in == NULL)
		in = innermost_file(outer);
	return in != NULL ? in : outer->input;
}

/* The book's file the parser is reading: the file being parsed, or an entity file it pulled in. */
static struct book_file *file_being_read(xmlParserCtxtPtr ctxt)
{
	struct loader *ld = loader_of(ctxt);
	xmlParserInputPtr in = file_input(ctxt);
	struct book_file *f = in != NULL && in->filename != NULL ? file_at(ld, in->filename) : NULL;

	return f != NULL ? f : ld->current;
}

/* Where the declaration starting with keyword ("<!ENTITY") that was just read begins. */
static void declaration_start(xmlParserCtxtPtr ctxt, const char *keyword, struct diag_loc *loc)
{
	xmlParserInputPtr in = ctxt->input;
	size_t n = strlen(keyword);
	long line = in->line;
	const xmlChar *p = in->cur, *bol;

	while (p > in->base && strncmp((const char *)p, keyword, n) != 0)
		if (*--p == '\n')
			line--;
	if (strncmp((const char *)p, keyword, n) != 0) {
		loc->line = xmlSAX2GetLineNumber(ctxt);
		loc->col = xmlSAX2GetColumnNumber(ctxt);
		return;
	}
	for (bol = p; bol > in->base && bol[-1] != '\n'; bol--)
		;
	loc->line = line;
	loc->col = columns_count_characters((const char *)bol, (const char *)p) + 1;
}

/* Reports message id at the declaration starting with keyword, and stops the parser. */
#define refuse(ctx, keyword, id, ...) refuse_text(ctx, keyword, id, id##_text, ##__VA_ARGS__)
static void refuse_text(void *ctx, const char *keyword, enum diag_id id, const char *format, ...)
	__attribute__((format(printf, 4, 5)));
static void refuse_text(void *ctx, const char *keyword, enum diag_id id, const char *format, ...)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct loader *ld = loader_of(ctx);
	struct diag_loc loc = {file_being_read(ctxt)->shown, 0, 0};
	va_list ap;

	declaration_start(ctxt, keyword, &loc);
	va_start(ap, format);
	if (!ld->failed)
		diag_vreport(ld->diag, &loc, id, format, ap);
	va_end(ap);
	ld->failed = 1;
	xmlStopParser(ctxt);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
	if (external_id != NULL || system_id != NULL)
		refuse(ctx, "<!DOCTYPE", D_DOCTYPE_EXTERNAL);
	else
		xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

/* Every declaration in a DOCTYPE but an entity of text is refused, here and only here: unparsed
 * entities, attribute lists (which could make any attribute an ID), elements and notations.
 * keyword is how the declaration starts ("<!ENTITY"), what it declares follows. */
static void refuse_declaration(void *ctx, const char *keyword, const char *parameter,
                               const xmlChar *name)
{
	char *what = xasprintf("%s %s%s", keyword, parameter, (const char *)name);

	refuse(ctx, keyword, D_ENTITY_DECL, what);
	free(what);
}

/* Is the file an external entity names, relative to the file declaring it, inside the book's
 * folder? If not, refuses the declaration. */
static int entity_file_inside(xmlParserCtxtPtr ctxt, const xmlChar *name, const xmlChar *system_id)
{
	struct loader *ld = loader_of(ctxt);
	char *path = NULL, why[200];
	int err = 0;

	switch (book_resolve(ld->book, file_being_read(ctxt), (const char *)system_id, &path, &err)) {
	case RESOLVE_OK:
		free(path);
		return 1;
	case RESOLVE_URL:
		snprintf(why, sizeof why, "is a URL; entity files are read from the book's folder only");
		break;
	case RESOLVE_ABSOLUTE:
		snprintf(why, sizeof why, "is an absolute path; name the file relative to this one");
		break;
	case RESOLVE_OUTSIDE:
		snprintf(why, sizeof why, "is outside the book's folder; --root DIR names a wider one");
		break;
	case RESOLVE_MISSING:
		snprintf(why, sizeof why, "cannot be read: %s", strerror(err));
		break;
	}
	refuse(ctxt, "<!ENTITY", D_ENTITY_FILE, name, system_id, why);
	return 0;
}

/* Entities of text are declared, in the DOCTYPE or in a file of the book it pulls in. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
	if (system_id == NULL || entity_file_inside(ctx, name, system_id))
		xmlSAX2EntityDecl(ctx, name, type, public_id, system_id, content);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation)
{
	(void)public_id, (void)system_id, (void)notation;
	refuse_declaration(ctx, "<!ENTITY", "", name);
}

/* The parser hands over the list of allowed values, which nothing keeps. */
static void on_attribute_decl(void *ctx, const xmlChar *element, const xmlChar *name, int type,
                              int def, const xmlChar *default_value, xmlEnumerationPtr values)
{
	(void)name, (void)type, (void)def, (void)default_value;
	xmlFreeEnumeration(values);
	refuse_declaration(ctx, "<!ATTLIST", "", element);
}

static void on_element_decl(void *ctx, const xmlChar *name, int type,
                            xmlElementContentPtr content)
{
	(void)type, (void)content;
	refuse_declaration(ctx, "<!ELEMENT", "", name);
}

static void on_notation_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                             const xmlChar *system_id)
{
	(void)public_id, (void)system_id;
	refuse_declaration(ctx, "<!NOTATION", "", name);
}

/* The line of the '<' that opened the tag the parser has just read. */
static long tag_start_line(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt->input;
	long line = in->line;

	for (const xmlChar *p = in->cur; p > in->base;) {
		p--;
		if (*p == '<')
			break;
		if (*p == '\n')
			line--;
	}
	return line;
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	long line = tag_start_line(ctxt);

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
	                      nb_defaulted, attributes);
	if (ctxt->node != NULL && ctxt->node->type == XML_ELEMENT_NODE) {
		ctxt->node->line = line < 65535 ? (unsigned short)line : 65535;
		ctxt->node->_private = file_being_read(ctxt);
	}
}


/* Is e the element libxml2 parses an entity's content into, freed once the content is moved? */
static int in_entity_scratch(xmlNodePtr e)
{
	return e->parent != NULL && e->parent->type == XML_DOCUMENT_NODE &&
	       e->parent != (xmlNodePtr)e->doc;
}

/* Notes where each reference to an external entity in content puts the entity's elements. */
static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct loader *ld = loader_of(ctx);
	xmlEntityPtr ent = xmlSAX2GetEntity(ctx, name);

	if (ent != NULL && ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY && ctxt->node != NULL &&
	    (ctxt->node->last != NULL || !in_entity_scratch(ctxt->node))) {
		ld->uses = xrealloc(ld->uses, (ld->nuses + 1) * sizeof *ld->uses);
		ld->uses[ld->nuses++] = (struct entity_use){ctxt->node, ctxt->node->last, ent};
	}
	return ent;
}

/* "byte 0xE9 is not UTF-8", from libxml2's "Input is not proper UTF-8 ... Bytes: 0xE9 ..." */
static void describe_bad_bytes(const char *message, char *out, size_t size)
{
	const char *bytes = message ? strstr(message, "Bytes: ") : NULL;
	int n = bytes ? (int)strcspn(bytes + 7, " \n") : 0;

	if (n > 0 && n < 8)
		snprintf(out, size, "byte %.*s is not UTF-8", n, bytes + 7);
	else
		snprintf(out, size, "the text here is not in the file's declared encoding");
}

static int is_encoding_error(const xmlError *err)
{
	return err->code == XML_ERR_INVALID_ENCODING || err->code == XML_ERR_UNSUPPORTED_ENCODING ||
	       err->code == XML_ERR_UNKNOWN_ENCODING ||
	       (err->code == XML_ERR_INVALID_CHAR && err->message != NULL &&
	        strstr(err->message, "UTF-8") != NULL);
}

/* libxml2 reports failed encoding conversions through its generic handler, outside the
 * parser's: they are noted here and reported as the file's error. */
static void on_generic_message(void *data, const char *fmt, ...)
{
	struct loader *ld = data;
	char *text;
	va_list ap;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	if (strstr(text, "encod") != NULL || strstr(text, "conversion") != NULL)
		ld->bad_encoding = 1;
	free(text);
}

/* Where an error is: in the file libxml2 names; for one in an entity's text, at the reference
 * to the entity in the file being read. */
static struct book_file *error_place(xmlParserCtxtPtr ctxt, const xmlError *err,
                                     struct diag_loc *loc)
{
	struct loader *ld = loader_of(ctxt);
	struct book_file *f = err->file != NULL ? file_at(ld, err->file) : NULL;

	if (f == NULL || ctxt->input->filename == NULL) {
		xmlParserInputPtr in = file_input(ctxt);
		f = file_being_read(ctxt);
		loc->line = in->line;
		loc->col = in->col;
	}
	loc->file = f->shown;
	return f;
}

/* One message per file: the first error, in words for the author where libxml2's are not. */
static void on_parse_error(void *ctx, xml_error err)
{
	struct loader *ld = loader_of(ctx);
	struct diag_loc loc = {NULL, err->line, err->int2};
	char text[128], tag[256];

	if (err->level < XML_ERR_ERROR || err->domain == XML_FROM_VALID || ld->failed)
		return;
	ld->failed = 1;
	struct book_file *f = error_place(ctx, err, &loc);
	if (ld->bad_encoding) {
		diag_report(ld->diag, &loc, D_XML_ENCODING,
		            "the text is not valid in the encoding the file declares");
		return;
	}
	if (err->code == XML_ERR_DOCUMENT_EMPTY) {
		loc.line = 1, loc.col = 1;
		diag_report(ld->diag, &loc, D_XML_EMPTY);
	} else if (err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 && err->str2) {
		snprintf(tag, sizeof tag, "<%s", err->str1);
		loc.line = err->int1;
		loc.col = columns_of_tag(f->columns, err->int1, tag, -1);
		diag_report(ld->diag, &loc, D_XML_UNCLOSED, err->str1, err->str2);
	} else if (err->code == XML_ERR_ENTITY_LOOP) {
		diag_report(ld->diag, &loc, D_ENTITY_EXPANSION);
	} else if (is_encoding_error(err)) {
		describe_bad_bytes(err->message, text, sizeof text);
		diag_report(ld->diag, &loc, D_XML_ENCODING, text);
	} else {
		diag_report(ld->diag, &loc, D_XML_SYNTAX, err->message ? err->message : "malformed XML");
	}
}

static xmlParserCtxtPtr new_parser(struct loader *ld)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (ctxt == NULL)
		abort();
	ctxt->_private = ld;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
	ctxt->sax->attributeDecl = on_attribute_decl;
	ctxt->sax->elementDecl = on_element_decl;
	ctxt->sax->notationDecl = on_notation_decl;
	ctxt->sax->startElementNs = on_start_element;
	ctxt->sax->getEntity = on_get_entity;
	ctxt->sax->serror = on_parse_error;
	ctxt->sax->warning = NULL;
	ctxt->sax->error = NULL;
	ctxt->sax->fatalError = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	return ctxt;
}

static int inside(const char *root, const char *path);
static int read_source(struct loader *ld, struct book_file *f, xmlNodePtr inc);

/* The file of an external entity, read once, within the book's limits; only a file inside the
 * book's folder (which on_entity_decl checked) is read, and nothing else libxml2 might fetch. */
static struct book_file *entity_file(struct loader *ld, const char *url)
{
	char *plain = xmlURIUnescapeString(url, 0, NULL);
	char *canonical = plain != NULL && !href_has_scheme(plain) ? realpath(plain, NULL) : NULL;
	struct book_file *f = NULL;

	if (canonical != NULL && inside(ld->book->root, canonical)) {
		f = file_at(ld, canonical);
		if (f == NULL) {
			f = add_file(ld, canonical);
			if (read_source(ld, f, NULL) != 0 || report_nul(ld, f))
				ld->failed = 1;
		}
	}
	free(canonical);
	xmlFree(plain);
	return f != NULL && f->text != NULL && !ld->failed ? f : NULL;
}

static xmlParserInputPtr load_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct loader *ld = ctxt != NULL ? loader_of(ctxt) : NULL;
	struct book_file *f = ld != NULL && url != NULL ? entity_file(ld, url) : NULL;
	xmlParserInputBufferPtr buf;
	xmlParserInputPtr in;

	(void)id;
	if (f == NULL)
		return NULL;
	buf = xmlParserInputBufferCreateMem(f->text, (int)f->len, XML_CHAR_ENCODING_NONE);
	in = buf != NULL ? xmlNewIOInputStream(ctxt, buf, f->converted ? XML_CHAR_ENCODING_UTF8
	                                                               : XML_CHAR_ENCODING_NONE)
	                 : NULL;
	if (in == NULL)
		abort();
	in->filename = (const char *)xmlStrdup(BAD_CAST f->path);
	return in;
}

/* ---- files ---- */

/* Marks e as parsed from file, and gives an element from an entity's text the default namespace
 * in scope where the entity is referred to: libxml2 parses an entity's text without the
 * namespaces around it. */
static void claim_element(xmlNodePtr e, void *file)
{
	if (e->_private == NULL)
		e->_private = file;
	if (e->ns == NULL && e->parent != NULL && e->parent->type == XML_ELEMENT_NODE) {
		xmlNsPtr ns = xmlSearchNs(e->doc, e, NULL);
		if (ns != NULL && ns->href != NULL && ns->href[0] != '\0')
			e->ns = ns;
	}
}

static xmlNodePtr element_from(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

/* Gives each element of copy (a copy of the elements from original on) that has no file the file
 * of its original. */
static void claim_copied(xmlNodePtr original, xmlNodePtr copy)
{
	original = element_from(original);
	copy = element_from(copy);
	for (; original != NULL && copy != NULL;
	     original = element_from(original->next), copy = element_from(copy->next)) {
		if (original == copy || !xmlStrEqual(original->name, copy->name))
			return;
		if (copy->_private == NULL)
			copy->_private = original->_private;
		claim_copied(original->children, copy->children);
	}
}

/* The first element a reference to an external entity put in the tree. */
static xmlNodePtr placed(const struct entity_use *use)
{
	return element_from(use->before != NULL ? use->before->next : use->parent->children);
}

/* Gives the elements each reference to an external entity put in the tree the files of the
 * elements parsed from it: libxml2 parses an entity's file once, and copies what it parsed (not
 * which file that was) to its other references. The parsed ones are found through the entity. */
static void claim_entity_copies(struct entity_use *uses, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr e = placed(&uses[i]);
		if (uses[i].entity->_private == NULL && e != NULL && e->_private != NULL)
			uses[i].entity->_private = e;
	}
	for (size_t i = 0; i < n; i++)
		if (uses[i].entity->_private != NULL)
			claim_copied(uses[i].entity->_private, placed(&uses[i]));
	for (size_t i = 0; i < n; i++)
		uses[i].entity->_private = NULL;
}

/* Moves e from the document it was parsed in to just before the xi:include inc, while that
 * document still exists: its IDs move with it, and libxml2 points its namespaces (declared on
 * e's old ancestors, or that document's own xml: namespace) at ones in scope at inc, or
 * declares them on e. */
static void move_before(xmlNodePtr e, xmlNodePtr inc)
{
	xmlUnlinkNode(e);
	xmlSetTreeDoc(e, inc->doc);
	xmlAddPrevSibling(inc, e);
	if (xmlReconciliateNs(inc->doc, e) < 0)
		abort();
}

static xmlDocPtr parse_file(struct loader *ld, struct book_file *f)
{
	xmlDocPtr doc;

	ld->current = f;
	ld->failed = 0;
	ld->bad_encoding = 0;
	if (report_nul(ld, f))
		return NULL;
	doc = xmlCtxtReadMemory(ld->ctxt, f->text, (int)f->len, f->path,
	                        f->converted ? "UTF-8" : NULL,
	                        PARSE_OPTIONS | (f->converted ? XML_PARSE_IGNORE_ENC : 0));
	if (doc != NULL && (ld->failed || !ld->ctxt->wellFormed || doc->children == NULL)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && !ld->failed) {
		struct diag_loc loc = {f->shown, 1, 1};
		diag_report(ld->diag, &loc, D_XML_SYNTAX, "the file holds no XML document");
	}
	if (doc != NULL) {
		claim_entity_copies(ld->uses, ld->nuses);
		walk_elements(xmlDocGetRootElement(doc), claim_element, NULL, f);
	}
	free(ld->uses);
	ld->uses = NULL;
	ld->nuses = 0;
	return doc;
}

/* ---- paths ---- */

int href_has_scheme(const char *href)
{
	const char *p = href;

	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

static int inside(const char *root, const char *path)
{
	size_t n = strlen(root);
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Removes "." and ".." segments from an absolute path, in place, without touching the disk. */
static void normalize_lexically(char *path)
{
	char *out = path;

	for (const char *in = path; *in != '\0';) {
		while (*in == '/')
			in++;
		const char *end = strchr(in, '/');
		size_t n = end ? (size_t)(end - in) : strlen(in);
		if (n == 0)
			break;
		if (n == 1 && in[0] == '.') {
			/* skip */
		} else if (n == 2 && in[0] == '.' && in[1] == '.') {
			while (out > path && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, in, n);
			out += n;
		}
		in += n;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

enum resolve_status book_resolve(const struct book *b, const struct book_file *from,
                                 const char *href, char **path, int *err)
{
	char *unescaped, *joined, *canonical;
	const char *slash = strrchr(from->path, '/');
	size_t dir_len = slash ? (size_t)(slash - from->path) : 0;
	struct stat st;

	*path = NULL;
	if (href_has_scheme(href))
		return RESOLVE_URL;
	if (href[0] == '/')
		return RESOLVE_ABSOLUTE;
	unescaped = xmlURIUnescapeString(href, 0, NULL);
	if (unescaped == NULL)
		abort();
	joined = malloc(dir_len + strlen(unescaped) + 2);
	if (joined == NULL)
		abort();
	sprintf(joined, "%.*s/%s", (int)dir_len, from->path, unescaped);
	xmlFree(unescaped);
	normalize_lexically(joined);
	if (!inside(b->root, joined)) {
		free(joined);
		return RESOLVE_OUTSIDE;
	}
	canonical = realpath(joined, NULL);
	free(joined);
	if (canonical == NULL) {
		*err = errno;
		return RESOLVE_MISSING;
	}
	if (!inside(b->root, canonical)) {
		free(canonical);
		return RESOLVE_OUTSIDE;
	}
	if (stat(canonical, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(canonical);
		*err = EISDIR;
		return RESOLVE_MISSING;
	}
	*path = canonical;
	return RESOLVE_OK;
}

/* ---- XInclude ---- */

static int is_include(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST XINCLUDE_NS) &&
	       xmlStrEqual(n->name, BAD_CAST "include");
}

static int expand_includes(struct loader *ld, xmlNodePtr root);

static int on_stack(const struct loader *ld, const char *path)
{
	for (int i = 0; i < ld->depth; i++)
		if (strcmp(ld->stack[i], path) == 0)
			return 1;
	return 0;
}

/* Checks an include's attributes and finds its file; returns NULL after reporting. A text
 * include may excerpt a file being included, even its own. */
static char *include_target(struct loader *ld, xmlNodePtr inc, int as_text)
{
	xmlChar *href = xmlGetNoNsProp(inc, BAD_CAST "href");
	const struct book_file *from = book_file_of(ld->book, inc);
	char *path = NULL;
	int err = 0;

	if (href == NULL || href[0] == '\0') {
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_NO_HREF);
		xmlFree(href);
		return NULL;
	}
	switch (book_resolve(ld->book, from, (const char *)href, &path, &err)) {
	case RESOLVE_OK:
		break;
	case RESOLVE_URL:
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_URL, href);
		break;
	case RESOLVE_ABSOLUTE:
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_ABSOLUTE, href);
		break;
	case RESOLVE_OUTSIDE:
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_OUTSIDE, href);
		break;
	case RESOLVE_MISSING:
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_MISSING, href, strerror(err));
		break;
	}
	if (path != NULL && !as_text && on_stack(ld, path)) {
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_LOOP, href);
		free(path);
		path = NULL;
	}
	xmlFree(href);
	return path;
}

/* Reports why the part of a file that an include names (its xpointer, or its fragid when
 * by_fragid) is not there. */
static void report_part(struct loader *ld, xmlNodePtr inc, int by_fragid, const xmlChar *part,
                        const char *why)
{
	xmlChar *href = xmlGetNoNsProp(inc, BAD_CAST "href");

	if (by_fragid)
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_FRAGID, part, href, why);
	else
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_XPOINTER, part, href, why);
	xmlFree(href);
}

/* ---- XPointer: the element of an included file an xpointer names ---- */

struct id_search {
	const char *id;
	xmlNodePtr found;
};

static void match_id(xmlNodePtr e, void *data)
{
	struct id_search *s = data;
	xmlChar *id = s->found == NULL ? xmlGetNsProp(e, BAD_CAST "id", XML_XML_NAMESPACE) : NULL;

	if (id != NULL && strcmp((const char *)id, s->id) == 0)
		s->found = e;
	xmlFree(id);
}

static xmlNodePtr element_with_id(xmlNodePtr root, const char *id)
{
	struct id_search s = {id, NULL};

	walk_elements(root, match_id, NULL, &s);
	return s.found;
}

/* The n-th child element of e, counted from 1, or NULL. */
static xmlNodePtr child_element(xmlNodePtr e, long n)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && --n == 0)
			return c;
	return NULL;
}

/* The element the element() scheme's data names: an id ("sect-x"), a child sequence from the
 * document ("/1/3") or from an id ("sect-x/2/1"); NULL after writing why. */
static xmlNodePtr element_scheme(xmlNodePtr root, char *data, char *why, size_t size)
{
	char *step = strchr(data, '/');
	xmlNodePtr e = NULL; /* before the first step of "/1/3": the document */

	if (step != data) {
		if (step != NULL)
			*step = '\0';
		e = element_with_id(root, data);
		if (e == NULL) {
			snprintf(why, size, "no element has xml:id '%s'", data);
			return NULL;
		}
		if (step != NULL)
			*step = '/';
	}
	while (step != NULL) {
		char *end;
		long n = isdigit((unsigned char)step[1]) ? strtol(step + 1, &end, 10) : 0;
		if (n < 1 || (*end != '/' && *end != '\0')) {
			snprintf(why, size, "'%s' is not a child sequence of numbers from 1", data);
			return NULL;
		}
		e = e != NULL ? child_element(e, n) : n == 1 ? root : NULL;
		if (e == NULL) {
			snprintf(why, size, "no element is at '%.*s'", (int)(end - data), data);
			return NULL;
		}
		step = *end == '/' ? end : NULL;
	}
	return e;
}

/* The element an xpointer names in the tree below root: element() parts, the first part that
 * names an element winning, or the bare data of one ("sect-x", "/1/3", "sect-x/2/1"), which
 * XInclude processors commonly read as element() data; NULL after writing why. */
static xmlNodePtr point_to(xmlNodePtr root, const char *xpointer, char *why, size_t size)
{
	char *copy = xstrdup(xpointer), *p = copy;
	xmlNodePtr found = NULL;

	snprintf(why, size, "it names no element");
	while (found == NULL && *(p += strspn(p, " \t\r\n")) != '\0') {
		char *open = strchr(p, '('), *close = open ? strchr(open, ')') : NULL;
		if (open == NULL) {
			p[strcspn(p, " \t\r\n")] = '\0';
			found = element_scheme(root, p, why, size);
			break;
		}
		if (close == NULL) {
			snprintf(why, size, "'%s' is not closed by ')'", p);
			break;
		}
		*open = *close = '\0';
		if (strcmp(p, "element") == 0)
			found = element_scheme(root, open + 1, why, size);
		else
			snprintf(why, size, "the %s() scheme is not supported; name the element by its "
			         "xml:id or with element()", p);
		p = close + 1;
	}
	free(copy);
	return found;
}

/* Parses the included file as XML, expands its own includes, and returns the element its
 * xpointer names (XInclude 1.1 also takes a fragid for one), or its top element, moved to
 * before the include. A top element without a namespace (a DocBook 4 habit) is an error
 * of its own, at that file: nothing of it would be DocBook 5. */
static xmlNodePtr include_xml(struct loader *ld, xmlNodePtr inc, struct book_file *f)
{
	xmlDocPtr sub = parse_file(ld, f);
	xmlChar *xpointer = xmlGetNoNsProp(inc, BAD_CAST "xpointer");
	xmlNodePtr root = sub != NULL ? xmlDocGetRootElement(sub) : NULL, chosen = NULL;
	char why[300];

	if (xpointer == NULL)
		xpointer = xmlGetNoNsProp(inc, BAD_CAST "fragid");
	if (root != NULL && root->ns == NULL) {
		book_report(ld->book, ld->diag, root, D_XINCLUDE_NO_NAMESPACE, root->name);
	} else if (root != NULL) {
		ld->stack[ld->depth++] = f->path;
		int ok = expand_includes(ld, root);
		ld->depth--;
		root = xmlDocGetRootElement(sub);
		chosen = !ok               ? NULL
		         : xpointer == NULL ? root
		                            : point_to(root, (const char *)xpointer, why, sizeof why);
		if (ok && chosen == NULL)
			report_part(ld, inc, 0, xpointer, why);
	}
	if (chosen != NULL)
		move_before(chosen, inc);
	xmlFree(xpointer);
	xmlFreeDoc(sub);
	return chosen;
}

/* ---- text excerpts ---- */

/* The byte offset of RFC 5147 position pos in text, counted in lines (position n is after the
 * n-th line) or in characters; -1 past the end. */
static long text_position(const char *text, size_t len, int by_line, unsigned long pos)
{
	size_t at = 0;

	for (unsigned long i = 0; i < pos; i++) {
		const char *nl = by_line ? memchr(text + at, '\n', len - at) : NULL;
		if (at >= len)
			return -1;
		at = !by_line ? at + (size_t)xmlUTF8Size(BAD_CAST text + at)
		     : nl != NULL ? (size_t)(nl - text) + 1 : len;
	}
	return (long)at;
}

/* Reads the position at *p (digits, or none: the default), moving *p past it. */
static int read_position(const char **p, unsigned long *pos)
{
	char *end;

	if (!isdigit((unsigned char)**p))
		return **p == ',' || **p == '\0' || **p == ';';
	*pos = strtoul(*p, &end, 10);
	*p = end;
	return 1;
}

/* The excerpt of text a fragid names, "line=A,B" or "char=A,B" (RFC 5147, either end may be left
 * out; an integrity check after ';' is not needed for a file of the book): returns 0, or -1
 * after writing why. */
static int excerpt(const char *text, size_t len, const char *fragid, size_t *from, size_t *to,
                   char *why, size_t size)
{
	int by_line = strncmp(fragid, "line=", 5) == 0;
	const char *p = fragid + 5;
	unsigned long a = 0, b = ULONG_MAX;

	if (!by_line && strncmp(fragid, "char=", 5) != 0) {
		snprintf(why, size, "only line=A,B and char=A,B ranges are supported");
		return -1;
	}
	if (!read_position(&p, &a) || *p++ != ',' || !read_position(&p, &b) ||
	    (*p != '\0' && *p != ';')) {
		snprintf(why, size, "a range is two positions, %s=A,B (either may be left out)",
		         by_line ? "line" : "char");
		return -1;
	}
	long start = text_position(text, len, by_line, a);
	long stop = b == ULONG_MAX ? (long)len : text_position(text, len, by_line, b);
	if (start < 0 || stop < 0) {
		snprintf(why, size, "the file ends before %s %lu", by_line ? "line position" : "character",
		         start < 0 ? a : b);
		return -1;
	}
	if (stop < start) {
		snprintf(why, size, "the range ends before it starts");
		return -1;
	}
	*from = (size_t)start;
	*to = (size_t)stop;
	return 0;
}

/* Puts the text of a parse="text" include, or the excerpt its fragid names, before the include;
 * refused at the file's first character XML cannot hold. */
static xmlNodePtr include_text(struct loader *ld, xmlNodePtr inc, struct book_file *f)
{
	int c;
	const char *bad = first_bad_character(f->text, f->len, &c);
	xmlChar *fragid = xmlGetNoNsProp(inc, BAD_CAST "fragid");
	size_t from = 0, to = f->len;
	char why[200];
	xmlNodePtr text = NULL;

	if (bad != NULL)
		report_bad_character(ld, f, bad, c);
	else if (fragid != NULL && excerpt(f->text, f->len, (const char *)fragid, &from, &to, why,
	                                   sizeof why) != 0)
		report_part(ld, inc, 1, fragid, why);
	else
		text = xmlAddPrevSibling(inc, xmlNewDocTextLen(inc->doc, BAD_CAST f->text + from,
		                                               (int)(to - from)));
	xmlFree(fragid);
	return text;
}

static int include_one(struct loader *ld, xmlNodePtr inc)
{
	xmlChar *parse = xmlGetNoNsProp(inc, BAD_CAST "parse");
	int as_text = parse != NULL && xmlStrEqual(parse, BAD_CAST "text");
	xmlChar *xpointer = xmlGetNoNsProp(inc, BAD_CAST "xpointer");
	struct book_file *f;
	xmlNodePtr content = NULL;
	char *path = NULL;

	if (parse != NULL && !as_text && !xmlStrEqual(parse, BAD_CAST "xml"))
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_PARSE, parse);
	else if (as_text && xpointer != NULL)
		report_part(ld, inc, 0, xpointer,
		            "parse=\"text\" takes a fragid (line=A,B or char=A,B), not an xpointer");
	else if (ld->depth >= MAX_INCLUDE_DEPTH)
		book_report(ld->book, ld->diag, inc, D_XINCLUDE_DEPTH, MAX_INCLUDE_DEPTH);
	else
		path = include_target(ld, inc, as_text);
	xmlFree(parse);
	xmlFree(xpointer);
	if (path == NULL)
		return 0;
	f = add_file(ld, path);
	free(path);
	if (read_source(ld, f, inc) == 0)
		content = as_text ? include_text(ld, inc, f) : include_xml(ld, inc, f);
	if (content == NULL)
		return 0;
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
	return 1;
}

/* The node after n in document order, not descending into n. */
static xmlNodePtr next_after(xmlNodePtr n, xmlNodePtr root)
{
	while (n != root && n->next == NULL)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* After a failed include: 0, or with keep_going 1 once the include is taken out. */
static int leave_out(struct loader *ld, xmlNodePtr inc)
{
	if (!ld->keep_going)
		return 0;
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
	return 1;
}

static int expand_includes(struct loader *ld, xmlNodePtr root)
{
	int ok = 1;
	xmlNodePtr n = root;

	while (n != NULL) {
		if (is_include(n)) {
			xmlNodePtr next = next_after(n, root);
			if (n == root) {
				book_report(ld->book, ld->diag, n, D_NOT_BOOK, "xi:include");
				return 0;
			}
			if (!include_one(ld, n) && !leave_out(ld, n))
				ok = 0;
			n = next;
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
		} else {
			n = next_after(n, root);
		}
	}
	return ok;
}

/* ---- the book ---- */

/* The top elements mixdown builds. */
static const char *const top_elements[] = {"book", "article", "set"};

static int check_root(struct loader *ld, xmlNodePtr root)
{
	if (root->ns == NULL || !xmlStrEqual(root->ns->href, BAD_CAST DOCBOOK_NS)) {
		book_report(ld->book, ld->diag, root, D_NOT_DOCBOOK, root->name);
		return 0;
	}
	if (!is_docbook_any(root, top_elements, sizeof top_elements / sizeof *top_elements)) {
		book_report(ld->book, ld->diag, root, D_NOT_BOOK, root->name);
		return 0;
	}
	return 1;
}

static int load_master(struct loader *ld, struct book_file *f)
{
	xmlNodePtr root;

	if (read_source(ld, f, NULL) != 0)
		return 0;
	ld->book->doc = parse_file(ld, f);
	if (ld->book->doc == NULL)
		return 0;
	root = xmlDocGetRootElement(ld->book->doc);
	ld->stack[ld->depth++] = f->path;
	return check_root(ld, root) && expand_includes(ld, root);
}

/* The canonical folder root names, with the book file (path, canonical) inside it; NULL after
 * reporting why not. */
static char *wider_root(const char *root, const char *path, const char *canonical,
                        struct diag *d)
{
	char *folder = realpath(root, NULL);
	struct diag_loc loc = {root, 0, 0};
	struct stat st;

	if (folder == NULL || stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_report(d, &loc, D_READ_FAILED, strerror(folder == NULL ? errno : ENOTDIR));
	} else if (!inside(folder, canonical)) {
		loc.file = path;
		diag_report(d, &loc, D_BOOK_OUTSIDE_ROOT, root);
	} else {
		return folder;
	}
	free(folder);
	return NULL;
}

struct book *load_book(const char *path, const char *root, int keep_going, struct diag *d)
{
	struct loader ld = {.diag = d, .keep_going = keep_going};
	char *canonical = realpath(path, NULL);
	char *folder = canonical != NULL && root != NULL ? wider_root(root, path, canonical, d) : NULL;
	xmlExternalEntityLoader saved_loader = xmlGetExternalEntityLoader();
	int ok;

	if (canonical == NULL) {
		struct diag_loc loc = {path, 0, 0};
		diag_report(d, &loc, D_READ_FAILED, strerror(errno));
		return NULL;
	}
	if (root != NULL && folder == NULL) {
		free(canonical);
		return NULL;
	}
	ld.cwd = getcwd(NULL, 0);
	ld.book = book_new(canonical);
	if (folder != NULL) {
		free(ld.book->root);
		ld.book->root = folder;
	}
	ld.ctxt = new_parser(&ld);
	ld.files = xmlHashCreate(64);
	if (ld.files == NULL)
		abort();
	xmlSetExternalEntityLoader(load_entity);
	struct generic_handler saved = generic_handler_set(&ld, on_generic_message);
	ok = load_master(&ld, add_file(&ld, canonical));
	generic_handler_restore(saved);
	xmlSetExternalEntityLoader(saved_loader);
	xmlFreeParserCtxt(ld.ctxt);
	xmlHashFree(ld.files, NULL);
	free(ld.cwd);
	free(canonical);
	if (!ok) {
		book_free(ld.book);
		return NULL;
	}
	sanitize_book(ld.book, d);
	drop_blanks(ld.book);
	book_register_ids(ld.book);
	return ld.book;
}
