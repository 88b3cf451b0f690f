/* journal_int.h: what r57 check (store_check.c), the opening of older
 * files (store_schema.c) and the PostgreSQL store's undo (pg_undo.c) share
 * with the journal (journal_sql.c, journal_plan.c): the journaled tables,
 * the refusals, the statements that find a change r57 did not write, so
 * that undo, redo and the check agree on what a sound journal is, and the
 * reading of a version 3 journal.
 * Each statement is malloc'd (free it); scope is an SQL condition on table
 * change_log (its columns unqualified, or c. for the chain), "1" for all. */
#ifndef R57_JOURNAL_INT_H
#define R57_JOURNAL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct r57_err;

/* The journaled tables: journal_table(i) for i < journal_n_tables(), and
 * the code change_log.tbl names it by. */
size_t journal_n_tables(void);
const char *journal_table(size_t i);
int journal_table_code(size_t i);
/* Its columns after id, one space between (v1, v2, ... of a change), and
 * their types, a letter each: t text, i integer. */
const char *journal_table_cols(size_t i);
const char *journal_table_types(size_t i);

/* Who refers to a row of table code target: column col of table tbl
 * (code tbl_code). A revert may not remove a row still referred to. */
struct journal_ref {
	int target;
	const char *tbl;
	int tbl_code;
	const char *col;
};
const struct journal_ref *journal_references(size_t *n);

/* The refusals of an undo or redo of e, as both stores say them: rows
 * changed since (by entry seq of actor, summary; seq 0: by whom unknown;
 * in_use: a row it would remove is used by another), the journal damaged
 * at a change, nothing to undo or redo for actor, an entry of no change. */
struct entry;
int journal_conflict_error(const struct entry *e, bool undo, bool in_use, int64_t seq,
                           const char *actor, const char *summary, struct r57_err *err);
int journal_changed_error(const struct entry *e, bool undo, struct r57_err *err);
int journal_damaged_error(const struct entry *e, bool undo, int64_t change, struct r57_err *err);
int journal_nothing_error(const char *actor, bool undo, struct r57_err *err);
int journal_empty_error(const struct entry *e, bool undo, struct r57_err *err);

/* SELECT id, row_id: the changes of table i in scope whose values are not
 * as the triggers write them (an addition with values, a removal without
 * all of them, a change of no column or of a column the table has not, a
 * value where cols says none). */
char *journal_bad_images_sql(size_t i, const char *scope);

/* SELECT id: the changes in scope that name no row of a journaled table
 * (an unknown table, a row id that is not an integer) or no known op. */
char *journal_foreign_sql(const char *scope);

/* SELECT c.id, c.tbl, c.row_id: the changes in scope that do not follow
 * from the change before them to the same row (an addition of a row that
 * is there, a change or removal of a row that is not). */
char *journal_broken_chain_sql(const char *scope);

/* A SELECT of the rows of change_log (id, entry, tbl, row_id, op, cols,
 * v1 .. v17) that the journal of a file of version 3 or before, table
 * main.change with whole JSON images, holds; an image r57 did not write
 * becomes op 0. Uses SQL's JSON functions: run by r57 itself, never from
 * the schema. */
char *journal_v3_select_sql(void);

#endif
