/* store_copy.h: a database copied whole from one store to another (r57
 * copy, src/store/store_copy.c and pg_copy.c): every row of every table,
 * the journal's with its actors and times, as it is, so that the copy is
 * the same database (docs/postgresql.md). The tables and their columns
 * are one list both stores read (src/store/copy_tables.c). */
#ifndef R57_STORE_COPY_H
#define R57_STORE_COPY_H

#include <stdint.h>
#include "r57/err.h"

struct store;

/* The tables, parents before the rows that refer to them, the journal
 * last: 0 task_group .. 7 reminder_task (journal.c's order), 8 entry,
 * 9 change_log, 10 entry_seal (the seals, checked when they arrive). */
#define COPY_TABLES 11
#define COPY_ENTRY 8
#define COPY_CHANGES 9
#define COPY_SEALS 10
#define COPY_MAX_COLS 23
const char *copy_table(int t);
int copy_n_cols(int t);
/* Column k's name and type: 'i' integer, 't' text, 'v' a change's value
 * (of the type of its table's column: copy_value_type). */
const char *copy_col(int t, int k, int *len);
char copy_col_type(int t, int k);
/* The type of value v<k> (k from 1) of a change of table code tbl: 'i' or
 * 't', 0 for none (no such table or column). */
char copy_value_type(int64_t tbl, int k);

/* "SELECT every column FROM schema table ORDER BY its first" (malloc'd):
 * schema "" for a file, "r57." for a server. */
char *copy_select_sql(int t, const char *schema);

enum copy_kind { CELL_NULL, CELL_INT, CELL_TEXT };
struct copy_cell {
	enum copy_kind kind;
	int64_t i;
	const char *s;
};
typedef int (*copy_row_fn)(int table, const struct copy_cell *cells, int n, void *ctx);

/* Every row of every table, in that order, each table by its id. */
int store_copy_out(struct store *st, copy_row_fn each, void *ctx, struct r57_err *err);
/* Into a database that holds nothing yet but what creating it wrote:
 * begin clears that (in one transaction, with the journal's triggers
 * off: the rows come with their own journal), row writes one row as it
 * is, end puts the triggers back and commits (store_rollback undoes it
 * all). */
int store_copy_in_begin(struct store *st, struct r57_err *err);
int store_copy_in_row(struct store *st, int table, const struct copy_cell *cells, int n,
                      struct r57_err *err);
int store_copy_in_end(struct store *st, struct r57_err *err);

#endif
