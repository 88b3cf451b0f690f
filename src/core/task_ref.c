/* task_ref.c: the actions on groups, leaders, units and sources: add,
 * rename, remove (refused with the count while tasks use it), and move for
 * groups (task.h). Each is one journal entry (action.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/task.h"
#include "task_int.h"

int ref_add(struct r57 *r, enum ref_kind k, const char *name,
            const char *title, const char *unit, const char *issued,
            int64_t *id_out, struct r57_err *err)
{
	char *n = NULL, *t = NULL;
	int64_t seq, unit_id = 0, id = 0;
	struct summary sum = SUMMARY_INIT;
	int rc = act_clean_text(name, ref_kind_name(k), act_name_limit(k), &n, err);
	if (!rc)
		rc = act_clean_text(title, "--title", k == REF_SOURCE ? LIM_SOURCE_TITLE : LIM_LEADER_TITLE, &t, err);
	if (!rc && (!n || !*n))
		rc = r57_fail(err, R57_EUSAGE, _("%s add: give a name"), ref_kind_name(k));
	if (rc) {
		free(n);
		free(t);
		return rc;
	}
	if (!(rc = action_begin(r, &seq, err))) {
		if (unit && k == REF_LEADER)
			rc = act_resolve(r, REF_UNIT, unit, false, &unit_id, err);
		if (!rc)
			rc = store_ref_insert(r->st, k, n, t, unit_id, issued, &id, err);
		if (!rc)
			act_warn_lookalike(r, k, n, id);
		if (k == REF_GROUP)
			sum_add(&sum, _("add group #%lld: %s"), (long long)id, n);
		else if (k == REF_LEADER)
			sum_add(&sum, _("add leader #%lld: %s"), (long long)id, n);
		else if (k == REF_UNIT)
			sum_add(&sum, _("add unit #%lld: %s"), (long long)id, n);
		else
			sum_add(&sum, _("add source #%lld: %s"), (long long)id, n);
		rc = action_end(r, rc, seq, sum.buf, err);
	}
	if (!rc && id_out)
		*id_out = id;
	free(n);
	free(t);
	return rc;
}

int ref_rename(struct r57 *r, enum ref_kind k, const char *which,
               const char *name, struct r57_err *err)
{
	char *n = NULL;
	int64_t seq, id;
	struct summary sum = SUMMARY_INIT;
	int rc = act_clean_text(name, ref_kind_name(k), act_name_limit(k), &n, err);
	if (!rc && (!n || !*n))
		rc = r57_fail(err, R57_EUSAGE, _("%s rename: give the new name"), ref_kind_name(k));
	if (rc) {
		free(n);
		return rc;
	}
	if (!(rc = action_begin(r, &seq, err))) {
		if (!(rc = act_resolve(r, k, which, false, &id, err))) {
			struct ref old = { 0 };
			if (!(rc = store_ref_get(r->st, k, id, &old, err)) && strcmp(old.name, n) == 0) {
				/* The same name: nothing to record. */
				r->out.n_skipped = 1;
				r->out.skipped_plain = true;
				ref_clear(&old);
				free(n);
				return action_end(r, R57_OK, seq, NULL, err);
			}
			if (!rc) {
				r->out.n_changed = 1;
				long long i = (long long)id;
				if (k == REF_GROUP)
					sum_add(&sum, _("rename group #%lld from %s to %s"), i, old.name, n);
				else if (k == REF_LEADER)
					sum_add(&sum, _("rename leader #%lld from %s to %s"), i, old.name, n);
				else if (k == REF_UNIT)
					sum_add(&sum, _("rename unit #%lld from %s to %s"), i, old.name, n);
				else
					sum_add(&sum, _("rename source #%lld from %s to %s"), i, old.name, n);
				if (!(rc = store_ref_rename(r->st, k, id, n, err)))
					act_warn_lookalike(r, k, n, id);
			}
			ref_clear(&old);
		}
		rc = action_end(r, rc, seq, sum.buf, err);
	}
	free(n);
	return rc;
}

int ref_remove(struct r57 *r, enum ref_kind k, const char *which,
               struct r57_err *err)
{
	int64_t seq, id;
	struct summary sum = SUMMARY_INIT;
	int rc = action_begin(r, &seq, err);
	if (rc)
		return rc;
	if (!(rc = act_resolve(r, k, which, false, &id, err))) {
		struct ref old = { 0 };
		if (!(rc = store_ref_get(r->st, k, id, &old, err))) {
			long long i = (long long)id;
			if (k == REF_GROUP)
				sum_add(&sum, _("remove group #%lld: %s"), i, old.name);
			else if (k == REF_LEADER)
				sum_add(&sum, _("remove leader #%lld: %s"), i, old.name);
			else if (k == REF_UNIT)
				sum_add(&sum, _("remove unit #%lld: %s"), i, old.name);
			else
				sum_add(&sum, _("remove source #%lld: %s"), i, old.name);
			rc = store_ref_delete(r->st, k, id, err);
		}
		ref_clear(&old);
	}
	return action_end(r, rc, seq, sum.buf, err);
}

int group_move(struct r57 *r, const char *which, int pos, struct r57_err *err)
{
	int64_t seq, id;
	struct summary sum = SUMMARY_INIT;
	int rc = action_begin(r, &seq, err);
	if (rc)
		return rc;
	if (!(rc = act_resolve(r, REF_GROUP, which, false, &id, err))) {
		struct ref old = { 0 };
		if (!(rc = store_ref_get(r->st, REF_GROUP, id, &old, err))) {
			sum_add(&sum, _("move group %s from %d to %d"), old.name, old.position, pos);
			rc = store_group_move(r->st, id, pos, err);
		}
		ref_clear(&old);
	}
	return action_end(r, rc, seq, sum.buf, err);
}
