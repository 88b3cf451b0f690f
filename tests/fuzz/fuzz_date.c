/* fuzz_date.c: libFuzzer harness for the date parser (r57/date.h). The
 * input is what a user typed after --due, read relative to four todays
 * (30/06/2025, the first and last days r57 accepts, and no date at all).
 * Beyond no crash and no sanitizer report: a date read is within the years
 * r57 accepts and reads back the same from its ISO and dd/mm/yyyy forms;
 * an error is R57_EINPUT with a message safe to print. The first four
 * bytes are also taken as a day number for the calendar arithmetic. */
#include <stdbool.h>

#include "r57/date.h"
#include "r57/i18n.h"
#include "fuzz.h"

static r57_day day_of(int y, int m, int d)
{
	r57_day day;
	FUZZ_REQUIRE(date_from_ymd(y, m, d, &day), "%d-%d-%d", y, m, d);
	return day;
}

static void parse_one(const char *text, r57_day today)
{
	struct r57_err err = { 0 };
	r57_day out = R57_NO_DATE;
	int rc = date_parse(text, today, "--due", &out, &err);
	if (rc != R57_OK) {
		FUZZ_REQUIRE(rc == R57_EINPUT, "date_parse returned %d", rc);
		fuzz_error(rc, &err, "date_parse");
		FUZZ_REQUIRE(strncmp(err.msg, "--due: ", 7) == 0, "the message does not name the field: %s", err.msg);
		return;
	}
	int y, m, d;
	date_to_ymd(out, &y, &m, &d);
	FUZZ_REQUIRE(y >= 1900 && y <= 9999, "'%s' read as year %d", text, y);
	char iso[11], dmy[11];
	r57_day back = R57_NO_DATE;
	FUZZ_REQUIRE(date_from_iso(date_iso(out, iso), &back) && back == out, "'%s': %s reads back as %d, not %d",
	             text, iso, (int)back, (int)out);
	FUZZ_REQUIRE(date_parse(date_dmy(out, dmy), today, "--due", &back, &err) == R57_OK && back == out,
	             "'%s': %s reads back as %d, not %d", text, dmy, (int)back, (int)out);
	FUZZ_REQUIRE(date_parse(iso, today, "--due", &back, &err) == R57_OK && back == out,
	             "'%s': %s does not read back", text, iso);
}

/* The calendar arithmetic on any day number. */
static void arithmetic(r57_day day, int months)
{
	if (day == R57_NO_DATE) {
		FUZZ_REQUIRE(date_end_of_month(day) == R57_NO_DATE && date_add_months(day, months) == R57_NO_DATE,
		             "no date gave a date");
		return;
	}
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	FUZZ_REQUIRE(m >= 1 && m <= 12 && d >= 1 && d <= 31, "day %d is %d-%d-%d", (int)day, y, m, d);
	r57_day again;
	if (y >= 1 && y <= 9999) {
		FUZZ_REQUIRE(date_from_ymd(y, m, d, &again) && again == day, "day %d: %d-%d-%d gives %d",
		             (int)day, y, m, d, (int)again);
		r57_day eom = date_end_of_month(day), eoq = date_end_of_quarter(day), eoy = date_end_of_year(day);
		FUZZ_REQUIRE(eom >= day && eoq >= eom && eoy >= eoq && eoy - day < 366,
		             "day %d: ends of month, quarter, year %d %d %d", (int)day, (int)eom, (int)eoq, (int)eoy);
		r57_day moved = date_add_months(day, months);
		if (moved != R57_NO_DATE) {
			int y2, m2, d2;
			date_to_ymd(moved, &y2, &m2, &d2);
			long long want = (long long)y * 12 + (m - 1) + months;
			FUZZ_REQUIRE((long long)y2 * 12 + (m2 - 1) == want && d2 <= d,
			             "day %d + %d months: %d-%d-%d", (int)day, months, y2, m2, d2);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	const r57_day todays[] = { day_of(2025, 6, 30), day_of(1900, 1, 1), day_of(9999, 12, 31), R57_NO_DATE };
	for (size_t i = 0; i < sizeof todays / sizeof *todays; i++)
		parse_one(text, todays[i]);
	free(text);
	if (size >= 6) {
		int32_t day;
		int16_t months;
		memcpy(&day, data, sizeof day);
		memcpy(&months, data + 4, sizeof months);
		arithmetic(day, months);
	}
	return 0;
}
