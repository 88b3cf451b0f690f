/* view_help.c: the keys, made from the action table (include/r57/actions.h):
 * each action's keys, the views it works in and what it does, wrapped to
 * the screen's width. */
#include <stdio.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "tui_int.h"

static const struct {
	const char *where, *keys, *what;
} help_rows[] = {
#define ACTION(id, where, keys, what) { where, keys, what },
	R57_ACTIONS(ACTION)
#undef ACTION
};

/* The views of actions.h's "where", in words. */
static const struct {
	const char *view, *word;
} where_words[] = {
	{ "all", N_("all") }, { "list", N_("list") }, { "detail", N_("detail") },
	{ "status", N_("status screen") }, { "history", N_("history") }, { "lists", N_("lists") },
};

/* "list detail" as the user reads it: "list, detail". */
static void where_text(const char *where, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (const char *p = where; *p && n < len;) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		const char *word = NULL;
		for (size_t i = 0; i < sizeof where_words / sizeof *where_words; i++)
			if (strlen(where_words[i].view) == wl && strncmp(where_words[i].view, p, wl) == 0)
				word = _(where_words[i].word);
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", word ? word : "?");
		p += wl;
		while (*p == ' ')
			p++;
	}
}

/* Draw text from column x to the edge, wrapped at spaces onto the next
 * rows (a description cut at the edge loses its end); returns the rows
 * used, at most max. */
static int draw_wrapped(WINDOW *w, int y, int x, int width, int max, const char *text)
{
	int rows = 0;
	const char *p = text;
	char piece[400];
	while (*p && rows < max) {
		/* the longest run of whole words from p that fits */
		const char *cut = NULL, *q = p;
		for (;;) {
			const char *sp = strchr(q, ' ');
			const char *end = sp ? sp : q + strlen(q);
			size_t len = (size_t)(end - p);
			if (len >= sizeof piece)
				break;
			memcpy(piece, p, len);
			piece[len] = '\0';
			if (text_width(piece) > width)
				break;
			cut = end;
			if (!sp)
				break;
			q = sp + 1;
		}
		if (!cut) {
			/* a word wider than the column: shown cut, with its mark */
			const char *sp = strchr(p, ' ');
			cut = sp ? sp : p + strlen(p);
		}
		size_t len = (size_t)(cut - p) < sizeof piece ? (size_t)(cut - p) : sizeof piece - 1;
		memcpy(piece, p, len);
		piece[len] = '\0';
		draw_text(w, y + rows, x, width, piece, 0);
		rows++;
		p = cut;
		while (*p == ' ')
			p++;
	}
	return rows;
}

static void help_draw(struct app *a, WINDOW *w, int height, int width)
{
	int n = (int)(sizeof help_rows / sizeof *help_rows);
	draw_text(w, 0, 0, width, _("Keys (q goes back; j/k scroll)"), paint_attr(a, P_TITLE));
	if (a->help.scroll > n - 1)
		a->help.scroll = n - 1;
	/* Columns as wide as their longest entry in this language. */
	int kw = 0, ww = 0;
	char where[200];
	for (int i = 0; i < n; i++) {
		where_text(help_rows[i].where, where, sizeof where);
		if (text_width(help_rows[i].keys) > kw)
			kw = text_width(help_rows[i].keys);
		if (text_width(where) > ww)
			ww = text_width(where);
	}
	kw++, ww++;
	int tx = kw + ww;
	for (int i = a->help.scroll, y = 1; i < n && y < height; i++) {
		where_text(help_rows[i].where, where, sizeof where);
		draw_text(w, y, 0, kw, help_rows[i].keys, 0);
		draw_text(w, y, kw, ww, where, 0);
		if (width - tx < 20) {
			draw_text(w, y, tx, width - tx, _(help_rows[i].what), 0);
			y++;
		} else {
			y += draw_wrapped(w, y, tx, width - tx, height - y, _(help_rows[i].what));
		}
	}
	wnoutrefresh(w);
}

static int help_act(struct app *a, enum action act)
{
	switch (act) {
	case ACT_down: case ACT_page_down: a->help.scroll += act == ACT_down ? 1 : 10; return HANDLED;
	case ACT_up: case ACT_page_up:
		a->help.scroll -= act == ACT_up ? 1 : 10;
		if (a->help.scroll < 0)
			a->help.scroll = 0;
		return HANDLED;
	case ACT_first: a->help.scroll = 0; return HANDLED;
	default: return IGNORED;
	}
}

static void help_enter(struct app *a)
{
	a->help.scroll = 0;
}

const struct view_ops help_view = {
	.name = "help",
	.enter = help_enter,
	.draw = help_draw,
	.act = help_act,
};
