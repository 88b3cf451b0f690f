/* gen.c: a deterministic r57 benchmark database, as SQL or as CSV.
 *
 *   gen [--seed S] [--today yyyy-mm-dd] [--csv] N
 *
 * SQL (the default) is meant for a database that has the schema and
 * nothing else (src/store/schema.sql, user_version 2, r57's application_id): it
 * writes what r57 itself writes on creation (an 'init' entry and Bắc Ninh's
 * four key task groups), then 80 units, 300 leaders and 10 sources, each
 * added by its own journal entry, then N tasks with their history played
 * out in time order (add, deadline extensions, reassignments, edits,
 * closes, cancels) so that the triggers file every change under the entry
 * that made it, exactly as r57 would. All in one transaction.
 *
 * --csv writes the same tasks, in their final state, as the CSV that a
 * future `r57 import` reads (RFC 4180: CRLF, quoted where needed).
 *
 * The same seed and N always give the same bytes. Every random choice
 * comes from one xorshift64* stream, in a fixed order. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_UNITS   80
#define N_LEADERS 300
#define N_SOURCES 10
#define N_GROUPS  4
#define MAX_WITH  3
#define MAX_EXT   2
#define TITLE_MAX 320

/* --- randomness -------------------------------------------------------- */

static uint64_t rng_state;

static void rng_seed(uint64_t s)
{
	/* splitmix64 once, so that small seeds still give a well-mixed state */
	uint64_t z = s + 0x9E3779B97F4A7C15ull;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	z ^= z >> 31;
	rng_state = z ? z : 0x2545F4914F6CDD1Dull;
}

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

/* Uniform in [0, n). */
static int rnd(int n)
{
	if (n <= 1)
		return 0;
	return (int)((rng_next() >> 11) % (uint64_t)n);
}

/* Uniform in [lo, hi]; lo if the range is empty. */
static int rnd_range(int lo, int hi)
{
	return hi <= lo ? lo : lo + rnd(hi - lo + 1);
}

/* True with probability pct/100 (pct may have one decimal: pass per mille). */
static int chance_pm(int per_mille)
{
	return rnd(1000) < per_mille;
}

/* --- dates: day numbers since 1970-01-01 -------------------------------- */

static int days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int end_of_month(int y, int m)
{
	return days_from_civil(y, m, days_in_month(y, m));
}

/* 0 = Monday ... 6 = Sunday. 1970-01-01 was a Thursday. */
static int weekday(int day)
{
	int w = (day + 3) % 7;
	return w < 0 ? w + 7 : w;
}

static void iso_day(int day, char out[11])
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static void vn_day(int day, char out[11])
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, 11, "%02d/%02d/%04d", d, m, y);
}

/* A moment: day * 1440 + minute of the day, local time (+07:00). */
static void iso_time(long key, char out[32])
{
	char d[11];
	int day = (int)(key / 1440), min = (int)(key % 1440);
	iso_day(day, d);
	snprintf(out, 32, "%sT%02d:%02d:%02d+07:00", d, min / 60, min % 60,
	         (int)((key * 37) % 60));
}

static int parse_iso(const char *s, int *day)
{
	int y, m, d;
	if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > days_in_month(y, m))
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

/* A working day in [lo, hi] near the one drawn: weekends move to the
 * Friday before or the Monday after when the range allows. */
static int work_day(int lo, int hi)
{
	int d = rnd_range(lo, hi);
	int w = weekday(d);
	if (w == 5 && d - 1 >= lo)
		return d - 1;
	if (w == 6 && d + 1 <= hi)
		return d + 1;
	if (w == 5 && d + 2 <= hi)
		return d + 2;
	if (w == 6 && d - 2 >= lo)
		return d - 2;
	return d;
}

/* Office hours, 07:30 to 17:00. */
static int office_minute(void)
{
	return rnd_range(7 * 60 + 30, 17 * 60);
}

/* --- the words --------------------------------------------------------- */

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const group_names[N_GROUPS] = {
	"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu",
	"Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu",
	"Nâng cao năng lực số cho cán bộ, công chức, viên chức",
	"Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số",
};

static const char *const agencies[] = {
	"Sở Khoa học và Công nghệ",
	"Sở Tài chính",
	"Sở Nội vụ",
	"Sở Tư pháp",
	"Sở Công Thương",
	"Sở Xây dựng",
	"Sở Nông nghiệp và Môi trường",
	"Sở Giáo dục và Đào tạo",
	"Sở Y tế",
	"Sở Văn hóa, Thể thao và Du lịch",
	"Sở Dân tộc và Tôn giáo",
	"Sở Ngoại vụ",
	"Văn phòng UBND tỉnh",
	"Văn phòng Tỉnh ủy",
	"Ban Tuyên giáo và Dân vận Tỉnh ủy",
	"Ban Tổ chức Tỉnh ủy",
	"Ban Quản lý các khu công nghiệp",
	"Trung tâm Tích hợp dữ liệu tỉnh",
	"Trung tâm Phục vụ hành chính công tỉnh",
	"Công an tỉnh",
	"Bộ Chỉ huy Quân sự tỉnh",
	"Thanh tra tỉnh",
	"Đài Phát thanh và Truyền hình tỉnh",
	"Báo Bắc Ninh",
	"Bảo hiểm xã hội tỉnh",
	"Cục Thuế tỉnh",
	"Kho bạc Nhà nước khu vực",
	"Viễn thông Bắc Ninh",
	"Viettel Bắc Ninh",
	"Trường Đại học Công nghệ Bắc Ninh",
};

static const char *const places[] = {
	"Từ Sơn", "Yên Phong", "Quế Võ", "Tiên Du", "Thuận Thành", "Gia Bình",
	"Lương Tài", "Đông Ngàn", "Đình Bảng", "Kinh Bắc", "Võ Cường",
	"Vũ Ninh", "Suối Hoa", "Hạp Lĩnh", "Nam Sơn", "Khắc Niệm", "Vân Dương",
	"Phong Khê", "Hòa Long", "Kim Chân", "Đại Phúc", "Ninh Xá", "Thị Cầu",
	"Vệ An", "Đồng Nguyên", "Châu Khê", "Tam Sơn", "Tương Giang",
	"Phù Khê", "Hương Mạc", "Phù Chẩn", "Việt Yên", "Hiệp Hòa",
	"Lạng Giang", "Lục Nam", "Yên Dũng", "Tân Yên", "Sơn Động",
	"Lục Ngạn", "Yên Thế", "Kép", "Nếnh", "Bích Động", "Chũ", "Cảnh Thụy",
	"Tiền Phong", "Đa Mai", "Xương Giang", "Dĩnh Kế", "Bắc Giang",
	"Trí Quả", "Song Liễu", "Mão Điền", "Nhân Thắng", "Cao Đức",
	"Đại Lai", "Trung Kênh", "Lâm Thao", "Phật Tích", "Liên Bão",
};

static const char *const ho[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
	"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đinh", "Trịnh",
	"Lương", "Tạ", "Mai", "Chu", "Nghiêm",
};
static const char *const dem_nam[] = {
	"Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Công", "Đình",
	"Tiến", "Mạnh", "Hoàng",
};
static const char *const dem_nu[] = {
	"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Thúy",
	"Diệu",
};
static const char *const ten_nam[] = {
	"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh",
	"Long", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Toàn", "Trung",
	"Tuấn", "Việt", "Vinh", "Hiếu", "Thành", "Kiên",
};
static const char *const ten_nu[] = {
	"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan",
	"Linh", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Thảo",
	"Trang", "Uyên", "Yến", "Loan", "Huyền",
};

static const char *const dept_titles[] = {
	"Giám đốc", "Phó Giám đốc", "Phó Giám đốc", "Trưởng phòng",
	"Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên chính",
};
static const char *const commune_titles[] = {
	"Chủ tịch UBND", "Phó Chủ tịch UBND", "Phó Chủ tịch UBND",
	"Công chức Văn phòng - Thống kê",
};

struct source_def {
	const char *code, *title, *issued;
};
static const struct source_def sources[N_SOURCES] = {
	{ "45-KH/TU", "Kế hoạch chuyển đổi số của Tỉnh ủy năm 2024", "2024-01-05" },
	{ "1568/QĐ-UBND", "Quyết định ban hành danh mục nhiệm vụ khoa học và công nghệ năm 2024", "2024-01-12" },
	{ "135/KH-SKHCN", "Kế hoạch phát triển hạ tầng số của Sở Khoa học và Công nghệ", "2024-03-20" },
	{ "22-TB/TU", "Thông báo kết luận của Ban Thường vụ Tỉnh ủy về chuyển đổi số", "2024-06-14" },
	{ "3214/KH-UBND", "Kế hoạch thực hiện Đề án 06 trên địa bàn tỉnh", "2024-09-09" },
	{ "57-NQ/TW", "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "2024-12-22" },
	{ "97-CTr/TU", "Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW", "2025-02-10" },
	{ "726/KH-UBND", "Kế hoạch triển khai Chương trình hành động 97-CTr/TU", "2025-03-03" },
	{ "45-TB/BCĐTW", "Thông báo kết luận của Ban Chỉ đạo Trung ương", "2025-04-18" },
	{ "12-TB/BCĐ", "Thông báo kết luận của Ban Chỉ đạo tỉnh", "2025-05-26" },
};

/* Whole tasks in the words of the reports. */
static const char *const phrases[] = {
	"Nâng cấp hệ thống quản lý văn bản và điều hành",
	"Triển khai giải pháp AI hỗ trợ giải quyết thủ tục hành chính lĩnh vực đầu tư, xây dựng",
	"Ban hành hướng dẫn hoạt động của Tổ công nghệ số cộng đồng",
	"Duy trì vận hành ổn định Trung tâm tích hợp dữ liệu tỉnh",
	"Kết nối đường truyền giữa hai trung tâm dữ liệu",
	"Triển khai hệ thống văn bản điện tử cho văn bản không mật và văn bản mật",
	"Hoàn thiện quy hoạch khu công nghệ thông tin tập trung",
	"Tổ chức lớp bồi dưỡng kỹ năng AI cho cán bộ, công chức, viên chức và chiến sĩ công an",
	"Đào tạo giảng viên, nhà khoa học về thiết kế vi mạch và vi chế tạo bán dẫn",
	"Xây dựng kế hoạch đào tạo, thu hút nhân lực chuyển đổi số",
	"Rà soát, lập danh mục nhiệm vụ phân cấp cho xã, phường",
	"Cập nhật đầy đủ dữ liệu của Trung tâm điều hành đô thị thông minh (IOC)",
	"Công khai kết quả thực hiện nhiệm vụ và trách nhiệm của người đứng đầu",
	"Gắn kết quả thực hiện nhiệm vụ với đánh giá, xếp loại cán bộ theo KPI",
	"Đôn đốc các đơn vị chậm tiến độ thực hiện nhiệm vụ chuyển đổi số",
	"Tổng hợp đề xuất nhiệm vụ khoa học và công nghệ năm sau",
};

static const char *const verbs[] = {
	"Nâng cấp", "Triển khai", "Xây dựng", "Hoàn thiện", "Mở rộng",
	"Tích hợp", "Vận hành", "Rà soát, chuẩn hóa", "Đánh giá hiệu quả",
	"Thí điểm", "Kết nối, chia sẻ dữ liệu của", "Bảo đảm an toàn thông tin cho",
};
static const char *const objects[] = {
	"hệ thống quản lý văn bản và điều hành",
	"nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
	"cơ sở dữ liệu đất đai",
	"cơ sở dữ liệu dân cư phục vụ Đề án 06",
	"hệ thống thông tin giải quyết thủ tục hành chính",
	"cổng dịch vụ công trực tuyến",
	"trung tâm giám sát, điều hành an toàn an ninh mạng (SOC)",
	"hệ thống hội nghị truyền hình trực tuyến",
	"kho dữ liệu dùng chung của tỉnh",
	"nền tảng trợ lý ảo AI cho cán bộ, công chức",
	"mạng truyền số liệu chuyên dùng",
	"hệ thống camera giám sát giao thông",
	"cơ sở dữ liệu ngành y tế",
	"hệ thống quản lý hồ sơ sức khỏe điện tử",
	"học bạ số và cơ sở dữ liệu ngành giáo dục",
	"hệ thống chữ ký số chuyên dùng",
	"nền tảng thanh toán không dùng tiền mặt",
	"bản đồ số quy hoạch tỉnh",
	"hệ thống thông tin báo cáo chỉ tiêu kinh tế - xã hội",
	"cơ sở dữ liệu doanh nghiệp khoa học và công nghệ",
	"sàn giao dịch công nghệ và thiết bị",
	"hệ thống phản ánh, kiến nghị của người dân",
	"nền tảng số cho hợp tác xã và hộ kinh doanh",
	"hệ thống thư điện tử công vụ",
};
static const char *const trainings[] = {
	"Tổ chức lớp bồi dưỡng kỹ năng số cho",
	"Tập huấn sử dụng nền tảng số cho",
	"Đào tạo kỹ năng khai thác dữ liệu cho",
	"Phổ biến quy chế bảo đảm an toàn thông tin cho",
	"Đánh giá năng lực số của",
};
static const char *const learners[] = {
	"cán bộ, công chức, viên chức",
	"cán bộ cấp xã",
	"Tổ công nghệ số cộng đồng",
	"giáo viên các trường trung học phổ thông",
	"đội ngũ cán bộ chuyên trách công nghệ thông tin",
	"lãnh đạo các sở, ban, ngành",
};
static const char *const scopes[] = {
	"", "", "", " trên địa bàn tỉnh", " tại các xã, phường",
	" phục vụ chính quyền số", " theo Nghị quyết số 57-NQ/TW",
	" giai đoạn 2025 - 2030", " bảo đảm kết nối liên thông với hệ thống của Trung ương",
};

static const char *const products[] = {
	"Hệ thống được đưa vào vận hành",
	"Kế hoạch được ban hành",
	"Báo cáo kết quả thực hiện",
	"Quyết định phê duyệt",
	"Cơ sở dữ liệu được cập nhật đầy đủ",
	"Lớp bồi dưỡng được tổ chức",
	"Văn bản hướng dẫn",
	"Đề án được phê duyệt",
	"Biên bản nghiệm thu",
	"Nền tảng được kết nối, chia sẻ dữ liệu",
	"Danh mục nhiệm vụ được phê duyệt",
};
static const char *const results[] = {
	"Đã hoàn thành, đưa vào vận hành",
	"Đã ban hành văn bản",
	"Đã nghiệm thu",
	"Đã tổ chức, đạt yêu cầu",
	"Đã báo cáo Ban Chỉ đạo",
};
static const char *const notes_text[] = {
	"Phối hợp chặt chẽ với Viễn thông tỉnh",
	"Ưu tiên bố trí kinh phí năm sau",
	"Báo cáo định kỳ hằng quý về Ban Chỉ đạo",
	"Gắn với đánh giá, xếp loại cuối năm",
	"Theo đề nghị tại phiên họp Ban Chỉ đạo",
};

/* Who works r57: the secretariat writes most, the others less. */
static const char *const actors[] = {
	"an.nv", "an.nv", "an.nv", "binh.tt", "binh.tt", "cuong.lh",
	"dung.pt", "hoa.vt", "thuky.skhcn",
};

/* --- the data ---------------------------------------------------------- */

struct unit_def {
	char name[128];
	int commune;
};

struct leader_def {
	char name[64];
	const char *title;
	int unit;
};

enum status { ST_OPEN, ST_DONE, ST_CANCELLED };

struct task_def {
	int year;
	int created;            /* day */
	long add_key;           /* moment it was added */
	int first_due;          /* day, -1 = none */
	int n_ext;
	int ext_due[MAX_EXT];   /* deadline after each extension */
	long ext_key[MAX_EXT];
	int due;                /* in force at the end */
	int leader0, leader;    /* at add; at the end (1-based ids) */
	long assign_key;        /* 0 = never reassigned */
	int unit;
	int with[MAX_WITH], n_with;
	int group, source;      /* 0 = none for source */
	int product0, product;  /* index into products */
	long edit_key;          /* 0 = never edited */
	int notes;              /* -1 = none */
	enum status status;
	int closed;             /* day, when done or cancelled */
	long close_key;
	int result;
	char uuid[37];
	char title[TITLE_MAX];
};

static struct unit_def units[N_UNITS];
static struct leader_def leaders[N_LEADERS];

/* Events of the journal, to be played in time order. */
enum ev_kind { EV_ADD, EV_EXTEND, EV_ASSIGN, EV_EDIT, EV_CLOSE, EV_CANCEL };
struct event {
	long key;
	int task;     /* index */
	int order;    /* place in the task's own sequence */
	int arg;
	enum ev_kind kind;
	int absorbed; /* a close written by a later close's entry */
	size_t head;  /* the last close of a batch: the batch's first */
	size_t next;  /* an absorbed close: the next one of its batch */
};

static void make_units(void)
{
	int n = 0;
	for (int i = 0; i < COUNT(agencies) && n < N_UNITS; i++, n++) {
		snprintf(units[n].name, sizeof units[n].name, "%s", agencies[i]);
		units[n].commune = 0;
	}
	for (int i = 0; n < N_UNITS; i++, n++) {
		const char *place = places[i % COUNT(places)];
		/* the towns of the old districts are wards, the rest communes */
		const char *kind = (i % 3 == 0) ? "phường" : "xã";
		snprintf(units[n].name, sizeof units[n].name, "UBND %s %s", kind, place);
		units[n].commune = 1;
	}
}

static int leader_name_taken(int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(leaders[i].name, name) == 0)
			return 1;
	return 0;
}

static void make_leaders(void)
{
	for (int n = 0; n < N_LEADERS; n++) {
		char name[64];
		do {
			int female = chance_pm(420);
			const char *h = ho[rnd(COUNT(ho))];
			const char *d = female ? dem_nu[rnd(COUNT(dem_nu))] : dem_nam[rnd(COUNT(dem_nam))];
			const char *t = female ? ten_nu[rnd(COUNT(ten_nu))] : ten_nam[rnd(COUNT(ten_nam))];
			snprintf(name, sizeof name, "%s %s %s", h, d, t);
		} while (leader_name_taken(n, name));
		memcpy(leaders[n].name, name, sizeof name);
		/* the first 80 lead one unit each; the rest work somewhere */
		int u = n < N_UNITS ? n : rnd(N_UNITS);
		leaders[n].unit = u + 1;
		if (units[u].commune)
			leaders[n].title = commune_titles[n < N_UNITS ? 0 : rnd(COUNT(commune_titles))];
		else
			leaders[n].title = dept_titles[n < N_UNITS ? 0 : rnd(COUNT(dept_titles))];
	}
}

static void make_title(struct task_def *t)
{
	int form = rnd(10);
	const char *scope = scopes[rnd(COUNT(scopes))];
	/* one draw per statement: argument order is unspecified in C */
	if (form < 3) {
		const char *what = phrases[rnd(COUNT(phrases))];
		snprintf(t->title, TITLE_MAX, "%s%s", what, scope);
	} else if (form < 8) {
		const char *verb = verbs[rnd(COUNT(verbs))];
		const char *obj = objects[rnd(COUNT(objects))];
		snprintf(t->title, TITLE_MAX, "%s %s%s", verb, obj, scope);
	} else {
		const char *verb = trainings[rnd(COUNT(trainings))];
		const char *who = learners[rnd(COUNT(learners))];
		snprintf(t->title, TITLE_MAX, "%s %s%s", verb, who, scope);
	}
	/* a third name a place or a year, as real plans do, when the scope
	 * has not said where or when already */
	int extra = rnd(6);
	size_t len = strlen(t->title);
	if (*scope)
		return;
	if (extra == 0)
		snprintf(t->title + len, TITLE_MAX - len, " tại %s",
		         places[rnd(COUNT(places))]);
	else if (extra == 1)
		snprintf(t->title + len, TITLE_MAX - len, " năm %d", t->year);
}

static void make_uuid(char out[37])
{
	uint64_t a = rng_next(), b = rng_next();
	a = (a & ~0xF000ull) | 0x4000ull;                           /* version 4 */
	b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;     /* variant */
	snprintf(out, 37, "%08x-%04x-%04x-%04x-%012llx",
	         (unsigned)(a >> 32), (unsigned)((a >> 16) & 0xFFFF),
	         (unsigned)(a & 0xFFFF), (unsigned)(b >> 48),
	         (unsigned long long)(b & 0xFFFFFFFFFFFFull));
}

/* A deadline for a task of plan year y created on day c: the end of a
 * month (quarter ends and the year's end most often), now and then the
 * 15th, at least three weeks after it was set. -1 if the year is over. */
static int pick_due(int y, int c)
{
	static const int month_w[12] = { 2, 2, 6, 3, 3, 8, 3, 3, 7, 4, 4, 12 };
	int cand[12], w[12], n = 0, total = 0;
	for (int m = 1; m <= 12; m++) {
		if (end_of_month(y, m) >= c + 21) {
			cand[n] = m;
			w[n] = month_w[m - 1];
			total += w[n];
			n++;
		}
	}
	if (n == 0)
		return -1;
	int r = rnd(total), i = 0;
	while (r >= w[i])
		r -= w[i++];
	int m = cand[i];
	if (chance_pm(150) && days_from_civil(y, m, 15) >= c + 21)
		return days_from_civil(y, m, 15);
	return end_of_month(y, m);
}

/* The deadline moved on by 1 to 3 months, to a month's end. */
static int extend_due(int due)
{
	int y, m, d;
	civil_from_days(due, &y, &m, &d);
	m += rnd_range(1, 3);
	while (m > 12) {
		m -= 12;
		y++;
	}
	return end_of_month(y, m);
}

static long key_after(long prev, int day)
{
	long k = (long)day * 1440 + office_minute();
	if (k <= prev)
		k = prev + rnd_range(1, 40);
	return k;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* The life of one task up to today. */
static void make_task(struct task_def *t, long add_key, int today)
{
	int c = (int)(add_key / 1440);
	int y, m, d;
	civil_from_days(c, &y, &m, &d);
	t->created = c;
	t->add_key = add_key;

	/* plan year: this year's plan early on, next year's from autumn */
	int r = rnd(100);
	if (m <= 6)
		t->year = r < 85 ? y : y + 1;
	else if (m <= 9)
		t->year = r < 55 ? y : y + 1;
	else
		t->year = r < 20 ? y : y + 1;
	if (t->year > 2026)
		t->year = 2026;

	t->first_due = chance_pm(40) ? -1 : pick_due(t->year, c);
	if (t->first_due < 0 && t->year < 2026 && !chance_pm(500)) {
		t->year++;
		t->first_due = pick_due(t->year, c);
	}
	t->due = t->first_due;

	t->group = 1 + rnd(10) % N_GROUPS; /* 0..9 -> groups 1,2,3,4 weighted */
	t->leader0 = t->leader = 1 + rnd(N_LEADERS);
	t->unit = chance_pm(700) ? leaders[t->leader - 1].unit : 1 + rnd(N_UNITS);
	t->n_with = rnd(4);
	for (int i = 0; i < t->n_with; i++) {
		int u, dup;
		do {
			u = 1 + rnd(N_UNITS);
			dup = u == t->unit;
			for (int j = 0; j < i; j++)
				dup |= t->with[j] == u;
		} while (dup);
		t->with[i] = u;
	}
	/* the newest source already issued when the task was set, mostly */
	t->source = 0;
	if (chance_pm(850)) {
		int last = 0;
		for (int i = 0; i < N_SOURCES; i++) {
			int issued;
			parse_iso(sources[i].issued, &issued);
			if (issued <= c)
				last = i + 1;
		}
		if (last)
			t->source = rnd_range(last > 3 ? last - 3 : 1, last);
	}
	t->product0 = t->product = rnd(COUNT(products));
	t->notes = chance_pm(300) ? rnd(COUNT(notes_text)) : -1;
	make_uuid(t->uuid);
	make_title(t);

	long prev = add_key;
	int lo = c;

	/* extensions (gia hạn), asked for before the deadline passes */
	t->n_ext = 0;
	if (t->due >= 0 && chance_pm(100)) {
		int want = chance_pm(250) ? 2 : 1;
		for (int i = 0; i < want; i++) {
			int hi = t->due < today ? t->due : today;
			if (lo + 1 > hi)
				break;
			int day = work_day(lo + 1, hi);
			t->ext_key[i] = prev = key_after(prev, day);
			t->due = t->ext_due[i] = extend_due(t->due);
			lo = (int)(prev / 1440);
			t->n_ext++;
		}
	}

	/* where it stands today */
	t->status = ST_OPEN;
	t->closed = -1;
	int p = rnd(1000);
	if (p < 40) {
		if (lo + 7 <= today) {
			t->status = ST_CANCELLED;
			t->closed = work_day(lo + 7, today);
		}
	} else if (t->due < 0) {
		if (p < 440 && lo + 5 <= today) {
			t->status = ST_DONE;
			t->closed = work_day(lo + 5, today);
		}
	} else if (t->due < today) {
		/* deadline passed: most done, a quarter of those late */
		if (p < 860) {
			int late = rnd(100) < 25;
			if (late && t->due + 1 <= today && t->due + 1 > lo) {
				t->status = ST_DONE;
				t->closed = work_day(t->due + 1, today);
			} else if (lo + 1 <= t->due) {
				t->status = ST_DONE;
				t->closed = work_day(lo + 1 > t->due - 60 ? lo + 1 : t->due - 60, t->due);
			} else {
				t->status = ST_DONE;
				t->closed = work_day(lo, today);
			}
		}
	} else if (p < 330 && lo + 1 <= today) {
		/* ahead of time */
		t->status = ST_DONE;
		t->closed = work_day(lo + 1, today);
	}

	/* the close is entered on the day or a few days after */
	int close_ev = today;
	if (t->status != ST_OPEN) {
		/* most offices enter the week's closes on Friday, for the
		 * weekly report; the others on the day or soon after */
		if (chance_pm(650))
			close_ev = t->closed + (4 - weekday(t->closed) + 7) % 7;
		else
			close_ev = t->closed + rnd(3);
		if (close_ev > today)
			close_ev = today;
	}

	/* a new lead person now and then, and an edited product */
	t->assign_key = 0;
	if (chance_pm(40)) {
		int day = work_day(lo, close_ev);
		t->assign_key = prev = key_after(prev, day);
		lo = (int)(prev / 1440);
		int nl;
		do
			nl = 1 + rnd(N_LEADERS);
		while (nl == t->leader0);
		t->leader = nl;
	}
	t->edit_key = 0;
	if (chance_pm(30)) {
		int day = work_day(lo, close_ev);
		t->edit_key = prev = key_after(prev, day);
		lo = (int)(prev / 1440);
		t->product = (t->product0 + 1 + rnd(COUNT(products) - 1)) % COUNT(products);
	}
	t->close_key = 0;
	if (t->status != ST_OPEN) {
		if (close_ev < lo)
			close_ev = lo;
		t->close_key = key_after(prev, close_ev);
		if (t->closed > (int)(t->close_key / 1440))
			t->closed = (int)(t->close_key / 1440);
		t->result = rnd(COUNT(results));
	}
}

/* --- output ------------------------------------------------------------ */

/* An SQL string literal. */
static void sql_str(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', f);
		fputc(*s, f);
	}
	fputc('\'', f);
}

static void sql_day_or_null(FILE *f, int day)
{
	char d[11];
	if (day < 0) {
		fputs("NULL", f);
		return;
	}
	iso_day(day, d);
	fprintf(f, "'%s'", d);
}

static void sql_entry_with(FILE *f, long key, const char *actor,
                           const char *kind, const char *prefix,
                           const char *summary)
{
	char at[32], day[11];
	iso_time(key, at);
	iso_day((int)(key / 1440), day);
	fprintf(f, "INSERT INTO entry(at,day,actor,summary,kind) VALUES('%s','%s',",
	        at, day);
	sql_str(f, actor);
	fputs(",'", f);
	for (const char *p = prefix; *p; p++)
		fputc(*p, f);
	for (const char *p = summary; *p; p++) {
		if (*p == '\'')
			fputc('\'', f);
		fputc(*p, f);
	}
	fprintf(f, "','%s');\n", kind);
}

static void sql_entry(FILE *f, long key, const char *actor, const char *kind,
                      const char *summary)
{
	sql_entry_with(f, key, actor, kind, "", summary);
}

static void emit_refs(FILE *f, long key)
{
	char pre[32];
	sql_entry(f, key, "admin", "init", "create the database");
	for (int i = 0; i < N_GROUPS; i++) {
		fprintf(f, "INSERT INTO task_group(id,name,position) VALUES(%d,", i + 1);
		sql_str(f, group_names[i]);
		fprintf(f, ",%d);\n", i + 1);
	}
	key += 60 * 24; /* the next day */
	for (int i = 0; i < N_UNITS; i++) {
		snprintf(pre, sizeof pre, "add unit #%d: ", i + 1);
		sql_entry_with(f, key++, "admin", "do", pre, units[i].name);
		fprintf(f, "INSERT INTO unit(id,name) VALUES(%d,", i + 1);
		sql_str(f, units[i].name);
		fputs(");\n", f);
	}
	for (int i = 0; i < N_LEADERS; i++) {
		snprintf(pre, sizeof pre, "add leader #%d: ", i + 1);
		sql_entry_with(f, key++, "admin", "do", pre, leaders[i].name);
		fprintf(f, "INSERT INTO leader(id,name,title,unit_id) VALUES(%d,", i + 1);
		sql_str(f, leaders[i].name);
		fputc(',', f);
		sql_str(f, leaders[i].title);
		fprintf(f, ",%d);\n", leaders[i].unit);
	}
}

static void emit_source(FILE *f, int i, long key)
{
	char sum[256];
	snprintf(sum, sizeof sum, "add source #%d: %s", i + 1, sources[i].code);
	sql_entry(f, key, "admin", "do", sum);
	fprintf(f, "INSERT INTO source(id,code,title,issued) VALUES(%d,", i + 1);
	sql_str(f, sources[i].code);
	fputc(',', f);
	sql_str(f, sources[i].title);
	fprintf(f, ",'%s');\n", sources[i].issued);
}

static void emit_add(FILE *f, const struct task_def *t, int id, const char *actor)
{
	char sum[TITLE_MAX + 32], at[32], created[11];
	snprintf(sum, sizeof sum, "add #%d: %s", id, t->title);
	sql_entry(f, t->add_key, actor, "do", sum);
	iso_time(t->add_key, at);
	iso_day(t->created, created);
	fprintf(f, "INSERT INTO task(id,uuid,title,notes,product,result,group_id,"
	           "leader_id,unit_id,source_id,year,due,first_due,extensions,status,"
	           "closed,created,updated) VALUES(%d,'%s',", id, t->uuid);
	sql_str(f, t->title);
	fputc(',', f);
	if (t->notes >= 0)
		sql_str(f, notes_text[t->notes]);
	else
		fputs("NULL", f);
	fputc(',', f);
	sql_str(f, products[t->product0]);
	fprintf(f, ",NULL,%d,%d,%d,", t->group, t->leader0, t->unit);
	if (t->source)
		fprintf(f, "%d", t->source);
	else
		fputs("NULL", f);
	fprintf(f, ",%d,", t->year);
	sql_day_or_null(f, t->first_due);
	fputc(',', f);
	sql_day_or_null(f, t->first_due);
	fprintf(f, ",0,'open',NULL,'%s','%s');\n", created, at);
	for (int i = 0; i < t->n_with; i++)
		fprintf(f, "INSERT INTO task_unit(task_id,unit_id) VALUES(%d,%d);\n",
		        id, t->with[i]);
}

static int cmp_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	if (x->task != y->task)
		return (x->task > y->task) - (x->task < y->task);
	return (x->order > y->order) - (x->order < y->order);
}

/* Officials close several tasks in one command (one entry, one undo):
 * the closes of a day go in batches of 1 to 10, each written where its
 * last one falls. A close is the last event of its task, so moving it
 * later within the day never reorders a task's own history. */
static void batch_closes(struct event *ev, size_t ne)
{
	size_t k = 0;
	while (k < ne) {
		long day = ev[k].key / 1440;
		size_t end = k;
		while (end < ne && ev[end].key / 1440 == day)
			end++;
		size_t head = 0, prev = 0;
		int in_batch = 0, want = 0;
		for (size_t i = k; i < end; i++) {
			if (ev[i].task < 0 || ev[i].kind != EV_CLOSE)
				continue;
			if (!in_batch) {
				head = i;
				in_batch = 1;
				want = rnd_range(1, 10);
			} else {
				ev[prev].absorbed = 1;
				ev[prev].next = i;
			}
			ev[i].head = head;
			prev = i;
			if (--want == 0)
				in_batch = 0;
		}
		k = end;
	}
}

static void emit_sql(FILE *f, const struct task_def *tasks, int n)
{
	char sum[TITLE_MAX + 64], at[32], d[11];
	long start = (long)days_from_civil(2024, 1, 2) * 1440 + 8 * 60;

	fputs("-- generated by tests/bench/gen.c; load into a database that has "
	      "src/store/schema.sql and nothing else\n", f);
	fputs("PRAGMA foreign_keys=ON;\nBEGIN;\n", f);
	emit_refs(f, start);

	/* events: sources as they are issued, then the life of each task */
	size_t cap = (size_t)n * 6 + N_SOURCES;
	struct event *ev = malloc(cap * sizeof *ev);
	if (!ev) {
		fputs("gen: out of memory\n", stderr);
		exit(1);
	}
	size_t ne = 0;
	for (int i = 0; i < N_SOURCES; i++) {
		int issued;
		parse_iso(sources[i].issued, &issued);
		/* the source is entered on its day, before anyone uses it */
		ev[ne++] = (struct event){ .key = (long)issued * 1440 + 7 * 60, .task = -1,
		                           .order = i, .arg = i, .kind = EV_ADD };
	}
	for (int i = 0; i < n; i++) {
		const struct task_def *t = &tasks[i];
		int o = 0;
		ev[ne++] = (struct event){ .key = t->add_key, .task = i, .order = o++,
		                           .kind = EV_ADD };
		for (int j = 0; j < t->n_ext; j++)
			ev[ne++] = (struct event){ .key = t->ext_key[j], .task = i,
			                           .order = o++, .arg = j, .kind = EV_EXTEND };
		if (t->assign_key)
			ev[ne++] = (struct event){ .key = t->assign_key, .task = i,
			                           .order = o++, .kind = EV_ASSIGN };
		if (t->edit_key)
			ev[ne++] = (struct event){ .key = t->edit_key, .task = i,
			                           .order = o++, .kind = EV_EDIT };
		if (t->close_key)
			ev[ne++] = (struct event){ .key = t->close_key, .task = i, .order = o++,
			        .kind = t->status == ST_DONE ? EV_CLOSE : EV_CANCEL };
	}
	qsort(ev, ne, sizeof *ev, cmp_event);
	batch_closes(ev, ne);

	for (size_t k = 0; k < ne; k++) {
		const struct event *e = &ev[k];
		if (e->absorbed)
			continue;
		const char *actor = actors[rnd(COUNT(actors))];
		if (e->task < 0) {
			emit_source(f, e->arg, e->key);
			continue;
		}
		const struct task_def *t = &tasks[e->task];
		int id = e->task + 1;
		iso_time(e->key, at);
		switch (e->kind) {
		case EV_ADD:
			emit_add(f, t, id, actor);
			break;
		case EV_EXTEND:
			vn_day(t->ext_due[e->arg], d);
			snprintf(sum, sizeof sum, "deadline of #%d to %s", id, d);
			sql_entry(f, e->key, actor, "do", sum);
			iso_day(t->ext_due[e->arg], d);
			fprintf(f, "UPDATE task SET due='%s',extensions=%d,updated='%s' WHERE id=%d;\n",
			        d, e->arg + 1, at, id);
			break;
		case EV_ASSIGN:
			snprintf(sum, sizeof sum, "assign #%d to %s", id, leaders[t->leader - 1].name);
			sql_entry(f, e->key, actor, "do", sum);
			fprintf(f, "UPDATE task SET leader_id=%d,updated='%s' WHERE id=%d;\n",
			        t->leader, at, id);
			break;
		case EV_EDIT:
			snprintf(sum, sizeof sum, "edit #%d: product", id);
			sql_entry(f, e->key, actor, "do", sum);
			fputs("UPDATE task SET product=", f);
			sql_str(f, products[t->product]);
			fprintf(f, ",updated='%s' WHERE id=%d;\n", at, id);
			break;
		case EV_CANCEL:
			snprintf(sum, sizeof sum, "cancel #%d", id);
			sql_entry(f, e->key, actor, "do", sum);
			iso_day(t->closed, d);
			fprintf(f, "UPDATE task SET status='cancelled',closed='%s',updated='%s' WHERE id=%d;\n",
			        d, at, id);
			break;
		case EV_CLOSE: {
			int len = 0;
			for (size_t p = e->head;; p = ev[p].next) {
				if (len < (int)sizeof sum - 32)
					len += snprintf(sum + len, sizeof sum - (size_t)len,
					                "%s#%d", len ? ", " : "close ",
					                ev[p].task + 1);
				if (p == k)
					break;
			}
			vn_day(t->closed, d);
			snprintf(sum + len, sizeof sum - (size_t)len, " on %s", d);
			sql_entry(f, e->key, actor, "do", sum);
			for (size_t p = e->head;; p = ev[p].next) {
				const struct task_def *u = &tasks[ev[p].task];
				iso_day(u->closed, d);
				fprintf(f, "UPDATE task SET status='done',closed='%s',result=", d);
				sql_str(f, results[u->result]);
				fprintf(f, ",updated='%s' WHERE id=%d;\n", at, ev[p].task + 1);
				if (p == k)
					break;
			}
			break;
		}
		}
	}
	free(ev);
	fputs("COMMIT;\n", f);
}

/* A CSV field, quoted when it must be (RFC 4180). */
static void csv_field(FILE *f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

static void emit_csv(FILE *f, const struct task_def *tasks, int n)
{
	static const char *const head[] = {
		"Nhiệm vụ", "Nhóm nhiệm vụ", "Người phụ trách", "Đơn vị chủ trì",
		"Đơn vị phối hợp", "Thời hạn", "Sản phẩm", "Trạng thái",
		"Ngày hoàn thành",
	};
	for (int i = 0; i < COUNT(head); i++)
		csv_field(f, head[i], i == COUNT(head) - 1);
	for (int i = 0; i < n; i++) {
		const struct task_def *t = &tasks[i];
		char with[512] = "", due[11] = "", closed[11] = "";
		size_t len = 0;
		for (int j = 0; j < t->n_with; j++)
			len += (size_t)snprintf(with + len, sizeof with - len, "%s%s",
			                        j ? "; " : "", units[t->with[j] - 1].name);
		if (t->due >= 0)
			vn_day(t->due, due);
		if (t->status != ST_OPEN)
			vn_day(t->closed, closed);
		csv_field(f, t->title, 0);
		csv_field(f, group_names[t->group - 1], 0);
		csv_field(f, leaders[t->leader - 1].name, 0);
		csv_field(f, units[t->unit - 1].name, 0);
		csv_field(f, with, 0);
		csv_field(f, due, 0);
		csv_field(f, products[t->product], 0);
		csv_field(f, t->status == ST_DONE ? "Đã hoàn thành" :
		             t->status == ST_CANCELLED ? "Đã hủy" : "Đang triển khai", 0);
		csv_field(f, closed, 1);
	}
}

static void usage(void)
{
	fputs("usage: gen [--seed S] [--today yyyy-mm-dd] [--csv] N\n"
	      "  SQL for a database that has src/store/schema.sql and nothing else;\n"
	      "  --csv: the same tasks as CSV for r57 import\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	uint64_t seed = 57;
	int csv = 0, n = -1, today;
	const char *today_s = "2025-06-30";

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--csv") == 0) {
			csv = 1;
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			seed = strtoull(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--today") == 0 && i + 1 < argc) {
			today_s = argv[++i];
		} else if (argv[i][0] != '-' && n < 0) {
			char *end;
			long v = strtol(argv[i], &end, 10);
			if (*end || v < 0 || v > 10000000)
				usage();
			n = (int)v;
		} else {
			usage();
		}
	}
	if (n < 0 || parse_iso(today_s, &today) != 0)
		usage();

	rng_seed(seed);
	make_units();
	make_leaders();

	/* tasks are added from mid-January 2024 to the day before today, ids
	 * in the order they were added */
	struct task_def *tasks = calloc(n ? (size_t)n : 1, sizeof *tasks);
	long *keys = malloc((n ? (size_t)n : 1) * sizeof *keys);
	if (!tasks || !keys) {
		fputs("gen: out of memory\n", stderr);
		return 1;
	}
	int first = days_from_civil(2024, 1, 15);
	for (int i = 0; i < n; i++) {
		long day = work_day(first, today - 1);
		keys[i] = day * 1440 + office_minute();
	}
	qsort(keys, (size_t)n, sizeof *keys, cmp_long);
	for (int i = 0; i < n; i++)
		make_task(&tasks[i], keys[i], today);
	free(keys);

	if (csv)
		emit_csv(stdout, tasks, n);
	else
		emit_sql(stdout, tasks, n);
	free(tasks);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen: stdout");
		return 1;
	}
	return 0;
}
