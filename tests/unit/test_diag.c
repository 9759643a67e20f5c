/* test_diag.c: the reporter's line format, its counts and its escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "helpers.h"

static void reports_file_line_and_column(void **state)
{
	struct captured c;
	struct diag_loc loc = {"chapters/a.xml", 12, 5};
	(void)state;
	capture_start(&c);
	diag_report(&c.diag, &loc, D_UNKNOWN_ID, "linkend", "nowhere", "");
	assert_string_equal(captured_text(&c),
	                    "chapters/a.xml:12:5: error: linkend='nowhere' points to no xml:id in the book\n");
	assert_int_equal(diag_errors(&c.diag), 1);
	capture_end(&c);
}

static void names_the_tool_without_a_location(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	diag_report(&c.diag, NULL, D_WRITE_FAILED, "out/x: No space left on device");
	assert_string_equal(captured_text(&c), "mixdown: error: cannot write: out/x: No space left on device\n");
	capture_end(&c);
}

static void reports_a_message_once_per_place(void **state)
{
	struct captured c;
	struct diag_loc here = {"tip.xml", 2, 36}, there = {"tip.xml", 3, 4};
	(void)state;
	capture_start(&c);
	diag_report(&c.diag, &here, D_UNKNOWN_ID, "linkend", "backups", "");
	diag_report(&c.diag, &there, D_UNKNOWN_ID, "linkend", "backups", "");
	diag_report(&c.diag, &here, D_UNKNOWN_ID, "linkend", "backups", "");
	diag_report(&c.diag, &here, D_UNKNOWN_ID, "linkend", "restore", "");
	assert_string_equal(captured_text(&c),
	                    "tip.xml:2:36: error: linkend='backups' points to no xml:id in the book\n"
	                    "tip.xml:3:4: error: linkend='backups' points to no xml:id in the book\n"
	                    "tip.xml:2:36: error: linkend='restore' points to no xml:id in the book\n");
	assert_int_equal(diag_errors(&c.diag), 3);
	capture_end(&c);
}

static void warnings_are_not_errors(void **state)
{
	struct captured c;
	struct diag_loc loc = {"a.xml", 1, 1};
	(void)state;
	capture_start(&c);
	diag_report(&c.diag, &loc, D_UNKNOWN_ELEMENT, "blink", "");
	assert_int_equal(diag_errors(&c.diag), 0);
	assert_int_equal(c.diag.tally.count[SEV_WARNING], 1);
	assert_non_null(strstr(captured_text(&c), "a.xml:1:1: warning: <blink>"));
	capture_end(&c);
}

static void keeps_each_message_on_one_line(void **state)
{
	struct captured c;
	struct diag_loc loc = {"a.xml", 2, 0};
	(void)state;
	capture_start(&c);
	diag_report(&c.diag, &loc, D_XML_SYNTAX, "two\nlines and a \x1b escape\n");
	assert_string_equal(captured_text(&c), "a.xml:2: error: two lines and a \\x1b escape\n");
	capture_end(&c);
}

static void never_colors_a_file(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_int_equal(c.diag.color, 0);
	capture_end(&c);
}

static void level_hides_and_strict_fails(void **state)
{
	struct captured c;
	struct diag_loc loc = {"a.xml", 1, 1};
	(void)state;
	capture_start(&c);
	assert_true(diag_set_level(&c.diag, "error"));
	diag_report(&c.diag, &loc, D_UNKNOWN_ELEMENT, "blink", "");
	assert_string_equal(captured_text(&c), "");
	assert_false(diag_failed(&c.diag));
	assert_true(diag_set_level(&c.diag, "style"));
	diag_report(&c.diag, &loc, D_MISSING_ID, "chapter");
	assert_true(diag_failed(&c.diag));
	assert_false(diag_set_level(&c.diag, "loud"));
	capture_end(&c);
}

static void writes_json_lines(void **state)
{
	struct captured c;
	struct diag_loc loc = {"dir/\"odd\".xml", 3, 4};
	(void)state;
	capture_start(&c);
	c.diag.format = FORMAT_JSON;
	diag_report(&c.diag, &loc, D_DUPLICATE_ID, "x", "b.xml:1");
	assert_string_equal(captured_text(&c),
	                    "{\"file\":\"dir/\\\"odd\\\".xml\",\"line\":3,\"column\":4,\"severity\":"
	                    "\"error\",\"code\":\"duplicate-id\",\"message\":\"xml:id 'x' is already "
	                    "used at b.xml:1\"}\n");
	capture_end(&c);
}

/* A JSON line's file name is kept exactly, its message written as the site's scripts write text. */
static void json_keeps_the_file_name_exactly(void **state)
{
	struct captured c;
	struct diag_loc loc = {"my  book.xml", 1, 2};
	(void)state;
	capture_start(&c);
	c.diag.format = FORMAT_JSON;
	diag_report(&c.diag, &loc, D_SCHEMA_NOT_ALLOWED, "tip", "para");
	assert_string_equal(captured_text(&c),
	                    "{\"file\":\"my  book.xml\",\"line\":1,\"column\":2,\"severity\":"
	                    "\"error\",\"code\":\"schema-not-allowed\",\"message\":\"\\u003ctip> is not "
	                    "allowed inside \\u003cpara>\"}\n");
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reports_file_line_and_column),
		cmocka_unit_test(names_the_tool_without_a_location),
		cmocka_unit_test(reports_a_message_once_per_place),
		cmocka_unit_test(warnings_are_not_errors),
		cmocka_unit_test(keeps_each_message_on_one_line),
		cmocka_unit_test(never_colors_a_file),
		cmocka_unit_test(level_hides_and_strict_fails),
		cmocka_unit_test(writes_json_lines),
		cmocka_unit_test(json_keeps_the_file_name_exactly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
