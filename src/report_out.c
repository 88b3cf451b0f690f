/* report_out.c: the status report in the forms officials hand in: text
 * for the terminal, CSV for spreadsheets (RFC 4180, cells made inert per
 * OWASP), JSON for scripts, one self-contained HTML page printable on A4
 * (no script, no network, right-to-left text isolated in <bdi>), and
 * Markdown. Every writer draws the same report_doc. */
#include <stdlib.h>
#include <string.h>

#include "r57/out.h"
#include "r57/report_out.h"
#include "r57/store.h"
#include "r57/text.h"

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
	return strcmp(a->name ? a->name : "", b->name ? b->name : "");
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

/* --- words ------------------------------------------------------------------------ */

/* 5366 -> "53.66" or, in Vietnamese, "53,66". */
static void rate_text(int bp, enum report_lang lang, char *buf, size_t len)
{
	snprintf(buf, len, "%d%c%02d", bp / 100, lang == LANG_VI ? ',' : '.', bp % 100);
}

char *report_summary(const struct report_doc *d)
{
	const struct figures *a = &d->groups.all, *y = &d->year_fig;
	char r1[16], r2[16], *s = NULL;
	rate_text(a->rate_bp, d->lang, r1, sizeof r1);
	rate_text(y->rate_bp, d->lang, r2, sizeof r2);
	int ok;
	if (d->lang == LANG_VI) {
		char overdue[80];
		if (a->open_overdue)
			snprintf(overdue, sizeof overdue, "có %lld nhiệm vụ quá hạn", (long long)a->open_overdue);
		else
			snprintf(overdue, sizeof overdue, "không có nhiệm vụ quá hạn");
		ok = asprintf(&s, "Tổng số %lld nhiệm vụ; đã hoàn thành %lld nhiệm vụ (đạt %s%%), trong đó "
		              "%lld/%lld nhiệm vụ năm %d (%s%%); %s.",
		              (long long)a->total, (long long)a->completed, r1, (long long)y->completed,
		              (long long)y->total, d->plan_year, r2, overdue);
	} else {
		char overdue[80];
		if (a->open_overdue)
			snprintf(overdue, sizeof overdue, "%lld task%s overdue", (long long)a->open_overdue,
			         a->open_overdue == 1 ? "" : "s");
		else
			snprintf(overdue, sizeof overdue, "no task overdue");
		ok = asprintf(&s, "%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the %d "
		              "tasks (%s%%); %s.",
		              (long long)a->total, (long long)a->completed, r1, (long long)y->completed,
		              (long long)y->total, d->plan_year, r2, overdue);
	}
	return ok < 0 ? NULL : s;
}

/* Column heads and labels in the report's language. */
struct words {
	const char *title, *as_of, *since, *selection, *summary, *by_group, *by_unit, *by_leader;
	const char *group, *unit, *leader, *none;
	const char *total, *done, *rate, *on_time, *late, *open, *within, *overdue, *added, *extended;
	const char *rank, *reminders;
};

static const struct words words_en = {
	"Status of Resolution 57 tasks", "as of", "previous report", "Selection", "Summary",
	"By key task group", "By lead unit (ranked by completion rate)", "By lead person",
	"Key task group", "Lead unit", "Lead person", "(none)",
	"Total", "Completed", "Rate", "On time", "Late", "Not completed", "Within deadline",
	"Overdue", "Added since", "Extended", "Rank", "Reminders",
};

static const struct words words_vi = {
	"Tình hình thực hiện nhiệm vụ Nghị quyết 57", "tính đến ngày", "kỳ báo cáo trước",
	"Phạm vi", "Tóm tắt", "Theo nhóm nhiệm vụ trọng tâm",
	"Theo đơn vị chủ trì (xếp theo tỷ lệ hoàn thành)", "Theo người phụ trách",
	"Nhóm nhiệm vụ trọng tâm", "Đơn vị chủ trì", "Người phụ trách", "(chưa có)",
	"Tổng số", "Đã hoàn thành", "Tỷ lệ", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
	"Chưa hoàn thành", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn", "Thêm mới",
	"Gia hạn", "Hạng", "Nhắc nhở",
};

static const struct words *words_of(const struct report_doc *d)
{
	return d->lang == LANG_VI ? &words_vi : &words_en;
}

static const char *row_name(const struct report_doc *d, const struct report_row *r, char *buf,
                            size_t len, bool numbered)
{
	if (!r->name || (!r->id && !r->number))
		return words_of(d)->none;
	if (numbered && r->number) {
		snprintf(buf, len, "%d. %s", r->number, r->name);
		return buf;
	}
	return r->name;
}

/* --- CSV ---------------------------------------------------------------------------- */

/* One cell, RFC 4180; a cell that a spreadsheet would run as a formula
 * (= + - @ TAB CR first) gets a leading apostrophe (OWASP). */
static void csv_cell(FILE *f, const char *s, bool last)
{
	char *safe = text_safe(s ? s : "", true);
	bool inert = strchr("=+-@\t\r", safe[0]) && safe[0];
	bool quote = inert || strpbrk(safe, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (inert)
		fputc('\'', f);
	for (const char *p = safe; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
	fputs(last ? "\r\n" : ",", f);
	free(safe);
}

static void csv_num(FILE *f, long long n)
{
	fprintf(f, "%lld,", n);
}

/* The figures, then the reminders received (units and persons; an
 * empty cell for the whole selection and for groups). */
static void csv_figs(FILE *f, const struct figures *g, const struct report_row *by)
{
	char rate[16];
	rate_text(g->rate_bp, LANG_EN, rate, sizeof rate);
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
	if (by)
		fprintf(f, "%lld", (long long)by->reminders);
	fputs("\r\n", f);
}

static void write_csv(FILE *f, const struct report_doc *d)
{
	const struct words *w = words_of(d);
	char b[11], name[700];
	/* One table: a section column says which breakdown a row belongs to. */
	static const char *const head[] = { "section", "name", "total", "completed",
		"completed_on_time", "completed_late", "open", "open_within_deadline", "open_overdue",
		"completion_rate", "added_since", "extended", "reminders" };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(f, head[i], i + 1 == sizeof head / sizeof *head);
	snprintf(name, sizeof name, "%s %s", w->as_of, date_dmy(d->groups.as_of, b));
	csv_cell(f, "all", false);
	csv_cell(f, d->selection, false);
	csv_figs(f, &d->groups.all, NULL);
	for (int i = 0; i < d->groups.n_groups; i++) {
		csv_cell(f, "group", false);
		csv_cell(f, row_name(d, &d->groups.groups[i], name, sizeof name, true), false);
		csv_figs(f, &d->groups.groups[i].fig, NULL);
	}
	for (int i = 0; i < d->n_units; i++) {
		csv_cell(f, "unit", false);
		csv_cell(f, row_name(d, &d->units[i], name, sizeof name, false), false);
		csv_figs(f, &d->units[i].fig, &d->units[i]);
	}
	for (int i = 0; i < d->n_leaders; i++) {
		csv_cell(f, "leader", false);
		csv_cell(f, row_name(d, &d->leaders[i], name, sizeof name, false), false);
		csv_figs(f, &d->leaders[i].fig, &d->leaders[i]);
	}
}

/* --- JSON ---------------------------------------------------------------------------- */

static void json_figs(FILE *f, const struct figures *g)
{
	fprintf(f, "\"total\": %lld, \"completed\": %lld, \"completed_on_time\": %lld,"
	           " \"completed_late\": %lld, \"open\": %lld, \"open_within_deadline\": %lld,"
	           " \"open_overdue\": %lld, \"completion_rate\": %d.%02d, \"added_since\": %lld,"
	           " \"extended\": %lld",
	        (long long)g->total, (long long)g->completed, (long long)g->completed_on_time,
	        (long long)g->completed_late, (long long)g->open, (long long)g->open_within_deadline,
	        (long long)g->open_overdue, g->rate_bp / 100, g->rate_bp % 100,
	        (long long)g->added_since, (long long)g->extended);
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
	char *summary = report_summary(d);
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

/* --- HTML ------------------------------------------------------------------------------ */

/* User text: made safe, escaped, and isolated so right-to-left text
 * cannot reorder the cell or the row around it. */
static void html_text(FILE *f, const char *s)
{
	char *safe = text_safe(s ? s : "", false);
	fputs("<bdi>", f);
	for (const char *p = safe; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f);
		}
	}
	fputs("</bdi>", f);
	free(safe);
}

static void html_row(FILE *f, const char *name, const struct report_row *row,
                     enum report_lang lang, int rank, bool reminders)
{
	const struct figures *g = &row->fig;
	char rate[16];
	rate_text(g->rate_bp, lang, rate, sizeof rate);
	fputs("<tr>", f);
	if (rank)
		fprintf(f, "<td class=n>%d</td>", rank);
	fputs("<td class=name>", f);
	html_text(f, name);
	fprintf(f, "</td><td class=n>%lld</td><td class=n>%lld</td><td class=n>%lld</td>"
	           "<td class=n>%lld</td><td class=n>%lld</td><td class=n>%lld</td>"
	           "<td class=\"n%s\">%lld</td><td class=n>%s%%</td>",
	        (long long)g->total, (long long)g->completed, (long long)g->completed_on_time,
	        (long long)g->completed_late, (long long)g->open, (long long)g->open_within_deadline,
	        g->open_overdue ? " late" : "", (long long)g->open_overdue, rate);
	if (reminders)
		fprintf(f, "<td class=n>%lld</td>", (long long)row->reminders);
	fprintf(f, "<td class=bar><div class=track><div class=fill style=\"width:%d.%02d%%\"></div></div></td></tr>\n",
	        g->rate_bp / 100, g->rate_bp % 100);
}

static void html_table(FILE *f, const struct report_doc *d, const char *caption, const char *first,
                       const struct report_row *rows, int n, bool numbered, bool ranked)
{
	const struct words *w = words_of(d);
	char name[700];
	fputs("<h2>", f);
	html_text(f, caption);
	fputs("</h2>\n<table>\n<thead><tr>", f);
	if (ranked)
		fprintf(f, "<th>%s</th>", w->rank);
	fprintf(f, "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	           "<th>%s</th><th>%s</th>",
	        first, w->total, w->done, w->on_time, w->late, w->open, w->within, w->overdue, w->rate);
	/* The unit table (the ranked one) counts the reminders each received. */
	if (ranked)
		fprintf(f, "<th>%s</th>", w->reminders);
	fputs("<th></th></tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < n; i++)
		html_row(f, row_name(d, &rows[i], name, sizeof name, numbered), &rows[i], d->lang,
		         ranked ? i + 1 : 0, ranked);
	fputs("</tbody>\n</table>\n", f);
}

static void write_html(FILE *f, const struct report_doc *d)
{
	const struct words *w = words_of(d);
	const struct figures *a = &d->groups.all;
	char b1[11], b2[11], rate[16];
	char *summary = report_summary(d);
	rate_text(a->rate_bp, d->lang, rate, sizeof rate);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	           "<meta name=\"generator\" content=\"r57\">\n",
	        d->lang == LANG_VI ? "vi" : "en");
	/* No script, no network: the policy forbids both even if text slipped
	 * through; the page prints on A4. */
	fputs("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n", f);
	fprintf(f, "<title>%s</title>\n", w->title);
	fputs("<style>\n"
	      "@page { size: A4; margin: 18mm 15mm; }\n"
	      "body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 11pt; color: #000; max-width: 190mm; margin: auto; }\n"
	      "h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt; }\n"
	      "h2 { font-size: 12pt; margin: 14pt 0 4pt; page-break-after: avoid; }\n"
	      ".meta { text-align: center; margin: 0 0 10pt; }\n"
	      ".committee { text-align: center; font-weight: bold; text-transform: uppercase; }\n"
	      "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n"
	      "tr { page-break-inside: avoid; }\n"
	      "th, td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; }\n"
	      "th { background: #eee; font-size: 9pt; }\n"
	      "td.name { overflow-wrap: anywhere; unicode-bidi: isolate; }\n"
	      "td.n { text-align: right; white-space: nowrap; }\n"
	      "td.late { text-align: right; color: #a00; font-weight: bold; }\n"
	      "td.bar { width: 22%; }\n"
	      ".track { border: 0.5pt solid #444; height: 8pt; }\n"
	      ".fill { background: #2a7a2a; height: 8pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n"
	      ".summary { border: 0.5pt solid #444; padding: 6pt; }\n"
	      "</style>\n</head>\n<body>\n", f);
	if (d->committee) {
		fputs("<p class=committee>", f);
		html_text(f, d->committee);
		fputs("</p>\n", f);
	}
	fprintf(f, "<h1>%s</h1>\n<p class=meta>%s %s; %s: %s; %s: ", w->title, w->as_of,
	        date_dmy(d->groups.as_of, b1), w->since, date_dmy(d->groups.since, b2), w->selection);
	html_text(f, d->selection);
	fprintf(f, "</p>\n<h2>%s</h2>\n<p class=summary>", w->summary);
	html_text(f, summary);
	fputs("</p>\n<table>\n<tbody>\n", f);
	struct {
		const char *label;
		int64_t n;
	} lines[] = {
		{ w->total, a->total }, { w->done, a->completed }, { w->on_time, a->completed_on_time },
		{ w->late, a->completed_late }, { w->open, a->open }, { w->within, a->open_within_deadline },
		{ w->overdue, a->open_overdue }, { w->added, a->added_since }, { w->extended, a->extended },
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		fprintf(f, "<tr><th>%s</th><td class=n>%lld</td></tr>\n", lines[i].label, (long long)lines[i].n);
	fprintf(f, "<tr><th>%s</th><td class=n>%s%%</td></tr>\n</tbody>\n</table>\n", w->rate, rate);
	html_table(f, d, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false);
	html_table(f, d, w->by_unit, w->unit, d->units, d->n_units, false, true);
	html_table(f, d, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false);
	fputs("</body>\n</html>\n", f);
	free(summary);
}

/* --- Markdown ------------------------------------------------------------------------------ */

static void md_text(FILE *f, const char *s)
{
	char *safe = text_safe(s ? s : "", false);
	for (const char *p = safe; *p; p++) {
		if (strchr("\\`*_{}[]()#+-.!|<>~", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
	free(safe);
}

static void md_table(FILE *f, const struct report_doc *d, const char *caption, const char *first,
                     const struct report_row *rows, int n, bool numbered, bool ranked)
{
	const struct words *w = words_of(d);
	char name[700], rate[16];
	/* The unit table (the ranked one) counts the reminders each received. */
	fprintf(f, "\n## %s\n\n|%s %s | %s | %s | %s | %s | %s | %s | %s | %s |%s%s%s\n", caption,
	        ranked ? " # |" : "", first, w->total, w->done, w->on_time, w->late, w->open,
	        w->within, w->overdue, w->rate, ranked ? " " : "", ranked ? w->reminders : "",
	        ranked ? " |" : "");
	fprintf(f, "|%s---|---:|---:|---:|---:|---:|---:|---:|---:|%s\n", ranked ? "---:|" : "",
	        ranked ? "---:|" : "");
	for (int i = 0; i < n; i++) {
		const struct figures *g = &rows[i].fig;
		rate_text(g->rate_bp, d->lang, rate, sizeof rate);
		fputc('|', f);
		if (ranked)
			fprintf(f, " %d |", i + 1);
		fputc(' ', f);
		md_text(f, row_name(d, &rows[i], name, sizeof name, numbered));
		fprintf(f, " | %lld | %lld | %lld | %lld | %lld | %lld | %lld | %s%% |", (long long)g->total,
		        (long long)g->completed, (long long)g->completed_on_time, (long long)g->completed_late,
		        (long long)g->open, (long long)g->open_within_deadline, (long long)g->open_overdue, rate);
		if (ranked)
			fprintf(f, " %lld |", (long long)rows[i].reminders);
		fputc('\n', f);
	}
}

static void write_md(FILE *f, const struct report_doc *d)
{
	const struct words *w = words_of(d);
	char b1[11], b2[11];
	char *summary = report_summary(d);
	fprintf(f, "<!-- r57 status report -->\n# %s\n\n", w->title);
	if (d->committee) {
		md_text(f, d->committee);
		fputs("  \n", f);
	}
	fprintf(f, "%s %s; %s: %s; %s: ", w->as_of, date_dmy(d->groups.as_of, b1), w->since,
	        date_dmy(d->groups.since, b2), w->selection);
	md_text(f, d->selection);
	fputs("\n\n", f);
	md_text(f, summary);
	fputc('\n', f);
	md_table(f, d, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false);
	md_table(f, d, w->by_unit, w->unit, d->units, d->n_units, false, true);
	md_table(f, d, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false);
	free(summary);
}

/* --- text ------------------------------------------------------------------------------------- */

static void text_table(FILE *f, const struct report_doc *d, const char *caption, const char *first,
                       const struct report_row *rows, int n, bool numbered, bool ranked, int width)
{
	const struct words *w = words_of(d);
	char name[700], c[9][24];
	fprintf(f, "\n%s\n", caption);
	/* The unit table (the ranked one) counts the reminders each received. */
	struct table *t = table_new(ranked ? 11 : 9);
	int k = 0;
	if (ranked)
		table_col(t, k++, "#", ALIGN_RIGHT, 0, 0);
	table_col(t, k++, first, ALIGN_LEFT, 2, 8);
	table_col(t, k++, w->total, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->done, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->rate, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->on_time, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->late, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->within, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, w->overdue, ALIGN_RIGHT, 0, 0);
	if (ranked)
		table_col(t, k++, w->reminders, ALIGN_RIGHT, 0, 0);
	table_col(t, k++, "", ALIGN_LEFT, 1, 5);
	for (int i = 0; i < n; i++) {
		const struct figures *g = &rows[i].fig;
		snprintf(c[0], 24, "%d", i + 1);
		snprintf(c[1], 24, "%lld", (long long)g->total);
		snprintf(c[2], 24, "%lld", (long long)g->completed);
		rate_text(g->rate_bp, d->lang, c[3], 20);
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
		const char *nm = row_name(d, &rows[i], name, sizeof name, numbered);
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

static void write_text(FILE *f, const struct report_doc *d, int width)
{
	const struct words *w = words_of(d);
	const struct figures *a = &d->groups.all;
	char b1[11], b2[11], rate[16];
	if (width <= 0)
		width = 100;
	rate_text(a->rate_bp, d->lang, rate, sizeof rate);
	if (d->committee) {
		out_safe(f, d->committee);
		fputc('\n', f);
	}
	fprintf(f, "%s, %s %s (%s: ", w->title, w->as_of, date_dmy(d->groups.as_of, b1), w->selection);
	out_safe(f, d->selection);
	fprintf(f, "; %s: %s)\n\n", w->since, date_dmy(d->groups.since, b2));
	if (d->full) {
		char *summary = report_summary(d);
		out_safe(f, summary);
		free(summary);
		fputs("\n\n", f);
	}
	struct {
		const char *label;
		int64_t n;
	} lines[] = {
		{ w->total, a->total }, { w->done, a->completed }, { w->on_time, a->completed_on_time },
		{ w->late, a->completed_late }, { w->open, a->open }, { w->within, a->open_within_deadline },
		{ w->overdue, a->open_overdue }, { w->added, a->added_since }, { w->extended, a->extended },
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		int pad = 24 - text_width(lines[i].label);
		fprintf(f, "  %s%*s%8lld\n", lines[i].label, pad > 0 ? pad : 1, "", (long long)lines[i].n);
	}
	int pad = 24 - text_width(w->rate);
	fprintf(f, "  %s%*s%8s%%\n", w->rate, pad > 0 ? pad : 1, "", rate);
	text_table(f, d, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false, width);
	if (d->full) {
		text_table(f, d, w->by_unit, w->unit, d->units, d->n_units, false, true, width);
		text_table(f, d, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false, width);
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
	if (bom && fmt == RF_CSV)
		fputs("\xef\xbb\xbf", f);
	switch (fmt) {
	case RF_TEXT: write_text(f, d, width); break;
	case RF_CSV: write_csv(f, d); break;
	case RF_JSON: write_json(f, d); break;
	case RF_HTML: write_html(f, d); break;
	case RF_MD: write_md(f, d); break;
	}
	return ferror(f) ? -1 : 0;
}
