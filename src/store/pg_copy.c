/* pg_copy.c: r57 copy out of and into a PostgreSQL server (store_copy.h).
 * Out: every row of every table, its values typed as a file types them
 * (change_log's text values by their table's column). In: as the schema's
 * owner (the login that ran r57 init, a member of r57_owner): the
 * journal's triggers file nothing while the rows, which bring their own
 * journal, go in (r57.copying, which only the owner's members may set to
 * effect), the counters of ids moved past them, the folded words of each
 * task written by r57, the entries tied to no transaction (xid 0); the
 * rows sent hundreds to a round trip (pg_pipe.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "pg_int.h"


int pg_store_copy_out(struct store *st, copy_row_fn each, void *ctx, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	/* one snapshot of the whole database, whoever writes meanwhile */
	int rc = pg_do(ps, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, N_("reading"), err);
	for (int t = 0; t < COPY_TABLES && !rc; t++) {
		char *sql = copy_select_sql(t, "r57.");
		PGresult *res;
		rc = pg_run(ps, sql, NULL, &res, N_("reading"), err);
		free(sql);
		if (rc)
			break;
		int n = copy_n_cols(t);
		for (int r = 0; r < PQntuples(res) && !rc; r++) {
			struct copy_cell cells[COPY_MAX_COLS];
			int64_t tbl = t == COPY_CHANGES ? pg_int(res, r, 2) : 0;
			for (int k = 0; k < n; k++) {
				char type = copy_col_type(t, k);
				if (type == 'v')
					type = copy_value_type(tbl, k - 5);
				cells[k].s = PQgetvalue(res, r, k);
				cells[k].i = type == 'i' ? strtoll(cells[k].s, NULL, 10) : 0;
				cells[k].kind = pg_null(res, r, k) ? CELL_NULL : type == 'i' ? CELL_INT : CELL_TEXT;
			}
			rc = each(t, cells, n, ctx);
		}
		PQclear(res);
	}
	if (!ps->failed)
		PQclear(PQexec(ps->conn, "COMMIT"));
	return rc;
}

int pg_store_copy_in_begin(struct store *st, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	int rc = pg_store_begin(st, err);
	if (rc)
		return rc;
	PGresult *res = PQexec(ps->conn, "SET LOCAL ROLE r57_owner");
	bool owner = res && PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
	if (!owner) {
		pg_store_rollback(st);
		char *who = text_safe(ps->login, false);
		rc = r57_fail(err, R57_EDB, _("%s may not copy into the server: only a login that may act as its owner (r57_owner, as the one that ran r57 init) writes a journal as it was"),
		              who);
		free(who);
		return rc;
	}
	if ((rc = pg_run(ps, "SELECT (SELECT count(*) FROM r57.task) + (SELECT count(*) FROM r57.entry"
	                     " WHERE kind <> 'init') + (SELECT count(*) FROM r57.unit)", NULL, &res,
	                 N_("copying"), err))) {
		pg_store_rollback(st);
		return rc;
	}
	bool empty = pg_int(res, 0, 0) == 0;
	PQclear(res);
	if (!empty) {
		pg_store_rollback(st);
		char *safe = text_safe(ps->where, false);
		rc = r57_fail(err, R57_EINPUT, _("%s: holds tasks or a history already; r57 copy writes only into a new database"), safe);
		free(safe);
		return rc;
	}
	/* the journal's triggers file nothing while the rows go in (they
	 * come with their own journal): r57.journal_row reads this */
	rc = pg_do(ps, "SET LOCAL r57.copying = 'on'", NULL, N_("copying"), err);
	for (int t = COPY_TABLES; !rc && t-- > 0;) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM r57.%s", copy_table(t));
		rc = pg_do(ps, sql, NULL, N_("copying"), err);
	}
	if (rc)
		pg_store_rollback(st);
	return rc;
}

int pg_store_copy_in_row(struct store *st, int table, const struct copy_cell *cells, int n,
                         struct r57_err *err)
{
	char sql[1536];
	struct pg_args a = { 0 };
	size_t at = (size_t)snprintf(sql, sizeof sql, "INSERT INTO r57.%s(", copy_table(table));
	for (int k = 0; k < n; k++) {
		int len;
		const char *c = copy_col(table, k, &len);
		at += (size_t)snprintf(sql + at, sizeof sql - at, "%s%.*s", k ? ", " : "", len, c);
	}
	struct pg_row_args ra = { 0 };
	bool task = table == 4; /* journal.c's fifth: task, with r57's folded words */
	if (task) {
		struct task_row row = { .title = cells[2].kind == CELL_TEXT ? cells[2].s : "",
		                        .notes = cells[3].kind == CELL_TEXT ? cells[3].s : NULL };
		pg_row_args(&ra, &row, "");
		at += (size_t)snprintf(sql + at, sizeof sql - at, ", search_body, search_marks, title_key");
	}
	if (table == COPY_ENTRY)
		at += (size_t)snprintf(sql + at, sizeof sql - at, ", xid");
	at += (size_t)snprintf(sql + at, sizeof sql - at, ")%s VALUES (",
	                       table >= COPY_ENTRY ? " OVERRIDING SYSTEM VALUE" : "");
	for (int k = 0; k < n; k++) {
		if (cells[k].kind == CELL_INT)
			pg_arg_int(&a, cells[k].i);
		else
			pg_arg_text(&a, cells[k].kind == CELL_TEXT ? cells[k].s : NULL);
		at += (size_t)snprintf(sql + at, sizeof sql - at, "%s$%d", k ? ", " : "", a.n);
	}
	if (task) {
		pg_arg_text(&a, ra.body ? ra.body : "");
		pg_arg_text(&a, ra.marks ? ra.marks : "");
		pg_arg_text(&a, ra.key);
		at += (size_t)snprintf(sql + at, sizeof sql - at, ", $%d, $%d, $%d", a.n - 2, a.n - 1, a.n);
	}
	snprintf(sql + at, sizeof sql - at, "%s)", table == COPY_ENTRY ? ", 0" : "");
	/* sent ahead of its result (pg_pipe.c): a copy is rows by the
	 * hundred thousand; pg_store_copy_in_end's first statement reads
	 * the results still to come */
	int rc = pg_pipe_send(pg_of(st), sql, &a, N_("copying"), err);
	if (task)
		pg_row_args_free(&ra);
	return rc;
}

int pg_store_copy_in_end(struct store *st, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	int rc = pg_do(ps, "SET LOCAL r57.copying = 'off'", NULL, N_("copying"), err);
	/* every counter of ids past the ids copied */
	for (int t = 0; t < COPY_TABLES && !rc; t++) {
		char sql[256];
		int len;
		const char *id = copy_col(t, 0, &len);
		snprintf(sql, sizeof sql, "SELECT setval(pg_get_serial_sequence('r57.%s', '%.*s'),"
		         " coalesce((SELECT max(%.*s) FROM r57.%s), 1), (SELECT count(*) > 0 FROM r57.%s))",
		         copy_table(t), len, id, len, id, copy_table(t), copy_table(t));
		rc = pg_do(ps, sql, NULL, N_("copying"), err);
	}
	if (!rc)
		rc = pg_store_commit(st, err);
	else
		pg_store_rollback(st);
	return rc;
}

/* r57 backup on a server: the whole database as a new SQLite file, by
 * r57 copy (written beside the file first, then renamed into place, so a
 * failed backup leaves no half file and an older backup as it was). */
struct to_file {
	struct store *file;
	struct r57_err *err;
};

static int into_file(int table, const struct copy_cell *cells, int n, void *ctx)
{
	struct to_file *tf = ctx;
	return store_copy_in_row(tf->file, table, cells, n, tf->err);
}

int pg_store_backup(struct store *st, const char *path, bool force, struct r57_err *err)
{
	struct stat sb;
	char *safe = text_safe(path, false), *tmp = NULL;
	int rc = R57_OK;
	if (stat(path, &sb) == 0 && (!force || !S_ISREG(sb.st_mode)))
		rc = r57_fail(err, R57_EIO, S_ISREG(sb.st_mode) ? _("%s: the file exists; --force replaces it")
		                                                : _("%s: not a regular file"), safe);
	else if (asprintf(&tmp, "%s.r57-backup", path) < 0)
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	struct store *file = NULL;
	if (!rc) {
		unlink(tmp);
		struct store_open_opts o = { .create = true, .actor = pg_of(st)->login, .now = "", .today = 0 };
		rc = store_open(tmp, &o, &file, err);
	}
	struct to_file tf = { file, err };
	if (!rc && !(rc = store_copy_in_begin(file, err))) {
		if ((rc = pg_store_copy_out(st, into_file, &tf, err)))
			store_rollback(file);
		else
			rc = store_copy_in_end(file, err);
	}
	store_close(file);
	if (!rc && rename(tmp, path) != 0)
		rc = r57_fail(err, R57_EIO, _("%s: cannot write the backup (%s)"), safe, strerror(errno));
	if (rc && tmp)
		unlink(tmp);
	free(tmp);
	free(safe);
	return rc;
}
