/* glyph.h: what the line editor and the picker share for drawing user
 * text: graphemes found in code points, each measured once and put in
 * columns of its own (tui/glyph.c). Only edit.c and picker.c include it. */
#ifndef R57_TUI_GLYPH_H
#define R57_TUI_GLYPH_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <curses.h>

/* One grapheme as it goes to the screen: what ncurses is given, the
 * columns it takes by our measure (text_width, as everywhere in r57) and
 * by the terminal's (wcwidth, which ncurses lays out by). */
#define GLYPH_MAX 32
struct glyph {
	wchar_t wc[GLYPH_MAX];
	int n, width, nc_width;
};

/* Where the graphemes of b[0..n) start, then n: *count graphemes, newly
 * allocated. A break is forced at force (SIZE_MAX for none), so the cursor,
 * even when an edit has left it inside a grapheme, is always at a start
 * when drawn. */
size_t *glyph_starts(const wchar_t *b, size_t n, size_t force, size_t *count);
/* A space or tab, or any other space separator (Zs). */
bool glyph_is_space(wchar_t c);
/* UTF-8 of b[0..n), NUL-terminated, as typed (newly allocated). */
char *glyph_encode(const wchar_t *b, size_t n);
/* The grapheme g[0..n) made safe and measured, as it goes to the screen. */
void glyph_make(const wchar_t *g, size_t n, struct glyph *out);
/* Draws g at (y, x) in exactly g->width columns (spaces fill what the
 * terminal takes less of) in the window's current attributes. */
void glyph_put(WINDOW *w, int y, int x, const struct glyph *g);
/* width spaces at (y, x). */
void glyph_blank(WINDOW *w, int y, int x, int width);
/* Draws the UTF-8 s at (y, x) in exactly width columns: the graphemes that
 * fit, then spaces. With w NULL only measures. Returns the columns of text. */
int glyph_text(WINDOW *w, int y, int x, int width, const char *s);
/* Limits a rectangle to the window; false if nothing of it is left. */
bool glyph_clip(WINDOW *w, int y, int x, int *h, int *width);

#endif
