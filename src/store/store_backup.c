/* store_backup.c: r57 backup, a copy of the database made with SQLite's
 * online backup, so that it is one consistent state even while another
 * r57 writes: written to a hidden file beside the target (0600, as the
 * database), synced, and put in place in one step. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "store_int.h"

static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int sqlite_store_backup(struct store *st, const char *path, bool force, struct r57_err *err)
{
	struct stat sb;
	char *safe = text_safe(path, false);
	int rc = R57_OK;
	if (lstat(path, &sb) == 0 && (!force || !S_ISREG(sb.st_mode))) {
		rc = r57_fail(err, R57_EIO,
		              S_ISREG(sb.st_mode) ? _("%s: the file exists; --force replaces it")
		                                  : _("%s: not a regular file"),
		              safe);
		free(safe);
		return rc;
	}
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
	size_t len = strlen(path) + 16;
	char *tmp = malloc(len), *dir = strndup(path, dlen ? dlen : 1);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		free(safe);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	if (!dlen)
		strcpy(dir, ".");
	snprintf(tmp, len, "%.*s.%s.r57-XXXXXX", (int)dlen, path, path + dlen);
	int fd = mkstemp(tmp); /* 0600 */
	if (fd < 0) {
		rc = r57_fail(err, R57_EIO, _("%s: cannot write the file (%s)"), safe, strerror(errno));
		goto out;
	}
	close(fd);
	sqlite3 *dst = NULL;
	sqlite3_backup *b = NULL;
	int step = SQLITE_ERROR;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    (b = sqlite3_backup_init(dst, "main", st->db, "main"))) {
		/* All pages in one step, under one read lock of the database: a
		 * writer waits for it, or it for the writer (up to 10 s). */
		for (int tries = 0; tries < 100; tries++) {
			step = sqlite3_backup_step(b, -1);
			if (step != SQLITE_BUSY && step != SQLITE_LOCKED)
				break;
			sqlite3_sleep(100);
		}
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK && step == SQLITE_DONE)
		step = SQLITE_ERROR;
	if (step != SQLITE_DONE) {
		const char *why = dst && sqlite3_errcode(dst) != SQLITE_OK ? sqlite3_errmsg(dst) : sqlite3_errmsg(st->db);
		char *m = text_safe(why, false);
		rc = (step & 0xff) == SQLITE_BUSY || (step & 0xff) == SQLITE_LOCKED
		         ? store_sqlerr(st, err, N_("making the backup"))
		         : r57_fail(err, R57_EIO, _("%s: cannot write the backup (%s)"), safe, m);
		free(m);
	}
	sqlite3_close(dst);
	if (!rc && (sync_path(tmp, O_RDONLY) != 0 || chmod(tmp, 0600) != 0))
		rc = r57_fail(err, R57_EIO, _("%s: cannot write the backup (%s)"), safe, strerror(errno));
	if (!rc) {
		/* Without --force, link() refuses a file that appeared meanwhile. */
		int moved = force ? rename(tmp, path) : link(tmp, path);
		if (moved != 0)
			rc = errno == EEXIST ? r57_fail(err, R57_EIO, _("%s: the file exists; --force replaces it"), safe)
			                     : r57_fail(err, R57_EIO, _("%s: cannot write the backup (%s)"), safe,
			                                strerror(errno));
		else
			sync_path(dir, O_RDONLY | O_DIRECTORY);
	}
	unlink(tmp); /* (after rename, gone already) */
out:
	free(tmp);
	free(dir);
	free(safe);
	return rc;
}
