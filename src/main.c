/* main.c: r57's entry point: the locale, then the command line. */
#include <locale.h>

#include "r57/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
