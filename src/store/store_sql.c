/* store_sql.c: the SQLite store's dealings with SQLite itself: its errors
 * turned into one clear line that names the file, the damage it reports,
 * the SQL functions r57 gives each connection (folding, search words,
 * Vietnamese order), preparing, caching and running statements, and the
 * column and parameter helpers every file of the store uses. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "store_int.h"

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

int damaged_fail(struct store *st, struct r57_err *err, const char *doing)
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

/* Before a file is opened: SQLite's reports of damage are watched (set up
 * once, before SQLite's first use: it is refused after), and what an
 * earlier file of this process showed is forgotten. */
void store_damage_watch(void)
{
	static bool logging;
	if (!logging) {
		/* (before SQLite's first use: it is refused after) */
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, (void *)NULL);
		logging = true;
	}
	damage_seen = 0; /* (what an earlier file of this process showed is not this one's) */
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

/* r57's SQL functions on connection db, each deterministic and innocuous. */
void store_functions(sqlite3 *db)
{
	sqlite3_create_function(db, "r57_fold", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_fold, NULL, NULL);
	sqlite3_create_function(db, "r57_casefold", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_casefold, NULL, NULL);
	sqlite3_create_function(db, "r57_search_body", 2,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_search_body, NULL, NULL);
	sqlite3_create_function(db, "r57_words", -1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_words, NULL, NULL);
	sqlite3_create_function(db, "r57_sortkey", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_sortkey, NULL, NULL);
	sqlite3_create_function(db, "r57_person_key", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_person_key, NULL, NULL);
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
