/* test_load.c: loading a book: XInclude, positions per file, confinement, refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libxml/tree.h>
#include <string.h>

#include "check.h"
#include "helpers.h"
#include "load.h"

#define FIXTURES "tests/unit/fixtures/"

static xmlNodePtr by_id(struct book *b, const char *id)
{
	xmlAttrPtr a;
	struct schema schema;
	struct diag quiet;
	diag_init(&quiet, stderr);
	schema_open(&schema, DOCBOOK_RNG, &quiet);
	check_book(b, &schema, &quiet);
	schema_close(&schema);
	diag_free(&quiet);
	a = xmlGetID(b->doc, BAD_CAST id);
	return a ? a->parent : NULL;
}

static void includes_chapters_and_keeps_their_files(void **state)
{
	struct captured c;
	struct book *b;
	xmlNodePtr second;
	struct diag_loc loc;
	(void)state;
	capture_start(&c);
	b = load_book(FIXTURES "good/book.xml", NULL, 0, &c.diag);
	assert_non_null(b);
	assert_string_equal(captured_text(&c), "");
	assert_string_equal(b->name, "book");
	assert_int_equal(b->nfiles, 2);
	second = by_id(b, "second");
	assert_non_null(second);
	assert_string_equal(book_file_of(b, second)->rel, "chapters/ch.xml");
	book_locate(b, second, &loc);
	assert_string_equal(loc.file, FIXTURES "good/chapters/ch.xml");
	assert_int_equal(loc.line, 4);
	assert_int_equal(loc.col, 23); /* the second <para> on its line */
	book_free(b);
	capture_end(&c);
}

/* The element of an id the loader registered (without the checks by_id runs). */
static xmlNodePtr registered(struct book *b, const char *id)
{
	xmlAttrPtr a = xmlGetID(b->doc, BAD_CAST id);

	assert_non_null(a);
	return a->parent;
}

static int blank_children(xmlNodePtr e)
{
	int n = 0;

	for (xmlNodePtr c = e->children; c != NULL; c = c->next)
		n += c->type == XML_TEXT_NODE && xmlIsBlankNode(c);
	return n;
}

/* The white space that lays out blocks is dropped; white space between words, in program
 * listings and under xml:space="preserve" is kept. */
static void drops_only_the_blanks_between_blocks(void **state)
{
	struct captured c;
	struct book *b;
	xmlNodePtr words, code;
	xmlChar *text;
	(void)state;
	capture_start(&c);
	b = load_book(FIXTURES "blanks/book.xml", NULL, 0, &c.diag);
	assert_non_null(b);
	assert_int_equal(blank_children(xmlDocGetRootElement(b->doc)), 0);
	assert_int_equal(blank_children(registered(b, "c")), 0);
	assert_int_equal(blank_children(registered(b, "list")), 0);
	assert_int_equal(blank_children(registered(b, "list")->children), 0);
	assert_int_equal(blank_children(registered(b, "kept")), 3);
	words = registered(b, "words");
	text = xmlNodeGetContent(words);
	assert_string_equal((const char *)text, "two words");
	xmlFree(text);
	code = registered(b, "code");
	text = xmlNodeGetContent(code);
	assert_string_equal((const char *)text, "\n  indented\n");
	xmlFree(text);
	assert_string_equal(captured_text(&c), "");
	book_free(b);
	capture_end(&c);
}

/* Columns count characters, and the rank of an element among those of its name on its line
 * comes out the same in whatever order elements are located. */
static void locates_elements_on_one_line_in_any_order(void **state)
{
	const char *ids[] = {"p3", "p1", "p2", "p3"};
	const long columns[] = {167, 115, 141, 167};
	struct captured c;
	struct book *b;
	struct diag_loc loc;
	(void)state;
	capture_start(&c);
	b = load_book(FIXTURES "oneline/book.xml", NULL, 0, &c.diag);
	assert_non_null(b);
	assert_non_null(by_id(b, "p1"));
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		book_locate(b, by_id(b, ids[i]), &loc);
		assert_int_equal(loc.line, 2);
		assert_int_equal(loc.col, columns[i]);
	}
	book_free(b);
	capture_end(&c);
}

/* An xpointer written as a bare child sequence ("/1/2", "sect-a/2") names the element that
 * element() would, as other XInclude processors read it. */
static void includes_the_element_a_bare_child_sequence_names(void **state)
{
	struct captured c;
	struct book *b;
	(void)state;
	capture_start(&c);
	b = load_book(FIXTURES "childseq/book.xml", NULL, 0, &c.diag);
	assert_non_null(b);
	assert_string_equal(captured_text(&c), "");
	assert_non_null(by_id(b, "whole"));
	assert_non_null(by_id(b, "inner"));
	assert_string_equal(book_file_of(b, by_id(b, "inner"))->rel, "part.xml");
	book_free(b);
	capture_end(&c);
}

static void refuses_an_include_outside_the_folder(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_null(load_book(FIXTURES "escape/inner/book.xml", NULL, 0, &c.diag));
	assert_string_equal(captured_text(&c),
	                    FIXTURES "escape/inner/book.xml:4:3: error: '../../outside.xml' is outside "
	                             "the book's folder; --root DIR names a wider one\n");
	capture_end(&c);
}

static void refuses_an_include_loop(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_null(load_book(FIXTURES "loop/book.xml", NULL, 0, &c.diag));
	assert_string_equal(captured_text(&c), FIXTURES "loop/a.xml:4:3: error: 'a.xml' includes "
	                                                "itself (an XInclude loop)\n");
	capture_end(&c);
}

static void refuses_an_entity_file_outside_the_book(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_null(load_book(FIXTURES "entity/book.xml", NULL, 0, &c.diag));
	assert_non_null(strstr(captured_text(&c), FIXTURES "entity/book.xml:3:"));
	assert_non_null(strstr(captured_text(&c), "entity 'secret': '/etc/passwd' is an absolute path"));
	assert_null(strstr(captured_text(&c), "root:"));
	capture_end(&c);
}

static void reports_a_missing_book(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_null(load_book(FIXTURES "no-such-book.xml", NULL, 0, &c.diag));
	assert_string_equal(captured_text(&c), FIXTURES "no-such-book.xml: error: cannot read: No "
	                                                "such file or directory\n");
	capture_end(&c);
}

static void tells_urls_from_paths(void **state)
{
	(void)state;
	assert_true(href_has_scheme("http://example.com/x.xml"));
	assert_true(href_has_scheme("file:///etc/passwd"));
	assert_true(href_has_scheme("javascript:alert(1)"));
	assert_false(href_has_scheme("chapters/a.xml"));
	assert_true(href_has_scheme("mailto:someone@example.com"));
	assert_false(href_has_scheme("./c:d.xml"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(includes_chapters_and_keeps_their_files),
		cmocka_unit_test(drops_only_the_blanks_between_blocks),
		cmocka_unit_test(locates_elements_on_one_line_in_any_order),
		cmocka_unit_test(includes_the_element_a_bare_child_sequence_names),
		cmocka_unit_test(refuses_an_include_outside_the_folder),
		cmocka_unit_test(refuses_an_include_loop),
		cmocka_unit_test(refuses_an_entity_file_outside_the_book),
		cmocka_unit_test(reports_a_missing_book),
		cmocka_unit_test(tells_urls_from_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
