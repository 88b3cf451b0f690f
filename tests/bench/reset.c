/* reset.c: make WORK a byte-for-byte copy of BASE again, cheaply.
 *
 *   reset BASE WORK
 *
 * A benchmarked write changes a few pages of a file of up to a few hundred
 * megabytes. Copying the whole file before every run would leave that many
 * megabytes dirty in the page cache, and the fsync of the very write being
 * timed would then flush them. So: compare page by page, rewrite only the
 * pages that differ, cut the file back to BASE's size, fsync, and remove a
 * stale rollback journal. The first time (WORK missing) it is a full copy,
 * synced. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (1 << 20)
#define PAGE 4096

static void die(const char *what, const char *path)
{
	fprintf(stderr, "reset: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static size_t read_full(int fd, char *buf, size_t len, off_t off, const char *path)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = pread(fd, buf + got, len - got, off + (off_t)got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("reading", path);
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return got;
}

static void write_full(int fd, const char *buf, size_t len, off_t off, const char *path)
{
	size_t put = 0;
	while (put < len) {
		ssize_t n = pwrite(fd, buf + put, len - put, off + (off_t)put);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("writing", path);
		}
		put += (size_t)n;
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: reset BASE WORK\n", stderr);
		return 2;
	}
	const char *base = argv[1], *work = argv[2];
	int fb = open(base, O_RDONLY);
	if (fb < 0)
		die("opening", base);
	int fw = open(work, O_RDWR | O_CREAT, 0600);
	if (fw < 0)
		die("opening", work);
	struct stat sb;
	if (fstat(fb, &sb) != 0)
		die("reading", base);

	char *a = malloc(CHUNK), *b = malloc(CHUNK);
	if (!a || !b) {
		fputs("reset: out of memory\n", stderr);
		return 1;
	}
	int dirty = 0;
	for (off_t off = 0; off < sb.st_size; off += CHUNK) {
		size_t na = read_full(fb, a, CHUNK, off, base);
		size_t nb = read_full(fw, b, na, off, work);
		if (nb == na && memcmp(a, b, na) == 0)
			continue;
		for (size_t p = 0; p < na; p += PAGE) {
			size_t len = na - p < PAGE ? na - p : PAGE;
			if (p + len <= nb && memcmp(a + p, b + p, len) == 0)
				continue;
			write_full(fw, a + p, len, off + (off_t)p, work);
			dirty = 1;
		}
	}
	struct stat sw;
	if (fstat(fw, &sw) != 0)
		die("reading", work);
	if (sw.st_size != sb.st_size) {
		if (ftruncate(fw, sb.st_size) != 0)
			die("truncating", work);
		dirty = 1;
	}
	if (dirty && fsync(fw) != 0)
		die("syncing", work);
	free(a);
	free(b);
	close(fb);
	if (close(fw) != 0)
		die("closing", work);

	/* a journal left by a crashed run would be rolled back into WORK */
	char journal[4096];
	snprintf(journal, sizeof journal, "%s-journal", work);
	if (unlink(journal) != 0 && errno != ENOENT)
		die("removing", journal);
	return 0;
}
