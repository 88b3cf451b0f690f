/* task_edit.c: task_edit and task_assign, the actions that set a task's
 * fields (task.h): the screen's guard against a task changed meanwhile,
 * and the journal summary that names the fields changed or the people and
 * units assigned. Through the loop of task.c (task_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/task.h"
#include "r57/text.h"
#include "task_int.h"

struct edit_ctx {
	const struct task_fields *f;
	struct owned o;
	bool assign;              /* assign: to_whom is filled with the names as resolved */
	bool described;
	struct summary to_whom;   /* " to An, Sở Nội vụ with Sở Tài chính" */
};

/* Append the name of a resolved leader or unit ("(no leader)" for 0). */
static void sum_ref(struct r57 *r, struct summary *sum, const char *sep, enum ref_kind k,
                    int64_t id)
{
	struct ref ref = { 0 };
	if (id && store_ref_get(r->st, k, id, &ref, NULL) == R57_OK)
		sum_add(sum, "%s%s", sep, ref.name);
	else
		sum_add(sum, "%s%s", sep, k == REF_LEADER ? _("(no leader)") : _("(no unit)"));
	ref_clear(&ref);
}

/* The names of coordinating units as typed and resolved: "A, B". */
static void unit_names(struct r57 *r, const char *const *typed, int n, struct summary *out)
{
	for (int i = 0; i < n; i++) {
		int64_t id = 0;
		if (store_ref_find(r->st, REF_UNIT, typed[i], &id, NULL) == R57_OK)
			sum_ref(r, out, out->len ? ", " : "", REF_UNIT, id);
	}
}

/* "assign #3 to An, Sở Nội vụ with Sở Tài chính": each part one message. */
static void describe_assign(struct r57 *r, const struct task_fields *f,
                            const struct task_row *row, struct summary *sum)
{
	struct summary who = { .len = 0 }, with = { .len = 0 }, without = { .len = 0 };
	if (f->leader)
		sum_ref(r, &who, "", REF_LEADER, row->leader_id);
	if (f->unit)
		sum_ref(r, &who, who.len ? ", " : "", REF_UNIT, row->unit_id);
	unit_names(r, f->with, f->n_with, &with);
	unit_names(r, f->without, f->n_without, &without);
	if (who.len) {
		sum_add(sum, " ");
		sum_add(sum, _("to %s"), who.buf);
	}
	if (with.len) {
		sum_add(sum, " ");
		sum_add(sum, _("with %s"), with.buf);
	}
	if (without.len) {
		sum_add(sum, " ");
		sum_add(sum, _("without %s"), without.buf);
	}
}

/* Refuse if the task changed since the screen read it. */
static int check_unchanged(struct r57 *r, const struct task *t, int64_t expect,
                           struct r57_err *err)
{
	if (!expect)
		return R57_OK;
	struct entry e = { 0 };
	int rc;
	if (journal_task_last(r->st, t->id, &e, NULL) == R57_OK && e.seq == expect) {
		entry_clear(&e);
		return R57_OK;
	}
	if (e.seq) {
		char *who = text_safe(e.actor, false), *what = text_safe(e.summary, false);
		rc = r57_fail(err, R57_ECONFLICT, _("task #%lld was changed meanwhile by %s (#%lld: %s); nothing was saved"),
		              (long long)t->id, who, (long long)e.seq, what);
		free(who);
		free(what);
	} else {
		rc = r57_fail(err, R57_ECONFLICT, _("task #%lld was changed meanwhile; nothing was saved"),
		              (long long)t->id);
	}
	entry_clear(&e);
	return rc;
}

static int edit_one(struct r57 *r, struct task *t, struct task_row *row, void *vctx,
                    char *why, size_t whylen, struct r57_err *err)
{
	(void)why;
	(void)whylen;
	struct edit_ctx *c = vctx;
	int guard = check_unchanged(r, t, c->f->expect_entry, err);
	if (guard)
		return guard;
	act_owned_free(&c->o);
	int rc = act_apply_fields(r, c->f, row, &c->o, err);
	if (!rc)
		rc = act_apply_with(r, t->id, c->f, err);
	if (!rc)
		act_correct_due(c->f, row);
	if (!rc && c->assign && !c->described) {
		describe_assign(r, c->f, row, &c->to_whom);
		c->described = true; /* the names are the same for every task */
	}
	return rc;
}

static bool fields_empty(const struct task_fields *f)
{
	return !f->title && !f->notes && !f->product && !f->result && !f->group &&
	       !f->leader && !f->unit && !f->source && !f->n_with && !f->n_without &&
	       !f->year && f->due == R57_NO_DATE && !f->clear_due;
}

/* "edit #3: title, notes, deadline corrected to 31/12/2025": the fields
 * that changed on any of the tasks. */
static void describe_edit(struct r57 *r, struct summary *sum, const char *ids,
                          unsigned m, void *vctx)
{
	(void)r;
	const struct task_fields *f = ((struct edit_ctx *)vctx)->f;
	struct summary what = { .len = 0 };
#define NAMED(bit, label) if (m & (bit)) sum_add(&what, "%s%s", what.len ? ", " : "", label);
	NAMED(CH_TITLE, _("title"))
	NAMED(CH_NOTES, _("notes"))
	NAMED(CH_PRODUCT, _("product"))
	NAMED(CH_RESULT, _("result"))
	NAMED(CH_GROUP, _("group"))
	NAMED(CH_SOURCE, _("source"))
	NAMED(CH_LEADER, _("leader"))
	NAMED(CH_UNIT, _("lead unit"))
#undef NAMED
	if (m & CH_YEAR) {
		sum_add(&what, "%s", what.len ? ", " : "");
		sum_add(&what, _("year %d"), f->year);
	}
	if (m & CH_DUE) {
		char b[11];
		sum_add(&what, "%s", what.len ? ", " : "");
		sum_add(&what, _("deadline corrected to %s"), f->clear_due ? _("none") : date_dmy(f->due, b));
	}
	if (m & CH_UNITS)
		sum_add(&what, "%s%s", what.len ? ", " : "", _("coordinating units"));
	sum_add(sum, _("edit %s: %s"), ids, what.buf);
}

int task_edit(struct r57 *r, const int64_t *ids, int n,
              const struct task_fields *f, struct r57_err *err)
{
	if (fields_empty(f))
		return r57_fail(err, R57_EUSAGE, _("edit: nothing to change (give --title, --notes, ...)"));
	struct edit_ctx c = { .f = f };
	struct task_change act = { edit_one, describe_edit, &c, f->n_with || f->n_without };
	int rc = act_change_tasks(r, ids, n, &act, err);
	act_owned_free(&c.o);
	return rc;
}

static void describe_assign_entry(struct r57 *r, struct summary *sum, const char *ids,
                                  unsigned m, void *vctx)
{
	(void)r;
	(void)m;
	sum_add(sum, _("assign %s"), ids);
	sum_add(sum, "%s", ((struct edit_ctx *)vctx)->to_whom.buf);
}

int task_assign(struct r57 *r, const int64_t *ids, int n,
                const struct task_fields *f, struct r57_err *err)
{
	if (!f->leader && !f->unit && !f->n_with && !f->n_without)
		return r57_fail(err, R57_EUSAGE, _("assign: give --leader, --unit, --with or --without"));
	struct task_fields only = TASK_FIELDS_INIT;
	only.leader = f->leader;
	only.unit = f->unit;
	memcpy(only.with, f->with, sizeof only.with);
	only.n_with = f->n_with;
	memcpy(only.without, f->without, sizeof only.without);
	only.n_without = f->n_without;
	only.create_new = f->create_new;
	only.expect_entry = f->expect_entry;

	struct edit_ctx c = { .f = &only, .assign = true };
	struct task_change act = { edit_one, describe_assign_entry, &c, f->n_with || f->n_without };
	int rc = act_change_tasks(r, ids, n, &act, err);
	act_owned_free(&c.o);
	return rc;
}
