/* import_match.c: matching an import's rows to the tasks already there,
 * after pass 1: by uuid, else by title and group (docs/import.md), and the
 * ids the new tasks will have. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "r57/alloc.h"
#include "r57/hash.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/store_io.h"

#define TIER_LIMIT 4000000.0

/* --- matching rows to tasks ---------------------------------------------------------- */

static char *key_string(int64_t group, const char *title)
{
	char *k = NULL;
	if (asprintf(&k, "%lld\x1f%s", (long long)group, title) < 0)
		abort();
	return k;
}

static int load_key(const struct io_task_key *k, void *vctx)
{
	struct imp *im = vctx;
	if (im->n_dbt == im->cap_dbt) {
		im->cap_dbt = im->cap_dbt ? im->cap_dbt * 2 : 1024;
		im->dbt = r57_xrealloc(im->dbt, im->cap_dbt * sizeof *im->dbt);
	}
	int ti = (int)im->n_dbt++;
	struct dbtask *t = &im->dbt[ti];
	t->id = k->id;
	t->unit = k->unit_id;
	t->leader = k->leader_id;
	t->due = k->due;
	t->next = -1;
	t->used = false;
	char *ks = key_string(k->group_id, k->title);
	int *slot = smap_slot(&im->keymap, ks, true);
	free(ks);
	if (*slot < 0) {
		if (im->n_keys == im->cap_keys) {
			im->cap_keys = im->cap_keys ? im->cap_keys * 2 : 1024;
			im->keys = r57_xrealloc(im->keys, im->cap_keys * sizeof *im->keys);
		}
		*slot = (int)im->n_keys;
		im->keys[im->n_keys++] = (struct dbkey){ .first = ti, .last = ti, .row_first = -1, .row_last = -1 };
	} else {
		struct dbkey *key = &im->keys[*slot];
		im->dbt[key->last].next = ti;
		key->last = ti;
	}
	return 0;
}

static struct rec *new_rec(struct imp *im)
{
	if (im->nrecs == im->cap_recs) {
		im->cap_recs = im->cap_recs ? im->cap_recs * 2 : 1024;
		im->recs = r57_xrealloc(im->recs, im->cap_recs * sizeof *im->recs);
	}
	struct rec *r = &im->recs[im->nrecs++];
	memset(r, 0, sizeof *r);
	r->key = -1;
	r->next = -1;
	return r;
}

uint64_t imp_row_check(const struct prow *p)
{
	uint64_t h = hash_str(p->text[IMP_TITLE]);
	return hash_bytes(p->uuid, strlen(p->uuid), h);
}

/* Pass 1 for one row: note how to match it. */
int imp_note_row(struct imp *im, const struct in_row *row, const struct prow *p)
{
	struct rec *r = new_rec(im);
	int ix = (int)(im->nrecs - 1);
	r->line = row->at.line;
	r->check = imp_row_check(p);
	r->file_id = p->file_id;
	r->unit = p->ref[REF_UNIT];
	r->leader = p->ref[REF_LEADER];
	r->due = p->due;
	if (p->has_uuid) {
		int *seen = smap_slot(&im->uuids, p->uuid, true);
		if (*seen >= 0)
			return imp_fail_at(im, row->c[IMP_UUID].at, IMP_UUID, p->uuid, R57_EINPUT,
			                   _("is on line %ld too; a task is in a file once"), im->recs[*seen].line);
		*seen = ix;
		if (im->tasks0 == 0)
			return R57_OK;
		int rc = store_io_find_uuid(im->io, p->uuid, &r->task, im->err);
		if (rc)
			return rc;
		if (r->task) {
			if (im->n_claimed == im->cap_claimed) {
				im->cap_claimed = im->cap_claimed ? im->cap_claimed * 2 : 256;
				im->claimed = r57_xrealloc(im->claimed, im->cap_claimed * sizeof *im->claimed);
			}
			im->claimed[im->n_claimed++] = r->task;
		}
		return R57_OK;
	}
	/* Without a uuid: the tasks with the same title in the same group
	 * (a group still to be created has none). */
	if (im->tasks0 == 0 || p->ref[REF_GROUP] < 0)
		return R57_OK;
	if (!im->db_loaded) {
		im->db_loaded = true;
		int rc = store_io_each_key(im->r->st, load_key, im, im->err);
		if (rc)
			return rc;
	}
	char *ks = key_string(p->ref[REF_GROUP], p->text[IMP_TITLE]);
	int *slot = smap_slot(&im->keymap, ks, false);
	free(ks);
	if (!slot)
		return R57_OK;
	struct dbkey *key = &im->keys[*slot];
	r->key = *slot;
	if (key->row_last >= 0)
		im->recs[key->row_last].next = ix;
	else
		key->row_first = ix;
	key->row_last = ix;
	return R57_OK;
}

static struct dbtask *dbtask_by_id(struct imp *im, int64_t id)
{
	size_t lo = 0, hi = im->n_dbt;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (im->dbt[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < im->n_dbt && im->dbt[lo].id == id ? &im->dbt[lo] : NULL;
}

/* Pair the rows and the tasks of one key: first those that agree on the
 * lead unit, the leader and the deadline, then on the lead unit, then the
 * rest in order (the n-th row with the next free task). */
static void match_key(struct imp *im, struct dbkey *key)
{
	int nr = 0, nt = 0;
	for (int i = key->row_first; i >= 0; i = im->recs[i].next)
		nr++;
	for (int i = key->first; i >= 0; i = im->dbt[i].next)
		if (!im->dbt[i].used)
			nt++;
	if (!nr || !nt)
		return;
	int *rows = r57_xmalloc((size_t)nr * sizeof *rows), *tasks = r57_xmalloc((size_t)nt * sizeof *tasks);
	nr = nt = 0;
	for (int i = key->row_first; i >= 0; i = im->recs[i].next)
		rows[nr++] = i;
	for (int i = key->first; i >= 0; i = im->dbt[i].next)
		if (!im->dbt[i].used)
			tasks[nt++] = i;
	int tiers = (double)nr * nt <= TIER_LIMIT ? 3 : 1;
	for (int tier = tiers; tier >= 1; tier--) {
		for (int a = 0; a < nr; a++) {
			struct rec *r = &im->recs[rows[a]];
			if (r->task)
				continue;
			for (int b = 0; b < nt; b++) {
				struct dbtask *t = &im->dbt[tasks[b]];
				if (t->used)
					continue;
				if (tier >= 2 && r->unit != t->unit)
					continue;
				if (tier == 3 && (r->leader != t->leader || r->due != t->due))
					continue;
				t->used = true;
				r->task = t->id;
				break;
			}
		}
	}
	free(rows);
	free(tasks);
}

/* The id of a new task: the file's own when it is above every id given so
 * far (by the database, ever, and to the new tasks above it in the file),
 * else the next one. An export read into a new database keeps its ids. */
void imp_give_id(struct imp *im, struct rec *r)
{
	if (r->file_id > im->top)
		r->new_id = r->file_id;
	else
		r->new_id = im->top + 1;
	im->top = r->new_id;
}

/* After pass 1: which task each row changes, and the id of each new one. */
void imp_decide(struct imp *im)
{
	for (size_t i = 0; i < im->n_claimed; i++) {
		struct dbtask *t = dbtask_by_id(im, im->claimed[i]);
		if (t)
			t->used = true;
	}
	for (size_t k = 0; k < im->n_keys; k++)
		if (im->keys[k].row_first >= 0)
			match_key(im, &im->keys[k]);
	for (size_t i = 0; i < im->nrecs; i++)
		if (!im->recs[i].task)
			imp_give_id(im, &im->recs[i]);
}
