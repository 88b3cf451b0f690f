/* main.c: r57's entry point: the language and locale, then the command line. */
#include "r57/cli.h"
#include "r57/i18n.h"

int main(int argc, char **argv)
{
	i18n_init(argc, argv);
	return cli_main(argc, argv);
}
