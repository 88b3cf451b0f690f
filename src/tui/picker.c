/* picker.c: the screen's picker (see tui/picker.h): a list of names that
 * narrows as the user types any part of one, without diacritics, in a box
 * with its query line (the line editor of edit.c) at the top. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>
#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "glyph.h"
#include "picker.h"

void picker_init(struct picker *p, const char *title, bool allow_new, bool allow_none)
{
	memset(p, 0, sizeof *p);
	p->title = r57_xstrdup(title);
	p->allow_new = allow_new;
	p->allow_none = allow_none;
	p->page = 1;
	edit_init(&p->query, NULL);
}

void picker_free(struct picker *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->items[i].label);
		free(p->items[i].folded);
	}
	free(p->items);
	free(p->shown);
	free(p->title);
	edit_free(&p->query);
	memset(p, 0, sizeof *p);
}

/* Bytes of the white space character at s, 0 if s is not at one. */
static size_t space_at(const char *s)
{
	unsigned char b = (unsigned char)*s;
	if (b < 0x80)
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (n <= 0)
		return 0;
	return glyph_is_space((wchar_t)cp) || cp == '\n' || cp == '\r' ? (size_t)n : 0;
}

/* Folded text cut into words: the white space in a copy (buf) becomes
 * NULs, and w[0..n) point at the words left between them. */
struct words {
	char *buf;
	size_t n;
	const char **w;
};

static void words_of(const char *folded, struct words *out)
{
	out->buf = r57_xstrdup(folded);
	size_t len = strlen(out->buf);
	out->w = r57_xmalloc((len / 2 + 1) * sizeof *out->w);
	out->n = 0;
	char *p = out->buf;
	while (*p) {
		size_t sp;
		while ((sp = space_at(p)) > 0) {
			memset(p, '\0', sp);
			p += sp;
		}
		if (!*p)
			break;
		out->w[out->n++] = p;
		while (*p && space_at(p) == 0)
			p++;
	}
}

static void words_free(struct words *w)
{
	free(w->buf);
	free(w->w);
}

static bool matches(const char *folded, const struct words *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (!strstr(folded, q->w[i]))
			return false;
	return true;
}

/* Same words in the same order, however spaced. Asked of every shown
 * item on each key, so it compares in place. */
static bool same_words(const char *folded, const struct words *q)
{
	const char *p = folded;
	for (size_t i = 0;; i++) {
		size_t sp;
		while ((sp = space_at(p)) > 0)
			p += sp;
		if (!*p)
			return i == q->n;
		if (i == q->n)
			return false;
		size_t wl = strlen(q->w[i]);
		if (strncmp(p, q->w[i], wl) != 0)
			return false;
		p += wl;
		if (*p && space_at(p) == 0)
			return false;
	}
}

/* The query as the user means it: NFC, trimmed, and folded into words. */
struct query {
	char *text;   /* NFC, trimmed */
	struct words words;
};

static void query_get(const struct picker *p, struct query *q)
{
	char *raw = edit_text(&p->query);
	q->text = text_normalize(raw);
	free(raw);
	if (!q->text)
		q->text = r57_xstrdup(""); /* edit_text is valid UTF-8; memory */
	char *folded = text_fold(q->text);
	words_of(folded ? folded : "", &q->words);
	free(folded);
}

static void query_free(struct query *q)
{
	free(q->text);
	words_free(&q->words);
}

/* The rows the list shows: "(none)", the matching items, "+ new". */
struct rows {
	int none, items, add, total;
};

static struct rows rows_of(const struct picker *p, const struct query *q)
{
	struct rows r = { .none = p->allow_none ? 1 : 0, .items = p->n_shown };
	if (p->allow_new && *q->text) {
		r.add = 1;
		for (int i = 0; i < p->n_shown && r.add; i++)
			if (same_words(p->items[p->shown[i]].folded, &q->words))
				r.add = 0;
	}
	r.total = r.none + r.items + r.add;
	return r;
}

/* The row of the current value among those shown with nothing typed. */
static void select_current(struct picker *p)
{
	if (!p->has_current)
		return;
	int none = p->allow_none ? 1 : 0;
	if (p->current == 0) {
		p->sel = 0;
		return;
	}
	for (int i = 0; i < p->n_shown; i++)
		if (p->items[p->shown[i]].id == p->current) {
			p->sel = none + i;
			return;
		}
}

void picker_select(struct picker *p, int64_t id)
{
	p->has_current = true;
	p->current = id;
	select_current(p);
}

static void refilter(struct picker *p)
{
	struct query q;
	query_get(p, &q);
	p->n_shown = 0;
	for (int i = 0; i < p->n; i++)
		if (matches(p->items[i].folded, &q.words))
			p->shown[p->n_shown++] = i;
	/* Enter right after typing takes the best guess: the first match,
	 * else the new entry; with no query, the top of the list. */
	struct rows r = rows_of(p, &q);
	p->sel = 0;
	if (*q.text && r.items > 0)
		p->sel = r.none;
	else if (*q.text && r.add)
		p->sel = r.none + r.items;
	else if (!*q.text)
		select_current(p);
	p->top = 0;
	query_free(&q);
}

void picker_add(struct picker *p, int64_t id, const char *label)
{
	if (p->n == p->cap) {
		if (p->cap > INT_MAX / 2 - 1)
			abort();
		p->cap = p->cap ? p->cap * 2 : 16;
		p->items = r57_xrealloc(p->items, (size_t)p->cap * sizeof *p->items);
		p->shown = r57_xrealloc(p->shown, (size_t)p->cap * sizeof *p->shown);
	}
	struct pick_item *it = &p->items[p->n];
	it->id = id;
	it->label = r57_xstrdup(label);
	it->folded = text_fold(it->label);
	if (!it->folded) {
		/* not UTF-8: match what the screen shows of it */
		char *safe = text_safe(it->label, false);
		it->folded = text_fold(safe);
		free(safe);
		if (!it->folded)
			it->folded = r57_xstrdup("");
	}
	/* Most lists are filled before anything is typed; an item added
	 * later joins the list if it matches, without a new pass. */
	bool match = true;
	if (p->query.len > 0) {
		struct query q;
		query_get(p, &q);
		match = matches(it->folded, &q.words);
		query_free(&q);
	}
	if (match)
		p->shown[p->n_shown++] = p->n;
	p->n++;
}

static void move_sel(struct picker *p, int to, int total)
{
	if (to >= total)
		to = total - 1;
	if (to < 0)
		to = 0;
	p->sel = to;
}

static enum pick_result take(struct picker *p, int64_t *id, char **text)
{
	struct query q;
	query_get(p, &q);
	struct rows r = rows_of(p, &q);
	enum pick_result res = PICK_CONTINUE; /* an empty list: nothing to take */
	int sel = p->sel;
	if (r.total > 0 && sel >= 0 && sel < r.total) {
		if (sel < r.none) {
			res = PICK_NONE;
		} else if (sel < r.none + r.items) {
			res = PICK_ACCEPT;
			if (id)
				*id = p->items[p->shown[sel - r.none]].id;
		} else {
			res = PICK_NEW;
			if (text) {
				*text = q.text;
				q.text = NULL;
			}
		}
	}
	query_free(&q);
	return res;
}

enum pick_result picker_key(struct picker *p, bool is_key, wint_t ch,
                            int64_t *id, char **text)
{
	/* Inside a paste every key is text for the query. */
	if (is_key && !p->query.paste) {
		struct query q;
		query_get(p, &q);
		int total = rows_of(p, &q).total, page = p->page > 0 ? p->page : 1;
		query_free(&q);
		switch (ch) {
		case KEY_UP:
			move_sel(p, p->sel - 1, total);
			return PICK_CONTINUE;
		case KEY_DOWN:
			move_sel(p, p->sel + 1, total);
			return PICK_CONTINUE;
		case KEY_PPAGE:
			move_sel(p, p->sel - page, total);
			return PICK_CONTINUE;
		case KEY_NPAGE:
			move_sel(p, p->sel + page, total);
			return PICK_CONTINUE;
		case KEY_HOME:
			move_sel(p, 0, total);
			return PICK_CONTINUE;
		case KEY_END:
			move_sel(p, total - 1, total);
			return PICK_CONTINUE;
		default:
			break;
		}
	}

	size_t old_len = p->query.len;
	wchar_t *old = r57_xmalloc((old_len + 1) * sizeof *old);
	if (old_len)
		memcpy(old, p->query.buf, old_len * sizeof *old);
	enum edit_result r = edit_key(&p->query, is_key, ch);
	bool changed = p->query.len != old_len ||
	               (old_len && memcmp(old, p->query.buf, old_len * sizeof *old) != 0);
	free(old);
	if (r == EDIT_CANCEL)
		return PICK_CANCEL;
	if (r == EDIT_ACCEPT)
		return take(p, id, text);
	if (changed)
		refilter(p);
	return PICK_CONTINUE;
}

/* The words a row shows (newly allocated). */
static char *row_label(const struct picker *p, const struct rows *r,
                       const struct query *q, int row)
{
	if (row < r->none)
		return r57_xstrdup(_("(none)"));
	if (row < r->none + r->items)
		return r57_xstrdup(p->items[p->shown[row - r->none]].label);
	size_t n = strlen(q->text) + strlen(_("+ new: %s")) + 1;
	char *s = r57_xmalloc(n);
	snprintf(s, n, _("+ new: %s"), q->text);
	return s;
}

static void draw_border(WINDOW *w, int y, int x, int h, int width, const char *title)
{
	/* the wide forms, which ncursesw draws as Unicode lines where the
	 * terminal's own line set is not to be trusted (UTF-8 under tmux) */
	mvwadd_wch(w, y, x, WACS_ULCORNER);
	mvwhline_set(w, y, x + 1, WACS_HLINE, width - 2);
	mvwadd_wch(w, y, x + width - 1, WACS_URCORNER);
	mvwvline_set(w, y + 1, x, WACS_VLINE, h - 2);
	mvwvline_set(w, y + 1, x + width - 1, WACS_VLINE, h - 2);
	mvwadd_wch(w, y + h - 1, x, WACS_LLCORNER);
	mvwhline_set(w, y + h - 1, x + 1, WACS_HLINE, width - 2);
	mvwadd_wch(w, y + h - 1, x + width - 1, WACS_LRCORNER);
	if (title && *title && width >= 7) {
		/* " Title " on the top line, between the corners */
		char *fit = text_fit(title, width - 6, false);
		size_t n = strlen(fit);
		char *padded = r57_xmalloc(n + 3);
		padded[0] = ' ';
		memcpy(padded + 1, fit, n);
		padded[n + 1] = ' ';
		padded[n + 2] = '\0';
		int tw = glyph_text(NULL, 0, 0, width - 4, padded);
		glyph_text(w, y, x + 2, tw, padded);
		free(padded);
		free(fit);
	}
}

void picker_draw(WINDOW *win, int y, int x, int h, int w, struct picker *p)
{
	if (!glyph_clip(win, y, x, &h, &w))
		return;
	/* A box needs its two borders and still a query line and a row. */
	bool boxed = h >= 4 && w >= 6;
	int iy = y, ix = x, ih = h, iw = w;
	if (boxed) {
		draw_border(win, y, x, h, w, p->title);
		iy++, ix++, ih -= 2, iw -= 2;
	}
	int rows = ih - 1;
	p->page = rows > 0 ? rows : 1;

	struct query q;
	query_get(p, &q);
	struct rows r = rows_of(p, &q);
	move_sel(p, p->sel, r.total);
	if (p->sel < p->top)
		p->top = p->sel;
	if (rows > 0 && p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	if (p->top > r.total - rows)
		p->top = r.total - rows;
	if (p->top < 0)
		p->top = 0;

	attr_t attrs;
	short pair;
	wattr_get(win, &attrs, &pair, NULL);
	for (int i = 0; i < rows; i++) {
		int row = p->top + i;
		if (row >= r.total) {
			if (r.total == 0 && i == 0) {
				wattr_on(win, A_DIM, NULL);
				glyph_text(win, iy + 1 + i, ix, iw, _("(no match)"));
				wattr_set(win, attrs, pair, NULL);
			} else {
				glyph_blank(win, iy + 1 + i, ix, iw);
			}
			continue;
		}
		char *label = row_label(p, &r, &q, row);
		char *fit = text_fit(label, iw, false);
		if (row == p->sel)
			wattr_on(win, A_REVERSE, NULL);
		glyph_text(win, iy + 1 + i, ix, iw, fit);
		wattr_set(win, attrs, pair, NULL);
		free(fit);
		free(label);
	}
	query_free(&q);

	/* The query last, so the terminal cursor is left in it. In a box the
	 * title is on the border; without one it labels the query. */
	if (boxed) {
		edit_draw(win, iy, ix, iw, "> ", &p->query);
	} else {
		size_t n = strlen(p->title ? p->title : "");
		char *label = r57_xmalloc(n + 3);
		memcpy(label, p->title ? p->title : "", n);
		memcpy(label + n, n ? ": " : "", n ? 3 : 1);
		edit_draw(win, iy, ix, iw, label, &p->query);
		free(label);
	}
}
