/* test_image.c: an SVG drawn as PNG, read back with gdk-pixbuf: its colours, RGB when opaque
 * and straight (not premultiplied) alpha otherwise, strip by strip; and the kept last drawing: the same SVG
 * gives the same bytes again, and any other SVG or width is drawn anew. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

/* Two drawings of the same length that differ in one colour. */
#define SQUARE(fill) \
	"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">" \
	"<rect width=\"40\" height=\"20\" fill=\"" fill "\"/></svg>"
static const char red[] = SQUARE("#ff0000");
static const char blue[] = SQUARE("#0000ff");

/* Draws svg width pixels wide; fails the test unless it is drawn. */
static char *draw(const char *svg, int width, size_t *len)
{
	char *png = image_svg_to_png(svg, strlen(svg), width, len);

	assert_non_null(png);
	assert_true(*len > 8 && memcmp(png, "\x89PNG", 4) == 0);
	return png;
}

static int same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

static void the_same_svg_again_gives_the_same_png(void **state)
{
	size_t first_len, again_len;
	char *first = draw(red, 80, &first_len);
	char *again = draw(red, 80, &again_len);

	(void)state;
	assert_true(same_bytes(first, first_len, again, again_len));
	assert_ptr_not_equal(first, again); /* each caller frees its own copy */
	free(first);
	free(again);
}

static void another_svg_of_the_same_length_is_drawn_anew(void **state)
{
	size_t red_len, blue_len, fresh_len;
	char *red_png = draw(red, 80, &red_len);
	char *blue_png = draw(blue, 80, &blue_len);

	(void)state;
	assert_int_equal(strlen(red), strlen(blue));
	assert_false(same_bytes(red_png, red_len, blue_png, blue_len));
	free(red_png);
	/* and drawn the same as in a process that never drew the red one */
	char *fresh = draw(blue, 80, &fresh_len);
	assert_true(same_bytes(blue_png, blue_len, fresh, fresh_len));
	free(blue_png);
	free(fresh);
}

static void another_width_is_drawn_anew(void **state)
{
	size_t narrow_len, wide_len;
	char *narrow = draw(red, 80, &narrow_len);
	char *wide = draw(red, 160, &wide_len);

	(void)state;
	assert_false(same_bytes(narrow, narrow_len, wide, wide_len));
	free(narrow);
	free(wide);
}

/* The PNG's pixel in the first column of row y, and whether it has alpha; fails the test
 * unless it can be read. */
static void pixel_of_row(const char *png, size_t len, int y, unsigned char rgba[4],
                         int *has_alpha)
{
	GInputStream *in = g_memory_input_stream_new_from_data(png, (gssize)len, NULL);
	GdkPixbuf *image = gdk_pixbuf_new_from_stream(in, NULL, NULL);
	const guchar *pixels;

	assert_non_null(image);
	assert_in_range(y, 0, gdk_pixbuf_get_height(image) - 1);
	*has_alpha = gdk_pixbuf_get_has_alpha(image);
	pixels = gdk_pixbuf_read_pixels(image) + (size_t)y * (size_t)gdk_pixbuf_get_rowstride(image);
	memcpy(rgba, pixels, *has_alpha ? 4 : 3);
	g_object_unref(image);
	g_object_unref(in);
}

static void first_pixel(const char *png, size_t len, unsigned char rgba[4], int *has_alpha)
{
	pixel_of_row(png, len, 0, rgba, has_alpha);
}

/* A drawing far taller than the strips it is drawn in: an orange top, and a bottom in fill. */
#define TALL(fill) \
	"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"2000\">" \
	"<rect width=\"10\" height=\"1000\" fill=\"#ff8000\"/>" \
	"<rect y=\"1000\" width=\"10\" height=\"1000\" fill=\"" fill "\"/></svg>"

/* Each strip is drawn from its own rows: the last row shows the bottom's colour. */
static void each_strip_shows_its_own_rows(void **state)
{
	static const char tall[] = TALL("#0000ff");
	unsigned char top[4], bottom[4];
	size_t len;
	int has_alpha;
	char *png = draw(tall, 10, &len);

	(void)state;
	pixel_of_row(png, len, 0, top, &has_alpha);
	pixel_of_row(png, len, 1999, bottom, &has_alpha);
	assert_false(has_alpha);
	assert_int_equal(top[0], 0xff);
	assert_int_equal(top[2], 0x00);
	assert_int_equal(bottom[0], 0x00);
	assert_int_equal(bottom[2], 0xff);
	free(png);
}

/* A drawing whose see-through part comes after opaque strips is written again with alpha. */
static void translucence_in_a_later_strip_gives_alpha(void **state)
{
	static const char tall[] = TALL("#0000ff\" fill-opacity=\"0.5");
	unsigned char top[4], bottom[4];
	size_t len;
	int has_alpha;
	char *png = draw(tall, 10, &len);

	(void)state;
	pixel_of_row(png, len, 0, top, &has_alpha);
	pixel_of_row(png, len, 1999, bottom, &has_alpha);
	assert_true(has_alpha);
	assert_int_equal(top[3], 0xff);
	assert_int_equal(top[0], 0xff);
	assert_in_range(bottom[3], 126, 129);
	assert_int_equal(bottom[2], 0xff);
	free(png);
}

static void an_opaque_drawing_is_rgb_in_its_own_colours(void **state)
{
	static const char orange[] = SQUARE("#ff8000");
	unsigned char rgba[4];
	size_t len;
	int has_alpha;
	char *png = draw(orange, 40, &len);

	(void)state;
	first_pixel(png, len, rgba, &has_alpha);
	assert_false(has_alpha);
	assert_int_equal(rgba[0], 0xff);
	assert_int_equal(rgba[1], 0x80);
	assert_int_equal(rgba[2], 0x00);
	free(png);
}

static void a_translucent_drawing_keeps_straight_alpha(void **state)
{
	static const char faint[] = SQUARE("#ff8000\" fill-opacity=\"0.5");
	unsigned char rgba[4];
	size_t len;
	int has_alpha;
	char *png = draw(faint, 40, &len);

	(void)state;
	first_pixel(png, len, rgba, &has_alpha);
	assert_true(has_alpha);
	assert_in_range(rgba[3], 126, 129);
	assert_int_equal(rgba[0], 0xff); /* premultiplied, it would read about 0x80 */
	assert_in_range(rgba[1], 0x7e, 0x82);
	assert_int_equal(rgba[2], 0x00);
	free(png);
}

static void what_cannot_be_drawn_gives_nothing(void **state)
{
	size_t len;
	static const char broken[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"";

	(void)state;
	assert_null(image_svg_to_png(broken, strlen(broken), 80, &len));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_same_svg_again_gives_the_same_png),
		cmocka_unit_test(another_svg_of_the_same_length_is_drawn_anew),
		cmocka_unit_test(another_width_is_drawn_anew),
		cmocka_unit_test(an_opaque_drawing_is_rgb_in_its_own_colours),
		cmocka_unit_test(a_translucent_drawing_keeps_straight_alpha),
		cmocka_unit_test(each_strip_shows_its_own_rows),
		cmocka_unit_test(translucence_in_a_later_strip_gives_alpha),
		cmocka_unit_test(what_cannot_be_drawn_gives_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
