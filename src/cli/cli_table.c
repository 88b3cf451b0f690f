/* cli_table.c: the table of commands.h made into C: each command and
 * subcommand with its options and its handler. The parser, the help, the
 * man page, the README and the dispatcher all read these arrays and
 * nothing else. */
#include <string.h>

#include "r57/commands.h"
#include "cli_int.h"

#define OPT(name, short_name, arg, flags, what) { name, short_name, arg, flags, what },
#define OPT_END { NULL, NULL, NULL, 0, NULL }
#define CMD(id, name, args, run, what) static const struct cmd_opt opts_##id[] = { R57_OPTS_##id(OPT) OPT_END };
R57_COMMANDS(CMD)
#undef CMD
#define SUB(cmd, id, name, args, run) \
	static const struct cmd_opt opts_##cmd##_##id[] = { R57_OPTS_##cmd##_##id(OPT) OPT_END };
R57_SUBCOMMANDS(SUB)
#undef SUB
#undef OPT

/* The global options: OPT(name, argument, what) of commands.h. */
#define GOPT(name, arg, what) { name, "", arg, sizeof(arg) > 1 ? OPT_ARG : 0u, what },
const struct cmd_opt cli_global_opts[] = { R57_GLOBAL_OPTIONS(GOPT) OPT_END };
#undef GOPT
const struct cmd_opt cli_no_opts[] = { OPT_END };
#undef OPT_END

#define CMD(id, name, args, run, what) { name, args, what, opts_##id, run },
const struct command cli_commands[] = { R57_COMMANDS(CMD) };
#undef CMD
#define SUB(cmd, id, name, args, run) { #cmd, name, args, opts_##cmd##_##id, run },
static const struct subcommand subcommands[] = { R57_SUBCOMMANDS(SUB) };
#undef SUB

const size_t cli_n_commands = sizeof cli_commands / sizeof *cli_commands;
#define N_SUBCOMMANDS (sizeof subcommands / sizeof *subcommands)

const struct command *command_named(const char *name)
{
	for (size_t i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

/* The subcommands of c, in order: subcommands[*from ...]; NULL after
 * the last. for (i = 0; (sc = next_sub(c, &i));) */
const struct subcommand *next_sub(const struct command *c, size_t *i)
{
	for (; *i < N_SUBCOMMANDS; (*i)++)
		if (strcmp(subcommands[*i].parent, c->name) == 0)
			return &subcommands[(*i)++];
	return NULL;
}

const struct subcommand *sub_named(const struct command *c, const char *name)
{
	const struct subcommand *sc;
	for (size_t i = 0; (sc = next_sub(c, &i));)
		if (strcmp(sc->name, name) == 0)
			return sc;
	return NULL;
}
