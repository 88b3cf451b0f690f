/* outfile.c: atomic file output for exports and reports: write a
 * temporary file beside the target, fsync it, rename it into place, and
 * sync the folder, so the old file stays whole until the new one is. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/outfile.h"
#include "r57/text.h"

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Was the file at path written by r57? */
static bool ours(const char *path, const char *signature)
{
	if (!signature || !*signature)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char head[1025];
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	return memmem(head, n, signature, strlen(signature)) != NULL;
}

int outfile_write(const char *path, bool force, const char *signature,
                  outfile_fill_fn fill, void *ctx, struct r57_err *err)
{
	char *safe = text_safe(path, false);
	struct stat sb;
	int rc = R57_OK;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			rc = r57_fail(err, R57_EIO, "%s: not a regular file; nothing written", safe);
			goto out;
		}
		if (!force && !ours(path, signature)) {
			rc = r57_fail(err, R57_EIO,
			              "%s: already exists and was not written by r57; nothing written (--force replaces it)",
			              safe);
			goto out;
		}
	}
	char *dir = dir_of(path);
	char *tmp = NULL;
	if (!dir || asprintf(&tmp, "%s/.r57-XXXXXX", dir) < 0) {
		free(dir);
		rc = r57_fail(err, R57_ENOMEM, "out of memory");
		goto out;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		char *sdir = text_safe(dir, false);
		rc = r57_fail(err, R57_EIO, "%s: cannot write in folder %s (%s)", safe, sdir, strerror(errno));
		free(sdir);
		free(dir);
		free(tmp);
		goto out;
	}
	fchmod(fd, 0644);
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		rc = r57_fail(err, R57_EIO, "%s: %s", safe, strerror(errno));
		free(dir);
		free(tmp);
		goto out;
	}
	int filled = fill(f, ctx);
	int saved = errno;
	if (filled == 0 && fflush(f) == 0 && fsync(fileno(f)) == 0 && fclose(f) == 0) {
		f = NULL;
		if (rename(tmp, path) == 0) {
			/* The rename itself must reach the disk too. */
			int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (dfd >= 0) {
				fsync(dfd);
				close(dfd);
			}
		} else {
			saved = errno;
			unlink(tmp);
			rc = r57_fail(err, R57_EIO, "%s: cannot replace the file (%s); nothing written", safe,
			              strerror(saved));
		}
	} else {
		if (f)
			fclose(f);
		unlink(tmp);
		rc = r57_fail(err, R57_EIO, "%s: write failed (%s); the old file is unchanged", safe,
		              strerror(saved ? saved : EIO));
	}
	free(dir);
	free(tmp);
out:
	free(safe);
	return rc;
}
