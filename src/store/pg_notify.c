/* pg_notify.c: others' changes as the server tells them, for the screen
 * (store_listen, store_notified): LISTEN on r57_change, which the
 * server's trigger entry_notify (pg_schema.sql) sends on at every commit
 * of an action, and the socket the screen waits on beside the keyboard.
 * What a notice says (an entry's seq, its kind, the ids of its tasks) is
 * not read for its values: the screen reads what it shows again, under
 * its own login's rights, so a notice can make it read, never show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "pg_int.h"

/* A server whose r57 init came before entry_notify tells nothing: LISTEN
 * would wait for ever, so such a screen is polled as a file is. */
static int schema_tells(struct pg_store *ps, bool *yes, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(ps, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger"
	                    " WHERE tgrelid = 'r57.entry'::regclass AND tgname = 'entry_notify')",
	                NULL, &res, N_("reading the schema"), err);
	if (rc)
		return rc;
	*yes = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	return R57_OK;
}

int pg_store_listen(struct store *st, int *fd, bool *anew, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	*fd = -1;
	*anew = false;
	if (!pg_reconnect(ps))
		return pg_lost(ps, err);
	if (ps->listen == PG_UNHEARD) {
		bool tells = false;
		int rc = schema_tells(ps, &tells, err);
		if (!rc && tells)
			rc = pg_do(ps, "LISTEN r57_change", NULL, N_("reading"), err);
		if (rc)
			return ps->failed ? rc : R57_OK; /* (refused: polled instead) */
		ps->listen = tells ? PG_LISTENING : PG_DEAF;
		ps->anew = false;
	}
	*anew = ps->anew;
	ps->anew = false;
	if (ps->listen == PG_LISTENING)
		*fd = PQsocket(ps->conn);
	return R57_OK;
}

int pg_store_notified(struct store *st, bool *changed, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	*changed = false;
	if (ps->failed)
		return pg_lost(ps, err);
	if (ps->listen != PG_LISTENING)
		return R57_OK;
	/* (reads what the socket holds, without waiting; notices that came
	 * during the screen's own reads are already queued) */
	if (!PQconsumeInput(ps->conn) || PQstatus(ps->conn) != CONNECTION_OK) {
		ps->failed = true;
		return pg_lost(ps, err);
	}
	int self = PQbackendPID(ps->conn);
	PGnotify *n;
	while ((n = PQnotifies(ps->conn))) {
		/* the screen's own actions are read again as they are done */
		if (n->be_pid != self)
			*changed = true;
		PQfreemem(n);
	}
	return R57_OK;
}
