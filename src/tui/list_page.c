/* list_page.c: the task list's rows. Only the rows on screen are read: the
 * list keeps the key of its first row and reads forward or backward from a
 * key (keyset paging), so a keystroke costs the same at 100 tasks and at
 * 100,000. Here too the headings (buckets) with their figures, the cursor's
 * moves, and the folds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "tui_int.h"
#include "list.h"

/* --- tasks and keys ------------------------------------------------------------- */

static void task_copy(struct task *to, const struct task *from)
{
	*to = *from;
	to->title = r57_strdup_or_null(from->title);
	to->notes = r57_strdup_or_null(from->notes);
	to->product = r57_strdup_or_null(from->product);
	to->result = r57_strdup_or_null(from->result);
	to->group_name = r57_strdup_or_null(from->group_name);
	to->leader_name = r57_strdup_or_null(from->leader_name);
	to->unit_name = r57_strdup_or_null(from->unit_name);
	to->source_code = r57_strdup_or_null(from->source_code);
	to->units = r57_strdup_or_null(from->units);
	to->unit_list = NULL;
	to->n_units = 0;
	for (int i = 0; i < from->n_units; i++) {
		to->unit_list = r57_xrealloc(to->unit_list, (size_t)(i + 1) * sizeof *to->unit_list);
		to->unit_list[to->n_units++] = r57_xstrdup(from->unit_list[i]);
	}
	to->updated = r57_strdup_or_null(from->updated);
}

static void key_clear(struct list_key *k)
{
	free(k->sortv);
	memset(k, 0, sizeof *k);
}

static void key_copy(struct list_key *to, const struct list_key *from)
{
	*to = *from;
	to->sortv = r57_strdup_or_null(from->sortv);
}

static void line_clear(struct line *l)
{
	key_clear(&l->key);
	if (!l->key.header)
		task_clear(&l->t);
}

/* A growing run of lines. */
struct lines {
	struct line *v;
	int n, cap;
};

static struct line *lines_push(struct lines *ls)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->v = r57_xrealloc(ls->v, (size_t)ls->cap * sizeof *ls->v);
	}
	struct line *l = &ls->v[ls->n++];
	memset(l, 0, sizeof *l);
	return l;
}

static void lines_free(struct lines *ls)
{
	for (int i = 0; i < ls->n; i++)
		line_clear(&ls->v[i]);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

/* --- reading pages ----------------------------------------------------------------- */

struct take {
	struct lines *out;
	int bucket;
	int sort;
};

static int take_task(const struct task *t, void *ctx)
{
	struct take *tk = ctx;
	struct line *l = lines_push(tk->out);
	l->key.bucket = tk->bucket;
	l->key.header = false;
	l->key.sortv = task_sort_value(t, tk->sort);
	l->key.id = t->id;
	task_copy(&l->t, t);
	return 0;
}

static int read_bucket(struct app *a, int b, const char *after_sort, int64_t after_id,
                       bool backward, int limit, struct lines *out)
{
	struct r57_err err = { 0 };
	struct list_state *ls = &a->list;
	struct take tk = { out, b, ls->filter.sort };
	if (a->read_failed)
		return R57_EDB; /* said once already in this pass */
	int rc = store_task_page(a->r->st, &ls->filter, a->r->today, ls->by, ls->buckets[b].id,
	                         ls->buckets[b].month, after_sort, after_id, backward, limit,
	                         take_task, &tk, &err);
	if (rc)
		app_read_error(a, &err);
	return rc;
}

static void push_header(struct lines *out, int b)
{
	struct line *l = lines_push(out);
	l->key.bucket = b;
	l->key.header = true;
}

/* Up to count lines from key on (inclusive, or after it). */
static void read_forward(struct app *a, const struct list_key *key, bool inclusive, int count,
                         struct lines *out)
{
	struct list_state *ls = &a->list;
	int b = key->bucket;
	if (b < 0 || b >= ls->nb)
		return;
	bool header_first = key->header && inclusive;
	bool tasks_from_start = key->header;
	for (; b < ls->nb && out->n < count; b++) {
		if (header_first)
			push_header(out, b);
		if (out->n < count && !ls->buckets[b].folded) {
			if (tasks_from_start)
				read_bucket(a, b, NULL, 0, false, count - out->n, out);
			else if (inclusive)
				read_bucket(a, b, key->sortv, key->id - 1, false, count - out->n, out);
			else
				read_bucket(a, b, key->sortv, key->id, false, count - out->n, out);
		}
		header_first = true;
		tasks_from_start = true;
	}
}

/* Up to count lines before key, nearest first. */
static void read_backward(struct app *a, const struct list_key *key, int count, struct lines *out)
{
	struct list_state *ls = &a->list;
	int b = key->bucket;
	if (b < 0 || b >= ls->nb)
		return;
	if (!key->header) {
		if (!ls->buckets[b].folded)
			read_bucket(a, b, key->sortv, key->id, true, count, out);
		if (out->n < count)
			push_header(out, b);
	}
	for (b--; b >= 0 && out->n < count; b--) {
		if (!ls->buckets[b].folded)
			read_bucket(a, b, NULL, 0, true, count - out->n, out);
		if (out->n < count)
			push_header(out, b);
	}
}

static void set_window(struct app *a, struct lines *ls_new)
{
	struct list_state *ls = &a->list;
	for (int i = 0; i < ls->nlines; i++)
		line_clear(&ls->lines[i]);
	free(ls->lines);
	ls->lines = ls_new->v;
	ls->nlines = ls_new->n;
	memset(ls_new, 0, sizeof *ls_new);
	key_clear(&ls->top);
	if (ls->nlines)
		key_copy(&ls->top, &ls->lines[0].key);
	else
		ls->top.header = true;
}

/* Fill the screen from the top key; if the end leaves room, start earlier
 * so the screen stays full. */
static void fill_from_top(struct app *a)
{
	struct list_state *ls = &a->list;
	int h = ls->height > 0 ? ls->height : 20;
	struct lines got = { 0 };
	read_forward(a, &ls->top, true, h, &got);
	if (got.n < h && got.n > 0) {
		struct lines before = { 0 };
		read_backward(a, &got.v[0].key, h - got.n, &before);
		if (before.n) {
			struct lines all = { 0 };
			for (int i = before.n - 1; i >= 0; i--)
				*lines_push(&all) = before.v[i];
			for (int i = 0; i < got.n; i++)
				*lines_push(&all) = got.v[i];
			free(before.v);
			free(got.v);
			got = all;
		} else {
			free(before.v);
		}
	}
	if (got.n == 0 && ls->nb > 0 && !(ls->top.bucket == 0 && ls->top.header)) {
		/* The top row went away (a filter, a fold): from the start. */
		key_clear(&ls->top);
		ls->top.header = true;
		read_forward(a, &ls->top, true, h, &got);
	}
	if (a->read_failed && ls->nlines) {
		/* A locked database: keep the rows read before, while the
		 * headings they point to are still there. */
		bool keep = true;
		for (int i = 0; i < ls->nlines; i++)
			if (ls->lines[i].key.bucket >= ls->nb)
				keep = false;
		if (keep) {
			lines_free(&got);
			return;
		}
	}
	set_window(a, &got);
}

static void place_cursor(struct app *a)
{
	struct list_state *ls = &a->list;
	if (ls->cur_id) {
		for (int i = 0; i < ls->nlines; i++)
			if (!ls->lines[i].key.header && ls->lines[i].key.id == ls->cur_id) {
				ls->cur = i;
				return;
			}
	}
	if (ls->cur >= ls->nlines)
		ls->cur = ls->nlines - 1;
	if (ls->cur < 0)
		ls->cur = 0;
}

static void remember_cursor(struct app *a)
{
	struct list_state *ls = &a->list;
	if (ls->cur >= 0 && ls->cur < ls->nlines && !ls->lines[ls->cur].key.header)
		ls->cur_id = ls->lines[ls->cur].key.id;
	else
		ls->cur_id = 0;
}

/* --- buckets and their figures ------------------------------------------------------ */

struct bucket_fill {
	struct list_state *ls;
	bool add_missing; /* buckets met in the figures but not listed */
};

static struct bucket *bucket_push(struct list_state *ls)
{
	ls->buckets = r57_xrealloc(ls->buckets, (size_t)(ls->nb + 1) * sizeof *ls->buckets);
	struct bucket *b = &ls->buckets[ls->nb++];
	memset(b, 0, sizeof *b);
	return b;
}

static int take_ref(const struct ref *r, void *ctx)
{
	struct list_state *ls = ctx;
	struct bucket *b = bucket_push(ls);
	b->id = r->id;
	b->number = r->position;
	b->name = r57_xstrdup(r->name);
	return 0;
}

static int take_fig(int64_t id, const char *month, const struct figures *f, void *ctx)
{
	struct bucket_fill *bf = ctx;
	struct list_state *ls = bf->ls;
	for (int i = 0; i < ls->nb; i++)
		if (ls->buckets[i].id == id && strcmp(ls->buckets[i].month, month) == 0) {
			ls->buckets[i].fig = *f;
			return 0;
		}
	struct bucket *b = bucket_push(ls);
	b->id = id;
	snprintf(b->month, sizeof b->month, "%s", month);
	b->fig = *f;
	return 0;
}

static int by_month(const void *x, const void *y)
{
	const struct bucket *a = x, *b = y;
	if (!a->month[0] || !b->month[0])
		return !a->month[0] - !b->month[0];
	return strcmp(a->month, b->month);
}

static const enum ref_kind by_kind[] = {
	[BY_GROUP] = REF_GROUP, [BY_LEADER] = REF_LEADER, [BY_UNIT] = REF_UNIT, [BY_SOURCE] = REF_SOURCE,
};

static void load_buckets(struct app *a)
{
	struct list_state *ls = &a->list;
	struct r57_err err = { 0 };
	/* Keep folds across reloads. */
	struct bucket *old = ls->buckets;
	int nold = ls->nb;
	ls->buckets = NULL;
	ls->nb = 0;
	struct selection sel = { .group_id = ls->filter.group_id, .leader_id = ls->filter.leader_id,
	                         .unit_id = ls->filter.unit_id, .source_id = ls->filter.source_id,
	                         .year = ls->filter.year, .filter = &ls->filter,
	                         .today = a->r->today };
	struct bucket_fill bf = { ls, true };
	/* The names alone: the figures count the tasks. */
	if ((ls->by != BY_MONTH && store_ref_names(a->r->st, by_kind[ls->by], take_ref, ls, &err)) ||
	    store_figures(a->r->st, &sel, ls->by, a->r->today, a->r->today, take_fig, &bf, &err)) {
		/* Keep the headings read before (a locked database, say). */
		app_read_error(a, &err);
		for (int i = 0; i < ls->nb; i++)
			free(ls->buckets[i].name);
		free(ls->buckets);
		ls->buckets = old;
		ls->nb = nold;
		return;
	}
	for (int i = 0; i < ls->nb; i++)
		ls->buckets[i].fig.rate_bp = report_rate_bp(ls->buckets[i].fig.completed, ls->buckets[i].fig.total);
	/* Key task groups all show; for people, units, sources and months only
	 * those with tasks, and "none" last. */
	if (ls->by != BY_GROUP) {
		int w = 0;
		for (int i = 0; i < ls->nb; i++) {
			if (ls->buckets[i].fig.total == 0 && !(ls->filter.status == FILTER_CANCELLED ||
			                                         ls->filter.status == FILTER_ALL)) {
				free(ls->buckets[i].name);
				continue;
			}
			ls->buckets[w++] = ls->buckets[i];
		}
		ls->nb = w;
	}
	if (ls->by == BY_MONTH && ls->nb > 1)
		qsort(ls->buckets, (size_t)ls->nb, sizeof *ls->buckets, by_month);
	for (int i = 0; i < ls->nb; i++) {
		struct bucket *b = &ls->buckets[i];
		if (b->id == 0 && ls->by != BY_MONTH && i != ls->nb - 1) {
			/* "none" goes last */
			struct bucket none = *b;
			memmove(b, b + 1, (size_t)(ls->nb - i - 1) * sizeof *b);
			ls->buckets[ls->nb - 1] = none;
			i--;
			continue;
		}
	}
	for (int i = 0; i < ls->nb; i++) {
		struct bucket *b = &ls->buckets[i];
		if (!b->name) {
			if (ls->by == BY_MONTH && b->month[0])
				b->name = r57_xstrdup(b->month);
			else
				b->name = r57_xstrdup(ls->by == BY_MONTH ? _("(no deadline)") : _("(none)"));
		}
		for (int j = 0; j < nold; j++)
			if (old[j].id == b->id && strcmp(old[j].month, b->month) == 0)
				b->folded = old[j].folded;
	}
	for (int j = 0; j < nold; j++)
		free(old[j].name);
	free(old);
}

/* Bring a task onto the screen (unfolding its bucket) and put the cursor
 * on it: a task just added, say, wherever its deadline sorts it. */
static void reach_task(struct app *a, int64_t id)
{
	struct list_state *ls = &a->list;
	ls->goto_id = 0;
	ls->cur_id = id;
	for (int i = 0; i < ls->nlines; i++)
		if (!ls->lines[i].key.header && ls->lines[i].key.id == id)
			return;
	struct task t;
	if (store_task_get(a->r->st, id, &t, NULL) != R57_OK)
		return;
	int b = -1;
	char month[8] = "";
	if (t.due != R57_NO_DATE) {
		char iso[11];
		snprintf(month, sizeof month, "%.7s", date_iso(t.due, iso));
	}
	int64_t want = ls->by == BY_GROUP ? t.group_id : ls->by == BY_LEADER ? t.leader_id
	             : ls->by == BY_UNIT ? t.unit_id : ls->by == BY_SOURCE ? t.source_id : 0;
	for (int i = 0; i < ls->nb && b < 0; i++)
		if (ls->by == BY_MONTH ? strcmp(ls->buckets[i].month, month) == 0 : ls->buckets[i].id == want)
			b = i;
	if (b >= 0) {
		ls->buckets[b].folded = false;
		key_clear(&ls->top);
		ls->top.bucket = b;
		ls->top.header = false;
		ls->top.sortv = task_sort_value(&t, ls->filter.sort);
		ls->top.id = id;
		fill_from_top(a);
	}
	task_clear(&t);
}

void list_reload(struct app *a)
{
	struct list_state *ls = &a->list;
	ls->pending = LIVE_DONE;
	remember_cursor(a);
	/* The top key names a bucket by index; find it again by id. */
	int64_t top_id = ls->top.bucket < ls->nb ? ls->buckets[ls->top.bucket].id : 0;
	char top_month[8] = "";
	if (ls->top.bucket < ls->nb)
		snprintf(top_month, sizeof top_month, "%s", ls->buckets[ls->top.bucket].month);
	load_buckets(a);
	int nb = 0;
	for (int i = 0; i < ls->nb; i++)
		if (ls->buckets[i].id == top_id && strcmp(ls->buckets[i].month, top_month) == 0)
			nb = i;
	ls->top.bucket = nb;
	fill_from_top(a);
	if (ls->goto_id)
		reach_task(a, ls->goto_id);
	place_cursor(a);
}

void list_reload_live(struct app *a)
{
	struct list_state *ls = &a->list;
	if (ls->by != BY_GROUP || ls->nb == 0) {
		ls->pending = LIVE_ALL;
		return;
	}
	/* Counting a filter's matches reads every task it names (tens of
	 * milliseconds at 100,000 tasks); finding the rows that fit the
	 * screen reads little more than those rows. */
	remember_cursor(a);
	fill_from_top(a);
	place_cursor(a);
	ls->pending = LIVE_FIGURES;
}

void list_reload_pending(struct app *a)
{
	if (a->list.pending != LIVE_DONE)
		list_reload(a);
}

const struct task *list_current_task(const struct app *a)
{
	const struct list_state *ls = &a->list;
	if (ls->cur < 0 || ls->cur >= ls->nlines || ls->lines[ls->cur].key.header)
		return NULL;
	return &ls->lines[ls->cur].t;
}

const struct bucket *list_current_bucket(const struct app *a)
{
	const struct list_state *ls = &a->list;
	if (ls->cur < 0 || ls->cur >= ls->nlines)
		return NULL;
	return &ls->buckets[ls->lines[ls->cur].key.bucket];
}

void list_free(struct app *a)
{
	struct list_state *ls = &a->list;
	for (int i = 0; i < ls->nlines; i++)
		line_clear(&ls->lines[i]);
	free(ls->lines);
	for (int i = 0; i < ls->nb; i++)
		free(ls->buckets[i].name);
	free(ls->buckets);
	key_clear(&ls->top);
	free(ls->marks);
	free(ls->filter_text);
	free(ls->filter_buf);
	filter_clear(&ls->filter);
	memset(ls, 0, sizeof *ls);
}

/* --- moving ---------------------------------------------------------------------- */

void list_move_down(struct app *a, int n)
{
	struct list_state *ls = &a->list;
	for (; n > 0; n--) {
		if (ls->cur < ls->nlines - 1) {
			ls->cur++;
			continue;
		}
		if (!ls->nlines)
			return;
		struct lines next = { 0 };
		read_forward(a, &ls->lines[ls->nlines - 1].key, false, 1, &next);
		if (!next.n) {
			lines_free(&next);
			return;
		}
		/* Scroll by one: drop the top row, append the one read. */
		line_clear(&ls->lines[0]);
		memmove(ls->lines, ls->lines + 1, (size_t)(ls->nlines - 1) * sizeof *ls->lines);
		ls->lines[ls->nlines - 1] = next.v[0];
		free(next.v);
		key_clear(&ls->top);
		key_copy(&ls->top, &ls->lines[0].key);
		ls->cur = ls->nlines - 1;
	}
}

void list_move_up(struct app *a, int n)
{
	struct list_state *ls = &a->list;
	for (; n > 0; n--) {
		if (ls->cur > 0) {
			ls->cur--;
			continue;
		}
		struct lines prev = { 0 };
		read_backward(a, &ls->top, 1, &prev);
		if (!prev.n) {
			lines_free(&prev);
			return;
		}
		/* Scroll by one: drop the bottom row when the screen is full,
		 * insert the one read at the top. */
		int h = ls->height > 0 ? ls->height : 20;
		if (ls->nlines >= h) {
			line_clear(&ls->lines[ls->nlines - 1]);
			ls->nlines--;
		}
		ls->lines = r57_xrealloc(ls->lines, (size_t)(ls->nlines + 1) * sizeof *ls->lines);
		memmove(ls->lines + 1, ls->lines, (size_t)ls->nlines * sizeof *ls->lines);
		ls->lines[0] = prev.v[0];
		ls->nlines++;
		free(prev.v);
		key_clear(&ls->top);
		key_copy(&ls->top, &ls->lines[0].key);
		ls->cur = 0;
	}
}

void list_page_down(struct app *a)
{
	struct list_state *ls = &a->list;
	if (!ls->nlines)
		return;
	struct lines next = { 0 };
	read_forward(a, &ls->lines[ls->nlines - 1].key, false, 1, &next);
	if (!next.n) {
		lines_free(&next);
		ls->cur = ls->nlines - 1;
		return;
	}
	key_clear(&ls->top);
	key_copy(&ls->top, &next.v[0].key);
	lines_free(&next);
	fill_from_top(a);
	ls->cur = 0;
}

void list_page_up(struct app *a)
{
	struct list_state *ls = &a->list;
	struct lines prev = { 0 };
	read_backward(a, &ls->top, ls->height > 0 ? ls->height : 20, &prev);
	if (!prev.n) {
		lines_free(&prev);
		ls->cur = 0;
		return;
	}
	if (prev.n == (ls->height > 0 ? ls->height : 20) && !a->read_failed) {
		/* A whole screen read backward is the new screen, nearest
		 * last: not read again forward from its top. */
		struct lines win = { 0 };
		for (int i = prev.n - 1; i >= 0; i--)
			*lines_push(&win) = prev.v[i];
		free(prev.v);
		set_window(a, &win);
	} else {
		key_clear(&ls->top);
		key_copy(&ls->top, &prev.v[prev.n - 1].key);
		lines_free(&prev);
		fill_from_top(a);
	}
	ls->cur = 0;
}

void list_go_first(struct app *a)
{
	struct list_state *ls = &a->list;
	key_clear(&ls->top);
	ls->top.header = true;
	fill_from_top(a);
	ls->cur = 0;
}

void list_go_last(struct app *a)
{
	struct list_state *ls = &a->list;
	if (!ls->nb)
		return;
	/* Read backward from past the end. */
	struct list_key end = { .bucket = ls->nb - 1, .header = false, .sortv = NULL, .id = 0 };
	struct lines prev = { 0 };
	int h = ls->height > 0 ? ls->height : 20;
	int b = ls->nb - 1;
	if (!ls->buckets[b].folded)
		read_bucket(a, b, NULL, 0, true, h, &prev);
	if (prev.n < h)
		push_header(&prev, b);
	if (prev.n < h) {
		struct line *first = &prev.v[prev.n - 1];
		struct lines more = { 0 };
		read_backward(a, &first->key, h - prev.n, &more);
		for (int i = 0; i < more.n; i++)
			*lines_push(&prev) = more.v[i];
		free(more.v);
	}
	(void)end;
	key_clear(&ls->top);
	key_copy(&ls->top, &prev.v[prev.n - 1].key);
	lines_free(&prev);
	fill_from_top(a);
	ls->cur = ls->nlines - 1;
}

void list_toggle_fold(struct app *a, bool all)
{
	struct list_state *ls = &a->list;
	if (!ls->nlines)
		return;
	int b = ls->lines[ls->cur].key.bucket;
	if (all) {
		bool fold = !ls->buckets[b].folded;
		for (int i = 0; i < ls->nb; i++)
			ls->buckets[i].folded = fold;
	} else {
		ls->buckets[b].folded = !ls->buckets[b].folded;
	}
	/* Keep the cursor on the heading it folded. */
	key_clear(&ls->top);
	ls->top.bucket = all ? 0 : b;
	ls->top.header = true;
	ls->cur_id = 0;
	fill_from_top(a);
	for (int i = 0; i < ls->nlines; i++)
		if (ls->lines[i].key.header && ls->lines[i].key.bucket == (all ? 0 : b)) {
			ls->cur = i;
			break;
		}
}

void list_to_top(struct app *a)
{
	key_clear(&a->list.top);
	a->list.top.header = true;
}

void list_refit(struct app *a)
{
	remember_cursor(a);
	fill_from_top(a);
	place_cursor(a);
}
