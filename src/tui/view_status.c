/* view_status.c: the status screen: the figures of the tasks the list
 * shows (its filter is the selection), a bar per key task group, and e to
 * export it as a printable HTML report. Its reminders (r, R) are in
 * status_remind.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "r57/i18n.h"
#include "r57/outfile.h"
#include "r57/report_out.h"
#include "r57/text.h"
#include "tui_int.h"

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

/* A bar per group: done over total, with the rate and the overdue;
 * from row y, scrolled by j/k. */
static void status_draw_groups(struct app *a, WINDOW *w, int y, int height, int width)
{
	struct status_state *s = &a->status;
	int name_w = width > 80 ? 40 : width / 2;
	for (int i = s->scroll; i < s->rep.n_groups && y < height; i++, y++) {
		const struct report_row *g = &s->rep.groups[i];
		char *name = NULL, right[80];
		if ((g->number ? asprintf(&name, "%d. %s", g->number, g->name ? g->name : "")
		               : asprintf(&name, "%s", _("(no group)"))) < 0)
			name = NULL;
		snprintf(right, sizeof right, _(" %lld/%lld %d.%02d%% %lld!"), (long long)g->fig.completed,
		         (long long)g->fig.total, g->fig.rate_bp / 100, g->fig.rate_bp % 100,
		         (long long)g->fig.open_overdue);
		/* The figures take a fixed width so every bar starts and ends in
		 * the same columns and bars compare at a glance. */
		int rw = 28, tw = text_width(right);
		int bar_w = width - name_w - rw - 1;
		draw_text(w, y, 0, name_w, name, 0);
		free(name);
		if (bar_w > 3)
			draw_bar(w, y, name_w + 1, bar_w, g->fig.completed, g->fig.total, paint_attr(a, P_DONE));
		if (tw < rw)
			draw_text(w, y, width - rw, rw - tw, "", 0);
		draw_text(w, y, width - (tw < rw ? tw : rw), tw < rw ? tw : rw, right,
		          g->fig.open_overdue ? paint_attr(a, P_OVERDUE) : 0);
	}
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
	status_draw_groups(a, w, y, height, width);
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

void status_free(struct app *a)
{
	if (a->status.loaded)
		report_clear(&a->status.rep);
	free(a->status.words);
	a->status.words = NULL;
	status_remind_clear(a);
}
