/* pty.c: time r57's screen on a pseudo-terminal.
 *
 *   pty [-s COLSxROWS] [-n RUNS] [-k KEYS] [-b MS] [-f TEXT] [-w HINT]
 *       [-t SECS] [-T SECS] [-o FILE] -- r57 [ARG...]
 *
 * -t: the most one run may take, start to exit (120 s); -T: the most one
 * key may take to a settled screen (10 s; more under valgrind).
 *
 * Runs the command (r57 with no command: the screen) on a new pseudo-
 * terminal of a fixed size, TERM=xterm-256color and LC_ALL=C.UTF-8 (the
 * rest of the environment, R57_DB, R57_TODAY and R57_ACTOR among it, is
 * passed on), and reads everything it writes, continuously. One run:
 *
 *   1. fork; wait until the output holds HINT, the text of the status line,
 *      which the screen draws last ("? help"): that wall time is start_ms;
 *   2. wait until the screen has settled (below), send the keys of -k one
 *      by one, each through the master side as a user would type it, and
 *      let the screen settle after each;
 *   3. send Q (quit at once), wait for the exit, and take the child's user
 *      and system CPU time and peak resident memory from wait4().
 *
 * With -k, each measurement is a pair of runs: one with no keys (the
 * baseline: start, first screen, Q) and one with the K keys; the CPU time
 * of one keystroke is (cpu_keys - cpu_base) / K. Keys:
 *
 *   move:K     K times j (move down; past the last row on screen the list
 *              scrolls by one row, read from the database)
 *   page:K     K page keys: PgDn 20 times, then PgUp 20 times, and so on
 *              (so that 1,000 tasks do not run out of pages)
 *   filter:C   C rounds of: /, C-u (clear the prompt), the 20 characters of
 *              -f one by one (the list filters live on every one), Enter:
 *              23 keys a round
 *
 * -b MS stops the keys early once they have taken MS of wall time: after
 * at least 50 keys of move and page, after a whole round of filter (so a
 * costly key does not make a run last minutes; K is then the keys sent).
 *
 * The screen has settled when the child has gone to sleep again since the
 * key was written (its voluntary context switches in /proc/PID/status went
 * up and its state is S), nothing is left unread in the terminal's input
 * queue, and nothing is waiting to be read from the master. Without /proc,
 * 100 ms of silence.
 *
 * Prints one line per run (or pair), tab-separated:
 *   start_ms  cpu_base_ms  cpu_keys_ms  keys  key_ms  peak_kb  key_wall_ms
 * (the last four "-" without -k; key_wall_ms: wall time per key, to the
 * settled screen, as this harness sees it). Exits 1 with a message on
 * stderr when anything goes wrong: no first screen, a key that does not
 * settle, no exit after Q, a non-zero exit status; a stuck child is
 * killed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#define PAGE_RUN 20     /* page:K: PgDn this many times, then PgUp */
#define FILTER_LEN 20   /* filter:C: characters typed per round */
#define QUIET_MS 100    /* without /proc: silence that counts as settled */

struct opts {
	int cols, rows, runs;
	enum { K_NONE, K_MOVE, K_PAGE, K_FILTER } kind;
	int count;         /* move, page: keys; filter: rounds */
	int budget_ms;     /* -b: 0 = send them all */
	const char *text;  /* filter text */
	const char *hint;
	double timeout_s;  /* one run, start to exit */
	int key_limit_s;   /* one key, to the settled screen (-T) */
	const char *dump;  /* raw output of the last run, for a look */
	char **argv;
};

/* One child on one terminal. */
struct child {
	pid_t pid;
	int master, slave;  /* the parent keeps the slave open to see its input queue */
	double t0, deadline;
	char *out;          /* everything the child wrote */
	size_t len, cap;
	size_t keys_sent;
	bool have_proc;
};

static const struct opts *opt;
static struct child *live; /* to kill on the way out */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void kill_child(struct child *c)
{
	if (!c || c->pid <= 0)
		return;
	kill(c->pid, SIGKILL);
	while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
		;
	c->pid = 0;
}

/* The last bytes of the output as text: escape sequences and controls
 * dropped, runs of blanks squeezed. */
static void print_tail(const struct child *c)
{
	if (!c || !c->len)
		return;
	size_t from = c->len > 4000 ? c->len - 4000 : 0;
	char buf[4096];
	size_t n = 0;
	bool blank = false;
	for (size_t i = from; i < c->len && n < sizeof buf - 1; i++) {
		unsigned char ch = (unsigned char)c->out[i];
		if (ch == 27) {
			/* CSI ... final byte, or ESC and one byte */
			if (i + 1 < c->len && c->out[i + 1] == '[') {
				i += 2;
				while (i < c->len && !((unsigned char)c->out[i] >= 0x40 && (unsigned char)c->out[i] <= 0x7e))
					i++;
			} else {
				i++;
			}
			continue;
		}
		if (ch < 32 || ch == ' ') {
			if (!blank && n)
				buf[n++] = ' ';
			blank = true;
			continue;
		}
		buf[n++] = (char)ch;
		blank = false;
	}
	buf[n] = '\0';
	size_t show = n > 600 ? n - 600 : 0;
	fprintf(stderr, "pty: the screen's last words: %s\n", buf + show);
}

static void fail(struct child *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pty: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	print_tail(c);
	kill_child(c);
	exit(1);
}

static void on_alarm(int sig)
{
	(void)sig;
	/* A last guard if the harness itself hangs: no stdio here. */
	static const char msg[] = "pty: overall time limit reached; the child was killed\n";
	if (live && live->pid > 0)
		kill(live->pid, SIGKILL);
	ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)w;
	_exit(1);
}

/* Read what is there (waiting up to wait_ms for the first byte); returns
 * the bytes read, 0 on a timeout, -1 when the master is closed. */
static ssize_t pump(struct child *c, int wait_ms)
{
	struct pollfd p = { .fd = c->master, .events = POLLIN };
	int r = poll(&p, 1, wait_ms);
	if (r < 0) {
		if (errno == EINTR)
			return 0;
		fail(c, "poll: %s", strerror(errno));
	}
	if (r == 0)
		return 0;
	ssize_t total = 0;
	for (;;) {
		if (c->cap - c->len < 65536) {
			size_t cap = c->cap ? c->cap * 2 : 1 << 20;
			char *g = realloc(c->out, cap);
			if (!g)
				fail(c, "out of memory");
			c->out = g;
			c->cap = cap;
		}
		ssize_t n = read(c->master, c->out + c->len, c->cap - c->len - 1);
		if (n > 0) {
			c->len += (size_t)n;
			c->out[c->len] = '\0';
			total += n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return total;
		/* EIO: the slave side is gone */
		return total ? total : -1;
	}
}

/* The state letter and voluntary context switches of the child, from
 * /proc/PID/status; false if it cannot be read. */
static bool proc_state(const struct child *c, char *state, long *vcsw)
{
	char path[64], buf[4096];
	snprintf(path, sizeof path, "/proc/%d/status", (int)c->pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	const char *s = strstr(buf, "\nState:");
	const char *v = strstr(buf, "\nvoluntary_ctxt_switches:");
	if (!s || !v)
		return false;
	s += 7;
	while (*s == ' ' || *s == '\t')
		s++;
	*state = *s;
	*vcsw = strtol(v + 25, NULL, 10);
	return true;
}

static int input_pending(const struct child *c)
{
	int n = 0;
	if (ioctl(c->slave, FIONREAD, &n) < 0)
		return 0;
	return n;
}

static void check_alive(struct child *c, const char *doing)
{
	int status;
	pid_t r = waitpid(c->pid, &status, WNOHANG);
	if (r == c->pid) {
		pid_t pid = c->pid;
		c->pid = 0;
		if (WIFEXITED(status))
			fail(c, "r57 (pid %d) exited with status %d while %s", (int)pid, WEXITSTATUS(status), doing);
		fail(c, "r57 (pid %d) died of signal %d while %s", (int)pid,
		     WIFSIGNALED(status) ? WTERMSIG(status) : 0, doing);
	}
}

/* Wait until the screen has settled after a key (or the first screen);
 * vcsw0: the child's voluntary context switches before the key. */
static void settle(struct child *c, long vcsw0, const char *doing)
{
	double limit = now_ms() + opt->key_limit_s * 1e3;
	double quiet_since = now_ms();
	for (;;) {
		double t = now_ms();
		if (t > limit || t > c->deadline)
			fail(c, "the screen did not settle within %d s while %s", opt->key_limit_s, doing);
		ssize_t n = pump(c, c->have_proc ? 1 : 10);
		if (n < 0) {
			check_alive(c, doing);
			fail(c, "the terminal closed while %s", doing);
		}
		if (n > 0) {
			quiet_since = now_ms();
			continue;
		}
		if (!c->have_proc) {
			if (now_ms() - quiet_since >= QUIET_MS && !input_pending(c))
				return;
			check_alive(c, doing);
			continue;
		}
		char st;
		long v;
		if (!proc_state(c, &st, &v)) {
			check_alive(c, doing);
			fail(c, "cannot read /proc/%d/status while %s", (int)c->pid, doing);
		}
		if (st == 'Z')
			check_alive(c, doing);
		if (st != 'S' || v <= vcsw0 || input_pending(c))
			continue;
		/* Asleep with its input read: in its key wait, unless it was
		 * blocked writing, in which case there is output to read. */
		if (pump(c, 0) == 0)
			return;
	}
}

static long vcsw_now(struct child *c)
{
	char st;
	long v = 0;
	if (c->have_proc && !proc_state(c, &st, &v))
		c->have_proc = false;
	return v;
}

static void send_key(struct child *c, const char *bytes, size_t n, const char *doing)
{
	long v0 = vcsw_now(c);
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(c->master, bytes + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN) {
			pump(c, 1);
			continue;
		}
		if (w < 0)
			fail(c, "writing a key: %s", strerror(errno));
		off += (size_t)w;
	}
	c->keys_sent++;
	settle(c, v0, doing);
}

static void start(struct child *c)
{
	memset(c, 0, sizeof *c);
	struct winsize ws = { .ws_row = (unsigned short)opt->rows, .ws_col = (unsigned short)opt->cols };
	if (openpty(&c->master, &c->slave, NULL, NULL, &ws) < 0) {
		fprintf(stderr, "pty: openpty: %s\n", strerror(errno));
		exit(1);
	}
	fflush(NULL);
	c->t0 = now_ms();
	c->deadline = c->t0 + opt->timeout_s * 1e3;
	c->pid = fork();
	if (c->pid < 0) {
		fprintf(stderr, "pty: fork: %s\n", strerror(errno));
		exit(1);
	}
	if (c->pid == 0) {
		close(c->master);
		if (login_tty(c->slave) < 0)
			_exit(126);
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("ESCDELAY");
		execvp(opt->argv[0], opt->argv);
		fprintf(stderr, "pty: %s: %s\n", opt->argv[0], strerror(errno));
		_exit(127);
	}
	live = c;
	int fl = fcntl(c->master, F_GETFL);
	fcntl(c->master, F_SETFL, fl | O_NONBLOCK);
	c->have_proc = true;
}

/* Until the status line hint shows: the first full screen. */
static double first_screen(struct child *c)
{
	size_t hl = strlen(opt->hint), searched = 0;
	long v0 = vcsw_now(c);
	for (;;) {
		if (now_ms() > c->deadline)
			fail(c, "no first screen (no \"%s\" in %zu bytes of output) within %.0f s",
			     opt->hint, c->len, opt->timeout_s);
		ssize_t n = pump(c, 20);
		if (n < 0) {
			check_alive(c, "starting");
			fail(c, "the terminal closed before the first screen");
		}
		if (n == 0) {
			check_alive(c, "starting");
			continue;
		}
		if (c->len >= hl && memmem(c->out + searched, c->len - searched, opt->hint, hl)) {
			double t = now_ms() - c->t0;
			settle(c, v0, "drawing the first screen");
			return t;
		}
		searched = c->len >= hl ? c->len - hl + 1 : 0;
	}
}

/* Q, then the exit; the child's rusage. */
static void finish(struct child *c, struct rusage *ru)
{
	static const char q = 'Q';
	if (write(c->master, &q, 1) != 1)
		fail(c, "writing Q: %s", strerror(errno));
	double limit = now_ms() + 10000;
	for (;;) {
		int status;
		pid_t r = wait4(c->pid, &status, WNOHANG, ru);
		if (r == c->pid) {
			pid_t pid = c->pid;
			c->pid = 0;
			pump(c, 0);
			if (WIFSIGNALED(status))
				fail(c, "r57 (pid %d) died of signal %d after Q", (int)pid, WTERMSIG(status));
			if (WEXITSTATUS(status) != 0)
				fail(c, "r57 (pid %d) exited with status %d after Q", (int)pid, WEXITSTATUS(status));
			break;
		}
		if (r < 0 && errno != EINTR)
			fail(c, "wait4: %s", strerror(errno));
		if (now_ms() > limit)
			fail(c, "r57 did not quit within 10 s of Q");
		pump(c, 5);
	}
	if (opt->dump) {
		FILE *f = fopen(opt->dump, "wb");
		if (!f || fwrite(c->out, 1, c->len, f) != c->len || fclose(f) != 0)
			fprintf(stderr, "pty: cannot write %s\n", opt->dump);
	}
	close(c->master);
	close(c->slave);
	free(c->out);
	live = NULL;
}

static double cpu_ms(const struct rusage *ru)
{
	return (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1e3 +
	       (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1e3;
}

/* -b: time to stop sending keys */
static bool over_budget(double t0, int keys_done, int at_least)
{
	return opt->budget_ms > 0 && keys_done >= at_least && now_ms() - t0 > opt->budget_ms;
}

static void send_keys(struct child *c)
{
	static const char pgdn[] = "\033[6~", pgup[] = "\033[5~";
	char doing[64];
	double t0 = now_ms();
	switch (opt->kind) {
	case K_NONE:
		break;
	case K_MOVE:
		for (int i = 0; i < opt->count && !over_budget(t0, i, 50); i++) {
			snprintf(doing, sizeof doing, "moving down (key %d)", i + 1);
			send_key(c, "j", 1, doing);
		}
		break;
	case K_PAGE:
		for (int i = 0; i < opt->count && !over_budget(t0, i, 50); i++) {
			bool down = (i / PAGE_RUN) % 2 == 0;
			snprintf(doing, sizeof doing, "paging %s (key %d)", down ? "down" : "up", i + 1);
			send_key(c, down ? pgdn : pgup, 4, doing);
		}
		break;
	case K_FILTER:
		for (int r = 0; r < opt->count && !over_budget(t0, r, 1); r++) {
			snprintf(doing, sizeof doing, "opening the filter (round %d)", r + 1);
			send_key(c, "/", 1, doing);
			send_key(c, "\025", 1, "clearing the filter prompt");
			for (int i = 0; i < FILTER_LEN; i++) {
				snprintf(doing, sizeof doing, "typing the filter (round %d, char %d)", r + 1, i + 1);
				send_key(c, opt->text + i, 1, doing);
			}
			send_key(c, "\r", 1, "accepting the filter");
		}
		break;
	}
}

struct run {
	double start_ms, cpu_ms, wall_keys_ms;
	long peak_kb;
	size_t keys;
};

static struct run one_run(bool with_keys)
{
	struct child c;
	struct run r = { 0 };
	struct rusage ru;
	start(&c);
	r.start_ms = first_screen(&c);
	if (with_keys) {
		double t = now_ms();
		send_keys(&c);
		r.wall_keys_ms = now_ms() - t;
	}
	r.keys = c.keys_sent;
	finish(&c, &ru);
	r.cpu_ms = cpu_ms(&ru);
	r.peak_kb = ru.ru_maxrss;
	return r;
}

static void usage(void)
{
	fprintf(stderr,
	        "usage: pty [-s COLSxROWS] [-n RUNS] [-k move:K|page:K|filter:ROUNDS] [-b MS]\n"
	        "           [-f TEXT] [-w HINT] [-t SECS] [-T SECS] [-o FILE] -- r57 [ARG...]\n");
	exit(2);
}

static int positive(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v <= 0 || v > 1000000) {
		fprintf(stderr, "pty: %s: not a positive number: %s\n", what, s);
		exit(2);
	}
	return (int)v;
}

int main(int argc, char **argv)
{
	static struct opts o = { .cols = 120, .rows = 40, .runs = 1, .kind = K_NONE,
	                         .text = "co so du lieu dat da", .hint = "? help",
	                         .timeout_s = 120, .key_limit_s = 10 };
	int ch;
	while ((ch = getopt(argc, argv, "s:n:k:b:f:w:t:T:o:")) != -1) {
		switch (ch) {
		case 's':
			if (sscanf(optarg, "%dx%d", &o.cols, &o.rows) != 2 || o.cols < 1 || o.rows < 1 ||
			    o.cols > 1000 || o.rows > 1000)
				usage();
			break;
		case 'n':
			o.runs = positive(optarg, "-n");
			break;
		case 'k':
			if (strncmp(optarg, "move:", 5) == 0)
				o.kind = K_MOVE, o.count = positive(optarg + 5, "-k move");
			else if (strncmp(optarg, "page:", 5) == 0)
				o.kind = K_PAGE, o.count = positive(optarg + 5, "-k page");
			else if (strncmp(optarg, "filter:", 7) == 0)
				o.kind = K_FILTER, o.count = positive(optarg + 7, "-k filter");
			else
				usage();
			break;
		case 'b':
			o.budget_ms = positive(optarg, "-b");
			break;
		case 'f':
			o.text = optarg;
			break;
		case 'w':
			o.hint = optarg;
			break;
		case 't':
			o.timeout_s = positive(optarg, "-t");
			break;
		case 'T':
			o.key_limit_s = positive(optarg, "-T");
			break;
		case 'o':
			o.dump = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc || !*o.hint)
		usage();
	if (strlen(o.text) != FILTER_LEN) {
		fprintf(stderr, "pty: -f: the filter text must be %d characters (ASCII)\n", FILTER_LEN);
		exit(2);
	}
	o.argv = argv + optind;
	opt = &o;

	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);

	for (int i = 0; i < o.runs; i++) {
		/* each run (or pair) gets the time limit, twice for a pair, and
		 * then some: the guard for a harness that hangs itself */
		alarm((unsigned)(o.timeout_s * (o.kind == K_NONE ? 1 : 2)) + 30);
		struct run base = one_run(false);
		if (o.kind == K_NONE) {
			printf("%.3f\t%.3f\t-\t-\t-\t%ld\t-\n", base.start_ms, base.cpu_ms, base.peak_kb);
		} else {
			struct run keys = one_run(true);
			double per = (keys.cpu_ms - base.cpu_ms) / (double)keys.keys;
			long peak = keys.peak_kb > base.peak_kb ? keys.peak_kb : base.peak_kb;
			printf("%.3f\t%.3f\t%.3f\t%zu\t%.4f\t%ld\t%.3f\n", base.start_ms, base.cpu_ms, keys.cpu_ms,
			       keys.keys, per, peak, keys.wall_keys_ms / (double)keys.keys);
		}
		fflush(stdout);
		alarm(0);
	}
	return 0;
}
