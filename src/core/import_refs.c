/* import_refs.c: the groups, leaders, units and sources an import names:
 * those the database has, loaded once; a name matched as written, case
 * and diacritics aside only when that is unambiguous; a new one noted in
 * pass 1 and created in pass 2; and the group list of r57's JSON export
 * restored into a database without tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "r57/alloc.h"
#include "r57/hash.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/namelist.h"
#include "r57/store_io.h"
#include "r57/text.h"

/* --- groups, leaders, units, sources -------------------------------------------- */

static int load_ref(const struct ref *r, void *ctx);

struct load_ctx {
	struct refs *refs;
	enum ref_kind k;
};

static int add_entry(struct refs *rs, const char *name, int64_t id, int position)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->e = r57_xrealloc(rs->e, (size_t)rs->cap * sizeof *rs->e);
	}
	int i = rs->n++;
	struct refent *e = &rs->e[i];
	memset(e, 0, sizeof *e);
	e->name = r57_xstrdup(name);
	e->id = id;
	e->position = position;
	char *cf = text_casefold(name);
	int *head = smap_slot(&rs->cf, cf ? cf : name, true);
	e->next_cf = *head;
	*head = i;
	free(cf);
	return i;
}

static int load_ref(const struct ref *r, void *vctx)
{
	struct load_ctx *c = vctx;
	add_entry(c->refs, r->name ? r->name : "", r->id, r->position);
	return 0;
}

int imp_load_refs(struct imp *im)
{
	for (int k = 0; k < 4; k++) {
		struct load_ctx c = { .refs = &im->refs[k], .k = (enum ref_kind)k };
		int rc = store_ref_list(im->r->st, (enum ref_kind)k, load_ref, &c, im->err);
		if (rc)
			return rc;
	}
	return R57_OK;
}

void imp_refs_free(struct refs *rs)
{
	for (int i = 0; i < rs->n; i++)
		free(rs->e[i].name);
	free(rs->e);
	smap_free(&rs->cf);
	smap_free(&rs->alias);
	memset(rs, 0, sizeof *rs);
}

/* In pass 2, an entry the file named that is not there yet: create it
 * (or, in a dry run, say it would be), once. */
static int realise(struct imp *im, enum ref_kind k, struct refent *e)
{
	if (!im->applying || e->announced)
		return R57_OK;
	e->announced = true;
	if (im->writing) {
		int64_t id;
		int rc = store_ref_insert(im->r->st, k, e->name, NULL, 0, NULL, &id, im->err);
		if (rc)
			return rc;
		e->id = id;
	}
	im->res->created[k]++;
	if (im->o->on_event) {
		struct import_event ev = { .what = IMPORT_CREATE, .ref = k, .name = e->name };
		im->o->on_event(&ev, im->o->ctx);
	}
	return R57_OK;
}

/* A name as the file writes it (NFC, trimmed, not empty) -> an id. The
 * same name, or one that differs only in case, is the same thing; a name
 * that differs in its diacritics is another (Vietnamese names do). A
 * number in a CSV group column is the group's number. */
static int resolve(struct imp *im, enum ref_kind k, const char *name, const struct cell *c,
                   int field, int64_t *id)
{
	struct refs *rs = &im->refs[k];
	int *hit = smap_slot(&rs->alias, name, false);
	int ix = hit ? *hit : -1;
	if (ix < 0 && k == REF_GROUP && !im->src.json && imp_all_digits(name)) {
		long pos = strtol(name, NULL, 10);
		for (int i = 0; i < rs->n; i++)
			if (rs->e[i].position == pos && rs->e[i].id > 0)
				ix = i;
		if (ix < 0)
			return imp_fail_at(im, c->at, field, name, R57_EINPUT,
			                   _("is not the number of a group (see: r57 group list), and a group's name is not a number"));
	}
	if (ix < 0) {
		char *cf = text_casefold(name);
		int *head = smap_slot(&rs->cf, cf ? cf : name, false);
		free(cf);
		int exact = -1, n_exact = 0, folded = -1, n_folded = 0;
		for (int i = head ? *head : -1; i >= 0; i = rs->e[i].next_cf) {
			if (strcmp(rs->e[i].name, name) == 0) {
				exact = i;
				n_exact++;
			}
			folded = i;
			n_folded++;
		}
		if (n_exact > 1 || (n_exact == 0 && n_folded > 1)) {
			char ids[200] = "";
			size_t len = 0;
			for (int i = *head; i >= 0 && len < sizeof ids - 24; i = rs->e[i].next_cf)
				if (n_exact == 0 || strcmp(rs->e[i].name, name) == 0)
					len += (size_t)snprintf(ids + len, sizeof ids - len, "%s#%lld",
					                        len ? ", " : "", (long long)rs->e[i].id);
			/* One whole message per kind, for the translation. */
			switch (k) {
			case REF_GROUP:
				return imp_fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				                   _("names more than one group (%s); rename one (r57 group rename)"), ids);
			case REF_LEADER:
				return imp_fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				                   _("names more than one leader (%s); rename one (r57 leader rename)"), ids);
			case REF_UNIT:
				return imp_fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				                   _("names more than one unit (%s); rename one (r57 unit rename)"), ids);
			default:
				return imp_fail_at(im, c->at, field, name, R57_EAMBIGUOUS,
				                   _("names more than one source (%s); rename one (r57 source rename)"), ids);
			}
		}
		if (n_exact == 1)
			ix = exact;
		else if (n_folded == 1)
			ix = folded;
		else {
			ix = add_entry(rs, name, -(int64_t)(++rs->n_new), 0);
		}
		*smap_slot(&rs->alias, name, true) = ix;
	}
	int rc = rs->e[ix].id < 0 ? realise(im, k, &rs->e[ix]) : R57_OK;
	if (rc)
		return rc;
	*id = rs->e[ix].id;
	return R57_OK;
}

int imp_ref_field(struct imp *im, const struct in_row *row, int f, enum ref_kind k,
                  struct prow *p)
{
	const struct cell *c = &row->c[f];
	if (!c->present)
		return R57_OK;
	char *name = imp_clean(im, c->text);
	int rc = R57_OK;
	if (imp_count_chars(name) > MAX_NAME)
		rc = imp_fail_at(im, c->at, f, name, R57_EINPUT, _("is longer than %d characters"), MAX_NAME);
	else if (strchr(name, '\n'))
		rc = imp_fail_at(im, c->at, f, name, R57_EINPUT, _("holds a line break; a name is one line"));
	else if (*name)
		rc = resolve(im, k, name, c, f, &p->ref[k]);
	free(name);
	return rc;
}

static int add_unit(struct imp *im, const char *raw, const struct cell *c, struct prow *p, int *cap)
{
	char *name = imp_clean(im, raw);
	int rc = R57_OK;
	int64_t id = 0;
	if (imp_count_chars(name) > MAX_NAME)
		rc = imp_fail_at(im, c->at, IMP_UNITS, name, R57_EINPUT, _("is longer than %d characters"), MAX_NAME);
	else if (strchr(name, '\n'))
		rc = imp_fail_at(im, c->at, IMP_UNITS, name, R57_EINPUT, _("holds a line break; a name is one line"));
	else if (*name)
		rc = resolve(im, REF_UNIT, name, c, IMP_UNITS, &id);
	free(name);
	if (rc || !id)
		return rc;
	for (int i = 0; i < p->n_units; i++)
		if (p->units[i] == id)
			return R57_OK;
	if (p->n_units == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		p->units = r57_xrealloc(p->units, (size_t)*cap * sizeof *p->units);
	}
	p->units[p->n_units++] = id;
	return R57_OK;
}

/* Coordinating units: a JSON list, or a cell of names separated by ';' or
 * line breaks, ";;" standing for a ';' of a name (namelist.h). At most
 * R57_UNITS_MAX. */
static int units_count(struct imp *im, const struct cell *c, struct prow *p)
{
	if (p->n_units <= R57_UNITS_MAX)
		return R57_OK;
	char n[24];
	snprintf(n, sizeof n, "%d", p->n_units);
	return imp_fail_at(im, c->at, IMP_UNITS, n, R57_EINPUT, _("are more than %d coordinating units"),
	                   R57_UNITS_MAX);
}

int imp_units_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_UNITS];
	int cap = 0, rc;
	if (!c->present)
		return R57_OK;
	if (row->is_list) {
		for (int i = 0; i < row->n_list; i++) {
			struct cell one = { .text = row->list[i], .at = row->list_at[i], .present = true };
			if ((rc = add_unit(im, row->list[i], &one, p, &cap)))
				return rc;
		}
		return units_count(im, c, p);
	}
	size_t pos = 0;
	char *one;
	while (namelist_next(c->text, &pos, &one)) {
		rc = add_unit(im, one, c, p, &cap);
		free(one);
		if (rc)
			return rc;
	}
	return units_count(im, c, p);
}

/* A JSON export read into a database without tasks brings its key task
 * groups as they were: the file's list, in its order, and no others (the
 * database's unused groups are removed; undo brings them back). */
static int restore_groups(struct imp *im)
{
	struct src *s = &im->src;
	struct refs *rs = &im->refs[REF_GROUP];
	int64_t *ids = r57_xmalloc((size_t)(s->n_groups ? s->n_groups : 1) * sizeof *ids);
	int rc = R57_OK;
	struct cell c = { .at = s->groups_at };
	for (int i = 0; i < s->n_groups && !rc; i++)
		rc = resolve(im, REF_GROUP, s->groups[i], &c, IMP_GROUP, &ids[i]);
	for (int e = 0; e < rs->n && !rc && im->writing; e++) {
		struct refent *ent = &rs->e[e];
		if (ent->id <= 0)
			continue;
		bool listed = false;
		for (int i = 0; i < s->n_groups && !listed; i++)
			listed = ids[i] == ent->id;
		if (!listed) {
			rc = store_ref_delete(im->r->st, REF_GROUP, ent->id, im->err);
			ent->position = 0;
		}
	}
	for (int i = 0; i < s->n_groups && !rc && im->writing; i++)
		rc = store_io_group_position(im->io, ids[i], i + 1, im->err);
	free(ids);
	if (!rc && im->o->on_event) {
		struct import_event ev = { .what = IMPORT_GROUPS, .n = s->n_groups };
		im->o->on_event(&ev, im->o->ctx);
	}
	return rc;
}

/* In one pass, the file's list of groups is applied before its first
 * task, when the list comes first (as in r57's export); a list after the
 * tasks is not applied. */
int imp_groups_first(struct imp *im)
{
	if (im->groups_done)
		return R57_OK;
	im->groups_done = true;
	if (!im->src.has_groups)
		return R57_OK;
	im->restore_groups = true;
	return restore_groups(im);
}
