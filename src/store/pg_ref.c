/* pg_ref.c: key task groups, leaders, units and sources on a PostgreSQL
 * server, as store_ref.c does them in a file: the same columns, the same
 * order (Vietnamese, people by given name: sorted here by text.h, which
 * the server has not), and the same choices and refusals (ref_match.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "pg_int.h"
#include "queries.h"
#include "ref_match.h"

/* Per kind: id, name, title, extra, position, uses, extra_id; and the
 * names: id, name, third (a leader's unit, a source's title, a group's
 * number). */
struct ref_pg {
	const char *cols;
	const char *id_col;
	const char *names;
	const char *table;
	const char *name_col;
	const char *title_col;
};

#define S QUERY_SERVER

static const struct ref_pg ref_pg[] = {
	[REF_GROUP] = {
		QUERY_GROUP_COLS(S),
		"g.id", "SELECT id, name, position FROM r57.task_group ORDER BY position, id",
		"task_group", "name", NULL,
	},
	[REF_LEADER] = {
		QUERY_LEADER_COLS(S),
		"l.id", QUERY_LEADER_NAMES(S),
		"leader", "name", "title",
	},
	[REF_UNIT] = {
		QUERY_UNIT_COLS(S),
		"u.id", QUERY_UNIT_NAMES(S),
		"unit", "name", NULL,
	},
	[REF_SOURCE] = {
		QUERY_SOURCE_COLS(S),
		"s.id", QUERY_SOURCE_NAMES(S),
		"source", "code", "title",
	},
};

static void read_ref(const PGresult *res, int r, struct ref *out)
{
	memset(out, 0, sizeof *out);
	out->id = pg_int(res, r, 0);
	out->name = pg_dup(res, r, 1);
	out->title = pg_dup(res, r, 2);
	out->extra = pg_dup(res, r, 3);
	out->position = (int)pg_int(res, r, 4);
	out->uses = pg_int(res, r, 5);
	out->extra_id = pg_int(res, r, 6);
}

/* The order of store_ref.c's lists: groups by number, people by given
 * name, the rest by name; ties by id. */
static int by_id(const struct ref *a, const struct ref *b, int c)
{
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static int by_position(const void *x, const void *y)
{
	const struct ref *a = x, *b = y;
	return by_id(a, b, (a->position > b->position) - (a->position < b->position));
}

static int by_person(const void *x, const void *y)
{
	const struct ref *a = x, *b = y;
	return by_id(a, b, text_person_collate(a->name, b->name));
}

static int by_name(const void *x, const void *y)
{
	const struct ref *a = x, *b = y;
	return by_id(a, b, text_collate(a->name, b->name));
}

static int each_sorted(enum ref_kind k, struct ref *v, int n, ref_each_fn each, void *ctx)
{
	qsort(v, (size_t)n, sizeof *v, k == REF_GROUP ? by_position : k == REF_LEADER ? by_person : by_name);
	bool stop = false;
	for (int i = 0; i < n; i++) {
		if (!stop && each(&v[i], ctx))
			stop = true;
		ref_clear(&v[i]);
	}
	free(v);
	return R57_OK;
}

/* The same order for the names read to find one, used only for the
 * candidates of an ambiguous name (which one is meant does not depend on
 * the order, so only then is it paid for, as store_ref.c does). */
static int name_by_id(const struct ref_name *a, const struct ref_name *b, int c)
{
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static int name_by_position(const void *x, const void *y)
{
	const struct ref_name *a = x, *b = y;
	return name_by_id(a, b, (a->position > b->position) - (a->position < b->position));
}

static int name_by_person(const void *x, const void *y)
{
	const struct ref_name *a = x, *b = y;
	return name_by_id(a, b, text_person_collate(a->name, b->name));
}

static int name_by_name(const void *x, const void *y)
{
	const struct ref_name *a = x, *b = y;
	return name_by_id(a, b, text_collate(a->name, b->name));
}

static void sort_names(enum ref_kind k, struct ref_names *ns)
{
	qsort(ns->v, (size_t)ns->n, sizeof *ns->v,
	      k == REF_GROUP ? name_by_position : k == REF_LEADER ? name_by_person : name_by_name);
}

int pg_store_ref_list(struct store *st, enum ref_kind k, ref_each_fn each, void *ctx,
                      struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st), ref_pg[k].cols, NULL, &res, N_("listing"), err);
	if (rc)
		return rc;
	int n = PQntuples(res);
	struct ref *v = calloc((size_t)n + 1, sizeof *v);
	if (!v) {
		PQclear(res);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	for (int i = 0; i < n; i++)
		read_ref(res, i, &v[i]);
	PQclear(res);
	return each_sorted(k, v, n, each, ctx);
}

static int read_names(struct store *st, enum ref_kind k, struct ref_names *ns, struct r57_err *err)
{
	PGresult *res;
	int rc = pg_run(pg_of(st), ref_pg[k].names, NULL, &res, N_("finding"), err);
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(res) && !rc; i++)
		if (!ref_names_push(ns, pg_int(res, i, 0), PQgetvalue(res, i, 1),
		                    k == REF_GROUP || pg_null(res, i, 2) ? NULL : PQgetvalue(res, i, 2),
		                    k == REF_GROUP ? (int)pg_int(res, i, 2) : 0))
			rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	PQclear(res);
	return rc;
}

int pg_store_ref_names(struct store *st, enum ref_kind k, ref_each_fn each, void *ctx,
                       struct r57_err *err)
{
	struct ref_names ns = { 0 };
	int rc = read_names(st, k, &ns, err);
	struct ref *v = rc ? NULL : calloc((size_t)ns.n + 1, sizeof *v);
	if (!rc && !v)
		rc = r57_fail(err, R57_ENOMEM, _("out of memory"));
	for (int i = 0; !rc && i < ns.n; i++) {
		v[i].id = ns.v[i].id;
		v[i].position = ns.v[i].position;
		v[i].name = ns.v[i].name;
		v[i].title = ns.v[i].third;
		ns.v[i].name = ns.v[i].third = NULL;
	}
	int n = ns.n;
	ref_names_free(&ns);
	return rc ? rc : each_sorted(k, v, n, each, ctx);
}

int pg_store_ref_get(struct store *st, enum ref_kind k, int64_t id, struct ref *out,
                     struct r57_err *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s WHERE %s = $1", ref_pg[k].cols, ref_pg[k].id_col);
	struct pg_args a = { 0 };
	pg_arg_int(&a, id);
	PGresult *res;
	int rc = pg_run(pg_of(st), sql, &a, &res, N_("reading"), err);
	if (rc)
		return rc;
	if (PQntuples(res) == 1)
		read_ref(res, 0, out);
	else
		rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"), _(ref_label(k)), (long long)id);
	PQclear(res);
	return rc;
}

static int find(struct store *st, enum ref_kind k, const char *typed, bool marks_matter,
                int64_t *id_out, struct r57_err *err)
{
	int rc;
	if (ref_all_digits(typed)) {
		/* a group by its number, the others by id */
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT id FROM r57.%s WHERE %s = $1", ref_pg[k].table,
		         k == REF_GROUP ? "position" : "id");
		struct pg_args a = { 0 };
		pg_arg_int(&a, strtoll(typed, NULL, 10));
		PGresult *res;
		if ((rc = pg_run(pg_of(st), sql, &a, &res, N_("finding"), err)))
			return rc;
		if (PQntuples(res) == 1)
			*id_out = pg_int(res, 0, 0);
		else
			rc = r57_fail(err, R57_ENOTFOUND, _("%s %s does not exist (see: r57 %s list)"),
			              _(ref_label(k)), typed, ref_kind_name(k));
		PQclear(res);
		if (rc != R57_ENOTFOUND || k == REF_GROUP || k == REF_SOURCE)
			return rc;
		/* A leader or unit may also be named by digits. */
	}
	struct ref_names ns = { 0 };
	if (!(rc = read_names(st, k, &ns, err)))
		rc = ref_pick(k, typed, marks_matter, &ns, id_out, err);
	if (rc == R57_EAMBIGUOUS) {
		sort_names(k, &ns);
		rc = ref_pick(k, typed, marks_matter, &ns, id_out, err);
	}
	ref_names_free(&ns);
	return rc;
}

int pg_store_ref_find(struct store *st, enum ref_kind k, const char *typed, int64_t *id_out,
                      struct r57_err *err)
{
	return find(st, k, typed, false, id_out, err);
}

int pg_store_ref_find_new(struct store *st, enum ref_kind k, const char *typed, int64_t *id_out,
                          struct r57_err *err)
{
	return find(st, k, typed, true, id_out, err);
}

bool pg_store_ref_lookalike(struct store *st, enum ref_kind k, const char *name, int64_t except,
                            struct r57_err *warn)
{
	struct ref_names ns = { 0 };
	bool found = !read_names(st, k, &ns, NULL) && ref_looks_like(k, name, except, &ns, warn);
	ref_names_free(&ns);
	return found;
}

/* A unique name taken is the kind's own message, not the server's. */
static int write_ref(struct store *st, enum ref_kind k, const char *sql, const struct pg_args *a,
                     const char *name, PGresult **out, struct r57_err *err)
{
	struct pg_store *ps = pg_of(st);
	/* (in a savepoint, so that a refusal leaves the action's transaction
	 * able to go on to its message and rollback, as SQLite's does) */
	int rc = pg_do(ps, "SAVEPOINT r57_ref", NULL, N_("adding"), err);
	if (rc)
		return rc;
	PGresult *res = PQexecParams(ps->conn, sql, a->n, NULL, a->v, NULL, NULL, 0);
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		*out = res;
		return pg_do(ps, "RELEASE SAVEPOINT r57_ref", NULL, N_("adding"), err);
	}
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	bool taken = state && strcmp(state, "23505") == 0;
	PQclear(res);
	PQclear(PQexec(ps->conn, "ROLLBACK TO SAVEPOINT r57_ref"));
	if (taken)
		return ref_exists(k, name, err);
	/* Anything else: the server's own words, from running it again
	 * (the refusal of a right, say, which pg_run puts in a sentence). */
	rc = pg_run(ps, sql, a, out, N_("adding"), err);
	if (!rc) {
		PQclear(*out);
		*out = NULL;
		rc = r57_fail(err, R57_EDB, "%s", _("the server refused the change, then took it; nothing was changed"));
	}
	return rc;
}

int pg_store_ref_insert(struct store *st, enum ref_kind k, const char *name, const char *title,
                        int64_t unit_id, const char *extra, int64_t *id_out, struct r57_err *err)
{
	struct pg_args a = { 0 };
	const char *sql;
	pg_arg_text(&a, name);
	switch (k) {
	case REF_GROUP:
		sql = QUERY_GROUP_INSERT(S) " RETURNING id";
		break;
	case REF_LEADER:
		pg_arg_text_or_null(&a, title);
		pg_arg_id(&a, unit_id);
		sql = QUERY_LEADER_INSERT(S) " RETURNING id";
		break;
	case REF_UNIT:
		sql = QUERY_UNIT_INSERT(S) " RETURNING id";
		break;
	default:
		pg_arg_text_or_null(&a, title);
		pg_arg_text_or_null(&a, extra);
		sql = "INSERT INTO r57.source(code, title, issued) VALUES ($1, $2, $3) RETURNING id";
		break;
	}
	PGresult *res = NULL;
	int rc = write_ref(st, k, sql, &a, name, &res, err);
	if (!rc && id_out)
		*id_out = pg_int(res, 0, 0);
	PQclear(res);
	return rc;
}

static int update_text(struct store *st, enum ref_kind k, const char *col, int64_t id,
                       const char *text, struct r57_err *err)
{
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE r57.%s SET %s = $1 WHERE id = $2 RETURNING id", ref_pg[k].table, col);
	struct pg_args a = { 0 };
	pg_arg_text_or_null(&a, text);
	pg_arg_int(&a, id);
	PGresult *res = NULL;
	int rc = write_ref(st, k, sql, &a, text ? text : "", &res, err);
	if (!rc && PQntuples(res) == 0)
		rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"), _(ref_label(k)), (long long)id);
	PQclear(res);
	return rc;
}

int pg_store_ref_rename(struct store *st, enum ref_kind k, int64_t id, const char *name,
                        struct r57_err *err)
{
	return update_text(st, k, ref_pg[k].name_col, id, name, err);
}

int pg_store_ref_set_title(struct store *st, enum ref_kind k, int64_t id, const char *title,
                           struct r57_err *err)
{
	if (!ref_pg[k].title_col)
		return r57_fail(err, R57_EUSAGE, _("a %s has no title"), _(ref_label(k)));
	return update_text(st, k, ref_pg[k].title_col, id, title, err);
}

static int run_int2(struct store *st, const char *sql, int64_t x, int64_t y, const char *doing,
                    struct r57_err *err)
{
	struct pg_args a = { 0 };
	pg_arg_int(&a, x);
	if (strstr(sql, "$2"))
		pg_arg_int(&a, y);
	return pg_do(pg_of(st), sql, &a, doing, err);
}

int pg_store_ref_delete(struct store *st, enum ref_kind k, int64_t id, struct r57_err *err)
{
	struct ref r;
	int rc = pg_store_ref_get(st, k, id, &r, err);
	if (rc)
		return rc;
	if (r.uses > 0) {
		rc = ref_in_use(k, &r, err);
		ref_clear(&r);
		return rc;
	}
	if (k == REF_UNIT || k == REF_LEADER) {
		/* The reminders a unit or person received stay on record. */
		struct pg_args a = { 0 };
		pg_arg_int(&a, id);
		PGresult *res;
		if ((rc = pg_run(pg_of(st), k == REF_UNIT ? QUERY_UNIT_REMINDERS(S)
		                                          : QUERY_LEADER_REMINDERS(S),
		                 &a, &res, N_("removing"), err))) {
			ref_clear(&r);
			return rc;
		}
		int64_t n = pg_int(res, 0, 0);
		PQclear(res);
		if (n > 0) {
			rc = ref_reminded(k, &r, n, err);
			ref_clear(&r);
			return rc;
		}
	}
	int pos = r.position;
	ref_clear(&r);
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM r57.%s WHERE id = $1", ref_pg[k].table);
	rc = run_int2(st, sql, id, 0, N_("removing"), err);
	if (!rc && k == REF_GROUP)
		/* Keep group numbers 1..n without gaps. */
		rc = run_int2(st, QUERY_GROUP_CLOSE_UP(S), pos, 0,
		              N_("renumbering groups"), err);
	return rc;
}

int pg_store_group_move(struct store *st, int64_t id, int pos, struct r57_err *err)
{
	struct ref r;
	int rc = pg_store_ref_get(st, REF_GROUP, id, &r, err);
	if (rc)
		return rc;
	int from = r.position;
	ref_clear(&r);
	PGresult *res;
	if ((rc = pg_run(pg_of(st), QUERY_GROUP_COUNT(S), NULL, &res, N_("moving a group"), err)))
		return rc;
	int n = (int)pg_int(res, 0, 0);
	PQclear(res);
	if (pos < 1 || pos > n)
		return r57_fail(err, R57_EINPUT, _("position %d is out of range (1 to %d)"), pos, n);
	if (pos == from)
		return R57_OK;
	rc = run_int2(st, pos < from
	                      ? QUERY_GROUP_SHIFT_DOWN(S)
	                      : QUERY_GROUP_SHIFT_UP(S),
	              pos, from, N_("moving a group"), err);
	if (!rc)
		rc = run_int2(st, QUERY_GROUP_PLACE(S), pos, id,
		              N_("moving a group"), err);
	return rc;
}
