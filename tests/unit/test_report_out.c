/* test_report_out.c: the status report's summary paragraph and its five
 * writers, on the figures of Cà Mau (domain.md: 66/123 done, 38/65 of the
 * 2025 tasks, none overdue) and on hostile text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "r57/i18n.h"
#include "r57/report_out.h"

/* 123 tasks: 65 of 2025 (38 done), 58 of 2026 (28 done), none overdue on
 * 30/06/2025; units and leaders spread over them. */
static void make_ca_mau(struct fx *f)
{
	fx_ref(f, REF_UNIT, "Sở Khoa học và Công nghệ", NULL, NULL);
	fx_ref(f, REF_UNIT, "Sở Nội vụ", NULL, NULL);
	fx_ref(f, REF_LEADER, "Nguyễn Văn An", NULL, "Sở Khoa học và Công nghệ");
	for (int i = 0; i < 123; i++) {
		struct task_fields tf = TASK_FIELDS_INIT;
		int64_t id;
		char title[64];
		snprintf(title, sizeof title, "Nhiệm vụ %d", i + 1);
		tf.title = title;
		tf.group = i % 2 ? "1" : "2";
		tf.unit = i < 100 ? "Sở Khoa học và Công nghệ" : "Sở Nội vụ";
		tf.leader = i % 3 == 0 ? "Nguyễn Văn An" : NULL;
		bool y2025 = i < 65;
		tf.year = y2025 ? 2025 : 2026;
		tf.due = y2025 ? fx_day(2025, 12, 31) : fx_day(2026, 6, 30);
		FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
		bool done = y2025 ? i < 38 : i < 65 + 28;
		if (done)
			fx_close_on(f, id, fx_day(2025, 6, 1));
	}
}

static char *render(const struct report_doc *d, enum report_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	assert_int_equal(report_write(m, d, fmt, 100, false), 0);
	fclose(m);
	return buf;
}

static void compute(struct fx *f, enum report_lang lang, struct report_doc *d)
{
	struct selection all = { 0 };
	FX_OK(f, report_doc_compute(f->st, &all, fx_day(2025, 6, 30), R57_NO_DATE, "all tasks",
	                            "Ban Chỉ đạo tỉnh Cà Mau", lang, true, d, &f->err));
}

static void test_summary_vi_and_en(void **state)
{
	struct fx *f = *state;
	make_ca_mau(f);
	struct report_doc d;
	compute(f, LANG_VI, &d);
	char *s = report_summary(&d);
	fx_str_eq(s, "Tổng số 123 nhiệm vụ; đã hoàn thành 66 nhiệm vụ (đạt 53,66%), trong đó "
	             "38/65 nhiệm vụ năm 2025 (58,46%); không có nhiệm vụ quá hạn.", "summary vi");
	free(s);
	report_doc_clear(&d);
	compute(f, LANG_EN, &d);
	s = report_summary(&d);
	fx_str_eq(s, "123 tasks in all; 66 completed (53.66%), of which 38/65 of the 2025 tasks "
	             "(58.46%); no task overdue.", "summary en");
	free(s);
	/* The units, ranked by completion rate: 66/100 before 0/23. */
	assert_int_equal(d.n_units, 2);
	fx_str_eq(d.units[0].name, "Sở Khoa học và Công nghệ", "first unit");
	assert_int_equal(d.units[0].fig.total, 100);
	assert_int_equal(d.units[0].fig.completed, 66);
	assert_int_equal(d.units[0].fig.rate_bp, 6600);
	fx_str_eq(d.units[1].name, "Sở Nội vụ", "second unit");
	assert_int_equal(d.units[1].fig.total, 23);
	assert_int_equal(d.units[1].fig.completed, 0);
	/* Leaders: An and a row for tasks without a leader, last. */
	assert_int_equal(d.n_leaders, 2);
	fx_str_eq(d.leaders[0].name, "Nguyễn Văn An", "leader");
	assert_int_equal(d.leaders[0].fig.total, 41);
	assert_int_equal(d.leaders[1].id, 0);
	report_doc_clear(&d);
}

/* Equal rates: the unit with fewer overdue tasks ranks first. */
static void test_rank_ties_by_overdue(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "A đơn vị", NULL, NULL);
	fx_ref(f, REF_UNIT, "B đơn vị", NULL, NULL);
	/* A: 0/2, both overdue; B: 0/2, one overdue. */
	fx_add(f, "a1", "1", NULL, "A đơn vị", fx_day(2025, 6, 1));
	fx_add(f, "a2", "1", NULL, "A đơn vị", fx_day(2025, 6, 2));
	fx_add(f, "b1", "1", NULL, "B đơn vị", fx_day(2025, 6, 1));
	fx_add(f, "b2", "1", NULL, "B đơn vị", fx_day(2025, 12, 2));
	struct report_doc d;
	compute(f, LANG_EN, &d);
	assert_int_equal(d.n_units, 2);
	fx_str_eq(d.units[0].name, "B đơn vị", "fewer overdue first");
	fx_str_eq(d.units[1].name, "A đơn vị", "more overdue second");
	report_doc_clear(&d);
}

static void test_overdue_in_summary(void **state)
{
	struct fx *f = *state;
	fx_add(f, "Trễ hạn", "1", NULL, NULL, fx_day(2025, 6, 1));
	fx_add(f, "Trễ hạn nữa", "1", NULL, NULL, fx_day(2025, 6, 2));
	struct report_doc d;
	compute(f, LANG_VI, &d);
	char *s = report_summary(&d);
	fx_contains(s, "có 2 nhiệm vụ quá hạn.");
	free(s);
	report_doc_clear(&d);
}

static void test_csv_is_rfc4180_and_inert(void **state)
{
	struct fx *f = *state;
	fx_ref(f, REF_UNIT, "=HYPERLINK(\"http://x\"),1", NULL, NULL);
	fx_add(f, "Một", "1", NULL, "=HYPERLINK(\"http://x\"),1", R57_NO_DATE);
	struct report_doc d;
	compute(f, LANG_EN, &d);
	char *csv = render(&d, RF_CSV);
	/* Header and CRLF line ends. */
	fx_contains(csv, "section,name,total,completed,completed_on_time,completed_late,open,"
	                 "open_within_deadline,open_overdue,completion_rate,added_since,extended,"
	                 "extended_since,reminders\r\n");
	/* The formula is quoted, its quotes doubled, and made inert; the unit
	 * received no reminder, the whole selection has no count. */
	fx_contains(csv, "unit,\"'=HYPERLINK(\"\"http://x\"\"),1\",1,0,0,0,1,1,0,0.00,1,0,0,0\r\n");
	fx_contains(csv, "all,all tasks,1,0,0,0,1,1,0,0.00,1,0,0,\r\n");
	free(csv);
	report_doc_clear(&d);
}

static void test_html_escapes_and_isolates(void **state)
{
	struct fx *f = *state;
	/* A unit name with markup, a right-to-left override and an escape. */
	fx_ref(f, REF_UNIT, "<script>alert(1)</script> \xe2\x80\xae\x1b[31m", NULL, NULL);
	fx_add(f, "Một", "1", NULL, "<script>alert(1)</script> \xe2\x80\xae\x1b[31m", R57_NO_DATE);
	struct report_doc d;
	compute(f, LANG_VI, &d);
	char *html = render(&d, RF_HTML);
	assert_null(strstr(html, "<script"));
	fx_contains(html, "<bdi>&lt;script&gt;alert(1)&lt;/script&gt; \xef\xbf\xbd\xe2\x90\x9b[31m</bdi>");
	assert_null(strstr(html, "\xe2\x80\xae"));
	assert_null(strstr(html, "\x1b"));
	fx_contains(html, "<html lang=\"vi\">");
	fx_contains(html, "default-src 'none'");
	fx_contains(html, "@page { size: A4;");
	fx_contains(html, "Ban Chỉ đạo tỉnh Cà Mau");
	free(html);
	report_doc_clear(&d);
}

static void test_json_and_md(void **state)
{
	struct fx *f = *state;
	make_ca_mau(f);
	struct report_doc d;
	compute(f, LANG_EN, &d);
	char *json = render(&d, RF_JSON);
	fx_contains(json, "\"as_of\": \"2025-06-30\", \"since\": \"2025-05-31\"");
	fx_contains(json, "\"all\": {\"total\": 123, \"completed\": 66, \"completed_on_time\": 66,"
	                  " \"completed_late\": 0, \"open\": 57, \"open_within_deadline\": 57,"
	                  " \"open_overdue\": 0, \"completion_rate\": 53.66");
	fx_contains(json, "\"plan_year\": {\"year\": 2025, \"total\": 65, \"completed\": 38,");
	fx_contains(json, "{\"rank\": 1, \"name\": \"Sở Khoa học và Công nghệ\"");
	free(json);
	char *md = render(&d, RF_MD);
	fx_contains(md, "| # | Lead unit | Total |");
	fx_contains(md, "| 1 | Sở Khoa học và Công nghệ | 100 | 66 | 66 | 0 | 34 | 34 | 0 | 66.00% |");
	fx_contains(md, "| 2 | Sở Nội vụ | 23 | 0 | 0 | 0 | 23 | 23 | 0 | 0.00% |");
	free(md);
	char *text = render(&d, RF_TEXT);
	fx_contains(text, "53.66%");
	fx_contains(text, "By lead unit (ranked by completion rate)");
	free(text);
	report_doc_clear(&d);
}

/* Extensions since the previous report join the paragraph; the words
 * come from the catalogue in the report's language, not r57's. */
static void test_summary_extended_since(void **state)
{
	struct fx *f = *state;
	fx_as(f, "an", 2025, 5, 1);
	int64_t a = fx_add(f, "Gia hạn tháng Sáu", "1", NULL, NULL, fx_day(2025, 6, 20));
	int64_t b = fx_add(f, "Gia hạn tháng Năm", "1", NULL, NULL, fx_day(2025, 7, 20));
	fx_add(f, "Quá hạn", "1", NULL, NULL, fx_day(2025, 6, 1));
	fx_as(f, "an", 2025, 5, 15);
	fx_due(f, b, fx_day(2025, 8, 20));
	fx_as(f, "an", 2025, 6, 19);
	fx_due(f, a, fx_day(2025, 7, 31));
	fx_as(f, "an", 2025, 6, 30);
	struct report_doc d;
	i18n_set(R57_LANG_EN);
	compute(f, LANG_VI, &d);
	char *s = report_summary(&d);
	fx_str_eq(s, "Tổng số 3 nhiệm vụ; đã hoàn thành 0 nhiệm vụ (đạt 0,00%), trong đó 0/3 nhiệm vụ "
	             "năm 2025 (0,00%); có 1 nhiệm vụ quá hạn; 1 nhiệm vụ được gia hạn từ kỳ báo cáo "
	             "trước.", "summary vi");
	free(s);
	/* r57 still speaks English afterwards */
	assert_int_equal(i18n_lang(), R57_LANG_EN);
	fx_str_eq(_("Completion rate"), "Completion rate", "English again");
	char *text = render(&d, RF_TEXT);
	fx_contains(text, "Gia hạn từ kỳ báo cáo trước");
	fx_contains(text, "Đã gia hạn (lũy kế)");
	free(text);
	char *json = render(&d, RF_JSON);
	fx_contains(json, "\"extended\": 2, \"extended_since\": 1}");
	free(json);
	report_doc_clear(&d);
	i18n_set(R57_LANG_VI);
	compute(f, LANG_EN, &d);
	s = report_summary(&d);
	fx_str_eq(s, "3 tasks in all; 0 completed (0.00%), of which 0/3 of the 2025 tasks (0.00%); "
	             "1 task overdue; deadlines extended since the previous report: 1.", "summary en");
	free(s);
	assert_int_equal(i18n_lang(), R57_LANG_VI);
	char *md = render(&d, RF_MD);
	fx_contains(md, "| Extended since the previous report | 1 |\n");
	fx_contains(md, "| Extended \\(cumulative\\) | 2 |\n");
	free(md);
	char *html = render(&d, RF_HTML);
	fx_contains(html, "<th class=label>Extended since the previous report</th><td class=n>1</td>");
	free(html);
	report_doc_clear(&d);
	i18n_set(R57_LANG_EN);
}

int main(void)
{
	/* The catalogue from build/locale (make builds it); r57 speaks
	 * English here, each report its own language. */
	i18n_init(0, NULL);
	i18n_set(R57_LANG_EN);
	const struct CMUnitTest tests[] = {
		FX_TEST(test_summary_vi_and_en),
		FX_TEST(test_overdue_in_summary),
		FX_TEST(test_summary_extended_since),
		FX_TEST(test_rank_ties_by_overdue),
		FX_TEST(test_csv_is_rfc4180_and_inert),
		FX_TEST(test_html_escapes_and_isolates),
		FX_TEST(test_json_and_md),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
