/* main.c: r57's entry point: the language and locale, then the command
 * line, which is handed what lies beside it rather than including it: the
 * screen (r57 with no command on a terminal) and the screen's keys for
 * the help. */
#include "r57/cli.h"
#include "r57/i18n.h"
#include "r57/tui.h"
#include "manual.h"

int main(int argc, char **argv)
{
	const struct cli_hooks hooks = {
		.screen = tui_run,
		.keys = manual_keys,
		.n_keys = manual_n_keys,
	};
	i18n_init(argc, argv);
	return cli_main(argc, argv, &hooks);
}
