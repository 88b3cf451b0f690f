/* edit.c: the screen's one-line editor and its picker (see tui/edit.h).
 *
 * The editor keeps code points exactly as they arrive, because Vietnamese
 * input methods (ibus-bamboo, fcitx5-unikey, Unikey) send precomposed
 * letters, or a base letter and combining marks, and correct themselves by
 * sending backspaces for what they typed and then the letter again: that
 * only works if one Backspace removes one code point. Everything the eye
 * sees as one letter (a grapheme) is one step for the cursor keys and for
 * Delete, so the cursor never sits between a letter and its mark. The text
 * handed back is NFC; stored names then compare equal however typed.
 *
 * Drawing measures each grapheme once, places it at a column of its own
 * and never lets it spill past the given width, so the terminal cursor
 * lands where the next letter goes even with wide (CJK) letters, lone
 * marks and text the terminal's own width table sees differently. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>
#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "edit.h"

#define REPLACEMENT 0xFFFD
#define DOTTED_CIRCLE 0x25CC /* carrier for a mark with no letter */

/* --- keys ------------------------------------------------------------ */

/* Key sequences edit.c gives codes to when the terminal description does
 * not: Alt-b and Alt-f (ESC then the letter, which would otherwise reach
 * us as a lone ESC, read as Escape, and a stray letter), xterm's
 * Ctrl-Left/Right (tmux sends them whatever TERM says) and the marks a
 * terminal puts round pasted text once bracketed paste is on. */
enum { K_ALT_B, K_ALT_F, K_CTRL_LEFT, K_CTRL_RIGHT, K_PASTE_IN, K_PASTE_OUT, K_OWN };
static const char *const own_seq[K_OWN] = {
	"\033b", "\033f", "\033[1;5D", "\033[1;5C", "\033[200~", "\033[201~",
};

/* The codes, looked up once per screen. kLFT5 and kRIT5 are read from
 * terminfo too, as a terminal may send other bytes for them; ncurses only
 * gives them a code once keypad() is on, so until then they stay 0 and
 * are asked again. */
static struct {
	WINDOW *scr;      /* stdscr of the screen the codes are for */
	int own[K_OWN];
	int word_left, word_right; /* from terminfo kLFT5, kRIT5 */
	bool complete;
} keys;

/* A code nothing is bound to: far above the ones ncurses hands out to
 * terminfo's extended keys (KEY_MAX + their index) yet below the 16 bits
 * its key tree keeps. */
static int free_code(void)
{
	for (int code = KEY_MAX + 0x1000; code < 0xFFFF; code++) {
		char *bound = keybound(code, 0);
		if (!bound)
			return code;
		free(bound);
	}
	return 0;
}

static int terminfo_code(const char *cap)
{
	const char *s = tigetstr(cap);
	if (!s || s == (const char *)-1)
		return -1; /* not in this terminal's description */
	int code = key_defined(s);
	return code > 0 ? code : 0;
}

static void keys_update(void)
{
	/* key_defined answers -1 when there is no screen (and for a prefix of
	 * a longer key, which none of ours is). */
	int probe = key_defined(own_seq[K_ALT_B]);
	if (probe < 0 || !stdscr) {
		memset(&keys, 0, sizeof keys);
		return;
	}
	if (keys.complete && keys.scr == stdscr && probe == keys.own[K_ALT_B])
		return;
	memset(&keys, 0, sizeof keys);
	keys.scr = stdscr;
	for (int i = 0; i < K_OWN; i++) {
		int code = key_defined(own_seq[i]);
		if (code == 0) {
			code = free_code();
			if (code > 0 && define_key(own_seq[i], code) != OK)
				code = 0;
		}
		keys.own[i] = code > 0 ? code : 0;
	}
	keys.word_left = terminfo_code("kLFT5");
	keys.word_right = terminfo_code("kRIT5");
	keys.complete = keys.word_left != 0 && keys.word_right != 0;
	if (keys.word_left < 0)
		keys.word_left = 0;
	if (keys.word_right < 0)
		keys.word_right = 0;
}

static bool is_code(wint_t ch, int code)
{
	return code > 0 && ch == (wint_t)code;
}

/* --- the buffer ------------------------------------------------------ */

static void reserve(struct line_edit *e, size_t extra)
{
	if (e->len + extra <= e->cap)
		return;
	if (extra > SIZE_MAX / sizeof *e->buf / 2 - e->len)
		abort();
	size_t cap = e->cap ? e->cap : 32;
	while (cap < e->len + extra)
		cap *= 2;
	e->buf = r57_xrealloc(e->buf, cap * sizeof *e->buf);
	e->cap = cap;
}

static void insert_cp(struct line_edit *e, wchar_t c)
{
	reserve(e, 1);
	memmove(e->buf + e->cursor + 1, e->buf + e->cursor,
	        (e->len - e->cursor) * sizeof *e->buf);
	e->buf[e->cursor++] = c;
	e->len++;
}

/* Removes buf[from..to) and keeps the cursor on the same text. */
static void remove_range(struct line_edit *e, size_t from, size_t to)
{
	if (from >= to || to > e->len)
		return;
	memmove(e->buf + from, e->buf + to, (e->len - to) * sizeof *e->buf);
	e->len -= to - from;
	if (e->cursor >= to)
		e->cursor -= to - from;
	else if (e->cursor > from)
		e->cursor = from;
}

/* Where the graphemes of b[0..n) start, then n: *count graphemes. A break
 * is forced at force (SIZE_MAX for none), so the cursor, even when an edit
 * has left it inside a grapheme, is always at a start when drawn. */
static size_t *graphemes(const wchar_t *b, size_t n, size_t force, size_t *count)
{
	size_t *starts = r57_xmalloc((n + 1) * sizeof *starts), g = 0;
	utf8proc_int32_t state = 0;
	for (size_t i = 0; i < n; i++) {
		/* every pair goes through the stateful check in order, as
		 * emoji and flag sequences depend on what came before */
		bool brk = i == 0 ||
		           utf8proc_grapheme_break_stateful((utf8proc_int32_t)b[i - 1],
		                                            (utf8proc_int32_t)b[i], &state);
		if (brk || i == force)
			starts[g++] = i;
	}
	starts[g] = n;
	*count = g;
	return starts;
}

/* The grapheme boundary before and after i (i itself may be inside one). */
static size_t step_left(const struct line_edit *e, size_t i)
{
	size_t n, *s = graphemes(e->buf, e->len, SIZE_MAX, &n), r = 0;
	for (size_t k = 0; k < n && s[k] < i; k++)
		r = s[k];
	free(s);
	return r;
}

static size_t step_right(const struct line_edit *e, size_t i)
{
	size_t n, *s = graphemes(e->buf, e->len, SIZE_MAX, &n), r = e->len;
	for (size_t k = 0; k <= n; k++)
		if (s[k] > i) {
			r = s[k];
			break;
		}
	free(s);
	return r;
}

static bool is_space(wchar_t c)
{
	return c == ' ' || c == '\t' ||
	       utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS;
}

/* Words are runs of graphemes that do not start with a space; a move by
 * word stops where one begins (left) or ends (right), as in readline. */
static size_t word_left(const struct line_edit *e, size_t i)
{
	size_t n, *s = graphemes(e->buf, e->len, SIZE_MAX, &n), k = 0;
	while (k < n && s[k + 1] <= i)
		k++; /* k: graphemes wholly before i */
	while (k > 0 && is_space(e->buf[s[k - 1]]))
		k--;
	while (k > 0 && !is_space(e->buf[s[k - 1]]))
		k--;
	size_t r = s[k];
	free(s);
	return r;
}

static size_t word_right(const struct line_edit *e, size_t i)
{
	size_t n, *s = graphemes(e->buf, e->len, SIZE_MAX, &n), k = 0;
	while (k < n && s[k] < i)
		k++; /* k: first grapheme starting at or after i */
	while (k < n && is_space(e->buf[s[k]]))
		k++;
	while (k < n && !is_space(e->buf[s[k]]))
		k++;
	size_t r = s[k];
	free(s);
	return r;
}

void edit_init(struct line_edit *e, const char *initial)
{
	memset(e, 0, sizeof *e);
	if (!initial)
		return;
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)initial;
	size_t len = strlen(initial), pos = 0;
	reserve(e, len);
	while (pos < len) {
		utf8proc_int32_t cp;
		size_t avail = len - pos < 4 ? len - pos : 4;
		utf8proc_ssize_t n = utf8proc_iterate(u + pos, (utf8proc_ssize_t)avail, &cp);
		if (n <= 0) {
			/* a bad byte becomes one U+FFFD, as text_safe shows it,
			 * so what is edited is what was on the screen */
			cp = REPLACEMENT;
			n = 1;
		}
		e->buf[e->len++] = (wchar_t)cp;
		pos += (size_t)n;
	}
	e->cursor = e->len;
}

void edit_free(struct line_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

/* One typed or pasted character. */
static void type_char(struct line_edit *e, wint_t ch)
{
	if (ch == '\r' || ch == '\n') {
		/* Only reached inside a paste: a line break is a space, and
		 * CR LF or blank lines give a single one. */
		if (e->paste != 2)
			insert_cp(e, ' ');
		e->paste = 2;
		return;
	}
	if (e->paste)
		e->paste = 1;
	if (ch == '\t') {
		insert_cp(e, ' ');
		return;
	}
	if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F))
		return; /* control characters would only show as placeholders */
	if (ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
		return; /* not a character UTF-8 can hold */
	insert_cp(e, (wchar_t)ch);
}

static void backspace(struct line_edit *e)
{
	if (e->cursor > 0)
		remove_range(e, e->cursor - 1, e->cursor);
}

static enum edit_result function_key(struct line_edit *e, wint_t ch)
{
	if (is_code(ch, keys.own[K_PASTE_IN])) {
		e->paste = 1;
		return EDIT_CONTINUE;
	}
	if (is_code(ch, keys.own[K_PASTE_OUT])) {
		e->paste = 0;
		return EDIT_CONTINUE;
	}
	if (is_code(ch, keys.own[K_CTRL_LEFT]) || is_code(ch, keys.word_left) ||
	    is_code(ch, keys.own[K_ALT_B])) {
		e->cursor = word_left(e, e->cursor);
		return EDIT_CONTINUE;
	}
	if (is_code(ch, keys.own[K_CTRL_RIGHT]) || is_code(ch, keys.word_right) ||
	    is_code(ch, keys.own[K_ALT_F])) {
		e->cursor = word_right(e, e->cursor);
		return EDIT_CONTINUE;
	}
	switch (ch) {
	case KEY_ENTER:
		if (e->paste) {
			type_char(e, '\n');
			return EDIT_CONTINUE;
		}
		return EDIT_ACCEPT;
	case KEY_LEFT:
		e->cursor = step_left(e, e->cursor);
		break;
	case KEY_RIGHT:
		e->cursor = step_right(e, e->cursor);
		break;
	case KEY_HOME:
		e->cursor = 0;
		break;
	case KEY_END:
		e->cursor = e->len;
		break;
	case KEY_BACKSPACE:
		backspace(e);
		break;
	case KEY_DC:
		remove_range(e, e->cursor, step_right(e, e->cursor));
		break;
	default:
		break; /* keys an editor has no use for */
	}
	return EDIT_CONTINUE;
}

#define CTRL(c) ((c) & 0x1F)

enum edit_result edit_key(struct line_edit *e, bool is_key, wint_t ch)
{
	keys_update();
	if (is_key)
		return function_key(e, ch);
	if (e->paste) {
		/* pasted text is only text, whatever control bytes it holds */
		type_char(e, ch);
		return EDIT_CONTINUE;
	}
	switch (ch) {
	case '\r':
	case '\n':
		return EDIT_ACCEPT;
	case 27:
		return EDIT_CANCEL;
	case CTRL('A'):
		e->cursor = 0;
		break;
	case CTRL('E'):
		e->cursor = e->len;
		break;
	case CTRL('D'):
		remove_range(e, e->cursor, step_right(e, e->cursor));
		break;
	case CTRL('H'):
	case 0x7F:
		backspace(e);
		break;
	case CTRL('W'):
		remove_range(e, word_left(e, e->cursor), e->cursor);
		break;
	case CTRL('U'):
		remove_range(e, 0, e->cursor);
		break;
	case CTRL('K'):
		remove_range(e, e->cursor, e->len);
		break;
	default:
		type_char(e, ch);
		break;
	}
	return EDIT_CONTINUE;
}

/* UTF-8 of b[0..n), NUL-terminated, as typed. */
static char *encode(const wchar_t *b, size_t n)
{
	if (n > (SIZE_MAX - 1) / 4)
		abort();
	char *s = r57_xmalloc(n * 4 + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		o += (size_t)utf8proc_encode_char((utf8proc_int32_t)b[i],
		                                  (utf8proc_uint8_t *)s + o);
	s[o] = '\0';
	return s;
}

char *edit_text(const struct line_edit *e)
{
	char *raw = encode(e->buf, e->len);
	/* Not text_normalize: spaces at the ends are the caller's to trim,
	 * and a field can hold a lone space while it is being typed. */
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)raw);
	free(raw);
	if (!nfc)
		abort(); /* the buffer only holds characters, so only memory */
	return nfc;
}

/* --- drawing --------------------------------------------------------- */

/* One grapheme as it goes to the screen: what ncurses is given, the
 * columns it takes by our measure (text_width, as everywhere in r57) and
 * by the terminal's (wcwidth, which ncurses lays out by). */
#define GLYPH_MAX 32
struct glyph {
	wchar_t wc[GLYPH_MAX];
	int n, width, nc_width;
};

static wchar_t replacement(void)
{
	/* U+FFFD needs a locale that can show it */
	return wcwidth(REPLACEMENT) == 1 ? REPLACEMENT : L'?';
}

static void make_glyph(const wchar_t *g, size_t n, struct glyph *out)
{
	char *raw = encode(g, n), *unsafe = text_safe(raw, false);
	free(raw);
	/* Terminals draw a precomposed letter better than a letter and its
	 * marks; composing inside one grapheme moves no cursor position. */
	char *safe = (char *)utf8proc_NFC((const utf8proc_uint8_t *)unsafe);
	free(unsafe);
	if (!safe)
		abort(); /* text_safe output is valid, so only memory */
	out->n = 0;
	out->width = text_width(safe);
	out->nc_width = 0;

	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)safe;
	size_t len = strlen(safe), pos = 0;
	int marks = 0;
	bool bad = false, cell = false;
	utf8proc_int32_t cp;
	if (out->width == 0 && len > 0 && utf8proc_iterate(u, (utf8proc_ssize_t)len, &cp) > 0) {
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME) {
			/* A mark with no letter before it (typed first, or left
			 * by a Backspace) would sit on whatever the screen has to
			 * its left; it gets a dotted circle, as Unicode shows it. */
			out->wc[out->n++] = DOTTED_CIRCLE;
			out->width = 1;
			out->nc_width = wcwidth(DOTTED_CIRCLE);
			bad = out->nc_width != 1;
			cell = true;
		}
	}
	while (pos < len && !bad) {
		utf8proc_ssize_t k = utf8proc_iterate(u + pos, (utf8proc_ssize_t)(len - pos), &cp);
		if (k <= 0)
			break; /* text_safe output is valid */
		pos += (size_t)k;
		int w = wcwidth((wchar_t)cp);
		if (w < 0 || (w == 0 && !cell)) {
			/* the terminal cannot show it, or would put it on the
			 * cell to the left */
			bad = true;
			break;
		}
		if (w == 0) {
			/* ncurses keeps CCHARW_MAX - 1 marks on a cell; the
			 * rest it could not show anyway */
			if (marks >= CCHARW_MAX - 1)
				continue;
			marks++;
		} else {
			marks = 0;
			cell = true;
		}
		if (out->n >= GLYPH_MAX) {
			bad = true;
			break;
		}
		out->wc[out->n++] = (wchar_t)cp;
		out->nc_width += w;
	}
	free(safe);
	if (out->width == 0) {
		out->n = 0; /* invisible (a zero-width space): nothing to draw */
		out->nc_width = 0;
	} else if (bad || out->nc_width > out->width) {
		/* Whatever the terminal would do, it must not take more
		 * columns than we counted, or everything after it shifts. */
		out->wc[0] = replacement();
		out->n = 1;
		out->nc_width = 1;
	}
}

/* Draws g at (y, x) in exactly g->width columns (spaces fill what the
 * terminal takes less of) in the window's current attributes. */
static void put_glyph(WINDOW *w, int y, int x, const struct glyph *g)
{
	if (g->n > 0)
		mvwaddnwstr(w, y, x, g->wc, g->n);
	for (int c = g->n > 0 ? g->nc_width : 0; c < g->width; c++)
		mvwaddch(w, y, x + c, ' ');
}

static void put_blank(WINDOW *w, int y, int x, int width)
{
	for (int c = 0; c < width; c++)
		mvwaddch(w, y, x + c, ' ');
}

/* Draws the UTF-8 s at (y, x) in exactly width columns: the graphemes that
 * fit, then spaces. With w NULL only measures. Returns the columns of text. */
static int put_text(WINDOW *w, int y, int x, int width, const char *s)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)(s ? s : "");
	size_t len = strlen((const char *)u), pos = 0, n = 0;
	wchar_t *cps = r57_xmalloc((len + 1) * sizeof *cps);
	while (pos < len) {
		utf8proc_int32_t cp;
		size_t avail = len - pos < 4 ? len - pos : 4;
		utf8proc_ssize_t k = utf8proc_iterate(u + pos, (utf8proc_ssize_t)avail, &cp);
		if (k <= 0) {
			cp = REPLACEMENT;
			k = 1;
		}
		cps[n++] = (wchar_t)cp;
		pos += (size_t)k;
	}
	size_t count, *starts = graphemes(cps, n, SIZE_MAX, &count);
	int col = 0;
	for (size_t i = 0; i < count; i++) {
		struct glyph g;
		make_glyph(cps + starts[i], starts[i + 1] - starts[i], &g);
		if (col + g.width > width)
			break;
		if (w)
			put_glyph(w, y, x + col, &g);
		col += g.width;
	}
	if (w)
		put_blank(w, y, x + col, width - col);
	free(starts);
	free(cps);
	return col;
}

/* Limits a rectangle to the window; false if nothing of it is left. */
static bool clip(WINDOW *w, int y, int x, int *h, int *width)
{
	if (!w || y < 0 || x < 0 || *h <= 0 || *width <= 0)
		return false;
	int maxy = getmaxy(w), maxx = getmaxx(w);
	if (y >= maxy || x >= maxx)
		return false;
	if (*h > maxy - y)
		*h = maxy - y;
	if (*width > maxx - x)
		*width = maxx - x;
	return true;
}

/* Graphemes of the buffer with their widths, measured only when asked:
 * a long pasted line costs one pass for the breaks, and widths only for
 * the part near the cursor. */
struct layout {
	const struct line_edit *e;
	size_t *starts, count;
	int *width; /* -1 until measured */
};

static int lw_of(struct layout *l, size_t k)
{
	if (l->width[k] < 0) {
		struct glyph g;
		make_glyph(l->e->buf + l->starts[k], l->starts[k + 1] - l->starts[k], &g);
		l->width[k] = g.width;
	}
	return l->width[k];
}

/* Columns of graphemes [from, to), or cap + 1 once over cap. */
static int span(struct layout *l, size_t from, size_t to, int cap)
{
	int sum = 0;
	for (size_t k = from; k < to; k++) {
		sum += lw_of(l, k);
		if (sum > cap)
			return cap + 1;
	}
	return sum;
}

void edit_draw(WINDOW *w, int y, int x, int width, const char *label,
               struct line_edit *e)
{
	int h = 1;
	keys_update(); /* binds the keys before the first one is read */
	if (!clip(w, y, x, &h, &width))
		return;
	if (e->cursor > e->len)
		e->cursor = e->len;

	/* The label gives way to the text: it is cut, then dropped, so the
	 * field keeps some columns to type in. */
	int field_min = width / 3 > 4 ? width / 3 : 4;
	if (field_min > width)
		field_min = width;
	int budget = width - field_min, lw = 0;
	char *shown_label = NULL;
	if (label && *label) {
		if (text_width(label) <= budget || budget >= 4)
			shown_label = text_fit(label, budget, false);
		if (shown_label)
			lw = put_text(NULL, 0, 0, budget, shown_label);
	}
	int fw = width - lw; /* at least 1 */

	struct layout l = { .e = e };
	l.starts = graphemes(e->buf, e->len, e->cursor, &l.count);
	l.width = r57_xmalloc((l.count + 1) * sizeof *l.width);
	for (size_t k = 0; k < l.count; k++)
		l.width[k] = -1;
	size_t c = 0, s = 0;
	while (c < l.count && l.starts[c] < e->cursor)
		c++;
	while (s + 1 < l.count && l.starts[s + 1] <= e->scroll)
		s++;

	/* Scroll as little as keeps the cursor's cell in the field; going
	 * left past the start, a third of the field shows what is before it
	 * so the word being moved into can be read ... */
	if (s > c) {
		s = c;
		int before = 0;
		while (s > 0 && before + lw_of(&l, s - 1) <= fw / 3)
			before += lw_of(&l, --s);
	}
	size_t first = c;
	int used = 0;
	while (first > 0 && used + lw_of(&l, first - 1) <= fw - 1)
		used += lw_of(&l, --first);
	if (s < first)
		s = first;
	/* ... and when the end of the text is in view, bring back what fits
	 * on the left, so deleting at the end does not leave a blank field. */
	int tail = span(&l, s, l.count, fw);
	while (s > 0 && tail + lw_of(&l, s - 1) + 1 <= fw)
		tail += lw_of(&l, --s);
	e->scroll = l.starts[s];

	if (shown_label)
		put_text(w, y, x, lw, shown_label);
	int col = 0, cursor_col = 0;
	for (size_t k = s; k < l.count; k++) {
		if (k == c)
			cursor_col = col;
		struct glyph g;
		make_glyph(e->buf + l.starts[k], l.starts[k + 1] - l.starts[k], &g);
		if (col + g.width > fw)
			break;
		put_glyph(w, y, x + lw + col, &g);
		col += g.width;
	}
	if (c == l.count)
		cursor_col = span(&l, s, c, fw);
	put_blank(w, y, x + lw + col, fw - col);
	if (cursor_col > fw - 1)
		cursor_col = fw - 1; /* cannot happen; a guard for the column */
	wmove(w, y, x + lw + cursor_col);

	free(l.starts);
	free(l.width);
	free(shown_label);
}

/* --- picker ---------------------------------------------------------- */

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
	return is_space((wchar_t)cp) || cp == '\n' || cp == '\r' ? (size_t)n : 0;
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
		int tw = put_text(NULL, 0, 0, width - 4, padded);
		put_text(w, y, x + 2, tw, padded);
		free(padded);
		free(fit);
	}
}

void picker_draw(WINDOW *win, int y, int x, int h, int w, struct picker *p)
{
	if (!clip(win, y, x, &h, &w))
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
				put_text(win, iy + 1 + i, ix, iw, _("(no match)"));
				wattr_set(win, attrs, pair, NULL);
			} else {
				put_blank(win, iy + 1 + i, ix, iw);
			}
			continue;
		}
		char *label = row_label(p, &r, &q, row);
		char *fit = text_fit(label, iw, false);
		if (row == p->sel)
			wattr_on(win, A_REVERSE, NULL);
		put_text(win, iy + 1 + i, ix, iw, fit);
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
