/* journal_plan.c: the planning of an undo or redo in an SQLite file: the
 * entry it would revert, read once (what its changes are like chooses the
 * cheapest of equal statements), and checked before anything is written:
 * the journal sound, its rows as it left them, nothing it would remove in
 * use; and the refusals both stores say. journal_apply.c writes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_files.h"
#include "journal_int.h"
#include "queries.h"
#include "store_int.h"

/* Does x change each row of table t at most once? Then every change of x
 * is its first to its row, and none comes after it: the statements below
 * leave out the subqueries that look for either (at 100,000 rows, one
 * search of change_log_row each). */
bool once(const struct revert *rv, const struct journaled *t)
{
	return rv->plain && rv->t[t->code - 1].once;
}

/* Does x add rows to table t (adds), or change or remove them (!adds)?
 * If not, the statements for them would find nothing: they are not run.
 * (An entry read with a change that is not one r57 writes is refused
 * before these: then only the tables are known.) */
bool has(const struct revert *rv, const struct journaled *t, bool adds)
{
	const struct span *sp = &rv->t[t->code - 1];
	if (!rv->plain)
		return rv->tables & (1u << (t->code - 1));
	return adds ? sp->adds > 0 : sp->others > 0;
}

/* " AND c is the first change of x to its row" (true of every change
 * when x changes each row once). */
void put_first(struct sqlbuf *b, const char *c, bool each_once)
{
	if (!each_once)
		put(b, " AND NOT EXISTS (SELECT 1 FROM change_log p WHERE p.tbl = %s.tbl AND p.row_id = %s.row_id"
		       " AND p.id >= ?2 AND p.id < %s.id AND +p.entry = ?1)", c, c, c);
}

int prepare_run(struct store *st, const char *sql, const struct revert *rv,
                sqlite3_stmt **out, struct r57_err *err)
{
	int rc = store_prepare(st, sql, out, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(*out, 1, rv->x);
	sqlite3_bind_int64(*out, 2, rv->lo);
	sqlite3_bind_int64(*out, 3, rv->hi);
	return R57_OK;
}

/* The first row sql finds: *id its first column, 0 for none. */
int run_first(struct store *st, char *sql, const struct revert *rv, int64_t *id,
              struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = prepare_run(st, sql, rv, &s, err);
	free(sql);
	if (rc)
		return rc;
	int step = sqlite3_step(s);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

/* One number sql finds (0 for none), ?1 bound to x. */
int read_number(struct store *st, const char *sql, const struct revert *rv, int64_t *out,
                struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, rv->x);
	int step = sqlite3_step(s);
	*out = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

int damaged(struct r57_err *err, const struct entry *e, bool undo, int64_t change)
{
	return journal_damaged_error(e, undo, change, err);
}

int journal_damaged_error(const struct entry *e, bool undo, int64_t change, struct r57_err *err)
{
	char *what = text_safe(e->summary ? e->summary : "", false);
	int rc = r57_fail(err, R57_EDB,
	                  undo ? _("cannot undo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed")
	                       : _("cannot redo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed"),
	                  (long long)e->seq, what, (long long)change);
	free(what);
	return rc;
}

/* --- before a revert: is the journal sound, and may it be done ---------------- */

/* Is every change of x one r57 wrote, and does each follow from the one
 * before it to the same row? The journal is data: a change that is not
 * one (SQL text, a number, another table's row) must stop undo, not be
 * written. */
static int fresh_rows(struct store *st, const struct revert *rv, bool *fresh, struct r57_err *err);

static int check_sound(struct store *st, const struct revert *rv, struct r57_err *err)
{
	int64_t bad = 0;
	bool fresh = false;
	int rc = run_first(st, bad_change_sql("entry = ?1 AND id BETWEEN ?2 AND ?3"), rv, &bad, err);
	if (!rc && !bad && !(rc = fresh_rows(st, rv, &fresh, err)) && !fresh)
		rc = run_first(st, journal_broken_chain_sql("c.entry = ?1 AND c.id BETWEEN ?2 AND ?3"), rv,
		               &bad, err);
	if (!rc && bad)
		rc = damaged(err, rv->e, rv->undo, bad);
	return rc;
}

/* Is x nothing but additions, each of a row that no change before x
 * names (an import)? Then each follows nothing, as an addition must, and
 * the chain holds without a search for the change before each (0.17 s at
 * 100,000 rows): one look, per table, along change_log_row over the rows
 * x names, for a change before x; and no change of another entry among
 * x's (their ids are as many as x's changes). Rows far apart (a look
 * longer than the changes) take the search for each. */
static int fresh_rows(struct store *st, const struct revert *rv, bool *fresh, struct r57_err *err)
{
	*fresh = false;
	if (!rv->plain || rv->hi - rv->lo + 1 != rv->n)
		return R57_OK;
	for (size_t i = 0; i < N_TABLES; i++) {
		const struct span *sp = &rv->t[i];
		if (sp->others || (sp->adds && (!sp->once || (uint64_t)sp->last - (uint64_t)sp->first >=
		                                                 4 * (uint64_t)sp->adds)))
			return R57_OK;
	}
	sqlite3_stmt *s;
	int rc = prepare_run(st, "SELECT 1 FROM change_log WHERE tbl = ?4 AND row_id BETWEEN ?5 AND ?6"
	                         " AND id < ?2 LIMIT 1", rv, &s, err);
	if (rc)
		return rc;
	bool seen = false;
	for (size_t i = 0; i < N_TABLES && !seen && !rc; i++) {
		const struct span *sp = &rv->t[journal_tables[i].code - 1];
		if (!sp->adds)
			continue;
		sqlite3_bind_int(s, 4, journal_tables[i].code);
		sqlite3_bind_int64(s, 5, sp->first);
		sqlite3_bind_int64(s, 6, sp->last);
		int step = sqlite3_step(s);
		seen = step == SQLITE_ROW;
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("reading the journal"));
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	*fresh = !rc && !seen;
	return rc;
}

/* The action behind change c: the action itself, or the one an undo or
 * redo reverted or re-applied (d). */
#define BEHIND(c) QUERY_BEHIND(QUERY_FILE, c)
/* Did the changes of action d made after entry ?1 leave its rows other
 * than they were? Yes if d came after ?1 and stands, or if d came before
 * and stands now but was undone then, or the other way round: an undo and
 * its redo since come to nothing. (d stood at ?1 unless its newest undo
 * or redo before ?1 was an undo.) */
#define MOVED \
	" CASE WHEN d.seq > ?1 THEN d.undone = 0 ELSE (d.undone = 0) <>" \
	" (coalesce((SELECT k.kind FROM entry k WHERE k.target = d.seq AND k.seq < ?1" \
	"   AND k.kind IN ('undo', 'redo') ORDER BY k.seq DESC LIMIT 1), 'redo') = 'redo') END"

/* The refusal of a revert of e because a row changed since (in_use: a
 * row it would remove is used), by the entry seq of actor (summary), or,
 * seq 0, by no entry found. */
int journal_conflict_error(const struct entry *e, bool undo, bool in_use, int64_t seq,
                           const char *actor, const char *summary, struct r57_err *err)
{
	char *what = text_safe(e->summary ? e->summary : "", false);
	int rc;
	if (seq) {
		char *a = text_safe(actor ? actor : "", false);
		char *sum = text_safe(summary ? summary : "", false);
		if (in_use)
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): %s made use of what it added in #%lld (%s); nothing was changed")
			                   : _("cannot redo #%lld (%s): %s made use of what it removed in #%lld (%s); nothing was changed"),
			              (long long)e->seq, what, a, (long long)seq, sum);
		else
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): %s changed it since in #%lld (%s); nothing was changed")
			                   : _("cannot redo #%lld (%s): %s changed it since in #%lld (%s); nothing was changed"),
			              (long long)e->seq, what, a, (long long)seq, sum);
		free(a);
		free(sum);
	} else if (in_use) {
		rc = r57_fail(err, R57_ECONFLICT,
		              undo ? _("cannot undo #%lld (%s): what it added is in use; nothing was changed")
		                   : _("cannot redo #%lld (%s): what it removed is in use; nothing was changed"),
		              (long long)e->seq, what);
	} else {
		rc = journal_changed_error(e, undo, err);
	}
	free(what);
	return rc;
}

static int conflict(sqlite3_stmt *who, const struct revert *rv,
                    bool in_use, struct r57_err *err)
{
	if (sqlite3_step(who) != SQLITE_ROW)
		return journal_conflict_error(rv->e, rv->undo, in_use, 0, NULL, NULL, err);
	return journal_conflict_error(rv->e, rv->undo, in_use, sqlite3_column_int64(who, 0),
	                              (const char *)sqlite3_column_text(who, 1),
	                              (const char *)sqlite3_column_text(who, 2), err);
}

int journal_changed_error(const struct entry *e, bool undo, struct r57_err *err)
{
	char *what = text_safe(e->summary ? e->summary : "", false);
	int rc = r57_fail(err, R57_ECONFLICT,
	                  undo ? _("cannot undo #%lld (%s): its rows were changed since; nothing was changed")
	                       : _("cannot redo #%lld (%s): its rows were changed since; nothing was changed"),
	                  (long long)e->seq, what);
	free(what);
	return rc;
}

int changed_since(struct r57_err *err, const struct revert *rv)
{
	return journal_changed_error(rv->e, rv->undo, err);
}

/* Is every row x changed still as x left it? It is unless another
 * action's changes since moved it (MOVED). If not, say who changed it.
 * One statement: the first later change c to a row of x, found from
 * whichever side is the smaller: from each change of x, through the
 * index of its row; or, when no more changes came after x than x holds
 * (none, after an import: a look and no more), from each later change,
 * through the index of its row to a change of x. Both find the same c. */
static int check_rows(struct store *st, const struct revert *rv, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = prepare_run(st, rv->after <= rv->n ?
		"SELECT d.seq, d.actor, d.summary FROM change_log c" BEHIND("c")
		" WHERE c.id > ?3 AND EXISTS (SELECT 1 FROM change_log x WHERE x.tbl = c.tbl"
		" AND x.row_id = c.row_id AND x.id BETWEEN ?2 AND ?3 AND +x.entry = ?1) AND d.seq <> ?4 AND" MOVED
		" ORDER BY c.id LIMIT 1" :
		"SELECT d.seq, d.actor, d.summary FROM change_log x"
		" JOIN change_log c ON c.tbl = x.tbl AND c.row_id = x.row_id AND c.id > ?3" BEHIND("c")
		" WHERE x.id BETWEEN ?2 AND ?3 AND x.entry = ?1 AND d.seq <> ?4 AND" MOVED
		" ORDER BY c.id LIMIT 1",
		rv, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 4, rv->e->seq);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		sqlite3_reset(s);
		rc = conflict(s, rv, false, err);
	} else if (step != SQLITE_DONE) {
		rc = store_sqlerr(st, err, N_("reading the journal"));
	}
	sqlite3_finalize(s);
	return rc;
}

/* Who refers to a row of each table: (referring table, column). */
static const struct journal_ref references[] = {
	{ 2, "task", 5, "unit_id" },
	{ 2, "task_unit", 6, "unit_id" },
	{ 2, "leader", 3, "unit_id" },
	{ 3, "task", 5, "leader_id" },
	{ 1, "task", 5, "group_id" },
	{ 4, "task", 5, "source_id" },
	{ 5, "task_unit", 6, "task_id" },
	{ 2, "reminder", 7, "unit_id" },
	{ 3, "reminder", 7, "leader_id" },
	{ 5, "reminder_task", 8, "task_id" },
	{ 7, "reminder_task", 8, "reminder_id" },
};

const struct journal_ref *journal_references(size_t *n)
{
	*n = sizeof references / sizeof *references;
	return references;
}

/* Might a row outside x refer through reference i to a row x added?
 * Asked from the referring table's side when that is the smaller: its
 * rows that x did not touch are then those outside the ids x's changes
 * to that table name (all of them when x changed none), provided x named
 * each of those ids once and left none out; and each is looked up among
 * x's additions. *maybe is false when none refers: exactly when the
 * statement of check_references would find none. When it is true, that
 * statement is run, to find the row it always found. */
static int maybe_in_use(struct store *st, const struct revert *rv, size_t i, bool *maybe,
                        struct r57_err *err)
{
	const struct journaled *t = &journal_tables[references[i].target - 1];
	const struct span *r = &rv->t[references[i].tbl_code - 1];
	bool touched = r->adds || r->others;
	*maybe = true;
	if (touched && !(rv->plain && r->once &&
	                 (uint64_t)r->last - (uint64_t)r->first + 1 == (uint64_t)(r->adds + r->others)))
		return R57_OK;
	/* (ids only grow, so the span of the table's ids says about how many
	 * rows it has; only the cost depends on it) */
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT (SELECT max(id) FROM %s) - (SELECT min(id) FROM %s) + 1",
	         references[i].tbl, references[i].tbl);
	int64_t rows = 0;
	int rc = read_number(st, sql, rv, &rows, err);
	if (rc || rows - (touched ? r->adds + r->others : 0) > rv->t[t->code - 1].adds)
		return rc;
	struct sqlbuf b = sql_new();
	put(&b, "SELECT 1 FROM %s r WHERE %sEXISTS (SELECT 1 FROM change_log c WHERE c.tbl = %d"
	        " AND c.row_id = r.%s AND c.id BETWEEN ?2 AND ?3 AND +c.entry = ?1 AND c.op = 1",
	    references[i].tbl, touched ? "(r.id < ?4 OR r.id > ?5) AND " : "", t->code,
	    references[i].col);
	put_first(&b, "c", once(rv, t));
	put(&b, ") LIMIT 1");
	sqlite3_stmt *s;
	rc = prepare_run(st, b.s, rv, &s, err);
	free(b.s);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 4, r->first);
	sqlite3_bind_int64(s, 5, r->last);
	int step = sqlite3_step(s);
	*maybe = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

/* A row the revert would remove must not be in use by a row outside x:
 * binh assigned a task to the leader an's entry created. Refuse and name
 * the change, before anything is written. One statement per kind of
 * reference, not one per row, and none for a table x added no row to. */
static int check_references(struct store *st, const struct revert *rv, struct r57_err *err)
{
	int rc = R57_OK;
	for (size_t i = 0; i < sizeof references / sizeof *references && !rc; i++) {
		const struct journaled *t = &journal_tables[references[i].target - 1];
		bool maybe;
		if (!has(rv, t, true) || (rc = maybe_in_use(st, rv, i, &maybe, err)) || !maybe)
			continue;
		struct sqlbuf b = sql_new();
		/* The referring rows x touched itself do not count: the revert
		 * puts them back as they were too. */
		put(&b, "SELECT r.id FROM change_log c JOIN %s r ON r.%s = c.row_id WHERE" OF_X("c")
		        "AND c.tbl = %d AND c.op = 1", references[i].tbl, references[i].col, t->code);
		put_first(&b, "c", once(rv, t));
		put(&b, " AND NOT EXISTS (SELECT 1 FROM change_log m WHERE m.tbl = %d AND m.row_id = r.id"
		        " AND m.id BETWEEN ?2 AND ?3 AND +m.entry = ?1) LIMIT 1", references[i].tbl_code);
		int64_t row = 0;
		if ((rc = run_first(st, b.s, rv, &row, err)) || !row)
			continue;
		sqlite3_stmt *who;
		if ((rc = prepare_run(st,
		        "SELECT d.seq, d.actor, d.summary FROM change_log c" BEHIND("c")
		        " WHERE c.tbl = ?4 AND c.row_id = ?5 AND c.id > ?3 AND" MOVED
		        " ORDER BY c.id LIMIT 1",
		        rv, &who, err)))
			break;
		sqlite3_bind_int(who, 4, references[i].tbl_code);
		sqlite3_bind_int64(who, 5, row);
		rc = conflict(who, rv, true, err);
		sqlite3_finalize(who);
	}
	return rc;
}

/* x's changes, read once in order (there is no index by entry and
 * table): their range, and for each table how many additions and other
 * changes, the rows they name, and whether each row is named once. What
 * the statements of the check and the revert find does not depend on
 * these: the figures only say which of two equal statements is the
 * cheaper, or that one would find nothing. */
static int scan_changes(struct store *st, struct revert *rv, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "SELECT id, tbl, row_id, op FROM change_log WHERE entry = ? ORDER BY id",
	                       &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, rv->x);
	rv->plain = true;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0), code = sqlite3_column_int64(s, 1);
		int64_t row = sqlite3_column_int64(s, 2), op = sqlite3_column_int64(s, 3);
		if (!rv->n++)
			rv->lo = id;
		rv->hi = id;
		bool known = sqlite3_column_type(s, 1) == SQLITE_INTEGER && code >= 1 &&
		             code <= (int64_t)N_TABLES;
		if (known)
			rv->tables |= 1u << (code - 1);
		if (!known || sqlite3_column_type(s, 2) != SQLITE_INTEGER ||
		    sqlite3_column_type(s, 3) != SQLITE_INTEGER || op < OP_ADD || op > OP_REMOVE) {
			rv->plain = false; /* (check_sound refuses it) */
			continue;
		}
		struct span *sp = &rv->t[code - 1];
		if (!sp->adds && !sp->others) {
			sp->first = sp->last = row;
			sp->once = true;
		} else {
			sp->once = sp->once && row > sp->last;
			sp->first = row < sp->first ? row : sp->first;
			sp->last = row > sp->last ? row : sp->last;
		}
		if (op == OP_ADD)
			sp->adds++;
		else
			sp->others++;
	}
	if (step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

/* What x is, for entry e: its changes (scan_changes), how many task rows
 * they name, and how many changes came after them. */
static int read_revert(struct store *st, const struct entry *e, bool undo, struct revert *rv,
                       struct r57_err *err)
{
	memset(rv, 0, sizeof *rv);
	rv->e = e;
	rv->undo = undo;
	rv->x = e->seq;
	sqlite3_stmt *s;
	int rc;
	if (!undo) {
		if ((rc = store_prepare(st, QUERY_NEWEST_UNDO(QUERY_FILE),
		                        &s, err)))
			return rc;
		sqlite3_bind_int64(s, 1, e->seq);
		rv->x = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_finalize(s);
	}
	if ((rc = scan_changes(st, rv, err)))
		return rc;
	const struct span *task = &rv->t[5 - 1];
	if (rv->plain && task->once)
		rv->task_rows = task->adds + task->others;
	else if (task->adds + task->others > BULK_ROWS)
		rc = read_number(st, "SELECT count(DISTINCT row_id) FROM change_log WHERE entry = ?1 AND tbl = 5",
		                 rv, &rv->task_rows, err);
	else
		rv->task_rows = task->adds + task->others; /* (at most that: not a bulk revert) */
	/* (ids only grow: those above x's are the changes since) */
	int64_t top = 0;
	if (!rc && !(rc = read_number(st, "SELECT max(id) FROM change_log", rv, &top, err)))
		rv->after = top > rv->hi ? top - rv->hi : 0;
	return rc;
}

int journal_nothing_error(const char *actor, bool undo, struct r57_err *err)
{
	char *a = text_safe(actor, false);
	int rc = r57_fail(err, R57_ENOTHING, undo ? _("nothing to undo for %s") : _("nothing to redo for %s"), a);
	free(a);
	return rc;
}

int journal_empty_error(const struct entry *e, bool undo, struct r57_err *err)
{
	char *what = text_safe(e->summary ? e->summary : "", false);
	int rc = r57_fail(err, R57_EDB,
	                  undo ? _("cannot undo #%lld (%s): the journal holds none of its changes (r57 check says more); nothing was changed")
	                       : _("cannot redo #%lld (%s): the journal holds none of its changes (r57 check says more); nothing was changed"),
	                  (long long)e->seq, what);
	free(what);
	return rc;
}

/* What undo and redo would revert (queries.h). */
static const char undo_sql[] = QUERY_UNDO_TARGET(QUERY_FILE);
static const char redo_sql[] = QUERY_REDO_TARGET(QUERY_FILE);

/* The entry undo (redo) would revert for actor, checked: the journal
 * sound, its rows as it left them, nothing it would remove in use. */
int plan(struct store *st, const char *actor, bool undo,
         struct entry *target, struct revert *rv, struct r57_err *err)
{
	bool found;
	int rc = get_entry(st, undo ? undo_sql : redo_sql, actor, target, &found, err);
	if (rc)
		return rc;
	if (!found)
		return journal_nothing_error(actor, undo, err);
	rc = read_revert(st, target, undo, rv, err);
	/* Every action changed a row (one that would not writes no entry),
	 * and so did every undo: none of its changes is a journal damaged,
	 * and reverting nothing would say something untrue. */
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

int sqlite_store_journal_undo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err)
{
	struct revert rv;
	return plan(st, actor, true, target, &rv, err);
}

int sqlite_store_journal_redo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err)
{
	struct revert rv;
	return plan(st, actor, false, target, &rv, err);
}
