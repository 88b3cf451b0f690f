/* pg_role.c: who may do what on a PostgreSQL server (r57 role): the
 * roles r57_viewer, r57_editor and r57_admin given to officials' logins
 * through the server's own r57.role_set (an r57 admin only), and a unit's
 * focal point: an editor held to the tasks of its units by row-level
 * security, whose refusals r57 says in a sentence before the server
 * refuses (pg_focal_check). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "pg_int.h"

int pg_focal_load(struct pg_store *ps, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(ps, "SELECT f.unit_id, u.name FROM r57.focal f JOIN r57.unit u ON u.id = f.unit_id"
	                    " WHERE f.login = session_user ORDER BY f.unit_id", NULL, &res, N_("connecting"), err);
	if (rc)
		return rc;
	int n = PQntuples(res);
	size_t len = 1;
	for (int r = 0; r < n; r++)
		len += strlen(PQgetvalue(res, r, 1)) + 2;
	if (n && (!(ps->focal = malloc((size_t)n * sizeof *ps->focal)) || !(ps->focal_names = malloc(len)))) {
		PQclear(res);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	size_t at = 0;
	for (int r = 0; r < n; r++) {
		ps->focal[r] = pg_int(res, r, 0);
		at += (size_t)snprintf(ps->focal_names + at, len - at, "%s%s", r ? ", " : "", PQgetvalue(res, r, 1));
	}
	ps->n_focal = n;
	PQclear(res);
	return R57_OK;
}

static bool focal_has(const struct pg_store *ps, int64_t unit)
{
	for (int i = 0; i < ps->n_focal; i++)
		if (ps->focal[i] == unit)
			return true;
	return false;
}

int pg_focal_check(struct pg_store *ps, int64_t unit, int64_t also, struct r57_err *err)
{
	if (!ps->n_focal || (focal_has(ps, unit) && (also < 0 || focal_has(ps, also))))
		return R57_OK;
	char *who = text_safe(ps->login, false), *units = text_safe(ps->focal_names, false);
	int rc = r57_fail(err, R57_EDB, _("%s may change only the tasks whose lead unit is %s; nothing was changed"),
	                  who, units);
	free(who);
	free(units);
	return rc;
}

int pg_focal_check_task(struct pg_store *ps, int64_t task, int64_t also, struct r57_err *err)
{
	if (!ps->n_focal)
		return R57_OK;
	struct pg_args a = { 0 };
	pg_arg_int(&a, task);
	PGresult *res;
	int rc = pg_run(ps, "SELECT unit_id FROM r57.task WHERE id = $1", &a, &res, N_("reading a task"), err);
	if (rc)
		return rc;
	/* (a task that is not there is for the caller to say) */
	if (PQntuples(res))
		rc = pg_focal_check(ps, pg_int(res, 0, 0), also, err);
	PQclear(res);
	return rc;
}

static enum role_kind role_parse(const char *s)
{
	return strcmp(s, "admin") == 0 ? ROLE_ADMIN : strcmp(s, "editor") == 0 ? ROLE_EDITOR : ROLE_VIEWER;
}

int pg_store_role_list(struct store *st, role_each_fn each, void *ctx, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st), "SELECT login, role, array_to_string(units, ',') FROM r57.role_list()",
	                NULL, &res, N_("reading the roles"), err);
	if (rc)
		return rc;
	for (int r = 0; r < PQntuples(res) && !rc; r++) {
		const char *u = PQgetvalue(res, r, 2);
		int n = 0;
		int64_t *units = calloc(strlen(u) / 2 + 1, sizeof *units);
		if (!units) {
			rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
			break;
		}
		for (char *end; *u; u = end + (*end == ',')) {
			units[n++] = strtoll(u, &end, 10);
			if (end == u)
				break;
		}
		struct role role = { PQgetvalue(res, r, 0), role_parse(PQgetvalue(res, r, 1)), units, n };
		int stop = each(&role, ctx);
		free(units);
		if (stop)
			break;
	}
	PQclear(res);
	return rc;
}

/* The server's refusals of r57.role_set, in sentences. */
static int role_error(struct pg_store *ps, const char *sql, const struct pg_args *a, const char *login,
                      struct r57_err *err)
{
	PGresult *res = PQexecParams(ps->conn, sql, a->n, NULL, a->v, NULL, NULL, 0);
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	int rc = R57_OK;
	char *who = text_safe(login, false), *me = text_safe(ps->login, false);
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
		rc = R57_OK;
	else if (state && strcmp(state, "R5706") == 0)
		rc = r57_fail(err, R57_ENOTFOUND,
		              _("there is no login %s on the server (the server's administrator makes it: CREATE ROLE %s LOGIN)"),
		              who, who);
	else if (state && strcmp(state, "42501") == 0)
		rc = r57_fail(err, R57_EDB, _("%s may not give roles (an r57 admin may); nothing was changed"), me);
	else if (state && strcmp(state, "R5705") == 0)
		rc = r57_fail(err, R57_EUSAGE, "%s", _("--unit: only an editor is a unit's focal point"));
	else
		rc = -1;
	PQclear(res);
	free(who);
	free(me);
	if (rc == -1) /* anything else: the server's own words */
		rc = pg_do(ps, sql, a, N_("giving a role"), err);
	return rc;
}

int pg_store_role_set(struct store *st, const char *login, enum role_kind kind, const int64_t *units,
                      int n, struct r57_err *err)
{
	char *list = malloc((size_t)n * 21 + 3);
	if (!list)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	size_t at = (size_t)sprintf(list, "{");
	for (int i = 0; i < n; i++)
		at += (size_t)sprintf(list + at, "%s%lld", i ? "," : "", (long long)units[i]);
	sprintf(list + at, "}");
	struct pg_args a = { 0 };
	pg_arg_text(&a, login);
	pg_arg_text(&a, role_kind_name(kind));
	pg_arg_text(&a, list);
	int rc = role_error(pg_of(st), "SELECT r57.role_set($1, $2, $3::bigint[])", &a, login, err);
	free(list);
	return rc;
}

int pg_store_role_remove(struct store *st, const char *login, struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_text(&a, login);
	return role_error(pg_of(st), "SELECT r57.role_remove($1)", &a, login, err);
}
