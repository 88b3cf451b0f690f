/* store_figures.c: the counts behind the status figures, in one query
 * (two for a report as of today). A task's state on date D is, column by
 * column, the value recorded by the first change after D that changed the
 * column, or the row as it is if nothing changed it since; its completion
 * follows the closing date the user gave (docs/figures.md). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store_figures.h"
#include "r57/store.h"
#include "store_int.h"

/* `prev`: for each task whose count of extensions moved after the
 * previous reporting date, the count on that date: the before image of the
 * first change after it that moved the count. A task whose count on D is
 * higher was extended between the two dates; comparing the counts, rather
 * than counting the changes, lets an extension undone within the period
 * count for nothing. A task made after that date starts at the count it
 * was made with, so an import bringing earlier extensions adds none. Read
 * from the entries after the previous date, like `later`: its cost
 * follows the work done since, and it holds only the tasks extended. */
#define PREV_CTE \
	"prev AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, c.v13 AS ext, min(c.id)" \
	"  FROM entry e CROSS JOIN change_log c ON c.entry = e.seq" \
	"  WHERE e.day > :since AND c.tbl = 5 AND c.cols & 4096" \
	"  GROUP BY c.row_id)"

/* A column of a task on D: the value the first change after D that
 * changed it recorded (v<k>, bit b of cols), else the row as it is. The
 * first change after D itself answers most (a removal records every
 * column; a task changed once since is the row but for what it records). */
#define ON_D(k, b, x) \
	" CASE WHEN f.cols & " b " THEN f.v" k " WHEN l.n = 1 THEN t." x \
	" WHEN EXISTS (SELECT 1 FROM change_log p WHERE p.tbl = 5 AND p.row_id = l.id" \
	"   AND p.id > f.id AND p.cols & " b ")" \
	" THEN (SELECT p.v" k " FROM change_log p WHERE p.tbl = 5 AND p.row_id = l.id" \
	"   AND p.id > f.id AND p.cols & " b " ORDER BY p.id LIMIT 1)" \
	" ELSE t." x " END"
/* A column of a task as it is: the row, or what its removal recorded. */
#define NOW(k, x) \
	" CASE WHEN t.id IS NOT NULL THEN t." x " ELSE (SELECT p.v" k " FROM change_log p" \
	"   WHERE p.tbl = 5 AND p.row_id = l.id AND p.op = 3 ORDER BY p.id DESC LIMIT 1) END"

/* `later`: the first change after D of every task changed since, and how
 * many there were (change_log: v6 group_id, v7 leader_id, v8 unit_id,
 * v9 source_id, v10 year, v11 due, v13 extensions, v14 status, v15 closed,
 * v16 created). A task whose first change since is its addition did not
 * exist yet. It is read from the entries after D (index on entry.day), so
 * its cost follows the work done since D, not the size of the journal. */
#define LATER_CTE \
	"WITH " PREV_CTE ", later AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, min(c.id) AS first, count(*) AS n" \
	"  FROM entry e CROSS JOIN change_log c ON c.entry = e.seq" \
	"  WHERE e.day > :asof AND c.tbl = 5 GROUP BY c.row_id)," \
	" state AS (" \
	"  SELECT l.id AS id," ON_D("6", "32", "group_id") " AS group_id," \
	ON_D("7", "64", "leader_id") " AS leader_id," \
	ON_D("8", "128", "unit_id") " AS unit_id," \
	ON_D("9", "256", "source_id") " AS source_id," \
	ON_D("10", "512", "year") " AS year," \
	ON_D("11", "1024", "due") " AS due," \
	ON_D("14", "8192", "status") " AS status," \
	ON_D("15", "16384", "closed") " AS closed," \
	ON_D("16", "32768", "created") " AS created," \
	ON_D("13", "4096", "extensions") " AS extensions," \
	NOW("14", "status") " AS now_status," \
	NOW("15", "closed") " AS now_closed," \
	NOW("11", "due") " AS now_due" \
	"  FROM later l JOIN change_log f ON f.id = l.first LEFT JOIN task t ON t.id = l.id" \
	"  WHERE f.op <> 1" \
	"  UNION ALL" \
	"  SELECT t.id, t.group_id, t.leader_id, t.unit_id, t.source_id, t.year, t.due, t.status," \
	"         t.closed, t.created, t.extensions, t.status, t.closed, t.due" \
	"  FROM task t LEFT JOIN later l ON l.id = t.id WHERE l.id IS NULL)," \
	" judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due, created, extensions," \
	"    CASE WHEN status = 'done' AND closed <= :asof THEN 1" \
	"         WHEN now_status = 'done' AND now_closed <= :asof THEN 1 ELSE 0 END AS done," \
	"    CASE WHEN status = 'done' AND closed <= :asof THEN (due IS NULL OR closed <= due)" \
	"         ELSE (now_due IS NULL OR now_closed <= now_due) END AS on_time," \
	"    extensions > coalesce(p.ext, extensions) AS ext_since" \
	"  FROM state s LEFT JOIN prev p ON p.id = s.id WHERE s.status <> 'cancelled'"

/* Nothing happened after D (a report as of today): the rows as they are.
 * The extensions since the previous date come from EXT_NOW_CTE, a second
 * query over the few tasks extended, so that this one stays a plain scan. */
#define NOW_CTE \
	"WITH judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due, created, extensions," \
	"    (status = 'done' AND closed <= :asof) AS done," \
	"    (due IS NULL OR closed <= due) AS on_time, 0 AS ext_since" \
	"  FROM task %s WHERE status <> 'cancelled'"

/* The tasks extended since the previous date, as they are now. */
#define EXT_NOW_CTE \
	"WITH " PREV_CTE ", judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due" \
	"  FROM prev p JOIN task t ON t.id = p.id" \
	"  WHERE t.extensions > p.ext AND status <> 'cancelled'"

/* The bucket column, chosen from fixed names by enum group_by. */
static const char *const bucket_cols[] = {
	[BY_GROUP] = "coalesce(group_id, 0), ''",
	[BY_LEADER] = "coalesce(leader_id, 0), ''",
	[BY_UNIT] = "coalesce(unit_id, 0), ''",
	[BY_SOURCE] = "coalesce(source_id, 0), ''",
	[BY_MONTH] = "0, coalesce(substr(due, 1, 7), '')",
};

#define EXT_SQL_TAIL ") SELECT %s, count(*) FROM judged GROUP BY 1, 2"

/* Each task's part in every figure, one row a task: the buckets are
 * summed here (struct sums), not by GROUP BY, which would sort every task
 * (100,000 rows of a report into SQLite's sorter, four times over, for a
 * few hundred buckets). The columns are the terms the figures are made
 * of (sum_row); the row count is the total. */
#define FIGURES_SQL_TAIL \
	")" \
	" SELECT %s, done, on_time, due IS NULL OR due >= :asof, due < :asof," \
	"   created > :since, extensions > 0, ext_since" \
	" FROM judged"

/* A column of that row as SQL's three-valued logic has it. */
enum tri { T_NULL = -1, T_FALSE = 0, T_TRUE = 1 };

static enum tri col_tri(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return T_NULL;
	return sqlite3_column_int64(s, i) != 0 ? T_TRUE : T_FALSE;
}

/* One task's part in its bucket's figures: what each figure's sum() over
 * the judged rows added (sum(done AND on_time), sum(NOT done AND (due IS
 * NULL OR due >= :asof)), ...), from done, on_time and the deadline's
 * place, each in its three values: only a true AND counts, as in sum(). */
static void sum_row(sqlite3_stmt *s, struct figures *f)
{
	enum tri done = col_tri(s, 2), on_time = col_tri(s, 3);
	f->total++;
	if (done == T_TRUE) {
		f->completed++;
		f->completed_on_time += on_time == T_TRUE;
		f->completed_late += on_time == T_FALSE;
	} else if (done == T_FALSE) {
		f->open++;
		f->open_within_deadline += col_tri(s, 4) == T_TRUE;
		f->open_overdue += col_tri(s, 5) == T_TRUE;
	}
	f->added_since += col_tri(s, 6) == T_TRUE;
	f->extended += col_tri(s, 7) == T_TRUE;
	f->extended_since += col_tri(s, 8) == T_TRUE;
}

/* The buckets' figures as the rows are summed: open addressing on the
 * bucket and the month, grown at half full. */
struct bucket_sum {
	bool used;
	int64_t bucket;
	char month[8];
	struct figures f;
};

struct sums {
	struct bucket_sum *v;
	size_t cap, n;
};

static size_t sum_hash(int64_t bucket, const char *month)
{
	uint64_t h = (uint64_t)bucket * 0x9E3779B97F4A7C15u;
	for (; *month; month++)
		h = (h ^ (unsigned char)*month) * 0x100000001B3u;
	return (size_t)(h ^ (h >> 29));
}

static struct bucket_sum *sum_slot(struct bucket_sum *v, size_t cap, int64_t bucket,
                                   const char *month)
{
	size_t i = sum_hash(bucket, month) & (cap - 1);
	while (v[i].used && (v[i].bucket != bucket || strcmp(v[i].month, month) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* The bucket's figures, made on first sight; NULL when memory ran out. */
static struct figures *sum_find(struct sums *sm, int64_t bucket, const char *month)
{
	if (sm->cap == 0 || (sm->n + 1) * 2 > sm->cap) {
		size_t cap = sm->cap ? sm->cap * 2 : 64;
		struct bucket_sum *v = calloc(cap, sizeof *v);
		if (!v)
			return NULL;
		for (size_t i = 0; i < sm->cap; i++)
			if (sm->v[i].used)
				*sum_slot(v, cap, sm->v[i].bucket, sm->v[i].month) = sm->v[i];
		free(sm->v);
		sm->v = v;
		sm->cap = cap;
	}
	struct bucket_sum *b = sum_slot(sm->v, sm->cap, bucket, month);
	if (!b->used) {
		b->used = true;
		b->bucket = bucket;
		snprintf(b->month, sizeof b->month, "%s", month);
		sm->n++;
	}
	return &b->f;
}

/* The order GROUP BY bucket, month gave: by the bucket, then the month. */
static int by_bucket(const void *x, const void *y)
{
	const struct bucket_sum *a = x, *b = y;
	if (a->bucket != b->bucket)
		return a->bucket < b->bucket ? -1 : 1;
	return strcmp(a->month, b->month);
}

static int changed_after(struct store *st, r57_day as_of, bool *yes, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "SELECT EXISTS (SELECT 1 FROM entry WHERE day > ?)", &s, err);
	if (rc)
		return rc;
	store_bind_day(s, 1, as_of);
	if (sqlite3_step(s) == SQLITE_ROW)
		*yes = sqlite3_column_int(s, 0) != 0;
	else
		rc = store_sqlerr(st, err, _("computing the figures"));
	sqlite3_finalize(s);
	return rc;
}

/* The query: head (the CTEs up to judged's WHERE), the selection, and the
 * tail: the extensions' counts (ext) or all the figures. */
/* idcol names the task's id in judged's FROM; the list's filter, when
 * there is one, is its own condition as a subquery (store_filter_ids),
 * so the figures count exactly the tasks the list shows. */
static void build_sql(char *sql, size_t len, const char *head, const char *idcol, bool ext,
                      const struct selection *sel, const struct search *sr, enum group_by by)
{
	size_t n = (size_t)snprintf(sql, len, "%s", head);
	if (sel->group_id)
		n += (size_t)snprintf(sql + n, len - n, " AND group_id = :sel_group");
	if (sel->leader_id)
		n += (size_t)snprintf(sql + n, len - n, " AND leader_id = :sel_leader");
	if (sel->unit_id)
		n += (size_t)snprintf(sql + n, len - n, " AND unit_id = :sel_unit");
	if (sel->source_id)
		n += (size_t)snprintf(sql + n, len - n, " AND source_id = :sel_source");
	if (sel->year)
		n += (size_t)snprintf(sql + n, len - n, " AND year = :sel_year");
	if (sel->filter && sr && n < len) {
		n += (size_t)snprintf(sql + n, len - n, " AND %s IN (", idcol);
		if (n < len)
			n += store_filter_ids(sel->filter, sr, sql + n, len - n);
		if (n < len)
			n += (size_t)snprintf(sql + n, len - n, ")");
	}
	if (n >= len)
		n = len - 1;
	if (ext)
		snprintf(sql + n, len - n, EXT_SQL_TAIL, bucket_cols[by]);
	else
		snprintf(sql + n, len - n, FIGURES_SQL_TAIL, bucket_cols[by]);
}

static int prepare(struct store *st, const char *sql, const struct selection *sel,
                   const struct search *sr, r57_day as_of, r57_day since, sqlite3_stmt **out,
                   struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), i;
	if (rc)
		return rc;
	if (sel->filter && sr)
		store_filter_bind(s, sel->filter, sr, sel->today);
	if ((i = sqlite3_bind_parameter_index(s, ":asof")))
		store_bind_day(s, i, as_of);
	if ((i = sqlite3_bind_parameter_index(s, ":since")))
		store_bind_day(s, i, since);
	if ((i = sqlite3_bind_parameter_index(s, ":sel_group")))
		sqlite3_bind_int64(s, i, sel->group_id);
	if ((i = sqlite3_bind_parameter_index(s, ":sel_leader")))
		sqlite3_bind_int64(s, i, sel->leader_id);
	if ((i = sqlite3_bind_parameter_index(s, ":sel_unit")))
		sqlite3_bind_int64(s, i, sel->unit_id);
	if ((i = sqlite3_bind_parameter_index(s, ":sel_source")))
		sqlite3_bind_int64(s, i, sel->source_id);
	if ((i = sqlite3_bind_parameter_index(s, ":sel_year")))
		sqlite3_bind_int(s, i, sel->year);
	*out = s;
	return R57_OK;
}

/* The extensions since the previous date per bucket (report as of today). */
struct ext_bucket {
	int64_t bucket;
	char month[8];
	int64_t n;
};

static int ext_now(struct store *st, const struct selection *sel, const struct search *sr,
                   enum group_by by,
                   r57_day as_of, r57_day since, struct ext_bucket **out, int *n_out,
                   struct r57_err *err)
{
	char sql[16384];
	sqlite3_stmt *s;
	*out = NULL;
	*n_out = 0;
	build_sql(sql, sizeof sql, EXT_NOW_CTE, "t.id", true, sel, sr, by);
	int rc = prepare(st, sql, sel, sr, as_of, since, &s, err), step, n = 0;
	if (rc)
		return rc;
	struct ext_bucket *b = NULL;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct ext_bucket *grown = realloc(b, (size_t)(n + 1) * sizeof *grown);
		if (!grown) {
			rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
			break;
		}
		b = grown;
		const char *month = (const char *)sqlite3_column_text(s, 1);
		b[n].bucket = sqlite3_column_int64(s, 0);
		snprintf(b[n].month, sizeof b[n].month, "%s", month ? month : "");
		b[n].n = sqlite3_column_int64(s, 2);
		n++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("computing the figures"));
	sqlite3_finalize(s);
	if (rc) {
		free(b);
		return rc;
	}
	*out = b;
	*n_out = n;
	return R57_OK;
}

int sqlite_store_figures(struct store *st, const struct selection *sel,
                  enum group_by by, r57_day as_of, r57_day since,
                  figures_each_fn each, void *ctx, struct r57_err *err)
{
	char sql[16384], head[8192];
	bool past = false;
	int rc = changed_after(st, as_of, &past, err);
	if (rc)
		return rc;
	struct search *sr = NULL;
	if (sel->filter && (rc = store_filter_plan(st, sel->filter, &sr, err)))
		return rc;
	struct ext_bucket *ext = NULL;
	int n_ext = 0;
	if (!past && (rc = ext_now(st, sel, sr, by, as_of, since, &ext, &n_ext, err))) {
		store_filter_free(sr);
		return rc;
	}
	/* For every task, a scan in rowid order reads the table sequentially,
	 * faster than the walk along an index the planner would pick; so too
	 * for a group or a plan year, each a quarter to a half of the tasks
	 * (a walk along its index would look up each row). A person, a unit,
	 * a source or a filter uses its index. */
	bool all = !sel->leader_id && !sel->unit_id && !sel->source_id && !sel->filter;
	if (past)
		snprintf(head, sizeof head, "%s", LATER_CTE);
	else
		snprintf(head, sizeof head, NOW_CTE, all ? "NOT INDEXED" : "");
	build_sql(sql, sizeof sql, head, past ? "s.id" : "task.id", false, sel, sr, by);

	sqlite3_stmt *s;
	if ((rc = prepare(st, sql, sel, sr, as_of, since, &s, err))) {
		free(ext);
		store_filter_free(sr);
		return rc;
	}
	struct sums sm = { 0 };
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(s, 1);
		char m[8] = ""; /* as a bucket keeps it */
		if (month)
			strncat(m, month, sizeof m - 1);
		struct figures *f = sum_find(&sm, sqlite3_column_int64(s, 0), m);
		if (!f) {
			rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
			break;
		}
		sum_row(s, f);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("computing the figures"));
	size_t n = 0;
	for (size_t i = 0; i < sm.cap; i++)
		if (sm.v[i].used)
			sm.v[n++] = sm.v[i];
	if (n > 1)
		qsort(sm.v, n, sizeof *sm.v, by_bucket);
	for (size_t i = 0; i < n && !rc; i++) {
		struct bucket_sum *b = &sm.v[i];
		for (int j = 0; j < n_ext; j++)
			if (ext[j].bucket == b->bucket && strcmp(ext[j].month, b->month) == 0)
				b->f.extended_since += ext[j].n;
		if (each(b->bucket, b->month, &b->f, ctx))
			break;
	}
	free(sm.v);
	sqlite3_finalize(s);
	free(ext);
	store_filter_free(sr);
	return rc;
}
