/* test_csv.c: the CSV reader (csv.c) on what spreadsheets write and on
 * broken files: quotes, doubled quotes, CRLF, LF and CR line ends, line
 * breaks inside cells, the byte order mark, ';' files, and every kind of
 * breakage with the exact line and column it is reported at. The reader's
 * messages are English msgids (the importer shows them with _()): the
 * checks below read them as such, and one test looks them up in the
 * catalogue in both languages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/csv.h"
#include "r57/i18n.h"

/* A reader over a string (len bytes; -1 = strlen). */
struct src {
	FILE *f;
	struct csv_reader *r;
};

static void open_src(struct src *s, const char *text, long len, char delim, size_t max)
{
	size_t n = len < 0 ? strlen(text) : (size_t)len;
	/* fmemopen of 0 bytes is refused by some libcs: keep one spare byte. */
	s->f = fmemopen((void *)(uintptr_t)text, n ? n : 1, "r");
	assert_non_null(s->f);
	if (!n)
		fgetc(s->f);
	s->r = csv_open(s->f, delim, max);
	assert_non_null(s->r);
}

static void close_src(struct src *s)
{
	csv_free(s->r);
	fclose(s->f);
}

/* The next record must have exactly these cells (NULL-terminated). */
static void expect_record(struct src *s, ...)
{
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e = { 0 };
	int rc = csv_next(s->r, &cells, &n, &e);
	if (rc != 1)
		fail_msg("expected a record, got %d (%s at %ld:%ld)", rc, e.what ? e.what : "",
		         e.at.line, e.at.col);
	va_list ap;
	va_start(ap, s);
	size_t i = 0;
	const char *want;
	while ((want = va_arg(ap, const char *)) != NULL) {
		if (i >= n)
			fail_msg("cell %zu missing (record has %zu)", i + 1, n);
		if (strcmp(cells[i].text, want) != 0 || cells[i].len != strlen(want))
			fail_msg("cell %zu: got [%s], expected [%s]", i + 1, cells[i].text, want);
		i++;
	}
	va_end(ap);
	if (i != n)
		fail_msg("record has %zu cells, expected %zu", n, i);
}

static void expect_end(struct src *s)
{
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e = { 0 };
	int rc = csv_next(s->r, &cells, &n, &e);
	if (rc != 0)
		fail_msg("expected the end, got %d", rc);
}

/* The next record fails at line:col (byte offset off, -1 = any) with a
 * message containing what. */
static void expect_error(struct src *s, long line, long col, long off, const char *what)
{
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e = { 0 };
	int rc;
	while ((rc = csv_next(s->r, &cells, &n, &e)) == 1)
		;
	if (rc != -1)
		fail_msg("expected an error (%s), got the end", what);
	if (e.at.line != line || e.at.col != col)
		fail_msg("error '%s' at %ld:%ld, expected %ld:%ld", e.what, e.at.line, e.at.col,
		         line, col);
	if (off >= 0 && e.at.offset != off)
		fail_msg("error at byte %lld, expected %ld", (long long)e.at.offset, off);
	if (!strstr(e.what, what))
		fail_msg("error '%s' does not say '%s'", e.what, what);
	/* Stuck: the same error again. */
	struct csv_error again = { 0 };
	assert_int_equal(csv_next(s->r, &cells, &n, &again), -1);
	assert_int_equal(again.at.line, line);
	assert_int_equal(again.at.col, col);
}

static void plain(void **state)
{
	(void)state;
	struct src s;
	open_src(&s, "a,b,c\r\nd,e,f\r\n", -1, ',', 0);
	expect_record(&s, "a", "b", "c", NULL);
	expect_record(&s, "d", "e", "f", NULL);
	expect_end(&s);
	expect_end(&s);
	assert_false(csv_had_bom(s.r));
	close_src(&s);
}

static void empty_cells_and_last_line(void **state)
{
	(void)state;
	struct src s;
	/* Empty cells anywhere; the last line without a line end. */
	open_src(&s, ",a,,\r\n,\r\nx", -1, ',', 0);
	expect_record(&s, "", "a", "", "", NULL);
	expect_record(&s, "", "", NULL);
	expect_record(&s, "x", NULL);
	expect_end(&s);
	close_src(&s);
	/* An empty line is a record of one empty cell. */
	open_src(&s, "a\r\n\r\nb\r\n", -1, ',', 0);
	expect_record(&s, "a", NULL);
	expect_record(&s, "", NULL);
	expect_record(&s, "b", NULL);
	expect_end(&s);
	close_src(&s);
	/* Nothing at all. */
	open_src(&s, "", 0, ',', 0);
	expect_end(&s);
	close_src(&s);
}

static void quotes(void **state)
{
	(void)state;
	struct src s;
	open_src(&s, "\"a,b\",\"\",\"say \"\"hi\"\"\",\"\"\"\"\r\n", -1, ',', 0);
	expect_record(&s, "a,b", "", "say \"hi\"", "\"", NULL);
	expect_end(&s);
	close_src(&s);
}

static void line_ends(void **state)
{
	(void)state;
	struct src s;
	/* LF, CR and CRLF all end a record; a quoted cell keeps its own. */
	open_src(&s, "a,b\nc,d\re,f\r\n\"x\r\ny\",\"p\nq\"\r\n\"r\rs\"\n", -1, ',', 0);
	expect_record(&s, "a", "b", NULL);
	expect_record(&s, "c", "d", NULL);
	expect_record(&s, "e", "f", NULL);
	expect_record(&s, "x\r\ny", "p\nq", NULL);
	expect_record(&s, "r\rs", NULL);
	expect_end(&s);
	close_src(&s);
}

static void positions(void **state)
{
	(void)state;
	struct src s;
	const struct csv_cell *c;
	size_t n;
	struct csv_error e;
	/* "Nhiệm vụ" is 8 characters and 11 bytes. */
	open_src(&s, "\xEF\xBB\xBFNhi\xe1\xbb\x87m v\xe1\xbb\xa5,\"x\r\ny\",z\r\n\"q\"\r\n", -1, ',', 0);
	assert_int_equal(csv_next(s.r, &c, &n, &e), 1);
	assert_true(csv_had_bom(s.r));
	assert_int_equal(n, 3);
	assert_string_equal(c[0].text, "Nhi\xe1\xbb\x87m v\xe1\xbb\xa5");
	assert_int_equal(c[0].at.line, 1);
	assert_int_equal(c[0].at.col, 1);
	assert_int_equal(c[0].at.offset, 3);
	assert_false(c[0].quoted);
	assert_int_equal(c[1].at.line, 1);
	assert_int_equal(c[1].at.col, 10);
	assert_int_equal(c[1].at.offset, 16);
	assert_true(c[1].quoted);
	/* After a line break inside a quoted cell: line 2. */
	assert_int_equal(c[2].at.line, 2);
	assert_int_equal(c[2].at.col, 4);
	assert_int_equal(csv_next(s.r, &c, &n, &e), 1);
	assert_int_equal(c[0].at.line, 3);
	assert_int_equal(c[0].at.col, 1);
	expect_end(&s);
	close_src(&s);
}

static void semicolons(void **state)
{
	(void)state;
	struct src s;
	open_src(&s, "a;b;\"c;d\"\r\n1,5;2;3\r\n", -1, 0, 0);
	expect_record(&s, "a", "b", "c;d", NULL);
	expect_record(&s, "1,5", "2", "3", NULL);
	assert_int_equal(csv_delim(s.r), ';');
	close_src(&s);
	/* A comma on the first line: commas. */
	open_src(&s, "a,b;c\r\n", -1, 0, 0);
	expect_record(&s, "a", "b;c", NULL);
	assert_int_equal(csv_delim(s.r), ',');
	close_src(&s);
	/* A ';' inside quotes does not count. */
	open_src(&s, "\"a;b\"\r\n", -1, 0, 0);
	expect_record(&s, "a;b", NULL);
	assert_int_equal(csv_delim(s.r), ',');
	close_src(&s);
}

static void broken_quotes(void **state)
{
	(void)state;
	struct src s;
	/* A quote in the middle of an unquoted cell: at the quote. */
	open_src(&s, "a,b\r\nc,d\"e\r\n", -1, ',', 0);
	expect_error(&s, 2, 4, 8, "a quote inside a cell");
	close_src(&s);
	/* A character after a closing quote: at that character. */
	open_src(&s, "a,\"b\"x,c\r\n", -1, ',', 0);
	expect_error(&s, 1, 6, 5, "after a closing quote");
	close_src(&s);
	/* A space before the opening quote makes it an unquoted cell. */
	open_src(&s, "a, \"b\"\r\n", -1, ',', 0);
	expect_error(&s, 1, 4, 3, "a quote inside a cell");
	close_src(&s);
	/* Never closed: at the opening quote, however far the file goes. */
	open_src(&s, "a,b\r\nc,\"never closed,\r\nmore\r\nand more\r\n", -1, ',', 0);
	expect_error(&s, 2, 3, 7, "never closed");
	close_src(&s);
	/* Columns count characters, not bytes; the BOM is not one. */
	open_src(&s, "\xEF\xBB\xBFNhi\xe1\xbb\x87m v\xe1\xbb\xa5,\"x\"y\r\n", -1, ',', 0);
	expect_error(&s, 1, 13, 19, "after a closing quote");
	close_src(&s);
	/* On the line after a line break inside a quoted cell. */
	open_src(&s, "h1,h2\r\n\"one\r\ntwo\",\"th\"\"ree\"\r\n\"x\"\"y\" z,w\r\n", -1, ',', 0);
	expect_error(&s, 4, 7, -1, "after a closing quote");
	close_src(&s);
	/* With CR alone as the line end. */
	open_src(&s, "a\rb\rc\"d\r", -1, ',', 0);
	expect_error(&s, 3, 2, 5, "a quote inside a cell");
	close_src(&s);
}

static void bad_bytes(void **state)
{
	(void)state;
	struct src s;
	/* A lead byte followed by an ASCII byte: at the lead byte. */
	open_src(&s, "ok\r\nab\xC3(,x\r\n", -1, ',', 0);
	expect_error(&s, 2, 3, 6, "invalid UTF-8");
	close_src(&s);
	/* Overlong, surrogate, beyond U+10FFFF, stray continuation. */
	open_src(&s, "\xC0\x80", -1, ',', 0);
	expect_error(&s, 1, 1, 0, "invalid UTF-8");
	close_src(&s);
	open_src(&s, "x,\xED\xA0\x80", -1, ',', 0);
	expect_error(&s, 1, 3, 2, "invalid UTF-8");
	close_src(&s);
	open_src(&s, "\xF4\x90\x80\x80", -1, ',', 0);
	expect_error(&s, 1, 1, 0, "invalid UTF-8");
	close_src(&s);
	open_src(&s, "a\x80", -1, ',', 0);
	expect_error(&s, 1, 2, 1, "invalid UTF-8");
	close_src(&s);
	/* Cut short at the end of the file. */
	open_src(&s, "ab\xE1\xBB", -1, ',', 0);
	expect_error(&s, 1, 3, 2, "cut short");
	close_src(&s);
	/* Inside a quoted cell too. */
	open_src(&s, "\"a\r\nb\xFF\"", -1, ',', 0);
	expect_error(&s, 2, 2, 5, "invalid UTF-8");
	close_src(&s);
	/* A NUL byte. */
	open_src(&s, "a,b\0c", 5, ',', 0);
	expect_error(&s, 1, 4, 3, "NUL");
	close_src(&s);
}

static void record_limit(void **state)
{
	(void)state;
	struct src s;
	char big[200];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	open_src(&s, big, -1, ',', 64);
	expect_error(&s, 1, 1, 0, "longer than the limit");
	close_src(&s);
}

static void long_file(void **state)
{
	(void)state;
	/* More than one buffer: records cross buffer boundaries. */
	size_t rows = 20000;
	char *text = malloc(rows * 40);
	assert_non_null(text);
	size_t n = 0;
	for (size_t i = 0; i < rows; i++)
		n += (size_t)sprintf(text + n, "%zu,\"v\"\"%zu\r\nx\",\xc4\x91\r\n", i, i);
	struct src s;
	open_src(&s, text, (long)n, ',', 0);
	const struct csv_cell *c;
	size_t nc;
	struct csv_error e;
	for (size_t i = 0; i < rows; i++) {
		assert_int_equal(csv_next(s.r, &c, &nc, &e), 1);
		assert_int_equal(nc, 3);
		char want[64];
		snprintf(want, sizeof want, "%zu", i);
		assert_string_equal(c[0].text, want);
		snprintf(want, sizeof want, "v\"%zu\r\nx", i);
		assert_string_equal(c[1].text, want);
		assert_int_equal(c[0].at.line, (long)(2 * i + 1));
		assert_int_equal(c[2].at.line, (long)(2 * i + 2));
		assert_int_equal(c[2].at.col, 4);
	}
	expect_end(&s);
	close_src(&s);
	free(text);
}

/* Long cells of Vietnamese text across the reader's 64 KiB buffer, at
 * every alignment of a multibyte character against its end: the cells,
 * their columns, and an error after a long run, exactly where the slow
 * byte-by-byte reading puts them. */
static void long_cells_across_the_buffer(void **state)
{
	(void)state;
	for (size_t shift = 0; shift < 4; shift++) {
		size_t run = 65536 - 3 - shift;
		size_t cap = run + 64;
		char *text = malloc(cap);
		assert_non_null(text);
		memset(text, 'a', run);
		/* "ệệ" (3 bytes each), then a quoted cell with a doubled quote
		 * and "đ", then a last cell */
		size_t n = run + (size_t)snprintf(text + run, cap - run,
		                                  "\xe1\xbb\x87\xe1\xbb\x87,\"q\"\"\xc4\x91\",z\r\nnext\r\n");
		struct src s;
		open_src(&s, text, (long)n, ',', 0);
		const struct csv_cell *c;
		size_t nc;
		struct csv_error e;
		assert_int_equal(csv_next(s.r, &c, &nc, &e), 1);
		assert_int_equal(nc, 3);
		assert_int_equal(c[0].len, run + 6);
		assert_memory_equal(c[0].text + run, "\xe1\xbb\x87\xe1\xbb\x87", 7);
		assert_string_equal(c[1].text, "q\"\xc4\x91");
		assert_int_equal(c[1].at.col, (long)run + 4);
		assert_int_equal(c[1].at.offset, (int64_t)run + 7);
		assert_int_equal(c[2].at.col, (long)run + 11);
		expect_record(&s, "next", NULL);
		expect_end(&s);
		close_src(&s);

		/* A bad byte after a long run: its own line and column. */
		memset(text, 'b', run);
		memcpy(text + run, "\xe1\xbb\x87\xc3(x\r\n", 8);
		open_src(&s, text, (long)(run + 8), ',', 0);
		expect_error(&s, 1, (long)run + 2, (long)run + 3, "invalid UTF-8");
		close_src(&s);
		free(text);
	}
}

/* The error of the first broken record of text. */
static struct csv_error first_error(const char *text, long len)
{
	struct src s;
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e = { 0 };
	int rc;
	open_src(&s, text, len, ',', 16);
	while ((rc = csv_next(s.r, &cells, &n, &e)) == 1)
		;
	close_src(&s);
	assert_int_equal(rc, -1);
	return e;
}

/* Every message the reader gives is in the catalogue: the same words in
 * English, its own in Vietnamese. */
static void messages_in_both_languages(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		long len;
	} broken[] = {
		{ "a,b\r\nc,d\"e\r\n", -1 },              /* a quote inside a cell */
		{ "a,\"b\"x,c\r\n", -1 },                  /* after a closing quote */
		{ "a,\"never closed,\r\n", -1 },           /* never closed */
		{ "ok\r\nab\xC3(,x\r\n", -1 },            /* invalid UTF-8 */
		{ "ok\r\nab\xC3", -1 },                    /* cut short */
		{ "a\0b\r\n", 5 },                         /* a NUL byte */
		{ "\"0123456789abcdefghij\r\n", -1 },      /* longer than the limit */
	};
	i18n_init(0, NULL);
	for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
		struct csv_error e = first_error(broken[i].text, broken[i].len);
		assert_non_null(e.what);
		i18n_set(R57_LANG_EN);
		assert_string_equal(_(e.what), e.what);
		i18n_set(R57_LANG_VI);
		const char *vi = _(e.what);
		if (strcmp(vi, e.what) == 0)
			fail_msg("no Vietnamese for '%s'", e.what);
		assert_string_equal(vi, dgettext("r57", e.what));
	}
	i18n_set(R57_LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain),
		cmocka_unit_test(empty_cells_and_last_line),
		cmocka_unit_test(quotes),
		cmocka_unit_test(line_ends),
		cmocka_unit_test(positions),
		cmocka_unit_test(semicolons),
		cmocka_unit_test(broken_quotes),
		cmocka_unit_test(bad_bytes),
		cmocka_unit_test(record_limit),
		cmocka_unit_test(long_file),
		cmocka_unit_test(long_cells_across_the_buffer),
		cmocka_unit_test(messages_in_both_languages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
