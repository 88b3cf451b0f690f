/* store_schema.c: the schema of an SQLite file: a fresh file made (schema,
 * identity, the first entry, the default groups), an existing one
 * identified and refused when it is not ours, damaged or newer (only r57's
 * own schema objects), and an older one migrated, or read as it is when
 * it cannot be written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "r57/store.h"
#include "r57/text.h"
#include "journal_int.h"
#include "journal_seal.h"
#include "store_int.h"
#include "store_rows.h"

/* A fresh file: schema, identity, the 'init' entry and default groups. */
int store_init(struct store *st, const struct store_open_opts *o,
               struct r57_err *err)
{
	char day[11];
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = sqlite_store_begin(st, err)))
		return rc;
	if ((rc = store_exec(st, r57_schema_sql, err)))
		goto fail;
	st->version = R57_SCHEMA_VERSION;
	char pragmas[128];
	snprintf(pragmas, sizeof pragmas,
	         "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	         R57_APPLICATION_ID, R57_SCHEMA_VERSION);
	if ((rc = store_exec(st, pragmas, err)))
		goto fail;
	/* No task yet: the search index is complete. */
	if ((rc = store_exec(st, "UPDATE search_state SET seen = writes", err)))
		goto fail;
	if ((rc = store_prepare(st,
	        "INSERT INTO entry(at, day, actor, summary, kind) VALUES (?, ?, ?, 'create the database', 'init')",
	        &s, err)))
		goto fail;
	sqlite3_bind_text(s, 1, o->now ? o->now : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, date_iso(o->today, day), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, o->actor ? o->actor : "r57", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_sqlerr(st, err, N_("creating the database"));
		goto fail;
	}
	sqlite3_finalize(s);
	s = NULL;
	if ((rc = store_prepare(st, "INSERT INTO task_group(name, position) VALUES (?, ?)", &s, err)))
		goto fail;
	for (size_t i = 0; i < STORE_N_DEFAULT_GROUPS; i++) {
		sqlite3_bind_text(s, 1, store_default_groups[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 2, (int)i + 1);
		if (sqlite3_step(s) != SQLITE_DONE) {
			rc = store_sqlerr(st, err, N_("creating the database"));
			goto fail;
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return sqlite_store_commit(st, err);
fail:
	sqlite3_finalize(s);
	sqlite_store_rollback(st);
	return rc;
}

int pragma_int(struct store *st, const char *sql, int *out,
               struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_sqlerr(st, err, N_("opening"));
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return R57_OK;
}

static int schema_only_ours(struct store *st, int ver, struct r57_err *err);

/* Identify the file before anything is written to it: *ver is its
 * schema version, 0 for a new (empty) file. */
int store_check(struct store *st, int *ver_out, struct r57_err *err)
{
	int app = 0, ver = 0, tables = 0, rc;
	char *path;

	if ((rc = pragma_int(st, "PRAGMA application_id", &app, err)) ||
	    (rc = pragma_int(st, "PRAGMA user_version", &ver, err)) ||
	    (rc = pragma_int(st, "SELECT count(*) FROM sqlite_master", &tables, err)))
		return rc;
	*ver_out = 0;
	if (app == 0 && ver == 0 && tables == 0)
		return R57_OK;
	path = text_safe(st->path, false);
	if (app != R57_APPLICATION_ID) {
		rc = r57_fail(err, R57_EDB, _("%s: not an r57 database (an SQLite file of another program)"), path);
	} else if (ver > R57_SCHEMA_VERSION) {
		rc = r57_fail(err, R57_EDB,
		              _("%s: written by a newer r57 (schema version %d; this r57 knows up to %d); not opened, nothing changed"),
		              path, ver, R57_SCHEMA_VERSION);
	} else if (ver < 1) {
		rc = r57_fail(err, R57_EDB, _("%s: not an r57 database (schema version %d)"), path, ver);
	}
	free(path);
	*ver_out = ver;
	return rc ? rc : schema_only_ours(st, ver, err);
}

/* --- the file is data: only r57's own schema objects ----------------------
 * A trigger, a view or an index runs SQL whenever r57 writes or reads the
 * table it is on, and the file is someone else's to edit: a file that
 * holds one r57 did not make is refused before anything runs on it.
 * SQLite keeps each object's CREATE statement as it was written, so every
 * object of the file must be a statement of the built-in schema, word for
 * word (found in the text: a reference database made in memory cost 6 ms
 * a command). Migrations add r57's own statements and alter none, so a
 * file of any older version holds a part of them (test_store.c). The only
 * other objects are the ones SQLite makes for r57's: the indexes of UNIQUE
 * constraints, the full-text index's own tables, sqlite_sequence and the
 * statistics of ANALYZE. */
/* r57's own statements of a file of version 3 made while version 3 was
 * being written (search_early_v3 makes them again). */
static const char *const early_v3_statements[] = {
	"CREATE TABLE task_search (\n"
	"    id         INTEGER PRIMARY KEY,\n"
	"    body       TEXT NOT NULL,\n"
	"    title_key  TEXT NOT NULL\n"
	")",
	"CREATE VIRTUAL TABLE task_search_fts USING fts5(body, content='task_search',\n"
	"    content_rowid='id', detail='none', columnsize=0, prefix='3')",
	"CREATE TRIGGER task_search_count_upd AFTER UPDATE OF title, notes ON task BEGIN\n"
	"  UPDATE search_state SET writes = writes + 1;\n"
	"END",
};

static bool schema_text_has(const char *schema, const char *sql, size_t len)
{
	for (const char *p = schema; (p = strstr(p, sql)); p++)
		if ((p == schema || p[-1] == '\n') && p[len] == ';')
			return true;
	return false;
}

/* A file of version 3 or before holds statements of the schema of version
 * 3 (src/store/schema_v3.sql), the old journal's among them, until the
 * migration to version 4 drops those. */
static bool schema_has_statement(const char *sql, size_t len, int ver)
{
	if (ver < 4) {
		for (size_t i = 0; i < sizeof early_v3_statements / sizeof *early_v3_statements; i++)
			if (strcmp(sql, early_v3_statements[i]) == 0)
				return true;
		if (schema_text_has(r57_schema_v3_sql, sql, len))
			return true;
	}
	return schema_text_has(r57_schema_sql, sql, len);
}

/* "CREATE <kind> name" at the start of a line of the built-in schema. */
static bool schema_text_names(const char *schema, const char *head)
{
	for (const char *p = schema; (p = strstr(p, head)); p++)
		if (p == schema || p[-1] == '\n')
			return true;
	return false;
}

static bool schema_has_name(const char *kind, const char *name)
{
	char head[160];
	int n = snprintf(head, sizeof head, "CREATE %s %s ", kind, name);
	if (n < 0 || (size_t)n >= sizeof head)
		return false;
	return schema_text_names(r57_schema_sql, head) || schema_text_names(r57_schema_v3_sql, head);
}

/* An object SQLite made for one of r57's own: sqlite_autoindex_T_N of a
 * table T, a table of a full-text index V (V_data, V_idx, ...), and the
 * tables of AUTOINCREMENT and ANALYZE. */
static bool made_by_sqlite(const char *type, const char *name, const char *sql)
{
	static const char autoindex[] = "sqlite_autoindex_";
	static const char *const own[] = { "sqlite_sequence", "sqlite_stat1", "sqlite_stat4" };
	static const char *const shadow[] = { "_data", "_idx", "_config", "_content", "_docsize" };
	if (strcmp(type, "index") == 0 && !sql && strncmp(name, autoindex, sizeof autoindex - 1) == 0) {
		char table[128];
		const char *t = name + sizeof autoindex - 1, *us = strrchr(t, '_');
		if (!us || (size_t)(us - t) >= sizeof table)
			return false;
		snprintf(table, sizeof table, "%.*s", (int)(us - t), t);
		return schema_has_name("TABLE", table);
	}
	if (strcmp(type, "table") != 0 || !sql)
		return false;
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		if (strcmp(name, own[i]) == 0)
			return strncmp(sql, "CREATE TABLE ", 13) == 0;
	for (size_t i = 0; i < sizeof shadow / sizeof *shadow; i++) {
		size_t nl = strlen(name), sl = strlen(shadow[i]);
		char vtab[128], head[160];
		if (nl <= sl || nl - sl >= sizeof vtab || strcmp(name + nl - sl, shadow[i]) != 0)
			continue;
		snprintf(vtab, sizeof vtab, "%.*s", (int)(nl - sl), name);
		snprintf(head, sizeof head, "CREATE TABLE '%s'(", name);
		return schema_has_name("VIRTUAL TABLE", vtab) && strncmp(sql, head, strlen(head)) == 0;
	}
	return false;
}

static int foreign_object(struct store *st, const char *type, const char *name, struct r57_err *err)
{
	const char *kind = strcmp(type, "trigger") == 0 ? _("trigger")
	                 : strcmp(type, "view") == 0    ? _("view")
	                 : strcmp(type, "index") == 0   ? _("index")
	                                                : _("table");
	char *path = text_safe(st->path, false), *what = text_safe(name, false);
	int rc = r57_fail(err, R57_EDB,
	                  _("%s: its %s \"%s\" was not made by r57 (another program changed the file); not opened, nothing changed"),
	                  path, kind, what);
	free(what);
	free(path);
	return rc;
}

static int schema_only_ours(struct store *st, int ver, struct r57_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_prepare(st, "SELECT type, name, sql FROM main.sqlite_master", &q, err);
	if (rc)
		return rc;
	int step;
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(q, 0);
		const char *name = (const char *)sqlite3_column_text(q, 1);
		const char *sql = (const char *)sqlite3_column_text(q, 2);
		if (type && name &&
		    (made_by_sqlite(type, name, sql) || (sql && schema_has_statement(sql, strlen(sql), ver))))
			continue;
		rc = foreign_object(st, type ? type : "?", name ? name : "?", err);
		break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("opening"));
	sqlite3_finalize(q);
	return rc;
}

/* The migrations, in order: each brings a file from version to - 1 to
 * version to (src/store/migrate_N.sql, made into C strings by make). */
static const struct {
	int to;
	const char *sql;
} migrations[] = {
	{ 2, r57_migrate_2_sql },
	{ 3, r57_migrate_3_sql },
	{ 4, r57_migrate_4_sql },
	{ 5, r57_migrate_5_sql },
};

/* The journal of a file of version 3 or before read as change_log rows,
 * temp.change_v3 (journal_int.h): what the migration to version 4
 * copies, and what r57 reads of a file it cannot write. */
static bool old_journal(struct store *st)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT count(*) FROM main.sqlite_master WHERE type = 'table'"
	                      " AND name = 'change'", &s, NULL))
		return false;
	bool yes = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	sqlite3_finalize(s);
	return yes;
}

static int old_journal_view(struct store *st, struct r57_err *err)
{
	char *select = journal_v3_select_sql();
	size_t len = strlen(select) + 64;
	char *sql = malloc(len);
	int rc;
	if (!sql) {
		free(select);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	snprintf(sql, len, "CREATE TEMP VIEW IF NOT EXISTS change_v3 AS %s", select);
	rc = store_exec(st, sql, err);
	free(sql);
	free(select);
	return rc;
}

/* A file older than version 2 read without write access: what version 2
 * added, as empty temporary tables (the temp schema is the connection's
 * own and never touches the file), so that it reads as a file without
 * reminders. */
static const char no_reminders_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS reminder (id INTEGER PRIMARY KEY, unit_id INTEGER,"
	" leader_id INTEGER, issued TEXT, as_of TEXT, within_days INTEGER, lang TEXT);"
	"CREATE TEMP TABLE IF NOT EXISTS reminder_task (id INTEGER PRIMARY KEY,"
	" reminder_id INTEGER, task_id INTEGER, due TEXT, days_late INTEGER);";

static int read_as_is(struct store *st, int ver, struct r57_err *err)
{
	st->version = ver;
	int rc = ver < 2 ? store_exec(st, no_reminders_sql, err) : R57_OK;
	if (rc || !old_journal(st))
		return rc;
	if (!(rc = old_journal_view(st, err)))
		rc = store_exec(st, "CREATE TEMP VIEW IF NOT EXISTS change_log AS SELECT * FROM temp.change_v3",
		                err);
	return rc;
}

/* SQLite's answer when the file, its folder or the medium cannot be
 * written (the rollback journal is made beside the file). */
static bool cannot_write(int code)
{
	switch (code & 0xff) {
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return true;
	default:
		return false;
	}
}

static int search_indexes_again(struct store *st, struct r57_err *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT count(*) FROM pragma_table_info('task_search')"
	                      " WHERE name = 'due_key'", &s, NULL))
		return R57_OK;
	bool fields = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	sqlite3_finalize(s);
	if (!fields)
		return R57_OK;
	char **ix;
	int n, rc = R57_OK;
	if (store_schema_indexes("task_search", &ix, &n))
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int i = 0; i < n && !rc; i++)
		if (!(rc = store_drop_index_of(st, ix[i], err)))
			rc = store_exec(st, ix[i], err);
	store_schema_indexes_free(ix, n);
	return rc;
}

/* Bring a file of version ver up to R57_SCHEMA_VERSION: every step and
 * the version bump in one BEGIN IMMEDIATE transaction, so that an
 * interrupted migration leaves the file as it was. Without write access
 * the file is read as it is (docs/storage.md). */
int store_migrate(struct store *st, int ver, struct r57_err *err)
{
	char what[64];
	int rc, now = ver;

	if (sqlite3_db_readonly(st->db, "main") == 1)
		return read_as_is(st, ver, err);
	snprintf(what, sizeof what, _("upgrading the database to schema version %d"), R57_SCHEMA_VERSION);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		if (cannot_write(sqlite3_extended_errcode(st->db)))
			return read_as_is(st, ver, err);
		return store_sqlerr(st, err, what);
	}
	/* Another r57 may have migrated it while this one waited for the lock. */
	if ((rc = pragma_int(st, "PRAGMA user_version", &now, err)))
		goto fail;
	if (now >= R57_SCHEMA_VERSION) {
		sqlite_store_rollback(st);
		if (now > R57_SCHEMA_VERSION)
			return store_check(st, &now, err);
		st->version = now;
		return R57_OK;
	}
	/* (a file made from the schema of today but stamped older, as
	 * tests/bench makes them, has the new journal and everything the
	 * migrations make already: only its version is set) */
	bool old = now < 4 && old_journal(st);
	if (old && (rc = old_journal_view(st, err)))
		goto fail;
	for (size_t i = 0; i < sizeof migrations / sizeof *migrations; i++) {
		if (migrations[i].to <= now || migrations[i].to > R57_SCHEMA_VERSION)
			continue;
		if (!old && migrations[i].to <= 4)
			continue;
		if (sqlite3_exec(st->db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK)
			goto sqlfail;
	}
	/* version 5: every entry sealed, in order (journal_seal.c) */
	if ((rc = journal_seal_pending(st, 0, err)))
		goto fail;
	/* Version 4's page indexes of the search index hold no copy of the
	 * words: made again from the schema's own text, from the rows
	 * task_search has (an early version 3 file, without its fields, is
	 * made again whole by search_early_v3). */
	if (old && now == 3 && (rc = search_indexes_again(st, err)))
		goto fail;
	char bump[64];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", R57_SCHEMA_VERSION);
	if (sqlite3_exec(st->db, bump, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto sqlfail;
	st->version = R57_SCHEMA_VERSION;
	return store_exec(st, "DROP VIEW IF EXISTS temp.change_v3", err);
sqlfail:
	if (cannot_write(sqlite3_extended_errcode(st->db))) {
		sqlite_store_rollback(st);
		return read_as_is(st, ver, err);
	}
	rc = store_sqlerr(st, err, what);
fail:
	sqlite_store_rollback(st);
	return rc;
}
