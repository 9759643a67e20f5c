/* json.c: the one JSON string escaper (see json.h). */
#include "json.h"

#include <stdio.h>

static int is_blank(xmlChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Is p the UTF-8 of U+2028 or U+2029, which end a line in older scripts? */
static int is_line_separator(const xmlChar *p)
{
	return p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9);
}

/* Appends the character at p, escaped; returns how many bytes of p it took. */
static size_t add_escaped(xmlBufferPtr buf, const xmlChar *p)
{
	char esc[8];

	if (*p == '"' || *p == '\\') {
		esc[0] = '\\', esc[1] = (char)*p, esc[2] = '\0';
		xmlBufferCat(buf, BAD_CAST esc);
	} else if (*p < 0x20 || *p == '<' || *p == 0x7f) {
		snprintf(esc, sizeof esc, "\\u%04x", *p);
		xmlBufferCat(buf, BAD_CAST esc);
	} else if (is_line_separator(p)) {
		xmlBufferCat(buf, BAD_CAST(p[2] == 0xa8 ? "\\u2028" : "\\u2029"));
		return 3;
	} else {
		xmlBufferAdd(buf, p, 1);
	}
	return 1;
}

void json_text_add(struct json_text *t, const xmlChar *s)
{
	for (const xmlChar *p = s; *p != '\0';) {
		if (is_blank(*p)) {
			t->space = 1;
			p++;
			continue;
		}
		if (t->space && t->started)
			xmlBufferCat(t->buf, BAD_CAST " ");
		t->space = 0;
		t->started = 1;
		p += add_escaped(t->buf, p);
	}
}

void json_string(xmlBufferPtr buf, const xmlChar *text)
{
	struct json_text t = {buf, 0, 0};

	xmlBufferCat(buf, BAD_CAST "\"");
	json_text_add(&t, text);
	xmlBufferCat(buf, BAD_CAST "\"");
}

void json_string_exact(xmlBufferPtr buf, const xmlChar *text)
{
	xmlBufferCat(buf, BAD_CAST "\"");
	for (const xmlChar *p = text; *p != '\0';)
		p += add_escaped(buf, p);
	xmlBufferCat(buf, BAD_CAST "\"");
}

void json_integer(xmlBufferPtr buf, long n)
{
	char digits[24];
	int at = (int)sizeof digits;
	unsigned long rest = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do {
		digits[--at] = (char)('0' + rest % 10);
		rest /= 10;
	} while (rest > 0);
	if (n < 0)
		digits[--at] = '-';
	xmlBufferAdd(buf, BAD_CAST(digits + at), (int)sizeof digits - at);
}
