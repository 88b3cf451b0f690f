/* store.c: opening the SQLite file safely (refusing what is not ours, damaged
 * or newer), creating and migrating the schema, transactions, and turning
 * SQLite's errors into one clear line that names the file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "r57/store.h"
#include "r57/text.h"
#include "journal_int.h"
#include "store_int.h"
#include "store_rows.h"

/* Damage SQLite saw anywhere in this process: in a read's sqlite3_step,
 * in a finalize, in a statement whose caller took "no row" for an answer.
 * SQLite's error log is the one place every such report passes (it is
 * process-wide by design, so this flag is too); store_commit refuses to
 * write after it and the command ends with the damage message. */
static volatile int damage_seen;

static void sqlite_log(void *arg, int code, const char *msg)
{
	(void)arg;
	(void)msg;
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		damage_seen = 1;
}

bool sqlite_store_damaged(const struct store *st)
{
	(void)st;
	return damage_seen != 0;
}

static int damaged_fail(struct store *st, struct r57_err *err, const char *doing)
{
	char *path = text_safe(st->path, false);
	int code = r57_fail(err, R57_EDB,
	                    _("%s: the database is damaged (%s, while %s); restore it from a backup"),
	                    path, "database disk image is malformed", _(doing));
	free(path);
	return code;
}

int sqlite_store_damage_error(struct store *st, struct r57_err *err)
{
	return damaged_fail(st, err, N_("reading"));
}

int store_sqlerr(struct store *st, struct r57_err *err, const char *doing)
{
	int rc = sqlite3_extended_errcode(st->db);
	char *path = text_safe(st->path, false);
	int code;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = r57_fail(err, R57_EBUSY,
		                _("%s: the database is locked by another program; try again (while %s)"),
		                path, _(doing));
		break;
	case SQLITE_READONLY:
		code = r57_fail(err, R57_EDB,
		                _("%s: the database is read-only; nothing was changed (check the permissions of the file and its folder)"),
		                path);
		break;
	case SQLITE_CORRUPT:
		code = r57_fail(err, R57_EDB,
		                _("%s: the database is damaged (%s, while %s); restore it from a backup"),
		                path, sqlite3_errmsg(st->db), _(doing));
		break;
	case SQLITE_NOTADB:
		code = r57_fail(err, R57_EDB, _("%s: not an r57 database (not an SQLite file)"), path);
		break;
	case SQLITE_FULL:
		code = r57_fail(err, R57_EIO, _("%s: the disk is full; nothing was changed"), path);
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_PERM:
		code = r57_fail(err, R57_EIO, _("%s: cannot read or write the database (%s, while %s)"),
		                path, sqlite3_errmsg(st->db), _(doing));
		break;
	default: {
		/* the journal's JSON is r57's own: JSON that does not parse
		 * was damaged in the file (tests/fault/damage.py) */
		if (strcmp(sqlite3_errmsg(st->db), "malformed JSON") == 0) {
			code = r57_fail(err, R57_EDB,
			                _("%s: the database is damaged (%s, while %s); restore it from a backup"),
			                path, "malformed JSON", _(doing));
			break;
		}
		char *m = text_safe(sqlite3_errmsg(st->db), false);
		code = r57_fail(err, R57_EDB, _("%s: database error while %s: %s"), path, _(doing), m);
		free(m);
	}
	}
	free(path);
	return code;
}

/* Case- and diacritic-blind matching inside SQL: r57_fold(text). */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = text_fold((const char *)s);
	if (!f) {
		sqlite3_result_text(ctx, (const char *)s, -1, SQLITE_TRANSIENT);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

/* r57_search_body(text, marks): the words search compares (text.h). */
static void sql_search_body(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *b = text_search_body(s ? (const char *)s : "", sqlite3_value_int(argv[1]) != 0);
	if (!b) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	sqlite3_result_text(ctx, b, -1, free);
}

/* r57_words(body, w1, w2, ...): 1 when every word is in body, a task's
 * words as r57_search_body makes them (" nang cap he thong "), each word
 * as text_search_word makes it (" nang cap"): what search asks of each
 * row it checks, in one call (memmem), not one instr() per word. */
static void sql_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const void *body = sqlite3_value_blob(argv[0]);
	size_t blen = (size_t)sqlite3_value_bytes(argv[0]);
	for (int i = 1; i < argc; i++) {
		const void *w = sqlite3_value_blob(argv[i]);
		size_t wlen = (size_t)sqlite3_value_bytes(argv[i]);
		if (wlen && (!body || !memmem(body, blen, w, wlen))) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	}
	sqlite3_result_int(ctx, 1);
}

/* r57_sortkey(text), r57_person_key(name): Vietnamese order as a key that
 * compares BINARY (text.h). */
static void sql_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	sqlite3_result_text(ctx, text_sort_key(s ? (const char *)s : ""), -1, free);
}

static void sql_person_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	sqlite3_result_text(ctx, text_person_key(s ? (const char *)s : ""), -1, free);
}

static void sql_casefold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *f = s ? text_casefold((const char *)s) : NULL;
	if (!f) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
                  struct r57_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("reading"));
	return R57_OK;
}

int store_cached(struct store *st, const char *sql, sqlite3_stmt **out,
                 struct r57_err *err)
{
	struct cached_stmt *slot = &st->cache[0];
	for (int i = 0; i < STORE_CACHE; i++) {
		struct cached_stmt *c = &st->cache[i];
		if (c->sql && strcmp(c->sql, sql) == 0) {
			c->used = ++st->clock;
			sqlite3_clear_bindings(c->stmt);
			*out = c->stmt;
			return R57_OK;
		}
		if (c->used < slot->used)
			slot = c;
	}
	/* Evict the least recently used. */
	free(slot->sql);
	sqlite3_finalize(slot->stmt);
	memset(slot, 0, sizeof *slot);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("reading"));
	slot->sql = strdup(sql);
	if (!slot->sql) {
		sqlite3_finalize(*out);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	slot->stmt = *out;
	slot->used = ++st->clock;
	return R57_OK;
}

void store_release(sqlite3_stmt *s)
{
	/* Reset, so no read transaction stays open while the screen waits. */
	sqlite3_reset(s);
}

int store_exec(struct store *st, const char *sql, struct r57_err *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("writing"));
	return R57_OK;
}

/* A fresh file: schema, identity, the 'init' entry and default groups. */
static int store_init(struct store *st, const struct store_open_opts *o,
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

static int pragma_int(struct store *st, const char *sql, int *out,
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
static int store_check(struct store *st, int *ver_out, struct r57_err *err)
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
static int store_migrate(struct store *st, int ver, struct r57_err *err)
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
		if (!old)
			continue;
		if (sqlite3_exec(st->db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK)
			goto sqlfail;
	}
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

static int make_parent_dirs(const char *path)
{
	char *dup = strdup(path);
	if (!dup)
		return -1;
	for (char *p = dup + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dup, 0700) != 0 && errno != EEXIST) {
			free(dup);
			return -1;
		}
		*p = '/';
	}
	free(dup);
	return 0;
}

static char *parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Waiting for another program's lock. SQLite's own busy handler
 * (sqlite3_busy_timeout) sleeps longer and longer between tries, 100 ms
 * once it has waited a while, so a writer that has waited loses the lock
 * to every newcomer, who tries again after 1 ms: under eight busy writers
 * some waited past the 5 s and their users got "locked"
 * (tests/fault/concur.py, docs/reliability.md). This one tries at random
 * moments, more often the longer it has waited (every 2 to 4 ms at first,
 * every 0.25 to 0.5 ms after a second), so the oldest waiter tends to win,
 * until busy_ms have passed since the wait began. */
static long long ms_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000LL + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static int busy_wait(void *arg, int tries)
{
	struct store *st = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (tries == 0)
		st->busy_since = now;
	long long waited = ms_between(&st->busy_since, &now);
	if (waited >= st->busy_ms)
		return 0;
	long us = waited < 100 ? 2000 : waited < 1000 ? 1000 : 250;
	st->busy_rand = st->busy_rand * 1103515245u + 12345u;
	us += (long)((st->busy_rand >> 16) % (unsigned)us); /* [us, 2us) */
	struct timespec nap = { 0, us * 1000L };
	nanosleep(&nap, NULL);
	return 1;
}

static void set_busy(struct store *st, int ms)
{
	st->busy_ms = ms;
	if (!st->busy_rand)
		st->busy_rand = (unsigned)getpid() ^ (unsigned)time(NULL);
	sqlite3_busy_handler(st->db, ms > 0 ? busy_wait : NULL, st);
}

/* Open the connection: read-write (read-only when the file cannot be
 * written, as SQLite does) or, with ro, read-only. */
static int store_connect(struct store *st, bool ro, struct r57_err *err)
{
	if (sqlite3_open_v2(st->path, &st->db, ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
	                    NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("opening"));
	sqlite3_extended_result_codes(st->db, 1);
	set_busy(st, 5000);
	/* The file is data, never code (docs/storage.md): no statement of
	 * r57's can corrupt it (DEFENSIVE: no writable_schema), and nothing
	 * else is attached to it. trusted_schema goes off once the file is
	 * known to be of this version (sqlite_store_open): its schema calls
	 * no function. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_limit(st->db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_create_function(st->db, "r57_fold", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_fold, NULL, NULL);
	sqlite3_create_function(st->db, "r57_casefold", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_casefold, NULL, NULL);
	sqlite3_create_function(st->db, "r57_search_body", 2,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_search_body, NULL, NULL);
	sqlite3_create_function(st->db, "r57_words", -1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_words, NULL, NULL);
	sqlite3_create_function(st->db, "r57_sortkey", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_sortkey, NULL, NULL);
	sqlite3_create_function(st->db, "r57_person_key", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_person_key, NULL, NULL);
	/* The rollback journal, not WAL: Debian 12's SQLite predates the fix
	 * for the WAL-reset bug (docs/storage.md). Pragmas below write nothing.
	 * EXTRA, not FULL: a commit is the journal's unlink, and only a synced
	 * folder keeps it through a power cut; under FULL the journal can come
	 * back and roll back a change r57 has already reported done
	 * (tests/fault/fault.py powercut, the cut at exit). cell_size_check:
	 * a damaged page is reported as damage when it is read, not followed. */
	return store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = EXTRA;"
	                      " PRAGMA cell_size_check = ON;", err);
}

int sqlite_store_open(const char *path, const struct store_open_opts *o,
               struct store **out, struct r57_err *err)
{
	struct stat sb;
	bool created = false;
	int rc, ver = 0;
	char *safe = text_safe(path, false);

	*out = NULL;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			rc = r57_fail(err, R57_EIO, _("%s: not a regular file"), safe);
			free(safe);
			return rc;
		}
	} else if (errno == ENOENT && o->create) {
		if (o->make_dirs && make_parent_dirs(path) != 0) {
			rc = r57_fail(err, R57_EIO, _("%s: cannot create its folder (%s)"), safe, strerror(errno));
			free(safe);
			return rc;
		}
		char *dir = parent_dir(path);
		struct stat db;
		if (!dir || stat(dir, &db) != 0 || !S_ISDIR(db.st_mode)) {
			char *sdir = text_safe(dir ? dir : path, false);
			rc = r57_fail(err, R57_EIO, _("%s: cannot create the database: folder %s does not exist"),
			              safe, sdir);
			free(sdir);
			free(dir);
			free(safe);
			return rc;
		}
		free(dir);
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			rc = r57_fail(err, R57_EIO, _("%s: cannot create the database (%s)"), safe, strerror(errno));
			free(safe);
			return rc;
		}
		close(fd);
		created = true;
	} else {
		rc = r57_fail(err, R57_EIO, _("%s: cannot open the database (%s)"), safe, strerror(errno));
		free(safe);
		return rc;
	}

	static bool logging;
	if (!logging) {
		/* (before SQLite's first use: it is refused after) */
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, (void *)NULL);
		logging = true;
	}
	damage_seen = 0; /* (what an earlier file of this process showed is not this one's) */
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		free(safe);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	st->head.ops = &sqlite_store_ops;
	st->verify_any_size = o->verify_any_size;
	/* A command that only reads opens an existing file read-only. */
	bool ro = o->read_only && !created;
	if ((rc = store_connect(st, ro, err)) || (rc = store_check(st, &ver, err)))
		goto fail;
	if (ver == 0 && ro) {
		/* An empty file to be made a database: that is a write. */
		sqlite3_close(st->db);
		st->db = NULL;
		if ((rc = store_connect(st, false, err)) || (rc = store_check(st, &ver, err)))
			goto fail;
	}
	if (ver == 0)
		rc = store_init(st, o, err);
	else if (ver < R57_SCHEMA_VERSION)
		rc = store_migrate(st, ver, err);
	else
		st->version = ver;
	/* The file of this version calls no SQL function from its schema: a
	 * trigger, view or index another program slipped in may not either
	 * (schema_only_ours refused them already; this is the second lock).
	 * An older file read as it is keeps its own r57 statements running. */
	if (!rc && st->version == R57_SCHEMA_VERSION)
		rc = store_exec(st, "PRAGMA trusted_schema = OFF", err);
	if (!rc && st->version >= 3)
		rc = store_search_triggers(st, err);
	if (rc)
		goto fail;
	free(safe);
	*out = st;
	return R57_OK;
fail:
	sqlite_store_close(st);
	if (created)
		unlink(path);
	free(safe);
	return rc;
}

void sqlite_store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STORE_CACHE; i++) {
		free(st->cache[i].sql);
		sqlite3_finalize(st->cache[i].stmt);
	}
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *sqlite_store_path(const struct store *st)
{
	return st->path;
}

const char *sqlite_store_actor(const struct store *st)
{
	(void)st;
	return NULL; /* (a file's actor is whoever its caller says) */
}

/* A file has no logins: whoever may write it may change all of it. */
static int no_roles(struct store *st, struct r57_err *err)
{
	char *safe = text_safe(st->path, false);
	int rc = r57_fail(err, R57_EUSAGE,
	                  _("%s: roles are a PostgreSQL server's; a database file has no logins (whoever may write the file may change all of it)"),
	                  safe);
	free(safe);
	return rc;
}

int sqlite_store_role_list(struct store *st, role_each_fn each, void *ctx, struct r57_err *err)
{
	(void)each;
	(void)ctx;
	return no_roles(st, err);
}

int sqlite_store_role_set(struct store *st, const char *login, enum role_kind kind,
                          const int64_t *units, int n, struct r57_err *err)
{
	(void)login;
	(void)kind;
	(void)units;
	(void)n;
	return no_roles(st, err);
}

int sqlite_store_role_remove(struct store *st, const char *login, struct r57_err *err)
{
	(void)login;
	return no_roles(st, err);
}

/* The check store_begin makes before the first change: integrity_check on
 * a file small enough that it costs a few milliseconds (it also finds an
 * index that misses a row of its table, which quick_check cannot see);
 * quick_check on a larger one up to STORE_VERIFY_MAX_BYTES, or of any size
 * for a long session (the screen pays it once); none for a larger file,
 * which still has cell_size_check on every page a change reads, and r57
 * check. NULL: no check. */
static const char *verify_pragma(struct store *st)
{
	int pages = 0, size = 0;
	struct r57_err ignored = {0};
	if (pragma_int(st, "PRAGMA page_count", &pages, &ignored) ||
	    pragma_int(st, "PRAGMA page_size", &size, &ignored))
		return "PRAGMA quick_check(1)"; /* the check itself will say what is wrong */
	long long bytes = (long long)pages * size;
	if (bytes <= STORE_VERIFY_FULL_MAX_BYTES)
		return "PRAGMA integrity_check(1)";
	if (st->verify_any_size || bytes <= STORE_VERIFY_MAX_BYTES)
		return "PRAGMA quick_check(1)";
	return NULL;
}

int sqlite_store_begin(struct store *st, struct r57_err *err)
{
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		char *p = text_safe(st->path, false);
		int rc = r57_fail(err, R57_EDB,
		                  _("%s: the database is read-only; nothing was changed (check the permissions of the file)"),
		                  p);
		free(p);
		return rc;
	}
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("starting a change"));
	if (damage_seen) {
		sqlite_store_rollback(st);
		return damaged_fail(st, err, N_("starting a change"));
	}
	/* Nothing is written into a file SQLite can see is damaged: its
	 * pages are checked once per connection, under the write lock,
	 * before the first change, where that costs little (verify_pragma;
	 * docs/storage.md: what runs when). */
	const char *check = st->verified ? NULL : verify_pragma(st);
	if (check) {
		sqlite3_stmt *q = NULL;
		bool good = sqlite3_prepare_v2(st->db, check, -1, &q, NULL) == SQLITE_OK &&
		            sqlite3_step(q) == SQLITE_ROW &&
		            strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
		sqlite3_finalize(q);
		if (!good) {
			sqlite_store_rollback(st);
			return damaged_fail(st, err, N_("starting a change"));
		}
		st->verified = true;
	}
	return R57_OK;
}

/* Write to the full-text index what the search triggers noted: the old
 * words of each task out, its words now in. */
static int search_fts_flush(struct store *st, struct r57_err *err)
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

int sqlite_store_commit(struct store *st, struct r57_err *err)
{
	int frc = search_fts_flush(st, err);
	if (frc) {
		sqlite_store_rollback(st);
		return frc;
	}
	if (damage_seen) {
		sqlite_store_rollback(st);
		return damaged_fail(st, err, N_("saving the change"));
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_sqlerr(st, err, N_("saving the change"));
		sqlite_store_rollback(st);
		return rc;
	}
	return R57_OK;
}

void sqlite_store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Column helpers shared by the store files. */
char *store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

r57_day store_col_day(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	r57_day d;
	if (t && date_from_iso((const char *)t, &d))
		return d;
	return R57_NO_DATE;
}

void store_bind_day(sqlite3_stmt *s, int i, r57_day d)
{
	char buf[11];
	if (d == R57_NO_DATE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, date_iso(d, buf), -1, SQLITE_TRANSIENT);
}

void store_bind_text_or_null(sqlite3_stmt *s, int i, const char *t)
{
	if (t && *t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

void store_bind_id_or_null(sqlite3_stmt *s, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

void sqlite_store_busy_timeout(struct store *st, int ms)
{
	if (st && st->db)
		set_busy(st, ms);
}
