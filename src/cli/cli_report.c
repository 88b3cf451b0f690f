/* cli_report.c: the command line's reports: `r57 status` in every format
 * (to the terminal or to a file written atomically), `r57 remind` (the
 * notices to units or persons whose tasks run late, recorded as issued),
 * and `r57 reminders` (those received). Holds no SQL. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "r57/filter.h"
#include "r57/i18n.h"
#include "r57/out.h"
#include "r57/outfile.h"
#include "r57/remind.h"
#include "r57/remind_files.h"
#include "r57/report_out.h"
#include "r57/text.h"
#include "cli_int.h"

static int parse_lang(const struct args *a, enum report_lang *out, struct r57_err *err)
{
	const char *l = opt_get(a, "--lang");
	/* Reports follow the language r57 speaks (main has already applied
	 * --lang to it) unless asked otherwise. */
	*out = report_lang_now();
	enum r57_lang chosen;
	if (!l)
		return R57_OK;
	if (i18n_parse(l, &chosen)) {
		*out = (enum report_lang)chosen;
		return R57_OK;
	}
	char *safe = text_safe(l, false);
	int rc = r57_fail(err, R57_EUSAGE, _("--lang: '%s' is not vi or en"), safe);
	free(safe);
	return rc;
}

/* "Wrote FILE", the name made safe to print. */
static void print_wrote(const char *path)
{
	char *safe = text_safe(path, false);
	printf(_("Wrote %s"), safe);
	putchar('\n');
	free(safe);
}

static int parse_day(struct session *s, const char *opt, r57_day *out, struct r57_err *err)
{
	const char *v = opt_get(&s->args, opt);
	if (!v)
		return R57_OK;
	return date_parse(v, s->r.today, opt, out, err);
}

/* --- status ------------------------------------------------------------------- */

static int resolve_selection(struct session *s, struct selection *sel, struct r57_err *err)
{
	const struct args *a = &s->args;
	const char *v;
	int rc = R57_OK;
	memset(sel, 0, sizeof *sel);
	if ((v = opt_get(a, "--year"))) {
		char *end;
		long y = strtol(v, &end, 10);
		if (*end || y < 1900 || y > 9999)
			return r57_fail(err, R57_EUSAGE, _("--year: '%s' is not a year such as 2025"), v);
		sel->year = (int)y;
	}
	if ((v = opt_get(a, "--group")) && (rc = store_ref_find(s->r.st, REF_GROUP, v, &sel->group_id, err)))
		return rc;
	if ((v = opt_get(a, "--leader")) && (rc = store_ref_find(s->r.st, REF_LEADER, v, &sel->leader_id, err)))
		return rc;
	if ((v = opt_get(a, "--unit")) && (rc = store_ref_find(s->r.st, REF_UNIT, v, &sel->unit_id, err)))
		return rc;
	if ((v = opt_get(a, "--source")) && (rc = store_ref_find(s->r.st, REF_SOURCE, v, &sel->source_id, err)))
		return rc;
	return rc;
}

struct status_out {
	const struct report_doc *doc;
	enum report_format fmt;
	int width;
	bool bom;
};

static int fill_status(FILE *f, void *ctx)
{
	const struct status_out *o = ctx;
	return report_write(f, o->doc, o->fmt, o->width, o->bom);
}

static int status_with(struct session *s, struct task_filter *tf, struct r57_err *err)
{
	const struct args *a = &s->args;
	enum report_format fmt = RF_TEXT;
	enum report_lang lang;
	r57_day as_of = s->r.today, since = R57_NO_DATE;
	long width = 0;
	int rc;
	/* The filter words of `r57 list`: the report of the tasks it shows. */
	for (int i = 0; i < a->npos; i++)
		if ((rc = filter_add_word(tf, a->pos[i], s->r.today, err)))
			return rc;
	const char *f = opt_get(a, "--format");
	if (f && !report_format_parse(f, &fmt)) {
		char *safe = text_safe(f, false);
		rc = r57_fail(err, R57_EUSAGE, _("--format: '%s' is not one of text, csv, json, html, md"), safe);
		free(safe);
		return rc;
	}
	const char *w = opt_get(a, "--width");
	if (w) {
		char *end;
		width = strtol(w, &end, 10);
		if (*end || width < 20 || width > 1000)
			return r57_fail(err, R57_EUSAGE, _("--width: give a number of columns from 20 to 1000"));
	}
	if ((rc = parse_lang(a, &lang, err)) || (rc = parse_day(s, "--as-of", &as_of, err)) ||
	    (rc = parse_day(s, "--since", &since, err)))
		return rc;
	const char *path = opt_get(a, "--output");
	if (path && !*path)
		return r57_fail(err, R57_EUSAGE, _("-o: give a file name"));
	struct selection sel;
	if ((rc = open_db(s, false, err)) || (rc = resolve_selection(s, &sel, err)))
		return rc;
	if (a->npos) {
		if ((rc = filter_resolve(tf, s->r.st, err)))
			return rc;
		sel.filter = tf;
		sel.today = s->r.today;
	}
	/* The selection as resolved: the names as stored, not as typed. */
	char *words = report_selection_words(s->r.st, &sel);
	if (!words)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	struct report_doc doc;
	/* The terminal's plain status is one pass over the tasks; the summary
	 * paragraph and the breakdowns come with --breakdowns and in every
	 * other format. */
	bool full = fmt != RF_TEXT || opt_has(a, "--breakdowns");
	rc = report_doc_compute(s->r.st, &sel, as_of, since, words, opt_get(a, "--title"), lang,
	                        full, &doc, err);
	free(words);
	if (rc)
		return rc;
	struct status_out o = { &doc, fmt, (int)width, opt_has(a, "--bom") };
	if (!o.width && fmt == RF_TEXT && !path)
		o.width = out_width();
	if (path) {
		rc = outfile_write(path, opt_has(a, "--force"), report_signature(fmt), fill_status, &o, err);
		if (!rc)
			print_wrote(path);
	} else if (fill_status(stdout, &o) != 0) {
		rc = r57_fail(err, R57_EIO, _("cannot write the report: %s"), strerror(errno));
	}
	report_doc_clear(&doc);
	return rc;
}

int cmd_report_status(struct session *s, struct r57_err *err)
{
	struct task_filter tf;
	filter_init(&tf);
	int rc = status_with(s, &tf, err);
	filter_clear(&tf);
	return rc;
}

/* --- remind --------------------------------------------------------------------- */

static int pick_to(struct session *s, enum remind_to *to, int64_t *id, struct r57_err *err)
{
	const char *u = opt_get(&s->args, "--unit"), *l = opt_get(&s->args, "--leader");
	*to = REMIND_UNIT;
	*id = 0;
	if (u && l)
		return r57_fail(err, R57_EUSAGE, _("%s: give --unit or --leader, not both"), s->cmd);
	if (l) {
		*to = REMIND_LEADER;
		return store_ref_find(s->r.st, REF_LEADER, l, id, err);
	}
	if (u)
		return store_ref_find(s->r.st, REF_UNIT, u, id, err);
	return R57_OK;
}

/* Can the notices be written in dir? Said before anything is issued,
 * with the real reason: no such folder, a file in the way, read-only,
 * no permission, a full disk. */
static int check_out_dir(const char *dir, struct r57_err *err)
{
	struct stat sb;
	int e = 0;
	if (stat(dir, &sb) != 0)
		e = errno;
	else if (!S_ISDIR(sb.st_mode))
		e = ENOTDIR;
	else if (access(dir, W_OK | X_OK) != 0)
		e = errno;
	else {
		/* A full disk is seen now, before anything is recorded, rather
		 * than half way through the notices. */
		struct statvfs fs;
		if (statvfs(dir, &fs) == 0 && (fs.f_bavail == 0 || (fs.f_files && fs.f_favail == 0)))
			e = ENOSPC;
	}
	if (!e)
		return R57_OK;
	char *safe = text_safe(dir, false);
	int rc;
	switch (e) {
	case ENOENT:
		rc = r57_fail(err, R57_EIO, _("%s: no such folder; nothing issued"), safe);
		break;
	case ENOTDIR:
		rc = r57_fail(err, R57_EIO, _("%s: not a folder (a file is in the way); nothing issued"), safe);
		break;
	case EROFS:
		rc = r57_fail(err, R57_EIO, _("%s: the file system is read-only; nothing issued"), safe);
		break;
	case ENOSPC:
		rc = r57_fail(err, R57_EIO, _("%s: the disk is full; nothing issued"), safe);
		break;
	case EACCES:
	case EPERM:
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && !(sb.st_mode & 0222))
			rc = r57_fail(err, R57_EIO, _("%s: the folder is read-only; nothing issued"), safe);
		else
			rc = r57_fail(err, R57_EIO, _("%s: permission denied: you cannot write in this folder; nothing issued"),
			              safe);
		break;
	default:
		rc = r57_fail(err, R57_EIO, _("%s: cannot write there (%s); nothing issued"), safe, strerror(e));
		break;
	}
	free(safe);
	return rc;
}

/* Is a file of a notice's name already in dir? Named, with nothing issued. */
static int check_no_notice_files(const char *dir, const struct remind_set *set, struct r57_err *err)
{
	for (int i = 0; i < set->n; i++) {
		char *path = remind_file_path(dir, &set->notices[i]);
		if (!path)
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		struct stat sb;
		int rc = R57_OK;
		if (lstat(path, &sb) == 0) {
			char *safe = text_safe(path, false);
			rc = r57_fail(err, R57_EIO, _("%s: a file of that name is already there; nothing issued (--force replaces it)"),
			              safe);
			free(safe);
		}
		free(path);
		if (rc)
			return rc;
	}
	return R57_OK;
}

/* "Wrote FILE" for each notice file, as it is written. */
static void wrote_notice(const char *path, void *ctx)
{
	(void)ctx;
	print_wrote(path);
}

/* remind's options but the recipient: --within, --lang (the notices'
 * language is remind_lang's: remind_write switches the catalogue for it;
 * r57's own lines stay in r57's language), -o DIR (checked now, before
 * anything is issued) and --as-of. */
static int remind_options(struct session *s, struct remind_query *q, enum report_lang *lang,
                          const char **dir, struct r57_err *err)
{
	const struct args *a = &s->args;
	int rc;
	if (a->npos)
		return r57_fail(err, R57_EUSAGE, _("remind: unexpected argument"));
	const char *w = opt_get(a, "--within");
	if (w) {
		char *end;
		long n = strtol(w, &end, 10);
		if (*end || !*w || n < 0 || n > REMIND_WITHIN_MAX)
			return r57_fail(err, R57_EUSAGE, _("--within: give a number of days from 0 to %d"),
			                REMIND_WITHIN_MAX);
		q->within_days = (int)n;
	}
	const char *l = opt_get(a, "--lang");
	if (l && (rc = parse_lang(a, lang, err)))
		return rc;
	*lang = remind_lang(l ? lang : NULL);
	*dir = opt_get(a, "--output");
	if (*dir && (rc = check_out_dir(*dir, err)))
		return rc;
	return parse_day(s, "--as-of", &q->as_of, err);
}

/* Nobody to remind, as of the day asked. */
static void say_nothing_to_remind(const struct remind_query *q)
{
	char b[11];
	unsigned long n = (unsigned long)q->within_days;
	if (q->to == REMIND_UNIT)
		printf(ngettext("Nothing to remind: no unit has overdue tasks or tasks due within %d "
		                "day as of %s.",
		                "Nothing to remind: no unit has overdue tasks or tasks due within %d "
		                "days as of %s.", n),
		       q->within_days, date_dmy(q->as_of, b));
	else
		printf(ngettext("Nothing to remind: no lead person has overdue tasks or tasks due "
		                "within %d day as of %s.",
		                "Nothing to remind: no lead person has overdue tasks or tasks due "
		                "within %d days as of %s.", n),
		       q->within_days, date_dmy(q->as_of, b));
	putchar('\n');
}

/* The notices issued: to their files in dir (remind_files.c), else on
 * standard output; then what was recorded. */
static int put_notices(const struct remind_set *set, const char *dir, bool force,
                       enum report_lang lang, bool dry, int64_t seq, struct r57_err *err)
{
	int rc = R57_OK;
	if (dir) {
		rc = remind_files_write(set, dir, lang, force, wrote_notice, NULL, err);
	} else {
		for (int i = 0; i < set->n; i++) {
			if (i)
				printf("\n----------------------------------------\n\n");
			remind_write(stdout, &set->notices[i], lang);
		}
	}
	char *sum = remind_summary(set);
	if (!rc) {
		if (!dir)
			printf("\n");
		char *safe = text_safe(sum ? sum : "", false);
		if (dry)
			printf(_("Would record: %s"), safe);
		else
			printf(_("Recorded as #%lld: %s"), (long long)seq, safe);
		putchar('\n');
		free(safe);
	}
	free(sum);
	return rc;
}

int cmd_remind(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	struct remind_query q = { .as_of = s->r.today, .within_days = REMIND_WITHIN_DEFAULT };
	enum report_lang lang;
	const char *dir = NULL;
	bool dry = opt_has(a, "--dry-run");
	int rc;
	if ((rc = remind_options(s, &q, &lang, &dir, err)) || (rc = open_db(s, !dry, err)) ||
	    (rc = pick_to(s, &q.to, &q.id, err)))
		return rc;
	struct remind_set set;
	if ((rc = remind_collect(s->r.st, &q, &set, err)))
		return rc;
	if (set.n == 0) {
		say_nothing_to_remind(&q);
		remind_set_clear(&set);
		return R57_OK;
	}
	/* A notice file already in the folder is never replaced unasked: the
	 * names are said before anything is recorded, so a refusal issues
	 * nothing. */
	bool force = opt_has(a, "--force");
	int64_t seq = 0;
	if (dir && !force)
		rc = check_no_notice_files(dir, &set, err);
	/* Record first: a refused issue prints nothing. */
	if (!rc)
		rc = remind_issue(&s->r, &set, lang, dry, &seq, err);
	if (!rc)
		rc = put_notices(&set, dir, force, lang, dry, seq, err);
	remind_set_clear(&set);
	return rc;
}

/* --- reminders ------------------------------------------------------------------- */

static int print_reminder(const struct reminder *rm, void *ctx)
{
	(void)ctx;
	char b1[11], b2[11];
	printf("#%lld  %s  ", (long long)rm->id, date_dmy(rm->issued, b1));
	out_safe(stdout, rm->actor);
	printf("  ");
	out_safe(stdout, rm->name);
	printf("  ");
	printf(ngettext("as of %s, within %d day, %s  (entry #%lld)",
	                "as of %s, within %d days, %s  (entry #%lld)", (unsigned long)rm->within_days),
	       date_dmy(rm->as_of, b2), rm->within_days, rm->lang == LANG_VI ? "vi" : "en",
	       (long long)rm->entry);
	putchar('\n');
	for (int i = 0; i < rm->n_tasks; i++) {
		const struct remind_task *t = &rm->tasks[i];
		char d[11];
		printf("    #%lld ", (long long)t->id);
		out_safe(stdout, t->title ? t->title : _("(deleted)"));
		printf("  ");
		if (t->days_late > 0)
			printf(ngettext("deadline %s, %d day late", "deadline %s, %d days late",
			                (unsigned long)t->days_late),
			       date_dmy(t->due, d), t->days_late);
		else if (t->days_late == 0)
			printf(_("deadline %s, due that day"), date_dmy(t->due, d));
		else
			printf(ngettext("deadline %s, %d day left", "deadline %s, %d days left",
			                (unsigned long)-t->days_late),
			       date_dmy(t->due, d), -t->days_late);
		putchar('\n');
	}
	return 0;
}

int cmd_reminders(struct session *s, struct r57_err *err)
{
	struct remind_list_query q = { .to = REMIND_UNIT };
	int rc;
	if (s->args.npos)
		return r57_fail(err, R57_EUSAGE, _("reminders: unexpected argument"));
	const char *t = opt_get(&s->args, "--task");
	if (t) {
		char *end;
		long long id = strtoll(t[0] == '#' ? t + 1 : t, &end, 10);
		if (*end || id <= 0)
			return r57_fail(err, R57_EUSAGE, _("--task: give a task id such as 12"));
		q.task_id = id;
	}
	const char *l = opt_get(&s->args, "--limit");
	if (l) {
		char *end;
		long n = strtol(l, &end, 10);
		if (*end || n < 1)
			return r57_fail(err, R57_EUSAGE, _("--limit: give a number"));
		q.limit = (int)n;
	}
	if ((rc = open_db(s, false, err)) || (rc = pick_to(s, &q.to, &q.id, err)))
		return rc;
	return remind_list(s->r.st, &q, print_reminder, NULL, err);
}
