/* test_journal.c: the undo log through the real actions: one entry per
 * action with its actor and a summary in words; undo restores the row
 * images exactly (adds, deletes with their coordinating units, several ids
 * at once); redo; chains of both; undo per actor; the refusal when someone
 * else changed the rows since (naming them, writing nothing); a new action
 * ending the actor's redo; and the history's filters. */
#include "fixture.h"
#include "r57/import.h"

/* Undo (or redo) as the current actor; returns the seq of the entry it
 * reverted (re-applied) and checks its summary. */
static int64_t undo_as(struct fx *f, bool undo, const char *summary)
{
	struct entry done;
	memset(&done, 0, sizeof done);
	fx_tick(f);
	if (undo)
		FX_OK(f, journal_undo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
	else
		FX_OK(f, journal_redo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
	if (summary)
		fx_str_eq(done.summary, summary, undo ? "undone entry" : "redone entry");
	int64_t seq = done.seq;
	entry_clear(&done);
	return seq;
}

static void snap(struct fx *f, int64_t id, struct task *t)
{
	fx_get(f, id, t);
}

/* The task equals the snapshot in every field. */
static void check_same(struct fx *f, int64_t id, const struct task *want)
{
	struct task now;
	fx_get(f, id, &now);
	fx_task_eq(&now, want);
	task_clear(&now);
}

static void check_gone(struct fx *f, int64_t id)
{
	struct task t;
	FX_FAILS(f, R57_ENOTFOUND, store_task_get(f->st, id, &t, &f->err));
}

static enum task_status status_of(struct fx *f, int64_t id)
{
	struct task t;
	fx_get(f, id, &t);
	enum task_status s = t.status;
	task_clear(&t);
	return s;
}

/* --- one entry per action ------------------------------------------------- */

static void check_action(struct fx *f, int *n, const char *summary)
{
	(*n)++;
	assert_int_equal(fx_entries(f), *n);
	struct entry e;
	fx_newest(f, &e);
	fx_str_eq(e.actor, f->r.actor, "actor");
	assert_int_equal(e.kind, ENTRY_DO);
	fx_str_eq(e.summary, summary, "summary");
	fx_str_eq(e.at, f->r.now, "time");
	assert_false(e.undone);
	assert_int_equal(e.target, 0);
	entry_clear(&e);
}

static void test_one_entry_per_action(void **state)
{
	struct fx *f = *state;
	int n = fx_entries(f);
	assert_int_equal(n, 1);

	fx_tick(f);
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	check_action(f, &n, "add unit #1: Sở Nội vụ");
	fx_tick(f);
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	check_action(f, &n, "add unit #2: Sở Tài chính");
	fx_tick(f);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ");
	check_action(f, &n, "add leader #1: Nguyễn Văn An");
	fx_tick(f);
	FX_OK(f, ref_add(&f->r, REF_SOURCE, "97-CTr/TU", "Chương trình 97", NULL, "2025-03-10",
	                 NULL, &f->err));
	check_action(f, &n, "add source #1: 97-CTr/TU");
	fx_tick(f);
	int64_t id = fx_add(f, "Số hóa hồ sơ", "1", NULL, NULL, R57_NO_DATE);
	check_action(f, &n, "add #1: Số hóa hồ sơ");

	fx_as(f, "binh", 2025, 6, 30);
	struct task_fields ed = TASK_FIELDS_INIT;
	ed.title = "Số hóa hồ sơ thủ tục hành chính";
	ed.notes = "Ưu tiên cấp xã";
	FX_OK(f, task_edit(&f->r, &id, 1, &ed, &f->err));
	check_action(f, &n, "edit #1: title, notes");

	fx_tick(f);
	struct task_fields as = TASK_FIELDS_INIT;
	as.leader = "Nguyễn Văn An";
	as.unit = "Sở Nội vụ";
	as.with[as.n_with++] = "Sở Tài chính";
	FX_OK(f, task_assign(&f->r, &id, 1, &as, &f->err));
	check_action(f, &n, "assign #1 to Nguyễn Văn An, Sở Nội vụ with Sở Tài chính");

	fx_tick(f);
	fx_due(f, id, fx_day(2025, 12, 31));
	check_action(f, &n, "deadline of #1 to 31/12/2025");
	fx_tick(f);
	FX_OK(f, task_close(&f->r, &id, 1, fx_day(2025, 6, 28), "Đã vận hành", &f->err));
	check_action(f, &n, "close #1 on 28/06/2025");
	fx_tick(f);
	FX_OK(f, task_reopen(&f->r, &id, 1, &f->err));
	check_action(f, &n, "reopen #1");
	fx_tick(f);
	FX_OK(f, task_cancel(&f->r, &id, 1, "trùng lặp", &f->err));
	check_action(f, &n, "cancel #1: trùng lặp");
	fx_tick(f);
	FX_OK(f, ref_rename(&f->r, REF_LEADER, "an", "Nguyễn Văn Ân", &f->err));
	check_action(f, &n, "rename leader #1 from Nguyễn Văn An to Nguyễn Văn Ân");
	fx_tick(f);
	FX_OK(f, group_move(&f->r, "2", 1, &f->err));
	check_action(f, &n, "move group Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu from 2 to 1");
	fx_tick(f);
	FX_OK(f, task_delete(&f->r, &id, 1, &f->err));
	check_action(f, &n, "delete #1 Số hóa hồ sơ thủ tục hành chính");
	fx_tick(f);
	FX_OK(f, ref_remove(&f->r, REF_SOURCE, "97-CTr/TU", &f->err));
	check_action(f, &n, "remove source #1: 97-CTr/TU");
}

static void test_refused_action_writes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Nâng cấp cổng dịch vụ công", "1", NULL, NULL, fx_day(2025, 9, 30));
	int64_t t2 = fx_add(f, "Đánh giá an toàn thông tin", "1", NULL, NULL, R57_NO_DATE);
	fx_close_on(f, t2, R57_NO_DATE);
	struct task s1, s2;
	snap(f, t1, &s1);
	snap(f, t2, &s2);
	int n = fx_entries(f);
	fx_tick(f);

	int64_t bad[] = { t1, 99 };
	FX_FAILS(f, R57_ENOTFOUND, task_close(&f->r, bad, 2, R57_NO_DATE, NULL, &f->err));
	fx_str_eq(f->err.msg, "task #99 does not exist", "message");
	int64_t both[] = { t1, t2 };
	FX_FAILS(f, R57_EINPUT, task_cancel(&f->r, both, 2, NULL, &f->err));
	fx_str_eq(f->err.msg, "task #2 is done; reopen it before cancelling", "message");
	int64_t twice[] = { t1, t1 };
	FX_FAILS(f, R57_EUSAGE, task_close(&f->r, twice, 2, R57_NO_DATE, NULL, &f->err));
	fx_str_eq(f->err.msg, "task #1 is given twice", "message");
	FX_FAILS(f, R57_EINPUT, task_close(&f->r, &t1, 1, fx_day(2025, 7, 1), NULL, &f->err));
	fx_str_eq(f->err.msg,
	          "--on: 01/07/2025 is after today (30/06/2025); a task is closed on the day it was done",
	          "message");
	FX_FAILS(f, R57_EINPUT, task_set_due(&f->r, both, 2, fx_day(2025, 12, 31), &f->err));
	struct task_fields none = TASK_FIELDS_INIT;
	FX_FAILS(f, R57_EUSAGE, task_edit(&f->r, &t1, 1, &none, &f->err));
	struct task_fields who = TASK_FIELDS_INIT;
	who.leader = "Người Không Có";
	FX_FAILS(f, R57_ENOTFOUND, task_assign(&f->r, both, 2, &who, &f->err));
	who.title = "Việc mới";
	FX_FAILS(f, R57_ENOTFOUND, task_add(&f->r, &who, NULL, &f->err));
	FX_FAILS(f, R57_ENOTFOUND, task_delete(&f->r, bad, 2, &f->err));

	assert_int_equal(fx_entries(f), n);
	check_same(f, t1, &s1);
	check_same(f, t2, &s2);
	check_gone(f, 3);
	task_clear(&s1);
	task_clear(&s2);
}

/* Issue 11, item 4: an action that would change nothing writes no entry
 * (it would only block someone's undo) and says so in r57.out; of several
 * tasks only those that change are written, journaled and named. */
static void test_no_op_writes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Nâng cấp cổng dịch vụ công", "1", NULL, NULL, fx_day(2025, 9, 30));
	int64_t t2 = fx_add(f, "Đánh giá an toàn thông tin", "1", NULL, NULL, R57_NO_DATE);
	int64_t t3 = fx_add(f, "Số hóa hồ sơ", "1", NULL, NULL, R57_NO_DATE);
	fx_close_on(f, t2, R57_NO_DATE);
	struct task s1;
	snap(f, t1, &s1);
	int n = fx_entries(f);
	fx_tick(f);

	struct task_fields same = TASK_FIELDS_INIT;
	same.title = "Nâng cấp cổng dịch vụ công";
	same.due = fx_day(2025, 9, 30);
	FX_OK(f, task_edit(&f->r, &t1, 1, &same, &f->err));
	assert_int_equal(f->r.out.n_changed, 0);
	assert_int_equal(f->r.out.n_skipped, 1);
	assert_true(f->r.out.skipped_plain);
	FX_OK(f, task_close(&f->r, &t2, 1, R57_NO_DATE, NULL, &f->err));
	assert_int_equal(f->r.out.n_changed, 0);
	fx_str_eq(f->r.out.skipped, "#2 already done (closed 30/06/2025)", "skipped");
	FX_OK(f, task_reopen(&f->r, &t1, 1, &f->err));
	fx_str_eq(f->r.out.skipped, "#1 already open", "skipped");
	FX_OK(f, task_set_due(&f->r, &t1, 1, fx_day(2025, 9, 30), &f->err));
	fx_str_eq(f->r.out.skipped, "#1 already due 30/09/2025", "skipped");
	FX_OK(f, ref_rename(&f->r, REF_GROUP, "1", "Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu", &f->err));
	assert_int_equal(f->r.out.n_changed, 0);
	assert_int_equal(fx_entries(f), n);
	check_same(f, t1, &s1);

	int64_t all[] = { t1, t2, t3 };
	FX_OK(f, task_close(&f->r, all, 3, R57_NO_DATE, NULL, &f->err));
	assert_int_equal(fx_entries(f), n + 1);
	assert_int_equal(f->r.out.n_changed, 2);
	fx_str_eq(f->r.out.changed, "#1, #3", "changed");
	fx_str_eq(f->r.out.skipped, "#2 already done (closed 30/06/2025)", "skipped");
	check_action(f, &n, "close #1, #3 on 30/06/2025");
	task_clear(&s1);
}

/* Regression (a bug up to 89fed12, src/core/task.c task_assign; fixed in
 * 753a0a2): the summary repeated the leader and units as typed ("assign #1
 * to 1, noi vu") instead of naming them in words as design.md's example does
 * ("assign #12 to Nguyễn Văn An"), so the history, the audit trail, said
 * nothing about who was assigned. */
static void test_assign_summary_names_people(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	int64_t binh = fx_ref(f, REF_LEADER, "Trần Thị Bình", NULL, NULL);
	int64_t id = fx_add(f, "Số hóa hồ sơ", "1", NULL, NULL, R57_NO_DATE);
	struct task_fields as = TASK_FIELDS_INIT;
	char typed[16];
	snprintf(typed, sizeof typed, "%lld", (long long)binh);
	as.leader = typed;     /* by id, as `r57 assign 1 --leader 1` */
	as.unit = "noi vu";    /* by a part of its name */
	FX_OK(f, task_assign(&f->r, &id, 1, &as, &f->err));
	struct task t;
	fx_get(f, id, &t);
	fx_str_eq(t.leader_name, "Trần Thị Bình", "leader");
	fx_str_eq(t.unit_name, "Sở Nội vụ", "unit");
	task_clear(&t);
	fx_check_newest(f, "an", ENTRY_DO, "assign #1 to Trần Thị Bình, Sở Nội vụ");
}

/* --- undo and redo --------------------------------------------------------------- */

static void test_multi_id_close_one_entry(void **state)
{
	struct fx *f = *state;
	int64_t ids[3];
	struct task before[3];
	ids[0] = fx_add(f, "Kết nối dữ liệu dân cư", "1", NULL, NULL, fx_day(2025, 6, 20));
	ids[1] = fx_add(f, "Chữ ký số cho cán bộ", "3", NULL, NULL, R57_NO_DATE);
	ids[2] = fx_add(f, "Nền tảng họp trực tuyến", "2", NULL, NULL, fx_day(2025, 8, 31));
	for (int i = 0; i < 3; i++)
		snap(f, ids[i], &before[i]);
	int n = fx_entries(f);

	fx_tick(f);
	FX_OK(f, task_close(&f->r, ids, 3, fx_day(2025, 6, 25), "Hoàn thành", &f->err));
	assert_int_equal(fx_entries(f), n + 1);
	int64_t seq = fx_check_newest(f, "an", ENTRY_DO, "close #1, #2, #3 on 25/06/2025");
	for (int i = 0; i < 3; i++) {
		struct task t;
		fx_get(f, ids[i], &t);
		assert_int_equal(t.status, TASK_DONE);
		fx_day_eq(t.closed, fx_day(2025, 6, 25), "closed");
		fx_str_eq(t.result, "Hoàn thành", "result");
		task_clear(&t);
	}

	/* one undo reverts all three */
	assert_int_equal(undo_as(f, true, "close #1, #2, #3 on 25/06/2025"), seq);
	assert_int_equal(fx_entries(f), n + 2);
	char want[80];
	snprintf(want, sizeof want, "undo #%lld: close #1, #2, #3 on 25/06/2025", (long long)seq);
	fx_check_newest(f, "an", ENTRY_UNDO, want);
	for (int i = 0; i < 3; i++) {
		check_same(f, ids[i], &before[i]);
		task_clear(&before[i]);
	}
}

static void test_undo_restores_exactly(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Y tế", NULL, NULL);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", NULL, "Sở Nội vụ");
	fx_ref(f, REF_SOURCE, "97-CTr/TU", NULL, NULL);
	fx_ref(f, REF_SOURCE, "57-NQ/TW", NULL, NULL);
	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Nâng cấp hệ thống quản lý văn bản";
	tf.notes = "Giai đoạn 1";
	tf.product = "Hệ thống vận hành";
	tf.group = "1";
	tf.leader = "an";
	tf.unit = "Sở Nội vụ";
	tf.source = "97-ctr";
	tf.with[tf.n_with++] = "Sở Tài chính";
	tf.with[tf.n_with++] = "Sở Y tế";
	tf.due = fx_day(2025, 10, 31);
	int64_t id;
	fx_tick(f);
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
	struct task s0, s1, s2, s3;
	snap(f, id, &s0);
	fx_str_eq(s0.units, "Sở Tài chính; Sở Y tế", "units");

	/* an edit of every plain field and the coordinating units */
	f->r.today = fx_day(2025, 7, 2);
	fx_tick(f);
	struct task_fields ed = TASK_FIELDS_INIT;
	ed.title = "Nâng cấp hệ thống văn bản và điều hành";
	ed.notes = "Giai đoạn 2";
	ed.product = "";
	ed.result = "Đang chạy thử";
	ed.group = "4";
	ed.source = "57-NQ/TW";
	ed.year = 2026;
	ed.with[ed.n_with++] = "Sở Nội vụ";
	ed.without[ed.n_without++] = "Sở Tài chính";
	FX_OK(f, task_edit(&f->r, &id, 1, &ed, &f->err));
	snap(f, id, &s1);
	fx_str_eq(s1.units, "Sở Y tế; Sở Nội vụ", "units");
	assert_null(s1.product);
	assert_int_equal(s1.year, 2026);
	assert_int_equal(s1.group_id, 4);

	undo_as(f, true, "edit #1: title, notes, product, result, group, source, year 2026, coordinating units");
	check_same(f, id, &s0);
	undo_as(f, false, NULL);
	check_same(f, id, &s1);

	/* an extension */
	fx_tick(f);
	fx_due(f, id, fx_day(2025, 12, 31));
	snap(f, id, &s2);
	assert_int_equal(s2.extensions, 1);
	fx_day_eq(s2.first_due, fx_day(2025, 10, 31), "first due");
	undo_as(f, true, "deadline of #1 to 31/12/2025");
	check_same(f, id, &s1);
	undo_as(f, false, NULL);
	check_same(f, id, &s2);

	/* a close, with a result */
	fx_tick(f);
	FX_OK(f, task_close(&f->r, &id, 1, R57_NO_DATE, "Đã vận hành", &f->err));
	snap(f, id, &s3);
	assert_int_equal(s3.status, TASK_DONE);
	undo_as(f, true, "close #1 on 02/07/2025");
	check_same(f, id, &s2);
	undo_as(f, true, "deadline of #1 to 31/12/2025");
	check_same(f, id, &s1);
	undo_as(f, true, NULL);
	check_same(f, id, &s0);
	undo_as(f, false, NULL);
	undo_as(f, false, NULL);
	undo_as(f, false, NULL);
	check_same(f, id, &s3);
	task_clear(&s0);
	task_clear(&s1);
	task_clear(&s2);
	task_clear(&s3);
}

static void test_undo_add_and_delete(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Xây dựng kho dữ liệu dùng chung";
	tf.group = "1";
	tf.with[tf.n_with++] = "Sở Tài chính";
	tf.with[tf.n_with++] = "Sở Nội vụ";
	int64_t id;
	fx_tick(f);
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
	struct task s0;
	snap(f, id, &s0);
	fx_str_eq(s0.units, "Sở Tài chính; Sở Nội vụ", "units");

	/* undo of an add deletes the task and its coordinating units */
	int64_t add_seq = undo_as(f, true, "add #1: Xây dựng kho dữ liệu dùng chung");
	check_gone(f, id);
	int64_t *units = NULL;
	int n = -1;
	FX_OK(f, store_task_units(f->st, id, &units, &n, &f->err));
	assert_int_equal(n, 0);
	free(units);
	struct ref r;
	FX_OK(f, store_ref_get(f->st, REF_UNIT, 1, &r, &f->err)); /* the units stay */
	assert_int_equal(r.uses, 0);
	ref_clear(&r);
	/* redo brings it back as it was */
	assert_int_equal(undo_as(f, false, NULL), add_seq);
	check_same(f, id, &s0);

	/* delete, then undo: back with its coordinating units */
	fx_tick(f);
	FX_OK(f, task_delete(&f->r, &id, 1, &f->err));
	check_gone(f, id);
	FX_OK(f, store_task_units(f->st, id, &units, &n, &f->err));
	assert_int_equal(n, 0);
	free(units);
	undo_as(f, true, "delete #1 Xây dựng kho dữ liệu dùng chung");
	check_same(f, id, &s0);
	FX_OK(f, store_task_units(f->st, id, &units, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(units[0], 1);
	assert_int_equal(units[1], 2);
	free(units);
	/* redo deletes it again */
	undo_as(f, false, "delete #1 Xây dựng kho dữ liệu dùng chung");
	check_gone(f, id);

	/* ids are never reused, even after an undone add */
	int64_t next = fx_add(f, "Việc tiếp theo", NULL, NULL, NULL, R57_NO_DATE);
	assert_int_equal(next, 2);
	undo_as(f, true, "add #2: Việc tiếp theo");
	assert_int_equal(fx_add(f, "Việc sau nữa", NULL, NULL, NULL, R57_NO_DATE), 3);
	task_clear(&s0);
}

static void test_undo_refs(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	int64_t an = fx_ref(f, REF_LEADER, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ");

	fx_tick(f);
	FX_OK(f, ref_remove(&f->r, REF_LEADER, "an", &f->err));
	struct ref r;
	FX_FAILS(f, R57_ENOTFOUND, store_ref_get(f->st, REF_LEADER, an, &r, &f->err));
	undo_as(f, true, "remove leader #1: Nguyễn Văn An");
	FX_OK(f, store_ref_get(f->st, REF_LEADER, an, &r, &f->err));
	fx_str_eq(r.name, "Nguyễn Văn An", "name");
	fx_str_eq(r.title, "Giám đốc", "title");
	fx_str_eq(r.extra, "Sở Nội vụ", "unit");
	ref_clear(&r);

	fx_tick(f);
	FX_OK(f, group_move(&f->r, "3", 1, &f->err));
	undo_as(f, true, NULL);
	int64_t id;
	for (int pos = 1; pos <= 4; pos++) {
		char typed[4];
		snprintf(typed, sizeof typed, "%d", pos);
		FX_OK(f, store_ref_find(f->st, REF_GROUP, typed, &id, &f->err));
		assert_int_equal(id, pos);
	}

	/* an edit that made a new leader with --new: undo takes both back */
	int64_t t = fx_add(f, "Đào tạo kỹ năng số", "3", NULL, NULL, R57_NO_DATE);
	struct task_fields as = TASK_FIELDS_INIT;
	as.leader = "Phạm Thu Hà";
	as.create_new = true;
	fx_tick(f);
	FX_OK(f, task_assign(&f->r, &t, 1, &as, &f->err));
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "pham thu ha", &id, &f->err));
	undo_as(f, true, "assign #1 to Phạm Thu Hà");
	FX_FAILS(f, R57_ENOTFOUND, store_ref_find(f->st, REF_LEADER, "pham thu ha", &id, &f->err));
	struct task tk;
	fx_get(f, t, &tk);
	assert_int_equal(tk.leader_id, 0);
	assert_null(tk.leader_name);
	task_clear(&tk);
}

static void test_undo_redo_chain(void **state)
{
	struct fx *f = *state;
	/* the tasks are chi's, so that an's entries are A and B alone */
	fx_as(f, "chi", 2025, 6, 30);
	int64_t t1 = fx_add(f, "Cổng dữ liệu mở", "1", NULL, NULL, fx_day(2025, 9, 30));
	int64_t t2 = fx_add(f, "Hệ thống một cửa điện tử", "1", NULL, NULL, fx_day(2025, 8, 31));
	fx_as(f, "an", 2025, 6, 30);
	struct task t1a, t2a, t1b, t2b;
	snap(f, t1, &t1a);
	snap(f, t2, &t2a);

	fx_tick(f);
	fx_due(f, t1, fx_day(2025, 12, 31));                    /* A */
	int64_t seq_a = fx_check_newest(f, "an", ENTRY_DO, "deadline of #1 to 31/12/2025");
	fx_tick(f);
	fx_close_on(f, t2, fx_day(2025, 6, 29));                 /* B */
	int64_t seq_b = fx_check_newest(f, "an", ENTRY_DO, "close #2 on 29/06/2025");
	snap(f, t1, &t1b);
	snap(f, t2, &t2b);

	assert_int_equal(undo_as(f, true, NULL), seq_b);         /* undo B */
	check_same(f, t1, &t1b);
	check_same(f, t2, &t2a);
	assert_int_equal(undo_as(f, true, NULL), seq_a);         /* undo A */
	check_same(f, t1, &t1a);
	check_same(f, t2, &t2a);
	struct entry e;
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to undo for an", "message");

	assert_int_equal(undo_as(f, false, NULL), seq_a);        /* redo A */
	check_same(f, t1, &t1b);
	check_same(f, t2, &t2a);
	assert_int_equal(undo_as(f, false, NULL), seq_b);        /* redo B */
	check_same(f, t1, &t1b);
	check_same(f, t2, &t2b);
	int n = fx_entries(f);
	FX_FAILS(f, R57_ENOTHING, journal_redo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to redo for an", "message");
	assert_int_equal(fx_entries(f), n);
	char want[80];
	snprintf(want, sizeof want, "redo #%lld: close #2 on 29/06/2025", (long long)seq_b);
	fx_check_newest(f, "an", ENTRY_REDO, want);

	/* and once more from the top: undo takes B again */
	assert_int_equal(undo_as(f, true, NULL), seq_b);
	check_same(f, t2, &t2a);
	task_clear(&t1a);
	task_clear(&t2a);
	task_clear(&t1b);
	task_clear(&t2b);
}

static void test_undo_per_actor(void **state)
{
	struct fx *f = *state;
	fx_as(f, "an", 2025, 6, 30);
	int64_t t1 = fx_add(f, "Việc của An", "1", NULL, NULL, R57_NO_DATE);
	int64_t seq_an = fx_check_newest(f, "an", ENTRY_DO, "add #1: Việc của An");
	fx_as(f, "binh", 2025, 6, 30);
	int64_t t2 = fx_add(f, "Việc của Bình", "2", NULL, NULL, R57_NO_DATE);
	int64_t seq_b1 = fx_check_newest(f, "binh", ENTRY_DO, "add #2: Việc của Bình");
	fx_close_on(f, t2, R57_NO_DATE);
	int64_t seq_b2 = fx_check_newest(f, "binh", ENTRY_DO, "close #2 on 30/06/2025");

	/* an's undo takes an's newest entry, not binh's later ones */
	fx_as(f, "an", 2025, 6, 30);
	assert_int_equal(undo_as(f, true, "add #1: Việc của An"), seq_an);
	check_gone(f, t1);
	assert_int_equal(status_of(f, t2), TASK_DONE);
	struct entry e;
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));

	fx_as(f, "binh", 2025, 6, 30);
	assert_int_equal(undo_as(f, true, NULL), seq_b2);
	assert_int_equal(status_of(f, t2), TASK_OPEN);
	assert_int_equal(undo_as(f, true, NULL), seq_b1);
	check_gone(f, t2);
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "binh", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to undo for binh", "message");

	/* and redo is per actor too: an's redo brings back an's task only */
	fx_as(f, "an", 2025, 6, 30);
	assert_int_equal(undo_as(f, false, NULL), seq_an);
	struct task t;
	fx_get(f, t1, &t);
	fx_str_eq(t.title, "Việc của An", "title");
	task_clear(&t);
	check_gone(f, t2);
}

static void test_undo_conflict(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Triển khai chữ ký số", "1", NULL, NULL, fx_day(2025, 9, 30));
	int64_t t2 = fx_add(f, "Việc khác", "1", NULL, NULL, R57_NO_DATE);
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	int64_t seq_close = fx_check_newest(f, "an", ENTRY_DO, "close #1 on 30/06/2025");

	fx_as(f, "binh", 2025, 7, 1);
	struct task_fields ed = TASK_FIELDS_INIT;
	ed.title = "Triển khai chữ ký số cho toàn tỉnh";
	FX_OK(f, task_edit(&f->r, &t1, 1, &ed, &f->err));
	int64_t seq_edit = fx_check_newest(f, "binh", ENTRY_DO, "edit #1: title");

	struct task before;
	snap(f, t1, &before);
	int n = fx_entries(f);
	char want[300];
	snprintf(want, sizeof want,
	         "cannot undo #%lld (close #1 on 30/06/2025): binh changed it since in #%lld (edit #1: title); nothing was changed",
	         (long long)seq_close, (long long)seq_edit);

	fx_as(f, "an", 2025, 7, 1);
	struct entry e;
	memset(&e, 0, sizeof e);
	FX_FAILS(f, R57_ECONFLICT, journal_undo_plan(f->st, "an", &e, &f->err));
	fx_str_eq(f->err.msg, want, "message");
	FX_FAILS(f, R57_ECONFLICT, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, want, "message");
	check_same(f, t1, &before);
	assert_int_equal(fx_entries(f), n);
	task_clear(&before);

	/* once binh has undone his edit, an's undo goes through */
	fx_as(f, "binh", 2025, 7, 1);
	assert_int_equal(undo_as(f, true, NULL), seq_edit);
	fx_as(f, "an", 2025, 7, 1);
	assert_int_equal(undo_as(f, true, NULL), seq_close);
	assert_int_equal(status_of(f, t1), TASK_OPEN);

	/* a later change by someone else to another task does not block */
	fx_tick(f);
	fx_due(f, t1, fx_day(2025, 10, 31));
	fx_as(f, "binh", 2025, 7, 1);
	fx_close_on(f, t2, R57_NO_DATE);
	fx_as(f, "an", 2025, 7, 1);
	undo_as(f, true, "deadline of #1 to 31/10/2025");
	assert_int_equal(status_of(f, t2), TASK_DONE);

	/* a delete by someone else blocks, naming the delete */
	fx_tick(f);
	fx_due(f, t1, fx_day(2025, 11, 30));
	int64_t seq_due = fx_check_newest(f, "an", ENTRY_DO, "deadline of #1 to 30/11/2025");
	fx_as(f, "binh", 2025, 7, 2);
	FX_OK(f, task_delete(&f->r, &t1, 1, &f->err));
	int64_t seq_del = fx_check_newest(f, "binh", ENTRY_DO, "delete #1 Triển khai chữ ký số");
	fx_as(f, "an", 2025, 7, 2);
	n = fx_entries(f);
	FX_FAILS(f, R57_ECONFLICT, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	snprintf(want, sizeof want,
	         "cannot undo #%lld (deadline of #1 to 30/11/2025): binh changed it since in #%lld (delete #1 Triển khai chữ ký số); nothing was changed",
	         (long long)seq_due, (long long)seq_del);
	fx_str_eq(f->err.msg, want, "message");
	check_gone(f, t1);
	assert_int_equal(fx_entries(f), n);
}

/* Regression (a bug up to 89fed12, src/store/journal.c check_rows/apply_images;
 * fixed in 753a0a2): undo checked only the rows the entry itself wrote.
 * When someone else had since made another row refer to one of them (binh
 * assigns a task to the leader an added), an's undo of the add ran into the
 * foreign key and failed as a bare R57_EDB "FOREIGN KEY constraint failed",
 * naming neither who nor what. (References the entry made itself, such as
 * an add's coordinating units, must not block it: test_undo_add_and_delete
 * and test_undo_refs.) */
static void test_undo_conflict_through_reference(void **state)
{
	struct fx *f = *state;
	fx_as(f, "binh", 2025, 6, 30);
	int64_t t = fx_add(f, "Đào tạo kỹ năng số", "3", NULL, NULL, R57_NO_DATE);
	fx_as(f, "an", 2025, 6, 30);
	fx_ref(f, REF_LEADER, "Phạm Thu Hà", NULL, NULL);
	fx_as(f, "binh", 2025, 7, 1);
	struct task_fields as = TASK_FIELDS_INIT;
	as.leader = "Phạm Thu Hà";
	FX_OK(f, task_assign(&f->r, &t, 1, &as, &f->err));
	int64_t seq_assign = fx_check_newest(f, "binh", ENTRY_DO, "assign #1 to Phạm Thu Hà");
	struct task before;
	snap(f, t, &before);
	int n = fx_entries(f);

	fx_as(f, "an", 2025, 7, 1);
	struct entry e;
	memset(&e, 0, sizeof e);
	int rc = journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err);
	/* nothing changed, whatever the answer */
	check_same(f, t, &before);
	assert_int_equal(fx_entries(f), n);
	int64_t id;
	FX_OK(f, store_ref_find(f->st, REF_LEADER, "Phạm Thu Hà", &id, &f->err));
	task_clear(&before);
	if (rc == R57_OK)
		entry_clear(&e);
	/* refused as a conflict that names binh and his entry */
	if (rc != R57_ECONFLICT)
		fail_msg("undo returned %d (%s), expected R57_ECONFLICT naming binh", rc, f->err.msg);
	fx_contains(f->err.msg, "binh");
	char want[32];
	snprintf(want, sizeof want, "#%lld", (long long)seq_assign);
	fx_contains(f->err.msg, want);
}

static void test_redo_conflict(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Số hóa hồ sơ đất đai", "1", NULL, NULL, fx_day(2025, 9, 30));
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	int64_t seq_close = fx_check_newest(f, "an", ENTRY_DO, "close #1 on 30/06/2025");
	undo_as(f, true, NULL);

	fx_as(f, "binh", 2025, 7, 1);
	fx_due(f, t1, fx_day(2025, 12, 31));
	int64_t seq_due = fx_check_newest(f, "binh", ENTRY_DO, "deadline of #1 to 31/12/2025");
	struct task before;
	snap(f, t1, &before);
	int n = fx_entries(f);

	fx_as(f, "an", 2025, 7, 1);
	struct entry e;
	FX_FAILS(f, R57_ECONFLICT, journal_redo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	char want[300];
	snprintf(want, sizeof want,
	         "cannot redo #%lld (close #1 on 30/06/2025): binh changed it since in #%lld (deadline of #1 to 31/12/2025); nothing was changed",
	         (long long)seq_close, (long long)seq_due);
	fx_str_eq(f->err.msg, want, "message");
	check_same(f, t1, &before);
	assert_int_equal(fx_entries(f), n);
	task_clear(&before);
}

static void test_nothing_to_undo(void **state)
{
	struct fx *f = *state;
	struct entry e;
	/* the entry that created the database is not undoable */
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to undo for an", "message");
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "r57-test", f->r.now, f->r.today, &e, &f->err));
	FX_FAILS(f, R57_ENOTHING, journal_undo_plan(f->st, "an", &e, &f->err));
	FX_FAILS(f, R57_ENOTHING, journal_redo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to redo for an", "message");
	FX_FAILS(f, R57_ENOTHING, journal_redo_plan(f->st, "an", &e, &f->err));
	assert_int_equal(fx_entries(f), 1);

	fx_add(f, "Việc của An", NULL, NULL, NULL, R57_NO_DATE);
	FX_FAILS(f, R57_ENOTHING, journal_undo(f->st, "binh", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(f->err.msg, "nothing to undo for binh", "message");
	assert_int_equal(fx_entries(f), 2);
}

static void test_dry_run_writes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Cổng dịch vụ công", "1", NULL, NULL, R57_NO_DATE);
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	int64_t seq = fx_check_newest(f, "an", ENTRY_DO, "close #1 on 30/06/2025");
	struct task before;
	snap(f, t1, &before);
	int n = fx_entries(f);

	struct entry e;
	memset(&e, 0, sizeof e);
	FX_OK(f, journal_undo_plan(f->st, "an", &e, &f->err));
	assert_int_equal(e.seq, seq);
	fx_str_eq(e.summary, "close #1 on 30/06/2025", "planned");
	fx_str_eq(e.actor, "an", "actor");
	entry_clear(&e);
	check_same(f, t1, &before);
	assert_int_equal(fx_entries(f), n);

	undo_as(f, true, NULL);
	FX_OK(f, journal_redo_plan(f->st, "an", &e, &f->err));
	assert_int_equal(e.seq, seq);
	entry_clear(&e);
	assert_int_equal(status_of(f, t1), TASK_OPEN);
	assert_int_equal(fx_entries(f), n + 1);
	task_clear(&before);
}

static void test_new_action_ends_redo(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Hạ tầng mạng cấp xã", "1", NULL, NULL, R57_NO_DATE);
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	undo_as(f, true, "close #1 on 30/06/2025");

	/* a new action by an: nothing left to redo */
	fx_add(f, "Việc mới của An", NULL, NULL, NULL, R57_NO_DATE);
	struct entry e;
	int n = fx_entries(f);
	FX_FAILS(f, R57_ENOTHING, journal_redo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	assert_int_equal(status_of(f, t1), TASK_OPEN);
	assert_int_equal(fx_entries(f), n);

	/* someone else's new action does not end an's redo */
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	int64_t seq = fx_check_newest(f, "an", ENTRY_DO, "close #1 on 30/06/2025");
	undo_as(f, true, NULL);
	fx_as(f, "binh", 2025, 6, 30);
	fx_add(f, "Việc của Bình", NULL, NULL, NULL, R57_NO_DATE);
	fx_as(f, "an", 2025, 6, 30);
	assert_int_equal(undo_as(f, false, NULL), seq);
	assert_int_equal(status_of(f, t1), TASK_DONE);
}

static void test_undo_after_restart(void **state)
{
	struct fx *f = *state;
	int64_t t1 = fx_add(f, "Kho dữ liệu y tế", "2", NULL, NULL, R57_NO_DATE);
	fx_tick(f);
	fx_close_on(f, t1, R57_NO_DATE);
	fx_close(f);
	fx_open(f, false);
	undo_as(f, true, "close #1 on 30/06/2025");
	assert_int_equal(status_of(f, t1), TASK_OPEN);
	fx_close(f);
	fx_open(f, false);
	undo_as(f, false, "close #1 on 30/06/2025");
	assert_int_equal(status_of(f, t1), TASK_DONE);
}

/* --- history ----------------------------------------------------------------------- */

struct seqs {
	char list[256];
	int n;
};

static int take_seq(const struct entry *e, void *ctx)
{
	struct seqs *s = ctx;
	size_t len = strlen(s->list);
	snprintf(s->list + len, sizeof s->list - len, "%s%lld", s->n++ ? " " : "", (long long)e->seq);
	return 0;
}

static void check_history(struct fx *f, int64_t task, const char *actor, r57_day since,
                          int limit, const char *want)
{
	struct history_query q = { .task_id = task, .actor = actor, .since = since, .limit = limit };
	struct seqs s = { .n = 0 };
	FX_OK(f, journal_history(f->st, &q, take_seq, &s, &f->err));
	fx_str_eq(s.list, want, "history seqs");
}

static int take_entries(const struct entry *e, void *ctx)
{
	struct entry *out = ctx;
	if (e->seq >= 1 && e->seq <= 8) {
		out[e->seq - 1] = *e;
		out[e->seq - 1].actor = strdup(e->actor);
		out[e->seq - 1].summary = strdup(e->summary);
	}
	return 0;
}

static void test_history(void **state)
{
	struct fx *f = *state;                                   /* 1: init, 30/06 */
	fx_as(f, "an", 2025, 6, 28);
	int64_t t1 = fx_add(f, "Cổng dữ liệu mở", "1", NULL, NULL, R57_NO_DATE);   /* 2 */
	int64_t t2 = fx_add(f, "Chuyển đổi số y tế", "2", NULL, NULL, R57_NO_DATE); /* 3 */
	fx_as(f, "binh", 2025, 6, 29);
	fx_close_on(f, t1, R57_NO_DATE);                         /* 4 */
	struct task_fields ed = TASK_FIELDS_INIT;
	ed.notes = "Phối hợp Sở Y tế";
	fx_tick(f);
	FX_OK(f, task_edit(&f->r, &t2, 1, &ed, &f->err));        /* 5 */
	fx_as(f, "an", 2025, 6, 30);
	fx_due(f, t2, fx_day(2025, 12, 31));                     /* 6 */
	undo_as(f, true, "deadline of #2 to 31/12/2025");        /* 7 */
	fx_as(f, "binh", 2025, 7, 1);
	fx_add(f, "Đô thị thông minh", "2", NULL, NULL, R57_NO_DATE); /* 8 */

	check_history(f, 0, NULL, R57_NO_DATE, 0, "8 7 6 5 4 3 2 1");
	check_history(f, t1, NULL, R57_NO_DATE, 0, "4 2");
	check_history(f, t2, NULL, R57_NO_DATE, 0, "7 6 5 3");
	check_history(f, 3, NULL, R57_NO_DATE, 0, "8");
	check_history(f, 99, NULL, R57_NO_DATE, 0, "");
	check_history(f, 0, "binh", R57_NO_DATE, 0, "8 5 4");
	check_history(f, 0, "an", R57_NO_DATE, 0, "7 6 3 2");
	check_history(f, 0, "r57-test", R57_NO_DATE, 0, "1");
	check_history(f, 0, "chi", R57_NO_DATE, 0, "");
	check_history(f, 0, NULL, fx_day(2025, 6, 30), 0, "8 7 6 1"); /* inclusive */
	check_history(f, 0, NULL, fx_day(2025, 7, 1), 0, "8");
	check_history(f, 0, NULL, fx_day(2025, 7, 2), 0, "");
	check_history(f, 0, NULL, R57_NO_DATE, 3, "8 7 6");
	check_history(f, 0, "an", R57_NO_DATE, 2, "7 6");
	check_history(f, t2, "binh", R57_NO_DATE, 0, "5");
	check_history(f, 0, "an", fx_day(2025, 6, 29), 0, "7 6");
	check_history(f, t1, "binh", fx_day(2025, 6, 29), 1, "4");

	/* what each entry says */
	struct entry e[8];
	memset(e, 0, sizeof e);
	struct history_query q = { .since = R57_NO_DATE };
	FX_OK(f, journal_history(f->st, &q, take_entries, e, &f->err));
	static const char *const summary[8] = {
		"create the database", "add #1: Cổng dữ liệu mở", "add #2: Chuyển đổi số y tế",
		"close #1 on 29/06/2025", "edit #2: notes", "deadline of #2 to 31/12/2025",
		"undo #6: deadline of #2 to 31/12/2025", "add #3: Đô thị thông minh",
	};
	static const char *const actor[8] = {
		"r57-test", "an", "an", "binh", "binh", "an", "an", "binh",
	};
	static const enum entry_kind kind[8] = {
		ENTRY_INIT, ENTRY_DO, ENTRY_DO, ENTRY_DO, ENTRY_DO, ENTRY_DO, ENTRY_UNDO, ENTRY_DO,
	};
	for (int i = 0; i < 8; i++) {
		assert_int_equal(e[i].seq, i + 1);
		fx_str_eq(e[i].summary, summary[i], "summary");
		fx_str_eq(e[i].actor, actor[i], "actor");
		assert_int_equal(e[i].kind, kind[i]);
		assert_int_equal(e[i].undone, i == 5);
		assert_int_equal(e[i].target, i == 6 ? 6 : 0);
	}
	fx_str_eq(e[1].at, "2025-06-28T09:00:02+07:00", "time of #2");
	fx_str_eq(e[3].at, "2025-06-29T09:00:03+07:00", "time of #4");
	for (int i = 0; i < 8; i++)
		entry_clear(&e[i]);

	/* the walk stops when the callback says so */
	struct history_query one = { .since = R57_NO_DATE };
	struct entry first;
	memset(&first, 0, sizeof first);
	FX_OK(f, journal_history(f->st, &one, fx_copy_entry_cb, &first, &f->err));
	assert_int_equal(first.seq, 8);
	entry_clear(&first);
}

static void check_print(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "check: %s\n", line);
}

/* The rows of the tables an import writes, as one text (every column). */
static char *rows_text(struct fx *f)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
	        "SELECT coalesce((SELECT group_concat(r, char(10)) FROM (SELECT quote(id) || quote(uuid) ||"
	        " quote(title) || quote(notes) || quote(group_id) || quote(leader_id) || quote(unit_id) ||"
	        " quote(due) || quote(first_due) || quote(status) || quote(closed) || quote(created) ||"
	        " quote(updated) AS r FROM task ORDER BY id)), '') || '|' ||"
	        " coalesce((SELECT group_concat(id || ',' || task_id || ',' || unit_id, ';') FROM"
	        " (SELECT * FROM task_unit ORDER BY id)), '') || '|' ||"
	        " (SELECT group_concat(id || name, ';') FROM (SELECT * FROM unit ORDER BY id))",
	        -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		fail_msg("rows: %s", sqlite3_errmsg(db));
	char *v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* An import of more than 1,000 tasks (the bulk revert: set-wise, the task
 * indexes made again after) is undone to the rows as they were, redone
 * to the rows as the import left them, byte for byte, and undone again;
 * r57 check finds nothing at each step, and search finds what is there. */
static void test_undo_big_import(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_tick(f);
	char *before = rows_text(f);
	char csv[400];
	snprintf(csv, sizeof csv, "%s/big.csv", f->dir);
	FILE *fp = fopen(csv, "w");
	assert_non_null(fp);
	fputs("Nhiệm vụ,Nhóm nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Ghi chú\n", fp);
	for (int i = 1; i <= 1500; i++)
		fprintf(fp, "Nhiệm vụ số %d,%d,Sở Nội vụ,\"Sở Tài chính%s\",%02d/%02d/2025,ghi chú %d\n", i,
		        1 + i % 4, i % 3 ? ", Sở Tư pháp" : "", 1 + i % 28, 1 + i % 12, i);
	fclose(fp);
	struct import_opts io = { .path = csv };
	struct import_result res;
	FX_OK(f, import_file(&f->r, &io, &res, &f->err));
	assert_int_equal(res.added, 1500);
	char *imported = rows_text(f);
	int problems = -1;
	struct entry done;
	for (int round = 0; round < 2; round++) {
		fx_tick(f);
		FX_OK(f, journal_undo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
		fx_contains(done.summary, "import");
		entry_clear(&done);
		char *now = rows_text(f);
		/* (the units the import made are removed with it) */
		fx_str_eq(now, before, "after undo");
		free(now);
		FX_OK(f, store_check_all(f->st, check_print, NULL, &problems, &f->err));
		assert_int_equal(problems, 0);
		struct task_filter flt;
		filter_init(&flt);
		FX_OK(f, filter_add_word(&flt, "ghi", f->r.today, &f->err));
		int64_t n = -1;
		FX_OK(f, store_task_count(f->st, &flt, f->r.today, &n, &f->err));
		assert_int_equal(n, 0);
		if (round == 1) {
			filter_clear(&flt);
			break;
		}
		fx_tick(f);
		FX_OK(f, journal_redo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
		entry_clear(&done);
		now = rows_text(f);
		fx_str_eq(now, imported, "after redo");
		free(now);
		FX_OK(f, store_check_all(f->st, check_print, NULL, &problems, &f->err));
		assert_int_equal(problems, 0);
		FX_OK(f, store_task_count(f->st, &flt, f->r.today, &n, &f->err));
		assert_int_equal(n, 1500);
		filter_clear(&flt);
	}
	free(before);
	free(imported);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_one_entry_per_action),
		FX_TEST(test_no_op_writes_nothing),
		FX_TEST(test_refused_action_writes_nothing),
		FX_TEST(test_assign_summary_names_people),
		FX_TEST(test_multi_id_close_one_entry),
		FX_TEST(test_undo_restores_exactly),
		FX_TEST(test_undo_add_and_delete),
		FX_TEST(test_undo_refs),
		FX_TEST(test_undo_redo_chain),
		FX_TEST(test_undo_per_actor),
		FX_TEST(test_undo_conflict),
		FX_TEST(test_undo_conflict_through_reference),
		FX_TEST(test_redo_conflict),
		FX_TEST(test_nothing_to_undo),
		FX_TEST(test_dry_run_writes_nothing),
		FX_TEST(test_new_action_ends_redo),
		FX_TEST(test_undo_after_restart),
		FX_TEST(test_history),
		FX_TEST(test_undo_big_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
