/* import.h: r57 import FILE: the task lists people keep in spreadsheets
 * (CSV with a header row in Vietnamese or English) and r57's own export
 * (CSV or JSON), brought in as ONE action: one journal entry, one undo,
 * all rows or none. docs/import.md says what is read, how rows are matched
 * to the tasks already there, and what a second import of the same file
 * does (nothing). */
#ifndef R57_IMPORT_H
#define R57_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/store.h"
#include "r57/r57.h"

/* The fields of a task as a file gives them. */
enum import_field {
	IMP_ID, IMP_UUID, IMP_TITLE, IMP_NOTES, IMP_GROUP, IMP_GROUP_NUMBER,
	IMP_LEADER, IMP_UNIT, IMP_UNITS, IMP_SOURCE, IMP_YEAR, IMP_DUE,
	IMP_FIRST_DUE, IMP_EXTENSIONS, IMP_STATUS, IMP_ON_TIME, IMP_PRODUCT,
	IMP_RESULT, IMP_CREATED, IMP_CLOSED,
	IMP_FIELDS
};
/* Its English key: "title", "first_due", ... */
const char *import_field_key(enum import_field f);

/* What the import does (or, in a dry run, would do), as it goes. */
enum import_what {
	IMPORT_IGNORED_COLUMN, /* name: the header; line, col: where */
	IMPORT_CREATE,         /* ref, name */
	IMPORT_GROUPS,         /* the groups are set to the file's list (n) */
	IMPORT_ADD,            /* task, line, name: the title */
	IMPORT_CHANGE,         /* task, line, name: the title; fields */
};

struct import_event {
	enum import_what what;
	enum ref_kind ref;
	const char *name;
	long line, col;
	int64_t task;
	unsigned fields;       /* bit (1u << enum import_field) per changed field */
	int n;
};

struct import_opts {
	const char *path;
	bool dry_run;          /* do everything but write */
	void (*on_event)(const struct import_event *e, void *ctx);
	void *ctx;
};

struct import_result {
	bool json;             /* the file was read as JSON */
	int64_t rows, added, changed, unchanged;
	int64_t created[4];    /* by enum ref_kind */
	int64_t seq;           /* the journal entry; 0 if nothing was written */
};

/* Read path, check every row, then write them all in one transaction and
 * one journal entry ("import FILE: N added, M changed"), or nothing at all.
 * Errors name the file, the line and column, the field and the value. When
 * every row already matches its task as it is, nothing is written (seq 0). */
int import_file(struct r57 *r, const struct import_opts *o,
                struct import_result *res, struct r57_err *err);

#endif
