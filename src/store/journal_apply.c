/* journal_apply.c: an undo or redo written in an SQLite file, set-wise:
 * the entry planned (journal_plan.c) inside the write transaction, the
 * undo's or redo's own entry, then one statement per table and kind of
 * step (removals, changes, rows put back), built from fixed table and
 * column names, and every row read back against what the journal says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_files.h"
#include "journal_int.h"
#include "store_int.h"

/* Run sql to its end (a write), ?4 and ?5 bound to the rows of range if
 * given. A value a constraint of the table refuses is a journal r57 did
 * not write (a status that is none, a NULL title), or, for a name or
 * uuid taken since, rows changed since. */
static int run_write(struct store *st, char *sql, const struct revert *rv, const struct span *range,
                     struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = prepare_run(st, sql, rv, &s, err);
	free(sql);
	if (rc)
		return rc;
	if (range) {
		sqlite3_bind_int64(s, 4, range->first);
		sqlite3_bind_int64(s, 5, range->last);
	}
	if (sqlite3_step(s) != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(st->db);
		if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			rc = changed_since(err, rv);
		else if ((ext & 0xff) == SQLITE_CONSTRAINT)
			rc = damaged(err, rv->e, rv->undo, rv->lo);
		else
			rc = store_sqlerr(st, err, rv->undo ? N_("undoing") : N_("redoing"));
	}
	sqlite3_finalize(s);
	return rc;
}

/* The value column k of table t gets back from the first change f of x to
 * its row: f's own when it recorded it, else that of the first later
 * change of x that did (a removal records every column). */
static void put_value(struct sqlbuf *b, const struct journaled *t, int k)
{
	put(b, "CASE WHEN f.cols & %ld THEN f.v%d ELSE (SELECT p.v%d FROM change_log p"
	       " WHERE p.tbl = %d AND p.row_id = f.row_id AND p.id > f.id AND p.id <= ?3"
	       " AND +p.entry = ?1 AND p.cols & %ld ORDER BY p.id LIMIT 1) END",
	    1L << k, k + 1, k + 1, t->code, 1L << k);
}

/* Did x add to table t the rows first .. last, each once, and do nothing
 * else to it (an import)? Then those ids are the rows x added. */
static const struct span *added_range(const struct revert *rv, const struct journaled *t)
{
	const struct span *sp = &rv->t[t->code - 1];
	if (!once(rv, t) || sp->others || !sp->adds ||
	    (uint64_t)sp->last - (uint64_t)sp->first + 1 != (uint64_t)sp->adds)
		return NULL;
	return sp;
}

/* Remove the rows x added: given their range, the rows in it, in the
 * same order (of id) and without reading x's changes again. */
static char *delete_sql(const struct journaled *t, bool each_once, bool range)
{
	struct sqlbuf b = sql_new();
	if (range) {
		put(&b, "DELETE FROM %s WHERE id BETWEEN ?4 AND ?5", t->name);
		return b.s;
	}
	put(&b, "DELETE FROM %s WHERE id IN (SELECT c.row_id FROM change_log c WHERE" OF_X("c")
	        "AND c.tbl = %d AND c.op = 1", t->name, t->code);
	put_first(&b, "c", each_once);
	put(&b, ")");
	return b.s;
}

/* Set back the rows x changed that are there now. */
static char *update_sql(const struct journaled *t, bool each_once)
{
	struct sqlbuf b = sql_new();
	int n = n_cols(t);
	put(&b, "UPDATE %s SET ", t->name);
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(t, k, &len);
		put(&b, "%s%.*s = CASE WHEN f.cols & %ld THEN f.v%d WHEN NOT f.multi THEN %s.%.*s"
		        " WHEN EXISTS (SELECT 1 FROM change_log p WHERE p.tbl = %d AND p.row_id = f.row_id"
		        " AND p.id > f.id AND p.id <= ?3 AND +p.entry = ?1 AND p.cols & %ld) THEN ",
		    k ? ", " : "", len, c, 1L << k, k + 1, t->name, len, c, t->code, 1L << k);
		put_value(&b, t, k);
		put(&b, " ELSE %s.%.*s END", t->name, len, c);
	}
	put(&b, " FROM (SELECT c.id, c.row_id, c.cols");
	for (int k = 0; k < n; k++)
		put(&b, ", c.v%d", k + 1);
	if (each_once)
		put(&b, ", 0 AS multi");
	else
		put(&b, ", EXISTS (SELECT 1 FROM change_log o WHERE o.tbl = c.tbl AND o.row_id = c.row_id"
		        " AND o.id > c.id AND o.id <= ?3 AND +o.entry = ?1) AS multi");
	put(&b, " FROM change_log c WHERE" OF_X("c") "AND c.tbl = %d AND c.op <> 1", t->code);
	put_first(&b, "c", each_once);
	put(&b, ") AS f WHERE %s.id = f.row_id", t->name);
	return b.s;
}

/* Put back the rows x removed (those not there now). */
static char *insert_sql(const struct journaled *t, bool each_once)
{
	struct sqlbuf b = sql_new();
	int n = n_cols(t);
	put(&b, "INSERT INTO %s(id", t->name);
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(t, k, &len);
		put(&b, ", %.*s", len, c);
	}
	put(&b, ") SELECT f.row_id");
	for (int k = 0; k < n; k++) {
		put(&b, ", ");
		put_value(&b, t, k);
	}
	put(&b, " FROM change_log f WHERE" OF_X("f") "AND f.tbl = %d AND f.op <> 1", t->code);
	put_first(&b, "f", each_once);
	put(&b, " AND NOT EXISTS (SELECT 1 FROM %s WHERE id = f.row_id) ORDER BY f.row_id", t->name);
	return b.s;
}

/* After the revert: the first change of x whose row is not as it
 * recorded (a value the column turned into another, a row still there or
 * missing). When x changes each row once, the rows it added are not read
 * back: delete_sql removed each, and nothing after it adds a row to the
 * table but insert_sql, the rows of x's other changes (other rows). */
static char *verify_sql(const struct journaled *t, bool each_once)
{
	struct sqlbuf b = sql_new();
	int n = n_cols(t);
	put(&b, "SELECT f.id FROM change_log f LEFT JOIN %s r ON r.id = f.row_id WHERE" OF_X("f")
	        "AND f.tbl = %d", t->name, t->code);
	if (each_once)
		put(&b, " AND f.op <> 1");
	put_first(&b, "f", each_once);
	put(&b, " AND CASE WHEN f.op = 1 THEN r.id IS NOT NULL ELSE r.id IS NULL");
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = column(t, k, &len);
		put(&b, " OR (f.cols & %ld AND r.%.*s IS NOT f.v%d)", 1L << k, len, c, k + 1);
	}
	put(&b, " END ORDER BY f.id LIMIT 1");
	return b.s;
}

/* A big revert is written as an import is (store_io.c): in a larger
 * page cache, with the task indexes made again afterwards in one pass
 * each and the search index left to the next search (store_bulk_begin). */
#define BULK_CACHE_KIB 16000

static int apply(struct store *st, const struct revert *rv, struct r57_err *err)
{
	int rc = R57_OK, old_cache = 0;
	struct store_bulk bk = { NULL, 0 };
	bool bulk = rv->task_rows > BULK_ROWS;
	if (bulk) {
		old_cache = store_cache_set(st, BULK_CACHE_KIB);
		rc = store_bulk_begin(st, &bk, err);
	}
	/* The references are checked at commit: rows come back and go in
	 * any order. Removals first, so that a name they held is free. */
	if (!rc)
		rc = store_exec(st, "PRAGMA defer_foreign_keys = ON", err);
	for (size_t i = N_TABLES; !rc && i-- > 0;)
		if (has(rv, &journal_tables[i], true))
			rc = run_write(st, delete_sql(&journal_tables[i], once(rv, &journal_tables[i]), added_range(rv, &journal_tables[i])),
			               rv, added_range(rv, &journal_tables[i]), err);
	for (size_t i = 0; !rc && i < N_TABLES; i++)
		if (has(rv, &journal_tables[i], false))
			rc = run_write(st, update_sql(&journal_tables[i], once(rv, &journal_tables[i])), rv, NULL, err);
	for (size_t i = 0; !rc && i < N_TABLES; i++)
		if (has(rv, &journal_tables[i], false))
			rc = run_write(st, insert_sql(&journal_tables[i], once(rv, &journal_tables[i])), rv, NULL, err);
	for (size_t i = 0; !rc && i < N_TABLES; i++) {
		int64_t bad = 0;
		if (!has(rv, &journal_tables[i], false) && (once(rv, &journal_tables[i]) || !has(rv, &journal_tables[i], true)))
			continue;
		if (!(rc = run_first(st, verify_sql(&journal_tables[i], once(rv, &journal_tables[i])), rv, &bad, err)) && bad)
			rc = damaged(err, rv->e, rv->undo, bad);
	}
	if (bulk) {
		if (!rc)
			rc = store_bulk_indexes(st, &bk, err);
		store_bulk_free(&bk);
		store_cache_back(st, old_cache);
		int back = store_search_triggers(st, rc ? NULL : err);
		if (!rc)
			rc = back;
	}
	return rc;
}

static int revert(struct store *st, const char *actor, const char *now,
                  r57_day today, bool undo, struct entry *done, struct r57_err *err)
{
	struct revert rv;
	int rc = sqlite_store_begin(st, err);
	if (rc)
		return rc;
	/* Plan inside the write transaction, so nobody slips in between the
	 * check and the change. */
	if ((rc = plan(st, actor, undo, done, &rv, err))) {
		sqlite_store_rollback(st);
		return rc;
	}
	size_t len = strlen(done->summary ? done->summary : "") + 32;
	char *summary = malloc(len);
	if (!summary) {
		sqlite_store_rollback(st);
		entry_clear(done);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	snprintf(summary, len, "%s #%lld: %s", undo ? "undo" : "redo", (long long)done->seq,
	         done->summary ? done->summary : "");
	rc = insert_entry(st, actor, now, today, summary, undo ? ENTRY_UNDO : ENTRY_REDO,
	                  done->seq, NULL, err);
	free(summary);
	if (!rc)
		rc = apply(st, &rv, err);
	if (!rc) {
		sqlite3_stmt *s;
		if (!(rc = store_prepare(st, "UPDATE entry SET undone = ? WHERE seq = ?", &s, err))) {
			sqlite3_bind_int(s, 1, undo ? 1 : 0);
			sqlite3_bind_int64(s, 2, done->seq);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_sqlerr(st, err, N_("writing the journal"));
			sqlite3_finalize(s);
		}
	}
	if (!rc && (rc = sqlite_store_commit(st, err)) &&
	    sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
		/* (the references are checked at the commit: a row put back
		 * that refers to none, check_references having let it pass) */
		rc = damaged(err, done, undo, rv.lo);
	else if (rc)
		sqlite_store_rollback(st);
	if (rc)
		entry_clear(done);
	return rc;
}

int sqlite_store_journal_undo(struct store *st, const char *actor, const char *now,
                 r57_day today, struct entry *done, struct r57_err *err)
{
	return revert(st, actor, now, today, true, done, err);
}

int sqlite_store_journal_redo(struct store *st, const char *actor, const char *now,
                 r57_day today, struct entry *done, struct r57_err *err)
{
	return revert(st, actor, now, today, false, done, err);
}
