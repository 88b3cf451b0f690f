/* cli_int.h: what the command line's files share and nothing else sees:
 * parsed arguments, the session (who acts, when, on which database), the
 * command table, the parser's helpers and every command's handler. */
#ifndef R57_CLI_INT_H
#define R57_CLI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "r57/cli.h"
#include "r57/commands.h"
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
	bool actor_given;   /* --actor or $R57_ACTOR, which a server refuses */
	bool init;          /* r57 init: a server gets its schema if it has none */
	struct store *other; /* r57 copy: the database copied from or into */
	struct args args;
	const char *cmd;
	const char *sub;    /* the subcommand of group, leader, unit, source */
	const struct cli_hooks *hooks; /* the screen and its keys (main.c) */
};

/* --- the command table (cli_table.c) --------------------------------------- */

typedef int cmd_fn(struct session *s, struct r57_err *err);

struct subcommand {
	const char *parent, *name, *args;
	const struct cmd_opt *opts;
	cmd_fn *run;
};

struct command {
	const char *name, *args, *what;
	const struct cmd_opt *opts;
	cmd_fn *run; /* NULL: the command is its subcommands */
};

extern const struct command cli_commands[];
extern const size_t cli_n_commands;
extern const struct cmd_opt cli_global_opts[]; /* every command takes these */
extern const struct cmd_opt cli_no_opts[];     /* none: before any command */

const struct command *command_named(const char *name);
/* The subcommands of c, in order, from *i on; NULL after the last:
 * for (i = 0; (sc = next_sub(c, &i));) */
const struct subcommand *next_sub(const struct command *c, size_t *i);
const struct subcommand *sub_named(const struct command *c, const char *name);

/* --- the parser and the values of options (cli_args.c) --------------------- */

/* The value of an option (the last one given), "" for a flag, NULL if
 * absent. */
const char *opt_get(const struct args *a, const char *name);
bool opt_has(const struct args *a, const char *name);
/* How many times name was given; the first max values into out. */
int opt_all(const struct args *a, const char *name, const char **out, int max);
int parse_int(const char *s, const char *what, long lo, long hi, long *out, struct r57_err *err);
/* A task id: "12" or "#12". */
int parse_id(const char *s, int64_t *id, struct r57_err *err);
/* The task ids a->pos[from .. to-1] into ids; *n of them. */
int parse_ids(const struct args *a, int from, int to, int64_t *ids, int *n, struct r57_err *err);

enum format { FMT_TABLE, FMT_TSV, FMT_JSON, FMT_TEXT };
/* --format, one of allowed ("table, tsv, json"); absent: the first of
 * table or text that allowed names. */
int parse_format(const struct args *a, const char *allowed, enum format *out, struct r57_err *err);

/* The option of specs (or else of the global ones) that arg names, by
 * its first len bytes; NULL if none. */
const struct cmd_opt *find_opt(const struct cmd_opt *specs, const char *arg, size_t len);
/* argv into a: the options of specs and the global ones, the rest
 * positional; label names the command in errors (NULL before any). */
int parse_args(int argc, char **argv, const char *label, const struct cmd_opt *specs,
               struct args *a, struct r57_err *err);
/* The index of c's subcommand among argv, or -1. */
int find_sub_word(const struct command *c, int argc, char **argv);

/* --- the session (cli.c) ---------------------------------------------------- */

/* Open the session's database (created if writes, see cli.c). */
int open_db(struct session *s, bool writes, struct r57_err *err);

/* --- help and the manual's parts (cli_docs.c) ------------------------------- */

void print_help(const struct cli_hooks *hooks);
void print_command_help(const struct command *c);
/* --dump-doc=PART for tools/gendoc: the exit status (2: no such part). */
int dump_doc(const char *what, const struct cli_hooks *hooks);

/* --- the commands ---------------------------------------------------------- */

/* cli_task.c: what changes tasks. */
int cmd_add(struct session *s, struct r57_err *err);
int cmd_edit(struct session *s, struct r57_err *err);
int cmd_assign(struct session *s, struct r57_err *err);
int cmd_due(struct session *s, struct r57_err *err);
int cmd_close(struct session *s, struct r57_err *err);
int cmd_reopen(struct session *s, struct r57_err *err);
int cmd_cancel(struct session *s, struct r57_err *err);
int cmd_delete(struct session *s, struct r57_err *err);
int cmd_undo(struct session *s, struct r57_err *err);
int cmd_redo(struct session *s, struct r57_err *err);
/* "Nothing changed." or the tasks left as they were, on standard output;
 * true if nothing changed. */
bool said_unchanged(const struct r57_outcome *o);

/* cli_print.c: what prints tasks and the journal. */
int cmd_list(struct session *s, struct r57_err *err);
int cmd_show(struct session *s, struct r57_err *err);
int cmd_history(struct session *s, struct r57_err *err);

/* cli_refs.c: group, leader, unit, source. */
int cmd_ref_list(struct session *s, struct r57_err *err);
int cmd_ref_add(struct session *s, struct r57_err *err);
int cmd_ref_rename(struct session *s, struct r57_err *err);
int cmd_ref_remove(struct session *s, struct r57_err *err);
int cmd_group_move(struct session *s, struct r57_err *err);

/* cli.c: demo; cli_docs.c: help. */
int cmd_demo(struct session *s, struct r57_err *err);
int cmd_help(struct session *s, struct r57_err *err);

/* cli_io.c: r57 export and r57 import. */
int cmd_export(struct session *s, struct r57_err *err);
int cmd_check(struct session *s, struct r57_err *err);
int cmd_backup(struct session *s, struct r57_err *err);
int cmd_init(struct session *s, struct r57_err *err);
int cmd_copy(struct session *s, struct r57_err *err);
int cmd_role_list(struct session *s, struct r57_err *err);
int cmd_role_add(struct session *s, struct r57_err *err);
int cmd_role_remove(struct session *s, struct r57_err *err);
int cmd_import(struct session *s, struct r57_err *err);

/* cli_report.c: r57 status (every format), r57 remind, r57 reminders. */
int cmd_report_status(struct session *s, struct r57_err *err);
int cmd_remind(struct session *s, struct r57_err *err);
int cmd_reminders(struct session *s, struct r57_err *err);

#endif
