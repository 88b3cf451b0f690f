/* store_list.c: tasks listed on a file by the filter of r57 list (only the
 * rows asked for: counted, listed, a page of the screen, one task checked),
 * found by their words through the search index when it can. The WHERE
 * clause is assembled from fixed fragments; user text only ever binds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/store_task.h"
#include "r57/i18n.h"
#include "r57/store.h"
#include "r57/text.h"
#include "store_int.h"
#include "store_task_cols.h"

/* --- free words -------------------------------------------------------------
 * A word matches where a word of the title or notes begins with it,
 * without regard to case and diacritics (text_search_word: " nang cap"
 * in " ... nang cap he thong ... "); typed with diacritics, it must match
 * them too. How the tasks are found (docs/storage.md):
 *   PLAN_FTS   a rare word: the few tasks the full-text index names, each
 *              then checked; the order is sorted from those alone;
 *   PLAN_SCAN  common words: the tasks in the order asked, each checked
 *              against its folded words in task_search, until enough;
 *   PLAN_FOLD  the index is out of date and cannot be built (a read-only
 *              file): each task's words folded on the way, as before. */
enum plan { PLAN_NONE, PLAN_FTS, PLAN_SCAN, PLAN_FOLD };

/* At most this many candidates are worth reading one by one. */
#define FTS_FEW 400

struct search {
	enum plan plan;
	bool indexed;                       /* task_search is up to date */
	char *word[FILTER_MAX_WORDS];       /* " nang cap": folded */
	char *exact[FILTER_MAX_WORDS];      /* " nâng cấp", or NULL: no diacritics */
	char fts[80];                       /* the full-text query of PLAN_FTS */
};

static void search_clear(struct search *sr)
{
	for (int i = 0; i < FILTER_MAX_WORDS; i++) {
		free(sr->word[i]);
		free(sr->exact[i]);
	}
	memset(sr, 0, sizeof *sr);
}

/* The longest word of the words typed, when it is plain letters and
 * digits of at least 3, or "": at most its first FTS_PREFIX letters, the
 * longest prefix the full-text index keeps a list of (a longer one
 * would merge the lists of every word that begins with it, whole, before
 * counting: milliseconds for a common one). Its tasks are then a few more
 * than the word's, never fewer; each is checked anyway. */
#define FTS_PREFIX 6
static void rarest_token(const struct search *sr, char *out, size_t len)
{
	out[0] = '\0';
	size_t best = 0;
	for (int i = 0; i < FILTER_MAX_WORDS; i++) {
		const char *p = sr->word[i];
		while (p && *p) {
			while (*p == ' ')
				p++;
			size_t n = strcspn(p, " ");
			bool plain = n >= 3 && n > best && n < len;
			for (size_t j = 0; plain && j < n; j++)
				plain = (p[j] >= 'a' && p[j] <= 'z') || (p[j] >= '0' && p[j] <= '9');
			if (plain) {
				size_t k = n < FTS_PREFIX ? n : FTS_PREFIX;
				memcpy(out, p, k);
				out[k] = '\0';
				best = n;
			}
			p += n;
		}
	}
}

static int fts_count(struct store *st, const char *q, int64_t *n)
{
	sqlite3_stmt *s;
	if (store_cached(st, "SELECT count(*) FROM (SELECT 1 FROM task_search_fts"
	                     " WHERE task_search_fts MATCH ?1 LIMIT 401)", &s, NULL))
		return -1;
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	int ok = sqlite3_step(s) == SQLITE_ROW;
	if (ok)
		*n = sqlite3_column_int64(s, 0);
	store_release(s);
	return ok ? 0 : -1;
}

/* Choose how the filter's words are served. */
static int search_plan(struct store *st, const struct task_filter *f, struct search *sr,
                       struct r57_err *err)
{
	memset(sr, 0, sizeof *sr);
	int words = 0;
	for (int i = 0; i < f->n_words && i < FILTER_MAX_WORDS; i++) {
		sr->word[i] = text_search_word(f->words[i], false);
		if (f->word_marks[i])
			sr->exact[i] = text_search_word(f->words[i], true);
		if (!sr->word[i] || (f->word_marks[i] && !sr->exact[i])) {
			search_clear(sr);
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		}
		if (!*sr->word[i]) { /* no letter or digit: matches every task */
			free(sr->word[i]);
			free(sr->exact[i]);
			sr->word[i] = sr->exact[i] = NULL;
			continue;
		}
		words++;
	}
	if (!words && f->sort != SORT_TITLE)
		return R57_OK;
	sr->indexed = store_search_ready(st);
	if (!words)
		return R57_OK;
	if (!sr->indexed) {
		sr->plan = PLAN_FOLD;
		return R57_OK;
	}
	sr->plan = PLAN_SCAN;
	char tok[64];
	rarest_token(sr, tok, sizeof tok);
	int64_t n = 0;
	if (*tok) {
		snprintf(sr->fts, sizeof sr->fts, "\"%s\"*", tok);
		if (fts_count(st, sr->fts, &n) == 0 && n <= FTS_FEW)
			sr->plan = PLAN_FTS;
	}
	return R57_OK;
}

/* Words served by task_search alone (PLAN_SCAN, PLAN_FTS): the filter is
 * checked on its copy of the task's fields (x.), in its page indexes, and
 * only the rows handed out are read from task. Otherwise on task (t.). */
static bool narrow(const struct search *sr)
{
	return sr->plan == PLAN_SCAN || sr->plan == PLAN_FTS;
}

/* FROM: the tasks, joined to what the plan reads. */
static size_t build_from(const struct search *sr, bool joins, char *buf, size_t len)
{
	const char *from = " FROM task t";
	if (sr->plan == PLAN_FTS)
		from = " FROM task_search_fts CROSS JOIN task_search x ON x.id = task_search_fts.rowid"
		       " CROSS JOIN task t ON t.id = x.id";
	else if (sr->plan == PLAN_SCAN)
		from = " FROM task_search x CROSS JOIN task t ON t.id = x.id";
	else if (sr->indexed)
		from = " FROM task t JOIN task_search x ON x.id = t.id";
	return (size_t)snprintf(buf, len, "%s%s", from, joins ? TASK_JOINS : "");
}

/* The sort key of a title: kept in task_search, or made on the way. */
static const char *title_key(const struct search *sr)
{
	return sr->indexed ? "x.title_key" : "r57_sortkey(t.title)";
}

/* x.due_key is the deadline as it sorts, '9999-12-31' for none: a task
 * whose key says so has a deadline only if task says it has (the rare
 * deadline of that very day). */
#define X_HAS_DUE "(x.due_key <> '9999-12-31' OR t.due IS NOT NULL)"

/* WHERE for a filter, from fixed fragments only. */
static void build_where(const struct task_filter *f, const struct search *sr, char *buf, size_t len)
{
	size_t n = 0;
	bool x = narrow(sr);
#define ADD(frag) n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s", frag)
#define ADDC(tfrag, xfrag) ADD(x ? xfrag : tfrag)
	ADD(" WHERE 1");
	switch (f->status) {
	case FILTER_NOT_CANCELLED: ADDC(" AND t.status <> 'cancelled'", " AND x.status <> 'cancelled'"); break;
	case FILTER_ALL: break;
	case FILTER_OPEN: ADDC(" AND t.status = 'open'", " AND x.status = 'open'"); break;
	case FILTER_WITHIN:
		ADDC(" AND t.status = 'open' AND (t.due IS NULL OR t.due >= :today)",
		     " AND x.status = 'open' AND x.due_key >= :today");
		break;
	case FILTER_OVERDUE:
		ADDC(" AND t.status = 'open' AND t.due < :today", " AND x.status = 'open' AND x.due_key < :today");
		break;
	case FILTER_DONE: ADDC(" AND t.status = 'done'", " AND x.status = 'done'"); break;
	case FILTER_CANCELLED: ADDC(" AND t.status = 'cancelled'", " AND x.status = 'cancelled'"); break;
	}
	if (f->group_id) ADDC(" AND t.group_id = :group", " AND x.group_id = :group");
	if (f->leader_id) ADDC(" AND t.leader_id = :leader", " AND x.leader_id = :leader");
	if (f->unit_id) ADDC(" AND t.unit_id = :unit", " AND x.unit_id = :unit");
	if (f->source_id) ADDC(" AND t.source_id = :source", " AND x.source_id = :source");
	if (f->year) ADDC(" AND t.year = :year", " AND x.year = :year");
	if (f->due_before != R57_NO_DATE) ADDC(" AND t.due < :before", " AND x.due_key < :before");
	if (f->due_after != R57_NO_DATE)
		ADDC(" AND t.due > :after", " AND x.due_key > :after AND " X_HAS_DUE);
	if (sr->plan == PLAN_FTS)
		ADD(" AND task_search_fts MATCH :fts");
	/* Every word in one call per row, the longest first (most rows fail
	 * on it): folded, then, only for the rows that pass, with the
	 * diacritics typed. */
	if (sr->plan != PLAN_NONE) {
		ADD(sr->plan == PLAN_FOLD ? " AND r57_words(r57_search_body(t.title || ' ' || coalesce(t.notes, ''), 0)"
		                          : " AND r57_words(x.body");
		bool done[FILTER_MAX_WORDS] = { false };
		for (;;) {
			int best = -1;
			for (int i = 0; i < FILTER_MAX_WORDS; i++)
				if (sr->word[i] && !done[i] && (best < 0 || strlen(sr->word[i]) > strlen(sr->word[best])))
					best = i;
			if (best < 0)
				break;
			done[best] = true;
			n += (size_t)snprintf(buf + n, n < len ? len - n : 0, ", :w%d", best);
		}
		ADD(")");
	}
	bool marks = false;
	for (int i = 0; i < FILTER_MAX_WORDS; i++)
		marks = marks || sr->exact[i];
	if (marks) {
		ADD(" AND r57_words(r57_search_body(t.title || ' ' || coalesce(t.notes, ''), 1)");
		for (int i = 0; i < FILTER_MAX_WORDS; i++)
			if (sr->exact[i])
				n += (size_t)snprintf(buf + n, n < len ? len - n : 0, ", :m%d", i);
		ADD(")");
	}
#undef ADDC
#undef ADD
}

static void bind_named_int(sqlite3_stmt *s, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i)
		sqlite3_bind_int64(s, i, v);
}

static void bind_named_day(sqlite3_stmt *s, const char *name, r57_day d)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i)
		store_bind_day(s, i, d);
}

static void bind_filter(sqlite3_stmt *s, const struct task_filter *f, const struct search *sr,
                        r57_day today)
{
	bind_named_day(s, ":today", today);
	bind_named_int(s, ":group", f->group_id);
	bind_named_int(s, ":leader", f->leader_id);
	bind_named_int(s, ":unit", f->unit_id);
	bind_named_int(s, ":source", f->source_id);
	bind_named_int(s, ":year", f->year);
	bind_named_day(s, ":before", f->due_before);
	bind_named_day(s, ":after", f->due_after);
	int ix;
	if ((ix = sqlite3_bind_parameter_index(s, ":fts")))
		sqlite3_bind_text(s, ix, sr->fts, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < FILTER_MAX_WORDS; i++) {
		char name[8];
		snprintf(name, sizeof name, ":w%d", i);
		if (sr->word[i] && (ix = sqlite3_bind_parameter_index(s, name)))
			sqlite3_bind_text(s, ix, sr->word[i], -1, SQLITE_TRANSIENT);
		snprintf(name, sizeof name, ":m%d", i);
		if (sr->exact[i] && (ix = sqlite3_bind_parameter_index(s, name)))
			sqlite3_bind_text(s, ix, sr->exact[i], -1, SQLITE_TRANSIENT);
	}
}

/* Hand every row of a task query to each() until it asks to stop. */
static int each_row(struct store *st, sqlite3_stmt *s, task_each_fn each, void *ctx,
                    struct r57_err *err)
{
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct task t;
		read_task(s, &t);
		int stop = each(&t, ctx);
		task_clear(&t);
		if (stop)
			return R57_OK;
	}
	return step == SQLITE_DONE ? R57_OK : store_sqlerr(st, err, N_("listing tasks"));
}

int sqlite_store_task_list(struct store *st, const struct task_filter *f,
                    r57_day today, int limit, task_each_fn each, void *ctx,
                    struct r57_err *err)
{
	struct search sr;
	int rc = search_plan(st, f, &sr, err);
	if (rc)
		return rc;
	char sql[4096];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s", TASK_COLS);
	n += build_from(&sr, true, sql + n, sizeof sql - n);
	build_where(f, &sr, sql + n, sizeof sql - n);
	n = strlen(sql);
	/* Tasks without a deadline sort last; ties by id. */
	if (f->sort == SORT_TITLE)
		snprintf(sql + n, sizeof sql - n, " ORDER BY %s, t.id LIMIT :limit", title_key(&sr));
	else if (narrow(&sr))
		snprintf(sql + n, sizeof sql - n, "%s LIMIT :limit",
		         f->sort == SORT_ID ? " ORDER BY x.id" : " ORDER BY x.due_key, x.id");
	else
		snprintf(sql + n, sizeof sql - n, "%s LIMIT :limit",
		         f->sort == SORT_ID ? " ORDER BY t.id" : " ORDER BY t.due NULLS LAST, t.id");

	sqlite3_stmt *s;
	if (!(rc = store_prepare(st, sql, &s, err))) {
		bind_filter(s, f, &sr, today);
		bind_named_int(s, ":limit", limit > 0 ? limit : -1);
		rc = each_row(st, s, each, ctx, err);
		sqlite3_finalize(s);
	}
	search_clear(&sr);
	return rc;
}

int sqlite_store_task_count(struct store *st, const struct task_filter *f,
                     r57_day today, int64_t *out, struct r57_err *err)
{
	struct search sr;
	int rc = search_plan(st, f, &sr, err);
	if (rc)
		return rc;
	char sql[4096];
	size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT count(*)");
	n += build_from(&sr, true, sql + n, sizeof sql - n);
	build_where(f, &sr, sql + n, sizeof sql - n);
	sqlite3_stmt *s;
	if (!(rc = store_prepare(st, sql, &s, err))) {
		bind_filter(s, f, &sr, today);
		if (sqlite3_step(s) == SQLITE_ROW)
			*out = sqlite3_column_int64(s, 0);
		else
			rc = store_sqlerr(st, err, N_("counting tasks"));
		sqlite3_finalize(s);
	}
	search_clear(&sr);
	return rc;
}

/* --- the filter for the other store files --------------------------------------
 * The figures count the tasks the list shows: they take the list's own
 * condition, as a subquery of task ids, rather than a copy of it. */
int store_filter_plan(struct store *st, const struct task_filter *f, struct search **out,
                      struct r57_err *err)
{
	struct search *sr = calloc(1, sizeof *sr);
	*out = NULL;
	if (!sr)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	int rc = search_plan(st, f, sr, err);
	if (rc) {
		free(sr);
		return rc;
	}
	*out = sr;
	return R57_OK;
}

size_t store_filter_ids(const struct task_filter *f, const struct search *sr, char *buf,
                        size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "SELECT t.id");
	n += build_from(sr, false, buf + n, n < len ? len - n : 0);
	build_where(f, sr, buf + n, n < len ? len - n : 0);
	return strlen(buf);
}

void store_filter_bind(sqlite3_stmt *s, const struct task_filter *f, const struct search *sr,
                       r57_day today)
{
	bind_filter(s, f, sr, today);
}

void store_filter_free(struct search *sr)
{
	if (!sr)
		return;
	search_clear(sr);
	free(sr);
}

int sqlite_store_task_matches(struct store *st, const struct task_filter *f, r57_day today,
                       int64_t id, bool *yes, struct r57_err *err)
{
	struct search *sr;
	int rc = store_filter_plan(st, f, &sr, err);
	if (rc)
		return rc;
	char sql[4096];
	size_t n = store_filter_ids(f, sr, sql, sizeof sql);
	snprintf(sql + n, sizeof sql - n, " AND t.id = :id");
	sqlite3_stmt *s;
	rc = store_prepare(st, sql, &s, err);
	if (!rc) {
		bind_filter(s, f, sr, today);
		bind_named_int(s, ":id", id);
		int step = sqlite3_step(s);
		*yes = step == SQLITE_ROW;
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("listing tasks"));
		sqlite3_finalize(s);
	}
	store_filter_free(sr);
	return rc;
}

/* Sort expressions, one per enum filter_sort; a task without a deadline
 * sorts after every dated one; titles by their Vietnamese sort key. */
static const char *sort_expr(int sort, const struct search *sr)
{
	switch (sort) {
	case SORT_DUE: return narrow(sr) ? "x.due_key" : "coalesce(t.due, '9999-12-31')";
	case SORT_TITLE: return title_key(sr);
	default: return "''";
	}
}

char *task_sort_value(const struct task *t, int sort)
{
	char buf[11];
	switch (sort) {
	case SORT_DUE:
		return strdup(t->due == R57_NO_DATE ? "9999-12-31" : date_iso(t->due, buf));
	case SORT_TITLE:
		return text_sort_key(t->title ? t->title : "");
	default:
		return strdup("");
	}
}

static const char *const bucket_where[] = {
	[BY_GROUP] = "group_id",
	[BY_LEADER] = "leader_id",
	[BY_UNIT] = "unit_id",
	[BY_SOURCE] = "source_id",
	[BY_MONTH] = NULL,
};

int sqlite_store_task_page(struct store *st, const struct task_filter *f,
                    r57_day today, enum group_by by, int64_t bucket,
                    const char *month, const char *after_sort,
                    int64_t after_id, bool backward, int limit,
                    task_each_fn each, void *ctx, struct r57_err *err)
{
	struct search sr;
	int rc = search_plan(st, f, &sr, err), i;
	if (rc)
		return rc;
	const char *key = sort_expr(f->sort, &sr);
	char sql[4096];
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s", TASK_COLS_PAGE);
	n += build_from(&sr, true, sql + n, sizeof sql - n);
	build_where(f, &sr, sql + n, sizeof sql - n);
	n = strlen(sql);
	const char *tab = narrow(&sr) ? "x" : "t";
	if (by == BY_MONTH && narrow(&sr))
		/* A range of the deadline's key, which the page index seeks. */
		n += (size_t)snprintf(sql + n, sizeof sql - n, "%s",
		        month && *month ? " AND x.due_key BETWEEN :month_lo AND :month_hi AND " X_HAS_DUE
		                        : " AND x.due_key = '9999-12-31' AND t.due IS NULL");
	else if (by == BY_MONTH)
		n += (size_t)snprintf(sql + n, sizeof sql - n, "%s",
		        month && *month ? " AND substr(t.due, 1, 7) = :month" : " AND t.due IS NULL");
	else
		n += (size_t)snprintf(sql + n, sizeof sql - n, bucket ? " AND %s.%s = :bucket" : " AND %s.%s IS NULL",
		                      tab, bucket_where[by]);
	/* The plain range lets SQLite seek in the bucket's index; the row
	 * value then settles ties by id. */
	if (after_sort)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		                      " AND %s %s :after_sort AND (%s, %s.id) %s (:after_sort, :after_id)",
		                      key, backward ? "<=" : ">=", key, tab, backward ? "<" : ">");
	snprintf(sql + n, sizeof sql - n, " ORDER BY %s %s, %s.id %s LIMIT :limit", key,
	         backward ? "DESC" : "", tab, backward ? "DESC" : "");

	sqlite3_stmt *s;
	if ((rc = store_cached(st, sql, &s, err))) {
		search_clear(&sr);
		return rc;
	}
	bind_filter(s, f, &sr, today);
	if ((i = sqlite3_bind_parameter_index(s, ":month")))
		sqlite3_bind_text(s, i, month, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(s, ":month_lo"))) {
		char b[40];
		snprintf(b, sizeof b, "%.7s-00", month);
		sqlite3_bind_text(s, i, b, -1, SQLITE_TRANSIENT);
		snprintf(b, sizeof b, "%.7s-99", month);
		sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":month_hi"), b, -1, SQLITE_TRANSIENT);
	}
	bind_named_int(s, ":bucket", bucket);
	if ((i = sqlite3_bind_parameter_index(s, ":after_sort")))
		sqlite3_bind_text(s, i, after_sort, -1, SQLITE_TRANSIENT);
	bind_named_int(s, ":after_id", after_id);
	bind_named_int(s, ":limit", limit > 0 ? limit : -1);
	rc = each_row(st, s, each, ctx, err);
	store_release(s);
	search_clear(&sr);
	return rc;
}
