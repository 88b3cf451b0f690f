/* fuzz_import.c: libFuzzer harness for a whole import (r57/import.h): the
 * input is the file given to `r57 import`, CSV or JSON, brought into a
 * database as r57 would. Two databases are made once per process in a
 * folder of their own (on /dev/shm when it can be written, a tmpfs, else
 * $TMPDIR): a new one and one holding the demo's tasks, so that rows are
 * matched to tasks too; each input gets a fresh copy of one of them (by
 * its length's parity). The input is imported as a dry run, then for
 * real. Beyond no crash, no sanitizer report and no leak: a failure is one
 * of r57's codes with a message, and then nothing was written; a dry run
 * and the import agree on what they did; after an import `r57 check`'s
 * checks (store_check_all) find nothing wrong. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/date.h"
#include "r57/demo.h"
#include "r57/import.h"
#include "r57/journal.h"
#include "r57/store.h"
#include "r57/task.h"
#include "fuzz.h"

#define ACTOR "fuzz"

struct image {
	unsigned char *bytes;
	size_t len;
};

/* The harness's one state: libFuzzer calls in with the input only. */
static struct {
	char dir[256], db[320], input[320];
	struct image base[2]; /* new, demo */
	r57_day today;
	char now[32];
} fx;

static void remove_dir(void)
{
	DIR *d = opendir(fx.dir);
	if (!d)
		return;
	struct dirent *e;
	char p[600];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", fx.dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(fx.dir);
}

static void write_file(const char *path, const void *bytes, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_REQUIRE(fd >= 0, "open %s: %s", path, strerror(errno));
	const unsigned char *p = bytes;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		FUZZ_REQUIRE(n > 0, "write %s: %s", path, strerror(errno));
		p += n;
		len -= (size_t)n;
	}
	close(fd);
}

static struct image read_image(const char *path)
{
	struct image im = { 0 };
	FILE *f = fopen(path, "rb");
	FUZZ_REQUIRE(f != NULL, "open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	FUZZ_REQUIRE(n > 0, "%s is empty", path);
	im.len = (size_t)n;
	im.bytes = malloc(im.len);
	FUZZ_REQUIRE(im.bytes && fread(im.bytes, 1, im.len, f) == im.len, "read %s", path);
	fclose(f);
	return im;
}

static struct store *open_db(struct r57 *r)
{
	struct store_open_opts o = { .create = true, .actor = ACTOR, .now = fx.now, .today = fx.today };
	struct r57_err err = { 0 };
	struct store *st = NULL;
	int rc = store_open(fx.db, &o, &st, &err);
	FUZZ_REQUIRE(rc == R57_OK, "store_open: %s", err.msg);
	memset(r, 0, sizeof *r);
	r->st = st;
	r->actor = ACTOR;
	r->today = fx.today;
	snprintf(r->now, sizeof r->now, "%s", fx.now);
	return st;
}

static void fresh_db(const struct image *from)
{
	char side[400];
	snprintf(side, sizeof side, "%s-journal", fx.db);
	unlink(side);
	snprintf(side, sizeof side, "%s-wal", fx.db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", fx.db);
	unlink(side);
	if (from)
		write_file(fx.db, from->bytes, from->len);
	else
		unlink(fx.db);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(fx.dir, sizeof fx.dir, "%s/r57-fuzz-import.XXXXXX", tmp);
	FUZZ_REQUIRE(mkdtemp(fx.dir) != NULL, "mkdtemp %s: %s", fx.dir, strerror(errno));
	atexit(remove_dir);
	snprintf(fx.db, sizeof fx.db, "%s/r57.db", fx.dir);
	snprintf(fx.input, sizeof fx.input, "%s/input", fx.dir);
	FUZZ_REQUIRE(date_from_ymd(2025, 6, 30, &fx.today), "today");
	snprintf(fx.now, sizeof fx.now, "2025-06-30T09:00:00+07:00");

	struct r57 r;
	fresh_db(NULL);
	store_close(open_db(&r));
	fx.base[0] = read_image(fx.db);

	fresh_db(NULL);
	open_db(&r);
	struct r57_err err = { 0 };
	int n = 0;
	FUZZ_REQUIRE(demo_fill(&r, &n, &err) == R57_OK && n > 0, "demo_fill: %s", err.msg);
	store_close(r.st);
	fx.base[1] = read_image(fx.db);
	return 0;
}

static void show_problem(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "fuzz: r57 check: %s\n", line);
}

/* The newest journal entry's number. */
static int newest_cb(const struct entry *e, void *ctx)
{
	*(int64_t *)ctx = e->seq;
	return 1;
}

static int64_t newest_seq(struct store *st)
{
	struct history_query q = { .since = R57_NO_DATE, .limit = 1 };
	struct r57_err err = { 0 };
	int64_t seq = 0;
	FUZZ_REQUIRE(journal_history(st, &q, newest_cb, &seq, &err) == R57_OK, "journal_history: %s", err.msg);
	return seq;
}

static void check_failed(int rc, const struct r57_err *err)
{
	FUZZ_REQUIRE(rc > R57_OK && rc <= R57_ENOMEM && err->code == (enum r57_code)rc,
	             "import returned %d, err.code %d", rc, (int)err->code);
	FUZZ_REQUIRE(err->msg[0] != '\0', "a failed import without a message");
	FUZZ_REQUIRE(rc != R57_EDB && rc != R57_ENOMEM && rc != R57_EBUSY,
	             "the database refused an import that was checked: %s", err->msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_file(fx.input, data, size);
	fresh_db(&fx.base[size & 1]);
	struct r57 r;
	struct store *st = open_db(&r);
	int64_t seq0 = newest_seq(st);

	struct import_opts o = { .path = fx.input, .dry_run = true };
	struct import_result dry, res;
	struct r57_err err = { 0 };
	int rc_dry = import_file(&r, &o, &dry, &err);
	if (rc_dry)
		check_failed(rc_dry, &err);
	FUZZ_REQUIRE(newest_seq(st) == seq0, "a dry run wrote a journal entry");

	o.dry_run = false;
	memset(&err, 0, sizeof err);
	int rc = import_file(&r, &o, &res, &err);
	FUZZ_REQUIRE(rc == rc_dry, "the dry run gave %d, the import %d (%s)", rc_dry, rc, err.msg);
	if (rc) {
		check_failed(rc, &err);
		FUZZ_REQUIRE(newest_seq(st) == seq0, "a failed import wrote a journal entry");
	} else {
		FUZZ_REQUIRE(dry.json == res.json && dry.rows == res.rows && dry.added == res.added &&
		             dry.changed == res.changed && dry.unchanged == res.unchanged,
		             "dry run %lld rows %lld added %lld changed, import %lld %lld %lld",
		             (long long)dry.rows, (long long)dry.added, (long long)dry.changed,
		             (long long)res.rows, (long long)res.added, (long long)res.changed);
		FUZZ_REQUIRE(res.rows == res.added + res.changed + res.unchanged, "rows %lld != %lld + %lld + %lld",
		             (long long)res.rows, (long long)res.added, (long long)res.changed, (long long)res.unchanged);
		FUZZ_REQUIRE((res.seq == 0) == (newest_seq(st) == seq0), "journal entry %lld, newest before %lld after %lld",
		             (long long)res.seq, (long long)seq0, (long long)newest_seq(st));
		int problems = 0;
		FUZZ_REQUIRE(store_check_all(st, show_problem, NULL, &problems, &err) == R57_OK,
		             "store_check_all: %s", err.msg);
		FUZZ_REQUIRE(problems == 0, "r57 check found %d problems after an import", problems);
	}
	store_close(st);
	return 0;
}
