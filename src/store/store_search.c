/* store_search.c: the search index of an SQLite file kept up to date (the
 * connection's triggers, the full-text index written before each commit,
 * built again when another program wrote tasks), and a bulk write's
 * indexes dropped and made again in one pass each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "store_int.h"

/* --- the search index (docs/storage.md) ------------------------------------
 * task_search and its full-text index follow every write r57 makes to a
 * task's title or notes through these triggers of the connection's own:
 * the statements of store_task.c, import (store_io.c) and undo and redo
 * (journal.c) alike. Each also counts what it saw (seen), beside the
 * count every writer keeps through the schema's plain triggers (writes). */
#define SEARCH_COLS \
	"task_search(id, group_id, leader_id, unit_id, source_id, year, status," \
	" due_key, title_key, body)"
/* The full-text index is written by top-level statements only (SQLite
 * refuses a virtual table inside a trigger under trusted_schema off): the
 * triggers note each task whose words change, with the words the index
 * holds for it (NULL: none), the first time in the transaction, and
 * search_fts_flush writes the index before the commit. (A DELETE and a
 * plain INSERT, no OR IGNORE or OR REPLACE: the conflict rule of the
 * statement that fires a trigger overrides its own, and the import's
 * UPDATE OR ROLLBACK would make either a ROLLBACK.) */
#define SEARCH_NOTE(row) \
	"  INSERT INTO search_fts_dirty(id, old_body) SELECT " row ".id," \
	"    (SELECT body FROM task_search WHERE id = " row ".id)" \
	"    WHERE NOT EXISTS (SELECT 1 FROM search_fts_dirty WHERE id = " row ".id);"
#define SEARCH_ROW \
	SEARCH_NOTE("NEW") \
	"  DELETE FROM task_search WHERE id = NEW.id;" \
	"  INSERT INTO " SEARCH_COLS " VALUES (NEW.id, NEW.group_id," \
	"    NEW.leader_id, NEW.unit_id, NEW.source_id, NEW.year, NEW.status," \
	"    coalesce(NEW.due, '9999-12-31'), r57_sortkey(NEW.title)," \
	"    r57_search_body(NEW.title || ' ' || coalesce(NEW.notes, ''), 0));" \
	"  UPDATE search_state SET seen = seen + 1;"
/* A change of what is copied but not of the words: the row alone, the
 * full-text index as it is. */
#define SEARCH_FIELDS \
	"  UPDATE task_search SET group_id = NEW.group_id, leader_id = NEW.leader_id," \
	"    unit_id = NEW.unit_id, source_id = NEW.source_id, year = NEW.year," \
	"    status = NEW.status, due_key = coalesce(NEW.due, '9999-12-31') WHERE id = NEW.id;" \
	"  UPDATE search_state SET seen = seen + 1;"
/* The same columns as the schema's task_search_count_upd counts. */
#define SEARCH_UPD_OF \
	" AFTER UPDATE OF title, notes, group_id, leader_id, unit_id, source_id, year, status, due" \
	" ON main.task"
static const char search_triggers_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS search_fts_dirty (id INTEGER PRIMARY KEY, old_body TEXT);"
	"CREATE TEMP TRIGGER IF NOT EXISTS r57_search_ins AFTER INSERT ON main.task BEGIN"
	SEARCH_ROW " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS r57_search_upd" SEARCH_UPD_OF
	" WHEN OLD.title IS NOT NEW.title OR OLD.notes IS NOT NEW.notes BEGIN"
	SEARCH_ROW " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS r57_search_upd_fields" SEARCH_UPD_OF
	" WHEN OLD.title IS NEW.title AND OLD.notes IS NEW.notes BEGIN"
	SEARCH_FIELDS " END;"
	"CREATE TEMP TRIGGER IF NOT EXISTS r57_search_del AFTER DELETE ON main.task BEGIN"
	SEARCH_NOTE("OLD")
	"  DELETE FROM task_search WHERE id = OLD.id;"
	"  UPDATE search_state SET seen = seen + 1;"
	" END;";

/* A file of version 3 made while version 3 was being written (never
 * released): its task_search has no copy of the list's fields. Its search
 * objects are made again as migrate_3.sql makes them, empty and out of
 * date; without write access it is read as version 2 (search folds each
 * row). One small query when the file is as it should be. */
static void search_early_v3(struct store *st)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT count(*) FROM pragma_table_info('task_search')"
	                      " WHERE name = 'due_key'", &s, NULL))
		return;
	bool current = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	sqlite3_finalize(s);
	if (current)
		return;
	static const char drop[] =
		"DROP TRIGGER IF EXISTS task_search_count_ins; DROP TRIGGER IF EXISTS task_search_count_upd;"
		"DROP TRIGGER IF EXISTS task_search_count_del; DROP TABLE IF EXISTS task_search_fts;"
		"DROP TABLE IF EXISTS task_search; DROP TABLE IF EXISTS search_state;";
	if (sqlite3_db_readonly(st->db, "main") == 1 ||
	    sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		st->version = 2;
		return;
	}
	if (sqlite3_exec(st->db, drop, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, r57_migrate_3_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite_store_rollback(st);
		st->version = 2;
	}
}

int store_search_triggers_drop(struct store *st, struct r57_err *err)
{
	return store_exec(st,
		"DROP TRIGGER IF EXISTS temp.r57_search_ins; DROP TRIGGER IF EXISTS temp.r57_search_upd;"
		"DROP TRIGGER IF EXISTS temp.r57_search_upd_fields; DROP TRIGGER IF EXISTS temp.r57_search_del;",
		err);
}

int store_search_triggers(struct store *st, struct r57_err *err)
{
	if (st->version >= 3)
		search_early_v3(st);
	if (st->version < 3)
		return R57_OK;
	return store_exec(st, search_triggers_sql, err);
}

int store_schema_indexes(const char *table, char ***out, int *n_out)
{
	static const char head[] = "CREATE INDEX ";
	char **v = NULL;
	int n = 0;
	size_t tlen = strlen(table);
	*out = NULL;
	*n_out = 0;
	for (const char *p = r57_schema_sql; (p = strstr(p, head)); p++) {
		if (p != r57_schema_sql && p[-1] != '\n')
			continue;
		const char *name = p + sizeof head - 1;
		size_t nlen = strspn(name, "abcdefghijklmnopqrstuvwxyz_");
		const char *on = name + nlen + strspn(name + nlen, " ");
		if (!nlen || strncmp(on, "ON ", 3) != 0 || strncmp(on + 3, table, tlen) != 0 ||
		    on[3 + tlen] != '(')
			continue;
		const char *end = strchr(p, ';');
		char **grown = end ? realloc(v, (size_t)(n + 1) * sizeof *v) : NULL;
		if (!grown)
			goto oom;
		v = grown;
		if (!(v[n] = strndup(p, (size_t)(end - p))))
			goto oom;
		n++;
	}
	*out = v;
	*n_out = n;
	return R57_OK;
oom:
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return R57_ENOMEM;
}

void store_schema_indexes_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int store_drop_index_of(struct store *st, const char *create, struct r57_err *err)
{
	/* "CREATE INDEX name ON ..." -> "DROP INDEX IF EXISTS name" */
	const char *name = create + 13;
	size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz_");
	char drop[200];
	if (len == 0 || len > 128)
		return R57_OK;
	snprintf(drop, sizeof drop, "DROP INDEX IF EXISTS %.*s", (int)len, name);
	return store_exec(st, drop, err);
}

int store_bulk_begin(struct store *st, struct store_bulk *b, struct r57_err *err)
{
	/* (those that keep a UNIQUE constraint are not among them: they stay;
	 * the file's own sqlite_master is never run) */
	char **t = NULL, **u = NULL;
	int nt = 0, nu = 0, rc = R57_OK;
	memset(b, 0, sizeof *b);
	if (store_schema_indexes("task", &t, &nt) || store_schema_indexes("task_unit", &u, &nu) ||
	    !(b->ix = calloc((size_t)(nt + nu) + 1, sizeof *b->ix)))
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int i = 0; i < nt && !rc; i++, t[i - 1] = NULL)
		b->ix[b->n++] = t[i];
	for (int i = 0; i < nu && !rc; i++, u[i - 1] = NULL)
		b->ix[b->n++] = u[i];
	store_schema_indexes_free(t, nt);
	store_schema_indexes_free(u, nu);
	if (!rc)
		rc = store_search_triggers_drop(st, err);
	for (int i = 0; i < b->n && !rc; i++)
		rc = store_drop_index_of(st, b->ix[i], err);
	return rc;
}

int store_bulk_indexes(struct store *st, struct store_bulk *b, struct r57_err *err)
{
	int rc = R57_OK;
	for (int i = 0; i < b->n && !rc; i++)
		rc = store_exec(st, b->ix[i], err);
	return rc;
}

void store_bulk_free(struct store_bulk *b)
{
	store_schema_indexes_free(b->ix, b->n);
	memset(b, 0, sizeof *b);
}

int store_cache_set(struct store *st, int kib)
{
	int old = 0;
	sqlite3_stmt *c;
	if (store_prepare(st, "PRAGMA cache_size", &c, NULL) == R57_OK) {
		if (sqlite3_step(c) == SQLITE_ROW)
			old = sqlite3_column_int(c, 0);
		sqlite3_finalize(c);
	}
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", kib);
	sqlite3_exec(st->db, pragma, NULL, NULL, NULL);
	return old;
}

void store_cache_back(struct store *st, int old)
{
	if (!old)
		return;
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %d", old);
	sqlite3_exec(st->db, pragma, NULL, NULL, NULL);
}

/* Everything again from the tasks as they are: the rows first, then
 * their indexes, each made in one sorted pass (dropped and made again from
 * the schema's own text: six indexes kept row by row take three times as
 * long), then the full-text index. */
static const char search_fill_sql[] =
	"DELETE FROM task_search;"
	"INSERT INTO " SEARCH_COLS " SELECT id, group_id, leader_id, unit_id, source_id,"
	" year, status, coalesce(due, '9999-12-31'), r57_sortkey(title),"
	" r57_search_body(title || ' ' || coalesce(notes, ''), 0) FROM task ORDER BY id;";
static const char search_finish_sql[] =
	"INSERT INTO task_search_fts(task_search_fts) VALUES ('rebuild');"
	"UPDATE search_state SET seen = writes;";

int store_search_rebuild(struct store *st, struct r57_err *err)
{
	/* The index statements are r57's own (schema.sql, compiled in), never
	 * the text the file holds in sqlite_master: a crafted file's would run. */
	char **ix;
	int n, rc;
	if (store_schema_indexes("task_search", &ix, &n))
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	rc = R57_OK;
	for (int i = 0; i < n && !rc; i++)
		rc = store_drop_index_of(st, ix[i], err);
	if (!rc)
		rc = store_exec(st, search_fill_sql, err);
	for (int i = 0; i < n && !rc; i++)
		rc = store_exec(st, ix[i], err);
	if (!rc)
		rc = store_exec(st, search_finish_sql, err);
	/* (what the triggers noted is in the index now; no connection
	 * triggers, no table: nothing noted) */
	if (!rc)
		sqlite3_exec(st->db, "DELETE FROM temp.search_fts_dirty", NULL, NULL, NULL);
	store_schema_indexes_free(ix, n);
	return rc;
}

static bool search_fresh(struct store *st)
{
	sqlite3_stmt *s;
	if (store_cached(st, "SELECT writes = seen FROM search_state WHERE id = 1", &s, NULL))
		return false;
	bool fresh = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	store_release(s);
	return fresh;
}

bool store_search_ready(struct store *st)
{
	if (st->version < 3)
		return false;
	if (search_fresh(st))
		return true;
	/* Out of date (a new or migrated file, or another program wrote
	 * tasks): built again here when the file can be written and no
	 * transaction is open; otherwise the caller folds every row. */
	if (sqlite3_db_readonly(st->db, "main") == 1 || !sqlite3_get_autocommit(st->db))
		return false;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return false;
	if (!search_fresh(st) && store_search_rebuild(st, NULL) != R57_OK) {
		sqlite_store_rollback(st);
		return false;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite_store_rollback(st);
		return false;
	}
	return search_fresh(st);
}

/* Write to the full-text index what the search triggers noted: the old
 * words of each task out, its words now in. */
int search_fts_flush(struct store *st, struct r57_err *err)
{
	if (st->version < 3)
		return R57_OK;
	sqlite3_stmt *s;
	int rc = store_cached(st, "SELECT EXISTS (SELECT 1 FROM temp.search_fts_dirty)", &s, err);
	if (rc)
		return R57_OK; /* no triggers on this connection: nothing noted */
	bool any = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	store_release(s);
	if (!any)
		return R57_OK;
	return store_exec(st,
		"INSERT INTO task_search_fts(task_search_fts, rowid, body)"
		" SELECT 'delete', id, old_body FROM temp.search_fts_dirty WHERE old_body IS NOT NULL;"
		"INSERT INTO task_search_fts(rowid, body) SELECT s.id, s.body"
		" FROM temp.search_fts_dirty d JOIN task_search s ON s.id = d.id;"
		"DELETE FROM temp.search_fts_dirty;", err);
}
