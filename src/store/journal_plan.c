/* journal.c: the undo log. Entries are written by actions; the values
 * each row had before a change are written by the schema's triggers into
 * change_log. Undo and redo put them back set-wise, through statements
 * built here from fixed table and column names: the log is data, and no
 * SQL text is ever read from the database. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_int.h"
#include "store_int.h"

/* The journaled tables, by their code in change_log.tbl (tables[code - 1]),
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

static const struct journaled tables[] = {
	{ "task_group", 1, "name position", "ti" },
	{ "unit", 2, "name", "t" },
	{ "leader", 3, "name title unit_id", "tti" },
	{ "source", 4, "code title issued", "ttt" },
	{ "task", 5, "uuid title notes product result group_id leader_id unit_id source_id"
	             " year due first_due extensions status closed created updated",
	  "tttttiiiiittitttt" },
	{ "task_unit", 6, "task_id unit_id", "ii" },
	{ "reminder", 7, "unit_id leader_id issued as_of within_days lang", "iittit" },
	{ "reminder_task", 8, "reminder_id task_id due days_late", "iiti" },
};
#define N_TABLES (sizeof tables / sizeof *tables)
#define MAX_COLS 17 /* v1 .. v17 */

enum { OP_ADD = 1, OP_CHANGE = 2, OP_REMOVE = 3 };

#define SQL_MAX 32768

struct sqlbuf {
	char *s;
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
		abort(); /* the statements are built from the constants above */
	b->n += (size_t)k;
}

static struct sqlbuf sql_new(void)
{
	struct sqlbuf b = { malloc(SQL_MAX), 0 };
	if (!b.s)
		abort();
	b.s[0] = '\0';
	return b;
}

/* Column i (0-based) of table t: its name, of length *len. */
static const char *column(const struct journaled *t, int i, int *len)
{
	const char *c = t->cols;
	for (; i > 0; i--) {
		c += strcspn(c, " ");
		c += *c == ' ';
	}
	*len = (int)strcspn(c, " ");
	return c;
}

static int n_cols(const struct journaled *t)
{
	int n = 1;
	for (const char *c = t->cols; *c; c++)
		n += *c == ' ';
	return n;
}

static long all_bits(const struct journaled *t)
{
	return (1L << n_cols(t)) - 1;
}

size_t journal_n_tables(void)
{
	return N_TABLES;
}

const char *journal_table(size_t i)
{
	return tables[i].name;
}

int journal_table_code(size_t i)
{
	return tables[i].code;
}

const char *journal_table_cols(size_t i)
{
	return tables[i].cols;
}

const char *journal_table_types(size_t i)
{
	return tables[i].types;
}

/* --- what a change r57 wrote looks like --------------------------------------
 * A change names a journaled table by its code and a row by its integer
 * id; an addition records no value, a removal every column, a change the
 * columns its cols say (at least one) and no other; no value beyond the
 * table's columns; each value of its column's type or NULL (the table
 * would keep a blob, or text in a number's column, as it is: the check
 * after writing could not tell). Undo and redo refuse an entry with any other change,
 * and r57 check reports every one (journal_int.h). */

/* A change that names no row of a journaled table or no known op. */
static void put_foreign(struct sqlbuf *b)
{
	put(b, "(typeof(row_id) <> 'integer' OR typeof(entry) <> 'integer' OR typeof(tbl) <> 'integer'"
	       " OR tbl NOT IN (");
	for (size_t i = 0; i < N_TABLES; i++)
		put(b, "%s%d", i ? ", " : "", tables[i].code);
	put(b, ") OR typeof(op) <> 'integer' OR op NOT IN (1, 2, 3) OR typeof(cols) <> 'integer')");
}

/* A change of table t whose values are not as the triggers write them. */
static void put_bad_values(struct sqlbuf *b, const struct journaled *t)
{
	int n = n_cols(t);
	long all = all_bits(t);
	put(b, "(typeof(cols) = 'integer' AND (CASE op WHEN 1 THEN cols <> 0 WHEN 3 THEN cols <> %ld"
	       " ELSE cols <= 0 OR cols & ~%ld END", all, all);
	for (int k = 0; k < MAX_COLS; k++) {
		if (k < n)
			put(b, " OR (v%d IS NOT NULL AND NOT cols & %ld) OR typeof(v%d) NOT IN ('null', '%s')",
			    k + 1, 1L << k, k + 1, t->types[k] == 'i' ? "integer" : "text");
		else
			put(b, " OR v%d IS NOT NULL", k + 1);
	}
	put(b, "))");
}

char *journal_foreign_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id FROM change_log WHERE %s AND ", scope);
	put_foreign(&b);
	put(&b, " ORDER BY id");
	return b.s;
}

char *journal_bad_images_sql(size_t i, const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id, row_id FROM change_log WHERE %s AND tbl = %d AND ", scope, tables[i].code);
	put_bad_values(&b, &tables[i]);
	put(&b, " ORDER BY id");
	return b.s;
}

/* Both, in one pass over the changes in scope: the first change that is
 * not one r57 writes. An addition (op 1) that is not foreign is bad
 * exactly when it holds cols or a value, whatever its table: said so
 * directly, it is not run through its table's every column (an import's
 * 100,000 additions: 0.4 s that way, half of it this way). */
static char *bad_change_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id FROM change_log WHERE %s AND (", scope);
	put_foreign(&b);
	put(&b, " OR CASE WHEN op = 1 THEN cols <> 0 OR coalesce(");
	for (int k = 0; k < MAX_COLS; k++)
		put(&b, "%sv%d", k ? ", " : "", k + 1);
	put(&b, ") IS NOT NULL ELSE CASE tbl");
	for (size_t i = 0; i < N_TABLES; i++) {
		put(&b, " WHEN %d THEN ", tables[i].code);
		put_bad_values(&b, &tables[i]);
	}
	put(&b, " ELSE 0 END END) ORDER BY id LIMIT 1");
	return b.s;
}

char *journal_broken_chain_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	/* change_log_row (tbl, row_id, id) finds the change before each: an
	 * addition follows nothing or a removal, anything else follows a
	 * change that left the row there. */
	put(&b, "SELECT c.id, c.tbl, c.row_id FROM change_log c WHERE %s AND typeof(c.row_id) = 'integer'"
	        " AND typeof(c.tbl) = 'integer' AND c.tbl BETWEEN 1 AND %d AND c.op IN (1, 2, 3) AND"
	        " CASE c.op WHEN 1 THEN coalesce((SELECT p.op FROM change_log p WHERE p.tbl = c.tbl"
	        "   AND p.row_id = c.row_id AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) <> 3"
	        " ELSE coalesce((SELECT p.op FROM change_log p WHERE p.tbl = c.tbl"
	        "   AND p.row_id = c.row_id AND p.id < c.id ORDER BY p.id DESC LIMIT 1), 3) = 3 END"
	        " ORDER BY c.id", scope, (int)N_TABLES);
	return b.s;
}

/* --- files of version 3 and before ---------------------------------------------
 * Their journal, change(entry, tbl, row_id, before, after), holds each
 * row's whole image before and after as JSON. As change_log rows: an
 * image of the wrong shape becomes a change of op 0, which undo refuses
 * and r57 check names, as it named the image before. */

/* An SQL expression true when column x of an old change of table t holds
 * an image as r57 wrote it (CASE: json_extract of text that is not JSON
 * is an error, and only CASE is sure not to run it). */
static void put_image_ok(struct sqlbuf *b, const struct journaled *t, const char *x)
{
	put(b, "CASE WHEN %s IS NULL THEN 1 WHEN typeof(%s) <> 'text' OR NOT json_valid(%s) THEN 0"
	       " WHEN json_type(%s) <> 'object' THEN 0 ELSE json_type(%s, '$.id') IS 'integer'"
	       " AND json_extract(%s, '$.id') = row_id AND %s = json_object('id', json_extract(%s, '$.id')",
	    x, x, x, x, x, x, x, x);
	for (int k = 0; k < n_cols(t); k++) {
		int len;
		const char *c = column(t, k, &len);
		put(b, ", '%.*s', json_extract(%s, '$.%.*s')", len, c, x, len, c);
	}
	put(b, ") END");
}

char *journal_v3_select_sql(void)
{
	struct sqlbuf b = sql_new();
	for (size_t i = 0; i < N_TABLES; i++) {
		const struct journaled *t = &tables[i];
		int n = n_cols(t);
		put(&b, "%sSELECT id, entry, %d AS tbl, row_id, CASE WHEN NOT (", i ? " UNION ALL " : "",
		    t->code);
		put_image_ok(&b, t, "before");
		put(&b, " AND ");
		put_image_ok(&b, t, "after");
		put(&b, ") OR (before IS NULL AND after IS NULL) THEN 0"
		        " WHEN before IS NULL THEN 1 WHEN after IS NULL THEN 3 ELSE 2 END AS op,"
		        " CASE WHEN before IS NULL THEN 0 WHEN after IS NULL THEN %ld ELSE 0", all_bits(t));
		for (int k = 0; k < n; k++) {
			int len;
			const char *c = column(t, k, &len);
			put(&b, " | ((json_extract(before, '$.%.*s') IS NOT json_extract(after, '$.%.*s')) << %d)",
			    len, c, len, c, k);
		}
		put(&b, " END AS cols");
		for (int k = 0; k < MAX_COLS; k++) {
			int len;
			const char *c = k < n ? column(t, k, &len) : NULL;
			if (!c) {
				put(&b, ", NULL AS v%d", k + 1);
				continue;
			}
			put(&b, ", CASE WHEN before IS NOT NULL AND (after IS NULL OR json_extract(before, '$.%.*s')"
			        " IS NOT json_extract(after, '$.%.*s')) THEN json_extract(before, '$.%.*s') END AS v%d",
			    len, c, len, c, len, c, k + 1);
		}
		put(&b, " FROM main.change WHERE tbl = '%s'", t->name);
	}
	/* a change of no table r57 keeps: named by r57 check as before */
	put(&b, " UNION ALL SELECT id, entry, 0, row_id, 0, 0");
	for (int k = 0; k < MAX_COLS; k++)
		put(&b, ", NULL");
	put(&b, " FROM main.change WHERE tbl NOT IN (");
	for (size_t i = 0; i < N_TABLES; i++)
		put(&b, "%s'%s'", i ? ", " : "", tables[i].name);
	put(&b, ") OR typeof(tbl) <> 'text'");
	return b.s;
}

static const char *const kind_names[] = {
	[ENTRY_DO] = "do", [ENTRY_UNDO] = "undo", [ENTRY_REDO] = "redo", [ENTRY_INIT] = "init",
};

const char *entry_kind_name(enum entry_kind k)
{
	return kind_names[k];
}

static enum entry_kind kind_parse(const char *s)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
		if (s && strcmp(s, kind_names[i]) == 0)
			return (enum entry_kind)i;
	return ENTRY_DO;
}

void entry_clear(struct entry *e)
{
	free(e->actor);
	free(e->summary);
	memset(e, 0, sizeof *e);
}

#define ENTRY_COLS "SELECT seq, at, actor, summary, kind, target, undone FROM entry"

static void read_entry(sqlite3_stmt *s, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->seq = sqlite3_column_int64(s, 0);
	const unsigned char *at = sqlite3_column_text(s, 1);
	snprintf(e->at, sizeof e->at, "%s", at ? (const char *)at : "");
	e->actor = store_col_dup(s, 2);
	e->summary = store_col_dup(s, 3);
	e->kind = kind_parse((const char *)sqlite3_column_text(s, 4));
	e->target = sqlite3_column_int64(s, 5);
	e->undone = sqlite3_column_int(s, 6) != 0;
}

static int insert_entry(struct store *st, const char *actor, const char *now,
                        r57_day today, const char *summary, enum entry_kind kind,
                        int64_t target, int64_t *seq_out, struct r57_err *err)
{
	char day[11];
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"INSERT INTO entry(at, day, actor, summary, kind, target) VALUES (?, ?, ?, ?, ?, ?)",
		&s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, date_iso(today, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, summary ? summary : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, kind_names[kind], -1, SQLITE_STATIC);
	store_bind_id_or_null(s, 6, target);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("writing the journal"));
	else if (seq_out)
		*seq_out = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_journal_start(struct store *st, const char *actor, const char *now,
                  r57_day today, const char *summary, int64_t *seq_out,
                  struct r57_err *err)
{
	return insert_entry(st, actor, now, today, summary, ENTRY_DO, 0, seq_out, err);
}

int sqlite_store_journal_set_summary(struct store *st, int64_t seq, const char *summary,
                        struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "UPDATE entry SET summary = ? WHERE seq = ?", &s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, summary, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, seq);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("writing the journal"));
	sqlite3_finalize(s);
	return rc;
}

static int get_entry(struct store *st, const char *sql, const char *actor,
                     struct entry *out, bool *found, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, actor, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*found = step == SQLITE_ROW;
	if (step == SQLITE_ROW)
		read_entry(s, out);
	else if (step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

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

/* Does x change each row of table t at most once? Then every change of x
 * is its first to its row, and none comes after it: the statements below
 * leave out the subqueries that look for either (at 100,000 rows, one
 * search of change_log_row each). */
static bool once(const struct revert *rv, const struct journaled *t)
{
	return rv->plain && rv->t[t->code - 1].once;
}

/* Does x add rows to table t (adds), or change or remove them (!adds)?
 * If not, the statements for them would find nothing: they are not run.
 * (An entry read with a change that is not one r57 writes is refused
 * before these: then only the tables are known.) */
static bool has(const struct revert *rv, const struct journaled *t, bool adds)
{
	const struct span *sp = &rv->t[t->code - 1];
	if (!rv->plain)
		return rv->tables & (1u << (t->code - 1));
	return adds ? sp->adds > 0 : sp->others > 0;
}

/* " AND c is the first change of x to its row" (true of every change
 * when x changes each row once). */
static void put_first(struct sqlbuf *b, const char *c, bool each_once)
{
	if (!each_once)
		put(b, " AND NOT EXISTS (SELECT 1 FROM change_log p WHERE p.tbl = %s.tbl AND p.row_id = %s.row_id"
		       " AND p.id >= ?2 AND p.id < %s.id AND +p.entry = ?1)", c, c, c);
}
#define OF_X(c) " " c ".id BETWEEN ?2 AND ?3 AND " c ".entry = ?1 "

static int prepare_run(struct store *st, const char *sql, const struct revert *rv,
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

/* Run sql to its end (a write). */
static int damaged(struct r57_err *err, const struct entry *e, bool undo, int64_t change);
static int changed_since(struct r57_err *err, const struct revert *rv);

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

/* The first row sql finds: *id its first column, 0 for none. */
static int run_first(struct store *st, char *sql, const struct revert *rv, int64_t *id,
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
static int read_number(struct store *st, const char *sql, const struct revert *rv, int64_t *out,
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

static int damaged(struct r57_err *err, const struct entry *e, bool undo, int64_t change)
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

/* A big revert is written as an import is (store_io.c): in a larger
 * page cache, with the task indexes made again afterwards in one pass
 * each and the search index left to the next search (store_bulk_begin). */
#define BULK_ROWS 1000
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
		if (has(rv, &tables[i], true))
			rc = run_write(st, delete_sql(&tables[i], once(rv, &tables[i]), added_range(rv, &tables[i])),
			               rv, added_range(rv, &tables[i]), err);
	for (size_t i = 0; !rc && i < N_TABLES; i++)
		if (has(rv, &tables[i], false))
			rc = run_write(st, update_sql(&tables[i], once(rv, &tables[i])), rv, NULL, err);
	for (size_t i = 0; !rc && i < N_TABLES; i++)
		if (has(rv, &tables[i], false))
			rc = run_write(st, insert_sql(&tables[i], once(rv, &tables[i])), rv, NULL, err);
	for (size_t i = 0; !rc && i < N_TABLES; i++) {
		int64_t bad = 0;
		if (!has(rv, &tables[i], false) && (once(rv, &tables[i]) || !has(rv, &tables[i], true)))
			continue;
		if (!(rc = run_first(st, verify_sql(&tables[i], once(rv, &tables[i])), rv, &bad, err)) && bad)
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
		const struct span *sp = &rv->t[tables[i].code - 1];
		if (!sp->adds)
			continue;
		sqlite3_bind_int(s, 4, tables[i].code);
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
#define BEHIND(c) \
	" JOIN entry ce ON ce.seq = " c ".entry JOIN entry d ON d.seq =" \
	" CASE WHEN ce.kind IN ('undo', 'redo') THEN ce.target ELSE ce.seq END"
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

static int changed_since(struct r57_err *err, const struct revert *rv)
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
	const struct journaled *t = &tables[references[i].target - 1];
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
		const struct journaled *t = &tables[references[i].target - 1];
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
		if ((rc = store_prepare(st, "SELECT max(seq) FROM entry WHERE kind = 'undo' AND target = ?",
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

static const char undo_sql[] =
	ENTRY_COLS " WHERE actor = ? AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1";
/* The undo to redo: the actor's newest undo whose entry is still undone,
 * unless the actor has done something new since. */
static const char redo_sql[] =
	"SELECT t.seq, t.at, t.actor, t.summary, t.kind, t.target, t.undone"
	" FROM entry u JOIN entry t ON t.seq = u.target"
	" WHERE u.actor = ?1 AND u.kind = 'undo' AND t.undone = 1"
	" AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = ?1 AND d.kind = 'do' AND d.seq > u.seq)"
	" ORDER BY u.seq DESC LIMIT 1";

/* The entry undo (redo) would revert for actor, checked: the journal
 * sound, its rows as it left them, nothing it would remove in use. */
static int plan(struct store *st, const char *actor, bool undo,
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

int sqlite_store_journal_history(struct store *st, const struct history_query *q,
                    entry_each_fn each, void *ctx, struct r57_err *err)
{
	char sql[1024];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s WHERE 1", ENTRY_COLS);
	/* A task's history: the entries that changed it, and those that
	 * issued (or undid) a reminder naming it: the reminder_task rows that
	 * name it now, and those removed, found through the partial index
	 * change_log_reminder_task (its condition, word for word). */
	if (q->task_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		        " AND seq IN (SELECT entry FROM change_log WHERE tbl = 5 AND row_id = :task"
		        " UNION ALL SELECT entry FROM change_log WHERE tbl = 8 AND row_id IN"
		        " (SELECT id FROM reminder_task WHERE task_id = :task UNION SELECT row_id"
		        " FROM change_log WHERE v2 = :task AND tbl = 8 AND op = 3))");
	if (q->actor)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND actor = :actor");
	if (q->since != R57_NO_DATE)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND day >= :since");
	if (q->before_seq)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND seq < :before");
	snprintf(sql + n, sizeof sql - n, " ORDER BY seq DESC LIMIT :limit");

	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), i, step;
	if (rc)
		return rc;
	if ((i = sqlite3_bind_parameter_index(s, ":task")))
		sqlite3_bind_int64(s, i, q->task_id);
	if ((i = sqlite3_bind_parameter_index(s, ":actor")))
		sqlite3_bind_text(s, i, q->actor, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(s, ":since")))
		store_bind_day(s, i, q->since);
	if ((i = sqlite3_bind_parameter_index(s, ":before")))
		sqlite3_bind_int64(s, i, q->before_seq);
	sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":limit"), q->limit > 0 ? q->limit : -1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry e;
		read_entry(s, &e);
		int stop = each(&e, ctx);
		entry_clear(&e);
		if (stop)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_journal_task_last(struct store *st, int64_t task_id, struct entry *out,
                      struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		ENTRY_COLS " WHERE seq = (SELECT entry FROM change_log WHERE tbl = 5 AND row_id = ?"
		" ORDER BY id DESC LIMIT 1)", &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, task_id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		read_entry(s, out);
	else if (step == SQLITE_DONE)
		rc = r57_fail(err, R57_ENOTFOUND, _("task #%lld has no history"), (long long)task_id);
	else
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}
