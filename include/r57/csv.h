/* csv.h: a streaming RFC 4180 reader for the CSV files people keep in
 * spreadsheets: UTF-8 with or without a byte order mark, CRLF, LF or CR
 * line ends, quoted cells holding the delimiter, doubled quotes and line
 * breaks. It reads one record at a time, so a file of any length takes the
 * memory of its longest record, and it knows the line and column of every
 * byte it has read: each cell carries where it starts, and an error says
 * where the file went wrong.
 *
 * Lines count from 1 and end at LF, CRLF or a lone CR. Columns count
 * characters (Unicode code points, a tab is one) from 1. The byte order
 * mark is not a character. */
#ifndef R57_CSV_H
#define R57_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A place in the file: byte offset from the start of the file (BOM
 * included), line and column. */
struct csv_pos {
	int64_t offset;
	long line, col;
};

struct csv_cell {
	const char *text; /* NUL-terminated, quotes undone; valid UTF-8 */
	size_t len;
	struct csv_pos at; /* its first character (the opening quote if quoted) */
	bool quoted;
};

/* What went wrong and where; what is a constant English message, marked
 * for the catalogue: the caller shows it with _(). cell is the
 * index (from 0) of the cell being read, partial what it held so far
 * (NUL-terminated, valid UTF-8: a character the error cut is left out;
 * valid until the next call). */
struct csv_error {
	struct csv_pos at;
	const char *what;
	size_t cell;
	const char *partial;
};

struct csv_reader;

/* Read from f (not closed by csv_free). delim is ',' or ';', or 0 to take
 * ';' when the first line has a ';' and no ',' outside quotes (spreadsheet
 * programs set to a locale with the decimal comma write ';'). max_record
 * bounds the bytes of one record (0: 1 MiB). NULL when out of memory. */
struct csv_reader *csv_open(FILE *f, char delim, size_t max_record);
void csv_free(struct csv_reader *r);

/* The next record: 1 and the cells (valid until the next call), 0 at the
 * end of the file, -1 on an error (invalid UTF-8, a NUL byte, a quote
 * inside an unquoted cell, a character after a closing quote, a quoted
 * cell never closed, a record over max_record, a read error). After an
 * error the reader is stuck: every later call returns -1 with it. */
int csv_next(struct csv_reader *r, const struct csv_cell **cells, size_t *n,
             struct csv_error *err);

/* True if the file began with a UTF-8 byte order mark (known after the
 * first csv_next). */
bool csv_had_bom(const struct csv_reader *r);
/* The delimiter in use (known after the first csv_next). */
char csv_delim(const struct csv_reader *r);
/* Where the reader is: the position of the next byte it will read. */
struct csv_pos csv_where(const struct csv_reader *r);

#endif
