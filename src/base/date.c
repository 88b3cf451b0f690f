/* date.c: calendar dates as day numbers since 1970-01-01, and reading the
 * forms users type. The arithmetic is Howard Hinnant's days-from-civil and
 * civil-from-days, which needs no time zone and no mktime. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/i18n.h"
#include "r57/text.h"

/* Dates are written with four-digit years, so nothing outside these years
 * can be shown or stored; users may only type years from 1900 on. */
#define YEAR_MIN 1
#define YEAR_MAX 9999
#define PARSE_YEAR_MIN 1900

/* How much of a bad input a message repeats, in columns. */
#define MSG_TEXT_WIDTH 40

/* Shown in messages, translated at use. */
static const char *const month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

/* The Vietnamese words for relative dates, accepted in either language,
 * as text_search_word() leaves them: folded, one space between words. So
 * "Cuối  Tháng", "cuoi thang" and the decomposed "cuối tháng" are one. */
enum rel_word { REL_TODAY, REL_TOMORROW, REL_YESTERDAY, REL_EOM, REL_EOQ, REL_EOY };
static const struct {
	const char *folded;
	enum rel_word what;
} vi_words[] = {
	{ " hom nay", REL_TODAY },   { " ngay mai", REL_TOMORROW }, { " hom qua", REL_YESTERDAY },
	{ " cuoi thang", REL_EOM },  { " cuoi quy", REL_EOQ },      { " cuoi nam", REL_EOY },
};

static bool is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Floor division: the era and month arithmetic must round towards minus
 * infinity for dates before year 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* A computed day, or R57_NO_DATE when it does not fit an r57_day. */
static r57_day to_day(int64_t z)
{
	if (z <= INT32_MIN || z > INT32_MAX)
		return R57_NO_DATE;
	return (r57_day)z;
}

bool date_from_ymd(int y, int m, int d, r57_day *out)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m))
		return false;
	if (out)
		*out = (r57_day)days_from_civil(y, m, d);
	return true;
}

void date_to_ymd(r57_day day, int *y, int *m, int *d)
{
	int64_t yy;
	int mm, dd;
	civil_from_days(day, &yy, &mm, &dd);
	/* Any int32 day lies within a few million years, so yy fits an int. */
	if (y)
		*y = (int)yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}

static void put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* The parts of day for display, false when it has no four-digit form. */
static bool printable(r57_day day, int *y, int *m, int *d)
{
	if (day == R57_NO_DATE)
		return false;
	date_to_ymd(day, y, m, d);
	return *y >= YEAR_MIN && *y <= YEAR_MAX;
}

const char *date_iso(r57_day day, char buf[static 11])
{
	int y, m, d;
	if (!printable(day, &y, &m, &d)) {
		buf[0] = '\0';
		return buf;
	}
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[10] = '\0';
	return buf;
}

const char *date_dmy(r57_day day, char buf[static 11])
{
	int y, m, d;
	if (!printable(day, &y, &m, &d)) {
		buf[0] = '\0';
		return buf;
	}
	put_digits(buf, d, 2);
	buf[2] = '/';
	put_digits(buf + 3, m, 2);
	buf[5] = '/';
	put_digits(buf + 6, y, 4);
	buf[10] = '\0';
	return buf;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a run of min..max digits at *p; false if the run is another length. */
static bool read_number(const char **p, int min, int max, int *v)
{
	int n = 0, x = 0;
	while (is_digit((*p)[n]) && n <= max) {
		x = x * 10 + ((*p)[n] - '0');
		n++;
	}
	if (n < min || n > max)
		return false;
	*p += n;
	*v = x;
	return true;
}

bool date_from_iso(const char *s, r57_day *out)
{
	int y, m, d;
	const char *p = s;
	if (!s || strlen(s) != 10 || !read_number(&p, 4, 4, &y) || *p++ != '-' ||
	    !read_number(&p, 2, 2, &m) || *p++ != '-' || !read_number(&p, 2, 2, &d))
		return false;
	return date_from_ymd(y, m, d, out);
}

r57_day date_end_of_month(r57_day day)
{
	if (day == R57_NO_DATE)
		return R57_NO_DATE;
	int64_t y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	return to_day(days_from_civil(y, m, month_days(y, m)));
}

r57_day date_end_of_quarter(r57_day day)
{
	if (day == R57_NO_DATE)
		return R57_NO_DATE;
	int64_t y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	m = (m - 1) / 3 * 3 + 3;
	return to_day(days_from_civil(y, m, month_days(y, m)));
}

r57_day date_end_of_year(r57_day day)
{
	if (day == R57_NO_DATE)
		return R57_NO_DATE;
	int64_t y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	return to_day(days_from_civil(y, 12, 31));
}

r57_day date_add_months(r57_day day, int n)
{
	if (day == R57_NO_DATE)
		return R57_NO_DATE;
	int64_t y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	int64_t months = y * 12 + (m - 1) + n;
	y = floor_div(months, 12);
	m = (int)(months - y * 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return to_day(days_from_civil(y, m, d));
}

r57_day date_today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	r57_day day;
	if (now == (time_t)-1 || !localtime_r(&now, &tm) ||
	    !date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &day))
		return R57_NO_DATE;
	return day;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd with the parts as numbers. */
static bool split_numeric(const char *w, int *y, int *m, int *d)
{
	const char *p = w;
	if (read_number(&p, 4, 4, y)) {
		return *p++ == '-' && read_number(&p, 1, 2, m) && *p++ == '-' &&
		       read_number(&p, 1, 2, d) && *p == '\0';
	}
	return read_number(&p, 1, 2, d) && *p++ == '/' && read_number(&p, 1, 2, m) &&
	       *p++ == '/' && read_number(&p, 4, 4, y) && *p == '\0';
}

/* +N or -N followed by d, w, m or y, as a day relative to today. */
static bool relative(const char *w, r57_day today, int64_t *out)
{
	const char *p = w + 1;
	int n;
	if ((w[0] != '+' && w[0] != '-') || !read_number(&p, 1, 6, &n) ||
	    p[0] == '\0' || p[1] != '\0')
		return false;
	if (w[0] == '-')
		n = -n;
	switch (p[0]) {
	case 'd':
		*out = (int64_t)today + n;
		return true;
	case 'w':
		*out = (int64_t)today + (int64_t)n * 7;
		return true;
	case 'm':
		*out = date_add_months(today, n);
		return true;
	case 'y':
		*out = date_add_months(today, n * 12);
		return true;
	default:
		return false;
	}
}

static int not_a_date(const char *text, const char *what, struct r57_err *err)
{
	/* The text may hold escape sequences and be of any length: the
	 * message shows a safe, bounded copy. */
	char *shown = text_fit(text, MSG_TEXT_WIDTH, false);
	r57_fail(err, R57_EINPUT, _("%s: '%s' is not a date (use dd/mm/yyyy or yyyy-mm-dd)"),
	         what, shown);
	free(shown);
	return R57_EINPUT;
}

/* The Vietnamese words: compared folded, so case, diacritics, their form
 * (NFC or decomposed) and extra spaces do not matter. A text with other
 * characters than letters and spaces is not one of them. The REL_ the
 * text says, or -1. */
static int vi_word(const char *text)
{
	int vi = -1;
	if (strlen(text) < 128) {
		char *folded = text_search_word(text, false);
		for (size_t i = 0; folded && i < sizeof vi_words / sizeof *vi_words; i++)
			if (strcmp(folded, vi_words[i].folded) == 0)
				vi = (int)vi_words[i].what;
		free(folded);
		for (const char *p = text; vi >= 0 && *p; p++)
			if ((unsigned char)*p < 0x80 && *p != ' ' && *p != '\t' &&
			    !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
				vi = -1; /* "hom-nay", "hom_nay": not the words */
	}
	return vi;
}

int date_parse(const char *text, r57_day today, const char *what,
               r57_day *out, struct r57_err *err)
{
	if (!what)
		what = _("date");
	if (!text)
		text = "";
	int vi = vi_word(text);

	/* Surrounding blanks are forgiven and words are matched in any case;
	 * every accepted form is short, so a longer text is no date. */
	size_t b = 0, e = strlen(text);
	while (b < e && is_blank(text[b]))
		b++;
	while (e > b && is_blank(text[e - 1]))
		e--;
	char w[32];
	if (e - b >= sizeof w)
		e = b; /* no form but the Vietnamese words is this long */
	for (size_t i = b; i < e; i++)
		w[i - b] = ascii_lower(text[i]);
	w[e - b] = '\0';

	int64_t day;
	int y, m, d;
	if (vi >= 0) {
		static const int delta[] = { [REL_TODAY] = 0, [REL_TOMORROW] = 1, [REL_YESTERDAY] = -1 };
		if (vi == REL_EOM)
			day = date_end_of_month(today);
		else if (vi == REL_EOQ)
			day = date_end_of_quarter(today);
		else if (vi == REL_EOY)
			day = date_end_of_year(today);
		else
			day = (int64_t)today + delta[vi];
	} else if (strcmp(w, "today") == 0) {
		day = today;
	} else if (strcmp(w, "tomorrow") == 0) {
		day = (int64_t)today + 1;
	} else if (strcmp(w, "yesterday") == 0) {
		day = (int64_t)today - 1;
	} else if (strcmp(w, "eom") == 0 || strcmp(w, "end-of-month") == 0) {
		day = date_end_of_month(today);
	} else if (strcmp(w, "eoq") == 0 || strcmp(w, "end-of-quarter") == 0) {
		day = date_end_of_quarter(today);
	} else if (strcmp(w, "eoy") == 0 || strcmp(w, "end-of-year") == 0) {
		day = date_end_of_year(today);
	} else if (relative(w, today, &day)) {
		/* checked against the year range below */
	} else if (split_numeric(w, &y, &m, &d)) {
		if (y < PARSE_YEAR_MIN || m < 1 || m > 12 || d < 1 || d > 31)
			return not_a_date(text, what, err);
		if (d > month_days(y, m)) {
			char *shown = text_safe(w, false);
			r57_fail(err, R57_EINPUT, _("%s: %s does not exist (%s %d has %d days)"),
			         what, shown, _(month_names[m - 1]), y, month_days(y, m));
			free(shown);
			return R57_EINPUT;
		}
		day = days_from_civil(y, m, d);
	} else {
		return not_a_date(text, what, err);
	}

	/* A relative form can land outside the years r57 accepts; with today
	 * missing (R57_NO_DATE) it lands millions of years back. */
	if (day <= INT32_MIN || day > INT32_MAX)
		return not_a_date(text, what, err);
	date_to_ymd((r57_day)day, &y, &m, &d);
	if (y < PARSE_YEAR_MIN || y > YEAR_MAX)
		return not_a_date(text, what, err);
	if (out)
		*out = (r57_day)day;
	return R57_OK;
}

void date_now_iso(r57_day day, char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	char iso[11];
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	snprintf(buf, 32, "%sT%02d:%02d:%02d%c%02ld:%02ld", date_iso(day, iso), tm.tm_hour % 24,
	         tm.tm_min % 60, tm.tm_sec % 61, off < 0 ? '-' : '+', (labs(off) / 60) % 100,
	         labs(off) % 60);
}
