/* test_remind.c: reminders to units and persons whose tasks run late:
 * which tasks a notice names on a pinned date (overdue, due soon, later,
 * closed), per unit, per person and within N days; the exact notice in
 * Vietnamese and English; issuing as one journal entry that undo removes
 * and redo restores; the reminders a unit received and who issued them; a
 * task's history showing them; the status report counting them; and the
 * migration of a version-1 file, writable or read-only. */
#include "fixture.h"
#include "r57/i18n.h"
#include "r57/remind.h"
#include "r57/report_out.h"

/* --- helpers ---------------------------------------------------------------- */

static void collect(struct fx *f, enum remind_to to, int64_t id, int within,
                    struct remind_set *s)
{
	struct remind_query q = { .to = to, .id = id, .as_of = f->r.today, .within_days = within };
	FX_OK(f, remind_collect(f->st, &q, s, &f->err));
}

static char *render(const struct remind_notice *n, enum report_lang lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	assert_int_equal(remind_write(m, n, lang), 0);
	fclose(m);
	return buf;
}

static int64_t sql_count(struct fx *f, const char *sql)
{
	return fx_sql_int(f->path, sql);
}

/* One text value from SQL on the file (its own read-only connection). */
static char *sql_text(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char *v = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s", path);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		sqlite3_close(db);
		fail_msg("%s: failed", sql);
	}
	const unsigned char *t = sqlite3_column_text(s, 0);
	v = strdup(t ? (const char *)t : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Units A (Sở Nội vụ) and B (Sở Tài chính), person An of A; as of
 * 30/06/2025: A has two overdue tasks, one due that day, one due in 7
 * days, one due in 8, a done, a cancelled and an undated one; B one due
 * in 3 days; a task without a unit is overdue. An leads t1 and b1. */
struct world {
	int64_t unit_a, unit_b, an;
	int64_t t1, t2, t3, t4, t5, t6, t7, t8, b1, n1;
};

static void make_world(struct fx *f, struct world *w)
{
	fx_as(f, "an", 2025, 6, 1);
	w->unit_a = fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	w->unit_b = fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	w->an = fx_ref(f, REF_LEADER, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ");
	w->t1 = fx_add(f, "Nâng cấp hệ thống quản lý văn bản", "1", "Nguyễn Văn An", "Sở Nội vụ",
	               fx_day(2025, 6, 10));
	w->t2 = fx_add(f, "Kết nối đường truyền giữa hai trung tâm dữ liệu", "1", NULL, "Sở Nội vụ",
	               fx_day(2025, 6, 29));
	w->t3 = fx_add(f, "Vận hành trung tâm tích hợp dữ liệu", "2", NULL, "Sở Nội vụ",
	               fx_day(2025, 6, 30));
	w->t4 = fx_add(f, "Triển khai hệ thống văn bản điện tử", "2", NULL, "Sở Nội vụ",
	               fx_day(2025, 7, 7));
	w->t5 = fx_add(f, "Ban hành hướng dẫn tổ công nghệ số cộng đồng", "3", NULL, "Sở Nội vụ",
	               fx_day(2025, 7, 8));
	w->t6 = fx_add(f, "Đã xong", "1", NULL, "Sở Nội vụ", fx_day(2025, 6, 1));
	w->t7 = fx_add(f, "Đã hủy", "1", NULL, "Sở Nội vụ", fx_day(2025, 6, 2));
	w->t8 = fx_add(f, "Không thời hạn", "1", NULL, "Sở Nội vụ", R57_NO_DATE);
	w->b1 = fx_add(f, "Bố trí kinh phí chuyển đổi số", "4", "Nguyễn Văn An", "Sở Tài chính",
	               fx_day(2025, 7, 3));
	w->n1 = fx_add(f, "Chưa giao đơn vị", "1", NULL, NULL, fx_day(2025, 6, 5));
	fx_close_on(f, w->t6, fx_day(2025, 6, 1));
	FX_OK(f, task_cancel(&f->r, &w->t7, 1, "trùng lặp", &f->err));
	fx_as(f, "an", 2025, 6, 30);
}

static void check_task(const struct remind_task *t, int64_t id, int days_late)
{
	assert_int_equal(t->id, id);
	assert_int_equal(t->days_late, days_late);
}

/* --- collecting ------------------------------------------------------------- */

static void test_collect_by_unit(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	struct remind_set s;
	collect(f, REMIND_UNIT, 0, REMIND_WITHIN_DEFAULT, &s);
	assert_int_equal(s.n, 2);
	/* Units by name: Sở Nội vụ, then Sở Tài chính; nobody for n1. */
	const struct remind_notice *a = &s.notices[0], *b = &s.notices[1];
	assert_int_equal(a->to, REMIND_UNIT);
	assert_int_equal(a->id, w.unit_a);
	fx_str_eq(a->name, "Sở Nội vụ", "unit A");
	assert_null(a->title);
	fx_day_eq(a->as_of, fx_day(2025, 6, 30), "as of");
	assert_int_equal(a->within_days, 7);
	/* Overdue first (most overdue first), then by deadline; t5 is 8 days
	 * off, t6 done, t7 cancelled, t8 undated: none of them. */
	assert_int_equal(a->n_tasks, 4);
	assert_int_equal(a->n_overdue, 2);
	check_task(&a->tasks[0], w.t1, 20);
	check_task(&a->tasks[1], w.t2, 1);
	check_task(&a->tasks[2], w.t3, 0);
	check_task(&a->tasks[3], w.t4, -7);
	fx_day_eq(a->tasks[0].due, fx_day(2025, 6, 10), "t1 due");
	fx_str_eq(a->tasks[0].title, "Nâng cấp hệ thống quản lý văn bản", "t1 title");
	assert_int_equal(b->id, w.unit_b);
	assert_int_equal(b->n_tasks, 1);
	assert_int_equal(b->n_overdue, 0);
	check_task(&b->tasks[0], w.b1, -3);
	remind_set_clear(&s);

	/* Within 0: only what is overdue or due that day; B has nothing. */
	collect(f, REMIND_UNIT, 0, 0, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.notices[0].n_tasks, 3);
	check_task(&s.notices[0].tasks[2], w.t3, 0);
	remind_set_clear(&s);

	/* Within 8 takes t5 too. */
	collect(f, REMIND_UNIT, 0, 8, &s);
	assert_int_equal(s.notices[0].n_tasks, 5);
	check_task(&s.notices[0].tasks[4], w.t5, -8);
	remind_set_clear(&s);

	/* Only the unit asked for. */
	collect(f, REMIND_UNIT, w.unit_b, 7, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.notices[0].id, w.unit_b);
	remind_set_clear(&s);

	/* A unit with nothing to remind of: an empty set, not an error. */
	fx_as(f, "an", 2025, 5, 1);
	collect(f, REMIND_UNIT, w.unit_a, 7, &s);
	assert_int_equal(s.n, 0);
	remind_set_clear(&s);
}

static void test_collect_by_leader(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	struct remind_set s;
	collect(f, REMIND_LEADER, 0, 7, &s);
	assert_int_equal(s.n, 1);
	const struct remind_notice *n = &s.notices[0];
	assert_int_equal(n->to, REMIND_LEADER);
	assert_int_equal(n->id, w.an);
	fx_str_eq(n->name, "Nguyễn Văn An", "person");
	fx_str_eq(n->title, "Giám đốc", "title");
	fx_str_eq(n->unit_name, "Sở Nội vụ", "person's unit");
	assert_int_equal(n->n_tasks, 2);
	assert_int_equal(n->n_overdue, 1);
	check_task(&n->tasks[0], w.t1, 20);
	check_task(&n->tasks[1], w.b1, -3);
	remind_set_clear(&s);

	collect(f, REMIND_LEADER, w.an, 0, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.notices[0].n_tasks, 1);
	remind_set_clear(&s);
}

static void test_collect_refuses_bad_within(void **state)
{
	struct fx *f = *state;
	struct remind_set s;
	struct remind_query q = { .to = REMIND_UNIT, .as_of = f->r.today, .within_days = -1 };
	FX_FAILS(f, R57_EINPUT, remind_collect(f->st, &q, &s, &f->err));
	fx_contains(f->err.msg, "--within");
	q.within_days = REMIND_WITHIN_MAX + 1;
	FX_FAILS(f, R57_EINPUT, remind_collect(f->st, &q, &s, &f->err));
	q.within_days = 7;
	q.as_of = R57_NO_DATE;
	FX_FAILS(f, R57_EUSAGE, remind_collect(f->st, &q, &s, &f->err));
}

/* --- the notice --------------------------------------------------------------- */

/* Sở Nội vụ on 30/06/2025: 15 and 1 days late, 5 days left. */
static void small_case(struct fx *f, struct remind_set *s)
{
	fx_as(f, "an", 2025, 6, 1);
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ");
	fx_add(f, "Nâng cấp hệ thống quản lý văn bản", "1", "Nguyễn Văn An", "Sở Nội vụ",
	       fx_day(2025, 6, 15));
	fx_add(f, "Kết nối đường truyền giữa hai trung tâm dữ liệu", "1", NULL, "Sở Nội vụ",
	       fx_day(2025, 6, 29));
	fx_add(f, "Triển khai hệ thống văn bản điện tử", "1", NULL, "Sở Nội vụ", fx_day(2025, 7, 5));
	fx_as(f, "an", 2025, 6, 30);
	collect(f, REMIND_UNIT, 0, 7, s);
	assert_int_equal(s->n, 1);
}

static void test_notice_vi(void **state)
{
	struct fx *f = *state;
	struct remind_set s;
	small_case(f, &s);
	char *text = render(&s.notices[0], LANG_VI);
	fx_str_eq(text,
	          "Kính gửi: Sở Nội vụ\n"
	          "\n"
	          "Tính đến ngày 30/06/2025, đơn vị có 2 nhiệm vụ quá hạn và 1 nhiệm vụ đến hạn "
	          "trong 7 ngày tới:\n"
	          "\n"
	          "Nhiệm vụ quá hạn:\n"
	          "1. Nâng cấp hệ thống quản lý văn bản (thời hạn 15/06/2025, quá hạn 15 ngày);\n"
	          "2. Kết nối đường truyền giữa hai trung tâm dữ liệu (thời hạn 29/06/2025, quá hạn 1 ngày).\n"
	          "\n"
	          "Nhiệm vụ sắp đến hạn:\n"
	          "1. Triển khai hệ thống văn bản điện tử (thời hạn 05/07/2025, còn 5 ngày).\n"
	          "\n"
	          "Đề nghị đơn vị khẩn trương triển khai, hoàn thành các nhiệm vụ và báo cáo kết quả "
	          "về Ban Chỉ đạo.\n",
	          "Vietnamese notice");
	free(text);
	remind_set_clear(&s);

	/* To the person: addressed as đồng chí, with title and unit. */
	collect(f, REMIND_LEADER, 0, 7, &s);
	text = render(&s.notices[0], LANG_VI);
	fx_str_eq(text,
	          "Kính gửi: đồng chí Nguyễn Văn An, Giám đốc Sở Nội vụ\n"
	          "\n"
	          "Tính đến ngày 30/06/2025, đồng chí được giao phụ trách 1 nhiệm vụ quá hạn:\n"
	          "\n"
	          "Nhiệm vụ quá hạn:\n"
	          "1. Nâng cấp hệ thống quản lý văn bản (thời hạn 15/06/2025, quá hạn 15 ngày).\n"
	          "\n"
	          "Đề nghị đồng chí khẩn trương triển khai, hoàn thành các nhiệm vụ và báo cáo kết quả "
	          "về Ban Chỉ đạo.\n",
	          "Vietnamese notice to a person");
	free(text);
	remind_set_clear(&s);
}

static void test_notice_en(void **state)
{
	struct fx *f = *state;
	struct remind_set s;
	small_case(f, &s);
	char *text = render(&s.notices[0], LANG_EN);
	fx_str_eq(text,
	          "To: Sở Nội vụ\n"
	          "\n"
	          "As of 30/06/2025, the unit has 2 overdue tasks and 1 task due within the next 7 days:\n"
	          "\n"
	          "Overdue tasks:\n"
	          "1. Nâng cấp hệ thống quản lý văn bản (deadline 15/06/2025, 15 days overdue);\n"
	          "2. Kết nối đường truyền giữa hai trung tâm dữ liệu (deadline 29/06/2025, 1 day overdue).\n"
	          "\n"
	          "Tasks due soon:\n"
	          "1. Triển khai hệ thống văn bản điện tử (deadline 05/07/2025, 5 days left).\n"
	          "\n"
	          "The unit is requested to carry out and complete these tasks without delay and to "
	          "report the results to the Steering Committee.\n",
	          "English notice");
	free(text);
	remind_set_clear(&s);

	/* Due that day, and nothing overdue: the words for both. */
	int64_t ids[] = { 1, 2 };
	FX_OK(f, task_close(&f->r, ids, 2, R57_NO_DATE, NULL, &f->err));
	fx_as(f, "an", 2025, 7, 5);
	collect(f, REMIND_UNIT, 0, 0, &s);
	text = render(&s.notices[0], LANG_EN);
	fx_contains(text, "As of 05/07/2025, the unit has 1 task due on 05/07/2025:\n");
	fx_contains(text, "(deadline 05/07/2025, due today).\n");
	free(text);
	text = render(&s.notices[0], LANG_VI);
	fx_contains(text, "đơn vị có 1 nhiệm vụ đến hạn ngày 05/07/2025:\n");
	fx_contains(text, "(thời hạn 05/07/2025, đến hạn hôm nay).\n");
	free(text);
	remind_set_clear(&s);
}

static void test_notice_user_text_made_safe(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "Sở \xe2\x80\xae" "X\x1b[31m", NULL, NULL);
	fx_add(f, "Tiêu đề\x1b]0;pwned\x07 \xe2\x80\xae" "abc", "1", NULL, "Sở \xe2\x80\xae" "X\x1b[31m",
	       fx_day(2025, 6, 1));
	struct remind_set s;
	collect(f, REMIND_UNIT, 0, 7, &s);
	assert_int_equal(s.n, 1);
	char *text = render(&s.notices[0], LANG_VI);
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\x07'));
	assert_null(strstr(text, "\xe2\x80\xae"));
	fx_contains(text, "Kính gửi: Sở \xef\xbf\xbdX\xe2\x90\x9b[31m\n");
	free(text);
	char *name = remind_file_name(&s.notices[0]);
	fx_str_eq(name, "unit-1-so-x-31m.txt", "file name");
	free(name);
	remind_set_clear(&s);
}

static void test_file_names(void **state)
{
	(void)state;
	char name1[] = "Nguyễn Văn Đức", name2[] = "../../etc/passwd",
	     name3[] = "\xd8\xaf\xd9\x81\xd8\xaa\xd8\xb1"; /* Arabic script only */
	struct remind_notice n = { .to = REMIND_LEADER, .id = 5, .name = name1 };
	char *name = remind_file_name(&n);
	fx_str_eq(name, "leader-5-nguyen-van-duc.txt", "leader file");
	free(name);
	n.to = REMIND_UNIT;
	n.name = name2;
	name = remind_file_name(&n);
	fx_str_eq(name, "unit-5-etc-passwd.txt", "no path");
	free(name);
	n.name = name3;
	name = remind_file_name(&n);
	fx_str_eq(name, "unit-5.txt", "nothing left of the name");
	free(name);
}

/* --- issuing ----------------------------------------------------------------- */

static void test_issue_one_entry_undo_redo(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	struct remind_set s;
	collect(f, REMIND_UNIT, 0, 7, &s);
	char *sum = remind_summary(&s);
	fx_str_eq(sum, "remind 2 units: Sở Nội vụ (4 tasks), Sở Tài chính (1 task)", "summary");
	free(sum);

	/* A dry run and an empty set write nothing. */
	int n0 = fx_entries(f);
	int64_t seq = -1;
	FX_OK(f, remind_issue(&f->r, &s, LANG_VI, true, &seq, &f->err));
	assert_int_equal(seq, 0);
	struct remind_set none = { .to = REMIND_UNIT };
	FX_OK(f, remind_issue(&f->r, &none, LANG_VI, false, &seq, &f->err));
	assert_int_equal(seq, 0);
	assert_int_equal(fx_entries(f), n0);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 0);

	fx_tick(f);
	FX_OK(f, remind_issue(&f->r, &s, LANG_VI, false, &seq, &f->err));
	assert_true(seq > 0);
	assert_int_equal(fx_entries(f), n0 + 1);
	assert_int_equal(fx_check_newest(f, "an", ENTRY_DO,
	                                 "remind 2 units: Sở Nội vụ (4 tasks), Sở Tài chính (1 task)"),
	                 seq);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 2);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder_task"), 5);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder WHERE issued = '2025-06-30'"
	                              " AND as_of = '2025-06-30' AND within_days = 7 AND lang = 'vi'"), 2);
	assert_int_equal(sql_count(f, "SELECT days_late FROM reminder_task WHERE task_id = 1"), 20);
	/* Every row was filed under that one entry. */
	char q[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM change_log WHERE entry = %lld", (long long)seq);
	assert_int_equal(sql_count(f, q), 7);

	/* One undo removes the whole issue; redo brings it back, same ids. */
	struct entry done;
	fx_tick(f);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	assert_int_equal(done.seq, seq);
	entry_clear(&done);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 0);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder_task"), 0);
	fx_tick(f);
	FX_OK(f, journal_redo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	assert_int_equal(done.seq, seq);
	entry_clear(&done);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 2);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder_task"), 5);
	assert_int_equal(sql_count(f, "SELECT min(id) FROM reminder"), 1);
	remind_set_clear(&s);
}

static void test_issue_refused_when_tasks_changed(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	struct remind_set s;
	collect(f, REMIND_UNIT, 0, 7, &s);
	int n0 = fx_entries(f);
	/* t2 closed after the notices were made. */
	fx_close_on(f, w.t2, R57_NO_DATE);
	n0++;
	FX_FAILS(f, R57_ECONFLICT, remind_issue(&f->r, &s, LANG_VI, false, NULL, &f->err));
	fx_contains(f->err.msg, "task #2 was closed meanwhile; nothing was recorded");
	FX_FAILS(f, R57_ECONFLICT, remind_issue(&f->r, &s, LANG_VI, true, NULL, &f->err));
	assert_int_equal(fx_entries(f), n0);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 0);
	/* Deleted, or the deadline moved: the same. */
	remind_set_clear(&s);
	collect(f, REMIND_UNIT, 0, 7, &s);
	FX_OK(f, task_delete(&f->r, &w.t3, 1, &f->err));
	FX_FAILS(f, R57_ECONFLICT, remind_issue(&f->r, &s, LANG_VI, false, NULL, &f->err));
	fx_contains(f->err.msg, "task #3 was deleted meanwhile");
	remind_set_clear(&s);
	collect(f, REMIND_UNIT, 0, 7, &s);
	fx_due(f, w.t4, fx_day(2025, 7, 6));
	FX_FAILS(f, R57_ECONFLICT, remind_issue(&f->r, &s, LANG_VI, false, NULL, &f->err));
	fx_contains(f->err.msg, "the deadline of task #4 changed meanwhile; nothing was recorded");
	remind_set_clear(&s);
}

/* Issue what is due as of the fixture's day, as its actor. */
static int64_t issue(struct fx *f, enum remind_to to, int64_t id, enum report_lang lang)
{
	struct remind_set s;
	int64_t seq = 0;
	collect(f, to, id, 7, &s);
	fx_tick(f);
	FX_OK(f, remind_issue(&f->r, &s, lang, false, &seq, &f->err));
	remind_set_clear(&s);
	return seq;
}

/* --- reading back -------------------------------------------------------------- */

struct seen {
	int n;
	char line[8][300];
};

static int see(const struct reminder *rm, void *ctx)
{
	struct seen *s = ctx;
	char b1[11], b2[11];
	if (s->n >= 8)
		return 1;
	int k = snprintf(s->line[s->n], sizeof s->line[0], "#%lld %s %s to %s (%s #%lld) as of %s, %d days, %s, #%lld:",
	                 (long long)rm->id, date_iso(rm->issued, b1), rm->actor ? rm->actor : "?",
	                 rm->name ? rm->name : "?", rm->to == REMIND_UNIT ? "unit" : "leader",
	                 (long long)rm->to_id, date_iso(rm->as_of, b2), rm->within_days,
	                 rm->lang == LANG_EN ? "en" : "vi", (long long)rm->entry);
	for (int i = 0; i < rm->n_tasks && k > 0 && (size_t)k < sizeof s->line[0]; i++)
		k += snprintf(s->line[s->n] + k, sizeof s->line[0] - (size_t)k, " %lld/%d",
		              (long long)rm->tasks[i].id, rm->tasks[i].days_late);
	s->n++;
	return 0;
}

static void test_list_per_unit_with_issuer(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	int64_t e1 = issue(f, REMIND_UNIT, w.unit_a, LANG_VI);
	fx_as(f, "binh", 2025, 7, 2);
	int64_t e2 = issue(f, REMIND_UNIT, 0, LANG_EN);
	int64_t e3 = issue(f, REMIND_LEADER, w.an, LANG_VI);

	struct seen s = { 0 };
	struct remind_list_query q = { .to = REMIND_UNIT, .id = w.unit_a };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 2);
	char want[300];
	/* Newest first; on 02/07 t3 is 2 days late, t4 5 days off, t5 6. */
	snprintf(want, sizeof want,
	         "#2 2025-07-02 binh to Sở Nội vụ (unit #1) as of 2025-07-02, 7 days, en, #%lld:"
	         " 1/22 2/3 3/2 4/-5 5/-6", (long long)e2);
	fx_str_eq(s.line[0], want, "newest");
	snprintf(want, sizeof want,
	         "#1 2025-06-30 an to Sở Nội vụ (unit #1) as of 2025-06-30, 7 days, vi, #%lld:"
	         " 1/20 2/1 3/0 4/-7", (long long)e1);
	fx_str_eq(s.line[1], want, "first");

	memset(&s, 0, sizeof s);
	q.id = w.unit_b;
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 1);
	fx_contains(s.line[0], "binh to Sở Tài chính (unit #2)");

	memset(&s, 0, sizeof s);
	q = (struct remind_list_query){ .to = REMIND_LEADER, .id = w.an };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 1);
	snprintf(want, sizeof want,
	         "#4 2025-07-02 binh to Nguyễn Văn An (leader #1) as of 2025-07-02, 7 days, vi, #%lld:"
	         " 1/22 9/-1", (long long)e3);
	fx_str_eq(s.line[0], want, "to the person");

	/* Those that named a task; all of them; a limit. */
	memset(&s, 0, sizeof s);
	q = (struct remind_list_query){ .task_id = w.t1 };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 3);
	memset(&s, 0, sizeof s);
	q = (struct remind_list_query){ .task_id = w.b1 };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 2);
	memset(&s, 0, sizeof s);
	q = (struct remind_list_query){ .limit = 2 };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 2);
	fx_contains(s.line[0], "#4 ");
	fx_contains(s.line[1], "#3 ");
}

/* --- in a task's history --------------------------------------------------------- */

struct summaries {
	int n;
	char s[16][200];
};

static int take_summary(const struct entry *e, void *ctx)
{
	struct summaries *h = ctx;
	if (h->n < 16)
		snprintf(h->s[h->n++], sizeof h->s[0], "%s", e->summary ? e->summary : "");
	return 0;
}

static void history_of(struct fx *f, int64_t task, struct summaries *h)
{
	struct history_query q = { .task_id = task, .since = R57_NO_DATE };
	memset(h, 0, sizeof *h);
	FX_OK(f, journal_history(f->st, &q, take_summary, h, &f->err));
}

static void test_history_shows_reminders(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	int64_t e = issue(f, REMIND_UNIT, 0, LANG_VI);
	struct summaries h;
	history_of(f, w.t1, &h);
	assert_int_equal(h.n, 2);
	fx_str_eq(h.s[0], "remind 2 units: Sở Nội vụ (4 tasks), Sở Tài chính (1 task)", "newest");
	fx_str_eq(h.s[1], "add #1: Nâng cấp hệ thống quản lý văn bản", "oldest");
	/* t5 was not named. */
	history_of(f, w.t5, &h);
	assert_int_equal(h.n, 1);
	/* Its undo shows too: the reminder was withdrawn. */
	struct entry done;
	fx_tick(f);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	entry_clear(&done);
	history_of(f, w.b1, &h);
	assert_int_equal(h.n, 3);
	char want[200];
	snprintf(want, sizeof want, "undo #%lld: remind 2 units: Sở Nội vụ (4 tasks), Sở Tài chính"
	         " (1 task)", (long long)e);
	fx_str_eq(h.s[0], want, "undo");
}

/* EXPLAIN QUERY PLAN of journal_history's task filter names both indexes. */
static void test_history_uses_indexes(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"EXPLAIN QUERY PLAN SELECT seq FROM entry WHERE 1 AND seq IN (SELECT entry FROM change_log"
		" WHERE tbl = 5 AND row_id = ?1 UNION ALL SELECT entry FROM change_log WHERE tbl = 8"
		" AND row_id IN (SELECT id FROM reminder_task WHERE task_id = ?1 UNION SELECT row_id"
		" FROM change_log WHERE v2 = ?1 AND tbl = 8 AND op = 3))"
		" ORDER BY seq DESC LIMIT 50", -1, &s, NULL), SQLITE_OK);
	char plan[2000] = "";
	size_t n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < sizeof plan - 200)
		n += (size_t)snprintf(plan + n, sizeof plan - n, "%s\n",
		                      (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	sqlite3_close(db);
	fx_contains(plan, "change_log_row");
	fx_contains(plan, "change_log_reminder_task");
	fx_contains(plan, "reminder_task_by_task");
	if (strstr(plan, "SCAN change_log"))
		fail_msg("scans the change table:\n%s", plan);
}

/* --- undo and delete with reminders ---------------------------------------------------- */

static void test_undo_refused_while_a_reminder_names_it(void **state)
{
	struct fx *f = *state;
	fx_as(f, "an", 2025, 6, 1);
	int64_t unit = fx_ref(f, REF_UNIT, "Sở Khoa học và Công nghệ", NULL, NULL);
	(void)unit;
	fx_tick(f);
	int64_t t = fx_add(f, "Thúc đẩy nền tảng số", "1", NULL, "Sở Khoa học và Công nghệ",
	                   fx_day(2025, 6, 20));
	fx_as(f, "binh", 2025, 6, 30);
	int64_t e = issue(f, REMIND_UNIT, 0, LANG_VI);
	/* an's add of the task: binh's reminder names it. */
	fx_as(f, "an", 2025, 6, 30);
	struct entry done;
	char want[300];
	snprintf(want, sizeof want, "cannot undo #3 (add #%lld: Thúc đẩy nền tảng số): binh made use of"
	         " what it added in #%lld (remind 1 unit: Sở Khoa học và Công nghệ (1 task)); nothing"
	         " was changed", (long long)t, (long long)e);
	FX_FAILS(f, R57_ECONFLICT, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	fx_str_eq(f->err.msg, want, "refusal");
	/* The unit cannot be removed either: its reminders stay on record. */
	FX_OK(f, task_delete(&f->r, &t, 1, &f->err));
	FX_FAILS(f, R57_EINUSE, ref_remove(&f->r, REF_UNIT, "Sở Khoa học và Công nghệ", &f->err));
	fx_str_eq(f->err.msg, "unit 'Sở Khoa học và Công nghệ' has received 1 reminder, kept on"
	          " record; nothing removed", "remove refused");
}

static void test_delete_task_takes_its_reminder_rows(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	issue(f, REMIND_UNIT, 0, LANG_VI);
	char *before = sql_text(f->path, "SELECT group_concat(id || ',' || reminder_id || ',' || task_id || ',' || due || ',' || days_late, ';') FROM (SELECT * FROM reminder_task ORDER BY id)");
	fx_tick(f);
	FX_OK(f, task_delete(&f->r, &w.t1, 1, &f->err));
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder_task WHERE task_id = 1"), 0);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder_task"), 4);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM reminder"), 2);
	/* The deletion's one undo brings the task and its reminder rows back. */
	struct entry done;
	fx_tick(f);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	fx_contains(done.summary, "delete #1");
	entry_clear(&done);
	char *after = sql_text(f->path, "SELECT group_concat(id || ',' || reminder_id || ',' || task_id || ',' || due || ',' || days_late, ';') FROM (SELECT * FROM reminder_task ORDER BY id)");
	fx_str_eq(after, before, "reminder rows");
	free(before);
	free(after);
	/* Undo of the issue is refused while the task is deleted by another. */
	fx_as(f, "binh", 2025, 6, 30);
	FX_OK(f, task_delete(&f->r, &w.t2, 1, &f->err));
	fx_as(f, "an", 2025, 6, 30);
	FX_FAILS(f, R57_ECONFLICT, journal_undo(f->st, "an", f->r.now, f->r.today, &done, &f->err));
	fx_contains(f->err.msg, "binh changed it since");
}

/* --- the status report -------------------------------------------------------------------- */

static void test_report_counts_reminders(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	issue(f, REMIND_UNIT, 0, LANG_VI);               /* A and B, 30/06 */
	fx_as(f, "binh", 2025, 7, 2);
	issue(f, REMIND_UNIT, w.unit_a, LANG_VI);        /* A, 02/07 */
	issue(f, REMIND_LEADER, w.an, LANG_VI);          /* An, 02/07 */

	struct selection all = { 0 };
	struct report_row *rows;
	int n;
	FX_OK(f, report_breakdown(f->st, &all, BY_UNIT, fx_day(2025, 7, 2), R57_NO_DATE, &rows, &n,
	                          &f->err));
	assert_int_equal(n, 3); /* A, B, no unit */
	fx_str_eq(rows[0].name, "Sở Nội vụ", "A");
	assert_int_equal(rows[0].reminders, 2);
	assert_int_equal(rows[1].reminders, 1);
	assert_int_equal(rows[2].id, 0);
	assert_int_equal(rows[2].reminders, 0);
	report_rows_free(rows, n);
	/* As of 01/07 the second one was not issued yet. */
	FX_OK(f, report_breakdown(f->st, &all, BY_UNIT, fx_day(2025, 7, 1), R57_NO_DATE, &rows, &n,
	                          &f->err));
	assert_int_equal(rows[0].reminders, 1);
	report_rows_free(rows, n);
	FX_OK(f, report_breakdown(f->st, &all, BY_LEADER, fx_day(2025, 7, 2), R57_NO_DATE, &rows, &n,
	                          &f->err));
	fx_str_eq(rows[0].name, "Nguyễn Văn An", "An");
	assert_int_equal(rows[0].reminders, 1);
	report_rows_free(rows, n);

	/* Every format shows the column beside each unit. */
	struct report_doc d;
	FX_OK(f, report_doc_compute(f->st, &all, fx_day(2025, 7, 2), R57_NO_DATE, "all", NULL,
	                            LANG_EN, true, &d, &f->err));
	static const char *const want[] = {
		[RF_TEXT] = "Reminders",
		[RF_CSV] = ",reminders\r\n",
		[RF_JSON] = "\"name\": \"Sở Nội vụ\"",
		[RF_HTML] = "<th rowspan=2>Reminders</th>",
		[RF_MD] = "| Completion rate | Reminders |",
	};
	for (int fmt = RF_TEXT; fmt <= RF_MD; fmt++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		assert_int_equal(report_write(m, &d, (enum report_format)fmt, 120, false), 0);
		fclose(m);
		fx_contains(buf, want[fmt]);
		switch (fmt) {
		case RF_CSV:
			fx_contains(buf, "unit,Sở Nội vụ,");
			fx_contains(buf, ",2\r\nunit,Sở Tài chính,");
			fx_contains(buf, "leader,Nguyễn Văn An,");
			break;
		case RF_JSON:
			fx_contains(buf, "\"extended_since\": 0, \"reminders\": 2}");
			fx_contains(buf, "\"extended_since\": 0, \"reminders\": 1}");
			break;
		case RF_HTML:
			fx_contains(buf, "%</td><td class=n>2</td><td class=bar>");
			break;
		case RF_MD:
			fx_contains(buf, "% | 2 |\n");
			break;
		default:
			break;
		}
		free(buf);
	}
	report_doc_clear(&d);
}

/* --- migration ---------------------------------------------------------------------------- */

static char *read_text(const char *path)
{
	size_t len;
	unsigned char *b = fx_slurp(path, &len);
	char *s = realloc(b, len + 1);
	assert_non_null(s);
	s[len] = '\0';
	return s;
}

/* A file of schema version 1 at path, as r57 before reminders left it:
 * the old schema, the init entry, a unit and two tasks with their
 * journal (written by the old triggers). */
static void make_v1(const char *path)
{
	/* tests/unit/schema_v1.sql beside this file: from the binary,
	 * build/tests/test_remind (tests/run runs it in another folder). */
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
	char *schema = read_text(sqlpath);
	fx_sql_exec(path, schema);
	free(schema);
	fx_sql_exec(path,
		"PRAGMA application_id = 1379219201; PRAGMA user_version = 1;"
		"BEGIN;"
		"INSERT INTO entry(at, day, actor, summary, kind) VALUES"
		" ('2025-06-01T09:00:00+07:00', '2025-06-01', 'an', 'create the database', 'init');"
		"INSERT INTO task_group(name, position) VALUES ('Hạ tầng số', 1);"
		"INSERT INTO entry(at, day, actor, summary) VALUES"
		" ('2025-06-01T09:00:01+07:00', '2025-06-01', 'an', 'add unit #1: Sở Nội vụ');"
		"INSERT INTO unit(name) VALUES ('Sở Nội vụ');"
		"INSERT INTO entry(at, day, actor, summary) VALUES"
		" ('2025-06-01T09:00:02+07:00', '2025-06-01', 'an', 'add #1: Số hóa hồ sơ');"
		"INSERT INTO task(uuid, title, group_id, unit_id, year, due, first_due, created, updated)"
		" VALUES ('6f1c1a52-0b7e-4d0c-9a39-2f1d3c4b5a61', 'Số hóa hồ sơ', 1, 1, 2025,"
		" '2025-06-15', '2025-06-15', '2025-06-01', '2025-06-01T09:00:02+07:00');"
		"INSERT INTO entry(at, day, actor, summary) VALUES"
		" ('2025-06-01T09:00:03+07:00', '2025-06-01', 'an', 'add #2: Cổng dữ liệu');"
		"INSERT INTO task(uuid, title, group_id, unit_id, year, due, first_due, created, updated)"
		" VALUES ('0a4e7f39-5d36-4b8e-8f0e-1c2b3a4d5e6f', 'Cổng dữ liệu', 1, 1, 2025,"
		" '2025-07-03', '2025-07-03', '2025-06-01', '2025-06-01T09:00:03+07:00');"
		"COMMIT;");
}

/* The version a new file gets: a migrated file must reach it, whatever
 * migrations come after version 2. */
static int64_t new_file_version(struct fx *f)
{
	char path[400];
	struct store *st = NULL;
	struct store_open_opts o = { .create = true, .actor = "r57-test", .now = f->r.now,
		                     .today = f->r.today };
	snprintf(path, sizeof path, "%s/version.db", f->dir);
	FX_OK(f, store_open(path, &o, &st, &f->err));
	store_close(st);
	int64_t v = fx_sql_int(path, "PRAGMA user_version");
	assert_true(v >= 2);
	return v;
}

static const char schema_sql[] =
	"SELECT group_concat(type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, ''), char(10))"
	" FROM (SELECT * FROM sqlite_master ORDER BY name)";

static void test_migrate_v1(void **state)
{
	struct fx *f = *state;
	char v1[320];
	snprintf(v1, sizeof v1, "%s/old.db", f->dir);
	make_v1(v1);
	assert_int_equal(fx_sql_int(v1, "PRAGMA user_version"), 1);
	assert_int_equal(fx_sql_int(v1, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%reminder%'"), 0);

	/* Opened to write: migrated in place. */
	fx_close(f);
	snprintf(f->path, sizeof f->path, "%s", v1);
	fx_open(f, false);
	assert_int_equal(fx_sql_int(v1, "PRAGMA user_version"), new_file_version(f));
	assert_int_equal(fx_sql_int(v1, "PRAGMA application_id"), R57_APPLICATION_ID);
	/* Exactly the schema of a new file. */
	char fresh[400];
	snprintf(fresh, sizeof fresh, "%s/r57.db", f->dir);
	char *a = sql_text(v1, schema_sql), *b = sql_text(fresh, schema_sql);
	fx_str_eq(a, b, "schema of a migrated file");
	free(a);
	free(b);
	/* The data and the journal as they were. */
	struct task t;
	fx_get(f, 1, &t);
	fx_str_eq(t.title, "Số hóa hồ sơ", "title");
	fx_str_eq(t.unit_name, "Sở Nội vụ", "unit");
	fx_str_eq(t.uuid, "6f1c1a52-0b7e-4d0c-9a39-2f1d3c4b5a61", "uuid");
	fx_day_eq(t.due, fx_day(2025, 6, 15), "due");
	task_clear(&t);
	assert_int_equal(fx_entries(f), 4);
	struct summaries h;
	history_of(f, 2, &h);
	assert_int_equal(h.n, 1);
	fx_str_eq(h.s[0], "add #2: Cổng dữ liệu", "history");
	/* And reminders work on it. */
	int64_t e = issue(f, REMIND_UNIT, 0, LANG_VI);
	assert_int_equal(e, 5);
	history_of(f, 2, &h);
	assert_int_equal(h.n, 2);
	fx_str_eq(h.s[0], "remind 1 unit: Sở Nội vụ (2 tasks)", "history");
	/* Opened again: nothing more to do. */
	fx_close(f);
	fx_open(f, false);
	assert_int_equal(fx_entries(f), 5);
}

static void test_migrate_v1_read_only(void **state)
{
	struct fx *f = *state;
	char v1[320];
	snprintf(v1, sizeof v1, "%s/old.db", f->dir);
	make_v1(v1);
	size_t len0, len1;
	unsigned char *bytes0 = fx_slurp(v1, &len0);

	/* Opened read-only (a command that only reads, or a file, folder or
	 * medium without write access): read as it is, not a byte changed. */
	fx_close(f);
	snprintf(f->path, sizeof f->path, "%s", v1);
	struct store_open_opts o = { .read_only = true, .actor = "an", .now = f->r.now,
	                             .today = f->r.today };
	FX_OK(f, store_open(v1, &o, &f->st, &f->err));
	f->r.st = f->st;
	struct task t;
	fx_get(f, 1, &t);
	fx_str_eq(t.title, "Số hóa hồ sơ", "title");
	task_clear(&t);
	assert_int_equal(fx_entries(f), 4);
	struct summaries h;
	history_of(f, 1, &h);
	assert_int_equal(h.n, 1);
	/* No reminders in it; what is due can still be seen. */
	struct seen s = { 0 };
	struct remind_list_query q = { .to = REMIND_UNIT, .id = 1 };
	FX_OK(f, remind_list(f->st, &q, see, &s, &f->err));
	assert_int_equal(s.n, 0);
	struct remind_set set;
	collect(f, REMIND_UNIT, 0, 7, &set);
	assert_int_equal(set.n, 1);
	assert_int_equal(set.notices[0].n_tasks, 2);
	/* The status report reads, with no reminders counted. */
	struct report_doc d;
	struct selection all = { 0 };
	FX_OK(f, report_doc_compute(f->st, &all, f->r.today, R57_NO_DATE, "all", NULL, LANG_VI, true, &d,
	                            &f->err));
	assert_int_equal(d.n_units, 1);
	assert_int_equal(d.units[0].reminders, 0);
	report_doc_clear(&d);
	/* Any change is refused as on any read-only file. */
	FX_FAILS(f, R57_EDB, remind_issue(&f->r, &set, LANG_VI, false, NULL, &f->err));
	fx_contains(f->err.msg, "read-only; nothing was changed");
	remind_set_clear(&set);
	fx_close(f);
	unsigned char *bytes1 = fx_slurp(v1, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(bytes0, bytes1, len0);
	free(bytes0);
	free(bytes1);
	char journal[450];
	snprintf(journal, sizeof journal, "%s-journal", v1);
	assert_int_equal(access(journal, F_OK), -1);

	/* Opened once with write access, it is migrated. */
	fx_open(f, false);
	assert_int_equal(fx_sql_int(v1, "PRAGMA user_version"), new_file_version(f));
	assert_int_equal(fx_sql_int(v1, "SELECT count(*) FROM reminder"), 0);
}

/* A file stamped version 1 but made from the new schema (tests/bench does
 * that): the migration finds its objects and only sets the version. */
static void test_migrate_v1_stamp_on_new_schema(void **state)
{
	struct fx *f = *state;
	struct world w;
	make_world(f, &w);
	issue(f, REMIND_UNIT, 0, LANG_VI);
	fx_close(f);
	fx_sql_exec(f->path, "PRAGMA user_version = 1");
	fx_open(f, false);
	assert_int_equal(fx_sql_int(f->path, "PRAGMA user_version"), new_file_version(f));
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM reminder"), 2);
}

int main(void)
{
	/* The catalogue from build/locale (make builds it): the notices in
	 * Vietnamese read it; r57 itself speaks English here. */
	i18n_init(0, NULL);
	i18n_set(R57_LANG_EN);
	const struct CMUnitTest tests[] = {
		FX_TEST(test_collect_by_unit),
		FX_TEST(test_collect_by_leader),
		FX_TEST(test_collect_refuses_bad_within),
		FX_TEST(test_notice_vi),
		FX_TEST(test_notice_en),
		FX_TEST(test_notice_user_text_made_safe),
		FX_TEST(test_file_names),
		FX_TEST(test_issue_one_entry_undo_redo),
		FX_TEST(test_issue_refused_when_tasks_changed),
		FX_TEST(test_list_per_unit_with_issuer),
		FX_TEST(test_history_shows_reminders),
		FX_TEST(test_history_uses_indexes),
		FX_TEST(test_undo_refused_while_a_reminder_names_it),
		FX_TEST(test_delete_task_takes_its_reminder_rows),
		FX_TEST(test_report_counts_reminders),
		FX_TEST(test_migrate_v1),
		FX_TEST(test_migrate_v1_read_only),
		FX_TEST(test_migrate_v1_stamp_on_new_schema),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
