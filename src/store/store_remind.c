/* store_remind.c: the SQL of reminders: the open tasks due by a date per
 * lead unit or person, recording a reminder and the tasks it names, the
 * reminders received with who issued them (the actor of the journal entry
 * that added the row), and the counts per unit for the status report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store_remind.h"
#include "r57/store.h"
#include "queries.h"
#include "store_int.h"

#define F QUERY_FILE

/* The tasks to remind of, by unit or by person. The deadline range walks
 * task_status_due; one unit (person) walks its own index. */
static const char *const due_head[] = {
	[REMIND_UNIT] =
		"SELECT u.id, u.name, NULL, NULL, t.id, t.title, t.due"
		" FROM task t JOIN unit u ON u.id = t.unit_id"
		" WHERE t.status = 'open' AND t.due IS NOT NULL AND t.due <= :until",
	[REMIND_LEADER] =
		"SELECT l.id, l.name, l.title, u.name, t.id, t.title, t.due"
		" FROM task t JOIN leader l ON l.id = t.leader_id"
		" LEFT JOIN unit u ON u.id = l.unit_id"
		" WHERE t.status = 'open' AND t.due IS NOT NULL AND t.due <= :until",
};
static const char *const due_one[] = {
	[REMIND_UNIT] = " AND t.unit_id = :id",
	[REMIND_LEADER] = " AND t.leader_id = :id",
};
static const char *const due_order[] = {
	[REMIND_UNIT] = " ORDER BY r57_sortkey(u.name), u.id, t.due, t.id",
	[REMIND_LEADER] = " ORDER BY r57_person_key(l.name), l.id, t.due, t.id",
};

int sqlite_store_remind_due(struct store *st, enum remind_to to, int64_t id,
                     r57_day until, remind_row_fn each, void *ctx,
                     struct r57_err *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s%s%s", due_head[to], id ? due_one[to] : "", due_order[to]);
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), step, i;
	if (rc)
		return rc;
	store_bind_day(s, sqlite3_bind_parameter_index(s, ":until"), until);
	if ((i = sqlite3_bind_parameter_index(s, ":id")))
		sqlite3_bind_int64(s, i, id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct remind_row row = {
			.to_id = sqlite3_column_int64(s, 0),
			.name = (const char *)sqlite3_column_text(s, 1),
			.title = (const char *)sqlite3_column_text(s, 2),
			.unit_name = (const char *)sqlite3_column_text(s, 3),
			.task_id = sqlite3_column_int64(s, 4),
			.task_title = (const char *)sqlite3_column_text(s, 5),
			.due = store_col_day(s, 6),
		};
		if (each(&row, ctx))
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("reading the tasks to remind of"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_remind_insert(struct store *st, enum remind_to to, int64_t to_id,
                        r57_day issued, r57_day as_of, int within_days,
                        enum report_lang lang, int64_t *id_out,
                        struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		QUERY_REMINDER_INSERT(F), &s, err);
	if (rc)
		return rc;
	store_bind_id_or_null(s, 1, to == REMIND_UNIT ? to_id : 0);
	store_bind_id_or_null(s, 2, to == REMIND_LEADER ? to_id : 0);
	store_bind_day(s, 3, issued);
	store_bind_day(s, 4, as_of);
	sqlite3_bind_int(s, 5, within_days);
	sqlite3_bind_text(s, 6, lang == LANG_EN ? "en" : "vi", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("recording a reminder"));
	else if (id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_remind_tasks_insert(struct store *st, int64_t reminder,
                              const struct remind_task *tasks, int n,
                              struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		QUERY_REMINDER_TASK_INSERT(F),
		&s, err);
	for (int i = 0; i < n && !rc; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, reminder);
		sqlite3_bind_int64(s, 2, tasks[i].id);
		store_bind_day(s, 3, tasks[i].due);
		sqlite3_bind_int(s, 4, tasks[i].days_late);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, err, _("recording a reminder"));
	}
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_remind_tasks_now(struct store *st, const struct remind_task *tasks,
                           int n, struct remind_task_now *out,
                           struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, QUERY_REMINDER_TASK_STATE(F),
	                       &s, err);
	for (int i = 0; i < n && !rc; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, tasks[i].id);
		int step = sqlite3_step(s);
		memset(&out[i], 0, sizeof out[i]);
		if (step == SQLITE_ROW) {
			out[i].found = true;
			const char *status = (const char *)sqlite3_column_text(s, 0);
			if (!task_status_parse(status, &out[i].status))
				out[i].status = TASK_OPEN;
			out[i].due = store_col_day(s, 1);
			out[i].unit_id = sqlite3_column_int64(s, 2);
			out[i].leader_id = sqlite3_column_int64(s, 3);
		} else if (step != SQLITE_DONE) {
			rc = store_sqlerr(st, err, _("reading a task"));
		}
	}
	sqlite3_finalize(s);
	return rc;
}

/* Who issued a reminder (queries.h). */
#define REMINDER_SELECT QUERY_REMINDER_SELECT(F)

static void reminder_free(struct reminder *rm)
{
	for (int i = 0; i < rm->n_tasks; i++)
		free(rm->tasks[i].title);
	free(rm->tasks);
	free(rm->name);
	free(rm->actor);
	memset(rm, 0, sizeof *rm);
}

static int read_tasks(struct store *st, sqlite3_stmt *ts, struct reminder *rm,
                      struct r57_err *err)
{
	int cap = 0, step, rc = R57_OK;
	sqlite3_reset(ts);
	sqlite3_bind_int64(ts, 1, rm->id);
	while ((step = sqlite3_step(ts)) == SQLITE_ROW) {
		if (rm->n_tasks == cap) {
			cap = cap ? cap * 2 : 8;
			struct remind_task *grown = realloc(rm->tasks, (size_t)cap * sizeof *grown);
			if (!grown)
				return r57_fail(err, R57_ENOMEM, _("out of memory"));
			rm->tasks = grown;
		}
		struct remind_task *t = &rm->tasks[rm->n_tasks++];
		t->id = sqlite3_column_int64(ts, 0);
		t->title = store_col_dup(ts, 1);
		t->due = store_col_day(ts, 2);
		t->days_late = sqlite3_column_int(ts, 3);
	}
	if (step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("reading the reminders"));
	return rc;
}

int sqlite_store_reminders(struct store *st, const struct remind_list_query *q,
                    reminder_each_fn each, void *ctx, struct r57_err *err)
{
	char sql[1024];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s WHERE 1", REMINDER_SELECT);
	if (q->id)
		n += (size_t)snprintf(sql + n, sizeof sql - n, q->to == REMIND_UNIT
		                      ? " AND r.unit_id = :id" : " AND r.leader_id = :id");
	if (q->task_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		                      " AND r.id IN (SELECT reminder_id FROM reminder_task WHERE task_id = :task)");
	snprintf(sql + n, sizeof sql - n, " ORDER BY r.issued DESC, r.id DESC LIMIT :limit");

	sqlite3_stmt *s, *ts = NULL;
	int rc = store_prepare(st, sql, &s, err), i, step;
	if (rc)
		return rc;
	if ((rc = store_prepare(st,
	        QUERY_REMINDER_TASKS(F),
	        &ts, err))) {
		sqlite3_finalize(s);
		return rc;
	}
	if ((i = sqlite3_bind_parameter_index(s, ":id")))
		sqlite3_bind_int64(s, i, q->id);
	if ((i = sqlite3_bind_parameter_index(s, ":task")))
		sqlite3_bind_int64(s, i, q->task_id);
	sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":limit"), q->limit > 0 ? q->limit : -1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct reminder rm;
		memset(&rm, 0, sizeof rm);
		rm.id = sqlite3_column_int64(s, 0);
		int64_t unit = sqlite3_column_int64(s, 1);
		rm.to = unit ? REMIND_UNIT : REMIND_LEADER;
		rm.to_id = unit ? unit : sqlite3_column_int64(s, 2);
		rm.name = store_col_dup(s, 3);
		rm.issued = store_col_day(s, 4);
		rm.as_of = store_col_day(s, 5);
		rm.within_days = sqlite3_column_int(s, 6);
		const char *lang = (const char *)sqlite3_column_text(s, 7);
		rm.lang = lang && strcmp(lang, "en") == 0 ? LANG_EN : LANG_VI;
		rm.entry = sqlite3_column_int64(s, 8);
		rm.actor = store_col_dup(s, 9);
		if ((rc = read_tasks(st, ts, &rm, err))) {
			reminder_free(&rm);
			break;
		}
		int stop = each(&rm, ctx);
		reminder_free(&rm);
		if (stop)
			break;
	}
	if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("reading the reminders"));
	sqlite3_finalize(ts);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_remind_counts(struct store *st, enum remind_to to, r57_day as_of,
                        remind_count_fn each, void *ctx, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, to == REMIND_UNIT
		? "SELECT unit_id, count(*) FROM reminder WHERE unit_id IS NOT NULL AND issued <= ?"
		  " GROUP BY unit_id"
		: "SELECT leader_id, count(*) FROM reminder WHERE leader_id IS NOT NULL AND issued <= ?"
		  " GROUP BY leader_id", &s, err), step;
	if (rc)
		return rc;
	store_bind_day(s, 1, as_of);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		if (each(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), ctx))
			break;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("counting the reminders"));
	sqlite3_finalize(s);
	return rc;
}
