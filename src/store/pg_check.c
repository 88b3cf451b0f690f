/* pg_check.c: r57 check on a PostgreSQL server, what it does on a file
 * as far as it applies (store_check.c): the journal's hash chain, every
 * seal computed again here, in C, from the rows the server gives
 * (seal.c), so that a server whose functions were changed cannot vouch
 * for itself; every row in the journal and no row it keeps missing; each
 * change one the triggers write; every undo and redo naming an action,
 * and each action's undone mark as they leave it. The server keeps its
 * own pages and references (foreign keys it enforces). Reads only, in
 * one snapshot. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "journal_int.h"
#include "journal_seal.h"
#include "pg_int.h"
#include "seal.h"

struct run {
	struct pg_store *ps;
	store_problem_fn fn;
	void *ctx;
	int n;
};

static void problem(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct run *r, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	r->n++;
	r->fn(line, r->ctx);
}

static PGresult *rows(struct run *r, const char *sql, struct r57_err *err)
{
	PGresult *res;
	return pg_run(r->ps, sql, NULL, &res, N_("reading"), err) ? NULL : res;
}

static const char *val(const PGresult *res, int row, int k)
{
	return pg_null(res, row, k) ? NULL : PQgetvalue(res, row, k);
}

/* The first entry whose seal is missing or not the one its content and
 * the seal before it make (entries and changes read in order, merged). */
static int check_chain(struct run *r, struct r57_err *err)
{
	PGresult *e = rows(r, "SELECT e.seq, e.at, e.day, e.actor, e.summary, e.kind, e.target, s.seal"
	                      " FROM r57.entry e LEFT JOIN r57.entry_seal s ON s.seq = e.seq ORDER BY e.seq", err);
	if (!e)
		return R57_EDB;
	PGresult *c = rows(r, "SELECT entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10,"
	                      " v11, v12, v13, v14, v15, v16, v17 FROM r57.change_log ORDER BY entry, id", err);
	if (!c) {
		PQclear(e);
		return R57_EDB;
	}
	int nc = PQntuples(c), ci = 0;
	const char *prev = NULL;
	for (int i = 0; i < PQntuples(e); i++) {
		struct seal_entry se = { .seq = pg_int(e, i, 0), .at = val(e, i, 1), .day = val(e, i, 2),
		                         .actor = val(e, i, 3), .summary = val(e, i, 4), .kind = val(e, i, 5),
		                         .target = pg_int(e, i, 6) };
		struct seal s;
		bool ok = seal_begin(&s, prev, &se);
		while (ci < nc && pg_int(c, ci, 0) < se.seq)
			ci++; /* (changes of no entry: the server's references refuse them) */
		for (; ci < nc && pg_int(c, ci, 0) == se.seq; ci++) {
			const char *v[SEAL_VALUES];
			size_t len[SEAL_VALUES];
			for (int k = 0; k < SEAL_VALUES; k++) {
				v[k] = val(c, ci, 5 + k);
				len[k] = v[k] ? strlen(v[k]) : 0;
			}
			seal_change(&s, pg_int(c, ci, 1), pg_int(c, ci, 2), pg_int(c, ci, 3), pg_int(c, ci, 4), v, len);
		}
		char hex[SEAL_HEX];
		seal_end(&s, hex);
		const char *stored = val(e, i, 7);
		if (!stored || !ok || strcmp(stored, hex) != 0) {
			char line[1024];
			journal_seal_problem(line, sizeof line, se.seq, se.actor, se.at, stored != NULL);
			r->n++;
			r->fn(line, r->ctx);
			break;
		}
		prev = stored;
	}
	PQclear(c);
	PQclear(e);
	return R57_OK;
}

/* The problems each row of sql names, by its first column: msg says
 * which (the same sentences as a file's check, store_check.c). */
enum msg { NOT_IN_JOURNAL, NOT_IN_TABLE, FOREIGN_CHANGE, NO_ACTION, BAD_UNDONE, EMPTY_ENTRY };

static void say(struct run *r, enum msg m, const char *tbl, long long id)
{
	switch (m) {
	case NOT_IN_JOURNAL:
		problem(r, _("journal: %s row %lld is not in the journal"), tbl, id);
		break;
	case NOT_IN_TABLE:
		problem(r, _("journal: %s row %lld is in the journal but not in the table"), tbl, id);
		break;
	case FOREIGN_CHANGE:
		problem(r, _("journal: change #%lld names no row of a table r57 keeps, or no change r57 makes"), id);
		break;
	case NO_ACTION:
		problem(r, _("journal: entry #%lld undoes or redoes no action"), id);
		break;
	case BAD_UNDONE:
		problem(r, _("journal: entry #%lld is marked undone or not against what its undo and redo entries say"), id);
		break;
	case EMPTY_ENTRY:
		problem(r, _("journal: entry #%lld holds no change"), id);
		break;
	}
}

static int each_id(struct run *r, const char *sql, enum msg m, const char *tbl, struct r57_err *err)
{
	PGresult *res = rows(r, sql, err);
	if (!res)
		return R57_EDB;
	for (int i = 0; i < PQntuples(res); i++)
		say(r, m, tbl, (long long)pg_int(res, i, 0));
	PQclear(res);
	return R57_OK;
}

/* Every row has its addition in the journal, and the newest change of a
 * row there is not its removal; no row the journal keeps is missing. */
static int check_rows(struct run *r, struct r57_err *err)
{
	int rc = R57_OK;
	for (size_t i = 0; i < journal_n_tables() && !rc; i++) {
		const char *t = journal_table(i);
		int code = journal_table_code(i);
		char sql[1024];
		snprintf(sql, sizeof sql,
		         "SELECT v.id FROM r57.%s v WHERE coalesce((SELECT op FROM r57.change_log"
		         " WHERE tbl = %d AND row_id = v.id ORDER BY id DESC LIMIT 1), 3) = 3 ORDER BY v.id",
		         t, code);
		rc = each_id(r, sql, NOT_IN_JOURNAL, t, err);
		snprintf(sql, sizeof sql,
		         "SELECT c.row_id FROM r57.change_log c WHERE c.tbl = %d AND c.op IN (1, 2)"
		         " AND c.id = (SELECT max(id) FROM r57.change_log WHERE tbl = %d AND row_id = c.row_id)"
		         " AND c.row_id NOT IN (SELECT id FROM r57.%s) ORDER BY c.row_id", code, code, t);
		if (!rc)
			rc = each_id(r, sql, NOT_IN_TABLE, t, err);
	}
	return rc;
}

/* Each change one the triggers write: a table and an op r57 knows, an
 * addition without values, a removal with all, a change of at least one
 * column, each value where cols says one is and nowhere else. */
static int check_changes(struct run *r, struct r57_err *err)
{
	char sql[4096];
	size_t at = (size_t)snprintf(sql, sizeof sql, "SELECT id FROM r57.change_log WHERE op NOT IN (1, 2, 3) OR tbl NOT IN (");
	for (size_t i = 0; i < journal_n_tables(); i++)
		at += (size_t)snprintf(sql + at, sizeof sql - at, "%s%d", i ? ", " : "", journal_table_code(i));
	snprintf(sql + at, sizeof sql - at, ") ORDER BY id");
	int rc = each_id(r, sql, FOREIGN_CHANGE, NULL, err);
	for (size_t i = 0; i < journal_n_tables() && !rc; i++) {
		const char *cols = journal_table_cols(i);
		int n = 1;
		for (const char *p = cols; *p; p++)
			n += *p == ' ';
		long all = (1L << n) - 1;
		at = (size_t)snprintf(sql, sizeof sql,
		                      "SELECT id, row_id FROM r57.change_log WHERE tbl = %d AND op IN (1, 2, 3) AND ("
		                      "CASE op WHEN 1 THEN cols <> 0 WHEN 3 THEN cols <> %ld"
		                      " ELSE cols = 0 OR cols & ~%ld::bigint <> 0 END",
		                      journal_table_code(i), all, all);
		for (int k = 1; k <= SEAL_VALUES; k++)
			if (k <= n)
				at += (size_t)snprintf(sql + at, sizeof sql - at, " OR (v%d IS NOT NULL AND cols & %ld = 0)",
				                       k, 1L << (k - 1));
			else
				at += (size_t)snprintf(sql + at, sizeof sql - at, " OR v%d IS NOT NULL", k);
		snprintf(sql + at, sizeof sql - at, ") ORDER BY id");
		PGresult *res = rows(r, sql, err);
		if (!res)
			return R57_EDB;
		for (int row = 0; row < PQntuples(res); row++)
			problem(r, _("journal: change #%lld of %s row %lld holds values r57 did not write"),
			        (long long)pg_int(res, row, 0), journal_table(i), (long long)pg_int(res, row, 1));
		PQclear(res);
	}
	return rc;
}

/* Every undo and redo names an action; each action is marked undone as
 * its newest undo or redo left it. */
static int check_entries(struct run *r, struct r57_err *err)
{
	int rc = each_id(r, "SELECT u.seq FROM r57.entry u WHERE u.kind IN ('undo', 'redo') AND NOT EXISTS"
	                    " (SELECT 1 FROM r57.entry d WHERE d.seq = u.target AND d.kind = 'do') ORDER BY u.seq",
	                 NO_ACTION, NULL, err);
	if (!rc)
		rc = each_id(r, "SELECT d.seq FROM r57.entry d LEFT JOIN (SELECT target, max(seq) AS last"
		                " FROM r57.entry WHERE kind IN ('undo', 'redo') GROUP BY target) l ON l.target = d.seq"
		                " LEFT JOIN r57.entry u ON u.seq = l.last WHERE d.kind = 'do'"
		                " AND d.undone <> CASE WHEN u.kind = 'undo' THEN 1 ELSE 0 END ORDER BY d.seq",
		             BAD_UNDONE, NULL, err);
	if (!rc)
		rc = each_id(r, "SELECT e.seq FROM r57.entry e WHERE e.kind <> 'init' AND NOT EXISTS"
		                " (SELECT 1 FROM r57.change_log c WHERE c.entry = e.seq) ORDER BY e.seq",
		             EMPTY_ENTRY, NULL, err);
	return rc;
}

int pg_store_check_all(struct store *st, store_problem_fn fn, void *ctx, int *n, struct r57_err *err)
{
	struct run r = { .ps = pg_of(st), .fn = fn, .ctx = ctx };
	*n = 0;
	int rc = pg_do(r.ps, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, N_("reading"), err);
	if (!rc)
		rc = check_chain(&r, err);
	if (!rc)
		rc = check_rows(&r, err);
	if (!rc)
		rc = check_changes(&r, err);
	if (!rc)
		rc = check_entries(&r, err);
	if (!r.ps->failed)
		PQclear(PQexec(r.ps->conn, "COMMIT"));
	*n = r.n;
	return rc;
}
