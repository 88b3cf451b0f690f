/* view_detail.c: one task on a screen of its own, every field with its
 * label, and below it the task's history (who changed what, when). Enter on
 * the list opens it; the task's actions work here as on the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"

/* Keep a copy of a journal entry handed out by journal_history. */
void entries_push(struct entry **rows, int *n, const struct entry *e)
{
	*rows = r57_xrealloc(*rows, (size_t)(*n + 1) * sizeof **rows);
	struct entry *to = &(*rows)[(*n)++];
	*to = *e;
	to->actor = r57_strdup_or_null(e->actor);
	to->summary = r57_strdup_or_null(e->summary);
}

static int take_entry(const struct entry *e, void *ctx)
{
	struct detail_state *d = ctx;
	entries_push(&d->hist, &d->nhist, e);
	return 0;
}

static void detail_clear(struct detail_state *d)
{
	if (d->loaded)
		task_clear(&d->t);
	for (int i = 0; i < d->nhist; i++)
		entry_clear(&d->hist[i]);
	free(d->hist);
	d->hist = NULL;
	d->nhist = 0;
	d->loaded = false;
}

void detail_free(struct app *a)
{
	detail_clear(&a->detail);
}

static void detail_reload(struct app *a)
{
	struct detail_state *d = &a->detail, got = { .id = d->id, .scroll = d->scroll };
	struct r57_err err = { 0 };
	int rc = store_task_get(a->r->st, got.id, &got.t, &err);
	if (rc == R57_OK) {
		got.loaded = true;
		struct history_query q = { .task_id = got.id, .since = R57_NO_DATE, .limit = 200 };
		rc = journal_history(a->r->st, &q, take_entry, &got, &err);
	}
	if (rc && err.code == R57_ENOTFOUND)
		app_error(a, &err);
	if (rc && err.code != R57_ENOTFOUND) {
		/* A locked database: keep what is on screen. */
		app_read_error(a, &err);
		if (d->loaded) {
			detail_clear(&got);
			return;
		}
	}
	detail_clear(d);
	*d = got;
}

void detail_open(struct app *a, int64_t id)
{
	a->detail.id = id;
	a->detail.scroll = 0;
	detail_reload(a);
	if (a->detail.loaded)
		a->view = &detail_view;
}

/* The labels of the detail view, in the order shown. */
static const char *const detail_labels[] = {
	N_("Title"), N_("Group"), N_("Leader"), N_("Unit"), N_("With"), N_("Deadline"),
	N_("First deadline"), N_("Status"), N_("Closed on"), N_("Cancelled on"), N_("Product"),
	N_("Result"), N_("Source"), N_("Plan year"), N_("Created"), N_("Notes"),
};

/* The label column: as wide as the longest label in this language. */
static int label_width(void)
{
	int w = 0;
	for (size_t i = 0; i < sizeof detail_labels / sizeof *detail_labels; i++) {
		int n = text_width(_(detail_labels[i]));
		if (n > w)
			w = n;
	}
	return w + 2;
}

static void row(struct app *a, WINDOW *w, int *y, int height, int width, const char *label,
                const char *value, int attr)
{
	(void)a;
	if (*y >= height)
		return;
	if (value && *value) {
		int lw = label_width();
		if (lw > width / 2)
			lw = width / 2;
		draw_text(w, *y, 0, lw, _(label), (int)A_BOLD);
		draw_text(w, *y, lw, width - lw, value, attr);
		(*y)++;
	}
}

static const char *status_word(enum task_status st)
{
	switch (st) {
	case TASK_DONE:
		return _("done");
	case TASK_CANCELLED:
		return _("cancelled");
	default:
		return _("open");
	}
}

static void detail_draw(struct app *a, WINDOW *w, int height, int width)
{
	struct detail_state *d = &a->detail;
	if (!d->loaded) {
		draw_text(w, 0, 0, width, _("This task no longer exists (q goes back)."), (int)A_DIM);
		return;
	}
	const struct task *t = &d->t;
	char buf[200], b[11];
	int y = 0;
	enum paint p;
	const char *marker = task_marker(t, a->r->today, &p);
	snprintf(buf, sizeof buf, _("Task #%lld %s"), (long long)t->id, marker);
	draw_text(w, y++, 0, width, buf, paint_attr(a, P_TITLE));
	row(a, w, &y, height, width, N_("Title"), t->title, 0);
	if (t->group_number) {
		/* (allocated: a cut inside a character would show as U+FFFD) */
		char *grp = NULL;
		if (asprintf(&grp, "%d. %s", t->group_number, t->group_name ? t->group_name : "") < 0)
			grp = NULL;
		row(a, w, &y, height, width, N_("Group"), grp ? grp : "", 0);
		free(grp);
	}
	row(a, w, &y, height, width, N_("Leader"), t->leader_name ? t->leader_name : "-", 0);
	row(a, w, &y, height, width, N_("Unit"), t->unit_name ? t->unit_name : "-", 0);
	row(a, w, &y, height, width, N_("With"), t->units, 0);
	due_text(t, a->r->today, buf, sizeof buf);
	row(a, w, &y, height, width, N_("Deadline"), buf, paint_attr(a, p));
	if (t->extensions > 0) {
		snprintf(buf, sizeof buf,
		         ngettext("%s (extended %d time)", "%s (extended %d times)", (unsigned long)t->extensions),
		         date_dmy(t->first_due, b), t->extensions);
		row(a, w, &y, height, width, N_("First deadline"), buf, 0);
	}
	row(a, w, &y, height, width, N_("Status"), status_word(t->status), paint_attr(a, p));
	if (t->status != TASK_OPEN)
		row(a, w, &y, height, width, t->status == TASK_DONE ? N_("Closed on") : N_("Cancelled on"),
		    date_dmy(t->closed, b), 0);
	row(a, w, &y, height, width, N_("Product"), t->product, 0);
	row(a, w, &y, height, width, N_("Result"), t->result, 0);
	row(a, w, &y, height, width, N_("Source"), t->source_code, 0);
	if (t->year) {
		snprintf(buf, sizeof buf, "%d", t->year);
		row(a, w, &y, height, width, N_("Plan year"), buf, 0);
	}
	row(a, w, &y, height, width, N_("Created"), date_dmy(t->created, b), 0);
	row(a, w, &y, height, width, N_("Notes"), t->notes, 0);
	if (y + 1 < height) {
		y++;
		draw_text(w, y++, 0, width, _("History (who changed what, when)"), paint_attr(a, P_TITLE));
	}
	for (int i = d->scroll; i < d->nhist && y < height; i++, y++) {
		const struct entry *e = &d->hist[i];
		char *line = NULL;
		if (asprintf(&line, "#%-5lld %.10s %.5s  %s: %s%s", (long long)e->seq, e->at,
		             strlen(e->at) > 11 ? e->at + 11 : "", e->actor, e->summary,
		             e->undone ? _(" (undone)") : "") < 0)
			line = NULL;
		draw_text(w, y, 0, width, line, e->undone ? (int)A_DIM : 0);
		free(line);
	}
	wnoutrefresh(w);
}

static int detail_act(struct app *a, enum action act)
{
	switch (act) {
	case ACT_down:
		if (a->detail.scroll < a->detail.nhist - 1)
			a->detail.scroll++;
		return HANDLED;
	case ACT_up:
		if (a->detail.scroll > 0)
			a->detail.scroll--;
		return HANDLED;
	case ACT_edit: case ACT_assign: case ACT_deadline: case ACT_close:
	case ACT_reopen: case ACT_cancel: case ACT_delete:
		return flows_act(a, act, a->detail.id);
	default:
		return IGNORED;
	}
}

const struct view_ops detail_view = {
	.name = "detail",
	.reload = detail_reload,
	.draw = detail_draw,
	.act = detail_act,
};
