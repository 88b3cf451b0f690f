/* cli_task.c: the commands that change tasks: add, edit, assign, due,
 * close, reopen, cancel, delete, and undo and redo. Each reads its
 * options into the fields of an action (task.c), runs it, and says in one
 * whole message what it did to which tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/limits.h"
#include "r57/task.h"
#include "r57/text.h"
#include "cli_int.h"

/* --- actions ---------------------------------------------------------------- */

static int fields_from_args(struct session *s, struct task_fields *f, struct r57_err *err)
{
	const struct args *a = &s->args;
	int rc;
	f->notes = opt_get(a, "--notes");
	f->product = opt_get(a, "--product");
	f->result = opt_get(a, "--result");
	f->group = opt_get(a, "--group");
	f->leader = opt_get(a, "--leader");
	f->unit = opt_get(a, "--unit");
	f->source = opt_get(a, "--source");
	f->create_new = opt_has(a, "--new");
	/* Every --with is counted (the action refuses too many): none dropped. */
	f->n_with = opt_all(a, "--with", f->with, R57_UNITS_MAX + 1);
	f->n_without = opt_all(a, "--without", f->without, R57_UNITS_MAX + 1);
	const char *title = opt_get(a, "--title");
	if (title)
		f->title = title;
	const char *y = opt_get(a, "--year");
	if (y) {
		long year;
		if ((rc = parse_int(y, "--year", 1900, 9999, &year, err)))
			return rc;
		f->year = (int)year;
	}
	const char *due = opt_get(a, "--due");
	if (due && !*due)
		f->clear_due = true;
	else if (due && (rc = date_parse(due, s->r.today, "--due", &f->due, err)))
		return rc;
	return R57_OK;
}

int cmd_add(struct session *s, struct r57_err *err)
{
	struct task_fields f = TASK_FIELDS_INIT;
	int64_t id;
	int rc;
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, _("add: give the title as one argument (in quotes)"));
	if ((rc = fields_from_args(s, &f, err)))
		return rc;
	if (f.clear_due)
		return r57_fail(err, R57_EINPUT, _("--due: '' is not a date (use dd/mm/yyyy or yyyy-mm-dd)"));
	f.title = s->args.pos[0];
	if ((rc = open_db(s, true, err)) || (rc = task_add(&s->r, &f, &id, err)))
		return rc;
	struct task t;
	if (store_task_get(s->r.st, id, &t, err) == R57_OK) {
		char *title = text_safe(t.title, false);
		printf(_("Added task #%lld: %s"), (long long)id, title);
		fputc('\n', stdout);
		free(title);
		task_clear(&t);
	}
	return R57_OK;
}

static int ids_then(struct session *s, int64_t *ids, int *n, int min_pos, int trailing,
                    struct r57_err *err)
{
	if (s->args.npos < min_pos + trailing)
		return trailing ? r57_fail(err, R57_EUSAGE, _("%s: give the task id and the new deadline"), s->cmd)
		                : r57_fail(err, R57_EUSAGE, _("%s: give the task id"), s->cmd);
	return parse_ids(&s->args, 0, s->args.npos - trailing, ids, n, err);
}

/* What was done: one whole message for each action and number of tasks. */
enum done { DONE_CHANGED, DONE_ASSIGNED, DONE_CLOSED, DONE_REOPENED, DONE_CANCELLED, DONE_DELETED };

/* The tasks left as they were, or that nothing changed at all: said on
 * standard output, exit 0 (docs/cli-contract.md). True if nothing changed. */
bool said_unchanged(const struct r57_outcome *o)
{
	if (o->n_changed == 0) {
		if (o->skipped_plain || !o->skipped[0]) {
			printf("%s\n", _("Nothing changed."));
		} else {
			printf(_("Nothing changed: %s."), o->skipped);
			fputc('\n', stdout);
		}
		return true;
	}
	if (o->n_skipped) {
		printf(ngettext("Left as it was: %s.", "Left as they were: %s.", (unsigned long)o->n_skipped),
		       o->skipped);
		fputc('\n', stdout);
	}
	return false;
}

static void done_line(enum done what, const struct r57_outcome *o)
{
	if (o->n_changed == 0) {
		said_unchanged(o);
		return;
	}
	const char *list = o->changed;
	unsigned long k = (unsigned long)o->n_changed;
	switch (what) {
	case DONE_CHANGED:
		printf(ngettext("Changed task %s.", "Changed tasks %s.", k), list);
		break;
	case DONE_ASSIGNED:
		printf(ngettext("Assigned task %s.", "Assigned tasks %s.", k), list);
		break;
	case DONE_CLOSED:
		printf(ngettext("Closed task %s.", "Closed tasks %s.", k), list);
		break;
	case DONE_REOPENED:
		printf(ngettext("Reopened task %s.", "Reopened tasks %s.", k), list);
		break;
	case DONE_CANCELLED:
		printf(ngettext("Cancelled task %s.", "Cancelled tasks %s.", k), list);
		break;
	case DONE_DELETED:
		printf(ngettext("Deleted task %s.", "Deleted tasks %s.", k), list);
		break;
	}
	fputc('\n', stdout);
	said_unchanged(o);
}

int cmd_edit(struct session *s, struct r57_err *err)
{
	struct task_fields f = TASK_FIELDS_INIT;
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = fields_from_args(s, &f, err)) ||
	    (rc = open_db(s, true, err)) || (rc = task_edit(&s->r, ids, n, &f, err)))
		return rc;
	done_line(DONE_CHANGED, &s->r.out);
	return R57_OK;
}

int cmd_assign(struct session *s, struct r57_err *err)
{
	struct task_fields f = TASK_FIELDS_INIT;
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = fields_from_args(s, &f, err)) ||
	    (rc = open_db(s, true, err)) || (rc = task_assign(&s->r, ids, n, &f, err)))
		return rc;
	done_line(DONE_ASSIGNED, &s->r.out);
	return R57_OK;
}

int cmd_due(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	r57_day due;
	if ((rc = ids_then(s, ids, &n, 1, 1, err)) ||
	    (rc = date_parse(s->args.pos[s->args.npos - 1], s->r.today, _("deadline"), &due, err)) ||
	    (rc = open_db(s, true, err)) || (rc = task_set_due(&s->r, ids, n, due, err)))
		return rc;
	char b[11];
	const struct r57_outcome *o = &s->r.out;
	if (o->n_changed) {
		printf(ngettext("Deadline of task %s is now %s.", "Deadline of tasks %s is now %s.",
		                (unsigned long)o->n_changed),
		       o->changed, date_dmy(due, b));
		fputc('\n', stdout);
	}
	said_unchanged(o);
	return R57_OK;
}

int cmd_close(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	r57_day on = R57_NO_DATE;
	const char *o = opt_get(&s->args, "--on");
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) ||
	    (o && (rc = date_parse(o, s->r.today, "--on", &on, err))) ||
	    (rc = open_db(s, true, err)) ||
	    (rc = task_close(&s->r, ids, n, on, opt_get(&s->args, "--result"), err)))
		return rc;
	done_line(DONE_CLOSED, &s->r.out);
	return R57_OK;
}

int cmd_reopen(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = open_db(s, true, err)) ||
	    (rc = task_reopen(&s->r, ids, n, err)))
		return rc;
	done_line(DONE_REOPENED, &s->r.out);
	return R57_OK;
}

int cmd_cancel(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = open_db(s, true, err)) ||
	    (rc = task_cancel(&s->r, ids, n, opt_get(&s->args, "--reason"), err)))
		return rc;
	done_line(DONE_CANCELLED, &s->r.out);
	return R57_OK;
}

int cmd_delete(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = open_db(s, true, err)) ||
	    (rc = task_delete(&s->r, ids, n, err)))
		return rc;
	done_line(DONE_DELETED, &s->r.out);
	printf("%s\n", ngettext("(r57 undo brings it back)", "(r57 undo brings them back)", (unsigned long)n));
	return R57_OK;
}

static int undo_redo(struct session *s, bool undo, struct r57_err *err)
{
	struct entry e;
	bool dry = false;
	int rc;
	if (s->args.npos)
		return r57_fail(err, R57_EUSAGE, _("%s: takes no arguments"), s->cmd);
	if ((rc = open_db(s, !opt_has(&s->args, "--dry-run"), err)))
		return rc;
	if (opt_has(&s->args, "--dry-run")) {
		rc = undo ? journal_undo_plan(s->r.st, s->actor, &e, err)
		          : journal_redo_plan(s->r.st, s->actor, &e, err);
		if (rc)
			return rc;
		dry = true;
	} else {
		rc = undo ? journal_undo(s->r.st, s->actor, s->r.now, s->r.today, &e, err)
		          : journal_redo(s->r.st, s->actor, s->r.now, s->r.today, &e, err);
		if (rc)
			return rc;
	}
	char *summary = text_safe(e.summary ? e.summary : "", false);
	long long seq = (long long)e.seq;
	if (dry)
		printf(undo ? _("Would undo #%lld: %s") : _("Would redo #%lld: %s"), seq, summary);
	else
		printf(undo ? _("Undid #%lld: %s") : _("Redid #%lld: %s"), seq, summary);
	fputc('\n', stdout);
	free(summary);
	entry_clear(&e);
	return R57_OK;
}

int cmd_undo(struct session *s, struct r57_err *err)
{
	return undo_redo(s, true, err);
}

int cmd_redo(struct session *s, struct r57_err *err)
{
	return undo_redo(s, false, err);
}

