/* cli_docs.c: r57 --help, r57 help COMMAND, and the parts of the manual
 * tools/gendoc puts into README.md, r57.1 and r57.vi.1 (--dump-doc=PART),
 * all made from the command table (cli_table.c) and the screen's keys
 * main.c hands over, so that they always say the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/commands.h"
#include "r57/i18n.h"
#include "r57/out.h"
#include "r57/text.h"
#include "cli_int.h"

#ifndef R57_VERSION
#define R57_VERSION "0"
#endif

/* "[--unit U | --leader L] [--with U]... [-o FILE]": the options as the
 * synopsis shows them, each after a space. */
static void opts_synopsis(FILE *f, const struct cmd_opt *o)
{
	for (; o->name; o++) {
		fputs(o->flags & OPT_ALT ? " | " : " [", f);
		fputs(*o->short_name ? o->short_name : o->name, f);
		if (*o->arg)
			fprintf(f, " %s", o->arg);
		if (!(o[1].name && (o[1].flags & OPT_ALT)))
			fputs(o->flags & OPT_MANY ? "]..." : "]", f);
	}
}

/* The synopsis of a command, its arguments and options ("TITLE [--group G]
 * ..."), or its subcommands joined by " | "; newly allocated. */
static char *synopsis(const struct command *c)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (!f)
		abort();
	if (c->run) {
		fputs(c->args, f);
		opts_synopsis(f, c->opts);
	} else {
		const struct subcommand *sc;
		bool first = true;
		for (size_t i = 0; (sc = next_sub(c, &i)); first = false) {
			fprintf(f, "%s%s%s%s", first ? "" : " | ", sc->name, *sc->args ? " " : "", sc->args);
			opts_synopsis(f, sc->opts);
		}
	}
	if (fclose(f) != 0 || !s)
		abort();
	/* The options of a command without arguments begin with a space. */
	if (*s == ' ')
		memmove(s, s + 1, strlen(s));
	return s;
}

static void print_wrapped(const char *indent, const char *text, int width)
{
	/* Break at spaces so that help reads well at any width; words are
	 * measured in columns, not bytes (Vietnamese letters take two or three
	 * bytes for one column). */
	int col = 0;
	const char *p = text;
	int ind = (int)strlen(indent);
	fputs(indent, stdout);
	col = ind;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		char *word = strndup(p, n);
		int wn = word ? text_width(word) : (int)n;
		free(word);
		if (col > ind && col + 1 + wn > width) {
			fputc('\n', stdout);
			fputs(indent, stdout);
			col = ind;
		} else if (col > ind) {
			fputc(' ', stdout);
			col++;
		}
		fwrite(p, 1, n, stdout);
		col += wn;
		p += n;
		while (*p == ' ')
			p++;
	}
	fputc('\n', stdout);
}

static int help_width(void)
{
	int w = out_width();
	return (w <= 0 || w > 100) ? 100 : w;
}

/* "  r57 add TITLE [--group G] ...", wrapped. */
static void print_synopsis(const char *indent, const char *prefix, const struct command *c, int w)
{
	char *syn = synopsis(c), *line = NULL;
	if (asprintf(&line, "%sr57 %s%s%s", prefix, c->name, *syn ? " " : "", syn) < 0)
		abort();
	print_wrapped(indent, line, w);
	free(line);
	free(syn);
}

void print_help(const struct cli_hooks *hooks)
{
	int w = help_width();
	printf(_("r57 %s: Resolution 57 task tracker"), R57_VERSION);
	printf("\n\n");
	printf(_("Usage: r57 [--db FILE] [--actor NAME] [--today DATE] [--lang vi|en] COMMAND [ARGS]"));
	printf("\n");
	print_wrapped("", _("With no command, r57 opens the screen on a terminal; otherwise it prints the status of the database and a hint to r57 --help."), w);
	printf("\n%s\n", _("Commands:"));
	for (size_t i = 0; i < cli_n_commands; i++) {
		print_synopsis("  ", "", &cli_commands[i], w);
		print_wrapped("      ", _(cli_commands[i].what), w);
	}
	printf("\n%s\n", _("Keys of the screen (r57 with no command, on a terminal):"));
	for (size_t i = 0; i < hooks->n_keys; i++) {
		const struct cli_key *k = &hooks->keys[i];
		printf("  %-16s %s (%s)\n", k->keys, _(k->what), _(k->where));
	}
	printf("\n%s\n", _("Options:"));
	for (const struct cmd_opt *o = cli_global_opts; o->name; o++) {
		char *line = NULL;
		if (asprintf(&line, "%s %s", o->name, o->arg) < 0)
			abort();
		print_wrapped("  ", line, w);
		print_wrapped("      ", _(o->what), w);
		free(line);
	}
	printf("\n");
	print_wrapped("", _(R57_DATE_HELP), w);
	printf("\n");
	print_wrapped("", _(R57_NAMES_HELP), w);
	printf("\n%s\n", _("See r57(1) for more; in Vietnamese: man -L vi r57."));
}

/* "  --due DATE        the deadline", for the help of one command. */
static void print_opts(const struct cmd_opt *o, int w)
{
	for (; o->name; o++) {
		char *line = NULL;
		if (asprintf(&line, "%s%s%s%s%s%s", o->short_name, *o->short_name ? ", " : "", o->name,
		             *o->arg ? " " : "", o->arg, o->flags & OPT_MANY ? " ..." : "") < 0)
			abort();
		print_wrapped("  ", line, w);
		print_wrapped("      ", _(o->what), w);
		free(line);
	}
}

/* r57 help COMMAND, r57 COMMAND --help: its synopsis, what it does, and
 * each of its options (of each subcommand) with what it does. */
void print_command_help(const struct command *c)
{
	int w = help_width();
	print_synopsis("", _("Usage: "), c, w);
	print_wrapped("  ", _(c->what), w);
	if (c->run) {
		if (c->opts->name) {
			printf("\n%s\n", _("Options:"));
			print_opts(c->opts, w);
		}
	} else {
		const struct subcommand *sc;
		for (size_t i = 0; (sc = next_sub(c, &i));) {
			if (!sc->opts->name)
				continue;
			printf("\n");
			printf(_("Options of r57 %s %s:"), c->name, sc->name);
			printf("\n");
			print_opts(sc->opts, w);
		}
	}
	printf("\n%s\n", _("Every command also takes --db, --actor, --today and --lang (r57 --help)."));
}

int cmd_help(struct session *s, struct r57_err *err)
{
	if (s->args.npos > 1)
		return r57_fail(err, R57_EUSAGE, _("help: give at most one command"));
	if (s->args.npos == 1) {
		const struct command *c = command_named(s->args.pos[0]);
		if (!c) {
			char *safe = text_safe(s->args.pos[0], false);
			int rc = r57_fail(err, R57_EUSAGE, _("unknown command '%s' (see: r57 --help)"), safe);
			free(safe);
			return rc;
		}
		print_command_help(c);
		return R57_OK;
	}
	print_help(s->hooks);
	return R57_OK;
}

/* Text for a man page line: hyphens as \- so "--due" stays two minus
 * signs when rendered, and no line starts with a dot. */
static void mdoc_text(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", stdout);
		else if (*s == '\\')
			fputs("\\e", stdout);
		else
			fputc(*s, stdout);
	}
}

/* tsv:options: every command and subcommand (a line with no option) and
 * each of its options, one a line: command, subcommand (or empty), name,
 * short name, argument, "many" when it may be repeated. What the tests check the parser and the help
 * against. */
static void dump_options_tsv(void)
{
	for (size_t i = 0; i < cli_n_commands; i++) {
		const struct command *c = &cli_commands[i];
		const struct subcommand *sc;
		printf("%s\t\t\t\t\t\n", c->name);
		for (const struct cmd_opt *o = c->opts; o->name; o++)
			printf("%s\t\t%s\t%s\t%s\t%s\n", c->name, o->name, o->short_name, o->arg,
			       o->flags & OPT_MANY ? "many" : "");
		for (size_t j = 0; (sc = next_sub(c, &j));) {
			printf("%s\t%s\t\t\t\t\n", c->name, sc->name);
			for (const struct cmd_opt *o = sc->opts; o->name; o++)
				printf("%s\t%s\t%s\t%s\t%s\t%s\n", c->name, sc->name, o->name, o->short_name,
				       o->arg, o->flags & OPT_MANY ? "many" : "");
		}
	}
}

/* Print a part of the help as mdoc or Markdown for tools/gendoc, so the
 * man page and the README say what `r57 --help` says:
 * --dump-doc=mdoc:commands, md:options, ... */
int dump_doc(const char *what, const struct cli_hooks *hooks)
{
	if (strcmp(what, "tsv:options") == 0) {
		dump_options_tsv();
		return 0;
	}
	bool md = strncmp(what, "md:", 3) == 0;
	if (!md && strncmp(what, "mdoc:", 5) != 0)
		return 2;
	const char *part = strchr(what, ':') + 1;
	if (strcmp(part, "commands") == 0) {
		for (size_t i = 0; i < cli_n_commands; i++) {
			const struct command *c = &cli_commands[i];
			char *syn = synopsis(c);
			if (md) {
				printf("- `r57 %s%s%s`  \n  %s\n", c->name, *syn ? " " : "", syn, _(c->what));
			} else {
				printf(".It Xo Ic %s\n.Li \"", c->name);
				mdoc_text(syn);
				printf("\"\n.Xc\n");
				mdoc_text(_(c->what));
				printf("\n");
			}
			free(syn);
		}
	} else if (strcmp(part, "options") == 0) {
		for (const struct cmd_opt *o = cli_global_opts; o->name; o++) {
			if (md) {
				printf("- `%s%s%s`  \n  %s\n", o->name, *o->arg ? " " : "", o->arg, _(o->what));
			} else {
				printf(".It Fl ");
				mdoc_text(o->name + 1);
				if (*o->arg)
					printf(" Ar %s", o->arg);
				printf("\n");
				mdoc_text(_(o->what));
				printf("\n");
			}
		}
	} else if (strcmp(part, "keys") == 0) {
		if (md)
			printf("| %s | %s | %s |\n|---|---|---|\n", _("keys"), _("where"), _("what it does"));
		for (size_t i = 0; i < hooks->n_keys; i++) {
			const struct cli_key *k = &hooks->keys[i];
			if (md) {
				printf("| `%s` | %s | %s |\n", k->keys, _(k->where), _(k->what));
			} else {
				printf(".It Sy ");
				mdoc_text(k->keys);
				printf("\n");
				mdoc_text(_(k->what));
				printf(" (");
				mdoc_text(_(k->where));
				printf(")\n");
			}
		}
	} else if (strcmp(part, "dates") == 0) {
		if (md)
			printf("%s\n", _(R57_DATE_HELP));
		else {
			mdoc_text(_(R57_DATE_HELP));
			printf("\n");
		}
	} else if (strcmp(part, "names") == 0) {
		if (md)
			printf("%s\n", _(R57_NAMES_HELP));
		else {
			mdoc_text(_(R57_NAMES_HELP));
			printf("\n");
		}
	} else {
		return 2;
	}
	return 0;
}

