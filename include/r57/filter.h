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

struct store;

enum filter_status {
	FILTER_NOT_CANCELLED, /* the default: every task but cancelled ones */
	FILTER_ALL,
	FILTER_OPEN,
	FILTER_WITHIN,        /* open, deadline today or later, or none */
	FILTER_OVERDUE,       /* open, deadline before today */
	FILTER_DONE,
	FILTER_CANCELLED,
};

enum filter_sort { SORT_DUE, SORT_ID, SORT_TITLE };

#define FILTER_MAX_WORDS 16

struct task_filter {
	/* As typed, until filter_resolve() turns them into ids. */
	const char *group, *leader, *unit, *source;
	int64_t group_id, leader_id, unit_id, source_id; /* 0 = any */
	int year;                                        /* 0 = any */
	enum filter_status status;
	r57_day due_before, due_after;                   /* R57_NO_DATE = any */
	char *words[FILTER_MAX_WORDS];                   /* folded, owned */
	const char *typed[FILTER_MAX_WORDS];             /* as typed (the caller's) */
	bool word_marks[FILTER_MAX_WORDS];               /* typed with diacritics:
	                                                  * words[i] is only case-folded */
	int n_words;
	enum filter_sort sort;
};

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
