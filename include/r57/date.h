/* date.h: calendar dates as r57 reads and writes them. A date is a day
 * number (days since 1970-01-01); R57_NO_DATE means none. */
#ifndef R57_DATE_H
#define R57_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t r57_day;
#define R57_NO_DATE INT32_MIN

struct r57_err;

/* Day number of a proleptic Gregorian date; false if it does not exist. */
bool date_from_ymd(int y, int m, int d, r57_day *out);
void date_to_ymd(r57_day day, int *y, int *m, int *d);

/* Parse what a user typed, relative to today:
 *   dd/mm/yyyy  d/m/yyyy  yyyy-mm-dd
 *   today  tomorrow  yesterday
 *   +Nd +Nw +Nm +Ny  -Nd ... (days, weeks, months, years from today)
 *   eom eoq eoy  (end of this month, quarter, year)
 *   and in either language the Vietnamese words: hôm nay, ngày mai,
 *   hôm qua, cuối tháng, cuối quý, cuối năm (any case, with or without
 *   diacritics, precomposed or decomposed, spaces between words free)
 * A date that does not exist (31/02/2025) or anything else is an error
 * naming the text (R57_EINPUT). `what` names the field for the message,
 * e.g. "--due". */
int date_parse(const char *text, r57_day today, const char *what,
               r57_day *out, struct r57_err *err);

/* ISO form "yyyy-mm-dd" into buf (at least 11 bytes); "" for R57_NO_DATE. */
const char *date_iso(r57_day day, char buf[static 11]);
/* Display form "dd/mm/yyyy" into buf (at least 11 bytes); "" for none. */
const char *date_dmy(r57_day day, char buf[static 11]);
/* Parse strict ISO "yyyy-mm-dd" as stored in the database. */
bool date_from_iso(const char *s, r57_day *out);

/* Last day of the month, quarter and year that contain day. */
r57_day date_end_of_month(r57_day day);
r57_day date_end_of_quarter(r57_day day);
r57_day date_end_of_year(r57_day day);
/* day moved by n months, clamped to the last day of the target month. */
r57_day date_add_months(r57_day day, int n);

/* The journal's time stamp: day (today, pinned or not) at the wall
 * clock's time of day, ISO 8601 with the local offset:
 * "2025-06-30T14:03:12+07:00". buf holds at least 32 bytes. */
void date_now_iso(r57_day day, char *buf);

/* Today from the system clock in local time. */
r57_day date_today_local(void);

#endif
