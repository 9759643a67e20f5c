/* names.c: page file names: the xml:id in ASCII letters a reader can read (other scripts
 * transliterated with ICU), unique after case folding (as EPUB and case-insensitive file
 * systems need), a numeric suffix on a collision; each name costs constant time on average. */
#include "layout.h"
#include "names.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#define NAME_BYTES 200 /* longest base name kept, before a suffix */

struct page_names {
	xmlHashTablePtr taken;       /* folded name -> itself: every name given or reserved */
	xmlHashTablePtr next_suffix; /* folded base name -> the next suffix to try */
	UTransliterator *to_ascii;   /* opened for the first id that is not ASCII */
	int to_ascii_failed;
};

static void fold_case(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (; name[n] != '\0' && n + 1 < size; n++)
		out[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] + 32 : name[n]);
	out[n] = '\0';
}

static int is_taken(const struct page_names *names, const char *name)
{
	char folded[NAME_BYTES + 32];

	fold_case(name, folded, sizeof folded);
	return xmlHashLookup(names->taken, BAD_CAST folded) != NULL;
}

static void take(struct page_names *names, const char *name)
{
	char folded[NAME_BYTES + 32];

	fold_case(name, folded, sizeof folded);
	xmlHashAddEntry(names->taken, BAD_CAST folded, names);
}

static void take_reserved(void *names, const char *name)
{
	take(names, name);
}

struct page_names *page_names_new(void)
{
	struct page_names *names = calloc(1, sizeof *names);

	if (names == NULL)
		abort();
	names->taken = xmlHashCreate(256);
	names->next_suffix = xmlHashCreate(64);
	if (names->taken == NULL || names->next_suffix == NULL)
		abort();
	layout_each_taken_name(take_reserved, names);
	return names;
}

void page_names_free(struct page_names *names)
{
	if (names == NULL)
		return;
	xmlHashFree(names->taken, NULL);
	xmlHashFree(names->next_suffix, NULL);
	if (names->to_ascii != NULL)
		utrans_close(names->to_ascii);
	free(names);
}

static int is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static UTransliterator *transliterator(struct page_names *names)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar rules[32];

	if (names->to_ascii == NULL && !names->to_ascii_failed) {
		u_uastrcpy(rules, "Any-Latin; Latin-ASCII");
		names->to_ascii = utrans_openU(rules, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
		names->to_ascii_failed = U_FAILURE(err);
	}
	return names->to_ascii_failed ? NULL : names->to_ascii;
}

/* The id in Latin letters ("глава" -> "glava", "Écho" -> "Echo"), as new UTF-8; NULL when ICU
 * cannot. */
static char *in_latin_letters(struct page_names *names, const char *id)
{
	UTransliterator *t = transliterator(names);
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = 0, limit, capacity = 8 * (int32_t)strlen(id) + 16;
	UChar *text = malloc((size_t)capacity * sizeof *text);
	char *out = malloc((size_t)capacity * 3 + 1);

	if (text == NULL || out == NULL)
		abort();
	if (t != NULL)
		u_strFromUTF8(text, capacity, &len, id, -1, &err);
	limit = len;
	if (t != NULL && U_SUCCESS(err))
		utrans_transUChars(t, text, &len, capacity, 0, &limit, &err);
	if (t != NULL && U_SUCCESS(err))
		u_strToUTF8(out, capacity * 3 + 1, NULL, text, len, &err);
	free(text);
	if (t == NULL || U_FAILURE(err)) {
		free(out);
		return NULL;
	}
	return out;
}

/* ASCII letters, digits, '-', '_' and '.' are kept; any other character becomes one '-'.
 * Returns whether a letter or a digit was kept. */
static int keep_file_name_characters(const char *text, char *dst, size_t size)
{
	size_t n = 0;
	int readable = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p != '\0' && n + 1 < size; p++) {
		int alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		            (*p >= '0' && *p <= '9');
		if ((*p & 0xc0) == 0x80)
			continue; /* the rest of a character already written as '-' */
		readable |= alnum;
		dst[n++] = alnum || *p == '-' || *p == '_' || *p == '.' ? (char)*p : '-';
	}
	dst[n] = '\0';
	return readable;
}

/* The name the page would have if no other page had it. */
static void base_name(struct page_names *names, const char *id, const char *fallback,
                      char *out, size_t size)
{
	char *latin = id != NULL && !is_ascii(id) ? in_latin_letters(names, id) : NULL;

	if (id == NULL || !keep_file_name_characters(latin != NULL ? latin : id, out, size))
		snprintf(out, size, "%s", fallback);
	free(latin);
}

char *page_names_claim(struct page_names *names, const char *id, const char *fallback)
{
	char base[NAME_BYTES], folded[NAME_BYTES], name[NAME_BYTES + 24];
	intptr_t suffix;

	base_name(names, id, fallback, base, sizeof base);
	snprintf(name, sizeof name, "%s", base);
	if (is_taken(names, name)) {
		fold_case(base, folded, sizeof folded);
		suffix = (intptr_t)xmlHashLookup(names->next_suffix, BAD_CAST folded);
		for (suffix = suffix > 2 ? suffix : 2; is_taken(names, name); suffix++)
			snprintf(name, sizeof name, "%s-%ld", base, (long)suffix);
		xmlHashUpdateEntry(names->next_suffix, BAD_CAST folded, (void *)suffix, NULL);
	}
	take(names, name);
	char *copy = strdup(name);
	if (copy == NULL)
		abort();
	return copy;
}
