/* report_page.c: the status report as a page: one self-contained HTML
 * document printable on A4 (no script, no network, right-to-left text
 * isolated in <bdi>), and Markdown. The words, the figures and the
 * summary come from report_out.c (report_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/report_out.h"
#include "r57/text.h"
#include "report_int.h"

/* --- HTML ------------------------------------------------------------------------------ */

/* Text escaped for HTML (text content and quoted attributes). */
static void html_escape(FILE *f, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f);
		}
	}
}

/* User text: made safe, escaped, and isolated so right-to-left text
 * cannot reorder the cell or the row around it. */
static void html_text(FILE *f, const char *s)
{
	char *safe = text_safe(s ? s : "", false);
	fputs("<bdi>", f);
	html_escape(f, safe);
	fputs("</bdi>", f);
	free(safe);
}

static void html_row(FILE *f, const char *name, const struct report_row *row,
                     enum report_lang lang, int rank, bool reminders)
{
	const struct figures *g = &row->fig;
	char rate[16];
	rep_rate_text(g->rate_bp, lang, rate, sizeof rate);
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

/* A head cell: the catalogue's words, escaped like any text. */
static void html_th(FILE *f, const char *attrs, const char *words)
{
	fprintf(f, "<th%s>", attrs);
	html_escape(f, words);
	fputs("</th>", f);
}

static void html_table(FILE *f, const struct report_doc *d, const struct words *w,
                       const char *caption, const char *first, const struct report_row *rows,
                       int n, bool numbered, bool ranked)
{
	char name[700];
	fputs("<h2>", f);
	html_escape(f, caption);
	fputs("</h2>\n<table>\n<thead><tr>", f);
	/* Two rows of heads: the four-way form under "Completed" and "Not
	 * completed", as officials' tables have it. */
	if (ranked)
		html_th(f, " rowspan=2", w->rank);
	html_th(f, " rowspan=2", first);
	html_th(f, " rowspan=2", w->total);
	html_th(f, " colspan=3", w->done);
	html_th(f, " colspan=3", w->open);
	html_th(f, " rowspan=2", w->rate);
	/* The unit table (the ranked one) counts the reminders each received. */
	if (ranked)
		html_th(f, " rowspan=2", w->reminders);
	fputs("<th rowspan=2></th></tr>\n<tr>", f);
	html_th(f, "", w->total);
	html_th(f, "", w->c_on_time);
	html_th(f, "", w->c_late);
	html_th(f, "", w->total);
	html_th(f, "", w->c_within_long);
	html_th(f, "", w->c_overdue);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < n; i++)
		html_row(f, rep_row_name(w, &rows[i], name, sizeof name, numbered), &rows[i], d->lang,
		         ranked ? i + 1 : 0, ranked);
	fputs("</tbody>\n</table>\n", f);
}

void rep_write_html(FILE *f, const struct report_doc *d, const struct words *w)
{
	const struct figures *a = &d->groups.all;
	char b1[11], b2[11], rate[16], *line = NULL;
	char *summary = rep_summary_now(d);
	rep_rate_text(a->rate_bp, d->lang, rate, sizeof rate);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	           "<meta name=\"generator\" content=\"r57\">\n",
	        d->lang == LANG_VI ? "vi" : "en");
	/* No script, no network: the policy forbids both even if text slipped
	 * through; the page prints on A4. */
	fputs("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n", f);
	fputs("<title>", f);
	html_escape(f, w->title);
	fputs("</title>\n", f);
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
	      "th.label { text-align: left; font-weight: normal; font-size: 11pt; }\n"
	      "td.name { width: 34%; overflow-wrap: anywhere; unicode-bidi: isolate; }\n"
	      "td.n { text-align: right; white-space: nowrap; }\n"
	      "td.late { text-align: right; color: #a00; font-weight: bold; }\n"
	      "td.bar { width: 12%; }\n"
	      ".track { border: 0.5pt solid #444; height: 8pt; }\n"
	      ".fill { background: #2a7a2a; height: 8pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n"
	      ".summary { border: 0.5pt solid #444; padding: 6pt; }\n"
	      "</style>\n</head>\n<body>\n", f);
	if (d->committee) {
		fputs("<p class=committee>", f);
		html_text(f, d->committee);
		fputs("</p>\n", f);
	}
	fputs("<h1>", f);
	if (asprintf(&line, _("Status of Resolution 57 tasks as of %s"), date_dmy(d->groups.as_of, b1)) >= 0)
		html_escape(f, line);
	free(line);
	line = NULL;
	/* The selection is user text: made safe, then isolated (FSI .. PDI)
	 * so right-to-left text in it cannot reorder the sentence; the
	 * sentence is escaped whole. */
	char *sel = text_safe(d->selection ? d->selection : "", false);
	fputs("</h1>\n<p class=meta>", f);
	char *iso = NULL;
	if (asprintf(&iso, "\u2068%s\u2069", sel) >= 0 &&
	    asprintf(&line, _("Selection: %s; previous report: %s"), iso, date_dmy(d->groups.since, b2)) >= 0)
		html_escape(f, line);
	free(iso);
	free(line);
	free(sel);
	fputs("</p>\n<h2>", f);
	html_escape(f, w->summary);
	fputs("</h2>\n<p class=summary>", f);
	html_text(f, summary);
	fputs("</p>\n<table>\n<tbody>\n", f);
	struct figure_line lines[N_FIGURE_LINES];
	rep_figure_lines(w, a, lines);
	for (size_t i = 0; i < N_FIGURE_LINES; i++) {
		fputs("<tr>", f);
		html_th(f, " class=label", lines[i].label);
		fprintf(f, "<td class=n>%lld</td></tr>\n", (long long)lines[i].n);
	}
	fputs("<tr>", f);
	html_th(f, " class=label", w->rate);
	fprintf(f, "<td class=n>%s%%</td></tr>\n</tbody>\n</table>\n", rate);
	html_table(f, d, w, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false);
	html_table(f, d, w, w->by_unit, w->unit, d->units, d->n_units, false, true);
	html_table(f, d, w, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false);
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

static void md_table(FILE *f, const struct report_doc *d, const struct words *w,
                     const char *caption, const char *first, const struct report_row *rows,
                     int n, bool numbered, bool ranked)
{
	char name[700], rate[16];
	/* The unit table (the ranked one) counts the reminders each received. */
	fputs("\n## ", f);
	md_text(f, caption);
	fputs("\n\n|", f);
	const char *heads[] = { first, w->total, w->done, w->on_time, w->late, w->open, w->within,
		                w->overdue, w->rate };
	if (ranked)
		fputs(" # |", f);
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
		fputc(' ', f);
		md_text(f, heads[i]);
		fputs(" |", f);
	}
	if (ranked) {
		fputc(' ', f);
		md_text(f, w->reminders);
		fputs(" |", f);
	}
	fprintf(f, "\n|%s---|---:|---:|---:|---:|---:|---:|---:|---:|%s\n", ranked ? "---:|" : "",
	        ranked ? "---:|" : "");
	for (int i = 0; i < n; i++) {
		const struct figures *g = &rows[i].fig;
		rep_rate_text(g->rate_bp, d->lang, rate, sizeof rate);
		fputc('|', f);
		if (ranked)
			fprintf(f, " %d |", i + 1);
		fputc(' ', f);
		md_text(f, rep_row_name(w, &rows[i], name, sizeof name, numbered));
		fprintf(f, " | %lld | %lld | %lld | %lld | %lld | %lld | %lld | %s%% |", (long long)g->total,
		        (long long)g->completed, (long long)g->completed_on_time, (long long)g->completed_late,
		        (long long)g->open, (long long)g->open_within_deadline, (long long)g->open_overdue,
		        rate);
		if (ranked)
			fprintf(f, " %lld |", (long long)rows[i].reminders);
		fputc('\n', f);
	}
}

void rep_write_md(FILE *f, const struct report_doc *d, const struct words *w)
{
	const struct figures *a = &d->groups.all;
	char b1[11], b2[11], rate[16];
	char *summary = rep_summary_now(d);
	fputs("<!-- r57 status report -->\n# ", f);
	fprintf(f, _("Status of Resolution 57 tasks as of %s"), date_dmy(d->groups.as_of, b1));
	fputs("\n\n", f);
	if (d->committee) {
		md_text(f, d->committee);
		fputs("  \n", f);
	}
	char *sel = rep_escaped(md_text, d->selection);
	fprintf(f, _("Selection: %s; previous report: %s"), sel, date_dmy(d->groups.since, b2));
	free(sel);
	fputs("\n\n", f);
	md_text(f, summary);
	fputs("\n\n| ", f);
	md_text(f, w->figure);
	fputs(" | ", f);
	md_text(f, w->number);
	fputs(" |\n|---|---:|\n", f);
	struct figure_line lines[N_FIGURE_LINES];
	rep_figure_lines(w, a, lines);
	for (size_t i = 0; i < N_FIGURE_LINES; i++) {
		fputs("| ", f);
		md_text(f, lines[i].label);
		fprintf(f, " | %lld |\n", (long long)lines[i].n);
	}
	rep_rate_text(a->rate_bp, d->lang, rate, sizeof rate);
	fputs("| ", f);
	md_text(f, w->rate);
	fprintf(f, " | %s%% |\n", rate);
	md_table(f, d, w, w->by_group, w->group, d->groups.groups, d->groups.n_groups, true, false);
	md_table(f, d, w, w->by_unit, w->unit, d->units, d->n_units, false, true);
	md_table(f, d, w, w->by_leader, w->leader, d->leaders, d->n_leaders, false, false);
	free(summary);
}
