/* remind.c: reminders to the units and persons whose tasks run late: the
 * notices (which tasks, how late), their text in Vietnamese and English,
 * and recording them as one journal entry. No SQL here: store_remind.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/r57.h"
#include "r57/remind.h"
#include "r57/store.h"
#include "r57/text.h"

static void notice_clear(struct remind_notice *n)
{
	for (int i = 0; i < n->n_tasks; i++)
		free(n->tasks[i].title);
	free(n->tasks);
	free(n->name);
	free(n->title);
	free(n->unit_name);
	memset(n, 0, sizeof *n);
}

void remind_set_clear(struct remind_set *s)
{
	for (int i = 0; i < s->n; i++)
		notice_clear(&s->notices[i]);
	free(s->notices);
	memset(s, 0, sizeof *s);
}

/* --- collecting ------------------------------------------------------------- */

struct collect {
	struct remind_set *set;
	int cap, task_cap; /* of set->notices, of the last notice's tasks */
	struct r57_err *err;
	int rc;
};

static int take_row(const struct remind_row *row, void *ctx)
{
	struct collect *c = ctx;
	struct remind_set *set = c->set;
	struct remind_notice *n = set->n ? &set->notices[set->n - 1] : NULL;
	if (!n || n->id != row->to_id) {
		if (set->n == c->cap) {
			int cap = c->cap ? c->cap * 2 : 8;
			struct remind_notice *grown = realloc(set->notices, (size_t)cap * sizeof *grown);
			if (!grown)
				goto nomem;
			set->notices = grown;
			c->cap = cap;
		}
		n = &set->notices[set->n++];
		memset(n, 0, sizeof *n);
		c->task_cap = 0;
		n->to = set->to;
		n->id = row->to_id;
		n->as_of = set->as_of;
		n->within_days = set->within_days;
		n->name = strdup(row->name ? row->name : "");
		n->title = row->title && *row->title ? strdup(row->title) : NULL;
		n->unit_name = r57_strdup_or_null(row->unit_name);
		if (!n->name)
			goto nomem;
	}
	if (n->n_tasks == c->task_cap) {
		int cap = c->task_cap ? c->task_cap * 2 : 8;
		struct remind_task *grown = realloc(n->tasks, (size_t)cap * sizeof *grown);
		if (!grown)
			goto nomem;
		n->tasks = grown;
		c->task_cap = cap;
	}
	struct remind_task *t = &n->tasks[n->n_tasks++];
	t->id = row->task_id;
	t->title = strdup(row->task_title ? row->task_title : "");
	t->due = row->due;
	t->days_late = (int)(set->as_of - row->due);
	if (!t->title)
		goto nomem;
	/* Rows come by deadline: the overdue ones first. */
	if (t->days_late > 0)
		n->n_overdue++;
	return 0;
nomem:
	c->rc = r57_fail(c->err, R57_ENOMEM, _("out of memory"));
	return 1;
}

int remind_collect(struct store *st, const struct remind_query *q,
                   struct remind_set *out, struct r57_err *err)
{
	memset(out, 0, sizeof *out);
	if (q->as_of == R57_NO_DATE)
		return r57_fail(err, R57_EUSAGE, _("remind: no as-of date"));
	if (q->within_days < 0 || q->within_days > REMIND_WITHIN_MAX)
		return r57_fail(err, R57_EINPUT, _("--within: %d is not a number of days from 0 to %d"),
		                q->within_days, REMIND_WITHIN_MAX);
	out->to = q->to;
	out->as_of = q->as_of;
	out->within_days = q->within_days;
	struct collect c = { .set = out, .err = err };
	int rc = store_remind_due(st, q->to, q->id, q->as_of + q->within_days, take_row, &c, err);
	if (!rc)
		rc = c.rc;
	if (rc)
		remind_set_clear(out);
	return rc;
}

/* --- the notice ------------------------------------------------------------- */

/* The addressee line: a unit by its name; a person, in Vietnamese, as
 * "đồng chí Nguyễn Văn An, Giám đốc Sở Nội vụ". One message per shape,
 * so each language words it whole. A person alone is "To: %1$s", a
 * different message from a unit's "To: %s" with the same English. */
static void put_addressee(FILE *f, const struct remind_notice *n)
{
	char *name = text_safe(n->name ? n->name : "", false);
	char *title = n->title ? text_safe(n->title, false) : NULL;
	char *unit = n->unit_name ? text_safe(n->unit_name, false) : NULL;
	if (n->to == REMIND_UNIT)
		fprintf(f, _("To: %s"), name);
	else if (title && unit)
		fprintf(f, _("To: %1$s, %2$s, %3$s"), name, title, unit);
	else if (title || unit)
		fprintf(f, _("To: %1$s, %2$s"), name, title ? title : unit);
	else
		fprintf(f, _("To: %1$s"), name);
	free(name);
	free(title);
	free(unit);
}

/* "2 overdue tasks", "1 task due", "within the next 7 days", "on
 * 05/07/2025": what the opening sentence of a notice counts. */
static void count_words(const struct remind_notice *n, char *overdue, char *soon, char *when,
                        size_t len)
{
	char b[11];
	int k = n->n_overdue, m = n->n_tasks - n->n_overdue;
	snprintf(overdue, len, ngettext("%d overdue task", "%d overdue tasks", (unsigned long)k), k);
	snprintf(soon, len, ngettext("%d task due", "%d tasks due", (unsigned long)m), m);
	if (n->within_days == 0)
		snprintf(when, len, _("on %s"), date_dmy(n->as_of, b));
	else
		snprintf(when, len, ngettext("within the next %d day", "within the next %d days",
		                             (unsigned long)n->within_days),
		         n->within_days);
}

static void put_opening(FILE *f, const struct remind_notice *n)
{
	char b[11], overdue[96], soon[96], when[96];
	bool unit = n->to == REMIND_UNIT;
	int k = n->n_overdue, m = n->n_tasks - n->n_overdue;
	const char *d = date_dmy(n->as_of, b);
	count_words(n, overdue, soon, when, sizeof overdue);
	if (unit && k && m)
		fprintf(f, _("As of %1$s, the unit has %2$s and %3$s %4$s:"), d, overdue, soon, when);
	else if (unit && k)
		fprintf(f, _("As of %1$s, the unit has %2$s:"), d, overdue);
	else if (unit)
		fprintf(f, _("As of %1$s, the unit has %2$s %3$s:"), d, soon, when);
	else if (k && m)
		fprintf(f, _("As of %1$s, you have %2$s and %3$s %4$s:"), d, overdue, soon, when);
	else if (k)
		fprintf(f, _("As of %1$s, you have %2$s:"), d, overdue);
	else
		fprintf(f, _("As of %1$s, you have %2$s %3$s:"), d, soon, when);
	fputc('\n', f);
}

static void put_task(FILE *f, int i, const struct remind_task *t, bool last)
{
	char b[11];
	int d = t->days_late;
	char *title = text_safe(t->title ? t->title : "", false);
	fprintf(f, "%d. ", i + 1);
	if (d > 0)
		fprintf(f, ngettext("%s (deadline %s, %d day overdue)", "%s (deadline %s, %d days overdue)",
		                    (unsigned long)d),
		        title, date_dmy(t->due, b), d);
	else if (d == 0)
		fprintf(f, _("%s (deadline %s, due today)"), title, date_dmy(t->due, b));
	else
		fprintf(f, ngettext("%s (deadline %s, %d day left)", "%s (deadline %s, %d days left)",
		                    (unsigned long)-d),
		        title, date_dmy(t->due, b), -d);
	fputs(last ? ".\n" : ";\n", f);
	free(title);
}

static void put_notice(FILE *f, const struct remind_notice *n)
{
	bool unit = n->to == REMIND_UNIT;
	int soon = n->n_tasks - n->n_overdue;
	put_addressee(f, n);
	fputs("\n\n", f);
	put_opening(f, n);
	if (n->n_overdue) {
		fprintf(f, "\n%s\n", _("Overdue tasks:"));
		for (int i = 0; i < n->n_overdue; i++)
			put_task(f, i, &n->tasks[i], i + 1 == n->n_overdue);
	}
	if (soon) {
		fprintf(f, "\n%s\n", _("Tasks due soon:"));
		for (int i = 0; i < soon; i++)
			put_task(f, i, &n->tasks[n->n_overdue + i], i + 1 == soon);
	}
	fprintf(f, "\n%s\n",
	        unit ? _("The unit is requested to carry out and complete these tasks without delay "
	                 "and to report the results to the Steering Committee.")
	             : _("You are requested to carry out and complete these tasks without delay and "
	                 "to report the results to the Steering Committee."));
}

enum report_lang remind_lang(const enum report_lang *asked)
{
	return asked ? *asked : LANG_VI;
}

int remind_write(FILE *f, const struct remind_notice *n, enum report_lang lang)
{
	/* A notice is a document sent to a unit: written in its own language
	 * (Vietnamese unless asked otherwise), whatever r57 speaks. */
	enum r57_lang was = report_lang_enter(lang);
	put_notice(f, n);
	report_lang_leave(was);
	return ferror(f) ? -1 : 0;
}

char *remind_file_name(const struct remind_notice *n)
{
	char *folded = text_fold(n->name ? n->name : "");
	char slug[64];
	size_t k = 0;
	bool dash = false;
	for (const char *p = folded ? folded : ""; *p && k < 48; p++) {
		char ch = *p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (dash && k)
				slug[k++] = '-';
			slug[k++] = ch;
			dash = false;
		} else {
			dash = true;
		}
	}
	slug[k] = '\0';
	free(folded);
	char *out = NULL;
	if (asprintf(&out, "%s-%lld%s%s.txt", n->to == REMIND_UNIT ? "unit" : "leader",
	             (long long)n->id, k ? "-" : "", slug) < 0)
		return NULL;
	return out;
}

/* --- recording ---------------------------------------------------------------- */

char *remind_summary(const struct remind_set *s)
{
	struct summary l = SUMMARY_INIT;
	const char *who = s->to == REMIND_UNIT ? "unit" : "leader";
	sum_add(&l, "remind %d %s%s", s->n, who, s->n == 1 ? "" : "s");
	for (int i = 0; i < s->n; i++)
		sum_add(&l, "%s%s (%d task%s)", i ? ", " : ": ", s->notices[i].name,
		         s->notices[i].n_tasks, s->notices[i].n_tasks == 1 ? "" : "s");
	return strdup(l.buf);
}

/* Every task a notice names is still open, with the same lead unit
 * (person) and deadline as when the notices were made. */
static int check_notices(struct r57 *r, const struct remind_set *s, struct r57_err *err)
{
	int rc = R57_OK;
	for (int i = 0; i < s->n && !rc; i++) {
		const struct remind_notice *n = &s->notices[i];
		if (n->to != s->to || n->n_tasks <= 0)
			return r57_fail(err, R57_EUSAGE, _("remind: notice %d is not one of this set"), i + 1);
		struct remind_task_now *now = calloc((size_t)n->n_tasks, sizeof *now);
		if (!now)
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		rc = store_remind_tasks_now(r->st, n->tasks, n->n_tasks, now, err);
		for (int j = 0; j < n->n_tasks && !rc; j++) {
			const struct remind_task_now *t = &now[j];
			long long id = (long long)n->tasks[j].id;
			if (!t->found)
				rc = r57_fail(err, R57_ECONFLICT,
				              _("task #%lld was deleted meanwhile; nothing was recorded"), id);
			else if (t->status == TASK_DONE)
				rc = r57_fail(err, R57_ECONFLICT,
				              _("task #%lld was closed meanwhile; nothing was recorded"), id);
			else if (t->status != TASK_OPEN)
				rc = r57_fail(err, R57_ECONFLICT,
				              _("task #%lld was cancelled meanwhile; nothing was recorded"), id);
			else if (t->due != n->tasks[j].due)
				rc = r57_fail(err, R57_ECONFLICT,
				              _("the deadline of task #%lld changed meanwhile; nothing was recorded"),
				              id);
			else if ((n->to == REMIND_UNIT ? t->unit_id : t->leader_id) != n->id)
				rc = r57_fail(err, R57_ECONFLICT,
				              _("task #%lld was reassigned meanwhile; nothing was recorded"), id);
		}
		free(now);
	}
	return rc;
}

int remind_issue(struct r57 *r, const struct remind_set *s,
                 enum report_lang lang, bool dry_run, int64_t *seq_out,
                 struct r57_err *err)
{
	int64_t seq = 0;
	int rc;
	if (seq_out)
		*seq_out = 0;
	if (s->n == 0)
		return R57_OK;
	if (dry_run)
		return check_notices(r, s, err);
	char *summary = remind_summary(s);
	if (!summary)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	if ((rc = action_begin(r, &seq, err))) {
		free(summary);
		return rc;
	}
	rc = check_notices(r, s, err);
	for (int i = 0; i < s->n && !rc; i++) {
		const struct remind_notice *n = &s->notices[i];
		int64_t id = 0;
		rc = store_remind_insert(r->st, n->to, n->id, r->today, n->as_of, n->within_days, lang,
		                         &id, err);
		if (!rc)
			rc = store_remind_tasks_insert(r->st, id, n->tasks, n->n_tasks, err);
	}
	rc = action_end(r, rc, seq, summary, err);
	free(summary);
	if (!rc && seq_out)
		*seq_out = seq;
	return rc;
}

/* --- reading back ------------------------------------------------------------------ */

int remind_list(struct store *st, const struct remind_list_query *q,
                reminder_each_fn each, void *ctx, struct r57_err *err)
{
	return store_reminders(st, q, each, ctx, err);
}
