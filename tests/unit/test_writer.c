/* test_writer.c: an output's files go through one writer, into a folder or any other sink,
 * each under the output's content folder, counted, with a failure reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "writer.h"

#define DIR_ "tests/out/unit-writer"

/* A sink that remembers the names and bytes put into it, as the EPUB's zip takes them. */
struct recording {
	char names[256];
	char bytes[256];
	int refuse; /* fail every put, as a full zip would */
};

static int record(void *sink, const char *name, char *data, size_t len)
{
	struct recording *r = sink;

	if (!r->refuse) {
		strcat(r->names, name);
		strcat(r->names, ";");
		strncat(r->bytes, data, len);
	}
	free(data);
	return !r->refuse;
}

static void names_each_file_under_its_folder(void **state)
{
	struct recording r = {"", "", 0};
	struct writer w = {"OEBPS/", record, &r, NULL, 0};
	(void)state;
	assert_true(writer_put_copy(&w, "a.xhtml", "<a/>", 4));
	assert_true(writer_put(&w, "assets/b.css", strdup("b{}"), 3));
	assert_string_equal(r.names, "OEBPS/a.xhtml;OEBPS/assets/b.css;");
	assert_string_equal(r.bytes, "<a/>b{}");
	assert_int_equal(w.files, 2);
}

static void counts_only_what_was_put(void **state)
{
	struct recording r = {"", "", 1};
	struct writer w = {"", record, &r, NULL, 0};
	(void)state;
	assert_false(writer_put_copy(&w, "a", "x", 1));
	assert_int_equal(w.files, 0);
}

/* A source that cannot be read is named in a read failure, and nothing is put. */
static void missing_source_is_a_read_failure(void **state)
{
	struct captured c;
	struct recording r = {"", "", 0};
	(void)state;
	capture_start(&c);
	struct writer w = {"html/", record, &r, &c.diag, 0};
	assert_false(writer_put_file(&w, "x.css", DIR_ "/no-such-file.css"));
	assert_non_null(strstr(captured_text(&c), "cannot read: " DIR_ "/no-such-file.css: No such file"));
	assert_string_equal(r.names, "");
	capture_end(&c);
}

/* Images: the bytes given to publish, or else the file's own. */
static void images_from_their_bytes_or_their_file(void **state)
{
	struct recording r = {"", "", 0};
	struct writer w = {"html/", record, &r, NULL, 0};
	struct image images[2] = {{.target = "images/a.svg", .data = "<svg/>", .len = 6},
	                          {.target = "images/b.txt", .source = DIR_ "/b.txt"}};
	FILE *fp;
	(void)state;
	assert_int_equal(system("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
	fp = fopen(DIR_ "/b.txt", "w");
	assert_non_null(fp);
	fputs("bee", fp);
	fclose(fp);
	assert_true(writer_put_images(&w, images, 2));
	assert_string_equal(r.names, "html/images/a.svg;html/images/b.txt;");
	assert_string_equal(r.bytes, "<svg/>bee");
}

/* The folder writer puts each file in the build's generation, under its folder. */
static void folder_writer_writes_into_the_generation(void **state)
{
	static const char *const entries[] = {"html"};
	struct captured c;
	struct out o;
	(void)state;
	assert_int_equal(system("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
	capture_start(&c);
	assert_true(out_begin(&o, DIR_, entries, 1, &c.diag));
	struct writer w = writer_to_folder(&o, "html/");
	assert_true(writer_put_copy(&w, "sub/page.html", "<p>", 3));
	assert_true(out_commit(&o));
	assert_int_equal(system("grep -qx '<p>' " DIR_ "/html/sub/page.html"), 0);
	assert_int_equal(w.files, 1);
	assert_string_equal(captured_text(&c), "");
	capture_end(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_each_file_under_its_folder),
		cmocka_unit_test(counts_only_what_was_put),
		cmocka_unit_test(missing_source_is_a_read_failure),
		cmocka_unit_test(images_from_their_bytes_or_their_file),
		cmocka_unit_test(folder_writer_writes_into_the_generation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
