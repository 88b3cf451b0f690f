/* fixture.h: what the store, journal and report tests share: a fresh
 * database in its own temporary folder (removed afterwards), a `struct r57`
 * with a pinned day, a clock that moves on one second per tick, and checks
 * that print the error message when an action fails. Only static inline
 * functions: the Makefile builds each test_*.c on its own. */
#ifndef R57_TEST_FIXTURE_H
#define R57_TEST_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "r57/date.h"
#include "r57/err.h"
#include "r57/filter.h"
#include "r57/journal.h"
#include "r57/report.h"
#include "r57/store.h"
#include "r57/task.h"

struct fx {
	char dir[256];
	char path[320];
	struct store *st;
	struct r57 r;
	struct r57_err err;
	int tick;             /* seconds of r.now past 09:00:00 */
};

/* Fail the test with the call's text and the error message unless it
 * returned R57_OK. */
#define FX_OK(f, call)                                                        \
	do {                                                                  \
		int fx_rc_ = (call);                                          \
		if (fx_rc_ != R57_OK)                                         \
			fail_msg("%s: returned %d: %s", #call, fx_rc_,        \
			         (f)->err.msg);                               \
	} while (0)

/* Expect a failure with exactly this code. */
#define FX_FAILS(f, want_code, call)                                          \
	do {                                                                  \
		memset(&(f)->err, 0, sizeof (f)->err);                        \
		int fx_rc_ = (call);                                          \
		if (fx_rc_ != (int)(want_code))                               \
			fail_msg("%s: returned %d, expected %d (%s)", #call,  \
			         fx_rc_, (int)(want_code), (f)->err.msg);     \
		assert_int_equal((f)->err.code, (want_code));                 \
	} while (0)

static inline r57_day fx_day(int y, int m, int d)
{
	r57_day day = R57_NO_DATE;
	if (!date_from_ymd(y, m, d, &day))
		fail_msg("no such day %d-%d-%d", y, m, d);
	return day;
}

/* Two strings equal, NULL only with NULL; `what` names the field. */
static inline void fx_str_eq(const char *got, const char *want, const char *what)
{
	if (!got && !want)
		return;
	if (!got || !want || strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", expected \"%s\"", what,
		         got ? got : "(null)", want ? want : "(null)");
}

static inline void fx_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

static inline void fx_day_eq(r57_day got, r57_day want, const char *what)
{
	char a[11], b[11];
	if (got != want)
		fail_msg("%s: got %s (%d), expected %s (%d)", what, date_iso(got, a),
		         (int)got, date_iso(want, b), (int)want);
}

/* r.now from r.today and the tick: "2025-06-30T09:00:07+07:00". */
static inline void fx_now(struct fx *f)
{
	char day[11];
	snprintf(f->r.now, sizeof f->r.now, "%sT09:%02d:%02d+07:00",
	         date_iso(f->r.today, day), (f->tick / 60) % 60, f->tick % 60);
}

/* Act as actor on day y-m-d (the clock moves on one second). */
static inline void fx_as(struct fx *f, const char *actor, int y, int m, int d)
{
	f->r.actor = actor;
	f->r.today = fx_day(y, m, d);
	f->tick++;
	fx_now(f);
}

static inline void fx_tick(struct fx *f)
{
	f->tick++;
	fx_now(f);
}

static inline void fx_open(struct fx *f, bool create)
{
	struct store_open_opts o = {
		.create = create,
		.actor = "r57-test",
		.now = f->r.now,
		.today = f->r.today,
	};
	FX_OK(f, store_open(f->path, &o, &f->st, &f->err));
	f->r.st = f->st;
}

static inline void fx_close(struct fx *f)
{
	store_close(f->st);
	f->st = NULL;
	f->r.st = NULL;
}

static inline void fx_make_dir(struct fx *f)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(f->dir, sizeof f->dir, "%s/r57-unit.XXXXXX", tmp);
	if (!mkdtemp(f->dir))
		fail_msg("mkdtemp %s: %s", f->dir, strerror(errno));
	snprintf(f->path, sizeof f->path, "%s/r57.db", f->dir);
}

static inline void fx_remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[1024];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* cmocka setup: a new database, actor "an", today 30/06/2025. */
static inline int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	fx_make_dir(f);
	fx_as(f, "an", 2025, 6, 30);
	fx_open(f, true);
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *f = *state;
	if (!f)
		return 0;
	fx_close(f);
	fx_remove_dir(f->dir);
	free(f);
	*state = NULL;
	return 0;
}

#define FX_TEST(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

/* --- actions in one line ------------------------------------------------ */

/* Add a task; group/leader/unit as typed (NULL = none), due may be
 * R57_NO_DATE. Returns its id. */
static inline int64_t fx_add(struct fx *f, const char *title, const char *group,
                             const char *leader, const char *unit, r57_day due)
{
	struct task_fields tf = TASK_FIELDS_INIT;
	int64_t id = 0;
	tf.title = title;
	tf.group = group;
	tf.leader = leader;
	tf.unit = unit;
	tf.due = due;
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
	assert_true(id > 0);
	return id;
}

static inline int64_t fx_ref(struct fx *f, enum ref_kind k, const char *name,
                             const char *title, const char *unit)
{
	int64_t id = 0;
	FX_OK(f, ref_add(&f->r, k, name, title, unit, NULL, &id, &f->err));
	assert_true(id > 0);
	return id;
}

static inline void fx_close_on(struct fx *f, int64_t id, r57_day on)
{
	FX_OK(f, task_close(&f->r, &id, 1, on, NULL, &f->err));
}

static inline void fx_due(struct fx *f, int64_t id, r57_day due)
{
	FX_OK(f, task_set_due(&f->r, &id, 1, due, &f->err));
}

/* --- reading back -------------------------------------------------------- */

static inline void fx_get(struct fx *f, int64_t id, struct task *t)
{
	FX_OK(f, store_task_get(f->st, id, t, &f->err));
}

static inline int fx_count_cb(const struct entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
	return 0;
}

/* Journal entries, all kinds (the 'init' entry included). */
static inline int fx_entries(struct fx *f)
{
	struct history_query q = { .since = R57_NO_DATE };
	int n = 0;
	FX_OK(f, journal_history(f->st, &q, fx_count_cb, &n, &f->err));
	return n;
}

static inline int fx_copy_entry_cb(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	*out = *e;
	out->actor = e->actor ? strdup(e->actor) : NULL;
	out->summary = e->summary ? strdup(e->summary) : NULL;
	return 1;
}

/* The newest entry; the caller calls entry_clear(). */
static inline void fx_newest(struct fx *f, struct entry *out)
{
	struct history_query q = { .since = R57_NO_DATE, .limit = 1 };
	memset(out, 0, sizeof *out);
	FX_OK(f, journal_history(f->st, &q, fx_copy_entry_cb, out, &f->err));
	assert_true(out->seq > 0);
}

/* Check the newest entry: actor, kind and summary exactly. */
static inline int64_t fx_check_newest(struct fx *f, const char *actor,
                                      enum entry_kind kind, const char *summary)
{
	struct entry e;
	char got_actor[128], got_summary[600];
	fx_newest(f, &e);
	/* copied out and freed first, so that a failure leaks nothing */
	snprintf(got_actor, sizeof got_actor, "%s", e.actor ? e.actor : "(null)");
	snprintf(got_summary, sizeof got_summary, "%s", e.summary ? e.summary : "(null)");
	enum entry_kind got_kind = e.kind;
	int64_t seq = e.seq;
	entry_clear(&e);
	fx_str_eq(got_actor, actor, "entry actor");
	fx_str_eq(entry_kind_name(got_kind), entry_kind_name(kind), "entry kind");
	fx_str_eq(got_summary, summary, "entry summary");
	return seq;
}

/* Every field of two reads of a task. */
static inline void fx_task_eq(const struct task *a, const struct task *b)
{
	assert_int_equal(a->id, b->id);
	fx_str_eq(a->uuid, b->uuid, "uuid");
	fx_str_eq(a->title, b->title, "title");
	fx_str_eq(a->notes, b->notes, "notes");
	fx_str_eq(a->product, b->product, "product");
	fx_str_eq(a->result, b->result, "result");
	assert_int_equal(a->group_id, b->group_id);
	assert_int_equal(a->leader_id, b->leader_id);
	assert_int_equal(a->unit_id, b->unit_id);
	assert_int_equal(a->source_id, b->source_id);
	assert_int_equal(a->group_number, b->group_number);
	fx_str_eq(a->group_name, b->group_name, "group name");
	fx_str_eq(a->leader_name, b->leader_name, "leader name");
	fx_str_eq(a->unit_name, b->unit_name, "unit name");
	fx_str_eq(a->source_code, b->source_code, "source code");
	fx_str_eq(a->units, b->units, "coordinating units");
	assert_int_equal(a->year, b->year);
	fx_day_eq(a->due, b->due, "due");
	fx_day_eq(a->first_due, b->first_due, "first due");
	fx_day_eq(a->closed, b->closed, "closed");
	fx_day_eq(a->created, b->created, "created");
	assert_int_equal(a->extensions, b->extensions);
	assert_int_equal(a->status, b->status);
	fx_str_eq(a->updated, b->updated, "updated");
}

/* The whole file, for byte-for-byte comparison, followed by a NUL byte
 * that *len does not count, so that a text file can be used as a string
 * (test_store.c runs schema_v1.sql); free() it. */
static inline unsigned char *fx_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("open %s: %s", path, strerror(errno));
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			unsigned char *grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				fclose(fp);
				fail_msg("out of memory");
			}
			buf = grown;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	fclose(fp);
	buf[n] = '\0'; /* the loop ends on a read of 0 bytes into room: n < cap */
	*len = n;
	return buf;
}

/* One integer from SQL run on the file through a connection of its own
 * (read-only), e.g. "PRAGMA user_version". */
static inline int64_t fx_sql_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int64_t v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		char msg[256];
		snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(db));
		sqlite3_finalize(s);
		sqlite3_close(db);
		fail_msg("%s: %s", sql, msg);
	}
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Run SQL on the file through a connection of its own (read-write). */
static inline void fx_sql_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s", path);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		char copy[256];
		snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(db);
		fail_msg("%s: %s", sql, copy);
	}
	sqlite3_close(db);
}

#endif
