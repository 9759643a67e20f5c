/* fuzz_book.c: a libFuzzer target over mixdown's pipeline: each input is written as a book's
 * master file, then loaded, checked, planned and rendered with the site stylesheet. What
 * follows the input's last TEXT_MARK line is written instead to text.txt beside it, for the
 * book to include with parse="text". Messages go to /dev/null; crashes, hangs and leaks are
 * what the fuzzer looks for. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xsltInternals.h>

#include "check.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "site.h"

#define TEXT_MARK "\n=====\n"

static char book_path[4096];
static char text_path[4096];
static FILE *quiet;
static struct diag render_diag;
static struct renderer renderer;
static xsltStylesheetPtr site;
static struct schema schema;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/mixdown-fuzz-XXXXXX";

	(void)argc, (void)argv;
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(book_path, sizeof book_path, "%s/book.xml", dir);
	snprintf(text_path, sizeof text_path, "%s/text.txt", dir);
	quiet = fopen("/dev/null", "w");
	xmlInitParser();
	diag_init(&render_diag, quiet);
	if (!render_open(&renderer, FUZZ_DATADIR, &render_diag))
		abort();
	site = render_compile(&renderer, SITE_STYLESHEET);
	if (site == NULL || !schema_open(&schema, DOCBOOK_RNG, &render_diag))
		abort();
	return 0;
}

/* Where the input's last TEXT_MARK starts, or size when it has none. */
static size_t text_mark(const uint8_t *data, size_t size)
{
	size_t n = sizeof TEXT_MARK - 1;

	for (size_t i = size >= n ? size - n + 1 : 0; i-- > 0;)
		if (memcmp(data + i, TEXT_MARK, n) == 0)
			return i;
	return size;
}

static int write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	return fclose(fp) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t mark = text_mark(data, size), n = sizeof TEXT_MARK - 1;
	struct diag d;
	struct book *b;
	struct plan p;

	if (!write_file(book_path, data, mark) ||
	    !write_file(text_path, data + mark + (mark < size ? n : 0), mark < size ? size - mark - n : 0))
		return 0;
	diag_init(&d, quiet);
	renderer.diag = &d; /* the renderer's handler stays libxml2's between its renderings */
	b = load_book(book_path, NULL, 0, &d);
	if (b != NULL && check_book(b, &schema, &d) == 0) {
		plan_book(b, &p, &d);
		xmlFreeDoc(render_apply(&renderer, site, b, (const char *[]){"l10n", FUZZ_DATADIR "/xsl/l10n/en.xml", NULL}));
		plan_free(&p);
	}
	book_free(b);
	diag_free(&d);
	return 0;
}
