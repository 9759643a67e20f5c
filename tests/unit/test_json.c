/* test_json.c: the JSON string escaper the site's scripts and the live preview share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

static void assert_json(const char *in, const char *want)
{
	xmlBufferPtr buf = xmlBufferCreate();

	json_string(buf, BAD_CAST in);
	assert_string_equal((const char *)xmlBufferContent(buf), want);
	xmlBufferFree(buf);
}

static void quotes_and_backslashes(void **state)
{
	(void)state;
	assert_json("say \"hi\"", "\"say \\\"hi\\\"\"");
	assert_json("C:\\dir", "\"C:\\\\dir\"");
	assert_json("", "\"\"");
}

static void control_characters_as_escapes(void **state)
{
	(void)state;
	assert_json("a\x01" "b\x1f" "c\x7f", "\"a\\u0001b\\u001fc\\u007f\"");
}

/* A file name keeps every character: its white space is not folded but escaped. */
static void exact_strings_keep_white_space(void **state)
{
	xmlBufferPtr buf = xmlBufferCreate();
	(void)state;
	json_string_exact(buf, BAD_CAST " my  book\t<1>.xml");
	assert_string_equal((const char *)xmlBufferContent(buf), "\" my  book\\u0009\\u003c1>.xml\"");
	xmlBufferFree(buf);
}

/* "</script>" in a string inside a <script> element would end the element. */
static void safe_in_a_script_element(void **state)
{
	(void)state;
	assert_json("</script><b>", "\"\\u003c/script>\\u003cb>\"");
}

/* U+2028 and U+2029 end a line in scripts older than ES2019. */
static void line_separators_escaped(void **state)
{
	(void)state;
	assert_json("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c\xe2\x80\xa7", "\"a\\u2028b\\u2029c\xe2\x80\xa7\"");
}

static void white_space_folded_and_trimmed(void **state)
{
	(void)state;
	assert_json("  two \t\n words\r\n ", "\"two words\"");
	assert_json(" \n ", "\"\"");
}

/* Pieces of text written into one string fold as one text would. */
static void pieces_fold_across_their_edges(void **state)
{
	xmlBufferPtr buf = xmlBufferCreate();
	struct json_text t = {buf, 0, 0};

	(void)state;
	json_text_add(&t, BAD_CAST " mix");
	json_text_add(&t, BAD_CAST "down ");
	json_text_add(&t, BAD_CAST " \"x\" ");
	assert_string_equal((const char *)xmlBufferContent(buf), "mixdown \\\"x\\\"");
	xmlBufferFree(buf);
}

/* Numbers in decimal, as printf writes them, at both ends of a long. */
static void integers_in_decimal(void **state)
{
	const long numbers[] = {0, 7, 10, 1234567, -1, -90, LONG_MAX, LONG_MIN};
	xmlBufferPtr buf = xmlBufferCreate();
	char want[32];

	(void)state;
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		xmlBufferEmpty(buf);
		json_integer(buf, numbers[i]);
		snprintf(want, sizeof want, "%ld", numbers[i]);
		assert_string_equal((const char *)xmlBufferContent(buf), want);
	}
	xmlBufferFree(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quotes_and_backslashes),
		cmocka_unit_test(control_characters_as_escapes),
		cmocka_unit_test(exact_strings_keep_white_space),
		cmocka_unit_test(safe_in_a_script_element),
		cmocka_unit_test(line_separators_escaped),
		cmocka_unit_test(white_space_folded_and_trimmed),
		cmocka_unit_test(pieces_fold_across_their_edges),
		cmocka_unit_test(integers_in_decimal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
