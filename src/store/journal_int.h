/* journal_int.h: what r57 check (store_check.c) shares with the journal
 * (journal.c): the statements that find a change r57 did not write, so
 * that undo, redo and the check agree on what a sound journal is. Each
 * statement is malloc'd (free it); scope is an SQL condition on table
 * change (its columns unqualified, or c. for the chain), "1" for all. */
#ifndef R57_JOURNAL_INT_H
#define R57_JOURNAL_INT_H

#include <stddef.h>

/* The journaled tables: journal_table(i) for i < journal_n_tables(). */
size_t journal_n_tables(void);
const char *journal_table(size_t i);

/* SELECT id, row_id: the changes of table i in scope whose before or after
 * is not an image of a row of that table as the triggers write it (NULL,
 * or a JSON object of its columns in order, "id" the change's row). */
char *journal_bad_images_sql(size_t i, const char *scope);

/* SELECT id: the changes in scope that name no row of a journaled table
 * (an unknown table, a row id that is not an integer) or hold no image. */
char *journal_foreign_sql(const char *scope);

/* SELECT c.id, c.tbl, c.row_id: the changes in scope whose before is not
 * the after of the change before it to the same row (NULL for the first):
 * the account of the row is broken there. */
char *journal_broken_chain_sql(const char *scope);

#endif
