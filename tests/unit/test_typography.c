/* test_typography.c: typographic apostrophes in prose, and code left as written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <string.h>

#include "typography.h"

static void assert_text(const char *in, const char *want)
{
	xmlChar *got = typography_text(BAD_CAST in);
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal((const char *)got, want);
	xmlFree(got);
}

static void apostrophes_after_letters(void **state)
{
	(void)state;
	assert_text("it's the band's", "it\xe2\x80\x99s the band\xe2\x80\x99s");
	assert_text("the studios' rooms", "the studios\xe2\x80\x99 rooms");
	assert_text("caf\xc3\xa9's menu", "caf\xc3\xa9\xe2\x80\x99s menu");
}

static void quotes_that_open_stay(void **state)
{
	(void)state;
	assert_text("a 'quoted' word", "a 'quoted\xe2\x80\x99 word");
	assert_text("'start", NULL);
	assert_text("no apostrophe", NULL);
}

static void code_is_left_as_written(void **state)
{
	(void)state;
	const char *xml = "<para xmlns='http://docbook.org/ns/docbook'>it's <code>x = 'a'</code>"
	                  " <emphasis>don't</emphasis></para>";
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	assert_non_null(doc);
	typography_apostrophes(xmlDocGetRootElement(doc));
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	assert_string_equal((const char *)text, "it\xe2\x80\x99s x = 'a' don\xe2\x80\x99t");
	xmlFree(text);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(apostrophes_after_letters),
		cmocka_unit_test(quotes_that_open_stay),
		cmocka_unit_test(code_is_left_as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
