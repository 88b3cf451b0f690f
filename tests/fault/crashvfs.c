/* crashvfs.c: r57 with a test VFS under it, for the power-cut and I/O fault
 * tests (tests/fault/). The VFS wraps SQLite's default one and is made the
 * default before r57's own main (src/main.c compiled as r57_real_main) runs,
 * so src/ is tested unchanged. Configured by the environment:
 *
 *   R57_VFS_CUT=N      cut the power at the Nth xSync (counted over every
 *                      file; that sync does not happen), or "exit": when the
 *                      process ends. A cut undoes, newest first, every write
 *                      and truncate not yet synced and every unlink whose
 *                      folder was not synced since, then ends the process
 *                      with status 99 (a sync point) or r57's own (exit).
 *   R57_VFS_TEAR=1     with a cut at a sync point: the file's newest write
 *                      is torn, its first half (whole 512-byte sectors)
 *                      reaching the disk.
 *   R57_VFS_SUBSET=S   with a cut: a random part (seed S) of the unsynced
 *                      writes, truncates and unlinks reach the disk after
 *                      all, applied in their order, as a disk's cache may.
 *   R57_VFS_LIE=1      a disk that says yes to every sync and keeps nothing:
 *                      the harness's own test (a cut must then lose work).
 *   R57_VFS_FAIL=OP:N:CODE  the Nth OP (write, sync, read or truncate,
 *                      counted over every file) fails with CODE: ioerr
 *                      (SQLITE_IOERR_WRITE, _FSYNC, _READ, _TRUNCATE) or
 *                      full (SQLITE_FULL). Once: later calls succeed.
 *   R57_VFS_REPORT=FILE  at the end, one line "writes=W syncs=S reads=R
 *                      truncates=T failed=0|1 cut=0|1" appended to FILE.
 *
 * The model is SQLite's own crash test (src/test6.c), turned around: writes
 * go through to the real file at once and their before-images are kept
 * until the file is synced, so a cut restores what the disk held at the
 * last sync. A unix journal's first sync also syncs its folder, as
 * os_unix.c does, which makes earlier unlinks (and its creation) durable;
 * so does an xDelete asked to sync the folder. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "faultenv.h"

int r57_real_main(int argc, char **argv);

/* One undoable event: a write or truncate (path's bytes [off, off+n_old)
 * were old, the file was old_size long; new bytes kept for a tear), or an
 * unlink (the whole old content in old, unlink = 1). */
struct event {
	struct event *prev;
	char *path;
	int unlink;
	sqlite3_int64 off, old_size;
	unsigned char *old, *new_;
	size_t n_old, n_new;
};

struct cfile {
	sqlite3_file base;
	char *path;          /* NULL for temporary files: not modelled */
	int dirsync;         /* the first sync also syncs the folder */
	sqlite3_file *real;  /* follows this struct */
};

static struct {
	sqlite3_vfs *real;
	long cut_at;         /* 0: no cut; -1: at exit */
	int tear;
	int lie;             /* syncs make nothing durable */
	unsigned subset;     /* 0, or the seed of the part kept at a cut */
	int fail_op;         /* 0 none, 1 write, 2 sync, 3 read, 4 truncate */
	long fail_n;
	int fail_code;
	const char *report;
	long n[5];           /* calls so far, by op */
	int failed, cut;
	struct event *events; /* newest first */
} g;

enum { OP_WRITE = 1, OP_SYNC, OP_READ, OP_TRUNCATE };

static int fault(int op, int ioerr)
{
	g.n[op]++;
	if (g.fail_op == op && g.n[op] == g.fail_n) {
		g.failed = 1;
		return g.fail_code == SQLITE_FULL ? SQLITE_FULL : ioerr;
	}
	return SQLITE_OK;
}

static void report(void)
{
	if (!g.report)
		return;
	FILE *f = fopen(g.report, "a");
	if (!f)
		return;
	fprintf(f, "writes=%ld syncs=%ld reads=%ld truncates=%ld failed=%d cut=%d\n",
	        g.n[OP_WRITE], g.n[OP_SYNC], g.n[OP_READ], g.n[OP_TRUNCATE], g.failed, g.cut);
	fclose(f);
}

static void push(struct event *e)
{
	e->prev = g.events;
	g.events = e;
}

/* The file's region [off, off+n) and its size now, before it changes. */
static struct event *before_image(struct cfile *f, sqlite3_int64 off, sqlite3_int64 n)
{
	struct event *e = calloc(1, sizeof *e);
	sqlite3_int64 size = 0;
	if (!e || !(e->path = strdup(f->path)))
		abort();
	f->real->pMethods->xFileSize(f->real, &size);
	e->off = off;
	e->old_size = size;
	if (off < size) {
		sqlite3_int64 m = size - off < n ? size - off : n;
		e->n_old = (size_t)m;
		if (!(e->old = malloc(e->n_old ? e->n_old : 1)))
			abort();
		/* a short read fills with zeros, which is what the file held */
		f->real->pMethods->xRead(f->real, e->old, (int)m, off);
	}
	return e;
}

/* Forget the events of path: its data reached the disk. */
static void synced(const char *path)
{
	struct event **pp = &g.events;
	while (*pp) {
		struct event *e = *pp;
		if (!e->unlink && strcmp(e->path, path) == 0) {
			*pp = e->prev;
			free(e->path);
			free(e->old);
			free(e->new_);
			free(e);
		} else {
			pp = &e->prev;
		}
	}
}

/* The folder was synced: every unlink so far is on the disk. */
static void dir_synced(void)
{
	struct event **pp = &g.events;
	while (*pp) {
		struct event *e = *pp;
		if (e->unlink) {
			*pp = e->prev;
			free(e->path);
			free(e->old);
			free(e);
		} else {
			pp = &e->prev;
		}
	}
}

static void put(int fd, const unsigned char *p, size_t n, sqlite3_int64 off)
{
	while (n > 0) {
		ssize_t w = pwrite(fd, p, n, (off_t)off);
		if (w <= 0) {
			perror("crashvfs: restoring");
			_exit(98);
		}
		p += w;
		n -= (size_t)w;
		off += w;
	}
}

/* The power goes: every unsynced event undone, newest first, with plain
 * POSIX calls (no VFS, no faults); torn: the newest write of torn_path
 * keeps its first half. */
static void power_cut(const char *torn_path)
{
	struct event *tear = NULL;
	if (torn_path)
		for (struct event *e = g.events; e; e = e->prev)
			if (!e->unlink && e->new_ && strcmp(e->path, torn_path) == 0) {
				tear = e;
				break;
			}
	for (struct event *e = g.events; e; e = e->prev) {
		if (e->unlink) {
			int fd = open(e->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
			if (fd < 0) {
				perror("crashvfs: restoring an unlinked file");
				_exit(98);
			}
			put(fd, e->old, e->n_old, 0);
			close(fd);
			continue;
		}
		int fd = open(e->path, O_WRONLY | O_CLOEXEC);
		if (fd < 0)
			continue; /* unlinked for good since */
		put(fd, e->old, e->n_old, e->off);
		if (ftruncate(fd, (off_t)e->old_size) != 0) {
			perror("crashvfs: restoring a size");
			_exit(98);
		}
		close(fd);
	}
	if (g.subset) {
		/* the events oldest first, each applied again or not */
		size_t n = 0, i = 0;
		for (struct event *e = g.events; e; e = e->prev)
			n++;
		struct event **v = calloc(n ? n : 1, sizeof *v);
		if (!v)
			abort();
		for (struct event *e = g.events; e; e = e->prev)
			v[n - 1 - i++] = e;
		unsigned r = g.subset;
		for (i = 0; i < n; i++) {
			r = r * 1103515245u + 12345u;
			if (!((r >> 16) & 1))
				continue;
			struct event *e = v[i];
			if (e->unlink) {
				unlink(e->path);
				continue;
			}
			int fd = open(e->path, O_WRONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			if (e->new_)
				put(fd, e->new_, e->n_new, e->off);
			else if (ftruncate(fd, (off_t)e->off) != 0)
				perror("crashvfs: truncating");
			close(fd);
		}
		free(v);
	}
	if (tear) {
		size_t keep = tear->n_new / 2;
		if (keep >= 512)
			keep -= keep % 512;
		int fd = open(tear->path, O_WRONLY | O_CLOEXEC);
		if (fd >= 0) {
			put(fd, tear->new_, keep, tear->off);
			close(fd);
		}
	}
	g.cut = 1;
}

/* ---- the file ---------------------------------------------------------- */

static int c_close(sqlite3_file *p)
{
	struct cfile *f = (struct cfile *)p;
	int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
	free(f->path);
	return rc;
}

static int c_read(sqlite3_file *p, void *buf, int n, sqlite3_int64 off)
{
	struct cfile *f = (struct cfile *)p;
	int rc = fault(OP_READ, SQLITE_IOERR_READ);
	return rc ? rc : f->real->pMethods->xRead(f->real, buf, n, off);
}

static int c_write(sqlite3_file *p, const void *buf, int n, sqlite3_int64 off)
{
	struct cfile *f = (struct cfile *)p;
	int rc = fault(OP_WRITE, SQLITE_IOERR_WRITE);
	if (rc)
		return rc;
	if (g.cut_at && f->path) {
		struct event *e = before_image(f, off, n);
		e->n_new = (size_t)n;
		if (!(e->new_ = malloc((size_t)n ? (size_t)n : 1)))
			abort();
		memcpy(e->new_, buf, (size_t)n);
		push(e);
	}
	return f->real->pMethods->xWrite(f->real, buf, n, off);
}

static int c_truncate(sqlite3_file *p, sqlite3_int64 size)
{
	struct cfile *f = (struct cfile *)p;
	int rc = fault(OP_TRUNCATE, SQLITE_IOERR_TRUNCATE);
	if (rc)
		return rc;
	if (g.cut_at && f->path) {
		sqlite3_int64 now = 0;
		f->real->pMethods->xFileSize(f->real, &now);
		if (now > size)
			push(before_image(f, size, now - size));
	}
	return f->real->pMethods->xTruncate(f->real, size);
}

static int c_sync(sqlite3_file *p, int flags)
{
	struct cfile *f = (struct cfile *)p;
	int rc = fault(OP_SYNC, SQLITE_IOERR_FSYNC);
	if (rc)
		return rc;
	if (g.cut_at > 0 && g.n[OP_SYNC] == g.cut_at) {
		power_cut(g.tear ? f->path : NULL);
		report();
		_exit(99);
	}
	rc = f->real->pMethods->xSync(f->real, flags);
	if (rc == SQLITE_OK && f->path && !g.lie) {
		synced(f->path);
		if (f->dirsync) {
			f->dirsync = 0;
			dir_synced();
		}
	}
	return rc;
}

static int c_size(sqlite3_file *p, sqlite3_int64 *out)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xFileSize(f->real, out);
}

static int c_lock(sqlite3_file *p, int l)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xLock(f->real, l);
}

static int c_unlock(sqlite3_file *p, int l)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xUnlock(f->real, l);
}

static int c_reserved(sqlite3_file *p, int *out)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int c_fcntl(sqlite3_file *p, int op, void *arg)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int c_sector(sqlite3_file *p)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xSectorSize(f->real);
}

static int c_devchar(sqlite3_file *p)
{
	struct cfile *f = (struct cfile *)p;
	return f->real->pMethods->xDeviceCharacteristics(f->real);
}

/* No shared memory or memory mapping: the rollback journal needs neither,
 * and a mapped write would bypass the model. */
static const sqlite3_io_methods c_methods = {
	1, c_close, c_read, c_write, c_truncate, c_sync, c_size, c_lock, c_unlock,
	c_reserved, c_fcntl, c_sector, c_devchar,
	NULL, NULL, NULL, NULL, NULL, NULL,
};

/* ---- the VFS ----------------------------------------------------------- */

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *p, int flags, int *out_flags)
{
	(void)vfs;
	struct cfile *f = (struct cfile *)p;
	memset(f, 0, sizeof *f);
	f->real = (sqlite3_file *)(f + 1);
	int rc = g.real->xOpen(g.real, name, f->real, flags, out_flags);
	if (rc != SQLITE_OK) {
		f->real->pMethods = NULL;
		return rc;
	}
	if (name && !(flags & SQLITE_OPEN_DELETEONCLOSE) && !(f->path = strdup(name)))
		abort();
	f->dirsync = (flags & SQLITE_OPEN_CREATE) &&
	             (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL));
	p->pMethods = &c_methods;
	return SQLITE_OK;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int dirsync)
{
	(void)vfs;
	if (g.cut_at && !dirsync) {
		struct event *e = calloc(1, sizeof *e);
		if (!e || !(e->path = strdup(name)))
			abort();
		e->unlink = 1;
		FILE *in = fopen(name, "rb");
		if (in) {
			size_t cap = 0, c;
			unsigned char buf[65536];
			while ((c = fread(buf, 1, sizeof buf, in)) > 0) {
				if (e->n_old + c > cap) {
					cap = (e->n_old + c) * 2;
					if (!(e->old = realloc(e->old, cap)))
						abort();
				}
				memcpy(e->old + e->n_old, buf, c);
				e->n_old += c;
			}
			fclose(in);
			push(e);
		} else {
			free(e->path);
			free(e);
		}
	}
	int rc = g.real->xDelete(g.real, name, dirsync);
	if (rc == SQLITE_OK && dirsync && g.cut_at && !g.lie)
		dir_synced();
	return rc;
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return g.real->xAccess(g.real, name, flags, out);
}

static int v_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return g.real->xFullPathname(g.real, name, n, out);
}

static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return g.real->xDlOpen(g.real, name);
}

static void v_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	g.real->xDlError(g.real, n, out);
}

static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return g.real->xDlSym(g.real, h, sym);
}

static void v_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	g.real->xDlClose(g.real, h);
}

static int v_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return g.real->xRandomness(g.real, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return g.real->xSleep(g.real, us);
}

static int v_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return g.real->xCurrentTime(g.real, out);
}

static int v_lasterr(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return g.real->xGetLastError ? g.real->xGetLastError(g.real, n, out) : 0;
}

static int v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return g.real->xCurrentTimeInt64(g.real, out);
}

static sqlite3_vfs c_vfs = {
	2, 0, 0, NULL, "r57crash", NULL,
	v_open, v_delete, v_access, v_fullpath, v_dlopen, v_dlerror, v_dlsym, v_dlclose,
	v_random, v_sleep, v_time, v_lasterr, v_time64,
	NULL, NULL, NULL,
};

static void at_exit(void)
{
	if (g.cut_at < 0)
		power_cut(NULL);
	report();
}

static void configure(void)
{
	static const char *const ops[] = { "write", "sync", "read", "truncate", NULL };
	static const char *const codes[] = { "ioerr", "full", NULL };
	struct faultenv_fault f;
	const char *s = getenv("R57_VFS_CUT");
	if (s && strcmp(s, "exit") == 0)
		g.cut_at = -1;
	else
		g.cut_at = faultenv_long("crashvfs", "R57_VFS_CUT", 0);
	g.tear = faultenv_flag("R57_VFS_TEAR");
	g.lie = faultenv_flag("R57_VFS_LIE");
	g.subset = (unsigned)faultenv_long("crashvfs", "R57_VFS_SUBSET", 0);
	if (faultenv_spec("crashvfs", "R57_VFS_FAIL", ops, codes, &f)) {
		g.fail_op = OP_WRITE + f.op; /* the names in the order of the enum */
		g.fail_n = f.n;
		g.fail_code = f.code == 1 ? SQLITE_FULL : SQLITE_IOERR;
	}
	g.report = getenv("R57_VFS_REPORT");
}

int main(int argc, char **argv)
{
	configure();
	g.real = sqlite3_vfs_find(NULL);
	if (!g.real) {
		fprintf(stderr, "crashvfs: no default VFS\n");
		return 97;
	}
	c_vfs.szOsFile = (int)sizeof(struct cfile) + g.real->szOsFile;
	c_vfs.mxPathname = g.real->mxPathname;
	if (sqlite3_vfs_register(&c_vfs, 1) != SQLITE_OK) {
		fprintf(stderr, "crashvfs: cannot register the VFS\n");
		return 97;
	}
	atexit(at_exit);
	return r57_real_main(argc, argv);
}
