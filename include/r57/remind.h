/* remind.h: reminders (nhắc nhở, đôn đốc) to the units and lead persons
 * whose tasks run late. remind_collect finds, for each lead unit (or lead
 * person) with open tasks overdue on a date or due within N days after it,
 * those tasks; remind_write makes of each a short notice to paste into an
 * official reminder, in Vietnamese or English; remind_issue records the
 * notices issued as one journal entry (one undo); remind_list reads back
 * the reminders a unit or person has received, with who issued them.
 *
 * The command line: `r57 remind [--unit U | --leader L] [--within N]
 * [--as-of DATE] [--lang en] [-o DIR] [--dry-run]` is remind_collect,
 * remind_write per notice and remind_issue; `r57 reminders [--unit U |
 * --leader L | --task ID]` is remind_list. */
#ifndef R57_REMIND_H
#define R57_REMIND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/report_out.h" /* enum report_lang */
#include "r57/store.h"      /* enum task_status */

struct store;
struct r57;

#define REMIND_WITHIN_DEFAULT 7
#define REMIND_WITHIN_MAX 3660

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

/* The notice to one unit or person. */
struct remind_notice {
	enum remind_to to;
	int64_t id;         /* the unit's or the person's id */
	char *name;         /* the unit's or the person's name */
	char *title;        /* a person's title ("Giám đốc"); NULL for a unit */
	char *unit_name;    /* a person's unit; NULL for a unit */
	r57_day as_of;
	int within_days;
	struct remind_task *tasks; /* overdue first, then by deadline, then id */
	int n_tasks;
	int n_overdue;      /* tasks[0 .. n_overdue-1] are overdue */
};

/* What to collect. */
struct remind_query {
	enum remind_to to;
	int64_t id;         /* only this unit (person); 0 = every one */
	r57_day as_of;      /* required: the caller's today by default */
	int within_days;    /* 0 .. REMIND_WITHIN_MAX; REMIND_WITHIN_DEFAULT */
};

struct remind_set {
	enum remind_to to;
	r57_day as_of;
	int within_days;
	struct remind_notice *notices; /* one per unit (person), by name */
	int n;
};

/* For each unit (person) of q with open tasks whose deadline is before
 * as_of (overdue) or within within_days after it (due soon, as_of itself
 * included), those tasks, read as they are now. Tasks without a lead unit
 * (person) go to nobody. An empty set (n = 0) is not an error. */
int remind_collect(struct store *st, const struct remind_query *q,
                   struct remind_set *out, struct r57_err *err);
void remind_set_clear(struct remind_set *s);

/* The language of the notices, the one rule for r57 remind and the
 * screen's r and R: a notice is a document sent to Vietnamese units, so
 * Vietnamese whatever r57 speaks, unless the user asked for another
 * (asked: NULL when not; only r57 remind --lang can ask). */
enum report_lang remind_lang(const enum report_lang *asked);

/* The notice, ready to paste: "Kính gửi: <unit>", the date, the overdue
 * tasks with their deadline (dd/mm/yyyy) and days late, the tasks due
 * soon with the days left, and the closing request. Written in lang,
 * whatever r57 speaks: the message catalogue is switched to lang for the
 * notice and back (report_lang_enter). User text is made safe
 * (text_safe). Returns 0, or -1 when the stream failed. */
int remind_write(FILE *f, const struct remind_notice *n, enum report_lang lang);

/* A file name for the notice in a folder (-o DIR): "unit-3-so-noi-vu.txt",
 * "leader-5-nguyen-van-an.txt": ASCII only, no '/'. Newly allocated. */
char *remind_file_name(const struct remind_notice *n);

/* The journal entry's words: "remind 2 units: Sở Nội vụ (3 tasks), Sở
 * Tài chính (1 task)". Like every journal summary, the command's words,
 * the same in every language. Newly allocated (NULL when out of memory). */
char *remind_summary(const struct remind_set *s);

/* Record that the notices of s were issued (by r->actor on r->today, in
 * lang): a reminder row per notice with a row per task it names, all in
 * ONE journal entry, so one undo removes the whole issue. Every task must
 * still be open with the same deadline as when s was collected, else
 * R57_ECONFLICT and nothing is written. With dry_run, the same checks and
 * nothing written. An empty set writes nothing (*seq_out = 0). seq_out
 * (may be NULL): the entry. */
int remind_issue(struct r57 *r, const struct remind_set *s,
                 enum report_lang lang, bool dry_run, int64_t *seq_out,
                 struct r57_err *err);

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

/* The reminders received, newest first. each() returns non-zero to stop;
 * the reminder is freed after it returns. */
typedef int (*reminder_each_fn)(const struct reminder *rm, void *ctx);
int remind_list(struct store *st, const struct remind_list_query *q,
                reminder_each_fn each, void *ctx, struct r57_err *err);

/* --- the store's part (src/store_remind.c) ------------------------------- */

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
