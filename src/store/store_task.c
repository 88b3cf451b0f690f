/* store_task.c: task rows on a file: read one, insert, update, delete,
 * and their coordinating units (the lists by filter are store_list.c's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/store_task.h"
#include "r57/i18n.h"
#include "r57/store.h"
#include "r57/text.h"
#include "store_int.h"
#include "store_rows.h"
#include "store_task_cols.h"

static const char *const status_names[] = {
	[TASK_OPEN] = "open", [TASK_DONE] = "done", [TASK_CANCELLED] = "cancelled",
};

const char *task_status_name(enum task_status s)
{
	return status_names[s];
}

bool task_status_parse(const char *s, enum task_status *out)
{
	for (size_t i = 0; i < sizeof status_names / sizeof *status_names; i++)
		if (s && strcmp(s, status_names[i]) == 0) {
			*out = (enum task_status)i;
			return true;
		}
	return false;
}

void task_clear(struct task *t)
{
	free(t->title);
	free(t->notes);
	free(t->product);
	free(t->result);
	free(t->group_name);
	free(t->leader_name);
	free(t->unit_name);
	free(t->source_code);
	free(t->units);
	for (int i = 0; i < t->n_units; i++)
		free(t->unit_list[i]);
	free(t->unit_list);
	free(t->updated);
	memset(t, 0, sizeof *t);
}


void read_task(sqlite3_stmt *s, struct task *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	const unsigned char *u = sqlite3_column_text(s, 1);
	snprintf(t->uuid, sizeof t->uuid, "%s", u ? (const char *)u : "");
	t->title = store_col_dup(s, 2);
	t->notes = store_col_dup(s, 3);
	t->product = store_col_dup(s, 4);
	t->result = store_col_dup(s, 5);
	t->group_id = sqlite3_column_int64(s, 6);
	t->leader_id = sqlite3_column_int64(s, 7);
	t->unit_id = sqlite3_column_int64(s, 8);
	t->source_id = sqlite3_column_int64(s, 9);
	t->group_number = sqlite3_column_int(s, 10);
	t->group_name = store_col_dup(s, 11);
	t->leader_name = store_col_dup(s, 12);
	t->unit_name = store_col_dup(s, 13);
	t->source_code = store_col_dup(s, 14);
	store_units_unpack((const char *)sqlite3_column_text(s, 15), t);
	t->year = sqlite3_column_int(s, 16);
	t->due = store_col_day(s, 17);
	t->first_due = store_col_day(s, 18);
	t->closed = store_col_day(s, 19);
	t->created = store_col_day(s, 20);
	t->extensions = sqlite3_column_int(s, 21);
	const unsigned char *st = sqlite3_column_text(s, 22);
	if (!task_status_parse((const char *)st, &t->status))
		t->status = TASK_OPEN;
	t->updated = store_col_dup(s, 23);
}

static int task_missing(int64_t id, struct r57_err *err)
{
	return r57_fail(err, R57_ENOTFOUND, _("task #%lld does not exist"), (long long)id);
}

int sqlite_store_task_get(struct store *st, int64_t id, struct task *out,
                   struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, TASK_SELECT " WHERE t.id = ?", &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		read_task(s, out);
		rc = R57_OK;
	} else if (step == SQLITE_DONE) {
		rc = task_missing(id, err);
	} else {
		rc = store_sqlerr(st, err, N_("reading a task"));
	}
	sqlite3_finalize(s);
	return rc;
}

static void bind_row(sqlite3_stmt *s, const struct task_row *r, const char *now)
{
	sqlite3_bind_text(s, 1, r->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, r->title ? r->title : "", -1, SQLITE_TRANSIENT);
	store_bind_text_or_null(s, 3, r->notes);
	store_bind_text_or_null(s, 4, r->product);
	store_bind_text_or_null(s, 5, r->result);
	store_bind_id_or_null(s, 6, r->group_id);
	store_bind_id_or_null(s, 7, r->leader_id);
	store_bind_id_or_null(s, 8, r->unit_id);
	store_bind_id_or_null(s, 9, r->source_id);
	if (r->year > 0)
		sqlite3_bind_int(s, 10, r->year);
	else
		sqlite3_bind_null(s, 10);
	store_bind_day(s, 11, r->due);
	store_bind_day(s, 12, r->first_due);
	sqlite3_bind_int(s, 13, r->extensions);
	sqlite3_bind_text(s, 14, task_status_name(r->status), -1, SQLITE_STATIC);
	store_bind_day(s, 15, r->closed);
	store_bind_day(s, 16, r->created);
	sqlite3_bind_text(s, 17, now, -1, SQLITE_TRANSIENT);
}

int sqlite_store_task_insert(struct store *st, const struct task_row *r,
                      const char *now, int64_t *id_out, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"INSERT INTO task(uuid, title, notes, product, result, group_id, leader_id,"
		" unit_id, source_id, year, due, first_due, extensions, status, closed,"
		" created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &s, err);
	if (rc)
		return rc;
	bind_row(s, r, now);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("adding a task"));
	else if (id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_task_update(struct store *st, int64_t id, const struct task_row *r,
                      const char *now, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"UPDATE task SET uuid = ?1, title = ?2, notes = ?3, product = ?4, result = ?5,"
		" group_id = ?6, leader_id = ?7, unit_id = ?8, source_id = ?9, year = ?10,"
		" due = ?11, first_due = ?12, extensions = ?13, status = ?14, closed = ?15,"
		" created = ?16, updated = ?17 WHERE id = ?18", &s, err);
	if (rc)
		return rc;
	bind_row(s, r, now);
	sqlite3_bind_int64(s, 18, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("changing a task"));
	else if (sqlite3_changes(st->db) == 0)
		rc = task_missing(id, err);
	sqlite3_finalize(s);
	return rc;
}

static int exec_id(struct store *st, const char *sql, int64_t a, int64_t b,
                   const char *doing, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, a);
	if (b)
		sqlite3_bind_int64(s, 2, b);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, doing);
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_task_delete(struct store *st, int64_t id, struct r57_err *err)
{
	/* The reminders that named it lose it (the reminder stays); undo of
	 * the deletion brings both back. */
	int rc = exec_id(st, "DELETE FROM reminder_task WHERE task_id = ?", id, 0,
	                 N_("deleting a task"), err);
	if (!rc)
		rc = exec_id(st, "DELETE FROM task_unit WHERE task_id = ?", id, 0,
		             N_("deleting a task"), err);
	if (rc)
		return rc;
	rc = exec_id(st, "DELETE FROM task WHERE id = ?", id, 0, N_("deleting a task"), err);
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = task_missing(id, err);
	return rc;
}

int sqlite_store_task_units(struct store *st, int64_t id, int64_t **ids, int *n,
                     struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "SELECT unit_id FROM task_unit WHERE task_id = ? ORDER BY id", &s, err);
	*ids = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	int cap = 0, step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			int64_t *grown = realloc(*ids, (size_t)cap * sizeof **ids);
			if (!grown) {
				rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
				break;
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading a task"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_task_unit_add(struct store *st, int64_t task, int64_t unit,
                        struct r57_err *err)
{
	return exec_id(st, "INSERT OR IGNORE INTO task_unit(task_id, unit_id) VALUES (?, ?)",
	               task, unit, N_("adding a coordinating unit"), err);
}

int sqlite_store_task_unit_remove(struct store *st, int64_t task, int64_t unit,
                           struct r57_err *err)
{
	return exec_id(st, "DELETE FROM task_unit WHERE task_id = ? AND unit_id = ?",
	               task, unit, N_("removing a coordinating unit"), err);
}

void task_row_from(struct task_row *r, const struct task *t)
{
	memset(r, 0, sizeof *r);
	memcpy(r->uuid, t->uuid, sizeof r->uuid);
	r->title = t->title;
	r->notes = t->notes;
	r->product = t->product;
	r->result = t->result;
	r->group_id = t->group_id;
	r->leader_id = t->leader_id;
	r->unit_id = t->unit_id;
	r->source_id = t->source_id;
	r->year = t->year;
	r->due = t->due;
	r->first_due = t->first_due;
	r->closed = t->closed;
	r->created = t->created;
	r->extensions = t->extensions;
	r->status = t->status;
}

int sqlite_store_data_version(struct store *st, int64_t *v, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "PRAGMA data_version", &s, err);
	if (rc)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW)
		*v = sqlite3_column_int64(s, 0);
	else
		rc = store_sqlerr(st, err, N_("checking for changes"));
	sqlite3_finalize(s);
	return rc;
}

/* A file tells nobody of its changes: the screen polls data_version,
 * which reads nothing but a counter of the open file. */
int sqlite_store_listen(struct store *st, int *fd, bool *anew, struct r57_err *err)
{
	(void)st;
	(void)err;
	*fd = -1;
	*anew = false;
	return R57_OK;
}

int sqlite_store_notified(struct store *st, bool *changed, struct r57_err *err)
{
	(void)st;
	(void)err;
	*changed = false;
	return R57_OK;
}
