/* store_remind.h: the reminders as the store keeps them
 * (src/store/store_remind.c): who a reminder goes to, the tasks it names,
 * a reminder as recorded, and the store's queries and inserts. remind.h
 * (core) collects, writes and issues the notices on top of them. */
#ifndef R57_STORE_REMIND_H
#define R57_STORE_REMIND_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/i18n.h"  /* enum report_lang */
#include "r57/store.h" /* enum task_status */

struct store;

/* Who a reminder goes to: the lead unit (đơn vị chủ trì) of the tasks, or
 * their lead person (người phụ trách). */
enum remind_to { REMIND_UNIT, REMIND_LEADER };

/* One task a notice names. */
struct remind_task {
	int64_t id;
	char *title;        /* as it is now (remind_list: NULL if unknown) */
	r57_day due;        /* the deadline in force */
	int days_late;      /* on as_of: > 0 days late, 0 due that day,
	                     * < 0 days left (-5: due in five days) */
};

/* A reminder as recorded. */
struct reminder {
	int64_t id;
	enum remind_to to;
	int64_t to_id;      /* the unit's or the person's id */
	char *name;         /* the unit's or the person's name now */
	r57_day issued, as_of;
	int within_days;
	enum report_lang lang;
	int64_t entry;      /* the journal entry that issued it */
	char *actor;        /* who issued it: that entry's actor */
	struct remind_task *tasks; /* as named then (title: the task's now) */
	int n_tasks;
};

struct remind_list_query {
	enum remind_to to;
	int64_t id;         /* the unit (person) that received them; 0 = any */
	int64_t task_id;    /* only those that named this task; 0 = any */
	int limit;          /* 0 = all */
};

/* Called once per reminder; returns non-zero to stop. */
typedef int (*reminder_each_fn)(const struct reminder *rm, void *ctx);

/* Open tasks with a deadline on or before until, of one unit (person) or
 * of every one that has any, ordered by the unit's (person's) name and id,
 * then deadline and id. */
struct remind_row {
	int64_t to_id;
	const char *name, *title, *unit_name;
	int64_t task_id;
	const char *task_title;
	r57_day due;
};
typedef int (*remind_row_fn)(const struct remind_row *row, void *ctx);
int store_remind_due(struct store *st, enum remind_to to, int64_t id,
                     r57_day until, remind_row_fn each, void *ctx,
                     struct r57_err *err);
/* Inside a write transaction with its journal entry. */
int store_remind_insert(struct store *st, enum remind_to to, int64_t to_id,
                        r57_day issued, r57_day as_of, int within_days,
                        enum report_lang lang, int64_t *id_out,
                        struct r57_err *err);
int store_remind_tasks_insert(struct store *st, int64_t reminder,
                              const struct remind_task *tasks, int n,
                              struct r57_err *err);
/* The tasks as they are now, for the check before recording: found is
 * false for a task that no longer exists. */
struct remind_task_now {
	bool found;
	enum task_status status;
	r57_day due;
	int64_t unit_id, leader_id;
};
int store_remind_tasks_now(struct store *st, const struct remind_task *tasks,
                           int n, struct remind_task_now *out,
                           struct r57_err *err);
int store_reminders(struct store *st, const struct remind_list_query *q,
                    reminder_each_fn each, void *ctx, struct r57_err *err);
/* How many reminders each unit (person) received on or before as_of:
 * each(id, count) per unit (person) that received any. */
typedef int (*remind_count_fn)(int64_t id, int64_t n, void *ctx);
int store_remind_counts(struct store *st, enum remind_to to, r57_day as_of,
                        remind_count_fn each, void *ctx, struct r57_err *err);

#endif
