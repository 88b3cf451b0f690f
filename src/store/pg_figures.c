/* pg_figures.c: the counts behind the status figures on a PostgreSQL
 * server: the queries of store_figures.c in PostgreSQL's words, with the
 * same meaning (docs/figures.md). A task's state on date D is, column by
 * column, the value recorded by the first change after D that changed the
 * column, or the row as it is if nothing changed it since; its completion
 * follows the closing date the user gave. What differs from SQLite:
 * change_log's values are text here (integers in decimal), so those
 * compared as integers are cast back; a boolean is not a number, so the
 * counts are count(*) FILTER (...); days are compared byte by byte
 * (COLLATE "C"), as SQLite compares its text; and the values of a query
 * are parameters ($1, ...), the filter's first, then those the text names
 * (:asof, :since, :sel_group, ...), numbered where the text first uses
 * them, since the server refuses a parameter a statement does not use. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/store_figures.h"
#include "pg_int.h"

/* `prev`: for each task whose count of extensions moved after the
 * previous reporting date, the count on that date: the value before the
 * first change after it that moved the count (SQLite takes it as the bare
 * column beside min(c.id); here DISTINCT ON the task, by change). A task
 * whose count on D is higher was extended between the two dates; an
 * extension undone within the period counts for nothing, and a task made
 * after that date starts at the count it was made with. */
#define PREV_CTE \
	"prev AS MATERIALIZED (" \
	"  SELECT DISTINCT ON (c.row_id) c.row_id AS id, c.v13::bigint AS ext" \
	"  FROM r57.entry e JOIN r57.change_log c ON c.entry = e.seq" \
	"  WHERE e.day > :since AND c.tbl = 5 AND (c.cols & 4096) <> 0" \
	"  ORDER BY c.row_id, c.id)"

/* A column of a task on D: the value the first change after D that
 * changed it recorded (v<k>, bit b of cols, cast back to the column's
 * type), else the row as it is. The first change after D itself answers
 * most (a removal records every column; a task changed once since is the
 * row but for what it records). */
#define ON_D(k, b, x, cast) \
	" CASE WHEN (f.cols & " b ") <> 0 THEN f.v" k cast " WHEN l.n = 1 THEN t." x \
	" WHEN EXISTS (SELECT 1 FROM r57.change_log p WHERE p.tbl = 5 AND p.row_id = l.id" \
	"   AND p.id > f.id AND (p.cols & " b ") <> 0)" \
	" THEN (SELECT p.v" k cast " FROM r57.change_log p WHERE p.tbl = 5 AND p.row_id = l.id" \
	"   AND p.id > f.id AND (p.cols & " b ") <> 0 ORDER BY p.id LIMIT 1)" \
	" ELSE t." x " END"
#define INT "::bigint"
#define TEXT ""
/* A column of a task as it is: the row, or what its removal recorded. */
#define NOW(k, x) \
	" CASE WHEN t.id IS NOT NULL THEN t." x " ELSE (SELECT p.v" k " FROM r57.change_log p" \
	"   WHERE p.tbl = 5 AND p.row_id = l.id AND p.op = 3 ORDER BY p.id DESC LIMIT 1) END"

/* `later`: the first change after D of every task changed since, and how
 * many there were (change_log: v6 group_id, v7 leader_id, v8 unit_id,
 * v9 source_id, v10 year, v11 due, v13 extensions, v14 status, v15 closed,
 * v16 created). A task whose first change since is its addition did not
 * exist yet. It is read from the entries after D (index on entry.day). */
#define LATER_CTE \
	"WITH " PREV_CTE ", later AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, min(c.id) AS first, count(*) AS n" \
	"  FROM r57.entry e JOIN r57.change_log c ON c.entry = e.seq" \
	"  WHERE e.day > :asof AND c.tbl = 5 GROUP BY c.row_id)," \
	" state AS (" \
	"  SELECT l.id AS id," ON_D("6", "32", "group_id", INT) " AS group_id," \
	ON_D("7", "64", "leader_id", INT) " AS leader_id," \
	ON_D("8", "128", "unit_id", INT) " AS unit_id," \
	ON_D("9", "256", "source_id", INT) " AS source_id," \
	ON_D("10", "512", "year", INT) " AS year," \
	ON_D("11", "1024", "due", TEXT) " AS due," \
	ON_D("14", "8192", "status", TEXT) " AS status," \
	ON_D("15", "16384", "closed", TEXT) " AS closed," \
	ON_D("16", "32768", "created", TEXT) " AS created," \
	ON_D("13", "4096", "extensions", INT) " AS extensions," \
	NOW("14", "status") " AS now_status," \
	NOW("15", "closed") " AS now_closed," \
	NOW("11", "due") " AS now_due" \
	"  FROM later l JOIN r57.change_log f ON f.id = l.first LEFT JOIN r57.task t ON t.id = l.id" \
	"  WHERE f.op <> 1" \
	"  UNION ALL" \
	"  SELECT t.id, t.group_id, t.leader_id, t.unit_id, t.source_id, t.year, t.due, t.status," \
	"         t.closed, t.created, t.extensions, t.status, t.closed, t.due" \
	"  FROM r57.task t LEFT JOIN later l ON l.id = t.id WHERE l.id IS NULL)," \
	" judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due, created, extensions," \
	"    CASE WHEN status = 'done' AND closed <= :asof THEN true" \
	"         WHEN now_status = 'done' AND now_closed <= :asof THEN true ELSE false END AS done," \
	"    CASE WHEN status = 'done' AND closed <= :asof" \
	"         THEN (due IS NULL OR closed <= due COLLATE \"C\")" \
	"         ELSE (now_due IS NULL OR now_closed <= now_due COLLATE \"C\") END AS on_time," \
	"    extensions > coalesce(p.ext, extensions) AS ext_since" \
	"  FROM state s LEFT JOIN prev p ON p.id = s.id WHERE s.status <> 'cancelled'"

/* Nothing happened after D (a report as of today): the rows as they are.
 * The extensions since the previous date come from EXT_NOW_CTE, a second
 * query over the few tasks extended, so that this one stays a plain scan. */
#define NOW_CTE \
	"WITH judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due, created, extensions," \
	"    (status = 'done' AND closed <= :asof) AS done," \
	"    (due IS NULL OR closed <= due COLLATE \"C\") AS on_time, false AS ext_since" \
	"  FROM r57.task n WHERE status <> 'cancelled'"

/* The tasks extended since the previous date, as they are now. */
#define EXT_NOW_CTE \
	"WITH " PREV_CTE ", judged AS (" \
	"  SELECT t.group_id, t.leader_id, t.unit_id, t.source_id, t.due" \
	"  FROM prev p JOIN r57.task t ON t.id = p.id" \
	"  WHERE t.extensions > p.ext AND t.status <> 'cancelled'"

/* The bucket's two columns, chosen from fixed names by enum group_by. */
static const char *const bucket_cols[] = {
	[BY_GROUP] = "coalesce(group_id, 0), ''::text",
	[BY_LEADER] = "coalesce(leader_id, 0), ''::text",
	[BY_UNIT] = "coalesce(unit_id, 0), ''::text",
	[BY_SOURCE] = "coalesce(source_id, 0), ''::text",
	[BY_MONTH] = "0, coalesce(substr(due, 1, 7), '')",
};

#define EXT_SQL_TAIL ", count(*) FROM judged GROUP BY 1, 2"

/* A boolean that is NULL counts for nothing, as SQLite's sum() of it. */
#define FIGURES_SQL_TAIL \
	", count(*), count(*) FILTER (WHERE done), count(*) FILTER (WHERE done AND on_time)," \
	" count(*) FILTER (WHERE done AND NOT on_time), count(*) FILTER (WHERE NOT done)," \
	" count(*) FILTER (WHERE NOT done AND (due IS NULL OR due >= :asof))," \
	" count(*) FILTER (WHERE NOT done AND due < :asof)," \
	" count(*) FILTER (WHERE created > :since), count(*) FILTER (WHERE extensions > 0)," \
	" count(*) FILTER (WHERE ext_since)" \
	" FROM judged GROUP BY 1, 2"

/* --- a query and its values ------------------------------------------------------ */

/* The values a query's text may name. */
enum name { N_ASOF, N_SINCE, N_GROUP, N_LEADER, N_UNIT, N_SOURCE, N_YEAR, N_NAMES };
static const char *const name_words[N_NAMES] = {
	[N_ASOF] = "asof", [N_SINCE] = "since", [N_GROUP] = "sel_group",
	[N_LEADER] = "sel_leader", [N_UNIT] = "sel_unit", [N_SOURCE] = "sel_source",
	[N_YEAR] = "sel_year",
};

struct query {
	char *sql;
	size_t n, cap;
	struct pg_args a;
	char value[N_NAMES][24]; /* each named value, as text */
	int num[N_NAMES];        /* its $ number, 0 until the text uses it */
};

static void put_raw(struct query *q, const char *s, size_t len)
{
	if (q->n + len + 1 > q->cap) {
		q->cap = (q->n + len + 1) * 2;
		q->sql = r57_xrealloc(q->sql, q->cap);
	}
	memcpy(q->sql + q->n, s, len);
	q->n += len;
	q->sql[q->n] = '\0';
}

static void put_str(struct query *q, const char *s)
{
	put_raw(q, s, strlen(s));
}

/* The value named by the word at s (len bytes), as $N: numbered at its
 * first use; a day compared byte by byte. -1: no such name. */
static int put_name(struct query *q, const char *s, size_t len)
{
	for (int i = 0; i < N_NAMES; i++) {
		if (strlen(name_words[i]) != len || memcmp(name_words[i], s, len) != 0)
			continue;
		if (!q->num[i]) {
			pg_arg_text(&q->a, q->value[i]);
			q->num[i] = q->a.n;
		}
		char ref[32];
		snprintf(ref, sizeof ref, i == N_ASOF || i == N_SINCE ? "$%d COLLATE \"C\"" : "$%d",
		         q->num[i]);
		put_str(q, ref);
		return 0;
	}
	return -1;
}

/* Fixed SQL text, each :name in it a parameter (a cast's :: is not one). */
static void put_sql(struct query *q, const char *s)
{
	while (*s) {
		const char *c = strchr(s, ':');
		if (!c) {
			put_str(q, s);
			return;
		}
		put_raw(q, s, (size_t)(c - s));
		size_t len = 0;
		while ((c[1 + len] >= 'a' && c[1 + len] <= 'z') || c[1 + len] == '_')
			len++;
		if ((c > s && c[-1] == ':') || !len || put_name(q, c + 1, len) != 0)
			put_raw(q, c, 1 + len);
		s = c + 1 + len;
	}
}

static void query_init(struct query *q, const struct selection *sel, const struct pg_filter *fs,
                       r57_day as_of, r57_day since)
{
	memset(q, 0, sizeof *q);
	/* The filter's values are $1 .. $k, as its condition numbers them. */
	for (int i = 0; fs && i < fs->a.n; i++)
		pg_arg_text(&q->a, fs->a.v[i]);
	date_iso(as_of, q->value[N_ASOF]);
	date_iso(since, q->value[N_SINCE]);
	snprintf(q->value[N_GROUP], sizeof q->value[N_GROUP], "%lld", (long long)sel->group_id);
	snprintf(q->value[N_LEADER], sizeof q->value[N_LEADER], "%lld", (long long)sel->leader_id);
	snprintf(q->value[N_UNIT], sizeof q->value[N_UNIT], "%lld", (long long)sel->unit_id);
	snprintf(q->value[N_SOURCE], sizeof q->value[N_SOURCE], "%lld", (long long)sel->source_id);
	snprintf(q->value[N_YEAR], sizeof q->value[N_YEAR], "%d", sel->year);
	put_str(q, "");
}

/* The query: head (the CTEs up to judged's WHERE), the selection on D,
 * the list's filter as a subquery of the ids it shows today (idcol names
 * the task's id in judged's FROM), and the tail. */
static void build(struct query *q, const char *head, const char *idcol, const char *tail,
                  const struct selection *sel, const struct pg_filter *fs, enum group_by by)
{
	put_sql(q, head);
	if (sel->group_id)
		put_sql(q, " AND group_id = :sel_group");
	if (sel->leader_id)
		put_sql(q, " AND leader_id = :sel_leader");
	if (sel->unit_id)
		put_sql(q, " AND unit_id = :sel_unit");
	if (sel->source_id)
		put_sql(q, " AND source_id = :sel_source");
	if (sel->year)
		put_sql(q, " AND year = :sel_year");
	if (fs) {
		put_str(q, " AND ");
		put_str(q, idcol);
		put_str(q, " IN (SELECT t.id FROM r57.task t");
		put_str(q, fs->where);
		put_str(q, ")");
	}
	put_str(q, ") SELECT ");
	put_str(q, bucket_cols[by]);
	put_sql(q, tail);
}

static int run(struct store *st, struct query *q, PGresult **res, struct r57_err *err)
{
	int rc = pg_run(pg_of(st), q->sql, &q->a, res, N_("computing the figures"), err);
	free(q->sql);
	q->sql = NULL;
	return rc;
}

/* --- the figures ---------------------------------------------------------------- */

static int changed_after(struct store *st, r57_day as_of, bool *yes, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_day(&a, as_of);
	PGresult *res;
	int rc = pg_run(pg_of(st), "SELECT EXISTS (SELECT 1 FROM r57.entry WHERE day > $1 COLLATE \"C\")",
	                &a, &res, N_("computing the figures"), err);
	if (rc)
		return rc;
	*yes = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	return R57_OK;
}

static void read_figures(const PGresult *res, int r, struct figures *f)
{
	memset(f, 0, sizeof *f);
	f->total = pg_int(res, r, 2);
	f->completed = pg_int(res, r, 3);
	f->completed_on_time = pg_int(res, r, 4);
	f->completed_late = pg_int(res, r, 5);
	f->open = pg_int(res, r, 6);
	f->open_within_deadline = pg_int(res, r, 7);
	f->open_overdue = pg_int(res, r, 8);
	f->added_since = pg_int(res, r, 9);
	f->extended = pg_int(res, r, 10);
	f->extended_since = pg_int(res, r, 11);
}

/* The extensions since the previous date that ext (a report as of today)
 * counted in the bucket. */
static int64_t ext_in(const PGresult *ext, int64_t bucket, const char *month)
{
	int64_t n = 0;
	for (int i = 0; ext && i < PQntuples(ext); i++)
		if (pg_int(ext, i, 0) == bucket && strcmp(PQgetvalue(ext, i, 1), month) == 0)
			n += pg_int(ext, i, 2);
	return n;
}

static int figures(struct store *st, const struct selection *sel, const struct pg_filter *fs,
                   enum group_by by, r57_day as_of, r57_day since, figures_each_fn each,
                   void *ctx, struct r57_err *err)
{
	bool past = false;
	int rc = changed_after(st, as_of, &past, err);
	if (rc)
		return rc;
	struct query q;
	PGresult *ext = NULL, *res;
	if (!past) {
		query_init(&q, sel, fs, as_of, since);
		build(&q, EXT_NOW_CTE, "t.id", EXT_SQL_TAIL, sel, fs, by);
		if ((rc = run(st, &q, &ext, err)))
			return rc;
	}
	query_init(&q, sel, fs, as_of, since);
	build(&q, past ? LATER_CTE : NOW_CTE, past ? "s.id" : "n.id", FIGURES_SQL_TAIL, sel, fs, by);
	if ((rc = run(st, &q, &res, err))) {
		PQclear(ext);
		return rc;
	}
	for (int r = 0; r < PQntuples(res); r++) {
		struct figures f;
		read_figures(res, r, &f);
		int64_t bucket = pg_int(res, r, 0);
		const char *month = PQgetvalue(res, r, 1);
		f.extended_since += ext_in(ext, bucket, month);
		if (each(bucket, month, &f, ctx))
			break;
	}
	PQclear(res);
	PQclear(ext);
	return R57_OK;
}

int pg_store_figures(struct store *st, const struct selection *sel, enum group_by by,
                     r57_day as_of, r57_day since, figures_each_fn each, void *ctx,
                     struct r57_err *err)
{
	if (!sel->filter)
		return figures(st, sel, NULL, by, as_of, since, each, ctx, err);
	struct pg_filter fs;
	int rc = pg_filter_build(sel->filter, sel->today, &fs, err);
	if (rc)
		return rc;
	rc = figures(st, sel, &fs, by, as_of, since, each, ctx, err);
	pg_filter_free(&fs);
	return rc;
}
