/* export.h: the whole task list as CSV or JSON (r57 export), every field
 * of every task, names rather than ids, in id order, so that r57 import
 * can read it back (docs/import.md). */
#ifndef R57_EXPORT_H
#define R57_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "r57/err.h"

struct store;

enum export_format { EXPORT_CSV, EXPORT_JSON };

struct export_opts {
	enum export_format format;
	bool bom;               /* CSV: begin with a UTF-8 byte order mark */
	bool terminal;          /* CSV: out is a terminal: control and bidi
	                         * characters as placeholders (else exact) */
};

/* The first bytes of every file export_tasks writes (after the byte order
 * mark): how afile recognises a file r57 may replace without --force.
 * NULL-terminated. */
extern const char *const export_signatures[];

/* The header line of the CSV (without the line end). */
extern const char export_csv_header[];

/* Write every task to out; *count is how many. Errors reading the
 * database name it; errors writing out are the caller's to find (ferror). */
int export_tasks(struct store *st, FILE *out, const struct export_opts *o,
                 int64_t *count, struct r57_err *err);

#endif
