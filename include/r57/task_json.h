/* task_json.h: one task as a JSON object: the one writer behind `r57 list
 * --format json`, `r57 show --format json` and `r57 export --format json`.
 * Each keeps the keys in the order it has always had, which scripts and
 * the tests read: export's (what import reads back, nothing that moves
 * with the date), and list's and show's, which say the status as of today
 * ("overdue") and the time of the last change. */
#ifndef R57_TASK_JSON_H
#define R57_TASK_JSON_H

#include <stdio.h>
#include "r57/date.h"
#include "r57/store.h"

enum task_json_form {
	TASK_JSON_EXPORT, /* r57 export: the stored status, no "updated" */
	TASK_JSON_LIST,   /* r57 list and show: "overdue" as of today, "updated" */
};

/* The status as list, show and their TSV say it: "overdue" when t is open
 * and its deadline is before today, else task_status_name's. */
const char *task_status_now(const struct task *t, r57_day today);

/* t as one object, on one line and without a line end: {"id": 12,
 * "uuid": ...}. units: the names of its coordinating units, n_units of
 * them. today: the day TASK_JSON_LIST's status is said for. */
void task_json_write(FILE *f, const struct task *t, const char *const *units, int n_units,
                     enum task_json_form form, r57_day today);

#endif
