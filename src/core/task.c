/* task.c: the actions on tasks: add, the deadline, close, reopen, cancel,
 * delete, and what every action on tasks shares (task_int.h): a field as
 * given cleaned and resolved, and the one loop over a list of tasks that
 * writes only the rows that change. Edit and assign are in task_edit.c,
 * the actions on groups, leaders, units and sources in task_ref.c. Each
 * public function is one journal entry in one write transaction
 * (action.h): it validates everything first, writes, and commits, or
 * writes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "action.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/task.h"
#include "r57/text.h"
#include "task_int.h"

/* "#3, #4" into buf, cut (with a mark) when the list is long. */
static const char *ids_text(const int64_t *ids, int n, char *buf, size_t len)
{
	struct summary s = { .len = 0 };
	for (int i = 0; i < n; i++)
		sum_add(&s, "%s#%lld", i ? ", " : "", (long long)ids[i]);
	snprintf(buf, len, "%s", s.buf);
	return buf;
}

/* A new name that is an existing one with case and diacritics aside is a
 * different name in Vietnamese ("Ân" is not "An") and is kept, but the
 * user is told, once per action, since a reader may take one for the other. */
void act_warn_lookalike(struct r57 *r, enum ref_kind k, const char *name, int64_t id)
{
	struct r57_err w = { .code = R57_OK };
	if (!r->warning[0] && store_ref_lookalike(r->st, k, name, id, &w))
		snprintf(r->warning, sizeof r->warning, "%s", w.msg);
}

/* A text field as given: NFC, trimmed; "" clears it. Over its limit
 * (limits.h) it is refused, never cut. */
int act_clean_text(const char *in, const char *what, enum limit_field lim, char **out,
                   struct r57_err *err)
{
	*out = NULL;
	if (!in)
		return R57_OK;
	*out = text_normalize(in);
	if (!*out)
		return r57_fail(err, R57_EINPUT, _("%s: not valid UTF-8"), what);
	int rc = limit_check(lim, *out, err);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

static const enum limit_field name_limit[] = {
	[REF_GROUP] = LIM_GROUP, [REF_LEADER] = LIM_LEADER, [REF_UNIT] = LIM_UNIT, [REF_SOURCE] = LIM_SOURCE,
};

enum limit_field act_name_limit(enum ref_kind k)
{
	return name_limit[k];
}

/* Resolve a leader, unit, group or source as typed; create it with --new. */
int act_resolve(struct r57 *r, enum ref_kind k, const char *typed, bool create,
                int64_t *id, struct r57_err *err)
{
	char *name = text_normalize(typed);
	if (!name)
		return r57_fail(err, R57_EINPUT, _("%s: not valid UTF-8"), ref_kind_name(k));
	if (!*name) {
		free(name);
		*id = 0; /* "" clears the field */
		return R57_OK;
	}
	int rc = create ? store_ref_find_new(r->st, k, name, id, err)
	                : store_ref_find(r->st, k, name, id, err);
	if (rc == R57_ENOTFOUND && create && !(rc = limit_check(act_name_limit(k), name, err)) &&
	    !(rc = store_ref_insert(r->st, k, name, NULL, 0, NULL, id, err)))
		act_warn_lookalike(r, k, name, *id);
	free(name);
	return rc;
}

static int check_year(int year, struct r57_err *err)
{
	if (year && (year < 1900 || year > 9999))
		return r57_fail(err, R57_EINPUT, _("--year: %d is not a plan year"), year);
	return R57_OK;
}

void act_owned_free(struct owned *o)
{
	free(o->title);
	free(o->notes);
	free(o->product);
	free(o->result);
	memset(o, 0, sizeof *o);
}

int act_apply_fields(struct r57 *r, const struct task_fields *f,
                     struct task_row *row, struct owned *o, struct r57_err *err)
{
	int rc;
	if ((rc = act_clean_text(f->title, _("title"), LIM_TITLE, &o->title, err)) ||
	    (rc = act_clean_text(f->notes, "--notes", LIM_NOTES, &o->notes, err)) ||
	    (rc = act_clean_text(f->product, "--product", LIM_PRODUCT, &o->product, err)) ||
	    (rc = act_clean_text(f->result, "--result", LIM_RESULT, &o->result, err)))
		return rc;
	if (o->title) {
		if (!*o->title)
			return r57_fail(err, R57_EINPUT, _("a task needs a title"));
		row->title = o->title;
	}
	if (o->notes)
		row->notes = o->notes;
	if (o->product)
		row->product = o->product;
	if (o->result)
		row->result = o->result;
	if (f->group && (rc = act_resolve(r, REF_GROUP, f->group, f->create_new, &row->group_id, err)))
		return rc;
	if (f->leader && (rc = act_resolve(r, REF_LEADER, f->leader, f->create_new, &row->leader_id, err)))
		return rc;
	if (f->unit && (rc = act_resolve(r, REF_UNIT, f->unit, f->create_new, &row->unit_id, err)))
		return rc;
	if (f->source && (rc = act_resolve(r, REF_SOURCE, f->source, f->create_new, &row->source_id, err)))
		return rc;
	if ((rc = check_year(f->year, err)))
		return rc;
	if (f->year)
		row->year = f->year;
	return R57_OK;
}

/* A deadline given to edit corrects it: not an extension. Before any
 * extension the first deadline is corrected with it. */
void act_correct_due(const struct task_fields *f, struct task_row *row)
{
	if (f->due == R57_NO_DATE && !f->clear_due)
		return;
	row->due = f->clear_due ? R57_NO_DATE : f->due;
	if (row->extensions == 0)
		row->first_due = row->due;
}

/* Coordinating units added and removed; then the task may not have more
 * than the limit (limits.h): refused, never dropped. */
int act_apply_with(struct r57 *r, int64_t task, const struct task_fields *f,
                   struct r57_err *err)
{
	int rc;
	if ((rc = limit_check_units((size_t)f->n_with, err)))
		return rc;
	if (f->n_without > R57_UNITS_MAX) /* a task never has more to remove */
		return r57_fail(err, R57_EUSAGE, _("%s: %zu given; at most %zu are allowed"), "--without",
		                (size_t)f->n_without, (size_t)R57_UNITS_MAX);
	for (int i = 0; i < f->n_with; i++) {
		int64_t unit;
		if ((rc = act_resolve(r, REF_UNIT, f->with[i], f->create_new, &unit, err)))
			return rc;
		if (unit && (rc = store_task_unit_add(r->st, task, unit, err)))
			return rc;
	}
	for (int i = 0; i < f->n_without; i++) {
		int64_t unit;
		if ((rc = act_resolve(r, REF_UNIT, f->without[i], false, &unit, err)))
			return rc;
		if (unit && (rc = store_task_unit_remove(r->st, task, unit, err)))
			return rc;
	}
	if (f->n_with) {
		int64_t *ids = NULL;
		int n = 0;
		if ((rc = store_task_units(r->st, task, &ids, &n, err)))
			return rc;
		free(ids);
		if ((rc = limit_check_units((size_t)n, err)))
			return rc;
	}
	return R57_OK;
}

int task_add(struct r57 *r, const struct task_fields *f, int64_t *id_out,
             struct r57_err *err)
{
	struct task_row row;
	struct owned o = { 0 };
	struct summary sum = SUMMARY_INIT;
	int64_t seq, id = 0;
	uuid_t u;

	if (!f->title)
		return r57_fail(err, R57_EUSAGE, _("add: a task needs a title"));
	memset(&row, 0, sizeof row);
	uuid_generate_random(u);
	uuid_unparse_lower(u, row.uuid);
	row.status = TASK_OPEN;
	row.created = r->today;
	row.closed = R57_NO_DATE;
	row.due = f->due;
	row.first_due = f->due;
	/* The plan year defaults to the deadline's year, else this year. */
	int y, m, d;
	date_to_ymd(f->due != R57_NO_DATE ? f->due : r->today, &y, &m, &d);
	row.year = y;

	int rc = action_begin(r, &seq, err);
	if (rc)
		return rc;
	if (!(rc = act_apply_fields(r, f, &row, &o, err)) &&
	    !(rc = store_task_insert(r->st, &row, r->now, &id, err)) &&
	    !(rc = act_apply_with(r, id, f, err))) {
		sum_add(&sum, _("add #%lld: %s"), (long long)id, row.title);
	}
	rc = action_end(r, rc, seq, sum.buf, err);
	act_owned_free(&o);
	if (!rc && id_out)
		*id_out = id;
	return rc;
}

/* Read every task first so that a bad id changes nothing. */
static int each_task(struct r57 *r, const int64_t *ids, int n, struct task **out,
                     struct r57_err *err)
{
	if (n <= 0)
		return r57_fail(err, R57_EUSAGE, _("no task id given"));
	struct task *ts = calloc((size_t)n, sizeof *ts);
	if (!ts)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i]) {
				for (int k = 0; k < i; k++)
					task_clear(&ts[k]);
				free(ts);
				return r57_fail(err, R57_EUSAGE, _("task #%lld is given twice"), (long long)ids[i]);
			}
		int rc = store_task_get(r->st, ids[i], &ts[i], err);
		if (rc) {
			for (int k = 0; k < i; k++)
				task_clear(&ts[k]);
			free(ts);
			return rc;
		}
	}
	*out = ts;
	return R57_OK;
}

static void free_tasks(struct task *ts, int n)
{
	if (!ts)
		return;
	for (int i = 0; i < n; i++)
		task_clear(&ts[i]);
	free(ts);
}

/* The store keeps "" as NULL: both are the same empty field. */
static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static unsigned row_diff(const struct task_row *a, const struct task_row *b)
{
	unsigned m = 0;
	if (!same_text(a->title, b->title))
		m |= CH_TITLE;
	if (!same_text(a->notes, b->notes))
		m |= CH_NOTES;
	if (!same_text(a->product, b->product))
		m |= CH_PRODUCT;
	if (!same_text(a->result, b->result))
		m |= CH_RESULT;
	if (a->group_id != b->group_id)
		m |= CH_GROUP;
	if (a->source_id != b->source_id)
		m |= CH_SOURCE;
	if (a->leader_id != b->leader_id)
		m |= CH_LEADER;
	if (a->unit_id != b->unit_id)
		m |= CH_UNIT;
	if (a->year != b->year)
		m |= CH_YEAR;
	if (a->due != b->due || a->first_due != b->first_due || a->extensions != b->extensions)
		m |= CH_DUE;
	if (a->status != b->status || a->closed != b->closed || a->created != b->created ||
	    strcmp(a->uuid, b->uuid) != 0)
		m |= CH_STATE;
	return m;
}

static bool same_ids(const int64_t *a, int na, const int64_t *b, int nb)
{
	return na == nb && (na == 0 || memcmp(a, b, (size_t)na * sizeof *a) == 0);
}

int act_change_tasks(struct r57 *r, const int64_t *ids, int n, const struct task_change *act,
                     struct r57_err *err)
{
	int64_t seq;
	struct task *ts = NULL;
	int rc = action_begin(r, &seq, err);
	if (rc)
		return rc;
	int64_t *done = calloc(n > 0 ? (size_t)n : 1, sizeof *done);
	if (!done)
		return action_end(r, r57_fail(err, R57_ENOMEM, _("out of memory")), seq, NULL, err);
	struct summary skipped = { .len = 0 };
	unsigned changed = 0;
	int n_done = 0, n_skipped = 0;
	bool plain = true;
	if (!(rc = each_task(r, ids, n, &ts, err))) {
		for (int i = 0; i < n && !rc; i++) {
			struct task_row row, before;
			int64_t *u0 = NULL, *u1 = NULL;
			int n0 = 0, n1 = 0;
			char why[160] = "";
			task_row_from(&row, &ts[i]);
			before = row;
			if (act->units)
				rc = store_task_units(r->st, ts[i].id, &u0, &n0, err);
			if (!rc)
				rc = act->change(r, &ts[i], &row, act->ctx, why, sizeof why, err);
			if (!rc && act->units)
				rc = store_task_units(r->st, ts[i].id, &u1, &n1, err);
			unsigned m = rc ? 0 : row_diff(&before, &row);
			if (!rc && act->units && !same_ids(u0, n0, u1, n1))
				m |= CH_UNITS;
			free(u0);
			free(u1);
			if (rc)
				break;
			if (m & ~(unsigned)CH_UNITS)
				rc = store_task_update(r->st, ts[i].id, &row, r->now, err);
			if (m) {
				changed |= m;
				done[n_done++] = ts[i].id;
				continue;
			}
			if (*why)
				plain = false;
			sum_add(&skipped, "%s#%lld %s", n_skipped++ ? ", " : "", (long long)ts[i].id,
			        *why ? why : _("unchanged"));
		}
	}
	if (!rc) {
		struct r57_outcome *o = &r->out;
		o->n_changed = n_done;
		o->n_skipped = n_skipped;
		o->skipped_plain = plain;
		ids_text(done, n_done, o->changed, sizeof o->changed);
		snprintf(o->skipped, sizeof o->skipped, "%s", skipped.buf);
	}
	if (!rc && n_done == 0) {
		/* Nothing to record: no entry, nothing written. */
		rc = action_end(r, R57_OK, seq, NULL, err);
	} else {
		struct summary sum = SUMMARY_INIT;
		char list[512];
		if (!rc)
			act->describe(r, &sum, ids_text(done, n_done, list, sizeof list), changed, act->ctx);
		rc = action_end(r, rc, seq, sum.buf, err);
	}
	free(done);
	free_tasks(ts, n);
	return rc;
}

static int due_one(struct r57 *r, struct task *t, struct task_row *row, void *ctx,
                   char *why, size_t whylen, struct r57_err *err)
{
	(void)r;
	r57_day due = *(const r57_day *)ctx;
	if (t->status == TASK_DONE)
		return r57_fail(err, R57_EINPUT, _("task #%lld is done; reopen it before changing its deadline"),
		                (long long)t->id);
	if (t->status != TASK_OPEN)
		return r57_fail(err, R57_EINPUT, _("task #%lld is cancelled; reopen it before changing its deadline"),
		                (long long)t->id);
	if (t->due == due) {
		char b[11];
		snprintf(why, whylen, _("already due %s"), date_dmy(due, b));
		return R57_OK;
	}
	if (t->due == R57_NO_DATE) {
		/* A first deadline is not an extension. */
		row->first_due = due;
	} else {
		if (row->first_due == R57_NO_DATE)
			row->first_due = t->due;
		row->extensions++;
	}
	row->due = due;
	return R57_OK;
}

static void describe_due(struct r57 *r, struct summary *sum, const char *ids, unsigned m,
                         void *ctx)
{
	(void)r;
	(void)m;
	char buf[11];
	sum_add(sum, _("deadline of %s to %s"), ids, date_dmy(*(const r57_day *)ctx, buf));
}

int task_set_due(struct r57 *r, const int64_t *ids, int n, r57_day due,
                 struct r57_err *err)
{
	struct task_change act = { due_one, describe_due, &due, false };
	return act_change_tasks(r, ids, n, &act, err);
}

struct close_ctx {
	r57_day on;
	char *result;
};

/* A task already done is left as it is and named; a cancelled one is
 * refused (closing it is not "the same state": it must be reopened). */
static int close_one(struct r57 *r, struct task *t, struct task_row *row, void *vctx,
                     char *why, size_t whylen, struct r57_err *err)
{
	(void)r;
	struct close_ctx *c = vctx;
	if (t->status == TASK_DONE) {
		char b[11];
		snprintf(why, whylen, _("already done (closed %s)"), date_dmy(t->closed, b));
		return R57_OK;
	}
	if (t->status == TASK_CANCELLED)
		return r57_fail(err, R57_EINPUT, _("task #%lld is cancelled; reopen it first"), (long long)t->id);
	row->status = TASK_DONE;
	row->closed = c->on;
	if (c->result)
		row->result = c->result;
	return R57_OK;
}

static void describe_close(struct r57 *r, struct summary *sum, const char *ids, unsigned m,
                           void *vctx)
{
	(void)r;
	(void)m;
	char b[11];
	sum_add(sum, _("close %s on %s"), ids, date_dmy(((struct close_ctx *)vctx)->on, b));
}

int task_close(struct r57 *r, const int64_t *ids, int n, r57_day on,
               const char *result, struct r57_err *err)
{
	char b1[11], b2[11];
	struct close_ctx c = { .on = on == R57_NO_DATE ? r->today : on };
	if (c.on > r->today)
		return r57_fail(err, R57_EINPUT, _("--on: %s is after today (%s); a task is closed on the day it was done"),
		                date_dmy(c.on, b1), date_dmy(r->today, b2));
	int rc = act_clean_text(result, "--result", LIM_RESULT, &c.result, err);
	if (rc)
		return rc;
	struct task_change act = { close_one, describe_close, &c, false };
	rc = act_change_tasks(r, ids, n, &act, err);
	free(c.result);
	return rc;
}

static int reopen_one(struct r57 *r, struct task *t, struct task_row *row, void *ctx,
                      char *why, size_t whylen, struct r57_err *err)
{
	(void)r;
	(void)ctx;
	(void)err;
	if (t->status == TASK_OPEN) {
		snprintf(why, whylen, "%s", _("already open"));
		return R57_OK;
	}
	row->status = TASK_OPEN;
	row->closed = R57_NO_DATE;
	return R57_OK;
}

static void describe_reopen(struct r57 *r, struct summary *sum, const char *ids, unsigned m,
                            void *ctx)
{
	(void)r;
	(void)m;
	(void)ctx;
	sum_add(sum, _("reopen %s"), ids);
}

int task_reopen(struct r57 *r, const int64_t *ids, int n, struct r57_err *err)
{
	struct task_change act = { reopen_one, describe_reopen, NULL, false };
	return act_change_tasks(r, ids, n, &act, err);
}

/* A task already cancelled is left as it is and named; a done one is
 * refused (it must be reopened first). */
static int cancel_one(struct r57 *r, struct task *t, struct task_row *row, void *ctx,
                      char *why, size_t whylen, struct r57_err *err)
{
	if (t->status == TASK_CANCELLED) {
		snprintf(why, whylen, "%s", _("already cancelled"));
		return R57_OK;
	}
	if (t->status == TASK_DONE)
		return r57_fail(err, R57_EINPUT, _("task #%lld is done; reopen it before cancelling"), (long long)t->id);
	row->status = TASK_CANCELLED;
	row->closed = r->today;
	if (ctx)
		row->result = ctx;
	return R57_OK;
}

static void describe_cancel(struct r57 *r, struct summary *sum, const char *ids, unsigned m,
                            void *ctx)
{
	(void)r;
	(void)m;
	if (ctx)
		sum_add(sum, _("cancel %s: %s"), ids, (const char *)ctx);
	else
		sum_add(sum, _("cancel %s"), ids);
}

int task_cancel(struct r57 *r, const int64_t *ids, int n, const char *reason,
                struct r57_err *err)
{
	char *why = NULL;
	int rc = act_clean_text(reason, "--reason", LIM_RESULT, &why, err);
	if (rc)
		return rc;
	struct task_change act = { cancel_one, describe_cancel, why && *why ? why : NULL, false };
	rc = act_change_tasks(r, ids, n, &act, err);
	free(why);
	return rc;
}

int task_delete(struct r57 *r, const int64_t *ids, int n, struct r57_err *err)
{
	int64_t seq;
	struct task *ts = NULL;
	struct summary sum = SUMMARY_INIT;
	int rc = action_begin(r, &seq, err);
	if (rc)
		return rc;
	if (!(rc = each_task(r, ids, n, &ts, err))) {
		/* "delete #3 Title, #4 Title" */
		struct summary what = { .len = 0 };
		for (int i = 0; i < n && !rc; i++) {
			sum_add(&what, "%s#%lld %s", i ? ", " : "", (long long)ts[i].id, ts[i].title);
			rc = store_task_delete(r->st, ts[i].id, err);
		}
		sum_add(&sum, _("delete %s"), what.buf);
		if (!rc) {
			r->out.n_changed = n;
			ids_text(ids, n, r->out.changed, sizeof r->out.changed);
		}
	}
	rc = action_end(r, rc, seq, sum.buf, err);
	free_tasks(ts, n);
	return rc;
}
