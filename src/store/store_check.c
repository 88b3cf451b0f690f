/* store_check.c: r57 check, the whole file read against what it should
 * be: SQLite's own checks (every page, every index, the foreign keys) and
 * r57's invariants (every row is in the journal, and no row the journal
 * keeps is missing; the search index holds each task as it is). Reads
 * only. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "journal_int.h"
#include "journal_seal.h"
#include "store_int.h"

struct run {
	struct store *st;
	store_problem_fn fn;
	void *ctx;
	int n;
};

static void problem(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct run *r, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	r->n++;
	r->fn(line, r->ctx);
}

/* Run sql; each row is a problem, said by each(). A statement SQLite
 * cannot run (the file too damaged to read it) is a problem too. */
static void each_row(struct run *r, const char *sql, void (*each)(struct run *, sqlite3_stmt *, const void *),
                     const void *arg)
{
	sqlite3_stmt *s = NULL;
	int step = SQLITE_ERROR;
	if (sqlite3_prepare_v2(r->st->db, sql, -1, &s, NULL) == SQLITE_OK)
		while ((step = sqlite3_step(s)) == SQLITE_ROW)
			each(r, s, arg);
	if (step != SQLITE_DONE) {
		char *m = text_safe(sqlite3_errmsg(r->st->db), false);
		problem(r, _("cannot read the file: %s"), m);
		free(m);
	}
	sqlite3_finalize(s);
}

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

static void integrity_row(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	if (strcmp(col(s, 0), "ok") == 0)
		return;
	char *m = text_safe(col(s, 0), false);
	problem(r, _("integrity: %s"), m);
	free(m);
}

static void fk_row(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	char *t = text_safe(col(s, 0), false), *p = text_safe(col(s, 2), false);
	problem(r, _("foreign key: %s row %lld refers to a %s row that does not exist"), t,
	        (long long)sqlite3_column_int64(s, 1), p);
	free(t);
	free(p);
}

static void image_row(struct run *r, sqlite3_stmt *s, const void *tbl)
{
	problem(r, _("journal: %s row %lld is not in the journal"),
	        (const char *)tbl, (long long)sqlite3_column_int64(s, 0));
}

static void gone_row(struct run *r, sqlite3_stmt *s, const void *tbl)
{
	problem(r, _("journal: %s row %lld is in the journal but not in the table"),
	        (const char *)tbl, (long long)sqlite3_column_int64(s, 0));
}

static void foreign_change(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("journal: change #%lld names no row of a table r57 keeps, or no change r57 makes"),
	        (long long)sqlite3_column_int64(s, 0));
}

static void bad_image(struct run *r, sqlite3_stmt *s, const void *tbl)
{
	problem(r, _("journal: change #%lld of %s row %lld holds values r57 did not write"),
	        (long long)sqlite3_column_int64(s, 0), (const char *)tbl,
	        (long long)sqlite3_column_int64(s, 1));
}

static void broken_chain(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	const char *t = "?";
	for (size_t i = 0; i < journal_n_tables(); i++)
		if (journal_table_code(i) == sqlite3_column_int(s, 1))
			t = journal_table(i);
	problem(r, _("journal: change #%lld of %s row %lld does not start from the row as the change before it left it"),
	        (long long)sqlite3_column_int64(s, 0), t, (long long)sqlite3_column_int64(s, 2));
}

static void bad_undone(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("journal: entry #%lld is marked undone or not against what its undo and redo entries say"),
	        (long long)sqlite3_column_int64(s, 0));
}

static void empty_entry(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("journal: entry #%lld holds no change"), (long long)sqlite3_column_int64(s, 0));
}

static void bad_target(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("journal: entry #%lld undoes or redoes no action"), (long long)sqlite3_column_int64(s, 0));
}

/* The journal itself: every change one the triggers wrote, each following
 * from the one before it to the same row, every undo and redo naming an
 * action, and each action's undone flag as its newest undo or redo left it. */
static void check_journal(struct run *r)
{
	char *sql = journal_foreign_sql("1");
	each_row(r, sql, foreign_change, NULL);
	free(sql);
	for (size_t i = 0; i < journal_n_tables(); i++) {
		sql = journal_bad_images_sql(i, "1");
		each_row(r, sql, bad_image, journal_table(i));
		free(sql);
	}
	sql = journal_broken_chain_sql("1");
	each_row(r, sql, broken_chain, NULL);
	free(sql);
	each_row(r, "SELECT e.seq FROM entry e WHERE NOT EXISTS (SELECT 1 FROM change_log c"
	            " WHERE c.entry = e.seq) ORDER BY e.seq",
	         empty_entry, NULL);
	each_row(r, "SELECT u.seq FROM entry u WHERE u.kind IN ('undo', 'redo') AND NOT EXISTS"
	            " (SELECT 1 FROM entry d WHERE d.seq = u.target AND d.kind = 'do') ORDER BY u.seq",
	         bad_target, NULL);
	each_row(r, "SELECT d.seq FROM entry d LEFT JOIN (SELECT target, max(seq) AS last FROM entry"
	            " WHERE kind IN ('undo', 'redo') GROUP BY target) l ON l.target = d.seq"
	            " LEFT JOIN entry u ON u.seq = l.last WHERE d.kind = 'do'"
	            " AND d.undone IS NOT (u.kind IS 'undo') ORDER BY d.seq",
	         bad_undone, NULL);
}

static void search_row(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("search index: task #%lld is not as the task is"), (long long)sqlite3_column_int64(s, 0));
}

static void search_extra(struct run *r, sqlite3_stmt *s, const void *arg)
{
	(void)arg;
	problem(r, _("search index: task #%lld does not exist"), (long long)sqlite3_column_int64(s, 0));
}

int sqlite_store_check_all(struct store *st, store_problem_fn fn, void *ctx, int *n_out,
                    struct r57_err *err)
{
	struct run r = { .st = st, .fn = fn, .ctx = ctx };
	char sql[1024];
	(void)err;
	each_row(&r, "PRAGMA integrity_check", integrity_row, NULL);
	each_row(&r, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", fk_row, NULL);
	for (size_t i = 0; i < journal_n_tables(); i++) {
		const char *t = journal_table(i);
		int code = journal_table_code(i);
		/* Every row has its addition in the journal, and the newest
		 * change of a row there is not its removal. */
		snprintf(sql, sizeof sql,
		         "SELECT v.id FROM %s v WHERE coalesce((SELECT op FROM change_log"
		         " WHERE tbl = %d AND row_id = v.id ORDER BY id DESC LIMIT 1), 3) = 3 ORDER BY v.id",
		         t, code);
		each_row(&r, sql, image_row, t);
		snprintf(sql, sizeof sql,
		         "SELECT c.row_id FROM change_log c WHERE c.tbl = %d AND c.op IN (1, 2)"
		         " AND typeof(c.row_id) = 'integer'"
		         " AND c.id = (SELECT max(id) FROM change_log WHERE tbl = %d AND row_id = c.row_id)"
		         " AND c.row_id NOT IN (SELECT id FROM %s) ORDER BY c.row_id", code, code, t);
		each_row(&r, sql, gone_row, t);
	}
	check_journal(&r);
	journal_seal_check(st, fn, ctx, &r.n);
	/* The search index is checked when it says it is up to date (else the
	 * next search builds it again from the tasks). */
	if (st->version >= 3) {
		each_row(&r,
		         "SELECT t.id FROM task t LEFT JOIN task_search s ON s.id = t.id"
		         " WHERE (SELECT writes = seen FROM search_state) AND (s.id IS NULL"
		         " OR s.group_id IS NOT t.group_id OR s.leader_id IS NOT t.leader_id"
		         " OR s.unit_id IS NOT t.unit_id OR s.source_id IS NOT t.source_id"
		         " OR s.year IS NOT t.year OR s.status IS NOT t.status"
		         " OR s.due_key IS NOT coalesce(t.due, '9999-12-31')"
		         " OR s.title_key IS NOT r57_sortkey(t.title)"
		         " OR s.body IS NOT r57_search_body(t.title || ' ' || coalesce(t.notes, ''), 0))"
		         " ORDER BY t.id",
		         search_row, NULL);
		each_row(&r,
		         "SELECT id FROM task_search WHERE (SELECT writes = seen FROM search_state)"
		         " AND id NOT IN (SELECT id FROM task) ORDER BY id",
		         search_extra, NULL);
	}
	*n_out = r.n;
	return R57_OK;
}
