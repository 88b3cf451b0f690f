/* journal_sql.c: the journaled tables of an SQLite file, and the statements
 * built from their fixed names and columns that find a change r57 did not
 * write (r57 check, and undo and redo before they write), and that read the
 * journal of a file of version 3 or before. The log is data: no SQL text
 * is ever read from the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_files.h"
#include "journal_int.h"
#include "store_int.h"

const struct journaled journal_tables[] = {
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

size_t journal_n_tables(void)
{
	return N_TABLES;
}

const char *journal_table(size_t i)
{
	return journal_tables[i].name;
}

int journal_table_code(size_t i)
{
	return journal_tables[i].code;
}

const char *journal_table_cols(size_t i)
{
	return journal_tables[i].cols;
}

const char *journal_table_types(size_t i)
{
	return journal_tables[i].types;
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
		put(b, "%s%d", i ? ", " : "", journal_tables[i].code);
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
	put(&b, "SELECT id, row_id FROM change_log WHERE %s AND tbl = %d AND ", scope, journal_tables[i].code);
	put_bad_values(&b, &journal_tables[i]);
	put(&b, " ORDER BY id");
	return b.s;
}

/* Both, in one pass over the changes in scope: the first change that is
 * not one r57 writes. An addition (op 1) that is not foreign is bad
 * exactly when it holds cols or a value, whatever its table: said so
 * directly, it is not run through its table's every column (an import's
 * 100,000 additions: 0.4 s that way, half of it this way). */
char *bad_change_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id FROM change_log WHERE %s AND (", scope);
	put_foreign(&b);
	put(&b, " OR CASE WHEN op = 1 THEN cols <> 0 OR coalesce(");
	for (int k = 0; k < MAX_COLS; k++)
		put(&b, "%sv%d", k ? ", " : "", k + 1);
	put(&b, ") IS NOT NULL ELSE CASE tbl");
	for (size_t i = 0; i < N_TABLES; i++) {
		put(&b, " WHEN %d THEN ", journal_tables[i].code);
		put_bad_values(&b, &journal_tables[i]);
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
		const struct journaled *t = &journal_tables[i];
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
		put(&b, "%s'%s'", i ? ", " : "", journal_tables[i].name);
	put(&b, ") OR typeof(tbl) <> 'text'");
	return b.s;
}
