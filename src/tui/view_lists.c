/* views.c: the screen's other views: a task's detail with its history, the
 * status figures with a bar per group, the journal, the lists of groups,
 * leaders, units and sources, and the help made from the action table. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/outfile.h"
#include "r57/report_out.h"
#include "r57/text.h"
#include "tui_int.h"

/* --- detail ------------------------------------------------------------------------- */

/* Keep a copy of a journal entry handed out by journal_history. */
static void entries_push(struct entry **rows, int *n, const struct entry *e)
{
	struct entry *g = r57_xrealloc(*rows, (size_t)(*n + 1) * sizeof *g);
	*rows = g;
	struct entry *to = &g[(*n)++];
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
	char buf[200], b[11], grp[600];
	int y = 0;
	enum paint p;
	const char *marker = task_marker(t, a->r->today, &p);
	snprintf(buf, sizeof buf, _("Task #%lld %s"), (long long)t->id, marker);
	draw_text(w, y++, 0, width, buf, paint_attr(a, P_TITLE));
	row(a, w, &y, height, width, N_("Title"), t->title, 0);
	if (t->group_number) {
		snprintf(grp, sizeof grp, "%d. %s", t->group_number, t->group_name ? t->group_name : "");
		row(a, w, &y, height, width, N_("Group"), grp, 0);
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
		char line[900];
		snprintf(line, sizeof line, "#%-5lld %.10s %.5s  %s: %s%s", (long long)e->seq, e->at,
		         strlen(e->at) > 11 ? e->at + 11 : "", e->actor, e->summary,
		         e->undone ? _(" (undone)") : "");
		draw_text(w, y, 0, width, line, e->undone ? (int)A_DIM : 0);
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

/* --- status ------------------------------------------------------------------------------- */

/* The tasks the list shows, every word of its filter (the status as of
 * today is the status now, so the ids may choose too: they name the same
 * group's row and the plan year). */
static struct selection status_selection(const struct app *a)
{
	const struct task_filter *f = &a->list.filter;
	struct selection sel = { .group_id = f->group_id, .leader_id = f->leader_id,
	                         .unit_id = f->unit_id, .source_id = f->source_id, .year = f->year,
	                         .filter = f, .today = a->r->today };
	return sel;
}

static void status_reload(struct app *a)
{
	struct status_state *s = &a->status;
	struct r57_err err = { 0 };
	struct selection sel = status_selection(a);
	struct report rep;
	if (report_compute(a->r->st, &sel, a->r->today, R57_NO_DATE, &rep, &err)) {
		/* A locked database: the figures read before stay. */
		app_read_error(a, &err);
		return;
	}
	if (s->loaded)
		report_clear(&s->rep);
	s->rep = rep;
	s->loaded = true;
	/* The selection named as resolved (names as stored), none: no words. */
	free(s->words);
	s->words = NULL;
	if (a->list.filter_text && *a->list.filter_text)
		s->words = report_selection_words(a->r->st, &sel);
}

static void status_enter(struct app *a)
{
	a->status.scroll = 0;
	status_reload(a);
}

/* "Total          13": the label padded to width columns (not bytes:
 * Vietnamese letters take two or three bytes and one column). */
static void figure_line(char *buf, size_t len, int indent, const char *label, int width,
                        int64_t n)
{
	char *fit = text_fit(label, width - indent, true);
	snprintf(buf, len, "%*s%s %8lld", indent, "", fit, (long long)n);
	free(fit);
}

static void status_draw(struct app *a, WINDOW *w, int height, int width)
{
	struct status_state *s = &a->status;
	if (!s->loaded)
		return;
	const struct figures *f = &s->rep.all;
	char buf[300], b1[11], b2[11];
	int y = 0;
	if (s->words)
		snprintf(buf, sizeof buf, _("Status as of %s · %s"), date_dmy(s->rep.as_of, b1),
		         s->words);
	else
		snprintf(buf, sizeof buf, _("Status as of %s"), date_dmy(s->rep.as_of, b1));
	draw_text(w, y++, 0, width, buf, paint_attr(a, P_TITLE));
	struct {
		const char *label;
		int indent;
		int64_t n;
		enum paint p;
	} lines[] = {
		{ N_("Total"), 0, f->total, P_NORMAL },
		{ N_("Completed"), 0, f->completed, P_DONE },
		{ N_("on time"), 2, f->completed_on_time, P_DONE },
		{ N_("late"), 2, f->completed_late, P_NORMAL },
		{ N_("Not completed"), 0, f->open, P_NORMAL },
		{ N_("within deadline"), 2, f->open_within_deadline, P_NORMAL },
		{ N_("overdue"), 2, f->open_overdue, P_OVERDUE },
		{ N_("Extended"), 0, f->extended, P_NORMAL },
		{ N_("Added since"), 0, f->added_since, P_NORMAL },
	};
	size_t nl = sizeof lines / sizeof *lines;
	int lw = 20;
	for (size_t i = 0; i < nl; i++) {
		int n = lines[i].indent + text_width(_(lines[i].label));
		if (n > lw)
			lw = n;
	}
	for (size_t i = 0; i < nl && y < height; i++) {
		figure_line(buf, sizeof buf, lines[i].indent, _(lines[i].label), lw, lines[i].n);
		size_t n = strlen(buf);
		if (i == 1) {
			char rate[40];
			snprintf(rate, sizeof rate, _("(%d.%02d%%)"), f->rate_bp / 100, f->rate_bp % 100);
			snprintf(buf + n, sizeof buf - n, "  %s", rate);
		}
		if (i == nl - 1) {
			char after[60];
			snprintf(after, sizeof after, _("(after %s)"), date_dmy(s->rep.since, b2));
			snprintf(buf + n, sizeof buf - n, "  %s", after);
		}
		draw_text(w, y++, 2, width - 2, buf, i == nl - 1 ? 0 : paint_attr(a, lines[i].p));
	}
	y++;
	if (a->status.rem_pending) {
		status_remind_draw(a, w, y, height, width);
		wnoutrefresh(w);
		return;
	}
	/* A bar per group: done over total, with the rate and the overdue. */
	int name_w = width > 80 ? 40 : width / 2;
	for (int i = s->scroll; i < s->rep.n_groups && y < height; i++, y++) {
		const struct report_row *g = &s->rep.groups[i];
		char name[600], right[80];
		if (g->number)
			snprintf(name, sizeof name, "%d. %s", g->number, g->name ? g->name : "");
		else
			snprintf(name, sizeof name, "%s", _("(no group)"));
		snprintf(right, sizeof right, _(" %lld/%lld %d.%02d%% %lld!"), (long long)g->fig.completed,
		         (long long)g->fig.total, g->fig.rate_bp / 100, g->fig.rate_bp % 100,
		         (long long)g->fig.open_overdue);
		/* The figures take a fixed width so every bar starts and ends in
		 * the same columns and bars compare at a glance. */
		int rw = 28, tw = text_width(right);
		int bar_w = width - name_w - rw - 1;
		draw_text(w, y, 0, name_w, name, 0);
		if (bar_w > 3)
			draw_bar(w, y, name_w + 1, bar_w, g->fig.completed, g->fig.total, paint_attr(a, P_DONE));
		if (tw < rw)
			draw_text(w, y, width - rw, rw - tw, "", 0);
		draw_text(w, y, width - (tw < rw ? tw : rw), tw < rw ? tw : rw, right,
		          g->fig.open_overdue ? paint_attr(a, P_OVERDUE) : 0);
	}
	wnoutrefresh(w);
}

static int fill_report(FILE *f, void *ctx)
{
	return report_write(f, ctx, RF_HTML, 0, false);
}

/* The status screen as a printable HTML report: same selection, same
 * date, in the current folder. No file is ever replaced, not even an
 * earlier report (it may be another database's): a taken name gives the
 * next free one, r57-status-DATE-2.html, -3 and so on, and outfile_write
 * (without a signature) refuses should the name be taken meanwhile. */
static void status_export(struct app *a)
{
	struct r57_err err = { 0 };
	struct selection sel = status_selection(a);
	struct report_doc doc;
	char *words = report_selection_words(a->r->st, &sel);
	/* The report speaks the screen's language. */
	enum report_lang lang = i18n_lang() == R57_LANG_VI ? LANG_VI : LANG_EN;
	int failed = report_doc_compute(a->r->st, &sel, a->r->today, R57_NO_DATE, words, NULL, lang,
	                                true, &doc, &err);
	free(words);
	if (failed) {
		app_read_error(a, &err);
		return;
	}
	char iso[11], path[64];
	date_iso(a->r->today, iso);
	int rc = r57_fail(&err, R57_EIO, _("r57-status-%s.html to -%d.html are all taken; nothing written"),
	                  iso, NAMES_TRIED);
	struct stat sb;
	for (int n = 1; n <= NAMES_TRIED; n++) {
		if (n > 1)
			snprintf(path, sizeof path, "r57-status-%s-%d.html", iso, n);
		else
			snprintf(path, sizeof path, "r57-status-%s.html", iso);
		if (lstat(path, &sb) == 0 || errno != ENOENT)
			continue;
		rc = outfile_write(path, false, NULL, fill_report, &doc, &err);
		break;
	}
	report_doc_clear(&doc);
	if (rc) {
		app_error(a, &err);
		return;
	}
	char cwd[512];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, ".");
	char *where = text_safe(cwd, false);
	/* The file's name first: a long folder is what the line cuts. */
	app_message(a, false, _("Exported to %s (in %s)"), path, where);
	free(where);
}

static int status_act(struct app *a, enum action act)
{
	switch (act) {
	case ACT_status_export:
		status_export(a);
		return HANDLED;
	case ACT_remind_units:
	case ACT_remind_leaders: {
		struct selection sel = status_selection(a);
		status_remind_start(a, act == ACT_remind_units ? REMIND_UNIT : REMIND_LEADER, &sel);
		return HANDLED;
	}
	case ACT_down:
		if (a->status.scroll < a->status.rep.n_groups - 1)
			a->status.scroll++;
		return HANDLED;
	case ACT_up:
		if (a->status.scroll > 0)
			a->status.scroll--;
		return HANDLED;
	default:
		return IGNORED;
	}
}

const struct view_ops status_view = {
	.name = "status",
	.enter = status_enter,
	.reload = status_reload,
	.draw = status_draw,
	.act = status_act,
};

/* --- history ------------------------------------------------------------------------------- */

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
		char line[900];
		/* the actor padded by columns (a Vietnamese name has more bytes) */
		const char *who = e->actor ? e->actor : "";
		int aw = text_width(who);
		char *actor = text_fit(who, aw > 10 ? aw : 10, true);
		snprintf(line, sizeof line, "#%-6lld %.10s %.5s  %s %s%s", (long long)e->seq, e->at,
		         strlen(e->at) > 11 ? e->at + 11 : "", actor, e->summary,
		         e->undone ? _(" (undone)") : "");
		free(actor);
		int attr = (i == h->cur ? paint_attr(a, P_SELECTED) : 0) | (e->undone ? (int)A_DIM : 0);
		draw_text(w, i + 1, 0, width, line, attr);
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
				h->actor = strdup(w + 6);
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
		int64_t *g = r57_xrealloc(h->stack, (size_t)h->capstack * sizeof *g);
		h->stack = g;
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

/* --- groups, leaders, units, sources -------------------------------------------------------- */

static void lists_free_rows(struct lists_state *l)
{
	for (int i = 0; i < l->nrows; i++)
		ref_clear(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->nrows = 0;
}

static int take_ref_row(const struct ref *r, void *ctx)
{
	struct lists_state *l = ctx;
	struct ref *g = r57_xrealloc(l->rows, (size_t)(l->nrows + 1) * sizeof *g);
	l->rows = g;
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
		char line[1200], uses[80];
		/* The name padded to 50 columns, not bytes. */
		char *name = text_fit(r->name ? r->name : "", 50, true);
		snprintf(uses, sizeof uses, ngettext("%6lld task", "%6lld tasks", (unsigned long)r->uses),
		         (long long)r->uses);
		snprintf(line, sizeof line, "%5lld  %s %s%s%s",
		         (long long)(l->kind == REF_GROUP ? r->position : r->id), name, uses,
		         r->extra ? "  " : "", r->extra ? r->extra : "");
		free(name);
		draw_text(w, y, 0, width, line, i == l->cur ? paint_attr(a, P_SELECTED) : 0);
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

static int lists_act(struct app *a, enum action act)
{
	struct lists_state *l = &a->lists;
	struct r57_err err = { 0 };
	const struct ref *r = l->cur < l->nrows ? &l->rows[l->cur] : NULL;
	char which[24], label[300];
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
		if (!r)
			return HANDLED;
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
			return HANDLED;
		}
		flow_start(a, ref_remove_step);
		a->flow.kind = l->kind;
		a->flow.ids[0] = l->kind == REF_GROUP ? r->position : r->id;
		{
			char *safe = text_safe(r->name, false);
			snprintf(label, sizeof label, _("Remove %s? y removes, any other key keeps it"), safe);
			free(safe);
		}
		modal_confirm(a, label);
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

/* --- help, from the action table -------------------------------------------------------------- */

static const struct {
	const char *where, *keys, *what;
} help_rows[] = {
#define ACTION(id, where, keys, what) { where, keys, what },
	R57_ACTIONS(ACTION)
#undef ACTION
};

/* The views of actions.h's "where", in words. */
static const struct {
	const char *view, *word;
} where_words[] = {
	{ "all", N_("all") }, { "list", N_("list") }, { "detail", N_("detail") },
	{ "status", N_("status screen") }, { "history", N_("history") }, { "lists", N_("lists") },
};

/* "list detail" as the user reads it: "list, detail". */
static void where_text(const char *where, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (const char *p = where; *p && n < len;) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		const char *word = NULL;
		for (size_t i = 0; i < sizeof where_words / sizeof *where_words; i++)
			if (strlen(where_words[i].view) == wl && strncmp(where_words[i].view, p, wl) == 0)
				word = _(where_words[i].word);
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", word ? word : "?");
		p += wl;
		while (*p == ' ')
			p++;
	}
}

/* Draw text from column x to the edge, wrapped at spaces onto the next
 * rows (a description cut at the edge loses its end); returns the rows
 * used, at most max. */
static int draw_wrapped(WINDOW *w, int y, int x, int width, int max, const char *text)
{
	int rows = 0;
	const char *p = text;
	char piece[400];
	while (*p && rows < max) {
		/* the longest run of whole words from p that fits */
		const char *cut = NULL, *q = p;
		for (;;) {
			const char *sp = strchr(q, ' ');
			const char *end = sp ? sp : q + strlen(q);
			size_t len = (size_t)(end - p);
			if (len >= sizeof piece)
				break;
			memcpy(piece, p, len);
			piece[len] = '\0';
			if (text_width(piece) > width)
				break;
			cut = end;
			if (!sp)
				break;
			q = sp + 1;
		}
		if (!cut) {
			/* a word wider than the column: shown cut, with its mark */
			const char *sp = strchr(p, ' ');
			cut = sp ? sp : p + strlen(p);
		}
		size_t len = (size_t)(cut - p) < sizeof piece ? (size_t)(cut - p) : sizeof piece - 1;
		memcpy(piece, p, len);
		piece[len] = '\0';
		draw_text(w, y + rows, x, width, piece, 0);
		rows++;
		p = cut;
		while (*p == ' ')
			p++;
	}
	return rows;
}

static void help_draw(struct app *a, WINDOW *w, int height, int width)
{
	int n = (int)(sizeof help_rows / sizeof *help_rows);
	draw_text(w, 0, 0, width, _("Keys (q goes back; j/k scroll)"), paint_attr(a, P_TITLE));
	if (a->help.scroll > n - 1)
		a->help.scroll = n - 1;
	/* Columns as wide as their longest entry in this language. */
	int kw = 0, ww = 0;
	char where[200];
	for (int i = 0; i < n; i++) {
		where_text(help_rows[i].where, where, sizeof where);
		if (text_width(help_rows[i].keys) > kw)
			kw = text_width(help_rows[i].keys);
		if (text_width(where) > ww)
			ww = text_width(where);
	}
	kw++, ww++;
	int tx = kw + ww;
	for (int i = a->help.scroll, y = 1; i < n && y < height; i++) {
		where_text(help_rows[i].where, where, sizeof where);
		draw_text(w, y, 0, kw, help_rows[i].keys, 0);
		draw_text(w, y, kw, ww, where, 0);
		if (width - tx < 20) {
			draw_text(w, y, tx, width - tx, _(help_rows[i].what), 0);
			y++;
		} else {
			y += draw_wrapped(w, y, tx, width - tx, height - y, _(help_rows[i].what));
		}
	}
	wnoutrefresh(w);
}

static int help_act(struct app *a, enum action act)
{
	switch (act) {
	case ACT_down: case ACT_page_down: a->help.scroll += act == ACT_down ? 1 : 10; return HANDLED;
	case ACT_up: case ACT_page_up:
		a->help.scroll -= act == ACT_up ? 1 : 10;
		if (a->help.scroll < 0)
			a->help.scroll = 0;
		return HANDLED;
	case ACT_first: a->help.scroll = 0; return HANDLED;
	default: return IGNORED;
	}
}

static void help_enter(struct app *a)
{
	a->help.scroll = 0;
}

const struct view_ops help_view = {
	.name = "help",
	.enter = help_enter,
	.draw = help_draw,
	.act = help_act,
};

void views_free(struct app *a)
{
	detail_clear(&a->detail);
	hist_free_rows(&a->hist);
	free(a->hist.stack);
	free(a->hist.actor);
	if (a->status.loaded)
		report_clear(&a->status.rep);
	free(a->status.words);
	a->status.words = NULL;
	status_remind_clear(a);
	lists_free_rows(&a->lists);
}
