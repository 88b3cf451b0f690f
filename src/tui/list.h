/* list.h: what the task list's files share (view_list.c, list_page.c,
 * list_draw.c, list_marks.c); what other views use of the list is in
 * tui_int.h. */
#ifndef R57_TUI_LIST_H
#define R57_TUI_LIST_H

#include <stdbool.h>
#include <curses.h>

struct app;

/* list_page.c: the cursor's moves; each reads only the rows it brings on. */
void list_move_down(struct app *a, int n);
void list_move_up(struct app *a, int n);
void list_page_down(struct app *a);
void list_page_up(struct app *a);
void list_go_first(struct app *a);
void list_go_last(struct app *a);
/* Fold or unfold the heading under the cursor (all: every heading). */
void list_toggle_fold(struct app *a, bool all);
/* The list starts again at the first heading, at the next reload. */
void list_to_top(struct app *a);
/* Read what fits the screen now, from the same top row, the cursor kept
 * on its task (after a resize). */
void list_refit(struct app *a);

/* list_draw.c */
void list_draw(struct app *a, WINDOW *w, int height, int width);

/* list_marks.c: Space: mark the task under the cursor, or unmark it. */
void list_toggle_mark(struct app *a);

#endif
