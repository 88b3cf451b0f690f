/* store_task.h: what the store is asked for when it reads tasks: the
 * filter of a list, parsed from the user's words by filter.h (core) and
 * read by the store's queries (src/store/store_task.c, store_list.c). */
#ifndef R57_STORE_TASK_H
#define R57_STORE_TASK_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"

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

#endif
