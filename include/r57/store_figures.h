/* store_figures.h: the status figures of docs/figures.md as the store
 * counts them (src/store/store_figures.c), and the selection of tasks
 * they count; report.h (core) builds the report from them. */
#ifndef R57_STORE_FIGURES_H
#define R57_STORE_FIGURES_H

#include <stdint.h>
#include "r57/date.h"

struct figures {
	int64_t total;               /* existed on the date, not cancelled */
	int64_t completed, completed_on_time, completed_late;
	int64_t open, open_within_deadline, open_overdue;
	int64_t added_since;         /* created after the previous date */
	int64_t extended;            /* deadline moved at least once, on or
	                              * before the date (cumulative) */
	int64_t extended_since;      /* deadline moved between the previous
	                              * date and this one (read from the
	                              * journal) */
	int rate_bp;                 /* completion rate in hundredths of a
	                              * percent, rounded half up: 5366 */
};

struct task_filter;

/* A selection: 0 / NULL means any. Ids are resolved by the caller; they
 * choose by the task as it was on the report's date. filter, when given,
 * narrows further to the tasks `r57 list` shows with it on `today`
 * (every word of it: status, deadlines, free words; docs/figures.md). */
struct selection {
	int64_t group_id, leader_id, unit_id, source_id;
	int year;
	const struct task_filter *filter;
	r57_day today;
};

#endif
