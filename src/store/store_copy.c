/* store_copy.c: r57 copy out of and into an SQLite file (store_copy.h):
 * every row of every table as it is; into a new file with the schema's
 * triggers dropped while the rows, which bring their own journal, go in,
 * and made again from r57's own schema text before the commit. The search
 * index is left to be built again by the next search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "r57/text.h"
#include "journal_seal.h"
#include "store_int.h"


int sqlite_store_copy_out(struct store *st, copy_row_fn each, void *ctx, struct r57_err *err)
{
	int rc = R57_OK;
	for (int t = 0; t < COPY_TABLES && !rc; t++) {
		char *sql = copy_select_sql(t, "");
		sqlite3_stmt *s;
		rc = store_prepare(st, sql, &s, err);
		free(sql);
		if (rc)
			break;
		int n = copy_n_cols(t), step;
		while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
			struct copy_cell cells[COPY_MAX_COLS];
			for (int k = 0; k < n; k++) {
				int type = sqlite3_column_type(s, k);
				cells[k].kind = type == SQLITE_NULL ? CELL_NULL : type == SQLITE_INTEGER ? CELL_INT : CELL_TEXT;
				cells[k].i = sqlite3_column_int64(s, k);
				cells[k].s = (const char *)sqlite3_column_text(s, k);
			}
			rc = each(t, cells, n, ctx);
		}
		if (!rc && step != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("reading"));
		sqlite3_finalize(s);
	}
	return rc;
}

/* Every CREATE TRIGGER statement of r57's schema, one after another. */
static int each_trigger(struct store *st, bool create, struct r57_err *err)
{
	static const char head[] = "CREATE TRIGGER ";
	int rc = R57_OK;
	for (const char *p = r57_schema_sql; !rc && (p = strstr(p, head)); p++) {
		if (p != r57_schema_sql && p[-1] != '\n')
			continue;
		const char *name = p + sizeof head - 1, *end = strstr(p, "\nEND;");
		size_t nlen = strspn(name, "abcdefghijklmnopqrstuvwxyz_");
		if (!end || !nlen)
			continue;
		char *sql = NULL;
		if (create ? asprintf(&sql, "%.*s", (int)(end + 4 - p), p) < 0
		           : asprintf(&sql, "DROP TRIGGER IF EXISTS %.*s", (int)nlen, name) < 0)
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		rc = store_exec(st, sql, err);
		free(sql);
	}
	return rc;
}

/* Only what creating the file wrote: its 'init' entry and what it made. */
static int fresh(struct store *st, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "SELECT (SELECT count(*) FROM task) + (SELECT count(*) FROM entry"
	                           " WHERE kind <> 'init') + (SELECT count(*) FROM unit)", &s, err);
	if (rc)
		return rc;
	bool empty = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) == 0;
	sqlite3_finalize(s);
	if (empty)
		return R57_OK;
	char *safe = text_safe(st->path, false);
	rc = r57_fail(err, R57_EINPUT, _("%s: holds tasks or a history already; r57 copy writes only into a new database"), safe);
	free(safe);
	return rc;
}

int sqlite_store_copy_in_begin(struct store *st, struct r57_err *err)
{
	int rc = sqlite_store_begin(st, err);
	if (rc)
		return rc;
	if (!(rc = fresh(st, err)) && !(rc = store_search_triggers_drop(st, err)) && !(rc = each_trigger(st, false, err)))
		for (int t = COPY_TABLES; !rc && t-- > 0;) {
			char sql[64];
			snprintf(sql, sizeof sql, "DELETE FROM %s", copy_table(t));
			rc = store_exec(st, sql, err);
		}
	if (rc)
		sqlite_store_rollback(st);
	return rc;
}

int sqlite_store_copy_in_row(struct store *st, int table, const struct copy_cell *cells, int n,
                             struct r57_err *err)
{
	char sql[1024];
	size_t at = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s(", copy_table(table));
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = copy_col(table, k, &len);
		at += (size_t)snprintf(sql + at, sizeof sql - at, "%s%.*s", k ? ", " : "", len, c);
	}
	at += (size_t)snprintf(sql + at, sizeof sql - at, ") VALUES (");
	for (int k = 0; k < n; k++)
		at += (size_t)snprintf(sql + at, sizeof sql - at, "%s?", k ? ", " : "");
	snprintf(sql + at, sizeof sql - at, ")");
	sqlite3_stmt *s;
	int rc = store_cached(st, sql, &s, err);
	if (rc)
		return rc;
	for (int k = 0; k < n; k++) {
		if (cells[k].kind == CELL_INT)
			sqlite3_bind_int64(s, k + 1, cells[k].i);
		else if (cells[k].kind == CELL_TEXT)
			sqlite3_bind_text(s, k + 1, cells[k].s, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, k + 1);
	}
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("copying"));
	store_release(s);
	return rc;
}

int sqlite_store_copy_in_end(struct store *st, struct r57_err *err)
{
	/* the search index counts as out of date: the next search builds it */
	int rc = each_trigger(st, true, err);
	if (!rc)
		rc = store_exec(st, "UPDATE search_state SET writes = seen + 1", err);
	if (!rc)
		rc = journal_seal_verify(st, err);
	if (!rc)
		rc = sqlite_store_commit(st, err);
	else
		sqlite_store_rollback(st);
	return rc;
}
