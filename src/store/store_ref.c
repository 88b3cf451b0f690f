/* store_ref.c: key task groups, leaders, units and sources in an SQLite
 * file: list with how many tasks use each (people by given name, then
 * family and middle names; units and sources by name; all in Vietnamese
 * order), find what a user typed (an id or group number here, a name by
 * ref_match.c), warn of a name that looks like another, add, rename,
 * remove, reorder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store.h"
#include "r57/text.h"
#include "queries.h"
#include "ref_match.h"
#include "store_int.h"

/* Per kind: the table, the name column, and the queries. */
struct ref_sql {
	const char *list;      /* id, name, title, extra, position, uses */
	const char *by_id;     /* same columns, WHERE id = ? */
	const char *by_number; /* id from what a number means for the kind */
	const char *names;     /* id, name, extra (for candidates) */
	const char *pick;      /* the same, in no order: finding one */
	const char *insert;
	const char *rename;
	const char *title;
	const char *del;
};

#define F QUERY_FILE
#define GROUP_COLS QUERY_GROUP_COLS(F)
#define LEADER_COLS QUERY_LEADER_COLS(F)
#define UNIT_COLS QUERY_UNIT_COLS(F)
#define SOURCE_COLS QUERY_SOURCE_COLS(F)

static const struct ref_sql ref_sql[] = {
	[REF_GROUP] = {
		.list = GROUP_COLS " ORDER BY g.position, g.id",
		.by_id = GROUP_COLS " WHERE g.id = ?",
		.by_number = "SELECT id FROM task_group WHERE position = ?",
		.names = "SELECT id, name, position FROM task_group ORDER BY position",
		.pick = "SELECT id, name, position FROM task_group ORDER BY position",
		.insert = QUERY_GROUP_INSERT(F),
		.rename = "UPDATE task_group SET name = ?1 WHERE id = ?2",
		.title = NULL,
		.del = "DELETE FROM task_group WHERE id = ?",
	},
	[REF_LEADER] = {
		.list = LEADER_COLS " ORDER BY r57_person_key(l.name), l.id",
		.by_id = LEADER_COLS " WHERE l.id = ?",
		.by_number = "SELECT id FROM leader WHERE id = ?",
		.names = QUERY_LEADER_NAMES(F)
		         " ORDER BY r57_person_key(l.name), l.id",
		.pick = "SELECT l.id, l.name, u.name FROM leader l LEFT JOIN unit u ON u.id = l.unit_id",
		.insert = QUERY_LEADER_INSERT(F),
		.rename = "UPDATE leader SET name = ?1 WHERE id = ?2",
		.title = "UPDATE leader SET title = ?1 WHERE id = ?2",
		.del = "DELETE FROM leader WHERE id = ?",
	},
	[REF_UNIT] = {
		.list = UNIT_COLS " ORDER BY r57_sortkey(u.name), u.id",
		.by_id = UNIT_COLS " WHERE u.id = ?",
		.by_number = "SELECT id FROM unit WHERE id = ?",
		.pick = "SELECT id, name, NULL FROM unit",
		.names = QUERY_UNIT_NAMES(F) " ORDER BY r57_sortkey(name), id",
		.insert = QUERY_UNIT_INSERT(F),
		.rename = "UPDATE unit SET name = ?1 WHERE id = ?2",
		.title = NULL,
		.del = "DELETE FROM unit WHERE id = ?",
	},
	[REF_SOURCE] = {
		.list = SOURCE_COLS " ORDER BY r57_sortkey(s.code), s.id",
		.by_id = SOURCE_COLS " WHERE s.id = ?",
		.by_number = "SELECT id FROM source WHERE id = ?",
		.pick = "SELECT id, code, title FROM source",
		.names = QUERY_SOURCE_NAMES(F) " ORDER BY r57_sortkey(code), id",
		.insert = "INSERT INTO source(code, title, issued) VALUES (?1, ?2, ?4)",
		.rename = "UPDATE source SET code = ?1 WHERE id = ?2",
		.title = "UPDATE source SET title = ?1 WHERE id = ?2",
		.del = "DELETE FROM source WHERE id = ?",
	},
};

static void read_ref(sqlite3_stmt *s, struct ref *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->name = store_col_dup(s, 1);
	r->title = store_col_dup(s, 2);
	r->extra = store_col_dup(s, 3);
	r->position = sqlite3_column_int(s, 4);
	r->uses = sqlite3_column_int64(s, 5);
	r->extra_id = sqlite3_column_int64(s, 6);
}

/* The names query: id, name, and its third column (a leader's unit, a
 * source's title) as the title. */
static void read_name(sqlite3_stmt *s, struct ref *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->name = store_col_dup(s, 1);
	r->title = store_col_dup(s, 2);
}

/* A group's: its third column is its number, as the PostgreSQL store
 * gives it. */
static void read_group_name(sqlite3_stmt *s, struct ref *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->name = store_col_dup(s, 1);
	r->position = sqlite3_column_int(s, 2);
}

/* Each row of sql, read by read, to each. */
static int each_ref(struct store *st, const char *sql, void (*read)(sqlite3_stmt *, struct ref *),
                    ref_each_fn each, void *ctx, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), step;
	if (rc)
		return rc;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct ref r;
		read(s, &r);
		int stop = each(&r, ctx);
		ref_clear(&r);
		if (stop)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("listing"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_ref_list(struct store *st, enum ref_kind k, ref_each_fn each,
                   void *ctx, struct r57_err *err)
{
	return each_ref(st, ref_sql[k].list, read_ref, each, ctx, err);
}

int sqlite_store_ref_names(struct store *st, enum ref_kind k, ref_each_fn each,
                    void *ctx, struct r57_err *err)
{
	return each_ref(st, ref_sql[k].names, k == REF_GROUP ? read_group_name : read_name, each, ctx,
	                err);
}

int sqlite_store_ref_get(struct store *st, enum ref_kind k, int64_t id,
                  struct ref *out, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, ref_sql[k].by_id, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		read_ref(s, out);
	else if (step == SQLITE_DONE)
		rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"), _(ref_label(k)), (long long)id);
	else
		rc = store_sqlerr(st, err, N_("reading"));
	sqlite3_finalize(s);
	return rc;
}

/* Every row of the kind's names (the third column a group's number), in
 * the order they are listed, or in none (sorted: false). */
static int read_names(struct store *st, enum ref_kind k, bool sorted, struct ref_names *ns,
                      struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sorted ? ref_sql[k].names : ref_sql[k].pick, &s, err), step;
	if (rc)
		return rc;
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		if (!ref_names_push(ns, sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		                    k == REF_GROUP ? NULL : (const char *)sqlite3_column_text(s, 2),
		                    k == REF_GROUP ? sqlite3_column_int(s, 2) : 0)) {
			rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
			break;
		}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("finding"));
	sqlite3_finalize(s);
	return rc;
}

static int find(struct store *st, enum ref_kind k, const char *typed, bool marks_matter,
                int64_t *id_out, struct r57_err *err)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *s;
	int rc;

	if (ref_all_digits(typed)) {
		if ((rc = store_prepare(st, q->by_number, &s, err)))
			return rc;
		sqlite3_bind_int64(s, 1, strtoll(typed, NULL, 10));
		int step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			*id_out = sqlite3_column_int64(s, 0);
		else if (step == SQLITE_DONE)
			rc = r57_fail(err, R57_ENOTFOUND, _("%s %s does not exist (see: r57 %s list)"),
			              _(ref_label(k)), typed, ref_kind_name(k));
		else
			rc = store_sqlerr(st, err, N_("finding"));
		sqlite3_finalize(s);
		if (rc != R57_ENOTFOUND || k == REF_GROUP || k == REF_SOURCE)
			return rc;
		/* A leader or unit may also be named by digits; fall through. */
	}

	/* Which one is meant does not depend on the order; the candidates
	 * of an ambiguous name are listed in order, so only then are the
	 * names read again sorted (the sort keys of 300 people are a third
	 * of an add). */
	struct ref_names ns = { 0 };
	if (!(rc = read_names(st, k, false, &ns, err)))
		rc = ref_pick(k, typed, marks_matter, &ns, id_out, err);
	ref_names_free(&ns);
	if (rc == R57_EAMBIGUOUS) {
		struct ref_names sorted = { 0 };
		if (!read_names(st, k, true, &sorted, NULL))
			rc = ref_pick(k, typed, marks_matter, &sorted, id_out, err);
		ref_names_free(&sorted);
	}
	return rc;
}

int sqlite_store_ref_find(struct store *st, enum ref_kind k, const char *typed,
                   int64_t *id_out, struct r57_err *err)
{
	return find(st, k, typed, false, id_out, err);
}

int sqlite_store_ref_find_new(struct store *st, enum ref_kind k, const char *typed,
                       int64_t *id_out, struct r57_err *err)
{
	return find(st, k, typed, true, id_out, err);
}

bool sqlite_store_ref_lookalike(struct store *st, enum ref_kind k, const char *name,
                         int64_t except, struct r57_err *warn)
{
	struct ref_names ns = { 0 };
	bool found = !read_names(st, k, true, &ns, NULL) && ref_looks_like(k, name, except, &ns, warn);
	ref_names_free(&ns);
	return found;
}

int sqlite_store_ref_insert(struct store *st, enum ref_kind k, const char *name,
                     const char *title, int64_t unit_id, const char *extra,
                     int64_t *id_out, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, ref_sql[k].insert, &s, err);
	if (rc)
		return rc;
	int np = sqlite3_bind_parameter_count(s);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	if (np >= 2)
		store_bind_text_or_null(s, 2, title);
	if (np >= 3 && k == REF_LEADER)
		store_bind_id_or_null(s, 3, unit_id);
	if (np >= 4)
		store_bind_text_or_null(s, 4, extra);
	int step = sqlite3_step(s);
	if (step == SQLITE_DONE) {
		if (id_out)
			*id_out = sqlite3_last_insert_rowid(st->db);
	} else if ((sqlite3_extended_errcode(st->db)) == SQLITE_CONSTRAINT_UNIQUE) {
		rc = ref_exists(k, name, err);
	} else {
		rc = store_sqlerr(st, err, N_("adding"));
	}
	sqlite3_finalize(s);
	return rc;
}

static int update_text(struct store *st, enum ref_kind k, const char *sql,
                       int64_t id, const char *text, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	store_bind_text_or_null(s, 1, text);
	sqlite3_bind_int64(s, 2, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_DONE) {
		if (sqlite3_changes(st->db) == 0)
			rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"),
			              _(ref_label(k)), (long long)id);
	} else if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE) {
		rc = ref_exists(k, text, err);
	} else {
		rc = store_sqlerr(st, err, N_("renaming"));
	}
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_ref_rename(struct store *st, enum ref_kind k, int64_t id,
                     const char *name, struct r57_err *err)
{
	return update_text(st, k, ref_sql[k].rename, id, name, err);
}

int sqlite_store_ref_set_title(struct store *st, enum ref_kind k, int64_t id,
                        const char *title, struct r57_err *err)
{
	if (!ref_sql[k].title)
		return r57_fail(err, R57_EUSAGE, _("a %s has no title"), _(ref_label(k)));
	return update_text(st, k, ref_sql[k].title, id, title, err);
}

int sqlite_store_ref_delete(struct store *st, enum ref_kind k, int64_t id,
                     struct r57_err *err)
{
	struct ref r;
	int rc = sqlite_store_ref_get(st, k, id, &r, err);
	if (rc)
		return rc;
	if (r.uses > 0) {
		rc = ref_in_use(k, &r, err);
		ref_clear(&r);
		return rc;
	}
	int pos = r.position;
	sqlite3_stmt *s;
	/* The reminders a unit or person received stay on record. */
	if (k == REF_UNIT || k == REF_LEADER) {
		if ((rc = store_prepare(st, k == REF_UNIT
		                                ? QUERY_UNIT_REMINDERS(F)
		                                : QUERY_LEADER_REMINDERS(F),
		                        &s, err))) {
			ref_clear(&r);
			return rc;
		}
		sqlite3_bind_int64(s, 1, id);
		int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_finalize(s);
		if (n > 0) {
			rc = ref_reminded(k, &r, n, err);
			ref_clear(&r);
			return rc;
		}
	}
	ref_clear(&r);
	if ((rc = store_prepare(st, ref_sql[k].del, &s, err)))
		return rc;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("removing"));
	sqlite3_finalize(s);
	if (!rc && k == REF_GROUP) {
		/* Keep group numbers 1..n without gaps. */
		if ((rc = store_prepare(st, QUERY_GROUP_CLOSE_UP(F), &s, err)))
			return rc;
		sqlite3_bind_int(s, 1, pos);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("renumbering groups"));
		sqlite3_finalize(s);
	}
	return rc;
}

int sqlite_store_group_move(struct store *st, int64_t id, int pos, struct r57_err *err)
{
	struct ref r;
	int rc = sqlite_store_ref_get(st, REF_GROUP, id, &r, err);
	if (rc)
		return rc;
	int from = r.position;
	ref_clear(&r);
	sqlite3_stmt *s;
	if ((rc = store_prepare(st, QUERY_GROUP_COUNT(F), &s, err)))
		return rc;
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (pos < 1 || pos > n)
		return r57_fail(err, R57_EINPUT, _("position %d is out of range (1 to %d)"), pos, n);
	if (pos == from)
		return R57_OK;
	const char *sql = pos < from
		? QUERY_GROUP_SHIFT_DOWN(F)
		: QUERY_GROUP_SHIFT_UP(F);
	if ((rc = store_prepare(st, sql, &s, err)))
		return rc;
	sqlite3_bind_int(s, 1, pos);
	sqlite3_bind_int(s, 2, from);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("moving a group"));
	sqlite3_finalize(s);
	if (rc)
		return rc;
	if ((rc = store_prepare(st, QUERY_GROUP_PLACE(F), &s, err)))
		return rc;
	sqlite3_bind_int(s, 1, pos);
	sqlite3_bind_int64(s, 2, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("moving a group"));
	sqlite3_finalize(s);
	return rc;
}
