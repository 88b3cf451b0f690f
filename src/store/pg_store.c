/* pg_store.c: the PostgreSQL store's connection: open (a libpq URI or
 * keyword string; libpq's PG* variables, ~/.pgpass and sslmode apply),
 * the schema's check and `r57 init`, transactions, and the calls every
 * query of pg_*.c makes (pg_int.h). docs/postgresql.md says what the
 * server holds and who may do what. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "r57/text.h"
#include "backends.h"
#include "pg_int.h"
#include "store_rows.h"

/* The oldest server with what the schema uses (GENERATED AS IDENTITY,
 * EXECUTE FUNCTION in triggers, to_char's TZH:TZM). */
#define PG_MIN_SERVER 120000

/* --- values and results --------------------------------------------------- */

void pg_arg_text(struct pg_args *a, const char *s)
{
	if (a->n < PG_MAX_ARGS)
		a->v[a->n++] = s;
}

/* An empty optional field is none, as the SQLite store stores it
 * (store_bind_text_or_null). */
void pg_arg_text_or_null(struct pg_args *a, const char *s)
{
	pg_arg_text(a, s && *s ? s : NULL);
}

void pg_arg_int(struct pg_args *a, int64_t i)
{
	if (a->n >= PG_MAX_ARGS)
		return;
	snprintf(a->num[a->n], sizeof a->num[a->n], "%lld", (long long)i);
	a->v[a->n] = a->num[a->n];
	a->n++;
}

void pg_arg_id(struct pg_args *a, int64_t id)
{
	if (id)
		pg_arg_int(a, id);
	else
		pg_arg_text(a, NULL);
}

void pg_arg_day(struct pg_args *a, r57_day d)
{
	if (a->n >= PG_MAX_ARGS)
		return;
	if (d == R57_NO_DATE) {
		a->v[a->n++] = NULL;
		return;
	}
	date_iso(d, a->num[a->n]);
	a->v[a->n] = a->num[a->n];
	a->n++;
}

char *pg_dup(const PGresult *res, int r, int i)
{
	if (PQgetisnull(res, r, i))
		return NULL;
	char *s = strdup(PQgetvalue(res, r, i));
	if (!s)
		abort(); /* (as r57_xstrdup: out of memory has no way on) */
	return s;
}

int64_t pg_int(const PGresult *res, int r, int i)
{
	return PQgetisnull(res, r, i) ? 0 : strtoll(PQgetvalue(res, r, i), NULL, 10);
}

r57_day pg_day(const PGresult *res, int r, int i)
{
	r57_day d;
	if (!PQgetisnull(res, r, i) && date_from_iso(PQgetvalue(res, r, i), &d))
		return d;
	return R57_NO_DATE;
}

bool pg_null(const PGresult *res, int r, int i)
{
	return PQgetisnull(res, r, i) != 0;
}

/* The server's words, on one line and made safe. */
static char *server_says(const char *msg)
{
	char *one = strdup(msg ? msg : "");
	if (!one)
		return NULL;
	for (char *p = one; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	size_t n = strlen(one);
	while (n && one[n - 1] == ' ')
		one[--n] = '\0';
	char *safe = text_safe(one, false);
	free(one);
	return safe;
}

/* The server refused the login's rights (42501): said as what its r57
 * role may do (a focal point: its units), the server's own words only
 * for a role that may do everything r57 asks (an admin refused
 * something else). */
static int rights_refused(const struct pg_store *ps, const char *where, const char *who,
                          const char *says, struct r57_err *err)
{
	const char *role = ps->role ? ps->role : "";
	if (!*role)
		return r57_fail(err, R57_EDB,
		                _("%s: %s has no r57 role on this server (an r57 admin gives one with r57 role add); nothing was changed"),
		                where, who);
	if (strcmp(role, "viewer") == 0)
		return r57_fail(err, R57_EDB, _("%s: %s is an r57 viewer, who reads but changes nothing; nothing was changed"),
		                where, who);
	if (strcmp(role, "editor") == 0 && ps->n_focal) {
		/* a focal point: the server's policies held it to its units
		 * (r57 says so before writing; this is what got past that) */
		char *units = text_safe(ps->focal_names, false);
		int rc = r57_fail(err, R57_EDB, _("%s may change only the tasks whose lead unit is %s; nothing was changed"),
		                  who, units ? units : "");
		free(units);
		return rc;
	}
	if (strcmp(role, "editor") == 0)
		return r57_fail(err, R57_EDB,
		                _("%s: %s is an r57 editor: key task groups, units, leaders and sources are changed by an r57 admin; nothing was changed"),
		                where, who);
	return r57_fail(err, R57_EDB, _("%s: %s may not do this (the server refused: %s); nothing was changed"), where,
	                who, says ? says : "");
}

int pg_result_error(struct pg_store *ps, PGresult *res, const char *doing, struct r57_err *err)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char *where = text_safe(ps->where, false);
	char *who = text_safe(ps->login ? ps->login : "", false);
	char *says = server_says(res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)
	                             : PQerrorMessage(ps->conn));
	int rc;
	if (PQstatus(ps->conn) != CONNECTION_OK) {
		ps->failed = true;
		rc = r57_fail(err, R57_EDB, _("%s: the connection to the server was lost while %s (%s); nothing was changed"),
		              where, _(doing), says ? says : "");
	} else if (state && strcmp(state, "42501") == 0) {
		rc = rights_refused(ps, where, who, says, err);
	} else if (state && strcmp(state, "R5705") == 0) {
		rc = r57_fail(err, R57_EINPUT, _("%s: the journal that came does not match its seals (the server says: %s); nothing was changed"),
		              where, says ? says : "");
	} else if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	                     strcmp(state, "55P03") == 0)) {
		rc = r57_fail(err, R57_EBUSY, _("%s: busy: another official's change is being written; try again (%s)"),
		              where, says ? says : "");
	} else {
		rc = r57_fail(err, R57_EDB, _("%s: the server refused %s: %s"), where, _(doing),
		              says ? says : "");
	}
	free(where);
	free(who);
	free(says);
	return rc;
}

/* A connection lost between actions is made again (the screen lives
 * long; the server may have restarted): what was being done when it was
 * lost was rolled back by the server, and said so. Not inside an action:
 * its transaction is gone with the connection, and the action must end
 * (rollback) before anything else is sent. */
bool pg_reconnect(struct pg_store *ps)
{
	if (!ps->failed)
		return true;
	if (ps->in_tx)
		return false;
	PQreset(ps->conn);
	pg_pipe_forget(ps); /* (a new session: nothing prepared) */
	ps->prepares = 0;
	if (PQstatus(ps->conn) != CONNECTION_OK)
		return false;
	ps->failed = false;
	ps->anew = true;
	/* the session's settings, as pg_store_open makes them */
	PQclear(PQexec(ps->conn, "SET client_encoding = 'UTF8'"));
	PQclear(PQexec(ps->conn, "SET jit = off"));
	if (ps->listen == PG_LISTENING)
		PQclear(PQexec(ps->conn, "LISTEN r57_change"));
	pg_store_busy_timeout((struct store *)(void *)ps, ps->busy_ms);
	return true;
}

int pg_lost(struct pg_store *ps, struct r57_err *err)
{
	char *where = text_safe(ps->where, false);
	char *says = server_says(PQerrorMessage(ps->conn));
	int rc = r57_fail(err, R57_EDB, _("%s: the connection to the server was lost (%s)"), where,
	                  says ? says : "");
	free(where);
	free(says);
	return rc;
}

int pg_run(struct pg_store *ps, const char *sql, const struct pg_args *a, PGresult **out,
           const char *doing, struct r57_err *err)
{
	*out = NULL;
	if (ps->piped) {
		int rc = pg_pipe_end(ps, err);
		if (rc)
			return rc;
	}
	pg_reconnect(ps);
	if (ps->failed) {
		char *where = text_safe(ps->where, false);
		int rc = r57_fail(err, R57_EDB, _("%s: the connection to the server was lost; nothing was changed"), where);
		free(where);
		return rc;
	}
	PGresult *res = PQexecParams(ps->conn, sql, a ? a->n : 0, NULL, a ? a->v : NULL, NULL, NULL, 0);
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		*out = res;
		return R57_OK;
	}
	int rc = pg_result_error(ps, res, doing, err);
	PQclear(res);
	return rc;
}

int pg_do(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *doing,
          struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(ps, sql, a, &res, doing, err);
	PQclear(res);
	return rc;
}

int pg_unsupported(struct store *st, const char *what, struct r57_err *err)
{
	char *where = text_safe(pg_of(st)->where, false);
	int rc = r57_fail(err, R57_EDB, _("%s: %s is not yet possible on a PostgreSQL server (only on an SQLite file); nothing was changed"),
	                  where, what);
	free(where);
	return rc;
}

/* --- the connection ----------------------------------------------------------- */

bool pg_store_is_server(const char *where)
{
	return strncmp(where, "postgresql://", 13) == 0 || strncmp(where, "postgres://", 11) == 0 ||
	       strstr(where, "dbname=") != NULL;
}

/* The --db value for messages: a password in it (user:secret@ or
 * password=...) shown as ***. */
static char *hide_password(const char *where)
{
	char *s = strdup(where);
	if (!s)
		return NULL;
	char *at = strchr(s, '@'), *scheme = strstr(s, "://");
	if (scheme && at) {
		char *colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3));
		if (colon) {
			char *out = NULL;
			if (asprintf(&out, "%.*s:***%s", (int)(colon - s), s, at) < 0)
				out = NULL;
			free(s);
			s = out;
		}
	}
	char *pw = s ? strstr(s, "password=") : NULL;
	if (pw) {
		char *end = pw + 9;
		while (*end && *end != ' ' && *end != '&')
			end++;
		char *out = NULL;
		if (asprintf(&out, "%.*spassword=***%s", (int)(pw - s), s, end) < 0)
			out = NULL;
		free(s);
		s = out;
	}
	return s;
}

/* The schema's version on the server: 0 when there is no r57 schema. */
static int schema_version(struct pg_store *ps, int *ver, struct r57_err *err)
{
	PGresult *res;
	*ver = 0;
	int rc = pg_run(ps, "SELECT to_regclass('r57.meta') IS NOT NULL", NULL, &res,
	                N_("reading the schema"), err);
	if (rc)
		return rc;
	bool have = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!have)
		return R57_OK;
	if ((rc = pg_run(ps, "SELECT version FROM r57.meta WHERE id = 1", NULL, &res,
	                 N_("reading the schema"), err)))
		return rc;
	*ver = PQntuples(res) == 1 ? (int)pg_int(res, 0, 0) : -1;
	PQclear(res);
	return R57_OK;
}

/* The key task groups a new database starts with, as a file's. */
static int default_groups(struct pg_store *ps, struct r57_err *err)
{
	int rc = R57_OK;
	for (size_t i = 0; i < STORE_N_DEFAULT_GROUPS && !rc; i++) {
		struct pg_args a = { 0 };
		pg_arg_text(&a, store_default_groups[i]);
		pg_arg_int(&a, (int64_t)i + 1);
		rc = pg_do(ps, "INSERT INTO r57.task_group(name, position) VALUES ($1, $2)", &a,
		           N_("creating the database"), err);
	}
	return rc;
}

/* One of r57's SQL files (several statements) in the transaction begun. */
static int run_script(struct pg_store *ps, const char *sql, struct r57_err *err)
{
	PGresult *res = PQexec(ps->conn, sql);
	int rc = R57_OK;
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_result_error(ps, res, N_("creating the schema (r57 init)"), err);
	PQclear(res);
	return rc;
}

/* r57 init on a server of version 4: the seals (pg_migrate_5.sql), the
 * history there is sealed in order, in one transaction. */
static int upgrade_schema(struct pg_store *ps, struct r57_err *err)
{
	int rc = pg_do(ps, "BEGIN", NULL, N_("writing"), err);
	if (!rc && !(rc = run_script(ps, r57_pg_migrate_5_sql, err)))
		rc = pg_do(ps, "COMMIT", NULL, N_("writing"), err);
	if (rc)
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	return rc;
}

/* r57 init: the roles and the schema, in one transaction, with the
 * 'init' entry as on SQLite. Only a login that may create roles and
 * schemas can; any other is refused by the server. */
static int make_schema(struct pg_store *ps, const struct store_open_opts *o, struct r57_err *err)
{
	int rc = pg_do(ps, "BEGIN", NULL, N_("writing"), err);
	if (rc)
		return rc;
	if ((rc = run_script(ps, r57_pg_schema_sql, err)) || (rc = run_script(ps, r57_pg_migrate_5_sql, err))) {
		PQclear(PQexec(ps->conn, "ROLLBACK"));
		return rc;
	}
	char today[11];
	struct pg_args a = { 0 };
	pg_arg_text(&a, date_iso(o->today, today));
	if ((rc = pg_do(ps, "INSERT INTO r57.entry(at, day, actor, summary, kind, xid)"
	                    " VALUES (to_char(now(), 'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM'), $1,"
	                    " session_user, 'create the database', 'init', txid_current())",
	                &a, N_("writing"), err)) ||
	    (rc = default_groups(ps, err)) || (rc = pg_do(ps, "COMMIT", NULL, N_("writing"), err))) {
		PQclear(PQexec(ps->conn, "ROLLBACK"));
		return rc;
	}
	return R57_OK;
}

/* The server's notices (a warning, a NOTICE of a function) are not r57's
 * to show: what r57 says comes from its own messages, made safe. */
static void no_notices(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* The schema as this r57 knows it: made (r57 init on a new database),
 * brought from version 4 (r57 init: the seals), or a sentence that says
 * why not; the focal units of the login read. */
static int schema_ready(struct pg_store *ps, const struct store_open_opts *o, const char *shown,
                        struct r57_err *err)
{
	int rc, ver;
	if ((rc = schema_version(ps, &ver, err)))
		return rc;
	if (ver == R57_SCHEMA_VERSION && (rc = pg_focal_load(ps, err)))
		return rc;
	if (ver == 0 && o->init) {
		if ((rc = make_schema(ps, o, err)) || (rc = schema_version(ps, &ver, err)))
			return rc;
	}
	if (ver == 4 && o->init) {
		if ((rc = upgrade_schema(ps, err)) || (rc = schema_version(ps, &ver, err)))
			return rc;
	}
	if (ver == 0) {
		rc = r57_fail(err, R57_EDB, _("%s: no r57 database on this server yet (an admin runs r57 init to make one)"),
		              shown);
	} else if (ver > R57_SCHEMA_VERSION) {
		rc = r57_fail(err, R57_EDB,
		              _("%s: written by a newer r57 (schema version %d; this r57 knows up to %d); not opened, nothing changed"),
		              shown, ver, R57_SCHEMA_VERSION);
	} else if (ver == 4) {
		rc = r57_fail(err, R57_EDB, _("%s: an r57 database of schema version 4; an admin runs r57 init to bring it to version %d"),
		              shown, R57_SCHEMA_VERSION);
	} else if (ver < R57_SCHEMA_VERSION) {
		rc = r57_fail(err, R57_EDB, _("%s: not an r57 database (schema version %d)"), shown, ver);
	}
	return rc;
}

/* The login and, in the same round trip, its r57 role: the strongest
 * of the three it holds (their names sort admin, editor, viewer), or ""
 * (none, or no r57 on this server yet). */
#define LOGIN_SQL                                                                              \
	"SELECT session_user, COALESCE((SELECT substr(r.rolname, 5) FROM pg_roles r"           \
	" WHERE r.rolname IN ('r57_admin', 'r57_editor', 'r57_viewer')"                       \
	" AND pg_has_role(session_user, r.oid, 'USAGE') ORDER BY r.rolname LIMIT 1), '')"

int pg_store_open(const char *where, const struct store_open_opts *o, struct store **out,
                  struct r57_err *err)
{
	*out = NULL;
	int loaded = pg_lib_load(err);
	if (loaded)
		return loaded;
	struct pg_store *ps = calloc(1, sizeof *ps);
	if (!ps || !(ps->where = hide_password(where))) {
		free(ps);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	ps->head.ops = &pg_store_ops;
	ps->conn = PQconnectdb(where);
	char *shown = text_safe(ps->where, false);
	int rc = R57_OK;
	if (ps->conn)
		PQsetNoticeProcessor(ps->conn, no_notices, NULL);
	if (!ps->conn || PQstatus(ps->conn) != CONNECTION_OK) {
		char *says = server_says(ps->conn ? PQerrorMessage(ps->conn) : "out of memory");
		rc = r57_fail(err, R57_EDB, _("%s: cannot connect to the server (%s)"), shown, says ? says : "");
		free(says);
		goto fail;
	}
	if (PQserverVersion(ps->conn) < PG_MIN_SERVER) {
		rc = r57_fail(err, R57_EDB, _("%s: the server is PostgreSQL %d; r57 needs 12 or newer"), shown,
		              PQserverVersion(ps->conn) / 10000);
		goto fail;
	}
	PGresult *res;
	/* Every value is read and written as UTF-8 text, whatever the
	 * database's or the client's locale. No JIT: r57's statements take
	 * milliseconds, and the planner's guess at the figures' subqueries
	 * passes jit_above_cost, whose compiling then costs seconds (2 s of a
	 * 0.3 s report at 100,000 tasks). */
	if ((rc = pg_do(ps, "SET client_encoding = 'UTF8'", NULL, N_("connecting"), err)) ||
	    (rc = pg_do(ps, "SET jit = off", NULL, N_("connecting"), err)) ||
	    (rc = pg_run(ps, LOGIN_SQL, NULL, &res, N_("connecting"), err)))
		goto fail;
	ps->login = pg_dup(res, 0, 0);
	ps->role = pg_dup(res, 0, 1);
	PQclear(res);
	/* Another action's lock is waited for as long as in a file. */
	pg_store_busy_timeout((struct store *)(void *)ps, 5000);
	if ((rc = schema_ready(ps, o, shown, err)))
		goto fail;
	if (rc)
		goto fail;
	free(shown);
	*out = (struct store *)(void *)ps;
	return R57_OK;
fail:
	free(shown);
	pg_store_close((struct store *)(void *)ps);
	return rc;
}

void pg_store_close(struct store *st)
{
	struct pg_store *ps = pg_of(st);
	if (ps->conn)
		PQfinish(ps->conn);
	pg_pipe_forget(ps);
	free(ps->where);
	free(ps->login);
	free(ps->role);
	free(ps->focal);
	free(ps->focal_names);
	free(ps);
}

const char *pg_store_path(const struct store *st)
{
	return ((const struct pg_store *)(const void *)st)->where;
}

const char *pg_store_actor(const struct store *st)
{
	return ((const struct pg_store *)(const void *)st)->login;
}

/* --- transactions ------------------------------------------------------------- */

/* The key of the lock every r57 action on a server holds (an advisory
 * lock of the transaction): "R57" in ASCII. */
#define PG_WRITE_LOCK 0x523537

int pg_store_begin(struct store *st, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	/* One action at a time, as in a file (BEGIN IMMEDIATE): an action
	 * reads a task and writes it back whole, and two at once would lose
	 * one's change. The lock waits lock_timeout (store_busy_timeout), then
	 * says busy. Deferred references are checked at commit, as on SQLite,
	 * where an undo puts rows back in any order. */
	char lock[80];
	PGresult *res = NULL;
	/* (the transaction's id comes with the lock, in the same round trip:
	 * pg_store_commit asks after it when the COMMIT's answer is lost) */
	snprintf(lock, sizeof lock, "SELECT pg_advisory_xact_lock(%d), txid_current()", PG_WRITE_LOCK);
	ps->xid = 0;
	int rc = pg_do(ps, "BEGIN ISOLATION LEVEL READ COMMITTED", NULL, N_("writing"), err);
	if (!rc && ((rc = pg_run(ps, lock, NULL, &res, N_("writing"), err)) ||
	            (rc = pg_do(ps, "SET CONSTRAINTS ALL DEFERRED", NULL, N_("writing"), err))))
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	if (res && PQntuples(res) == 1)
		ps->xid = pg_int(res, 0, 1);
	PQclear(res);
	ps->in_tx = rc == R57_OK;
	return rc;
}

/* The connection was lost with the COMMIT sent: the server may have
 * committed before the answer was lost. Connected again, it says which
 * (txid_status): committed is done, and must not be said as nothing
 * changed (the screen would let it be sent twice); aborted is nothing
 * changed, as the message says; unknown (the server still unreachable)
 * is said as unknown. The transaction's old backend may still be ending:
 * asked for up to a second while it is in progress. */
static int commit_lost(struct pg_store *ps, int rc, struct r57_err *err)
{
	char *where = text_safe(ps->where, false);
	for (int tries = 0; tries < 20; tries++) {
		if (!pg_reconnect(ps))
			break;
		struct pg_args a = { 0 };
		struct r57_err ignored = { 0 };
		PGresult *res;
		pg_arg_int(&a, ps->xid);
		if (pg_run(ps, "SELECT txid_status($1)", &a, &res, N_("reading"), &ignored))
			break;
		const char *st = PQntuples(res) == 1 && !PQgetisnull(res, 0, 0) ? PQgetvalue(res, 0, 0) : "";
		bool done = strcmp(st, "committed") == 0, undone = strcmp(st, "aborted") == 0;
		PQclear(res);
		if (done) {
			if (err)
				memset(err, 0, sizeof *err);
			free(where);
			return R57_OK;
		}
		if (undone) {
			free(where);
			return rc; /* (the message says nothing was changed: true) */
		}
		nanosleep(&(struct timespec){ .tv_nsec = 50000000 }, NULL);
	}
	rc = r57_fail(err, R57_EDB, _("%s: the connection to the server was lost as the change was being written: it may have been written or not; look at r57 history before doing it again"),
	              where);
	free(where);
	return rc;
}

int pg_store_commit(struct store *st, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	int rc = pg_do(ps, "COMMIT", NULL, N_("writing"), err);
	ps->in_tx = false;
	if (rc && ps->failed && ps->xid)
		return commit_lost(ps, rc, err);
	if (rc)
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	return rc;
}

void pg_store_rollback(struct store *st)
{
	struct pg_store *ps = pg_of(st);
	if (ps->piped)
		pg_pipe_end(ps, NULL); /* (what failed is being undone) */
	if (ps->in_tx && !ps->failed)
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	ps->in_tx = false;
}

bool pg_store_damaged(const struct store *st)
{
	(void)st;
	return false; /* (the server keeps its own pages; it says when it cannot) */
}

int pg_store_damage_error(struct store *st, struct r57_err *err)
{
	char *where = text_safe(pg_of(st)->where, false);
	int rc = r57_fail(err, R57_EDB, _("%s: the server reported an error; nothing was changed"), where);
	free(where);
	return rc;
}

void pg_store_busy_timeout(struct store *st, int ms)
{
	struct pg_store *ps = pg_of(st);
	char sql[64];
	ps->busy_ms = ms;
	snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms > 0 ? ms : 1);
	if (!ps->failed)
		PQclear(PQexec(ps->conn, sql));
}

/* Any change anyone made shows as a new newest change. */
int pg_store_data_version(struct store *st, int64_t *v, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st), "SELECT coalesce(max(id), 0) FROM r57.change_log", NULL, &res,
	                N_("reading"), err);
	if (rc)
		return rc;
	*v = pg_int(res, 0, 0);
	PQclear(res);
	return R57_OK;
}
