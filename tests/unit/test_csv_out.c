/* test_csv_out.c: the one CSV cell writer (csv_out.c) that r57 export and
 * the report's CSV share, byte for byte as each wrote its cells before:
 * quoting, doubled quotes, the formula guard of each (export: past any
 * quotes, so that import gives the text back; report: the first character,
 * and the cell quoted), the stored bytes or the text made safe, and the
 * cell's end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/csv_out.h"

/* What csv_out_cell writes for s. */
static char *cell(const char *s, bool last, bool safe, enum csv_guard g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	csv_out_cell(f, s, last, safe, g);
	fclose(f);
	return buf;
}

static void expect(const char *s, bool last, bool safe, enum csv_guard g, const char *want)
{
	char *got = cell(s, last, safe, g);
	if (strcmp(got, want) != 0)
		fail_msg("cell '%s': wrote '%s', expected '%s'", s ? s : "(null)", got, want);
	free(got);
}

static void plain_and_quoted(void **state)
{
	(void)state;
	for (int g = CSV_GUARD_ROUNDTRIP; g <= CSV_GUARD_DOCUMENT; g++) {
		expect(NULL, false, false, g, ",");
		expect("", true, true, g, "\r\n");
		expect("Sở Nội vụ", false, false, g, "Sở Nội vụ,");
		expect("a,b", true, false, g, "\"a,b\"\r\n");
		expect("say \"hi\"", false, false, g, "\"say \"\"hi\"\"\",");
		expect("two\nlines", false, true, g, "\"two\nlines\",");
	}
}

/* Export: one more quote before a formula character after any quotes,
 * quoted only when the text needs it. */
static void roundtrip_guard(void **state)
{
	(void)state;
	enum csv_guard g = CSV_GUARD_ROUNDTRIP;
	expect("=1+1", false, false, g, "'=1+1,");
	expect("+84 90", false, false, g, "'+84 90,");
	expect("-5", false, false, g, "'-5,");
	expect("@SUM(A1)", false, false, g, "'@SUM(A1),");
	expect("'=x", false, false, g, "''=x,");
	expect("''-", false, false, g, "'''-,");
	expect("'plain", false, false, g, "'plain,");
	expect("=a,b", false, false, g, "\"'=a,b\",");
	expect("\tx", false, false, g, "'\tx,");
	expect("a=b", false, false, g, "a=b,");
}

/* The report: a quote before a formula character first, and quoted. */
static void document_guard(void **state)
{
	(void)state;
	enum csv_guard g = CSV_GUARD_DOCUMENT;
	expect("=1+1", false, true, g, "\"'=1+1\",");
	expect("-5", true, true, g, "\"'-5\"\r\n");
	expect("'=x", false, true, g, "'=x,");
	expect("a=b", false, true, g, "a=b,");
}

/* safe: control characters become visible placeholders; else the bytes
 * stay as stored. */
static void safe_or_exact(void **state)
{
	(void)state;
	char *exact = cell("a\x1b" "b", false, false, CSV_GUARD_ROUNDTRIP);
	assert_string_equal(exact, "a\x1b" "b,");
	char *safe = cell("a\x1b" "b", false, true, CSV_GUARD_ROUNDTRIP);
	assert_null(strchr(safe, '\x1b'));
	assert_int_equal(safe[0], 'a');
	free(exact);
	free(safe);
}

static void formula_characters(void **state)
{
	(void)state;
	const char *yes = "=+-@\t\r";
	for (const char *p = yes; *p; p++)
		assert_true(csv_out_formula(*p));
	assert_false(csv_out_formula('a'));
	assert_false(csv_out_formula('\''));
	assert_false(csv_out_formula('\0'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_and_quoted),
		cmocka_unit_test(roundtrip_guard),
		cmocka_unit_test(document_guard),
		cmocka_unit_test(safe_or_exact),
		cmocka_unit_test(formula_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
