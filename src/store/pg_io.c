/* pg_io.c: export and import on a PostgreSQL server (store_io.h). Export
 * reads every task in one query and their coordinating units in a second,
 * merged in id order, as store_io.c does. Import writes each row as it is
 * given, inside the import's one transaction: a task before the units
 * that name it, so the journal records them in that order. A new task and
 * its units are sent ahead of their results (pg_pipe.c), hundreds to a
 * round trip; the ids it gives its new tasks are made the server's own at
 * the end (r57.ids_catch_up). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store_io.h"
#include "pg_int.h"

struct store_io {
	struct store *st; /* first: the front reads it (store_front.c) */
	bool inserted;    /* tasks were given ids here: catch the counters up */
};

static struct pg_store *ps_of(struct store_io *io)
{
	return pg_of(io->st);
}

/* --- export ---------------------------------------------------------------- */

#define UNITS_SELECT \
	"SELECT tu.task_id, un.name FROM r57.task_unit tu JOIN r57.unit un ON un.id = tu.unit_id" \
	" ORDER BY tu.task_id, tu.id"

int pg_store_io_each_task(struct store *st, io_task_fn each, void *ctx, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	PGresult *tr = NULL, *ur = NULL;
	/* one snapshot for both queries, whoever writes meanwhile */
	bool own = !ps->in_tx;
	int rc = own ? pg_do(ps, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, N_("reading the tasks"), err)
	             : R57_OK;
	if (!rc && !(rc = pg_run(ps, PG_TASK_SELECT_PLAIN " ORDER BY t.id", NULL, &tr, N_("reading the tasks"), err)))
		rc = pg_run(ps, UNITS_SELECT, NULL, &ur, N_("reading the tasks"), err);
	if (own && !ps->failed)
		PQclear(PQexec(ps->conn, "COMMIT"));
	if (rc) {
		PQclear(tr);
		return rc;
	}
	int nu = PQntuples(ur), u = 0;
	const char **names = malloc(((size_t)nu + 1) * sizeof *names);
	if (!names)
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int r = 0; !rc && r < PQntuples(tr); r++) {
		struct task t;
		pg_read_task(tr, r, &t);
		int n = 0;
		while (u < nu && pg_int(ur, u, 0) < t.id)
			u++;
		while (u < nu && pg_int(ur, u, 0) == t.id)
			names[n++] = PQgetvalue(ur, u++, 1);
		int stop = each(&t, names, n, ctx);
		task_clear(&t);
		if (stop)
			rc = stop;
	}
	free(names);
	PQclear(tr);
	PQclear(ur);
	return rc;
}

/* --- import ---------------------------------------------------------------- */

int pg_store_io_task_stats(struct store *st, int64_t *count, int64_t *max_id, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st),
	                "SELECT (SELECT count(*) FROM r57.task), greatest(coalesce((SELECT max(id) FROM r57.task), 0),"
	                " coalesce(pg_sequence_last_value(pg_get_serial_sequence('r57.task', 'id')::regclass), 0))",
	                NULL, &res, N_("counting tasks"), err);
	if (rc)
		return rc;
	*count = pg_int(res, 0, 0);
	*max_id = pg_int(res, 0, 1);
	PQclear(res);
	return R57_OK;
}

int pg_store_io_each_key(struct store *st, io_key_fn each, void *ctx, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st), "SELECT id, title, group_id, leader_id, unit_id, due FROM r57.task ORDER BY id",
	                NULL, &res, N_("reading the tasks"), err);
	if (rc)
		return rc;
	for (int r = 0; !rc && r < PQntuples(res); r++) {
		struct io_task_key k = {
			.id = pg_int(res, r, 0),
			.title = PQgetvalue(res, r, 1),
			.group_id = pg_int(res, r, 2),
			.leader_id = pg_int(res, r, 3),
			.unit_id = pg_int(res, r, 4),
			.due = pg_day(res, r, 5),
		};
		rc = each(&k, ctx);
	}
	PQclear(res);
	return rc;
}

int pg_store_io_open(struct store *st, struct store_io **out, struct r57_err *err)
{
	struct store_io *io = calloc(1, sizeof *io);
	if (!io)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	io->st = st;
	*out = io;
	return R57_OK;
}

void pg_store_io_close(struct store_io *io)
{
	free(io);
}

/* A read-only snapshot for a dry run: both passes see one state of the
 * server; store_rollback ends it. */
int pg_store_io_snapshot(struct store_io *io, struct r57_err *err)
{
	struct pg_store *ps = ps_of(io);
	int rc = pg_do(ps, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, N_("reading the tasks"), err);
	ps->in_tx = rc == R57_OK;
	return rc;
}

int pg_store_io_find_uuid(struct store_io *io, const char *uuid, int64_t *id, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_text(&a, uuid);
	PGresult *res;
	int rc = pg_run(ps_of(io), "SELECT id FROM r57.task WHERE uuid = $1", &a, &res, N_("finding a task"), err);
	if (rc)
		return rc;
	*id = PQntuples(res) ? pg_int(res, 0, 0) : 0;
	PQclear(res);
	return R57_OK;
}

int pg_store_io_read(struct store_io *io, int64_t id, struct task *t, int64_t **units, int *n_units,
                     struct r57_err *err)
{
	*units = NULL;
	*n_units = 0;
	memset(t, 0, sizeof *t);
	struct pg_args a = { 0 };
	pg_arg_int(&a, id);
	PGresult *res;
	int rc = pg_run(ps_of(io),
	                "SELECT uuid, title, notes, product, result, group_id, leader_id, unit_id,"
	                " source_id, year, due, first_due, extensions, status, closed, created, updated"
	                " FROM r57.task WHERE id = $1", &a, &res, N_("reading a task"), err);
	if (rc)
		return rc;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return r57_fail(err, R57_ENOTFOUND, _("task #%lld does not exist"), (long long)id);
	}
	t->id = id;
	snprintf(t->uuid, sizeof t->uuid, "%s", PQgetvalue(res, 0, 0));
	t->title = pg_dup(res, 0, 1);
	t->notes = pg_dup(res, 0, 2);
	t->product = pg_dup(res, 0, 3);
	t->result = pg_dup(res, 0, 4);
	t->group_id = pg_int(res, 0, 5);
	t->leader_id = pg_int(res, 0, 6);
	t->unit_id = pg_int(res, 0, 7);
	t->source_id = pg_int(res, 0, 8);
	t->year = (int)pg_int(res, 0, 9);
	t->due = pg_day(res, 0, 10);
	t->first_due = pg_day(res, 0, 11);
	t->extensions = (int)pg_int(res, 0, 12);
	if (!task_status_parse(PQgetvalue(res, 0, 13), &t->status))
		t->status = TASK_OPEN;
	t->closed = pg_day(res, 0, 14);
	t->created = pg_day(res, 0, 15);
	t->updated = pg_dup(res, 0, 16);
	PQclear(res);
	if ((rc = pg_store_task_units(io->st, id, units, n_units, err)))
		task_clear(t);
	return rc;
}

int pg_store_io_insert(struct store_io *io, int64_t id, const struct task_row *r, const char *now,
                       struct r57_err *err)
{
	struct pg_row_args ra;
	pg_row_args(&ra, r, now);
	pg_arg_int(&ra.a, id);
	int rc = pg_pipe_send(ps_of(io), "INSERT INTO r57.task(" PG_TASK_COLS ", id) VALUES ($1,$2,$3,$4,$5,"
	                      "$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)", &ra.a,
	                      N_("adding tasks"), err);
	pg_row_args_free(&ra);
	if (!rc)
		io->inserted = true;
	return rc;
}

int pg_store_io_update(struct store_io *io, int64_t id, const struct task_row *r, const char *now,
                       struct r57_err *err)
{
	return pg_store_task_update(io->st, id, r, now, err);
}

/* A focal point's check reads the task, which waits for every write sent
 * before it: only then is it one statement a round trip, as before. */
int pg_store_io_unit_add(struct store_io *io, int64_t task, int64_t unit, struct r57_err *err)
{
	struct pg_store *ps = ps_of(io);
	if (ps->n_focal)
		return pg_store_task_unit_add(io->st, task, unit, err);
	struct pg_args a = { 0 };
	pg_arg_int(&a, task);
	pg_arg_int(&a, unit);
	return pg_pipe_send(ps, "INSERT INTO r57.task_unit(task_id, unit_id) VALUES ($1, $2)"
	                    " ON CONFLICT DO NOTHING", &a, N_("adding a coordinating unit"), err);
}

int pg_store_io_unit_remove(struct store_io *io, int64_t task, int64_t unit, struct r57_err *err)
{
	return pg_store_task_unit_remove(io->st, task, unit, err);
}

/* Every row sent is written (pg_do reads the results still to come
 * first), and the counters of ids catch up with the ids given here
 * before anyone adds a task. */
int pg_store_io_flush(struct store_io *io, struct r57_err *err)
{
	if (!io->inserted)
		return ps_of(io)->piped ? pg_pipe_end(ps_of(io), err) : R57_OK;
	io->inserted = false;
	return pg_do(ps_of(io), "SELECT r57.ids_catch_up()", NULL, N_("adding tasks"), err);
}

/* The server keeps its indexes as it writes; nothing to drop or make. */
int pg_store_io_bulk_begin(struct store_io *io, struct r57_err *err)
{
	(void)io;
	(void)err;
	return R57_OK;
}

int pg_store_io_bulk_end(struct store_io *io, struct r57_err *err)
{
	return pg_store_io_flush(io, err);
}

int pg_store_io_group_position(struct store_io *io, int64_t id, int pos, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, pos);
	pg_arg_int(&a, id);
	return pg_do(ps_of(io), "UPDATE r57.task_group SET position = $1 WHERE id = $2", &a,
	             N_("ordering the groups"), err);
}
