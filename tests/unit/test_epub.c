/* test_epub.c: the EPUB's identifier, a name-based UUID (version 5, SHA-1). The expected
 * values come from Python's uuid.uuid5(uuid.NAMESPACE_URL, name), written independently. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "epub.h"

static void assert_uuid(const char *name, const char *want)
{
	char got[46];

	epub_uuid_v5(name, got);
	assert_string_equal(got, want);
}

static void the_handbook_keeps_its_identifier(void **state)
{
	(void)state;
	assert_uuid("mixdown:book:handbook:Behind the Glass",
	            "urn:uuid:e8ee0968-3cf7-5c91-a955-11bcf96cdf04");
}

static void empty_and_non_ascii_names(void **state)
{
	(void)state;
	assert_uuid("", "urn:uuid:1b4db7eb-4057-5ddf-91e0-36dec72071f5");
	assert_uuid("caf\xc3\xa9", "urn:uuid:79d4db4c-73a9-5cec-bd37-4fc862e2120d");
}

/* With the 16 bytes of the namespace, these names end just before, at and after the length
 * where SHA-1's padding needs a second block, and span several blocks. */
static void names_across_block_edges(void **state)
{
	char name[201];

	(void)state;
	memset(name, 'a', 48);
	name[39] = '\0';
	assert_uuid(name, "urn:uuid:615eac0e-03db-567b-8580-916c1aca1cc2");
	name[39] = 'a';
	name[40] = '\0';
	assert_uuid(name, "urn:uuid:c5c985c8-6875-5a42-b6e3-2872703afed4");
	name[40] = 'a';
	name[48] = '\0';
	assert_uuid(name, "urn:uuid:aa33c522-9edc-58a5-b5af-e2a12995886e");
	memset(name, 'x', 200);
	name[200] = '\0';
	assert_uuid(name, "urn:uuid:cd3580b9-d244-586a-8077-74317319b48d");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_handbook_keeps_its_identifier),
		cmocka_unit_test(empty_and_non_ascii_names),
		cmocka_unit_test(names_across_block_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
