/* store_int.h: what the store's own files (store*.c, journal*.c) share and
 * nothing else sees: the connection and small SQLite helpers. */
#ifndef R57_STORE_INT_H
#define R57_STORE_INT_H

#include <sqlite3.h>
#include <time.h>
#include "r57/store.h"
#include "r57/store_ops.h"
#include "backends.h"

/* Prepared statements kept for the screen, whose keystrokes run the same
 * few queries again and again. */
#define STORE_CACHE 16
struct cached_stmt {
	char *sql;
	sqlite3_stmt *stmt;
	unsigned long used;
};

/* The SQLite store's handle: the head the front reads first (store_ops.h),
 * then the connection. */
struct store {
	struct store_head head;
	sqlite3 *db;
	char *path;
	struct cached_stmt cache[STORE_CACHE];
	unsigned long clock;
	bool verified; /* store_begin's check passed on this connection */
	int busy_ms;   /* how long a lock is waited for (store_busy_timeout) */
	struct timespec busy_since; /* when the current wait began */
	unsigned busy_rand; /* the wait's random tries (store.c busy_wait) */
	bool verify_any_size; /* store_open_opts.verify_any_size */
	int version;   /* the file's schema version as opened: R57_SCHEMA_VERSION,
	                * or older when it was opened without write access */
	int64_t seal_from; /* the newest entry when the write began (journal_seal.c) */
};

int store_sqlerr(struct store *st, struct r57_err *err, const char *doing);
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
                  struct r57_err *err);
int store_exec(struct store *st, const char *sql, struct r57_err *err);
/* A prepared statement from the cache (prepared on first use); hand it back
 * with store_release, never sqlite3_finalize. */
int store_cached(struct store *st, const char *sql, sqlite3_stmt **out,
                 struct r57_err *err);
void store_release(sqlite3_stmt *s);
char *store_col_dup(sqlite3_stmt *s, int i);
r57_day store_col_day(sqlite3_stmt *s, int i);
void store_bind_day(sqlite3_stmt *s, int i, r57_day d);
void store_bind_text_or_null(sqlite3_stmt *s, int i, const char *t);
void store_bind_id_or_null(sqlite3_stmt *s, int i, int64_t id);

/* The search index (task_search, task_search_fts; docs/storage.md): the
 * connection's triggers that keep it, made when the file is opened, and
 * whether it is up to date, built again first when it is not and the file
 * can be written. false: search must fold every row itself. */
int store_search_triggers(struct store *st, struct r57_err *err);
/* Drop the connection's search triggers (a bulk import leaves the index to
 * the next search's rebuild: kept row by row it costs three times the
 * import). */
int store_search_triggers_drop(struct store *st, struct r57_err *err);
bool store_search_ready(struct store *st);
/* Build task_search and its full-text index again from task, inside the
 * caller's write transaction (a bulk import can call it at its end, with
 * the connection's triggers dropped while it writes). */
int store_search_rebuild(struct store *st, struct r57_err *err);

/* The list's filter as SQL (store_list.c), for the figures: plan it, write
 * "SELECT t.id FROM ... WHERE ..." (the tasks `r57 list` shows with it),
 * bind its parameters (:today and the filter's own names), free. */
struct search;
struct task_filter;
int store_filter_plan(struct store *st, const struct task_filter *f, struct search **out,
                      struct r57_err *err);
size_t store_filter_ids(const struct task_filter *f, const struct search *sr, char *buf,
                        size_t len);
void store_filter_bind(sqlite3_stmt *s, const struct task_filter *f, const struct search *sr,
                       r57_day today);
void store_filter_free(struct search *sr);

/* The CREATE INDEX statements of r57's built-in schema (schema.sql) on
 * table, in its order: what a bulk write drops and makes again. Never
 * the text of the file's sqlite_master, which a crafted file could fill
 * with statements of its own. R57_ENOMEM or R57_OK. */
int store_schema_indexes(const char *table, char ***out, int *n);
void store_schema_indexes_free(char **v, int n);
/* DROP INDEX IF EXISTS the index such a statement makes. */
int store_drop_index_of(struct store *st, const char *create, struct r57_err *err);

/* A bulk write of tasks (an import, the undo or redo of a big entry):
 * the indexes of task and task_unit that r57's schema makes dropped, and
 * the connection's search triggers (the next search builds the index
 * again); store_bulk_indexes makes them again, each in one sorted pass
 * (kept row by row they cost several times the rest). Free it either
 * way with store_bulk_free. */
struct store_bulk {
	char **ix;
	int n;
};
int store_bulk_begin(struct store *st, struct store_bulk *b, struct r57_err *err);
int store_bulk_indexes(struct store *st, struct store_bulk *b, struct r57_err *err);
void store_bulk_free(struct store_bulk *b);
/* Set the page cache to kib KiB; the value it had, for store_cache_back
 * (0: unknown, left as it is). */
int store_cache_set(struct store *st, int kib);
void store_cache_back(struct store *st, int old);

/* Between the files of the SQLite store, each named by its own file.
 * store_sql.c: the refusal of a file SQLite has seen damaged (doing: what
 * r57 was at, N_()); the watch of SQLite's reports of damage, set up and
 * cleared before each file is opened; r57's SQL functions on a connection. */
int damaged_fail(struct store *st, struct r57_err *err, const char *doing);
void store_damage_watch(void);
void store_functions(sqlite3 *db);
/* store_schema.c: a fresh file made; a file identified (*ver_out its
 * schema version, 0 for an empty file) and refused unless it is r57's and
 * holds only r57's objects; one of version ver migrated (or read as it is
 * without write access); an integer a PRAGMA or SELECT answers. */
int store_init(struct store *st, const struct store_open_opts *o, struct r57_err *err);
int store_check(struct store *st, int *ver_out, struct r57_err *err);
int store_migrate(struct store *st, int ver, struct r57_err *err);
int pragma_int(struct store *st, const char *sql, int *out, struct r57_err *err);
/* store_search.c: what the search triggers noted written to the
 * full-text index, before a commit. */
int search_fts_flush(struct store *st, struct r57_err *err);

/* The SQLite store's operations (store_ops.h), one per operation of the
 * interface, and their table (sqlite_ops.c). */
#define SQLITE_STORE_PROTO(type, pub, member, params, args) type sqlite_store_##member params;
#define SQLITE_STORE_PROTO_V(pub, member, params, args) void sqlite_store_##member params;
R57_STORE_OPS(SQLITE_STORE_PROTO, SQLITE_STORE_PROTO_V)
#undef SQLITE_STORE_PROTO
#undef SQLITE_STORE_PROTO_V
extern const struct store_ops sqlite_store_ops;

#endif
