/* cli_args.c: the command line's parser. Options may come anywhere and
 * are checked against the command's own (commands.h) and the global ones;
 * the values of options and the numbers, ids and formats the commands
 * take are read here, each refused with a message that names it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "cli_int.h"

/* --- parsed arguments ----------------------------------------------------- */

const char *opt_get(const struct args *a, const char *name)
{
	const char *v = NULL;
	for (int i = 0; i < a->nopt; i++)
		if (strcmp(a->opt[i].name, name) == 0)
			v = a->opt[i].value ? a->opt[i].value : "";
	return v;
}

bool opt_has(const struct args *a, const char *name)
{
	return opt_get(a, name) != NULL;
}

/* How many times name was given; the first max values into out. */
int opt_all(const struct args *a, const char *name, const char **out, int max)
{
	int n = 0;
	for (int i = 0; i < a->nopt; i++)
		if (strcmp(a->opt[i].name, name) == 0) {
			if (n < max)
				out[n] = a->opt[i].value;
			n++;
		}
	return n;
}

/* --- numbers, ids and formats ----------------------------------------------- */

int parse_int(const char *s, const char *what, long lo, long hi, long *out,
              struct r57_err *err)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi) {
		char *safe = text_safe(s, false);
		int rc = r57_fail(err, R57_EUSAGE, _("%s: '%s' is not a number from %ld to %ld"), what, safe, lo, hi);
		free(safe);
		return rc;
	}
	*out = v;
	return R57_OK;
}

int parse_id(const char *s, int64_t *id, struct r57_err *err)
{
	const char *p = s[0] == '#' ? s + 1 : s;
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (!*p || *end || errno || v <= 0) {
		char *safe = text_safe(s, false);
		int rc = r57_fail(err, R57_EUSAGE, _("'%s' is not a task id (a number such as 12)"), safe);
		free(safe);
		return rc;
	}
	*id = v;
	return R57_OK;
}

int parse_ids(const struct args *a, int from, int to, int64_t *ids, int *n,
              struct r57_err *err)
{
	*n = 0;
	for (int i = from; i < to; i++) {
		int rc = parse_id(a->pos[i], &ids[*n], err);
		if (rc)
			return rc;
		(*n)++;
	}
	return R57_OK;
}

int parse_format(const struct args *a, const char *allowed, enum format *out,
                 struct r57_err *err)
{
	const char *f = opt_get(a, "--format");
	static const struct {
		const char *name;
		enum format fmt;
	} names[] = { { "table", FMT_TABLE }, { "tsv", FMT_TSV }, { "json", FMT_JSON }, { "text", FMT_TEXT } };
	if (!f) {
		*out = strstr(allowed, "table") ? FMT_TABLE : FMT_TEXT;
		return R57_OK;
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(f, names[i].name) == 0 && strstr(allowed, f)) {
			*out = names[i].fmt;
			return R57_OK;
		}
	char *safe = text_safe(f, false);
	int rc = r57_fail(err, R57_EUSAGE, _("--format: '%s' is not one of %s"), safe, allowed);
	free(safe);
	return rc;
}

/* --- the parser -------------------------------------------------------------- */

/* The option of specs (or else of the global ones) that arg names: "--due"
 * or "--due=..." by its name, "-o" by its short name. */
const struct cmd_opt *find_opt(const struct cmd_opt *specs, const char *arg, size_t len)
{
	for (int pass = 0; pass < 2; pass++)
		for (const struct cmd_opt *o = pass ? cli_global_opts : specs; o && o->name; o++)
			if ((strlen(o->name) == len && strncmp(o->name, arg, len) == 0) ||
			    (*o->short_name && strlen(o->short_name) == len && strncmp(o->short_name, arg, len) == 0))
				return o;
	return NULL;
}

/* Does arg look like an option (rather than a word, or a date such as
 * "-3d")? */
static bool is_option(const struct cmd_opt *specs, const char *arg)
{
	if (arg[0] == '-' && arg[1] == '-')
		return true;
	return arg[0] == '-' && find_opt(specs, arg, strlen(arg)) != NULL;
}

/* Options may come anywhere; "--" ends them; "--opt=value" and
 * "--opt value" are the same. Only the options of specs and the global
 * ones are taken; another is a usage error that names it and the command
 * (label: "add", "leader add"; NULL before any command). */
int parse_args(int argc, char **argv, const char *label, const struct cmd_opt *specs,
               struct args *a, struct r57_err *err)
{
	bool no_more = false;
	memset(a, 0, sizeof *a);
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (no_more || !is_option(specs, arg)) {
			/* "-3d" style dates and plain words are positional. */
			if (a->npos >= MAX_ARGS)
				return r57_fail(err, R57_EUSAGE, _("%s: too many arguments"), label ? label : "r57");
			a->pos[a->npos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			no_more = true;
			continue;
		}
		const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct cmd_opt *s = find_opt(specs, arg, len);
		if (!s) {
			char *safe = text_safe(arg, false);
			int rc = label ? r57_fail(err, R57_EUSAGE, _("%s: unknown option %s (see: r57 --help)"), label, safe)
			               : r57_fail(err, R57_EUSAGE, _("unknown option %s (see: r57 --help)"), safe);
			free(safe);
			return rc;
		}
		const char *value = NULL;
		/* the option as typed: "-o" or its long name */
		const char *typed = arg[1] == '-' ? s->name : s->short_name;
		if (s->flags & OPT_ARG) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else if (label)
				return r57_fail(err, R57_EUSAGE, _("%s: option %s needs a value"), label, typed);
			else
				return r57_fail(err, R57_EUSAGE, _("option %s needs a value"), typed);
		} else if (eq) {
			return label ? r57_fail(err, R57_EUSAGE, _("%s: option %s takes no value"), label, s->name)
			             : r57_fail(err, R57_EUSAGE, _("option %s takes no value"), s->name);
		}
		if (a->nopt >= MAX_ARGS)
			return r57_fail(err, R57_EUSAGE, _("%s: too many options"), label ? label : "r57");
		a->opt[a->nopt].name = s->name;
		a->opt[a->nopt].value = value;
		a->nopt++;
	}
	return R57_OK;
}

/* The subcommand of c among args: the first word that is not an option
 * or an option's value (any of c's subcommands' options may come before
 * it). Its index, or -1 if there is none. */
int find_sub_word(const struct command *c, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--") == 0)
			return i + 1 < argc ? i + 1 : -1;
		if (arg[0] != '-' || arg[1] != '-')
			return i;
		const char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct cmd_opt *o = find_opt(NULL, arg, len);
		const struct subcommand *sc;
		for (size_t j = 0; !o && (sc = next_sub(c, &j));)
			o = find_opt(sc->opts, arg, len);
		if (o && (o->flags & OPT_ARG) && !eq)
			i++;
	}
	return -1;
}

