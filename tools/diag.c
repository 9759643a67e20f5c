/* diag.c: the one table of messages, each with a code, a severity and text written for the
 * author; prints them as `file:line:col: severity: text` or as one JSON object per line. */
#include "diag.h"
#include "json.h"
#include "util.h"
#include <libxml/hash.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct message {
	const char *code; /* stable name, for JSON and the manual */
	enum diag_severity severity;
};

/* Indexed by enum diag_id. */
static const struct message messages[D_ID_COUNT] = {
#define MESSAGE(id, code, severity, text) [id] = {code, severity},
#include "messages.def"
#undef MESSAGE
};

static const char *const severity_names[SEV_COUNT] = {"error", "warning", "style"};
static const char *const severity_colors[SEV_COUNT] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};

void diag_init(struct diag *d, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");
	memset(d, 0, sizeof *d);
	d->out = out;
	d->level = SEV_WARNING;
	d->color = isatty(fileno(out)) && (no_color == NULL || no_color[0] == '\0');
}

void diag_free(struct diag *d)
{
	xmlHashFree(d->shown_lines, NULL);
	d->shown_lines = NULL;
}

/* Has the same message been reported at the same place before? Remembers it if not. */
static int reported_before(struct diag *d, const struct diag_loc *loc, enum diag_id id,
                           const char *text)
{
	char *key;
	int seen;

	if (d->shown_lines == NULL && (d->shown_lines = xmlHashCreate(64)) == NULL)
		abort();
	key = xasprintf("%d %s:%ld:%ld %s", (int)id, loc && loc->file ? loc->file : "",
	                loc ? loc->line : 0, loc ? loc->col : 0, text);
	seen = xmlHashLookup(d->shown_lines, BAD_CAST key) != NULL;
	if (!seen && xmlHashAddEntry(d->shown_lines, BAD_CAST key, d) != 0)
		abort();
	free(key);
	return seen;
}

int diag_set_level(struct diag *d, const char *level)
{
	for (int s = 0; s < SEV_COUNT; s++) {
		if (strcmp(level, severity_names[s]) == 0) {
			d->level = (enum diag_severity)s;
			d->strict = 1;
			return 1;
		}
	}
	return 0;
}

void diag_hold(struct diag *d)
{
	FILE *memory;

	if (d->held != NULL)
		return;
	memory = open_memstream(&d->held_text, &d->held_len);
	if (memory == NULL)
		return;
	d->held = d->out;
	d->out = memory;
}

void diag_release(struct diag *d, int show)
{
	char *text;
	size_t len;

	diag_take_held(d, &text, &len);
	if (show && len > 0)
		fwrite(text, 1, len, d->out);
	free(text);
}

void diag_take_held(struct diag *d, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	if (d->held == NULL)
		return;
	fclose(d->out);
	d->out = d->held;
	d->held = NULL;
	*text = d->held_text;
	*len = d->held_len;
	d->held_text = NULL;
	d->held_len = 0;
}

void diag_tally_since(const struct diag *d, const struct diag_tally *before,
                      struct diag_tally *since)
{
	*since = d->tally;
	since->shown -= before->shown;
	for (int s = 0; s < SEV_COUNT; s++)
		since->count[s] -= before->count[s];
	if (before->first_error[0] != '\0' || since->count[SEV_ERROR] == 0)
		since->first_error[0] = '\0';
}

void diag_merge(struct diag *d, const struct diag_tally *t, const char *text, size_t len)
{
	d->tally.shown += t->shown;
	for (int s = 0; s < SEV_COUNT; s++)
		d->tally.count[s] += t->count[s];
	if (d->tally.first_error[0] == '\0')
		memcpy(d->tally.first_error, t->first_error, sizeof t->first_error);
	d->tally.first_error[sizeof t->first_error - 1] = '\0';
	fwrite(text, 1, len, d->held != NULL ? d->held : d->out);
}

enum diag_severity diag_severity_of(enum diag_id id)
{
	return messages[id].severity;
}

int diag_errors(const struct diag *d)
{
	return d->tally.count[SEV_ERROR];
}

int diag_failed(const struct diag *d)
{
	return d->tally.count[SEV_ERROR] > 0 || (d->strict && d->tally.shown > 0);
}

/* Writes text with control characters made visible (\x1b) and line breaks as spaces. */
static void put_text(FILE *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			fputc(' ', out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\x%02x", *p);
		else
			fputc(*p, out);
	}
}

static void print_text_line(struct diag *d, const struct diag_loc *loc,
                            const struct message *m, const char *text)
{
	if (loc == NULL || loc->file == NULL) {
		fputs("mixdown: ", d->out);
	} else {
		put_text(d->out, loc->file);
		if (loc->line > 0)
			fprintf(d->out, ":%ld", loc->line);
		if (loc->line > 0 && loc->col > 0)
			fprintf(d->out, ":%ld", loc->col);
		fputs(": ", d->out);
	}
	if (d->color)
		fprintf(d->out, "%s%s:\033[0m ", severity_colors[m->severity], severity_names[m->severity]);
	else
		fprintf(d->out, "%s: ", severity_names[m->severity]);
	put_text(d->out, text);
	fputc('\n', d->out);
}

static void print_json_line(struct diag *d, const struct diag_loc *loc,
                            const struct message *m, const char *text)
{
	xmlBufferPtr line = xmlBufferCreate();
	char *numbers = xasprintf(",\"line\":%ld,\"column\":%ld,\"severity\":\"%s\",\"code\":\"%s\",\"message\":",
	                          loc ? loc->line : 0, loc ? loc->col : 0,
	                          severity_names[m->severity], m->code);

	xmlBufferCat(line, BAD_CAST "{\"file\":");
	if (loc != NULL && loc->file != NULL)
		json_string_exact(line, BAD_CAST loc->file);
	else
		xmlBufferCat(line, BAD_CAST "null");
	xmlBufferCat(line, BAD_CAST numbers);
	json_string(line, BAD_CAST text);
	xmlBufferCat(line, BAD_CAST "}\n");
	fwrite(xmlBufferContent(line), 1, (size_t)xmlBufferLength(line), d->out);
	free(numbers);
	xmlBufferFree(line);
}

/* Counts text as message id's, and prints it unless the level hides it or it was printed
 * at the same place already. */
static void report_text(struct diag *d, const struct diag_loc *loc, enum diag_id id,
                        const struct message *m, char *text)
{
	/* trim trailing blanks that libxml2's messages end with */
	for (size_t n = strlen(text); n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '); n--)
		text[n - 1] = '\0';
	if (reported_before(d, loc, id, text))
		return;
	d->tally.count[m->severity]++;
	if (m->severity == SEV_ERROR && d->tally.first_error[0] == '\0')
		snprintf(d->tally.first_error, sizeof d->tally.first_error, "%s:%ld:%ld: %s",
		         loc && loc->file ? loc->file : "mixdown", loc ? loc->line : 0,
		         loc ? loc->col : 0, text);
	if (m->severity > d->level)
		return;
	d->tally.shown++;
	if (d->format == FORMAT_JSON)
		print_json_line(d, loc, m, text);
	else
		print_text_line(d, loc, m, text);
}

void diag_report_text(struct diag *d, const struct diag_loc *loc, enum diag_id id,
                      const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	diag_vreport(d, loc, id, format, ap);
	va_end(ap);
}

void diag_vreport(struct diag *d, const struct diag_loc *loc, enum diag_id id, const char *format,
                  va_list ap)
{
	const struct message *m = &messages[id];
	char *text = xvasprintf(format, ap);

	report_text(d, loc, id, m, text);
	free(text);
}
