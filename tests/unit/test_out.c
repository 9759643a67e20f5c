/* test_out.c: outputs move into place whole, or not at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "out.h"

#define DIR_ "tests/out/unit-out"

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n;
	if (fp == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int leftovers(void)
{
	DIR *d = opendir(DIR_);
	struct dirent *e;
	int n = 0;
	while (d != NULL && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, ".mixdown-", 9) == 0;
	if (d != NULL)
		closedir(d);
	return n;
}

static void build(const char *text, int commit)
{
	struct captured c;
	struct out o;
	const char *entries[] = {"html", "book.epub"};
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, &c.diag));
	assert_true(out_write(&o, "html/index.html", text, strlen(text)));
	assert_true(out_write(&o, "book.epub", text, strlen(text)));
	if (commit)
		assert_true(out_commit(&o, entries, 2));
	else
		out_discard(&o);
	assert_string_equal(captured_text(&c), "");
	capture_end(&c);
}

static void replaces_what_an_earlier_build_wrote(void **state)
{
	(void)state;
	build("first", 1);
	build("second", 1);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "second");
	assert_string_equal(slurp(DIR_ "/book.epub"), "second");
	assert_int_equal(leftovers(), 0);
}

static void a_discarded_build_leaves_the_old_output(void **state)
{
	(void)state;
	build("kept", 1);
	build("dropped", 0);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "kept");
	assert_int_equal(leftovers(), 0);
}

static void refuses_paths_that_leave_the_folder(void **state)
{
	struct captured c;
	struct out o;
	(void)state;
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, &c.diag));
	assert_false(out_write(&o, "../escape.txt", "x", 1));
	assert_false(out_write(&o, "/tmp/escape.txt", "x", 1));
	assert_false(out_write(&o, "html/../../escape.txt", "x", 1));
	out_discard(&o);
	assert_int_equal(diag_errors(&c.diag), 3);
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(replaces_what_an_earlier_build_wrote),
		cmocka_unit_test(a_discarded_build_leaves_the_old_output),
		cmocka_unit_test(refuses_paths_that_leave_the_folder),
	};
	mkdir("tests/out", 0777);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
