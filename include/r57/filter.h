/* filter.h: the filter words of `r57 list` (and the screen's `/`):
 * group:G leader:L unit:U source:S year:Y status:open|done|overdue|within|
 * cancelled|all due.before:D due.after:D, and free words matched in title
 * and notes without regard to case. A word typed without diacritics
 * ignores them too ("nang" finds "Nâng" and "Năng"); a word typed with
 * them matches them exactly ("nâng" finds "Nâng", not "Năng"). */
#ifndef R57_FILTER_H
#define R57_FILTER_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/store_task.h" /* struct task_filter */

struct store;

void filter_init(struct task_filter *f);
/* Add one word as typed on the command line ("group:1", "late", ...).
 * Dates are read relative to today. */
int filter_add_word(struct task_filter *f, const char *word, r57_day today,
                    struct r57_err *err);
/* Turn group/leader/unit/source as typed into ids (errors name them). */
int filter_resolve(struct task_filter *f, struct store *st,
                   struct r57_err *err);
void filter_clear(struct task_filter *f);

#endif
