/* journal.c: the entries of the undo log in an SQLite file: an
 * action's entry and its summary written, an entry read, the history and a
 * task's last entry. The values each row had before a change are written
 * by the schema's triggers into change_log (journal_plan.c and
 * journal_apply.c read them back). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_files.h"
#include "journal_int.h"
#include "queries.h"
#include "store_int.h"

static const char *const kind_names[] = {
	[ENTRY_DO] = "do", [ENTRY_UNDO] = "undo", [ENTRY_REDO] = "redo", [ENTRY_INIT] = "init",
};

const char *entry_kind_name(enum entry_kind k)
{
	return kind_names[k];
}

static enum entry_kind kind_parse(const char *s)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
		if (s && strcmp(s, kind_names[i]) == 0)
			return (enum entry_kind)i;
	return ENTRY_DO;
}

void entry_clear(struct entry *e)
{
	free(e->actor);
	free(e->summary);
	memset(e, 0, sizeof *e);
}

static void read_entry(sqlite3_stmt *s, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->seq = sqlite3_column_int64(s, 0);
	const unsigned char *at = sqlite3_column_text(s, 1);
	snprintf(e->at, sizeof e->at, "%s", at ? (const char *)at : "");
	e->actor = store_col_dup(s, 2);
	e->summary = store_col_dup(s, 3);
	e->kind = kind_parse((const char *)sqlite3_column_text(s, 4));
	e->target = sqlite3_column_int64(s, 5);
	e->undone = sqlite3_column_int(s, 6) != 0;
}

int insert_entry(struct store *st, const char *actor, const char *now,
                 r57_day today, const char *summary, enum entry_kind kind,
                 int64_t target, int64_t *seq_out, struct r57_err *err)
{
	char day[11];
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"INSERT INTO entry(at, day, actor, summary, kind, target) VALUES (?, ?, ?, ?, ?, ?)",
		&s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, date_iso(today, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, summary ? summary : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, kind_names[kind], -1, SQLITE_STATIC);
	store_bind_id_or_null(s, 6, target);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("writing the journal"));
	else if (seq_out)
		*seq_out = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_journal_start(struct store *st, const char *actor, const char *now,
                  r57_day today, const char *summary, int64_t *seq_out,
                  struct r57_err *err)
{
	return insert_entry(st, actor, now, today, summary, ENTRY_DO, 0, seq_out, err);
}

int sqlite_store_journal_set_summary(struct store *st, int64_t seq, const char *summary,
                        struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "UPDATE entry SET summary = ? WHERE seq = ?", &s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, summary, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, seq);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("writing the journal"));
	sqlite3_finalize(s);
	return rc;
}

int get_entry(struct store *st, const char *sql, const char *actor,
              struct entry *out, bool *found, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, actor, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*found = step == SQLITE_ROW;
	if (step == SQLITE_ROW)
		read_entry(s, out);
	else if (step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_journal_history(struct store *st, const struct history_query *q,
                    entry_each_fn each, void *ctx, struct r57_err *err)
{
	char sql[1024];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s WHERE 1", ENTRY_COLS);
	/* A task's history: the entries that changed it, and those that
	 * issued (or undid) a reminder naming it: the reminder_task rows that
	 * name it now, and those removed, found through the partial index
	 * change_log_reminder_task (its condition, word for word). */
	if (q->task_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		        " AND seq IN (SELECT entry FROM change_log WHERE tbl = 5 AND row_id = :task"
		        " UNION ALL SELECT entry FROM change_log WHERE tbl = 8 AND row_id IN"
		        " (SELECT id FROM reminder_task WHERE task_id = :task UNION SELECT row_id"
		        " FROM change_log WHERE v2 = :task AND tbl = 8 AND op = 3))");
	if (q->actor)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND actor = :actor");
	if (q->since != R57_NO_DATE)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND day >= :since");
	if (q->before_seq)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND seq < :before");
	snprintf(sql + n, sizeof sql - n, " ORDER BY seq DESC LIMIT :limit");

	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), i, step;
	if (rc)
		return rc;
	if ((i = sqlite3_bind_parameter_index(s, ":task")))
		sqlite3_bind_int64(s, i, q->task_id);
	if ((i = sqlite3_bind_parameter_index(s, ":actor")))
		sqlite3_bind_text(s, i, q->actor, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(s, ":since")))
		store_bind_day(s, i, q->since);
	if ((i = sqlite3_bind_parameter_index(s, ":before")))
		sqlite3_bind_int64(s, i, q->before_seq);
	sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":limit"), q->limit > 0 ? q->limit : -1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry e;
		read_entry(s, &e);
		int stop = each(&e, ctx);
		entry_clear(&e);
		if (stop)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_journal_task_last(struct store *st, int64_t task_id, struct entry *out,
                      struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		QUERY_TASK_LAST(QUERY_FILE), &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, task_id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		read_entry(s, out);
	else if (step == SQLITE_DONE)
		rc = r57_fail(err, R57_ENOTFOUND, _("task #%lld has no history"), (long long)task_id);
	else
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}
