/* test_date.c: date.c against the calendar: known day numbers, every day
 * from 1900 to 9999 checked against gmtime_r, leap years, ends of months
 * and quarters, month arithmetic, and each form date_parse reads. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "r57/date.h"
#include "r57/err.h"

static r57_day ymd(int y, int m, int d)
{
	r57_day day = R57_NO_DATE;
	assert_true(date_from_ymd(y, m, d, &day));
	return day;
}

/* Checks day is y-m-d by its ISO form, so a failure shows both dates. */
static void check_day(r57_day day, const char *iso)
{
	char buf[11];
	assert_string_equal(date_iso(day, buf), iso);
}

static void test_known_days(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(2024, 2, 29), 19782);
	assert_int_equal(ymd(2025, 1, 1), 20089);
	assert_int_equal(ymd(1900, 1, 1), -25567);
	assert_int_equal(ymd(9999, 12, 31), 2932896);
	assert_int_equal(ymd(1, 1, 1), -719162);

	int y, m, d;
	date_to_ymd(19782, &y, &m, &d);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	date_to_ymd(-25567, &y, &m, &d);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
}

static void test_leap_years(void **state)
{
	(void)state;
	r57_day day = 12345;
	assert_true(date_from_ymd(2024, 2, 29, &day));
	assert_true(date_from_ymd(2000, 2, 29, &day));
	assert_int_equal(day, 11016);
	day = 12345;
	assert_false(date_from_ymd(2025, 2, 29, &day));
	assert_false(date_from_ymd(1900, 2, 29, &day));
	assert_false(date_from_ymd(2100, 2, 29, &day));
	assert_int_equal(day, 12345); /* untouched on failure */
	assert_true(date_from_ymd(2400, 2, 29, NULL));

	assert_false(date_from_ymd(2025, 4, 31, NULL));
	assert_false(date_from_ymd(2025, 13, 1, NULL));
	assert_false(date_from_ymd(2025, 0, 1, NULL));
	assert_false(date_from_ymd(2025, 1, 0, NULL));
	assert_false(date_from_ymd(2025, 1, 32, NULL));
	assert_false(date_from_ymd(10000, 1, 1, NULL));
	assert_false(date_from_ymd(0, 12, 31, NULL));
	assert_true(date_from_ymd(2025, 12, 31, NULL));
}

/* Every day from 1900-01-01 to 9999-12-31 agrees with the C library's
 * gmtime_r, and survives a trip through ymd, ISO and dd/mm/yyyy forms. */
static void test_round_trip(void **state)
{
	(void)state;
	r57_day first = ymd(1900, 1, 1), last = ymd(9999, 12, 31);
	for (r57_day day = first; day <= last; day++) {
		time_t t = (time_t)day * 86400;
		struct tm tm;
		assert_non_null(gmtime_r(&t, &tm));
		int y, m, d;
		date_to_ymd(day, &y, &m, &d);
		if (y != tm.tm_year + 1900 || m != tm.tm_mon + 1 || d != tm.tm_mday)
			fail_msg("day %d: %04d-%02d-%02d, gmtime %04d-%02d-%02d", (int)day,
			         y, m, d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		r57_day back = R57_NO_DATE;
		if (!date_from_ymd(y, m, d, &back) || back != day)
			fail_msg("day %d does not come back from ymd", (int)day);
		if (day % 97 == 0) {
			char iso[11], dmy[11];
			r57_day again = R57_NO_DATE;
			assert_true(date_from_iso(date_iso(day, iso), &again));
			assert_int_equal(again, day);
			again = R57_NO_DATE;
			assert_int_equal(date_parse(date_dmy(day, dmy), 0, "--due", &again, NULL),
			                 R57_OK);
			assert_int_equal(again, day);
		}
	}
}

static void test_formats(void **state)
{
	(void)state;
	char buf[11];
	assert_string_equal(date_iso(ymd(2025, 3, 7), buf), "2025-03-07");
	assert_string_equal(date_dmy(ymd(2025, 3, 7), buf), "07/03/2025");
	assert_string_equal(date_iso(ymd(1900, 1, 1), buf), "1900-01-01");
	assert_string_equal(date_dmy(ymd(9999, 12, 31), buf), "31/12/9999");
	assert_string_equal(date_iso(ymd(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(date_iso(R57_NO_DATE, buf), "");
	assert_string_equal(date_dmy(R57_NO_DATE, buf), "");
	/* the result is buf itself */
	assert_ptr_equal(date_iso(0, buf), buf);
	assert_string_equal(buf, "1970-01-01");
}

static void test_from_iso(void **state)
{
	(void)state;
	r57_day day = 7;
	assert_true(date_from_iso("2024-02-29", &day));
	assert_int_equal(day, 19782);
	day = 7;
	assert_false(date_from_iso("2025-02-29", &day));
	assert_false(date_from_iso("2025-3-05", &day));
	assert_false(date_from_iso("2025-03-5", &day));
	assert_false(date_from_iso("2025-03-05 ", &day));
	assert_false(date_from_iso(" 2025-03-05", &day));
	assert_false(date_from_iso("05/03/2025", &day));
	assert_false(date_from_iso("2025/03/05", &day));
	assert_false(date_from_iso("2025-13-01", &day));
	assert_false(date_from_iso("", &day));
	assert_false(date_from_iso(NULL, &day));
	assert_int_equal(day, 7);
}

static void test_ends(void **state)
{
	(void)state;
	check_day(date_end_of_month(ymd(2024, 2, 1)), "2024-02-29");
	check_day(date_end_of_month(ymd(2025, 2, 14)), "2025-02-28");
	check_day(date_end_of_month(ymd(1900, 2, 28)), "1900-02-28");
	check_day(date_end_of_month(ymd(2025, 4, 30)), "2025-04-30");
	check_day(date_end_of_month(ymd(2025, 12, 1)), "2025-12-31");
	/* each quarter, from its first, middle and last day */
	check_day(date_end_of_quarter(ymd(2025, 1, 1)), "2025-03-31");
	check_day(date_end_of_quarter(ymd(2025, 2, 28)), "2025-03-31");
	check_day(date_end_of_quarter(ymd(2025, 3, 31)), "2025-03-31");
	check_day(date_end_of_quarter(ymd(2025, 4, 1)), "2025-06-30");
	check_day(date_end_of_quarter(ymd(2025, 5, 31)), "2025-06-30");
	check_day(date_end_of_quarter(ymd(2025, 6, 30)), "2025-06-30");
	check_day(date_end_of_quarter(ymd(2025, 7, 1)), "2025-09-30");
	check_day(date_end_of_quarter(ymd(2025, 8, 15)), "2025-09-30");
	check_day(date_end_of_quarter(ymd(2025, 9, 30)), "2025-09-30");
	check_day(date_end_of_quarter(ymd(2025, 10, 1)), "2025-12-31");
	check_day(date_end_of_quarter(ymd(2025, 11, 30)), "2025-12-31");
	check_day(date_end_of_quarter(ymd(2025, 12, 31)), "2025-12-31");
	check_day(date_end_of_year(ymd(2025, 1, 1)), "2025-12-31");
	check_day(date_end_of_year(ymd(2024, 12, 31)), "2024-12-31");
	check_day(date_end_of_year(ymd(1969, 6, 6)), "1969-12-31");
	assert_int_equal(date_end_of_month(R57_NO_DATE), R57_NO_DATE);
	assert_int_equal(date_end_of_quarter(R57_NO_DATE), R57_NO_DATE);
	assert_int_equal(date_end_of_year(R57_NO_DATE), R57_NO_DATE);
}

static void test_add_months(void **state)
{
	(void)state;
	/* clamped to the end of a shorter month */
	check_day(date_add_months(ymd(2025, 1, 31), 1), "2025-02-28");
	check_day(date_add_months(ymd(2024, 1, 31), 1), "2024-02-29");
	check_day(date_add_months(ymd(2025, 3, 31), -1), "2025-02-28");
	check_day(date_add_months(ymd(2025, 5, 31), 1), "2025-06-30");
	check_day(date_add_months(ymd(2024, 2, 29), 12), "2025-02-28");
	check_day(date_add_months(ymd(2024, 2, 29), 48), "2028-02-29");
	/* across year ends, both ways */
	check_day(date_add_months(ymd(2024, 12, 15), 1), "2025-01-15");
	check_day(date_add_months(ymd(2025, 1, 15), -1), "2024-12-15");
	check_day(date_add_months(ymd(2025, 1, 15), -25), "2022-12-15");
	check_day(date_add_months(ymd(2025, 1, 15), 23), "2026-12-15");
	check_day(date_add_months(ymd(1970, 1, 1), -1), "1969-12-01");
	check_day(date_add_months(ymd(2025, 8, 10), 0), "2025-08-10");
	assert_int_equal(date_add_months(R57_NO_DATE, 1), R57_NO_DATE);
}

/* date_parse of text relative to today (2025-01-31) as an ISO date, or
 * "ERR" with the message in err. */
static const char *parse(const char *text, char buf[static 11], struct r57_err *err)
{
	r57_day day = 4242;
	memset(err, 0, sizeof *err);
	int rc = date_parse(text, ymd(2025, 1, 31), "--due", &day, err);
	if (rc != R57_OK) {
		assert_int_equal(rc, R57_EINPUT);
		assert_int_equal(err->code, R57_EINPUT);
		assert_int_equal(day, 4242); /* out untouched */
		return "ERR";
	}
	assert_int_equal(err->code, R57_OK);
	return date_iso(day, buf);
}

static void test_parse_forms(void **state)
{
	(void)state;
	char b[11];
	struct r57_err e;
	assert_string_equal(parse("12/03/2025", b, &e), "2025-03-12");
	assert_string_equal(parse("1/2/2025", b, &e), "2025-02-01");
	assert_string_equal(parse("01/2/2025", b, &e), "2025-02-01");
	assert_string_equal(parse("2025-03-12", b, &e), "2025-03-12");
	assert_string_equal(parse("29/02/2024", b, &e), "2024-02-29");
	assert_string_equal(parse("29/02/2000", b, &e), "2000-02-29");
	assert_string_equal(parse("01/01/1900", b, &e), "1900-01-01");
	assert_string_equal(parse("31/12/9999", b, &e), "9999-12-31");
	assert_string_equal(parse("today", b, &e), "2025-01-31");
	assert_string_equal(parse("tomorrow", b, &e), "2025-02-01");
	assert_string_equal(parse("yesterday", b, &e), "2025-01-30");
	assert_string_equal(parse("Today", b, &e), "2025-01-31");
	assert_string_equal(parse("  12/03/2025 ", b, &e), "2025-03-12");
	assert_string_equal(parse("+0d", b, &e), "2025-01-31");
	assert_string_equal(parse("+3d", b, &e), "2025-02-03");
	assert_string_equal(parse("-31d", b, &e), "2024-12-31");
	assert_string_equal(parse("+2w", b, &e), "2025-02-14");
	assert_string_equal(parse("-1w", b, &e), "2025-01-24");
	assert_string_equal(parse("+1m", b, &e), "2025-02-28");
	assert_string_equal(parse("+13m", b, &e), "2026-02-28");
	assert_string_equal(parse("-1m", b, &e), "2024-12-31");
	assert_string_equal(parse("-2m", b, &e), "2024-11-30");
	assert_string_equal(parse("+1y", b, &e), "2026-01-31");
	assert_string_equal(parse("-25y", b, &e), "2000-01-31");
	assert_string_equal(parse("+365d", b, &e), "2026-01-31");
	assert_string_equal(parse("eom", b, &e), "2025-01-31");
	assert_string_equal(parse("end-of-month", b, &e), "2025-01-31");
	assert_string_equal(parse("eoq", b, &e), "2025-03-31");
	assert_string_equal(parse("end-of-quarter", b, &e), "2025-03-31");
	assert_string_equal(parse("eoy", b, &e), "2025-12-31");
	assert_string_equal(parse("end-of-year", b, &e), "2025-12-31");
	assert_string_equal(parse("EOQ", b, &e), "2025-03-31");

	/* the Vietnamese words, in any case, with or without diacritics,
	 * precomposed or decomposed, with extra spaces */
	assert_string_equal(parse("hôm nay", b, &e), "2025-01-31");
	assert_string_equal(parse("Hôm Nay", b, &e), "2025-01-31");
	assert_string_equal(parse("hom nay", b, &e), "2025-01-31");
	assert_string_equal(parse("  HOM   NAY ", b, &e), "2025-01-31");
	assert_string_equal(parse("ngày mai", b, &e), "2025-02-01");
	assert_string_equal(parse("nga\xcc\x80y mai", b, &e), "2025-02-01"); /* a + grave */
	assert_string_equal(parse("ngay mai", b, &e), "2025-02-01");
	assert_string_equal(parse("hôm qua", b, &e), "2025-01-30");
	assert_string_equal(parse("Hom qua", b, &e), "2025-01-30");
	assert_string_equal(parse("cuối tháng", b, &e), "2025-01-31");
	assert_string_equal(parse("cuo\xcc\x82\xcc\x81i tha\xcc\x81ng", b, &e), "2025-01-31");
	assert_string_equal(parse("CUỐI THÁNG", b, &e), "2025-01-31");
	assert_string_equal(parse("cuối quý", b, &e), "2025-03-31");
	assert_string_equal(parse("cuoi quy", b, &e), "2025-03-31");
	assert_string_equal(parse("cuối năm", b, &e), "2025-12-31");
	assert_string_equal(parse("\tcuoi   nam\t", b, &e), "2025-12-31");
	assert_string_equal(parse("cuối  năm                                        ", b, &e), "2025-12-31");

	/* relative forms from a leap day */
	r57_day day;
	assert_int_equal(date_parse("+1y", ymd(2024, 2, 29), "--due", &day, NULL), R57_OK);
	check_day(day, "2025-02-28");
	assert_int_equal(date_parse("eom", ymd(2024, 2, 3), "--due", &day, NULL), R57_OK);
	check_day(day, "2024-02-29");
	assert_int_equal(date_parse("eoq", ymd(2024, 8, 3), "--due", &day, NULL), R57_OK);
	check_day(day, "2024-09-30");
	/* absolute dates need no today */
	assert_int_equal(date_parse("05/06/2025", R57_NO_DATE, "--due", &day, NULL), R57_OK);
	check_day(day, "2025-06-05");
}

static void test_parse_does_not_exist(void **state)
{
	(void)state;
	char b[11];
	struct r57_err e;
	assert_string_equal(parse("31/02/2025", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 31/02/2025 does not exist (February 2025 has 28 days)");
	assert_string_equal(parse("29/02/2025", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 29/02/2025 does not exist (February 2025 has 28 days)");
	assert_string_equal(parse("29/02/1900", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 29/02/1900 does not exist (February 1900 has 28 days)");
	assert_string_equal(parse("30/2/2024", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 30/2/2024 does not exist (February 2024 has 29 days)");
	assert_string_equal(parse("2025-04-31", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 2025-04-31 does not exist (April 2025 has 30 days)");
	assert_string_equal(parse(" 31/11/2030 ", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: 31/11/2030 does not exist (November 2030 has 30 days)");
	/* the field name is whatever the caller says */
	r57_day day;
	struct r57_err e2;
	assert_int_equal(date_parse("31/06/2025", 0, "--start", &day, &e2), R57_EINPUT);
	assert_string_equal(e2.msg, "--start: 31/06/2025 does not exist (June 2025 has 30 days)");
}

static void test_parse_not_a_date(void **state)
{
	(void)state;
	char b[11];
	struct r57_err e;
	static const char *const bad[] = {
		"", "   ", "tomorow", "next week", "+5x", "+d", "+", "5d", "+1.5d",
		"++1d", "+1dd", "+1234567d", "2025/01/01", "01-01-2025", "1/1/25",
		"001/01/2025", "12/03/20255", "2025-1-1-1", "32/01/2025",
		"00/01/2025", "01/13/2025", "01/00/2025", "31/12/1899",
		"1899-12-31", "0001-01-01", "+9000y", "-200y", "-50000w",
		"e0m", "end of month", "todayx",
		"hôm", "nay", "hôm nay nữa", "hom-nay", "hom_nay", "homnay", "cuối", "cuối tuần",
		"ngày", "mai", "cuối quý 2", "hôm.nay",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (strcmp(parse(bad[i], b, &e), "ERR") != 0)
			fail_msg("'%s' parsed as %s", bad[i], b);
		char want[200];
		snprintf(want, sizeof want,
		         "--due: '%s' is not a date (use dd/mm/yyyy or yyyy-mm-dd)", bad[i]);
		assert_string_equal(e.msg, want);
	}
	/* no error struct: still refused */
	r57_day day = 3;
	assert_int_equal(date_parse("soon", 0, "--due", &day, NULL), R57_EINPUT);
	assert_int_equal(day, 3);
	assert_int_equal(date_parse(NULL, 0, "--due", &day, NULL), R57_EINPUT);
}

static void test_parse_message_is_safe(void **state)
{
	(void)state;
	char b[11];
	struct r57_err e;
	/* an escape sequence that would clear the screen is shown, not sent */
	assert_string_equal(parse("\x1b[2J\x1b[H", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: '\xe2\x90\x9b[2J\xe2\x90\x9b[H' is not a date "
	                           "(use dd/mm/yyyy or yyyy-mm-dd)");
	/* bidi override and a bad byte */
	assert_string_equal(parse("1\xe2\x80\xae" "2\xff", b, &e), "ERR");
	assert_string_equal(e.msg, "--due: '1\xef\xbf\xbd" "2\xef\xbf\xbd' is not a date "
	                           "(use dd/mm/yyyy or yyyy-mm-dd)");
	/* a long text is cut, and the message still ends as it should */
	char longtext[3000];
	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	assert_string_equal(parse(longtext, b, &e), "ERR");
	assert_non_null(strstr(e.msg, "xxx\xe2\x80\xa6' is not a date (use dd/mm/yyyy or yyyy-mm-dd)"));
	assert_true(strlen(e.msg) < 200);
	for (const char *p = e.msg; *p; p++)
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
}

static void test_today_local(void **state)
{
	(void)state;
	/* compared with the C library's own view of today; retried if the
	 * day turned over between the two readings */
	for (int tries = 0; tries < 3; tries++) {
		time_t now = time(NULL);
		struct tm tm;
		assert_non_null(localtime_r(&now, &tm));
		r57_day day = date_today_local();
		int y, m, d;
		date_to_ymd(day, &y, &m, &d);
		if (y == tm.tm_year + 1900 && m == tm.tm_mon + 1 && d == tm.tm_mday)
			return;
	}
	fail_msg("date_today_local disagrees with localtime_r");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_from_iso),
		cmocka_unit_test(test_ends),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_does_not_exist),
		cmocka_unit_test(test_parse_not_a_date),
		cmocka_unit_test(test_parse_message_is_safe),
		cmocka_unit_test(test_today_local),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
