/* pg_int.h: what the PostgreSQL store's files (pg_*.c) share and nothing
 * else sees: the connection, its parameters, and the calls every query
 * makes. Every statement is sent with its values as parameters ($1, $2,
 * ...), in text: no value is ever written into SQL text. */
#ifndef R57_PG_INT_H
#define R57_PG_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <libpq-fe.h>
#include "r57/err.h"
#include "r57/store.h"
#include "r57/store_ops.h"

/* libpq's functions as r57 calls them: loaded on the first connection
 * (pg_lib.c), so that a command on a file never loads libpq. */
#define PG_API_FUNCS(F) \
	F(PQclear) F(PQgetvalue) F(PQntuples) F(PQexec) F(PQresultStatus) \
	F(PQresultErrorField) F(PQgetisnull) F(PQexecParams) F(PQstatus) \
	F(PQserverVersion) F(PQerrorMessage) F(PQcmdTuples) F(PQsetNoticeProcessor) \
	F(PQreset) F(PQfinish) F(PQconnectdb) F(PQsocket) F(PQconsumeInput) F(PQnotifies) \
	F(PQfreemem) F(PQbackendPID) \
	F(PQenterPipelineMode) F(PQexitPipelineMode) F(PQpipelineSync) \
	F(PQsendQueryParams) F(PQgetResult) F(PQsendPrepare) F(PQsendQueryPrepared)
#define PG_API_MEMBER(name) __typeof__(name) *name;
struct pg_api {
	PG_API_FUNCS(PG_API_MEMBER)
};
#undef PG_API_MEMBER
extern const struct pg_api *pg_api;
/* Load libpq once: R57_OK, or the message that it is not installed. */
int pg_lib_load(struct r57_err *err);
#ifndef PG_LIB_SELF
#define PQclear(...) pg_api->PQclear(__VA_ARGS__)
#define PQgetvalue(...) pg_api->PQgetvalue(__VA_ARGS__)
#define PQntuples(...) pg_api->PQntuples(__VA_ARGS__)
#define PQexec(...) pg_api->PQexec(__VA_ARGS__)
#define PQresultStatus(...) pg_api->PQresultStatus(__VA_ARGS__)
#define PQresultErrorField(...) pg_api->PQresultErrorField(__VA_ARGS__)
#define PQgetisnull(...) pg_api->PQgetisnull(__VA_ARGS__)
#define PQexecParams(...) pg_api->PQexecParams(__VA_ARGS__)
#define PQstatus(...) pg_api->PQstatus(__VA_ARGS__)
#define PQserverVersion(...) pg_api->PQserverVersion(__VA_ARGS__)
#define PQerrorMessage(...) pg_api->PQerrorMessage(__VA_ARGS__)
#define PQcmdTuples(...) pg_api->PQcmdTuples(__VA_ARGS__)
#define PQsetNoticeProcessor(...) pg_api->PQsetNoticeProcessor(__VA_ARGS__)
#define PQreset(...) pg_api->PQreset(__VA_ARGS__)
#define PQfinish(...) pg_api->PQfinish(__VA_ARGS__)
#define PQconnectdb(...) pg_api->PQconnectdb(__VA_ARGS__)
#define PQsocket(...) pg_api->PQsocket(__VA_ARGS__)
#define PQconsumeInput(...) pg_api->PQconsumeInput(__VA_ARGS__)
#define PQnotifies(...) pg_api->PQnotifies(__VA_ARGS__)
#define PQfreemem(...) pg_api->PQfreemem(__VA_ARGS__)
#define PQbackendPID(...) pg_api->PQbackendPID(__VA_ARGS__)
#define PQenterPipelineMode(...) pg_api->PQenterPipelineMode(__VA_ARGS__)
#define PQexitPipelineMode(...) pg_api->PQexitPipelineMode(__VA_ARGS__)
#define PQpipelineSync(...) pg_api->PQpipelineSync(__VA_ARGS__)
#define PQsendQueryParams(...) pg_api->PQsendQueryParams(__VA_ARGS__)
#define PQgetResult(...) pg_api->PQgetResult(__VA_ARGS__)
#define PQsendPrepare(...) pg_api->PQsendPrepare(__VA_ARGS__)
#define PQsendQueryPrepared(...) pg_api->PQsendQueryPrepared(__VA_ARGS__)
#endif

/* The most statements sent ahead of their results (pg_pipe.c): enough
 * that a round trip is shared by many rows, few enough that the results
 * waiting in the socket never fill it while r57 is still sending. */
#define PG_PIPE_MAX 500
/* The statements prepared on the connection for the pipeline: each
 * text is parsed and planned once, not once a row (a copy sends one text
 * per table). */
#define PG_PIPE_PREPARED 16

/* The PostgreSQL store's handle: the head the front reads first
 * (store_ops.h), then the connection. */
struct pg_store {
	struct store_head head;
	PGconn *conn;
	char *where;     /* the --db value as given, for messages (its password hidden) */
	char *login;     /* session_user: the actor of every entry */
	/* the login's r57 role when it connected ("admin", "editor",
	 * "viewer", or "" for none), so that a refusal of the server's
	 * rights is said as what the role may do, not as the SQL error */
	char *role;
	bool in_tx;      /* between store_begin and commit or rollback */
	int64_t xid;     /* that transaction's id (txid_current) */
	bool failed;     /* the connection broke: every call says so */
	int busy_ms;     /* lock_timeout, set again on a new connection */
	/* LISTEN r57_change (pg_notify.c): on, listened again on a new
	 * connection; off for good on a server whose schema does not tell
	 * (made before entry_notify), which the screen then polls. */
	enum { PG_UNHEARD, PG_LISTENING, PG_DEAF } listen;
	bool anew;       /* connected again since the screen last asked */
	/* A unit's focal point: the units whose tasks the login may change
	 * (the server enforces it; r57 says it before the server refuses). */
	int64_t *focal;
	int n_focal;
	char *focal_names; /* their names, ", " between */
	/* Statements sent in pipeline mode whose results are not read yet
	 * (pg_pipe.c), and what each was doing, for its message. */
	int piped;
	const char *piped_doing[PG_PIPE_MAX];
	char *prepared[PG_PIPE_PREPARED]; /* their texts */
	int prepared_no[PG_PIPE_PREPARED]; /* and names, r57_pipe_<no>: never used twice */
	int n_prepared, prepares;
};

/* Read the login's focal units (pg_role.c). */
int pg_focal_load(struct pg_store *ps, struct r57_err *err);
/* R57_OK when the login may change a task whose lead unit is unit (and,
 * when also is not -1, then is): else the sentence that it may not. */
int pg_focal_check(struct pg_store *ps, int64_t unit, int64_t also, struct r57_err *err);
/* The same for the task with this id as it is now. */
int pg_focal_check_task(struct pg_store *ps, int64_t task, int64_t also, struct r57_err *err);

static inline struct pg_store *pg_of(struct store *st)
{
	return (struct pg_store *)(void *)st;
}

/* The values of one statement, as text; NULL is SQL NULL. A filter of
 * the list alone may have 40 (its day, five names, two deadlines, and
 * each of its 16 words twice); the figures add theirs. */
#define PG_MAX_ARGS 64
struct pg_args {
	const char *v[PG_MAX_ARGS];
	char num[PG_MAX_ARGS][24];
	int n;
};
void pg_arg_text(struct pg_args *a, const char *s);      /* NULL: NULL */
void pg_arg_text_or_null(struct pg_args *a, const char *s); /* NULL or "": NULL */
void pg_arg_int(struct pg_args *a, int64_t i);
void pg_arg_id(struct pg_args *a, int64_t id);           /* 0: NULL */
void pg_arg_day(struct pg_args *a, r57_day d);           /* R57_NO_DATE: NULL */

/* A task row's values as $1 .. $20: its columns in schema order (uuid ..
 * updated, the last now), then what search compares (folded, and with
 * the diacritics: text_search_body) and the title's key (text_sort_key),
 * which r57 writes with every row (pg_task.c). */
#define PG_TASK_COLS "uuid, title, notes, product, result, group_id, leader_id, unit_id," \
	" source_id, year, due, first_due, extensions, status, closed, created, updated," \
	" search_body, search_marks, title_key"
/* A task with its names, as store_task_get gives it: the columns
 * pg_read_task reads, units (column 15: "<bytes>:<name>"... as
 * store_rows.h unpacks it) given by the caller (PLAIN: none). */
#define PG_TASK_SELECT(units) \
	"SELECT t.id, t.uuid, t.title, t.notes, t.product, t.result," \
	" t.group_id, t.leader_id, t.unit_id, t.source_id," \
	" g.position, g.name, l.name, u.name, s.code," units \
	" t.year, t.due, t.first_due, t.closed, t.created, t.extensions, t.status, t.updated" \
	" FROM r57.task t" \
	" LEFT JOIN r57.task_group g ON g.id = t.group_id" \
	" LEFT JOIN r57.leader l ON l.id = t.leader_id" \
	" LEFT JOIN r57.unit u ON u.id = t.unit_id" \
	" LEFT JOIN r57.source s ON s.id = t.source_id"
#define PG_TASK_SELECT_PLAIN PG_TASK_SELECT(" NULL,")
void pg_read_task(const PGresult *res, int r, struct task *t);

struct pg_row_args {
	struct pg_args a;
	char *body, *marks, *key;
};
void pg_row_args(struct pg_row_args *ra, const struct task_row *r, const char *now);
void pg_row_args_free(struct pg_row_args *ra);

/* Run sql with a's values (a may be NULL). R57_OK with *out the result
 * (PQclear it) when it returned rows or none; on an error, a message
 * saying what was being done (doing: "reading", "writing", ...) and what
 * the server said, and *out is NULL. A refusal of the server's rights
 * (42501) says that the login may not, never the raw SQL error. */
int pg_run(struct pg_store *ps, const char *sql, const struct pg_args *a, PGresult **out,
           const char *doing, struct r57_err *err);
/* The same, for a statement whose rows are not wanted. */
int pg_do(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *doing,
          struct r57_err *err);

/* Send a write whose result is only "done" without waiting for it: in
 * libpq's pipeline mode, up to PG_PIPE_MAX at a time, so that an import
 * or a copy of 100,000 rows costs some 200 round trips, not 100,000.
 * The first error among them comes back from the next pg_pipe_end, which
 * pg_run calls before anything else (a read sees every write before it,
 * in order), and commit and rollback with it. */
int pg_pipe_send(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *doing,
                 struct r57_err *err);
/* Read every result sent ahead and leave pipeline mode: R57_OK, or the
 * message of the first statement that failed (the rest were not run). */
int pg_pipe_end(struct pg_store *ps, struct r57_err *err);
/* Forget the statements prepared (the connection was made again). */
void pg_pipe_forget(struct pg_store *ps);
/* The message of a failed result (res NULL: the connection's own), as
 * pg_run gives it. */
int pg_result_error(struct pg_store *ps, PGresult *res, const char *doing, struct r57_err *err);

/* Column i of row r: a copy (NULL for NULL), an integer (0 for NULL), a day. */
char *pg_dup(const PGresult *res, int r, int i);
int64_t pg_int(const PGresult *res, int r, int i);
r57_day pg_day(const PGresult *res, int r, int i);
bool pg_null(const PGresult *res, int r, int i);

/* The condition of a filter of `r57 list` on r57.task t (pg_filter.c):
 * where, " WHERE true AND ...", with its values in a as $1, $2, ...;
 * pg_filter_free frees the words it holds. */
struct pg_filter {
	char where[2048];
	size_t n;
	struct pg_args a;
	char *words[2 * FILTER_MAX_WORDS];
	int nwords;
};
int pg_filter_build(const struct task_filter *f, r57_day today, struct pg_filter *fs,
                    struct r57_err *err);
void pg_filter_free(struct pg_filter *fs);

/* A connection found lost (failed), outside a transaction, made again
 * with the session's settings (and LISTEN, when listening): true when
 * it is up. */
bool pg_reconnect(struct pg_store *ps);
/* The message that the connection is lost, with libpq's reason. */
int pg_lost(struct pg_store *ps, struct r57_err *err);

/* An operation this store does not have yet: a clear refusal, nothing done. */
int pg_unsupported(struct store *st, const char *what, struct r57_err *err);

/* The store's operations (store_ops.h), and their table (pg_ops.c). */
#define PG_STORE_PROTO(type, pub, member, params, args) type pg_store_##member params;
#define PG_STORE_PROTO_V(pub, member, params, args) void pg_store_##member params;
R57_STORE_OPS(PG_STORE_PROTO, PG_STORE_PROTO_V)
#undef PG_STORE_PROTO
#undef PG_STORE_PROTO_V
extern const struct store_ops pg_store_ops;

#endif
