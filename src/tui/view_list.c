/* view_list.c: the task list as a view: its keys, the filter prompt (/),
 * grouping and sorting. The list is grouped under key task groups (or
 * leaders, units, sources, deadline months), each heading with its figures
 * and a fold; its rows and their paging are list_page.c's, their drawing
 * list_draw.c's and the marks list_marks.c's (tui/list.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "tui_int.h"
#include "list.h"

/* --- the filter ---------------------------------------------------------------------- */

/* Apply text as filter words; false (and a message) if it does not parse. */
static bool apply_filter(struct app *a, const char *text)
{
	struct list_state *ls = &a->list;
	struct task_filter f;
	struct r57_err err = { 0 };
	filter_init(&f);
	f.sort = ls->filter.sort;
	/* Split on spaces; filter_add_word keeps pointers for names, so the
	 * copy lives as long as the filter (in filter_text). */
	char *copy = r57_xstrdup(text);
	int rc = R57_OK;
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w && !rc; w = strtok_r(NULL, " ", &save))
		rc = filter_add_word(&f, w, a->r->today, &err);
	if (!rc)
		rc = filter_resolve(&f, a->r->st, &err);
	if (rc) {
		filter_clear(&f);
		free(copy);
		app_error(a, &err);
		return false;
	}
	filter_clear(&ls->filter);
	ls->filter = f;
	free(ls->filter_buf);
	ls->filter_buf = copy; /* owns the words the filter points into */
	free(ls->filter_text);
	ls->filter_text = r57_xstrdup(text);
	a->msg[0] = '\0';
	return true;
}

static void filter_live(struct app *a)
{
	char *text = edit_text(&a->modal.ed);
	/* The headings count what is shown: they are read again when typing
	 * pauses (list_reload_live), so that a key never waits for them. */
	if (apply_filter(a, text)) {
		list_to_top(a);
		list_reload_live(a);
	}
	free(text);
}

static void filter_step(struct app *a, int result)
{
	if (result == EDIT_CANCEL) {
		/* Escape restores the filter the prompt opened with. */
		char *before = a->flow.text[0];
		a->flow.text[0] = NULL;
		apply_filter(a, before ? before : "");
		free(before);
	} else {
		char *text = edit_text(&a->modal.ed);
		apply_filter(a, text);
		free(text);
	}
	flow_end(a);
	list_to_top(a);
	/* The headings count what is shown: every word reads them again. */
	list_reload(a);
}

static void open_filter(struct app *a)
{
	flow_start(a, filter_step);
	a->flow.text[0] = r57_strdup_or_null(a->list.filter_text);
	modal_edit(a, _("Filter: "), a->list.filter_text);
	a->modal.live = true;
	a->modal.live_fn = filter_live;
}

/* --- keys ----------------------------------------------------------------------------------- */

static const char *const by_msgs[] = {
	[BY_GROUP] = N_("Grouped by key task group"), [BY_LEADER] = N_("Grouped by leader"),
	[BY_UNIT] = N_("Grouped by unit"), [BY_SOURCE] = N_("Grouped by source"),
	[BY_MONTH] = N_("Grouped by deadline month"),
};
static const char *const sort_msgs[] = {
	[SORT_DUE] = N_("Sorted by deadline"), [SORT_ID] = N_("Sorted by id"),
	[SORT_TITLE] = N_("Sorted by title"),
};

static int list_act(struct app *a, enum action act)
{
	struct list_state *ls = &a->list;
	int h = ls->height > 0 ? ls->height : 20;
	switch (act) {
	case ACT_down: list_move_down(a, 1); break;
	case ACT_up: list_move_up(a, 1); break;
	case ACT_page_down: list_page_down(a); break;
	case ACT_page_up: list_page_up(a); break;
	case ACT_first: list_go_first(a); break;
	case ACT_last: list_go_last(a); break;
	case ACT_open:
		if (ls->nlines && ls->lines[ls->cur].key.header)
			list_toggle_fold(a, false);
		else if (list_current_task(a))
			detail_open(a, list_current_task(a)->id);
		break;
	case ACT_fold: list_toggle_fold(a, false); break;
	case ACT_fold_all: list_toggle_fold(a, true); break;
	case ACT_mark: list_toggle_mark(a); break;
	case ACT_unmark_all:
		list_clear_marks(a);
		app_message(a, false, "%s", _("Marks cleared"));
		break;
	case ACT_filter: open_filter(a); break;
	case ACT_escape:
		/* A stray Escape never loses the session: it clears, at most. */
		if (ls->nmarks) {
			list_clear_marks(a);
			app_message(a, false, "%s", _("Marks cleared"));
		} else if (ls->filter_text && *ls->filter_text) {
			apply_filter(a, "");
			list_to_top(a);
			list_reload(a);
			app_message(a, false, "%s", _("Filter cleared"));
		}
		break;
	case ACT_group_by:
		ls->by = (enum group_by)((ls->by + 1) % (BY_MONTH + 1));
		list_to_top(a);
		for (int i = 0; i < ls->nb; i++)
			free(ls->buckets[i].name);
		free(ls->buckets);
		ls->buckets = NULL;
		ls->nb = 0;
		list_reload(a);
		app_message(a, false, "%s", _(by_msgs[ls->by]));
		break;
	case ACT_sort_by:
		ls->filter.sort = (enum filter_sort)((ls->filter.sort + 1) % 3);
		list_to_top(a);
		list_reload(a);
		app_message(a, false, "%s", _(sort_msgs[ls->filter.sort]));
		break;
	case ACT_status: app_switch(a, &status_view); break;
	case ACT_history: app_switch(a, &history_view); break;
	case ACT_lists: app_switch(a, &lists_view); break;
	case ACT_add: case ACT_edit: case ACT_assign: case ACT_deadline: case ACT_close:
	case ACT_reopen: case ACT_cancel: case ACT_delete:
		return flows_act(a, act, 0) | REDRAW;
	default:
		return IGNORED;
	}
	(void)h;
	return HANDLED | REDRAW;
}

static void list_enter(struct app *a)
{
	(void)a;
}

const struct view_ops list_view = {
	.name = "list",
	.enter = list_enter,
	.reload = list_reload,
	.draw = list_draw,
	.act = list_act,
};
