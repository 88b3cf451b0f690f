/* journal_seal.c: the journal's hash chain in a file (journal_seal.h):
 * each entry's seal, SHA-256 over the seal before it and the entry with
 * its changes (seal.c), kept in entry_seal. r57 writes it when an action
 * commits, after the summary, so the seal covers the entry as it stays;
 * r57 check and a copy's arrival compute every seal again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "journal_seal.h"
#include "seal.h"
#include "store_int.h"

#define SEAL_ENTRY_COLS "e.seq, e.at, e.day, e.actor, e.summary, e.kind, e.target"

static const char *txt(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* The seal entry e's row (SEAL_ENTRY_COLS) and its changes make after
 * prev (NULL: the first entry). false: prev is not a seal. */
static int seal_one(struct store *st, sqlite3_stmt *e, const char *prev, char hex[SEAL_HEX],
                    bool *prev_ok, struct r57_err *err)
{
	struct seal_entry se = { .seq = sqlite3_column_int64(e, 0), .at = txt(e, 1), .day = txt(e, 2),
	                         .actor = txt(e, 3), .summary = txt(e, 4), .kind = txt(e, 5),
	                         .target = sqlite3_column_type(e, 6) == SQLITE_NULL ? 0 : sqlite3_column_int64(e, 6) };
	struct seal s;
	*prev_ok = seal_begin(&s, prev, &se);
	sqlite3_stmt *c;
	int rc = store_cached(st, "SELECT tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8, v9,"
	                          " v10, v11, v12, v13, v14, v15, v16, v17 FROM change_log"
	                          " WHERE entry = ? ORDER BY id", &c, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(c, 1, se.seq);
	int step;
	while ((step = sqlite3_step(c)) == SQLITE_ROW) {
		const char *v[SEAL_VALUES];
		size_t len[SEAL_VALUES];
		for (int i = 0; i < SEAL_VALUES; i++) {
			bool none = sqlite3_column_type(c, 4 + i) == SQLITE_NULL;
			v[i] = none ? NULL : (const char *)sqlite3_column_text(c, 4 + i);
			len[i] = none ? 0 : (size_t)sqlite3_column_bytes(c, 4 + i);
			if (!none && !v[i])
				v[i] = "";
		}
		seal_change(&s, sqlite3_column_int64(c, 0), sqlite3_column_int64(c, 1),
		            sqlite3_column_int64(c, 2), sqlite3_column_int64(c, 3), v, len);
	}
	if (step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("reading the journal"));
	store_release(c);
	seal_end(&s, hex);
	return rc;
}

int journal_seal_mark(struct store *st, struct r57_err *err)
{
	sqlite3_stmt *q;
	int rc = store_cached(st, "SELECT coalesce(max(seq), 0) FROM entry", &q, err);
	if (rc)
		return rc;
	st->seal_from = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	store_release(q);
	return R57_OK;
}

int journal_seal_pending(struct store *st, int64_t after, struct r57_err *err)
{
	char prev[SEAL_HEX] = "";
	bool have = false;
	sqlite3_stmt *q;
	int rc = store_cached(st, "SELECT seal FROM entry_seal WHERE seq <= ? ORDER BY seq DESC LIMIT 1", &q, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(q, 1, after);
	if (sqlite3_step(q) == SQLITE_ROW && txt(q, 0)) {
		snprintf(prev, sizeof prev, "%s", txt(q, 0));
		have = true;
	}
	store_release(q);
	sqlite3_stmt *e, *ins = NULL;
	if ((rc = store_prepare(st, "SELECT " SEAL_ENTRY_COLS ", s.seal FROM entry e LEFT JOIN entry_seal s"
	                            " ON s.seq = e.seq WHERE e.seq > ? ORDER BY e.seq", &e, err)))
		return rc;
	sqlite3_bind_int64(e, 1, after);
	int step;
	while (!rc && (step = sqlite3_step(e)) == SQLITE_ROW) {
		char hex[SEAL_HEX];
		bool ok;
		if (txt(e, 7)) { /* sealed already (a copy brought it) */
			snprintf(prev, sizeof prev, "%s", txt(e, 7));
			have = true;
			continue;
		}
		if ((rc = seal_one(st, e, have ? prev : NULL, hex, &ok, err)))
			break;
		if (!ins && (rc = store_cached(st, "INSERT INTO entry_seal(seq, seal) VALUES (?, ?)", &ins, err)))
			break;
		sqlite3_bind_int64(ins, 1, sqlite3_column_int64(e, 0));
		sqlite3_bind_text(ins, 2, hex, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = store_sqlerr(st, err, N_("writing the journal"));
		sqlite3_reset(ins);
		memcpy(prev, hex, sizeof prev);
		have = true;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, err, N_("writing the journal"));
	if (ins)
		store_release(ins);
	sqlite3_finalize(e);
	return rc;
}

void journal_seal_problem(char *line, size_t len, int64_t seq, const char *actor, const char *at,
                          bool sealed)
{
	char *who = text_safe(actor ? actor : "", false), *when = text_safe(at ? at : "", false);
	if (sealed)
		snprintf(line, len, _("journal: entry #%lld (by %s at %s) does not match its seal: it, or the entry before it, was changed or removed after it was written"),
		         (long long)seq, who, when);
	else
		snprintf(line, len, _("journal: entry #%lld (by %s at %s) has no seal: it was not written by r57"),
		         (long long)seq, who, when);
	free(who);
	free(when);
}

/* The first entry, in order, whose seal is missing or is not the one its
 * content and the seal before it make: its sentence in line, true. */
static bool first_broken(struct store *st, char *line, size_t len, bool *failed)
{
	sqlite3_stmt *e;
	struct r57_err err;
	*failed = false;
	if (store_prepare(st, "SELECT " SEAL_ENTRY_COLS ", s.seal FROM entry e LEFT JOIN entry_seal s"
	                      " ON s.seq = e.seq ORDER BY e.seq", &e, &err)) {
		*failed = true;
		return false;
	}
	char prev[SEAL_HEX] = "";
	bool first = true, broken = false;
	int step;
	while (!broken && (step = sqlite3_step(e)) == SQLITE_ROW) {
		char hex[SEAL_HEX];
		bool ok;
		const char *stored = txt(e, 7);
		if (seal_one(st, e, first ? NULL : prev, hex, &ok, &err)) {
			*failed = true;
			break;
		}
		broken = !stored || !ok || strcmp(stored, hex) != 0;
		if (broken)
			journal_seal_problem(line, len, sqlite3_column_int64(e, 0), txt(e, 3), txt(e, 1), stored != NULL);
		else
			memcpy(prev, hex, sizeof prev);
		first = false;
	}
	if (!broken && step != SQLITE_DONE)
		*failed = true;
	sqlite3_finalize(e);
	return broken;
}

void journal_seal_check(struct store *st, store_problem_fn fn, void *ctx, int *n)
{
	char line[1024];
	bool failed;
	if (st->version < 5)
		return;
	if (first_broken(st, line, sizeof line, &failed)) {
		fn(line, ctx);
		(*n)++;
	} else if (failed) {
		char *m = text_safe(sqlite3_errmsg(st->db), false);
		snprintf(line, sizeof line, _("cannot read the file: %s"), m);
		free(m);
		fn(line, ctx);
		(*n)++;
	}
}

int journal_seal_verify(struct store *st, struct r57_err *err)
{
	char line[1024];
	bool failed;
	if (first_broken(st, line, sizeof line, &failed))
		return r57_fail(err, R57_EINPUT, _("the copy's %s; nothing was copied"), line);
	if (failed)
		return store_sqlerr(st, err, N_("copying"));
	return R57_OK;
}
