/* cli.h: the command line: parse argv, open the database, run one
 * command, print its result. Returns the process exit status. */
#ifndef R57_CLI_H
#define R57_CLI_H

int cli_main(int argc, char **argv);

#endif
