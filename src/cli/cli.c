/* cli.c: the command line. Reads argv against the command table of
 * commands.h (cli_table.c), sets up who acts and when and on which
 * database, runs the command's handler (cli_task.c, cli_print.c, ...) and
 * reports its error. It holds no SQL and never prints user text
 * unmade-safe. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "r57/cli.h"
#include "r57/demo.h"
#include "r57/i18n.h"
#include "r57/text.h"
#include "cli_int.h"

#ifndef R57_VERSION
#define R57_VERSION "0"
#endif

/* --- the session: who acts, when, on which file --------------------------- */

static char *default_db_path(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *p = NULL;
	if (x && *x == '/') {
		if (asprintf(&p, "%s/r57/r57.db", x) < 0)
			p = NULL;
	} else {
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : "/";
		}
		if (asprintf(&p, "%s/.local/share/r57/r57.db", home) < 0)
			p = NULL;
	}
	return p;
}

/* main() chose the language from --lang and R57_LANG already, passing
 * over a value it could not take; that is an error here, where the message
 * can say so, before anything else (even --help) runs. */
static int check_lang(const struct args *a, struct r57_err *err)
{
	const char *lang = opt_get(a, "--lang");
	enum r57_lang l;
	if (lang && !i18n_parse(lang, &l)) {
		char *safe = text_safe(lang, false);
		int rc = r57_fail(err, R57_EUSAGE, _("--lang: '%s' is not vi or en"), safe);
		free(safe);
		return rc;
	}
	const char *env_lang = getenv("R57_LANG");
	if (!lang && env_lang && *env_lang && !i18n_parse(env_lang, &l)) {
		char *safe = text_safe(env_lang, false);
		int rc = r57_fail(err, R57_EUSAGE, _("R57_LANG: '%s' is not vi or en"), safe);
		free(safe);
		return rc;
	}
	return R57_OK;
}

static int setup_session(struct session *s, struct r57_err *err)
{
	const char *today = opt_get(&s->args, "--today");
	if (!today)
		today = getenv("R57_TODAY");
	r57_day clock = date_today_local();
	s->r.today = clock;
	if (today && *today) {
		int rc = date_parse(today, clock, opt_get(&s->args, "--today") ? "--today" : "R57_TODAY",
		                    &s->r.today, err);
		if (rc)
			return rc;
	}
	/* Now: today's date (pinned or not) at the wall clock's time. */
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	char day[11];
	long off = tm.tm_gmtoff / 60;
	snprintf(s->r.now, sizeof s->r.now, "%sT%02d:%02d:%02d%c%02ld:%02ld",
	         date_iso(s->r.today, day), tm.tm_hour, tm.tm_min, tm.tm_sec,
	         off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);

	/* history's --actor chooses whose entries to show; it names no one
	 * who acts (history changes nothing), so a server does not refuse it. */
	const char *actor = strcmp(s->cmd, "history") ? opt_get(&s->args, "--actor") : NULL;
	if (!actor)
		actor = getenv("R57_ACTOR");
	s->actor_given = actor && *actor;
	if (!actor || !*actor) {
		struct passwd *pw = getpwuid(geteuid());
		actor = pw ? pw->pw_name : "unknown";
	}
	s->actor = text_normalize(actor);
	if (!s->actor)
		return r57_fail(err, R57_EINPUT, _("--actor: not valid UTF-8"));
	if (!*s->actor)
		return r57_fail(err, R57_EINPUT, _("--actor: give a name"));
	s->r.actor = s->actor;

	const char *db = opt_get(&s->args, "--db");
	if (!db)
		db = getenv("R57_DB");
	if (db && *db) {
		s->db_path = strdup(db);
		s->explicit_db = true;
	} else {
		s->db_path = default_db_path();
	}
	if (!s->db_path)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	return R57_OK;
}

/* Open the database. The default one is created (with its folder) by any
 * command; a file named with --db or $R57_DB only by a command that
 * writes, so that a mistyped path is an error rather than a new file. */
static int open_db_for(struct session *s, bool writes, bool screen, struct r57_err *err);
int open_db(struct session *s, bool writes, struct r57_err *err)
{
	return open_db_for(s, writes, false, err);
}

/* A server: no file to make or look for; every change is recorded under
 * the login the connection is made as, so no other actor can be named. */
static int open_server(struct session *s, struct r57_err *err)
{
	if (s->actor_given)
		return r57_fail(err, R57_EUSAGE, "%s",
		                _("--actor: on a PostgreSQL server every change is recorded under the login r57 connects as; connect as the official instead (user= in --db, or $PGUSER), and unset $R57_ACTOR"));
	struct store_open_opts o = { .init = s->init, .actor = s->actor, .now = s->r.now, .today = s->r.today };
	int rc = store_open(s->db_path, &o, &s->r.st, err);
	if (rc)
		return rc;
	char *login = strdup(store_actor(s->r.st) ? store_actor(s->r.st) : "");
	if (!login)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	free(s->actor);
	s->actor = login;
	s->r.actor = login;
	return R57_OK;
}

/* open_db, for the screen too: a long session checks every page of the
 * file before its first change whatever the size (store_begin). */
static int open_db_for(struct session *s, bool writes, bool screen, struct r57_err *err)
{
	if (store_is_server(s->db_path))
		return open_server(s, err);
	struct store_open_opts o = {
		.verify_any_size = screen,
		.create = writes || !s->explicit_db,
		.make_dirs = !s->explicit_db,
		.actor = s->actor,
		.now = s->r.now,
		.today = s->r.today,
	};
	struct stat sb;
	if (!o.create && stat(s->db_path, &sb) != 0 && errno == ENOENT) {
		char *safe = text_safe(s->db_path, false);
		int rc = r57_fail(err, R57_EIO,
		                  _("%s: no such database (r57 add or r57 demo FILE creates one)"), safe);
		free(safe);
		return rc;
	}
	bool existed = stat(s->db_path, &sb) == 0 || errno != ENOENT;
	int rc = store_open(s->db_path, &o, &s->r.st, err);
	if (!rc && !existed)
		s->created_db = true;
	return rc;
}

/* A command that is refused leaves no file behind: a database this run
 * created is removed again (a failed command wrote nothing into it). */
static void drop_created_db(struct session *s)
{
	if (!s->created_db)
		return;
	store_close(s->r.st);
	s->r.st = NULL;
	static const char *const tails[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
		char *p = NULL;
		if (asprintf(&p, "%s%s", s->db_path, tails[i]) >= 0) {
			unlink(p);
			free(p);
		}
	}
	s->created_db = false;
}

/* --- demo and the bare command ---------------------------------------------- */

int cmd_demo(struct session *s, struct r57_err *err)
{
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, _("demo: give the file to create"));
	const char *path = s->args.pos[0];
	struct stat sb;
	if (stat(path, &sb) == 0) {
		char *safe = text_safe(path, false);
		int rc = r57_fail(err, R57_EIO, _("%s: already exists; demo makes a new database"), safe);
		free(safe);
		return rc;
	}
	free(s->db_path);
	s->db_path = strdup(path);
	s->explicit_db = true;
	int rc = open_db(s, true, err);
	if (rc)
		return rc;
	int n = 0;
	rc = demo_fill(&s->r, &n, err);
	if (rc) {
		store_close(s->r.st);
		s->r.st = NULL;
		unlink(path);
		return rc;
	}
	char *safe = text_safe(path, false);
	printf(_("Created %s with %d example tasks. Try: r57 --db %s status"), safe, n, safe);
	fputc('\n', stdout);
	free(safe);
	return R57_OK;
}

/* r57 with no command: on a terminal, the screen; otherwise the status of
 * the database and where to go next. */
static int cmd_none(struct session *s, struct r57_err *err)
{
	if (s->hooks->screen && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		int rc = open_db_for(s, true, true, err);
		if (rc)
			return rc;
		/* What is done on the screen stays, however the screen ends. */
		s->created_db = false;
		int status = s->hooks->screen(&s->r, s->db_path);
		return status ? r57_fail(err, R57_EIO, _("the screen ended (status %d)"), status) : R57_OK;
	}
	int rc = cmd_report_status(s, err);
	if (!rc) {
		char *safe = text_safe(s->db_path, false);
		printf("\n");
		printf(_("Database: %s"), safe);
		printf("\n%s\n", _("r57 --help lists the commands."));
		free(safe);
	}
	return rc;
}

/* --- the dispatcher ---------------------------------------------------------- */

static void report_error(const struct r57_err *err)
{
	char *safe = text_safe(err->msg, false);
	fprintf(stderr, "r57: %s\n", safe);
	free(safe);
}

/* Every argument must be valid UTF-8 before anything else happens; the
 * first that is not is named. */
static bool args_valid_utf8(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		size_t bad;
		if (!text_valid_utf8(argv[i], strlen(argv[i]), &bad)) {
			char *safe = text_safe(argv[i], false);
			fprintf(stderr, "r57: ");
			fprintf(stderr, _("argument %d is not valid UTF-8 (byte %zu): '%s'"), i, bad + 1, safe);
			fputc('\n', stderr);
			free(safe);
			return false;
		}
	}
	return true;
}

/* The PART of --dump-doc=PART when it is given alone or with --lang,
 * else NULL. */
static const char *dump_doc_asked(int argc, char **argv)
{
	const char *dump = NULL;
	bool dump_only = true;
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--dump-doc=", 11) == 0)
			dump = argv[i] + 11;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			i++;
		else if (strncmp(argv[i], "--lang=", 7) != 0)
			dump_only = false;
	}
	return dump_only ? dump : NULL;
}

/* --dump-doc=PART for tools/gendoc, in the language main() chose; a
 * --lang it could not take is refused here. The exit status. */
static int run_dump_doc(int argc, char **argv, const char *part, const struct cli_hooks *hooks)
{
	const char *lang = NULL;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--lang") == 0)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	enum r57_lang l;
	if (lang && !i18n_parse(lang, &l)) {
		char *safe = text_safe(lang, false);
		fprintf(stderr, "r57: ");
		fprintf(stderr, _("--lang: '%s' is not vi or en"), safe);
		fputc('\n', stderr);
		free(safe);
		return 2;
	}
	return dump_doc(part, hooks);
}

/* The index of the command in argv: the first word that is not a global
 * option (argc if there is none). */
static int command_index(int argc, char **argv)
{
	int ci = 1;
	while (ci < argc) {
		const struct cmd_opt *o = NULL;
		if (strncmp(argv[ci], "--", 2) == 0) {
			const char *eq = strchr(argv[ci], '=');
			size_t len = eq ? (size_t)(eq - argv[ci]) : strlen(argv[ci]);
			o = find_opt(NULL, argv[ci], len);
			if (!o)
				break;
			ci += ((o->flags & OPT_ARG) && !eq) ? 2 : 1;
			continue;
		}
		break;
	}
	return ci;
}

/* The subcommand of cmd among rest (taken out of it), by default list;
 * an unknown one is refused (NULL) with the names of cmd's subcommands. */
static const struct subcommand *take_sub(const struct command *cmd, char **rest, int *nrest,
                                         struct r57_err *err)
{
	int at = find_sub_word(cmd, *nrest, rest);
	const char *word = at >= 0 ? rest[at] : "list";
	const struct subcommand *sub = sub_named(cmd, word);
	if (!sub) {
		/* "(list, add, rename, remove)": the subcommands of the table */
		char names[128] = "";
		const struct subcommand *sc;
		for (size_t j = 0; (sc = next_sub(cmd, &j));)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", *names ? ", " : "",
			         sc->name);
		char *safe = text_safe(word, false);
		r57_fail(err, R57_EUSAGE, _("%s: unknown subcommand '%s' (%s)"), cmd->name, safe, names);
		free(safe);
		return NULL;
	}
	if (at >= 0) {
		memmove(&rest[at], &rest[at + 1], (size_t)(*nrest - at - 1) * sizeof *rest);
		(*nrest)--;
	}
	return sub;
}

/* The words of argv after the command's name, its subcommand's taken
 * out, read against the options of the command (or the subcommand) into
 * s->args; s->cmd and s->sub name them. */
static int read_args(struct session *s, int argc, char **argv, int ci, const struct command *cmd,
                     const struct subcommand **sub, struct r57_err *err)
{
	/* Arguments: the globals before the command and everything after it
	 * but its subcommand. */
	char *rest[MAX_ARGS * 2];
	int nrest = 0;
	for (int i = 1; i < argc && nrest < MAX_ARGS * 2; i++)
		if (!cmd || i != ci)
			rest[nrest++] = argv[i];
	const struct cmd_opt *specs = cmd ? cmd->opts : cli_no_opts;
	char label[64];
	snprintf(label, sizeof label, "%s", cmd ? cmd->name : "r57");
	s->cmd = cmd ? cmd->name : "r57";
	if (cmd && !cmd->run) {
		const struct subcommand *sc = take_sub(cmd, rest, &nrest, err);
		if (!sc)
			return err->code;
		*sub = sc;
		specs = sc->opts;
		s->sub = sc->name;
		snprintf(label, sizeof label, "%s %s", cmd->name, sc->name);
	}
	return parse_args(nrest, rest, cmd ? label : NULL, specs, &s->args, err);
}

/* --version, --help, and a word where a command should be: answered
 * before the session is set up; *done when one was. */
static int answer_early(const struct session *s, const struct command *cmd, bool *done,
                        struct r57_err *err)
{
	*done = true;
	if (opt_has(&s->args, "--version")) {
		printf("r57 %s\n", R57_VERSION);
		return R57_OK;
	}
	if (opt_has(&s->args, "--help")) {
		if (cmd && cmd->run != cmd_help)
			print_command_help(cmd);
		else
			print_help(s->hooks);
		return R57_OK;
	}
	if (!cmd && s->args.npos) {
		char *safe = text_safe(s->args.pos[0], false);
		int rc = r57_fail(err, R57_EUSAGE, _("unknown command '%s' (see: r57 --help)"), safe);
		free(safe);
		return rc;
	}
	*done = false;
	return R57_OK;
}

/* The end of every run: the error or the warning on standard error, the
 * output flushed (a failed write is an error too), the database closed.
 * The exit status. */
static int finish(struct session *s, int rc, const struct r57_err *err)
{
	if (rc) {
		drop_created_db(s);
		report_error(err);
	} else if (s->r.warning[0]) {
		fprintf(stderr, "r57: ");
		fprintf(stderr, _("warning: %s"), s->r.warning);
		fputc('\n', stderr);
	}
	if (fflush(stdout) != 0 && !rc) {
		const char *why = strerror(errno);
		fprintf(stderr, "r57: ");
		fprintf(stderr, _("cannot write the output: %s"), why);
		fputc('\n', stderr);
		rc = R57_EIO;
	}
	store_close(s->r.st);
	store_close(s->other);
	free(s->actor);
	free(s->db_path);
	return r57_exit_status((enum r57_code)rc);
}

int cli_main(int argc, char **argv, const struct cli_hooks *hooks)
{
	struct r57_err err = { .code = R57_OK };
	struct session s;
	int rc;
	memset(&s, 0, sizeof s);
	s.hooks = hooks;
	/* A reader that goes away (r57 list | head) ends r57 as it ends ls:
	 * at once and quietly, by SIGPIPE, even when the parent left SIGPIPE
	 * ignored (then every write would fail with EPIPE and the list would
	 * go on reading to the end, then complain). r57 writes to no pipe or
	 * socket of its own. */
	signal(SIGPIPE, SIG_DFL);

	if (!args_valid_utf8(argc, argv))
		return 1;
	/* --dump-doc=PART, alone or with --lang (main() chose the language). */
	const char *dump = dump_doc_asked(argc, argv);
	if (dump)
		return run_dump_doc(argc, argv, dump, hooks);

	int ci = command_index(argc, argv);
	const struct command *cmd = NULL;
	if (ci < argc && strncmp(argv[ci], "--", 2) != 0) {
		cmd = command_named(argv[ci]);
		if (!cmd) {
			char *safe = text_safe(argv[ci], false);
			fprintf(stderr, "r57: ");
			fprintf(stderr, _("unknown command '%s' (see: r57 --help)"), safe);
			fputc('\n', stderr);
			free(safe);
			return 2;
		}
	}
	const struct subcommand *sub = NULL;
	bool done = false;
	if ((rc = read_args(&s, argc, argv, ci, cmd, &sub, &err)) || (rc = check_lang(&s.args, &err)) ||
	    (rc = answer_early(&s, cmd, &done, &err)) || done || (rc = setup_session(&s, &err)))
		return finish(&s, rc, &err);
	rc = sub ? sub->run(&s, &err) : cmd ? cmd->run(&s, &err) : cmd_none(&s, &err);
	/* Damage SQLite reported, even to a read that went on as if nothing
	 * was there, is the answer: not a partial list, not "does not exist". */
	if (s.r.st && store_damaged(s.r.st))
		rc = store_damage_error(s.r.st, &err);
	return finish(&s, rc, &err);
}
