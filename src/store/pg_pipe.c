/* pg_pipe.c: writes sent ahead of their results (libpq's pipeline mode),
 * for the statements an import or a copy sends by the thousand. Each row
 * stays its own statement, as it was, in the same order: the triggers
 * file the same journal entry, change by change, and a refusal of the
 * server is the same sentence. Only the waiting goes: r57 sends up to
 * PG_PIPE_MAX statements, then one sync, and reads their results at once.
 *
 * Why not COPY FROM STDIN into a temporary table and one INSERT ... SELECT,
 * or multi-row INSERTs: both change the order in which the rows, and so
 * the journal's changes, are written (all tasks, then all units), need a
 * second copy of every column list and its types, and on a server the
 * time of an import goes mostly to the journal's row triggers, which run
 * once a row whichever way the rows come. Measured on 20,000 rows of a
 * CSV over the Unix socket: docs/bench.md. */
#include <stdio.h>

#include "r57/i18n.h"
#include "pg_int.h"

int pg_pipe_send(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *doing,
                 struct r57_err *err)
{
	if (ps->failed || (!ps->piped && PQenterPipelineMode(ps->conn) != 1))
		return pg_do(ps, sql, a, doing, err); /* (it says what is wrong) */
	ps->piped_doing[ps->piped++] = doing;
	if (PQsendQueryParams(ps->conn, sql, a ? a->n : 0, NULL, a ? a->v : NULL, NULL, NULL, 0) != 1)
		return pg_pipe_end(ps, err);
	return ps->piped < PG_PIPE_MAX ? R57_OK : pg_pipe_end(ps, err);
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
	if (failed || !synced || PQstatus(ps->conn) != CONNECTION_OK)
		rc = pg_result_error(ps, failed, failed_doing, err);
	PQclear(failed);
	if (PQstatus(ps->conn) == CONNECTION_OK)
		PQexitPipelineMode(ps->conn);
	else
		ps->failed = true;
	return rc;
}
