/* journal_files.h: what the files of the SQLite store's journal share
 * (journal_sql.c, journal.c, journal_plan.c, journal_apply.c) and
 * nothing else sees: the journaled tables, the buffer their statements are
 * built in, an entry's columns, and what an undo or redo knows of the
 * entry it reverts, from its planning to its writing. */
#ifndef R57_JOURNAL_FILES_H
#define R57_JOURNAL_FILES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/journal.h"
#include "queries.h"
#include "store_int.h"

/* The journaled tables, by their code in change_log.tbl (journal_tables[code - 1]),
 * with their columns after id: v1, v2, ... of a change are these, in this
 * order. The order is also the order of the references: a table refers
 * only to the ones before it, so rows are put back parents first and
 * removed children first. */
struct journaled {
	const char *name;
	int code;
	const char *cols;  /* one space between */
	const char *types; /* a letter a column: t text, i integer (the
	                    * schema's TEXT and INTEGER); NULL fits all */
};

#define N_TABLES ((size_t)8)
extern const struct journaled journal_tables[N_TABLES]; /* journal_sql.c */
#define MAX_COLS 17 /* v1 .. v17 */

enum { OP_ADD = 1, OP_CHANGE = 2, OP_REMOVE = 3 };

#define SQL_MAX 32768

struct sqlbuf {
	char *s;
	size_t n;
};

static inline void put(struct sqlbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void put(struct sqlbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, SQL_MAX - b->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= SQL_MAX - b->n)
		abort(); /* the statements are built from the constants above */
	b->n += (size_t)k;
}

static inline struct sqlbuf sql_new(void)
{
	struct sqlbuf b = { malloc(SQL_MAX), 0 };
	if (!b.s)
		abort();
	b.s[0] = '\0';
	return b;
}

/* Column i (0-based) of table t: its name, of length *len. */
static inline const char *column(const struct journaled *t, int i, int *len)
{
	const char *c = t->cols;
	for (; i > 0; i--) {
		c += strcspn(c, " ");
		c += *c == ' ';
	}
	*len = (int)strcspn(c, " ");
	return c;
}

static inline int n_cols(const struct journaled *t)
{
	int n = 1;
	for (const char *c = t->cols; *c; c++)
		n += *c == ' ';
	return n;
}

static inline long all_bits(const struct journaled *t)
{
	return (1L << n_cols(t)) - 1;
}

/* An entry's columns, as read_entry reads them (journal.c). */
#define ENTRY_COLS QUERY_ENTRY_COLS(QUERY_FILE)

/* --- reverting an entry, set-wise ---------------------------------------------
 * Undo of entry E sets every row E changed back to the values E recorded:
 * a row it added is removed, a row it changed or removed gets back, for
 * each column, the value recorded by E's first change of that column. Redo
 * of E is the same revert of E's newest undo, which recorded the values E
 * had left. One statement per table and kind of step, not one per row: an
 * import's entry has 100,000 rows. Every statement below binds ?1 the
 * entry read (x), ?2 and ?3 the first and last id of its changes (and ?4,
 * ?5 where said). What x's changes are like (struct span: an import adds
 * each row once, the ids one after another) chooses among statements that
 * find the same rows, the one that reads the fewest, and leaves out those
 * that would find none; it never changes what is found. */

/* The changes of x to one table, as read_revert found them. */
struct span {
	int64_t adds, others; /* how many additions, how many other changes */
	int64_t first, last;  /* the least and the greatest row id */
	bool once;            /* the row ids rise with the changes: each row
	                       * changed once (an import, an undo of one) */
};

/* The entry being reverted, the one whose changes are read, their range. */
struct revert {
	const struct entry *e; /* the action undone or redone */
	bool undo;
	int64_t x;             /* undo: e itself; redo: its newest undo */
	int64_t lo, hi;
	int64_t n;             /* how many changes x holds */
	int64_t after;         /* at most how many changes came after x */
	bool plain;            /* each change names a journaled table, an
	                        * integer row and an op r57 writes */
	unsigned tables;       /* bit code - 1: the tables x changed */
	struct span t[N_TABLES]; /* by code - 1 */
	int64_t task_rows;     /* how many task rows x changed (exactly when
	                        * more than BULK_ROWS: a bulk revert) */
};

/* A revert of more task rows than this is written as an import is
 * (journal_apply.c). */
#define BULK_ROWS 1000

/* (journal_plan.c, which says more of each) Does x change each row of
 * table t at most once; does it add rows to t (adds), or change or remove
 * them; " AND c is the first change of x to its row". */
bool once(const struct revert *rv, const struct journaled *t);
bool has(const struct revert *rv, const struct journaled *t, bool adds);
void put_first(struct sqlbuf *b, const char *c, bool each_once);
#define OF_X(c) " " c ".id BETWEEN ?2 AND ?3 AND " c ".entry = ?1 "
/* A statement of x's changes prepared, ?1 bound to x, ?2 and ?3 to the
 * first and last id of its changes. */
int prepare_run(struct store *st, const char *sql, const struct revert *rv,
                sqlite3_stmt **out, struct r57_err *err);
/* The first row sql finds: *id its first column, 0 for none. */
int run_first(struct store *st, char *sql, const struct revert *rv, int64_t *id,
              struct r57_err *err);
/* One number sql finds (0 for none), ?1 bound to x. */
int read_number(struct store *st, const char *sql, const struct revert *rv, int64_t *out,
                struct r57_err *err);
/* The refusals: the journal damaged at change, rows changed since. */
int damaged(struct r57_err *err, const struct entry *e, bool undo, int64_t change);
int changed_since(struct r57_err *err, const struct revert *rv);
/* The entry undo (redo) would revert for actor, checked: the journal
 * sound, its rows as it left them, nothing it would remove in use. */
int plan(struct store *st, const char *actor, bool undo,
         struct entry *target, struct revert *rv, struct r57_err *err);
/* (journal_sql.c) The first change in scope that is not one r57 writes. */
char *bad_change_sql(const char *scope);
/* (journal.c) An entry written, its seq in *seq_out; the entry sql
 * finds for actor (?1), *found whether there is one. */
int insert_entry(struct store *st, const char *actor, const char *now,
                 r57_day today, const char *summary, enum entry_kind kind,
                 int64_t target, int64_t *seq_out, struct r57_err *err);
int get_entry(struct store *st, const char *sql, const char *actor,
              struct entry *out, bool *found, struct r57_err *err);

#endif
