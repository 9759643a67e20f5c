/* lang.c: language tags: checks xml:lang values against the syntax of BCP 47 (RFC 5646), and
 * chooses the generated words' file for the book's language among the files in xsl/l10n/,
 * never by building a path from the book's text. */
#include "lang.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_SUBTAGS 64
#define L10N_DIR "xsl/l10n"
#define FALLBACK_LANG "en"

/* ---- the syntax ---- */

struct subtags {
	const char *start[MAX_SUBTAGS];
	size_t len[MAX_SUBTAGS];
	size_t n;
	size_t at; /* the next subtag to read */
};

/* Tags that predate the syntax and do not follow it (RFC 5646, "irregular"). */
static const char *const irregular[] = {
	"en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
	"i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL",
	"sgn-CH-DE",
};

/* Splits tag at '-' into subtags of 1 to 8 ASCII letters and digits; 0 when it cannot be. */
static int split(const char *tag, struct subtags *s)
{
	const char *p = tag;

	memset(s, 0, sizeof *s);
	for (;;) {
		const char *start = p;
		while ((unsigned char)*p < 0x80 && isalnum((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - start);
		if (len < 1 || len > 8 || s->n == MAX_SUBTAGS)
			return 0;
		s->start[s->n] = start;
		s->len[s->n++] = len;
		if (*p == '\0')
			return 1;
		if (*p++ != '-')
			return 0;
	}
}

/* Is the next subtag min to max characters long, each letters (alpha), digits, or both? */
static int next_is(const struct subtags *s, size_t min, size_t max, int (*kind)(int))
{
	if (s->at >= s->n || s->len[s->at] < min || s->len[s->at] > max)
		return 0;
	for (size_t i = 0; i < s->len[s->at]; i++)
		if (!kind((unsigned char)s->start[s->at][i]))
			return 0;
	return 1;
}

static int next_is_x(const struct subtags *s)
{
	return next_is(s, 1, 1, isalpha) && tolower((unsigned char)s->start[s->at][0]) == 'x';
}

/* "x-..." : one or more subtags of any length from 1 to 8. */
static int read_private_use(struct subtags *s)
{
	if (!next_is_x(s) || s->at + 1 == s->n)
		return 0;
	s->at = s->n;
	return 1;
}

/* language: 2-3 letters and up to three 3-letter extlangs, or 4 to 8 letters. */
static int read_language(struct subtags *s)
{
	if (next_is(s, 2, 3, isalpha)) {
		s->at++;
		for (int k = 0; k < 3 && next_is(s, 3, 3, isalpha); k++)
			s->at++;
		return 1;
	}
	if (next_is(s, 4, 8, isalpha)) {
		s->at++;
		return 1;
	}
	return 0;
}

static int read_variant(struct subtags *s)
{
	if (next_is(s, 5, 8, isalnum) ||
	    (next_is(s, 4, 4, isalnum) && isdigit((unsigned char)s->start[s->at][0]))) {
		s->at++;
		return 1;
	}
	return 0;
}

/* A singleton other than x, then one or more subtags of 2 to 8 characters. */
static int read_extension(struct subtags *s)
{
	size_t first;

	if (!next_is(s, 1, 1, isalnum) || next_is_x(s))
		return 0;
	first = ++s->at;
	while (next_is(s, 2, 8, isalnum))
		s->at++;
	if (s->at == first) {
		s->at--;
		return 0;
	}
	return 1;
}

static int is_irregular(const char *tag)
{
	for (size_t i = 0; i < sizeof irregular / sizeof *irregular; i++)
		if (strcasecmp(tag, irregular[i]) == 0)
			return 1;
	return 0;
}

int lang_tag_is_valid(const char *tag)
{
	struct subtags s;

	if (is_irregular(tag))
		return 1;
	if (!split(tag, &s))
		return 0;
	if (read_private_use(&s))
		return 1;
	if (!read_language(&s))
		return 0;
	if (next_is(&s, 4, 4, isalpha))
		s.at++; /* script */
	if (next_is(&s, 2, 2, isalpha) || next_is(&s, 3, 3, isdigit))
		s.at++; /* region */
	while (read_variant(&s))
		;
	while (read_extension(&s))
		;
	read_private_use(&s);
	return s.at == s.n;
}

/* ---- the words for the book's language ---- */

/* How many characters of tag the words file `name` (without ".xml") stands for: all of name
 * when tag starts with it at a subtag's end ("pt" for "pt-BR"), else 0. */
static size_t match_length(const char *tag, const char *name, size_t name_len)
{
	if (name_len == 0 || strncasecmp(tag, name, name_len) != 0)
		return 0;
	return tag[name_len] == '\0' || tag[name_len] == '-' ? name_len : 0;
}

/* The file in dir whose name best matches tag, as "NAME.xml" in best; the names of all files,
 * for a message, in names. */
static void best_words_file(DIR *dir, const char *tag, char *best, size_t best_size,
                            char *names, size_t names_size)
{
	size_t best_len = 0, used = 0;
	struct dirent *entry;

	best[0] = names[0] = '\0';
	while ((entry = readdir(dir)) != NULL) {
		size_t n = strlen(entry->d_name);
		if (n <= 4 || strcmp(entry->d_name + n - 4, ".xml") != 0)
			continue;
		size_t m = match_length(tag, entry->d_name, n - 4);
		if (m > best_len) {
			best_len = m;
			snprintf(best, best_size, "%s", entry->d_name);
		}
		if (used < names_size)
			used += (size_t)snprintf(names + used, names_size - used, "%s%.*s",
			                         used ? ", " : "", (int)(n - 4), entry->d_name);
	}
}

char *lang_words_path(const char *datadir, const struct book *b, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(b->doc);
	xmlChar *lang = xmlNodeGetLang(root);
	const char *tag = lang != NULL && lang[0] != '\0' ? (const char *)lang : FALLBACK_LANG;
	char *folder = path_join(datadir, L10N_DIR), best[256], names[512];
	DIR *dir = opendir(folder);
	char *path;

	best[0] = names[0] = '\0';
	if (dir != NULL) {
		best_words_file(dir, tag, best, sizeof best, names, sizeof names);
		closedir(dir);
	}
	if (best[0] == '\0') {
		book_report(b, d, root, D_LANG_NO_WORDS, tag, names);
		snprintf(best, sizeof best, FALLBACK_LANG ".xml");
	}
	xmlFree(lang);
	path = path_join(folder, best);
	free(folder);
	return path;
}
