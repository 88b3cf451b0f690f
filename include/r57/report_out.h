/* report_out.h: the status report officials hand in: the figures of a
 * selection as of a date, compared with the previous reporting date, with
 * breakdowns by key task group, lead unit and lead person (units ranked for
 * the year-end emulation review), a summary paragraph in Vietnamese or
 * English, written as text, CSV, JSON, HTML or Markdown. Its words go
 * through gettext like every other message of r57. All writers draw
 * the same struct; user text is made safe and escaped for each format. */
#ifndef R57_REPORT_OUT_H
#define R57_REPORT_OUT_H

#include <stdbool.h>
#include <stdio.h>
#include "r57/i18n.h"
#include "r57/report.h"

struct store;

enum report_format { RF_TEXT, RF_CSV, RF_JSON, RF_HTML, RF_MD };

/* The language r57 speaks now (i18n_lang), as a report language. */
enum report_lang report_lang_now(void);

/* Speak lang (switch the catalogue, i18n_set) until report_lang_leave is
 * given what this returned: the language to go back to. For a report or
 * a notice written in another language than r57 speaks. */
enum r57_lang report_lang_enter(enum report_lang lang);
void report_lang_leave(enum r57_lang was);

struct report_doc {
	struct report groups;          /* the figures and one row per group */
	struct report_row *units;      /* by lead unit, ranked */
	int n_units;
	struct report_row *leaders;    /* by lead person, by name */
	int n_leaders;
	int plan_year;                 /* the year of the as-of date */
	struct figures year_fig;       /* the tasks of that plan year */
	char *selection;               /* the selection in words */
	char *committee;               /* title block; may be NULL */
	enum report_lang lang;
	bool full;                     /* summary and breakdowns computed */
};

/* Compute the report for sel as of as_of (since: the previous reporting
 * date, R57_NO_DATE for the end of the month before). Without full, only
 * the figures and the rows per group (one pass over the tasks, for the
 * terminal); with it, the summary paragraph and the breakdowns by unit and
 * person too. */
int report_doc_compute(struct store *st, const struct selection *sel,
                       r57_day as_of, r57_day since, const char *selection,
                       const char *committee, enum report_lang lang, bool full,
                       struct report_doc *out, struct r57_err *err);
void report_doc_clear(struct report_doc *d);

/* The paragraph to paste into a report, in d->lang: "Tổng số 123 nhiệm
 * vụ; đã hoàn thành 66 nhiệm vụ (đạt 53,66%), trong đó 38/65 nhiệm vụ năm
 * 2025 (58,46%); không có nhiệm vụ quá hạn." Newly allocated. */
char *report_summary(const struct report_doc *d);

/* Write the report in d->lang. width: columns for text (0 = 100). bom: a UTF-8 byte
 * order mark first (CSV, for spreadsheet programs that need it). Returns 0,
 * or -1 when the stream failed. */
int report_write(FILE *f, const struct report_doc *d, enum report_format fmt,
                 int width, bool bom);

/* The text that marks a file of this format as written by r57 (NULL for
 * text, which is never replaced without --force). */
const char *report_signature(enum report_format fmt);

/* "text", "csv", ... -> the format; false if unknown. */
bool report_format_parse(const char *s, enum report_format *out);

#endif
