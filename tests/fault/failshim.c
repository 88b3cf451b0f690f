/* failshim.c: an LD_PRELOAD library that fails the Nth write, fsync,
 * rename or link of r57's output files (src/base/afile.c writes them with plain
 * POSIX calls, not through SQLite's VFS). Only calls on files in one
 * folder count, so the database and the terminal are left alone:
 *
 *   R57_SHIM_DIR=DIR        the folder of the output file (absolute)
 *   R57_SHIM_FAIL=OP:N:ERR  the Nth OP (write, fsync, rename, link) fails
 *                           with ERR (enospc, eio); once
 *   R57_SHIM_REPORT=FILE    at the end, "write=W fsync=F rename=R link=L
 *                           failed=0|1" appended to FILE
 *
 * glibc's stdio writes with an internal write() that a preload cannot
 * replace, so fdopen() of a file in DIR returns a stream whose writes come
 * here (fopencookie); fsync, rename and linkat are replaced outright. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faultenv.h"

enum { OP_WRITE, OP_FSYNC, OP_RENAME, OP_LINK, N_OPS };
static const char *const op_names[N_OPS + 1] = { "write", "fsync", "rename", "link", NULL };

static struct {
	int ready;
	const char *dir;
	int fail_op;
	long fail_n;
	int fail_errno;
	const char *report;
	long n[N_OPS];
	int failed;
} g = { .fail_op = -1 };

static void report(void)
{
	if (!g.report)
		return;
	FILE *f = fopen(g.report, "a");
	if (!f)
		return;
	fprintf(f, "write=%ld fsync=%ld rename=%ld link=%ld failed=%d\n", g.n[OP_WRITE],
	        g.n[OP_FSYNC], g.n[OP_RENAME], g.n[OP_LINK], g.failed);
	fclose(f);
}

static void setup(void)
{
	if (g.ready)
		return;
	g.ready = 1;
	g.dir = getenv("R57_SHIM_DIR");
	g.report = getenv("R57_SHIM_REPORT");
	static const char *const codes[] = { "enospc", "eio", NULL };
	struct faultenv_fault f;
	if (faultenv_spec("failshim", "R57_SHIM_FAIL", op_names, codes, &f)) {
		g.fail_op = f.op;
		g.fail_n = f.n;
		g.fail_errno = f.code == 1 ? EIO : ENOSPC;
	}
	atexit(report);
}

/* Is path in the watched folder (or the folder itself)? */
static int watched_path(const char *path)
{
	if (!g.dir || !path)
		return 0;
	size_t n = strlen(g.dir);
	if (strncmp(path, g.dir, n) != 0)
		return 0;
	return path[n] == '\0' || path[n] == '/';
}

static int watched_fd(int fd)
{
	char link[64], target[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, target, sizeof target - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	return watched_path(target);
}

/* Count a call; true when this one is to fail (errno set). */
static int fails(int op)
{
	g.n[op]++;
	if (op == g.fail_op && g.n[op] == g.fail_n) {
		g.failed = 1;
		errno = g.fail_errno;
		return 1;
	}
	return 0;
}

static ssize_t ck_write(void *cookie, const char *buf, size_t n)
{
	int fd = (int)(long)cookie;
	if (fails(OP_WRITE))
		return -1;
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(fd, buf + done, n - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return done ? (ssize_t)done : -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static ssize_t ck_read(void *cookie, char *buf, size_t n)
{
	return read((int)(long)cookie, buf, n);
}

static int ck_seek(void *cookie, off64_t *off, int whence)
{
	off64_t r = lseek64((int)(long)cookie, *off, whence);
	if (r < 0)
		return -1;
	*off = r;
	return 0;
}

static int ck_close(void *cookie)
{
	return close((int)(long)cookie);
}

FILE *fdopen(int fd, const char *mode)
{
	static FILE *(*real)(int, const char *);
	setup();
	if (!real)
		real = (FILE * (*)(int, const char *))dlsym(RTLD_NEXT, "fdopen");
	if (!watched_fd(fd) || !strchr(mode, 'w'))
		return real(fd, mode);
	cookie_io_functions_t io = { ck_read, ck_write, ck_seek, ck_close };
	return fopencookie((void *)(long)fd, mode, io);
}

int fsync(int fd)
{
	static int (*real)(int);
	setup();
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (watched_fd(fd) && fails(OP_FSYNC))
		return -1;
	return real(fd);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	setup();
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	if (watched_path(to) && fails(OP_RENAME))
		return -1;
	return real(from, to);
}

int linkat(int fromdir, const char *from, int todir, const char *to, int flags)
{
	static int (*real)(int, const char *, int, const char *, int);
	setup();
	if (!real)
		real = (int (*)(int, const char *, int, const char *, int))dlsym(RTLD_NEXT, "linkat");
	if (watched_path(to) && fails(OP_LINK))
		return -1;
	return real(fromdir, from, todir, to, flags);
}
