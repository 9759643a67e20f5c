/* test_lang.c: the syntax of language tags (BCP 47). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lang.h"

static void accepts_tags_of_every_shape(void **state)
{
	static const char *const valid[] = {
		"en", "EN", "en-US", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901",
		"sl-rozaj-biske", "en-a-bbb-x-a-ccc", "en-x-private", "x-klingon", "i-klingon",
		"en-GB-oed", "zh-min-nan", "zh-yue-HK", "ast", "qaa", "tlh-Latn",
	};
	(void)state;
	for (size_t i = 0; i < sizeof valid / sizeof *valid; i++) {
		if (!lang_tag_is_valid(valid[i]))
			fail_msg("refused %s", valid[i]);
	}
}

static void refuses_what_is_not_a_tag(void **state)
{
	static const char *const invalid[] = {
		"", "e", "../../x", "en_US", "en US", "en-", "-en", "en--US", "123", "en-12",
		"abcdefghi", "x", "en-x", "en-a", "en-a-x-b", "en-US-a", "en-123456789",
		"xsl/l10n/../../etc", "en\n", "\xc3\xa9n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++) {
		if (lang_tag_is_valid(invalid[i]))
			fail_msg("accepted %s", invalid[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_tags_of_every_shape),
		cmocka_unit_test(refuses_what_is_not_a_tag),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
