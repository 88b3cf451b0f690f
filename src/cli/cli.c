/* cli.c: the command line. Reads argv against the command table of
 * commands.h, sets up who acts and when, opens the database, calls the
 * actions (task.c), the journal and the report, and prints the result.
 * It holds no SQL and never prints user text unmade-safe. */
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "r57/cli.h"
#include "r57/commands.h"
#include "r57/demo.h"
#include "r57/filter.h"
#include "r57/journal.h"
#include "r57/namelist.h"
#include "r57/out.h"
#include "r57/report.h"
#include "r57/task.h"
#include "r57/text.h"
#include "r57/i18n.h"
#include "cli_int.h"

#ifndef R57_VERSION
#define R57_VERSION "0"
#endif

/* --- parsed arguments ----------------------------------------------------- */

const char *opt_get(const struct args *a, const char *name)
{
	const char *v = NULL;
	for (int i = 0; i < a->nopt; i++)
		if (strcmp(a->opt[i].name, name) == 0)
			v = a->opt[i].value ? a->opt[i].value : "";
	return v;
}

bool opt_has(const struct args *a, const char *name)
{
	return opt_get(a, name) != NULL;
}

/* How many times name was given; the first max values into out. */
static int opt_all(const struct args *a, const char *name, const char **out, int max)
{
	int n = 0;
	for (int i = 0; i < a->nopt; i++)
		if (strcmp(a->opt[i].name, name) == 0) {
			if (n < max)
				out[n] = a->opt[i].value;
			n++;
		}
	return n;
}

/* --- the session: who acts, when, on which file --------------------------- */

static int parse_int(const char *s, const char *what, long lo, long hi, long *out,
                     struct r57_err *err)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi) {
		char *safe = text_safe(s, false);
		int rc = r57_fail(err, R57_EUSAGE, _("%s: '%s' is not a number from %ld to %ld"), what, safe, lo, hi);
		free(safe);
		return rc;
	}
	*out = v;
	return R57_OK;
}

static int parse_id(const char *s, int64_t *id, struct r57_err *err)
{
	const char *p = s[0] == '#' ? s + 1 : s;
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (!*p || *end || errno || v <= 0) {
		char *safe = text_safe(s, false);
		int rc = r57_fail(err, R57_EUSAGE, _("'%s' is not a task id (a number such as 12)"), safe);
		free(safe);
		return rc;
	}
	*id = v;
	return R57_OK;
}

static int parse_ids(const struct args *a, int from, int to, int64_t *ids, int *n,
                     struct r57_err *err)
{
	*n = 0;
	for (int i = from; i < to; i++) {
		int rc = parse_id(a->pos[i], &ids[*n], err);
		if (rc)
			return rc;
		(*n)++;
	}
	return R57_OK;
}

static char *default_db_path(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *p = NULL;
	if (x && *x == '/') {
		if (asprintf(&p, "%s/r57/r57.db", x) < 0)
			p = NULL;
	} else {
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : "/";
		}
		if (asprintf(&p, "%s/.local/share/r57/r57.db", home) < 0)
			p = NULL;
	}
	return p;
}

/* main() chose the language from --lang and R57_LANG already, passing
 * over a value it could not take; that is an error here, where the message
 * can say so, before anything else (even --help) runs. */
static int check_lang(const struct args *a, struct r57_err *err)
{
	const char *lang = opt_get(a, "--lang");
	enum r57_lang l;
	if (lang && !i18n_parse(lang, &l)) {
		char *safe = text_safe(lang, false);
		int rc = r57_fail(err, R57_EUSAGE, _("--lang: '%s' is not vi or en"), safe);
		free(safe);
		return rc;
	}
	const char *env_lang = getenv("R57_LANG");
	if (!lang && env_lang && *env_lang && !i18n_parse(env_lang, &l)) {
		char *safe = text_safe(env_lang, false);
		int rc = r57_fail(err, R57_EUSAGE, _("R57_LANG: '%s' is not vi or en"), safe);
		free(safe);
		return rc;
	}
	return R57_OK;
}

static int setup_session(struct session *s, struct r57_err *err)
{
	const char *today = opt_get(&s->args, "--today");
	if (!today)
		today = getenv("R57_TODAY");
	r57_day clock = date_today_local();
	s->r.today = clock;
	if (today && *today) {
		int rc = date_parse(today, clock, opt_get(&s->args, "--today") ? "--today" : "R57_TODAY",
		                    &s->r.today, err);
		if (rc)
			return rc;
	}
	/* Now: today's date (pinned or not) at the wall clock's time. */
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	char day[11];
	long off = tm.tm_gmtoff / 60;
	snprintf(s->r.now, sizeof s->r.now, "%sT%02d:%02d:%02d%c%02ld:%02ld",
	         date_iso(s->r.today, day), tm.tm_hour, tm.tm_min, tm.tm_sec,
	         off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);

	const char *actor = opt_get(&s->args, "--actor");
	if (!actor)
		actor = getenv("R57_ACTOR");
	if (!actor || !*actor) {
		struct passwd *pw = getpwuid(geteuid());
		actor = pw ? pw->pw_name : "unknown";
	}
	s->actor = text_normalize(actor);
	if (!s->actor)
		return r57_fail(err, R57_EINPUT, _("--actor: not valid UTF-8"));
	if (!*s->actor)
		return r57_fail(err, R57_EINPUT, _("--actor: give a name"));
	s->r.actor = s->actor;

	const char *db = opt_get(&s->args, "--db");
	if (!db)
		db = getenv("R57_DB");
	if (db && *db) {
		s->db_path = strdup(db);
		s->explicit_db = true;
	} else {
		s->db_path = default_db_path();
	}
	if (!s->db_path)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	return R57_OK;
}

/* Open the database. The default one is created (with its folder) by any
 * command; a file named with --db or $R57_DB only by a command that
 * writes, so that a mistyped path is an error rather than a new file. */
static int open_db_for(struct session *s, bool writes, bool screen, struct r57_err *err);
int open_db(struct session *s, bool writes, struct r57_err *err)
{
	return open_db_for(s, writes, false, err);
}

/* open_db, for the screen too: a long session checks every page of the
 * file before its first change whatever the size (store_begin). */
static int open_db_for(struct session *s, bool writes, bool screen, struct r57_err *err)
{
	struct store_open_opts o = {
		.verify_any_size = screen,
		.create = writes || !s->explicit_db,
		.make_dirs = !s->explicit_db,
		.actor = s->actor,
		.now = s->r.now,
		.today = s->r.today,
	};
	struct stat sb;
	if (!o.create && stat(s->db_path, &sb) != 0 && errno == ENOENT) {
		char *safe = text_safe(s->db_path, false);
		int rc = r57_fail(err, R57_EIO,
		                  _("%s: no such database (r57 add or r57 demo FILE creates one)"), safe);
		free(safe);
		return rc;
	}
	bool existed = stat(s->db_path, &sb) == 0 || errno != ENOENT;
	int rc = store_open(s->db_path, &o, &s->r.st, err);
	if (!rc && !existed)
		s->created_db = true;
	return rc;
}

/* A command that is refused leaves no file behind: a database this run
 * created is removed again (a failed command wrote nothing into it). */
static void drop_created_db(struct session *s)
{
	if (!s->created_db)
		return;
	store_close(s->r.st);
	s->r.st = NULL;
	static const char *const tails[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
		char *p = NULL;
		if (asprintf(&p, "%s%s", s->db_path, tails[i]) >= 0) {
			unlink(p);
			free(p);
		}
	}
	s->created_db = false;
}

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

/* "overdue" for status JSON: open and past its deadline. */
static const char *status_key(const struct task *t, r57_day today)
{
	if (t->status == TASK_OPEN && t->due != R57_NO_DATE && t->due < today)
		return "overdue";
	return task_status_name(t->status);
}

static void json_day(FILE *f, r57_day d)
{
	char b[11];
	if (d == R57_NO_DATE)
		fputs("null", f);
	else
		fprintf(f, "\"%s\"", date_iso(d, b));
}

static void json_task(FILE *f, const struct task *t, r57_day today)
{
	fprintf(f, "{\"id\": %lld, \"uuid\": ", (long long)t->id);
	out_json_str(f, t->uuid);
	fputs(", \"title\": ", f);
	out_json_str(f, t->title);
	fputs(", \"notes\": ", f);
	out_json_str(f, t->notes);
	fputs(", \"group\": ", f);
	out_json_str(f, t->group_name);
	if (t->group_number)
		fprintf(f, ", \"group_number\": %d", t->group_number);
	else
		fputs(", \"group_number\": null", f);
	fputs(", \"leader\": ", f);
	out_json_str(f, t->leader_name);
	fputs(", \"unit\": ", f);
	out_json_str(f, t->unit_name);
	fputs(", \"units\": [", f);
	for (int i = 0; i < t->n_units; i++) {
		if (i)
			fputs(", ", f);
		out_json_str(f, t->unit_list[i]);
	}
	fputs("], \"due\": ", f);
	json_day(f, t->due);
	fputs(", \"first_due\": ", f);
	json_day(f, t->first_due);
	fprintf(f, ", \"extensions\": %d, \"status\": \"%s\", \"on_time\": ", t->extensions,
	        status_key(t, today));
	if (t->status == TASK_DONE)
		fputs(t->due == R57_NO_DATE || t->closed <= t->due ? "true" : "false", f);
	else
		fputs("null", f);
	fputs(", \"product\": ", f);
	out_json_str(f, t->product);
	fputs(", \"result\": ", f);
	out_json_str(f, t->result);
	fputs(", \"source\": ", f);
	out_json_str(f, t->source_code);
	if (t->year)
		fprintf(f, ", \"year\": %d", t->year);
	else
		fputs(", \"year\": null", f);
	fputs(", \"created\": ", f);
	json_day(f, t->created);
	fputs(", \"closed\": ", f);
	json_day(f, t->closed);
	fputs(", \"updated\": ", f);
	out_json_str(f, t->updated);
	fputc('}', f);
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

enum format { FMT_TABLE, FMT_TSV, FMT_JSON, FMT_TEXT };

static int parse_format(const struct args *a, const char *allowed, enum format *out,
                        struct r57_err *err)
{
	const char *f = opt_get(a, "--format");
	static const struct {
		const char *name;
		enum format fmt;
	} names[] = { { "table", FMT_TABLE }, { "tsv", FMT_TSV }, { "json", FMT_JSON }, { "text", FMT_TEXT } };
	if (!f) {
		*out = strstr(allowed, "table") ? FMT_TABLE : FMT_TEXT;
		return R57_OK;
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(f, names[i].name) == 0 && strstr(allowed, f)) {
			*out = names[i].fmt;
			return R57_OK;
		}
	char *safe = text_safe(f, false);
	int rc = r57_fail(err, R57_EUSAGE, _("--format: '%s' is not one of %s"), safe, allowed);
	free(safe);
	return rc;
}

struct list_ctx {
	enum format fmt;
	r57_day today;
	struct table *table;
	int64_t n;
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
		json_task(stdout, t, c->today);
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
		tsv_field(status_key(t, c->today), false);
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
	return 0;
}

static int cmd_list(struct session *s, struct r57_err *err)
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

static int cmd_show(struct session *s, struct r57_err *err)
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
		json_task(stdout, &t, s->r.today);
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

static int cmd_history(struct session *s, struct r57_err *err)
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

static int cmd_add(struct session *s, struct r57_err *err)
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
static bool said_unchanged(const struct r57_outcome *o)
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

static int cmd_edit(struct session *s, struct r57_err *err)
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

static int cmd_assign(struct session *s, struct r57_err *err)
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

static int cmd_due(struct session *s, struct r57_err *err)
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

static int cmd_close(struct session *s, struct r57_err *err)
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

static int cmd_reopen(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = open_db(s, true, err)) ||
	    (rc = task_reopen(&s->r, ids, n, err)))
		return rc;
	done_line(DONE_REOPENED, &s->r.out);
	return R57_OK;
}

static int cmd_cancel(struct session *s, struct r57_err *err)
{
	int64_t ids[MAX_ARGS];
	int n, rc;
	if ((rc = ids_then(s, ids, &n, 1, 0, err)) || (rc = open_db(s, true, err)) ||
	    (rc = task_cancel(&s->r, ids, n, opt_get(&s->args, "--reason"), err)))
		return rc;
	done_line(DONE_CANCELLED, &s->r.out);
	return R57_OK;
}

static int cmd_delete(struct session *s, struct r57_err *err)
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

static int cmd_undo(struct session *s, struct r57_err *err)
{
	return undo_redo(s, true, err);
}

static int cmd_redo(struct session *s, struct r57_err *err)
{
	return undo_redo(s, false, err);
}

/* --- groups, leaders, units, sources ----------------------------------------- */

struct ref_ctx {
	enum ref_kind k;
	struct table *t;
};

static int ref_one(const struct ref *r, void *vctx)
{
	struct ref_ctx *c = vctx;
	char id[24], uses[24];
	snprintf(id, sizeof id, "%lld", (long long)(c->k == REF_GROUP ? r->position : r->id));
	snprintf(uses, sizeof uses, "%lld", (long long)r->uses);
	char issued[11] = "";
	if (c->k == REF_SOURCE && r->extra) {
		r57_day d;
		if (date_from_iso(r->extra, &d))
			date_dmy(d, issued);
	}
	const char *cells[] = { id, r->name, uses,
	                        c->k == REF_LEADER ? r->title : c->k == REF_SOURCE ? r->title : NULL,
	                        c->k == REF_LEADER ? r->extra : c->k == REF_SOURCE ? issued : NULL };
	table_row(c->t, cells);
	return 0;
}

static enum ref_kind ref_kind_of(const char *cmd)
{
	if (strcmp(cmd, "group") == 0)
		return REF_GROUP;
	if (strcmp(cmd, "leader") == 0)
		return REF_LEADER;
	if (strcmp(cmd, "unit") == 0)
		return REF_UNIT;
	return REF_SOURCE;
}

/* What a subcommand did, one whole message per kind: the kinds are
 * different words in Vietnamese ("nhóm", "người phụ trách", ...). */
enum ref_done { REF_ADDED, REF_RENAMED, REF_REMOVED };

static void ref_said(enum ref_kind k, enum ref_done what, long long n, const char *x,
                     const char *y)
{
	char *sx = text_safe(x, false), *sy = text_safe(y ? y : "", false);
	switch (what) {
	case REF_ADDED:
		if (k == REF_GROUP)
			printf(_("Added group %lld: %s"), n, sx);
		else if (k == REF_LEADER)
			printf(_("Added leader %lld: %s"), n, sx);
		else if (k == REF_UNIT)
			printf(_("Added unit %lld: %s"), n, sx);
		else
			printf(_("Added source %lld: %s"), n, sx);
		break;
	case REF_RENAMED:
		if (k == REF_GROUP)
			printf(_("Renamed group %s to %s."), sx, sy);
		else if (k == REF_LEADER)
			printf(_("Renamed leader %s to %s."), sx, sy);
		else if (k == REF_UNIT)
			printf(_("Renamed unit %s to %s."), sx, sy);
		else
			printf(_("Renamed source %s to %s."), sx, sy);
		break;
	case REF_REMOVED:
		if (k == REF_GROUP)
			printf(_("Removed group %s."), sx);
		else if (k == REF_LEADER)
			printf(_("Removed leader %s."), sx);
		else if (k == REF_UNIT)
			printf(_("Removed unit %s."), sx);
		else
			printf(_("Removed source %s."), sx);
		break;
	}
	fputc('\n', stdout);
	free(sx);
	free(sy);
}

/* The subcommands' handlers: s->cmd is the command (its kind), s->sub the
 * subcommand; the arguments after it are s->args.pos. */
#define NEED(n, fmt) \
	if (s->args.npos != (n)) \
		return r57_fail(err, R57_EUSAGE, fmt, s->cmd, s->sub)

static int cmd_ref_list(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	int rc;
	NEED(0, _("%s %s: give no more arguments"));
	if ((rc = open_db(s, false, err)))
		return rc;
	struct ref_ctx c = { .k = k };
	int cols = (k == REF_LEADER || k == REF_SOURCE) ? 5 : 3;
	c.t = table_new(cols);
	table_col(c.t, 0, k == REF_GROUP ? "#" : _("ID"), ALIGN_RIGHT, 0, 0);
	table_col(c.t, 1, k == REF_SOURCE ? _("CODE") : _("NAME"), ALIGN_LEFT, 3, 10);
	table_col(c.t, 2, _("TASKS"), ALIGN_RIGHT, 0, 0);
	if (k == REF_LEADER) {
		table_col(c.t, 3, _("JOB TITLE"), ALIGN_LEFT, 2, 8);
		table_col(c.t, 4, _("UNIT"), ALIGN_LEFT, 2, 8);
	} else if (k == REF_SOURCE) {
		/* TRANSLATORS: what a source document is about (its title) */
		table_col(c.t, 3, _("SUBJECT"), ALIGN_LEFT, 2, 8);
		/* TRANSLATORS: the day a source document was issued */
		table_col(c.t, 4, _("ISSUED"), ALIGN_LEFT, 0, 8);
	}
	rc = store_ref_list(s->r.st, k, ref_one, &c, err);
	if (!rc)
		table_print(c.t, stdout, out_width());
	table_free(c.t);
	return rc;
}

/* Only leader add takes --title and --unit, only source add --title and
 * --date (commands.h): for the others opt_get finds nothing. */
static int cmd_ref_add(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(1, k == REF_SOURCE ? _("%s %s: give the code") : _("%s %s: give the name"));
	r57_day issued = R57_NO_DATE;
	char isobuf[11];
	const char *date = opt_get(a, "--date");
	if (date && (rc = date_parse(date, s->r.today, "--date", &issued, err)))
		return rc;
	int64_t id;
	if ((rc = open_db(s, true, err)) ||
	    (rc = ref_add(&s->r, k, a->pos[0], opt_get(a, "--title"), opt_get(a, "--unit"),
	                  issued == R57_NO_DATE ? NULL : date_iso(issued, isobuf), &id, err)))
		return rc;
	struct ref r;
	if (store_ref_get(s->r.st, k, id, &r, err) == R57_OK) {
		ref_said(k, REF_ADDED, (long long)(k == REF_GROUP ? r.position : r.id), r.name, NULL);
		ref_clear(&r);
	}
	return R57_OK;
}

static int cmd_ref_rename(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(2, _("%s %s: give which one and the new name"));
	if ((rc = open_db(s, true, err)) || (rc = ref_rename(&s->r, k, a->pos[0], a->pos[1], err)))
		return rc;
	if (!said_unchanged(&s->r.out))
		ref_said(k, REF_RENAMED, 0, a->pos[0], a->pos[1]);
	return R57_OK;
}

static int cmd_ref_remove(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(1, _("%s %s: give which one"));
	if ((rc = open_db(s, true, err)) || (rc = ref_remove(&s->r, k, a->pos[0], err)))
		return rc;
	ref_said(k, REF_REMOVED, 0, a->pos[0], NULL);
	return R57_OK;
}

static int cmd_group_move(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	int rc;
	NEED(2, _("%s %s: give which group and its new position"));
	long pos;
	if ((rc = parse_int(a->pos[1], _("position"), 1, 1000000, &pos, err)) ||
	    (rc = open_db(s, true, err)) || (rc = group_move(&s->r, a->pos[0], (int)pos, err)))
		return rc;
	printf(_("Moved group to position %ld."), pos);
	fputc('\n', stdout);
	return R57_OK;
}
#undef NEED

/* --- demo, help, the bare command ------------------------------------------- */

static int cmd_demo(struct session *s, struct r57_err *err)
{
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, _("demo: give the file to create"));
	const char *path = s->args.pos[0];
	struct stat sb;
	if (stat(path, &sb) == 0) {
		char *safe = text_safe(path, false);
		int rc = r57_fail(err, R57_EIO, _("%s: already exists; demo makes a new database"), safe);
		free(safe);
		return rc;
	}
	free(s->db_path);
	s->db_path = strdup(path);
	s->explicit_db = true;
	int rc = open_db(s, true, err);
	if (rc)
		return rc;
	int n = 0;
	rc = demo_fill(&s->r, &n, err);
	if (rc) {
		store_close(s->r.st);
		s->r.st = NULL;
		unlink(path);
		return rc;
	}
	char *safe = text_safe(path, false);
	printf(_("Created %s with %d example tasks. Try: r57 --db %s status"), safe, n, safe);
	fputc('\n', stdout);
	free(safe);
	return R57_OK;
}

/* r57 with no command: on a terminal, the screen; otherwise the status of
 * the database and where to go next. */
static int cmd_none(struct session *s, struct r57_err *err)
{
	if (s->hooks->screen && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		int rc = open_db_for(s, true, true, err);
		if (rc)
			return rc;
		/* What is done on the screen stays, however the screen ends. */
		s->created_db = false;
		int status = s->hooks->screen(&s->r, s->db_path);
		return status ? r57_fail(err, R57_EIO, _("the screen ended (status %d)"), status) : R57_OK;
	}
	int rc = cmd_report_status(s, err);
	if (!rc) {
		char *safe = text_safe(s->db_path, false);
		printf("\n");
		printf(_("Database: %s"), safe);
		printf("\n%s\n", _("r57 --help lists the commands."));
		free(safe);
	}
	return rc;
}

/* --- the command table (commands.h) ------------------------------------------ */

/* The table of commands.h made into C: each command and subcommand with
 * its options and its handler. The parser, the help, the man page, the
 * README and the dispatcher all read these arrays and nothing else. */
typedef int cmd_fn(struct session *s, struct r57_err *err);

struct subcommand {
	const char *parent, *name, *args;
	const struct cmd_opt *opts;
	cmd_fn *run;
};

struct command {
	const char *name, *args, *what;
	const struct cmd_opt *opts;
	cmd_fn *run; /* NULL: the command is its subcommands */
};

static cmd_fn cmd_help;

#define OPT(name, short_name, arg, flags, what) { name, short_name, arg, flags, what },
#define OPT_END { NULL, NULL, NULL, 0, NULL }
#define CMD(id, name, args, run, what) static const struct cmd_opt opts_##id[] = { R57_OPTS_##id(OPT) OPT_END };
R57_COMMANDS(CMD)
#undef CMD
#define SUB(cmd, id, name, args, run) \
	static const struct cmd_opt opts_##cmd##_##id[] = { R57_OPTS_##cmd##_##id(OPT) OPT_END };
R57_SUBCOMMANDS(SUB)
#undef SUB
#undef OPT

/* The global options: OPT(name, argument, what) of commands.h. */
#define GOPT(name, arg, what) { name, "", arg, sizeof(arg) > 1 ? OPT_ARG : 0u, what },
static const struct cmd_opt global_opts[] = { R57_GLOBAL_OPTIONS(GOPT) OPT_END };
#undef GOPT
static const struct cmd_opt no_opts[] = { OPT_END };
#undef OPT_END

#define CMD(id, name, args, run, what) { name, args, what, opts_##id, run },
static const struct command commands[] = { R57_COMMANDS(CMD) };
#undef CMD
#define SUB(cmd, id, name, args, run) { #cmd, name, args, opts_##cmd##_##id, run },
static const struct subcommand subcommands[] = { R57_SUBCOMMANDS(SUB) };
#undef SUB

#define N_COMMANDS (sizeof commands / sizeof *commands)
#define N_SUBCOMMANDS (sizeof subcommands / sizeof *subcommands)

static const struct command *command_named(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The subcommands of c, in order: subcommands[*from ...]; NULL after
 * the last. for (i = 0; (sc = next_sub(c, &i));) */
static const struct subcommand *next_sub(const struct command *c, size_t *i)
{
	for (; *i < N_SUBCOMMANDS; (*i)++)
		if (strcmp(subcommands[*i].parent, c->name) == 0)
			return &subcommands[(*i)++];
	return NULL;
}

static const struct subcommand *sub_named(const struct command *c, const char *name)
{
	const struct subcommand *sc;
	for (size_t i = 0; (sc = next_sub(c, &i));)
		if (strcmp(sc->name, name) == 0)
			return sc;
	return NULL;
}

/* "[--unit U | --leader L] [--with U]... [-o FILE]": the options as the
 * synopsis shows them, each after a space. */
static void opts_synopsis(FILE *f, const struct cmd_opt *o)
{
	for (; o->name; o++) {
		fputs(o->flags & OPT_ALT ? " | " : " [", f);
		fputs(*o->short_name ? o->short_name : o->name, f);
		if (*o->arg)
			fprintf(f, " %s", o->arg);
		if (!(o[1].name && (o[1].flags & OPT_ALT)))
			fputs(o->flags & OPT_MANY ? "]..." : "]", f);
	}
}

/* The synopsis of a command, its arguments and options ("TITLE [--group G]
 * ..."), or its subcommands joined by " | "; newly allocated. */
static char *synopsis(const struct command *c)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (!f)
		abort();
	if (c->run) {
		fputs(c->args, f);
		opts_synopsis(f, c->opts);
	} else {
		const struct subcommand *sc;
		bool first = true;
		for (size_t i = 0; (sc = next_sub(c, &i)); first = false) {
			fprintf(f, "%s%s%s%s", first ? "" : " | ", sc->name, *sc->args ? " " : "", sc->args);
			opts_synopsis(f, sc->opts);
		}
	}
	if (fclose(f) != 0 || !s)
		abort();
	/* The options of a command without arguments begin with a space. */
	if (*s == ' ')
		memmove(s, s + 1, strlen(s));
	return s;
}

static void print_wrapped(const char *indent, const char *text, int width)
{
	/* Break at spaces so that help reads well at any width; words are
	 * measured in columns, not bytes (Vietnamese letters take two or three
	 * bytes for one column). */
	int col = 0;
	const char *p = text;
	int ind = (int)strlen(indent);
	fputs(indent, stdout);
	col = ind;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		char *word = strndup(p, n);
		int wn = word ? text_width(word) : (int)n;
		free(word);
		if (col > ind && col + 1 + wn > width) {
			fputc('\n', stdout);
			fputs(indent, stdout);
			col = ind;
		} else if (col > ind) {
			fputc(' ', stdout);
			col++;
		}
		fwrite(p, 1, n, stdout);
		col += wn;
		p += n;
		while (*p == ' ')
			p++;
	}
	fputc('\n', stdout);
}

static int help_width(void)
{
	int w = out_width();
	return (w <= 0 || w > 100) ? 100 : w;
}

/* "  r57 add TITLE [--group G] ...", wrapped. */
static void print_synopsis(const char *indent, const char *prefix, const struct command *c, int w)
{
	char *syn = synopsis(c), *line = NULL;
	if (asprintf(&line, "%sr57 %s%s%s", prefix, c->name, *syn ? " " : "", syn) < 0)
		abort();
	print_wrapped(indent, line, w);
	free(line);
	free(syn);
}

static void print_help(const struct cli_hooks *hooks)
{
	int w = help_width();
	printf(_("r57 %s: Resolution 57 task tracker"), R57_VERSION);
	printf("\n\n");
	printf(_("Usage: r57 [--db FILE] [--actor NAME] [--today DATE] [--lang vi|en] COMMAND [ARGS]"));
	printf("\n");
	print_wrapped("", _("With no command, r57 opens the screen on a terminal; otherwise it prints the status of the database and a hint to r57 --help."), w);
	printf("\n%s\n", _("Commands:"));
	for (size_t i = 0; i < N_COMMANDS; i++) {
		print_synopsis("  ", "", &commands[i], w);
		print_wrapped("      ", _(commands[i].what), w);
	}
	printf("\n%s\n", _("Keys of the screen (r57 with no command, on a terminal):"));
	for (size_t i = 0; i < hooks->n_keys; i++) {
		const struct cli_key *k = &hooks->keys[i];
		printf("  %-16s %s (%s)\n", k->keys, _(k->what), _(k->where));
	}
	printf("\n%s\n", _("Options:"));
	for (const struct cmd_opt *o = global_opts; o->name; o++) {
		char *line = NULL;
		if (asprintf(&line, "%s %s", o->name, o->arg) < 0)
			abort();
		print_wrapped("  ", line, w);
		print_wrapped("      ", _(o->what), w);
		free(line);
	}
	printf("\n");
	print_wrapped("", _(R57_DATE_HELP), w);
	printf("\n");
	print_wrapped("", _(R57_NAMES_HELP), w);
	printf("\n%s\n", _("See r57(1) for more; in Vietnamese: man -L vi r57."));
}

/* "  --due DATE        the deadline", for the help of one command. */
static void print_opts(const struct cmd_opt *o, int w)
{
	for (; o->name; o++) {
		char *line = NULL;
		if (asprintf(&line, "%s%s%s%s%s%s", o->short_name, *o->short_name ? ", " : "", o->name,
		             *o->arg ? " " : "", o->arg, o->flags & OPT_MANY ? " ..." : "") < 0)
			abort();
		print_wrapped("  ", line, w);
		print_wrapped("      ", _(o->what), w);
		free(line);
	}
}

/* r57 help COMMAND, r57 COMMAND --help: its synopsis, what it does, and
 * each of its options (of each subcommand) with what it does. */
static void print_command_help(const struct command *c)
{
	int w = help_width();
	print_synopsis("", _("Usage: "), c, w);
	print_wrapped("  ", _(c->what), w);
	if (c->run) {
		if (c->opts->name) {
			printf("\n%s\n", _("Options:"));
			print_opts(c->opts, w);
		}
	} else {
		const struct subcommand *sc;
		for (size_t i = 0; (sc = next_sub(c, &i));) {
			if (!sc->opts->name)
				continue;
			printf("\n");
			printf(_("Options of r57 %s %s:"), c->name, sc->name);
			printf("\n");
			print_opts(sc->opts, w);
		}
	}
	printf("\n%s\n", _("Every command also takes --db, --actor, --today and --lang (r57 --help)."));
}

static int cmd_help(struct session *s, struct r57_err *err)
{
	if (s->args.npos > 1)
		return r57_fail(err, R57_EUSAGE, _("help: give at most one command"));
	if (s->args.npos == 1) {
		const struct command *c = command_named(s->args.pos[0]);
		if (!c) {
			char *safe = text_safe(s->args.pos[0], false);
			int rc = r57_fail(err, R57_EUSAGE, _("unknown command '%s' (see: r57 --help)"), safe);
			free(safe);
			return rc;
		}
		print_command_help(c);
		return R57_OK;
	}
	print_help(s->hooks);
	return R57_OK;
}

/* Text for a man page line: hyphens as \- so "--due" stays two minus
 * signs when rendered, and no line starts with a dot. */
static void mdoc_text(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", stdout);
		else if (*s == '\\')
			fputs("\\e", stdout);
		else
			fputc(*s, stdout);
	}
}

/* tsv:options: every command and subcommand (a line with no option) and
 * each of its options, one a line: command, subcommand (or empty), name,
 * short name, argument, "many" when it may be repeated. What the tests check the parser and the help
 * against. */
static void dump_options_tsv(void)
{
	for (size_t i = 0; i < N_COMMANDS; i++) {
		const struct command *c = &commands[i];
		const struct subcommand *sc;
		printf("%s\t\t\t\t\t\n", c->name);
		for (const struct cmd_opt *o = c->opts; o->name; o++)
			printf("%s\t\t%s\t%s\t%s\t%s\n", c->name, o->name, o->short_name, o->arg,
			       o->flags & OPT_MANY ? "many" : "");
		for (size_t j = 0; (sc = next_sub(c, &j));) {
			printf("%s\t%s\t\t\t\t\n", c->name, sc->name);
			for (const struct cmd_opt *o = sc->opts; o->name; o++)
				printf("%s\t%s\t%s\t%s\t%s\t%s\n", c->name, sc->name, o->name, o->short_name,
				       o->arg, o->flags & OPT_MANY ? "many" : "");
		}
	}
}

/* Print a part of the help as mdoc or Markdown for tools/gendoc, so the
 * man page and the README say what `r57 --help` says:
 * --dump-doc=mdoc:commands, md:options, ... */
static int dump_doc(const char *what, const struct cli_hooks *hooks)
{
	if (strcmp(what, "tsv:options") == 0) {
		dump_options_tsv();
		return 0;
	}
	bool md = strncmp(what, "md:", 3) == 0;
	if (!md && strncmp(what, "mdoc:", 5) != 0)
		return 2;
	const char *part = strchr(what, ':') + 1;
	if (strcmp(part, "commands") == 0) {
		for (size_t i = 0; i < N_COMMANDS; i++) {
			const struct command *c = &commands[i];
			char *syn = synopsis(c);
			if (md) {
				printf("- `r57 %s%s%s`  \n  %s\n", c->name, *syn ? " " : "", syn, _(c->what));
			} else {
				printf(".It Xo Ic %s\n.Li \"", c->name);
				mdoc_text(syn);
				printf("\"\n.Xc\n");
				mdoc_text(_(c->what));
				printf("\n");
			}
			free(syn);
		}
	} else if (strcmp(part, "options") == 0) {
		for (const struct cmd_opt *o = global_opts; o->name; o++) {
			if (md) {
				printf("- `%s%s%s`  \n  %s\n", o->name, *o->arg ? " " : "", o->arg, _(o->what));
			} else {
				printf(".It Fl ");
				mdoc_text(o->name + 1);
				if (*o->arg)
					printf(" Ar %s", o->arg);
				printf("\n");
				mdoc_text(_(o->what));
				printf("\n");
			}
		}
	} else if (strcmp(part, "keys") == 0) {
		if (md)
			printf("| %s | %s | %s |\n|---|---|---|\n", _("keys"), _("where"), _("what it does"));
		for (size_t i = 0; i < hooks->n_keys; i++) {
			const struct cli_key *k = &hooks->keys[i];
			if (md) {
				printf("| `%s` | %s | %s |\n", k->keys, _(k->where), _(k->what));
			} else {
				printf(".It Sy ");
				mdoc_text(k->keys);
				printf("\n");
				mdoc_text(_(k->what));
				printf(" (");
				mdoc_text(_(k->where));
				printf(")\n");
			}
		}
	} else if (strcmp(part, "dates") == 0) {
		if (md)
			printf("%s\n", _(R57_DATE_HELP));
		else {
			mdoc_text(_(R57_DATE_HELP));
			printf("\n");
		}
	} else if (strcmp(part, "names") == 0) {
		if (md)
			printf("%s\n", _(R57_NAMES_HELP));
		else {
			mdoc_text(_(R57_NAMES_HELP));
			printf("\n");
		}
	} else {
		return 2;
	}
	return 0;
}

/* --- the parser -------------------------------------------------------------- */

/* The option of specs (or else of the global ones) that arg names: "--due"
 * or "--due=..." by its name, "-o" by its short name. */
static const struct cmd_opt *find_opt(const struct cmd_opt *specs, const char *arg, size_t len)
{
	for (int pass = 0; pass < 2; pass++)
		for (const struct cmd_opt *o = pass ? global_opts : specs; o && o->name; o++)
			if ((strlen(o->name) == len && strncmp(o->name, arg, len) == 0) ||
			    (*o->short_name && strlen(o->short_name) == len && strncmp(o->short_name, arg, len) == 0))
				return o;
	return NULL;
}

/* Does arg look like an option (rather than a word, or a date such as
 * "-3d")? */
static bool is_option(const struct cmd_opt *specs, const char *arg)
{
	if (arg[0] == '-' && arg[1] == '-')
		return true;
	return arg[0] == '-' && find_opt(specs, arg, strlen(arg)) != NULL;
}

/* Options may come anywhere; "--" ends them; "--opt=value" and
 * "--opt value" are the same. Only the options of specs and the global
 * ones are taken; another is a usage error that names it and the command
 * (label: "add", "leader add"; NULL before any command). */
static int parse_args(int argc, char **argv, const char *label, const struct cmd_opt *specs,
                      struct args *a, struct r57_err *err)
{
	bool no_more = false;
	memset(a, 0, sizeof *a);
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (no_more || !is_option(specs, arg)) {
			/* "-3d" style dates and plain words are positional. */
			if (a->npos >= MAX_ARGS)
				return r57_fail(err, R57_EUSAGE, _("%s: too many arguments"), label ? label : "r57");
			a->pos[a->npos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			no_more = true;
			continue;
		}
		const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct cmd_opt *s = find_opt(specs, arg, len);
		if (!s) {
			char *safe = text_safe(arg, false);
			int rc = label ? r57_fail(err, R57_EUSAGE, _("%s: unknown option %s (see: r57 --help)"), label, safe)
			               : r57_fail(err, R57_EUSAGE, _("unknown option %s (see: r57 --help)"), safe);
			free(safe);
			return rc;
		}
		const char *value = NULL;
		/* the option as typed: "-o" or its long name */
		const char *typed = arg[1] == '-' ? s->name : s->short_name;
		if (s->flags & OPT_ARG) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else if (label)
				return r57_fail(err, R57_EUSAGE, _("%s: option %s needs a value"), label, typed);
			else
				return r57_fail(err, R57_EUSAGE, _("option %s needs a value"), typed);
		} else if (eq) {
			return label ? r57_fail(err, R57_EUSAGE, _("%s: option %s takes no value"), label, s->name)
			             : r57_fail(err, R57_EUSAGE, _("option %s takes no value"), s->name);
		}
		if (a->nopt >= MAX_ARGS)
			return r57_fail(err, R57_EUSAGE, _("%s: too many options"), label ? label : "r57");
		a->opt[a->nopt].name = s->name;
		a->opt[a->nopt].value = value;
		a->nopt++;
	}
	return R57_OK;
}

/* The subcommand of c among args: the first word that is not an option
 * or an option's value (any of c's subcommands' options may come before
 * it). Its index, or -1 if there is none. */
static int find_sub_word(const struct command *c, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--") == 0)
			return i + 1 < argc ? i + 1 : -1;
		if (arg[0] != '-' || arg[1] != '-')
			return i;
		const char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct cmd_opt *o = find_opt(NULL, arg, len);
		const struct subcommand *sc;
		for (size_t j = 0; !o && (sc = next_sub(c, &j));)
			o = find_opt(sc->opts, arg, len);
		if (o && (o->flags & OPT_ARG) && !eq)
			i++;
	}
	return -1;
}

static void report_error(const struct r57_err *err)
{
	char *safe = text_safe(err->msg, false);
	fprintf(stderr, "r57: %s\n", safe);
	free(safe);
}

int cli_main(int argc, char **argv, const struct cli_hooks *hooks)
{
	struct r57_err err = { .code = R57_OK };
	struct session s;
	int rc;
	memset(&s, 0, sizeof s);
	s.hooks = hooks;

	/* Every argument must be valid UTF-8 before anything else happens. */
	for (int i = 1; i < argc; i++) {
		size_t bad;
		if (!text_valid_utf8(argv[i], strlen(argv[i]), &bad)) {
			char *safe = text_safe(argv[i], false);
			fprintf(stderr, "r57: ");
			fprintf(stderr, _("argument %d is not valid UTF-8 (byte %zu): '%s'"), i, bad + 1, safe);
			fputc('\n', stderr);
			free(safe);
			return 1;
		}
	}
	/* --dump-doc=PART, alone or with --lang (main() chose the language). */
	const char *dump = NULL;
	bool dump_only = true;
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--dump-doc=", 11) == 0)
			dump = argv[i] + 11;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			i++;
		else if (strncmp(argv[i], "--lang=", 7) != 0)
			dump_only = false;
	}
	if (dump && dump_only) {
		const char *lang = NULL;
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--lang") == 0)
				lang = argv[++i];
			else if (strncmp(argv[i], "--lang=", 7) == 0)
				lang = argv[i] + 7;
		enum r57_lang l;
		if (lang && !i18n_parse(lang, &l)) {
			char *safe = text_safe(lang, false);
			fprintf(stderr, "r57: ");
			fprintf(stderr, _("--lang: '%s' is not vi or en"), safe);
			fputc('\n', stderr);
			free(safe);
			return 2;
		}
		return dump_doc(dump, hooks);
	}

	/* The command is the first word that is not a global option. */
	int ci = 1;
	while (ci < argc) {
		const struct cmd_opt *o = NULL;
		if (strncmp(argv[ci], "--", 2) == 0) {
			const char *eq = strchr(argv[ci], '=');
			size_t len = eq ? (size_t)(eq - argv[ci]) : strlen(argv[ci]);
			o = find_opt(NULL, argv[ci], len);
			if (!o)
				break;
			ci += ((o->flags & OPT_ARG) && !eq) ? 2 : 1;
			continue;
		}
		break;
	}
	const struct command *cmd = NULL;
	if (ci < argc && strncmp(argv[ci], "--", 2) != 0) {
		cmd = command_named(argv[ci]);
		if (!cmd) {
			char *safe = text_safe(argv[ci], false);
			fprintf(stderr, "r57: ");
			fprintf(stderr, _("unknown command '%s' (see: r57 --help)"), safe);
			fputc('\n', stderr);
			free(safe);
			return 2;
		}
	}
	/* Arguments: the globals before the command and everything after it
	 * but its subcommand. */
	char *rest[MAX_ARGS * 2];
	int nrest = 0;
	for (int i = 1; i < argc && nrest < MAX_ARGS * 2; i++)
		if (!cmd || i != ci)
			rest[nrest++] = argv[i];
	const struct subcommand *sub = NULL;
	const struct cmd_opt *specs = cmd ? cmd->opts : no_opts;
	char label[64];
	snprintf(label, sizeof label, "%s", cmd ? cmd->name : "r57");
	s.cmd = cmd ? cmd->name : "r57";
	if (cmd && !cmd->run) {
		int at = find_sub_word(cmd, nrest, rest);
		const char *word = at >= 0 ? rest[at] : "list";
		sub = sub_named(cmd, word);
		if (!sub) {
			/* "(list, add, rename, remove)": the subcommands of the table */
			char names[128] = "";
			const struct subcommand *sc;
			for (size_t j = 0; (sc = next_sub(cmd, &j));)
				snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", *names ? ", " : "",
				         sc->name);
			char *safe = text_safe(word, false);
			rc = r57_fail(&err, R57_EUSAGE, _("%s: unknown subcommand '%s' (%s)"), cmd->name, safe, names);
			free(safe);
			goto out;
		}
		if (at >= 0) {
			memmove(&rest[at], &rest[at + 1], (size_t)(nrest - at - 1) * sizeof *rest);
			nrest--;
		}
		specs = sub->opts;
		s.sub = sub->name;
		snprintf(label, sizeof label, "%s %s", cmd->name, sub->name);
	}
	rc = parse_args(nrest, rest, cmd ? label : NULL, specs, &s.args, &err);
	if (rc || (rc = check_lang(&s.args, &err)))
		goto out;
	if (opt_has(&s.args, "--version")) {
		printf("r57 %s\n", R57_VERSION);
		goto out;
	}
	if (opt_has(&s.args, "--help")) {
		if (cmd && cmd->run != cmd_help)
			print_command_help(cmd);
		else
			print_help(hooks);
		goto out;
	}
	if (!cmd && s.args.npos) {
		char *safe = text_safe(s.args.pos[0], false);
		rc = r57_fail(&err, R57_EUSAGE, _("unknown command '%s' (see: r57 --help)"), safe);
		free(safe);
		goto out;
	}
	if ((rc = setup_session(&s, &err)))
		goto out;
	rc = sub ? sub->run(&s, &err) : cmd ? cmd->run(&s, &err) : cmd_none(&s, &err);
	/* Damage SQLite reported, even to a read that went on as if nothing
	 * was there, is the answer: not a partial list, not "does not exist". */
	if (s.r.st && store_damaged(s.r.st))
		rc = store_damage_error(s.r.st, &err);
out:
	if (rc) {
		drop_created_db(&s);
		report_error(&err);
	} else if (s.r.warning[0]) {
		fprintf(stderr, "r57: ");
		fprintf(stderr, _("warning: %s"), s.r.warning);
		fputc('\n', stderr);
	}
	if (fflush(stdout) != 0 && !rc) {
		const char *why = strerror(errno);
		fprintf(stderr, "r57: ");
		fprintf(stderr, _("cannot write the output: %s"), why);
		fputc('\n', stderr);
		rc = R57_EIO;
	}
	store_close(s.r.st);
	free(s.actor);
	free(s.db_path);
	return r57_exit_status((enum r57_code)rc);
}
