/* import_int.h: what the files of r57 import (import.c and its passes,
 * import_*.c) share and nothing else sees: the state of one import (struct
 * imp), a row as read and as parsed, and the functions one part calls in
 * another. */
#ifndef R57_CORE_IMPORT_INT_H
#define R57_CORE_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/hash.h"
#include "r57/import.h"
#include "r57/limits.h"
#include "r57/r57.h"
#include "r57/store.h"

struct csv_reader;
struct json_in;
struct store_io;
/* The limits are those of every writer (limits.h). */
#define MAX_TITLE R57_TITLE_MAX
#define MAX_NAME R57_NAME_MAX
#define MAX_TEXT R57_TEXT_MAX
#define MAX_RECORD R57_RECORD_MAX

/* --- where a value is, and errors that say so ----------------------------------- */

struct ipos {
	long line, col;
};

struct cell {
	const char *text;   /* as read; "" when empty or null */
	struct ipos at;
	bool present;       /* the file has this field (a column, a key) */
};

struct in_row {
	struct ipos at;     /* where the row begins */
	struct cell c[IMP_FIELDS];
	bool is_list;       /* JSON: units as an array */
	char **list;
	struct ipos *list_at;
	int n_list;
};

/* --- the sources: CSV and JSON ---------------------------------------------------- */

struct src {
	bool json;
	FILE *f;
	/* CSV */
	struct csv_reader *csv;
	int *col_field;     /* per column: the field, or -1 */
	size_t ncols;
	char *label[IMP_FIELDS];
	/* JSON */
	struct json_in *js;
	int state;          /* 0 before, 1 in the object, 2 in "tasks", 3 done */
	bool need_comma, first_task, seen_tasks;
	char *val[IMP_FIELDS];
	char **list;
	struct ipos *list_at;
	int n_list, cap_list;
	char **groups;
	int n_groups;
	bool has_groups;
	struct ipos groups_at;
};

struct rec {
	int64_t task;       /* the task it matched; 0: a new task */
	int64_t new_id;     /* a new task's id */
	int64_t file_id;    /* the file's "id", 0 if none */
	int64_t unit, leader;
	uint64_t check;     /* title and uuid, to see the file is the same in pass 2 */
	r57_day due;
	int key;            /* the database's tasks with the same title and group */
	int next;           /* the next row with that key */
	long line;
};

/* Groups, leaders, units, sources: what is there, and what the file names
 * that is not (provisional negative ids until pass 2 creates them). */
struct refent {
	char *name;
	int64_t id;
	int position;
	int next_cf;        /* the next entry with the same case-folded name */
	bool announced;
};

struct refs {
	struct refent *e;
	int n, cap, n_new;
	struct smap cf;     /* case-folded name -> first entry */
	struct smap alias;  /* a name as written -> its entry, once resolved */
};

struct dbtask {
	int64_t id, unit, leader;
	r57_day due;
	int next;
	bool used;
};

struct dbkey {
	int first, last;    /* tasks with this key, in id order */
	int row_first, row_last;
};

struct imp {
	struct r57 *r;
	const struct import_opts *o;
	struct import_result *res;
	char *spath;
	struct src src;
	bool noting;        /* this pass notes how to match rows (pass 1) */
	bool applying;      /* this pass adds and changes tasks (pass 2) */
	bool writing;       /* ... and writes them (not a dry run) */
	int64_t top;        /* the largest task id given so far */
	struct store_io *io;
	struct refs refs[4];
	struct rec *recs;
	size_t nrecs, cap_recs, row_ix;
	struct smap uuids;  /* uuid -> index of its row */
	int64_t *claimed;
	size_t n_claimed, cap_claimed;
	bool db_loaded;
	struct dbtask *dbt;
	size_t n_dbt, cap_dbt;
	struct dbkey *keys;
	size_t n_keys, cap_keys;
	struct smap keymap; /* "group\x1ftitle" -> key */
	struct smap status_seen; /* a status cell as written -> its status */
	struct smap date_seen;   /* a date cell as written -> its day + 1 */
	int64_t tasks0, max_id0;
	bool restore_groups;
	bool groups_done;   /* one pass: the groups' list was applied, or not */
	struct r57_err *err;
	unsigned char rnd[4096]; /* random bytes for new uuids */
	size_t rnd_at;
};

/* "FILE: line L, column C (FIELD): 'VALUE' MESSAGE; nothing was imported":
 * the field as the file names it, the value made safe and cut short.
 * MESSAGE (already translated) says what is wrong with the value, which
 * comes first in both languages: "'31/02/2025' is a date that does not
 * exist", "'31/02/2025' là ngày không có thật". */
int imp_fail_at(struct imp *im, struct ipos at, int field, const char *value,
                enum r57_code code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* --- reading one row's values -------------------------------------------------- */

/* A row's values, checked and resolved. */
struct prow {
	char uuid[37];
	bool has_uuid;
	int64_t file_id;
	char *text[IMP_FIELDS];   /* title, notes, product, result: NFC, trimmed; NULL = empty */
	int64_t ref[4];           /* by enum ref_kind: > 0 there, < 0 to create, 0 none */
	int64_t *units;
	int n_units;
	int year, extensions;
	r57_day due, first_due, closed, created;
	enum task_status status;
	bool status_given;
};

/* --- what one part calls in another ------------------------------------------- */

/* import.c: a field's name as the file gives it (the CSV header), else
 * its English key. */
const char *imp_label_of(struct imp *im, int field);

/* import_csv.c: find the header row and map its columns (at each start);
 * the next row: 1, 0 at the end, or minus an error code. */
int imp_csv_header(struct imp *im);
int imp_csv_row(struct imp *im, struct in_row *row);

/* import_json.c: the same for r57's JSON export; _clear drops the values
 * of the last task read. */
void imp_json_row_clear(struct src *s);
int imp_json_row(struct imp *im, struct in_row *row);

/* import_check.c: small tools on text, and one row's values checked into
 * p (free it with imp_prow_clear, also after a failure). */
bool imp_all_digits(const char *s);
size_t imp_count_chars(const char *s);
char *imp_fold_words(const char *s, bool drop_parens);
char *imp_clean(struct imp *im, const char *raw);
void imp_prow_clear(struct prow *p);
int imp_parse_row(struct imp *im, const struct in_row *row, struct prow *p);

/* import_refs.c: the database's names, loaded once and freed; a row's
 * leader, unit, group or source (f, of kind k) and its coordinating units
 * resolved into p; the JSON export's groups applied before its first task
 * in a one-pass import. */
int imp_load_refs(struct imp *im);
void imp_refs_free(struct refs *rs);
int imp_ref_field(struct imp *im, const struct in_row *row, int f, enum ref_kind k,
                  struct prow *p);
int imp_units_field(struct imp *im, const struct in_row *row, struct prow *p);
int imp_groups_first(struct imp *im);

/* import_match.c: what makes a row the same in pass 2 (title and uuid);
 * a row noted in pass 1; a new task's id; after pass 1, every row matched
 * to its task or given an id. */
uint64_t imp_row_check(const struct prow *p);
int imp_note_row(struct imp *im, const struct in_row *row, const struct prow *p);
void imp_give_id(struct imp *im, struct rec *r);
void imp_decide(struct imp *im);

/* import_write.c: a row added or changed (pass 2), or told (a dry run). */
int imp_apply_row(struct imp *im, const struct in_row *row, const struct prow *p, struct rec *r);

#endif
