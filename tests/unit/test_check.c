/* test_check.c: the checks, the schema and the rendering of tiny books written at run time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "helpers.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "site.h"

#define BOOK_OPEN "<?xml version=\"1.0\"?>\n" \
	"<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:lang=\"en\" xml:id=\"b\">\n" \
	"<info><title>Tiny</title></info>\n"

/* A tiny book: BOOK_OPEN, then body, then </book>, loaded from a scratch file. */
struct tiny {
	struct captured c;
	char dir[32];
	char path[48];
	struct book *book;
	struct schema schema;
};

static void tiny_load(struct tiny *t, const char *body)
{
	strcpy(t->dir, "/tmp/mixdown-unit-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/book.xml", t->dir);
	FILE *f = fopen(t->path, "w");
	assert_non_null(f);
	fprintf(f, "%s%s</book>\n", BOOK_OPEN, body);
	fclose(f);
	capture_start(&t->c);
	t->book = load_book(t->path, NULL, 0, &t->c.diag);
	assert_non_null(t->book);
	assert_int_equal(schema_open(&t->schema, DOCBOOK_RNG, &t->c.diag), 1);
}

static void tiny_free(struct tiny *t)
{
	schema_close(&t->schema);
	book_free(t->book);
	capture_end(&t->c);
	unlink(t->path);
	rmdir(t->dir);
}

/* The errors check_book reports on a tiny book, and what it printed (in t->c). */
static int tiny_check(struct tiny *t, const char *body)
{
	tiny_load(t, body);
	return check_book(t->book, &t->schema, &t->c.diag);
}

static void a_valid_book_passes_the_schema_and_the_rules(void **state)
{
	(void)state;
	struct tiny t;
	assert_int_equal(tiny_check(&t, "<chapter xml:id=\"c\"><title>C</title><para>See <xref linkend=\"c\"/>.</para></chapter>\n"), 0);
	assert_string_equal(captured_text(&t.c), "");
	tiny_free(&t);
}

static void an_element_the_schema_does_not_allow_is_an_error(void **state)
{
	(void)state;
	struct tiny t;
	assert_true(tiny_check(&t, "<chapter xml:id=\"c\"><title>C</title><title>Again</title><para>x</para></chapter>\n") > 0);
	assert_non_null(strstr(captured_text(&t.c), ": error: "));
	tiny_free(&t);
}

static void an_xref_to_an_unknown_id_is_an_error(void **state)
{
	(void)state;
	struct tiny t;
	assert_int_equal(tiny_check(&t, "<chapter xml:id=\"c\"><title>C</title><para><xref linkend=\"nowhere\"/></para></chapter>\n"), 1);
	assert_non_null(strstr(captured_text(&t.c), "linkend='nowhere'"));
	tiny_free(&t);
}

static void an_id_used_twice_is_an_error(void **state)
{
	(void)state;
	struct tiny t;
	assert_int_equal(tiny_check(&t, "<chapter xml:id=\"c\"><title>C</title><para xml:id=\"c\">x</para></chapter>\n"), 1);
	assert_non_null(strstr(captured_text(&t.c), "'c'"));
	tiny_free(&t);
}

/* Keeps the text of the file named c.html of a rendered site; goes on to the next file. */
static int keep_chapter_page(void *data, struct rendered_file *file)
{
	if (strcmp(file->href, "c.html") == 0) {
		size_t len;
		*(char **)data = render_serialize(file, &len);
	}
	return 1;
}

static void a_chapter_renders_as_a_page_titled_by_it_and_the_book(void **state)
{
	(void)state;
	struct tiny t;
	struct plan plan;
	struct renderer r;
	assert_int_equal(tiny_check(&t, "<chapter xml:id=\"c\"><title>The Chapter</title><para>x</para></chapter>\n"), 0);
	assert_int_equal(plan_book(t.book, &plan, &t.c.diag), 0);
	assert_int_equal(render_open(&r, ".", &t.c.diag), 1);
	const char *params[] = {"lang", "en", "l10n", "../l10n/en.xml", "base-url", "", "edit-url", "", NULL};
	char *page = NULL;
	r.sink = keep_chapter_page;
	r.sink_data = &page;
	xmlDocPtr site = render_stylesheet(&r, SITE_STYLESHEET, t.book, params);
	assert_non_null(site);
	assert_non_null(page);
	assert_non_null(strstr(page, "<title>The Chapter — Tiny</title>"));
	free(page);
	xmlFreeDoc(site);
	render_close(&r);
	plan_free(&plan);
	tiny_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_valid_book_passes_the_schema_and_the_rules),
		cmocka_unit_test(an_element_the_schema_does_not_allow_is_an_error),
		cmocka_unit_test(an_xref_to_an_unknown_id_is_an_error),
		cmocka_unit_test(an_id_used_twice_is_an_error),
		cmocka_unit_test(a_chapter_renders_as_a_page_titled_by_it_and_the_book),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
