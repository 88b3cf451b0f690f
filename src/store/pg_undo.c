/* pg_undo.c: undo and redo on a PostgreSQL server, set-wise, as journal.c
 * does them in a file (docs/undo.md): the same entry chosen (the login's
 * own newest), the same checks before anything is written (every change
 * one the triggers write, each row's changes a chain, no row changed
 * since by another action, nothing it would remove in use), the same
 * statements (one per table and kind of step), the same refusals
 * (journal_int.h). What differs is PostgreSQL's: change_log's values are
 * text, cast back by the column's type (journal_table_types); a bit of
 * cols is tested with <> 0; the undo holds the journal against other
 * writers from its check to its commit (r57.lock_journal), where a file
 * has one writer at a time anyway; and the folded words and title key of
 * the tasks it puts back are written again by r57 (pg_task.c). Every
 * statement binds $1 the entry whose changes are read (x), $2 and $3
 * the first and last id of its changes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_int.h"
#include "pg_int.h"
#include "queries.h"

#define MAX_COLS 17
#define SQL_MAX 32768

/* --- building the statements ------------------------------------------------ */

struct sqlbuf {
	char s[SQL_MAX];
	size_t n;
};

static void put(struct sqlbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct sqlbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, SQL_MAX - b->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= SQL_MAX - b->n)
		abort(); /* built from the journal's own table of columns */
	b->n += (size_t)k;
}

static struct sqlbuf *sql_new(void)
{
	struct sqlbuf *b = malloc(sizeof *b);
	if (!b)
		abort();
	b->s[0] = '\0';
	b->n = 0;
	return b;
}

/* Table i's columns: how many, the k-th (0-based) and its length. */
static int n_cols(size_t i)
{
	int n = 1;
	for (const char *c = journal_table_cols(i); *c; c++)
		n += *c == ' ';
	return n;
}

static const char *column(size_t i, int k, int *len)
{
	const char *c = journal_table_cols(i);
	for (; k > 0; k--) {
		c += strcspn(c, " ");
		c += *c == ' ';
	}
	*len = (int)strcspn(c, " ");
	return c;
}

static bool integer_col(size_t i, int k)
{
	return journal_table_types(i)[k] == 'i';
}

static long all_bits(size_t i)
{
	return (1L << n_cols(i)) - 1;
}

/* c is the first change of x to its row; c is one of x's. */
#define FIRST(c) \
	" NOT EXISTS (SELECT 1 FROM r57.change_log p WHERE p.tbl = " c ".tbl AND p.row_id = " c ".row_id" \
	" AND p.id >= $2 AND p.id < " c ".id AND p.entry = $1)"
#define OF_X(c) " " c ".id BETWEEN $2 AND $3 AND " c ".entry = $1 "

/* The value column k of table i gets back from the first change f of x to
 * its row: f's own when it recorded it, else that of the first later
 * change of x that did; as the column's type. */
static void put_value(struct sqlbuf *b, size_t i, int k)
{
	long bit = 1L << k;
	put(b, "(CASE WHEN (f.cols & %ld) <> 0 THEN f.v%d ELSE (SELECT p.v%d FROM r57.change_log p"
	       " WHERE p.tbl = %d AND p.row_id = f.row_id AND p.id > f.id AND p.id <= $3"
	       " AND p.entry = $1 AND (p.cols & %ld) <> 0 ORDER BY p.id LIMIT 1) END)%s",
	    bit, k + 1, k + 1, journal_table_code(i), bit, integer_col(i, k) ? "::bigint" : "");
}

static char *done(struct sqlbuf *b)
{
	char *s = strdup(b->s);
	free(b);
	if (!s)
		abort();
	return s;
}

/* A change of table i whose values are not as the triggers write them. */
static void put_bad_values(struct sqlbuf *b, size_t i)
{
	int n = n_cols(i);
	long all = all_bits(i);
	put(b, "(CASE op WHEN 1 THEN cols <> 0 WHEN 3 THEN cols <> %ld ELSE cols <= 0 OR (cols & ~%ld) <> 0 END",
	    all, all);
	for (int k = 0; k < MAX_COLS; k++) {
		if (k >= n) {
			put(b, " OR v%d IS NOT NULL", k + 1);
			continue;
		}
		put(b, " OR (v%d IS NOT NULL AND (cols & %ld) = 0)", k + 1, 1L << k);
		if (integer_col(i, k))
			put(b, " OR v%d !~ '^-?[0-9]{1,18}$'", k + 1);
	}
	put(b, ")");
}

/* The first change of x that is not one the triggers write. */
static char *bad_change_sql(void)
{
	struct sqlbuf *b = sql_new();
	put(b, "SELECT id FROM r57.change_log WHERE" OF_X("change_log") "AND (tbl NOT IN (");
	for (size_t i = 0; i < journal_n_tables(); i++)
		put(b, "%s%d", i ? ", " : "", journal_table_code(i));
	put(b, ") OR op NOT IN (1, 2, 3) OR CASE tbl");
	for (size_t i = 0; i < journal_n_tables(); i++) {
		put(b, " WHEN %d THEN ", journal_table_code(i));
		put_bad_values(b, i);
	}
	put(b, " ELSE false END) ORDER BY id LIMIT 1");
	return done(b);
}

/* The first change of x that does not follow from the change before it
 * to the same row. */
static const char broken_chain_sql[] =
	"SELECT c.id FROM r57.change_log c WHERE" OF_X("c") "AND"
	" CASE c.op WHEN 1 THEN coalesce((SELECT p.op FROM r57.change_log p WHERE p.tbl = c.tbl"
	"   AND p.row_id = c.row_id AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) <> 3"
	" ELSE coalesce((SELECT p.op FROM r57.change_log p WHERE p.tbl = c.tbl"
	"   AND p.row_id = c.row_id AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) = 3 END"
	" ORDER BY c.id LIMIT 1";

/* Remove the rows x added. */
static char *delete_sql(size_t i)
{
	struct sqlbuf *b = sql_new();
	put(b, "DELETE FROM r57.%s WHERE id IN (SELECT c.row_id FROM r57.change_log c WHERE" OF_X("c")
	       "AND c.tbl = %d AND c.op = 1 AND" FIRST("c") ")", journal_table(i), journal_table_code(i));
	return done(b);
}

/* Set back the rows x changed that are there now. */
static char *update_sql(size_t i)
{
	struct sqlbuf *b = sql_new();
	const char *t = journal_table(i);
	int n = n_cols(i), code = journal_table_code(i);
	put(b, "UPDATE r57.%s SET ", t);
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(i, k, &len);
		long bit = 1L << k;
		put(b, "%s%.*s = CASE WHEN (f.cols & %ld) <> 0 THEN f.v%d%s WHEN NOT f.multi THEN %s.%.*s"
		       " WHEN EXISTS (SELECT 1 FROM r57.change_log p WHERE p.tbl = %d AND p.row_id = f.row_id"
		       " AND p.id > f.id AND p.id <= $3 AND p.entry = $1 AND (p.cols & %ld) <> 0) THEN ",
		    k ? ", " : "", len, c, bit, k + 1, integer_col(i, k) ? "::bigint" : "", t, len, c, code, bit);
		put_value(b, i, k);
		put(b, " ELSE %s.%.*s END", t, len, c);
	}
	put(b, " FROM (SELECT c.id, c.row_id, c.cols");
	for (int k = 0; k < n; k++)
		put(b, ", c.v%d", k + 1);
	put(b, ", EXISTS (SELECT 1 FROM r57.change_log o WHERE o.tbl = c.tbl AND o.row_id = c.row_id"
	       " AND o.id > c.id AND o.id <= $3 AND o.entry = $1) AS multi"
	       " FROM r57.change_log c WHERE" OF_X("c") "AND c.tbl = %d AND c.op <> 1 AND" FIRST("c")
	       ") AS f WHERE %s.id = f.row_id", code, t);
	return done(b);
}

/* Put back the rows x removed (those not there now). */
static char *insert_sql(size_t i)
{
	struct sqlbuf *b = sql_new();
	const char *t = journal_table(i);
	int n = n_cols(i);
	put(b, "INSERT INTO r57.%s(id", t);
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(i, k, &len);
		put(b, ", %.*s", len, c);
	}
	put(b, ") SELECT f.row_id");
	for (int k = 0; k < n; k++) {
		put(b, ", ");
		put_value(b, i, k);
	}
	put(b, " FROM r57.change_log f WHERE" OF_X("f") "AND f.tbl = %d AND f.op <> 1 AND" FIRST("f")
	       " AND NOT EXISTS (SELECT 1 FROM r57.%s WHERE id = f.row_id) ORDER BY f.row_id",
	    journal_table_code(i), t);
	return done(b);
}

/* After the revert: the first change of x whose row is not as it
 * recorded. */
static char *verify_sql(size_t i)
{
	struct sqlbuf *b = sql_new();
	int n = n_cols(i);
	put(b, "SELECT f.id FROM r57.change_log f LEFT JOIN r57.%s r ON r.id = f.row_id WHERE" OF_X("f")
	       "AND f.tbl = %d AND" FIRST("f") " AND CASE WHEN f.op = 1 THEN r.id IS NOT NULL"
	       " ELSE r.id IS NULL", journal_table(i), journal_table_code(i));
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(i, k, &len);
		put(b, " OR ((f.cols & %ld) <> 0 AND r.%.*s IS DISTINCT FROM f.v%d%s)", 1L << k, len, c, k + 1,
		    integer_col(i, k) ? "::bigint" : "");
	}
	put(b, " END ORDER BY f.id LIMIT 1");
	return done(b);
}

/* The action behind change c, and whether the changes of action d made
 * after entry $1 left its rows other than they were (journal.c's MOVED). */
#define BEHIND(c) QUERY_BEHIND(QUERY_SERVER, c)
#define MOVED \
	" CASE WHEN d.seq > $1 THEN d.undone = 0 ELSE (d.undone = 0) <>" \
	" (coalesce((SELECT k.kind FROM r57.entry k WHERE k.target = d.seq AND k.seq < $1" \
	"   AND k.kind IN ('undo', 'redo') ORDER BY k.seq DESC LIMIT 1), 'redo') = 'redo') END"

/* --- running them ------------------------------------------------------------- */

struct revert {
	const struct entry *e; /* the action undone or redone */
	bool undo;
	int64_t x;             /* undo: e itself; redo: its newest undo */
	int64_t lo, hi;
	unsigned tables;       /* bit code - 1: the tables x changed */
};

static void revert_args(struct pg_args *a, const struct revert *rv)
{
	memset(a, 0, sizeof *a);
	pg_arg_int(a, rv->x);
	pg_arg_int(a, rv->lo);
	pg_arg_int(a, rv->hi);
}

static const char *doing(const struct revert *rv)
{
	return rv->undo ? N_("undoing") : N_("redoing");
}

/* The first column of the first row sql finds, 0 for none. */
static int run_first(struct store *st, const char *sql, const struct revert *rv, int64_t *id,
                     struct r57_err *err)
{
	struct pg_args a;
	revert_args(&a, rv);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, N_("reading the journal"), err);
	if (rc)
		return rc;
	*id = PQntuples(res) ? pg_int(res, 0, 0) : 0;
	PQclear(res);
	return R57_OK;
}

/* A write: a constraint the values break is a journal r57 did not write,
 * a name or uuid taken since is rows changed since; in a savepoint, so
 * that the refusal can still be said and rolled back whole. */
static int run_write(struct store *st, char *sql, const struct revert *rv, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	struct pg_args a;
	revert_args(&a, rv);
	int rc = pg_do(ps, "SAVEPOINT r57_revert", NULL, doing(rv), err);
	PGresult *res = rc ? NULL : PQexecParams(ps->conn, sql, a.n, NULL, a.v, NULL, NULL, 0);
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (!rc && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
		const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
		PQclear(res);
		res = NULL;
		PQclear(PQexec(ps->conn, "ROLLBACK TO SAVEPOINT r57_revert"));
		if (state && strcmp(state, "23505") == 0)
			rc = journal_changed_error(rv->e, rv->undo, err);
		else if (state && strncmp(state, "23", 2) == 0)
			rc = journal_damaged_error(rv->e, rv->undo, rv->lo, err);
		else
			rc = pg_do(ps, sql, &a, doing(rv), err); /* the server's own words */
	}
	PQclear(res);
	free(sql);
	return rc;
}

/* Who changed a row since: (seq, actor, summary) of the first row of res,
 * or the refusal without a name. */
static int conflict(PGresult *res, const struct revert *rv, bool in_use, struct r57_err *err)
{
	if (!PQntuples(res))
		return journal_conflict_error(rv->e, rv->undo, in_use, 0, NULL, NULL, err);
	return journal_conflict_error(rv->e, rv->undo, in_use, pg_int(res, 0, 0), PQgetvalue(res, 0, 1),
	                              PQgetvalue(res, 0, 2), err);
}

static int check_sound(struct store *st, const struct revert *rv, struct r57_err *err)
{
	int64_t bad = 0;
	char *sql = bad_change_sql();
	int rc = run_first(st, sql, rv, &bad, err);
	free(sql);
	if (!rc && !bad)
		rc = run_first(st, broken_chain_sql, rv, &bad, err);
	if (!rc && bad)
		rc = journal_damaged_error(rv->e, rv->undo, bad, err);
	return rc;
}

/* Is every row x changed still as x left it? */
static int check_rows(struct store *st, const struct revert *rv, struct r57_err *err)
{
	struct pg_args a;
	revert_args(&a, rv);
	pg_arg_int(&a, rv->e->seq);
	PGresult *res;
	int rc = pg_run(pg_of(st),
	                "SELECT d.seq, d.actor, d.summary FROM r57.change_log x"
	                " JOIN r57.change_log c ON c.tbl = x.tbl AND c.row_id = x.row_id AND c.id > $3" BEHIND("c")
	                " WHERE x.id BETWEEN $2 AND $3 AND x.entry = $1 AND d.seq <> $4 AND" MOVED
	                " ORDER BY c.id LIMIT 1", &a, &res, N_("reading the journal"), err);
	if (rc)
		return rc;
	if (PQntuples(res))
		rc = conflict(res, rv, false, err);
	PQclear(res);
	return rc;
}

/* A row the revert would remove must not be in use by a row outside x. */
static int check_references(struct store *st, const struct revert *rv, struct r57_err *err)
{
	size_t n;
	const struct journal_ref *refs = journal_references(&n);
	int rc = R57_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(rv->tables & (1u << (refs[i].target - 1))))
			continue;
		struct sqlbuf *b = sql_new();
		put(b, "SELECT r.id FROM r57.change_log c JOIN r57.%s r ON r.%s = c.row_id WHERE" OF_X("c")
		       "AND c.tbl = %d AND c.op = 1 AND" FIRST("c") " AND NOT EXISTS (SELECT 1 FROM"
		       " r57.change_log m WHERE m.tbl = %d AND m.row_id = r.id AND m.id BETWEEN $2 AND $3"
		       " AND m.entry = $1) LIMIT 1", refs[i].tbl, refs[i].col, refs[i].target, refs[i].tbl_code);
		int64_t row = 0;
		rc = run_first(st, b->s, rv, &row, err);
		free(b);
		if (rc || !row)
			continue;
		struct pg_args a;
		revert_args(&a, rv);
		pg_arg_int(&a, refs[i].tbl_code);
		pg_arg_int(&a, row);
		PGresult *res;
		if ((rc = pg_run(pg_of(st),
		                 "SELECT d.seq, d.actor, d.summary FROM r57.change_log c" BEHIND("c")
		                 " WHERE c.tbl = $4 AND c.row_id = $5 AND c.id > $3 AND $2::bigint IS NOT NULL AND"
		                 MOVED " ORDER BY c.id LIMIT 1", &a, &res, N_("reading the journal"), err)))
			break;
		rc = conflict(res, rv, true, err);
		PQclear(res);
	}
	return rc;
}

/* What x is, for entry e: its range of changes and the tables it changed. */
static int read_revert(struct store *st, const struct entry *e, bool undo, struct revert *rv,
                       struct r57_err *err)
{
	memset(rv, 0, sizeof *rv);
	rv->e = e;
	rv->undo = undo;
	rv->x = e->seq;
	struct pg_args a = { 0 };
	pg_arg_int(&a, e->seq);
	PGresult *res;
	int rc;
	if (!undo) {
		if ((rc = pg_run(pg_of(st), QUERY_NEWEST_UNDO(QUERY_SERVER),
		                 &a, &res, N_("reading the journal"), err)))
			return rc;
		rv->x = pg_int(res, 0, 0);
		PQclear(res);
		a.n = 0;
		pg_arg_int(&a, rv->x);
	}
	if ((rc = pg_run(pg_of(st), "SELECT min(id), max(id), string_agg(DISTINCT tbl::text, ',')"
	                            " FROM r57.change_log WHERE entry = $1", &a, &res, N_("reading the journal"), err)))
		return rc;
	rv->lo = pg_int(res, 0, 0);
	rv->hi = pg_int(res, 0, 1);
	for (const char *t = pg_null(res, 0, 2) ? "" : PQgetvalue(res, 0, 2); *t; t += strcspn(t, ","), t += *t == ',') {
		long code = strtol(t, NULL, 10);
		if (code >= 1 && code <= (long)journal_n_tables())
			rv->tables |= 1u << (code - 1);
	}
	PQclear(res);
	return R57_OK;
}

/* What undo and redo would revert (queries.h). */
static const char undo_sql[] = QUERY_UNDO_TARGET(QUERY_SERVER);
static const char redo_sql[] = QUERY_REDO_TARGET(QUERY_SERVER);

static void read_entry(const PGresult *res, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->seq = pg_int(res, 0, 0);
	snprintf(e->at, sizeof e->at, "%s", PQgetvalue(res, 0, 1));
	e->actor = pg_dup(res, 0, 2);
	e->summary = pg_dup(res, 0, 3);
	e->kind = strcmp(PQgetvalue(res, 0, 4), "undo") == 0 ? ENTRY_UNDO
	        : strcmp(PQgetvalue(res, 0, 4), "redo") == 0 ? ENTRY_REDO : ENTRY_DO;
	e->target = pg_int(res, 0, 5);
	e->undone = pg_int(res, 0, 6) != 0;
}

/* The entry undo (redo) would revert for the login, checked. The actor
 * the caller names is the login on a server (store_actor). */
static int plan(struct store *st, bool undo, struct entry *target, struct revert *rv,
                struct r57_err *err)
{
	const char *actor = pg_of(st)->login;
	struct pg_args a = { 0 };
	pg_arg_text(&a, actor);
	PGresult *res;
	int rc = pg_run(pg_of(st), undo ? undo_sql : redo_sql, &a, &res, N_("reading the journal"), err);
	if (rc)
		return rc;
	bool found = PQntuples(res) == 1;
	if (found)
		read_entry(res, target);
	PQclear(res);
	if (!found)
		return journal_nothing_error(actor, undo, err);
	rc = read_revert(st, target, undo, rv, err);
	if (!rc && (!rv->x || !rv->lo))
		rc = journal_empty_error(target, undo, err);
	if (!rc)
		rc = check_sound(st, rv, err);
	if (!rc)
		rc = check_rows(st, rv, err);
	if (!rc)
		rc = check_references(st, rv, err);
	if (rc)
		entry_clear(target);
	return rc;
}

/* The tasks x touched that are there after the revert get their folded
 * words and title key again (not journaled: made from the row). */
static int rewrite_search(struct store *st, const struct revert *rv, struct r57_err *err)
{
	if (!(rv->tables & (1u << 4)))
		return R57_OK;
	struct pg_args a;
	revert_args(&a, rv);
	PGresult *res;
	int rc = pg_run(pg_of(st),
	                "SELECT t.id, t.title, t.notes FROM r57.task t WHERE t.id IN (SELECT c.row_id"
	                " FROM r57.change_log c WHERE" OF_X("c") "AND c.tbl = 5)",
	                &a, &res, doing(rv), err);
	for (int r = 0; !rc && r < PQntuples(res); r++) {
		struct task_row row = { .title = PQgetvalue(res, r, 1),
		                        .notes = pg_null(res, r, 2) ? NULL : PQgetvalue(res, r, 2) };
		struct pg_row_args ra;
		pg_row_args(&ra, &row, "");
		struct pg_args w = { 0 };
		pg_arg_text(&w, ra.body ? ra.body : "");
		pg_arg_text(&w, ra.marks ? ra.marks : "");
		pg_arg_text(&w, ra.key);
		pg_arg_int(&w, pg_int(res, r, 0));
		rc = pg_do(pg_of(st), "UPDATE r57.task SET search_body = $1, search_marks = $2, title_key = $3"
		                      " WHERE id = $4", &w, doing(rv), err);
		pg_row_args_free(&ra);
	}
	PQclear(res);
	return rc;
}

static int apply(struct store *st, const struct revert *rv, struct r57_err *err)
{
	size_t n = journal_n_tables();
	int rc = R57_OK;
	/* Removals first (children before parents), so that a name they
	 * held is free; then changes; then the rows put back, parents first. */
	for (size_t i = n; !rc && i-- > 0;)
		if (rv->tables & (1u << (journal_table_code(i) - 1)))
			rc = run_write(st, delete_sql(i), rv, err);
	for (size_t i = 0; !rc && i < n; i++)
		if (rv->tables & (1u << (journal_table_code(i) - 1)))
			rc = run_write(st, update_sql(i), rv, err);
	for (size_t i = 0; !rc && i < n; i++)
		if (rv->tables & (1u << (journal_table_code(i) - 1)))
			rc = run_write(st, insert_sql(i), rv, err);
	for (size_t i = 0; !rc && i < n; i++) {
		if (!(rv->tables & (1u << (journal_table_code(i) - 1))))
			continue;
		int64_t bad = 0;
		char *sql = verify_sql(i);
		rc = run_first(st, sql, rv, &bad, err);
		free(sql);
		if (!rc && bad)
			rc = journal_damaged_error(rv->e, rv->undo, bad, err);
	}
	if (!rc)
		rc = rewrite_search(st, rv, err);
	return rc;
}

int pg_store_journal_undo_plan(struct store *st, const char *actor, struct entry *target,
                               struct r57_err *err)
{
	(void)actor;
	struct revert rv;
	return plan(st, true, target, &rv, err);
}

int pg_store_journal_redo_plan(struct store *st, const char *actor, struct entry *target,
                               struct r57_err *err)
{
	(void)actor;
	struct revert rv;
	return plan(st, false, target, &rv, err);
}

static int revert(struct store *st, r57_day today, bool undo, struct entry *done_e,
                  struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	struct revert rv;
	int rc = pg_store_begin(st, err);
	if (rc)
		return rc;
	/* Nobody may write between the check and the change. */
	if ((rc = pg_do(ps, "SELECT r57.lock_journal()", NULL, undo ? N_("undoing") : N_("redoing"), err)) ||
	    (rc = plan(st, undo, done_e, &rv, err))) {
		pg_store_rollback(st);
		return rc;
	}
	char *summary = NULL;
	if (asprintf(&summary, "%s #%lld: %s", undo ? "undo" : "redo", (long long)done_e->seq,
	             done_e->summary ? done_e->summary : "") < 0)
		abort();
	char day[11];
	struct pg_args a = { 0 };
	pg_arg_text(&a, date_iso(today, day));
	pg_arg_text(&a, summary);
	pg_arg_text(&a, undo ? "undo" : "redo");
	pg_arg_int(&a, done_e->seq);
	rc = pg_do(ps, "SELECT r57.entry_start($1, $2, $3, $4)", &a, N_("writing the journal"), err);
	free(summary);
	if (!rc)
		rc = apply(st, &rv, err);
	if (!rc) {
		/* (the references are checked at the commit: a row put back that
		 * refers to none, which check_references let pass) */
		PGresult *res = PQexec(ps->conn, "COMMIT");
		ps->in_tx = false;
		const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
		if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = state && strncmp(state, "23", 2) == 0 ? journal_damaged_error(done_e, undo, rv.lo, err)
			                                          : pg_store_damage_error(st, err);
		PQclear(res);
	} else {
		pg_store_rollback(st);
	}
	if (rc)
		entry_clear(done_e);
	return rc;
}

int pg_store_journal_undo(struct store *st, const char *actor, const char *now, r57_day today,
                          struct entry *done_e, struct r57_err *err)
{
	(void)actor;
	(void)now;
	return revert(st, today, true, done_e, err);
}

int pg_store_journal_redo(struct store *st, const char *actor, const char *now, r57_day today,
                          struct entry *done_e, struct r57_err *err)
{
	(void)actor;
	(void)now;
	return revert(st, today, false, done_e, err);
}
