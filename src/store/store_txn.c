/* store_txn.c: transactions on an SQLite file (a change begins under the
 * write lock, after a check of the file's pages, and commits with the
 * search index written, never into a file seen damaged), and the roles a
 * file does not have. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "journal_seal.h"
#include "store_int.h"

/* A file has no logins: whoever may write it may change all of it. */
static int no_roles(struct store *st, struct r57_err *err)
{
	char *safe = text_safe(st->path, false);
	int rc = r57_fail(err, R57_EUSAGE,
	                  _("%s: roles are a PostgreSQL server's; a database file has no logins (whoever may write the file may change all of it)"),
	                  safe);
	free(safe);
	return rc;
}

int sqlite_store_role_list(struct store *st, role_each_fn each, void *ctx, struct r57_err *err)
{
	(void)each;
	(void)ctx;
	return no_roles(st, err);
}

int sqlite_store_role_set(struct store *st, const char *login, enum role_kind kind,
                          const int64_t *units, int n, struct r57_err *err)
{
	(void)login;
	(void)kind;
	(void)units;
	(void)n;
	return no_roles(st, err);
}

int sqlite_store_role_remove(struct store *st, const char *login, struct r57_err *err)
{
	(void)login;
	return no_roles(st, err);
}

/* The check store_begin makes before the first change: integrity_check on
 * a file small enough that it costs a few milliseconds (it also finds an
 * index that misses a row of its table, which quick_check cannot see);
 * quick_check on a larger one up to STORE_VERIFY_MAX_BYTES, or of any size
 * for a long session (the screen pays it once); none for a larger file,
 * which still has cell_size_check on every page a change reads, and r57
 * check. NULL: no check. */
static const char *verify_pragma(struct store *st)
{
	int pages = 0, size = 0;
	struct r57_err ignored = {0};
	if (pragma_int(st, "PRAGMA page_count", &pages, &ignored) ||
	    pragma_int(st, "PRAGMA page_size", &size, &ignored))
		return "PRAGMA quick_check(1)"; /* the check itself will say what is wrong */
	long long bytes = (long long)pages * size;
	if (bytes <= STORE_VERIFY_FULL_MAX_BYTES)
		return "PRAGMA integrity_check(1)";
	if (st->verify_any_size || bytes <= STORE_VERIFY_MAX_BYTES)
		return "PRAGMA quick_check(1)";
	return NULL;
}

int sqlite_store_begin(struct store *st, struct r57_err *err)
{
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		char *p = text_safe(st->path, false);
		int rc = r57_fail(err, R57_EDB,
		                  _("%s: the database is read-only; nothing was changed (check the permissions of the file)"),
		                  p);
		free(p);
		return rc;
	}
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("starting a change"));
	if (sqlite_store_damaged(st)) {
		sqlite_store_rollback(st);
		return damaged_fail(st, err, N_("starting a change"));
	}
	/* Nothing is written into a file SQLite can see is damaged: its
	 * pages are checked once per connection, under the write lock,
	 * before the first change, where that costs little (verify_pragma;
	 * docs/storage.md: what runs when). */
	const char *check = st->verified ? NULL : verify_pragma(st);
	if (check) {
		sqlite3_stmt *q = NULL;
		bool good = sqlite3_prepare_v2(st->db, check, -1, &q, NULL) == SQLITE_OK &&
		            sqlite3_step(q) == SQLITE_ROW &&
		            strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
		sqlite3_finalize(q);
		if (!good) {
			sqlite_store_rollback(st);
			return damaged_fail(st, err, N_("starting a change"));
		}
		st->verified = true;
	}
	int rc = st->version >= 5 ? journal_seal_mark(st, err) : R57_OK;
	if (rc)
		sqlite_store_rollback(st);
	return rc;
}

int sqlite_store_commit(struct store *st, struct r57_err *err)
{
	int frc = search_fts_flush(st, err);
	if (frc) {
		sqlite_store_rollback(st);
		return frc;
	}
	if (sqlite_store_damaged(st)) {
		sqlite_store_rollback(st);
		return damaged_fail(st, err, N_("saving the change"));
	}
	/* the entries of this transaction sealed, their summaries set */
	if (st->version >= 5 && (frc = journal_seal_pending(st, st->seal_from, err))) {
		sqlite_store_rollback(st);
		return frc;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_sqlerr(st, err, N_("saving the change"));
		sqlite_store_rollback(st);
		return rc;
	}
	return R57_OK;
}

void sqlite_store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}
