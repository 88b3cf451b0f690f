/* cli_int.h: what the command line's files (cli.c, cli_io.c) share and
 * nothing else sees: parsed arguments, the session (who acts, when, on
 * which database), and the helpers the command handlers use. */
#ifndef R57_CLI_INT_H
#define R57_CLI_INT_H

#include <stdbool.h>
#include "r57/cli.h"
#include "r57/err.h"
#include "r57/task.h"

#define MAX_ARGS 256

/* One option as commands.h declares it: OPT(name, short, arg, flags,
 * what). */
struct cmd_opt {
	const char *name;   /* "--due" */
	const char *short_name; /* "-o", or "" */
	const char *arg;    /* "DATE", or "" for a flag */
	unsigned flags;     /* OPT_ARG, OPT_MANY, OPT_ALT */
	const char *what;   /* N_() */
};

struct args {
	const char *pos[MAX_ARGS];
	int npos;
	struct {
		const char *name, *value;
	} opt[MAX_ARGS];
	int nopt;
};

struct session {
	struct r57 r;
	char *actor;
	char *db_path;
	bool explicit_db;
	bool created_db;    /* this run made the file: removed if the command fails */
	struct args args;
	const char *cmd;
	const char *sub;    /* the subcommand of group, leader, unit, source */
	const struct cli_hooks *hooks; /* the screen and its keys (main.c) */
};

/* The value of an option (the last one given), "" for a flag, NULL if
 * absent. */
const char *opt_get(const struct args *a, const char *name);
bool opt_has(const struct args *a, const char *name);
/* Open the session's database (created if writes, see cli.c). */
int open_db(struct session *s, bool writes, struct r57_err *err);

/* cli_io.c: r57 export and r57 import. */
int cmd_export(struct session *s, struct r57_err *err);
int cmd_check(struct session *s, struct r57_err *err);
int cmd_backup(struct session *s, struct r57_err *err);
int cmd_import(struct session *s, struct r57_err *err);

/* cli_report.c: r57 status (every format), r57 remind, r57 reminders. */
int cmd_report_status(struct session *s, struct r57_err *err);
int cmd_remind(struct session *s, struct r57_err *err);
int cmd_reminders(struct session *s, struct r57_err *err);

#endif
