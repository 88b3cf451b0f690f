/* demo.c: the example tasks of `r57 demo`, from the documents in
 * shared/domain.md, spread over every state relative to today so that a
 * first look at the status shows something real. Written through the
 * actions, so the journal holds them like any user's work. */
#include <stddef.h>

#include "r57/demo.h"
#include "r57/r57.h"
#include "r57/task.h"

static const struct {
	const char *name;
	const char *unit;
} demo_leaders[] = {
	{ "Nguyễn Văn An", "Sở Khoa học và Công nghệ" },
	{ "Trần Thị Bình", "Sở Nội vụ" },
	{ "Lê Hoàng Cường", "Sở Tài chính" },
	{ "Phạm Thu Dung", "Trung tâm Tích hợp dữ liệu tỉnh" },
	{ "Hoàng Minh Đức", "Ban Tuyên giáo và Dân vận Tỉnh ủy" },
	{ "Vũ Thị Hạnh", "Ban Tổ chức Tỉnh ủy" },
};

enum demo_state { OPEN_WITHIN, OPEN_OVERDUE, DONE_ON_TIME, DONE_LATE, CANCELLED, EXTENDED };

static const struct {
	const char *title;
	const char *product;
	int group;      /* 1..4 */
	int leader;     /* index into demo_leaders */
	const char *with;
	const char *source;
	int due;        /* days from today */
	enum demo_state state;
	int closed;     /* days from today, for done tasks */
} demo_tasks[] = {
	{ "Nâng cấp hệ thống quản lý văn bản và điều hành", "Hệ thống vận hành", 1, 0,
	  "Sở Tài chính", "97-CTr/TU", 45, OPEN_WITHIN, 0 },
	{ "Triển khai giải pháp AI hỗ trợ thủ tục hành chính về đầu tư, xây dựng", "Trợ lý ảo AI", 2, 0,
	  NULL, "97-CTr/TU", -12, OPEN_OVERDUE, 0 },
	{ "Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã", "Văn bản hướng dẫn", 4, 1,
	  NULL, "KH 726/KH-UBND", -40, DONE_ON_TIME, -45 },
	{ "Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định", "Báo cáo vận hành", 1, 3,
	  NULL, "97-CTr/TU", 120, OPEN_WITHIN, 0 },
	{ "Kết nối đường truyền giữa hai trung tâm dữ liệu", "Đường truyền kết nối", 1, 3,
	  "Sở Khoa học và Công nghệ", "97-CTr/TU", -20, DONE_LATE, -5 },
	{ "Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật", "Hệ thống văn bản điện tử", 1, 0,
	  NULL, "TB 45-TB/TW", 10, EXTENDED, 0 },
	{ "Hoàn thiện đề án Khu công nghệ thông tin tập trung Long Thành", "Đề án được phê duyệt", 2, 2,
	  "Sở Khoa học và Công nghệ", "KH 726/KH-UBND", -3, OPEN_OVERDUE, 0 },
	{ "Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an", "Lớp tập huấn", 3, 1,
	  NULL, "97-CTr/TU", -60, DONE_ON_TIME, -61 },
	{ "Đào tạo 24 giảng viên, nhà khoa học về thiết kế vi mạch bán dẫn", "24 người được đào tạo", 3, 5,
	  "Sở Tài chính", "TB 45-TB/TW", 200, OPEN_WITHIN, 0 },
	{ "Xây dựng kế hoạch đào tạo, thu hút nhân lực chuyển đổi số", "Kế hoạch", 3, 1,
	  "Sở Tài chính", "TB 45-TB/TW", 30, OPEN_WITHIN, 0 },
	{ "Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường", "Danh mục nhiệm vụ", 4, 5,
	  NULL, "KH 726/KH-UBND", -1, DONE_ON_TIME, -2 },
	{ "Cập nhật đầy đủ dữ liệu Trung tâm điều hành đô thị thông minh (IOC)", "Dữ liệu IOC", 2, 3,
	  NULL, "97-CTr/TU", -30, OPEN_OVERDUE, 0 },
	{ "Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI", "Hội nghị", 4, 4,
	  NULL, "97-CTr/TU", 15, CANCELLED, 0 },
	{ "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Kho dữ liệu số hóa", 4, 2,
	  NULL, "97-CTr/TU", -90, DONE_LATE, -70 },
};

int demo_fill(struct r57 *r, int *n, struct r57_err *err)
{
	int rc;
	*n = 0;
	for (size_t i = 0; i < sizeof demo_leaders / sizeof *demo_leaders; i++) {
		int64_t id;
		if ((rc = ref_add(r, REF_UNIT, demo_leaders[i].unit, NULL, NULL, NULL, &id, err)) &&
		    rc != R57_EINPUT) /* the same unit twice is fine */
			return rc;
		if ((rc = ref_add(r, REF_LEADER, demo_leaders[i].name, NULL, demo_leaders[i].unit, NULL,
		                  &id, err)))
			return rc;
	}
	static const char *const sources[][2] = {
		{ "97-CTr/TU", "Chương trình hành động thực hiện Nghị quyết 57-NQ/TW" },
		{ "KH 726/KH-UBND", "Kế hoạch triển khai Nghị quyết 57-NQ/TW" },
		{ "TB 45-TB/TW", "Thông báo kết luận của Ban Chỉ đạo Trung ương" },
	};
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
		int64_t id;
		if ((rc = ref_add(r, REF_SOURCE, sources[i][0], sources[i][1], NULL, NULL, &id, err)))
			return rc;
	}
	for (size_t i = 0; i < sizeof demo_tasks / sizeof *demo_tasks; i++) {
		struct task_fields f = TASK_FIELDS_INIT;
		char group[4] = { (char)('0' + demo_tasks[i].group), '\0' };
		int64_t id;
		f.title = demo_tasks[i].title;
		f.product = demo_tasks[i].product;
		f.group = group;
		f.leader = demo_leaders[demo_tasks[i].leader].name;
		f.unit = demo_leaders[demo_tasks[i].leader].unit;
		f.source = demo_tasks[i].source;
		if (demo_tasks[i].with)
			f.with[f.n_with++] = demo_tasks[i].with;
		f.due = r->today + demo_tasks[i].due;
		if ((rc = task_add(r, &f, &id, err)))
			return rc;
		(*n)++;
		switch (demo_tasks[i].state) {
		case DONE_ON_TIME:
		case DONE_LATE:
			rc = task_close(r, &id, 1, r->today + demo_tasks[i].closed, NULL, err);
			break;
		case CANCELLED:
			rc = task_cancel(r, &id, 1, "Gộp vào nhiệm vụ khác", err);
			break;
		case EXTENDED:
			rc = task_set_due(r, &id, 1, r->today + demo_tasks[i].due + 30, err);
			break;
		default:
			break;
		}
		if (rc)
			return rc;
	}
	return R57_OK;
}
