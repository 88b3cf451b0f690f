/* store_io.c: SQL for export and import. Export reads every task in one
 * pass and merges in the coordinating units from a second, ordered pass,
 * so that 100,000 tasks cost two statements, not 100,000. Import runs the
 * same few statements for every row: they are prepared once and reused,
 * inside the import's single transaction (no per-row commit, no per-row
 * fsync). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/store_io.h"
#include "store_int.h"

/* --- export ---------------------------------------------------------------- */

#define EXPORT_SELECT \
	"SELECT t.id, t.uuid, t.title, t.notes, t.product, t.result," \
	" t.group_id, t.leader_id, t.unit_id, t.source_id," \
	" g.position, g.name, l.name, u.name, s.code," \
	" t.year, t.due, t.first_due, t.closed, t.created, t.extensions, t.status, t.updated" \
	" FROM task t" \
	" LEFT JOIN task_group g ON g.id = t.group_id" \
	" LEFT JOIN leader l ON l.id = t.leader_id" \
	" LEFT JOIN unit u ON u.id = t.unit_id" \
	" LEFT JOIN source s ON s.id = t.source_id" \
	" ORDER BY t.id"

#define UNITS_SELECT \
	"SELECT tu.task_id, un.name FROM task_unit tu JOIN unit un ON un.id = tu.unit_id" \
	" ORDER BY tu.task_id, tu.id"

static void read_export_task(sqlite3_stmt *s, struct task *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	const unsigned char *u = sqlite3_column_text(s, 1);
	if (u)
		strncpy(t->uuid, (const char *)u, sizeof t->uuid - 1);
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
	t->year = sqlite3_column_int(s, 15);
	t->due = store_col_day(s, 16);
	t->first_due = store_col_day(s, 17);
	t->closed = store_col_day(s, 18);
	t->created = store_col_day(s, 19);
	t->extensions = sqlite3_column_int(s, 20);
	if (!task_status_parse((const char *)sqlite3_column_text(s, 21), &t->status))
		t->status = TASK_OPEN;
	t->updated = store_col_dup(s, 22);
}

int sqlite_store_io_each_task(struct store *st, io_task_fn each, void *ctx,
                       struct r57_err *err)
{
	sqlite3_stmt *ts = NULL, *us = NULL;
	char **names = NULL;
	int cap = 0, rc, tstep, ustep;

	if ((rc = store_prepare(st, EXPORT_SELECT, &ts, err)) ||
	    (rc = store_prepare(st, UNITS_SELECT, &us, err)))
		goto out;
	ustep = sqlite3_step(us);
	while ((tstep = sqlite3_step(ts)) == SQLITE_ROW) {
		struct task t;
		int n = 0;
		read_export_task(ts, &t);
		/* The units of tasks before this one belong to tasks that no
		 * longer exist in this pass (none, in one transaction); skip. */
		while (ustep == SQLITE_ROW && sqlite3_column_int64(us, 0) < t.id)
			ustep = sqlite3_step(us);
		while (ustep == SQLITE_ROW && sqlite3_column_int64(us, 0) == t.id) {
			if (n == cap) {
				int ncap = cap ? cap * 2 : 8;
				char **grown = realloc(names, (size_t)ncap * sizeof *names);
				if (!grown) {
					task_clear(&t);
					rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
					goto out;
				}
				names = grown;
				cap = ncap;
			}
			names[n++] = store_col_dup(us, 1);
			ustep = sqlite3_step(us);
		}
		int stop = each(&t, (const char *const *)names, n, ctx);
		for (int i = 0; i < n; i++)
			free(names[i]);
		task_clear(&t);
		if (stop) {
			rc = stop;
			goto out;
		}
	}
	if (tstep != SQLITE_DONE || (ustep != SQLITE_ROW && ustep != SQLITE_DONE))
		rc = store_sqlerr(st, err, N_("reading the tasks"));
out:
	free(names);
	sqlite3_finalize(ts);
	sqlite3_finalize(us);
	return rc;
}

/* --- import ---------------------------------------------------------------- */

int sqlite_store_io_task_stats(struct store *st, int64_t *count, int64_t *max_id,
                        struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"SELECT (SELECT count(*) FROM task), max(coalesce((SELECT max(id) FROM task), 0),"
		" coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'task'), 0))", &s, err);
	if (rc)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*count = sqlite3_column_int64(s, 0);
		*max_id = sqlite3_column_int64(s, 1);
	} else {
		rc = store_sqlerr(st, err, N_("counting tasks"));
	}
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_io_each_key(struct store *st, io_key_fn each, void *ctx,
                      struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st,
		"SELECT id, title, group_id, leader_id, unit_id, due FROM task ORDER BY id", &s, err);
	if (rc)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct io_task_key k = {
			.id = sqlite3_column_int64(s, 0),
			.title = (const char *)sqlite3_column_text(s, 1),
			.group_id = sqlite3_column_int64(s, 2),
			.leader_id = sqlite3_column_int64(s, 3),
			.unit_id = sqlite3_column_int64(s, 4),
			.due = store_col_day(s, 5),
		};
		if (!k.title)
			k.title = "";
		if ((rc = each(&k, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the tasks"));
	sqlite3_finalize(s);
	return rc;
}

enum io_stmt {
	IO_FIND_UUID,
	IO_READ,
	IO_READ_UNITS,
	IO_UPDATE,
	IO_UNIT_REMOVE,
	IO_GROUP_POSITION,
	IO_COUNT
};

/* OR ROLLBACK: a conflict ends the whole import's transaction (the import
 * stops at the first error anyway). */
static const char *const io_sql[IO_COUNT] = {
	[IO_FIND_UUID] = "SELECT id FROM task WHERE uuid = ?",
	[IO_READ] = "SELECT uuid, title, notes, product, result, group_id, leader_id, unit_id,"
	            " source_id, year, due, first_due, extensions, status, closed, created, updated"
	            " FROM task WHERE id = ?",
	[IO_READ_UNITS] = "SELECT unit_id FROM task_unit WHERE task_id = ? ORDER BY id",
	[IO_UPDATE] = "UPDATE OR ROLLBACK task SET uuid = ?1, title = ?2, notes = ?3, product = ?4,"
	              " result = ?5, group_id = ?6, leader_id = ?7, unit_id = ?8, source_id = ?9,"
	              " year = ?10, due = ?11, first_due = ?12, extensions = ?13, status = ?14,"
	              " closed = ?15, created = ?16, updated = ?17 WHERE id = ?18",
	[IO_UNIT_REMOVE] = "DELETE FROM task_unit WHERE task_id = ? AND unit_id = ?",
	[IO_GROUP_POSITION] = "UPDATE task_group SET position = ? WHERE id = ?",
};

#define TASK_COLS "uuid, title, notes, product, result, group_id, leader_id, unit_id," \
	" source_id, year, due, first_due, extensions, status, closed, created, updated, id"
#define TASK_PARAMS 18
#define TASK_VALUES "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

/* New tasks and coordinating units are written in batches, many rows per
 * INSERT: the journal's triggers (json_object) make SQLite keep a
 * statement journal for every statement, and one statement for 128 rows
 * copies each page once instead of 128 times. Tasks are always written
 * before the units that name them, so the journal records them in that
 * order and an undo deletes the units first. Units wait in a queue until
 * a whole batch of them names tasks already written: only the last,
 * short batches of an import need statements of their own size (each
 * prepare compiles the triggers again). */
#define TASK_BATCH 128
/* The page cache of an import, in KiB: enough for the journal's indexes
 * and the rightmost pages of the tables, well under the 50 MB an import
 * may use. */
#define IO_CACHE_KIB 16000
#define UNIT_BATCH 512

struct pending_task {
	struct task_row r;
	int64_t id;
	char *title, *notes, *product, *result;
};

struct store_io {
	struct store *st;
	sqlite3_stmt *s[IO_COUNT];
	sqlite3_stmt *task_batch, *unit_batch;
	int old_cache, old_temp;
	struct store_bulk bulk;
	char *now;
	struct pending_task tasks[TASK_BATCH];
	int n_tasks;
	int64_t (*units)[2]; /* the queue: task, unit */
	int n_units, cap_units;
	int ready_units;     /* the first ones, whose tasks are written */
};

/* "INSERT ... VALUES (...), (...), ..." for n rows. */
static char *batch_sql(const char *start, const char *values, int n)
{
	size_t len = strlen(start) + (size_t)n * (strlen(values) + 1) + 1;
	char *sql = malloc(len);
	if (!sql)
		return NULL;
	size_t at = (size_t)snprintf(sql, len, "%s", start);
	for (int i = 0; i < n; i++)
		at += (size_t)snprintf(sql + at, len - at, "%s%s", i ? "," : "", values);
	return sql;
}

static int prepare_batch(struct store *st, const char *start, const char *values, int n,
                         sqlite3_stmt **out, struct r57_err *err)
{
	char *sql = batch_sql(start, values, n);
	if (!sql)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	int rc = store_prepare(st, sql, out, err);
	free(sql);
	return rc;
}

#define TASK_INSERT "INSERT OR ROLLBACK INTO task(" TASK_COLS ") VALUES "
#define UNIT_INSERT "INSERT OR ROLLBACK INTO task_unit(task_id, unit_id) VALUES "

int sqlite_store_io_open(struct store *st, struct store_io **out, struct r57_err *err)
{
	struct store_io *io = calloc(1, sizeof *io);
	if (!io)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	io->st = st;
	sqlite3_stmt *c;
	if (store_prepare(st, "PRAGMA temp_store", &c, NULL) == R57_OK) {
		if (sqlite3_step(c) == SQLITE_ROW)
			io->old_temp = sqlite3_column_int(c, 0);
		sqlite3_finalize(c);
	}
	/* The statement journals (above) in memory, not in a temporary file:
	 * this must be set before the transaction begins. The index sorts of
	 * store_io_bulk_end go there too. */
	io->old_cache = store_cache_set(st, IO_CACHE_KIB);
	sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	/* Changing temp_store deletes the connection's TEMP triggers, which
	 * keep the search index right (store_search.c): make them again, so a small
	 * import leaves the index up to date. */
	int rc = store_search_triggers(st, err);
	for (int i = 0; i < IO_COUNT && !rc; i++)
		rc = store_prepare(st, io_sql[i], &io->s[i], err);
	if (!rc)
		rc = prepare_batch(st, TASK_INSERT, TASK_VALUES, TASK_BATCH, &io->task_batch, err);
	if (!rc)
		rc = prepare_batch(st, UNIT_INSERT, "(?,?)", UNIT_BATCH, &io->unit_batch, err);
	if (rc) {
		sqlite_store_io_close(io);
		return rc;
	}
	*out = io;
	return R57_OK;
}

static void drop_pending(struct store_io *io)
{
	for (int i = 0; i < io->n_tasks; i++) {
		struct pending_task *p = &io->tasks[i];
		free(p->title);
		free(p->notes);
		free(p->product);
		free(p->result);
	}
	io->n_tasks = 0;
	io->n_units = io->ready_units = 0;
}

void sqlite_store_io_close(struct store_io *io)
{
	if (!io)
		return;
	drop_pending(io);
	for (int i = 0; i < IO_COUNT; i++)
		sqlite3_finalize(io->s[i]);
	sqlite3_finalize(io->task_batch);
	sqlite3_finalize(io->unit_batch);
	char pragma[64];
	store_cache_back(io->st, io->old_cache);
	snprintf(pragma, sizeof pragma, "PRAGMA temp_store = %d", io->old_temp);
	sqlite3_exec(io->st->db, pragma, NULL, NULL, NULL);
	/* (that deleted the search triggers again; the connection goes on) */
	store_search_triggers(io->st, NULL);
	store_bulk_free(&io->bulk);
	free(io->now);
	free(io->units);
	free(io);
}

int sqlite_store_io_bulk_begin(struct store_io *io, struct r57_err *err)
{
	/* The indexes of task and task_unit that r57's built-in schema makes
	 * dropped now and made again from that same text in store_io_bulk_end;
	 * the search index is made again by the next search, in one sorted
	 * pass (docs/storage.md). */
	return store_bulk_begin(io->st, &io->bulk, err);
}

int sqlite_store_io_bulk_end(struct store_io *io, struct r57_err *err)
{
	int rc = sqlite_store_io_flush(io, err);
	if (!rc)
		rc = store_bulk_indexes(io->st, &io->bulk, err);
	store_bulk_free(&io->bulk);
	return rc;
}

int sqlite_store_io_snapshot(struct store_io *io, struct r57_err *err)
{
	return store_exec(io->st, "BEGIN", err);
}

/* A statement ready for new bindings. */
static sqlite3_stmt *stmt(struct store_io *io, enum io_stmt which)
{
	sqlite3_stmt *s = io->s[which];
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

int sqlite_store_io_find_uuid(struct store_io *io, const char *uuid, int64_t *id,
                       struct r57_err *err)
{
	sqlite3_stmt *s = stmt(io, IO_FIND_UUID);
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int step = sqlite3_step(s);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_sqlerr(io->st, err, N_("finding a task"));
	return R57_OK;
}

int sqlite_store_io_read(struct store_io *io, int64_t id, struct task *t,
                  int64_t **units, int *n_units, struct r57_err *err)
{
	sqlite3_stmt *s = stmt(io, IO_READ);
	*units = NULL;
	*n_units = 0;
	memset(t, 0, sizeof *t);
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step != SQLITE_ROW) {
		sqlite3_reset(s);
		if (step == SQLITE_DONE)
			return r57_fail(err, R57_ENOTFOUND, _("task #%lld does not exist"), (long long)id);
		return store_sqlerr(io->st, err, N_("reading a task"));
	}
	t->id = id;
	const unsigned char *u = sqlite3_column_text(s, 0);
	if (u)
		strncpy(t->uuid, (const char *)u, sizeof t->uuid - 1);
	t->title = store_col_dup(s, 1);
	t->notes = store_col_dup(s, 2);
	t->product = store_col_dup(s, 3);
	t->result = store_col_dup(s, 4);
	t->group_id = sqlite3_column_int64(s, 5);
	t->leader_id = sqlite3_column_int64(s, 6);
	t->unit_id = sqlite3_column_int64(s, 7);
	t->source_id = sqlite3_column_int64(s, 8);
	t->year = sqlite3_column_int(s, 9);
	t->due = store_col_day(s, 10);
	t->first_due = store_col_day(s, 11);
	t->extensions = sqlite3_column_int(s, 12);
	if (!task_status_parse((const char *)sqlite3_column_text(s, 13), &t->status))
		t->status = TASK_OPEN;
	t->closed = store_col_day(s, 14);
	t->created = store_col_day(s, 15);
	t->updated = store_col_dup(s, 16);
	sqlite3_reset(s);

	s = stmt(io, IO_READ_UNITS);
	sqlite3_bind_int64(s, 1, id);
	int cap = 0;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n_units == cap) {
			cap = cap ? cap * 2 : 4;
			int64_t *grown = realloc(*units, (size_t)cap * sizeof **units);
			if (!grown) {
				sqlite3_reset(s);
				task_clear(t);
				free(*units);
				*units = NULL;
				*n_units = 0;
				return r57_fail(err, R57_ENOMEM, _("out of memory"));
			}
			*units = grown;
		}
		(*units)[(*n_units)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (step != SQLITE_DONE) {
		task_clear(t);
		free(*units);
		*units = NULL;
		*n_units = 0;
		return store_sqlerr(io->st, err, N_("reading a task"));
	}
	return R57_OK;
}

/* Bind a task's values to parameters base+1 .. base+18 (the columns of
 * TASK_COLS). The strings must outlive the step. */
static void bind_task(sqlite3_stmt *s, int base, const struct task_row *r, const char *now,
                      int64_t id)
{
	sqlite3_bind_text(s, base + 1, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, base + 2, r->title ? r->title : "", -1, SQLITE_STATIC);
	if (r->notes && *r->notes)
		sqlite3_bind_text(s, base + 3, r->notes, -1, SQLITE_STATIC);
	if (r->product && *r->product)
		sqlite3_bind_text(s, base + 4, r->product, -1, SQLITE_STATIC);
	if (r->result && *r->result)
		sqlite3_bind_text(s, base + 5, r->result, -1, SQLITE_STATIC);
	store_bind_id_or_null(s, base + 6, r->group_id);
	store_bind_id_or_null(s, base + 7, r->leader_id);
	store_bind_id_or_null(s, base + 8, r->unit_id);
	store_bind_id_or_null(s, base + 9, r->source_id);
	if (r->year > 0)
		sqlite3_bind_int(s, base + 10, r->year);
	store_bind_day(s, base + 11, r->due);
	store_bind_day(s, base + 12, r->first_due);
	sqlite3_bind_int(s, base + 13, r->extensions);
	sqlite3_bind_text(s, base + 14, task_status_name(r->status), -1, SQLITE_STATIC);
	store_bind_day(s, base + 15, r->closed);
	store_bind_day(s, base + 16, r->created);
	sqlite3_bind_text(s, base + 17, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, base + 18, id);
}

static int step_done(struct store_io *io, sqlite3_stmt *s, const char *doing, struct r57_err *err)
{
	int step = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (step != SQLITE_DONE)
		return store_sqlerr(io->st, err, doing);
	return R57_OK;
}

static int flush_tasks(struct store_io *io, struct r57_err *err)
{
	int rc = R57_OK;
	if (!io->n_tasks)
		return R57_OK;
	sqlite3_stmt *s = io->task_batch, *own = NULL;
	if (io->n_tasks < TASK_BATCH &&
	    (rc = prepare_batch(io->st, TASK_INSERT, TASK_VALUES, io->n_tasks, &own, err))) {
		drop_pending(io);
		return rc;
	}
	if (own)
		s = own;
	for (int i = 0; i < io->n_tasks; i++)
		bind_task(s, i * TASK_PARAMS, &io->tasks[i].r, io->now, io->tasks[i].id);
	rc = step_done(io, s, N_("adding tasks"), err);
	sqlite3_finalize(own);
	for (int i = 0; i < io->n_tasks; i++) {
		struct pending_task *p = &io->tasks[i];
		free(p->title);
		free(p->notes);
		free(p->product);
		free(p->result);
	}
	io->n_tasks = 0;
	if (rc)
		io->n_units = io->ready_units = 0;
	else
		io->ready_units = io->n_units;
	return rc;
}

/* Write the first n queued units (n <= UNIT_BATCH; their tasks are
 * written) and take them off the queue. */
static int write_units(struct store_io *io, int n, struct r57_err *err)
{
	sqlite3_stmt *s = io->unit_batch, *own = NULL;
	int rc;
	if (n < UNIT_BATCH && (rc = prepare_batch(io->st, UNIT_INSERT, "(?,?)", n, &own, err))) {
		io->n_units = io->ready_units = 0;
		return rc;
	}
	if (own)
		s = own;
	for (int i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 2 * i + 1, io->units[i][0]);
		sqlite3_bind_int64(s, 2 * i + 2, io->units[i][1]);
	}
	rc = step_done(io, s, N_("adding coordinating units"), err);
	sqlite3_finalize(own);
	if (rc) {
		io->n_units = io->ready_units = 0;
		return rc;
	}
	memmove(io->units, io->units + n, (size_t)(io->n_units - n) * sizeof *io->units);
	io->n_units -= n;
	io->ready_units -= n;
	return R57_OK;
}

/* The whole batches of units that are ready. */
static int write_ready_units(struct store_io *io, struct r57_err *err)
{
	int rc = R57_OK;
	while (!rc && io->ready_units >= UNIT_BATCH)
		rc = write_units(io, UNIT_BATCH, err);
	return rc;
}

/* Everything: the tasks, then every unit (the last ones in a short batch). */
static int flush_units(struct store_io *io, struct r57_err *err)
{
	int rc = flush_tasks(io, err);
	while (!rc && io->n_units > 0)
		rc = write_units(io, io->n_units < UNIT_BATCH ? io->n_units : UNIT_BATCH, err);
	return rc;
}

/* Write what is pending: tasks, then units (a last, short batch gets a
 * statement of its own size). */
int sqlite_store_io_flush(struct store_io *io, struct r57_err *err)
{
	return flush_units(io, err);
}

/* A text field's copy: "" is kept as NULL (the store's empty field), and
 * a copy lost to out of memory is told through *nomem. */
static char *dup_or_null(const char *s, bool *nomem)
{
	char *d = r57_strdup_or_null(s && *s ? s : NULL);
	if (s && *s && !d)
		*nomem = true;
	return d;
}

int sqlite_store_io_insert(struct store_io *io, int64_t id, const struct task_row *r,
                    const char *now, struct r57_err *err)
{
	if (!io->now || strcmp(io->now, now) != 0) {
		int rc = sqlite_store_io_flush(io, err);
		if (rc)
			return rc;
		free(io->now);
		if (!(io->now = strdup(now)))
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	struct pending_task *p = &io->tasks[io->n_tasks];
	bool nomem = false;
	p->r = *r;
	p->id = id;
	p->r.title = p->title = dup_or_null(r->title, &nomem);
	p->r.notes = p->notes = dup_or_null(r->notes, &nomem);
	p->r.product = p->product = dup_or_null(r->product, &nomem);
	p->r.result = p->result = dup_or_null(r->result, &nomem);
	io->n_tasks++;
	if (nomem)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	if (io->n_tasks < TASK_BATCH)
		return R57_OK;
	int rc = flush_tasks(io, err);
	return rc ? rc : write_ready_units(io, err);
}

int sqlite_store_io_update(struct store_io *io, int64_t id, const struct task_row *r,
                    const char *now, struct r57_err *err)
{
	sqlite3_stmt *s = stmt(io, IO_UPDATE);
	bind_task(s, 0, r, now, id);
	return step_done(io, s, N_("changing a task"), err);
}

int sqlite_store_io_unit_add(struct store_io *io, int64_t task, int64_t unit,
                      struct r57_err *err)
{
	if (io->n_units == io->cap_units) {
		int cap = io->cap_units ? io->cap_units * 2 : 2 * UNIT_BATCH;
		int64_t(*grown)[2] = realloc(io->units, (size_t)cap * sizeof *grown);
		if (!grown)
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		io->units = grown;
		io->cap_units = cap;
	}
	io->units[io->n_units][0] = task;
	io->units[io->n_units][1] = unit;
	io->n_units++;
	return R57_OK;
}

static int two_ids(struct store_io *io, enum io_stmt which, int64_t a, int64_t b,
                   const char *doing, struct r57_err *err)
{
	sqlite3_stmt *s = stmt(io, which);
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	return step_done(io, s, doing, err);
}

int sqlite_store_io_unit_remove(struct store_io *io, int64_t task, int64_t unit,
                         struct r57_err *err)
{
	return two_ids(io, IO_UNIT_REMOVE, task, unit, N_("removing a coordinating unit"), err);
}

int sqlite_store_io_group_position(struct store_io *io, int64_t id, int pos,
                            struct r57_err *err)
{
	return two_ids(io, IO_GROUP_POSITION, pos, id, N_("ordering the groups"), err);
}
