/* report.c: the status figures for a selection as of a date: one struct
 * that `r57 status`, the status screen and every export draw. */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "r57/filter.h"
#include "r57/i18n.h"
#include "r57/remind.h"
#include "r57/report.h"
#include "r57/text.h"
#include "r57/store.h"

int report_rate_bp(int64_t done, int64_t total)
{
	if (total <= 0)
		return 0;
	/* Hundredths of a percent, rounded half up: 66/123 -> 5366. */
	return (int)((done * 20000 + total) / (2 * total));
}

static void add_figures(struct figures *to, const struct figures *f)
{
	to->total += f->total;
	to->completed += f->completed;
	to->completed_on_time += f->completed_on_time;
	to->completed_late += f->completed_late;
	to->open += f->open;
	to->open_within_deadline += f->open_within_deadline;
	to->open_overdue += f->open_overdue;
	to->added_since += f->added_since;
	to->extended += f->extended;
	to->extended_since += f->extended_since;
}

struct collect {
	struct report *r;
	struct r57_err *err;
	int rc;
};

/* A new, zeroed row at the end of the report's groups; NULL when out of
 * memory (c->rc says so). */
static struct report_row *push_row(struct collect *c)
{
	struct report *r = c->r;
	struct report_row *grown = realloc(r->groups, (size_t)(r->n_groups + 1) * sizeof *grown);
	if (!grown) {
		c->rc = r57_fail(c->err, R57_ENOMEM, _("out of memory"));
		return NULL;
	}
	r->groups = grown;
	struct report_row *row = &r->groups[r->n_groups++];
	memset(row, 0, sizeof *row);
	return row;
}

static int take_group(const struct ref *g, void *ctx)
{
	struct collect *c = ctx;
	struct report *r = c->r;
	if (r->sel.group_id && g->id != r->sel.group_id)
		return 0;
	struct report_row *row = push_row(c);
	if (!row)
		return 1;
	row->id = g->id;
	row->number = g->position;
	row->name = strdup(g->name ? g->name : "");
	return 0;
}

static int take_figures(int64_t group_id, const char *month, const struct figures *f, void *ctx)
{
	(void)month;
	struct collect *c = ctx;
	struct report *r = c->r;
	add_figures(&r->all, f);
	for (int i = 0; i < r->n_groups; i++)
		if (r->groups[i].id == group_id) {
			add_figures(&r->groups[i].fig, f);
			return 0;
		}
	/* Tasks without a group, or of a group since removed: one last row. */
	for (int i = 0; i < r->n_groups; i++)
		if (r->groups[i].id == 0) {
			add_figures(&r->groups[i].fig, f);
			return 0;
		}
	struct report_row *row = push_row(c);
	if (!row)
		return 1;
	row->id = 0;
	row->name = NULL;
	row->fig = *f;
	return 0;
}

int report_compute(struct store *st, const struct selection *sel,
                   r57_day as_of, r57_day since, struct report *out,
                   struct r57_err *err)
{
	memset(out, 0, sizeof *out);
	out->sel = *sel;
	out->as_of = as_of;
	/* The previous reporting date defaults to the end of the month before. */
	out->since = since != R57_NO_DATE ? since
	             : date_end_of_month(date_add_months(as_of, -1));
	struct collect c = { .r = out, .err = err };
	/* (the names alone: the list would count each group's tasks) */
	int rc = store_ref_names(st, REF_GROUP, take_group, &c, err);
	if (!rc)
		rc = c.rc;
	if (!rc)
		rc = store_figures(st, sel, BY_GROUP, as_of, out->since, take_figures, &c, err);
	if (!rc)
		rc = c.rc;
	if (rc) {
		report_clear(out);
		return rc;
	}
	out->all.rate_bp = report_rate_bp(out->all.completed, out->all.total);
	for (int i = 0; i < out->n_groups; i++)
		out->groups[i].fig.rate_bp = report_rate_bp(out->groups[i].fig.completed,
		                                            out->groups[i].fig.total);
	return R57_OK;
}

void report_clear(struct report *r)
{
	for (int i = 0; i < r->n_groups; i++)
		free(r->groups[i].name);
	free(r->groups);
	memset(r, 0, sizeof *r);
}

struct breakdown {
	struct report_row *rows;
	int n;
	struct r57_err *err;
	int rc;
};

static int take_bucket(int64_t id, const char *month, const struct figures *f, void *ctx)
{
	(void)month;
	struct breakdown *b = ctx;
	struct report_row *grown = realloc(b->rows, (size_t)(b->n + 1) * sizeof *grown);
	if (!grown) {
		b->rc = r57_fail(b->err, R57_ENOMEM, _("out of memory"));
		return 1;
	}
	b->rows = grown;
	struct report_row *row = &b->rows[b->n++];
	memset(row, 0, sizeof *row);
	row->id = id;
	row->fig = *f;
	row->fig.rate_bp = report_rate_bp(f->completed, f->total);
	return 0;
}

/* The rows in the order of the names (units in Vietnamese alphabetical
 * order, persons by given name first: the store's one query of the names,
 * each key made once), "none" last. */
struct naming {
	struct breakdown *b;
	struct report_row *ordered;
	int n;
};

static int by_id(const void *x, const void *y)
{
	const struct report_row *a = x, *c = y;
	return (a->id > c->id) - (a->id < c->id);
}

static int take_name(const struct ref *r, void *ctx)
{
	struct naming *nm = ctx;
	struct report_row key = { .id = r->id };
	struct report_row *row = bsearch(&key, nm->b->rows, (size_t)nm->b->n, sizeof *row, by_id);
	if (!row || row->name || !row->id)
		return 0;
	if (!(row->name = strdup(r->name ? r->name : ""))) {
		nm->b->rc = r57_fail(nm->b->err, R57_ENOMEM, _("out of memory"));
		return 1;
	}
	nm->ordered[nm->n++] = *row;
	return 0;
}

static int take_reminders(int64_t id, int64_t n, void *ctx)
{
	struct breakdown *b = ctx;
	for (int i = 0; i < b->n; i++)
		if (b->rows[i].id == id) {
			b->rows[i].reminders = n;
			break;
		}
	return 0;
}

int report_breakdown(struct store *st, const struct selection *sel, int by,
                     r57_day as_of, r57_day since, struct report_row **rows,
                     int *n, struct r57_err *err)
{
	struct breakdown b = { .err = err };
	*rows = NULL;
	*n = 0;
	int rc = store_figures(st, sel, (enum group_by)by, as_of, since, take_bucket, &b, err);
	if (!rc)
		rc = b.rc;
	if (!rc && (by == BY_UNIT || by == BY_LEADER))
		rc = store_remind_counts(st, by == BY_UNIT ? REMIND_UNIT : REMIND_LEADER, as_of,
		                         take_reminders, &b, err);
	enum ref_kind k = by == BY_UNIT ? REF_UNIT : REF_LEADER;
	struct naming nm = { .b = &b };
	if (!rc && b.n > 0 && !(nm.ordered = calloc((size_t)b.n, sizeof *nm.ordered)))
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	if (!rc && b.n > 1) /* qsort may not be given a NULL array */
		qsort(b.rows, (size_t)b.n, sizeof *b.rows, by_id);
	if (!rc && b.n > 0)
		rc = store_ref_names(st, k, take_name, &nm, err);
	if (!rc)
		rc = b.rc;
	for (int i = 0; !rc && i < b.n; i++) {
		/* A name that cannot be read fails the report: a row that says
		 * "(none)" for a unit that has one would be a wrong report. The
		 * id is a task's, under a foreign key: a row that is not there is
		 * a damaged file, not the user's mistake. */
		if (b.rows[i].id && !b.rows[i].name)
			rc = store_damage_error(st, err);
		else if (!b.rows[i].id)
			nm.ordered[nm.n++] = b.rows[i];
	}
	if (rc) {
		free(nm.ordered);
		report_rows_free(b.rows, b.n);
		return rc;
	}
	free(b.rows);
	b.rows = nm.ordered;
	*rows = b.rows;
	*n = b.n;
	return R57_OK;
}

void report_rows_free(struct report_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

/* --- the selection in words ----------------------------------------------------- */

struct words {
	char buf[2048];
	size_t n;
};

enum word { W_GROUP, W_LEADER, W_UNIT, W_SOURCE, W_YEAR, W_STATUS, W_BEFORE, W_AFTER, W_WORDS };

static void put(struct words *w, enum word k, const char *v)
{
	if (w->n >= sizeof w->buf)
		return;
	if (w->n)
		w->n += (size_t)snprintf(w->buf + w->n, sizeof w->buf - w->n, ", ");
	if (w->n >= sizeof w->buf)
		return;
	char *p = w->buf + w->n;
	size_t len = sizeof w->buf - w->n;
	int n = 0;
	switch (k) {
	case W_GROUP: n = snprintf(p, len, _("group %s"), v); break;
	case W_LEADER: n = snprintf(p, len, _("leader %s"), v); break;
	case W_UNIT: n = snprintf(p, len, _("unit %s"), v); break;
	case W_SOURCE: n = snprintf(p, len, _("source %s"), v); break;
	case W_YEAR: n = snprintf(p, len, _("year %s"), v); break;
	case W_STATUS: n = snprintf(p, len, _("status %s"), v); break;
	case W_BEFORE: n = snprintf(p, len, _("due before %s"), v); break;
	case W_AFTER: n = snprintf(p, len, _("due after %s"), v); break;
	case W_WORDS: n = snprintf(p, len, _("words %s"), v); break;
	}
	w->n += n > 0 ? (size_t)n : 0;
}

/* A name as stored; a group as "3. Name"; the id itself if it is gone. */
static void put_ref(struct words *w, struct store *st, enum ref_kind k, int64_t id,
                    enum word fmt)
{
	struct ref r;
	char name[600];
	if (store_ref_get(st, k, id, &r, NULL) == R57_OK) {
		if (k == REF_GROUP)
			snprintf(name, sizeof name, "%d. %s", r.position, r.name ? r.name : "");
		else
			snprintf(name, sizeof name, "%s", r.name ? r.name : "");
		ref_clear(&r);
	} else {
		snprintf(name, sizeof name, "%lld", (long long)id);
	}
	put(w, fmt, name);
}

static const char *const status_words[] = {
	[FILTER_ALL] = "all", [FILTER_OPEN] = "open", [FILTER_WITHIN] = "within",
	[FILTER_OVERDUE] = "overdue", [FILTER_DONE] = "done", [FILTER_CANCELLED] = "cancelled",
};

char *report_selection_words(struct store *st, const struct selection *sel)
{
	struct words *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	const struct task_filter *f = sel->filter;
	int64_t group = sel->group_id ? sel->group_id : f ? f->group_id : 0;
	int64_t leader = sel->leader_id ? sel->leader_id : f ? f->leader_id : 0;
	int64_t unit = sel->unit_id ? sel->unit_id : f ? f->unit_id : 0;
	int64_t source = sel->source_id ? sel->source_id : f ? f->source_id : 0;
	int year = sel->year ? sel->year : f ? f->year : 0;
	if (group)
		put_ref(w, st, REF_GROUP, group, W_GROUP);
	/* The same word twice (an option and a filter word that differ) is
	 * named twice: both choose. */
	if (f && f->group_id && sel->group_id && f->group_id != sel->group_id)
		put_ref(w, st, REF_GROUP, f->group_id, W_GROUP);
	if (leader)
		put_ref(w, st, REF_LEADER, leader, W_LEADER);
	if (f && f->leader_id && sel->leader_id && f->leader_id != sel->leader_id)
		put_ref(w, st, REF_LEADER, f->leader_id, W_LEADER);
	if (unit)
		put_ref(w, st, REF_UNIT, unit, W_UNIT);
	if (f && f->unit_id && sel->unit_id && f->unit_id != sel->unit_id)
		put_ref(w, st, REF_UNIT, f->unit_id, W_UNIT);
	if (source)
		put_ref(w, st, REF_SOURCE, source, W_SOURCE);
	if (f && f->source_id && sel->source_id && f->source_id != sel->source_id)
		put_ref(w, st, REF_SOURCE, f->source_id, W_SOURCE);
	char b[16];
	if (year) {
		snprintf(b, sizeof b, "%d", year);
		put(w, W_YEAR, b);
	}
	if (f && f->year && sel->year && f->year != sel->year) {
		snprintf(b, sizeof b, "%d", f->year);
		put(w, W_YEAR, b);
	}
	if (f && f->status != FILTER_NOT_CANCELLED)
		put(w, W_STATUS, status_words[f->status]);
	if (f && f->due_before != R57_NO_DATE)
		put(w, W_BEFORE, date_dmy(f->due_before, b));
	if (f && f->due_after != R57_NO_DATE)
		put(w, W_AFTER, date_dmy(f->due_after, b));
	if (f && f->n_words) {
		char typed[1024];
		size_t n = 0;
		typed[0] = '\0';
		for (int i = 0; i < f->n_words && n < sizeof typed; i++)
			n += (size_t)snprintf(typed + n, sizeof typed - n, "%s%s", i ? " " : "",
			                      f->typed[i] ? f->typed[i] : f->words[i]);
		put(w, W_WORDS, typed);
	}
	char *out = strdup(w->n ? w->buf : _("all tasks"));
	free(w);
	return out;
}
