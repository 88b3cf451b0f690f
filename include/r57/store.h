/* store.h: the one door to the database. Every SQL statement of r57 lives
 * behind these functions (src/store*.c, src/store/journal.c); nothing above them
 * knows SQL, so a second backend can stand beside the SQLite one. */
#ifndef R57_STORE_H
#define R57_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"

#define R57_SCHEMA_VERSION 5
#define R57_APPLICATION_ID 0x52353701 /* "R57\1" */

struct store;

enum task_status { TASK_OPEN, TASK_DONE, TASK_CANCELLED };

/* One task as read for display; strings are owned by the task and freed by
 * task_clear(). Names are those of the referenced rows, NULL when unset. */
struct task {
	int64_t id;
	char uuid[37];
	char *title, *notes, *product, *result;
	int64_t group_id, leader_id, unit_id, source_id; /* 0 = none */
	int group_number;                                /* position, 0 = none */
	char *group_name, *leader_name, *unit_name, *source_code;
	char *units;        /* coordinating units' names, joined by "; " (for
	                     * people to read: a name may hold "; " itself) */
	char **unit_list;   /* ... the same names one by one (data formats) */
	int n_units;
	int year;           /* 0 = none */
	r57_day due, first_due, closed, created;
	int extensions;
	enum task_status status;
	char *updated;      /* ISO time of the last change */
};
void task_clear(struct task *t);
struct task_row;
void task_row_from(struct task_row *r, const struct task *t);
const char *task_status_name(enum task_status s);
bool task_status_parse(const char *s, enum task_status *out);

/* The values an action writes into a task row; ids already resolved.
 * Strings are borrowed from the caller. task_row_from() points them into a
 * task read with store_task_get(). */
struct task_row {
	char uuid[37];
	const char *title, *notes, *product, *result;
	int64_t group_id, leader_id, unit_id, source_id;
	int year;
	r57_day due, first_due, closed, created;
	int extensions;
	enum task_status status;
};

/* A filter as `r57 list` and the screen's `/` take it (see filter.h). */
struct task_filter;

/* Groups, leaders, units and sources share one shape. */
enum ref_kind { REF_GROUP, REF_LEADER, REF_UNIT, REF_SOURCE };
struct ref {
	int64_t id;
	char *name;     /* group/leader/unit name; source code */
	char *title;    /* leader title, source title; NULL otherwise */
	char *extra;    /* leader's unit name, source's issue date (ISO) */
	int position;   /* groups: their number; 0 otherwise */
	int64_t uses;   /* tasks that refer to it */
	int64_t extra_id; /* leader's unit (0 = none); 0 otherwise */
};
void ref_clear(struct ref *r);
const char *ref_kind_name(enum ref_kind k); /* "group", "leader", ... */

/* Open (creating if asked and absent) the database at path. A file that
 * is not an r57 database, damaged, or from a newer r57 is refused with a
 * message naming the path; nothing is written to it. A file of an older
 * schema version is migrated in place, in one transaction, when it can be
 * written; opened without write access it is read as it is, without
 * reminders (docs/storage.md). */
struct store_open_opts {
	bool create;        /* create the file if it does not exist */
	bool make_dirs;     /* create missing parent folders (mode 0700) */
	bool read_only;     /* the command only reads: open an existing file
	                     * read-only (no migration; every change refused) */
	bool verify_any_size; /* check every page before the first change
	                       * whatever the file's size (the screen: once
	                       * per session); otherwise only files up to
	                       * STORE_VERIFY_MAX_BYTES (docs/storage.md) */
	bool init;          /* r57 init: on a server, make the schema and the
	                     * roles where there are none (a file is made by
	                     * create) */
	const char *actor;  /* for the 'init' journal entry */
	const char *now;    /* ISO time for that entry */
	r57_day today;
};
int store_open(const char *path, const struct store_open_opts *o,
               struct store **out, struct r57_err *err);
/* The largest file whose pages a command-line change checks first
 * (PRAGMA quick_check: about 2 ms a megabyte, docs/storage.md). */
#define STORE_VERIFY_MAX_BYTES (8L * 1024 * 1024)
/* The largest file checked whole first, its indexes against their tables
 * too (PRAGMA integrity_check: about 12 ms a megabyte; larger files get
 * quick_check as above). */
#define STORE_VERIFY_FULL_MAX_BYTES (1L * 1024 * 1024)
void store_close(struct store *st);
const char *store_path(const struct store *st);
/* The actor a server writes into every entry, whatever the client says
 * (the login, PostgreSQL's session_user); NULL for a file, where the
 * caller names the actor (--actor, $R57_ACTOR, the user's login). */
const char *store_actor(const struct store *st);
/* On a server, who may do what (r57 role, docs/postgresql.md): a login's
 * role, and for an editor the units it is the focal point of (none: any
 * task). A file has no logins: these refuse there. */
enum role_kind { ROLE_VIEWER, ROLE_EDITOR, ROLE_ADMIN };
struct role {
	const char *login;
	enum role_kind kind;
	const int64_t *units;
	int n_units;
};
typedef int (*role_each_fn)(const struct role *r, void *ctx);
const char *role_kind_name(enum role_kind k); /* "viewer", "editor", "admin" */
int store_role_list(struct store *st, role_each_fn each, void *ctx, struct r57_err *err);
/* Give login the role kind (replacing the one it had); an editor with n
 * units is their focal point. */
int store_role_set(struct store *st, const char *login, enum role_kind kind,
                   const int64_t *units, int n, struct r57_err *err);
/* Take every r57 role from login (the login itself stays the server's). */
int store_role_remove(struct store *st, const char *login, struct r57_err *err);

/* Whether a --db value names a server rather than a file: a
 * postgresql:// or postgres:// URI, or a libpq string with dbname=. */
bool store_is_server(const char *where);

/* Write transactions: every change happens between store_begin (BEGIN
 * IMMEDIATE) and store_commit; store_rollback undoes it. */
int store_begin(struct store *st, struct r57_err *err);
int store_commit(struct store *st, struct r57_err *err);
void store_rollback(struct store *st);
/* Whether SQLite reported damage (SQLITE_CORRUPT, SQLITE_NOTADB) anywhere
 * since the file was opened, even in a read whose caller went on: the
 * command then ends with store_damage_error's message, never exit 0. */
bool store_damaged(const struct store *st);
int store_damage_error(struct store *st, struct r57_err *err);

/* r57 check (store_check.c): SQLite's integrity and foreign key checks,
 * then r57's own invariants (every row is accounted for by the journal
 * and every change in it is one r57 writes; the search index holds every
 * task as it is). Each problem is
 * one line to fn, made safe to print; *n counts them. Writes nothing. */
/* r57 backup (store_backup.c): a consistent copy of the whole file at
 * path, mode 0600, by SQLite's online backup; an existing path only with
 * force. Nothing is left at path when it fails. */
int store_backup(struct store *st, const char *path, bool force, struct r57_err *err);

typedef void (*store_problem_fn)(const char *line, void *ctx);
int store_check_all(struct store *st, store_problem_fn fn, void *ctx, int *n,
                    struct r57_err *err);

/* --- tasks ------------------------------------------------------------ */
int store_task_get(struct store *st, int64_t id, struct task *out,
                   struct r57_err *err);           /* R57_ENOTFOUND */
int store_task_insert(struct store *st, const struct task_row *r,
                      const char *now, int64_t *id_out, struct r57_err *err);
int store_task_update(struct store *st, int64_t id, const struct task_row *r,
                      const char *now, struct r57_err *err);
int store_task_delete(struct store *st, int64_t id, struct r57_err *err);
/* Coordinating units of a task. */
int store_task_units(struct store *st, int64_t id, int64_t **ids, int *n,
                     struct r57_err *err);
int store_task_unit_add(struct store *st, int64_t task, int64_t unit,
                        struct r57_err *err);
int store_task_unit_remove(struct store *st, int64_t task, int64_t unit,
                           struct r57_err *err);

/* Tasks matching f, in the filter's order, after the keyset position
 * (after_id = 0 from the start), at most limit (0 = all). each() returns
 * non-zero to stop. Only the rows handed out are read. */
typedef int (*task_each_fn)(const struct task *t, void *ctx);
int store_task_list(struct store *st, const struct task_filter *f,
                    r57_day today, int limit, task_each_fn each, void *ctx,
                    struct r57_err *err);
int store_task_count(struct store *st, const struct task_filter *f,
                     r57_day today, int64_t *out, struct r57_err *err);
/* Does `r57 list` with filter f show task id today? (*yes) */
int store_task_matches(struct store *st, const struct task_filter *f, r57_day today,
                       int64_t id, bool *yes, struct r57_err *err);

/* --- groups, leaders, units, sources ----------------------------------- */
typedef int (*ref_each_fn)(const struct ref *r, void *ctx);
int store_ref_list(struct store *st, enum ref_kind k, ref_each_fn each,
                   void *ctx, struct r57_err *err);
/* Every group, leader, unit or source in the order of store_ref_list,
 * with only its id, name and (leaders: their unit's name, sources: their
 * title) title, and a group's number (position): one cheap query, without
 * the counts of their tasks. */
int store_ref_names(struct store *st, enum ref_kind k, ref_each_fn each,
                    void *ctx, struct r57_err *err);
int store_ref_get(struct store *st, enum ref_kind k, int64_t id,
                  struct ref *out, struct r57_err *err);
/* Find by what the user typed: a number (id; position for groups) or a
 * name. The first of these that matches anything decides: the exact name
 * (NFC, case aside); the name with diacritics aside; a part typed with its
 * diacritics (only when typed with some); a part with diacritics aside.
 * Several matches there are ambiguous: the message lists them. */
int store_ref_find(struct store *st, enum ref_kind k, const char *typed,
                   int64_t *id_out, struct r57_err *err);
/* The same for a name that may be new (--new): one typed with diacritics
 * is not found by a name that differs from it only in them ("Sở Nôi vu"
 * is not "Sở Nội vụ"), so that it is created; typed without any, the
 * name is found as above. */
int store_ref_find_new(struct store *st, enum ref_kind k, const char *typed,
                       int64_t *id_out, struct r57_err *err);
/* True if another than `except` has a name that is `name` with case and
 * diacritics aside ("Nguyễn Văn Ân" and "Nguyễn Văn An"); warn->msg then
 * says which, a line made safe to print. */
bool store_ref_lookalike(struct store *st, enum ref_kind k, const char *name,
                         int64_t except, struct r57_err *warn);
int store_ref_insert(struct store *st, enum ref_kind k, const char *name,
                     const char *title, int64_t unit_id, const char *extra,
                     int64_t *id_out, struct r57_err *err);
int store_ref_rename(struct store *st, enum ref_kind k, int64_t id,
                     const char *name, struct r57_err *err);
int store_ref_set_title(struct store *st, enum ref_kind k, int64_t id,
                        const char *title, struct r57_err *err);
int store_ref_delete(struct store *st, enum ref_kind k, int64_t id,
                     struct r57_err *err);
/* Move group id to position pos (1-based), renumbering the others. */
int store_group_move(struct store *st, int64_t id, int pos,
                     struct r57_err *err);



/* --- figures (report.c builds on these) -------------------------------- */
struct figures;
struct selection;

/* What tasks are grouped by, in figures and on the screen. */
enum group_by { BY_GROUP, BY_LEADER, BY_UNIT, BY_SOURCE, BY_MONTH };

/* Counts for sel as of as_of, one call of each() per bucket that has
 * tasks: bucket is the group (leader, unit, source) id, 0 for none; for
 * BY_MONTH, month is "yyyy-mm" ("" for no deadline) and bucket 0. The state
 * of a task on a past date is read from the journal (docs/figures.md).
 * rate_bp is left 0. */
typedef int (*figures_each_fn)(int64_t bucket, const char *month,
                               const struct figures *fig, void *ctx);
int store_figures(struct store *st, const struct selection *sel,
                  enum group_by by, r57_day as_of, r57_day since,
                  figures_each_fn each, void *ctx, struct r57_err *err);

/* --- the screen --------------------------------------------------------- */

/* A number that changes whenever another connection commits: the screen
 * polls it to show others' changes without reading anything else. */
int store_data_version(struct store *st, int64_t *v, struct r57_err *err);

/* How long a statement waits for another writer's lock before giving up
 * (5000 ms when opened). The screen waits less for the reads it makes on
 * its own, so a locked database never freezes the keyboard. */
void store_busy_timeout(struct store *st, int ms);

/* Others' changes as the server tells them (PostgreSQL's LISTEN/NOTIFY),
 * so that the screen waits on a file descriptor instead of asking:
 * store_listen starts listening the first time and gives *fd, the socket
 * to wait on beside the keyboard (it may change: ask again before each
 * wait), or -1 for a store that does not tell, which the screen polls
 * with store_data_version (an SQLite file, whose data_version costs no
 * read). A connection found lost is made again here (and listened on
 * again); *anew then says so: what was told meanwhile is lost, so
 * everything is read again. It fails only while the server cannot be
 * reached. store_notified takes what has arrived, without waiting and
 * without a query, and says whether anything changed since (another
 * login's action; the store's own are not told); it fails when the
 * connection is found lost. */
int store_listen(struct store *st, int *fd, bool *anew, struct r57_err *err);
int store_notified(struct store *st, bool *changed, struct r57_err *err);

/* One page of the tasks of one bucket (as store_figures names them) that
 * match f, in the order of f->sort, strictly after (or, backward, before)
 * the position (sort value, id); sort value NULL = from the start (end).
 * The sort value of a task is task_sort_value(). Only `limit` rows are read
 * (keyset paging). Backward pages come newest-first. */
int store_task_page(struct store *st, const struct task_filter *f,
                    r57_day today, enum group_by by, int64_t bucket,
                    const char *month, const char *after_sort,
                    int64_t after_id, bool backward, int limit,
                    task_each_fn each, void *ctx, struct r57_err *err);
/* The value a task sorts by under sort (a filter_sort), newly allocated. */
char *task_sort_value(const struct task *t, int sort);

#endif
