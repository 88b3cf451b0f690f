/* ref_match.c: what both stores decide alike about groups, leaders, units
 * and sources from the rows they read (ref_match.h): which one a user
 * meant (id, group number or a name: exact with case aside, then ignoring
 * diacritics, then a part), a new name that looks like another, and the
 * refusals to remove one in use. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "ref_match.h"

static const char *const labels[] = {
	[REF_GROUP] = N_("group"), [REF_LEADER] = N_("leader"),
	[REF_UNIT] = N_("unit"), [REF_SOURCE] = N_("source"),
};
static const char *const kinds[] = {
	[REF_GROUP] = "group", [REF_LEADER] = "leader", [REF_UNIT] = "unit", [REF_SOURCE] = "source",
};

const char *ref_label(enum ref_kind k)
{
	return labels[k];
}

const char *ref_kind_name(enum ref_kind k)
{
	return kinds[k];
}

void ref_clear(struct ref *r)
{
	free(r->name);
	free(r->title);
	free(r->extra);
	memset(r, 0, sizeof *r);
}

bool ref_all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool ref_names_push(struct ref_names *ns, int64_t id, const char *name, const char *third,
                    int position)
{
	if (ns->n == ns->cap) {
		int cap = ns->cap ? ns->cap * 2 : 32;
		struct ref_name *grown = realloc(ns->v, (size_t)cap * sizeof *grown);
		if (!grown)
			return false;
		ns->v = grown;
		ns->cap = cap;
	}
	struct ref_name *r = &ns->v[ns->n];
	r->id = id;
	r->position = position;
	r->name = strdup(name ? name : "");
	r->third = third ? strdup(third) : NULL;
	if (!r->name || (third && !r->third)) {
		free(r->name);
		free(r->third);
		return false;
	}
	ns->n++;
	return true;
}

void ref_names_free(struct ref_names *ns)
{
	for (int i = 0; i < ns->n; i++) {
		free(ns->v[i].name);
		free(ns->v[i].third);
	}
	free(ns->v);
	memset(ns, 0, sizeof *ns);
}

/* Append one candidate to the message list, "name (#id, extra)". */
static void add_candidate(char *buf, size_t len, int shown, const struct ref_name *r, enum ref_kind k)
{
	char *name = text_safe(r->name, false);
	char *extra = r->third ? text_safe(r->third, false) : NULL;
	size_t n = strlen(buf);
	if (k == REF_GROUP)
		snprintf(buf + n, len - n, "%s%d. %s", shown ? "; " : "", r->position, name);
	else
		snprintf(buf + n, len - n, "%s%s (#%lld%s%s)", shown ? "; " : "", name, (long long)r->id,
		         extra ? ", " : "", extra ? extra : "");
	free(name);
	free(extra);
}

/* How well a stored name matches what was typed, best first; -1 for not
 * at all. The typed text is given as its case fold (NFC, marks kept) and
 * its fold (no marks); marks says it was typed with diacritics. */
enum { TIER_EXACT, TIER_FOLDED, TIER_PART_MARKS, TIER_PART, N_TIERS };

static int match_tier(const char *stored, const char *cf, const char *folded, bool marks,
                      bool marks_matter)
{
	char *scf = text_casefold(stored), *sf = text_fold(stored);
	int tier = -1;
	if (scf && sf) {
		if (strcmp(scf, cf) == 0)
			tier = TIER_EXACT;
		else if (strcmp(sf, folded) == 0)
			tier = marks && marks_matter ? -1 : TIER_FOLDED;
		else if (marks && *cf && strstr(scf, cf))
			tier = TIER_PART_MARKS;
		else if (*folded && strstr(sf, folded))
			tier = TIER_PART;
	}
	free(scf);
	free(sf);
	return tier;
}

int ref_pick(enum ref_kind k, const char *typed, bool marks_matter, const struct ref_names *ns,
             int64_t *id_out, struct r57_err *err)
{
	char *cf = text_casefold(typed), *folded = text_fold(typed);
	int rc = R57_OK;
	if (!cf || !folded) {
		free(cf);
		free(folded);
		return r57_fail(err, R57_EINPUT, _("%s: not valid UTF-8"), _(labels[k]));
	}
	bool marks = strcmp(cf, folded) != 0;
	/* The best tier that matches decides: the exact name (case aside)
	 * wins over one that differs only in its diacritics ("Nguyễn Văn Ân"
	 * is not "Nguyễn Văn An"), which wins over parts of names. */
	int64_t id[N_TIERS] = { 0 };
	int n[N_TIERS] = { 0 };
	for (int i = 0; i < ns->n; i++) {
		int t = match_tier(ns->v[i].name, cf, folded, marks, marks_matter);
		if (t >= 0) {
			id[t] = ns->v[i].id;
			n[t]++;
		}
	}
	int best = 0;
	while (best < N_TIERS && n[best] == 0)
		best++;
	if (best < N_TIERS && n[best] == 1) {
		*id_out = id[best];
		goto out;
	}
	char *safe = text_safe(typed, false);
	if (best == N_TIERS) {
		rc = r57_fail(err, R57_ENOTFOUND, _("%s '%s' does not exist (see: r57 %s list; --new creates it)"),
		              _(labels[k]), safe, kinds[k]);
		free(safe);
		goto out;
	}
	/* Ambiguous: list the candidates of the deciding tier. */
	char list[700] = "";
	int shown = 0;
	for (int i = 0; i < ns->n && shown < 8; i++)
		if (match_tier(ns->v[i].name, cf, folded, marks, marks_matter) == best)
			add_candidate(list, sizeof list, shown++, &ns->v[i], k);
	rc = r57_fail(err, R57_EAMBIGUOUS, _("%s '%s' is ambiguous: %d match (%s%s); give the id"),
	              _(labels[k]), safe, n[best], list, n[best] > shown ? "; ..." : "");
	free(safe);
out:
	free(cf);
	free(folded);
	return rc;
}

bool ref_looks_like(enum ref_kind k, const char *name, int64_t except, const struct ref_names *ns,
                    struct r57_err *warn)
{
	char *folded = text_fold(name);
	bool found = false;
	for (int i = 0; folded && !found && i < ns->n; i++) {
		if (ns->v[i].id == except)
			continue;
		char *other = text_fold(ns->v[i].name);
		if (other && strcmp(other, folded) == 0) {
			char *a = text_safe(name, false);
			char *b = text_safe(ns->v[i].name, false);
			if (k == REF_GROUP)
				r57_fail(warn, R57_OK, _("group '%s' looks like group %d '%s'; both are kept, so give the exact name or the number"),
				         a, ns->v[i].position, b);
			else
				r57_fail(warn, R57_OK, _("%s '%s' looks like '%s' (#%lld); both are kept, so give the exact name or the id"),
				         _(labels[k]), a, b, (long long)ns->v[i].id);
			free(a);
			free(b);
			found = true;
		}
		free(other);
	}
	free(folded);
	return found;
}

int ref_in_use(enum ref_kind k, const struct ref *r, struct r57_err *err)
{
	char *safe = text_safe(r->name, false);
	int rc = r57_fail(err, R57_EINUSE,
	                  k == REF_UNIT ? _("%s '%s' is in use (%lld tasks and leaders refer to it); nothing removed")
	                                : ngettext("%s '%s' is in use (%lld task refers to it); nothing removed",
	                                           "%s '%s' is in use (%lld tasks refer to it); nothing removed",
	                                           (unsigned long)r->uses),
	                  _(labels[k]), safe, (long long)r->uses);
	free(safe);
	return rc;
}

int ref_reminded(enum ref_kind k, const struct ref *r, int64_t n, struct r57_err *err)
{
	char *safe = text_safe(r->name, false);
	int rc = r57_fail(err, R57_EINUSE,
	                  ngettext("%s '%s' has received %lld reminder, kept on record; nothing removed",
	                           "%s '%s' has received %lld reminders, kept on record; nothing removed",
	                           (unsigned long)n),
	                  _(labels[k]), safe, (long long)n);
	free(safe);
	return rc;
}

int ref_exists(enum ref_kind k, const char *name, struct r57_err *err)
{
	char *safe = text_safe(name, false);
	int rc = r57_fail(err, R57_EINPUT, _("%s '%s' already exists"), _(labels[k]), safe);
	free(safe);
	return rc;
}
