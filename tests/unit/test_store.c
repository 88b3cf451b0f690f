/* test_store.c: store.c, store_ref.c and store_task.c through the real
 * actions: a new database and its identity, reopening, files that are not
 * ours or are newer (refused, untouched), finding groups, leaders, units and
 * sources as people type them, removal refused while in use, group order,
 * and listing tasks by every filter, limit and order. */
#include "fixture.h"
#include "journal_v3.h"

#include "r57/journal.h"
#include "r57/text.h"

static const char *const default_group_names[] = {
	"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu",
	"Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu",
	"Nâng cao năng lực số cho cán bộ, công chức, viên chức",
	"Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số",
};

/* Refs as listed: ids, names and positions in list order. */
struct refs {
	int n;
	int64_t id[16];
	char name[16][160];
	int position[16];
	int64_t uses[16];
};

static int take_ref(const struct ref *r, void *ctx)
{
	struct refs *l = ctx;
	if (l->n < 16) {
		l->id[l->n] = r->id;
		snprintf(l->name[l->n], sizeof l->name[l->n], "%s", r->name ? r->name : "");
		l->position[l->n] = r->position;
		l->uses[l->n] = r->uses;
		l->n++;
	}
	return 0;
}

static void list_refs(struct fx *f, enum ref_kind k, struct refs *out)
{
	memset(out, 0, sizeof *out);
	FX_OK(f, store_ref_list(f->st, k, take_ref, out, &f->err));
}

/* Group ids in list order, e.g. "4 1 2 3". */
static void check_group_order(struct fx *f, const char *want)
{
	struct refs g;
	char got[64] = "";
	list_refs(f, REF_GROUP, &g);
	for (int i = 0; i < g.n; i++) {
		size_t n = strlen(got);
		snprintf(got + n, sizeof got - n, "%s%lld", i ? " " : "", (long long)g.id[i]);
		assert_int_equal(g.position[i], i + 1); /* numbers 1..n, no gaps */
	}
	fx_str_eq(got, want, "group ids in order");
}

/* --- a new database --------------------------------------------------------- */

static void test_new_database(void **state)
{
	struct fx *f = *state;
	struct stat sb;

	assert_int_equal(fx_sql_int(f->path, "PRAGMA application_id"), R57_APPLICATION_ID);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA application_id"), 0x52353701);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), R57_SCHEMA_VERSION);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), 5);
	/* the rollback journal, not WAL (design.md) */
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'delete'"), 1);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	fx_str_eq(store_path(f->st), f->path, "store_path");

	struct refs g;
	list_refs(f, REF_GROUP, &g);
	assert_int_equal(g.n, 4);
	for (int i = 0; i < 4; i++) {
		fx_str_eq(g.name[i], default_group_names[i], "default group");
		assert_int_equal(g.position[i], i + 1);
		assert_int_equal(g.id[i], i + 1);
		assert_int_equal(g.uses[i], 0);
	}
	struct refs none;
	list_refs(f, REF_LEADER, &none);
	assert_int_equal(none.n, 0);
	list_refs(f, REF_UNIT, &none);
	assert_int_equal(none.n, 0);
	list_refs(f, REF_SOURCE, &none);
	assert_int_equal(none.n, 0);

	/* one 'init' entry, by the actor that created the file */
	assert_int_equal(fx_entries(f), 1);
	fx_check_newest(f, "r57-test", ENTRY_INIT, "create the database");
	/* and no task */
	struct task t;
	FX_FAILS(f, R57_ENOTFOUND, store_task_get(f->st, 1, &t, &f->err));
	fx_str_eq(f->err.msg, "task #1 does not exist", "message");
}

static void test_reopen(void **state)
{
	struct fx *f = *state;
	int64_t id = fx_add(f, "Số hóa hồ sơ thủ tục hành chính", "2", NULL, NULL,
	                    fx_day(2025, 12, 31));
	fx_close(f);
	fx_open(f, false);

	struct task t;
	fx_get(f, id, &t);
	fx_str_eq(t.title, "Số hóa hồ sơ thủ tục hành chính", "title");
	assert_int_equal(t.group_number, 2);
	fx_day_eq(t.due, fx_day(2025, 12, 31), "due");
	task_clear(&t);

	/* opening again neither adds groups nor writes an entry */
	struct refs g;
	list_refs(f, REF_GROUP, &g);
	assert_int_equal(g.n, 4);
	assert_int_equal(fx_entries(f), 2);

	/* the same with create=true on an existing file */
	fx_close(f);
	fx_open(f, true);
	list_refs(f, REF_GROUP, &g);
	assert_int_equal(g.n, 4);
	assert_int_equal(fx_entries(f), 2);
}

static void test_missing_file_not_created(void **state)
{
	struct fx *f = *state;
	char path[400];
	struct store *st = (struct store *)&st; /* not NULL before the call */
	struct stat sb;
	struct store_open_opts o = { .create = false, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	snprintf(path, sizeof path, "%s/absent.db", f->dir);
	FX_FAILS(f, R57_EIO, store_open(path, &o, &st, &f->err));
	assert_null(st);
	fx_contains(f->err.msg, path);
	assert_int_equal(stat(path, &sb), -1);

	/* create=true in a folder that does not exist, without make_dirs */
	snprintf(path, sizeof path, "%s/no/such/folder/r57.db", f->dir);
	o.create = true;
	FX_FAILS(f, R57_EIO, store_open(path, &o, &st, &f->err));
	assert_null(st);
	fx_contains(f->err.msg, "does not exist");
}

static void test_make_dirs(void **state)
{
	struct fx *f = *state;
	char sub[400], deeper[420], path[440];
	snprintf(sub, sizeof sub, "%s/data", f->dir);
	snprintf(deeper, sizeof deeper, "%s/r57", sub);
	snprintf(path, sizeof path, "%s/r57.db", deeper);
	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .make_dirs = true, .actor = "an",
	                             .now = f->r.now, .today = f->r.today };
	int rc = store_open(path, &o, &st, &f->err);
	struct stat sd, sf;
	int sd_rc = stat(deeper, &sd), sf_rc = stat(path, &sf);
	store_close(st);
	fx_remove_dir(deeper);
	fx_remove_dir(sub);
	if (rc != R57_OK)
		fail_msg("store_open with make_dirs: %s", f->err.msg);
	assert_non_null(st);
	assert_int_equal(sd_rc, 0);
	assert_true(S_ISDIR(sd.st_mode));
	assert_int_equal(sd.st_mode & 0777, 0700);
	assert_int_equal(sf_rc, 0);
	assert_int_equal(sf.st_mode & 0777, 0600);
}

static void test_not_sqlite_refused(void **state)
{
	struct fx *f = *state;
	char path[400];
	snprintf(path, sizeof path, "%s/notes.db", f->dir);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fprintf(fp, "Biên bản họp ngày %02d: không phải cơ sở dữ liệu.\n", i % 28 + 1);
	fclose(fp);
	size_t len0, len1;
	unsigned char *before = fx_slurp(path, &len0);

	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	FX_FAILS(f, R57_EDB, store_open(path, &o, &st, &f->err));
	assert_null(st);
	char want[600];
	snprintf(want, sizeof want, "%s: not an r57 database (not an SQLite file)", path);
	fx_str_eq(f->err.msg, want, "message");

	unsigned char *after = fx_slurp(path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
}

static void test_other_sqlite_refused(void **state)
{
	struct fx *f = *state;
	char path[400];
	snprintf(path, sizeof path, "%s/other.db", f->dir);
	fx_sql_exec(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
	                  " INSERT INTO notes(body) VALUES ('một'), ('hai');");
	size_t len0, len1;
	unsigned char *before = fx_slurp(path, &len0);

	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	FX_FAILS(f, R57_EDB, store_open(path, &o, &st, &f->err));
	assert_null(st);
	char want[600];
	snprintf(want, sizeof want, "%s: not an r57 database (an SQLite file of another program)", path);
	fx_str_eq(f->err.msg, want, "message");
	unsigned char *after = fx_slurp(path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
	assert_int_equal(fx_sql_int(path, "SELECT count(*) FROM sqlite_master"), 1);
}

static void test_newer_version_refused(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Nâng cấp hệ thống quản lý văn bản", "1", NULL, NULL, R57_NO_DATE);
	fx_close(f);
	fx_sql_exec(f->path, "PRAGMA user_version = 99");
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), 99);

	size_t len0, len1;
	unsigned char *before = fx_slurp(f->path, &len0);
	struct stat sb0, sb1;
	assert_int_equal(stat(f->path, &sb0), 0);

	char want[700];
	snprintf(want, sizeof want,
	         "%s: written by a newer r57 (schema version 99; this r57 knows up to %d); not opened, nothing changed",
	         f->path, R57_SCHEMA_VERSION);
	for (int create = 0; create <= 1; create++) {
		struct store *st = NULL;
		struct store_open_opts o = { .create = create, .actor = "an", .now = f->r.now,
		                             .today = f->r.today };
		FX_FAILS(f, R57_EDB, store_open(f->path, &o, &st, &f->err));
		assert_null(st);
		fx_str_eq(f->err.msg, want, "message");
	}

	unsigned char *after = fx_slurp(f->path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	assert_int_equal(stat(f->path, &sb1), 0);
	assert_int_equal(sb0.st_mtim.tv_sec, sb1.st_mtim.tv_sec);
	assert_int_equal(sb0.st_mtim.tv_nsec, sb1.st_mtim.tv_nsec);
	free(before);
	free(after);
	/* no journal file was left beside it */
	char journal[400];
	snprintf(journal, sizeof journal, "%s-journal", f->path);
	assert_int_equal(access(journal, F_OK), -1);

	/* made a file of version 3 and set back to 1, it opens (the teardown
	 * closes it): the migration to version 2 finds its tables there and
	 * only sets the version */
	fx_downgrade_v3(f->path);
	fx_sql_exec(f->path, "PRAGMA user_version = 1");
	fx_open(f, false);
	assert_int_equal(fx_entries(f), 2);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), R57_SCHEMA_VERSION);
}

static void test_damaged_refused(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Nâng cấp hệ thống quản lý văn bản", "1", NULL, NULL, R57_NO_DATE);
	fx_close(f);
	/* the header stays, the page after it (the schema's b-tree) is garbage */
	FILE *fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 100, SEEK_SET), 0);
	for (int i = 0; i < 400; i++)
		fputc(0xA5, fp);
	fclose(fp);
	size_t len0, len1;
	unsigned char *before = fx_slurp(f->path, &len0);

	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	FX_FAILS(f, R57_EDB, store_open(f->path, &o, &st, &f->err));
	assert_null(st);
	char want[400];
	snprintf(want, sizeof want, "%s: the database is damaged (", f->path);
	assert_int_equal(strncmp(f->err.msg, want, strlen(want)), 0);
	fx_contains(f->err.msg, "restore it from a backup");

	unsigned char *after = fx_slurp(f->path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
}

static void test_folder_refused(void **state)
{
	struct fx *f = *state;
	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	FX_FAILS(f, R57_EIO, store_open(f->dir, &o, &st, &f->err));
	assert_null(st);
	char want[400];
	snprintf(want, sizeof want, "%s: not a regular file", f->dir);
	fx_str_eq(f->err.msg, want, "message");
}

/* --- finding what people type ------------------------------------------------ */

static void test_ref_find(void **state)
{
	struct fx *f = *state;
	int64_t noi_vu = fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	int64_t tai_chinh = fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	int64_t an = fx_ref(f, REF_LEADER, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ");
	int64_t anh = fx_ref(f, REF_LEADER, "Nguyễn Văn Anh", NULL, NULL);
	int64_t binh = fx_ref(f, REF_LEADER, "Trần Thị Bình", "Phó Giám đốc", "Sở Tài chính");
	int64_t ctr = fx_ref(f, REF_SOURCE, "97-CTr/TU", "Chương trình hành động", NULL);
	int64_t id;
	char typed[32];

	/* by id */
	snprintf(typed, sizeof typed, "%lld", (long long)binh);
	FX_OK(f, store_ref_find(f->st, REF_LEADER, typed, &id, &f->err));
	assert_int_equal(id, binh);
	snprintf(typed, sizeof typed, "%lld", (long long)tai_chinh);
	FX_OK(f, store_ref_find(f->st, REF_UNIT, typed, &id, &f->err));
	assert_int_equal(id, tai_chinh);
	snprintf(typed, sizeof typed, "%lld", (long long)ctr);
	FX_OK(f, store_ref_find(f->st, REF_SOURCE, typed, &id, &f->err));
	assert_int_equal(id, ctr);

	/* exact name, blind to case and diacritics; an exact match wins over
	 * the longer name it is part of */
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "nguyen van an", &id, &f->err));
	assert_int_equal(id, an);
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "NGUYỄN VĂN AN", &id, &f->err));
	assert_int_equal(id, an);
	/* typed in NFD (e + U+0302 + U+0303, a + U+0306) */
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An", &id, &f->err));
	assert_int_equal(id, an);
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "nguyen van anh", &id, &f->err));
	assert_int_equal(id, anh);
	FX_OK(f, store_ref_find(f->st, REF_UNIT, "so noi vu", &id, &f->err));
	assert_int_equal(id, noi_vu);
	FX_OK(f, store_ref_find(f->st, REF_SOURCE, "97-ctr/tu", &id, &f->err));
	assert_int_equal(id, ctr);

	/* a unique part */
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "binh", &id, &f->err));
	assert_int_equal(id, binh);
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "thị b", &id, &f->err));
	assert_int_equal(id, binh);
	FX_OK(f, store_ref_find(f->st, REF_UNIT, "tai", &id, &f->err));
	assert_int_equal(id, tai_chinh);
	FX_OK(f, store_ref_find(f->st, REF_GROUP, "nang luc so", &id, &f->err));
	assert_int_equal(id, 3);
	/* đ is typed as d */
	FX_OK(f, store_ref_find(f->st, REF_GROUP, "dong bo he thong", &id, &f->err));
	assert_int_equal(id, 1);

	/* ambiguous: both candidates, with id and unit */
	id = -7;
	FX_FAILS(f, R57_EAMBIGUOUS, store_ref_find(f->st, REF_LEADER, "nguyen van", &id, &f->err));
	assert_int_equal(id, -7);
	char want[400];
	snprintf(want, sizeof want,
	         "leader 'nguyen van' is ambiguous: 2 match (Nguyễn Văn An (#%lld, Sở Nội vụ); "
	         "Nguyễn Văn Anh (#%lld)); give the id", (long long)an, (long long)anh);
	fx_str_eq(f->err.msg, want, "message");
	FX_FAILS(f, R57_EAMBIGUOUS, store_ref_find(f->st, REF_UNIT, "sở", &id, &f->err));
	fx_contains(f->err.msg, "Sở Nội vụ (#");
	fx_contains(f->err.msg, "Sở Tài chính (#");
	/* groups are listed by number */
	FX_FAILS(f, R57_EAMBIGUOUS, store_ref_find(f->st, REF_GROUP, "du lieu", &id, &f->err));
	fx_contains(f->err.msg, "1. Hoàn thiện hạ tầng số");
	fx_contains(f->err.msg, "2. Mở rộng ứng dụng công nghệ mới");

	/* two people of the same name: exact, yet ambiguous */
	int64_t binh2 = fx_ref(f, REF_LEADER, "Trần Thị Bình", NULL, "Sở Nội vụ");
	FX_FAILS(f, R57_EAMBIGUOUS, store_ref_find(f->st, REF_LEADER, "tran thi binh", &id, &f->err));
	snprintf(want, sizeof want, "Trần Thị Bình (#%lld, Sở Tài chính)", (long long)binh);
	fx_contains(f->err.msg, want);
	snprintf(want, sizeof want, "Trần Thị Bình (#%lld, Sở Nội vụ)", (long long)binh2);
	fx_contains(f->err.msg, want);

	/* unknown */
	id = -7;
	FX_FAILS(f, R57_ENOTFOUND, store_ref_find(f->st, REF_LEADER, "Lê Văn Cường", &id, &f->err));
	assert_int_equal(id, -7);
	fx_str_eq(f->err.msg,
	          "leader 'Lê Văn Cường' does not exist (see: r57 leader list; --new creates it)",
	          "message");
	FX_FAILS(f, R57_ENOTFOUND, store_ref_find(f->st, REF_GROUP, "9", &id, &f->err));
	fx_str_eq(f->err.msg, "group 9 does not exist (see: r57 group list)", "message");
	FX_FAILS(f, R57_ENOTFOUND, store_ref_find(f->st, REF_SOURCE, "58-NQ/TW", &id, &f->err));
	FX_FAILS(f, R57_ENOTFOUND, store_ref_find(f->st, REF_SOURCE, "99", &id, &f->err));

	/* a unit named by digits: not an id, so found by its name */
	int64_t digits = fx_ref(f, REF_UNIT, "1022", NULL, NULL);
	FX_OK(f, store_ref_find(f->st, REF_UNIT, "1022", &id, &f->err));
	assert_int_equal(id, digits);
}

static void test_group_number_is_position(void **state)
{
	struct fx *f = *state;
	int64_t id;
	/* move group #4 to the top: "1" now means it */
	FX_OK(f, group_move(&f->r, "4", 1, &f->err));
	FX_OK(f, store_ref_find(f->st, REF_GROUP, "1", &id, &f->err));
	assert_int_equal(id, 4);
	FX_OK(f, store_ref_find(f->st, REF_GROUP, "2", &id, &f->err));
	assert_int_equal(id, 1);
	FX_OK(f, store_ref_find(f->st, REF_GROUP, "4", &id, &f->err));
	assert_int_equal(id, 3);
}

static void test_group_move(void **state)
{
	struct fx *f = *state;
	int64_t t = fx_add(f, "Xây dựng trung tâm dữ liệu", "2", NULL, NULL, R57_NO_DATE);
	int entries = fx_entries(f);

	FX_OK(f, group_move(&f->r, "4", 1, &f->err));
	check_group_order(f, "4 1 2 3");
	assert_int_equal(fx_entries(f), entries + 1);
	fx_check_newest(f, "an", ENTRY_DO,
	                "move group Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số from 4 to 1");
	struct task tk;
	fx_get(f, t, &tk);
	assert_int_equal(tk.group_id, 2);
	assert_int_equal(tk.group_number, 3); /* the task follows its group */
	task_clear(&tk);

	/* down: group now numbered 1 (#4) to 3 */
	FX_OK(f, group_move(&f->r, "1", 3, &f->err));
	check_group_order(f, "1 2 4 3");
	/* by name */
	FX_OK(f, group_move(&f->r, "nang cao nang luc so", 1, &f->err));
	check_group_order(f, "3 1 2 4");
	/* to where it is: no change */
	FX_OK(f, group_move(&f->r, "1", 1, &f->err));
	check_group_order(f, "3 1 2 4");

	entries = fx_entries(f);
	FX_FAILS(f, R57_EINPUT, group_move(&f->r, "2", 5, &f->err));
	fx_str_eq(f->err.msg, "position 5 is out of range (1 to 4)", "message");
	FX_FAILS(f, R57_EINPUT, group_move(&f->r, "2", 0, &f->err));
	FX_FAILS(f, R57_ENOTFOUND, group_move(&f->r, "7", 1, &f->err));
	check_group_order(f, "3 1 2 4");
	assert_int_equal(fx_entries(f), entries);

	/* a new group goes last; removing one closes the gap */
	int64_t g5 = fx_ref(f, REF_GROUP, "Chuyển đổi số cấp xã", NULL, NULL);
	assert_int_equal(g5, 5);
	check_group_order(f, "3 1 2 4 5");
	FX_OK(f, ref_remove(&f->r, REF_GROUP, "1", &f->err)); /* #3, number 1 */
	check_group_order(f, "1 2 4 5");
	FX_OK(f, ref_remove(&f->r, REF_GROUP, "3", &f->err)); /* #4, number 3 */
	check_group_order(f, "1 2 5");
}

static void test_ref_remove_in_use(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	fx_ref(f, REF_UNIT, "Văn phòng UBND tỉnh", NULL, NULL);
	int64_t binh = fx_ref(f, REF_LEADER, "Trần Thị Bình", NULL, "Sở Nội vụ");
	int64_t cuong = fx_ref(f, REF_LEADER, "Lê Văn Cường", NULL, NULL);
	for (int i = 0; i < 3; i++)
		fx_add(f, "Rà soát thủ tục hành chính", "1", "binh", NULL, R57_NO_DATE);
	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Kết nối dữ liệu dân cư";
	tf.leader = "cuong";
	tf.unit = "Sở Tài chính";
	tf.with[tf.n_with++] = "Sở Nội vụ";
	FX_OK(f, task_add(&f->r, &tf, NULL, &f->err));

	int entries = fx_entries(f);
	struct refs before, after;
	list_refs(f, REF_LEADER, &before);

	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_LEADER, "Trần Thị Bình", &f->err));
	fx_str_eq(f->err.msg, "leader 'Trần Thị Bình' is in use (3 tasks refer to it); nothing removed",
	          "message");
	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_LEADER, "cuong", &f->err));
	fx_str_eq(f->err.msg, "leader 'Lê Văn Cường' is in use (1 task refers to it); nothing removed",
	          "message");
	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_GROUP, "1", &f->err));
	fx_str_eq(f->err.msg,
	          "group 'Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu' is in use (3 tasks refer to it); nothing removed",
	          "message");
	/* Sở Nội vụ: Bình's unit and a coordinating unit */
	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_UNIT, "noi vu", &f->err));
	fx_str_eq(f->err.msg, "unit 'Sở Nội vụ' is in use (2 tasks and leaders refer to it); nothing removed",
	          "message");
	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_UNIT, "tai chinh", &f->err));
	FX_FAILS(f, R57_ENOTFOUND, ref_remove(&f->r, REF_UNIT, "Sở Y tế", &f->err));

	/* nothing written by any of them */
	assert_int_equal(fx_entries(f), entries);
	list_refs(f, REF_LEADER, &after);
	assert_int_equal(after.n, 2);
	assert_int_equal(after.n, before.n);
	assert_int_equal(after.uses[0] + after.uses[1], 4);
	struct ref r;
	FX_OK(f, store_ref_get(f->st, REF_LEADER, binh, &r, &f->err));
	assert_int_equal(r.uses, 3);
	fx_str_eq(r.extra, "Sở Nội vụ", "leader's unit");
	ref_clear(&r);
	FX_OK(f, store_ref_get(f->st, REF_LEADER, cuong, &r, &f->err));
	assert_int_equal(r.uses, 1);
	ref_clear(&r);

	/* an unused one goes, as one entry */
	FX_OK(f, ref_remove(&f->r, REF_UNIT, "Văn phòng", &f->err));
	assert_int_equal(fx_entries(f), entries + 1);
	fx_check_newest(f, "an", ENTRY_DO, "remove unit #3: Văn phòng UBND tỉnh");
	FX_FAILS(f, R57_ENOTFOUND, store_ref_get(f->st, REF_UNIT, 3, &r, &f->err));
	fx_str_eq(f->err.msg, "unit #3 does not exist", "message");
}

static void test_ref_add_rename(void **state)
{
	struct fx *f = *state;
	int64_t u = fx_ref(f, REF_UNIT, "  Sở Khoa học và Công nghệ ", NULL, NULL);
	struct ref r;
	FX_OK(f, store_ref_get(f->st, REF_UNIT, u, &r, &f->err));
	fx_str_eq(r.name, "Sở Khoa học và Công nghệ", "trimmed name");
	ref_clear(&r);
	/* a unit name is unique, and a source code */
	int entries = fx_entries(f);
	FX_FAILS(f, R57_EINPUT, ref_add(&f->r, REF_UNIT, "Sở Khoa học và Công nghệ", NULL, NULL,
	                                NULL, NULL, &f->err));
	fx_str_eq(f->err.msg, "unit 'Sở Khoa học và Công nghệ' already exists", "message");
	FX_FAILS(f, R57_EUSAGE, ref_add(&f->r, REF_UNIT, "  ", NULL, NULL, NULL, NULL, &f->err));
	assert_int_equal(fx_entries(f), entries);

	int64_t s = 0;
	FX_OK(f, ref_add(&f->r, REF_SOURCE, "57-NQ/TW", "Nghị quyết 57", NULL, "2024-12-22", &s,
	                 &f->err));
	FX_OK(f, store_ref_get(f->st, REF_SOURCE, s, &r, &f->err));
	fx_str_eq(r.name, "57-NQ/TW", "code");
	fx_str_eq(r.title, "Nghị quyết 57", "title");
	fx_str_eq(r.extra, "2024-12-22", "issued");
	ref_clear(&r);

	FX_OK(f, ref_rename(&f->r, REF_UNIT, "khoa hoc", "Sở KH&CN", &f->err));
	fx_check_newest(f, "an", ENTRY_DO, "rename unit #1 from Sở Khoa học và Công nghệ to Sở KH&CN");
	FX_OK(f, store_ref_get(f->st, REF_UNIT, u, &r, &f->err));
	fx_str_eq(r.name, "Sở KH&CN", "renamed");
	ref_clear(&r);
}

/* --- listing tasks ------------------------------------------------------------ */

struct ids {
	int n;
	int64_t id[32];
};

static int take_id(const struct task *t, void *ctx)
{
	struct ids *l = ctx;
	if (l->n < 32)
		l->id[l->n++] = t->id;
	return 0;
}

static int take_first(const struct task *t, void *ctx)
{
	take_id(t, ctx);
	return 1;
}

/* Run a filter given as words (as `r57 list` reads them) and compare the
 * ids, in order, with want ("1 2 3"; "" for none). */
static void check_list_sorted(struct fx *f, const char *const *words, int limit,
                              enum filter_sort sort, const char *want)
{
	struct task_filter flt;
	struct ids got = { 0 };
	filter_init(&flt);
	flt.sort = sort;
	for (int i = 0; words[i]; i++)
		FX_OK(f, filter_add_word(&flt, words[i], f->r.today, &f->err));
	int rc = filter_resolve(&flt, f->st, &f->err);
	if (!rc)
		rc = store_task_list(f->st, &flt, f->r.today, limit, take_id, &got, &f->err);
	int64_t count = -1;
	if (!rc)
		rc = store_task_count(f->st, &flt, f->r.today, &count, &f->err);
	filter_clear(&flt);
	if (rc)
		fail_msg("filter %s: %s", words[0] ? words[0] : "(none)", f->err.msg);
	char buf[256] = "";
	for (int i = 0; i < got.n; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, "%s%lld", i ? " " : "", (long long)got.id[i]);
	}
	if (strcmp(buf, want) != 0)
		fail_msg("filter %s%s%s: got [%s], expected [%s]", words[0] ? words[0] : "(none)",
		         words[0] && words[1] ? " " : "", words[0] && words[1] ? words[1] : "",
		         buf, want);
	if (limit == 0)
		assert_int_equal(count, got.n);
}

#define LIST(f, want, ...) \
	check_list_sorted(f, (const char *const[]){ __VA_ARGS__, NULL }, 0, SORT_DUE, want)

/* Six tasks on 30/06/2025:
 *  1 group 1, An, Sở Nội vụ, source 97-CTr/TU, due 15/06/2025: overdue
 *  2 group 1, Bình, Sở Tài chính, due 30/06/2025 (today): within
 *  3 group 3, An, due 31/12/2025, done on 20/06/2025
 *  4 group 2, no leader, no deadline, plan year 2026: within
 *  5 group 2, Bình, due 31/05/2025, cancelled
 *  6 group 4, Sở Nội vụ, due 31/03/2026 (plan year 2026 by default), notes */
static void make_list_data(struct fx *f)
{
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", NULL, "Sở Nội vụ");
	fx_ref(f, REF_LEADER, "Trần Thị Bình", NULL, "Sở Tài chính");
	fx_ref(f, REF_SOURCE, "97-CTr/TU", NULL, NULL);

	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Nâng cấp hệ thống quản lý văn bản và điều hành";
	tf.group = "1";
	tf.leader = "Nguyễn Văn An";
	tf.unit = "Sở Nội vụ";
	tf.source = "97-CTr/TU";
	tf.due = fx_day(2025, 6, 15);
	FX_OK(f, task_add(&f->r, &tf, NULL, &f->err));
	fx_add(f, "Số hóa hồ sơ thủ tục hành chính", "1", "binh", "Sở Tài chính",
	       fx_day(2025, 6, 30));
	int64_t t3 = fx_add(f, "Đào tạo kỹ năng số cho cán bộ", "3", "nguyen van an", NULL,
	                    fx_day(2025, 12, 31));
	struct task_fields t4 = TASK_FIELDS_INIT;
	t4.title = "Xây dựng trung tâm dữ liệu";
	t4.group = "2";
	t4.year = 2026;
	FX_OK(f, task_add(&f->r, &t4, NULL, &f->err));
	int64_t t5 = fx_add(f, "Triển khai nền tảng AI dùng chung", "2", "binh", NULL,
	                    fx_day(2025, 5, 31));
	struct task_fields t6 = TASK_FIELDS_INIT;
	t6.title = "Đánh giá an toàn thông tin";
	t6.notes = "Kiểm tra định kỳ hằng quý";
	t6.group = "4";
	t6.unit = "Sở Nội vụ";
	t6.due = fx_day(2026, 3, 31);
	FX_OK(f, task_add(&f->r, &t6, NULL, &f->err));

	fx_close_on(f, t3, fx_day(2025, 6, 20));
	FX_OK(f, task_cancel(&f->r, &t5, 1, "trùng lặp", &f->err));
}

static void test_list_status(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	/* default: all but cancelled, by deadline, no deadline last */
	check_list_sorted(f, (const char *const[]){ NULL }, 0, SORT_DUE, "1 2 3 6 4");
	LIST(f, "1", "status:overdue");
	LIST(f, "2 6 4", "status:within"); /* a deadline of today is within */
	LIST(f, "3", "status:done");
	LIST(f, "1 2 6 4", "status:open");
	LIST(f, "5", "status:cancelled");
	LIST(f, "5 1 2 3 6 4", "status:all");

	/* the next day, task 2 is overdue */
	FX_OK(f, task_reopen(&f->r, (const int64_t[]){ 3 }, 1, &f->err));
	f->r.today = fx_day(2025, 7, 1);
	LIST(f, "1 2", "status:overdue");
	LIST(f, "3 6 4", "status:within");
	LIST(f, "", "status:done");
}

static void test_list_selections(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	LIST(f, "1 2", "group:1");
	LIST(f, "4", "group:2");
	LIST(f, "5 4", "group:2", "status:all"); /* no deadline last */
	LIST(f, "3", "group:nang cao nang luc");
	LIST(f, "1 3", "leader:nguyen van an");
	LIST(f, "2", "leader:binh");
	LIST(f, "1 6", "unit:noi vu"); /* lead unit */
	LIST(f, "1", "source:97-ctr/tu");
	LIST(f, "6 4", "year:2026");
	LIST(f, "1 2 3", "year:2025");
	LIST(f, "1 2", "due.before:01/07/2025"); /* before: strictly; none excluded */
	LIST(f, "1", "due.before:2025-06-30");
	LIST(f, "3 6", "due.after:2025-06-30");
	LIST(f, "1", "group:1", "status:overdue");
	LIST(f, "", "group:3", "status:open");
	LIST(f, "2", "leader:binh", "year:2025");

	/* a name that matches no one is an error, not an empty list */
	struct task_filter flt;
	filter_init(&flt);
	FX_OK(f, filter_add_word(&flt, "leader:Lê Văn Cường", f->r.today, &f->err));
	FX_FAILS(f, R57_ENOTFOUND, filter_resolve(&flt, f->st, &f->err));
	filter_clear(&flt);
}

static void test_list_words(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	/* free words, typed without diacritics, in title or notes */
	LIST(f, "1", "van", "ban");
	LIST(f, "1", "VĂN BẢN");
	LIST(f, "3", "dao tao");     /* Đ typed as d; one word with a space */
	LIST(f, "6", "danh", "gia");
	LIST(f, "6", "dinh ky");     /* in the notes */
	LIST(f, "2 3", "so");        /* "Số hóa", "kỹ năng số" */
	LIST(f, "", "so", "xay");    /* every word must match */
	LIST(f, "4", "trung tam", "status:within");
	LIST(f, "5", "nen tang", "status:cancelled");
	LIST(f, "", "nen tang");
}

/* Words match where a word of the title or notes begins with them. */
static void test_list_word_starts(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	LIST(f, "1", "nang cap he");  /* the last word may be cut short */
	LIST(f, "1", "qu", "van b");
	LIST(f, "", "ang");           /* not inside a word */
	LIST(f, "", "cap he thong x");
	LIST(f, "1", "nâng");         /* with diacritics: exactly */
	LIST(f, "", "năng cấp");
	LIST(f, "3", "năng");         /* "kỹ năng số", not "Nâng" */
	LIST(f, "3", "ky-nang, so");  /* punctuation separates words */
	LIST(f, "1 2 3 6 4", "--");   /* no letter: no condition */
}

/* A plain SQLite connection (the sqlite3 shell, another program) that
 * writes tasks leaves the index out of date; r57 sees it and builds it
 * again before it searches. */
static void test_search_index_kept(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task_search"),
	                 fx_sql_int(f->path, "SELECT count(*) FROM task"));
	assert_int_equal(fx_sql_int(f->path, "SELECT writes = seen FROM search_state"), 1);
	/* every r57 path: add, edit, undo, redo */
	int64_t id = fx_add(f, "Kiểm thử phần mềm dùng chung", NULL, NULL, NULL, R57_NO_DATE);
	char want[32];
	snprintf(want, sizeof want, "%lld", (long long)id);
	LIST(f, want, "kiem thu");
	struct entry done;
	FX_OK(f, journal_undo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
	entry_clear(&done);
	LIST(f, "", "kiem thu");
	FX_OK(f, journal_redo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
	entry_clear(&done);
	LIST(f, want, "kiem thu");
	assert_int_equal(fx_sql_int(f->path, "SELECT writes = seen FROM search_state"), 1);

	/* another program renames task 4 */
	fx_sql_exec(f->path, "UPDATE task SET title = 'Chuyển đổi số cấp xã' WHERE id = 4");
	assert_int_equal(fx_sql_int(f->path, "SELECT writes = seen FROM search_state"), 0);
	/* read without write access: found all the same, nothing written */
	struct store *ro = NULL;
	struct store_open_opts o = { .read_only = true, .actor = "an", .now = f->r.now, .today = f->r.today };
	FX_OK(f, store_open(f->path, &o, &ro, &f->err));
	struct task_filter flt;
	filter_init(&flt);
	FX_OK(f, filter_add_word(&flt, "chuyen doi", f->r.today, &f->err));
	int64_t n = -1;
	FX_OK(f, store_task_count(ro, &flt, f->r.today, &n, &f->err));
	assert_int_equal(n, 1);
	filter_clear(&flt);
	store_close(ro);
	assert_int_equal(fx_sql_int(f->path, "SELECT writes = seen FROM search_state"), 0);
	/* with write access: built again, then served by the index */
	LIST(f, "4", "chuyen doi");
	LIST(f, "", "xay dung");
	assert_int_equal(fx_sql_int(f->path, "SELECT writes = seen FROM search_state"), 1);
	assert_int_equal(fx_sql_int(f->path,
	        "SELECT count(*) FROM task_search_fts WHERE task_search_fts MATCH 'chuyen'"), 1);
}

/* The schema of a file, to compare a migrated one with a new one. */
static char *schema_of(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char *out = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db,
	        "SELECT group_concat(type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, ''), char(10))"
	        " FROM (SELECT * FROM sqlite_master ORDER BY name)", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (!out)
		fail_msg("cannot read the schema of %s", path);
	return out;
}

/* A file of version 2 (as r57 before search left it) is migrated to 3:
 * the same schema as a new file, and search finds its tasks. */
static void test_migrate_v2(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	char *fresh = schema_of(f->path);
	fx_close(f);
	fx_downgrade_v3(f->path);
	fx_sql_exec(f->path,
		"DROP TRIGGER task_search_count_ins; DROP TRIGGER task_search_count_upd;"
		" DROP TRIGGER task_search_count_del; DROP TABLE task_search_fts;"
		" DROP TABLE task_search; DROP TABLE search_state; PRAGMA user_version = 2;");
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%search%'"), 0);
	fx_open(f, false);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), R57_SCHEMA_VERSION);
	char *migrated = schema_of(f->path);
	fx_str_eq(migrated, fresh, "schema after migration");
	free(migrated);
	free(fresh);
	/* left to build on first use */
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task_search"), 0);
	LIST(f, "3", "dao tao");
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task_search"),
	                 fx_sql_int(f->path, "SELECT count(*) FROM task"));
	/* sorting by title needs it too */
	check_list_sorted(f, (const char *const[]){ "status:all", NULL }, 0, SORT_TITLE, "6 3 1 2 5 4");
}

/* A file of version 1 (tests/unit/schema_v1.sql) is migrated through 2 to
 * 3 in one step. */
static void test_migrate_v1_to_3(void **state)
{
	struct fx *f = *state;
	char *fresh = schema_of(f->path);
	fx_close(f);
	char exe[512], sqlpath[600];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *cut = strstr(exe, "/build/tests/");
	if (cut) {
		*cut = '\0';
		snprintf(sqlpath, sizeof sqlpath, "%s/tests/unit/schema_v1.sql", exe);
	} else {
		snprintf(sqlpath, sizeof sqlpath, "tests/unit/schema_v1.sql");
	}
	size_t len;
	char *schema = (char *)fx_slurp(sqlpath, &len);
	char v1[sizeof f->path];
	if ((size_t)snprintf(v1, sizeof v1, "%s/v1.db", f->dir) >= sizeof v1)
		fail_msg("path too long");
	fx_sql_exec(v1, schema);
	free(schema);
	fx_sql_exec(v1,
		"PRAGMA application_id = 1379219201; PRAGMA user_version = 1;"
		"INSERT INTO entry(at, day, actor, summary, kind) VALUES"
		" ('2025-06-01T09:00:00+07:00', '2025-06-01', 'an', 'create the database', 'init');"
		"INSERT INTO task_group(name, position) VALUES ('Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu', 1),"
		" ('Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu', 2),"
		" ('Nâng cao năng lực số cho cán bộ, công chức, viên chức', 3),"
		" ('Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số', 4);"
		"INSERT INTO entry(at, day, actor, summary) VALUES"
		" ('2025-06-01T09:00:02+07:00', '2025-06-01', 'an', 'add #1: Số hóa hồ sơ');"
		"INSERT INTO task(uuid, title, group_id, year, due, first_due, created, updated)"
		" VALUES ('6f1c1a52-0b7e-4d0c-9a39-2f1d3c4b5a61', 'Số hóa hồ sơ', 1, 2025,"
		" '2025-06-15', '2025-06-15', '2025-06-01', '2025-06-01T09:00:02+07:00');");
	snprintf(f->path, sizeof f->path, "%s", v1);
	fx_open(f, false);
	assert_int_equal(fx_sql_int(v1, "PRAGMA user_version"), R57_SCHEMA_VERSION);
	char *migrated = schema_of(v1);
	fx_str_eq(migrated, fresh, "schema after migration from version 1");
	free(migrated);
	free(fresh);
	LIST(f, "1", "so hoa");
	LIST(f, "1", "hồ sơ");
	LIST(f, "", "hộ sơ");
}

static void test_list_limit_sort(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	check_list_sorted(f, (const char *const[]){ NULL }, 2, SORT_DUE, "1 2");
	check_list_sorted(f, (const char *const[]){ NULL }, 1, SORT_DUE, "1");
	check_list_sorted(f, (const char *const[]){ NULL }, 50, SORT_DUE, "1 2 3 6 4");
	check_list_sorted(f, (const char *const[]){ NULL }, 0, SORT_ID, "1 2 3 4 6");
	check_list_sorted(f, (const char *const[]){ "status:all", NULL }, 3, SORT_ID, "1 2 3");
	check_list_sorted(f, (const char *const[]){ "status:open", NULL }, 2, SORT_DUE, "1 2");

	/* the callback stops the walk */
	struct task_filter flt;
	struct ids got = { 0 };
	filter_init(&flt);
	FX_OK(f, store_task_list(f->st, &flt, f->r.today, 0, take_first, &got, &f->err));
	assert_int_equal(got.n, 1);
	assert_int_equal(got.id[0], 1);
	filter_clear(&flt);

	/* by title in Vietnamese order: letters first (đ after d, ă after
	 * a), then tones, then case (lower first); ties by id */
	struct fx *g = f;
	int64_t a = fx_add(g, "banh", NULL, NULL, NULL, R57_NO_DATE);
	int64_t b = fx_add(g, "Anh", NULL, NULL, NULL, R57_NO_DATE);
	int64_t c = fx_add(g, "Cam", NULL, NULL, NULL, R57_NO_DATE);
	int64_t d = fx_add(g, "anh", NULL, NULL, NULL, R57_NO_DATE);
	int64_t e = fx_add(g, "Đào tạo", NULL, NULL, NULL, R57_NO_DATE);
	int64_t h = fx_add(g, "Dữ liệu", NULL, NULL, NULL, R57_NO_DATE);
	int64_t k = fx_add(g, "Ăn", NULL, NULL, NULL, R57_NO_DATE);
	char want[96];
	snprintf(want, sizeof want, "%lld %lld %lld %lld %lld %lld %lld", (long long)d, (long long)b,
	         (long long)k, (long long)a, (long long)c, (long long)h, (long long)e);
	check_list_sorted(f, (const char *const[]){ "year:2025", "status:within", NULL }, 7,
	                  SORT_TITLE, want);
}

static void test_task_read_back(void **state)
{
	struct fx *f = *state;
	make_list_data(f);
	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Phát triển nền tảng số dùng chung";
	tf.notes = "Ưu tiên cấp xã";
	tf.product = "Hệ thống vận hành";
	tf.group = "2";
	tf.leader = "an";
	tf.unit = "Sở Tài chính";
	tf.source = "97-CTr/TU";
	tf.with[tf.n_with++] = "Sở Nội vụ";
	tf.with[tf.n_with++] = "Sở Tài chính";
	tf.due = fx_day(2025, 11, 30);
	int64_t id;
	/* "an" is part of "Nguyễn Văn An" and of "Trần Thị Bình": refused */
	FX_FAILS(f, R57_EAMBIGUOUS, task_add(&f->r, &tf, &id, &f->err));
	tf.leader = "Nguyễn Văn An";
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
	assert_int_equal(id, 7);

	struct task t;
	fx_get(f, id, &t);
	assert_int_equal(t.id, 7);
	assert_int_equal(strlen(t.uuid), 36);
	assert_int_equal(t.uuid[14], '4'); /* UUID v4 */
	fx_str_eq(t.title, "Phát triển nền tảng số dùng chung", "title");
	fx_str_eq(t.notes, "Ưu tiên cấp xã", "notes");
	fx_str_eq(t.product, "Hệ thống vận hành", "product");
	assert_null(t.result);
	assert_int_equal(t.group_id, 2);
	assert_int_equal(t.group_number, 2);
	fx_str_eq(t.group_name, default_group_names[1], "group");
	fx_str_eq(t.leader_name, "Nguyễn Văn An", "leader");
	fx_str_eq(t.unit_name, "Sở Tài chính", "unit");
	fx_str_eq(t.source_code, "97-CTr/TU", "source");
	fx_str_eq(t.units, "Sở Nội vụ; Sở Tài chính", "coordinating units");
	assert_int_equal(t.year, 2025);
	fx_day_eq(t.due, fx_day(2025, 11, 30), "due");
	fx_day_eq(t.first_due, fx_day(2025, 11, 30), "first due");
	fx_day_eq(t.closed, R57_NO_DATE, "closed");
	fx_day_eq(t.created, fx_day(2025, 6, 30), "created");
	assert_int_equal(t.extensions, 0);
	assert_int_equal(t.status, TASK_OPEN);
	fx_str_eq(t.updated, f->r.now, "updated");
	task_clear(&t);

	int64_t *units = NULL;
	int n = 0;
	FX_OK(f, store_task_units(f->st, id, &units, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(units[0], 1);
	assert_int_equal(units[1], 2);
	free(units);
}

/* r57 check's lines, printed (a failing test shows them). */
static void check_line(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "check: %s\n", line);
}

/* One text value from SQL on the file (its own read-only connection). */
static char *sql_row_text(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	const unsigned char *t = sqlite3_column_text(s, 0);
	char *v = strdup(t ? (const char *)t : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* The schema calls no SQL function (issue 11, docs/storage.md): through a
 * connection of its own with trusted_schema off, as r57 opens a file,
 * every trigger of the eight journaled tables runs (an insert, an update
 * and a delete of each), where a function in one would be refused
 * ("unsafe use of ..."), and r57 itself goes on writing. */
static void test_schema_calls_no_function(void **state)
{
	struct fx *f = *state;
	int64_t t = fx_add(f, "Số hóa hồ sơ", "1", NULL, NULL, fx_day(2025, 6, 30));
	fx_close(f);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	char sql[4096];
	snprintf(sql, sizeof sql,
	         "PRAGMA trusted_schema = OFF; BEGIN;"
	         "INSERT INTO entry(at, day, actor, summary) VALUES ('2025-06-30T09:00:00+07:00', '2025-06-30', 'an', 't');"
	         "INSERT INTO task_group(name, position) VALUES ('Nhóm 5', 5); UPDATE task_group SET name = 'Nhóm năm' WHERE position = 5;"
	         "INSERT INTO unit(name) VALUES ('Sở Tài chính'); UPDATE unit SET name = 'Sở Tài Chính' WHERE name = 'Sở Tài chính';"
	         "INSERT INTO leader(name, unit_id) VALUES ('Lê Văn Bình', (SELECT max(id) FROM unit)); UPDATE leader SET title = 'Giám đốc';"
	         "INSERT INTO source(code) VALUES ('57-NQ/TW'); UPDATE source SET title = 'Nghị quyết 57';"
	         "UPDATE task SET notes = 'ghi chú', unit_id = (SELECT max(id) FROM unit) WHERE id = %lld;"
	         "INSERT INTO task_unit(task_id, unit_id) VALUES (%lld, (SELECT max(id) FROM unit));"
	         "INSERT INTO reminder(unit_id, issued, as_of, within_days) VALUES ((SELECT max(id) FROM unit), '2025-06-30', '2025-06-30', 7);"
	         "INSERT INTO reminder_task(reminder_id, task_id, due, days_late) VALUES ((SELECT max(id) FROM reminder), %lld, '2025-06-30', 0);"
	         "UPDATE reminder_task SET days_late = 1; UPDATE reminder SET within_days = 8; UPDATE task_unit SET unit_id = unit_id;"
	         "DELETE FROM reminder_task; DELETE FROM reminder; DELETE FROM task_unit; UPDATE task SET unit_id = NULL;"
	         "DELETE FROM task WHERE id = %lld; DELETE FROM leader WHERE name = 'Lê Văn Bình';"
	         "DELETE FROM source WHERE code = '57-NQ/TW'; DELETE FROM unit WHERE name = 'Sở Tài Chính';"
	         "DELETE FROM task_group WHERE position = 5; COMMIT;",
	         (long long)t, (long long)t, (long long)t, (long long)t);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("with trusted_schema off: %s", msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
	/* each of those filed its change under the entry: 7 additions, 8
	 * changes (the update that changed nothing filed none), 8 removals */
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM change_log WHERE entry ="
	                                     " (SELECT max(seq) FROM entry)"), 23);
	assert_int_equal(fx_sql_int(f->path, "SELECT sum(op = 1) * 100 + sum(op = 2) * 10 + sum(op = 3)"
	                                     " FROM change_log WHERE entry = (SELECT max(seq) FROM entry)"), 788);
	fx_open(f, false);
	int problems = -1;
	FX_OK(f, store_check_all(f->st, check_line, NULL, &problems, &f->err));
	/* the one problem: the entry written by sqlite3 has no seal, and
	 * r57's next action leaves it so */
	assert_int_equal(problems, 1);
	fx_add(f, "Kết nối dữ liệu", "1", NULL, NULL, R57_NO_DATE);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM entry WHERE seq NOT IN"
	                                     " (SELECT seq FROM entry_seal)"), 1);
}

/* tests/unit/NAME beside this file, found from the binary. */
static char *unit_file(const char *name, size_t *len)
{
	char exe[512], path[700];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *cut = strstr(exe, "/build/tests/");
	if (cut) {
		*cut = '\0';
		snprintf(path, sizeof path, "%s/tests/unit/%s", exe, name);
	} else {
		snprintf(path, sizeof path, "tests/unit/%s", name);
	}
	return (char *)fx_slurp(path, len);
}

/* A file r57 of version 3 wrote (tests/unit/v3_history.sql: its dump, 68
 * entries by three people over the demo data: adds in three scripts,
 * edits, deadlines, closes, cancels, reopens, assigns, deletes, a
 * reminder, an import, undos and redos) is migrated to version 4, and
 * every change means what it meant: the whole images before and after
 * each, computed back from the compact journal, are the ones version 3
 * wrote, byte for byte; the entries and rows are as they were; r57 check
 * finds nothing; undo and redo go on from the migrated history. */
static void test_migrate_v3_history_lossless(void **state)
{
	struct fx *f = *state;
	fx_close(f);
	size_t len;
	char *dump = unit_file("v3_history.sql", &len);
	char old[sizeof f->path];
	if ((size_t)snprintf(old, sizeof old, "%s/old.db", f->dir) >= sizeof old)
		fail_msg("path too long");
	unlink(f->path);
	const char *stamp = "PRAGMA application_id = 1379219201; PRAGMA user_version = 3;";
	fx_sql_exec(f->path, dump);
	fx_sql_exec(f->path, stamp);
	fx_sql_exec(old, dump);
	fx_sql_exec(old, stamp);
	free(dump);
	int64_t changes = fx_sql_int(old, "SELECT count(*) FROM change");
	assert_true(changes > 100);

	fx_open(f, false);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), R57_SCHEMA_VERSION);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'change'"), 0);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM change_log"), changes);

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char attach[800];
	snprintf(attach, sizeof attach, "ATTACH '%s' AS old", old);
	v3_exec(db, attach);
	char *select = v3_images_select(db);
	size_t qlen = strlen(select) + 1024;
	char *q = malloc(qlen);
	snprintf(q, qlen,
	         "SELECT count(*), sum(n.id IS NULL OR n.entry IS NOT o.entry OR n.tbl IS NOT o.tbl"
	         " OR n.row_id IS NOT o.row_id OR n.before IS NOT o.before OR n.after IS NOT o.after),"
	         " min(CASE WHEN n.id IS NULL OR n.before IS NOT o.before OR n.after IS NOT o.after"
	         " THEN o.id END) FROM old.change o LEFT JOIN (%s) n ON n.id = o.id", select);
	free(select);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(s, 0), changes);
	if (sqlite3_column_int64(s, 1) != 0)
		fail_msg("%lld changes mean something else after the migration, the first #%lld",
		         (long long)sqlite3_column_int64(s, 1), (long long)sqlite3_column_int64(s, 2));
	sqlite3_finalize(s);
	free(q);
	/* the entries and every row as they were */
	static const char *const same[] = {
		"SELECT count(*) FROM (SELECT * FROM old.entry EXCEPT SELECT * FROM main.entry)",
		"SELECT count(*) FROM (SELECT * FROM old.task EXCEPT SELECT * FROM main.task)",
		"SELECT count(*) FROM (SELECT * FROM old.unit EXCEPT SELECT * FROM main.unit)",
		"SELECT count(*) FROM (SELECT * FROM old.leader EXCEPT SELECT * FROM main.leader)",
		"SELECT count(*) FROM (SELECT * FROM old.task_unit EXCEPT SELECT * FROM main.task_unit)",
		"SELECT count(*) FROM (SELECT * FROM old.reminder_task EXCEPT SELECT * FROM main.reminder_task)",
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		if (sqlite3_prepare_v2(db, same[i], -1, &s, NULL) != SQLITE_OK)
			fail_msg("%s", sqlite3_errmsg(db));
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		if (sqlite3_column_int64(s, 0) != 0)
			fail_msg("%s: %lld", same[i], (long long)sqlite3_column_int64(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	assert_int_equal(fx_entries(f), fx_sql_int(old, "SELECT count(*) FROM entry"));

	int problems = -1;
	FX_OK(f, store_check_all(f->st, check_line, NULL, &problems, &f->err));
	assert_int_equal(problems, 0);
	/* an's newest action deleted task #15 (Urdu, with a bidi override in
	 * its notes): its undo brings the row back as it was, redo takes it
	 * away again */
	char *row = NULL;
	row = sql_row_text(old, "SELECT title || '|' || notes || '|' || coalesce(unit_id, '') FROM"
	                        " (SELECT json_extract(before, '$.title') AS title, json_extract(before,"
	                        " '$.notes') AS notes, json_extract(before, '$.unit_id') AS unit_id"
	                        " FROM change WHERE tbl = 'task' AND row_id = 15 AND after IS NULL)");
	struct entry done;
	fx_as(f, "an", 2025, 6, 20);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	fx_contains(done.summary, "delete #15");
	entry_clear(&done);
	char *back = sql_row_text(f->path, "SELECT title || '|' || notes || '|' || coalesce(unit_id, '')"
	                                   " FROM task WHERE id = 15");
	fx_str_eq(back, row, "task #15 after undo");
	free(back);
	free(row);
	fx_tick(f);
	FX_OK(f, journal_redo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	entry_clear(&done);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task WHERE id = 15"), 0);
	/* binh's newest, the assign of #4 undone, is redone from the old history */
	fx_as(f, "binh", 2025, 6, 20);
	FX_OK(f, journal_redo(f->st, "binh", f->r.now, f->r.today, &done, &f->err));
	fx_contains(done.summary, "assign #4");
	entry_clear(&done);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task_unit WHERE task_id = 4"),
	                 fx_sql_int(old, "SELECT count(*) FROM task_unit WHERE task_id = 4") + 1);
	FX_OK(f, store_check_all(f->st, check_line, NULL, &problems, &f->err));
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_new_database),
		FX_TEST(test_reopen),
		FX_TEST(test_missing_file_not_created),
		FX_TEST(test_make_dirs),
		FX_TEST(test_not_sqlite_refused),
		FX_TEST(test_other_sqlite_refused),
		FX_TEST(test_newer_version_refused),
		FX_TEST(test_migrate_v2),
		FX_TEST(test_migrate_v1_to_3),
		FX_TEST(test_migrate_v3_history_lossless),
		FX_TEST(test_schema_calls_no_function),
		FX_TEST(test_search_index_kept),
		FX_TEST(test_list_word_starts),
		FX_TEST(test_damaged_refused),
		FX_TEST(test_folder_refused),
		FX_TEST(test_ref_find),
		FX_TEST(test_group_number_is_position),
		FX_TEST(test_group_move),
		FX_TEST(test_ref_remove_in_use),
		FX_TEST(test_ref_add_rename),
		FX_TEST(test_list_status),
		FX_TEST(test_list_selections),
		FX_TEST(test_list_words),
		FX_TEST(test_list_limit_sort),
		FX_TEST(test_task_read_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
