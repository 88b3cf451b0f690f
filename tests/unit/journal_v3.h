/* journal_v3.h: the journal of a file of version 3 (whole JSON images of
 * each row before and after each change) computed back from the compact
 * journal of version 4 (the values a row had before each change), for the
 * tests of the migration: that every change means after it what it meant
 * before, and files of the older versions made from ones r57 writes today.
 * The columns come from the tables themselves (pragma_table_info), not
 * from r57's list, so that the two are checked against each other. Only
 * static functions: each test_*.c is built on its own. */
#ifndef R57_TEST_JOURNAL_V3_H
#define R57_TEST_JOURNAL_V3_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "r57/schema.h"

/* The journaled tables, by their code in change_log.tbl (1 .. 8). */
static const char *const v3_tables[] = {
	"task_group", "unit", "leader", "source", "task", "task_unit", "reminder", "reminder_task",
};

struct v3_sql {
	char *s;
	size_t n, cap;
};

static void v3_put(struct v3_sql *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void v3_put(struct v3_sql *b, const char *fmt, ...)
{
	va_list ap;
	if (!b->s && !(b->s = calloc(1, b->cap = 4096)))
		fail_msg("out of memory");
	for (;;) {
		va_start(ap, fmt);
		int k = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
		if (k >= 0 && (size_t)k < b->cap - b->n) {
			b->n += (size_t)k;
			return;
		}
		b->cap = b->cap * 2 + (size_t)(k > 0 ? k : 0) + 64;
		if (!(b->s = realloc(b->s, b->cap)))
			fail_msg("out of memory");
	}
}

/* The columns of table t after id, in order: *n of them. */
static char **v3_columns(sqlite3 *db, const char *t, int *n)
{
	char sql[160];
	sqlite3_stmt *s;
	char **cols = NULL;
	*n = 0;
	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s') WHERE name <> 'id' ORDER BY cid", t);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		cols = realloc(cols, (size_t)(*n + 1) * sizeof *cols);
		cols[(*n)++] = strdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return cols;
}

/* Column k of table code, as change c of row c.row_id left it: what the
 * next change of that row to record it had before, else the row now. */
static void v3_after_col(struct v3_sql *b, int code, const char *t, const char *col, int k)
{
	v3_put(b, "CASE WHEN EXISTS (SELECT 1 FROM change_log n WHERE n.tbl = %d AND n.row_id = c.row_id"
	          " AND n.id > c.id AND n.cols & %ld) THEN (SELECT n.v%d FROM change_log n WHERE n.tbl = %d"
	          " AND n.row_id = c.row_id AND n.id > c.id AND n.cols & %ld ORDER BY n.id LIMIT 1)"
	          " ELSE (SELECT r.%s FROM %s r WHERE r.id = c.row_id) END",
	       code, 1L << k, k + 1, code, 1L << k, col, t);
}

/* SELECT id, entry, tbl, row_id, before, after: the changes of change_log
 * as version 3 wrote them. malloc'd. */
static char *v3_images_select(sqlite3 *db)
{
	struct v3_sql b = { NULL, 0, 0 };
	for (int i = 0; i < 8; i++) {
		int n, code = i + 1;
		const char *t = v3_tables[i];
		char **cols = v3_columns(db, t, &n);
		v3_put(&b, "%sSELECT c.id AS id, c.entry AS entry, '%s' AS tbl, c.row_id AS row_id,"
		           " CASE WHEN c.op = 1 THEN NULL ELSE"
		           " json_object('id', c.row_id", i ? " UNION ALL " : "", t);
		for (int k = 0; k < n; k++) {
			v3_put(&b, ", '%s', CASE WHEN c.cols & %ld THEN c.v%d ELSE ", cols[k], 1L << k, k + 1);
			v3_after_col(&b, code, t, cols[k], k);
			v3_put(&b, " END");
		}
		v3_put(&b, ") END AS before, CASE WHEN c.op = 3 THEN NULL ELSE json_object('id', c.row_id");
		for (int k = 0; k < n; k++) {
			v3_put(&b, ", '%s', ", cols[k]);
			v3_after_col(&b, code, t, cols[k], k);
		}
		v3_put(&b, ") END AS after FROM change_log c WHERE c.tbl = %d", code);
		for (int k = 0; k < n; k++)
			free(cols[k]);
		free(cols);
	}
	return b.s;
}

static void v3_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[512];
		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		fail_msg("%.200s: %s", sql, copy);
	}
}

/* Make the file of version 4 at path a file of version 3 with the same
 * rows and the same history, as r57 of version 3 wrote it. */
static void fx_downgrade_v3(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s", path);
	char *select = v3_images_select(db);
	struct v3_sql b = { NULL, 0, 0 };
	v3_put(&b, "BEGIN; CREATE TEMP TABLE old_change AS %s;", select);
	free(select);
	v3_exec(db, b.s);
	free(b.s);
	/* the version 4 journal out */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_master WHERE (type = 'trigger'"
	                           " AND sql LIKE '%change_log%') OR (type = 'index' AND tbl_name = 'change_log')",
	                       -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(db));
	char drops[8192] = "";
	size_t n = 0;
	while (sqlite3_step(s) == SQLITE_ROW)
		n += (size_t)snprintf(drops + n, sizeof drops - n, "DROP %s %s;",
		                      strcmp((const char *)sqlite3_column_text(s, 0), "trigger") == 0 ? "TRIGGER" : "INDEX",
		                      (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	v3_exec(db, drops);
	v3_exec(db, "DROP TABLE change_log;");
	/* the version 3 journal in: its statements, word for word */
	const char *from = strstr(r57_schema_v3_sql, "CREATE TABLE change (");
	if (!from)
		fail_msg("no journal in the schema of version 3");
	v3_exec(db, from);
	v3_exec(db, "INSERT INTO change(id, entry, tbl, row_id, before, after)"
	            " SELECT * FROM temp.old_change ORDER BY 1;"
	            "INSERT INTO sqlite_sequence(name, seq) SELECT 'change', max(id) FROM change;"
	            "DROP TABLE temp.old_change; PRAGMA user_version = 3; COMMIT;");
	sqlite3_close(db);
}

#endif
