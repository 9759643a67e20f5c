/* test_out.c: outputs are published whole, or not at all, and only over what mixdown wrote. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "out.h"

#define DIR_ "tests/out/unit-out"

static const char *const entries[] = {"html", "book.epub"};

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

/* The entries of DIR_/.mixdown besides the lock and the current link: one generation. */
static int generations(void)
{
	DIR *d = opendir(DIR_ "/.mixdown");
	struct dirent *e;
	int n = 0;
	while (d != NULL && (e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		     strcmp(e->d_name, "lock") != 0 && strcmp(e->d_name, "current") != 0;
	if (d != NULL)
		closedir(d);
	return n;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void start_empty(void)
{
	assert_int_equal(system("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
}

/* One build writing text as its site and, unless site_only, its EPUB. */
static void build(const char *text, int commit, int site_only)
{
	struct captured c;
	struct out o;
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, entries, 2, &c.diag));
	assert_true(out_write(&o, "html/index.html", text, strlen(text)));
	if (!site_only)
		assert_true(out_write(&o, "book.epub", text, strlen(text)));
	if (commit)
		assert_true(out_commit(&o));
	else
		out_discard(&o);
	assert_string_equal(captured_text(&c), "");
	capture_end(&c);
}

static void replaces_what_an_earlier_build_wrote(void **state)
{
	(void)state;
	start_empty();
	build("first", 1, 0);
	build("second", 1, 0);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "second");
	assert_string_equal(slurp(DIR_ "/book.epub"), "second");
	assert_int_equal(generations(), 1);
}

static void a_discarded_build_leaves_the_old_output(void **state)
{
	(void)state;
	start_empty();
	build("kept", 1, 0);
	build("dropped", 0, 0);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "kept");
	assert_int_equal(generations(), 1);
}

/* A killed build leaves its generation; the next one removes it. */
static void the_next_build_removes_what_a_killed_one_left(void **state)
{
	(void)state;
	start_empty();
	build("first", 1, 0);
	assert_int_equal(mkdir(DIR_ "/.mixdown/gen-killed", 0777), 0);
	assert_int_equal(mkdir(DIR_ "/.mixdown-Ab12Cd", 0777), 0);
	build("second", 1, 0);
	assert_int_equal(generations(), 1);
	assert_int_equal(access(DIR_ "/.mixdown-Ab12Cd", F_OK), -1);
}

/* The EPUB of an earlier build would not match the site: it goes. */
static void a_site_only_build_removes_the_epub(void **state)
{
	(void)state;
	start_empty();
	build("full", 1, 0);
	build("site", 1, 1);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "site");
	assert_int_equal(access(DIR_ "/book.epub", F_OK), -1);
	build("full again", 1, 0);
	assert_string_equal(slurp(DIR_ "/book.epub"), "full again");
}

static void refuses_to_replace_what_mixdown_did_not_write(void **state)
{
	struct captured c;
	(void)state;
	start_empty();
	assert_int_equal(mkdir(DIR_ "/html", 0777), 0);
	write_file(DIR_ "/html/CNAME", "example.org");
	write_file(DIR_ "/book.epub", "not a zip");
	capture_start(&c);
	assert_false(out_is_safe(DIR_, "/nowhere", entries, 2, &c.diag));
	assert_non_null(strstr(captured_text(&c), "will not replace '" DIR_ "/html'"));
	assert_non_null(strstr(captured_text(&c), "will not replace '" DIR_ "/book.epub'"));
	assert_int_equal(diag_errors(&c.diag), 2);
	capture_end(&c);
	assert_string_equal(slurp(DIR_ "/html/CNAME"), "example.org");
}

/* Something put in place while a build runs is refused at the commit, and kept. */
static void refuses_at_the_commit_too(void **state)
{
	struct captured c;
	struct out o;
	(void)state;
	start_empty();
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, entries, 2, &c.diag));
	assert_true(out_write(&o, "html/index.html", "x", 1));
	assert_int_equal(mkdir(DIR_ "/html", 0777), 0);
	assert_false(out_commit(&o));
	assert_int_equal(diag_errors(&c.diag), 1);
	capture_end(&c);
	assert_int_equal(generations(), 0);
}

/* A site and an EPUB as mixdown 0.1 wrote them, plain, are replaced. */
static void replaces_the_plain_outputs_of_mixdown_0_1(void **state)
{
	static const char epub[] = "PK\3\4\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\b\0\0\0"
	                           "mimetypeapplication/epub+zip";
	FILE *fp;
	(void)state;
	start_empty();
	assert_int_equal(system("mkdir -p " DIR_ "/html/assets"), 0);
	write_file(DIR_ "/html/index.html", "old");
	write_file(DIR_ "/html/assets/site.js", "old");
	write_file(DIR_ "/html/assets/search-index.js", "old");
	fp = fopen(DIR_ "/book.epub", "wb");
	assert_non_null(fp);
	fwrite(epub, 1, sizeof epub - 1, fp);
	fclose(fp);
	build("new", 1, 0);
	assert_string_equal(slurp(DIR_ "/html/index.html"), "new");
	assert_string_equal(slurp(DIR_ "/book.epub"), "new");
	assert_int_equal(generations(), 1);
}

static void refuses_unsafe_folders(void **state)
{
	struct captured c;
	(void)state;
	capture_start(&c);
	assert_false(out_is_safe("", "/nowhere", entries, 2, &c.diag));
	assert_false(out_is_safe("/", "/nowhere", entries, 2, &c.diag));
	assert_false(out_is_safe("/no-such-folder/..", "/nowhere", entries, 2, &c.diag));
	assert_false(out_is_safe("tests/no-such-folder/../..", "/nowhere", entries, 2, &c.diag));
	assert_int_equal(diag_errors(&c.diag), 4);
	assert_non_null(strstr(captured_text(&c), "will not write into '': it is an empty name"));
	capture_end(&c);
}

static void refuses_paths_that_leave_the_folder(void **state)
{
	struct captured c;
	struct out o;
	(void)state;
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, entries, 2, &c.diag));
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
		cmocka_unit_test(the_next_build_removes_what_a_killed_one_left),
		cmocka_unit_test(a_site_only_build_removes_the_epub),
		cmocka_unit_test(refuses_to_replace_what_mixdown_did_not_write),
		cmocka_unit_test(refuses_at_the_commit_too),
		cmocka_unit_test(replaces_the_plain_outputs_of_mixdown_0_1),
		cmocka_unit_test(refuses_unsafe_folders),
		cmocka_unit_test(refuses_paths_that_leave_the_folder),
	};
	mkdir("tests/out", 0777);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
