/* test_early.c: when a preview's save may be shown before the whole book is validated: only
 * when every file changed since the book was last valid passes the schema on its own, and
 * never when the master file changed or the book was never valid. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "early.h"
#include "helpers.h"
#include "load.h"

#define MASTER "<?xml version=\"1.0\"?>\n" \
	"<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"" \
	" version=\"5.0\" xml:lang=\"en\" xml:id=\"b\">\n<info><title>%s</title></info>\n" \
	"<xi:include href=\"one.xml\"/>\n<xi:include href=\"two.xml\"/>\n</book>\n"
#define CHAPTER "<?xml version=\"1.0\"?>\n" \
	"<chapter xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:id=\"%s\">\n" \
	"<title>A chapter</title>\n%s\n</chapter>\n"

/* A book of a master file and two chapters in a scratch folder, its texts kept when valid. */
struct preview {
	struct captured c;
	char dir[32];
	struct schema schema;
	struct valid_files valid;
};

static void write_file(struct preview *p, const char *name, const char *format, const char *a,
                       const char *b)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", p->dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, format, a, b);
	fclose(f);
}

static int setup(void **state)
{
	struct preview *p = calloc(1, sizeof *p);

	assert_non_null(p);
	strcpy(p->dir, "/tmp/mixdown-unit-XXXXXX");
	assert_non_null(mkdtemp(p->dir));
	write_file(p, "book.xml", MASTER, "Book", "");
	write_file(p, "one.xml", CHAPTER, "one", "<para>One.</para>");
	write_file(p, "two.xml", CHAPTER, "two", "<para>Two.</para>");
	capture_start(&p->c);
	assert_int_equal(schema_open(&p->schema, DOCBOOK_RNG, &p->c.diag), 1);
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	struct preview *p = *state;
	const char *names[] = {"book.xml", "one.xml", "two.xml"};
	char path[64];

	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", p->dir, names[i]);
		unlink(path);
	}
	rmdir(p->dir);
	valid_files_free(&p->valid);
	schema_close(&p->schema);
	capture_end(&p->c);
	free(p);
	return 0;
}

/* Loads the book as the files are now and asks whether it may be shown early; keep_when_valid
 * then keeps its texts when the whole book is valid, as a preview does after its build. */
static int passes(struct preview *p, int keep_when_valid)
{
	char path[64];
	struct book *b;
	int pass;

	snprintf(path, sizeof path, "%s/book.xml", p->dir);
	b = load_book(path, NULL, 0, &p->c.diag);
	assert_non_null(b);
	pass = early_changes_pass(&p->valid, b, &p->schema);
	if (keep_when_valid && schema_validate(b, &p->schema, &p->c.diag) == 0)
		valid_files_keep(&p->valid, b);
	book_free(b);
	return pass;
}

static void a_book_never_valid_is_validated_whole_first(void **state)
{
	struct preview *p = *state;

	assert_int_equal(passes(p, 0), 0);
}

static void a_chapter_saved_valid_is_shown_early(void **state)
{
	struct preview *p = *state;

	passes(p, 1);
	assert_int_equal(passes(p, 0), 1); /* nothing changed */
	write_file(p, "one.xml", CHAPTER, "one", "<para>One, edited.</para><note><para>A note.</para></note>");
	assert_int_equal(passes(p, 0), 1);
}

static void a_chapter_the_schema_refuses_is_not_shown_early(void **state)
{
	struct preview *p = *state;

	passes(p, 1);
	write_file(p, "one.xml", CHAPTER, "one", "<para>One.</para><bogus/>");
	assert_int_equal(passes(p, 0), 0);
	write_file(p, "one.xml", CHAPTER, "one", "<note>A note holds blocks, not words.</note>");
	assert_int_equal(passes(p, 0), 0);
}

static void a_saved_master_file_is_validated_whole_first(void **state)
{
	struct preview *p = *state;

	passes(p, 1);
	write_file(p, "book.xml", MASTER, "Book, retitled", "");
	assert_int_equal(passes(p, 0), 0);
}

/* One chapter saved invalid, then the other saved valid: the first still differs from the
 * book last found valid, so it is checked again, and the save is not shown early. */
static void a_refused_chapter_is_checked_again_at_the_next_save(void **state)
{
	struct preview *p = *state;

	passes(p, 1);
	write_file(p, "one.xml", CHAPTER, "one", "<bogus/>");
	assert_int_equal(passes(p, 1), 0);
	write_file(p, "two.xml", CHAPTER, "two", "<para>Two, edited.</para>");
	assert_int_equal(passes(p, 1), 0);
	write_file(p, "one.xml", CHAPTER, "one", "<para>One, mended.</para>");
	assert_int_equal(passes(p, 1), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_book_never_valid_is_validated_whole_first, setup, teardown),
		cmocka_unit_test_setup_teardown(a_chapter_saved_valid_is_shown_early, setup, teardown),
		cmocka_unit_test_setup_teardown(a_chapter_the_schema_refuses_is_not_shown_early, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_saved_master_file_is_validated_whole_first, setup, teardown),
		cmocka_unit_test_setup_teardown(a_refused_chapter_is_checked_again_at_the_next_save, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
