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
#include "r57/store_remind.h" /* the reminders as recorded */

struct store;
struct r57;

#define REMIND_WITHIN_DEFAULT 7
#define REMIND_WITHIN_MAX 3660

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

/* The reminders received, newest first. each() returns non-zero to stop;
 * the reminder is freed after it returns. */
int remind_list(struct store *st, const struct remind_list_query *q,
                reminder_each_fn each, void *ctx, struct r57_err *err);

#endif
