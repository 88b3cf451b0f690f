/* pg_task.c: tasks on a PostgreSQL server: read one, add, change, delete,
 * their coordinating units, the list by the filter of `r57 list` (its
 * condition, the same as store_list.c's: pg_filter.c) and the screen's
 * pages of it. The folded words and the title's sort key are written
 * with each row by r57 itself (text_search_body, text_sort_key: the
 * server has not r57's Vietnamese rules), and compared byte by byte
 * (COLLATE "C"), as SQLite compares them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store_task.h"
#include "r57/text.h"
#include "pg_int.h"
#include "store_rows.h"

#define TASK_COLS PG_TASK_SELECT( \
	" (SELECT string_agg(octet_length(un.name) || ':' || un.name, '' ORDER BY tu.id)" \
	"   FROM r57.task_unit tu JOIN r57.unit un ON un.id = tu.unit_id WHERE tu.task_id = t.id),")

void pg_read_task(const PGresult *res, int r, struct task *t)
{
	memset(t, 0, sizeof *t);
	t->id = pg_int(res, r, 0);
	snprintf(t->uuid, sizeof t->uuid, "%s", PQgetvalue(res, r, 1));
	t->title = pg_dup(res, r, 2);
	t->notes = pg_dup(res, r, 3);
	t->product = pg_dup(res, r, 4);
	t->result = pg_dup(res, r, 5);
	t->group_id = pg_int(res, r, 6);
	t->leader_id = pg_int(res, r, 7);
	t->unit_id = pg_int(res, r, 8);
	t->source_id = pg_int(res, r, 9);
	t->group_number = (int)pg_int(res, r, 10);
	t->group_name = pg_dup(res, r, 11);
	t->leader_name = pg_dup(res, r, 12);
	t->unit_name = pg_dup(res, r, 13);
	t->source_code = pg_dup(res, r, 14);
	store_units_unpack(pg_null(res, r, 15) ? NULL : PQgetvalue(res, r, 15), t);
	t->year = (int)pg_int(res, r, 16);
	t->due = pg_day(res, r, 17);
	t->first_due = pg_day(res, r, 18);
	t->closed = pg_day(res, r, 19);
	t->created = pg_day(res, r, 20);
	t->extensions = (int)pg_int(res, r, 21);
	if (!task_status_parse(PQgetvalue(res, r, 22), &t->status))
		t->status = TASK_OPEN;
	t->updated = pg_dup(res, r, 23);
}

static int task_missing(int64_t id, struct r57_err *err)
{
	return r57_fail(err, R57_ENOTFOUND, _("task #%lld does not exist"), (long long)id);
}

int pg_store_task_get(struct store *st, int64_t id, struct task *out, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, id);
	PGresult *res;
	int rc = pg_run(pg_of(st), TASK_COLS " WHERE t.id = $1", &a, &res, N_("reading a task"), err);
	if (rc)
		return rc;
	if (PQntuples(res) == 1)
		pg_read_task(res, 0, out);
	else
		rc = task_missing(id, err);
	PQclear(res);
	return rc;
}

void pg_row_args(struct pg_row_args *ra, const struct task_row *r, const char *now)
{
	memset(ra, 0, sizeof *ra);
	struct pg_args *a = &ra->a;
	pg_arg_text(a, r->uuid);
	pg_arg_text(a, r->title ? r->title : "");
	pg_arg_text_or_null(a, r->notes);
	pg_arg_text_or_null(a, r->product);
	pg_arg_text_or_null(a, r->result);
	pg_arg_id(a, r->group_id);
	pg_arg_id(a, r->leader_id);
	pg_arg_id(a, r->unit_id);
	pg_arg_id(a, r->source_id);
	if (r->year > 0)
		pg_arg_int(a, r->year);
	else
		pg_arg_text(a, NULL);
	pg_arg_day(a, r->due);
	pg_arg_day(a, r->first_due);
	pg_arg_int(a, r->extensions);
	pg_arg_text(a, task_status_name(r->status));
	pg_arg_day(a, r->closed);
	pg_arg_day(a, r->created);
	pg_arg_text(a, now);
	char *text = NULL;
	if (asprintf(&text, "%s %s", r->title ? r->title : "", r->notes ? r->notes : "") < 0)
		abort();
	ra->body = text_search_body(text, false);
	ra->marks = text_search_body(text, true);
	free(text);
	ra->key = text_sort_key(r->title ? r->title : "");
	pg_arg_text(a, ra->body ? ra->body : "");
	pg_arg_text(a, ra->marks ? ra->marks : "");
	pg_arg_text(a, ra->key);
}

void pg_row_args_free(struct pg_row_args *ra)
{
	free(ra->body);
	free(ra->marks);
	free(ra->key);
}

int pg_store_task_insert(struct store *st, const struct task_row *r, const char *now,
                         int64_t *id_out, struct r57_err *err)
{
	int rc = pg_focal_check(pg_of(st), r->unit_id, -1, err);
	if (rc)
		return rc;
	struct pg_row_args ra;
	pg_row_args(&ra, r, now);
	PGresult *res;
	rc = pg_run(pg_of(st),
		"INSERT INTO r57.task(" PG_TASK_COLS ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)"
		" RETURNING id", &ra.a, &res, N_("adding a task"), err);
	pg_row_args_free(&ra);
	if (rc)
		return rc;
	if (id_out)
		*id_out = pg_int(res, 0, 0);
	PQclear(res);
	return R57_OK;
}

int pg_store_task_update(struct store *st, int64_t id, const struct task_row *r,
                         const char *now, struct r57_err *err)
{
	int rc = pg_focal_check_task(pg_of(st), id, r->unit_id, err);
	if (rc)
		return rc;
	struct pg_row_args ra;
	pg_row_args(&ra, r, now);
	pg_arg_int(&ra.a, id);
	PGresult *res;
	rc = pg_run(pg_of(st),
		"UPDATE r57.task SET uuid = $1, title = $2, notes = $3, product = $4, result = $5,"
		" group_id = $6, leader_id = $7, unit_id = $8, source_id = $9, year = $10,"
		" due = $11, first_due = $12, extensions = $13, status = $14, closed = $15,"
		" created = $16, updated = $17, search_body = $18, search_marks = $19, title_key = $20"
		" WHERE id = $21", &ra.a, &res, N_("changing a task"), err);
	pg_row_args_free(&ra);
	if (rc)
		return rc;
	if (strcmp(PQcmdTuples(res), "0") == 0)
		rc = task_missing(id, err);
	PQclear(res);
	return rc;
}

static int run_ids(struct store *st, const char *sql, int64_t x, int64_t y, const char *doing,
                   int64_t *changed, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, x);
	if (y)
		pg_arg_int(&a, y);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, doing, err);
	if (rc)
		return rc;
	if (changed)
		*changed = strtoll(PQcmdTuples(res), NULL, 10);
	PQclear(res);
	return R57_OK;
}

int pg_store_task_delete(struct store *st, int64_t id, struct r57_err *err)
{
	/* The reminders that named it lose it (the reminder stays), as on
	 * SQLite; undo brings both back. */
	int64_t n = 0;
	int rc = pg_focal_check_task(pg_of(st), id, -1, err);
	if (!rc)
		rc = run_ids(st, "DELETE FROM r57.reminder_task WHERE task_id = $1", id, 0,
		             N_("deleting a task"), NULL, err);
	if (!rc)
		rc = run_ids(st, "DELETE FROM r57.task_unit WHERE task_id = $1", id, 0,
		             N_("deleting a task"), NULL, err);
	if (!rc)
		rc = run_ids(st, "DELETE FROM r57.task WHERE id = $1", id, 0, N_("deleting a task"), &n, err);
	if (!rc && n == 0)
		rc = task_missing(id, err);
	return rc;
}

int pg_store_task_units(struct store *st, int64_t id, int64_t **ids, int *n, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, id);
	PGresult *res;
	*ids = NULL;
	*n = 0;
	int rc = pg_run(pg_of(st), "SELECT unit_id FROM r57.task_unit WHERE task_id = $1 ORDER BY id",
	                &a, &res, N_("reading a task"), err);
	if (rc)
		return rc;
	int rows = PQntuples(res);
	if (rows && !(*ids = malloc((size_t)rows * sizeof **ids))) {
		PQclear(res);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	for (int i = 0; i < rows; i++)
		(*ids)[i] = pg_int(res, i, 0);
	*n = rows;
	PQclear(res);
	return R57_OK;
}

int pg_store_task_unit_add(struct store *st, int64_t task, int64_t unit, struct r57_err *err)
{
	int rc = pg_focal_check_task(pg_of(st), task, -1, err);
	if (rc)
		return rc;
	return run_ids(st, "INSERT INTO r57.task_unit(task_id, unit_id) VALUES ($1, $2)"
	                   " ON CONFLICT DO NOTHING", task, unit, N_("adding a coordinating unit"), NULL, err);
}

int pg_store_task_unit_remove(struct store *st, int64_t task, int64_t unit, struct r57_err *err)
{
	int rc = pg_focal_check_task(pg_of(st), task, -1, err);
	if (rc)
		return rc;
	return run_ids(st, "DELETE FROM r57.task_unit WHERE task_id = $1 AND unit_id = $2", task, unit,
	               N_("removing a coordinating unit"), NULL, err);
}

static const char *order_by(enum filter_sort sort)
{
	switch (sort) {
	case SORT_ID: return " ORDER BY t.id";
	case SORT_TITLE: return " ORDER BY t.title_key COLLATE \"C\", t.id";
	default: return " ORDER BY t.due COLLATE \"C\" NULLS LAST, t.id";
	}
}

/* Run head, the filter's WHERE, (AND t.id = id when id), tail. */
static int run_filtered(struct store *st, const struct task_filter *f, r57_day today,
                        const char *head, int64_t id, const char *tail, const char *doing,
                        PGresult **res, struct r57_err *err)
{
	struct pg_filter fs;
	int rc = pg_filter_build(f, today, &fs, err);
	if (rc)
		return rc;
	char one[32] = "";
	if (id) {
		pg_arg_int(&fs.a, id);
		snprintf(one, sizeof one, " AND t.id = $%d", fs.a.n);
	}
	char *sql = NULL;
	if (asprintf(&sql, "%s%s%s%s", head, fs.where, one, tail) < 0)
		abort();
	rc = pg_run(pg_of(st), sql, &fs.a, res, doing, err);
	free(sql);
	pg_filter_free(&fs);
	return rc;
}

/* Hand every task of res to each() until it asks to stop. */
static void each_task(const PGresult *res, task_each_fn each, void *ctx)
{
	for (int r = 0; r < PQntuples(res); r++) {
		struct task t;
		pg_read_task(res, r, &t);
		int stop = each(&t, ctx);
		task_clear(&t);
		if (stop)
			break;
	}
}

int pg_store_task_list(struct store *st, const struct task_filter *f, r57_day today, int limit,
                       task_each_fn each, void *ctx, struct r57_err *err)
{
	char tail[96];
	snprintf(tail, sizeof tail, "%s", order_by(f->sort));
	if (limit > 0)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " LIMIT %d", limit);
	PGresult *res;
	int rc = run_filtered(st, f, today, TASK_COLS, 0, tail, N_("listing tasks"), &res, err);
	if (rc)
		return rc;
	each_task(res, each, ctx);
	PQclear(res);
	return R57_OK;
}

int pg_store_task_count(struct store *st, const struct task_filter *f, r57_day today,
                        int64_t *out, struct r57_err *err)
{
	PGresult *res;
	int rc = run_filtered(st, f, today, "SELECT count(*) FROM r57.task t", 0, "",
	                      N_("counting tasks"), &res, err);
	if (rc)
		return rc;
	*out = pg_int(res, 0, 0);
	PQclear(res);
	return R57_OK;
}

int pg_store_task_matches(struct store *st, const struct task_filter *f, r57_day today,
                          int64_t id, bool *yes, struct r57_err *err)
{
	PGresult *res;
	int rc = run_filtered(st, f, today, "SELECT 1 FROM r57.task t", id, "", N_("listing tasks"),
	                      &res, err);
	if (rc)
		return rc;
	*yes = PQntuples(res) > 0;
	PQclear(res);
	return R57_OK;
}

/* --- the screen's pages ------------------------------------------------------------
 * Keyset paging within one bucket (a group's, a leader's, ... tasks, or a
 * month's by deadline): the rows after (or, backward, before) the key of
 * the last row shown, in the list's order, as sqlite_store_task_page
 * reads them. The key is task_sort_value's, compared byte by byte. */

static const char *page_key(enum filter_sort sort)
{
	switch (sort) {
	case SORT_DUE: return "coalesce(t.due, '9999-12-31') COLLATE \"C\"";
	case SORT_TITLE: return "t.title_key COLLATE \"C\"";
	default: return "''::text";
	}
}

static const char *const bucket_col[] = {
	[BY_GROUP] = "t.group_id",
	[BY_LEADER] = "t.leader_id",
	[BY_UNIT] = "t.unit_id",
	[BY_SOURCE] = "t.source_id",
	[BY_MONTH] = "t.due",
};

/* The bucket's condition, its value (if any) in a. */
static void page_bucket(char *buf, size_t len, struct pg_args *a, enum group_by by,
                        int64_t bucket, const char *month)
{
	if (by == BY_MONTH && month && *month) {
		pg_arg_text(a, month);
		snprintf(buf, len, " AND substr(t.due, 1, 7) = $%d", a->n);
	} else if (by != BY_MONTH && bucket) {
		pg_arg_int(a, bucket);
		snprintf(buf, len, " AND %s = $%d", bucket_col[by], a->n);
	} else {
		snprintf(buf, len, " AND %s IS NULL", bucket_col[by]);
	}
}

int pg_store_task_page(struct store *st, const struct task_filter *f, r57_day today,
                       enum group_by by, int64_t bucket, const char *month,
                       const char *after_sort, int64_t after_id, bool backward, int limit,
                       task_each_fn each, void *ctx, struct r57_err *err)
{
	struct pg_filter fs;
	int rc = pg_filter_build(f, today, &fs, err);
	if (rc)
		return rc;
	const char *key = page_key(f->sort), *dir = backward ? " DESC" : "";
	char in_bucket[96], after[320] = "";
	page_bucket(in_bucket, sizeof in_bucket, &fs.a, by, bucket, month);
	if (after_sort) {
		pg_arg_text(&fs.a, after_sort);
		pg_arg_int(&fs.a, after_id);
		snprintf(after, sizeof after, " AND (%s, t.id) %s ($%d, $%d)", key, backward ? "<" : ">",
		         fs.a.n - 1, fs.a.n);
	}
	if (limit > 0)
		pg_arg_int(&fs.a, limit);
	else
		pg_arg_text(&fs.a, NULL); /* LIMIT NULL: every row */
	char *sql = NULL;
	if (asprintf(&sql, "%s%s%s%s ORDER BY %s%s, t.id%s LIMIT $%d", PG_TASK_SELECT_PLAIN, fs.where,
	             in_bucket, after, key, dir, dir, fs.a.n) < 0)
		abort();
	PGresult *res;
	rc = pg_run(pg_of(st), sql, &fs.a, &res, N_("listing tasks"), err);
	free(sql);
	pg_filter_free(&fs);
	if (rc)
		return rc;
	each_task(res, each, ctx);
	PQclear(res);
	return R57_OK;
}
