/* draw.c: the screen's drawing helpers: colours and their plain-marker
 * twins, user text fitted to a width and made safe, bars. Views say what
 * goes where; these put it there. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"

enum { PAIR_OVERDUE = 1, PAIR_SOON, PAIR_DONE, PAIR_HEADER, PAIR_ERROR };

/* Colours only where the terminal has them and NO_COLOR is not set; every
 * meaning is also carried by a marker, so nothing is lost without them. */
void draw_init_colors(struct app *a)
{
	const char *no = getenv("NO_COLOR");
	a->colors = has_colors() && !(no && *no);
	if (!a->colors)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_OVERDUE, COLOR_RED, -1);
	init_pair(PAIR_SOON, COLOR_YELLOW, -1);
	init_pair(PAIR_DONE, COLOR_GREEN, -1);
	init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
}

int paint_attr(const struct app *a, enum paint p)
{
	switch (p) {
	case P_HEADER:
		return a->colors ? (int)(COLOR_PAIR(PAIR_HEADER) | A_BOLD) : (int)A_REVERSE;
	case P_OVERDUE:
		return a->colors ? (int)(COLOR_PAIR(PAIR_OVERDUE) | A_BOLD) : (int)A_BOLD;
	case P_SOON:
		return a->colors ? (int)COLOR_PAIR(PAIR_SOON) : (int)A_NORMAL;
	case P_DONE:
		return a->colors ? (int)COLOR_PAIR(PAIR_DONE) : (int)A_NORMAL;
	case P_DIM:
		return (int)A_DIM;
	case P_TITLE:
		return (int)A_BOLD;
	case P_SELECTED:
		return (int)A_REVERSE;
	case P_ERROR:
		return a->colors ? (int)(COLOR_PAIR(PAIR_ERROR) | A_BOLD) : (int)(A_REVERSE | A_BOLD);
	default:
		return (int)A_NORMAL;
	}
}

void draw_text(WINDOW *w, int y, int x, int width, const char *s, int attr)
{
	int maxy, maxx;
	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || width <= 0)
		return;
	if (x + width > maxx)
		width = maxx - x;
	char *fit = text_fit(s ? s : "", width, true);
	/* ncurses takes wide characters a good deal faster than it decodes
	 * UTF-8 a byte at a time; the text is valid UTF-8 (text_fit made it
	 * safe), so the conversion cannot fail but for memory. */
	size_t n = strlen(fit);
	wchar_t stackbuf[256], *wide = n < 256 ? stackbuf : malloc((n + 1) * sizeof *wide);
	wattron(w, attr);
	if (wide && mbstowcs(wide, fit, n + 1) != (size_t)-1)
		mvwaddnwstr(w, y, x, wide, -1);
	else
		mvwaddstr(w, y, x, fit);
	wattroff(w, attr);
	if (wide != stackbuf)
		free(wide);
	free(fit);
}

void draw_bar(WINDOW *w, int y, int x, int width, int64_t part, int64_t whole, int attr)
{
	if (width <= 0)
		return;
	int filled = whole > 0 ? (int)((part * width + whole / 2) / whole) : 0;
	char *buf = malloc((size_t)width * 3 + 1);
	if (!buf)
		return;
	size_t n = 0;
	for (int i = 0; i < width; i++) {
		/* █ for done, ░ for the rest: readable in monochrome too. */
		const char *c = i < filled ? "\xe2\x96\x88" : "\xe2\x96\x91";
		memcpy(buf + n, c, 3);
		n += 3;
	}
	buf[n] = '\0';
	draw_text(w, y, x, width, buf, attr);
	free(buf);
}

const char *task_marker(const struct task *t, r57_day today, enum paint *p)
{
	switch (t->status) {
	case TASK_DONE:
		*p = P_DONE;
		return "\xe2\x9c\x93"; /* ✓ */
	case TASK_CANCELLED:
		*p = P_DIM;
		return "\xc3\x97"; /* × */
	case TASK_OPEN:
		break;
	}
	if (t->due != R57_NO_DATE && t->due < today) {
		*p = P_OVERDUE;
		return "!";
	}
	if (t->due != R57_NO_DATE && t->due - today <= 7) {
		*p = P_SOON;
		return "~";
	}
	*p = P_NORMAL;
	return "\xc2\xb7"; /* · */
}

int due_width(void)
{
	/* The longest a deadline is written: a task a thousand days late. */
	char buf[80];
	snprintf(buf, sizeof buf, _("%s %ldd late"), "00/00/0000", 999L);
	int w = text_width(buf) + 1;
	return w < 22 ? 22 : w;
}

void due_text(const struct task *t, r57_day today, char *buf, size_t len)
{
	char b[11];
	if (t->due == R57_NO_DATE) {
		snprintf(buf, len, "-");
		return;
	}
	long d = (long)t->due - today;
	if (t->status != TASK_OPEN || d > 99)
		snprintf(buf, len, "%s", date_dmy(t->due, b));
	else if (d < 0)
		snprintf(buf, len, _("%s %ldd late"), date_dmy(t->due, b), -d);
	else if (d == 0)
		snprintf(buf, len, _("%s today"), date_dmy(t->due, b));
	else
		snprintf(buf, len, _("%s %ldd left"), date_dmy(t->due, b), d);
}
