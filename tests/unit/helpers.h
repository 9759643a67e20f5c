/* helpers.h: what the unit tests share: running a reporter into a string. */
#ifndef TEST_HELPERS_H
#define TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

/* A diag that writes into memory; read it with captured_text after fflush. */
struct captured {
	struct diag diag;
	char *text;
	size_t len;
};

static inline void capture_start(struct captured *c)
{
	c->text = NULL;
	c->len = 0;
	diag_init(&c->diag, open_memstream(&c->text, &c->len));
}

static inline const char *captured_text(struct captured *c)
{
	fflush(c->diag.out);
	return c->text ? c->text : "";
}

static inline void capture_end(struct captured *c)
{
	fclose(c->diag.out);
	diag_free(&c->diag);
	free(c->text);
}

#endif
