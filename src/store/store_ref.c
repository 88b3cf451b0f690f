/* store_ref.c: key task groups, leaders, units and sources: list with how
 * many tasks use each (people by given name, then family and middle
 * names; units and sources by name; all in Vietnamese order), find what a user typed (id, group number, or a name:
 * exact with case aside, then ignoring diacritics, then a part), warn of
 * a name that looks like another, add, rename, remove, reorder. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/store.h"
#include "r57/text.h"
#include "store_int.h"

/* Per kind: the table, the name column, and the queries. */
struct ref_sql {
	const char *kind;      /* the command's name: r57 KIND list */
	const char *label;     /* for messages, translated at use */
	const char *list;      /* id, name, title, extra, position, uses */
	const char *by_id;     /* same columns, WHERE id = ? */
	const char *by_number; /* id from what a number means for the kind */
	const char *names;     /* id, name, extra (for candidates) */
	const char *insert;
	const char *rename;
	const char *title;
	const char *del;
};

#define GROUP_COLS "SELECT g.id, g.name, NULL, NULL, g.position," \
	" (SELECT count(*) FROM task WHERE group_id = g.id), 0 FROM task_group g"
#define LEADER_COLS "SELECT l.id, l.name, l.title, u.name, 0," \
	" (SELECT count(*) FROM task WHERE leader_id = l.id), l.unit_id FROM leader l" \
	" LEFT JOIN unit u ON u.id = l.unit_id"
#define UNIT_COLS "SELECT u.id, u.name, NULL, NULL, 0," \
	" (SELECT count(*) FROM task WHERE unit_id = u.id)" \
	" + (SELECT count(*) FROM task_unit WHERE unit_id = u.id)" \
	" + (SELECT count(*) FROM leader WHERE unit_id = u.id), 0 FROM unit u"
#define SOURCE_COLS "SELECT s.id, s.code, s.title, s.issued, 0," \
	" (SELECT count(*) FROM task WHERE source_id = s.id), 0 FROM source s"

static const struct ref_sql ref_sql[] = {
	[REF_GROUP] = {
		.kind = "group",
		.label = N_("group"),
		.list = GROUP_COLS " ORDER BY g.position, g.id",
		.by_id = GROUP_COLS " WHERE g.id = ?",
		.by_number = "SELECT id FROM task_group WHERE position = ?",
		.names = "SELECT id, name, position FROM task_group ORDER BY position",
		.insert = "INSERT INTO task_group(name, position) VALUES (?1,"
		          " (SELECT coalesce(max(position), 0) + 1 FROM task_group))",
		.rename = "UPDATE task_group SET name = ?1 WHERE id = ?2",
		.title = NULL,
		.del = "DELETE FROM task_group WHERE id = ?",
	},
	[REF_LEADER] = {
		.kind = "leader",
		.label = N_("leader"),
		.list = LEADER_COLS " ORDER BY r57_person_key(l.name), l.id",
		.by_id = LEADER_COLS " WHERE l.id = ?",
		.by_number = "SELECT id FROM leader WHERE id = ?",
		.names = "SELECT l.id, l.name, u.name FROM leader l LEFT JOIN unit u ON u.id = l.unit_id"
		         " ORDER BY r57_person_key(l.name), l.id",
		.insert = "INSERT INTO leader(name, title, unit_id) VALUES (?1, ?2, ?3)",
		.rename = "UPDATE leader SET name = ?1 WHERE id = ?2",
		.title = "UPDATE leader SET title = ?1 WHERE id = ?2",
		.del = "DELETE FROM leader WHERE id = ?",
	},
	[REF_UNIT] = {
		.kind = "unit",
		.label = N_("unit"),
		.list = UNIT_COLS " ORDER BY r57_sortkey(u.name), u.id",
		.by_id = UNIT_COLS " WHERE u.id = ?",
		.by_number = "SELECT id FROM unit WHERE id = ?",
		.names = "SELECT id, name, NULL FROM unit ORDER BY r57_sortkey(name), id",
		.insert = "INSERT INTO unit(name) VALUES (?1)",
		.rename = "UPDATE unit SET name = ?1 WHERE id = ?2",
		.title = NULL,
		.del = "DELETE FROM unit WHERE id = ?",
	},
	[REF_SOURCE] = {
		.kind = "source",
		.label = N_("source"),
		.list = SOURCE_COLS " ORDER BY r57_sortkey(s.code), s.id",
		.by_id = SOURCE_COLS " WHERE s.id = ?",
		.by_number = "SELECT id FROM source WHERE id = ?",
		.names = "SELECT id, code, title FROM source ORDER BY r57_sortkey(code), id",
		.insert = "INSERT INTO source(code, title, issued) VALUES (?1, ?2, ?4)",
		.rename = "UPDATE source SET code = ?1 WHERE id = ?2",
		.title = "UPDATE source SET title = ?1 WHERE id = ?2",
		.del = "DELETE FROM source WHERE id = ?",
	},
};

const char *ref_kind_name(enum ref_kind k)
{
	return ref_sql[k].kind;
}

void ref_clear(struct ref *r)
{
	free(r->name);
	free(r->title);
	free(r->extra);
	memset(r, 0, sizeof *r);
}

static void read_ref(sqlite3_stmt *s, struct ref *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->name = store_col_dup(s, 1);
	r->title = store_col_dup(s, 2);
	r->extra = store_col_dup(s, 3);
	r->position = sqlite3_column_int(s, 4);
	r->uses = sqlite3_column_int64(s, 5);
	r->extra_id = sqlite3_column_int64(s, 6);
}

/* The names query: id, name, and its third column (a leader's unit, a
 * source's title) as the title. */
static void read_name(sqlite3_stmt *s, struct ref *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->name = store_col_dup(s, 1);
	r->title = store_col_dup(s, 2);
}

/* Each row of sql, read by read, to each. */
static int each_ref(struct store *st, const char *sql, void (*read)(sqlite3_stmt *, struct ref *),
                    ref_each_fn each, void *ctx, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err), step;
	if (rc)
		return rc;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct ref r;
		read(s, &r);
		int stop = each(&r, ctx);
		ref_clear(&r);
		if (stop)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("listing"));
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_ref_list(struct store *st, enum ref_kind k, ref_each_fn each,
                   void *ctx, struct r57_err *err)
{
	return each_ref(st, ref_sql[k].list, read_ref, each, ctx, err);
}

int sqlite_store_ref_names(struct store *st, enum ref_kind k, ref_each_fn each,
                    void *ctx, struct r57_err *err)
{
	return each_ref(st, ref_sql[k].names, read_name, each, ctx, err);
}

int sqlite_store_ref_get(struct store *st, enum ref_kind k, int64_t id,
                  struct ref *out, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, ref_sql[k].by_id, &s, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		read_ref(s, out);
	else if (step == SQLITE_DONE)
		rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"), _(ref_sql[k].label), (long long)id);
	else
		rc = store_sqlerr(st, err, N_("reading"));
	sqlite3_finalize(s);
	return rc;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Append one candidate to the message list, "name (#id, extra)". */
static void add_candidate(char *buf, size_t len, int shown, sqlite3_stmt *s, enum ref_kind k)
{
	char *name = text_safe((const char *)sqlite3_column_text(s, 1), false);
	const unsigned char *x = sqlite3_column_text(s, 2);
	char *extra = x ? text_safe((const char *)x, false) : NULL;
	size_t n = strlen(buf);
	if (k == REF_GROUP)
		snprintf(buf + n, len - n, "%s%d. %s", shown ? "; " : "",
		         sqlite3_column_int(s, 2), name);
	else
		snprintf(buf + n, len - n, "%s%s (#%lld%s%s)", shown ? "; " : "", name,
		         (long long)sqlite3_column_int64(s, 0), extra ? ", " : "", extra ? extra : "");
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

static int find(struct store *st, enum ref_kind k, const char *typed, bool marks_matter,
                int64_t *id_out, struct r57_err *err)
{
	const struct ref_sql *q = &ref_sql[k];
	sqlite3_stmt *s;
	int rc;

	if (all_digits(typed)) {
		if ((rc = store_prepare(st, q->by_number, &s, err)))
			return rc;
		sqlite3_bind_int64(s, 1, strtoll(typed, NULL, 10));
		int step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			*id_out = sqlite3_column_int64(s, 0);
		else if (step == SQLITE_DONE)
			rc = r57_fail(err, R57_ENOTFOUND, _("%s %s does not exist (see: r57 %s list)"),
			              _(q->label), typed, q->kind);
		else
			rc = store_sqlerr(st, err, N_("finding"));
		sqlite3_finalize(s);
		if (rc != R57_ENOTFOUND || k == REF_GROUP || k == REF_SOURCE)
			return rc;
		/* A leader or unit may also be named by digits; fall through. */
	}

	char *cf = text_casefold(typed), *folded = text_fold(typed);
	if (!cf || !folded) {
		free(cf);
		free(folded);
		return r57_fail(err, R57_EINPUT, _("%s: not valid UTF-8"), _(q->label));
	}
	bool marks = strcmp(cf, folded) != 0;
	if ((rc = store_prepare(st, q->names, &s, err))) {
		free(cf);
		free(folded);
		return rc;
	}
	/* The best tier that matches decides: the exact name (case aside)
	 * wins over one that differs only in its diacritics ("Nguyễn Văn Ân"
	 * is not "Nguyễn Văn An"), which wins over parts of names. */
	int64_t id[N_TIERS] = { 0 };
	int n[N_TIERS] = { 0 }, step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		int t = match_tier((const char *)sqlite3_column_text(s, 1), cf, folded, marks, marks_matter);
		if (t >= 0) {
			id[t] = sqlite3_column_int64(s, 0);
			n[t]++;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_sqlerr(st, err, N_("finding"));
		goto out;
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
		rc = r57_fail(err, R57_ENOTFOUND,
		              _("%s '%s' does not exist (see: r57 %s list; --new creates it)"),
		              _(q->label), safe, q->kind);
		free(safe);
		goto out;
	}
	/* Ambiguous: list the candidates of the deciding tier. */
	char list[700] = "";
	int shown = 0;
	sqlite3_reset(s);
	while (sqlite3_step(s) == SQLITE_ROW && shown < 8)
		if (match_tier((const char *)sqlite3_column_text(s, 1), cf, folded, marks, marks_matter) == best)
			add_candidate(list, sizeof list, shown++, s, k);
	rc = r57_fail(err, R57_EAMBIGUOUS, _("%s '%s' is ambiguous: %d match (%s%s); give the id"),
	              _(q->label), safe, n[best], list, n[best] > shown ? "; ..." : "");
	free(safe);
out:
	sqlite3_finalize(s);
	free(cf);
	free(folded);
	return rc;
}

int sqlite_store_ref_find(struct store *st, enum ref_kind k, const char *typed,
                   int64_t *id_out, struct r57_err *err)
{
	return find(st, k, typed, false, id_out, err);
}

int sqlite_store_ref_find_new(struct store *st, enum ref_kind k, const char *typed,
                       int64_t *id_out, struct r57_err *err)
{
	return find(st, k, typed, true, id_out, err);
}

bool sqlite_store_ref_lookalike(struct store *st, enum ref_kind k, const char *name,
                         int64_t except, struct r57_err *warn)
{
	sqlite3_stmt *s;
	char *folded = text_fold(name);
	if (!folded || store_prepare(st, ref_sql[k].names, &s, NULL)) {
		free(folded);
		return false;
	}
	bool found = false;
	while (!found && sqlite3_step(s) == SQLITE_ROW) {
		if (sqlite3_column_int64(s, 0) == except)
			continue;
		char *other = text_fold((const char *)sqlite3_column_text(s, 1));
		if (other && strcmp(other, folded) == 0) {
			char *a = text_safe(name, false);
			char *b = text_safe((const char *)sqlite3_column_text(s, 1), false);
			if (k == REF_GROUP)
				r57_fail(warn, R57_OK, _("group '%s' looks like group %d '%s'; both are kept, so give the exact name or the number"),
				         a, sqlite3_column_int(s, 2), b);
			else
				r57_fail(warn, R57_OK, _("%s '%s' looks like '%s' (#%lld); both are kept, so give the exact name or the id"),
				         _(ref_sql[k].label), a, b, (long long)sqlite3_column_int64(s, 0));
			free(a);
			free(b);
			found = true;
		}
		free(other);
	}
	sqlite3_finalize(s);
	free(folded);
	return found;
}

int sqlite_store_ref_insert(struct store *st, enum ref_kind k, const char *name,
                     const char *title, int64_t unit_id, const char *extra,
                     int64_t *id_out, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, ref_sql[k].insert, &s, err);
	if (rc)
		return rc;
	int np = sqlite3_bind_parameter_count(s);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	if (np >= 2)
		store_bind_text_or_null(s, 2, title);
	if (np >= 3 && k == REF_LEADER)
		store_bind_id_or_null(s, 3, unit_id);
	if (np >= 4)
		store_bind_text_or_null(s, 4, extra);
	int step = sqlite3_step(s);
	if (step == SQLITE_DONE) {
		if (id_out)
			*id_out = sqlite3_last_insert_rowid(st->db);
	} else if ((sqlite3_extended_errcode(st->db)) == SQLITE_CONSTRAINT_UNIQUE) {
		char *safe = text_safe(name, false);
		rc = r57_fail(err, R57_EINPUT, _("%s '%s' already exists"), _(ref_sql[k].label), safe);
		free(safe);
	} else {
		rc = store_sqlerr(st, err, N_("adding"));
	}
	sqlite3_finalize(s);
	return rc;
}

static int update_text(struct store *st, enum ref_kind k, const char *sql,
                       int64_t id, const char *text, struct r57_err *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, err);
	if (rc)
		return rc;
	store_bind_text_or_null(s, 1, text);
	sqlite3_bind_int64(s, 2, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_DONE) {
		if (sqlite3_changes(st->db) == 0)
			rc = r57_fail(err, R57_ENOTFOUND, _("%s #%lld does not exist"),
			              _(ref_sql[k].label), (long long)id);
	} else if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE) {
		char *safe = text_safe(text, false);
		rc = r57_fail(err, R57_EINPUT, _("%s '%s' already exists"), _(ref_sql[k].label), safe);
		free(safe);
	} else {
		rc = store_sqlerr(st, err, N_("renaming"));
	}
	sqlite3_finalize(s);
	return rc;
}

int sqlite_store_ref_rename(struct store *st, enum ref_kind k, int64_t id,
                     const char *name, struct r57_err *err)
{
	return update_text(st, k, ref_sql[k].rename, id, name, err);
}

int sqlite_store_ref_set_title(struct store *st, enum ref_kind k, int64_t id,
                        const char *title, struct r57_err *err)
{
	if (!ref_sql[k].title)
		return r57_fail(err, R57_EUSAGE, _("a %s has no title"), _(ref_sql[k].label));
	return update_text(st, k, ref_sql[k].title, id, title, err);
}

int sqlite_store_ref_delete(struct store *st, enum ref_kind k, int64_t id,
                     struct r57_err *err)
{
	struct ref r;
	int rc = sqlite_store_ref_get(st, k, id, &r, err);
	if (rc)
		return rc;
	if (r.uses > 0) {
		char *safe = text_safe(r.name, false);
		rc = r57_fail(err, R57_EINUSE,
		              k == REF_UNIT ? _("%s '%s' is in use (%lld tasks and leaders refer to it); nothing removed")
		                            : ngettext("%s '%s' is in use (%lld task refers to it); nothing removed",
		                                       "%s '%s' is in use (%lld tasks refer to it); nothing removed",
		                                       (unsigned long)r.uses),
		              _(ref_sql[k].label), safe, (long long)r.uses);
		free(safe);
		ref_clear(&r);
		return rc;
	}
	int pos = r.position;
	sqlite3_stmt *s;
	/* The reminders a unit or person received stay on record. */
	if (k == REF_UNIT || k == REF_LEADER) {
		if ((rc = store_prepare(st, k == REF_UNIT
		                                ? "SELECT count(*) FROM reminder WHERE unit_id = ?"
		                                : "SELECT count(*) FROM reminder WHERE leader_id = ?",
		                        &s, err))) {
			ref_clear(&r);
			return rc;
		}
		sqlite3_bind_int64(s, 1, id);
		int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_finalize(s);
		if (n > 0) {
			char *safe = text_safe(r.name, false);
			rc = r57_fail(err, R57_EINUSE,
			              ngettext("%s '%s' has received %lld reminder, kept on record; nothing removed",
			                       "%s '%s' has received %lld reminders, kept on record; nothing removed",
			                       (unsigned long)n),
			              _(ref_sql[k].label), safe, (long long)n);
			free(safe);
			ref_clear(&r);
			return rc;
		}
	}
	ref_clear(&r);
	if ((rc = store_prepare(st, ref_sql[k].del, &s, err)))
		return rc;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("removing"));
	sqlite3_finalize(s);
	if (!rc && k == REF_GROUP) {
		/* Keep group numbers 1..n without gaps. */
		if ((rc = store_prepare(st, "UPDATE task_group SET position = position - 1 WHERE position > ?", &s, err)))
			return rc;
		sqlite3_bind_int(s, 1, pos);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("renumbering groups"));
		sqlite3_finalize(s);
	}
	return rc;
}

int sqlite_store_group_move(struct store *st, int64_t id, int pos, struct r57_err *err)
{
	struct ref r;
	int rc = sqlite_store_ref_get(st, REF_GROUP, id, &r, err);
	if (rc)
		return rc;
	int from = r.position;
	ref_clear(&r);
	sqlite3_stmt *s;
	if ((rc = store_prepare(st, "SELECT count(*) FROM task_group", &s, err)))
		return rc;
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (pos < 1 || pos > n)
		return r57_fail(err, R57_EINPUT, _("position %d is out of range (1 to %d)"), pos, n);
	if (pos == from)
		return R57_OK;
	const char *sql = pos < from
		? "UPDATE task_group SET position = position + 1 WHERE position >= ?1 AND position < ?2"
		: "UPDATE task_group SET position = position - 1 WHERE position <= ?1 AND position > ?2";
	if ((rc = store_prepare(st, sql, &s, err)))
		return rc;
	sqlite3_bind_int(s, 1, pos);
	sqlite3_bind_int(s, 2, from);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("moving a group"));
	sqlite3_finalize(s);
	if (rc)
		return rc;
	if ((rc = store_prepare(st, "UPDATE task_group SET position = ?1 WHERE id = ?2", &s, err)))
		return rc;
	sqlite3_bind_int(s, 1, pos);
	sqlite3_bind_int64(s, 2, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("moving a group"));
	sqlite3_finalize(s);
	return rc;
}
