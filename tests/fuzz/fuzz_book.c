/* fuzz_book.c: a libFuzzer target over mixdown's pipeline: each input is written as a book's
 * master file, then loaded, checked, planned and rendered with the site stylesheet. Messages go
 * to /dev/null; crashes, hangs and leaks are what the fuzzer looks for. */
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

static char book_path[4096];
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(book_path, "wb");
	struct diag d;
	struct book *b;
	struct plan p;

	if (fp == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	diag_init(&d, quiet);
	b = load_book(book_path, &d);
	if (b != NULL && check_book(b, &schema, &d) == 0) {
		plan_book(b, &p, &d);
		renderer.diag = &d;
		xmlFreeDoc(render_apply(&renderer, site, b, (const char *[]){"l10n", FUZZ_DATADIR "/xsl/l10n/en.xml", NULL}));
		plan_free(&p);
	}
	book_free(b);
	return 0;
}
