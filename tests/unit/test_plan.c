/* test_plan.c: the pages, their names and order, and the labels and anchors of the plan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libxml/tree.h>
#include <string.h>

#include "check.h"
#include "helpers.h"
#include "load.h"
#include "plan.h"

struct fixture {
	struct captured c;
	struct book *book;
	struct plan plan;
};

static int plan_fixture(void **state, const char *path)
{
	struct fixture *f = calloc(1, sizeof *f);
	capture_start(&f->c);
	f->book = load_book(path, NULL, 0, &f->c.diag);
	if (f->book == NULL)
		return -1;
	struct schema schema;
	schema_open(&schema, DOCBOOK_RNG, &f->c.diag);
	check_book(f->book, &schema, &f->c.diag);
	schema_close(&schema);
	plan_book(f->book, &f->plan, &f->c.diag);
	*state = f;
	return 0;
}

static int setup(void **state)
{
	return plan_fixture(state, "tests/unit/fixtures/good/book.xml");
}

static int setup_names(void **state)
{
	return plan_fixture(state, "tests/unit/fixtures/names/book.xml");
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	plan_free(&f->plan);
	book_free(f->book);
	capture_end(&f->c);
	free(f);
	return 0;
}

static char *mx(xmlNodePtr e, const char *name)
{
	return (char *)xmlGetNsProp(e, BAD_CAST name, BAD_CAST MX_NS);
}

static void names_pages_from_ids_in_reading_order(void **state)
{
	struct fixture *f = *state;
	const char *expected[] = {"index", "preface-1", "p1", "ch", "chapter-2", "index-2", "extra"};
	assert_string_equal(captured_text(&f->c), "");
	assert_int_equal(f->plan.npages, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(f->plan.pages[i].name, expected[i]);
}

/* Names stay readable (other scripts in Latin letters) and differ after case folding, as EPUB
 * and case-insensitive file systems need; a taken name gets the next free suffix. */
static void names_pages_uniquely_after_case_folding(void **state)
{
	struct fixture *f = *state;
	const char *expected[] = {"index", "Index-2", "cA", "CA-2", "x", "X-2", "x-2-2",
	                          "echo", "Echo-2", "glava", "Strasse", "chapter-11"};
	assert_string_equal(captured_text(&f->c), "");
	assert_int_equal(f->plan.npages, 12);
	for (size_t i = 0; i < 12; i++)
		assert_string_equal(f->plan.pages[i].name, expected[i]);
}

static void links_each_page_to_its_neighbours(void **state)
{
	struct fixture *f = *state;
	char *prev = mx(f->plan.pages[3].node, "prev");
	char *next = mx(f->plan.pages[3].node, "next");
	assert_string_equal(prev, "p1");
	assert_string_equal(next, "chapter-2");
	assert_null(mx(f->plan.pages[0].node, "prev"));
	xmlFree(prev);
	xmlFree(next);
}

static void numbers_parts_chapters_appendices_and_figures(void **state)
{
	struct fixture *f = *state;
	char *part = mx(f->plan.pages[2].node, "label");
	char *chapter = mx(f->plan.pages[5].node, "label");
	char *appendix = mx(f->plan.pages[6].node, "label");
	char *figure = mx(xmlGetID(f->book->doc, BAD_CAST "f1")->parent, "label");
	assert_string_equal(part, "I");
	assert_string_equal(chapter, "3");
	assert_string_equal(appendix, "A");
	assert_string_equal(figure, "A.1");
	xmlFree(part);
	xmlFree(chapter);
	xmlFree(appendix);
	xmlFree(figure);
}

static void gives_footnotes_a_number_and_an_anchor(void **state)
{
	struct fixture *f = *state;
	xmlAttrPtr fn = xmlGetID(f->book->doc, BAD_CAST "ch.fn1");
	assert_non_null(fn);
	char *label = mx(fn->parent, "label");
	assert_string_equal(label, "1");
	xmlFree(label);
}

static void lists_each_image_once_with_its_output_path(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(f->plan.nimages, 1);
	assert_string_equal(f->plan.images[0].target, "chapters/pic.svg");
}

/* Whatever the checks before it let through, the plan puts no image on a page or on a file the
 * stylesheets write. */
static void puts_no_image_on_a_generated_file(void **state)
{
	struct captured c;
	struct plan plan;
	(void)state;
	capture_start(&c);
	struct book *b = load_book("tests/unit/fixtures/clash/book.xml", NULL, 0, &c.diag);
	assert_non_null(b);
	assert_int_equal(plan_book(b, &plan, &c.diag), 2);
	assert_non_null(strstr(captured_text(&c),
	                       "book.xml:5:31: error: fileref 'c.html' would land on 'c.html'"));
	assert_non_null(strstr(captured_text(&c),
	                       "book.xml:6:31: error: fileref 'NAV.xhtml' would land on 'nav.xhtml'"));
	assert_int_equal(plan.nimages, 1);
	assert_string_equal(plan.images[0].target, "pic.svg");
	plan_free(&plan);
	book_free(b);
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(names_pages_from_ids_in_reading_order, setup, teardown),
		cmocka_unit_test_setup_teardown(names_pages_uniquely_after_case_folding, setup_names,
		                                teardown),
		cmocka_unit_test_setup_teardown(links_each_page_to_its_neighbours, setup, teardown),
		cmocka_unit_test_setup_teardown(numbers_parts_chapters_appendices_and_figures, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(gives_footnotes_a_number_and_an_anchor, setup, teardown),
		cmocka_unit_test(puts_no_image_on_a_generated_file),
		cmocka_unit_test_setup_teardown(lists_each_image_once_with_its_output_path, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
