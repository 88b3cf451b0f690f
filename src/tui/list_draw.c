/* list_draw.c: the task list's rows on the screen: a heading with its
 * fold and figures, or a task with its mark, marker, id, title, leader,
 * unit and deadline, each column at its own x. */
#include <stdio.h>
#include <stdlib.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"
#include "list.h"

static void draw_header_line(struct app *a, WINDOW *w, int y, int width, const struct bucket *b,
                             bool selected)
{
	char *left = NULL, right[120];
	const struct figures *f = &b->fig;
	const char *fold = b->folded ? "\xe2\x96\xb8" : "\xe2\x96\xbe"; /* ▸ ▾ */
	/* Allocated, not a fixed buffer: a name of 500 characters can be
	 * 2,000 bytes, and a cut inside a character would show as U+FFFD. */
	if ((a->list.by == BY_GROUP && b->number ? asprintf(&left, "%s %d. %s", fold, b->number, b->name)
	                                         : asprintf(&left, "%s %s", fold, b->name)) < 0)
		left = NULL;
	char figs[100];
	if (a->list.pending != LIVE_DONE)
		/* the figures of the filter before the last key: not shown as
		 * this filter's, which are read when typing pauses */
		snprintf(figs, sizeof figs, "%s", _("counting…"));
	else
		snprintf(figs, sizeof figs, _("%lld/%lld done %d.%02d%%  %lld overdue"), (long long)f->completed,
		         (long long)f->total, f->rate_bp / 100, f->rate_bp % 100, (long long)f->open_overdue);
	snprintf(right, sizeof right, " %s ", figs);
	int rw = text_width(right);
	int attr = paint_attr(a, P_TITLE) | (selected ? paint_attr(a, P_SELECTED) : 0);
	if (rw >= width) {
		draw_text(w, y, 0, width, left, attr);
		free(left);
		return;
	}
	draw_text(w, y, 0, width - rw, left, attr);
	free(left);
	draw_text(w, y, width - rw, rw, right,
	          (f->open_overdue && a->list.pending == LIVE_DONE ? paint_attr(a, P_OVERDUE) : attr) | (selected ? paint_attr(a, P_SELECTED) : 0));
}

static void draw_task_line(struct app *a, WINDOW *w, int y, int width, const struct task *t,
                           bool selected)
{
	enum paint p;
	const char *marker = task_marker(t, a->r->today, &p);
	int sel = selected ? paint_attr(a, P_SELECTED) : 0;
	int attr = paint_attr(a, p) | sel;
	char id[24], due[40];
	snprintf(id, sizeof id, "%5lld", (long long)t->id);
	due_text(t, a->r->today, due, sizeof due);
	/* Columns: mark, marker, id, title, leader, unit, deadline. Each at
	 * its own x, so a character the terminal measures differently cannot
	 * shift the next column. */
	int x = 0;
	draw_text(w, y, x, 2, list_marked(a, t->id) ? "*" : " ", sel | (int)A_BOLD);
	x += 2;
	draw_text(w, y, x, 2, marker, attr);
	x += 2;
	draw_text(w, y, x, 6, id, sel);
	x += 6;
	int due_w = due_width(), rest = width - x - due_w;
	if (rest < 10) {
		draw_text(w, y, x, width - x, t->title, sel);
		return;
	}
	int title_w = rest, who_w = 0;
	if (rest >= 60) {
		who_w = rest / 5;
		title_w = rest - 2 * who_w;
	}
	/* One blank column after each text column keeps them apart. */
	draw_text(w, y, x, title_w - 1, t->title, sel);
	draw_text(w, y, x + title_w - 1, 1, " ", sel);
	x += title_w;
	if (who_w) {
		draw_text(w, y, x, who_w - 1, t->leader_name ? t->leader_name : "-", sel);
		draw_text(w, y, x + who_w - 1, 1, " ", sel);
		x += who_w;
		draw_text(w, y, x, who_w - 1, t->unit_name ? t->unit_name : "-", sel);
		draw_text(w, y, x + who_w - 1, 1, " ", sel);
		x += who_w;
	}
	draw_text(w, y, x, width - x, due, attr);
}

void list_draw(struct app *a, WINDOW *w, int height, int width)
{
	struct list_state *ls = &a->list;
	if (ls->height != height) {
		/* Resized: read what fits now, from the same top row. */
		ls->height = height;
		list_refit(a);
	}
	if (!ls->nlines) {
		/* Nothing read yet from a locked database: not "no tasks". */
		if (a->busy)
			return;
		draw_text(w, 0, 0, width, ls->filter_text && *ls->filter_text
		          ? _("No task matches the filter (/ to change it).")
		          : _("No tasks yet: a adds one."), (int)A_DIM);
		return;
	}
	for (int i = 0; i < ls->nlines && i < height; i++) {
		const struct line *l = &ls->lines[i];
		if (l->key.header)
			draw_header_line(a, w, i, width, &ls->buckets[l->key.bucket], i == ls->cur);
		else
			draw_task_line(a, w, i, width, &l->t, i == ls->cur);
	}
	wnoutrefresh(w);
}
