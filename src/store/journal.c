/* journal.c: the undo log. Entries are written by actions; the row images
 * are written by the schema's triggers. Undo and redo restore row images
 * through fixed prepared statements, one per table: the log is data, and
 * no SQL text is ever read from the database. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/text.h"
#include "journal_int.h"
#include "store_int.h"

/* The journaled tables and their columns, in the order of their images. */
struct journaled {
	const char *name;
	const char *cols;  /* the image's keys, in order, one space between */
	const char *image; /* SELECT img FROM image_<name> WHERE id = ? */
	const char *insert;
	const char *update;
	const char *del;
};

#define J(col) "json_extract(?1, '$." col "')"
static const struct journaled tables[] = {
	{ "task_group", "id name position",
	  "SELECT img FROM image_task_group WHERE id = ?",
	  "INSERT INTO task_group(id, name, position) VALUES (" J("id") ", " J("name") ", " J("position") ")",
	  "UPDATE task_group SET name = " J("name") ", position = " J("position") " WHERE id = ?2",
	  "DELETE FROM task_group WHERE id = ?" },
	{ "unit", "id name",
	  "SELECT img FROM image_unit WHERE id = ?",
	  "INSERT INTO unit(id, name) VALUES (" J("id") ", " J("name") ")",
	  "UPDATE unit SET name = " J("name") " WHERE id = ?2",
	  "DELETE FROM unit WHERE id = ?" },
	{ "leader", "id name title unit_id",
	  "SELECT img FROM image_leader WHERE id = ?",
	  "INSERT INTO leader(id, name, title, unit_id) VALUES (" J("id") ", " J("name") ", "
	  J("title") ", " J("unit_id") ")",
	  "UPDATE leader SET name = " J("name") ", title = " J("title") ", unit_id = " J("unit_id")
	  " WHERE id = ?2",
	  "DELETE FROM leader WHERE id = ?" },
	{ "source", "id code title issued",
	  "SELECT img FROM image_source WHERE id = ?",
	  "INSERT INTO source(id, code, title, issued) VALUES (" J("id") ", " J("code") ", "
	  J("title") ", " J("issued") ")",
	  "UPDATE source SET code = " J("code") ", title = " J("title") ", issued = " J("issued")
	  " WHERE id = ?2",
	  "DELETE FROM source WHERE id = ?" },
	{ "task", "id uuid title notes product result group_id leader_id unit_id source_id"
	  " year due first_due extensions status closed created updated",
	  "SELECT img FROM image_task WHERE id = ?",
	  "INSERT INTO task(id, uuid, title, notes, product, result, group_id, leader_id, unit_id,"
	  " source_id, year, due, first_due, extensions, status, closed, created, updated) VALUES ("
	  J("id") ", " J("uuid") ", " J("title") ", " J("notes") ", " J("product") ", " J("result") ", "
	  J("group_id") ", " J("leader_id") ", " J("unit_id") ", " J("source_id") ", " J("year") ", "
	  J("due") ", " J("first_due") ", " J("extensions") ", " J("status") ", " J("closed") ", "
	  J("created") ", " J("updated") ")",
	  "UPDATE task SET uuid = " J("uuid") ", title = " J("title") ", notes = " J("notes")
	  ", product = " J("product") ", result = " J("result") ", group_id = " J("group_id")
	  ", leader_id = " J("leader_id") ", unit_id = " J("unit_id") ", source_id = " J("source_id")
	  ", year = " J("year") ", due = " J("due") ", first_due = " J("first_due")
	  ", extensions = " J("extensions") ", status = " J("status") ", closed = " J("closed")
	  ", created = " J("created") ", updated = " J("updated") " WHERE id = ?2",
	  "DELETE FROM task WHERE id = ?" },
	{ "task_unit", "id task_id unit_id",
	  "SELECT img FROM image_task_unit WHERE id = ?",
	  "INSERT INTO task_unit(id, task_id, unit_id) VALUES (" J("id") ", " J("task_id") ", " J("unit_id") ")",
	  "UPDATE task_unit SET task_id = " J("task_id") ", unit_id = " J("unit_id") " WHERE id = ?2",
	  "DELETE FROM task_unit WHERE id = ?" },
	{ "reminder", "id unit_id leader_id issued as_of within_days lang",
	  "SELECT img FROM image_reminder WHERE id = ?",
	  "INSERT INTO reminder(id, unit_id, leader_id, issued, as_of, within_days, lang) VALUES ("
	  J("id") ", " J("unit_id") ", " J("leader_id") ", " J("issued") ", " J("as_of") ", "
	  J("within_days") ", " J("lang") ")",
	  "UPDATE reminder SET unit_id = " J("unit_id") ", leader_id = " J("leader_id")
	  ", issued = " J("issued") ", as_of = " J("as_of") ", within_days = " J("within_days")
	  ", lang = " J("lang") " WHERE id = ?2",
	  "DELETE FROM reminder WHERE id = ?" },
	{ "reminder_task", "id reminder_id task_id due days_late",
	  "SELECT img FROM image_reminder_task WHERE id = ?",
	  "INSERT INTO reminder_task(id, reminder_id, task_id, due, days_late) VALUES ("
	  J("id") ", " J("reminder_id") ", " J("task_id") ", " J("due") ", " J("days_late") ")",
	  "UPDATE reminder_task SET reminder_id = " J("reminder_id") ", task_id = " J("task_id")
	  ", due = " J("due") ", days_late = " J("days_late") " WHERE id = ?2",
	  "DELETE FROM reminder_task WHERE id = ?" },
};
#undef J

static const struct journaled *table_named(const char *name)
{
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

/* --- what a change r57 wrote looks like --------------------------------------
 * The triggers write every image with json_object over the table's columns
 * in a fixed order, so an image r57 wrote is text, valid JSON, an object
 * whose "id" is the change's row, and equal byte for byte to json_object
 * built again from its own values (which finds a key missing, added,
 * renamed, repeated or out of order). A row is never changed without an
 * image on one side. Undo and redo refuse an entry with any other change,
 * and r57 check reports every one (journal_int.h). */

#define SQL_MAX 8192

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

/* An SQL expression true when column x of a change of table t holds an
 * image r57 wrote, or NULL. CASE, not AND: json_extract of text that is
 * not JSON is an error, and only CASE is sure not to run it. */
static void put_image_ok(struct sqlbuf *b, const struct journaled *t, const char *x)
{
	put(b, "CASE WHEN %s IS NULL THEN 1 WHEN typeof(%s) <> 'text' OR NOT json_valid(%s) THEN 0"
	       " WHEN json_type(%s) <> 'object' THEN 0 ELSE json_type(%s, '$.id') IS 'integer'"
	       " AND json_extract(%s, '$.id') = row_id AND %s = json_object(", x, x, x, x, x, x, x);
	for (const char *c = t->cols; *c;) {
		size_t len = strcspn(c, " ");
		put(b, "%s'%.*s', json_extract(%s, '$.%.*s')", c == t->cols ? "" : ", ",
		    (int)len, c, x, (int)len, c);
		c += len;
		c += *c == ' ';
	}
	put(b, ") END");
}

size_t journal_n_tables(void)
{
	return sizeof tables / sizeof *tables;
}

const char *journal_table(size_t i)
{
	return tables[i].name;
}

char *journal_bad_images_sql(size_t i, const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id, row_id FROM change WHERE %s AND tbl = '%s' AND NOT (", scope, tables[i].name);
	put_image_ok(&b, &tables[i], "before");
	put(&b, " AND ");
	put_image_ok(&b, &tables[i], "after");
	put(&b, ") ORDER BY id");
	return b.s;
}

char *journal_foreign_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	put(&b, "SELECT id FROM change WHERE %s AND (typeof(row_id) <> 'integer'"
	        " OR (before IS NULL AND after IS NULL) OR typeof(tbl) <> 'text' OR tbl NOT IN (", scope);
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		put(&b, "%s'%s'", i ? ", " : "", tables[i].name);
	put(&b, ")) ORDER BY id");
	return b.s;
}

char *journal_broken_chain_sql(const char *scope)
{
	struct sqlbuf b = sql_new();
	/* change_row_ix (tbl, row_id, id) finds the change before each. */
	put(&b, "SELECT c.id, c.tbl, c.row_id FROM change c WHERE %s AND c.before IS NOT"
	        " (SELECT p.after FROM change p WHERE p.tbl = c.tbl AND p.row_id = c.row_id"
	        " AND p.id < c.id ORDER BY p.id DESC LIMIT 1) ORDER BY c.id", scope);
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

/* The statements run once per row of an entry (an import's entry has
 * 100,000 rows and more), prepared once per pass rather than per row. */
#define STMT_CACHE 32
struct stmt_cache {
	const char *sql[STMT_CACHE];
	sqlite3_stmt *s[STMT_CACHE];
	int n;
};

/* A statement for sql, ready for new bindings. The cache owns it. */
static int cached(struct store *st, struct stmt_cache *c, const char *sql,
                  sqlite3_stmt **out, struct r57_err *err)
{
	for (int i = 0; i < c->n; i++)
		if (c->sql[i] == sql) {
			sqlite3_reset(c->s[i]);
			sqlite3_clear_bindings(c->s[i]);
			*out = c->s[i];
			return R57_OK;
		}
	if (c->n == STMT_CACHE) {
		sqlite3_finalize(c->s[--c->n]);
	}
	int rc = store_prepare(st, sql, out, err);
	if (rc)
		return rc;
	c->sql[c->n] = sql;
	c->s[c->n++] = *out;
	return R57_OK;
}

static void cache_free(struct stmt_cache *c)
{
	for (int i = 0; i < c->n; i++)
		sqlite3_finalize(c->s[i]);
	c->n = 0;
}

/* The first change of entry seq that one of the statements of
 * journal_int.h finds (0: none), the statement made for scope
 * "entry = ?1" (the chain's "c.entry = ?1"). */
static int first_bad(struct store *st, char *sql, int64_t seq, int64_t *bad,
                     struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	free(sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, seq);
	int step = sqlite3_step(s);
	*bad = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	sqlite3_finalize(s);
	return rc;
}

static int damaged(struct r57_err *err, const struct entry *e, bool undo, int64_t change)
{
	char *what = text_safe(e->summary ? e->summary : "", false);
	int rc = r57_fail(err, R57_EDB,
	                  undo ? _("cannot undo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed")
	                       : _("cannot redo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed"),
	                  (long long)e->seq, what, (long long)change);
	free(what);
	return rc;
}

/* Is every change of entry seq one r57 wrote, and does each follow from
 * the one before it to the same row? The journal is data: an image that
 * is not one (SQL text, a number, another table's row) must stop undo,
 * not be written. */
static int check_sound(struct store *st, const struct entry *e, int64_t seq, bool undo,
                       struct r57_err *err)
{
	int64_t bad = 0;
	int rc = first_bad(st, journal_foreign_sql("entry = ?1"), seq, &bad, err);
	for (size_t i = 0; !rc && !bad && i < journal_n_tables(); i++)
		rc = first_bad(st, journal_bad_images_sql(i, "entry = ?1"), seq, &bad, err);
	if (!rc && !bad)
		rc = first_bad(st, journal_broken_chain_sql("c.entry = ?1"), seq, &bad, err);
	if (!rc && bad)
		rc = damaged(err, e, undo, bad);
	return rc;
}

/* The entry's changes, and for redo those of the undo that reverted it
 * (whose before images are the after images redo writes again). */
static int check_entry_sound(struct store *st, const struct entry *e, bool undo,
                             struct r57_err *err)
{
	int rc = check_sound(st, e, e->seq, undo, err);
	if (rc || undo)
		return rc;
	sqlite3_stmt *s;
	if ((rc = store_prepare(st, "SELECT max(seq) FROM entry WHERE kind = 'undo' AND target = ?",
	                        &s, err)))
		return rc;
	sqlite3_bind_int64(s, 1, e->seq);
	int64_t u = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return u ? check_sound(st, e, u, undo, err) : R57_OK;
}

/* Does every row the entry touched still look as `side` of the entry left
 * it (after, for undo; before, for redo)? If not, say who changed it. */
static int check_rows(struct store *st, const struct entry *e, bool undo,
                      struct r57_err *err)
{
	/* Per row: the image the entry left it in (its last change's after for
	 * undo, its first change's before for redo). */
	const char *sql = undo
		? "SELECT tbl, row_id, after, max(id) FROM change WHERE entry = ? GROUP BY tbl, row_id"
		: "SELECT tbl, row_id, before, min(id) FROM change WHERE entry = ? GROUP BY tbl, row_id";
	sqlite3_stmt *s, *img = NULL, *who = NULL;
	struct stmt_cache images = { .n = 0 };
	int rc = store_prepare(st, sql, &s, err), step;
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, e->seq);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(s, 0);
		int64_t row = sqlite3_column_int64(s, 1);
		const char *want = (const char *)sqlite3_column_text(s, 2);
		const struct journaled *t = table_named(tbl ? tbl : "");
		if (!t) {
			rc = r57_fail(err, R57_EDB, _("the journal names an unknown table; nothing was changed"));
			break;
		}
		if ((rc = cached(st, &images, t->image, &img, err)))
			break;
		sqlite3_bind_int64(img, 1, row);
		int istep = sqlite3_step(img);
		const char *have = istep == SQLITE_ROW ? (const char *)sqlite3_column_text(img, 0) : NULL;
		bool same = (!have && !want) || (have && want && strcmp(have, want) == 0);
		if (istep != SQLITE_ROW && istep != SQLITE_DONE) {
			rc = store_sqlerr(st, err, N_("reading the journal"));
			break;
		}
		sqlite3_reset(img);
		if (same)
			continue;
		/* Name the change that made the row differ: the first later one
		 * that still stands (not undone, not itself an undo), else the
		 * newest. */
		if ((rc = store_prepare(st,
		        "SELECT e.seq, e.actor, e.summary FROM change c JOIN entry e ON e.seq = c.entry"
		        " WHERE c.tbl = ?1 AND c.row_id = ?2 AND c.entry > ?3"
		        " ORDER BY (e.kind = 'do' AND e.undone = 0) DESC,"
		        "   CASE WHEN e.kind = 'do' AND e.undone = 0 THEN c.id ELSE -c.id END LIMIT 1",
		        &who, err)))
			break;
		sqlite3_bind_text(who, 1, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(who, 2, row);
		sqlite3_bind_int64(who, 3, e->seq);
		char *what = text_safe(e->summary ? e->summary : "", false);
		if (sqlite3_step(who) == SQLITE_ROW) {
			char *actor = text_safe((const char *)sqlite3_column_text(who, 1), false);
			char *sum = text_safe((const char *)sqlite3_column_text(who, 2), false);
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): %s changed it since in #%lld (%s); nothing was changed")
			                   : _("cannot redo #%lld (%s): %s changed it since in #%lld (%s); nothing was changed"),
			              (long long)e->seq, what, actor,
			              (long long)sqlite3_column_int64(who, 0), sum);
			free(actor);
			free(sum);
		} else {
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): its rows were changed since; nothing was changed")
			                   : _("cannot redo #%lld (%s): its rows were changed since; nothing was changed"),
			              (long long)e->seq, what);
		}
		free(what);
		sqlite3_finalize(who);
		who = NULL;
		break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	cache_free(&images);
	sqlite3_finalize(s);
	return rc;
}

/* Set every row the entry changed to its before image (undo, newest
 * change first) or its after image (redo, oldest first), and read each
 * row back: it must now be that image, byte for byte. The checks before
 * have found every change well formed; this finds what only the table can
 * say (a number where the column holds text, a value the column turns
 * into another), and the whole transaction is rolled back. */
static int apply_images(struct store *st, const struct entry *e, bool undo, struct r57_err *err)
{
	const char *sql = undo
		? "SELECT tbl, row_id, before, after, id FROM change WHERE entry = ? ORDER BY id DESC"
		: "SELECT tbl, row_id, before, after, id FROM change WHERE entry = ? ORDER BY id";
	sqlite3_stmt *s, *w = NULL, *img = NULL;
	struct stmt_cache writes = { .n = 0 };
	int rc = store_prepare(st, sql, &s, err), step;
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, e->seq);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const struct journaled *t = table_named((const char *)sqlite3_column_text(s, 0));
		int64_t row = sqlite3_column_int64(s, 1);
		const char *from = (const char *)sqlite3_column_text(s, undo ? 3 : 2);
		const char *to = (const char *)sqlite3_column_text(s, undo ? 2 : 3);
		if (!t) {
			rc = r57_fail(err, R57_EDB, _("the journal names an unknown table; nothing was changed"));
			break;
		}
		const char *q = !to ? t->del : !from ? t->insert : t->update;
		if ((rc = cached(st, &writes, q, &w, err)))
			break;
		if (!to) {
			sqlite3_bind_int64(w, 1, row);
		} else {
			sqlite3_bind_text(w, 1, to, -1, SQLITE_TRANSIENT);
			if (from)
				sqlite3_bind_int64(w, 2, row);
		}
		if (sqlite3_step(w) != SQLITE_DONE) {
			rc = store_sqlerr(st, err, undo ? N_("undoing") : N_("redoing"));
			break;
		}
		sqlite3_reset(w);
		if ((rc = cached(st, &writes, t->image, &img, err)))
			break;
		sqlite3_bind_int64(img, 1, row);
		int istep = sqlite3_step(img);
		const char *now = istep == SQLITE_ROW ? (const char *)sqlite3_column_text(img, 0) : NULL;
		if (istep != SQLITE_ROW && istep != SQLITE_DONE) {
			rc = store_sqlerr(st, err, N_("reading the journal"));
			break;
		}
		bool same = (!now && !to) || (now && to && strcmp(now, to) == 0);
		sqlite3_reset(img);
		if (!same) {
			rc = damaged(err, e, undo, sqlite3_column_int64(s, 4));
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	cache_free(&writes);
	sqlite3_finalize(s);
	return rc;
}

/* Who refers to a row of each table: (referring table, column), and one
 * query per direction that finds, in a single pass over the entry's
 * changes, a row the entry added (undo would delete it) or deleted (redo
 * would) that a row outside the entry refers to. One statement per kind of
 * reference, not one per row: an import adds 100,000 rows in one entry. */
static const struct {
	const char *target, *tbl, *col, *used_undo, *used_redo;
} references[] = {
	/* The referring rows this entry touched itself do not count: undo
	 * (redo) puts them back as they were, before the row is deleted. */
#define USED(target, tbl, col, side) \
	"SELECT c.row_id FROM change c WHERE c.entry = ?1 AND c.tbl = '" target "'" \
	" AND c." side " IS NULL AND EXISTS (SELECT 1 FROM " tbl " r WHERE r." col " = c.row_id" \
	" AND r.id NOT IN (SELECT row_id FROM change WHERE entry = ?1 AND tbl = '" tbl "'))" \
	" ORDER BY c.id LIMIT 1"
#define REF(target, tbl, col) \
	{ target, tbl, col, USED(target, tbl, col, "before"), USED(target, tbl, col, "after") }
	REF("unit", "task", "unit_id"),
	REF("unit", "task_unit", "unit_id"),
	REF("unit", "leader", "unit_id"),
	REF("leader", "task", "leader_id"),
	REF("task_group", "task", "group_id"),
	REF("source", "task", "source_id"),
	REF("task", "task_unit", "task_id"),
	REF("unit", "reminder", "unit_id"),
	REF("leader", "reminder", "leader_id"),
	REF("task", "reminder_task", "task_id"),
	REF("reminder", "reminder_task", "reminder_id"),
#undef REF
#undef USED
};

/* A row that undo (or redo) would delete must not be in use by a later
 * change: binh assigned a task to the leader an's entry created. Refuse
 * and name the change, before anything is written. */
static int check_references(struct store *st, const struct entry *e, bool undo,
                            struct r57_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = R57_OK;
	for (size_t i = 0; i < sizeof references / sizeof *references && !rc; i++) {
		if ((rc = store_prepare(st, undo ? references[i].used_undo : references[i].used_redo,
		                        &q, err)))
			break;
		sqlite3_bind_int64(q, 1, e->seq);
		int step = sqlite3_step(q);
		int64_t row = step == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
		sqlite3_finalize(q);
		q = NULL;
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = store_sqlerr(st, err, N_("reading the journal"));
			break;
		}
		if (step != SQLITE_ROW)
			continue;
		char *what = text_safe(e->summary ? e->summary : "", false);
		if ((rc = store_prepare(st,
		        "SELECT e.seq, e.actor, e.summary FROM change c JOIN entry e ON e.seq = c.entry"
		        " WHERE c.tbl = ? AND c.entry > ? AND json_extract(c.after, '$.' || ?) = ?"
		        " ORDER BY c.id DESC LIMIT 1", &q, err))) {
			free(what);
			break;
		}
		sqlite3_bind_text(q, 1, references[i].tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, e->seq);
		sqlite3_bind_text(q, 3, references[i].col, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, row);
		if (sqlite3_step(q) == SQLITE_ROW) {
			char *actor = text_safe((const char *)sqlite3_column_text(q, 1), false);
			char *sum = text_safe((const char *)sqlite3_column_text(q, 2), false);
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): %s made use of what it added in #%lld (%s); nothing was changed")
			                   : _("cannot redo #%lld (%s): %s made use of what it removed in #%lld (%s); nothing was changed"),
			              (long long)e->seq, what, actor, (long long)sqlite3_column_int64(q, 0), sum);
			free(actor);
			free(sum);
		} else {
			rc = r57_fail(err, R57_ECONFLICT,
			              undo ? _("cannot undo #%lld (%s): what it added is in use; nothing was changed")
			                   : _("cannot redo #%lld (%s): what it removed is in use; nothing was changed"),
			              (long long)e->seq, what);
		}
		free(what);
		sqlite3_finalize(q);
		q = NULL;
	}
	sqlite3_finalize(q);
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

static int plan(struct store *st, const char *actor, bool undo,
                struct entry *target, struct r57_err *err)
{
	bool found;
	int rc = get_entry(st, undo ? undo_sql : redo_sql, actor, target, &found, err);
	if (rc)
		return rc;
	if (!found) {
		char *a = text_safe(actor, false);
		rc = r57_fail(err, R57_ENOTHING, undo ? _("nothing to undo for %s") : _("nothing to redo for %s"), a);
		free(a);
		return rc;
	}
	rc = check_entry_sound(st, target, undo, err);
	if (!rc)
		rc = check_rows(st, target, undo, err);
	if (!rc)
		rc = check_references(st, target, undo, err);
	if (rc)
		entry_clear(target);
	return rc;
}

int sqlite_store_journal_undo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err)
{
	return plan(st, actor, true, target, err);
}

int sqlite_store_journal_redo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err)
{
	return plan(st, actor, false, target, err);
}

static int revert(struct store *st, const char *actor, const char *now,
                  r57_day today, bool undo, struct entry *done, struct r57_err *err)
{
	int rc = sqlite_store_begin(st, err);
	if (rc)
		return rc;
	/* Plan inside the write transaction, so nobody slips in between the
	 * check and the change. */
	if ((rc = plan(st, actor, undo, done, err))) {
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
		rc = apply_images(st, done, undo, err);
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
	if (!rc)
		rc = sqlite_store_commit(st, err);
	else
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
	 * issued (or undid) a reminder naming it, found through the partial
	 * index change_reminder_task_ix (its expression, word for word). A
	 * file of version 1 read as it is has neither index nor reminders. */
	if (q->task_id && st->version >= 2)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		        " AND seq IN (SELECT entry FROM change WHERE tbl = 'task' AND row_id = :task"
		        " UNION ALL SELECT entry FROM change WHERE tbl = 'reminder_task'"
		        " AND json_extract(coalesce(after, before), '$.task_id') = :task)");
	else if (q->task_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		        " AND seq IN (SELECT entry FROM change WHERE tbl = 'task' AND row_id = :task)");
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
		ENTRY_COLS " WHERE seq = (SELECT entry FROM change WHERE tbl = 'task' AND row_id = ?"
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
