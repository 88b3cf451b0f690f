/* edit.h: the screen's line editor. It holds a line as code points, moves
 * by character (grapheme) and by word, takes pasted and wide text and the
 * combining marks and backspace-and-retype sequences of Vietnamese input
 * methods, and hands back NFC UTF-8. It keeps its whole state in its
 * struct, so a resize redraws it from it and nothing typed is lost. The
 * picker (picker.h) is built on it. */
#ifndef R57_TUI_EDIT_H
#define R57_TUI_EDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>
#include <curses.h>

struct line_edit {
	wchar_t *buf;     /* code points, not NUL-terminated */
	size_t len, cap;
	size_t cursor;    /* index into buf, 0..len */
	size_t scroll;    /* first code point shown (kept by edit_draw) */
	int paste;        /* inside a bracketed paste (2: just after a newline) */
};

enum edit_result { EDIT_CONTINUE, EDIT_ACCEPT, EDIT_CANCEL };

/* Start with initial (UTF-8, may be NULL), cursor at the end. */
void edit_init(struct line_edit *e, const char *initial);
void edit_free(struct line_edit *e);
/* One input from wget_wch: is_key says it was a KEY_* code. Enter accepts,
 * Escape cancels. Keys: Left/Right (by grapheme), Ctrl-Left/Ctrl-Right and
 * Alt-b/Alt-f (by word), Home/Ctrl-A, End/Ctrl-E, Backspace (one code point,
 * as input methods expect), Delete/Ctrl-D (one grapheme), Ctrl-W (word
 * before), Ctrl-U (to the start), Ctrl-K (to the end). A newline or tab
 * in pasted text becomes a space; other control characters are ignored.
 * Alt-b/Alt-f, xterm's Ctrl-Left/Right and the bracketed-paste marks are
 * bound as keys (define_key, on the first edit_draw), so a lone ESC is
 * Escape; the screen turns bracketed paste on (\e[?2004h) and keeps
 * ESCDELAY short. Without it a pasted newline is Enter. */
enum edit_result edit_key(struct line_edit *e, bool is_key, wint_t ch);
/* The text as NFC UTF-8 (newly allocated). */
char *edit_text(const struct line_edit *e);
/* Draw label then the text in width columns at (y, x), scrolled so the
 * cursor shows, user text made safe; leaves the terminal cursor on it. */
void edit_draw(WINDOW *w, int y, int x, int width, const char *label,
               struct line_edit *e);

#endif
