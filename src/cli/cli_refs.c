/* cli_refs.c: the subcommands of group, leader, unit and source: list,
 * add, rename, remove (and group move), the same handlers for the four
 * kinds; what was done is said in one whole message per kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/out.h"
#include "r57/task.h"
#include "r57/text.h"
#include "cli_int.h"

/* --- groups, leaders, units, sources ----------------------------------------- */

struct ref_ctx {
	enum ref_kind k;
	struct table *t;
};

static int ref_one(const struct ref *r, void *vctx)
{
	struct ref_ctx *c = vctx;
	char id[24], uses[24];
	snprintf(id, sizeof id, "%lld", (long long)(c->k == REF_GROUP ? r->position : r->id));
	snprintf(uses, sizeof uses, "%lld", (long long)r->uses);
	char issued[11] = "";
	if (c->k == REF_SOURCE && r->extra) {
		r57_day d;
		if (date_from_iso(r->extra, &d))
			date_dmy(d, issued);
	}
	const char *cells[] = { id, r->name, uses,
	                        c->k == REF_LEADER ? r->title : c->k == REF_SOURCE ? r->title : NULL,
	                        c->k == REF_LEADER ? r->extra : c->k == REF_SOURCE ? issued : NULL };
	table_row(c->t, cells);
	return 0;
}

static enum ref_kind ref_kind_of(const char *cmd)
{
	if (strcmp(cmd, "group") == 0)
		return REF_GROUP;
	if (strcmp(cmd, "leader") == 0)
		return REF_LEADER;
	if (strcmp(cmd, "unit") == 0)
		return REF_UNIT;
	return REF_SOURCE;
}

/* What a subcommand did, one whole message per kind: the kinds are
 * different words in Vietnamese ("nhóm", "người phụ trách", ...). */
enum ref_done { REF_ADDED, REF_RENAMED, REF_REMOVED };

static void ref_said(enum ref_kind k, enum ref_done what, long long n, const char *x,
                     const char *y)
{
	char *sx = text_safe(x, false), *sy = text_safe(y ? y : "", false);
	switch (what) {
	case REF_ADDED:
		if (k == REF_GROUP)
			printf(_("Added group %lld: %s"), n, sx);
		else if (k == REF_LEADER)
			printf(_("Added leader %lld: %s"), n, sx);
		else if (k == REF_UNIT)
			printf(_("Added unit %lld: %s"), n, sx);
		else
			printf(_("Added source %lld: %s"), n, sx);
		break;
	case REF_RENAMED:
		if (k == REF_GROUP)
			printf(_("Renamed group %s to %s."), sx, sy);
		else if (k == REF_LEADER)
			printf(_("Renamed leader %s to %s."), sx, sy);
		else if (k == REF_UNIT)
			printf(_("Renamed unit %s to %s."), sx, sy);
		else
			printf(_("Renamed source %s to %s."), sx, sy);
		break;
	case REF_REMOVED:
		if (k == REF_GROUP)
			printf(_("Removed group %s."), sx);
		else if (k == REF_LEADER)
			printf(_("Removed leader %s."), sx);
		else if (k == REF_UNIT)
			printf(_("Removed unit %s."), sx);
		else
			printf(_("Removed source %s."), sx);
		break;
	}
	fputc('\n', stdout);
	free(sx);
	free(sy);
}

/* The subcommands' handlers: s->cmd is the command (its kind), s->sub the
 * subcommand; the arguments after it are s->args.pos. */
#define NEED(n, fmt) \
	if (s->args.npos != (n)) \
		return r57_fail(err, R57_EUSAGE, fmt, s->cmd, s->sub)

int cmd_ref_list(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	int rc;
	NEED(0, _("%s %s: give no more arguments"));
	if ((rc = open_db(s, false, err)))
		return rc;
	struct ref_ctx c = { .k = k };
	int cols = (k == REF_LEADER || k == REF_SOURCE) ? 5 : 3;
	c.t = table_new(cols);
	table_col(c.t, 0, k == REF_GROUP ? "#" : _("ID"), ALIGN_RIGHT, 0, 0);
	table_col(c.t, 1, k == REF_SOURCE ? _("CODE") : _("NAME"), ALIGN_LEFT, 3, 10);
	table_col(c.t, 2, _("TASKS"), ALIGN_RIGHT, 0, 0);
	if (k == REF_LEADER) {
		table_col(c.t, 3, _("JOB TITLE"), ALIGN_LEFT, 2, 8);
		table_col(c.t, 4, _("UNIT"), ALIGN_LEFT, 2, 8);
	} else if (k == REF_SOURCE) {
		/* TRANSLATORS: what a source document is about (its title) */
		table_col(c.t, 3, _("SUBJECT"), ALIGN_LEFT, 2, 8);
		/* TRANSLATORS: the day a source document was issued */
		table_col(c.t, 4, _("ISSUED"), ALIGN_LEFT, 0, 8);
	}
	rc = store_ref_list(s->r.st, k, ref_one, &c, err);
	if (!rc)
		table_print(c.t, stdout, out_width());
	table_free(c.t);
	return rc;
}

/* Only leader add takes --title and --unit, only source add --title and
 * --date (commands.h): for the others opt_get finds nothing. */
int cmd_ref_add(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(1, k == REF_SOURCE ? _("%s %s: give the code") : _("%s %s: give the name"));
	r57_day issued = R57_NO_DATE;
	char isobuf[11];
	const char *date = opt_get(a, "--date");
	if (date && (rc = date_parse(date, s->r.today, "--date", &issued, err)))
		return rc;
	int64_t id;
	if ((rc = open_db(s, true, err)) ||
	    (rc = ref_add(&s->r, k, a->pos[0], opt_get(a, "--title"), opt_get(a, "--unit"),
	                  issued == R57_NO_DATE ? NULL : date_iso(issued, isobuf), &id, err)))
		return rc;
	struct ref r;
	if (store_ref_get(s->r.st, k, id, &r, err) == R57_OK) {
		ref_said(k, REF_ADDED, (long long)(k == REF_GROUP ? r.position : r.id), r.name, NULL);
		ref_clear(&r);
	}
	return R57_OK;
}

int cmd_ref_rename(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(2, _("%s %s: give which one and the new name"));
	if ((rc = open_db(s, true, err)) || (rc = ref_rename(&s->r, k, a->pos[0], a->pos[1], err)))
		return rc;
	if (!said_unchanged(&s->r.out))
		ref_said(k, REF_RENAMED, 0, a->pos[0], a->pos[1]);
	return R57_OK;
}

int cmd_ref_remove(struct session *s, struct r57_err *err)
{
	enum ref_kind k = ref_kind_of(s->cmd);
	const struct args *a = &s->args;
	int rc;
	NEED(1, _("%s %s: give which one"));
	if ((rc = open_db(s, true, err)) || (rc = ref_remove(&s->r, k, a->pos[0], err)))
		return rc;
	ref_said(k, REF_REMOVED, 0, a->pos[0], NULL);
	return R57_OK;
}

int cmd_group_move(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	int rc;
	NEED(2, _("%s %s: give which group and its new position"));
	long pos;
	if ((rc = parse_int(a->pos[1], _("position"), 1, 1000000, &pos, err)) ||
	    (rc = open_db(s, true, err)) || (rc = group_move(&s->r, a->pos[0], (int)pos, err)))
		return rc;
	printf(_("Moved group to position %ld."), pos);
	fputc('\n', stdout);
	return R57_OK;
}
#undef NEED

