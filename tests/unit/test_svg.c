/* test_svg.c: what cleaning takes out of an SVG image, and what it keeps; and the size read
 * from a plain top element, the same as librsvg's, or left to librsvg. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image.h"
#include "svg.h"

#define SVG_OPEN "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"

/* Cleans text written to a temporary file; returns svg_clean's verdict. */
static int clean_text(const char *text, struct svg_result *r)
{
	char path[] = "/tmp/mixdown-svg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	int ok = svg_clean(path, r);
	unlink(path);
	return ok;
}

/* Cleans SVG_OPEN body "</svg>" and expects exactly the removals in `removed`, and that the
 * published text neither holds `gone` nor lacks `kept` (either may be NULL). */
static void expect(const char *body, unsigned removed, const char *gone, const char *kept)
{
	char text[2048];
	struct svg_result r;

	snprintf(text, sizeof text, SVG_OPEN "%s</svg>", body);
	assert_true(clean_text(text, &r));
	assert_int_equal(r.removed, removed);
	if (gone != NULL)
		assert_null(strstr(r.data, gone));
	if (kept != NULL)
		assert_non_null(strstr(r.data, kept));
	free(r.data);
}

static void keeps_a_plain_drawing_whole(void **state)
{
	(void)state;
	expect("<title>T</title><rect id=\"r\" width=\"1\" height=\"1\" marker-end=\"url(#r)\"/>"
	       "<use href=\"#r\"/><image href=\"data:image/png;base64,AAAA\"/>",
	       0, NULL, "<use href=\"#r\"/>");
}

static void removes_scripts_and_embedded_documents(void **state)
{
	(void)state;
	expect("<script>alert(1)</script>", 1u << SVG_SCRIPT, "alert", NULL);
	expect("<SCRIPT>alert(1)</SCRIPT>", 1u << SVG_SCRIPT, "alert", NULL);
	expect("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>",
	       1u << SVG_SCRIPT, "alert", NULL);
	expect("<foreignObject><p>x</p></foreignObject>", 1u << SVG_EMBEDDED, "<p>", NULL);
	expect("<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"x\"/>", 1u << SVG_EMBEDDED,
	       "img", NULL);
}

static void removes_event_attributes(void **state)
{
	(void)state;
	expect("<rect onclick=\"alert(1)\" width=\"1\"/>", 1u << SVG_EVENTS, "alert", "width");
	expect("<rect ONLOAD=\"alert(1)\"/>", 1u << SVG_EVENTS, "alert", NULL);
}

static void removes_references_to_anything_outside(void **state)
{
	(void)state;
	expect("<a xlink:href=\"https://example.org/\"><rect/></a>", 1u << SVG_EXTERNAL, "example",
	       "<rect/>");
	expect("<image href=\"other.png\"/>", 1u << SVG_EXTERNAL, "other", NULL);
	expect("<image href=\"data:image/svg+xml,&lt;svg/&gt;\"/>", 1u << SVG_EXTERNAL, "data:", NULL);
	expect("<rect style=\"fill: url( 'https://example.org/p#g')\"/>", 1u << SVG_EXTERNAL,
	       "example", NULL);
	expect("<style>@import url(x.css);</style>", 1u << SVG_EXTERNAL, "import", NULL);
}

static void removes_javascript_however_it_is_written(void **state)
{
	(void)state;
	expect("<a href=\" JaVa&#9;Script:alert(1)\"><rect/></a>", 1u << SVG_JAVASCRIPT, "alert",
	       NULL);
	expect("<rect filter=\"java&#10;script:x\"/>", 1u << SVG_JAVASCRIPT, "script", NULL);
	expect("<animate attributeName=\"xlink:href\" values=\"#a;https://example.org/\"/>",
	       1u << SVG_ANIMATED_LINKS, "animate", NULL);
}

static void removes_the_doctype_and_processing_instructions(void **state)
{
	struct svg_result r;
	(void)state;
	assert_true(clean_text("<?xml-stylesheet href=\"x.xsl\"?>"
	                       "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
	                       "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" SVG_OPEN
	                       "</svg>",
	                       &r));
	assert_int_equal(r.removed, 1u << SVG_DOCTYPE | 1u << SVG_INSTRUCTIONS);
	assert_null(strstr(r.data, "DOCTYPE"));
	assert_null(strstr(r.data, "xml-stylesheet"));
	free(r.data);
}

/* A drawing program's own attributes on <svg> (draw.io keeps the whole drawing in content) are
 * not SVG, and EPUB checkers reject them; SVG's own, namespaced ones and declarations stay. */
static void keeps_only_svg_attributes_on_the_top_element(void **state)
{
	static const char *const kept[] = {"version=", "width=", "viewBox=", "style=", "aria-label=",
	                                   "d:page=", "xml:lang=", "xmlns:d=", "<rect"};
	struct svg_result r;
	(void)state;
	assert_true(clean_text("<svg xmlns=\"http://www.w3.org/2000/svg\" "
	                       "xmlns:d=\"https://example.org/draw\" version=\"1.1\" width=\"4\" "
	                       "viewBox=\"0 0 4 4\" content=\"&lt;mxfile&gt;\" host=\"app\" "
	                       "style=\"fill: red\" aria-label=\"A square\" d:page=\"1\" "
	                       "xml:lang=\"en\"><rect/></svg>",
	                       &r));
	assert_int_equal(r.removed, 0);
	assert_null(strstr(r.data, "mxfile"));
	assert_null(strstr(r.data, "host="));
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
		assert_non_null(strstr(r.data, kept[i]));
	free(r.data);
}

static void refuses_what_is_not_a_well_formed_svg(void **state)
{
	struct svg_result r;
	(void)state;
	assert_false(clean_text(SVG_OPEN "<rect>", &r));
	assert_non_null(strstr(r.error, "line 1"));
	assert_false(clean_text("<!DOCTYPE svg [<!ENTITY x \"y\">]>" SVG_OPEN "&x;</svg>", &r));
	assert_string_equal(r.error, "it declares entities");
	assert_false(clean_text("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", &r));
	assert_non_null(strstr(r.error, "not <svg>"));
}

/* The size cleaning reads from a top element with attrs; it must be librsvg's when it is not
 * left to librsvg (0 x 0). */
static void expect_size(const char *attrs, int width, int height)
{
	char text[512];
	struct svg_result r;
	int rsvg_width = 0, rsvg_height = 0;

	snprintf(text, sizeof text,
	         "<svg xmlns=\"http://www.w3.org/2000/svg\" %s><rect width=\"5\" height=\"5\"/></svg>",
	         attrs);
	assert_true(clean_text(text, &r));
	assert_int_equal(r.width, width);
	assert_int_equal(r.height, height);
	if (width > 0) {
		assert_true(image_svg_size(r.data, r.len, &rsvg_width, &rsvg_height));
		assert_int_equal(rsvg_width, width);
		assert_int_equal(rsvg_height, height);
	}
	free(r.data);
}

static void reads_a_plainly_given_size_as_librsvg_does(void **state)
{
	(void)state;
	expect_size("width=\"40\" height=\"20\"", 40, 20);
	expect_size("width=\"40px\" height=\"20.4px\" viewBox=\"0 0 4 2\"", 40, 20);
	expect_size("width=\"1.5e2\" height=\"75\"", 150, 75);
	expect_size("viewBox=\"0 0 300, 150\"", 300, 150);
	expect_size("viewBox=\" -10 -10 64.6 32 \"", 65, 32);
}

static void leaves_units_and_percentages_to_librsvg(void **state)
{
	(void)state;
	expect_size("width=\"4cm\" height=\"2cm\"", 0, 0);
	expect_size("width=\"100%\" height=\"50%\" viewBox=\"0 0 40 20\"", 0, 0);
	expect_size("width=\"40\" viewBox=\"0 0 40 20\"", 0, 0);
	expect_size("width=\"0x10\" height=\"10\"", 0, 0);
	expect_size("width=\" 40\" height=\"20 \"", 0, 0);
	expect_size("width=\"0\" height=\"20\"", 0, 0);
	expect_size("viewBox=\"0 0 40\"", 0, 0);
	expect_size("", 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_a_plain_drawing_whole),
		cmocka_unit_test(removes_scripts_and_embedded_documents),
		cmocka_unit_test(removes_event_attributes),
		cmocka_unit_test(removes_references_to_anything_outside),
		cmocka_unit_test(removes_javascript_however_it_is_written),
		cmocka_unit_test(removes_the_doctype_and_processing_instructions),
		cmocka_unit_test(keeps_only_svg_attributes_on_the_top_element),
		cmocka_unit_test(refuses_what_is_not_a_well_formed_svg),
		cmocka_unit_test(reads_a_plainly_given_size_as_librsvg_does),
		cmocka_unit_test(leaves_units_and_percentages_to_librsvg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
