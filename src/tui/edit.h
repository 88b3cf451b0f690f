/* edit.h: the screen's line editor and picker. The editor holds a line as
 * code points, moves by character (grapheme) and by word, takes pasted and
 * wide text and the combining marks and backspace-and-retype sequences of
 * Vietnamese input methods, and hands back NFC UTF-8. The picker narrows
 * a list of names as the user types any part of one, without diacritics.
 * Both keep their whole state in their struct, so a resize redraws them
 * from it and nothing typed is lost. */
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

/* --- picker ---------------------------------------------------------- */

struct pick_item {
	int64_t id;
	char *label;    /* shown (made safe when drawn) */
	char *folded;   /* text_fold(label), for matching */
};

struct picker {
	char *title;
	struct pick_item *items;
	int n, cap;
	int *shown;      /* indices of items matching the query */
	int n_shown;
	int sel, top;    /* selection and first row shown, counting the
	                    "(none)" and "new" rows with the shown items */
	int page;        /* list rows at the last draw, for PgUp/PgDn */
	bool allow_new;  /* offer "new: <typed text>" when nothing matches exactly */
	bool allow_none; /* offer "(none)" to clear the field */
	bool has_current;
	int64_t current; /* the value the field has (0 = none): selected while
	                    nothing is typed, so Enter keeps it */
	struct line_edit query;
};

enum pick_result { PICK_CONTINUE, PICK_ACCEPT, PICK_NEW, PICK_NONE, PICK_CANCEL };

void picker_init(struct picker *p, const char *title, bool allow_new, bool allow_none);
void picker_add(struct picker *p, int64_t id, const char *label);
void picker_free(struct picker *p);
/* Start on the item with this id (0: "(none)"), after the items are
 * added; with nothing typed the selection comes back to it. */
void picker_select(struct picker *p, int64_t id);
/* Up/Down/PgUp/PgDn move, Enter accepts, Escape cancels, anything else
 * edits the query, which narrows the list (every word of the query must
 * occur in the folded label). On PICK_ACCEPT *id is the item's id; on
 * PICK_NEW *text is the typed text (newly allocated, NFC). */
enum pick_result picker_key(struct picker *p, bool is_key, wint_t ch,
                            int64_t *id, char **text);
/* Draw in the rectangle (y, x, h, w): the title, the query line, the list. */
void picker_draw(WINDOW *win, int y, int x, int h, int w, struct picker *p);

#endif
