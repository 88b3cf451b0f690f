/* test_roundtrip.c: the round trip as a property. Random tasks, made
 * through the actions as a user would (every field, long text up to each
 * limit, hostile text: controls, escape sequences, bidi overrides, RTL and
 * Devanagari from the seed reports, quotes, separators, line breaks, tabs,
 * a leading = + - @ after any number of quotes; up to R57_UNITS_MAX
 * coordinating units with ';' in their names; deadlines, extensions,
 * closing, cancelling, dates), are exported as CSV and as JSON; each file
 * is imported into a new database and exported again: the same bytes.
 *
 * Seeded: R57_RT_SEED picks the first seed (default fixed), R57_RT_ROUNDS
 * the number of rounds (default 4 in make check). A failure names the
 * seed of its round, so it can be run again alone. */
#include "fixture.h"

#include "r57/export.h"
#include "r57/import.h"
#include "r57/limits.h"
#include "r57/text.h"

/* --- a small seeded generator (xorshift64*) ------------------------------ */

static uint64_t rng;

static uint64_t next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

static int pick(int n) /* 0 .. n-1 */
{
	return (int)(next() % (uint64_t)n);
}

static bool chance(int percent)
{
	return pick(100) < percent;
}

/* Pieces of hostile and ordinary text. */
static const char *const pieces[] = {
	"Nâng cấp hệ thống", "Sở Nội vụ", "đ", "Ứng dụng AI", "dữ liệu", " ", "  ", "x",
	"\t", "\n", "\r\n", "\r", "\x1b[31m", "\x1b[0m", "\x1b]0;pwned\x07", "\x1b[2J",
	"\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\xc2\x85", "\xc2\x9b",
	"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\x8f", "\xd8\x9c", "\xe2\x80\xa8",
	"\xef\xbb\xbf", "\xc2\xa0", "e\xcc\x81", "\xf0\x9f\x98\x80",
	"\"", "\"\"", "'", ",", ";", ";;", "; ", "\\", "\\t", "\\u001b", "=", "+", "-", "@",
	"=SUM(A1)", "<script>", "null", "{\"r57_export\": 1}", "id,uuid,title",
};
static const char *const leads[] = { "=", "+", "-", "@", "'=", "''-", "'''@", "'", "''" };

static char *seed_lines[16];
static int n_seed_lines;

static void load_seeds(void)
{
	FILE *f = fopen("tests/cli/fixtures/seeds.txt", "r");
	char line[8192];
	while (f && n_seed_lines < 16 && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line)
			seed_lines[n_seed_lines++] = strdup(line);
	}
	if (f)
		fclose(f);
	if (!n_seed_lines)
		seed_lines[n_seed_lines++] = strdup("विज्ञान एवं प्रौद्योगिकी विकास");
}

struct buf {
	char *s;
	size_t len, cap;
};

static void put(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* The first max code points of s, in place. */
static void cut_chars(char *s, size_t max)
{
	size_t n = 0;
	for (char *p = s; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max) {
			*p = '\0';
			return;
		}
}

/* Random text as stored (NFC, trimmed, LF) of at most max characters and
 * at least one; with one_line, no line break. */
static char *gen_text(size_t max, bool one_line)
{
	size_t want = chance(15) ? max - (size_t)pick((int)(max / 10 + 1)) : 1 + (size_t)pick(40);
	struct buf b = { 0 };
	put(&b, chance(25) ? leads[pick(sizeof leads / sizeof *leads)] : "");
	while (limit_chars(b.s) < want) {
		int k = pick(20);
		if (k == 0) {
			const char *l = seed_lines[pick(n_seed_lines)];
			char *part = strdup(l);
			cut_chars(part, 1 + (size_t)pick(80));
			put(&b, part);
			free(part);
		} else {
			put(&b, pieces[pick(sizeof pieces / sizeof *pieces)]);
		}
	}
	put(&b, "a"); /* never only white space */
	if (one_line)
		for (char *p = b.s; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
	char *t = NULL;
	for (;;) {
		free(t);
		t = text_normalize(b.s);
		assert_non_null(t);
		if (limit_chars(t) <= max && *t)
			break;
		cut_chars(b.s, limit_chars(b.s) - 1);
		if (!*b.s)
			put(&b, "a");
	}
	free(b.s);
	return t;
}

/* A name: random text and a tag no two names share (any case). */
static char *gen_name(int tag)
{
	char *base = gen_text(chance(10) ? R57_NAME_MAX - 16 : 40, true);
	char *name = malloc(strlen(base) + 32);
	assert_non_null(name);
	sprintf(name, "%s ⟨%d⟩", base, tag);
	free(base);
	char *t = text_normalize(name);
	free(name);
	return t;
}

static r57_day gen_day(int y0, int y1)
{
	return fx_day(y0 + pick(y1 - y0 + 1), 1 + pick(12), 1 + pick(28));
}

/* --- one round --------------------------------------------------------- */

struct world {
	int n_groups, n_leaders, n_units, n_sources;
	char gref[64][24], lref[64][24], uref[160][24], sref[64][24];
};

static void make_refs(struct fx *f, struct world *w, int *tag)
{
	w->n_groups = 1 + pick(5);
	w->n_leaders = 1 + pick(6);
	w->n_units = 3 + pick(8);
	if (chance(40))
		w->n_units = R57_UNITS_MAX + 2;
	w->n_sources = pick(4);
	for (int i = 0; i < w->n_groups; i++) {
		char *n = gen_name((*tag)++);
		int64_t id;
		FX_OK(f, ref_add(&f->r, REF_GROUP, n, NULL, NULL, NULL, &id, &f->err));
		struct ref r = { 0 };
		FX_OK(f, store_ref_get(f->st, REF_GROUP, id, &r, &f->err));
		snprintf(w->gref[i], sizeof w->gref[i], "%d", r.position);
		ref_clear(&r);
		free(n);
	}
	for (int i = 0; i < w->n_leaders; i++) {
		char *n = gen_name((*tag)++);
		int64_t id;
		FX_OK(f, ref_add(&f->r, REF_LEADER, n, "Phó Chủ tịch", NULL, NULL, &id, &f->err));
		snprintf(w->lref[i], sizeof w->lref[i], "%lld", (long long)id);
		free(n);
	}
	for (int i = 0; i < w->n_units; i++) {
		char *n = gen_name((*tag)++);
		int64_t id;
		FX_OK(f, ref_add(&f->r, REF_UNIT, n, NULL, NULL, NULL, &id, &f->err));
		snprintf(w->uref[i], sizeof w->uref[i], "%lld", (long long)id);
		free(n);
	}
	for (int i = 0; i < w->n_sources; i++) {
		char *n = gen_name((*tag)++);
		int64_t id;
		FX_OK(f, ref_add(&f->r, REF_SOURCE, n, "Kế hoạch", NULL, NULL, &id, &f->err));
		snprintf(w->sref[i], sizeof w->sref[i], "%lld", (long long)id);
		free(n);
	}
}

static void set_today(struct fx *f, r57_day d)
{
	f->r.today = d;
	fx_tick(f);
}

static void make_task(struct fx *f, const struct world *w, int i)
{
	struct task_fields tf = TASK_FIELDS_INIT;
	char *title = gen_text(R57_TITLE_MAX, false);
	char *notes = chance(60) ? gen_text(R57_TEXT_MAX, false) : NULL;
	char *product = chance(60) ? gen_text(R57_TEXT_MAX, false) : NULL;
	tf.title = title;
	tf.notes = notes;
	tf.product = product;
	/* The first tasks use the groups in the order they were made (a CSV
	 * has no list of groups: import makes them in the order rows name
	 * them); later ones any group, a default one or none. */
	if (i < w->n_groups)
		tf.group = w->gref[i];
	else if (chance(70))
		tf.group = chance(20) ? "2" : w->gref[pick(w->n_groups)];
	if (chance(80))
		tf.leader = w->lref[pick(w->n_leaders)];
	if (chance(80))
		tf.unit = w->uref[pick(w->n_units)];
	if (w->n_sources && chance(60))
		tf.source = w->sref[pick(w->n_sources)];
	int n = w->n_units > R57_UNITS_MAX && chance(30) ? R57_UNITS_MAX : pick(4);
	int start = pick(w->n_units);
	for (int k = 0; k < n; k++)
		tf.with[k] = w->uref[(start + k) % w->n_units];
	tf.n_with = n;
	if (chance(70))
		tf.due = gen_day(2024, 2027);
	if (chance(30))
		tf.year = 1900 + pick(8100);
	set_today(f, gen_day(2020, 2025));
	int64_t id;
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err));
	free(title);
	free(notes);
	free(product);

	for (int e = pick(4); e > 0; e--) { /* extensions */
		set_today(f, f->r.today + pick(30));
		FX_OK(f, task_set_due(&f->r, &id, 1, gen_day(2024, 2028), &f->err));
	}
	if (chance(30)) { /* an edit */
		struct task_fields ed = TASK_FIELDS_INIT;
		char *res = gen_text(R57_TEXT_MAX, false);
		ed.result = res;
		if (i >= w->n_groups && chance(50))
			ed.group = w->gref[pick(w->n_groups)];
		if (chance(30))
			ed.due = gen_day(2024, 2028);
		set_today(f, f->r.today + pick(30));
		FX_OK(f, task_edit(&f->r, &id, 1, &ed, &f->err));
		free(res);
	}
	int end = pick(4);
	set_today(f, f->r.today + pick(60));
	if (end == 1) {
		char *res = chance(70) ? gen_text(R57_TEXT_MAX, false) : NULL;
		FX_OK(f, task_close(&f->r, &id, 1, f->r.today - pick(20), res, &f->err));
		free(res);
	} else if (end == 2) {
		char *why = chance(70) ? gen_text(R57_TEXT_MAX, false) : NULL;
		FX_OK(f, task_cancel(&f->r, &id, 1, why, &f->err));
		free(why);
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	put(&b, "");
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + n + 1 > b.cap) {
			b.cap = (b.len + n + 1) * 2;
			b.s = realloc(b.s, b.cap);
			assert_non_null(b.s);
		}
		memcpy(b.s + b.len, chunk, n);
		b.len += n;
	}
	fclose(fp);
	*len = b.len;
	return b.s;
}

static void export_to(struct fx *f, struct store *st, enum export_format fmt, const char *path)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	struct export_opts o = { .format = fmt };
	int64_t n;
	FX_OK(f, export_tasks(st, fp, &o, &n, &f->err));
	assert_int_equal(fclose(fp), 0);
}

/* Import path into a new database at db, export it as fmt to out. */
static void import_export(struct fx *f, const char *path, const char *db, enum export_format fmt,
                          const char *out)
{
	struct r57 r = f->r;
	struct store_open_opts oo = { .create = true, .actor = "r57-test", .now = r.now };
	r.today = oo.today = fx_day(2030, 1, 1);
	snprintf(r.now, sizeof r.now, "2030-01-01T09:00:00+07:00");
	oo.now = r.now;
	FX_OK(f, store_open(db, &oo, &r.st, &f->err));
	struct import_opts io = { .path = path };
	struct import_result res;
	FX_OK(f, import_file(&r, &io, &res, &f->err));
	export_to(f, r.st, fmt, out);
	store_close(r.st);
}

static void same_bytes(const char *a, const char *b, uint64_t seed)
{
	size_t na, nb;
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	size_t i = 0;
	while (i < na && i < nb && x[i] == y[i])
		i++;
	if (i != na || na != nb) {
		size_t from = i > 60 ? i - 60 : 0;
		fail_msg("R57_RT_SEED=%llu: %s and %s differ at byte %zu (of %zu, %zu): ...%.*s... / ...%.*s...",
		         (unsigned long long)seed, a, b, i, na, nb, (int)(i + 60 < na ? i + 60 - from : na - from),
		         x + from, (int)(i + 60 < nb ? i + 60 - from : nb - from), y + from);
	}
	free(x);
	free(y);
}

static void round_trip(void **state, uint64_t seed)
{
	struct fx *f = *state;
	rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	struct world w;
	int tag = 1;
	make_refs(f, &w, &tag);
	int n = 6 + pick(10);
	for (int i = 0; i < n; i++)
		make_task(f, &w, i);

	char p[8][400];
	const char *names[8] = { "a.csv", "a.json", "b.db", "b.csv", "c.db", "c.json", "d.db", "d.csv" };
	for (int i = 0; i < 8; i++)
		snprintf(p[i], sizeof p[i], "%s/%s", f->dir, names[i]);
	export_to(f, f->st, EXPORT_CSV, p[0]);
	export_to(f, f->st, EXPORT_JSON, p[1]);
	import_export(f, p[0], p[2], EXPORT_CSV, p[3]);
	same_bytes(p[0], p[3], seed);
	import_export(f, p[1], p[4], EXPORT_JSON, p[5]);
	same_bytes(p[1], p[5], seed);
	/* The JSON brings back everything the CSV holds, too. */
	import_export(f, p[1], p[6], EXPORT_CSV, p[7]);
	same_bytes(p[0], p[7], seed);
}

static uint64_t first_seed(void)
{
	const char *s = getenv("R57_RT_SEED");
	return s && *s ? strtoull(s, NULL, 10) : 20251202;
}

static int rounds(void)
{
	const char *s = getenv("R57_RT_ROUNDS");
	return s && *s ? atoi(s) : 4;
}

static void test_round_trip(void **state)
{
	uint64_t seed = first_seed();
	int n = rounds();
	for (int i = 0; i < n; i++) {
		if (i) { /* a new database for each round */
			fx_teardown(state);
			assert_int_equal(fx_setup(state), 0);
		}
		round_trip(state, seed + (uint64_t)i);
	}
}

/* The limits hold for every writer: the action refuses what import
 * would refuse, naming the field and the limit, and changes nothing. */
static void test_limits_refused(void **state)
{
	struct fx *f = *state;
	char *big = malloc(R57_TEXT_MAX + 2);
	assert_non_null(big);
	memset(big, 'y', R57_TEXT_MAX + 1);
	big[R57_TEXT_MAX + 1] = '\0';
	struct task_fields tf = TASK_FIELDS_INIT;
	int64_t id;
	tf.title = "ok";
	tf.notes = big;
	FX_FAILS(f, R57_EINPUT, task_add(&f->r, &tf, &id, &f->err));
	fx_contains(f->err.msg, "20000");
	big[R57_TITLE_MAX + 1] = '\0';
	tf.notes = NULL;
	tf.title = big;
	FX_FAILS(f, R57_EINPUT, task_add(&f->r, &tf, &id, &f->err));
	fx_contains(f->err.msg, "1000");
	big[R57_TITLE_MAX] = '\0';
	FX_OK(f, task_add(&f->r, &tf, &id, &f->err)); /* exactly the limit is fine */
	free(big);

	char names[R57_UNITS_MAX + 1][16];
	struct task_fields as = TASK_FIELDS_INIT;
	for (int i = 0; i <= R57_UNITS_MAX; i++) {
		snprintf(names[i], sizeof names[i], "Đơn vị %d", i);
		as.with[i] = names[i];
	}
	as.n_with = R57_UNITS_MAX + 1;
	as.create_new = true;
	FX_FAILS(f, R57_EINPUT, task_assign(&f->r, &id, 1, &as, &f->err));
	fx_contains(f->err.msg, "100");
	as.n_with = R57_UNITS_MAX;
	FX_OK(f, task_assign(&f->r, &id, 1, &as, &f->err));
	/* One more, given alone, is refused as well. */
	as.with[0] = names[R57_UNITS_MAX];
	as.n_with = 1;
	FX_FAILS(f, R57_EINPUT, task_assign(&f->r, &id, 1, &as, &f->err));
	int64_t *ids;
	int n;
	FX_OK(f, store_task_units(f->st, id, &ids, &n, &f->err));
	assert_int_equal(n, R57_UNITS_MAX);
	free(ids);
	FX_FAILS(f, R57_EINPUT, ref_add(&f->r, REF_UNIT, "Một\nHai", NULL, NULL, NULL, &id, &f->err));
}

int main(void)
{
	load_seeds();
	const struct CMUnitTest tests[] = {
		FX_TEST(test_round_trip),
		FX_TEST(test_limits_refused),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	for (int i = 0; i < n_seed_lines; i++)
		free(seed_lines[i]);
	return rc;
}
