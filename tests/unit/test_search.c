/* test_search.c: the search index (task_search, its page indexes and its
 * full-text index; docs/storage.md) against a brute-force filter. Every
 * filter word, sort and grouping, paged forwards and backwards a few rows
 * at a time, gives exactly the tasks a plain reading of every task finds,
 * in the same order: with a rare word (the full-text index names the
 * candidates), a common one (the page indexes are walked), with the index
 * out of date on a read-only connection (each row folded), and after add,
 * edit, close, undo, redo, import and a write by another program. */
#include "fixture.h"
#include "journal_v3.h"

#include "r57/import.h"
#include "r57/text.h"
#include "../../src/store/store_int.h" /* the connection, for the plans of its queries */

/* --- the data ------------------------------------------------------------------- */

static const char *const pool[] = {
	"Nâng", "cấp", "hệ", "thống", "Năng", "lực", "số", "cơ", "sở", "dữ", "liệu",
	"đất", "đai", "Đào", "tạo", "kỹ", "năng", "chuyển", "đổi", "xây", "dựng",
	"nền", "tảng", "97-CTr/TU", "UBND", "phường", "2", "10", "quản", "lý",
};
#define POOL (sizeof pool / sizeof *pool)

static unsigned long rnd_state;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rnd_state >> 33) % n);
}

static void words(char *buf, size_t len, int n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		at += (size_t)snprintf(buf + at, at < len ? len - at : 0, "%s%s", i ? " " : "", pool[rnd(POOL)]);
}

static int64_t leaders[3], units[3], sources[2];

/* n tasks written straight through the store, in one transaction (the
 * connection's triggers keep the index, as for every r57 writer); about
 * one in six has "hiếm" in its notes, and every one "chung". */
static void make_tasks(struct fx *f, int n)
{
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "Đơn vị %d", i + 1);
		units[i] = fx_ref(f, REF_UNIT, name, NULL, NULL);
		snprintf(name, sizeof name, "Người %c", 'A' + i);
		leaders[i] = fx_ref(f, REF_LEADER, name, NULL, NULL);
	}
	sources[0] = fx_ref(f, REF_SOURCE, "97-CTr/TU", NULL, NULL);
	sources[1] = fx_ref(f, REF_SOURCE, "05-KH/UBND", NULL, NULL);
	rnd_state = 57;
	FX_OK(f, store_begin(f->st, &f->err));
	for (int i = 0; i < n; i++) {
		char title[200], notes[200], uuid[37];
		struct task_row r = { 0 };
		words(title, sizeof title, 2 + (int)rnd(5));
		words(notes, sizeof notes, (int)rnd(4));
		if (rnd(6) == 0)
			strcat(notes, " hiếm");
		strcat(notes, " chung");
		snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", i);
		memcpy(r.uuid, uuid, sizeof r.uuid);
		r.title = title;
		r.notes = rnd(5) ? notes : NULL;
		r.group_id = rnd(5) ? 1 + rnd(4) : 0;
		r.leader_id = rnd(4) ? leaders[rnd(3)] : 0;
		r.unit_id = rnd(4) ? units[rnd(3)] : 0;
		r.source_id = rnd(3) ? sources[rnd(2)] : 0;
		r.year = rnd(3) ? 2025 + (int)rnd(2) : 0;
		r.due = rnd(5) ? fx_day(2025, 1 + (int)rnd(12), 1 + (int)rnd(28)) : R57_NO_DATE;
		if (rnd(15) == 0) /* the edges of within, overdue, due.before/after */
			r.due = rnd(2) ? f->r.today : fx_day(2025, 5, 15);
		r.first_due = r.due;
		r.created = fx_day(2025, 1, 1);
		unsigned s = rnd(10);
		r.status = s < 6 ? TASK_OPEN : s < 9 ? TASK_DONE : TASK_CANCELLED;
		r.closed = r.status == TASK_DONE ? fx_day(2025, 6, 1) : R57_NO_DATE;
		FX_OK(f, store_task_insert(f->st, &r, f->r.now, NULL, &f->err));
	}
	FX_OK(f, store_commit(f->st, &f->err));
}

/* --- the brute force ---------------------------------------------------------------- */

struct all {
	int n;
	struct task t[1200];
	char *body[1200], *marks[1200]; /* title and notes as search reads them */
};

static int take_all(const struct task *t, void *ctx)
{
	struct all *a = ctx;
	assert_true(a->n < 1200);
	struct task *c = &a->t[a->n++];
	*c = *t;
	c->title = strdup(t->title);
	c->notes = t->notes ? strdup(t->notes) : NULL;
	c->product = c->result = c->group_name = c->leader_name = c->unit_name = NULL;
	c->source_code = c->units = c->updated = NULL;
	size_t len = strlen(t->title) + (t->notes ? strlen(t->notes) : 0) + 2;
	char *text = malloc(len);
	snprintf(text, len, "%s %s", t->title, t->notes ? t->notes : "");
	a->body[a->n - 1] = text_search_body(text, false);
	a->marks[a->n - 1] = text_search_body(text, true);
	free(text);
	return 0;
}

static void all_clear(struct all *a)
{
	for (int i = 0; i < a->n; i++) {
		task_clear(&a->t[i]);
		free(a->body[i]);
		free(a->marks[i]);
	}
	a->n = 0;
}

/* Every task, read without any filter (status:all, no word). */
static void read_all(struct store *st, struct all *a, r57_day today)
{
	struct task_filter flt;
	struct r57_err err = { 0 };
	filter_init(&flt);
	flt.status = FILTER_ALL;
	a->n = 0;
	if (store_task_list(st, &flt, today, 0, take_all, a, &err))
		fail_msg("%s", err.msg);
}

static bool has_word(const char *body, const char *word, bool marks)
{
	char *w = text_search_word(word, marks);
	bool ok = !*w || strstr(body, w);
	free(w);
	return ok;
}

static bool matches(const struct task_filter *flt, const struct all *a, int i, r57_day today)
{
	const struct task *t = &a->t[i];
	bool dated = t->due != R57_NO_DATE, open = t->status == TASK_OPEN;
	switch (flt->status) {
	case FILTER_NOT_CANCELLED: if (t->status == TASK_CANCELLED) return false; break;
	case FILTER_ALL: break;
	case FILTER_OPEN: if (!open) return false; break;
	case FILTER_WITHIN: if (!open || (dated && t->due < today)) return false; break;
	case FILTER_OVERDUE: if (!open || !dated || t->due >= today) return false; break;
	case FILTER_DONE: if (t->status != TASK_DONE) return false; break;
	case FILTER_CANCELLED: if (t->status != TASK_CANCELLED) return false; break;
	}
	if ((flt->group_id && t->group_id != flt->group_id) ||
	    (flt->leader_id && t->leader_id != flt->leader_id) ||
	    (flt->unit_id && t->unit_id != flt->unit_id) ||
	    (flt->source_id && t->source_id != flt->source_id) ||
	    (flt->year && t->year != flt->year) ||
	    (flt->due_before != R57_NO_DATE && (!dated || t->due >= flt->due_before)) ||
	    (flt->due_after != R57_NO_DATE && (!dated || t->due <= flt->due_after)))
		return false;
	for (int w = 0; w < flt->n_words; w++)
		if (!has_word(a->body[i], flt->words[w], false) ||
		    (flt->word_marks[w] && !has_word(a->marks[i], flt->words[w], true)))
			return false;
	return true;
}

/* The bucket of a task under a grouping: an id, or a month ("" none). */
static int64_t bucket_of(const struct task *t, enum group_by by, char month[8])
{
	char iso[11];
	month[0] = '\0';
	switch (by) {
	case BY_GROUP: return t->group_id;
	case BY_LEADER: return t->leader_id;
	case BY_UNIT: return t->unit_id;
	case BY_SOURCE: return t->source_id;
	case BY_MONTH:
		if (t->due != R57_NO_DATE)
			snprintf(month, 8, "%.7s", date_iso(t->due, iso));
		return 0;
	}
	return 0;
}

struct key {
	char *sortv;
	int64_t id;
};

static int key_cmp(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int c = strcmp(a->sortv, b->sortv);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

struct page {
	int n;
	struct key k[1200];
	int sort;
};

static int take_page(const struct task *t, void *ctx)
{
	struct page *p = ctx;
	assert_true(p->n < 1200);
	p->k[p->n].sortv = task_sort_value(t, p->sort);
	p->k[p->n++].id = t->id;
	return 0;
}

static void page_clear(struct page *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->k[i].sortv);
	p->n = 0;
}

static void ids_of(const struct key *k, int n, char *buf, size_t len)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%lld", i ? " " : "", (long long)k[i].id);
}

/* One bucket paged `step` rows at a time, forwards then backwards. */
static void check_bucket(struct store *st, const struct task_filter *flt, r57_day today,
                         enum group_by by, int64_t bucket, const char *month,
                         const struct key *want, int nwant, const char *what)
{
	static char got_ids[16000], want_ids[16000];
	ids_of(want, nwant, want_ids, sizeof want_ids);
	struct r57_err err = { 0 };
	for (int backward = 0; backward < 2; backward++) {
		struct page all = { .sort = flt->sort };
		char *after = NULL;
		int64_t after_id = 0;
		const int step = 11;
		for (;;) {
			struct page p = { .sort = flt->sort };
			if (store_task_page(st, flt, today, by, bucket, month, after, after_id,
			                    backward, step, take_page, &p, &err))
				fail_msg("%s: %s", what, err.msg);
			free(after);
			after = NULL;
			for (int i = 0; i < p.n; i++)
				all.k[all.n++] = p.k[i];
			if (p.n < step)
				break;
			after = strdup(p.k[p.n - 1].sortv);
			after_id = p.k[p.n - 1].id;
		}
		if (backward)
			for (int i = 0; i < all.n / 2; i++) {
				struct key tmp = all.k[i];
				all.k[i] = all.k[all.n - 1 - i];
				all.k[all.n - 1 - i] = tmp;
			}
		ids_of(all.k, all.n, got_ids, sizeof got_ids);
		if (strcmp(got_ids, want_ids) != 0)
			fail_msg("%s, bucket %lld '%s', %s:\n got  %s\n want %s", what, (long long)bucket,
			         month ? month : "", backward ? "backward" : "forward", got_ids, want_ids);
		page_clear(&all);
	}
}

/* Every grouping and bucket of one filter, its list and its count. */
static void check_filter(struct store *st, const struct all *a, const struct task_filter *flt,
                         r57_day today, const char *what)
{
	static struct key want[1200];
	static bool match[1200];
	struct r57_err err = { 0 };
	for (int i = 0; i < a->n; i++)
		match[i] = matches(flt, a, i, today);
	for (int by = BY_GROUP; by <= BY_MONTH; by++) {
		/* the buckets the tasks fall in, and one with none of them */
		int64_t seen_b[64];
		char seen_m[64][8];
		int nb = 0;
		for (int i = 0; i <= a->n && nb < 63; i++) {
			char m[8];
			int64_t b = i < a->n ? bucket_of(&a->t[i], (enum group_by)by, m) : 999;
			if (i == a->n)
				snprintf(m, sizeof m, "2031-01");
			bool dup = false;
			for (int j = 0; j < nb && !dup; j++)
				dup = seen_b[j] == b && strcmp(seen_m[j], m) == 0;
			if (!dup) {
				seen_b[nb] = b;
				snprintf(seen_m[nb++], 8, "%s", m);
			}
		}
		for (int j = 0; j < nb; j++) {
			int n = 0;
			for (int i = 0; i < a->n; i++) {
				char m[8];
				if (!match[i] || bucket_of(&a->t[i], (enum group_by)by, m) != seen_b[j] ||
				    strcmp(m, seen_m[j]))
					continue;
				want[n].sortv = task_sort_value(&a->t[i], flt->sort);
				want[n++].id = a->t[i].id;
			}
			qsort(want, (size_t)n, sizeof *want, key_cmp);
			check_bucket(st, flt, today, (enum group_by)by, seen_b[j], seen_m[j], want, n, what);
			for (int i = 0; i < n; i++)
				free(want[i].sortv);
		}
	}
	/* the whole list and its count */
	int n = 0;
	for (int i = 0; i < a->n; i++)
		if (match[i]) {
			want[n].sortv = task_sort_value(&a->t[i], flt->sort);
			want[n++].id = a->t[i].id;
		}
	qsort(want, (size_t)n, sizeof *want, key_cmp);
	struct page p = { .sort = flt->sort };
	if (store_task_list(st, flt, today, 0, take_page, &p, &err))
		fail_msg("%s: %s", what, err.msg);
	static char got_ids[16000], want_ids[16000];
	ids_of(want, n, want_ids, sizeof want_ids);
	ids_of(p.k, p.n, got_ids, sizeof got_ids);
	if (strcmp(got_ids, want_ids) != 0)
		fail_msg("%s, list:\n got  %s\n want %s", what, got_ids, want_ids);
	page_clear(&p);
	for (int i = 0; i < n; i++)
		free(want[i].sortv);
	int64_t count = -1;
	if (store_task_count(st, flt, today, &count, &err))
		fail_msg("%s: %s", what, err.msg);
	assert_int_equal(count, n);
}

/* Filters as typed, each tried with every sort. */
static const char *const filters[][4] = {
	{ "co so" }, { "nang" }, { "nâng" }, { "năng cấp" }, { "d" }, { "dat da" },
	{ "hiem" }, { "hiếm", "status:open" }, { "chung" }, { "chung", "status:all" },
	{ "chung", "status:done" }, { "chung", "status:overdue" }, { "chung", "status:within" },
	{ "chung", "status:cancelled" }, { "chung", "group:2" }, { "hiem", "leader:Người B" },
	{ "chung", "unit:Đơn vị 3" }, { "chung", "source:97-CTr/TU" }, { "chung", "year:2026" },
	{ "chung", "due.before:15/05/2025" }, { "chung", "due.after:15/05/2025" },
	{ "97-ctr" }, { "ubnd phuong 2" }, { "zzz" }, { "xay dung nen" }, { "--" },
	{ "chung", "hiem", "due.after:01/03/2025", "due.before:01/10/2025" },
};

static void check_all_filters(struct fx *f, struct store *st, const char *when)
{
	struct all *a = calloc(1, sizeof *a);
	read_all(st, a, f->r.today);
	assert_true(a->n > 0);
	/* Under valgrind (tests/run valgrind, 50 times slower) each filter is
	 * tried with one sort, turn about, so that every sort is still seen. */
	bool one_sort = getenv("R57_UNDER_VALGRIND") != NULL;
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++)
		for (int sort = SORT_DUE; sort <= SORT_TITLE; sort++) {
			if (one_sort && (size_t)sort != i % (SORT_TITLE + 1))
				continue;
			struct task_filter flt;
			filter_init(&flt);
			flt.sort = (enum filter_sort)sort;
			char what[200];
			int at = snprintf(what, sizeof what, "%s, sort %d:", when, sort);
			for (int j = 0; j < 4 && filters[i][j]; j++) {
				at += snprintf(what + at, sizeof what - (size_t)at, " %s", filters[i][j]);
				FX_OK(f, filter_add_word(&flt, filters[i][j], f->r.today, &f->err));
			}
			FX_OK(f, filter_resolve(&flt, st, &f->err));
			check_filter(st, a, &flt, f->r.today, what);
			filter_clear(&flt);
		}
	all_clear(a);
	free(a);
}

static bool index_fresh(struct fx *f)
{
	return fx_sql_int(f->path, "SELECT writes = seen FROM search_state") == 1;
}

/* The copy of each task's fields in task_search is the task's. */
static void check_copy(struct fx *f)
{
	assert_int_equal(fx_sql_int(f->path,
		"SELECT count(*) FROM task t LEFT JOIN task_search x ON x.id = t.id"
		" WHERE x.id IS NULL OR x.group_id IS NOT t.group_id OR x.leader_id IS NOT t.leader_id"
		" OR x.unit_id IS NOT t.unit_id OR x.source_id IS NOT t.source_id OR x.year IS NOT t.year"
		" OR x.status IS NOT t.status OR x.due_key IS NOT coalesce(t.due, '9999-12-31')"), 0);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM task_search"),
	                 fx_sql_int(f->path, "SELECT count(*) FROM task"));
	/* the full-text index against its content */
	fx_sql_exec(f->path, "INSERT INTO task_search_fts(task_search_fts, rank) VALUES ('integrity-check', 1)");
}

/* --- the tests ------------------------------------------------------------------------ */

/* A few hundred tasks: every word is rare to the full-text index. */
static void test_search_rare(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 200);
	assert_true(index_fresh(f));
	check_copy(f);
	check_all_filters(f, f->st, "rare");
}

/* Nine hundred: "chung" and the short words are common (the page
 * indexes are walked), "hiem" still rare. */
static void test_search_common(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 900);
	assert_true(index_fresh(f));
	check_all_filters(f, f->st, "common");
}

/* Out of date and read without write access: each row folded on the
 * way, the same tasks; with write access, built again. */
static void test_search_stale(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 300);
	/* another program (the sqlite3 shell) writes tasks: none of r57's
	 * functions, the schema's triggers count it */
	fx_sql_exec(f->path, "UPDATE task SET status = 'done', due = NULL WHERE id % 7 = 0;"
	                     " UPDATE task SET title = 'Hiếm có', group_id = 3 WHERE id % 11 = 0;"
	                     " DELETE FROM task WHERE id % 13 = 0 AND id NOT IN (SELECT task_id FROM task_unit)");
	assert_false(index_fresh(f));
	struct store *ro = NULL;
	struct store_open_opts o = { .read_only = true, .actor = "an", .now = f->r.now, .today = f->r.today };
	FX_OK(f, store_open(f->path, &o, &ro, &f->err));
	check_all_filters(f, ro, "read-only, out of date");
	store_close(ro);
	assert_false(index_fresh(f));
	check_all_filters(f, f->st, "built again");
	assert_true(index_fresh(f));
	check_copy(f);
}

/* Every r57 writer keeps it: add, edit, set a deadline, close, cancel,
 * delete, undo, redo, import. */
static void test_search_writers(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 120);
	int64_t id = fx_add(f, "Kiểm thử phần mềm dùng chung", "2", NULL, NULL, fx_day(2025, 8, 1));
	struct task_fields tf = TASK_FIELDS_INIT;
	tf.title = "Kiểm thử hệ thống hiếm";
	tf.group = "3";
	tf.year = 2026;
	FX_OK(f, task_edit(&f->r, &id, 1, &tf, &f->err));
	fx_due(f, id, fx_day(2025, 9, 1));
	int64_t more[3];
	for (int i = 0; i < 3; i++)
		more[i] = fx_add(f, "Chung hiếm", NULL, NULL, NULL, fx_day(2025, 7, 1 + i));
	FX_OK(f, task_close(&f->r, more, 1, R57_NO_DATE, NULL, &f->err));
	FX_OK(f, task_cancel(&f->r, more + 1, 1, NULL, &f->err));
	FX_OK(f, task_delete(&f->r, more + 2, 1, &f->err));
	assert_true(index_fresh(f));
	check_copy(f);
	struct entry done;
	for (int i = 0; i < 3; i++) {
		FX_OK(f, journal_undo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
		entry_clear(&done);
		fx_tick(f);
	}
	check_copy(f);
	FX_OK(f, journal_redo(f->st, f->r.actor, f->r.now, f->r.today, &done, &f->err));
	entry_clear(&done);
	assert_true(index_fresh(f));
	check_copy(f);

	char csv[400];
	snprintf(csv, sizeof csv, "%s/in.csv", f->dir);
	FILE *fp = fopen(csv, "w");
	assert_non_null(fp);
	fputs("Nhiệm vụ,Nhóm nhiệm vụ,Thời hạn,Trạng thái\n"
	      "Số hóa hồ sơ hiếm,Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu,31/07/2025,Đang triển khai\n"
	      "Đào tạo kỹ năng chung,\"Nâng cao năng lực số cho cán bộ, công chức, viên chức\",,Đang triển khai\n", fp);
	fclose(fp);
	struct import_opts io = { .path = csv };
	struct import_result res;
	FX_OK(f, import_file(&f->r, &io, &res, &f->err));
	assert_int_equal(res.added, 2);
	/* Import sets the connection's temp_store, which drops its TEMP
	 * triggers (SQLite's rule): the index is left out of date, and the
	 * next search builds it again. Either way, search finds the same. */
	check_all_filters(f, f->st, "after import");
	assert_true(index_fresh(f));
	check_copy(f);
}

/* A file of version 3 as r57 made it before task_search copied the
 * list's fields (never released): read-only, searched by folding each
 * row; with write access, its search objects made again and built. */
static void test_search_early_v3(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 100);
	fx_close(f);
	fx_downgrade_v3(f->path);
	fx_sql_exec(f->path,
		"DROP TRIGGER task_search_count_ins; DROP TRIGGER task_search_count_upd;"
		" DROP TRIGGER task_search_count_del; DROP TABLE task_search_fts; DROP TABLE task_search;"
		/* the statements as that schema.sql wrote them, word for word:
		 * r57 opens only a file of its own statements */
		" CREATE TABLE task_search (\n"
		"    id         INTEGER PRIMARY KEY,\n"
		"    body       TEXT NOT NULL,\n"
		"    title_key  TEXT NOT NULL\n"
		");"
		" CREATE INDEX task_search_title ON task_search(title_key);"
		" CREATE VIRTUAL TABLE task_search_fts USING fts5(body, content='task_search',\n"
		"    content_rowid='id', detail='none', columnsize=0, prefix='3');"
		" CREATE TRIGGER task_search_count_ins AFTER INSERT ON task BEGIN\n"
		"  UPDATE search_state SET writes = writes + 1;\n"
		"END;"
		" CREATE TRIGGER task_search_count_upd AFTER UPDATE OF title, notes ON task BEGIN\n"
		"  UPDATE search_state SET writes = writes + 1;\n"
		"END;"
		" CREATE TRIGGER task_search_count_del AFTER DELETE ON task BEGIN\n"
		"  UPDATE search_state SET writes = writes + 1;\n"
		"END;");
	struct store *ro = NULL;
	struct store_open_opts o = { .read_only = true, .actor = "an", .now = f->r.now, .today = f->r.today };
	FX_OK(f, store_open(f->path, &o, &ro, &f->err));
	check_all_filters(f, ro, "early version 3, read-only");
	store_close(ro);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM pragma_table_info('task_search')"
	                                     " WHERE name = 'due_key'"), 0);
	fx_open(f, false);
	assert_int_equal(fx_sql_int(f->path, "SELECT count(*) FROM pragma_table_info('task_search')"
	                                     " WHERE name = 'due_key'"), 1);
	check_all_filters(f, f->st, "early version 3, made again");
	assert_true(index_fresh(f));
	check_copy(f);
}

/* The SQL of the store's page queries, as run. */
struct trace {
	char sql[8][2000];
	int n;
};

static int on_stmt(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)x;
	struct trace *tr = ctx;
	const char *sql = sqlite3_sql(p);
	if (sql && strstr(sql, "ORDER BY") && strstr(sql, "task_search x") && tr->n < 8)
		snprintf(tr->sql[tr->n++], sizeof tr->sql[0], "%s", sql);
	return 0;
}

/* The page query of a filter with common words walks task_search's page
 * index of the bucket in order (no sort), reads the words of each row it
 * checks from task_search by its id (the index holds no copy of them),
 * and reads task by its id only for the rows it hands out. */
static void test_search_plan(void **state)
{
	struct fx *f = *state;
	make_tasks(f, 600);
	static const struct {
		enum group_by by;
		const char *month, *word, *index;
		bool backward;
	} q[] = {
		{ BY_GROUP, NULL, "chung", "task_search_group", false },
		{ BY_LEADER, NULL, "chung", "task_search_leader", true },
		{ BY_UNIT, NULL, "chung", "task_search_unit", false },
		{ BY_SOURCE, NULL, "chung", "task_search_source", true },
		{ BY_MONTH, "2025-03", "chung", "task_search_due", false },
		{ BY_MONTH, "", "chung", "task_search_due", false },
	};
	sqlite3 *db = f->st->db;
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		struct trace tr = { .n = 0 };
		struct task_filter flt;
		filter_init(&flt);
		FX_OK(f, filter_add_word(&flt, q[i].word, f->r.today, &f->err));
		sqlite3_trace_v2(db, SQLITE_TRACE_STMT, on_stmt, &tr);
		struct page p = { .sort = SORT_DUE };
		FX_OK(f, store_task_page(f->st, &flt, f->r.today, q[i].by, 1, q[i].month, NULL, 0,
		                         q[i].backward, 5, take_page, &p, &f->err));
		FX_OK(f, store_task_page(f->st, &flt, f->r.today, q[i].by, 1, q[i].month, p.k[0].sortv,
		                         p.k[0].id, q[i].backward, 5, take_page, &p, &f->err));
		sqlite3_trace_v2(db, 0, NULL, NULL);
		page_clear(&p);
		filter_clear(&flt);
		assert_int_equal(tr.n, 2);
		for (int j = 0; j < tr.n; j++) {
			char sql[2100], plan[1000] = "";
			snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", tr.sql[j]);
			sqlite3_stmt *s = NULL;
			assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
			while (sqlite3_step(s) == SQLITE_ROW) {
				size_t n = strlen(plan);
				snprintf(plan + n, sizeof plan - n, "%s\n", (const char *)sqlite3_column_text(s, 3));
			}
			sqlite3_finalize(s);
			char want[120];
			snprintf(want, sizeof want, "SEARCH x USING INDEX %s", q[i].index);
			fx_contains(plan, want);
			fx_contains(plan, "SEARCH t USING INTEGER PRIMARY KEY");
			if (strstr(plan, "TEMP B-TREE"))
				fail_msg("sorts: %s", plan);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_search_rare),
		FX_TEST(test_search_common),
		FX_TEST(test_search_stale),
		FX_TEST(test_search_writers),
		FX_TEST(test_search_plan),
		FX_TEST(test_search_early_v3),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
