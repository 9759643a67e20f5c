/* json.h: JSON strings for the scripts mixdown writes and serves. */
#ifndef MIXDOWN_JSON_H
#define MIXDOWN_JSON_H

#include <libxml/tree.h>

/* A JSON string's body being written from several pieces of text: runs of white space
 * between them fold into one space, and white space at either end is dropped. */
struct json_text {
	xmlBufferPtr buf;
	int space;   /* white space is pending */
	int started; /* a character has been written */
};

/* Appends s to the string's body: quotes, backslashes, control characters and DEL escaped, and
 * '<' and U+2028/U+2029 written as \u escapes so that the string is safe in any script. */
void json_text_add(struct json_text *t, const xmlChar *s);
/* Appends text as one quoted JSON string, escaped and folded as json_text_add does. */
void json_string(xmlBufferPtr buf, const xmlChar *text);
/* Appends text as one quoted JSON string, escaped the same way, every character kept (for
 * file names). */
void json_string_exact(xmlBufferPtr buf, const xmlChar *text);
/* Appends n in decimal (a search index writes tens of thousands of numbers). */
void json_integer(xmlBufferPtr buf, long n);

#endif
