/* tokens.c: the tokenizer of the site's search, for the index mixdown writes. style/search.js
 * tokenizes queries the same way; this comment is the one written spec both follow:
 *   1. Fold: Unicode NFD, combining marks U+0300-036F dropped, lowercased (root locale),
 *      U+2019 read as an apostrophe ("Écho" -> "echo").
 *   2. Words: runs of letters, digits and marks (\p{L}\p{N}\p{M}), joined through one of
 *      ' & / : . - standing between two such runs ("a&r", "ac/dc", "3:1", "re-recording").
 *   3. Forms: a word with a Chinese, Japanese or Korean character stands for each of its
 *      characters and each pair of neighbours; a word with & / : . - (but not a number like
 *      3:1 or 2.5) stands for its parts joined ("&" kept between them when it held one:
 *      "a&r", "acdc", "rerecording") and for each part longer than one character; any other
 *      word stands for itself.
 *   4. Terms: a form of ASCII letters and apostrophes longer than two characters is stemmed
 *      with Snowball English; apostrophes are then dropped from every form ("it's" -> "its"). */
#include "tokens.h"

#include <libstemmer.h>
#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Words and forms up to this many bytes of UTF-8 are made on the stack. */
#define SMALL_FORM 256

struct tokenizer {
	struct sb_stemmer *stemmer;
	const UNormalizer2 *nfd;
	xmlHashTablePtr stems; /* form -> its stem: a book says the same words again and again */
};

struct tokenizer *tokenizer_new(void)
{
	UErrorCode err = U_ZERO_ERROR;
	struct tokenizer *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->stemmer = sb_stemmer_new("english", "UTF_8");
	t->nfd = unorm2_getNFDInstance(&err);
	t->stems = xmlHashCreate(4096);
	if (t->stemmer == NULL || t->stems == NULL || U_FAILURE(err)) {
		tokenizer_free(t);
		return NULL;
	}
	return t;
}

void tokenizer_free(struct tokenizer *t)
{
	if (t == NULL)
		return;
	if (t->stemmer != NULL)
		sb_stemmer_delete(t->stemmer);
	xmlHashFree(t->stems, xmlHashDefaultDeallocator);
	free(t);
}

/* Step 1: text folded, as UTF-16 (caller frees), its length in *len; NULL if out of memory. */
static UChar *fold(const struct tokenizer *t, const char *text, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0, m, k = 0;
	u_strFromUTF8Lenient(NULL, 0, &n, text, -1, &err);
	err = U_ZERO_ERROR;
	UChar *raw = malloc(((size_t)n + 1) * sizeof *raw);
	UChar *nfd = malloc(((size_t)n * 4 + 1) * sizeof *nfd);
	UChar *lower = malloc(((size_t)n * 12 + 1) * sizeof *lower);
	if (raw != NULL && nfd != NULL && lower != NULL) {
		u_strFromUTF8Lenient(raw, n + 1, NULL, text, -1, &err);
		m = unorm2_normalize(t->nfd, raw, n, nfd, n * 4 + 1, &err);
		for (int32_t i = 0; U_SUCCESS(err) && i < m; i++)
			if (nfd[i] < 0x300 || nfd[i] > 0x36f)
				nfd[k++] = nfd[i];
		*len = U_SUCCESS(err) ? u_strToLower(lower, n * 12 + 1, nfd, k, "", &err) : 0;
		for (int32_t i = 0; U_SUCCESS(err) && i < *len; i++)
			if (lower[i] == 0x2019)
				lower[i] = '\'';
	}
	free(raw);
	free(nfd);
	if (raw == NULL || nfd == NULL || U_FAILURE(err)) {
		free(lower);
		return NULL;
	}
	return lower;
}

static int is_word_char(UChar32 c)
{
	return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

static int is_joiner(UChar c)
{
	return c == '&' || c == '/' || c == ':' || c == '.' || c == '-';
}

static int is_cjk(UChar32 c)
{
	return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	       (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

/* The end of the run of word characters at s[i], or i when there is none. */
static int32_t run_end(const UChar *s, int32_t len, int32_t i)
{
	while (i < len) {
		int32_t j = i;
		UChar32 c;
		U16_NEXT(s, j, len, c);
		if (!is_word_char(c))
			break;
		i = j;
	}
	return i;
}

/* Step 2: the end of the word starting at s[i] (a word character). */
static int32_t word_end(const UChar *s, int32_t len, int32_t i)
{
	i = run_end(s, len, i);
	while (i + 1 < len && (is_joiner(s[i]) || s[i] == '\'')) {
		int32_t next = run_end(s, len, i + 1);
		if (next == i + 1)
			break;
		i = next;
	}
	return i;
}

struct word_visit {
	struct tokenizer *t;
	const char *word;
	size_t n;
	term_visit visit;
	void *ctx;
};

/* Replaces a form of ASCII letters by its stem, which is never longer. */
static void stem_in_place(struct tokenizer *t, char *form)
{
	const char *known = xmlHashLookup(t->stems, BAD_CAST form);
	const sb_symbol *stem;

	if (known == NULL) {
		stem = sb_stemmer_stem(t->stemmer, (const sb_symbol *)form, (int)strlen(form));
		if (stem == NULL)
			return;
		known = (const char *)xmlStrndup(stem, sb_stemmer_length(t->stemmer));
		if (known == NULL || xmlHashAddEntry(t->stems, BAD_CAST form, (void *)known) != 0) {
			memcpy(form, stem, (size_t)sb_stemmer_length(t->stemmer));
			form[sb_stemmer_length(t->stemmer)] = '\0';
			xmlFree((void *)known);
			return;
		}
	}
	strcpy(form, known);
}

/* Step 4: visits the term of one form (UTF-16 s[0..len)). */
static void visit_form(const struct word_visit *w, const UChar *s, int32_t len)
{
	char small[SMALL_FORM], *utf8 = (size_t)len * 3 + 1 <= sizeof small ? small : malloc((size_t)len * 3 + 1);
	char *out = utf8;
	UErrorCode err = U_ZERO_ERROR;
	int letters = len > 2;
	if (utf8 == NULL)
		return;
	u_strToUTF8(utf8, len * 3 + 1, NULL, s, len, &err);
	for (int32_t i = 0; i < len; i++)
		letters &= (s[i] >= 'a' && s[i] <= 'z') || s[i] == '\'';
	const char *term = utf8;
	if (letters && U_SUCCESS(err))
		stem_in_place(w->t, utf8);
	for (const char *p = term; *p != '\0'; p++)
		if (*p != '\'')
			*out++ = *p;
	*out = '\0';
	w->visit(w->word, term, w->n, w->ctx);
	if (utf8 != small)
		free(utf8);
}

static int is_number(const UChar *s, int32_t len)
{
	int digits = 0;
	for (int32_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if ((s[i] == ':' || s[i] == '.') && digits)
			digits = 0;
		else
			return 0;
	}
	return digits > 0;
}

/* Step 3: visits the forms of the word s[0..len). */
static void visit_forms(const struct word_visit *w, const UChar *s, int32_t len)
{
	int cjk = 0, joined = 0, amp = 0;
	for (int32_t i = 0; i < len;) {
		UChar32 c;
		U16_NEXT(s, i, len, c);
		cjk |= is_cjk(c);
	}
	for (int32_t i = 0; i < len; i++) {
		joined |= is_joiner(s[i]);
		amp |= s[i] == '&';
	}
	if (cjk) {
		for (int32_t i = 0; i < len;) {
			int32_t one = i, two;
			U16_FWD_1(s, one, len);
			visit_form(w, s + i, one - i);
			two = one;
			if (two < len) {
				U16_FWD_1(s, two, len);
				visit_form(w, s + i, two - i);
			}
			i = one;
		}
		return;
	}
	if (!joined || is_number(s, len)) {
		visit_form(w, s, len);
		return;
	}
	UChar *whole = malloc((size_t)len * sizeof *whole);
	int32_t k = 0;
	if (whole == NULL)
		return;
	for (int32_t i = 0; i < len; i++)
		if (!is_joiner(s[i]))
			whole[k++] = s[i];
		else if (amp)
			whole[k++] = '&';
	visit_form(w, whole, k);
	free(whole);
	for (int32_t i = 0; i < len;) {
		int32_t j = i;
		while (j < len && !is_joiner(s[j]))
			j++;
		if (j - i > 1)
			visit_form(w, s + i, j - i);
		i = j + 1;
	}
}

size_t tokenizer_each(struct tokenizer *t, const char *text, term_visit visit, void *ctx)
{
	int32_t len = 0;
	UChar *s = fold(t, text, &len);
	struct word_visit w = {t, NULL, 0, visit, ctx};

	if (s == NULL)
		return 0;
	for (int32_t i = 0; i < len;) {
		int32_t j = i, end;
		UChar32 c;
		U16_NEXT(s, j, len, c);
		if (!is_word_char(c)) {
			i = j;
			continue;
		}
		end = word_end(s, len, i);
		size_t size = (size_t)(end - i) * 3 + 1;
		char small[SMALL_FORM], *word = size <= sizeof small ? small : malloc(size);
		UErrorCode err = U_ZERO_ERROR;
		if (word != NULL) {
			u_strToUTF8(word, (int32_t)size, NULL, s + i, end - i, &err);
			w.word = word;
			visit_forms(&w, s + i, end - i);
			if (word != small)
				free(word);
		}
		w.n++;
		i = end;
	}
	free(s);
	return w.n;
}
