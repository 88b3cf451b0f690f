/* test_edit.c: the screen's line editor and picker (src/tui/edit.c, picker.c) driven
 * key by key as ncurses hands keys over, the way Vietnamese input methods
 * type: precomposed letters, a letter then its marks, backspace and the
 * letter again. The keys edit.c binds (Alt-b/f, Ctrl-Left/Right, the
 * bracketed-paste marks) and the drawing are checked on a real ncurses
 * screen whose input is a pipe and whose output goes to /dev/null. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include "../../src/tui/edit.h"
#include "../../src/tui/picker.h"

/* "Nguyễn Văn An" in NFC, and with ễ as e + U+0302 + U+0303, ă as a + U+0306 */
#define VI_NFC "Nguy\xe1\xbb\x85n V\xc4\x83n An"
#define VI_NFD "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An"
#define CJK3 "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2" /* 漢字漢 */

/* The screen the key and drawing tests use; NULL if none could be made. */
static SCREEN *scr;
static FILE *scr_in, *scr_out;
static int feed_fd = -1;

/* Sends each code point of UTF-8 s to edit_key as typed text. */
static enum edit_result type(struct line_edit *e, const char *s)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	enum edit_result r = EDIT_CONTINUE;
	while (*u) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(u, -1, &cp);
		assert_true(n > 0);
		r = edit_key(e, false, (wint_t)cp);
		u += n;
	}
	return r;
}

static enum edit_result key(struct line_edit *e, int code)
{
	return edit_key(e, true, (wint_t)code);
}

static void check_text(const struct line_edit *e, const char *want)
{
	char *got = edit_text(e);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* The code ncurses hands over for the byte sequence seq, once edit.c has
 * had the chance to bind it; skips the test without a screen. */
static int code_of(const char *seq)
{
	if (!scr)
		skip();
	struct line_edit e;
	edit_init(&e, NULL);
	edit_key(&e, true, KEY_RESIZE); /* lets edit.c bind its keys */
	edit_free(&e);
	int code = key_defined(seq);
	assert_true(code > 0);
	return code;
}

static void test_precomposed(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, NULL);
	assert_int_equal(type(&e, VI_NFC), EDIT_CONTINUE);
	check_text(&e, VI_NFC);
	assert_int_equal(e.len, 13);
	assert_int_equal(e.cursor, 13);
	edit_free(&e);
}

static void test_decomposed(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, NULL);
	/* n g u y e U+0302 U+0303 n, one call each */
	static const wint_t keys[] = { 'N', 'g', 'u', 'y', 'e', 0x0302, 0x0303, 'n' };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_int_equal(edit_key(&e, false, keys[i]), EDIT_CONTINUE);
	assert_int_equal(e.len, 8); /* kept as typed */
	check_text(&e, "Nguy\xe1\xbb\x85n");
	edit_free(&e);

	edit_init(&e, NULL);
	type(&e, VI_NFD);
	check_text(&e, VI_NFC);
	edit_free(&e);
}

static void test_backspace_retype(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, NULL);
	/* Telex "aas": a, then BS + â, then BS + ấ; the backspaces come as
	 * DEL, as ^H and as the curses key */
	type(&e, "a");
	edit_key(&e, false, 0x7F);
	type(&e, "\xc3\xa2"); /* â */
	edit_key(&e, false, 0x08);
	type(&e, "\xe1\xba\xa5"); /* ấ */
	check_text(&e, "\xe1\xba\xa5");
	assert_int_equal(e.len, 1);
	key(&e, KEY_BACKSPACE);
	check_text(&e, "");

	/* an input method that works in decomposed form retypes "Việt":
	 * V i e U+0302 t, then three backspaces and e U+0302 U+0323 t */
	type(&e, "Vie\xcc\x82t");
	for (int i = 0; i < 3; i++)
		key(&e, KEY_BACKSPACE);
	check_text(&e, "Vi");
	type(&e, "e\xcc\x82\xcc\xa3t");
	check_text(&e, "Vi\xe1\xbb\x87t");
	edit_free(&e);
}

static void test_backspace_mark(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, NULL);
	type(&e, "Nguye\xcc\x82\xcc\x83");
	edit_key(&e, false, 0x7F);
	check_text(&e, "Nguy\xc3\xaa"); /* Nguyê: only the tilde went */
	edit_key(&e, false, 0x7F);
	check_text(&e, "Nguye");
	edit_key(&e, false, 0x7F);
	check_text(&e, "Nguy");
	/* Backspace at the start does nothing */
	key(&e, KEY_HOME);
	key(&e, KEY_BACKSPACE);
	check_text(&e, "Nguy");
	edit_free(&e);
}

static void test_grapheme_moves(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, "Nguye\xcc\x82\xcc\x83n"); /* 8 code points */
	assert_int_equal(e.cursor, 8);
	key(&e, KEY_LEFT);
	assert_int_equal(e.cursor, 7);
	key(&e, KEY_LEFT); /* over e + both marks at once */
	assert_int_equal(e.cursor, 4);
	key(&e, KEY_RIGHT);
	assert_int_equal(e.cursor, 7);
	key(&e, KEY_LEFT);
	type(&e, "X");
	check_text(&e, "NguyX\xe1\xbb\x85n");
	/* Delete takes the whole letter with its marks */
	key(&e, KEY_DC);
	check_text(&e, "NguyXn");
	edit_key(&e, false, 0x04); /* Ctrl-D */
	check_text(&e, "NguyX");
	key(&e, KEY_DC); /* at the end: nothing */
	check_text(&e, "NguyX");
	/* moves stop at the ends */
	key(&e, KEY_RIGHT);
	assert_int_equal(e.cursor, 5);
	key(&e, KEY_HOME);
	key(&e, KEY_LEFT);
	assert_int_equal(e.cursor, 0);
	edit_key(&e, false, 0x05); /* Ctrl-E */
	assert_int_equal(e.cursor, 5);
	edit_key(&e, false, 0x01); /* Ctrl-A */
	assert_int_equal(e.cursor, 0);
	key(&e, KEY_END);
	assert_int_equal(e.cursor, 5);
	edit_free(&e);

	/* a flag (two regional indicators) and a ZWJ family are one step */
	edit_init(&e, "a\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3"
	              "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");
	assert_int_equal(e.len, 8);
	key(&e, KEY_LEFT);
	assert_int_equal(e.cursor, 3);
	key(&e, KEY_LEFT);
	assert_int_equal(e.cursor, 1);
	edit_free(&e);
}

static void test_ctrl_w_u_k(void **state)
{
	(void)state;
	struct line_edit e;
	/* Sở Nội vụ, then two spaces */
	edit_init(&e, "S\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5  ");
	edit_key(&e, false, 0x17); /* Ctrl-W: the spaces and the word before */
	check_text(&e, "S\xe1\xbb\x9f N\xe1\xbb\x99i ");
	/* inside a word: from its start to the cursor */
	key(&e, KEY_LEFT);
	key(&e, KEY_LEFT);
	edit_key(&e, false, 0x17);
	check_text(&e, "S\xe1\xbb\x9f i ");
	assert_int_equal(e.cursor, 3);
	/* Ctrl-K: to the end; Ctrl-U: to the start */
	edit_key(&e, false, 0x0B);
	check_text(&e, "S\xe1\xbb\x9f ");
	key(&e, KEY_LEFT);
	edit_key(&e, false, 0x15);
	check_text(&e, " ");
	assert_int_equal(e.cursor, 0);
	edit_key(&e, false, 0x17); /* nothing before the cursor */
	check_text(&e, " ");
	edit_free(&e);

	/* a decomposed word goes whole */
	edit_init(&e, "an Nguye\xcc\x82\xcc\x83n");
	edit_key(&e, false, 0x17);
	check_text(&e, "an ");
	edit_free(&e);
}

static void test_word_moves(void **state)
{
	(void)state;
	int cl = code_of("\033[1;5D"), cr = code_of("\033[1;5C");
	int ab = code_of("\033b"), af = code_of("\033f");
	struct line_edit e;
	/* "Sở  Nội vụ", ở decomposed: words are [0,4), [6,9) and [10,12) */
	edit_init(&e, "So\xcc\x9b\xcc\x89  N\xe1\xbb\x99i v\xe1\xbb\xa5");
	assert_int_equal(e.len, 12);
	key(&e, cl);
	assert_int_equal(e.cursor, 10);
	key(&e, ab);
	assert_int_equal(e.cursor, 6);
	key(&e, cl);
	assert_int_equal(e.cursor, 0);
	key(&e, cl);
	assert_int_equal(e.cursor, 0);
	key(&e, cr); /* to the end of the word, past its marks */
	assert_int_equal(e.cursor, 4);
	key(&e, af);
	assert_int_equal(e.cursor, 9);
	key(&e, cr);
	assert_int_equal(e.cursor, 12);
	key(&e, cr);
	assert_int_equal(e.cursor, 12);
	edit_free(&e);
}

static void test_paste(void **state)
{
	(void)state;
	int in = code_of("\033[200~"), out = code_of("\033[201~");
	struct line_edit e;
	edit_init(&e, "x");
	key(&e, in);
	/* CR, CR LF and a blank line each give one space; a tab one; ESC
	 * and other controls inside a paste are nothing, Enter no accept */
	assert_int_equal(type(&e, "ab\rcd\r\nef\n\ng\th\033i"), EDIT_CONTINUE);
	assert_int_equal(key(&e, KEY_ENTER), EDIT_CONTINUE);
	type(&e, "j");
	key(&e, out);
	check_text(&e, "xab cd ef g hi j");
	/* after the paste Enter accepts again */
	assert_int_equal(edit_key(&e, false, '\r'), EDIT_ACCEPT);
	edit_free(&e);

	/* without bracketed paste a newline is Enter; a tab is a space */
	edit_init(&e, NULL);
	assert_int_equal(type(&e, "a\tb"), EDIT_CONTINUE);
	check_text(&e, "a b");
	assert_int_equal(type(&e, "\n"), EDIT_ACCEPT);
	edit_free(&e);
}

static void test_controls_ignored(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, NULL);
	/* BEL, NUL, a C1 CSI, a lone surrogate, beyond U+10FFFF, ^B, ^F */
	static const wint_t junk[] = { 0x07, 0x00, 0x9B, 0xD800, 0x110000, 0x02, 0x06, 0x1F };
	type(&e, "a");
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
		assert_int_equal(edit_key(&e, false, junk[i]), EDIT_CONTINUE);
	type(&e, "b");
	/* function keys the editor has no use for */
	assert_int_equal(key(&e, KEY_F(1)), EDIT_CONTINUE);
	assert_int_equal(key(&e, KEY_UP), EDIT_CONTINUE);
	assert_int_equal(key(&e, KEY_RESIZE), EDIT_CONTINUE);
	check_text(&e, "ab");
	assert_int_equal(e.len, 2);
	edit_free(&e);
}

static void test_accept_cancel(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, "  " VI_NFD " ");
	check_text(&e, "  " VI_NFC " "); /* NFC, but not trimmed */
	assert_int_equal(edit_key(&e, false, 27), EDIT_CANCEL);
	assert_int_equal(edit_key(&e, false, '\r'), EDIT_ACCEPT);
	assert_int_equal(edit_key(&e, false, '\n'), EDIT_ACCEPT);
	assert_int_equal(key(&e, KEY_ENTER), EDIT_ACCEPT);
	check_text(&e, "  " VI_NFC " ");
	edit_free(&e);

	edit_init(&e, NULL);
	check_text(&e, "");
	assert_int_equal(e.cursor, 0);
	edit_free(&e);
	/* a bad byte in the initial text is one U+FFFD */
	edit_init(&e, "a\xff" "b");
	check_text(&e, "a\xef\xbf\xbd" "b");
	edit_free(&e);
}

/* Bytes through the screen's input: each arrives as the one key edit.c
 * expects, and a lone ESC still arrives as ESC. */
static void test_keys_from_terminal(void **state)
{
	(void)state;
	int ab = code_of("\033b"), cl = code_of("\033[1;5D");
	int in = code_of("\033[200~");
	static const char bytes[] = "\033b\033[1;5D\033[200~";
	assert_int_equal(write(feed_fd, bytes, sizeof bytes - 1), (ssize_t)(sizeof bytes - 1));
	wint_t ch;
	assert_int_equal(wget_wch(stdscr, &ch), KEY_CODE_YES);
	assert_int_equal(ch, (wint_t)ab);
	assert_int_equal(wget_wch(stdscr, &ch), KEY_CODE_YES);
	assert_int_equal(ch, (wint_t)cl);
	assert_int_equal(wget_wch(stdscr, &ch), KEY_CODE_YES);
	assert_int_equal(ch, (wint_t)in);
	assert_int_equal(write(feed_fd, "\033", 1), 1);
	assert_int_equal(wget_wch(stdscr, &ch), OK);
	assert_int_equal(ch, 27);
	/* a Vietnamese letter as UTF-8 comes as one character */
	assert_int_equal(write(feed_fd, "\xe1\xbb\x85", 3), 3);
	assert_int_equal(wget_wch(stdscr, &ch), OK);
	assert_int_equal(ch, 0x1EC5);
}

/* --- drawing --------------------------------------------------------- */

/* What the screen holds at (y, x) as UTF-8 (the cell's characters). */
static void cell(int y, int x, char *out)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	assert_int_equal(mvwin_wch(stdscr, y, x, &cc), OK);
	assert_int_equal(getcchar(&cc, wc, &a, &pair, NULL), OK);
	size_t o = 0;
	for (int i = 0; wc[i]; i++)
		o += (size_t)utf8proc_encode_char((utf8proc_int32_t)wc[i], (utf8proc_uint8_t *)out + o);
	out[o] = '\0';
}

static bool reversed(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	mvwin_wch(stdscr, y, x, &cc);
	getcchar(&cc, wc, &a, &pair, NULL);
	return (a & A_REVERSE) != 0;
}

/* A box corner: a Unicode line-drawing letter, or the terminal's
 * alternate character set, whichever ncurses chose. */
static bool corner(int y, int x)
{
	char got[64];
	cell(y, x, got);
	return strcmp(got, "\xe2\x94\x8c") == 0 || strcmp(got, "\xe2\x94\x94") == 0 ||
	       ((strcmp(got, "l") == 0 || strcmp(got, "m") == 0) &&
	        (mvwinch(stdscr, y, x) & A_ALTCHARSET));
}

static void check_cell(int y, int x, const char *want)
{
	char got[64];
	cell(y, x, got);
	assert_string_equal(got, want);
}

/* Where a draw left the terminal cursor (reading cells moves it). */
static int cur_y, cur_x;

static void draw_edit(int y, int x, int width, const char *label, struct line_edit *e)
{
	edit_draw(stdscr, y, x, width, label, e);
	getyx(stdscr, cur_y, cur_x);
}

static void draw_picker(int y, int x, int h, int w, struct picker *p)
{
	picker_draw(stdscr, y, x, h, w, p);
	getyx(stdscr, cur_y, cur_x);
}

/* Fills the screen with '#', so a write outside a rectangle shows. */
static void fill(void)
{
	if (!scr)
		skip();
	wattr_set(stdscr, A_NORMAL, 0, NULL);
	for (int y = 0; y < getmaxy(stdscr); y++)
		for (int x = 0; x < getmaxx(stdscr); x++)
			mvwaddch(stdscr, y, x, '#');
}

static void check_outside(int y, int x, int h, int w)
{
	for (int r = 0; r < getmaxy(stdscr); r++)
		for (int c = 0; c < getmaxx(stdscr); c++)
			if (r < y || r >= y + h || c < x || c >= x + w)
				check_cell(r, c, "#");
}

static void test_draw_edit(void **state)
{
	(void)state;
	fill();
	struct line_edit e;
	edit_init(&e, VI_NFD);
	draw_edit(2, 3, 30, "Name: ", &e);
	check_outside(2, 3, 1, 30);
	check_cell(2, 3, "N");
	check_cell(2, 9, "N");
	check_cell(2, 13, "\xe1\xbb\x85"); /* ễ drawn composed in one cell */
	check_cell(2, 14, "n");
	check_cell(2, 21, "n");
	check_cell(2, 22, " ");
	assert_int_equal(cur_y, 2);
	assert_int_equal(cur_x, 9 + 13);
	/* the cursor after the decomposed letter sits right after its cell */
	key(&e, KEY_HOME);
	for (int i = 0; i < 5; i++)
		key(&e, KEY_RIGHT);
	draw_edit(2, 3, 30, "Name: ", &e);
	assert_int_equal(cur_x, 9 + 5);
	edit_free(&e);

	/* a control character in the text shows as its picture */
	edit_init(&e, "a\x1b" "b");
	draw_edit(2, 3, 30, NULL, &e);
	check_cell(2, 4, "\xe2\x90\x9b");
	assert_int_equal(cur_x, 3 + 3);
	edit_free(&e);

	/* a mark with no letter gets a dotted circle and a column */
	edit_init(&e, "\xcc\x81" "a");
	draw_edit(2, 3, 30, NULL, &e);
	check_cell(2, 3, "\xe2\x97\x8c\xcc\x81");
	check_cell(2, 4, "a");
	assert_int_equal(cur_x, 3 + 2);
	edit_free(&e);
}

static void test_draw_scroll_wide(void **state)
{
	(void)state;
	fill();
	struct line_edit e;
	/* 30 CJK letters (60 columns) in a 10-column field after "T: " */
	char text[30 * 3 + 1] = "";
	for (int i = 0; i < 10; i++)
		strcat(text, CJK3);
	edit_init(&e, text);
	draw_edit(0, 0, 13, "T: ", &e);
	check_outside(0, 0, 1, 13);
	check_cell(0, 0, "T");
	/* the cursor at the end: four wide letters fit before its cell, the
	 * last four of the text (漢漢字漢) */
	assert_int_equal(cur_x, 3 + 8);
	check_cell(0, 3, "\xe6\xbc\xa2");
	check_cell(0, 7, "\xe5\xad\x97");
	check_cell(0, 11, " ");
	check_cell(0, 12, " ");
	/* Home scrolls back to the start */
	key(&e, KEY_HOME);
	draw_edit(0, 0, 13, "T: ", &e);
	assert_int_equal(e.scroll, 0);
	assert_int_equal(cur_x, 3);
	check_cell(0, 3, "\xe6\xbc\xa2");
	check_cell(0, 5, "\xe5\xad\x97");
	/* moving right keeps the cursor in view, one letter at a time */
	for (int i = 0; i < 6; i++)
		key(&e, KEY_RIGHT);
	draw_edit(0, 0, 13, "T: ", &e);
	assert_true(cur_x <= 12);
	assert_true(cur_x >= 3);
	assert_true(e.scroll > 0 && e.scroll <= 6);
	/* moving left past the view's start shows a third of the field
	 * before the cursor: one wide letter */
	key(&e, KEY_END);
	draw_edit(0, 0, 13, "T: ", &e);
	assert_int_equal(e.scroll, 26);
	for (int i = 0; i < 5; i++)
		key(&e, KEY_LEFT);
	draw_edit(0, 0, 13, "T: ", &e);
	assert_int_equal(e.scroll, 24);
	assert_int_equal(cur_x, 3 + 2);
	/* deleting from the end brings the text back into the field */
	key(&e, KEY_END);
	draw_edit(0, 0, 13, "T: ", &e);
	for (int i = 0; i < 27; i++)
		key(&e, KEY_BACKSPACE);
	draw_edit(0, 0, 13, "T: ", &e);
	assert_int_equal(e.scroll, 0);
	assert_int_equal(cur_x, 3 + 6);
	check_outside(0, 0, 1, 13);
	edit_free(&e);
}

static void test_draw_tiny(void **state)
{
	(void)state;
	struct line_edit e;
	edit_init(&e, "Ph\xc3\xb2ng " CJK3 " K\xe1\xba\xbf ho\xe1\xba\xa1" "ch");
	for (int width = -1; width <= 8; width++) {
		for (int cur = 0; cur < 3; cur++) {
			fill();
			if (cur == 1)
				key(&e, KEY_HOME);
			if (cur == 2)
				for (int i = 0; i < 7; i++)
					key(&e, KEY_RIGHT);
			draw_edit(1, 2, width, "Title: ", &e);
			check_outside(1, 2, 1, width > 0 ? width : 0);
			if (width > 0) {
				assert_true(cur_x >= 2);
				assert_true(cur_x < 2 + width);
			}
		}
	}
	/* at the window's edge and beyond it */
	fill();
	int mx = getmaxx(stdscr), my = getmaxy(stdscr);
	draw_edit(my - 1, mx - 3, 40, "Title: ", &e);
	check_outside(my - 1, mx - 3, 1, 3);
	draw_edit(my, 0, 10, "x", &e);
	draw_edit(0, mx, 10, "x", &e);
	draw_edit(-1, 0, 10, "x", &e);
	check_outside(my - 1, mx - 3, 1, 3);
	edit_free(&e);
}

/* --- picker ---------------------------------------------------------- */

static void fill_picker(struct picker *p, bool allow_new, bool allow_none)
{
	picker_init(p, "Lead", allow_new, allow_none);
	picker_add(p, 1, VI_NFC);
	picker_add(p, 2, "Tr\xe1\xba\xa7n Th\xe1\xbb\x8b B\xc3\xacnh");       /* Trần Thị Bình */
	picker_add(p, 3, "S\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5");       /* Sở Nội vụ */
	picker_add(p, 4, "S\xe1\xbb\x9f T\xc3\xa0i ch\xc3\xadnh");            /* Sở Tài chính */
	picker_add(p, 5, "\xc4\x90\xe1\xbb\x97 Th\xe1\xbb\x8b Lan");          /* Đỗ Thị Lan */
}

static enum pick_result pick_type(struct picker *p, const char *s)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	enum pick_result r = PICK_CONTINUE;
	while (*u) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(u, -1, &cp);
		assert_true(n > 0);
		r = picker_key(p, false, (wint_t)cp, NULL, NULL);
		u += n;
	}
	return r;
}

static enum pick_result pick_key(struct picker *p, int code, int64_t *id, char **text)
{
	return picker_key(p, true, (wint_t)code, id, text);
}

static void test_picker_narrow(void **state)
{
	(void)state;
	struct picker p;
	fill_picker(&p, false, false);
	assert_int_equal(p.n, 5);
	assert_int_equal(p.n_shown, 5);

	pick_type(&p, "nguyen van an");
	assert_int_equal(p.n_shown, 1);
	assert_int_equal(p.shown[0], 0);
	int64_t id = -1;
	assert_int_equal(picker_key(&p, false, '\r', &id, NULL), PICK_ACCEPT);
	assert_int_equal(id, 1);

	picker_key(&p, false, 0x15, NULL, NULL); /* Ctrl-U clears the query */
	assert_int_equal(p.n_shown, 5);
	pick_type(&p, "so noi vu");
	assert_int_equal(p.n_shown, 1);
	assert_int_equal(p.shown[0], 2);

	/* words in any order, any part of a word, đ as d, with marks too */
	picker_key(&p, false, 0x15, NULL, NULL);
	pick_type(&p, "thi");
	assert_int_equal(p.n_shown, 2);
	pick_type(&p, " lan do");
	assert_int_equal(p.n_shown, 1);
	assert_int_equal(p.shown[0], 4);
	picker_key(&p, false, 0x15, NULL, NULL);
	pick_type(&p, "S\xe1\xbb\x9f");  /* Sở */
	assert_int_equal(p.n_shown, 2);
	pick_type(&p, "  ");
	assert_int_equal(p.n_shown, 2);
	/* a backspace widens the list again */
	picker_key(&p, false, 0x15, NULL, NULL);
	pick_type(&p, "sox");
	assert_int_equal(p.n_shown, 0);
	assert_int_equal(picker_key(&p, false, '\r', &id, NULL), PICK_CONTINUE);
	picker_key(&p, true, KEY_BACKSPACE, NULL, NULL);
	assert_int_equal(p.n_shown, 2);

	/* Escape cancels */
	assert_int_equal(picker_key(&p, false, 27, NULL, NULL), PICK_CANCEL);
	picker_free(&p);
}

static void test_picker_new_none(void **state)
{
	(void)state;
	struct picker p;
	int64_t id = -1;
	char *text = NULL;

	/* nothing matches: the new entry is the only row and selected;
	 * typed decomposed and spaced, it comes back NFC and trimmed */
	fill_picker(&p, true, false);
	pick_type(&p, "  Le\xcc\x82 Va\xcc\x86n Ta\xcc\x81m ");
	assert_int_equal(p.n_shown, 0);
	assert_int_equal(picker_key(&p, false, '\r', &id, &text), PICK_NEW);
	assert_non_null(text);
	assert_string_equal(text, "L\xc3\xaa V\xc4\x83n T\xc3\xa1m");
	free(text);
	text = NULL;
	picker_free(&p);

	/* an exact match (folded, however spaced) offers no new entry */
	fill_picker(&p, true, false);
	pick_type(&p, "nguyen  van an");
	assert_int_equal(p.n_shown, 1);
	pick_key(&p, KEY_END, NULL, NULL);
	assert_int_equal(p.sel, 0);
	assert_int_equal(pick_key(&p, KEY_ENTER, &id, &text), PICK_ACCEPT);
	assert_int_equal(id, 1);
	assert_null(text);
	picker_free(&p);

	/* a partial match: the match is selected, the new entry is last */
	fill_picker(&p, true, false);
	pick_type(&p, "Nguy\xe1\xbb\x85n");
	assert_int_equal(p.n_shown, 1);
	assert_int_equal(p.sel, 0);
	pick_key(&p, KEY_DOWN, NULL, NULL);
	assert_int_equal(p.sel, 1);
	assert_int_equal(picker_key(&p, false, '\n', &id, &text), PICK_NEW);
	assert_string_equal(text, "Nguy\xe1\xbb\x85n");
	free(text);
	text = NULL;
	picker_free(&p);

	/* (none) comes first; with nothing typed it is selected */
	fill_picker(&p, true, true);
	assert_int_equal(p.sel, 0);
	id = -1;
	assert_int_equal(picker_key(&p, false, '\r', &id, &text), PICK_NONE);
	assert_int_equal(id, -1);
	assert_null(text);
	/* typing selects the first match, after (none) */
	pick_type(&p, "tai");
	assert_int_equal(p.sel, 1);
	assert_int_equal(picker_key(&p, false, '\r', &id, &text), PICK_ACCEPT);
	assert_int_equal(id, 4);
	pick_key(&p, KEY_HOME, NULL, NULL);
	assert_int_equal(picker_key(&p, false, '\r', &id, &text), PICK_NONE);
	/* no new entry for an empty query: (none) and the items only */
	picker_key(&p, false, 0x15, NULL, NULL);
	pick_key(&p, KEY_END, NULL, NULL);
	assert_int_equal(p.sel, 5);
	assert_int_equal(picker_key(&p, false, '\r', &id, &text), PICK_ACCEPT);
	assert_int_equal(id, 5);
	pick_type(&p, "   ");
	pick_key(&p, KEY_END, NULL, NULL);
	assert_int_equal(p.sel, 5);
	picker_free(&p);
}

static void test_picker_moves(void **state)
{
	(void)state;
	struct picker p;
	int64_t id = 0;
	picker_init(&p, NULL, false, false);
	/* an empty list: moves and Enter do nothing */
	pick_key(&p, KEY_DOWN, NULL, NULL);
	pick_key(&p, KEY_END, NULL, NULL);
	assert_int_equal(p.sel, 0);
	assert_int_equal(picker_key(&p, false, '\r', &id, NULL), PICK_CONTINUE);
	for (int i = 0; i < 40; i++) {
		char name[32];
		snprintf(name, sizeof name, "Ng\xc6\xb0\xe1\xbb\x9di %02d", i); /* Người NN */
		picker_add(&p, 100 + i, name);
	}
	assert_int_equal(p.n_shown, 40);
	pick_key(&p, KEY_UP, NULL, NULL);
	assert_int_equal(p.sel, 0);
	pick_key(&p, KEY_DOWN, NULL, NULL);
	pick_key(&p, KEY_DOWN, NULL, NULL);
	assert_int_equal(p.sel, 2);
	pick_key(&p, KEY_PPAGE, NULL, NULL); /* a page is a row until drawn */
	assert_int_equal(p.sel, 1);
	p.page = 10; /* as a draw with ten list rows leaves it */
	pick_key(&p, KEY_NPAGE, NULL, NULL);
	assert_int_equal(p.sel, 11);
	for (int i = 0; i < 5; i++)
		pick_key(&p, KEY_NPAGE, NULL, NULL);
	assert_int_equal(p.sel, 39);
	pick_key(&p, KEY_DOWN, NULL, NULL);
	assert_int_equal(p.sel, 39);
	assert_int_equal(picker_key(&p, false, '\r', &id, NULL), PICK_ACCEPT);
	assert_int_equal(id, 139);
	pick_key(&p, KEY_PPAGE, NULL, NULL);
	assert_int_equal(p.sel, 29);
	pick_key(&p, KEY_HOME, NULL, NULL);
	assert_int_equal(p.sel, 0);
	pick_key(&p, KEY_END, NULL, NULL);
	assert_int_equal(p.sel, 39);
	/* Left, Right, Ctrl-A edit the query, not the list */
	pick_type(&p, "3");
	assert_int_equal(p.n_shown, 13); /* 03 13 23 30..39 */
	assert_int_equal(p.sel, 0);
	pick_key(&p, KEY_LEFT, NULL, NULL);
	pick_type(&p, "2");
	assert_int_equal(p.n_shown, 1);
	assert_int_equal(picker_key(&p, false, '\r', &id, NULL), PICK_ACCEPT);
	assert_int_equal(id, 123);
	picker_free(&p);
}

static void test_picker_draw(void **state)
{
	(void)state;
	fill();
	struct picker p;
	fill_picker(&p, true, true);
	draw_picker(1, 2, 6, 20, &p);
	check_outside(1, 2, 6, 20);
	assert_int_equal(p.page, 3);
	/* the box: title on the top border, query, three rows */
	assert_true(corner(1, 2));
	check_cell(1, 4, " ");
	check_cell(1, 5, "L");
	check_cell(2, 3, ">");
	check_cell(3, 3, "(");
	assert_true(reversed(3, 3));
	assert_true(reversed(3, 20)); /* the bar spans the row */
	check_cell(4, 3, "N");
	assert_false(reversed(4, 3));
	assert_true(corner(6, 2));
	/* the terminal cursor is left in the query */
	assert_int_equal(cur_y, 2);
	assert_int_equal(cur_x, 5);

	/* moving past the last row shown scrolls the list */
	for (int i = 0; i < 4; i++)
		pick_key(&p, KEY_DOWN, NULL, NULL);
	draw_picker(1, 2, 6, 20, &p);
	assert_int_equal(p.top, 2);
	assert_true(reversed(5, 3));
	check_cell(5, 3, "S");

	/* typing: the new entry, fitted */
	pick_type(&p, "Ho\xcc\x80ng Th\xe1\xbb\x8b Thu Trang Nguy\xe1\xbb\x85n");
	draw_picker(1, 2, 6, 20, &p);
	check_outside(1, 2, 6, 20);
	check_cell(4, 3, "+");
	check_cell(4, 20, "\xe2\x80\xa6"); /* cut with an ellipsis */
	assert_int_equal(cur_y, 2);
	assert_true(cur_x <= 20);

	/* every small size: no crash, nothing outside */
	for (int h = -1; h <= 6; h++)
		for (int w = -1; w <= 8; w++) {
			fill();
			draw_picker(2, 3, h, w, &p);
			check_outside(2, 3, h > 0 ? h : 0, w > 0 ? w : 0);
		}
	/* no box: the title labels the query */
	fill();
	picker_key(&p, false, 0x15, NULL, NULL);
	draw_picker(0, 0, 3, 30, &p);
	check_cell(0, 0, "L");
	check_cell(0, 4, ":");
	check_cell(1, 0, "(");
	assert_true(reversed(1, 0));
	check_cell(2, 0, "N");
	check_outside(0, 0, 3, 30);
	picker_free(&p);

	/* nothing matches and nothing new: says so */
	picker_init(&p, "Unit", false, false);
	picker_add(&p, 1, "S\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5");
	pick_type(&p, "zz");
	fill();
	draw_picker(0, 0, 5, 20, &p);
	check_cell(2, 1, "(");
	check_outside(0, 0, 5, 20);
	picker_free(&p);
}

static int screen_up(void **state)
{
	(void)state;
	int fds[2];
	if (pipe(fds) != 0)
		return 0;
	feed_fd = fds[1];
	scr_in = fdopen(fds[0], "r");
	scr_out = fopen("/dev/null", "w");
	if (!scr_in || !scr_out)
		return 0;
	scr = newterm("xterm-256color", scr_out, scr_in);
	if (!scr)
		return 0; /* the tests that need it skip */
	keypad(stdscr, TRUE);
	set_escdelay(20);
	return 0;
}

static int screen_down(void **state)
{
	(void)state;
	if (scr) {
		endwin();
		delscreen(scr);
	}
	if (scr_in)
		fclose(scr_in);
	if (scr_out)
		fclose(scr_out);
	if (feed_fd >= 0)
		close(feed_fd);
	return 0;
}

int main(void)
{
	/* widths and wide characters as in the tests' sealed environment */
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precomposed),
		cmocka_unit_test(test_decomposed),
		cmocka_unit_test(test_backspace_retype),
		cmocka_unit_test(test_backspace_mark),
		cmocka_unit_test(test_grapheme_moves),
		cmocka_unit_test(test_ctrl_w_u_k),
		cmocka_unit_test(test_word_moves),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_controls_ignored),
		cmocka_unit_test(test_accept_cancel),
		cmocka_unit_test(test_keys_from_terminal),
		cmocka_unit_test(test_draw_edit),
		cmocka_unit_test(test_draw_scroll_wide),
		cmocka_unit_test(test_draw_tiny),
		cmocka_unit_test(test_picker_narrow),
		cmocka_unit_test(test_picker_new_none),
		cmocka_unit_test(test_picker_moves),
		cmocka_unit_test(test_picker_draw),
	};
	return cmocka_run_group_tests(tests, screen_up, screen_down);
}
