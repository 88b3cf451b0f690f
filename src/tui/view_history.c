/* view_history.c: the journal, newest first, a page at a time (keyset
 * paging on the entries' numbers), narrowed by actor:NAME and task:ID. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"

static void hist_free_rows(struct history_state *h)
{
	for (int i = 0; i < h->nrows; i++)
		entry_clear(&h->rows[i]);
	free(h->rows);
	h->rows = NULL;
	h->nrows = 0;
}

static int take_hist(const struct entry *e, void *ctx)
{
	struct history_state *h = ctx;
	entries_push(&h->rows, &h->nrows, e);
	return 0;
}

void history_free(struct app *a)
{
	hist_free_rows(&a->hist);
	free(a->hist.stack);
	free(a->hist.actor);
}

/* Only the page on screen is read: entries before top_seq (keyset). */
static void history_reload(struct app *a)
{
	struct history_state *h = &a->hist, got = { 0 };
	struct r57_err err = { 0 };
	struct history_query q = { .task_id = h->task_id, .actor = h->actor, .since = R57_NO_DATE,
	                           .before_seq = h->top_seq ? h->top_seq + 1 : 0,
	                           .limit = h->height > 0 ? h->height : 50 };
	if (journal_history(a->r->st, &q, take_hist, &got, &err)) {
		/* A locked database: the page read before stays. */
		app_read_error(a, &err);
		hist_free_rows(&got);
		return;
	}
	hist_free_rows(h);
	h->rows = got.rows;
	h->nrows = got.nrows;
	if (h->cur >= h->nrows)
		h->cur = h->nrows ? h->nrows - 1 : 0;
}

static void history_enter(struct app *a)
{
	a->hist.top_seq = 0;
	a->hist.nstack = 0;
	a->hist.cur = 0;
	history_reload(a);
}

static void history_draw(struct app *a, WINDOW *w, int height, int width)
{
	struct history_state *h = &a->hist;
	if (h->height != height - 1) {
		h->height = height - 1;
		history_reload(a);
	}
	char title[300];
	snprintf(title, sizeof title, "%s", _("History, newest first"));
	if (h->actor) {
		size_t n = strlen(title);
		snprintf(title + n, sizeof title - n, _(" · actor: %s"), h->actor);
	}
	if (h->task_id) {
		size_t n = strlen(title);
		snprintf(title + n, sizeof title - n, _(" · task #%lld"), (long long)h->task_id);
	}
	draw_text(w, 0, 0, width, title, paint_attr(a, P_TITLE));
	for (int i = 0; i < h->nrows && i + 1 < height; i++) {
		const struct entry *e = &h->rows[i];
		char *line = NULL;
		/* the actor padded by columns (a Vietnamese name has more bytes) */
		const char *who = e->actor ? e->actor : "";
		int aw = text_width(who);
		char *actor = text_fit(who, aw > 10 ? aw : 10, true);
		if (asprintf(&line, "#%-6lld %.10s %.5s  %s %s%s", (long long)e->seq, e->at,
		             strlen(e->at) > 11 ? e->at + 11 : "", actor, e->summary,
		             e->undone ? _(" (undone)") : "") < 0)
			line = NULL;
		free(actor);
		int attr = (i == h->cur ? paint_attr(a, P_SELECTED) : 0) | (e->undone ? (int)A_DIM : 0);
		draw_text(w, i + 1, 0, width, line, attr);
		free(line);
	}
	wnoutrefresh(w);
}

static void hist_filter_step(struct app *a, int result)
{
	struct history_state *h = &a->hist;
	if (result == EDIT_ACCEPT) {
		char *text = edit_text(&a->modal.ed);
		free(h->actor);
		h->actor = NULL;
		h->task_id = 0;
		char *save = NULL;
		for (char *w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			if (strncmp(w, "actor:", 6) == 0 && w[6]) {
				free(h->actor);
				h->actor = r57_xstrdup(w + 6);
			} else if (strncmp(w, "task:", 5) == 0) {
				h->task_id = strtoll(w + 5 + (w[5] == '#'), NULL, 10);
			} else {
				char *safe = text_safe(w, false);
				app_message(a, true, _("history filter: '%s' is not actor:NAME or task:ID"), safe);
				free(safe);
			}
		}
		free(text);
	}
	flow_end(a);
	history_enter(a);
}

/* The next page: entries older than the last one shown; the page's top
 * is kept on a stack for paging back. */
static void hist_next_page(struct app *a)
{
	struct history_state *h = &a->hist;
	if (h->nrows < h->height || !h->nrows)
		return;
	if (h->nstack == h->capstack) {
		h->capstack = h->capstack ? h->capstack * 2 : 16;
		h->stack = r57_xrealloc(h->stack, (size_t)h->capstack * sizeof *h->stack);
	}
	h->stack[h->nstack++] = h->top_seq;
	h->top_seq = h->rows[h->nrows - 1].seq - 1;
	h->cur = 0;
	history_reload(a);
}

static int history_act(struct app *a, enum action act)
{
	struct history_state *h = &a->hist;
	switch (act) {
	case ACT_down:
		if (h->cur < h->nrows - 1)
			h->cur++;
		else
			hist_next_page(a);
		return HANDLED;
	case ACT_page_down:
		hist_next_page(a);
		return HANDLED;
	case ACT_up:
		if (h->cur > 0) {
			h->cur--;
			return HANDLED;
		}
		/* fall through: at the top, the page before */
		/* FALLTHROUGH */
	case ACT_page_up:
		if (h->nstack) {
			h->top_seq = h->stack[--h->nstack];
			h->cur = 0;
			history_reload(a);
		}
		return HANDLED;
	case ACT_first:
		history_enter(a);
		return HANDLED;
	case ACT_hist_filter: {
		char init[200] = "";
		if (h->actor)
			snprintf(init, sizeof init, "actor:%s", h->actor);
		if (h->task_id) {
			size_t n = strlen(init);
			snprintf(init + n, sizeof init - n, "%stask:%lld", n ? " " : "", (long long)h->task_id);
		}
		flow_start(a, hist_filter_step);
		modal_edit(a, _("History filter (actor:NAME task:ID; empty for all): "), init);
		return HANDLED;
	}
	default:
		return IGNORED;
	}
}

const struct view_ops history_view = {
	.name = "history",
	.enter = history_enter,
	.reload = history_reload,
	.draw = history_draw,
	.act = history_act,
};
