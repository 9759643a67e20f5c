/* typography.c: the plan's typographic pass: straight apostrophes in prose become typographic
 * ones (U+2019), as book typography wants; an apostrophe is one that follows a letter or digit,
 * so an opening quotation mark stays as written. Code, literals and verbatim text are left
 * exactly as the author wrote them. */
#include "typography.h"

#include <string.h>

#define DOCBOOK_NS "http://docbook.org/ns/docbook"
#define RIGHT_SINGLE_QUOTE "\xe2\x80\x99"

/* Elements whose text is code, input or a name to be typed as written. */
static const char *const as_written[] = {
	"address", "classname", "classsynopsis", "cmdsynopsis", "code", "command",
	"computeroutput", "constant", "constructorsynopsis", "destructorsynopsis", "email",
	"envar", "exceptionname", "fieldsynopsis", "filename", "function", "funcsynopsis",
	"interfacename", "literal", "literallayout", "markup", "methodname", "methodsynopsis",
	"option", "package", "parameter", "programlisting", "prompt", "property", "replaceable",
	"returnvalue", "screen", "synopsis", "systemitem", "tag", "token", "type", "uri",
	"userinput", "varname",
	NULL,
};

static int is_as_written(xmlNodePtr e)
{
	if (e->ns == NULL || !xmlStrEqual(e->ns->href, BAD_CAST DOCBOOK_NS))
		return 0;
	for (const char *const *name = as_written; *name; name++)
		if (xmlStrEqual(e->name, BAD_CAST * name))
			return 1;
	return 0;
}

/* A letter or digit before the apostrophe; any byte of a multi-byte character counts. */
static int ends_a_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

xmlChar *typography_text(const xmlChar *text)
{
	size_t n = 0, len = strlen((const char *)text), out = 0;

	for (size_t i = 1; i < len; i++)
		if (text[i] == '\'' && ends_a_word(text[i - 1]))
			n++;
	if (n == 0)
		return NULL;
	xmlChar *result = xmlMalloc(len + 2 * n + 1);
	if (result == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && text[i] == '\'' && ends_a_word(text[i - 1])) {
			memcpy(result + out, RIGHT_SINGLE_QUOTE, 3);
			out += 3;
		} else {
			result[out++] = text[i];
		}
	}
	result[out] = '\0';
	return result;
}

void typography_apostrophes(xmlNodePtr node)
{
	for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !is_as_written(c)) {
			typography_apostrophes(c);
		} else if (c->type == XML_TEXT_NODE && c->content != NULL) {
			xmlChar *changed = typography_text(c->content);
			if (changed != NULL) {
				xmlNodeSetContent(c, changed);
				xmlFree(changed);
			}
		}
	}
}
