/* tui_int.h: what the screen's files share: the app state passed down to
 * every view, the views' table of callbacks, the action ids made from
 * include/r57/actions.h, and the modal prompts. Only src/tui/ includes it. */
#ifndef R57_TUI_INT_H
#define R57_TUI_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>

#include "r57/actions.h"
#include "r57/filter.h"
#include "r57/journal.h"
#include "r57/remind.h"
#include "r57/report.h"
#include "r57/store.h"
#include "r57/task.h"
#include "edit.h"
#include "picker.h"

enum action {
	ACT_NONE = 0,
#define ACTION(id, where, keys, what) ACT_##id,
	R57_ACTIONS(ACTION)
#undef ACTION
	ACT_COUNT
};

struct app;

/* What a handler asks of the loop, htop-style. */
enum handled { IGNORED = 0, HANDLED = 1, REDRAW = 2, RELOAD = 4 };

/* A view: a table of callbacks; the loop calls them. */
struct view_ops {
	const char *name;                  /* as in actions.h "where" */
	void (*enter)(struct app *a);      /* became the current view */
	void (*reload)(struct app *a);     /* data changed: read again */
	void (*draw)(struct app *a, WINDOW *w, int height, int width);
	int (*act)(struct app *a, enum action act);
};

extern const struct view_ops list_view, detail_view, status_view,
	history_view, lists_view, help_view;

/* --- the task list ------------------------------------------------------ */

struct bucket {
	int64_t id;          /* group, leader, unit or source id; 0 = none */
	char month[8];       /* BY_MONTH: "yyyy-mm", "" = no deadline */
	char *name;
	int number;          /* group position */
	struct figures fig;
	bool folded;
};

/* A position in the list: a bucket's heading, or a task in it. */
struct list_key {
	int bucket;
	bool header;
	char *sortv;         /* task: its sort value (owned) */
	int64_t id;
};

struct line {
	struct list_key key;
	struct task t;       /* tasks only */
};

struct list_state {
	struct task_filter filter;
	char *filter_text;   /* as typed, for the header and the prompt */
	char *filter_buf;    /* the words the filter points into (owned) */
	enum group_by by;
	struct bucket *buckets;
	int nb;
	struct line *lines;  /* the rows on screen, and no more */
	int nlines;
	struct list_key top; /* the first row on screen */
	int cur;             /* cursor row in lines[] */
	int64_t cur_id;      /* the task under the cursor, kept across reloads */
	int64_t goto_id;     /* put the cursor on this task at the next reload */
	int height;          /* rows of the last draw */
	int64_t *marks;
	int nmarks, capmarks;
	/* What the live filter left for the next pause in typing: the
	 * headings' figures (the rows are already the filter's), or the
	 * whole reload (app.c runs it when no key comes for LIVE_PAUSE_MS). */
	enum { LIVE_DONE, LIVE_FIGURES, LIVE_ALL } pending;
};

/* --- other views ----------------------------------------------------------- */

struct detail_state {
	int64_t id;
	struct task t;
	bool loaded;
	struct entry *hist;
	int nhist;
	int scroll;
};

struct history_state {
	struct entry *rows;
	int nrows;
	int64_t top_seq;     /* newest entry shown; 0 = from the newest */
	int64_t *stack;      /* top_seq of earlier pages, for paging back */
	int nstack, capstack;
	int cur;
	char *actor;
	int64_t task_id;
	int height;
};

struct status_state {
	struct report rep;
	bool loaded;
	char *words;           /* the selection named (report_selection_words), or NULL */
	int scroll;
	struct remind_set rem; /* reminders shown, waiting for y */
	bool rem_pending;
};

struct lists_state {
	enum ref_kind kind;
	struct ref *rows;
	int nrows;
	int cur, top;
};

struct help_state {
	int scroll;
};

/* --- modal prompts ---------------------------------------------------------- */

enum modal_kind { MODAL_NONE, MODAL_EDIT, MODAL_PICK, MODAL_CONFIRM };

/* A flow (add, edit, assign, close, ...) is a sequence of prompts; each
 * answer calls step() with the result, which opens the next prompt or
 * finishes. Everything typed lives here, so a resize loses nothing. */
struct flow {
	void (*step)(struct app *a, int result);
	int stage;
	int64_t ids[64];
	int n;
	int64_t bucket_id;
	char *text[6];        /* answers so far, owned */
	int64_t pick[4];      /* picked ids; -1 = none, -2 = new (text) */
	int64_t seen_entry;   /* the task's newest journal entry when the flow began */
	enum ref_kind kind;
};

struct modal {
	enum modal_kind kind;
	char label[600];
	struct line_edit ed;
	struct picker pk;
	bool live;            /* call live() after every key (the filter) */
	void (*live_fn)(struct app *a);
	int64_t picked;       /* PICK result id */
	char *picked_text;    /* PICK_NEW text */
};

/* --- the app --------------------------------------------------------------- */

struct app {
	struct r57 *r;
	const char *db_path;
	bool quit;
	bool colors;
	int rows, cols;
	const struct view_ops *view;
	int64_t data_version;
	char msg[600];
	bool msg_error;
	bool undo_armed;      /* the status line shows what u would undo */
	bool busy;            /* the last read found the database locked */
	bool read_failed;     /* a read of this pass failed: skip the rest */
	int watch_fd;         /* the store's socket that tells of changes; -1: poll */
	bool lost;            /* the server cannot be reached: connecting again */
	struct list_state list;
	struct detail_state detail;
	struct history_state hist;
	struct status_state status;
	struct lists_state lists;
	struct help_state help;
	struct modal modal;
	struct flow flow;
};

/* The screen never replaces a file: its export and its reminders' folder
 * take the first free name of DATE, DATE-2 ... DATE-NAMES_TRIED. */
#define NAMES_TRIED 99

/* app.c */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_error(struct app *a, const struct r57_err *err);
/* A read the screen made on its own failed: a locked database (it waits
 * only READ_WAIT_MS) says "busy" and what is on screen stays; anything
 * else is said as it is. Later reads of the same pass are skipped. */
void app_read_error(struct app *a, const struct r57_err *err);
/* Around a write the user asked for: it may wait for another program's
 * lock as long as the command line does (5 s); the screen's own reads
 * wait a moment only, so a locked database never freezes the keys. */
void app_writing(struct app *a, bool on);
void app_switch(struct app *a, const struct view_ops *v);
void app_reload_all(struct app *a);
/* Open a prompt (text, picker or y/n); step() of the flow gets the result. */
void modal_edit(struct app *a, const char *label, const char *initial);
void modal_confirm(struct app *a, const char *label);
void modal_pick(struct app *a, enum ref_kind kind, const char *title,
                bool allow_new, bool allow_none);
void flow_start(struct app *a, void (*step)(struct app *a, int result));
void flow_end(struct app *a);
/* Keys of an action, as actions.h names them ("j Down"). */
const char *action_keys(enum action act);

/* draw.c */
enum paint { P_NORMAL, P_HEADER, P_OVERDUE, P_SOON, P_DONE, P_DIM, P_TITLE, P_SELECTED, P_ERROR };
void draw_init_colors(struct app *a);
int paint_attr(const struct app *a, enum paint p);
/* User text at (y, x) fitted in width columns, made safe; pads with spaces. */
void draw_text(WINDOW *w, int y, int x, int width, const char *s, int attr);
/* A bar of width columns, filled by part/whole. */
void draw_bar(WINDOW *w, int y, int x, int width, int64_t part, int64_t whole, int attr);
/* The marker and paint of a task as of today: "!" overdue, "~" due within
 * 7 days, "✓" done, "×" cancelled, "·" open; same meaning without colour. */
const char *task_marker(const struct task *t, r57_day today, enum paint *p);
/* "31/12/2025 (3 days late)" */
void due_text(const struct task *t, r57_day today, char *buf, size_t len);
/* Columns the deadline column takes in this language. */
int due_width(void);

/* the task list (list_page.c, list_marks.c), for flows and other views */
void list_reload(struct app *a);
/* The live filter's reload: the rows at once, from the headings read
 * before (key task groups, which are all shown whatever the filter), the
 * headings' figures at the next pause (pending = LIVE_FIGURES); grouped
 * otherwise, the headings themselves depend on the filter, so all of it
 * waits for the pause (LIVE_ALL). */
void list_reload_live(struct app *a);
/* What the live filter left: done now (a pause in typing). */
void list_reload_pending(struct app *a);
bool list_marked(const struct app *a, int64_t id);
/* The tasks an action works on: the marked ones, else the one under the
 * cursor. Returns the count (0: none). */
int list_targets(struct app *a, int64_t *ids, int max);
const struct task *list_current_task(const struct app *a);
const struct bucket *list_current_bucket(const struct app *a);
void list_clear_marks(struct app *a);
void list_free(struct app *a);

/* flows.c: add, edit, assign, deadline, close, reopen, cancel, delete, undo */
int flows_act(struct app *a, enum action act, int64_t task_id);

/* status_remind.c: r and R on the status screen */
void status_remind_start(struct app *a, enum remind_to to, const struct selection *sel);
void status_remind_step(struct app *a, int result);
/* Draw the pending notices from row y; returns the next free row. */
int status_remind_draw(struct app *a, WINDOW *w, int y, int height, int width);
void status_remind_clear(struct app *a);

/* view_detail.c: open a task's detail; keep a copy of a journal entry
 * handed out by journal_history (the history view keeps them too). */
void detail_open(struct app *a, int64_t id);
void entries_push(struct entry **rows, int *n, const struct entry *e);

/* Each view frees what it holds, when the screen closes. */
void detail_free(struct app *a);
void history_free(struct app *a);
void status_free(struct app *a);
void lists_free(struct app *a);

#endif
