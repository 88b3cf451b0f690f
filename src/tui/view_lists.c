/* view_lists.c: the lists of key task groups, leaders, units and sources
 * (Tab goes to the next), each name with the tasks that use it: add,
 * rename, remove a name not in use, and move a group up or down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"

static void lists_free_rows(struct lists_state *l)
{
	for (int i = 0; i < l->nrows; i++)
		ref_clear(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->nrows = 0;
}

void lists_free(struct app *a)
{
	lists_free_rows(&a->lists);
}

static int take_ref_row(const struct ref *r, void *ctx)
{
	struct lists_state *l = ctx;
	l->rows = r57_xrealloc(l->rows, (size_t)(l->nrows + 1) * sizeof *l->rows);
	struct ref *to = &l->rows[l->nrows++];
	*to = *r;
	to->name = r57_strdup_or_null(r->name);
	to->title = r57_strdup_or_null(r->title);
	to->extra = r57_strdup_or_null(r->extra);
	return 0;
}

static void lists_reload(struct app *a)
{
	struct lists_state *l = &a->lists, got = { .kind = l->kind };
	struct r57_err err = { 0 };
	if (store_ref_list(a->r->st, l->kind, take_ref_row, &got, &err)) {
		/* A locked database: the rows read before stay. */
		app_read_error(a, &err);
		lists_free_rows(&got);
		return;
	}
	lists_free_rows(l);
	l->rows = got.rows;
	l->nrows = got.nrows;
	if (l->cur >= l->nrows)
		l->cur = l->nrows ? l->nrows - 1 : 0;
}

static void lists_enter(struct app *a)
{
	a->lists.cur = 0;
	a->lists.top = 0;
	lists_reload(a);
}

static const char *const kind_titles[] = {
	[REF_GROUP] = N_("Key task groups"), [REF_LEADER] = N_("Leaders"), [REF_UNIT] = N_("Units"),
	[REF_SOURCE] = N_("Sources"),
};
static const char *const kind_added[] = {
	[REF_GROUP] = N_("Group added"), [REF_LEADER] = N_("Leader added"),
	[REF_UNIT] = N_("Unit added"), [REF_SOURCE] = N_("Source added"),
};
static const char *const kind_new[] = {
	[REF_GROUP] = N_("New group: "), [REF_LEADER] = N_("New leader: "),
	[REF_UNIT] = N_("New unit: "), [REF_SOURCE] = N_("New source: "),
};

static void lists_draw(struct app *a, WINDOW *w, int height, int width)
{
	struct lists_state *l = &a->lists;
	char title[300];
	if (l->kind == REF_GROUP)
		snprintf(title, sizeof title, _("%s (Tab: next list · a add · r rename · D remove · J/K move)"),
		         _(kind_titles[l->kind]));
	else
		snprintf(title, sizeof title, _("%s (Tab: next list · a add · r rename · D remove)"),
		         _(kind_titles[l->kind]));
	draw_text(w, 0, 0, width, title, paint_attr(a, P_TITLE));
	int rows = height - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (rows > 0 && l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	for (int i = l->top, y = 1; i < l->nrows && y < height; i++, y++) {
		const struct ref *r = &l->rows[i];
		char *line = NULL, uses[80];
		/* The name padded to 50 columns, not bytes. */
		char *name = text_fit(r->name ? r->name : "", 50, true);
		snprintf(uses, sizeof uses, ngettext("%6lld task", "%6lld tasks", (unsigned long)r->uses),
		         (long long)r->uses);
		if (asprintf(&line, "%5lld  %s %s%s%s",
		             (long long)(l->kind == REF_GROUP ? r->position : r->id), name, uses,
		             r->extra ? "  " : "", r->extra ? r->extra : "") < 0)
			line = NULL;
		free(name);
		draw_text(w, y, 0, width, line, i == l->cur ? paint_attr(a, P_SELECTED) : 0);
		free(line);
	}
	wnoutrefresh(w);
}

static void ref_add_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	enum ref_kind k = a->flow.kind;
	if (result != EDIT_ACCEPT) {
		flow_end(a);
		return;
	}
	char *text = edit_text(&a->modal.ed);
	int64_t id;
	app_writing(a, true);
	int rc = ref_add(a->r, k, text, NULL, NULL, NULL, &id, &err);
	app_writing(a, false);
	free(text);
	if (rc) {
		app_error(a, &err);
		return; /* keep the prompt and its text */
	}
	flow_end(a);
	app_reload_all(a);
	if (a->r->warning[0])
		app_message(a, true, _("%s; warning: %s"), _(kind_added[k]), a->r->warning);
	else
		app_message(a, false, "%s", _(kind_added[k]));
}

static void ref_rename_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	if (result != EDIT_ACCEPT) {
		flow_end(a);
		return;
	}
	char *text = edit_text(&a->modal.ed);
	char which[24];
	snprintf(which, sizeof which, "%lld", (long long)a->flow.ids[0]);
	app_writing(a, true);
	int rc = ref_rename(a->r, a->flow.kind, which, text, &err);
	app_writing(a, false);
	free(text);
	if (rc) {
		app_error(a, &err);
		return;
	}
	flow_end(a);
	app_reload_all(a);
	if (a->r->warning[0])
		app_message(a, true, _("%s; warning: %s"), _("Renamed"), a->r->warning);
	else
		app_message(a, false, "%s", _("Renamed"));
}

static void ref_remove_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	char which[24];
	snprintf(which, sizeof which, "%lld", (long long)a->flow.ids[0]);
	enum ref_kind k = a->flow.kind;
	flow_end(a);
	if (result != EDIT_ACCEPT)
		return;
	app_writing(a, true);
	int rc = ref_remove(a->r, k, which, &err);
	app_writing(a, false);
	if (rc) {
		app_error(a, &err);
		return;
	}
	app_reload_all(a);
	app_message(a, false, "%s", _("Removed"));
}

/* D on a name: refused while tasks use it, else asked and removed. */
static void lists_remove(struct app *a, const struct ref *r)
{
	struct lists_state *l = &a->lists;
	char label[300];
	if (r->uses > 0) {
		/* The name is cut to what the line leaves: the count and
		 * the refusal are what the line is for. */
		char *fit = NULL;
		for (int pass = 0; pass < 2; pass++) {
			app_message(a, true,
			            ngettext("%s is in use by %lld task; nothing removed",
			                     "%s is in use by %lld tasks; nothing removed", (unsigned long)r->uses),
			            fit ? fit : "", (long long)r->uses);
			int room = a->cols - text_width(a->msg);
			fit = pass ? fit : text_fit(r->name, room < 12 ? 12 : room, false);
		}
		free(fit);
		return;
	}
	flow_start(a, ref_remove_step);
	a->flow.kind = l->kind;
	a->flow.ids[0] = l->kind == REF_GROUP ? r->position : r->id;
	char *safe = text_safe(r->name, false);
	snprintf(label, sizeof label, _("Remove %s? y removes, any other key keeps it"), safe);
	free(safe);
	modal_confirm(a, label);
}

static int lists_act(struct app *a, enum action act)
{
	struct lists_state *l = &a->lists;
	struct r57_err err = { 0 };
	const struct ref *r = l->cur < l->nrows ? &l->rows[l->cur] : NULL;
	char which[24];
	switch (act) {
	case ACT_down: if (l->cur < l->nrows - 1) l->cur++; return HANDLED;
	case ACT_up: if (l->cur > 0) l->cur--; return HANDLED;
	case ACT_page_down: l->cur = l->cur + 10 < l->nrows ? l->cur + 10 : (l->nrows ? l->nrows - 1 : 0); return HANDLED;
	case ACT_page_up: l->cur = l->cur > 10 ? l->cur - 10 : 0; return HANDLED;
	case ACT_first: l->cur = 0; return HANDLED;
	case ACT_last: l->cur = l->nrows ? l->nrows - 1 : 0; return HANDLED;
	case ACT_next_list:
		l->kind = (enum ref_kind)((l->kind + 1) % 4);
		lists_enter(a);
		return HANDLED;
	case ACT_ref_add:
		flow_start(a, ref_add_step);
		a->flow.kind = l->kind;
		modal_edit(a, _(kind_new[l->kind]), NULL);
		return HANDLED;
	case ACT_ref_rename:
		if (!r)
			return HANDLED;
		flow_start(a, ref_rename_step);
		a->flow.kind = l->kind;
		a->flow.ids[0] = l->kind == REF_GROUP ? r->position : r->id;
		modal_edit(a, _("New name: "), r->name);
		return HANDLED;
	case ACT_ref_remove:
		if (r)
			lists_remove(a, r);
		return HANDLED;
	case ACT_ref_up:
	case ACT_ref_down:
		if (!r || l->kind != REF_GROUP)
			return HANDLED;
		snprintf(which, sizeof which, "%d", r->position);
		int pos = r->position + (act == ACT_ref_up ? -1 : 1);
		if (pos < 1 || pos > l->nrows)
			return HANDLED;
		app_writing(a, true);
		int rc = group_move(a->r, which, pos, &err);
		app_writing(a, false);
		if (rc) {
			app_error(a, &err);
			return HANDLED;
		}
		l->cur += act == ACT_ref_up ? -1 : 1;
		app_reload_all(a);
		return HANDLED;
	default:
		return IGNORED;
	}
}

const struct view_ops lists_view = {
	.name = "lists",
	.enter = lists_enter,
	.reload = lists_reload,
	.draw = lists_draw,
	.act = lists_act,
};
