/* manual.c: the screen's keys (actions.h) made into the table the command
 * line prints in `r57 --help` and for tools/gendoc (--dump-doc=md:keys,
 * mdoc:keys). It sits above both layers so that the command line need not
 * include the screen's header: main.c hands it this table. */
#include "r57/actions.h"
#include "manual.h"

#define ACTION(id, where, keys, what) { keys, where, what },
const struct cli_key manual_keys[] = { R57_ACTIONS(ACTION) };
#undef ACTION

const size_t manual_n_keys = sizeof manual_keys / sizeof *manual_keys;
