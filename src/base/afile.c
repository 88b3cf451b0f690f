/* afile.c: an output file written whole or not at all (see afile.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "r57/afile.h"
#include "r57/i18n.h"
#include "r57/text.h"

struct afile {
	char *path, *dir;
	char *tmp;      /* the named temporary file; NULL for O_TMPFILE */
	int fd;
	FILE *f;
	mode_t mode;    /* for the new file */
};

/* The named temporary file, for the signal handler to remove. */
static char pending_tmp[4096];
static volatile sig_atomic_t pending_set;

static void on_signal(int sig)
{
	if (pending_set)
		unlink(pending_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void guard_tmp(const char *tmp)
{
	snprintf(pending_tmp, sizeof pending_tmp, "%s", tmp);
	pending_set = 1;
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
		signal(cleanup_signals[i], on_signal);
}

static void unguard_tmp(void)
{
	pending_set = 0;
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
		signal(cleanup_signals[i], SIG_DFL);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* what: an English message marked N_(), said of the file. */
static int io_fail(struct r57_err *err, const char *path, const char *what, int e)
{
	char *safe = text_safe(path, false);
	int rc = r57_fail(err, R57_EIO, "%s: %s (%s)", safe, _(what), strerror(e));
	free(safe);
	return rc;
}

/* Was the existing file at path written by r57? */
static bool ours(const char *path, const char *const *sigs)
{
	char head[512];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n <= 0)
		return false;
	size_t len = (size_t)n, skip = 0;
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	for (; sigs && *sigs; sigs++) {
		size_t sl = strlen(*sigs);
		if (len - skip >= sl && memcmp(head + skip, *sigs, sl) == 0)
			return true;
	}
	return false;
}

static void afile_free(struct afile *a)
{
	if (!a)
		return;
	free(a->path);
	free(a->dir);
	free(a->tmp);
	free(a);
}

int afile_open(const char *path, bool force, const char *const *sigs,
               struct afile **out, struct r57_err *err)
{
	return afile_open_mode(path, force, sigs, 0666, out, err);
}

int afile_open_mode(const char *path, bool force, const char *const *sigs, mode_t allow,
                    struct afile **out, struct r57_err *err)
{
	struct stat sb;
	int rc;
	*out = NULL;
	if (!*path)
		return r57_fail(err, R57_EUSAGE, _("-o: give a file name"));
	struct afile *a = calloc(1, sizeof *a);
	if (!a || !(a->path = strdup(path)) || !(a->dir = dir_of(path))) {
		afile_free(a);
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	}
	a->fd = -1;
	mode_t mask = umask(0);
	umask(mask);
	a->mode = allow & 0666 & ~mask;

	if (lstat(path, &sb) == 0) {
		char *safe = text_safe(path, false);
		if (S_ISLNK(sb.st_mode))
			rc = r57_fail(err, R57_EIO, _("%s: is a symbolic link; give the file it points to"), safe);
		else if (S_ISDIR(sb.st_mode))
			rc = r57_fail(err, R57_EIO, _("%s: is a folder; give a file name"), safe);
		else if (!S_ISREG(sb.st_mode))
			rc = r57_fail(err, R57_EIO, _("%s: not a regular file; nothing written"), safe);
		else if (!force && !ours(path, sigs))
			rc = r57_fail(err, R57_EIO,
			              _("%s: already exists and was not written by r57; nothing written (--force replaces it)"),
			              safe);
		else
			rc = R57_OK;
		free(safe);
		if (rc) {
			afile_free(a);
			return rc;
		}
		a->mode = sb.st_mode & 07777 & (allow | 07111);
	} else if (errno != ENOENT) {
		rc = io_fail(err, path, N_("cannot write"), errno);
		afile_free(a);
		return rc;
	}

#ifdef O_TMPFILE
	a->fd = open(a->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, a->mode);
#endif
	if (a->fd < 0) {
		if (asprintf(&a->tmp, "%s/.%s.r57-XXXXXX", a->dir, base_of(path)) < 0) {
			a->tmp = NULL;
			afile_free(a);
			return r57_fail(err, R57_ENOMEM, _("out of memory"));
		}
		guard_tmp(a->tmp);
		a->fd = mkostemp(a->tmp, O_CLOEXEC);
		if (a->fd < 0) {
			int e = errno;
			unguard_tmp();
			free(a->tmp);
			a->tmp = NULL;
			rc = io_fail(err, path, e == ENOENT ? N_("cannot write: no such folder") : N_("cannot write"), e);
			afile_free(a);
			return rc;
		}
		guard_tmp(a->tmp); /* now with the real name */
	}
	if (fchmod(a->fd, a->mode) != 0 || !(a->f = fdopen(a->fd, "w"))) {
		rc = io_fail(err, path, N_("cannot write"), errno);
		afile_abort(a);
		return rc;
	}
	setvbuf(a->f, NULL, _IOFBF, 1 << 16);
	*out = a;
	return R57_OK;
}

FILE *afile_stream(struct afile *a)
{
	return a->f;
}

void afile_abort(struct afile *a)
{
	if (!a)
		return;
	if (a->f)
		fclose(a->f);
	else if (a->fd >= 0)
		close(a->fd);
	if (a->tmp) {
		unlink(a->tmp);
		unguard_tmp();
	}
	afile_free(a);
}

/* Give the unnamed file a name next to the target: a fresh hidden one. */
static int link_tmpfile(struct afile *a, char **name)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", a->fd);
	for (int attempt = 0; attempt < 100; attempt++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		if (asprintf(name, "%s/.%s.r57-%ld-%ld", a->dir, base_of(a->path), (long)getpid(),
		             (long)(ts.tv_nsec + attempt)) < 0) {
			*name = NULL;
			errno = ENOMEM;
			return -1;
		}
		if (linkat(AT_FDCWD, proc, AT_FDCWD, *name, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		int e = errno;
		free(*name);
		*name = NULL;
		if (e != EEXIST) {
			errno = e;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

int afile_commit(struct afile *a, struct r57_err *err)
{
	int rc = R57_OK;
	if (fflush(a->f) != 0 || ferror(a->f)) {
		rc = io_fail(err, a->path, N_("cannot write; the old file is kept"), errno ? errno : EIO);
		afile_abort(a);
		return rc;
	}
	if (fsync(a->fd) != 0) {
		rc = io_fail(err, a->path, N_("cannot write; the old file is kept"), errno);
		afile_abort(a);
		return rc;
	}
	char *named = a->tmp;
	bool linked = false;
	if (!named) {
		if (link_tmpfile(a, &named) != 0) {
			rc = io_fail(err, a->path, N_("cannot save the file; the old file is kept"), errno);
			afile_abort(a);
			return rc;
		}
		linked = true;
	}
	if (rename(named, a->path) != 0) {
		int e = errno;
		unlink(named);
		if (linked)
			free(named);
		rc = io_fail(err, a->path, N_("cannot save the file; the old file is kept"), e);
		afile_abort(a);
		return rc;
	}
	if (linked)
		free(named);
	if (a->tmp) {
		unguard_tmp();
		free(a->tmp);
		a->tmp = NULL;
	}
	int cl = fclose(a->f);
	a->f = NULL;
	a->fd = -1;
	int dfd = open(a->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	if (cl != 0)
		rc = io_fail(err, a->path, N_("cannot write"), errno);
	afile_free(a);
	return rc;
}
