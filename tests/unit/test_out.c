/* test_out.c: the streaming table of out.c (table_stream): a table that
 * stays within its sample comes out exactly as a held one; a longer one
 * keeps the sample's widths, prints every row, cuts a later wide cell with
 * the mark in a flexible column fitted to a width and prints it whole
 * otherwise; user text is made safe on both paths. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/out.h"

/* Rows of the test: an id, a status and a title. */
struct rows {
	int n;
	const char *const (*cells)[3];
};

static struct table *declare(void)
{
	struct table *t = table_new(3);
	table_col(t, 0, "ID", ALIGN_RIGHT, 0, 0);
	table_col(t, 1, "ST", ALIGN_LEFT, 0, 0);
	table_col(t, 2, "TITLE", ALIGN_LEFT, 1, 4);
	return t;
}

/* The table of rows, streamed with sample (0: held), fitted to width. */
static char *render(const struct rows *r, int width, int sample, int floor)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	struct table *t = declare();
	if (floor)
		table_col_floor(t, 1, floor);
	if (sample)
		table_stream(t, f, width, sample);
	for (int i = 0; i < r->n; i++)
		table_row(t, r->cells[i]);
	table_print(t, f, width);
	table_free(t);
	fclose(f);
	return buf;
}

static const char *const few[][3] = {
	{ "1", "open", "Một" },
	{ "2", "done", "Hai \x1b[31m" },
	{ "3", "open", "Ba" },
};

static void test_within_sample_is_unchanged(void **state)
{
	(void)state;
	struct rows r = { 3, few };
	for (int w = 0; w <= 40; w += 20) {
		char *held = render(&r, w, 0, 0);
		char *streamed = render(&r, w, 3, 9);
		assert_string_equal(streamed, held);
		assert_null(strchr(streamed, '\x1b'));
		free(held);
		free(streamed);
	}
}

static const char *const many[][3] = {
	{ "1", "open", "Một" },
	{ "2", "open", "Hai" },
	{ "3", "cancelled", "Ba" },
	{ "10", "open", "Một tên rất dài \x1b[2J" },
	{ "11", "open", "Ngắn" },
};

static void test_after_sample(void **state)
{
	(void)state;
	struct rows r = { 5, many };
	/* No width: the sample's widths, a longer cell whole. */
	char *s = render(&r, 0, 2, 0);
	assert_string_equal(s, "ID  ST    TITLE\n"
	                       " 1  open  Một\n"
	                       " 2  open  Hai\n"
	                       " 3  cancelled  Ba\n"
	                       "10  open  Một tên rất dài ␛[2J\n"
	                       "11  open  Ngắn\n");
	free(s);
	/* The floor keeps the status column for what the sample missed. */
	s = render(&r, 0, 2, 9);
	assert_string_equal(s, "ID  ST         TITLE\n"
	                       " 1  open       Một\n"
	                       " 2  open       Hai\n"
	                       " 3  cancelled  Ba\n"
	                       "10  open       Một tên rất dài ␛[2J\n"
	                       "11  open       Ngắn\n");
	free(s);
	/* A width: the flexible title is cut with the mark; it takes what
	 * the sample needs (5 columns: the heading). */
	s = render(&r, 20, 2, 9);
	assert_string_equal(s, "ID  ST         TITLE\n"
	                       " 1  open       Một\n"
	                       " 2  open       Hai\n"
	                       " 3  cancelled  Ba\n"
	                       "10  open       Một …\n"
	                       "11  open       Ngắn\n");
	free(s);
}

/* What out_tsv_str or out_json_str writes of s. */
static char *escaped(bool json, const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (json)
		out_json_str(f, s);
	else
		out_tsv_str(f, s);
	fclose(f);
	return buf;
}

/* Plain runs go out whole, Vietnamese letters among them; every escape
 * between them, at the start and at the end still comes out. */
static void test_escapes_between_runs(void **state)
{
	(void)state;
	/* a tab, a backslash, a newline, a right-to-left override
	 * (U+202E), a C1 control (U+0085), a bad byte, a quote */
	const char *s = "\tĐà Nẵng\\x\nb\xe2\x80\xae c\xc2\x85" "d\xff\"ắ\"\r";
	char *t = escaped(false, s);
	assert_string_equal(t, "\\tĐà Nẵng\\\\x\\nb\\u202e c\\u0085d\\ufffd\"ắ\"\\r");
	free(t);
	t = escaped(true, s);
	assert_string_equal(t, "\"\\tĐà Nẵng\\\\x\\nb\\u202e c\\u0085d\\ufffd\\\"ắ\\\"\\u000d\"");
	free(t);
	t = escaped(false, "Kế hoạch 97-CTr/TU");
	assert_string_equal(t, "Kế hoạch 97-CTr/TU");
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_within_sample_is_unchanged),
		cmocka_unit_test(test_after_sample),
		cmocka_unit_test(test_escapes_between_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
