/* app.c: the screen's loop. One input loop waits for a key and, on a
 * server, for the server's word that another official changed something
 * (poll(2) on the terminal and the store's socket: nothing is asked of
 * the server while nothing changes); on a file it reads keys with a
 * timeout and asks the file's data_version, which costs no read. It
 * keeps what is on screen, and what was typed, across a lost connection,
 * and connects again. It takes KEY_RESIZE there (no curses in signal
 * handlers), routes keys to the open prompt or to the view through the
 * action table, and draws the header, the view and the status line with
 * one doupdate per pass. The screen's own reads wait a moment only for
 * another program's lock (the status line then says the database is
 * busy); the changes the user asks for wait as long as the command
 * line's. */
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "r57/tui.h"
#include "tui_int.h"

#define MIN_COLS 30
#define MIN_ROWS 6
#define POLL_MS 400
/* Waiting on a server's socket, the loop still wakes this often, asking
 * nothing of the server: a signal that came just before the wait is seen
 * then. While the server cannot be reached, it tries again as often. */
#define IDLE_WAKE_MS 2000
#define RECONNECT_MS 1000
/* A pause in typing this long runs what the live filter left (list.h):
 * longer than the gap between the keys of a word, short enough to seem
 * at once. */
#define LIVE_PAUSE_MS 150
/* How long a read waits for another program's lock, and a write. */
#define READ_WAIT_MS 100
#define WRITE_WAIT_MS 5000

/* Set by the handlers of SIGTERM, SIGHUP and SIGINT; read by the loop. */
static volatile sig_atomic_t stop_signal;
static bool curses_on;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Whatever happens, the terminal is given back. */
static void restore_terminal(void)
{
	if (curses_on) {
		/* Bracketed paste off again, then the terminal as it was. */
		fputs("\033[?2004l", stdout);
		fflush(stdout);
		endwin();
		curses_on = false;
	}
}

/* --- the action table ----------------------------------------------------- */

static const struct {
	const char *where, *keys, *what;
} action_table[ACT_COUNT] = {
#define ACTION(id, where, keys, what) [ACT_##id] = { where, keys, what },
	R57_ACTIONS(ACTION)
#undef ACTION
};

const char *action_keys(enum action act)
{
	return act > ACT_NONE && act < ACT_COUNT ? action_table[act].keys : "";
}

/* One key name of actions.h as the code wget_wch gives: *is_key says a
 * KEY_* code. Enter matches several codes; the caller tries them all. */
static int key_codes(const char *name, size_t len, int codes[4], bool is_key[4])
{
	static const struct {
		const char *name;
		int code;
		bool is_key;
	} named[] = {
		{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true }, { "Left", KEY_LEFT, true },
		{ "Right", KEY_RIGHT, true }, { "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
		{ "Home", KEY_HOME, true }, { "End", KEY_END, true }, { "Esc", 27, false },
		{ "Tab", '\t', false }, { "Space", ' ', false }, { "Backspace", KEY_BACKSPACE, true },
	};
	if (len == 5 && strncmp(name, "Enter", 5) == 0) {
		codes[0] = '\n', is_key[0] = false;
		codes[1] = '\r', is_key[1] = false;
		codes[2] = KEY_ENTER, is_key[2] = true;
		return 3;
	}
	if (len == 3 && name[0] == 'C' && name[1] == '-') {
		codes[0] = name[2] & 0x1f, is_key[0] = false;
		return 1;
	}
	if (len == 1) {
		codes[0] = (unsigned char)name[0], is_key[0] = false;
		return 1;
	}
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (strlen(named[i].name) == len && strncmp(named[i].name, name, len) == 0) {
			codes[0] = named[i].code, is_key[0] = named[i].is_key;
			return 1;
		}
	return 0;
}

static bool where_matches(const char *where, const char *view)
{
	size_t n = strlen(view);
	for (const char *p = where; *p;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		if ((len == n && strncmp(p, view, n) == 0) || (len == 3 && strncmp(p, "all", 3) == 0))
			return true;
		p += len;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* The action a key means in a view; actions of the view win over "all". */
static enum action lookup(const char *view, bool is_key, int ch)
{
	enum action found = ACT_NONE;
	for (int pass = 0; pass < 2 && found == ACT_NONE; pass++)
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			const char *where = action_table[a].where;
			bool general = strcmp(where, "all") == 0;
			if ((pass == 0) == general || !where_matches(where, view))
				continue;
			for (const char *p = action_table[a].keys; *p;) {
				const char *sp = strchr(p, ' ');
				size_t len = sp ? (size_t)(sp - p) : strlen(p);
				int codes[4];
				bool keys[4];
				int n = key_codes(p, len, codes, keys);
				for (int i = 0; i < n; i++)
					if (codes[i] == ch && keys[i] == is_key)
						return (enum action)a;
				p += len;
				while (*p == ' ')
					p++;
			}
		}
	return found;
}

/* --- messages, views, reloads ----------------------------------------------- */

void app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

void app_error(struct app *a, const struct r57_err *err)
{
	app_message(a, true, "%s", err->msg);
}

static const char busy_msg[] =
	N_("The database is busy (another program is writing); retrying");

void app_read_error(struct app *a, const struct r57_err *err)
{
	a->read_failed = true;
	if (err->code != R57_EBUSY) {
		app_error(a, err);
		return;
	}
	a->busy = true;
	app_message(a, true, "%s", _(busy_msg));
}

void app_writing(struct app *a, bool on)
{
	store_busy_timeout(a->r->st, on ? WRITE_WAIT_MS : READ_WAIT_MS);
}

void app_switch(struct app *a, const struct view_ops *v)
{
	a->view = v;
	if (v->enter)
		v->enter(a);
}

void app_reload_all(struct app *a)
{
	struct r57_err err = { 0 };
	list_reload(a);
	if (a->view != &list_view && a->view->reload)
		a->view->reload(a);
	if (a->watch_fd < 0)
		store_data_version(a->r->st, &a->data_version, &err);
}

/* --- modal prompts -------------------------------------------------------------- */

static void modal_reset(struct app *a)
{
	edit_free(&a->modal.ed);
	if (a->modal.kind == MODAL_PICK)
		picker_free(&a->modal.pk);
	free(a->modal.picked_text);
	memset(&a->modal, 0, sizeof a->modal);
}

void modal_edit(struct app *a, const char *label, const char *initial)
{
	modal_reset(a);
	a->modal.kind = MODAL_EDIT;
	snprintf(a->modal.label, sizeof a->modal.label, "%s", label);
	edit_init(&a->modal.ed, initial);
}

void modal_confirm(struct app *a, const char *label)
{
	modal_reset(a);
	a->modal.kind = MODAL_CONFIRM;
	snprintf(a->modal.label, sizeof a->modal.label, "%s", label);
}

struct pick_fill {
	struct picker *p;
};

static int pick_one(const struct ref *r, void *ctx)
{
	struct pick_fill *f = ctx;
	/* allocated: a name and title can be 4,000 bytes, and a cut inside a
	 * character would show as U+FFFD */
	char *label = NULL;
	if ((r->extra && *r->extra ? asprintf(&label, "%s (%s)", r->name, r->extra)
	                           : asprintf(&label, "%s", r->name)) < 0)
		label = NULL;
	picker_add(f->p, r->id, label ? label : "");
	free(label);
	return 0;
}

void modal_pick(struct app *a, enum ref_kind kind, const char *title,
                bool allow_new, bool allow_none)
{
	struct r57_err err = { 0 };
	modal_reset(a);
	a->modal.kind = MODAL_PICK;
	snprintf(a->modal.label, sizeof a->modal.label, "%s", title);
	picker_init(&a->modal.pk, title, allow_new, allow_none);
	struct pick_fill f = { &a->modal.pk };
	if (store_ref_list(a->r->st, kind, pick_one, &f, &err))
		app_read_error(a, &err);
}

void flow_start(struct app *a, void (*step)(struct app *a, int result))
{
	flow_end(a);
	a->flow.step = step;
	a->msg[0] = '\0';
}

void flow_end(struct app *a)
{
	for (size_t i = 0; i < sizeof a->flow.text / sizeof *a->flow.text; i++)
		free(a->flow.text[i]);
	memset(&a->flow, 0, sizeof a->flow);
	modal_reset(a);
}

/* The keys that answer yes: y in both languages, and c (có) too in
 * Vietnamese, where a finger goes to the first letter of the answer. */
static bool confirm_yes(wint_t ch)
{
	if (ch == 'y' || ch == 'Y')
		return true;
	return i18n_lang() == R57_LANG_VI && (ch == 'c' || ch == 'C');
}

/* A key while a prompt is open: the prompt takes it; when it is answered,
 * the flow's next step runs. */
static void modal_key(struct app *a, bool is_key, wint_t ch)
{
	int result;
	void (*step)(struct app *, int) = a->flow.step;
	switch (a->modal.kind) {
	case MODAL_EDIT:
		result = edit_key(&a->modal.ed, is_key, ch);
		if (a->modal.live && a->modal.live_fn && result == EDIT_CONTINUE)
			a->modal.live_fn(a);
		if (result == EDIT_CONTINUE)
			return;
		break;
	case MODAL_PICK: {
		int64_t id = 0;
		char *text = NULL;
		result = picker_key(&a->modal.pk, is_key, ch, &id, &text);
		if (result == PICK_CONTINUE)
			return;
		a->modal.picked = id;
		free(a->modal.picked_text);
		a->modal.picked_text = text;
		break;
	}
	case MODAL_CONFIRM:
		result = !is_key && confirm_yes(ch) ? EDIT_ACCEPT : EDIT_CANCEL;
		break;
	default:
		return;
	}
	if (step)
		step(a, result);
	else
		modal_reset(a);
}

/* --- drawing ------------------------------------------------------------------------ */

static void draw_header(struct app *a)
{
	char buf[400], day[11];
	int attr = paint_attr(a, P_HEADER);
	const char *f = a->list.filter_text && *a->list.filter_text ? a->list.filter_text : NULL;
	char *db = text_safe(a->db_path, false);
	char *actor = text_safe(a->r->actor, false);
	if (f)
		snprintf(buf, sizeof buf, _(" r57 · %s · %s · %s · filter: %s"), db, actor,
		         date_dmy(a->r->today, day), f);
	else
		snprintf(buf, sizeof buf, _(" r57 · %s · %s · %s"), db, actor, date_dmy(a->r->today, day));
	free(db);
	free(actor);
	draw_text(stdscr, 0, 0, a->cols, buf, attr);
}

/* The hints of the status line: key and word, as many whole pairs as
 * the width holds (a hint cut in the middle of a word says nothing). */
struct hint {
	const char *key, *what;
};
static const struct hint list_hints[] = {
	{ "?", N_("help") }, { "Enter", N_("details") }, { "a", N_("add") }, { "A", N_("assign") },
	{ "c", N_("close") }, { "d", N_("deadline") }, { "/", N_("filter") }, { "u", N_("undo") },
	{ "S", N_("status screen") }, { "H", N_("history") }, { "q", N_("quit") },
}, view_hints[] = {
	{ "?", N_("help") }, { "q", N_("back") }, { "u", N_("undo") }, { "C-r", N_("redo") },
}, status_hints[] = {
	{ "?", N_("help") }, { "q", N_("back") }, { "e", N_("export") }, { "r", N_("remind units") },
	{ "R", N_("remind leaders") }, { "u", N_("undo") },
};

static void draw_hints(struct app *a, int y)
{
	char hint[400];
	size_t n = 0, count = sizeof list_hints / sizeof *list_hints;
	const struct hint *h = list_hints;
	if (a->view == &status_view)
		h = status_hints, count = sizeof status_hints / sizeof *status_hints;
	else if (a->view != &list_view)
		h = view_hints, count = sizeof view_hints / sizeof *view_hints;
	hint[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		char pair[120];
		snprintf(pair, sizeof pair, "%s%s %s", n ? "  " : "", h[i].key, _(h[i].what));
		if (text_width(hint) + text_width(pair) > a->cols || n + strlen(pair) >= sizeof hint)
			break;
		memcpy(hint + n, pair, strlen(pair) + 1);
		n += strlen(pair);
	}
	draw_text(stdscr, y, 0, a->cols, hint, paint_attr(a, P_DIM));
}

static void draw_status_line(struct app *a)
{
	int y = a->rows - 1;
	if (a->modal.kind == MODAL_EDIT) {
		edit_draw(stdscr, y, 0, a->cols, a->modal.label, &a->modal.ed);
		return;
	}
	if (a->modal.kind == MODAL_CONFIRM) {
		draw_text(stdscr, y, 0, a->cols, a->modal.label, paint_attr(a, P_TITLE));
		return;
	}
	if (a->msg[0]) {
		draw_text(stdscr, y, 0, a->cols, a->msg, paint_attr(a, a->msg_error ? P_ERROR : P_NORMAL));
		return;
	}
	draw_hints(a, y);
}

static void draw_all(struct app *a)
{
	erase();
	if (a->cols < MIN_COLS || a->rows < MIN_ROWS) {
		/* Say so in short lines that fit a narrow window; never draw past
		 * the edge. */
		char need[40];
		snprintf(need, sizeof need, _("need %dx%d"), MIN_COLS, MIN_ROWS);
		const char *lines[] = { _("Window too small"), _("for r57:"), need, _("q quits") };
		for (int y = 0; y < a->rows && y < 4; y++)
			draw_text(stdscr, y, 0, a->cols, lines[y], A_NORMAL);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_header(a);
	int h = a->rows - 2;
	WINDOW *body = derwin(stdscr, h, a->cols, 1, 0);
	if (body) {
		a->view->draw(a, body, h, a->cols);
		if (a->modal.kind == MODAL_PICK) {
			int ph = h > 14 ? 14 : h, pw = a->cols > 70 ? 70 : a->cols;
			picker_draw(body, h - ph, 0, ph, pw, &a->modal.pk);
		}
		delwin(body);
	}
	draw_status_line(a);
	/* While a prompt holds the last line, a message (a refusal, an error)
	 * shows on the line above it, so the typed text and the reason are
	 * both on screen. */
	if (a->msg[0] && (a->modal.kind == MODAL_EDIT || a->modal.kind == MODAL_CONFIRM))
		draw_text(stdscr, a->rows - 2, 0, a->cols, a->msg,
		          paint_attr(a, a->msg_error ? P_ERROR : P_NORMAL));
	if (a->modal.kind == MODAL_EDIT || a->modal.kind == MODAL_PICK)
		curs_set(1);
	else
		curs_set(0);
	if (a->modal.kind == MODAL_EDIT)
		edit_draw(stdscr, a->rows - 1, 0, a->cols, a->modal.label, &a->modal.ed);
	wnoutrefresh(stdscr);
	doupdate();
}

/* --- the loop ------------------------------------------------------------------------- */

/* Changes are journalled at the time they are made, not when the screen
 * opened: the clock (a pinned date keeps its day) moves on before each. */
static void tick(struct app *a)
{
	date_now_iso(a->r->today, a->r->now);
}

static void handle(struct app *a, enum action act)
{
	struct r57_err err = { 0 };
	tick(a);
	a->read_failed = false;
	if (act != ACT_NONE)
		a->msg[0] = '\0';
	switch (act) {
	case ACT_help:
		app_switch(a, &help_view);
		return;
	case ACT_quit:
		a->quit = true;
		return;
	case ACT_undo:
	case ACT_redo:
		flows_act(a, act, 0);
		return;
	default:
		break;
	}
	if (a->view->act(a, act) != IGNORED)
		return;
	if (act == ACT_back || act == ACT_escape) {
		if (a->view != &list_view)
			app_switch(a, &list_view);
		else if (act == ACT_back)
			a->quit = true;
	}
	(void)err;
}

/* Others' changes, read when they commit. While the database is locked
 * this fails within READ_WAIT_MS and says so; once it is free again the
 * busy message goes and everything is read again. */
static void poll_changes(struct app *a)
{
	struct r57_err err = { 0 };
	int64_t v;
	a->read_failed = false;
	if (store_data_version(a->r->st, &v, &err) != R57_OK) {
		app_read_error(a, &err);
		return;
	}
	if (v != a->data_version || a->busy) {
		bool was_busy = a->busy;
		a->busy = false;
		a->data_version = v;
		app_reload_all(a);
		if (was_busy && !a->busy && strcmp(a->msg, _(busy_msg)) == 0)
			app_message(a, false, "%s", _("The database is free again"));
	}
}

static const char lost_msg[] =
	N_("The connection to the server was lost; the screen and what was typed are kept; connecting again…");

/* The server found unreachable: said on the status line (above an open
 * prompt, which keeps its text); the loop tries again. */
static void lost(struct app *a)
{
	a->watch_fd = -1;
	/* (over a save's own message, which names the whole --db) */
	app_message(a, true, "%s", _(lost_msg));
	a->lost = true;
}

/* The socket to wait on, asked again before each wait: it is new after
 * the store connected again, and then what was told meanwhile is lost,
 * so everything is read again. */
static void watch(struct app *a)
{
	struct r57_err err = { 0 };
	bool anew = false;
	int fd;
	if (store_listen(a->r->st, &fd, &anew, &err) != R57_OK) {
		lost(a);
		return;
	}
	bool was_lost = a->lost;
	a->lost = false;
	a->watch_fd = fd;
	if (anew || was_lost) {
		a->read_failed = false;
		app_reload_all(a);
		/* (a save that went through on the new connection keeps its
		 * own word: only an error or nothing is replaced) */
		if (!a->read_failed && (a->msg_error || !a->msg[0]))
			app_message(a, false, "%s", a->modal.kind != MODAL_NONE
			            ? _("The connection to the server was lost, and is back; what was typed is kept")
			            : _("The connection to the server was lost, and is back"));
	}
}

/* What the server told: read everything again when another login
 * changed something. True when there is something new to draw. */
static bool take_changes(struct app *a)
{
	struct r57_err err = { 0 };
	bool changed = false;
	if (store_notified(a->r->st, &changed, &err) != R57_OK) {
		lost(a);
		return true;
	}
	if (changed) {
		a->read_failed = false;
		app_reload_all(a);
	}
	return changed;
}

/* The next key, or ERR when none came in time (or the server told of a
 * change, taken here). On a file: get_wch with a timeout. On a server:
 * the keys ncurses already holds first, then poll(2) on the terminal and
 * the socket together. */
static int next_key(struct app *a, wint_t *ch)
{
	int ms = a->list.pending != LIVE_DONE ? LIVE_PAUSE_MS : POLL_MS;
	if (a->watch_fd < 0 && !a->lost) {
		timeout(ms);
		return get_wch(ch);
	}
	timeout(0);
	int rc = get_wch(ch);
	if (rc != ERR)
		return rc;
	/* (those told while the screen was reading are queued already, and
	 * would not wake poll) */
	if (a->watch_fd >= 0 && take_changes(a))
		return ERR;
	if (a->list.pending == LIVE_DONE)
		ms = a->lost ? RECONNECT_MS : a->busy ? POLL_MS : IDLE_WAKE_MS;
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
	                       { .fd = a->watch_fd, .events = POLLIN } };
	int n = poll(p, a->watch_fd >= 0 ? 2 : 1, ms);
	if (n <= 0)
		return ERR; /* (a timeout, or a signal: the loop looks) */
	if (p[1].revents)
		take_changes(a);
	if (p[0].revents)
		return get_wch(ch);
	return ERR;
}

int tui_run(struct r57 *r, const char *db_path)
{
	struct app a;
	memset(&a, 0, sizeof a);
	a.r = r;
	a.db_path = db_path;
	a.watch_fd = -1;

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	atexit(restore_terminal);

	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!initscr())
		return 1;
	curses_on = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(POLL_MS);
	/* Bracketed paste: pasted line breaks arrive as text, not as Enter. */
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	draw_init_colors(&a);
	getmaxyx(stdscr, a.rows, a.cols);

	app_writing(&a, false);
	filter_init(&a.list.filter);
	a.list.by = BY_GROUP;
	a.list.top.header = true; /* open at the first heading */
	a.view = &list_view;
	watch(&a); /* (listening before the first read: no change falls between) */
	app_reload_all(&a);
	app_switch(&a, &list_view);

	while (!a.quit && !stop_signal) {
		draw_all(&a);
		wint_t ch;
		int rc = next_key(&a, &ch);
		if (stop_signal)
			break;
		if (rc == ERR && a.list.pending != LIVE_DONE) {
			a.read_failed = false;
			list_reload_pending(&a);
			continue;
		}
		if (rc == ERR) {
			if ((a.watch_fd < 0 && !a.lost) || a.busy)
				poll_changes(&a);
			watch(&a);
			continue;
		}
		bool is_key = rc == KEY_CODE_YES;
		if (is_key && ch == KEY_RESIZE) {
			getmaxyx(stdscr, a.rows, a.cols);
			continue;
		}
		if (a.modal.kind != MODAL_NONE) {
			tick(&a);
			a.read_failed = false;
			modal_key(&a, is_key, ch);
		} else {
			handle(&a, lookup(a.view->name, is_key, (int)ch));
		}
		/* (a read or a save may have found the connection lost) */
		watch(&a);
	}
	restore_terminal();
	flow_end(&a);
	detail_free(&a);
	history_free(&a);
	status_free(&a);
	lists_free(&a);
	list_free(&a);
	return stop_signal ? 128 + stop_signal : 0;
}
