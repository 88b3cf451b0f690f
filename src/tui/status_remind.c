/* status_remind.c: reminders from the status screen, the same as
 * `r57 remind`: the lead units (r) or lead persons (R) among the tasks the
 * screen shows with overdue tasks or tasks due within 7 days. The screen
 * shows the notices first, asks, records them as one journal entry (one
 * undo) and writes each notice to a file in r57-reminders-DATE/ in the
 * current folder with the writer of `r57 remind -o DIR` (remind_files.c),
 * and says how many and where. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "r57/i18n.h"
#include "r57/remind_files.h"
#include "r57/text.h"
#include "tui_int.h"

void status_remind_clear(struct app *a)
{
	if (a->status.rem_pending)
		remind_set_clear(&a->status.rem);
	a->status.rem_pending = false;
}

/* Is task id in the selection of the status screen? A task gone since
 * is not; a failed read says so and stops (*failed). */
static bool in_selection(struct app *a, const struct selection *sel, int64_t id, bool *failed)
{
	struct r57_err err = { 0 };
	struct task t;
	if (store_task_get(a->r->st, id, &t, &err)) {
		if (err.code != R57_ENOTFOUND) {
			app_read_error(a, &err);
			*failed = true;
		}
		return false;
	}
	bool in = (!sel->group_id || t.group_id == sel->group_id) &&
	          (!sel->leader_id || t.leader_id == sel->leader_id) &&
	          (!sel->unit_id || t.unit_id == sel->unit_id) &&
	          (!sel->source_id || t.source_id == sel->source_id) &&
	          (!sel->year || t.year == sel->year);
	task_clear(&t);
	/* And every other word of the list's filter: the tasks it shows. */
	if (in && sel->filter && store_task_matches(a->r->st, sel->filter, sel->today, id, &in, &err)) {
		app_read_error(a, &err);
		*failed = true;
		return false;
	}
	return in;
}

/* Keep in s only the tasks of the selection, and the notices that still
 * name one. What is dropped goes to a set of its own, freed by
 * remind_set_clear, so remind.c alone knows how a notice is freed. */
static int narrow(struct app *a, const struct selection *sel, struct remind_set *s)
{
	struct remind_set drop = { 0 };
	struct remind_notice *keep = calloc((size_t)s->n + 1, sizeof *keep);
	drop.notices = calloc((size_t)s->n + 1, sizeof *drop.notices);
	if (!keep || !drop.notices)
		abort();
	int nk = 0;
	bool failed = false;
	for (int i = 0; i < s->n; i++) {
		struct remind_notice *n = &s->notices[i];
		struct remind_notice *k = &keep[nk], *d = &drop.notices[drop.n++];
		*k = *n;
		*d = *n;
		k->tasks = calloc((size_t)n->n_tasks + 1, sizeof *k->tasks);
		d->tasks = calloc((size_t)n->n_tasks + 1, sizeof *d->tasks);
		if (!k->tasks || !d->tasks)
			abort();
		k->n_tasks = k->n_overdue = d->n_tasks = 0;
		for (int j = 0; j < n->n_tasks; j++) {
			bool in = !failed && in_selection(a, sel, n->tasks[j].id, &failed);
			if (in) {
				k->tasks[k->n_tasks++] = n->tasks[j];
				if (n->tasks[j].days_late > 0)
					k->n_overdue++;
			} else {
				d->tasks[d->n_tasks++] = n->tasks[j];
			}
		}
		free(n->tasks);
		if (k->n_tasks) {
			/* the names belong to the notice kept */
			d->name = d->title = d->unit_name = NULL;
			nk++;
		} else {
			free(k->tasks);
			memset(k, 0, sizeof *k);
		}
	}
	free(s->notices);
	s->notices = keep;
	s->n = nk;
	remind_set_clear(&drop);
	return failed ? R57_EDB : R57_OK;
}

static bool has_selection(const struct selection *sel)
{
	return sel->group_id || sel->leader_id || sel->unit_id || sel->source_id || sel->year ||
	       sel->filter;
}

void status_remind_start(struct app *a, enum remind_to to, const struct selection *sel)
{
	struct r57_err err = { 0 };
	status_remind_clear(a);
	struct remind_query q = { .to = to, .as_of = a->r->today, .within_days = REMIND_WITHIN_DEFAULT };
	q.id = to == REMIND_UNIT ? sel->unit_id : sel->leader_id;
	struct remind_set *s = &a->status.rem;
	if (remind_collect(a->r->st, &q, s, &err)) {
		app_read_error(a, &err);
		return;
	}
	a->status.rem_pending = true;
	if (has_selection(sel) && narrow(a, sel, s)) {
		status_remind_clear(a);
		return;
	}
	if (s->n == 0) {
		status_remind_clear(a);
		if (to == REMIND_UNIT)
			app_message(a, false, _("No unit among the tasks shown has overdue tasks or tasks due within %d days"),
			            REMIND_WITHIN_DEFAULT);
		else
			app_message(a, false, _("No leader among the tasks shown has overdue tasks or tasks due within %d days"),
			            REMIND_WITHIN_DEFAULT);
		return;
	}
	int tasks = 0, overdue = 0;
	for (int i = 0; i < s->n; i++) {
		tasks += s->notices[i].n_tasks;
		overdue += s->notices[i].n_overdue;
	}
	flow_start(a, status_remind_step);
	/* The figures on the line above the question; the notices on the
	 * status screen itself (status_remind_draw). */
	if (to == REMIND_UNIT)
		app_message(a, false, _("Notices to units: %d; tasks named: %d (overdue: %d)"), s->n, tasks, overdue);
	else
		app_message(a, false, _("Notices to leaders: %d; tasks named: %d (overdue: %d)"), s->n, tasks, overdue);
	modal_confirm(a, _("Record these reminders and write the notices? y records, any other key keeps"));
}

/* Each notice to a new folder of today's date in the current one,
 * r57-reminders-DATE (or -2, -3 ... when taken: nothing already there is
 * ever replaced), as `r57 remind -o DIR` writes them; dir gets its name. */
static int write_notices(const struct remind_set *s, r57_day today, char *dir, size_t dlen,
                         enum report_lang lang, struct r57_err *err)
{
	char iso[11];
	date_iso(today, iso);
	int made = -1;
	for (int n = 1; n <= NAMES_TRIED && made != 0; n++) {
		if (n > 1)
			snprintf(dir, dlen, "r57-reminders-%s-%d", iso, n);
		else
			snprintf(dir, dlen, "r57-reminders-%s", iso);
		if ((made = mkdir(dir, 0777)) != 0 && errno != EEXIST) {
			char *safe = text_safe(dir, false);
			int rc = r57_fail(err, R57_EIO, _("%s: cannot make the folder (%s)"), safe, strerror(errno));
			free(safe);
			return rc;
		}
	}
	if (made != 0)
		return r57_fail(err, R57_EIO, _("r57-reminders-%s to -%d are all taken; no notice written"),
		                iso, NAMES_TRIED);
	/* The folder is new: a file already in it is not ours to replace. */
	return remind_files_write(s, dir, lang, false, NULL, NULL, err);
}

void status_remind_step(struct app *a, int result)
{
	struct r57_err err = { 0 };
	flow_end(a);
	if (result != EDIT_ACCEPT || !a->status.rem_pending) {
		status_remind_clear(a);
		app_message(a, false, "%s", _("No reminder recorded"));
		return;
	}
	struct remind_set *s = &a->status.rem;
	/* The notices are in Vietnamese even when the screen speaks English:
	 * the same rule as r57 remind's (remind_lang). */
	enum report_lang lang = remind_lang(NULL);
	int64_t seq = 0;
	app_writing(a, true);
	int rc = remind_issue(a->r, s, lang, false, &seq, &err);
	app_writing(a, false);
	if (rc) {
		status_remind_clear(a);
		app_error(a, &err);
		return;
	}
	int n = s->n;
	char dir[64];
	rc = write_notices(s, a->r->today, dir, sizeof dir, lang, &err);
	status_remind_clear(a);
	app_reload_all(a);
	if (rc) {
		app_message(a, true,
		            ngettext("Recorded %d reminder (#%lld), but the notice was not written: %s",
		                     "Recorded %d reminders (#%lld), but the notices were not written: %s",
		                     (unsigned long)n),
		            n, (long long)seq, err.msg);
		return;
	}
	/* The folder as the user started r57 in it: short enough for the
	 * line in both languages. */
	app_message(a, false,
	            ngettext("Recorded %d reminder (#%lld); the notice is in %s/",
	                     "Recorded %d reminders (#%lld); the notices are in %s/", (unsigned long)n),
	            n, (long long)seq, dir);
}

/* The notices about to be issued, in place of the bars. */
int status_remind_draw(struct app *a, WINDOW *w, int y, int height, int width)
{
	const struct remind_set *s = &a->status.rem;
	if (!a->status.rem_pending || y >= height)
		return y;
	draw_text(w, y++, 0, width,
	          s->to == REMIND_UNIT ? _("Reminders to issue, by lead unit:") : _("Reminders to issue, by lead person:"),
	          paint_attr(a, P_TITLE));
	for (int i = 0; i < s->n && y < height; i++) {
		const struct remind_notice *n = &s->notices[i];
		char figs[120];
		snprintf(figs, sizeof figs,
		         ngettext("%d task, %d overdue", "%d tasks, %d overdue", (unsigned long)n->n_tasks),
		         n->n_tasks, n->n_overdue);
		int fw = text_width(figs) + 2;
		if (fw > width / 2)
			fw = width / 2;
		draw_text(w, y, 0, width - fw, n->name, 0);
		draw_text(w, y, width - fw, fw, figs, n->n_overdue ? paint_attr(a, P_OVERDUE) : 0);
		y++;
	}
	return y;
}
