/* cli_print.c: the commands that print tasks and the journal: r57 list
 * (a table, TSV or JSON), r57 show (every field of one task and its
 * history) and r57 history. Every piece of user text is made safe. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/filter.h"
#include "r57/i18n.h"
#include "r57/journal.h"
#include "r57/namelist.h"
#include "r57/out.h"
#include "r57/task_json.h"
#include "r57/text.h"
#include "cli_int.h"

/* --- printing helpers ------------------------------------------------------ */

static const char *status_word(const struct task *t, r57_day today)
{
	switch (t->status) {
	case TASK_DONE:
		return (t->due != R57_NO_DATE && t->closed > t->due) ? _("done late") : _("done");
	case TASK_CANCELLED:
		return _("cancelled");
	case TASK_OPEN:
		break;
	}
	return (t->due != R57_NO_DATE && t->due < today) ? _("overdue") : _("open");
}

/* The deadline with days left or late: "31/12/2025 (3 days late)". */
static void due_words(const struct task *t, r57_day today, char *buf, size_t len)
{
	char b[11];
	if (t->due == R57_NO_DATE) {
		snprintf(buf, len, "%s", _("none"));
		return;
	}
	long d = (long)t->due - today;
	if (t->status != TASK_OPEN)
		snprintf(buf, len, "%s", date_dmy(t->due, b));
	else if (d < 0)
		snprintf(buf, len, ngettext("%s (%ld day late)", "%s (%ld days late)", (unsigned long)-d),
		         date_dmy(t->due, b), -d);
	else if (d == 0)
		snprintf(buf, len, _("%s (today)"), date_dmy(t->due, b));
	else
		snprintf(buf, len, ngettext("%s (%ld day left)", "%s (%ld days left)", (unsigned long)d),
		         date_dmy(t->due, b), d);
}

/* --- list ------------------------------------------------------------------ */

/* The table's columns are fitted to its first rows (and the terminal's
 * width); every later row is printed as it is read, so memory does not
 * grow with the tasks listed (out.h, table_stream). */
#define LIST_SAMPLE 200 /* the help says 200 (commands.h) */

struct list_ctx {
	enum format fmt;
	r57_day today;
	struct table *table;
	int64_t n;
	int write_errno; /* a write to stdout failed: stop reading */
};

/* A data format: the exact text, escaped (out_tsv_str). */
static void tsv_field(const char *s, bool last)
{
	out_tsv_str(stdout, s ? s : "");
	fputc(last ? '\n' : '\t', stdout);
}

static int list_one(const struct task *t, void *vctx)
{
	struct list_ctx *c = vctx;
	char id[24], grp[16], due[40], b[11], year[8];
	snprintf(id, sizeof id, "%lld", (long long)t->id);
	if (t->group_number)
		snprintf(grp, sizeof grp, "%d", t->group_number);
	else
		grp[0] = '\0';
	switch (c->fmt) {
	case FMT_JSON:
		fputs(c->n ? ",\n  " : "\n  ", stdout);
		task_json_write(stdout, t, (const char *const *)t->unit_list, t->n_units, TASK_JSON_LIST,
		                c->today);
		break;
	case FMT_TSV: {
		char d1[11], d2[11], d3[11], d4[11];
		snprintf(year, sizeof year, "%d", t->year);
		tsv_field(id, false);
		tsv_field(t->uuid, false);
		tsv_field(t->title, false);
		tsv_field(grp, false);
		tsv_field(t->leader_name, false);
		tsv_field(t->unit_name, false);
		char *units = namelist_join((const char *const *)t->unit_list, t->n_units);
		tsv_field(units, false);
		free(units);
		tsv_field(date_iso(t->due, d1), false);
		tsv_field(date_iso(t->first_due, d2), false);
		tsv_field(task_status_now(t, c->today), false);
		tsv_field(t->product, false);
		tsv_field(t->result, false);
		tsv_field(t->source_code, false);
		tsv_field(t->year ? year : "", false);
		tsv_field(date_iso(t->created, d3), false);
		tsv_field(date_iso(t->closed, d4), true);
		break;
	}
	default: {
		snprintf(due, sizeof due, "%s", date_dmy(t->due, b));
		const char *cells[] = { id, grp, due, status_word(t, c->today), t->title,
		                        t->leader_name, t->unit_name };
		table_row(c->table, cells);
	}
	}
	c->n++;
	/* Output that cannot be written (a full disk) ends the list: no
	 * point in reading the rest. (A closed pipe ends r57 by SIGPIPE
	 * before this: cli_main.) */
	if (ferror(stdout)) {
		c->write_errno = errno ? errno : EIO;
		return 1;
	}
	return 0;
}

/* The widest status word in this language: a column's floor, since the
 * sample may hold only open tasks. */
static int status_floor(void)
{
	const char *words[] = { _("done late"), _("done"), _("cancelled"), _("overdue"), _("open") };
	int w = 0;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (text_width(words[i]) > w)
			w = text_width(words[i]);
	return w;
}

int cmd_list(struct session *s, struct r57_err *err)
{
	struct task_filter f;
	enum format fmt;
	long limit = 0;
	int rc;
	filter_init(&f);
	if ((rc = parse_format(&s->args, "table, tsv, json", &fmt, err)))
		return rc;
	const char *l = opt_get(&s->args, "--limit");
	if (l && (rc = parse_int(l, "--limit", 1, 1000000000, &limit, err)))
		return rc;
	const char *sort = opt_get(&s->args, "--sort");
	if (sort) {
		if (strcmp(sort, "due") == 0)
			f.sort = SORT_DUE;
		else if (strcmp(sort, "id") == 0)
			f.sort = SORT_ID;
		else if (strcmp(sort, "title") == 0)
			f.sort = SORT_TITLE;
		else {
			char *safe = text_safe(sort, false);
			rc = r57_fail(err, R57_EUSAGE, _("--sort: '%s' is not due, id or title"), safe);
			free(safe);
			return rc;
		}
	}
	for (int i = 0; i < s->args.npos; i++)
		if ((rc = filter_add_word(&f, s->args.pos[i], s->r.today, err)))
			goto out;
	if ((rc = open_db(s, false, err)) || (rc = filter_resolve(&f, s->r.st, err)))
		goto out;
	struct list_ctx c = { .fmt = fmt, .today = s->r.today };
	if (fmt == FMT_TABLE) {
		c.table = table_new(7);
		table_col(c.table, 0, _("ID"), ALIGN_RIGHT, 0, 0);
		/* TRANSLATORS: the key task group's number, a narrow column */
		table_col(c.table, 1, _("G"), ALIGN_RIGHT, 0, 0);
		table_col(c.table, 2, _("DUE"), ALIGN_LEFT, 0, 0);
		table_col(c.table, 3, _("STATUS"), ALIGN_LEFT, 0, 0);
		table_col(c.table, 4, _("TITLE"), ALIGN_LEFT, 6, 12);
		table_col(c.table, 5, _("LEADER"), ALIGN_LEFT, 2, 10);
		table_col(c.table, 6, _("UNIT"), ALIGN_LEFT, 2, 10);
		table_col_floor(c.table, 2, 10); /* dd/mm/yyyy */
		table_col_floor(c.table, 3, status_floor());
		table_stream(c.table, stdout, out_width(), LIST_SAMPLE);
	} else if (fmt == FMT_JSON) {
		fputs("[", stdout);
	} else if (fmt == FMT_TSV) {
		fputs("id\tuuid\ttitle\tgroup\tleader\tunit\tunits\tdue\tfirst_due\tstatus\tproduct\tresult\tsource\tyear\tcreated\tclosed\n", stdout);
	}
	rc = store_task_list(s->r.st, &f, s->r.today, (int)limit, list_one, &c, err);
	if (fmt == FMT_JSON)
		fputs(c.n ? "\n]\n" : "]\n", stdout);
	if (fmt == FMT_TABLE) {
		if (!rc) {
			table_print(c.table, stdout, out_width());
			printf(ngettext("%lld task", "%lld tasks", (unsigned long)c.n), (long long)c.n);
			fputc('\n', stdout);
		}
		table_free(c.table);
	}
	if (!rc && c.write_errno)
		rc = r57_fail(err, R57_EIO, _("cannot write the output: %s"), strerror(c.write_errno));
out:
	filter_clear(&f);
	return rc;
}

/* --- show and history ------------------------------------------------------ */

/* One line of show: the label padded to a column by its width on screen
 * (Vietnamese labels have more bytes than columns). */
static void field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	fputs(label, stdout);
	for (int pad = 18 - text_width(label); pad > 0; pad--)
		fputc(' ', stdout);
	fputc(' ', stdout);
	out_safe(stdout, value);
	fputc('\n', stdout);
}

struct history_ctx {
	enum format fmt;
	struct table *table;
	int64_t n;
};

static int history_one(const struct entry *e, void *vctx)
{
	struct history_ctx *c = vctx;
	if (c->fmt == FMT_JSON) {
		fprintf(stdout, "%s{\"seq\": %lld, \"at\": ", c->n ? ",\n  " : "\n  ", (long long)e->seq);
		out_json_str(stdout, e->at);
		fputs(", \"actor\": ", stdout);
		out_json_str(stdout, e->actor);
		fprintf(stdout, ", \"kind\": \"%s\", \"undone\": %s, \"summary\": ",
		        entry_kind_name(e->kind), e->undone ? "true" : "false");
		out_json_str(stdout, e->summary);
		fputc('}', stdout);
	} else if (c->fmt == FMT_TSV) {
		printf("%lld\t", (long long)e->seq);
		tsv_field(e->at, false);
		tsv_field(e->actor, false);
		printf("%s\t%s\t", entry_kind_name(e->kind), e->undone ? "undone" : "");
		tsv_field(e->summary, true);
	} else {
		char seq[24], when[20];
		snprintf(seq, sizeof seq, "%lld", (long long)e->seq);
		/* "2025-06-30T14:03:12+07:00" -> "30/06/2025 14:03" */
		if (strlen(e->at) >= 16)
			snprintf(when, sizeof when, "%.2s/%.2s/%.4s %.5s", e->at + 8, e->at + 5, e->at, e->at + 11);
		else
			snprintf(when, sizeof when, "%s", e->at);
		char *sum = NULL;
		const char *summary = e->summary ? e->summary : "";
		if ((e->undone ? asprintf(&sum, _("%s (undone)"), summary) : asprintf(&sum, "%s", summary)) < 0)
			sum = NULL;
		const char *cells[] = { seq, when, e->actor, sum };
		table_row(c->table, cells);
		free(sum);
	}
	c->n++;
	return 0;
}

static int print_history(struct session *s, const struct history_query *q, enum format fmt,
                         struct r57_err *err)
{
	struct history_ctx c = { .fmt = fmt };
	if (fmt == FMT_TABLE) {
		c.table = table_new(4);
		table_col(c.table, 0, "#", ALIGN_RIGHT, 0, 0);
		table_col(c.table, 1, _("WHEN"), ALIGN_LEFT, 0, 0);
		table_col(c.table, 2, _("WHO"), ALIGN_LEFT, 1, 6);
		table_col(c.table, 3, _("WHAT"), ALIGN_LEFT, 5, 10);
	} else if (fmt == FMT_JSON) {
		fputs("[", stdout);
	} else {
		fputs("seq\tat\tactor\tkind\tundone\tsummary\n", stdout);
	}
	int rc = journal_history(s->r.st, q, history_one, &c, err);
	if (fmt == FMT_JSON)
		fputs(c.n ? "\n]\n" : "]\n", stdout);
	if (fmt == FMT_TABLE) {
		if (!rc)
			table_print(c.table, stdout, out_width());
		table_free(c.table);
	}
	return rc;
}

int cmd_show(struct session *s, struct r57_err *err)
{
	int64_t id;
	enum format fmt;
	int rc;
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, _("show: give one task id"));
	if ((rc = parse_format(&s->args, "text, json", &fmt, err)) ||
	    (rc = parse_id(s->args.pos[0], &id, err)) || (rc = open_db(s, false, err)))
		return rc;
	struct task t;
	if ((rc = store_task_get(s->r.st, id, &t, err)))
		return rc;
	if (fmt == FMT_JSON) {
		task_json_write(stdout, &t, (const char *const *)t.unit_list, t.n_units, TASK_JSON_LIST,
		                s->r.today);
		fputc('\n', stdout);
		task_clear(&t);
		return R57_OK;
	}
	char buf[64], b[11], grp[16];
	printf(_("Task #%lld  %s"), (long long)t.id, t.uuid);
	fputc('\n', stdout);
	field(_("Title"), t.title);
	if (t.group_number) {
		snprintf(grp, sizeof grp, "%d. ", t.group_number);
		char *g = NULL;
		if (asprintf(&g, "%s%s", grp, t.group_name ? t.group_name : "") >= 0) {
			field(_("Group"), g);
			free(g);
		}
	}
	field(_("Leader"), t.leader_name);
	field(_("Unit"), t.unit_name);
	field(_("With"), t.units);
	due_words(&t, s->r.today, buf, sizeof buf);
	field(_("Deadline"), buf);
	if (t.extensions > 0) {
		snprintf(buf, sizeof buf,
		         ngettext("%s (extended %d time)", "%s (extended %d times)", (unsigned long)t.extensions),
		         date_dmy(t.first_due, b), t.extensions);
		field(_("First deadline"), buf);
	}
	field(_("Status"), status_word(&t, s->r.today));
	if (t.status != TASK_OPEN)
		field(t.status == TASK_DONE ? _("Closed") : _("Cancelled"), date_dmy(t.closed, b));
	field(_("Product"), t.product);
	field(_("Result"), t.result);
	field(_("Source"), t.source_code);
	if (t.year) {
		snprintf(buf, sizeof buf, "%d", t.year);
		field(_("Plan year"), buf);
	}
	field(_("Created"), date_dmy(t.created, b));
	field(_("Notes"), t.notes);
	task_clear(&t);
	printf("\n%s\n", _("History"));
	struct history_query q = { .task_id = id, .since = R57_NO_DATE };
	return print_history(s, &q, FMT_TABLE, err);
}

int cmd_history(struct session *s, struct r57_err *err)
{
	struct history_query q = { .since = R57_NO_DATE };
	enum format fmt;
	long limit = 0;
	int rc;
	if (s->args.npos > 1)
		return r57_fail(err, R57_EUSAGE, _("history: give at most one task id"));
	if ((rc = parse_format(&s->args, "table, tsv, json", &fmt, err)))
		return rc;
	if (s->args.npos == 1 && (rc = parse_id(s->args.pos[0], &q.task_id, err)))
		return rc;
	const char *l = opt_get(&s->args, "--limit");
	if (l && (rc = parse_int(l, "--limit", 1, 1000000000, &limit, err)))
		return rc;
	q.limit = (int)limit;
	q.actor = opt_get(&s->args, "--actor");
	const char *since = opt_get(&s->args, "--since");
	if (since && (rc = date_parse(since, s->r.today, "--since", &q.since, err)))
		return rc;
	if ((rc = open_db(s, false, err)))
		return rc;
	if (q.task_id) {
		struct task t;
		if ((rc = store_task_get(s->r.st, q.task_id, &t, err))) {
			/* A deleted task still has its history. */
			if (rc != R57_ENOTFOUND)
				return rc;
		} else {
			task_clear(&t);
		}
	}
	return print_history(s, &q, fmt, err);
}

