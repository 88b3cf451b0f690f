/* store_figures.c: the counts behind the status figures, in one query.
 * A task's state on date D is the "before" image of its first change
 * recorded after D, or the row as it is if nothing changed it since; its
 * completion follows the closing date the user gave (docs/figures.md). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/report.h"
#include "r57/store.h"
#include "store_int.h"

/* `prev`: how many times each task changed since the previous reporting
 * date had had its deadline extended on that date: the before image of its
 * first change after it (0 when the task did not exist yet). A task whose
 * count on D is higher was extended between the two dates; comparing the
 * counts, rather than counting the changes, lets an extension undone
 * within the period count for nothing. Read from the entries after the
 * previous date, like `later`. */
#define PREV_CTE \
	"prev AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, coalesce(json_extract(c.before, '$.extensions'), 0) AS ext," \
	"         min(c.id)" \
	"  FROM entry e CROSS JOIN change c ON c.entry = e.seq" \
	"  WHERE e.day > :since AND c.tbl = 'task' GROUP BY c.row_id)"

/* `later`: the first change after D of every task changed since, with its
 * before image (NULL: the task did not exist yet). It is read from the
 * entries after D (index on entry.day), so its cost follows the work done
 * since D, not the size of the journal. */
#define LATER_CTE \
	"WITH " PREV_CTE ", later AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, c.before AS img, min(c.id)" \
	"  FROM entry e CROSS JOIN change c ON c.entry = e.seq" \
	"  WHERE e.day > :asof AND c.tbl = 'task' GROUP BY c.row_id)," \
	/* The task's final state: the row, or its image when it was deleted. */ \
	" final AS MATERIALIZED (" \
	"  SELECT c.row_id AS id, coalesce(c.after, c.before) AS img, max(c.id)" \
	"  FROM later l CROSS JOIN change c ON c.tbl = 'task' AND c.row_id = l.id" \
	"  GROUP BY c.row_id)," \
	" state AS (" \
	"  SELECT l.id AS id, json_extract(l.img, '$.group_id') AS group_id," \
	"         json_extract(l.img, '$.leader_id') AS leader_id," \
	"         json_extract(l.img, '$.unit_id') AS unit_id," \
	"         json_extract(l.img, '$.source_id') AS source_id," \
	"         json_extract(l.img, '$.year') AS year," \
	"         json_extract(l.img, '$.due') AS due," \
	"         json_extract(l.img, '$.status') AS status," \
	"         json_extract(l.img, '$.closed') AS closed," \
	"         json_extract(l.img, '$.created') AS created," \
	"         json_extract(l.img, '$.extensions') AS extensions," \
	"         json_extract(f.img, '$.status') AS now_status," \
	"         json_extract(f.img, '$.closed') AS now_closed," \
	"         json_extract(f.img, '$.due') AS now_due" \
	"  FROM later l JOIN final f ON f.id = l.id WHERE l.img IS NOT NULL" \
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
	"  FROM state s LEFT JOIN prev p ON p.id = s.id WHERE status <> 'cancelled'"

/* Nothing happened after D (a report as of today): the rows as they are. */
#define NOW_CTE \
	"WITH " PREV_CTE ", judged AS (" \
	"  SELECT group_id, leader_id, unit_id, source_id, due, created, extensions," \
	"    (status = 'done' AND closed <= :asof) AS done," \
	"    (due IS NULL OR closed <= due) AS on_time," \
	"    extensions > coalesce(p.ext, extensions) AS ext_since" \
	"  FROM task t %s LEFT JOIN prev p ON p.id = t.id WHERE status <> 'cancelled'"

/* The bucket column, chosen from fixed names by enum group_by. */
static const char *const bucket_cols[] = {
	[BY_GROUP] = "coalesce(group_id, 0), ''",
	[BY_LEADER] = "coalesce(leader_id, 0), ''",
	[BY_UNIT] = "coalesce(unit_id, 0), ''",
	[BY_SOURCE] = "coalesce(source_id, 0), ''",
	[BY_MONTH] = "0, coalesce(substr(due, 1, 7), '')",
};

#define FIGURES_SQL_TAIL \
	")" \
	" SELECT %s, count(*), sum(done), sum(done AND on_time)," \
	"   sum(done AND NOT on_time), sum(NOT done)," \
	"   sum(NOT done AND (due IS NULL OR due >= :asof)), sum(NOT done AND due < :asof)," \
	"   sum(created > :since), sum(extensions > 0), sum(ext_since)" \
	" FROM judged GROUP BY 1, 2"

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

int store_figures(struct store *st, const struct selection *sel,
                  enum group_by by, r57_day as_of, r57_day since,
                  figures_each_fn each, void *ctx, struct r57_err *err)
{
	char sql[4096];
	bool past = false;
	int rc = changed_after(st, as_of, &past, err);
	if (rc)
		return rc;
	/* For every task, a scan in rowid order reads the table sequentially,
	 * faster than the walk along an index the planner would pick to save
	 * sorting a handful of groups; a selection uses its index. */
	bool all = !sel->group_id && !sel->leader_id && !sel->unit_id && !sel->source_id && !sel->year;
	size_t n = past ? (size_t)snprintf(sql, sizeof sql, "%s", LATER_CTE)
	                : (size_t)snprintf(sql, sizeof sql, NOW_CTE, all ? "NOT INDEXED" : "");
	if (sel->group_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND group_id = :group");
	if (sel->leader_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND leader_id = :leader");
	if (sel->unit_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND unit_id = :unit");
	if (sel->source_id)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND source_id = :source");
	if (sel->year)
		n += (size_t)snprintf(sql + n, sizeof sql - n, " AND year = :year");
	snprintf(sql + n, sizeof sql - n, FIGURES_SQL_TAIL, bucket_cols[by]);

	sqlite3_stmt *s;
	if ((rc = store_prepare(st, sql, &s, err)))
		return rc;
	int i;
	if ((i = sqlite3_bind_parameter_index(s, ":asof")))
		store_bind_day(s, i, as_of);
	if ((i = sqlite3_bind_parameter_index(s, ":since")))
		store_bind_day(s, i, since);
	if ((i = sqlite3_bind_parameter_index(s, ":group")))
		sqlite3_bind_int64(s, i, sel->group_id);
	if ((i = sqlite3_bind_parameter_index(s, ":leader")))
		sqlite3_bind_int64(s, i, sel->leader_id);
	if ((i = sqlite3_bind_parameter_index(s, ":unit")))
		sqlite3_bind_int64(s, i, sel->unit_id);
	if ((i = sqlite3_bind_parameter_index(s, ":source")))
		sqlite3_bind_int64(s, i, sel->source_id);
	if ((i = sqlite3_bind_parameter_index(s, ":year")))
		sqlite3_bind_int(s, i, sel->year);

	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct figures f;
		memset(&f, 0, sizeof f);
		int64_t bucket = sqlite3_column_int64(s, 0);
		const char *month = (const char *)sqlite3_column_text(s, 1);
		f.total = sqlite3_column_int64(s, 2);
		f.completed = sqlite3_column_int64(s, 3);
		f.completed_on_time = sqlite3_column_int64(s, 4);
		f.completed_late = sqlite3_column_int64(s, 5);
		f.open = sqlite3_column_int64(s, 6);
		f.open_within_deadline = sqlite3_column_int64(s, 7);
		f.open_overdue = sqlite3_column_int64(s, 8);
		f.added_since = sqlite3_column_int64(s, 9);
		f.extended = sqlite3_column_int64(s, 10);
		f.extended_since = sqlite3_column_int64(s, 11);
		if (each(bucket, month ? month : "", &f, ctx))
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, _("computing the figures"));
	sqlite3_finalize(s);
	return rc;
}
