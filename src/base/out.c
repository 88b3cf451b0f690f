/* out.c: safe output of user text: lines, fitted tables, JSON strings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "r57/out.h"
#include "r57/text.h"

int out_width(void)
{
	/* Not a terminal and no $COLUMNS: no limit, so that a pipe to grep or
	 * a file gets every character. */
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	if (c) {
		long n = strtol(c, NULL, 10);
		if (n >= 20 && n <= 1000)
			return (int)n;
	}
	return 0;
}

void out_safe(FILE *f, const char *s)
{
	char *safe = text_safe(s ? s : "", false);
	fputs(safe, f);
	free(safe);
}

/* Decode one UTF-8 sequence; returns its length, 1 for a byte that does
 * not start a well-formed one (U+FFFD). Strict, as text_safe is: an
 * overlong form (C0 AF for '/'), a surrogate or a code point past U+10FFFF
 * is not UTF-8, and copied out raw it would make the output invalid (a
 * lenient reader could take C0 AF for '/'). The text comes from the
 * store, where another program may have written any bytes. */
static int decode(const unsigned char *p, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		if (*cp >= 0x80)
			return 2;
	} else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		if (*cp >= 0x800 && (*cp < 0xD800 || *cp > 0xDFFF))
			return 3;
	} else if ((p[0] & 0xF8) == 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	           (p[3] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		      ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (*cp >= 0x10000 && *cp <= 0x10FFFF)
			return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

static bool json_escape_cp(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C ||
	       c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/* The bytes from p on that go out as they are in both formats: printable
 * ASCII but the backslash and the quote, and whole UTF-8 characters that
 * need no escape. A run of them is written by one fwrite, not a call a
 * character: a long list is mostly such runs. */
static size_t plain_run(const unsigned char *p)
{
	size_t n = 0;
	for (;;) {
		if (p[n] >= 0x20 && p[n] < 0x7F && p[n] != '\\' && p[n] != '"') {
			n++;
			continue;
		}
		uint32_t c;
		int k;
		if (p[n] < 0x80 || (k = decode(p + n, &c), c == 0xFFFD || json_escape_cp(c)))
			return n;
		n += (size_t)k;
	}
}

void out_json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t run = plain_run(p);
		if (run) {
			fwrite(p, 1, run, f);
			p += run;
			continue;
		}
		uint32_t c;
		int n = decode(p, &c);
		if (c == '"')
			fputs("\\\"", f);
		else if (c == '\\')
			fputs("\\\\", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (json_escape_cp(c) || c == 0xFFFD)
			fprintf(f, "\\u%04x", (unsigned)c);
		else
			fwrite(p, 1, (size_t)n, f);
		p += n;
	}
	fputc('"', f);
}

void out_tsv_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		size_t run = plain_run(p);
		if (run) {
			fwrite(p, 1, run, f);
			p += run;
			continue;
		}
		uint32_t c;
		int n = decode(p, &c);
		if (c == '\\')
			fputs("\\\\", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (json_escape_cp(c) || c == 0xFFFD)
			fprintf(f, "\\u%04x", (unsigned)c);
		else
			fwrite(p, 1, (size_t)n, f);
		p += n;
	}
}

struct column {
	const char *head;
	enum col_align align;
	int flex, min, width;
	int floor; /* the least width when the table streams */
	bool shown;
};

struct table {
	int ncols, nrows, cap;
	struct column *cols;
	char **cells; /* nrows * ncols, made safe */
	/* Streaming (table_stream): the held rows are the sample; once it is
	 * full and one more row comes, the widths are fixed and every row is
	 * printed as it comes. */
	FILE *out;
	int width, sample;
	bool fitted;
	char **row; /* a streamed row's cells, made safe */
};

struct table *table_new(int ncols)
{
	struct table *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	t->ncols = ncols;
	t->cols = calloc((size_t)ncols, sizeof *t->cols);
	if (!t->cols)
		abort();
	return t;
}

void table_col(struct table *t, int i, const char *head, enum col_align a,
               int flex, int min)
{
	t->cols[i] = (struct column){ .head = head, .align = a, .flex = flex, .min = min, .shown = true };
}

void table_col_floor(struct table *t, int i, int width)
{
	t->cols[i].floor = width;
}

void table_stream(struct table *t, FILE *f, int width, int sample)
{
	t->out = f;
	t->width = width;
	t->sample = sample > 0 ? sample : 1;
	if (!t->row && !(t->row = calloc((size_t)t->ncols, sizeof *t->row)))
		abort();
}

static void fit_columns(struct table *t, int width);
static void print_line(const struct table *t, FILE *f, const char *const *cells, bool streamed);

/* The sample is full and another row has come: fix the widths, print the
 * heading and the held rows, and let them go. */
static void fit_sample(struct table *t)
{
	t->fitted = true; /* first: the floors count (natural_width) */
	fit_columns(t, t->width);
	print_line(t, t->out, NULL, false);
	for (int r = 0; r < t->nrows; r++)
		print_line(t, t->out, (const char *const *)&t->cells[r * t->ncols], false);
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

void table_row(struct table *t, const char *const *cells)
{
	if (t->out && !t->fitted && t->nrows == t->sample)
		fit_sample(t);
	if (t->fitted) {
		for (int i = 0; i < t->ncols; i++)
			t->row[i] = text_safe(cells[i] ? cells[i] : "", false);
		print_line(t, t->out, (const char *const *)t->row, true);
		for (int i = 0; i < t->ncols; i++) {
			free(t->row[i]);
			t->row[i] = NULL;
		}
		return;
	}
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		char **grown = realloc(t->cells, (size_t)t->cap * (size_t)t->ncols * sizeof *grown);
		if (!grown)
			abort();
		t->cells = grown;
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = text_safe(cells[i] ? cells[i] : "", false);
	t->nrows++;
}

static void print_cell(FILE *f, const char *s, const struct column *c, int width)
{
	char *fit = text_fit(s, width, c->align == ALIGN_LEFT);
	if (c->align == ALIGN_RIGHT)
		for (int pad = width - text_width(fit); pad > 0; pad--)
			fputc(' ', f);
	fputs(fit, f);
	free(fit);
}

static int natural_width(const struct table *t, int i)
{
	int w = text_width(t->cols[i].head);
	/* Fitting a sample, more rows to come: what is known of them counts. */
	if (t->fitted && t->cols[i].floor > w)
		w = t->cols[i].floor;
	for (int r = 0; r < t->nrows; r++) {
		int cw = text_width(t->cells[r * t->ncols + i]);
		if (cw > w)
			w = cw;
	}
	return w;
}

/* Widths: fixed columns at their natural width; the flexible ones share
 * the rest by weight, water-filling so a narrow column keeps its natural
 * width and gives the surplus to the others. A flexible column that would
 * fall below its minimum is dropped, the last declared first. */
static void fit_columns(struct table *t, int width)
{
	if (width <= 0) {
		for (int i = 0; i < t->ncols; i++)
			t->cols[i].width = natural_width(t, i);
		return;
	}
	for (;;) {
		int rest = width, shown = 0, weights = 0;
		for (int i = 0; i < t->ncols; i++) {
			struct column *c = &t->cols[i];
			if (!c->shown)
				continue;
			shown++;
			c->width = natural_width(t, i);
			if (c->flex)
				weights += c->flex;
			else
				rest -= c->width;
		}
		rest -= 2 * (shown - 1);
		/* Water-fill: settle every column whose natural width is within
		 * its share, then share again among the rest. */
		bool settled[64] = { false };
		for (bool changed = true; changed;) {
			changed = false;
			for (int i = 0; i < t->ncols && i < 64; i++) {
				struct column *c = &t->cols[i];
				if (!c->shown || !c->flex || settled[i] || weights <= 0)
					continue;
				if (c->width <= rest * c->flex / weights) {
					settled[i] = true;
					rest -= c->width;
					weights -= c->flex;
					changed = true;
				}
			}
		}
		int drop = -1, left = rest;
		for (int i = 0; i < t->ncols && i < 64; i++) {
			struct column *c = &t->cols[i];
			if (!c->shown || !c->flex || settled[i])
				continue;
			c->width = weights > 0 ? rest * c->flex / weights : 0;
			left -= c->width;
			if (c->width < c->min)
				drop = i;
		}
		for (int i = 0; i < t->ncols && i < 64 && left > 0; i++)
			if (t->cols[i].shown && t->cols[i].flex && !settled[i]) {
				t->cols[i].width += left;
				left = 0;
			}
		if (drop < 0 || shown <= 1)
			return;
		t->cols[drop].shown = false;
	}
}

/* One line: the heading (cells NULL) or a row, in the fitted widths. A
 * streamed row came after the widths were fixed: a cell wider than its
 * column is cut with the mark only where the table is fitted to a width
 * and the column is a flexible one; a fixed column (an id, a date) or a
 * table without a width limit (a pipe: every character) prints it whole,
 * and that row's later columns move right. */
static void print_line(const struct table *t, FILE *f, const char *const *cells, bool streamed)
{
	bool first = true;
	for (int i = 0; i < t->ncols; i++) {
		const struct column *c = &t->cols[i];
		if (!c->shown)
			continue;
		if (!first)
			fputs("  ", f);
		first = false;
		const char *s = cells ? cells[i] : c->head;
		int width = c->width;
		if (streamed && (!c->flex || t->width <= 0)) {
			int sw = text_width(s);
			if (sw > width)
				width = sw;
		}
		/* No trailing spaces after the last column. */
		bool is_last = true;
		for (int j = i + 1; j < t->ncols; j++)
			if (t->cols[j].shown)
				is_last = false;
		if (is_last && c->align == ALIGN_LEFT) {
			char *fit = text_fit(s, width, false);
			fputs(fit, f);
			free(fit);
		} else {
			print_cell(f, s, c, width);
		}
	}
	fputc('\n', f);
}

void table_print(struct table *t, FILE *f, int width)
{
	if (t->fitted)
		return; /* streamed: every row is out */
	fit_columns(t, width);
	print_line(t, f, NULL, false);
	for (int r = 0; r < t->nrows; r++)
		print_line(t, f, (const char *const *)&t->cells[r * t->ncols], false);
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->row);
	free(t->cols);
	free(t);
}
