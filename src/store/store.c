/* store.c: opening an SQLite file safely: made with its folders when
 * asked, a regular file only, read-only when a command only reads, the
 * connection set up (no writable schema, nothing attached, r57's SQL
 * functions, the busy wait that lets the oldest waiter win); and closing it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/schema.h"
#include "r57/store.h"
#include "r57/text.h"
#include "store_int.h"

static int make_parent_dirs(const char *path)
{
	char *dup = strdup(path);
	if (!dup)
		return -1;
	for (char *p = dup + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dup, 0700) != 0 && errno != EEXIST) {
			free(dup);
			return -1;
		}
		*p = '/';
	}
	free(dup);
	return 0;
}

static char *parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Waiting for another program's lock. SQLite's own busy handler
 * (sqlite3_busy_timeout) sleeps longer and longer between tries, 100 ms
 * once it has waited a while, so a writer that has waited loses the lock
 * to every newcomer, who tries again after 1 ms: under eight busy writers
 * some waited past the 5 s and their users got "locked"
 * (tests/fault/concur.py, docs/reliability.md). This one tries at random
 * moments, more often the longer it has waited (every 2 to 4 ms at first,
 * every 0.25 to 0.5 ms after a second), so the oldest waiter tends to win,
 * until busy_ms have passed since the wait began. */
static long long ms_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000LL + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static int busy_wait(void *arg, int tries)
{
	struct store *st = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (tries == 0)
		st->busy_since = now;
	long long waited = ms_between(&st->busy_since, &now);
	if (waited >= st->busy_ms)
		return 0;
	long us = waited < 100 ? 2000 : waited < 1000 ? 1000 : 250;
	st->busy_rand = st->busy_rand * 1103515245u + 12345u;
	us += (long)((st->busy_rand >> 16) % (unsigned)us); /* [us, 2us) */
	struct timespec nap = { 0, us * 1000L };
	nanosleep(&nap, NULL);
	return 1;
}

static void set_busy(struct store *st, int ms)
{
	st->busy_ms = ms;
	if (!st->busy_rand)
		st->busy_rand = (unsigned)getpid() ^ (unsigned)time(NULL);
	sqlite3_busy_handler(st->db, ms > 0 ? busy_wait : NULL, st);
}

/* Open the connection: read-write (read-only when the file cannot be
 * written, as SQLite does) or, with ro, read-only. r57 has one thread, and
 * a connection is never shared: no mutex around every call into SQLite
 * (NOMUTEX; a long list takes and leaves one some 30 times a row). */
static int store_connect(struct store *st, bool ro, struct r57_err *err)
{
	/* Nor a count of SQLite's memory kept under a lock at every allocation
	 * (refused, harmlessly, once SQLite has started). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(st->path, &st->db,
	                    (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK)
		return store_sqlerr(st, err, N_("opening"));
	sqlite3_extended_result_codes(st->db, 1);
	set_busy(st, 5000);
	/* The file is data, never code (docs/storage.md): no statement of
	 * r57's can corrupt it (DEFENSIVE: no writable_schema), and nothing
	 * else is attached to it. trusted_schema goes off once the file is
	 * known to be of this version (sqlite_store_open): its schema calls
	 * no function. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_limit(st->db, SQLITE_LIMIT_ATTACHED, 0);
	store_functions(st->db);
	/* The rollback journal, not WAL: Debian 12's SQLite predates the fix
	 * for the WAL-reset bug (docs/storage.md). Pragmas below write nothing.
	 * EXTRA, not FULL: a commit is the journal's unlink, and only a synced
	 * folder keeps it through a power cut; under FULL the journal can come
	 * back and roll back a change r57 has already reported done
	 * (tests/fault/fault.py powercut, the cut at exit). cell_size_check:
	 * a damaged page is reported as damage when it is read, not followed. */
	return store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = EXTRA;"
	                      " PRAGMA cell_size_check = ON;", err);
}

/* The file at path, before SQLite sees it: a regular file, or, when it
 * is missing and o says so, made empty (with its folders), *created. The
 * refusals name it as safe. */
static int file_ready(const char *path, const struct store_open_opts *o, const char *safe,
                      bool *created, struct r57_err *err)
{
	struct stat sb;
	*created = false;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return r57_fail(err, R57_EIO, _("%s: not a regular file"), safe);
		return R57_OK;
	}
	if (errno != ENOENT || !o->create)
		return r57_fail(err, R57_EIO, _("%s: cannot open the database (%s)"), safe, strerror(errno));
	if (o->make_dirs && make_parent_dirs(path) != 0)
		return r57_fail(err, R57_EIO, _("%s: cannot create its folder (%s)"), safe, strerror(errno));
	char *dir = parent_dir(path);
	struct stat db;
	if (!dir || stat(dir, &db) != 0 || !S_ISDIR(db.st_mode)) {
		char *sdir = text_safe(dir ? dir : path, false);
		int rc = r57_fail(err, R57_EIO, _("%s: cannot create the database: folder %s does not exist"),
		                  safe, sdir);
		free(sdir);
		free(dir);
		return rc;
	}
	free(dir);
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return r57_fail(err, R57_EIO, _("%s: cannot create the database (%s)"), safe, strerror(errno));
	close(fd);
	*created = true;
	return R57_OK;
}

int sqlite_store_open(const char *path, const struct store_open_opts *o,
               struct store **out, struct r57_err *err)
{
	bool created = false;
	int rc, ver = 0;
	char *safe = text_safe(path, false);

	*out = NULL;
	if ((rc = file_ready(path, o, safe, &created, err))) {
		free(safe);
		return rc;
	}

	store_damage_watch();
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		free(safe);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	st->head.ops = &sqlite_store_ops;
	st->verify_any_size = o->verify_any_size;
	/* A command that only reads opens an existing file read-only. */
	bool ro = o->read_only && !created;
	if ((rc = store_connect(st, ro, err)) || (rc = store_check(st, &ver, err)))
		goto fail;
	if (ver == 0 && ro) {
		/* An empty file to be made a database: that is a write. */
		sqlite3_close(st->db);
		st->db = NULL;
		if ((rc = store_connect(st, false, err)) || (rc = store_check(st, &ver, err)))
			goto fail;
	}
	if (ver == 0)
		rc = store_init(st, o, err);
	else if (ver < R57_SCHEMA_VERSION)
		rc = store_migrate(st, ver, err);
	else
		st->version = ver;
	/* The file of this version calls no SQL function from its schema: a
	 * trigger, view or index another program slipped in may not either
	 * (schema_only_ours refused them already; this is the second lock).
	 * An older file read as it is keeps its own r57 statements running. */
	if (!rc && st->version == R57_SCHEMA_VERSION)
		rc = store_exec(st, "PRAGMA trusted_schema = OFF", err);
	if (!rc && st->version >= 3)
		rc = store_search_triggers(st, err);
	if (rc)
		goto fail;
	free(safe);
	*out = st;
	return R57_OK;
fail:
	sqlite_store_close(st);
	if (created)
		unlink(path);
	free(safe);
	return rc;
}

void sqlite_store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STORE_CACHE; i++) {
		free(st->cache[i].sql);
		sqlite3_finalize(st->cache[i].stmt);
	}
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *sqlite_store_path(const struct store *st)
{
	return st->path;
}

const char *sqlite_store_actor(const struct store *st)
{
	(void)st;
	return NULL; /* (a file's actor is whoever its caller says) */
}

void sqlite_store_busy_timeout(struct store *st, int ms)
{
	if (st && st->db)
		set_busy(st, ms);
}
