/* report_out.c: the status report in the forms officials hand in: text
 * for the terminal, CSV for spreadsheets (RFC 4180, cells made inert per
 * OWASP), JSON for scripts, and (report_page.c) one self-contained HTML
 * page printable on A4 and Markdown. Every writer draws the same
 * report_doc, in the report's own language: its words come from the
 * message catalogue, switched to that language while the report is
 * written. Here too: computing the report and its summary paragraph. */
#include <stdlib.h>
#include <string.h>

#include "r57/csv_out.h"
#include "r57/i18n.h"
#include "r57/out.h"
#include "r57/report_out.h"
#include "r57/store.h"
#include "r57/text.h"
#include "report_int.h"

/* --- computing ------------------------------------------------------------------ */

/* Units for the emulation review: highest completion rate first, ties
 * broken by fewer overdue tasks, then by name; "no unit" last. */
static int unit_rank(const void *x, const void *y)
{
	const struct report_row *a = x, *b = y;
	if (!a->id != !b->id)
		return !a->id - !b->id;
	if (a->fig.rate_bp != b->fig.rate_bp)
		return b->fig.rate_bp - a->fig.rate_bp;
	if (a->fig.open_overdue != b->fig.open_overdue)
		return a->fig.open_overdue < b->fig.open_overdue ? -1 : 1;
	return text_collate(a->name ? a->name : "", b->name ? b->name : "");
}

int report_doc_compute(struct store *st, const struct selection *sel,
                       r57_day as_of, r57_day since, const char *selection,
                       const char *committee, enum report_lang lang, bool full,
                       struct report_doc *out, struct r57_err *err)
{
	memset(out, 0, sizeof *out);
	out->lang = lang;
	out->full = full;
	out->selection = strdup(selection ? selection : "");
	out->committee = committee && *committee ? strdup(committee) : NULL;
	int rc = report_compute(st, sel, as_of, since, &out->groups, err);
	if (rc || !full) {
		if (rc)
			report_doc_clear(out);
		return rc;
	}
	if (!rc)
		rc = report_breakdown(st, sel, BY_UNIT, as_of, out->groups.since, &out->units,
		                      &out->n_units, err);
	if (!rc)
		rc = report_breakdown(st, sel, BY_LEADER, as_of, out->groups.since, &out->leaders,
		                      &out->n_leaders, err);
	if (!rc) {
		/* "of which 38/65 of the 2025 tasks": the plan year of the date. */
		int y, m, d;
		date_to_ymd(as_of, &y, &m, &d);
		out->plan_year = sel->year ? sel->year : y;
		struct selection ys = *sel;
		ys.year = out->plan_year;
		struct report yr;
		rc = report_compute(st, &ys, as_of, out->groups.since, &yr, err);
		if (!rc) {
			out->year_fig = yr.all;
			report_clear(&yr);
		}
	}
	if (rc) {
		report_doc_clear(out);
		return rc;
	}
	if (out->n_units > 1)
		qsort(out->units, (size_t)out->n_units, sizeof *out->units, unit_rank);
	return R57_OK;
}

void report_doc_clear(struct report_doc *d)
{
	report_clear(&d->groups);
	report_rows_free(d->units, d->n_units);
	report_rows_free(d->leaders, d->n_leaders);
	free(d->selection);
	free(d->committee);
	memset(d, 0, sizeof *d);
}

bool report_format_parse(const char *s, enum report_format *out)
{
	static const char *const names[] = { "text", "csv", "json", "html", "md" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

/* --- language --------------------------------------------------------------------- */

enum report_lang report_lang_now(void)
{
	return (enum report_lang)i18n_lang();
}

enum r57_lang report_lang_enter(enum report_lang lang)
{
	enum r57_lang was = i18n_lang();
	if ((enum r57_lang)lang != was)
		i18n_set((enum r57_lang)lang);
	return was;
}

void report_lang_leave(enum r57_lang was)
{
	if (i18n_lang() != was)
		i18n_set(was);
}

/* 5366 -> "53.66" or, in Vietnamese, "53,66". */
void rep_rate_text(int bp, enum report_lang lang, char *buf, size_t len)
{
	snprintf(buf, len, "%d%c%02d", bp / 100, lang == LANG_VI ? ',' : '.', bp % 100);
}

/* The paragraph is one whole sentence per case, so a translation can
 * word each as it likes: overdue tasks or none, extensions since the
 * previous report or none. */
char *rep_summary_now(const struct report_doc *d)
{
	const struct figures *a = &d->groups.all, *y = &d->year_fig;
	char r1[16], r2[16], *s = NULL;
	rep_rate_text(a->rate_bp, d->lang, r1, sizeof r1);
	rep_rate_text(y->rate_bp, d->lang, r2, sizeof r2);
	long long total = a->total, done = a->completed, ydone = y->completed, ytotal = y->total;
	long long overdue = a->open_overdue, ext = a->extended_since;
	unsigned long n = (unsigned long)(overdue > 0 ? overdue : 0);
	int ok;
	if (!overdue && !ext)
		ok = asprintf(&s, _("%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the "
		                    "%d tasks (%s%%); no task overdue."),
		              total, done, r1, ydone, ytotal, d->plan_year, r2);
	else if (!ext)
		ok = asprintf(&s, ngettext("%lld tasks in all; %lld completed (%s%%), of which %lld/%lld "
		                           "of the %d tasks (%s%%); %lld task overdue.",
		                           "%lld tasks in all; %lld completed (%s%%), of which %lld/%lld "
		                           "of the %d tasks (%s%%); %lld tasks overdue.", n),
		              total, done, r1, ydone, ytotal, d->plan_year, r2, overdue);
	else if (!overdue)
		ok = asprintf(&s, _("%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the "
		                    "%d tasks (%s%%); no task overdue; deadlines extended since the "
		                    "previous report: %lld."),
		              total, done, r1, ydone, ytotal, d->plan_year, r2, ext);
	else
		ok = asprintf(&s, ngettext("%lld tasks in all; %lld completed (%s%%), of which %lld/%lld "
		                           "of the %d tasks (%s%%); %lld task overdue; deadlines extended "
		                           "since the previous report: %lld.",
		                           "%lld tasks in all; %lld completed (%s%%), of which %lld/%lld "
		                           "of the %d tasks (%s%%); %lld tasks overdue; deadlines extended "
		                           "since the previous report: %lld.", n),
		              total, done, r1, ydone, ytotal, d->plan_year, r2, overdue, ext);
	return ok < 0 ? NULL : s;
}

char *report_summary(const struct report_doc *d)
{
	enum r57_lang was = report_lang_enter(d->lang);
	char *s = rep_summary_now(d);
	report_lang_leave(was);
	return s;
}

static struct words words(void)
{
	struct words w = {
		.title = _("Status of Resolution 57 tasks"),
		.summary = _("Summary"),
		.by_group = _("By key task group"),
		.by_unit = _("By lead unit (ranked by completion rate)"),
		.by_leader = _("By lead person"),
		.group = _("Key task group"),
		.unit = _("Lead unit"),
		.leader = _("Lead person"),
		.none = _("(none)"),
		.figure = _("Figure"),
		.number = _("Number"),
		.total = _("Total"),
		.done = _("Completed"),
		.on_time = _("Completed on time"),
		.late = _("Completed late"),
		.open = _("Not completed"),
		.within = _("Not completed, within deadline"),
		.overdue = _("Not completed, overdue"),
		.rate = _("Completion rate"),
		.added = _("Added since the previous report"),
		.ext_since = _("Extended since the previous report"),
		.ext_all = _("Extended (cumulative)"),
		.c_done = _("Done"),
		.c_on_time = _("On time"),
		.c_late = _("Late"),
		.c_within = _("Within"),
		.c_within_long = _("Within deadline"),
		.c_overdue = _("Overdue"),
		.rank = _("Rank"),
		.reminders = _("Reminders"),
	};
	return w;
}

const char *rep_row_name(const struct words *w, const struct report_row *r, char *buf,
                         size_t len, bool numbered)
{
	if (!r->name || (!r->id && !r->number))
		return w->none;
	if (numbered && r->number) {
		snprintf(buf, len, "%d. %s", r->number, r->name);
		return buf;
	}
	return r->name;
}

void rep_figure_lines(const struct words *w, const struct figures *a,
                      struct figure_line out[N_FIGURE_LINES])
{
	const struct figure_line lines[N_FIGURE_LINES] = {
		{ w->total, a->total }, { w->done, a->completed }, { w->on_time, a->completed_on_time },
		{ w->late, a->completed_late }, { w->open, a->open }, { w->within, a->open_within_deadline },
		{ w->overdue, a->open_overdue }, { w->added, a->added_since },
		{ w->ext_since, a->extended_since }, { w->ext_all, a->extended },
	};
	memcpy(out, lines, sizeof lines);
}

/* User text passed through `escape` (made safe, escaped for the format),
 * as a string to put into a message; newly allocated, "" when out of
 * memory. */
char *rep_escaped(void (*escape)(FILE *, const char *), const char *user)
{
	char *esc = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&esc, &len);
	if (m) {
		escape(m, user);
		fclose(m);
	}
	return esc ? esc : strdup("");
}

/* --- CSV ---------------------------------------------------------------------------- */

/* One cell, RFC 4180, made safe to show; a cell that a spreadsheet would
 * run as a formula gets a leading apostrophe (csv_out.h). */
static void csv_cell(FILE *f, const char *s, bool last)
{
	csv_out_cell(f, s, last, true, CSV_GUARD_DOCUMENT);
}

static void csv_num(FILE *f, long long n)
{
	fprintf(f, "%lld,", n);
}

/* The figures, then the reminders received (units and persons; an
 * empty cell for the whole selection and for groups). Numbers are for
 * programs: the rate takes a decimal point in every language. */
static void csv_figs(FILE *f, const struct figures *g, const struct report_row *by)
{
	char rate[16];
	rep_rate_text(g->rate_bp, LANG_EN, rate, sizeof rate);
	csv_num(f, g->total);
	csv_num(f, g->completed);
	csv_num(f, g->completed_on_time);
	csv_num(f, g->completed_late);
	csv_num(f, g->open);
	csv_num(f, g->open_within_deadline);
	csv_num(f, g->open_overdue);
	fprintf(f, "%s,", rate);
	csv_num(f, g->added_since);
	csv_num(f, g->extended);
	csv_num(f, g->extended_since);
	if (by)
		fprintf(f, "%lld", (long long)by->reminders);
	fputs("\r\n", f);
}

static void write_csv(FILE *f, const struct report_doc *d, const struct words *w)
{
	char name[700];
	/* One table: a section column says which breakdown a row belongs to.
	 * The header is r57's machine form, the same in every language. */
	static const char *const head[] = { "section", "name", "total", "completed",
		"completed_on_time", "completed_late", "open", "open_within_deadline", "open_overdue",
		"completion_rate", "added_since", "extended", "extended_since", "reminders" };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(f, head[i], i + 1 == sizeof head / sizeof *head);
	csv_cell(f, "all", false);
	csv_cell(f, d->selection, false);
	csv_figs(f, &d->groups.all, NULL);
	for (int i = 0; i < d->groups.n_groups; i++) {
		csv_cell(f, "group", false);
		csv_cell(f, rep_row_name(w, &d->groups.groups[i], name, sizeof name, true), false);
		csv_figs(f, &d->groups.groups[i].fig, NULL);
	}
	for (int i = 0; i < d->n_units; i++) {
		csv_cell(f, "unit", false);
		csv_cell(f, rep_row_name(w, &d->units[i], name, sizeof name, false), false);
		csv_figs(f, &d->units[i].fig, &d->units[i]);
	}
	for (int i = 0; i < d->n_leaders; i++) {
		csv_cell(f, "leader", false);
		csv_cell(f, rep_row_name(w, &d->leaders[i], name, sizeof name, false), false);
		csv_figs(f, &d->leaders[i].fig, &d->leaders[i]);
	}
}

/* --- JSON ---------------------------------------------------------------------------- */

static void json_figs(FILE *f, const struct figures *g)
{
	fprintf(f, "\"total\": %lld, \"completed\": %lld, \"completed_on_time\": %lld,"
	           " \"completed_late\": %lld, \"open\": %lld, \"open_within_deadline\": %lld,"
	           " \"open_overdue\": %lld, \"completion_rate\": %d.%02d, \"added_since\": %lld,"
	           " \"extended\": %lld, \"extended_since\": %lld",
	        (long long)g->total, (long long)g->completed, (long long)g->completed_on_time,
	        (long long)g->completed_late, (long long)g->open, (long long)g->open_within_deadline,
	        (long long)g->open_overdue, g->rate_bp / 100, g->rate_bp % 100,
	        (long long)g->added_since, (long long)g->extended, (long long)g->extended_since);
}

static void json_rows(FILE *f, const char *key, const struct report_row *rows, int n, bool groups)
{
	fprintf(f, ",\n \"%s\": [", key);
	for (int i = 0; i < n; i++) {
		fprintf(f, "%s\n  {", i ? "," : "");
		if (groups) {
			if (rows[i].number)
				fprintf(f, "\"number\": %d, ", rows[i].number);
			else
				fputs("\"number\": null, ", f);
		} else {
			fprintf(f, "\"rank\": %d, ", i + 1);
		}
		fputs("\"name\": ", f);
		out_json_str(f, rows[i].id || rows[i].number ? rows[i].name : NULL);
		fputs(", ", f);
		json_figs(f, &rows[i].fig);
		if (!groups)
			fprintf(f, ", \"reminders\": %lld", (long long)rows[i].reminders);
		fputc('}', f);
	}
	fputs("\n ]", f);
}

static void write_json(FILE *f, const struct report_doc *d)
{
	char b1[11], b2[11];
	char *summary = rep_summary_now(d);
	fprintf(f, "{\"generator\": \"r57\", \"as_of\": \"%s\", \"since\": \"%s\", \"language\": \"%s\", \"selection\": ",
	        date_iso(d->groups.as_of, b1), date_iso(d->groups.since, b2),
	        d->lang == LANG_VI ? "vi" : "en");
	out_json_str(f, d->selection);
	fputs(", \"committee\": ", f);
	out_json_str(f, d->committee);
	fputs(", \"summary\": ", f);
	out_json_str(f, summary);
	fputs(",\n \"all\": {", f);
	json_figs(f, &d->groups.all);
	fprintf(f, "},\n \"plan_year\": {\"year\": %d, ", d->plan_year);
	json_figs(f, &d->year_fig);
	fputc('}', f);
	json_rows(f, "groups", d->groups.groups, d->groups.n_groups, true);
	json_rows(f, "units", d->units, d->n_units, false);
	json_rows(f, "leaders", d->leaders, d->n_leaders, false);
	fputs("\n}\n", f);
	free(summary);
}

/* --- text ------------------------------------------------------------------------------------- */

static void text_table(FILE *f, const struct report_doc *d, const struct words *w,
                       const char *caption, const char *first, const struct report_row *rows,
                       int n, bool numbered, bool ranked, int width)
{
	char name[700], c[9][24];
	fprintf(f, "\n%s\n", caption);
	/* The unit table (the ranked one) counts the reminders each received. */
	struct table *t = table_new(ranked ? 11 : 9);
	int k = 0;
	if (ranked)
		table_col(t, k++, "#", ALIGN_RIGHT, 0, 0);
	table_col(t, k++, first, ALIGN_LEFT, 2, 8);
	table_col(t, k++, w->total, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->c_done, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, _("Rate"), ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->c_on_time, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->c_late, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->c_within, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->c_overdue, ALIGN_RIGHT, 0, 0);
	if (ranked)
		table_col(t, k++, w->reminders, ALIGN_RIGHT, 0, 0);
	/* The bar has ten steps: narrower it would be cut, so it gives way
	 * first and the names keep their room. */
	table_col(t, k++, "", ALIGN_LEFT, 1, 10);
	for (int i = 0; i < n; i++) {
		const struct figures *g = &rows[i].fig;
		snprintf(c[0], 24, "%d", i + 1);
		snprintf(c[1], 24, "%lld", (long long)g->total);
		snprintf(c[2], 24, "%lld", (long long)g->completed);
		rep_rate_text(g->rate_bp, d->lang, c[3], 20);
		strcat(c[3], "%");
		snprintf(c[4], 24, "%lld", (long long)g->completed_on_time);
		snprintf(c[5], 24, "%lld", (long long)g->completed_late);
		snprintf(c[6], 24, "%lld", (long long)g->open_within_deadline);
		snprintf(c[7], 24, "%lld", (long long)g->open_overdue);
		snprintf(c[8], 24, "%lld", (long long)rows[i].reminders);
		/* A ten-step bar: █ done, ░ the rest. */
		char bar[64] = "";
		int filled = (g->rate_bp + 500) / 1000;
		for (int j = 0; j < 10; j++)
			strcat(bar, j < filled ? "\xe2\x96\x88" : "\xe2\x96\x91");
		const char *nm = rep_row_name(w, &rows[i], name, sizeof name, numbered);
		const char *cells[11];
		int m = 0;
		if (ranked)
			cells[m++] = c[0];
		cells[m++] = nm;
		for (int j = 1; j <= 7; j++)
			cells[m++] = c[j];
		if (ranked)
			cells[m++] = c[8];
		cells[m++] = bar;
		table_row(t, cells);
	}
	table_print(t, f, width);
	table_free(t);
}

static void write_text(FILE *f, const struct report_doc *d, const struct words *w, int width)
{
	const struct figures *a = &d->groups.all;
	char b1[11], b2[11], rate[16];
	if (width <= 0)
		width = 100;
	rep_rate_text(a->rate_bp, d->lang, rate, sizeof rate);
	if (d->committee) {
		out_safe(f, d->committee);
		fputc('\n', f);
	}
	fprintf(f, _("Status of Resolution 57 tasks as of %s"), date_dmy(d->groups.as_of, b1));
	fputc('\n', f);
	char *sel = text_safe(d->selection ? d->selection : "", false);
	fprintf(f, _("Selection: %s; previous report: %s"), sel, date_dmy(d->groups.since, b2));
	free(sel);
	fputs("\n\n", f);
	if (d->full) {
		char *summary = rep_summary_now(d);
		out_safe(f, summary);
		free(summary);
		fputs("\n\n", f);
	}
	/* Labels padded to the widest, so the figures line up in any language. */
	struct figure_line lines[N_FIGURE_LINES];
	rep_figure_lines(w, a, lines);
	int lw = text_width(w->rate);
	for (size_t i = 0; i < N_FIGURE_LINES; i++)
		if (text_width(lines[i].label) > lw)
			lw = text_width(lines[i].label);
	for (size_t i = 0; i < N_FIGURE_LINES; i++)
		fprintf(f, "  %s%*s%8lld\n", lines[i].label, lw - text_width(lines[i].label) + 2, "",
		        (long long)lines[i].n);
	fprintf(f, "  %s%*s%8s%%\n", w->rate, lw - text_width(w->rate) + 2, "", rate);
	text_table(f, d, w, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false,
	           width);
	if (d->full) {
		text_table(f, d, w, w->by_unit, w->unit, d->units, d->n_units, false, true, width);
		text_table(f, d, w, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false, width);
	}
}

/* What marks a file as written by r57, for each format (outfile.h). */
const char *report_signature(enum report_format fmt)
{
	static const char *const sig[] = {
		[RF_TEXT] = NULL, [RF_CSV] = "section,name,total,completed,",
		[RF_JSON] = "\"generator\": \"r57\"", [RF_HTML] = "<meta name=\"generator\" content=\"r57\">",
		[RF_MD] = "<!-- r57 status report -->",
	};
	return sig[fmt];
}

int report_write(FILE *f, const struct report_doc *d, enum report_format fmt, int width, bool bom)
{
	/* The report speaks its own language, whatever r57 speaks meanwhile. */
	enum r57_lang was = report_lang_enter(d->lang);
	struct words w = words();
	if (bom && fmt == RF_CSV)
		fputs("\xef\xbb\xbf", f);
	switch (fmt) {
	case RF_TEXT: write_text(f, d, &w, width); break;
	case RF_CSV: write_csv(f, d, &w); break;
	case RF_JSON: write_json(f, d); break;
	case RF_HTML: rep_write_html(f, d, &w); break;
	case RF_MD: rep_write_md(f, d, &w); break;
	}
	report_lang_leave(was);
	return ferror(f) ? -1 : 0;
}
