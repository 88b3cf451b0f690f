/* out.h: writing user text to stdout and stderr safely: plain lines made
 * safe, tables fitted to the terminal in columns, JSON strings escaped. */
#ifndef R57_OUT_H
#define R57_OUT_H

#include <stdbool.h>
#include <stdio.h>

/* Columns available: the terminal's width when stdout is one, else
 * $COLUMNS, else 0: no limit. */
int out_width(void);

/* Print s made safe (no raw control, escape or bidi characters). */
void out_safe(FILE *f, const char *s);

/* JSON: a string literal with every control, DEL, C1 and bidi character
 * escaped as \uXXXX; NULL prints null. */
void out_json_str(FILE *f, const char *s);

/* TSV: one field, the exact text with a backslash escape for what would
 * break the line or the columns or reach a terminal raw: \\ \t \n \r,
 * and every other control, DEL, C1 and bidi character as \uXXXX (as in
 * JSON). The same bytes to a terminal and to a pipe. */
void out_tsv_str(FILE *f, const char *s);

/* A table: declare columns, add rows of cells, print fitted to width.
 * Flexible columns share what the fixed ones leave; text that does not
 * fit is cut with a visible mark. */
enum col_align { ALIGN_LEFT, ALIGN_RIGHT };
struct table;
struct table *table_new(int ncols);
/* flex: 0 = as wide as the widest cell; n > 0 = share weight n of the rest.
 * min: below this the column is dropped (flexible columns only). */
void table_col(struct table *t, int i, const char *head, enum col_align a,
               int flex, int min);
void table_row(struct table *t, const char *const *cells);
void table_print(struct table *t, FILE *f, int width);

/* Streaming, for tables that may be long: the first `sample` rows are
 * held, and the columns fitted to them and to width, only when one more
 * row comes; from then on each row is printed to f as it comes, in those
 * widths, and nothing is held. A later cell wider than its column is cut
 * with the mark in a flexible column fitted to a width; printed whole
 * otherwise (a fixed column, or width 0: no limit), moving the rest of its
 * row right. table_print then prints only what is still held: a table
 * that never outgrew its sample comes out exactly as without streaming.
 * Call after the columns are declared. */
void table_stream(struct table *t, FILE *f, int width, int sample);
/* The least width of column i once the table streams: the widest value
 * the column can take that a sample may miss (a status word, a date). */
void table_col_floor(struct table *t, int i, int width);
void table_free(struct table *t);

#endif
