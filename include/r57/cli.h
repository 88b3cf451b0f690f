/* cli.h: the command line: parse argv, open the database, run one
 * command, print its result. Returns the process exit status. */
#ifndef R57_CLI_H
#define R57_CLI_H

#include <stddef.h>

struct r57;

/* One key of the screen as the manual lists it: its key names, the views
 * it works in, and what it does (N_(): translated where it is shown). */
struct cli_key {
	const char *keys, *where, *what;
};

/* What the command line takes from the program above it (main.c) rather
 * than from the screen's layer beside it: the screen itself, for `r57`
 * with no command on a terminal, and the table of the screen's keys, for
 * `r57 --help` and `--dump-doc=keys` (the README's and r57.1's table). */
struct cli_hooks {
	/* Run the screen over r's open database until the user quits; the
	 * exit status. NULL: the bare `r57` prints the status, as off a
	 * terminal. */
	int (*screen)(struct r57 *r, const char *db_path);
	const struct cli_key *keys; /* in the order the help lists them */
	size_t n_keys;
};

int cli_main(int argc, char **argv, const struct cli_hooks *hooks);

#endif
