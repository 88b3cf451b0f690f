/* glyph.c: user text drawn a grapheme at a time (see tui/glyph.h). Drawing
 * measures each grapheme once, places it at a column of its own and never
 * lets it spill past the given width, so the terminal cursor lands where
 * the next letter goes even with wide (CJK) letters, lone marks and text
 * the terminal's own width table sees differently. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>
#include "r57/alloc.h"
#include "r57/text.h"
#include "glyph.h"

#define REPLACEMENT 0xFFFD
#define DOTTED_CIRCLE 0x25CC /* carrier for a mark with no letter */

/* Where the graphemes of b[0..n) start, then n: *count graphemes. A break
 * is forced at force (SIZE_MAX for none), so the cursor, even when an edit
 * has left it inside a grapheme, is always at a start when drawn. */
size_t *glyph_starts(const wchar_t *b, size_t n, size_t force, size_t *count)
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

bool glyph_is_space(wchar_t c)
{
	return c == ' ' || c == '\t' ||
	       utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS;
}

/* UTF-8 of b[0..n), NUL-terminated, as typed. */
char *glyph_encode(const wchar_t *b, size_t n)
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


static wchar_t replacement(void)
{
	/* U+FFFD needs a locale that can show it */
	return wcwidth(REPLACEMENT) == 1 ? REPLACEMENT : L'?';
}

void glyph_make(const wchar_t *g, size_t n, struct glyph *out)
{
	char *raw = glyph_encode(g, n), *unsafe = text_safe(raw, false);
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
void glyph_put(WINDOW *w, int y, int x, const struct glyph *g)
{
	if (g->n > 0)
		mvwaddnwstr(w, y, x, g->wc, g->n);
	for (int c = g->n > 0 ? g->nc_width : 0; c < g->width; c++)
		mvwaddch(w, y, x + c, ' ');
}

void glyph_blank(WINDOW *w, int y, int x, int width)
{
	for (int c = 0; c < width; c++)
		mvwaddch(w, y, x + c, ' ');
}

/* Draws the UTF-8 s at (y, x) in exactly width columns: the graphemes that
 * fit, then spaces. With w NULL only measures. Returns the columns of text. */
int glyph_text(WINDOW *w, int y, int x, int width, const char *s)
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
	size_t count, *starts = glyph_starts(cps, n, SIZE_MAX, &count);
	int col = 0;
	for (size_t i = 0; i < count; i++) {
		struct glyph g;
		glyph_make(cps + starts[i], starts[i + 1] - starts[i], &g);
		if (col + g.width > width)
			break;
		if (w)
			glyph_put(w, y, x + col, &g);
		col += g.width;
	}
	if (w)
		glyph_blank(w, y, x + col, width - col);
	free(starts);
	free(cps);
	return col;
}

/* Limits a rectangle to the window; false if nothing of it is left. */
bool glyph_clip(WINDOW *w, int y, int x, int *h, int *width)
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
