/* cli_role.c: r57 role list, add and remove: on a PostgreSQL server, the
 * roles of officials' logins and the units a focal point is held to
 * (docs/postgresql.md). A database file has none: the store says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/out.h"
#include "r57/text.h"
#include "cli_int.h"

#define MAX_UNITS 100

struct role_ctx {
	struct store *st;
	struct table *t;
};

/* The names of a focal point's units, ", " between. */
static char *unit_names(struct store *st, const int64_t *units, int n)
{
	size_t len = 1, at = 0;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < n; i++) {
		struct ref r;
		if (store_ref_get(st, REF_UNIT, units[i], &r, NULL) != R57_OK)
			continue;
		len += strlen(r.name) + 2;
		char *grown = realloc(s, len);
		if (grown) {
			s = grown;
			at += (size_t)snprintf(s + at, len - at, "%s%s", at ? ", " : "", r.name);
		}
		ref_clear(&r);
	}
	return s;
}

static int role_one(const struct role *r, void *vctx)
{
	struct role_ctx *c = vctx;
	char *units = unit_names(c->st, r->units, r->n_units);
	const char *cells[] = { r->login, role_kind_name(r->kind), units ? units : "" };
	table_row(c->t, cells);
	free(units);
	return 0;
}

int cmd_role_list(struct session *s, struct r57_err *err)
{
	if (s->args.npos)
		return r57_fail(err, R57_EUSAGE, _("%s %s: give no more arguments"), s->cmd, s->sub);
	int rc = open_db(s, false, err);
	if (rc)
		return rc;
	struct role_ctx c = { s->r.st, table_new(3) };
	table_col(c.t, 0, _("LOGIN"), ALIGN_LEFT, 0, 8);
	table_col(c.t, 1, _("ROLE"), ALIGN_LEFT, 0, 6);
	/* TRANSLATORS: the units a focal point may change the tasks of */
	table_col(c.t, 2, _("UNITS"), ALIGN_LEFT, 2, 8);
	rc = store_role_list(s->r.st, role_one, &c, err);
	if (!rc)
		table_print(c.t, stdout, out_width());
	table_free(c.t);
	return rc;
}

int cmd_role_add(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	if (a->npos != 1)
		return r57_fail(err, R57_EUSAGE, "%s", _("role add: name the login (r57 role add LOGIN --editor)"));
	int kinds = opt_has(a, "--viewer") + opt_has(a, "--editor") + opt_has(a, "--admin");
	if (kinds != 1)
		return r57_fail(err, R57_EUSAGE, "%s", _("role add: give one of --viewer, --editor, --admin"));
	enum role_kind kind = opt_has(a, "--admin") ? ROLE_ADMIN : opt_has(a, "--editor") ? ROLE_EDITOR : ROLE_VIEWER;
	const char *typed[MAX_UNITS];
	int n = opt_all(a, "--unit", typed, MAX_UNITS);
	if (n && kind != ROLE_EDITOR)
		return r57_fail(err, R57_EUSAGE, "%s", _("--unit: only an editor is a unit's focal point"));
	int rc = open_db(s, true, err);
	if (rc)
		return rc;
	int64_t units[MAX_UNITS];
	for (int i = 0; i < n && !rc; i++)
		rc = store_ref_find(s->r.st, REF_UNIT, typed[i], &units[i], err);
	if (!rc)
		rc = store_role_set(s->r.st, a->pos[0], kind, units, n, err);
	if (rc)
		return rc;
	char *who = text_safe(a->pos[0], false);
	char *names = unit_names(s->r.st, units, n);
	char *shown = text_safe(names ? names : "", false);
	if (n)
		printf(_("%s is an editor and the focal point of %s: it may change only their tasks."), who, shown);
	else
		printf(_("%s is now an r57 %s."), who, role_kind_name(kind));
	putchar('\n');
	free(who);
	free(names);
	free(shown);
	return R57_OK;
}

int cmd_role_remove(struct session *s, struct r57_err *err)
{
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, "%s", _("role remove: name the login"));
	int rc = open_db(s, true, err);
	if (!rc)
		rc = store_role_remove(s->r.st, s->args.pos[0], err);
	if (rc)
		return rc;
	char *who = text_safe(s->args.pos[0], false);
	printf(_("%s has no r57 role now (the login stays the server's)."), who);
	putchar('\n');
	free(who);
	return R57_OK;
}
