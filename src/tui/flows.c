/* flows.c: what the screen's keys that change data do, as short dialogues
 * in the status line (a text prompt, a picker, a y/n). Every flow ends in
 * one call to an action of task.c or journal.c: one journal entry, one
 * undo, the same checks as on the command line. When a save is refused,
 * what was typed stays in the prompt for another try. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/text.h"
#include "tui_int.h"

/* The task a flow works on when it is about one task: the detail view's,
 * else the cursor's. */
static const struct task *flow_task(struct app *a)
{
	if (a->view == &detail_view && a->detail.loaded)
		return &a->detail.t;
	return list_current_task(a);
}

static int targets(struct app *a, int64_t *ids, int max)
{
	if (a->view == &detail_view && a->detail.loaded) {
		ids[0] = a->detail.t.id;
		return 1;
	}
	return list_targets(a, ids, max);
}

/* Read everything again; the caller then says what was done. */
static void after_change(struct app *a)
{
	app_reload_all(a);
}

static void ids_text(const int64_t *ids, int n, char *buf, size_t len)
{
	size_t k = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && k < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "%s#%lld", i ? ", " : "", (long long)ids[i]);
}

/* What the core left as it was (r57.out), after the line of what was
 * done; or, when nothing changed, that alone. True if nothing changed. */
static bool said_unchanged(struct app *a, const char *done)
{
	const struct r57_outcome *o = &a->r->out;
	if (o->n_changed == 0) {
		if (o->skipped_plain || !o->skipped[0])
			app_message(a, false, "%s", _("Nothing changed"));
		else
			app_message(a, false, _("Nothing changed: %s"), o->skipped);
		return true;
	}
	if (o->n_skipped)
		app_message(a, false, _("%s; left as they were: %s"), done, o->skipped);
	else
		app_message(a, false, "%s", done);
	return false;
}

/* The lead person and lead unit the flow's tasks share: the id (0 for
 * none), or -1 where they differ or cannot be read. */
static void shared_lead(struct app *a, int64_t *leader, int64_t *unit)
{
	*leader = *unit = -1;
	for (int i = 0; i < a->flow.n; i++) {
		struct task t;
		struct r57_err err = { 0 };
		if (store_task_get(a->r->st, a->flow.ids[i], &t, &err) != R57_OK) {
			*leader = *unit = -1;
			return;
		}
		if (i == 0) {
			*leader = t.leader_id;
			*unit = t.unit_id;
		} else {
			if (*leader != t.leader_id)
				*leader = -1;
			if (*unit != t.unit_id)
				*unit = -1;
		}
		task_clear(&t);
	}
}

/* The end of a flow that acted on the flow's tasks: the marks are spent,
 * everything is read again, and the status line says what was done. */
enum bulk { BULK_CLOSED, BULK_CANCELLED };

static void bulk_done(struct app *a, enum bulk what)
{
	char done[1200];
	const char *ids = a->r->out.changed;
	flow_end(a);
	list_clear_marks(a);
	after_change(a);
	if (what == BULK_CLOSED)
		snprintf(done, sizeof done, _("Closed %s"), ids);
	else
		snprintf(done, sizeof done, _("Cancelled %s"), ids);
	said_unchanged(a, done);
}

/* A flow given up: nothing written, and the status line says so. */
static void given_up(struct app *a, const char *what)
{
	flow_end(a);
	app_message(a, false, "%s", what);
}

/* --- add -------------------------------------------------------------------------------- */

static void add_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	if (result == EDIT_CANCEL) {
		given_up(a, _("Nothing added"));
		return;
	}
	char *text = edit_text(&a->modal.ed);
	switch (a->flow.stage++) {
	case 0: { /* the title */
		char *title = text ? text_normalize(text) : NULL;
		bool empty = !title || !*title;
		int over = empty ? R57_OK : limit_check(LIM_TITLE, title, &err);
		free(title);
		if (empty || over) {
			free(text);
			a->flow.stage--;
			if (over)
				app_error(a, &err); /* the prompt stays, with what was typed */
			else
				app_message(a, true, "%s", _("A task needs a title (Escape to give up)"));
			return;
		}
		a->flow.text[0] = text;
		modal_edit(a, _("Deadline (dd/mm/yyyy, +30d, eoq; empty for none): "), NULL);
		return;
	}
	case 1: { /* the deadline */
		r57_day due = R57_NO_DATE;
		char *t = text_normalize(text ? text : "");
		if (t && *t && date_parse(t, a->r->today, "deadline", &due, &err)) {
			free(t);
			free(text);
			a->flow.stage--;
			app_error(a, &err);
			return; /* the prompt stays, with what was typed */
		}
		free(t);
		free(text);
		struct task_fields f = TASK_FIELDS_INIT;
		char group[24];
		f.title = a->flow.text[0];
		f.due = due;
		if (a->flow.bucket_id > 0) {
			/* The group under the cursor, by its number. */
			snprintf(group, sizeof group, "%lld", (long long)a->flow.bucket_id);
			f.group = group;
		}
		int64_t id;
		app_writing(a, true);
		int rc = task_add(a->r, &f, &id, &err);
		app_writing(a, false);
		if (rc) {
			/* Refused, or the connection lost (nothing was added): the
			 * title is kept and the deadline stays in its prompt, so
			 * Enter tries again. */
			a->flow.stage--;
			app_error(a, &err);
			return;
		}
		flow_end(a);
		a->list.goto_id = id;
		after_change(a);
		app_message(a, false, _("Added task #%lld"), (long long)id);
		return;
	}
	}
	free(text);
}

/* --- edit ------------------------------------------------------------------------------- */

static void edit_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	if (result == EDIT_CANCEL) {
		given_up(a, _("Nothing changed"));
		return;
	}
	char *text = edit_text(&a->modal.ed);
	int stage = a->flow.stage;
	/* Over its limit (limits.h) a field is refused here, in its own
	 * prompt, which keeps what was typed. */
	static const enum limit_field limits[] = { LIM_TITLE, LIM_PRODUCT, LIM_NOTES };
	char *stored = text ? text_normalize(text) : NULL;
	int over = stored ? limit_check(limits[stage], stored, &err) : R57_OK;
	free(stored);
	if (over) {
		free(text);
		app_error(a, &err);
		return;
	}
	free(a->flow.text[stage]);
	a->flow.text[stage] = text;
	static const char *const labels[] = { N_("Title: "), N_("Product: "), N_("Notes: ") };
	if (stage < 2) {
		a->flow.stage++;
		const struct task *t = flow_task(a);
		const char *init = !t ? NULL : stage + 1 == 1 ? t->product : t->notes;
		modal_edit(a, _(labels[stage + 1]), init);
		return;
	}
	struct task_fields f = TASK_FIELDS_INIT;
	f.title = a->flow.text[0];
	f.product = a->flow.text[1];
	f.notes = a->flow.text[2];
	f.expect_entry = a->flow.seen_entry;
	int64_t id = a->flow.ids[0];
	app_writing(a, true);
	int rc = task_edit(a->r, &id, 1, &f, &err);
	app_writing(a, false);
	if (rc) {
		/* Keep every answer; reopen the last prompt for a retry, and take
		 * the new state as the one to check against next time. */
		app_error(a, &err);
		struct entry now = { 0 };
		if (err.code == R57_ECONFLICT && journal_task_last(a->r->st, id, &now, NULL) == R57_OK) {
			a->flow.seen_entry = now.seq;
			app_message(a, true, _("%s. Enter saves your text over it; Escape keeps theirs"), err.msg);
		}
		entry_clear(&now);
		modal_edit(a, _(labels[2]), a->flow.text[2]);
		return;
	}
	flow_end(a);
	after_change(a);
	char done[200];
	snprintf(done, sizeof done, _("Changed task #%lld"), (long long)id);
	said_unchanged(a, done);
}

/* --- assign ------------------------------------------------------------------------------ */

static void assign_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	/* Picker results (enum pick_result), not the editor's. */
	if (result == PICK_CANCEL) {
		given_up(a, _("Nothing assigned"));
		return;
	}
	int stage = a->flow.stage++;
	/* Remember the answer: an id, none, or a new name. */
	char idbuf[24];
	if (result == PICK_NEW) {
		a->flow.text[stage] = a->modal.picked_text;
		a->modal.picked_text = NULL;
	} else if (result == PICK_NONE) {
		a->flow.text[stage] = r57_xstrdup("");
	} else {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)a->modal.picked);
		a->flow.text[stage] = r57_xstrdup(idbuf);
	}
	if (stage == 0) {
		/* The unit picker starts on the tasks' lead unit, or on the
		 * person's unit when the person changed or the tasks have none. */
		int64_t person_unit = 0;
		if (result == PICK_ACCEPT) {
			struct ref who = { 0 };
			if (store_ref_get(a->r->st, REF_LEADER, a->modal.picked, &who, NULL) == R57_OK)
				person_unit = who.extra_id;
			ref_clear(&who);
		}
		int64_t was_leader = a->flow.pick[0], was_unit = a->flow.pick[1];
		int64_t now_leader = result == PICK_ACCEPT ? a->modal.picked : result == PICK_NONE ? 0 : -2;
		bool person_changed = now_leader != was_leader;
		modal_pick(a, REF_UNIT, _("Lead unit (type any part of the name)"), true, true);
		if (person_unit && (was_unit == 0 || person_changed))
			picker_select(&a->modal.pk, person_unit);
		else if (was_unit >= 0)
			picker_select(&a->modal.pk, was_unit);
		return;
	}
	struct task_fields f = TASK_FIELDS_INIT;
	f.leader = a->flow.text[0];
	f.unit = a->flow.text[1];
	f.create_new = true;
	app_writing(a, true);
	int rc = task_assign(a->r, a->flow.ids, a->flow.n, &f, &err);
	app_writing(a, false);
	flow_end(a);
	if (rc) {
		app_error(a, &err);
		return;
	}
	list_clear_marks(a);
	after_change(a);
	char done[1200];
	snprintf(done, sizeof done, _("Assigned %s"), a->r->out.changed);
	said_unchanged(a, done);
}

/* --- deadline ------------------------------------------------------------------------------ */

static void deadline_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	if (result == EDIT_CANCEL) {
		given_up(a, _("Deadline unchanged"));
		return;
	}
	char *text = edit_text(&a->modal.ed);
	r57_day due;
	int rc = date_parse(text ? text : "", a->r->today, "deadline", &due, &err);
	free(text);
	if (!rc) {
		app_writing(a, true);
		rc = task_set_due(a->r, a->flow.ids, a->flow.n, due, &err);
		app_writing(a, false);
	}
	if (rc) {
		app_error(a, &err);
		return; /* the prompt stays open with the text */
	}
	char done[1200], b[11];
	snprintf(done, sizeof done, _("Deadline of %s now due %s"), a->r->out.changed, date_dmy(due, b));
	flow_end(a);
	after_change(a);
	said_unchanged(a, done);
}

/* --- close ---------------------------------------------------------------------------------- */

static void close_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	char b[11];
	if (result == EDIT_CANCEL) {
		given_up(a, _("Nothing closed"));
		return;
	}
	char *text = edit_text(&a->modal.ed);
	if (a->flow.stage == 0) {
		a->flow.text[0] = text;
		a->flow.stage = 1;
		char label[160];
		snprintf(label, sizeof label, _("Done on (Enter for today, %s): "), date_dmy(a->r->today, b));
		modal_edit(a, label, NULL);
		return;
	}
	r57_day on = R57_NO_DATE;
	char *t = text_normalize(text ? text : "");
	int rc = R57_OK;
	if (t && *t)
		rc = date_parse(t, a->r->today, "date", &on, &err);
	free(t);
	free(text);
	if (!rc) {
		app_writing(a, true);
		rc = task_close(a->r, a->flow.ids, a->flow.n, on,
		                a->flow.text[0] && *a->flow.text[0] ? a->flow.text[0] : NULL, &err);
		app_writing(a, false);
	}
	if (rc) {
		app_error(a, &err);
		return;
	}
	bulk_done(a, BULK_CLOSED);
}

/* --- cancel, delete, reopen -------------------------------------------------------------------- */

static void cancel_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	if (result == EDIT_CANCEL) {
		given_up(a, _("Nothing cancelled"));
		return;
	}
	char *text = edit_text(&a->modal.ed);
	app_writing(a, true);
	int rc = task_cancel(a->r, a->flow.ids, a->flow.n, text, &err);
	app_writing(a, false);
	free(text);
	if (rc) {
		app_error(a, &err);
		return;
	}
	bulk_done(a, BULK_CANCELLED);
}

static void delete_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	char ids[200];
	ids_text(a->flow.ids, a->flow.n, ids, sizeof ids);
	if (result != EDIT_ACCEPT) {
		given_up(a, _("Nothing deleted"));
		return;
	}
	app_writing(a, true);
	int rc = task_delete(a->r, a->flow.ids, a->flow.n, &err);
	app_writing(a, false);
	flow_end(a);
	if (rc) {
		app_error(a, &err);
		return;
	}
	list_clear_marks(a);
	if (a->view == &detail_view)
		app_switch(a, &list_view);
	after_change(a);
	app_message(a, false, _("Deleted %s (u brings it back)"), ids);
}

/* The columns a long part of a prompt may take: the width of the
 * screen less what the prompt takes without it. */
static int room_for(const struct app *a, const char *without)
{
	int w = a->cols - text_width(without);
	return w < 12 ? 12 : w;
}

/* --- undo and redo --------------------------------------------------------------------------------- */

static void undo_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	bool undo = a->flow.stage == 0;
	flow_end(a);
	if (result != EDIT_ACCEPT) {
		app_message(a, false, "%s", undo ? _("Nothing undone") : _("Nothing redone"));
		return;
	}
	struct entry e;
	app_writing(a, true);
	int rc = undo ? journal_undo(a->r->st, a->r->actor, a->r->now, a->r->today, &e, &err)
	              : journal_redo(a->r->st, a->r->actor, a->r->now, a->r->today, &e, &err);
	app_writing(a, false);
	if (rc) {
		app_error(a, &err);
		return;
	}
	char *what = text_safe(e.summary, false);
	app_reload_all(a);
	if (undo)
		app_message(a, false, _("Undid #%lld: %s"), (long long)e.seq, what);
	else
		app_message(a, false, _("Redid #%lld: %s"), (long long)e.seq, what);
	free(what);
	entry_clear(&e);
}

static void start_undo(struct app *a, bool undo)
{
	struct r57_err err = { 0 };
	struct entry e;
	int rc = undo ? journal_undo_plan(a->r->st, a->r->actor, &e, &err)
	              : journal_redo_plan(a->r->st, a->r->actor, &e, &err);
	if (rc) {
		/* Says who blocks it, or that there is nothing to do. */
		app_error(a, &err);
		return;
	}
	/* The summary is cut to what the line leaves, so the keys that
	 * answer stay on screen whatever the language. */
	char label[600];
	for (int pass = 0; pass < 2; pass++) {
		char *what = pass ? text_fit(e.summary, room_for(a, label), false) : NULL;
		if (undo)
			snprintf(label, sizeof label, _("Undo #%lld: %s? y undoes, any other key keeps it"),
			         (long long)e.seq, what ? what : "");
		else
			snprintf(label, sizeof label, _("Redo #%lld: %s? y redoes, any other key keeps it"),
			         (long long)e.seq, what ? what : "");
		free(what);
	}
	entry_clear(&e);
	flow_start(a, undo_step);
	a->flow.stage = undo ? 0 : 1;
	modal_confirm(a, label);
}

/* --- dispatch ---------------------------------------------------------------------------------------- */

/* e: the title first; the task's newest journal entry is kept to tell,
 * at the end, whether someone else changed the task meanwhile. */
static void start_edit(struct app *a, const struct task *t)
{
	flow_start(a, edit_step);
	a->flow.ids[0] = t->id;
	a->flow.n = 1;
	struct entry last = { 0 };
	if (journal_task_last(a->r->st, t->id, &last, NULL) == R57_OK)
		a->flow.seen_entry = last.seq;
	entry_clear(&last);
	modal_edit(a, _("Title: "), t->title);
}

/* o: reopened at once, nothing to ask. */
static void reopen(struct app *a, const int64_t *ids, int n)
{
	struct r57_err err = { 0 };
	app_writing(a, true);
	int rc = task_reopen(a->r, ids, n, &err);
	app_writing(a, false);
	if (rc) {
		app_error(a, &err);
		return;
	}
	char done[1200];
	snprintf(done, sizeof done, _("Reopened %s"), a->r->out.changed);
	after_change(a);
	said_unchanged(a, done);
}

/* D: asked first, the ids cut to what the line leaves. */
static void start_delete(struct app *a, const int64_t *ids, int n)
{
	char which[400], label[400];
	ids_text(ids, n, which, sizeof which);
	flow_start(a, delete_step);
	memcpy(a->flow.ids, ids, (size_t)n * sizeof *ids);
	a->flow.n = n;
	snprintf(label, sizeof label, _("Delete %s? y deletes (u brings back), any other key keeps"), "");
	char *fit = text_fit(which, room_for(a, label), false);
	snprintf(label, sizeof label, _("Delete %s? y deletes (u brings back), any other key keeps"), fit);
	free(fit);
	modal_confirm(a, label);
}

int flows_act(struct app *a, enum action act, int64_t task_id)
{
	(void)task_id;
	char b[11];
	if (act == ACT_undo || act == ACT_redo) {
		start_undo(a, act == ACT_undo);
		return HANDLED;
	}
	if (act == ACT_add) {
		flow_start(a, add_step);
		const struct bucket *bk = list_current_bucket(a);
		a->flow.bucket_id = bk && a->list.by == BY_GROUP ? bk->number : 0;
		modal_edit(a, _("New task title: "), NULL);
		return HANDLED;
	}
	int64_t ids[64];
	int n = targets(a, ids, 64);
	if (n == 0) {
		app_message(a, true, "%s", _("No task under the cursor"));
		return HANDLED;
	}
	const struct task *t = flow_task(a);
	switch (act) {
	case ACT_edit:
		if (t)
			start_edit(a, t);
		return HANDLED;
	case ACT_assign:
		flow_start(a, assign_step);
		memcpy(a->flow.ids, ids, (size_t)n * sizeof *ids);
		a->flow.n = n;
		/* Each picker starts on the value the tasks have: Enter keeps it. */
		shared_lead(a, &a->flow.pick[0], &a->flow.pick[1]);
		modal_pick(a, REF_LEADER, _("Lead person (type any part of the name)"), true, true);
		if (a->flow.pick[0] >= 0)
			picker_select(&a->modal.pk, a->flow.pick[0]);
		return HANDLED;
	case ACT_deadline:
		flow_start(a, deadline_step);
		memcpy(a->flow.ids, ids, (size_t)n * sizeof *ids);
		a->flow.n = n;
		modal_edit(a, _("New deadline (an extension): "),
		           t && t->due != R57_NO_DATE ? date_dmy(t->due, b) : NULL);
		return HANDLED;
	case ACT_close:
		flow_start(a, close_step);
		memcpy(a->flow.ids, ids, (size_t)n * sizeof *ids);
		a->flow.n = n;
		modal_edit(a, _("Result (what was delivered): "), t ? t->result : NULL);
		return HANDLED;
	case ACT_reopen:
		reopen(a, ids, n);
		return HANDLED;
	case ACT_cancel:
		flow_start(a, cancel_step);
		memcpy(a->flow.ids, ids, (size_t)n * sizeof *ids);
		a->flow.n = n;
		modal_edit(a, _("Reason for cancelling: "), NULL);
		return HANDLED;
	case ACT_delete:
		start_delete(a, ids, n);
		return HANDLED;
	default:
		return IGNORED;
	}
}
