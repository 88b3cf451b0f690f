/* pg_journal.c: the journal on a PostgreSQL server: an action's entry
 * (made by the server's r57.entry_start: the login as its actor, the
 * server's clock), its summary, and the history, read as journal.c reads
 * a file's. Undo and redo are in pg_undo.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "pg_int.h"
#include "queries.h"

#define ENTRY_COLS QUERY_ENTRY_COLS(QUERY_SERVER)

static enum entry_kind kind_parse(const char *s)
{
	static const enum entry_kind kinds[] = { ENTRY_DO, ENTRY_UNDO, ENTRY_REDO, ENTRY_INIT };
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(s, entry_kind_name(kinds[i])) == 0)
			return kinds[i];
	return ENTRY_DO;
}

static void read_entry(const PGresult *res, int r, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->seq = pg_int(res, r, 0);
	snprintf(e->at, sizeof e->at, "%s", PQgetvalue(res, r, 1));
	e->actor = pg_dup(res, r, 2);
	e->summary = pg_dup(res, r, 3);
	e->kind = kind_parse(PQgetvalue(res, r, 4));
	e->target = pg_int(res, r, 5);
	e->undone = pg_int(res, r, 6) != 0;
}

/* The actor is the login, whatever the caller says (store_actor), and
 * the time the server's; the day is the one the action counts for. */
int pg_store_journal_start(struct store *st, const char *actor, const char *now, r57_day today,
                           const char *summary, int64_t *seq_out, struct r57_err *err)
{
	(void)actor;
	(void)now;
	struct pg_args a = { 0 };
	pg_arg_day(&a, today);
	pg_arg_text(&a, summary ? summary : "");
	PGresult *res;
	int rc = pg_run(pg_of(st), "SELECT r57.entry_start($1, $2)", &a, &res, N_("writing the journal"), err);
	if (rc)
		return rc;
	if (seq_out)
		*seq_out = pg_int(res, 0, 0);
	PQclear(res);
	return R57_OK;
}

int pg_store_journal_set_summary(struct store *st, int64_t seq, const char *summary,
                                 struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, seq);
	pg_arg_text(&a, summary ? summary : "");
	return pg_do(pg_of(st), "SELECT r57.entry_set_summary($1, $2)", &a, N_("writing the journal"), err);
}

int pg_store_journal_history(struct store *st, const struct history_query *q, entry_each_fn each,
                             void *ctx, struct r57_err *err)
{
	struct pg_args a = { 0 };
	char sql[1024];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s WHERE true", ENTRY_COLS);
	/* A task's history: the entries that changed it, and those that
	 * issued (or undid) a reminder naming it (journal.c says how). */
	if (q->task_id) {
		pg_arg_int(&a, q->task_id);
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		        " AND seq IN (SELECT entry FROM r57.change_log WHERE tbl = 5 AND row_id = $%d"
		        " UNION ALL SELECT entry FROM r57.change_log WHERE tbl = 8 AND row_id IN"
		        " (SELECT id FROM r57.reminder_task WHERE task_id = $%d UNION SELECT row_id"
		        " FROM r57.change_log WHERE v2 = $%d::text AND tbl = 8 AND op = 3))", a.n, a.n, a.n);
	}
	if (q->actor) {
		pg_arg_text(&a, q->actor);
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND actor = $%d", a.n);
	}
	if (q->since != R57_NO_DATE) {
		pg_arg_day(&a, q->since);
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND day >= $%d COLLATE \"C\"", a.n);
	}
	if (q->before_seq) {
		pg_arg_int(&a, q->before_seq);
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND seq < $%d", a.n);
	}
	n += (size_t)snprintf(sql + n, sizeof sql - n, " ORDER BY seq DESC");
	if (q->limit > 0)
		snprintf(sql + n, sizeof sql - n, " LIMIT %d", q->limit);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, N_("reading the journal"), err);
	if (rc)
		return rc;
	for (int r = 0; r < PQntuples(res); r++) {
		struct entry e;
		read_entry(res, r, &e);
		int stop = each(&e, ctx);
		entry_clear(&e);
		if (stop)
			break;
	}
	PQclear(res);
	return R57_OK;
}

int pg_store_journal_task_last(struct store *st, int64_t task_id, struct entry *out,
                               struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, task_id);
	PGresult *res;
	int rc = pg_run(pg_of(st),
	                QUERY_TASK_LAST(QUERY_SERVER), &a, &res, N_("reading the journal"), err);
	if (rc)
		return rc;
	if (PQntuples(res) == 1)
		read_entry(res, 0, out);
	else
		rc = r57_fail(err, R57_ENOTFOUND, _("task #%lld has no history"), (long long)task_id);
	PQclear(res);
	return rc;
}
