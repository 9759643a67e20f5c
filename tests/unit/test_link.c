/* test_link.c: the one decision on a link's scheme, as a browser would read the address. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

#include "check.h"

static void expect(const char *href, enum link_kind kind, const char *clean)
{
	char *read = NULL;
	assert_int_equal(link_kind_of(href, &read), kind);
	assert_string_equal(read, clean);
	free(read);
}

static void web_and_mail_schemes_are_allowed_in_any_case(void **state)
{
	(void)state;
	expect("https://example.org/", LINK_WEB, "https://example.org/");
	expect("HTTPS://example.org/", LINK_WEB, "HTTPS://example.org/");
	expect("Http://example.org/", LINK_WEB, "Http://example.org/");
	expect("mailto:someone@example.org", LINK_WEB, "mailto:someone@example.org");
	expect("MAILTO:someone@example.org", LINK_WEB, "MAILTO:someone@example.org");
}

static void javascript_is_unsafe_however_it_is_written(void **state)
{
	(void)state;
	expect("javascript:alert(1)", LINK_UNSAFE, "javascript:alert(1)");
	expect(" javascript:alert(1)", LINK_UNSAFE, "javascript:alert(1)");
	expect("JaVaScRiPt:alert(1)", LINK_UNSAFE, "JaVaScRiPt:alert(1)");
	expect("java\tscript:alert(1)", LINK_UNSAFE, "javascript:alert(1)");
	expect("\njava\rscr\nipt:alert(1)", LINK_UNSAFE, "javascript:alert(1)");
	expect("\x01\x1f javascript:alert(1) \x02", LINK_UNSAFE, "javascript:alert(1)");
}

static void other_schemes_are_unsafe(void **state)
{
	(void)state;
	expect("data:text/html,x", LINK_UNSAFE, "data:text/html,x");
	expect("ftp://example.org/", LINK_UNSAFE, "ftp://example.org/");
	expect("vbscript:x", LINK_UNSAFE, "vbscript:x");
	expect("http:javascript:x", LINK_WEB, "http:javascript:x");
}

static void a_fragment_alone_names_a_place_in_the_book(void **state)
{
	(void)state;
	expect("#here", LINK_FRAGMENT, "#here");
	expect(" #here\n", LINK_FRAGMENT, "#here");
}

static void addresses_without_a_scheme_are_relative(void **state)
{
	(void)state;
	expect("page.html", LINK_RELATIVE, "page.html");
	expect("page.html#here", LINK_RELATIVE, "page.html#here");
	expect("  ", LINK_RELATIVE, "");
	expect("java script:x", LINK_RELATIVE, "java script:x");
	expect("https//example.org", LINK_RELATIVE, "https//example.org");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(web_and_mail_schemes_are_allowed_in_any_case),
		cmocka_unit_test(javascript_is_unsafe_however_it_is_written),
		cmocka_unit_test(other_schemes_are_unsafe),
		cmocka_unit_test(addresses_without_a_scheme_are_relative),
		cmocka_unit_test(a_fragment_alone_names_a_place_in_the_book),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
