/* import.c: r57 import FILE. The file is read as a stream, twice:
 *
 *   pass 1  every row is parsed and checked (UTF-8, quotes, dates, status
 *           words, titles, lengths, uuids, names), its leaders, units,
 *           groups and sources are looked up (and noted for creation), and
 *           it is matched to a task: by uuid, else by title and group
 *           (docs/import.md). Nothing is written; the first bad row stops
 *           the import with a message that names the file, the line and
 *           column, the field and the value.
 *   pass 2  inside the same write transaction and under one journal entry,
 *           the rows are read again and written: new tasks inserted with
 *           the ids decided after pass 1, matched tasks updated where the
 *           file differs, missing names created. A dry run does pass 2
 *           without writing.
 *
 * Into a database without tasks there is nothing to match, and one pass
 * does both: each row is checked and written as it is read, and the first
 * bad row rolls the whole transaction back.
 *
 * Memory: one record of a few numbers per row, the names of groups,
 * leaders, units and sources, and (only when the file has rows without a
 * uuid and the database has tasks) the title, group, lead unit, leader and
 * deadline of every task, to match rows against. No SQL here: the store
 * (store_io.c, store_ref.c) does the reading and writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "action.h"
#include "r57/alloc.h"
#include "r57/csv.h"
#include "r57/hash.h"
#include "r57/i18n.h"
#include "r57/import.h"
#include "r57/json_in.h"
#include "r57/limits.h"
#include "r57/namelist.h"
#include "r57/store_io.h"
#include "r57/text.h"

/* The limits are those of every writer (limits.h). */
#define MAX_TITLE R57_TITLE_MAX
#define MAX_NAME R57_NAME_MAX
#define MAX_TEXT R57_TEXT_MAX
#define MAX_RECORD R57_RECORD_MAX
#define HEADER_SEARCH 10 /* lines in which to look for the header row */
#define TIER_LIMIT 4000000.0
#define BULK_MIN 5000    /* new tasks for which indexes are built at the end */
#define BULK_MIN_BYTES (512 * 1024) /* ... or, in one pass, the size of the file */
#define SEEN_MAX 4096    /* status words and dates remembered as read */

static const char *const field_keys[IMP_FIELDS] = {
	[IMP_ID] = "id", [IMP_UUID] = "uuid", [IMP_TITLE] = "title", [IMP_NOTES] = "notes",
	[IMP_GROUP] = "group", [IMP_GROUP_NUMBER] = "group_number", [IMP_LEADER] = "leader",
	[IMP_UNIT] = "unit", [IMP_UNITS] = "units", [IMP_SOURCE] = "source", [IMP_YEAR] = "year",
	[IMP_DUE] = "due", [IMP_FIRST_DUE] = "first_due", [IMP_EXTENSIONS] = "extensions",
	[IMP_STATUS] = "status", [IMP_ON_TIME] = "on_time", [IMP_PRODUCT] = "product",
	[IMP_RESULT] = "result", [IMP_CREATED] = "created", [IMP_CLOSED] = "closed",
};

const char *import_field_key(enum import_field f)
{
	return field_keys[f];
}

/* Header names, folded (lower case, no diacritics, words joined by one
 * space, anything in parentheses dropped), and the field each one means.
 * The English keys of r57's export are here too. */
static const struct {
	const char *name;
	int field;
} headers[] = {
	{ "id", IMP_ID }, { "uuid", IMP_UUID },
	{ "title", IMP_TITLE }, { "task", IMP_TITLE }, { "nhiem vu", IMP_TITLE },
	{ "ten nhiem vu", IMP_TITLE }, { "noi dung nhiem vu", IMP_TITLE }, { "noi dung", IMP_TITLE },
	{ "notes", IMP_NOTES }, { "ghi chu", IMP_NOTES },
	{ "group", IMP_GROUP }, { "nhom nhiem vu", IMP_GROUP }, { "nhom nhiem vu trong tam", IMP_GROUP },
	{ "nhom", IMP_GROUP },
	{ "group_number", IMP_GROUP_NUMBER },
	{ "leader", IMP_LEADER }, { "nguoi phu trach", IMP_LEADER }, { "lanh dao phu trach", IMP_LEADER },
	{ "lanh dao", IMP_LEADER },
	{ "unit", IMP_UNIT }, { "don vi chu tri", IMP_UNIT }, { "co quan chu tri", IMP_UNIT },
	{ "units", IMP_UNITS }, { "don vi phoi hop", IMP_UNITS }, { "co quan phoi hop", IMP_UNITS },
	{ "source", IMP_SOURCE }, { "nguon", IMP_SOURCE }, { "van ban", IMP_SOURCE },
	{ "van ban giao nhiem vu", IMP_SOURCE },
	{ "year", IMP_YEAR }, { "nam", IMP_YEAR }, { "nam ke hoach", IMP_YEAR },
	{ "due", IMP_DUE }, { "deadline", IMP_DUE }, { "thoi han", IMP_DUE },
	{ "thoi han hoan thanh", IMP_DUE }, { "han hoan thanh", IMP_DUE },
	{ "first_due", IMP_FIRST_DUE }, { "thoi han ban dau", IMP_FIRST_DUE },
	{ "extensions", IMP_EXTENSIONS }, { "so lan gia han", IMP_EXTENSIONS },
	{ "status", IMP_STATUS }, { "trang thai", IMP_STATUS }, { "tinh trang", IMP_STATUS },
	{ "on_time", IMP_ON_TIME },
	{ "product", IMP_PRODUCT }, { "san pham", IMP_PRODUCT },
	{ "result", IMP_RESULT }, { "ket qua", IMP_RESULT }, { "ket qua thuc hien", IMP_RESULT },
	{ "created", IMP_CREATED }, { "ngay tao", IMP_CREATED }, { "ngay giao", IMP_CREATED },
	{ "closed", IMP_CLOSED }, { "ngay hoan thanh", IMP_CLOSED },
};

/* Status words, folded as headers are (but words in parentheses kept). */
static const struct {
	const char *word;
	enum task_status status;
} status_words[] = {
	{ "open", TASK_OPEN }, { "overdue", TASK_OPEN }, { "within", TASK_OPEN },
	{ "in progress", TASK_OPEN }, { "not done", TASK_OPEN }, { "pending", TASK_OPEN },
	{ "dang trien khai", TASK_OPEN }, { "dang thuc hien", TASK_OPEN },
	{ "chua hoan thanh", TASK_OPEN }, { "chua thuc hien", TASK_OPEN },
	{ "chua trien khai", TASK_OPEN }, { "trong han", TASK_OPEN }, { "qua han", TASK_OPEN },
	{ "dang trien khai trong han", TASK_OPEN }, { "dang trien khai qua han", TASK_OPEN },
	{ "dang thuc hien trong han", TASK_OPEN }, { "dang thuc hien qua han", TASK_OPEN },
	{ "chua hoan thanh trong han", TASK_OPEN }, { "chua hoan thanh qua han", TASK_OPEN },
	{ "done", TASK_DONE }, { "completed", TASK_DONE }, { "complete", TASK_DONE },
	{ "da hoan thanh", TASK_DONE }, { "hoan thanh", TASK_DONE },
	{ "hoan thanh dung han", TASK_DONE }, { "hoan thanh qua han", TASK_DONE },
	{ "hoan thanh tre han", TASK_DONE }, { "hoan thanh truoc han", TASK_DONE },
	{ "da hoan thanh dung han", TASK_DONE }, { "da hoan thanh qua han", TASK_DONE },
	{ "da hoan thanh tre han", TASK_DONE }, { "da hoan thanh truoc han", TASK_DONE },
	{ "hoan thanh va vuot", TASK_DONE }, { "da xong", TASK_DONE }, { "xong", TASK_DONE },
	{ "cancelled", TASK_CANCELLED }, { "canceled", TASK_CANCELLED },
	{ "da huy", TASK_CANCELLED }, { "huy", TASK_CANCELLED }, { "huy bo", TASK_CANCELLED },
	{ "da huy bo", TASK_CANCELLED }, { "dung thuc hien", TASK_CANCELLED },
	{ "khong thuc hien", TASK_CANCELLED },
};

/* --- small tools -------------------------------------------------------------- */

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* A header or a status word as compared: folded (lower case, no
 * diacritics), every run of other than letters, digits and '_' one space,
 * parenthesised parts dropped when drop_parens. Newly allocated. */
static char *fold_words(const char *s, bool drop_parens)
{
	char *f = text_fold(s);
	if (!f)
		return r57_xstrdup("");
	char *out = r57_xmalloc(strlen(f) + 1);
	size_t n = 0;
	int depth = 0;
	bool space = false;
	for (const char *p = f; *p; p++) {
		char c = *p;
		if (drop_parens && c == '(') {
			depth++;
			continue;
		}
		if (drop_parens && c == ')' && depth > 0) {
			depth--;
			continue;
		}
		if (depth)
			continue;
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		            (unsigned char)c >= 0x80;
		if (!word) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = c;
	}
	out[n] = '\0';
	free(f);
	return out;
}

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

static const char *label_of(struct imp *im, int field)
{
	if (!im->src.json && im->src.label[field])
		return im->src.label[field];
	return field_keys[field];
}

/* "FILE: line L, column C (FIELD): 'VALUE' MESSAGE; nothing was imported":
 * the field as the file names it, the value made safe and cut short.
 * MESSAGE (already translated) says what is wrong with the value, which
 * comes first in both languages: "'31/02/2025' is a date that does not
 * exist", "'31/02/2025' là ngày không có thật". */
static int fail_at(struct imp *im, struct ipos at, int field, const char *value,
                   enum r57_code code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
static int fail_at(struct imp *im, struct ipos at, int field, const char *value,
                   enum r57_code code, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *lab = field >= 0 ? text_fit(label_of(im, field), 40, false) : NULL;
	char *val = value ? text_fit(value, 40, false) : NULL;
	char *head = NULL;
	int n;
	if (at.line > 0 && lab)
		n = asprintf(&head, _("%s: line %ld, column %ld (%s)"), im->spath, at.line, at.col, lab);
	else if (at.line > 0)
		n = asprintf(&head, _("%s: line %ld, column %ld"), im->spath, at.line, at.col);
	else if (lab)
		n = asprintf(&head, _("%s (%s)"), im->spath, lab);
	else
		n = asprintf(&head, "%s", im->spath);
	if (n < 0)
		abort();
	int rc = val ? r57_fail(im->err, code, _("%s: '%s' %s; nothing was imported"), head, val, msg)
	             : r57_fail(im->err, code, _("%s: %s; nothing was imported"), head, msg);
	free(head);
	free(lab);
	free(val);
	return rc;
}

static int fail_nomem(struct imp *im)
{
	return r57_fail(im->err, R57_ENOMEM, _("out of memory"));
}

/* --- CSV source --------------------------------------------------------------- */

static struct ipos from_csv(struct csv_pos p)
{
	return (struct ipos){ p.line, p.col };
}

static int csv_fail(struct imp *im, const struct csv_error *e)
{
	int field = -1;
	if (im->src.col_field && e->cell < im->src.ncols)
		field = im->src.col_field[e->cell];
	const char *partial = e->partial && *e->partial ? e->partial : NULL;
	if (partial)
		return fail_at(im, from_csv(e->at), field, NULL, R57_EINPUT, _("%s (the cell so far: '%s')"),
		               _(e->what), partial);
	return fail_at(im, from_csv(e->at), field, NULL, R57_EINPUT, "%s", _(e->what));
}

/* The header: the first of the first lines with a title column. */
static int csv_header(struct imp *im)
{
	struct src *s = &im->src;
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e;
	for (int line = 0; line < HEADER_SEARCH; line++) {
		int got = csv_next(s->csv, &cells, &n, &e);
		if (got < 0)
			return csv_fail(im, &e);
		if (got == 0)
			break;
		int *map = r57_xmalloc(n * sizeof *map);
		bool title = false;
		for (size_t i = 0; i < n; i++) {
			char *h = fold_words(cells[i].text, true);
			map[i] = -1;
			for (size_t k = 0; k < sizeof headers / sizeof *headers; k++)
				if (strcmp(h, headers[k].name) == 0)
					map[i] = headers[k].field;
			free(h);
			if (map[i] == IMP_TITLE)
				title = true;
		}
		if (!title) {
			free(map);
			continue;
		}
		/* Two columns for one field would leave the file ambiguous. */
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < i; k++)
				if (map[i] >= 0 && map[i] == map[k]) {
					int f = map[i];
					free(map);
					return fail_at(im, from_csv(cells[i].at), -1, cells[i].text, R57_EINPUT,
					               _("is the %s column a second time (column %zu is too); keep one"),
					               field_keys[f], k + 1);
				}
		s->col_field = map;
		s->ncols = n;
		for (size_t i = 0; i < n; i++) {
			if (map[i] >= 0) {
				s->label[map[i]] = text_normalize(cells[i].text);
				if (!s->label[map[i]])
					s->label[map[i]] = r57_xstrdup(field_keys[map[i]]);
			} else if (im->noting && im->o->on_event && *cells[i].text) {
				struct import_event ev = {
					.what = IMPORT_IGNORED_COLUMN, .name = cells[i].text,
					.line = cells[i].at.line, .col = cells[i].at.col,
				};
				im->o->on_event(&ev, im->o->ctx);
			}
		}
		return R57_OK;
	}
	return fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EINPUT,
	               _("no header row with a title column (Nhi\xe1\xbb\x87m v\xe1\xbb\xa5 or title) in its first %d lines"),
	               HEADER_SEARCH);
}

/* The next row: 1, 0 at the end, or an error code (negative). */
static int csv_row(struct imp *im, struct in_row *row)
{
	struct src *s = &im->src;
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e;
	for (;;) {
		int got = csv_next(s->csv, &cells, &n, &e);
		if (got < 0)
			return -csv_fail(im, &e);
		if (got == 0)
			return 0;
		bool empty = true;
		for (size_t i = 0; i < n && empty; i++)
			for (const char *p = cells[i].text; *p && empty; p++)
				if (*p != ' ' && *p != '\t')
					empty = false;
		if (empty)
			continue; /* a blank line, or a row of empty cells */
		memset(row, 0, sizeof *row);
		row->at = from_csv(cells[0].at);
		for (size_t i = s->ncols; i < n; i++)
			if (*cells[i].text)
				return -fail_at(im, from_csv(cells[i].at), -1, cells[i].text, R57_EINPUT,
				                _("is in column %zu, but the header has %zu columns (a comma in a cell that is not quoted?)"),
				                i + 1, s->ncols);
		for (size_t i = 0; i < s->ncols; i++) {
			int f = s->col_field[i];
			if (f < 0)
				continue;
			struct cell *c = &row->c[f];
			c->present = true;
			if (i < n) {
				c->text = cells[i].text;
				c->at = from_csv(cells[i].at);
			} else {
				/* A short row: the missing cells are empty. */
				c->text = "";
				c->at = from_csv(cells[n - 1].at);
			}
		}
		return 1;
	}
}

/* --- JSON source ------------------------------------------------------------------ */

static struct ipos from_json(struct json_pos p)
{
	return (struct ipos){ p.line, p.col };
}

static int json_fail(struct imp *im, const struct json_error *e)
{
	return fail_at(im, from_json(e->at), -1, NULL, R57_EINPUT, "%s", _(e->what));
}

static int jnext(struct imp *im, struct json_token *t)
{
	struct json_error e;
	if (json_next(im->src.js, t, &e))
		return json_fail(im, &e);
	return R57_OK;
}

/* wanted: an English message marked N_(), or punctuation such as "':'". */
static int junexpected(struct imp *im, const struct json_token *t, const char *wanted)
{
	return fail_at(im, from_json(t->at), -1, NULL, R57_EINPUT, _("expected %s, found %s"),
	               _(wanted), json_type_name(t->type));
}

/* Inside a JSON object or array, t holds the token after a member (or
 * after the opening bracket, when first). Past the first member a comma
 * must come; the token after it is read into t. */
static int jseparator(struct imp *im, struct json_token *t, bool first, enum json_type close)
{
	if (first)
		return R57_OK;
	if (t->type != JSON_COMMA)
		return junexpected(im, t, close == JSON_OBJ_END ? N_("',' or '}'") : N_("',' or ']'"));
	return jnext(im, t);
}

static int jexpect(struct imp *im, struct json_token *t, enum json_type type, const char *wanted)
{
	int rc = jnext(im, t);
	if (rc)
		return rc;
	if (t->type != type)
		return junexpected(im, t, wanted);
	return R57_OK;
}

static void json_row_clear(struct src *s)
{
	for (int i = 0; i < IMP_FIELDS; i++) {
		free(s->val[i]);
		s->val[i] = NULL;
	}
	for (int i = 0; i < s->n_list; i++)
		free(s->list[i]);
	s->n_list = 0;
}

/* "groups": [{"number": 1, "name": "..."}, ...] */
static int json_groups(struct imp *im)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	if ((rc = jexpect(im, &t, JSON_ARR_START, N_("'[' (the list of groups)"))))
		return rc;
	s->groups_at = from_json(t.at);
	s->has_groups = true;
	for (int i = 0;; i++) {
		if ((rc = jnext(im, &t)))
			return rc;
		if (t.type == JSON_ARR_END)
			return R57_OK;
		if ((rc = jseparator(im, &t, i == 0, JSON_ARR_END)))
			return rc;
		if (t.type != JSON_OBJ_START)
			return junexpected(im, &t, N_("'{' (a group)"));
		bool number = false;
		char *name = NULL;
		for (int k = 0;; k++) {
			if ((rc = jnext(im, &t)))
				break;
			if (t.type == JSON_OBJ_END)
				break;
			if ((rc = jseparator(im, &t, k == 0, JSON_OBJ_END)))
				break;
			if (t.type != JSON_STRING) {
				rc = junexpected(im, &t, N_("a key"));
				break;
			}
			bool is_number = strcmp(t.text, "number") == 0, is_name = strcmp(t.text, "name") == 0;
			if (!is_number && !is_name) {
				rc = fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT,
				             _("is not a key of a group (number, name)"));
				break;
			}
			if ((is_number && number) || (is_name && name)) {
				rc = fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT, _("is given twice"));
				break;
			}
			struct json_token v;
			if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = jnext(im, &v)))
				break;
			if (is_number) {
				char want[16];
				snprintf(want, sizeof want, "%d", i + 1);
				if (v.type != JSON_NUMBER || strcmp(v.text, want) != 0) {
					rc = fail_at(im, from_json(v.at), -1, v.type == JSON_NUMBER ? v.text : NULL,
					             R57_EINPUT, _("is not the number of the next group, %s (groups are listed in order)"),
					             want);
					break;
				}
				number = true;
			} else {
				if (v.type != JSON_STRING) {
					rc = junexpected(im, &v, N_("a string (the group's name)"));
					break;
				}
				name = text_normalize(v.text);
				if (!name || !*name) {
					rc = fail_at(im, from_json(v.at), -1, NULL, R57_EINPUT, _("a group needs a name"));
					break;
				}
				if (count_chars(name) > MAX_NAME) {
					rc = fail_at(im, from_json(v.at), -1, name, R57_EINPUT,
					             _("is longer than %d characters"), MAX_NAME);
					break;
				}
				if (strchr(name, '\n')) {
					rc = fail_at(im, from_json(v.at), -1, name, R57_EINPUT,
					             _("holds a line break; a name is one line"));
					break;
				}
			}
		}
		if (!rc && !name)
			rc = fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT, _("a group needs a name"));
		if (rc) {
			free(name);
			return rc;
		}
		if (!im->noting) {
			free(name);
			continue;
		}
		s->groups = r57_xrealloc(s->groups, (size_t)(s->n_groups + 1) * sizeof *s->groups);
		s->groups[s->n_groups++] = name;
	}
}

static int field_of_key(const char *key)
{
	for (int i = 0; i < IMP_FIELDS; i++)
		if (strcmp(field_keys[i], key) == 0)
			return i;
	return -1;
}

/* One task object, after its '{'. */
static int json_task(struct imp *im, struct in_row *row, struct json_pos start)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	json_row_clear(s);
	memset(row, 0, sizeof *row);
	row->at = from_json(start);
	for (int k = 0;; k++) {
		if ((rc = jnext(im, &t)))
			return rc;
		if (t.type == JSON_OBJ_END)
			break;
		if ((rc = jseparator(im, &t, k == 0, JSON_OBJ_END)))
			return rc;
		if (t.type != JSON_STRING)
			return junexpected(im, &t, N_("a key"));
		int f = field_of_key(t.text);
		if (f < 0)
			return fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT, _("is not a key of a task"));
		if (row->c[f].present)
			return fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT, _("is given twice in this task"));
		struct json_token v;
		if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = jnext(im, &v)))
			return rc;
		struct cell *c = &row->c[f];
		c->present = true;
		c->at = from_json(v.at);
		c->text = "";
		if (v.type == JSON_NULL)
			continue;
		switch (f) {
		case IMP_ID: case IMP_GROUP_NUMBER: case IMP_YEAR: case IMP_EXTENSIONS:
			if (v.type != JSON_NUMBER)
				return fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a number or null, found %s"),
				               json_type_name(v.type));
			break;
		case IMP_ON_TIME:
			if (v.type != JSON_TRUE && v.type != JSON_FALSE)
				return fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected true, false or null, found %s"),
				               json_type_name(v.type));
			continue;
		case IMP_UNITS:
			if (v.type != JSON_ARR_START)
				return fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a list of names, found %s"),
				               json_type_name(v.type));
			row->is_list = true;
			for (int i = 0;; i++) {
				if ((rc = jnext(im, &t)))
					return rc;
				if (t.type == JSON_ARR_END)
					break;
				if ((rc = jseparator(im, &t, i == 0, JSON_ARR_END)))
					return rc;
				if (t.type != JSON_STRING)
					return junexpected(im, &t, N_("a string (a unit's name)"));
				if (s->n_list == s->cap_list) {
					s->cap_list = s->cap_list ? s->cap_list * 2 : 8;
					s->list = r57_xrealloc(s->list, (size_t)s->cap_list * sizeof *s->list);
					s->list_at = r57_xrealloc(s->list_at, (size_t)s->cap_list * sizeof *s->list_at);
				}
				s->list_at[s->n_list] = from_json(t.at);
				s->list[s->n_list++] = r57_xstrdup(t.text);
			}
			continue;
		default:
			if (v.type != JSON_STRING)
				return fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a string or null, found %s"),
				               json_type_name(v.type));
		}
		s->val[f] = r57_xstrdup(v.text);
		c->text = s->val[f];
	}
	row->list = s->list;
	row->list_at = s->list_at;
	row->n_list = s->n_list;
	return R57_OK;
}

/* The next task of the export: 1, 0 after the last, or -code. */
static int json_row(struct imp *im, struct in_row *row)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	for (;;) {
		switch (s->state) {
		case 0:
			if ((rc = jexpect(im, &t, JSON_OBJ_START, N_("'{' (an r57 export)"))))
				return -rc;
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type != JSON_STRING || strcmp(t.text, "r57_export") != 0)
				return -fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
				                _("not an r57 export: it must begin with {\"r57_export\": 1"));
			if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = jnext(im, &t)))
				return -rc;
			if (t.type != JSON_NUMBER || strcmp(t.text, "1") != 0)
				return -fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
				                _("r57_export is %s: this r57 reads version 1 of its export"),
				                t.type == JSON_NUMBER ? t.text : json_type_name(t.type));
			s->state = 1;
			s->need_comma = true;
			break;
		case 1:
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type == JSON_OBJ_END) {
				if ((rc = jexpect(im, &t, JSON_END, N_("the end of the file"))))
					return -rc;
				if (!s->seen_tasks)
					return -fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
					                _("the export has no \"tasks\""));
				s->state = 3;
				return 0;
			}
			if ((rc = jseparator(im, &t, !s->need_comma, JSON_OBJ_END)))
				return -rc;
			if (t.type != JSON_STRING)
				return -junexpected(im, &t, N_("a key"));
			if (strcmp(t.text, "groups") == 0 && !s->has_groups) {
				if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = json_groups(im)))
					return -rc;
			} else if (strcmp(t.text, "tasks") == 0 && !s->seen_tasks) {
				if ((rc = jexpect(im, &t, JSON_COLON, "':'")) ||
				    (rc = jexpect(im, &t, JSON_ARR_START, N_("'[' (the list of tasks)"))))
					return -rc;
				s->seen_tasks = true;
				s->first_task = true;
				s->state = 2;
			} else {
				return -fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT,
				                _("is not a key of an r57 export (r57_export, groups, tasks), or is given twice"));
			}
			s->need_comma = true;
			break;
		case 2:
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type == JSON_ARR_END) {
				s->state = 1;
				break;
			}
			if ((rc = jseparator(im, &t, s->first_task, JSON_ARR_END)))
				return -rc;
			s->first_task = false;
			if (t.type != JSON_OBJ_START)
				return -junexpected(im, &t, N_("'{' (a task)"));
			if ((rc = json_task(im, row, t.at)))
				return -rc;
			return 1;
		default:
			return 0;
		}
	}
}

/* --- opening and rewinding the file ---------------------------------------------- */

static void src_close(struct src *s)
{
	csv_free(s->csv);
	s->csv = NULL;
	json_free(s->js);
	s->js = NULL;
	free(s->col_field);
	s->col_field = NULL;
	s->ncols = 0;
	for (int i = 0; i < IMP_FIELDS; i++) {
		free(s->label[i]);
		s->label[i] = NULL;
	}
	json_row_clear(s);
}

static void src_free(struct src *s)
{
	src_close(s);
	free(s->list);
	free(s->list_at);
	s->list = NULL;
	s->list_at = NULL;
	s->cap_list = 0;
	for (int i = 0; i < s->n_groups; i++)
		free(s->groups[i]);
	free(s->groups);
	s->groups = NULL;
	s->n_groups = 0;
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

/* Start reading from the beginning (pass 1 and pass 2). */
static int src_start(struct imp *im)
{
	struct src *s = &im->src;
	src_close(s);
	if (fseek(s->f, 0, SEEK_SET) != 0)
		return fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EIO, _("cannot read it again (%s)"),
		               strerror(errno));
	clearerr(s->f);
	if (s->json) {
		s->js = json_open(s->f, MAX_RECORD);
		s->state = 0;
		s->seen_tasks = false;
		s->has_groups = false; /* the list read in pass 1 is kept */
		return s->js ? R57_OK : fail_nomem(im);
	}
	s->csv = csv_open(s->f, 0, MAX_RECORD);
	if (!s->csv)
		return fail_nomem(im);
	return csv_header(im);
}

static int src_row(struct imp *im, struct in_row *row)
{
	return im->src.json ? json_row(im, row) : csv_row(im, row);
}

/* JSON if the first thing in the file (after a BOM and white space) is
 * '{'; CSV otherwise. */
static bool looks_json(FILE *f)
{
	unsigned char head[512];
	size_t n = fread(head, 1, sizeof head, f), i = 0;
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	return i < n && head[i] == '{';
}

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

static void prow_clear(struct prow *p)
{
	for (int i = 0; i < IMP_FIELDS; i++)
		free(p->text[i]);
	free(p->units);
	memset(p, 0, sizeof *p);
}

static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* text_normalize() for the common case, without utf8proc: text made only
 * of U+0000-U+02FF (ASCII, Latin-1, Latin Extended-A and -B, spacing
 * modifiers) and U+1E00-U+1EFF (Latin Extended Additional: Vietnamese's
 * precomposed letters) is its own NFC (every one of them is NFC_QC=Yes,
 * a starter, and no two compose), so only the trimming is left: the same
 * white space text_normalize trims (ASCII's and U+00A0, the only Zs in
 * those ranges). NULL when the text has anything else. s is valid UTF-8. */
static char *fast_normalize(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = 0;
	for (;;) {
		unsigned char c = u[len];
		if (!c)
			break;
		if (c < 0x80)
			len++;
		else if (c >= 0xC2 && c <= 0xCB)
			len += 2;
		else if (c == 0xE1 && u[len + 1] >= 0xB8 && u[len + 1] <= 0xBB)
			len += 3;
		else
			return NULL;
	}
	size_t start = 0, end = len;
	for (;;) {
		if (start < end && (u[start] == ' ' || (u[start] >= '\t' && u[start] <= '\r')))
			start++;
		else if (start + 1 < end && u[start] == 0xC2 && u[start + 1] == 0xA0)
			start += 2;
		else
			break;
	}
	for (;;) {
		if (end > start && (u[end - 1] == ' ' || (u[end - 1] >= '\t' && u[end - 1] <= '\r')))
			end--;
		else if (end >= start + 2 && u[end - 2] == 0xC2 && u[end - 1] == 0xA0)
			end -= 2;
		else
			break;
	}
	char *out = r57_xmalloc(end - start + 1);
	memcpy(out, s + start, end - start);
	out[end - start] = '\0';
	return out;
}

static char *normalize(const char *s)
{
	char *out = fast_normalize(s);
	if (!out)
		out = text_normalize(s);
	return out ? out : r57_xstrdup("");
}

/* A cell's text as stored: the guard r57's CSV export puts before a
 * formula character taken away, line ends made LF, NFC, trimmed. */
static char *clean(struct imp *im, const char *raw)
{
	if (!im->src.json && raw[0] == '\'') {
		/* Quotes, then a formula character: the export put one quote. */
		const char *q = raw;
		while (*q == '\'')
			q++;
		if (formula_start(*q))
			raw++;
	}
	{
		if (strchr(raw, '\r')) {
			char *lf = r57_xmalloc(strlen(raw) + 1);
			size_t n = 0;
			for (const char *p = raw; *p; p++) {
				if (*p == '\r') {
					lf[n++] = '\n';
					if (p[1] == '\n')
						p++;
				} else {
					lf[n++] = *p;
				}
			}
			lf[n] = '\0';
			char *out = normalize(lf);
			free(lf);
			return out;
		}
	}
	return normalize(raw);
}

static int text_field(struct imp *im, const struct in_row *row, int f, size_t max, struct prow *p)
{
	const struct cell *c = &row->c[f];
	if (!c->present)
		return R57_OK;
	char *t = clean(im, c->text);
	if (count_chars(t) > max) {
		int rc = fail_at(im, c->at, f, t, R57_EINPUT, _("is longer than %zu characters"), max);
		free(t);
		return rc;
	}
	if (!*t) {
		free(t);
		t = NULL;
	}
	p->text[f] = t;
	return R57_OK;
}

/* An integer in lo..hi, or 0 when the cell is empty. */
static int int_field(struct imp *im, const struct in_row *row, int f, long long lo, long long hi,
                     long long *out)
{
	const struct cell *c = &row->c[f];
	*out = 0;
	if (!c->present)
		return R57_OK;
	char *t = clean(im, c->text);
	int rc = R57_OK;
	if (*t) {
		char *end;
		errno = 0;
		long long v = all_digits(t) ? strtoll(t, &end, 10) : -1;
		if (!all_digits(t) || errno || v < lo || v > hi)
			rc = fail_at(im, c->at, f, t, R57_EINPUT, _("is not a whole number from %lld to %lld"), lo, hi);
		else
			*out = v;
	}
	free(t);
	return rc;
}

/* dd/mm/yyyy, d/m/yyyy (or with '.' or '-'), yyyy-mm-dd. */
static int date_field(struct imp *im, const struct in_row *row, int f, r57_day *out)
{
	const struct cell *c = &row->c[f];
	*out = R57_NO_DATE;
	if (!c->present)
		return R57_OK;
	char *t = clean(im, c->text);
	int rc = R57_OK;
	/* Deadlines repeat from row to row: each is read once. */
	int *seen = *t ? smap_slot(&im->date_seen, t, false) : NULL;
	if (seen) {
		*out = (r57_day)(*seen - 1);
	} else if (*t) {
		int a, b, y, n = 0;
		char s1, s2;
		bool ok = false;
		if (sscanf(t, "%4d-%2d-%2d%n", &y, &b, &a, &n) == 3 && n == 10 && !t[n] &&
		    t[4] == '-' && t[7] == '-') {
			ok = true;
		} else if (sscanf(t, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &y, &n) == 5 && !t[n] &&
		           s1 == s2 && (s1 == '/' || s1 == '.' || s1 == '-') && strlen(t) >= 8 &&
		           t[strlen(t) - 5] == s1) {
			ok = true;
		}
		for (const char *p = t; ok && *p; p++)
			if (!((*p >= '0' && *p <= '9') || *p == '/' || *p == '.' || *p == '-'))
				ok = false;
		if (!ok)
			rc = fail_at(im, c->at, f, t, R57_EINPUT, _("is not a date (dd/mm/yyyy or yyyy-mm-dd)"));
		else if (y < 1900 || !date_from_ymd(y, b, a, out))
			rc = fail_at(im, c->at, f, t, R57_EINPUT, _("is a date that does not exist"));
		else if (im->date_seen.n < SEEN_MAX)
			*smap_slot(&im->date_seen, t, true) = (int)(*out + 1);
	}
	free(t);
	return rc;
}

/* --- groups, leaders, units, sources -------------------------------------------- */

static int load_ref(const struct ref *r, void *ctx);

struct load_ctx {
	struct refs *refs;
	enum ref_kind k;
};

static int add_entry(struct refs *rs, const char *name, int64_t id, int position)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->e = r57_xrealloc(rs->e, (size_t)rs->cap * sizeof *rs->e);
	}
	int i = rs->n++;
	struct refent *e = &rs->e[i];
	memset(e, 0, sizeof *e);
	e->name = r57_xstrdup(name);
	e->id = id;
	e->position = position;
	char *cf = text_casefold(name);
	int *head = smap_slot(&rs->cf, cf ? cf : name, true);
	e->next_cf = *head;
	*head = i;
	free(cf);
	return i;
}

static int load_ref(const struct ref *r, void *vctx)
{
	struct load_ctx *c = vctx;
	add_entry(c->refs, r->name ? r->name : "", r->id, r->position);
	return 0;
}

static int load_refs(struct imp *im)
{
	for (int k = 0; k < 4; k++) {
		struct load_ctx c = { .refs = &im->refs[k], .k = (enum ref_kind)k };
		int rc = store_ref_list(im->r->st, (enum ref_kind)k, load_ref, &c, im->err);
		if (rc)
			return rc;
	}
	return R57_OK;
}

static void refs_free(struct refs *rs)
{
	for (int i = 0; i < rs->n; i++)
		free(rs->e[i].name);
	free(rs->e);
	smap_free(&rs->cf);
	smap_free(&rs->alias);
	memset(rs, 0, sizeof *rs);
}

/* In pass 2, an entry the file named that is not there yet: create it
 * (or, in a dry run, say it would be), once. */
static int realise(struct imp *im, enum ref_kind k, struct refent *e)
{
	if (!im->applying || e->announced)
		return R57_OK;
	e->announced = true;
	if (im->writing) {
		int64_t id;
		int rc = store_ref_insert(im->r->st, k, e->name, NULL, 0, NULL, &id, im->err);
		if (rc)
			return rc;
		e->id = id;
	}
	im->res->created[k]++;
	if (im->o->on_event) {
		struct import_event ev = { .what = IMPORT_CREATE, .ref = k, .name = e->name };
		im->o->on_event(&ev, im->o->ctx);
	}
	return R57_OK;
}

/* A name as the file writes it (NFC, trimmed, not empty) -> an id. The
 * same name, or one that differs only in case, is the same thing; a name
 * that differs in its diacritics is another (Vietnamese names do). A
 * number in a CSV group column is the group's number. */
static int resolve(struct imp *im, enum ref_kind k, const char *name, const struct cell *c,
                   int field, int64_t *id)
{
	struct refs *rs = &im->refs[k];
	int *hit = smap_slot(&rs->alias, name, false);
	int ix = hit ? *hit : -1;
	if (ix < 0 && k == REF_GROUP && !im->src.json && all_digits(name)) {
		long pos = strtol(name, NULL, 10);
		for (int i = 0; i < rs->n; i++)
			if (rs->e[i].position == pos && rs->e[i].id > 0)
				ix = i;
		if (ix < 0)
			return fail_at(im, c->at, field, name, R57_EINPUT,
			               _("is not the number of a group (see: r57 group list), and a group's name is not a number"));
	}
	if (ix < 0) {
		char *cf = text_casefold(name);
		int *head = smap_slot(&rs->cf, cf ? cf : name, false);
		free(cf);
		int exact = -1, n_exact = 0, folded = -1, n_folded = 0;
		for (int i = head ? *head : -1; i >= 0; i = rs->e[i].next_cf) {
			if (strcmp(rs->e[i].name, name) == 0) {
				exact = i;
				n_exact++;
			}
			folded = i;
			n_folded++;
		}
		if (n_exact > 1 || (n_exact == 0 && n_folded > 1)) {
			char ids[200] = "";
			size_t len = 0;
			for (int i = *head; i >= 0 && len < sizeof ids - 24; i = rs->e[i].next_cf)
				if (n_exact == 0 || strcmp(rs->e[i].name, name) == 0)
					len += (size_t)snprintf(ids + len, sizeof ids - len, "%s#%lld",
					                        len ? ", " : "", (long long)rs->e[i].id);
			/* One whole message per kind, for the translation. */
			switch (k) {
			case REF_GROUP:
				return fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				               _("names more than one group (%s); rename one (r57 group rename)"), ids);
			case REF_LEADER:
				return fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				               _("names more than one leader (%s); rename one (r57 leader rename)"), ids);
			case REF_UNIT:
				return fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				               _("names more than one unit (%s); rename one (r57 unit rename)"), ids);
			default:
				return fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				               _("names more than one source (%s); rename one (r57 source rename)"), ids);
			}
		}
		if (n_exact == 1)
			ix = exact;
		else if (n_folded == 1)
			ix = folded;
		else {
			ix = add_entry(rs, name, -(int64_t)(++rs->n_new), 0);
		}
		*smap_slot(&rs->alias, name, true) = ix;
	}
	int rc = rs->e[ix].id < 0 ? realise(im, k, &rs->e[ix]) : R57_OK;
	if (rc)
		return rc;
	*id = rs->e[ix].id;
	return R57_OK;
}

static int ref_field(struct imp *im, const struct in_row *row, int f, enum ref_kind k,
                     struct prow *p)
{
	const struct cell *c = &row->c[f];
	if (!c->present)
		return R57_OK;
	char *name = clean(im, c->text);
	int rc = R57_OK;
	if (count_chars(name) > MAX_NAME)
		rc = fail_at(im, c->at, f, name, R57_EINPUT, _("is longer than %d characters"), MAX_NAME);
	else if (strchr(name, '\n'))
		rc = fail_at(im, c->at, f, name, R57_EINPUT, _("holds a line break; a name is one line"));
	else if (*name)
		rc = resolve(im, k, name, c, f, &p->ref[k]);
	free(name);
	return rc;
}

static int add_unit(struct imp *im, const char *raw, const struct cell *c, struct prow *p, int *cap)
{
	char *name = clean(im, raw);
	int rc = R57_OK;
	int64_t id = 0;
	if (count_chars(name) > MAX_NAME)
		rc = fail_at(im, c->at, IMP_UNITS, name, R57_EINPUT, _("is longer than %d characters"), MAX_NAME);
	else if (strchr(name, '\n'))
		rc = fail_at(im, c->at, IMP_UNITS, name, R57_EINPUT, _("holds a line break; a name is one line"));
	else if (*name)
		rc = resolve(im, REF_UNIT, name, c, IMP_UNITS, &id);
	free(name);
	if (rc || !id)
		return rc;
	for (int i = 0; i < p->n_units; i++)
		if (p->units[i] == id)
			return R57_OK;
	if (p->n_units == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		p->units = r57_xrealloc(p->units, (size_t)*cap * sizeof *p->units);
	}
	p->units[p->n_units++] = id;
	return R57_OK;
}

/* Coordinating units: a JSON list, or a cell of names separated by ';' or
 * line breaks, ";;" standing for a ';' of a name (namelist.h). At most
 * R57_UNITS_MAX. */
static int units_count(struct imp *im, const struct cell *c, struct prow *p)
{
	if (p->n_units <= R57_UNITS_MAX)
		return R57_OK;
	char n[24];
	snprintf(n, sizeof n, "%d", p->n_units);
	return fail_at(im, c->at, IMP_UNITS, n, R57_EINPUT, _("are more than %d coordinating units"),
	               R57_UNITS_MAX);
}

static int units_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_UNITS];
	int cap = 0, rc;
	if (!c->present)
		return R57_OK;
	if (row->is_list) {
		for (int i = 0; i < row->n_list; i++) {
			struct cell one = { .text = row->list[i], .at = row->list_at[i], .present = true };
			if ((rc = add_unit(im, row->list[i], &one, p, &cap)))
				return rc;
		}
		return units_count(im, c, p);
	}
	size_t pos = 0;
	char *one;
	while (namelist_next(c->text, &pos, &one)) {
		rc = add_unit(im, one, c, p, &cap);
		free(one);
		if (rc)
			return rc;
	}
	return units_count(im, c, p);
}

static int status_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_STATUS];
	if (!c->present)
		return R57_OK;
	char *t = clean(im, c->text);
	int rc = R57_OK;
	/* A file says the same few status words on every row: each is looked
	 * up once (folding the words is the costly part). */
	int *seen = *t ? smap_slot(&im->status_seen, t, false) : NULL;
	if (seen) {
		p->status = (enum task_status)*seen;
		p->status_given = true;
	} else if (*t) {
		char *w = fold_words(t, false);
		bool found = false;
		for (size_t i = 0; i < sizeof status_words / sizeof *status_words && !found; i++)
			if (strcmp(w, status_words[i].word) == 0) {
				p->status = status_words[i].status;
				found = true;
			}
		free(w);
		if (!found)
			rc = fail_at(im, c->at, IMP_STATUS, t, R57_EINPUT,
			             _("is not a status (\xc4\x90\x61ng tri\xe1\xbb\x83n khai, Ch\xc6\xb0\x61 ho\xc3\xa0n th\xc3\xa0nh,"
			               " \xc4\x90\xc3\xa3 ho\xc3\xa0n th\xc3\xa0nh, Ho\xc3\xa0n th\xc3\xa0nh, \xc4\x90\xc3\xa3 h\xe1\xbb\xa7y;"
			               " or open, done, cancelled)"));
		else if (im->status_seen.n < SEEN_MAX)
			*smap_slot(&im->status_seen, t, true) = (int)p->status;
		p->status_given = found;
	}
	free(t);
	return rc;
}

static int uuid_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_UUID];
	if (!c->present)
		return R57_OK;
	char *t = clean(im, c->text);
	int rc = R57_OK;
	if (*t) {
		uuid_t u;
		if (strlen(t) != 36 || uuid_parse(t, u) != 0) {
			rc = fail_at(im, c->at, IMP_UUID, t, R57_EINPUT,
			             _("is not a uuid (such as 0b5c3e9a-6f1d-4c2b-9a7e-3d8f1e2a4b6c)"));
		} else {
			uuid_unparse_lower(u, p->uuid);
			p->has_uuid = true;
		}
	}
	free(t);
	return rc;
}

/* Read and check one row (both passes). */
static int parse_row(struct imp *im, const struct in_row *row, struct prow *p)
{
	long long v;
	int rc;
	memset(p, 0, sizeof *p);
	p->status = TASK_OPEN;
	if ((rc = uuid_field(im, row, p)) ||
	    (rc = int_field(im, row, IMP_ID, 1, 9007199254740991LL, &v)))
		return rc;
	p->file_id = v;
	if ((rc = text_field(im, row, IMP_TITLE, MAX_TITLE, p)))
		return rc;
	if (!p->text[IMP_TITLE]) {
		const struct cell *c = &row->c[IMP_TITLE];
		return fail_at(im, c->present ? c->at : row->at, IMP_TITLE, NULL, R57_EINPUT,
		               _("a task needs a title"));
	}
	if ((rc = text_field(im, row, IMP_NOTES, MAX_TEXT, p)) ||
	    (rc = text_field(im, row, IMP_PRODUCT, MAX_TEXT, p)) ||
	    (rc = text_field(im, row, IMP_RESULT, MAX_TEXT, p)) ||
	    (rc = ref_field(im, row, IMP_GROUP, REF_GROUP, p)) ||
	    (rc = ref_field(im, row, IMP_LEADER, REF_LEADER, p)) ||
	    (rc = ref_field(im, row, IMP_UNIT, REF_UNIT, p)) ||
	    (rc = units_field(im, row, p)) ||
	    (rc = ref_field(im, row, IMP_SOURCE, REF_SOURCE, p)) ||
	    (rc = int_field(im, row, IMP_GROUP_NUMBER, 1, 1000000, &v)) ||
	    (rc = int_field(im, row, IMP_YEAR, 1900, 9999, &v)))
		return rc;
	p->year = (int)v;
	if ((rc = int_field(im, row, IMP_EXTENSIONS, 0, 100000, &v)))
		return rc;
	p->extensions = (int)v;
	if ((rc = date_field(im, row, IMP_DUE, &p->due)) ||
	    (rc = date_field(im, row, IMP_FIRST_DUE, &p->first_due)) ||
	    (rc = date_field(im, row, IMP_CREATED, &p->created)) ||
	    (rc = date_field(im, row, IMP_CLOSED, &p->closed)) ||
	    (rc = status_field(im, row, p)))
		return rc;
	/* No status word: done when the file gives a completion date. */
	if (!p->status_given && p->closed != R57_NO_DATE)
		p->status = TASK_DONE;
	const struct cell *cl = &row->c[IMP_CLOSED];
	char b1[11], b2[11];
	if (p->closed != R57_NO_DATE && p->status == TASK_OPEN)
		return fail_at(im, cl->at, IMP_CLOSED, date_dmy(p->closed, b1), R57_EINPUT,
		               _("is a completion date for a task that is not done (%s)"),
		               row->c[IMP_STATUS].text ? row->c[IMP_STATUS].text : "");
	if (p->closed != R57_NO_DATE && p->closed > im->r->today)
		return fail_at(im, cl->at, IMP_CLOSED, date_dmy(p->closed, b1), R57_EINPUT,
		               _("is after today (%s); a task is closed on the day it was done"),
		               date_dmy(im->r->today, b2));
	return R57_OK;
}

/* --- matching rows to tasks ---------------------------------------------------------- */

static char *key_string(int64_t group, const char *title)
{
	char *k = NULL;
	if (asprintf(&k, "%lld\x1f%s", (long long)group, title) < 0)
		abort();
	return k;
}

static int load_key(const struct io_task_key *k, void *vctx)
{
	struct imp *im = vctx;
	if (im->n_dbt == im->cap_dbt) {
		im->cap_dbt = im->cap_dbt ? im->cap_dbt * 2 : 1024;
		im->dbt = r57_xrealloc(im->dbt, im->cap_dbt * sizeof *im->dbt);
	}
	int ti = (int)im->n_dbt++;
	struct dbtask *t = &im->dbt[ti];
	t->id = k->id;
	t->unit = k->unit_id;
	t->leader = k->leader_id;
	t->due = k->due;
	t->next = -1;
	t->used = false;
	char *ks = key_string(k->group_id, k->title);
	int *slot = smap_slot(&im->keymap, ks, true);
	free(ks);
	if (*slot < 0) {
		if (im->n_keys == im->cap_keys) {
			im->cap_keys = im->cap_keys ? im->cap_keys * 2 : 1024;
			im->keys = r57_xrealloc(im->keys, im->cap_keys * sizeof *im->keys);
		}
		*slot = (int)im->n_keys;
		im->keys[im->n_keys++] = (struct dbkey){ .first = ti, .last = ti, .row_first = -1, .row_last = -1 };
	} else {
		struct dbkey *key = &im->keys[*slot];
		im->dbt[key->last].next = ti;
		key->last = ti;
	}
	return 0;
}

static struct rec *new_rec(struct imp *im)
{
	if (im->nrecs == im->cap_recs) {
		im->cap_recs = im->cap_recs ? im->cap_recs * 2 : 1024;
		im->recs = r57_xrealloc(im->recs, im->cap_recs * sizeof *im->recs);
	}
	struct rec *r = &im->recs[im->nrecs++];
	memset(r, 0, sizeof *r);
	r->key = -1;
	r->next = -1;
	return r;
}

static uint64_t row_check(const struct prow *p)
{
	uint64_t h = hash_str(p->text[IMP_TITLE]);
	return hash_bytes(p->uuid, strlen(p->uuid), h);
}

/* Pass 1 for one row: note how to match it. */
static int note_row(struct imp *im, const struct in_row *row, const struct prow *p)
{
	struct rec *r = new_rec(im);
	int ix = (int)(im->nrecs - 1);
	r->line = row->at.line;
	r->check = row_check(p);
	r->file_id = p->file_id;
	r->unit = p->ref[REF_UNIT];
	r->leader = p->ref[REF_LEADER];
	r->due = p->due;
	if (p->has_uuid) {
		int *seen = smap_slot(&im->uuids, p->uuid, true);
		if (*seen >= 0)
			return fail_at(im, row->c[IMP_UUID].at, IMP_UUID, p->uuid, R57_EINPUT,
			               _("is on line %ld too; a task is in a file once"), im->recs[*seen].line);
		*seen = ix;
		if (im->tasks0 == 0)
			return R57_OK;
		int rc = store_io_find_uuid(im->io, p->uuid, &r->task, im->err);
		if (rc)
			return rc;
		if (r->task) {
			if (im->n_claimed == im->cap_claimed) {
				im->cap_claimed = im->cap_claimed ? im->cap_claimed * 2 : 256;
				im->claimed = r57_xrealloc(im->claimed, im->cap_claimed * sizeof *im->claimed);
			}
			im->claimed[im->n_claimed++] = r->task;
		}
		return R57_OK;
	}
	/* Without a uuid: the tasks with the same title in the same group
	 * (a group still to be created has none). */
	if (im->tasks0 == 0 || p->ref[REF_GROUP] < 0)
		return R57_OK;
	if (!im->db_loaded) {
		im->db_loaded = true;
		int rc = store_io_each_key(im->r->st, load_key, im, im->err);
		if (rc)
			return rc;
	}
	char *ks = key_string(p->ref[REF_GROUP], p->text[IMP_TITLE]);
	int *slot = smap_slot(&im->keymap, ks, false);
	free(ks);
	if (!slot)
		return R57_OK;
	struct dbkey *key = &im->keys[*slot];
	r->key = *slot;
	if (key->row_last >= 0)
		im->recs[key->row_last].next = ix;
	else
		key->row_first = ix;
	key->row_last = ix;
	return R57_OK;
}

static struct dbtask *dbtask_by_id(struct imp *im, int64_t id)
{
	size_t lo = 0, hi = im->n_dbt;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (im->dbt[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < im->n_dbt && im->dbt[lo].id == id ? &im->dbt[lo] : NULL;
}

/* Pair the rows and the tasks of one key: first those that agree on the
 * lead unit, the leader and the deadline, then on the lead unit, then the
 * rest in order (the n-th row with the next free task). */
static void match_key(struct imp *im, struct dbkey *key)
{
	int nr = 0, nt = 0;
	for (int i = key->row_first; i >= 0; i = im->recs[i].next)
		nr++;
	for (int i = key->first; i >= 0; i = im->dbt[i].next)
		if (!im->dbt[i].used)
			nt++;
	if (!nr || !nt)
		return;
	int *rows = r57_xmalloc((size_t)nr * sizeof *rows), *tasks = r57_xmalloc((size_t)nt * sizeof *tasks);
	nr = nt = 0;
	for (int i = key->row_first; i >= 0; i = im->recs[i].next)
		rows[nr++] = i;
	for (int i = key->first; i >= 0; i = im->dbt[i].next)
		if (!im->dbt[i].used)
			tasks[nt++] = i;
	int tiers = (double)nr * nt <= TIER_LIMIT ? 3 : 1;
	for (int tier = tiers; tier >= 1; tier--) {
		for (int a = 0; a < nr; a++) {
			struct rec *r = &im->recs[rows[a]];
			if (r->task)
				continue;
			for (int b = 0; b < nt; b++) {
				struct dbtask *t = &im->dbt[tasks[b]];
				if (t->used)
					continue;
				if (tier >= 2 && r->unit != t->unit)
					continue;
				if (tier == 3 && (r->leader != t->leader || r->due != t->due))
					continue;
				t->used = true;
				r->task = t->id;
				break;
			}
		}
	}
	free(rows);
	free(tasks);
}

/* The id of a new task: the file's own when it is above every id given so
 * far (by the database, ever, and to the new tasks above it in the file),
 * else the next one. An export read into a new database keeps its ids. */
static void give_id(struct imp *im, struct rec *r)
{
	if (r->file_id > im->top)
		r->new_id = r->file_id;
	else
		r->new_id = im->top + 1;
	im->top = r->new_id;
}

/* After pass 1: which task each row changes, and the id of each new one. */
static void decide(struct imp *im)
{
	for (size_t i = 0; i < im->n_claimed; i++) {
		struct dbtask *t = dbtask_by_id(im, im->claimed[i]);
		if (t)
			t->used = true;
	}
	for (size_t k = 0; k < im->n_keys; k++)
		if (im->keys[k].row_first >= 0)
			match_key(im, &im->keys[k]);
	for (size_t i = 0; i < im->nrecs; i++)
		if (!im->recs[i].task)
			give_id(im, &im->recs[i]);
}

/* --- pass 2: the rows as tasks ---------------------------------------------------------- */

static bool same_units(const int64_t *a, int na, const int64_t *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		bool found = false;
		for (int j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return false;
	}
	return true;
}

static bool same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

/* A new task's UUID v4 (RFC 9562: 122 random bits), as libuuid's
 * uuid_generate_random makes them, from the kernel's random bytes read
 * 4 KiB at a time rather than one call per task. */
static void new_uuid(struct imp *im, char out[37])
{
	if (im->rnd_at + 16 > sizeof im->rnd) {
		size_t got = 0;
		while (got < sizeof im->rnd) {
			ssize_t n = getrandom(im->rnd + got, sizeof im->rnd - got, 0);
			if (n < 0) {
				if (errno == EINTR)
					continue;
				/* No getrandom(): libuuid finds another way. */
				uuid_t u;
				uuid_generate_random(u);
				uuid_unparse_lower(u, out);
				return;
			}
			got += (size_t)n;
		}
		im->rnd_at = 0;
	}
	uuid_t u;
	memcpy(u, im->rnd + im->rnd_at, 16);
	im->rnd_at += 16;
	u[6] = (unsigned char)((u[6] & 0x0F) | 0x40); /* version 4 */
	u[8] = (unsigned char)((u[8] & 0x3F) | 0x80); /* variant 10 */
	uuid_unparse_lower(u, out);
}

/* The row a task becomes. For a new task, old is NULL. */
static int build(struct imp *im, const struct in_row *row, const struct prow *p,
                 const struct task *old, struct task_row *out)
{
	const struct cell *c = row->c;
	r57_day today = im->r->today;
	if (old) {
		task_row_from(out, old);
	} else {
		memset(out, 0, sizeof *out);
		if (p->has_uuid) {
			memcpy(out->uuid, p->uuid, sizeof out->uuid);
		} else {
			new_uuid(im, out->uuid);
		}
		out->due = out->first_due = out->closed = R57_NO_DATE;
		out->created = today;
		out->status = TASK_OPEN;
	}
	out->title = p->text[IMP_TITLE];
	if (c[IMP_NOTES].present)
		out->notes = p->text[IMP_NOTES];
	if (c[IMP_PRODUCT].present)
		out->product = p->text[IMP_PRODUCT];
	if (c[IMP_RESULT].present)
		out->result = p->text[IMP_RESULT];
	static const int ref_fields[4] = {
		[REF_GROUP] = IMP_GROUP, [REF_LEADER] = IMP_LEADER, [REF_UNIT] = IMP_UNIT, [REF_SOURCE] = IMP_SOURCE,
	};
	int64_t *ids[4] = { &out->group_id, &out->leader_id, &out->unit_id, &out->source_id };
	for (int k = 0; k < 4; k++)
		if (c[ref_fields[k]].present)
			*ids[k] = p->ref[k];

	/* The deadline: r57's export gives the first deadline and the
	 * extensions; a spreadsheet only the deadline in force, so a new one
	 * there is an extension (the first deadline stays on record). */
	if (c[IMP_DUE].present) {
		r57_day due = p->due;
		if (c[IMP_FIRST_DUE].present || c[IMP_EXTENSIONS].present) {
			out->due = due;
			if (c[IMP_FIRST_DUE].present)
				out->first_due = p->first_due != R57_NO_DATE ? p->first_due : due;
			else if (!old)
				out->first_due = due;
			if (c[IMP_EXTENSIONS].present)
				out->extensions = p->extensions;
		} else if (!old) {
			out->due = out->first_due = due;
		} else if (due != old->due) {
			if (old->due == R57_NO_DATE || due == R57_NO_DATE) {
				if (out->extensions == 0)
					out->first_due = due;
			} else {
				if (out->first_due == R57_NO_DATE)
					out->first_due = old->due;
				out->extensions++;
			}
			out->due = due;
		}
	} else if (c[IMP_FIRST_DUE].present && p->first_due != R57_NO_DATE) {
		out->first_due = p->first_due;
	}

	if (c[IMP_YEAR].present && p->year)
		out->year = p->year;
	else if (!old) {
		int y, m, d;
		date_to_ymd(out->due != R57_NO_DATE ? out->due : today, &y, &m, &d);
		out->year = y;
	}
	if (c[IMP_CREATED].present && p->created != R57_NO_DATE)
		out->created = p->created;

	/* Status and completion date, when the file says anything of them. */
	if (c[IMP_STATUS].present || c[IMP_CLOSED].present) {
		out->status = p->status;
		out->closed = p->closed;
		if (p->status == TASK_DONE && p->closed == R57_NO_DATE) {
			if (old && old->status == TASK_DONE) {
				out->closed = old->closed;
			} else {
				struct ipos at = c[IMP_STATUS].present ? c[IMP_STATUS].at : row->at;
				if (c[IMP_CLOSED].present)
					return fail_at(im, at, IMP_STATUS, c[IMP_STATUS].text, R57_EINPUT,
					               _("is done, but the row gives no completion date: give it (dd/mm/yyyy) in %s"),
					               label_of(im, IMP_CLOSED));
				return fail_at(im, at, IMP_STATUS, c[IMP_STATUS].text, R57_EINPUT, "%s",
				               _("is done, but the row gives no completion date: give it (dd/mm/yyyy) in a column"
				                 " Ng\xc3\xa0y ho\xc3\xa0n th\xc3\xa0nh (or closed)"));
			}
		}
		if (p->status == TASK_CANCELLED && p->closed == R57_NO_DATE)
			out->closed = old && old->status == TASK_CANCELLED ? old->closed : today;
	}
	return R57_OK;
}

static unsigned diff(const struct task *old, const struct task_row *n, bool units_differ)
{
	unsigned m = 0;
#define D(cond, f) if (cond) m |= 1u << (f)
	D(!same_text(old->title, n->title), IMP_TITLE);
	D(!same_text(old->notes, n->notes), IMP_NOTES);
	D(!same_text(old->product, n->product), IMP_PRODUCT);
	D(!same_text(old->result, n->result), IMP_RESULT);
	D(old->group_id != n->group_id, IMP_GROUP);
	D(old->leader_id != n->leader_id, IMP_LEADER);
	D(old->unit_id != n->unit_id, IMP_UNIT);
	D(units_differ, IMP_UNITS);
	D(old->source_id != n->source_id, IMP_SOURCE);
	D(old->year != n->year, IMP_YEAR);
	D(old->due != n->due, IMP_DUE);
	D(old->first_due != n->first_due, IMP_FIRST_DUE);
	D(old->extensions != n->extensions, IMP_EXTENSIONS);
	D(old->status != n->status, IMP_STATUS);
	D(old->closed != n->closed, IMP_CLOSED);
	D(old->created != n->created, IMP_CREATED);
	D(strcmp(old->uuid, n->uuid) != 0, IMP_UUID);
#undef D
	return m;
}

/* Pass 2 for one row. */
static int apply_row(struct imp *im, const struct in_row *row, const struct prow *p, struct rec *r)
{
	struct task_row nr;
	int rc;
	if (r->task) {
		struct task old;
		int64_t *units = NULL;
		int n_units = 0;
		if ((rc = store_io_read(im->io, r->task, &old, &units, &n_units, im->err)))
			return rc;
		rc = build(im, row, p, &old, &nr);
		bool units_differ = row->c[IMP_UNITS].present &&
		                    !same_units(p->units, p->n_units, units, n_units);
		unsigned m = rc ? 0 : diff(&old, &nr, units_differ);
		if (!rc && m && im->writing) {
			rc = store_io_update(im->io, r->task, &nr, im->r->now, im->err);
			for (int i = 0; !rc && units_differ && i < n_units; i++) {
				bool keep = false;
				for (int j = 0; j < p->n_units && !keep; j++)
					keep = p->units[j] == units[i];
				if (!keep)
					rc = store_io_unit_remove(im->io, r->task, units[i], im->err);
			}
			for (int j = 0; !rc && units_differ && j < p->n_units; j++) {
				bool have = false;
				for (int i = 0; i < n_units && !have; i++)
					have = p->units[j] == units[i];
				if (!have)
					rc = store_io_unit_add(im->io, r->task, p->units[j], im->err);
			}
		}
		task_clear(&old);
		free(units);
		if (rc)
			return rc;
		if (!m) {
			im->res->unchanged++;
			return R57_OK;
		}
		im->res->changed++;
		if (im->o->on_event) {
			struct import_event ev = { .what = IMPORT_CHANGE, .task = r->task, .line = r->line,
			                           .name = p->text[IMP_TITLE], .fields = m };
			im->o->on_event(&ev, im->o->ctx);
		}
		return R57_OK;
	}
	if ((rc = build(im, row, p, NULL, &nr)))
		return rc;
	if (im->writing) {
		if ((rc = store_io_insert(im->io, r->new_id, &nr, im->r->now, im->err)))
			return rc;
		for (int j = 0; j < p->n_units && !rc; j++)
			rc = store_io_unit_add(im->io, r->new_id, p->units[j], im->err);
		if (rc)
			return rc;
	}
	im->res->added++;
	if (im->o->on_event) {
		struct import_event ev = { .what = IMPORT_ADD, .task = r->new_id, .line = r->line,
		                           .name = p->text[IMP_TITLE] };
		im->o->on_event(&ev, im->o->ctx);
	}
	return R57_OK;
}

/* A JSON export read into a database without tasks brings its key task
 * groups as they were: the file's list, in its order, and no others (the
 * database's unused groups are removed; undo brings them back). */
static int restore_groups(struct imp *im)
{
	struct src *s = &im->src;
	struct refs *rs = &im->refs[REF_GROUP];
	int64_t *ids = r57_xmalloc((size_t)(s->n_groups ? s->n_groups : 1) * sizeof *ids);
	int rc = R57_OK;
	struct cell c = { .at = s->groups_at };
	for (int i = 0; i < s->n_groups && !rc; i++)
		rc = resolve(im, REF_GROUP, s->groups[i], &c, IMP_GROUP, &ids[i]);
	for (int e = 0; e < rs->n && !rc && im->writing; e++) {
		struct refent *ent = &rs->e[e];
		if (ent->id <= 0)
			continue;
		bool listed = false;
		for (int i = 0; i < s->n_groups && !listed; i++)
			listed = ids[i] == ent->id;
		if (!listed) {
			rc = store_ref_delete(im->r->st, REF_GROUP, ent->id, im->err);
			ent->position = 0;
		}
	}
	for (int i = 0; i < s->n_groups && !rc && im->writing; i++)
		rc = store_io_group_position(im->io, ids[i], i + 1, im->err);
	free(ids);
	if (!rc && im->o->on_event) {
		struct import_event ev = { .what = IMPORT_GROUPS, .n = s->n_groups };
		im->o->on_event(&ev, im->o->ctx);
	}
	return rc;
}

/* One pass over the file. */
/* In one pass, the file's list of groups is applied before its first
 * task, when the list comes first (as in r57's export); a list after the
 * tasks is not applied. */
static int groups_first(struct imp *im)
{
	if (im->groups_done)
		return R57_OK;
	im->groups_done = true;
	if (!im->src.has_groups)
		return R57_OK;
	im->restore_groups = true;
	return restore_groups(im);
}

/* One pass over the file: noting (pass 1), applying (pass 2), or both
 * (a CSV file read into a database without tasks: there is nothing to
 * match rows with, so each row is noted and applied as it is read). */
static int pass(struct imp *im, bool noting, bool applying)
{
	struct in_row row;
	struct prow p;
	int rc, got;
	im->noting = noting;
	im->applying = applying;
	im->row_ix = 0;
	if ((rc = src_start(im)))
		return rc;
	while ((got = src_row(im, &row)) > 0) {
		/* One pass over r57's JSON: its groups come before its tasks. */
		if (noting && applying && (rc = groups_first(im)))
			return rc;
		rc = parse_row(im, &row, &p);
		if (!rc && noting) {
			rc = note_row(im, &row, &p);
			im->res->rows++;
			if (!rc && applying) {
				struct rec *r = &im->recs[im->nrecs - 1];
				if (!r->task)
					give_id(im, r);
				rc = apply_row(im, &row, &p, r);
			}
		} else if (!rc) {
			if (im->row_ix >= im->nrecs || im->recs[im->row_ix].check != row_check(&p))
				rc = fail_at(im, row.at, -1, NULL, R57_EIO,
				             _("the file changed while it was being read; import it again"));
			else
				rc = apply_row(im, &row, &p, &im->recs[im->row_ix]);
			im->row_ix++;
		}
		prow_clear(&p);
		if (rc)
			return rc;
	}
	if (got < 0)
		return -got;
	if (noting && applying && (rc = groups_first(im)))
		return rc;
	if (!noting && im->row_ix != im->nrecs)
		return fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EIO,
		               _("the file changed while it was being read; import it again"));
	return R57_OK;
}

static void imp_free(struct imp *im)
{
	src_free(&im->src);
	for (int k = 0; k < 4; k++)
		refs_free(&im->refs[k]);
	free(im->recs);
	smap_free(&im->uuids);
	free(im->claimed);
	free(im->dbt);
	free(im->keys);
	smap_free(&im->keymap);
	smap_free(&im->status_seen);
	smap_free(&im->date_seen);
	store_io_close(im->io);
	free(im->spath);
}

int import_file(struct r57 *r, const struct import_opts *o,
                struct import_result *res, struct r57_err *err)
{
	struct imp im = { .r = r, .o = o, .res = res, .err = err, .rnd_at = sizeof im.rnd };
	struct stat sb;
	int rc;
	memset(res, 0, sizeof *res);
	im.spath = text_safe(o->path, false);
	/* Opened without blocking, and its type checked before a read: a
	 * plain open of a FIFO (or a terminal) waits for a writer for ever. */
	int fd = open(o->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		rc = r57_fail(err, R57_EIO, _("%s: cannot read it (%s); nothing was imported"), im.spath,
		              strerror(errno));
		imp_free(&im);
		return rc;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		rc = r57_fail(err, R57_EIO, _("%s: not a regular file; nothing was imported"), im.spath);
		imp_free(&im);
		return rc;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0 || !(im.src.f = fdopen(fd, "rb"))) {
		rc = r57_fail(err, R57_EIO, _("%s: cannot read it (%s); nothing was imported"), im.spath,
		              strerror(errno));
		close(fd);
		imp_free(&im);
		return rc;
	}
	im.src.json = res->json = looks_json(im.src.f);

	/* A dry run reads; an import holds the write lock (and its journal
	 * entry) from the first look at the database to the commit, so that
	 * what pass 1 checked is what pass 2 writes. */
	int64_t seq = 0;
	if ((rc = store_io_open(r->st, &im.io, err)) ||
	    (rc = o->dry_run ? store_io_snapshot(im.io, err) : action_begin(r, &seq, err))) {
		imp_free(&im);
		return rc;
	}
	if ((rc = store_io_task_stats(r->st, &im.tasks0, &im.max_id0, err)) ||
	    (rc = load_refs(&im)))
		goto out;
	im.top = im.max_id0;
	/* Many new tasks: the indexes are built once at the end rather than
	 * row by row (store_io_bulk_begin). */
	bool bulk = false;
	if (im.tasks0 == 0) {
		/* Nothing to match rows with: one pass does it all. */
		im.writing = !o->dry_run;
		bulk = im.writing && sb.st_size >= BULK_MIN_BYTES;
		if ((bulk && (rc = store_io_bulk_begin(im.io, err))) || (rc = pass(&im, true, true)))
			goto out;
	} else {
		if ((rc = pass(&im, true, false)))
			goto out;
		decide(&im);
		im.writing = !o->dry_run;
		int64_t adds = 0;
		for (size_t i = 0; i < im.nrecs; i++)
			adds += !im.recs[i].task;
		bulk = im.writing && adds >= BULK_MIN && adds >= im.tasks0;
		if ((bulk && (rc = store_io_bulk_begin(im.io, err))) || (rc = pass(&im, false, true)))
			goto out;
	}
	if ((rc = bulk ? store_io_bulk_end(im.io, err) : store_io_flush(im.io, err)))
		goto out;
	if (o->dry_run)
		goto out;
	int64_t created = 0;
	for (int k = 0; k < 4; k++)
		created += res->created[k];
	if (res->added == 0 && res->changed == 0 && created == 0 && !im.restore_groups) {
		/* Every row is as its task already is: write nothing at all. */
		rc = action_end(r, R57_OK, seq, NULL, err);
		goto out;
	}
	char *summary = NULL;
	if (asprintf(&summary, _("import %s: %lld added, %lld changed"), o->path,
	             (long long)res->added, (long long)res->changed) < 0) {
		rc = fail_nomem(&im);
		goto out;
	}
	rc = action_end(r, R57_OK, seq, summary, err);
	free(summary);
	if (!rc)
		res->seq = seq;
out:
	if (o->dry_run)
		store_rollback(r->st); /* the snapshot's read transaction */
	else if (rc)
		rc = action_end(r, rc, seq, NULL, err);
	imp_free(&im);
	return rc;
}
