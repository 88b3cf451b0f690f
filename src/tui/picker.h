/* picker.h: the screen's picker. It narrows a list of names as the user
 * types any part of one, without diacritics, and keeps its whole state in
 * its struct (the query is a line editor), so a resize redraws it from it
 * and nothing typed is lost. */
#ifndef R57_TUI_PICKER_H
#define R57_TUI_PICKER_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>
#include <curses.h>

#include "edit.h"

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
