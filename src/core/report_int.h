/* report_int.h: what the report's writers (report_out.c: text, CSV,
 * JSON; report_page.c: HTML, Markdown) share and nothing else sees: the
 * words of the report in its language, and the figures in their order. */
#ifndef R57_CORE_REPORT_INT_H
#define R57_CORE_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "r57/report_out.h"

/* Headings and labels, read from the catalogue in the report's language
 * (words() is called inside report_lang_enter). The figures block and the
 * Markdown tables use the full words of the four-way form; the text table
 * has short column heads so the names keep their room at 80 columns, and
 * HTML groups its heads under "Completed" and "Not completed". */
struct words {
	const char *title, *summary, *by_group, *by_unit, *by_leader;
	const char *group, *unit, *leader, *none, *figure, *number;
	const char *total, *done, *on_time, *late, *open, *within, *overdue, *rate;
	const char *added, *ext_since, *ext_all;
	const char *c_done, *c_on_time, *c_late, *c_within, *c_overdue, *c_within_long;
	const char *rank, *reminders;
};

/* The figures of the whole selection, in the order every format lists
 * them; the rate comes last, on its own. */
struct figure_line {
	const char *label;
	int64_t n;
};
#define N_FIGURE_LINES 10

/* A completion rate in basis points as the language writes it: "53,66"
 * in Vietnamese, "53.66" in English. */
void rep_rate_text(int bp, enum report_lang lang, char *buf, size_t len);
/* The summary paragraph, in the language r57 speaks now. */
char *rep_summary_now(const struct report_doc *d);
/* A row's name: "(none)" for the tasks without one; numbered: "1. Name". */
const char *rep_row_name(const struct words *w, const struct report_row *r, char *buf,
                         size_t len, bool numbered);
/* The figures of a selection, labelled, in every format's order. */
void rep_figure_lines(const struct words *w, const struct figures *a,
                      struct figure_line out[N_FIGURE_LINES]);
/* User text passed through escape, as a string; newly allocated. */
char *rep_escaped(void (*escape)(FILE *, const char *), const char *user);

/* report_page.c */
void rep_write_html(FILE *f, const struct report_doc *d, const struct words *w);
void rep_write_md(FILE *f, const struct report_doc *d, const struct words *w);

#endif
