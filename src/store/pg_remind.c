/* pg_remind.c: reminders on a PostgreSQL server, as store_remind.c keeps
 * them in a file: the open tasks due by a date per lead unit or person
 * (in Vietnamese order of their names, sorted here by text.h, which the
 * server has not), recording a reminder and the tasks it names, the
 * reminders received with who issued them (the actor of the entry that
 * added the row: the login), and the counts per unit for the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store_remind.h"
#include "r57/text.h"
#include "pg_int.h"
#include "queries.h"

#define S QUERY_SERVER

static const char *const due_head[] = {
	[REMIND_UNIT] =
		"SELECT u.id, u.name, NULL, NULL, t.id, t.title, t.due"
		" FROM r57.task t JOIN r57.unit u ON u.id = t.unit_id"
		" WHERE t.status = 'open' AND t.due IS NOT NULL AND t.due <= $1 COLLATE \"C\"",
	[REMIND_LEADER] =
		"SELECT l.id, l.name, l.title, u.name, t.id, t.title, t.due"
		" FROM r57.task t JOIN r57.leader l ON l.id = t.leader_id"
		" LEFT JOIN r57.unit u ON u.id = l.unit_id"
		" WHERE t.status = 'open' AND t.due IS NOT NULL AND t.due <= $1 COLLATE \"C\"",
};

struct due_row {
	struct remind_row row;
};

static int by_unit(const void *x, const void *y)
{
	const struct remind_row *a = &((const struct due_row *)x)->row, *b = &((const struct due_row *)y)->row;
	int c = text_collate(a->name, b->name);
	if (!c)
		c = (a->to_id > b->to_id) - (a->to_id < b->to_id);
	if (!c)
		c = (a->due > b->due) - (a->due < b->due);
	return c ? c : (a->task_id > b->task_id) - (a->task_id < b->task_id);
}

static int by_person(const void *x, const void *y)
{
	const struct remind_row *a = &((const struct due_row *)x)->row, *b = &((const struct due_row *)y)->row;
	int c = text_person_collate(a->name, b->name);
	return c ? c : by_unit(x, y);
}

int pg_store_remind_due(struct store *st, enum remind_to to, int64_t id, r57_day until,
                        remind_row_fn each, void *ctx, struct r57_err *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s%s", due_head[to],
	         !id ? "" : to == REMIND_UNIT ? " AND t.unit_id = $2" : " AND t.leader_id = $2");
	struct pg_args a = { 0 };
	pg_arg_day(&a, until);
	if (id)
		pg_arg_int(&a, id);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, N_("reading the tasks to remind of"), err);
	if (rc)
		return rc;
	int n = PQntuples(res);
	struct due_row *v = calloc((size_t)n + 1, sizeof *v);
	if (!v) {
		PQclear(res);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	for (int r = 0; r < n; r++)
		v[r].row = (struct remind_row){
			.to_id = pg_int(res, r, 0),
			.name = PQgetvalue(res, r, 1),
			.title = pg_null(res, r, 2) ? NULL : PQgetvalue(res, r, 2),
			.unit_name = pg_null(res, r, 3) ? NULL : PQgetvalue(res, r, 3),
			.task_id = pg_int(res, r, 4),
			.task_title = PQgetvalue(res, r, 5),
			.due = pg_day(res, r, 6),
		};
	qsort(v, (size_t)n, sizeof *v, to == REMIND_UNIT ? by_unit : by_person);
	for (int r = 0; r < n; r++)
		if (each(&v[r].row, ctx))
			break;
	free(v);
	PQclear(res);
	return R57_OK;
}

int pg_store_remind_insert(struct store *st, enum remind_to to, int64_t to_id, r57_day issued,
                           r57_day as_of, int within_days, enum report_lang lang, int64_t *id_out,
                           struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	if (ps->n_focal) {
		/* the secretariat reminds the units; a unit's focal point does not */
		char *who = text_safe(ps->login, false), *units = text_safe(ps->focal_names, false);
		int rc = r57_fail(err, R57_EDB, _("%s is the focal point of %s and may not issue reminders; nothing was changed"),
		                  who, units);
		free(who);
		free(units);
		return rc;
	}
	struct pg_args a = { 0 };
	pg_arg_id(&a, to == REMIND_UNIT ? to_id : 0);
	pg_arg_id(&a, to == REMIND_LEADER ? to_id : 0);
	pg_arg_day(&a, issued);
	pg_arg_day(&a, as_of);
	pg_arg_int(&a, within_days);
	pg_arg_text(&a, lang == LANG_EN ? "en" : "vi");
	PGresult *res;
	int rc = pg_run(pg_of(st), QUERY_REMINDER_INSERT(S) " RETURNING id",
	                &a, &res, N_("recording a reminder"), err);
	if (rc)
		return rc;
	if (id_out)
		*id_out = pg_int(res, 0, 0);
	PQclear(res);
	return R57_OK;
}

int pg_store_remind_tasks_insert(struct store *st, int64_t reminder, const struct remind_task *tasks,
                                 int n, struct r57_err *err)
{
	int rc = R57_OK;
	for (int i = 0; i < n && !rc; i++) {
		struct pg_args a = { 0 };
		pg_arg_int(&a, reminder);
		pg_arg_int(&a, tasks[i].id);
		pg_arg_day(&a, tasks[i].due);
		pg_arg_int(&a, tasks[i].days_late);
		rc = pg_do(pg_of(st), QUERY_REMINDER_TASK_INSERT(S), &a, N_("recording a reminder"), err);
	}
	return rc;
}

int pg_store_remind_tasks_now(struct store *st, const struct remind_task *tasks, int n,
                              struct remind_task_now *out, struct r57_err *err)
{
	int rc = R57_OK;
	for (int i = 0; i < n && !rc; i++) {
		struct pg_args a = { 0 };
		pg_arg_int(&a, tasks[i].id);
		PGresult *res;
		memset(&out[i], 0, sizeof out[i]);
		if ((rc = pg_run(pg_of(st), QUERY_REMINDER_TASK_STATE(S),
		                 &a, &res, N_("reading a task"), err)))
			break;
		if (PQntuples(res) == 1) {
			out[i].found = true;
			if (!task_status_parse(PQgetvalue(res, 0, 0), &out[i].status))
				out[i].status = TASK_OPEN;
			out[i].due = pg_day(res, 0, 1);
			out[i].unit_id = pg_int(res, 0, 2);
			out[i].leader_id = pg_int(res, 0, 3);
		}
		PQclear(res);
	}
	return rc;
}

/* Who issued a reminder (queries.h). */
#define REMINDER_SELECT QUERY_REMINDER_SELECT(S)

static void reminder_free(struct reminder *rm)
{
	for (int i = 0; i < rm->n_tasks; i++)
		free(rm->tasks[i].title);
	free(rm->tasks);
	free(rm->name);
	free(rm->actor);
	memset(rm, 0, sizeof *rm);
}

static int read_tasks(struct store *st, struct reminder *rm, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, rm->id);
	PGresult *res;
	int rc = pg_run(pg_of(st),
	                QUERY_REMINDER_TASKS(S),
	                &a, &res, N_("reading the reminders"), err);
	if (rc)
		return rc;
	int n = PQntuples(res);
	if (n && !(rm->tasks = calloc((size_t)n, sizeof *rm->tasks)))
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int r = 0; !rc && r < n; r++) {
		struct remind_task *t = &rm->tasks[rm->n_tasks++];
		t->id = pg_int(res, r, 0);
		t->title = pg_dup(res, r, 1);
		t->due = pg_day(res, r, 2);
		t->days_late = (int)pg_int(res, r, 3);
	}
	PQclear(res);
	return rc;
}

int pg_store_reminders(struct store *st, const struct remind_list_query *q, reminder_each_fn each,
                       void *ctx, struct r57_err *err)
{
	struct pg_args a = { 0 };
	char sql[1024];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s WHERE true", REMINDER_SELECT);
	if (q->id) {
		pg_arg_int(&a, q->id);
		n += (size_t)snprintf(sql + n, sizeof sql - n, q->to == REMIND_UNIT ? " AND r.unit_id = $%d"
		                                                                     : " AND r.leader_id = $%d", a.n);
	}
	if (q->task_id) {
		pg_arg_int(&a, q->task_id);
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		                      " AND r.id IN (SELECT reminder_id FROM r57.reminder_task WHERE task_id = $%d)", a.n);
	}
	n += (size_t)snprintf(sql + n, sizeof sql - n, " ORDER BY r.issued COLLATE \"C\" DESC, r.id DESC");
	if (q->limit > 0)
		snprintf(sql + n, sizeof sql - n, " LIMIT %d", q->limit);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, N_("reading the reminders"), err);
	if (rc)
		return rc;
	for (int r = 0; !rc && r < PQntuples(res); r++) {
		struct reminder rm;
		memset(&rm, 0, sizeof rm);
		rm.id = pg_int(res, r, 0);
		int64_t unit = pg_int(res, r, 1);
		rm.to = unit ? REMIND_UNIT : REMIND_LEADER;
		rm.to_id = unit ? unit : pg_int(res, r, 2);
		rm.name = pg_dup(res, r, 3);
		rm.issued = pg_day(res, r, 4);
		rm.as_of = pg_day(res, r, 5);
		rm.within_days = (int)pg_int(res, r, 6);
		rm.lang = strcmp(PQgetvalue(res, r, 7), "en") == 0 ? LANG_EN : LANG_VI;
		rm.entry = pg_int(res, r, 8);
		rm.actor = pg_dup(res, r, 9);
		if (!(rc = read_tasks(st, &rm, err)) && each(&rm, ctx)) {
			reminder_free(&rm);
			break;
		}
		reminder_free(&rm);
	}
	PQclear(res);
	return rc;
}

int pg_store_remind_counts(struct store *st, enum remind_to to, r57_day as_of, remind_count_fn each,
                           void *ctx, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_day(&a, as_of);
	PGresult *res;
	int rc = pg_run(pg_of(st), to == REMIND_UNIT
	                ? "SELECT unit_id, count(*) FROM r57.reminder WHERE unit_id IS NOT NULL"
	                  " AND issued <= $1 COLLATE \"C\" GROUP BY unit_id"
	                : "SELECT leader_id, count(*) FROM r57.reminder WHERE leader_id IS NOT NULL"
	                  " AND issued <= $1 COLLATE \"C\" GROUP BY leader_id",
	                &a, &res, N_("counting the reminders"), err);
	if (rc)
		return rc;
	for (int r = 0; r < PQntuples(res); r++)
		if (each(pg_int(res, r, 0), pg_int(res, r, 1), ctx))
			break;
	PQclear(res);
	return R57_OK;
}
