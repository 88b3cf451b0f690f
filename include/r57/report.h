/* report.h: the status figures of docs/figures.md, computed once for every
 * face: `r57 status`, the status screen and every export draw this struct. */
#ifndef R57_REPORT_H
#define R57_REPORT_H

#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/store_figures.h" /* struct figures, struct selection */

struct store;

struct report_row {
	int64_t id;           /* group id; 0 = no group */
	int number;           /* group position */
	char *name;
	struct figures fig;
	int64_t reminders;    /* by unit or person: the reminders it received
	                       * on or before the as-of date (remind.h); 0
	                       * for groups */
};

struct report {
	r57_day as_of, since;
	struct selection sel;
	struct figures all;
	struct report_row *groups;   /* one per key task group, in order, and
	                              * a last row for tasks without a group
	                              * when there are any */
	int n_groups;
};

/* Compute the figures for sel as of date as_of; added_since counts tasks
 * created after `since` (R57_NO_DATE: the end of the month before as_of),
 * extended_since those whose deadline was extended after it. */
int report_compute(struct store *st, const struct selection *sel,
                   r57_day as_of, r57_day since, struct report *out,
                   struct r57_err *err);
void report_clear(struct report *r);

/* The same figures broken down by lead unit or lead person (by is
 * BY_UNIT or BY_LEADER from store.h): one row per unit or person with
 * tasks in the selection, named, in name order; a last row (id 0) for
 * tasks without one. Each row counts the reminders the unit (person)
 * received on or before as_of, whatever the selection. */
int report_breakdown(struct store *st, const struct selection *sel, int by,
                     r57_day as_of, r57_day since, struct report_row **rows,
                     int *n, struct r57_err *err);
void report_rows_free(struct report_row *rows, int n);

/* The selection in words, in the language r57 speaks: "unit Sở Nội vụ,
 * group 3. Đào tạo", names as stored (a group by its number and name),
 * then the filter's status, deadlines and free words as typed; "all
 * tasks" for none. Allocated; NULL when out of memory. Not made safe for
 * a terminal: the writer does that. */
char *report_selection_words(struct store *st, const struct selection *sel);

/* Rate in hundredths of a percent, rounded half up (66/123 -> 5366). */
int report_rate_bp(int64_t done, int64_t total);

#endif
