/* pg_pipe.c: writes sent ahead of their results (libpq's pipeline mode),
 * for the statements an import or a copy sends by the thousand. Each row
 * stays its own statement, as it was, in the same order: the triggers
 * file the same journal entry, change by change, and a refusal of the
 * server is the same sentence. Only the waiting goes: r57 sends up to
 * PG_PIPE_MAX statements, then one sync, and reads their results at once;
 * each text is prepared once on the connection, so the server parses and
 * plans it once, not once a row.
 *
 * Why not COPY FROM STDIN into a temporary table and one INSERT ... SELECT,
 * or multi-row INSERTs: both change the order in which the rows, and so
 * the journal's changes, are written (all tasks, then all units), need a
 * second copy of every column list and its types, and on a server the
 * time of an import goes mostly to the journal's row triggers, which run
 * once a row whichever way the rows come. Measured over the Unix socket,
 * fsync on (docs/bench.md, "On a PostgreSQL server"): an import of 10,000
 * rows 20.4 s one by one, 9.1 s here; a copy of 10,000 tasks with their
 * history 41.0 s and 11.9 s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "pg_int.h"

void pg_pipe_forget(struct pg_store *ps)
{
	for (int i = 0; i < ps->n_prepared; i++)
		free(ps->prepared[i]);
	ps->n_prepared = 0;
}

/* The name of sql's prepared statement, prepared now (in the pipeline,
 * its result one more to read) when it is new; NULL when the table is
 * full or memory is short (then it is sent as it is). */
static const char *prepared(struct pg_store *ps, const char *sql, int n_params, const char *doing,
                            char name[32])
{
	int i = 0;
	while (i < ps->n_prepared && strcmp(ps->prepared[i], sql) != 0)
		i++;
	if (i < ps->n_prepared) {
		snprintf(name, 32, "r57_pipe_%d", ps->prepared_no[i]);
		return name;
	}
	if (i == PG_PIPE_PREPARED || !(ps->prepared[i] = strdup(sql)))
		return NULL;
	/* a name never given before on this session: after a failure the
	 * table is forgotten, but what the server prepared stays */
	ps->prepared_no[i] = ++ps->prepares;
	snprintf(name, 32, "r57_pipe_%d", ps->prepared_no[i]);
	if (PQsendPrepare(ps->conn, name, sql, n_params, NULL) != 1) {
		free(ps->prepared[i]);
		return NULL;
	}
	ps->n_prepared++;
	ps->piped_doing[ps->piped++] = doing;
	return name;
}

int pg_pipe_send(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *doing,
                 struct r57_err *err)
{
	if (ps->failed || (!ps->piped && PQenterPipelineMode(ps->conn) != 1))
		return pg_do(ps, sql, a, doing, err); /* (it says what is wrong) */
	if (ps->piped + 2 > PG_PIPE_MAX) {
		int rc = pg_pipe_end(ps, err);
		if (rc)
			return rc;
		return pg_pipe_send(ps, sql, a, doing, err);
	}
	int n = a ? a->n : 0;
	char name[32];
	const char *stmt = prepared(ps, sql, n, doing, name);
	ps->piped_doing[ps->piped++] = doing;
	int sent = stmt ? PQsendQueryPrepared(ps->conn, stmt, n, a ? a->v : NULL, NULL, NULL, 0)
	                : PQsendQueryParams(ps->conn, sql, n, NULL, a ? a->v : NULL, NULL, NULL, 0);
	if (sent != 1)
		return pg_pipe_end(ps, err);
	return R57_OK;
}

int pg_pipe_end(struct pg_store *ps, struct r57_err *err)
{
	int n = ps->piped, i = 0, rc = R57_OK;
	ps->piped = 0;
	const char *last = n ? ps->piped_doing[n - 1] : N_("writing");
	/* The first failure is said once every result is read: a session the
	 * server ended gives its error while the connection still looks
	 * good, and is a lost connection only after. */
	PGresult *failed = NULL;
	const char *failed_doing = last;
	bool synced = PQpipelineSync(ps->conn) == 1;
	/* Each statement's result, then NULL; the sync's result last. Two NULLs
	 * in a row, or a connection gone, end it too: nothing more will come. */
	int nulls = 0;
	while (PQstatus(ps->conn) == CONNECTION_OK) {
		PGresult *res = PQgetResult(ps->conn);
		if (!res) {
			if (++nulls > 1)
				break;
			continue;
		}
		nulls = 0;
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (st == PGRES_FATAL_ERROR && !failed) {
			failed = res;
			failed_doing = i < n ? ps->piped_doing[i] : last;
		} else {
			PQclear(res);
		}
		i++;
	}
	if (failed || !synced || PQstatus(ps->conn) != CONNECTION_OK) {
		rc = pg_result_error(ps, failed, failed_doing, err);
		pg_pipe_forget(ps); /* (a prepare may be among what was not run) */
	}
	PQclear(failed);
	if (PQstatus(ps->conn) == CONNECTION_OK)
		PQexitPipelineMode(ps->conn);
	else
		ps->failed = true;
	return rc;
}
