/* test_report.c: the status figures of design.md through the real actions:
 * the completion rate rounded half up, the four-way split (done on time,
 * done late, open within deadline, overdue; cancelled left out), the
 * selections, the state on a past date read from the journal (later closes,
 * adds, deletes, moves and extensions undone for the date; a close entered
 * late with an earlier date counts from that date), extended, added since. */
#include "fixture.h"
#include "r57/filter.h"

/* --- the rate ----------------------------------------------------------------- */

static void test_rate(void **state)
{
	(void)state;
	/* the documents' figures */
	assert_int_equal(report_rate_bp(66, 123), 5366);  /* 53.66% */
	assert_int_equal(report_rate_bp(17, 43), 3953);   /* 39.53% */
	assert_int_equal(report_rate_bp(38, 65), 5846);   /* 58.46% */
	assert_int_equal(report_rate_bp(12, 20), 6000);
	assert_int_equal(report_rate_bp(41, 102), 4020);  /* 40.196 */
	/* nothing to count */
	assert_int_equal(report_rate_bp(0, 0), 0);
	assert_int_equal(report_rate_bp(0, 5), 0);
	assert_int_equal(report_rate_bp(5, 5), 10000);
	assert_int_equal(report_rate_bp(123, 123), 10000);
	/* thirds, sevenths, ninths: up above the half, down below it */
	assert_int_equal(report_rate_bp(1, 3), 3333);
	assert_int_equal(report_rate_bp(2, 3), 6667);
	assert_int_equal(report_rate_bp(1, 6), 1667);
	assert_int_equal(report_rate_bp(1, 7), 1429);
	assert_int_equal(report_rate_bp(5, 7), 7143);
	assert_int_equal(report_rate_bp(1, 9), 1111);
	assert_int_equal(report_rate_bp(4, 9), 4444);
	assert_int_equal(report_rate_bp(5, 9), 5556);
	/* exact: no rounding at all */
	assert_int_equal(report_rate_bp(1, 8), 1250);
	assert_int_equal(report_rate_bp(1, 16), 625);
	/* exactly half a hundredth: rounded up */
	assert_int_equal(report_rate_bp(1, 160), 63);     /* 0.625% */
	assert_int_equal(report_rate_bp(1, 32), 313);     /* 3.125% */
	assert_int_equal(report_rate_bp(3, 32), 938);     /* 9.375% */
	assert_int_equal(report_rate_bp(1, 800), 13);     /* 0.125% */
	assert_int_equal(report_rate_bp(1, 4000), 3);     /* 0.025% */
	assert_int_equal(report_rate_bp(1, 20000), 1);    /* 0.005% */
	/* just below and above the half */
	assert_int_equal(report_rate_bp(1, 40000), 0);    /* 0.0025% */
	assert_int_equal(report_rate_bp(3, 40000), 1);    /* 0.0075% */
	assert_int_equal(report_rate_bp(12345, 99999), 1235);
	/* large counts do not overflow */
	assert_int_equal(report_rate_bp(1000000, 3000000), 3333);
	assert_int_equal(report_rate_bp(INT64_C(2000000000000), INT64_C(3000000000000)), 6667);
}

/* --- figures ------------------------------------------------------------------ */

static void check_fig(const struct figures *g, const char *what, int64_t total,
                      int64_t on_time, int64_t late, int64_t within, int64_t overdue,
                      int64_t added, int64_t extended, int rate)
{
	char got[300], want[300];
	snprintf(got, sizeof got,
	         "total %lld, completed %lld (on time %lld, late %lld), open %lld (within %lld, overdue %lld), added %lld, extended %lld, rate %d",
	         (long long)g->total, (long long)g->completed, (long long)g->completed_on_time,
	         (long long)g->completed_late, (long long)g->open,
	         (long long)g->open_within_deadline, (long long)g->open_overdue,
	         (long long)g->added_since, (long long)g->extended, g->rate_bp);
	snprintf(want, sizeof want,
	         "total %lld, completed %lld (on time %lld, late %lld), open %lld (within %lld, overdue %lld), added %lld, extended %lld, rate %d",
	         (long long)total, (long long)(on_time + late), (long long)on_time, (long long)late,
	         (long long)(within + overdue), (long long)within, (long long)overdue,
	         (long long)added, (long long)extended, rate);
	fx_str_eq(got, want, what);
}

/* A report copied out of report_compute and freed at once, so that a
 * failed check leaks nothing. */
struct rrow {
	int64_t id;
	int number;
	const char *name;     /* NULL when the report's was */
	char name_buf[300];
	struct figures fig;
};
struct rsnap {
	r57_day as_of, since;
	struct figures all;
	int n_groups;
	struct rrow groups[12];
};

static void compute(struct fx *f, const struct selection *sel, r57_day as_of,
                    r57_day since, struct rsnap *out)
{
	struct report rep;
	memset(out, 0, sizeof *out);
	FX_OK(f, report_compute(f->st, sel, as_of, since, &rep, &f->err));
	out->as_of = rep.as_of;
	out->since = rep.since;
	out->all = rep.all;
	out->n_groups = rep.n_groups;
	for (int i = 0; i < rep.n_groups && i < 12; i++) {
		struct rrow *r = &out->groups[i];
		r->id = rep.groups[i].id;
		r->number = rep.groups[i].number;
		r->fig = rep.groups[i].fig;
		if (rep.groups[i].name) {
			snprintf(r->name_buf, sizeof r->name_buf, "%s", rep.groups[i].name);
			r->name = r->name_buf;
		}
	}
	report_clear(&rep);
	assert_int_equal(rep.n_groups, 0);
	assert_null(rep.groups);
	assert_true(out->n_groups <= 12);
}

static int64_t ref_id(struct fx *f, enum ref_kind k, const char *typed)
{
	int64_t id = 0;
	FX_OK(f, store_ref_find(f->st, k, typed, &id, &f->err));
	return id;
}

/* Eleven tasks (ids in brackets), made on 20/05 and 30/06/2025:
 *  [1] A g1 An/NV/97  due 20/06, done 18/06        on time
 *  [2] B g1 Bình/TC   due 05/06 -> 10/06, done 25/06  late, extended
 *  [3] E g3 An        due 01/06                    overdue
 *  [4] H g1 An        due 15/06, cancelled         left out
 *  [5] K g2           due 10/06 -> 30/06, done 25/06  on time (the deadline
 *                     in force when closed), extended
 *  [6] C g2 An/NV     due 15/07 -> 31/07           within, extended (30/06)
 *  [7] D g2 Bình/TC/97 due 30/06 (today)           within
 *  [8] F g3           no deadline                  within
 *  [9] G no group     no deadline, done 29/06      on time
 * [10] I g4 Bình      due 31/03/2026, year 2026    within
 * [11] J g4           due 30/06, done 30/06        on time (on the day) */
static void make_figures_data(struct fx *f)
{
	fx_as(f, "an", 2025, 5, 20);
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Tài chính", NULL, NULL);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", NULL, "Sở Nội vụ");
	fx_ref(f, REF_LEADER, "Trần Thị Bình", NULL, "Sở Tài chính");
	fx_ref(f, REF_SOURCE, "97-CTr/TU", NULL, NULL);

	struct task_fields a = TASK_FIELDS_INIT;
	a.title = "Nâng cấp hệ thống quản lý văn bản";
	a.group = "1";
	a.leader = "Nguyễn Văn An";
	a.unit = "Sở Nội vụ";
	a.source = "97-CTr/TU";
	a.due = fx_day(2025, 6, 20);
	FX_OK(f, task_add(&f->r, &a, NULL, &f->err));                                      /* 1 */
	fx_add(f, "Số hóa hồ sơ", "1", "Trần Thị Bình", "Sở Tài chính", fx_day(2025, 6, 5)); /* 2 */
	fx_add(f, "Đào tạo kỹ năng số", "3", "Nguyễn Văn An", NULL, fx_day(2025, 6, 1));     /* 3 */
	fx_add(f, "Việc trùng lặp", "1", "Nguyễn Văn An", NULL, fx_day(2025, 6, 15));        /* 4 */
	fx_add(f, "Kết nối dữ liệu dân cư", "2", NULL, NULL, fx_day(2025, 6, 10));          /* 5 */

	fx_as(f, "an", 2025, 6, 20);
	fx_due(f, 5, fx_day(2025, 6, 30));

	fx_as(f, "an", 2025, 6, 30);
	fx_add(f, "Chữ ký số cho cán bộ", "2", "Nguyễn Văn An", "Sở Nội vụ", fx_day(2025, 7, 15)); /* 6 */
	struct task_fields d = TASK_FIELDS_INIT;
	d.title = "Cổng dịch vụ công";
	d.group = "2";
	d.leader = "Trần Thị Bình";
	d.unit = "Sở Tài chính";
	d.source = "97-CTr/TU";
	d.due = fx_day(2025, 6, 30);
	FX_OK(f, task_add(&f->r, &d, NULL, &f->err));                                      /* 7 */
	fx_add(f, "Kho dữ liệu dùng chung", "3", NULL, NULL, R57_NO_DATE);                   /* 8 */
	fx_add(f, "Họp trực tuyến", NULL, NULL, NULL, R57_NO_DATE);                          /* 9 */
	struct task_fields i = TASK_FIELDS_INIT;
	i.title = "Đô thị thông minh";
	i.group = "4";
	i.leader = "Trần Thị Bình";
	i.due = fx_day(2026, 3, 31);
	FX_OK(f, task_add(&f->r, &i, NULL, &f->err));                                      /* 10 */
	fx_add(f, "Báo cáo quý", "4", NULL, NULL, fx_day(2025, 6, 30));                      /* 11 */

	fx_close_on(f, 1, fx_day(2025, 6, 18));
	fx_due(f, 2, fx_day(2025, 6, 10));
	fx_close_on(f, 2, fx_day(2025, 6, 25));
	FX_OK(f, task_cancel(&f->r, (const int64_t[]){ 4 }, 1, NULL, &f->err));
	fx_close_on(f, 5, fx_day(2025, 6, 25));
	fx_due(f, 6, fx_day(2025, 7, 31));
	fx_close_on(f, 9, fx_day(2025, 6, 29));
	fx_close_on(f, 11, R57_NO_DATE);

	struct task t;
	fx_get(f, 10, &t);
	assert_int_equal(t.year, 2026);  /* the deadline's year */
	task_clear(&t);
	fx_get(f, 9, &t);
	assert_int_equal(t.year, 2025);  /* no deadline: this year */
	task_clear(&t);
}

static void test_four_way_split(void **state)
{
	struct fx *f = *state;
	make_figures_data(f);
	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);

	fx_day_eq(rep.as_of, fx_day(2025, 6, 30), "as of");
	fx_day_eq(rep.since, fx_day(2025, 5, 31), "since: end of the month before");
	/*                         total on-time late within overdue added ext rate */
	check_fig(&rep.all, "all", 10, 4, 1, 4, 1, 6, 3, 5000);

	assert_int_equal(rep.n_groups, 5);
	for (int g = 0; g < 4; g++) {
		assert_int_equal(rep.groups[g].id, g + 1);
		assert_int_equal(rep.groups[g].number, g + 1);
		assert_non_null(rep.groups[g].name);
	}
	fx_str_eq(rep.groups[0].name, "Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu", "group 1");
	check_fig(&rep.groups[0].fig, "group 1", 2, 1, 1, 0, 0, 0, 1, 10000);
	check_fig(&rep.groups[1].fig, "group 2", 3, 1, 0, 2, 0, 2, 2, 3333);
	check_fig(&rep.groups[2].fig, "group 3", 2, 0, 0, 1, 1, 1, 0, 0);
	check_fig(&rep.groups[3].fig, "group 4", 2, 1, 0, 1, 0, 2, 0, 5000);
	/* the last row: tasks without a group */
	assert_int_equal(rep.groups[4].id, 0);
	assert_null(rep.groups[4].name);
	check_fig(&rep.groups[4].fig, "no group", 1, 1, 0, 0, 0, 1, 0, 10000);

	/* the previous reporting date given */
	compute(f, &all, fx_day(2025, 6, 30), fx_day(2025, 6, 30), &rep);
	check_fig(&rep.all, "since 30/06", 10, 4, 1, 4, 1, 0, 3, 5000);
	compute(f, &all, fx_day(2025, 6, 30), fx_day(2025, 5, 19), &rep);
	check_fig(&rep.all, "since 19/05", 10, 4, 1, 4, 1, 10, 3, 5000);

	/* the next day, task 7's deadline (30/06) has passed; on 01/08 task 6's */
	compute(f, &all, fx_day(2025, 7, 1), R57_NO_DATE, &rep);
	check_fig(&rep.all, "01/07", 10, 4, 1, 3, 2, 0, 3, 5000);
	fx_day_eq(rep.since, fx_day(2025, 6, 30), "since");
	compute(f, &all, fx_day(2025, 8, 1), R57_NO_DATE, &rep);
	check_fig(&rep.all, "01/08", 10, 4, 1, 2, 3, 0, 3, 5000);
}

static void test_selections(void **state)
{
	struct fx *f = *state;
	make_figures_data(f);
	r57_day d = fx_day(2025, 6, 30);
	struct rsnap rep;

	struct selection s = { .group_id = 2 };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "group 2", 3, 1, 0, 2, 0, 2, 2, 3333);
	assert_int_equal(rep.n_groups, 1);         /* only the group asked for */
	assert_int_equal(rep.groups[0].id, 2);
	assert_int_equal(rep.groups[0].number, 2);
	check_fig(&rep.groups[0].fig, "group 2 row", 3, 1, 0, 2, 0, 2, 2, 3333);

	s = (struct selection){ .leader_id = ref_id(f, REF_LEADER, "Nguyễn Văn An") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "leader An", 3, 1, 0, 1, 1, 1, 1, 3333);
	check_fig(&rep.groups[0].fig, "leader An, group 1", 1, 1, 0, 0, 0, 0, 0, 10000);
	check_fig(&rep.groups[1].fig, "leader An, group 2", 1, 0, 0, 1, 0, 1, 1, 0);
	check_fig(&rep.groups[2].fig, "leader An, group 3", 1, 0, 0, 0, 1, 0, 0, 0);
	check_fig(&rep.groups[3].fig, "leader An, group 4", 0, 0, 0, 0, 0, 0, 0, 0);
	assert_int_equal(rep.n_groups, 4);         /* no task of An's lacks a group */

	s = (struct selection){ .leader_id = ref_id(f, REF_LEADER, "binh") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "leader Bình", 3, 0, 1, 2, 0, 2, 1, 3333);

	s = (struct selection){ .unit_id = ref_id(f, REF_UNIT, "Sở Nội vụ") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "unit Nội vụ", 2, 1, 0, 1, 0, 1, 1, 5000);

	s = (struct selection){ .unit_id = ref_id(f, REF_UNIT, "Sở Tài chính") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "unit Tài chính", 2, 0, 1, 1, 0, 1, 1, 5000);

	s = (struct selection){ .source_id = ref_id(f, REF_SOURCE, "97-CTr/TU") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "source 97-CTr/TU", 2, 1, 0, 1, 0, 1, 0, 5000);

	s = (struct selection){ .year = 2026 };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "year 2026", 1, 0, 0, 1, 0, 1, 0, 0);

	s = (struct selection){ .year = 2025 };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "year 2025", 9, 4, 1, 3, 1, 5, 3, 5556);

	s = (struct selection){ .year = 2024 };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "year 2024", 0, 0, 0, 0, 0, 0, 0, 0);
	assert_int_equal(rep.n_groups, 4);

	/* two at once */
	s = (struct selection){ .group_id = 3, .leader_id = ref_id(f, REF_LEADER, "Nguyễn Văn An") };
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "group 3 and An", 1, 0, 0, 0, 1, 0, 0, 0);
}

/* 123 tasks, 66 done: 53.66%, as the Cà Mau report has it; of the 65 of
 * 2025, 38 done: 58.46%; no overdue task. */
static void test_document_figures(void **state)
{
	struct fx *f = *state;
	int64_t ids[66];
	int nd = 0;
	fx_as(f, "an", 2025, 5, 5);
	for (int i = 0; i < 123; i++) {
		char title[64];
		snprintf(title, sizeof title, "Nhiệm vụ số %d", i + 1);
		struct task_fields tf = TASK_FIELDS_INIT;
		tf.title = title;
		tf.group = i % 2 ? "1" : "3";
		tf.due = fx_day(2025, 12, 31);
		tf.year = i < 65 ? 2025 : 2026;
		int64_t id;
		FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
		if ((i < 65 && i < 38) || (i >= 65 && i < 65 + 28))
			ids[nd++] = id;
	}
	assert_int_equal(nd, 66);
	fx_as(f, "an", 2025, 6, 30);
	FX_OK(f, task_close(&f->r, ids, nd, R57_NO_DATE, NULL, &f->err));

	struct rsnap rep;
	struct selection all = { 0 };
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "all", 123, 66, 0, 57, 0, 0, 0, 5366);
	struct selection y = { .year = 2025 };
	compute(f, &y, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "2025", 65, 38, 0, 27, 0, 0, 0, 5846);
}

/* --- a past date ------------------------------------------------------------------ */

/* On 30/06/2025 an makes:
 *  [1] T1 g1 due 31/07            [2] T2 g1 due 20/06 (overdue)
 *  [3] T3 g2 due 31/08            [4] T4 g2 due 25/06, done 28/06 (late)
 *  [5] T6 g3 due 31/07
 * then binh: 10/07 extends T1 to 15/08; 12/07 moves T1 to group 3;
 * 15/07 closes T1, adds T5 (g1, due 30/09), closes T3 "on 25/06",
 * deletes T2, cancels T6. */
static void make_history(struct fx *f)
{
	fx_as(f, "an", 2025, 6, 30);
	fx_add(f, "Cổng dữ liệu mở", "1", NULL, NULL, fx_day(2025, 7, 31));
	fx_add(f, "Hệ thống một cửa", "1", NULL, NULL, fx_day(2025, 6, 20));
	fx_add(f, "Chữ ký số", "2", NULL, NULL, fx_day(2025, 8, 31));
	fx_add(f, "Họp trực tuyến", "2", NULL, NULL, fx_day(2025, 6, 25));
	fx_add(f, "Bản đồ số", "3", NULL, NULL, fx_day(2025, 7, 31));
	fx_close_on(f, 4, fx_day(2025, 6, 28));

	fx_as(f, "binh", 2025, 7, 10);
	fx_due(f, 1, fx_day(2025, 8, 15));
	fx_as(f, "binh", 2025, 7, 12);
	struct task_fields mv = TASK_FIELDS_INIT;
	mv.group = "3";
	FX_OK(f, task_edit(&f->r, (const int64_t[]){ 1 }, 1, &mv, &f->err));
	fx_as(f, "binh", 2025, 7, 15);
	fx_close_on(f, 1, R57_NO_DATE);
	assert_int_equal(fx_add(f, "Đô thị thông minh", "1", NULL, NULL, fx_day(2025, 9, 30)), 6);
	fx_close_on(f, 3, fx_day(2025, 6, 25));
	FX_OK(f, task_delete(&f->r, (const int64_t[]){ 2 }, 1, &f->err));
	FX_OK(f, task_cancel(&f->r, (const int64_t[]){ 5 }, 1, "gộp vào nhiệm vụ khác", &f->err));
}

static void test_as_of_past_date(void **state)
{
	struct fx *f = *state;
	make_history(f);
	struct selection all = { 0 };
	struct rsnap rep;

	/* 30/06: T1 open (within), T2 there and overdue, T3 done "on 25/06"
	 * (entered 15/07), T4 late, T6 open; T5 not yet made; nothing extended */
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "as of 30/06", 5, 1, 1, 2, 1, 5, 0, 4000);
	assert_int_equal(rep.n_groups, 4);
	check_fig(&rep.groups[0].fig, "30/06 group 1", 2, 0, 0, 1, 1, 2, 0, 0);
	check_fig(&rep.groups[1].fig, "30/06 group 2", 2, 1, 1, 0, 0, 2, 0, 10000);
	check_fig(&rep.groups[2].fig, "30/06 group 3", 1, 0, 0, 1, 0, 1, 0, 0);
	check_fig(&rep.groups[3].fig, "30/06 group 4", 0, 0, 0, 0, 0, 0, 0, 0);

	/* the selection is of the state on the date too: group 1 had T1, T2 */
	struct selection g1 = { .group_id = 1 };
	compute(f, &g1, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06 group 1 only", 2, 0, 0, 1, 1, 2, 0, 0);

	/* 11/07: T1 extended (10/07) but not yet moved (12/07) */
	compute(f, &all, fx_day(2025, 7, 11), R57_NO_DATE, &rep);
	check_fig(&rep.all, "as of 11/07", 5, 1, 1, 2, 1, 0, 1, 4000);
	check_fig(&rep.groups[0].fig, "11/07 group 1", 2, 0, 0, 1, 1, 0, 1, 0);

	/* 15/07, today: T1 done on time in group 3, T2 gone, T5 open, T6
	 * cancelled */
	compute(f, &all, fx_day(2025, 7, 15), R57_NO_DATE, &rep);
	check_fig(&rep.all, "as of 15/07", 4, 2, 1, 1, 0, 1, 1, 7500);
	check_fig(&rep.groups[0].fig, "15/07 group 1", 1, 0, 0, 1, 0, 1, 0, 0);
	check_fig(&rep.groups[1].fig, "15/07 group 2", 2, 1, 1, 0, 0, 0, 0, 10000);
	check_fig(&rep.groups[2].fig, "15/07 group 3", 1, 1, 0, 0, 0, 0, 1, 10000);

	/* before anything existed */
	compute(f, &all, fx_day(2025, 6, 29), R57_NO_DATE, &rep);
	check_fig(&rep.all, "as of 29/06", 0, 0, 0, 0, 0, 0, 0, 0);
}

static void test_late_entry_counts_from_its_date(void **state)
{
	struct fx *f = *state;
	fx_as(f, "an", 2025, 6, 1);
	fx_add(f, "Số hóa hồ sơ", "1", NULL, NULL, fx_day(2025, 6, 20));
	fx_add(f, "Cổng dịch vụ công", "1", NULL, NULL, fx_day(2025, 6, 20));
	fx_add(f, "Chữ ký số", "1", NULL, NULL, fx_day(2025, 6, 20));
	/* entered on 15/07: task 1 done on 25/06 (after its deadline), task 2
	 * done on 10/07, task 3 done on 20/06 (its deadline: on time) */
	fx_as(f, "an", 2025, 7, 15);
	fx_close_on(f, 1, fx_day(2025, 6, 25));
	fx_close_on(f, 2, fx_day(2025, 7, 10));
	fx_close_on(f, 3, fx_day(2025, 6, 20));

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06", 3, 1, 1, 0, 1, 3, 0, 6667);
	compute(f, &all, fx_day(2025, 6, 24), R57_NO_DATE, &rep);
	check_fig(&rep.all, "24/06", 3, 1, 0, 0, 2, 3, 0, 3333);
	compute(f, &all, fx_day(2025, 6, 20), R57_NO_DATE, &rep);
	check_fig(&rep.all, "20/06", 3, 1, 0, 2, 0, 3, 0, 3333);
	compute(f, &all, fx_day(2025, 7, 10), R57_NO_DATE, &rep);
	check_fig(&rep.all, "10/07", 3, 1, 2, 0, 0, 0, 0, 10000);
}

static void test_deleted_after_date(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Việc sẽ bị xóa", "2", NULL, NULL, fx_day(2025, 6, 10));
	fx_add(f, "Việc còn lại", "2", NULL, NULL, fx_day(2025, 12, 31));
	fx_as(f, "binh", 2025, 7, 3);
	FX_OK(f, task_delete(&f->r, (const int64_t[]){ 1 }, 1, &f->err));

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06", 2, 0, 0, 1, 1, 2, 0, 0);
	compute(f, &all, fx_day(2025, 7, 3), R57_NO_DATE, &rep);
	check_fig(&rep.all, "03/07", 1, 0, 0, 1, 0, 0, 0, 0);

	/* undone after the date, the delete changes nothing on 30/06 either */
	fx_as(f, "binh", 2025, 7, 4);
	struct entry e;
	FX_OK(f, journal_undo(f->st, "binh", f->r.now, f->r.today, &e, &f->err));
	fx_str_eq(e.summary, "delete #1 Việc sẽ bị xóa", "undone");
	entry_clear(&e);
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06 after undo", 2, 0, 0, 1, 1, 2, 0, 0);
	compute(f, &all, fx_day(2025, 7, 3), R57_NO_DATE, &rep);
	check_fig(&rep.all, "03/07 after undo", 1, 0, 0, 1, 0, 0, 0, 0);
	compute(f, &all, fx_day(2025, 7, 4), R57_NO_DATE, &rep);
	check_fig(&rep.all, "04/07 after undo", 2, 0, 0, 1, 1, 0, 0, 0);
}

static void test_extended(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Có hạn, gia hạn hai lần", "1", NULL, NULL, fx_day(2025, 7, 31));
	fx_add(f, "Chưa có hạn, rồi có hạn", "1", NULL, NULL, R57_NO_DATE);
	fx_add(f, "Gia hạn rồi hoàn thành", "2", NULL, NULL, fx_day(2025, 6, 15));
	fx_add(f, "Không gia hạn", "2", NULL, NULL, fx_day(2025, 9, 30));
	fx_due(f, 1, fx_day(2025, 8, 31));
	fx_due(f, 1, fx_day(2025, 9, 30));
	fx_due(f, 2, fx_day(2025, 10, 31)); /* a first deadline, not an extension */
	fx_due(f, 3, fx_day(2025, 6, 25));
	fx_close_on(f, 3, fx_day(2025, 6, 24));
	fx_due(f, 4, fx_day(2025, 9, 30));  /* the same deadline: no change */

	struct task t;
	fx_get(f, 1, &t);
	assert_int_equal(t.extensions, 2);
	fx_day_eq(t.first_due, fx_day(2025, 7, 31), "first due");
	fx_day_eq(t.due, fx_day(2025, 9, 30), "due");
	task_clear(&t);
	fx_get(f, 2, &t);
	assert_int_equal(t.extensions, 0);
	fx_day_eq(t.first_due, fx_day(2025, 10, 31), "first due");
	task_clear(&t);
	fx_get(f, 4, &t);
	assert_int_equal(t.extensions, 0);
	task_clear(&t);

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	/* task 3: on time against the deadline in force when it was closed */
	check_fig(&rep.all, "30/06", 4, 1, 0, 3, 0, 4, 2, 2500);
	check_fig(&rep.groups[0].fig, "group 1", 2, 0, 0, 2, 0, 2, 1, 0);
	check_fig(&rep.groups[1].fig, "group 2", 2, 1, 0, 1, 0, 2, 1, 5000);

	/* undone, an extension is no longer counted */
	struct entry e;
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err)); /* task 4: no-op */
	entry_clear(&e);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err)); /* close 3 */
	entry_clear(&e);
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err)); /* due 3 */
	entry_clear(&e);
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06 after undo", 4, 0, 0, 3, 1, 4, 1, 0);
}

/* Extended since the previous report: the tasks whose deadline was moved
 * after --since and on or before the as-of date, read from the journal,
 * whatever the date the report is made. T1 extended 20/05 (before the
 * period), T2 10/06 and T3 12/06 (in it; T3's undone on 13/06), T4
 * created 15/06 and extended 16/06, T5 extended 10/07 (after 30/06), T6
 * never. Then T2 again on 11/07: a second extension in July. */
static void test_extended_since(void **state)
{
	struct fx *f = *state;
	fx_as(f, "an", 2025, 5, 1);
	int64_t t1 = fx_add(f, "T1", "1", NULL, NULL, fx_day(2025, 8, 1));
	int64_t t2 = fx_add(f, "T2", "1", NULL, NULL, fx_day(2025, 8, 1));
	int64_t t3 = fx_add(f, "T3", "2", NULL, NULL, fx_day(2025, 8, 1));
	int64_t t5 = fx_add(f, "T5", "2", NULL, NULL, fx_day(2025, 8, 1));
	fx_add(f, "T6", "2", NULL, NULL, fx_day(2025, 8, 1));
	fx_as(f, "an", 2025, 5, 20);
	fx_due(f, t1, fx_day(2025, 8, 15));
	fx_as(f, "an", 2025, 6, 10);
	fx_due(f, t2, fx_day(2025, 8, 15));
	fx_as(f, "an", 2025, 6, 12);
	fx_due(f, t3, fx_day(2025, 8, 15));
	fx_as(f, "an", 2025, 6, 13);
	struct entry e;
	FX_OK(f, journal_undo(f->st, "an", f->r.now, f->r.today, &e, &f->err));
	entry_clear(&e);
	fx_as(f, "an", 2025, 6, 15);
	int64_t t4 = fx_add(f, "T4", "1", NULL, NULL, fx_day(2025, 7, 1));
	fx_as(f, "an", 2025, 6, 16);
	fx_due(f, t4, fx_day(2025, 7, 15));
	fx_as(f, "an", 2025, 7, 10);
	fx_due(f, t5, fx_day(2025, 8, 15));
	fx_as(f, "an", 2025, 7, 11);
	fx_due(f, t2, fx_day(2025, 8, 31));
	fx_as(f, "an", 2025, 7, 20);

	struct selection all = { 0 };
	struct rsnap rep;
	/* June, reported in July: T2 and T4; T1 before, T3 undone, T5 after. */
	compute(f, &all, fx_day(2025, 6, 30), fx_day(2025, 5, 31), &rep);
	assert_int_equal(rep.all.extended_since, 2);
	assert_int_equal(rep.all.extended, 3);       /* T1, T2, T4 */
	assert_int_equal(rep.groups[0].fig.extended_since, 2);
	assert_int_equal(rep.groups[1].fig.extended_since, 0);
	/* Since 10/06: T2's extension that day is not after it. */
	compute(f, &all, fx_day(2025, 6, 30), fx_day(2025, 6, 10), &rep);
	assert_int_equal(rep.all.extended_since, 1);
	/* July (the default since: 30/06): T5, and T2 once more. */
	compute(f, &all, fx_day(2025, 7, 31), R57_NO_DATE, &rep);
	assert_int_equal(rep.all.extended_since, 2);
	assert_int_equal(rep.all.extended, 4);
	assert_int_equal(rep.groups[0].fig.extended_since, 1);
	assert_int_equal(rep.groups[1].fig.extended_since, 1);
	/* As of today (nothing after it): the same as of 31/07. */
	compute(f, &all, fx_day(2025, 7, 20), fx_day(2025, 6, 30), &rep);
	assert_int_equal(rep.all.extended_since, 2);
	/* A selection: group 2 since 31/05 as of 31/07: T5 only. */
	struct selection g2 = { .group_id = 2 };
	compute(f, &g2, fx_day(2025, 7, 31), fx_day(2025, 5, 31), &rep);
	assert_int_equal(rep.all.extended_since, 1);
	/* Nothing extended in May after the 20th. */
	compute(f, &all, fx_day(2025, 5, 31), fx_day(2025, 5, 20), &rep);
	assert_int_equal(rep.all.extended_since, 0);
	assert_int_equal(rep.all.extended, 1);
}

/* Regression (a bug up to 89fed12, src/core/task.c task_edit/apply_fields;
 * fixed in 753a0a2): task.h says a new deadline through edit is a
 * correction, not an extension, and task_fields.due and .clear_due say what
 * to set; task_edit ignored both, so a corrected deadline never reached the
 * figures. */
static void test_edit_deadline_is_a_correction(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Hạn ghi nhầm", "1", NULL, NULL, fx_day(2025, 6, 20));
	fx_add(f, "Hạn bỏ đi", "1", NULL, NULL, fx_day(2025, 6, 10));

	struct task_fields ed = TASK_FIELDS_INIT;
	ed.notes = "Sửa hạn theo văn bản gốc";
	ed.due = fx_day(2025, 7, 20);
	FX_OK(f, task_edit(&f->r, (const int64_t[]){ 1 }, 1, &ed, &f->err));
	struct task_fields clr = TASK_FIELDS_INIT;
	clr.notes = "Không còn hạn";
	clr.clear_due = true;
	FX_OK(f, task_edit(&f->r, (const int64_t[]){ 2 }, 1, &clr, &f->err));

	struct task t;
	fx_get(f, 1, &t);
	r57_day due1 = t.due;
	int ext1 = t.extensions;
	task_clear(&t);
	fx_get(f, 2, &t);
	r57_day due2 = t.due;
	task_clear(&t);
	fx_day_eq(due1, fx_day(2025, 7, 20), "corrected due");
	assert_int_equal(ext1, 0);
	fx_day_eq(due2, R57_NO_DATE, "cleared due");

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06", 2, 0, 0, 2, 0, 2, 0, 0);
}

/* Regression (a bug up to 89fed12, src/store/store_figures.c, `judged`; fixed
 * in 753a0a2): a close entered after D with a closing date on or before D
 * counted as done on D only while the task row still existed (it read
 * now_status/now_closed from the live row). Deleted afterwards, on D it
 * turned back into an open, overdue task, though design.md says both that a
 * task deleted after D still counts on D and that completion follows the
 * closing date given. */
static void test_late_close_then_delete(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Đóng muộn rồi xóa", "1", NULL, NULL, fx_day(2025, 6, 20));
	fx_as(f, "binh", 2025, 7, 15);
	fx_close_on(f, 1, fx_day(2025, 6, 18));   /* done on 18/06, on time */

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06 before the delete", 1, 1, 0, 0, 0, 1, 0, 10000);

	fx_as(f, "binh", 2025, 7, 20);
	FX_OK(f, task_delete(&f->r, (const int64_t[]){ 1 }, 1, &f->err));
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06 after the delete", 1, 1, 0, 0, 0, 1, 0, 10000);
}

/* Regression (a bug up to 89fed12, src/core/report.c take_figures; fixed in
 * 753a0a2): report.h promises one last row for tasks without a group; when a
 * past date had tasks of a group removed since as well as tasks without a
 * group, each got its own row with id 0 (two "no group" rows). */
static void test_removed_group_one_row(void **state)
{
	struct fx *f = *state;
	int64_t g5 = fx_ref(f, REF_GROUP, "Nhóm tạm thời", NULL, NULL);
	assert_int_equal(g5, 5);
	fx_add(f, "Trong nhóm tạm", "5", NULL, NULL, R57_NO_DATE);
	fx_add(f, "Không nhóm", NULL, NULL, NULL, R57_NO_DATE);
	fx_as(f, "an", 2025, 7, 15);
	struct task_fields mv = TASK_FIELDS_INIT;
	mv.group = "1";
	FX_OK(f, task_edit(&f->r, (const int64_t[]){ 1 }, 1, &mv, &f->err));
	FX_OK(f, ref_remove(&f->r, REF_GROUP, "Nhóm tạm thời", &f->err));

	struct selection all = { 0 };
	struct rsnap rep;
	compute(f, &all, fx_day(2025, 6, 30), R57_NO_DATE, &rep);
	check_fig(&rep.all, "30/06", 2, 0, 0, 2, 0, 2, 0, 0);
	int rows_of_id0 = 0;
	for (int i = 0; i < rep.n_groups; i++)
		rows_of_id0 += rep.groups[i].id == 0;
	int n = rep.n_groups;
	int64_t last_total = rep.groups[n - 1].fig.total;
	assert_int_equal(rows_of_id0, 1);
	assert_int_equal(n, 5);
	assert_int_equal(last_total, 2);
}

/* The list's filter (issue 11): the figures count exactly the tasks
 * `r57 list WORDS` shows, whatever the words. */
static void filter_of(struct fx *f, struct task_filter *tf, const char *const *words)
{
	filter_init(tf);
	for (int i = 0; words[i]; i++)
		FX_OK(f, filter_add_word(tf, words[i], fx_day(2025, 6, 30), &f->err));
	FX_OK(f, filter_resolve(tf, f->st, &f->err));
}

static void test_list_filter(void **state)
{
	struct fx *f = *state;
	make_figures_data(f);
	r57_day d = fx_day(2025, 6, 30);
	struct task_filter tf;
	struct selection s = { .filter = &tf, .today = d };
	struct rsnap rep;

	/* a free word: "lieu" is in [5] (done on time, g2) and [8] (within, g3) */
	filter_of(f, &tf, (const char *const[]){ "lieu", NULL });
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "lieu", 2, 1, 0, 1, 0, 1, 1, 5000);
	check_fig(&rep.groups[1].fig, "lieu, group 2", 1, 1, 0, 0, 0, 0, 1, 10000);
	check_fig(&rep.groups[2].fig, "lieu, group 3", 1, 0, 0, 1, 0, 1, 0, 0);
	check_fig(&rep.groups[0].fig, "lieu, group 1", 0, 0, 0, 0, 0, 0, 0, 0);
	char *w = report_selection_words(f->st, &s);
	fx_str_eq(w, "words lieu", "selection words");
	free(w);
	filter_clear(&tf);

	/* status:overdue: [3] alone */
	filter_of(f, &tf, (const char *const[]){ "status:overdue", NULL });
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "overdue", 1, 0, 0, 0, 1, 0, 0, 0);
	filter_clear(&tf);

	/* group and status together: group 2's open tasks [6] [7] */
	filter_of(f, &tf, (const char *const[]){ "group:2", "status:open", NULL });
	s.group_id = tf.group_id;
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "group 2 open", 2, 0, 0, 2, 0, 2, 1, 0);
	assert_int_equal(rep.n_groups, 1);
	w = report_selection_words(f->st, &s);
	fx_str_eq(w, "group 2. Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu, status open", "selection words");
	free(w);
	s.group_id = 0;
	filter_clear(&tf);

	/* status:cancelled: the list shows [4]; the figures count nothing */
	filter_of(f, &tf, (const char *const[]){ "status:cancelled", NULL });
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "cancelled", 0, 0, 0, 0, 0, 0, 0, 0);
	filter_clear(&tf);

	/* a deadline before 15/06: [2] (done late) and [3] (overdue) */
	filter_of(f, &tf, (const char *const[]){ "due.before:15/06/2025", NULL });
	compute(f, &s, d, R57_NO_DATE, &rep);
	check_fig(&rep.all, "due before 15/06", 2, 0, 1, 0, 1, 0, 1, 5000);

	/* the breakdowns follow the same tasks */
	struct report_row *rows;
	int n;
	FX_OK(f, report_breakdown(f->st, &s, BY_UNIT, d, fx_day(2025, 5, 31), &rows, &n, &f->err));
	int64_t total = 0;
	for (int i = 0; i < n; i++)
		total += rows[i].fig.total;
	assert_int_equal(total, 2);
	report_rows_free(rows, n);
	filter_clear(&tf);

	/* as of a past date, the tasks the words choose today, as they were:
	 * on 20/06 [8] did not exist and [5] was open */
	filter_of(f, &tf, (const char *const[]){ "lieu", NULL });
	compute(f, &s, fx_day(2025, 6, 20), R57_NO_DATE, &rep);
	assert_int_equal(rep.all.total, 1);
	assert_int_equal(rep.all.completed, 0);
	assert_int_equal(rep.all.open, 1);
	filter_clear(&tf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rate),
		FX_TEST(test_four_way_split),
		FX_TEST(test_selections),
		FX_TEST(test_list_filter),
		FX_TEST(test_document_figures),
		FX_TEST(test_as_of_past_date),
		FX_TEST(test_late_entry_counts_from_its_date),
		FX_TEST(test_deleted_after_date),
		FX_TEST(test_extended),
		FX_TEST(test_extended_since),
		FX_TEST(test_edit_deadline_is_a_correction),
		FX_TEST(test_late_close_then_delete),
		FX_TEST(test_removed_group_one_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
