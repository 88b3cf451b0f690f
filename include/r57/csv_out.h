/* csv_out.h: one CSV cell as r57 writes it (RFC 4180), the one writer of
 * r57 export and of the report's CSV, with the formula guard: a cell that
 * a spreadsheet would run as a formula (= + - @ TAB CR first; OWASP, CSV
 * injection) is made inert with a leading single quote, which r57 import
 * takes away again. */
#ifndef R57_CSV_OUT_H
#define R57_CSV_OUT_H

#include <stdbool.h>
#include <stdio.h>

/* Where the guard goes, by what the file is for. */
enum csv_guard {
	/* r57 export, read back by r57 import: a formula character after any
	 * number of single quotes gets one quote more, and import takes
	 * exactly one away, so every text comes back as it was. */
	CSV_GUARD_ROUNDTRIP,
	/* The report, a document for people: a formula character first gets
	 * a quote, and the cell is quoted. */
	CSV_GUARD_DOCUMENT,
};

/* Does a cell starting with c run as a formula? */
bool csv_out_formula(char c);

/* One cell, s (NULL: empty), then ',' or, when last, CRLF. safe: the text
 * made safe to show (text_safe: control and bidi characters as visible
 * placeholders, line breaks kept), else the bytes as stored. The cell is
 * quoted, its quotes doubled, when it holds a comma, a quote or a line
 * break. Aborts on out of memory. */
void csv_out_cell(FILE *f, const char *s, bool last, bool safe, enum csv_guard g);

#endif
