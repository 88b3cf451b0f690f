/* manual.h: the screen's keys as the manual lists them (manual.c), for the
 * command line's help and the generated parts of README.md and r57.1. */
#ifndef R57_MANUAL_H
#define R57_MANUAL_H

#include <stddef.h>
#include "r57/cli.h"

extern const struct cli_key manual_keys[];
extern const size_t manual_n_keys;

#endif
