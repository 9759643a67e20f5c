/* test_util.c: the one path joiner, the one file reader and its comparison, and the suffix
 * test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static void joins_with_one_slash(void **state)
{
	char *path = path_join("output", "html/index.html");

	(void)state;
	assert_string_equal(path, "output/html/index.html");
	free(path);
	path = path_join("/", "etc");
	assert_string_equal(path, "//etc");
	free(path);
}

/* Longer than any fixed buffer the joins replaced. */
static void joins_long_paths_whole(void **state)
{
	char *folder = malloc(10001), *path;

	(void)state;
	memset(folder, 'd', 10000);
	folder[10000] = '\0';
	path = path_join(folder, "name");
	assert_int_equal(strlen(path), 10005);
	assert_string_equal(path + 10000, "/name");
	free(path);
	free(folder);
}

/* A temporary file holding len bytes of text; its path is malloc'd. */
static char *temporary_file(const char *text, size_t len)
{
	char *path = xstrdup("/tmp/mixdown-test-util-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

static void reads_a_whole_file(void **state)
{
	char *path = temporary_file("a\0b\nc", 5), *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(read_file(path, READ_ANY_SIZE, &text, &len), 0);
	assert_int_equal(len, 5);
	assert_memory_equal(text, "a\0b\nc", 5);
	assert_int_equal(text[5], '\0');
	free(text);
	unlink(path);
	free(path);
}

static void reads_an_empty_file(void **state)
{
	char *path = temporary_file("", 0), *text = NULL;
	size_t len = 1;

	(void)state;
	assert_int_equal(read_file(path, 10, &text, &len), 0);
	assert_int_equal(len, 0);
	assert_string_equal(text, "");
	free(text);
	unlink(path);
	free(path);
}

static void reads_up_to_its_limit_and_no_further(void **state)
{
	char *path = temporary_file("0123456789", 10), *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(read_file(path, 10, &text, &len), 0);
	assert_int_equal(len, 10);
	free(text);
	errno = 0;
	assert_int_equal(read_file(path, 9, &text, &len), -1);
	assert_int_equal(errno, EFBIG);
	unlink(path);
	free(path);
}

/* A device's size is not known beforehand: the limit stops the reading. */
static void stops_an_endless_file_at_its_limit(void **state)
{
	char *text = NULL;
	size_t len = 0;

	(void)state;
	errno = 0;
	assert_int_equal(read_file("/dev/zero", 100000, &text, &len), -1);
	assert_int_equal(errno, EFBIG);
}

static void reports_a_missing_file(void **state)
{
	char *text = NULL;
	size_t len = 0;

	(void)state;
	errno = 0;
	assert_int_equal(read_file("/nonexistent/mixdown-test", 10, &text, &len), -1);
	assert_int_equal(errno, ENOENT);
}

static void knows_a_file_by_its_exact_bytes(void **state)
{
	char *path = temporary_file("a\0b", 3);

	(void)state;
	assert_true(file_holds(path, "a\0b", 3));
	assert_false(file_holds(path, "a\0c", 3));
	assert_false(file_holds(path, "a\0", 2));   /* the file is longer */
	assert_false(file_holds(path, "a\0bc", 4)); /* the file is shorter */
	unlink(path);
	assert_false(file_holds(path, "a\0b", 3));  /* gone */
	free(path);
}

static void tells_a_suffix_from_a_whole_name(void **state)
{
	(void)state;
	assert_true(ends_with("ch.html", ".html"));
	assert_false(ends_with(".html", ".html"));
	assert_false(ends_with("ch.htm", ".html"));
	assert_false(ends_with("ch.html.gz", ".html"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(joins_with_one_slash),
		cmocka_unit_test(joins_long_paths_whole),
		cmocka_unit_test(reads_a_whole_file),
		cmocka_unit_test(reads_an_empty_file),
		cmocka_unit_test(reads_up_to_its_limit_and_no_further),
		cmocka_unit_test(stops_an_endless_file_at_its_limit),
		cmocka_unit_test(reports_a_missing_file),
		cmocka_unit_test(knows_a_file_by_its_exact_bytes),
		cmocka_unit_test(tells_a_suffix_from_a_whole_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
