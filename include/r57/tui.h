/* tui.h: the full-screen interface (ncursesw) over one database: what
 * `r57` with no command opens on a terminal. */
#ifndef R57_TUI_H
#define R57_TUI_H

struct r57;

/* Run the screen until the user quits; the terminal is restored on every
 * way out. Returns the exit status. */
int tui_run(struct r57 *r, const char *db_path);

#endif
