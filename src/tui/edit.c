/* edit.c: the screen's one-line editor (see tui/edit.h); the picker built
 * on it is picker.c, the drawing of graphemes glyph.c.
 *
 * The editor keeps code points exactly as they arrive, because Vietnamese
 * input methods (ibus-bamboo, fcitx5-unikey, Unikey) send precomposed
 * letters, or a base letter and combining marks, and correct themselves by
 * sending backspaces for what they typed and then the letter again: that
 * only works if one Backspace removes one code point. Everything the eye
 * sees as one letter (a grapheme) is one step for the cursor keys and for
 * Delete, so the cursor never sits between a letter and its mark. The text
 * handed back is NFC; stored names then compare equal however typed. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>
#include "r57/alloc.h"
#include "r57/text.h"
#include "edit.h"
#include "glyph.h"

#define REPLACEMENT 0xFFFD

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

/* The grapheme boundary before and after i (i itself may be inside one). */
static size_t step_left(const struct line_edit *e, size_t i)
{
	size_t n, *s = glyph_starts(e->buf, e->len, SIZE_MAX, &n), r = 0;
	for (size_t k = 0; k < n && s[k] < i; k++)
		r = s[k];
	free(s);
	return r;
}

static size_t step_right(const struct line_edit *e, size_t i)
{
	size_t n, *s = glyph_starts(e->buf, e->len, SIZE_MAX, &n), r = e->len;
	for (size_t k = 0; k <= n; k++)
		if (s[k] > i) {
			r = s[k];
			break;
		}
	free(s);
	return r;
}

/* Words are runs of graphemes that do not start with a space; a move by
 * word stops where one begins (left) or ends (right), as in readline. */
static size_t word_left(const struct line_edit *e, size_t i)
{
	size_t n, *s = glyph_starts(e->buf, e->len, SIZE_MAX, &n), k = 0;
	while (k < n && s[k + 1] <= i)
		k++; /* k: graphemes wholly before i */
	while (k > 0 && glyph_is_space(e->buf[s[k - 1]]))
		k--;
	while (k > 0 && !glyph_is_space(e->buf[s[k - 1]]))
		k--;
	size_t r = s[k];
	free(s);
	return r;
}

static size_t word_right(const struct line_edit *e, size_t i)
{
	size_t n, *s = glyph_starts(e->buf, e->len, SIZE_MAX, &n), k = 0;
	while (k < n && s[k] < i)
		k++; /* k: first grapheme starting at or after i */
	while (k < n && glyph_is_space(e->buf[s[k]]))
		k++;
	while (k < n && !glyph_is_space(e->buf[s[k]]))
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

char *edit_text(const struct line_edit *e)
{
	char *raw = glyph_encode(e->buf, e->len);
	/* Not text_normalize: spaces at the ends are the caller's to trim,
	 * and a field can hold a lone space while it is being typed. */
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)raw);
	free(raw);
	if (!nfc)
		abort(); /* the buffer only holds characters, so only memory */
	return nfc;
}

/* --- drawing --------------------------------------------------------- */

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
		glyph_make(l->e->buf + l->starts[k], l->starts[k + 1] - l->starts[k], &g);
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

/* The first grapheme to show of a field fw columns wide, with the cursor
 * on grapheme c, when the last draw began at s. */
static size_t field_scroll(struct layout *l, size_t c, size_t s, int fw)
{
	/* Scroll as little as keeps the cursor's cell in the field; going
	 * left past the start, a third of the field shows what is before it
	 * so the word being moved into can be read ... */
	if (s > c) {
		s = c;
		int before = 0;
		while (s > 0 && before + lw_of(l, s - 1) <= fw / 3)
			before += lw_of(l, --s);
	}
	size_t first = c;
	int used = 0;
	while (first > 0 && used + lw_of(l, first - 1) <= fw - 1)
		used += lw_of(l, --first);
	if (s < first)
		s = first;
	/* ... and when the end of the text is in view, bring back what fits
	 * on the left, so deleting at the end does not leave a blank field. */
	int tail = span(l, s, l->count, fw);
	while (s > 0 && tail + lw_of(l, s - 1) + 1 <= fw)
		tail += lw_of(l, --s);
	return s;
}

void edit_draw(WINDOW *w, int y, int x, int width, const char *label,
               struct line_edit *e)
{
	int h = 1;
	keys_update(); /* binds the keys before the first one is read */
	if (!glyph_clip(w, y, x, &h, &width))
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
			lw = glyph_text(NULL, 0, 0, budget, shown_label);
	}
	int fw = width - lw; /* at least 1 */

	struct layout l = { .e = e };
	l.starts = glyph_starts(e->buf, e->len, e->cursor, &l.count);
	l.width = r57_xmalloc((l.count + 1) * sizeof *l.width);
	for (size_t k = 0; k < l.count; k++)
		l.width[k] = -1;
	size_t c = 0, s = 0;
	while (c < l.count && l.starts[c] < e->cursor)
		c++;
	while (s + 1 < l.count && l.starts[s + 1] <= e->scroll)
		s++;

	s = field_scroll(&l, c, s, fw);
	e->scroll = l.starts[s];

	if (shown_label)
		glyph_text(w, y, x, lw, shown_label);
	int col = 0, cursor_col = 0;
	for (size_t k = s; k < l.count; k++) {
		if (k == c)
			cursor_col = col;
		struct glyph g;
		glyph_make(e->buf + l.starts[k], l.starts[k + 1] - l.starts[k], &g);
		if (col + g.width > fw)
			break;
		glyph_put(w, y, x + lw + col, &g);
		col += g.width;
	}
	if (c == l.count)
		cursor_col = span(&l, s, c, fw);
	glyph_blank(w, y, x + lw + col, fw - col);
	if (cursor_col > fw - 1)
		cursor_col = fw - 1; /* cannot happen; a guard for the column */
	wmove(w, y, x + lw + cursor_col);

	free(l.starts);
	free(l.width);
	free(shown_label);
}
