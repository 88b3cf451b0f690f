/* cli_io.c: r57 export and r57 import on the command line. The work is in
 * export.c and import.c; this file reads the options, opens the output,
 * and prints what was done, with every piece of user text made safe. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/afile.h"
#include "r57/export.h"
#include "r57/import.h"
#include "r57/out.h"
#include "r57/text.h"
#include "cli_int.h"

/* --- export ------------------------------------------------------------------ */

int cmd_export(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	struct export_opts o = { .format = EXPORT_CSV, .bom = opt_has(a, "--bom") };
	const char *fmt = opt_get(a, "--format");
	const char *path = opt_get(a, "--output");
	int rc;
	if (a->npos) {
		char *safe = text_safe(a->pos[0], false);
		rc = r57_fail(err, R57_EUSAGE, "export: unexpected argument '%s' (to write a file: -o FILE)", safe);
		free(safe);
		return rc;
	}
	if (fmt && strcmp(fmt, "json") == 0) {
		o.format = EXPORT_JSON;
	} else if (fmt && strcmp(fmt, "csv") != 0) {
		char *safe = text_safe(fmt, false);
		rc = r57_fail(err, R57_EUSAGE, "--format: '%s' is not one of csv, json", safe);
		free(safe);
		return rc;
	}
	if (o.bom && o.format != EXPORT_CSV)
		return r57_fail(err, R57_EUSAGE, "--bom: only for --format csv");
	if (opt_has(a, "--force") && !path)
		return r57_fail(err, R57_EUSAGE, "--force: only with -o FILE");
	if ((rc = open_db(s, false, err)))
		return rc;

	struct afile *af = NULL;
	FILE *f = stdout;
	if (path) {
		if ((rc = afile_open(path, opt_has(a, "--force"), export_signatures, &af, err)))
			return rc;
		f = afile_stream(af);
	}
	int64_t n = 0;
	rc = export_tasks(s->r.st, f, &o, &n, err);
	if (!path)
		return rc;
	if (rc) {
		afile_abort(af);
		return rc;
	}
	if ((rc = afile_commit(af, err)))
		return rc;
	printf("Exported %lld task%s to ", (long long)n, n == 1 ? "" : "s");
	out_safe(stdout, path);
	printf(".\n");
	return R57_OK;
}

/* --- import ------------------------------------------------------------------ */

/* What the import reports is held back until it has succeeded (a failed
 * import prints only its error), in a temporary file rather than in
 * memory: a dry run of 100,000 rows says 100,000 things. */
struct report {
	FILE *f;
	bool dry;
	int64_t created[4];
};

/* A real import names at most this many of each kind it created (a dry
 * run names them all: it is how to see a misspelt name before it is). */
#define CREATED_SHOWN 10

static void say(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(r->f, fmt, ap);
	va_end(ap);
}

static void say_safe(struct report *r, const char *text)
{
	out_safe(r->f, text ? text : "");
}

static void on_event(const struct import_event *e, void *ctx)
{
	struct report *r = ctx;
	switch (e->what) {
	case IMPORT_IGNORED_COLUMN:
		say(r, "Ignored column '");
		say_safe(r, e->name);
		say(r, "' (line %ld, column %ld): not a field r57 knows.\n", e->line, e->col);
		break;
	case IMPORT_CREATE:
		if (!r->dry && ++r->created[e->ref] > CREATED_SHOWN)
			break;
		say(r, "%s %s: ", r->dry ? "Would create" : "Created", ref_kind_name(e->ref));
		say_safe(r, e->name);
		say(r, "\n");
		break;
	case IMPORT_GROUPS:
		say(r, "%s the key task groups to the file's %d, in its order.\n",
		    r->dry ? "Would set" : "Set", e->n);
		break;
	case IMPORT_ADD:
		if (!r->dry)
			break;
		say(r, "Would add #%lld (line %ld): ", (long long)e->task, e->line);
		say_safe(r, e->name);
		say(r, "\n");
		break;
	case IMPORT_CHANGE:
		if (!r->dry)
			break;
		say(r, "Would change #%lld (line %ld): ", (long long)e->task, e->line);
		say_safe(r, e->name);
		const char *sep = ": ";
		for (int f = 0; f < IMP_FIELDS; f++)
			if (e->fields & (1u << f)) {
				say(r, "%s%s", sep, import_field_key((enum import_field)f));
				sep = ", ";
			}
		say(r, "\n");
		break;
	}
}

static void copy_out(FILE *from)
{
	char buf[65536];
	size_t n;
	rewind(from);
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		fwrite(buf, 1, n, stdout);
}

/* "1 group, 2 leaders, 0 units and 0 sources" */
static void created_words(FILE *f, const struct import_result *res)
{
	static const char *const one[] = { "group", "leader", "unit", "source" };
	for (int k = 0; k < 4; k++)
		fprintf(f, "%s%lld %s%s", k == 0 ? "" : k == 3 ? " and " : ", ",
		        (long long)res->created[k], one[k], res->created[k] == 1 ? "" : "s");
}

int cmd_import(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	bool dry = opt_has(a, "--dry-run");
	int rc;
	if (a->npos != 1)
		return r57_fail(err, R57_EUSAGE, "import: give the file to import (one file)");
	const char *path = a->pos[0];
	struct report rep = { .dry = dry };
	rep.f = tmpfile();
	if (!rep.f)
		return r57_fail(err, R57_EIO, "import: cannot make a temporary file for its report");
	if ((rc = open_db(s, !dry, err))) {
		fclose(rep.f);
		return rc;
	}
	struct import_opts o = { .path = path, .dry_run = dry, .on_event = on_event, .ctx = &rep };
	struct import_result res;
	rc = import_file(&s->r, &o, &res, err);
	if (rc) {
		fclose(rep.f);
		return rc;
	}
	copy_out(rep.f);
	fclose(rep.f);
	for (int k = 0; k < 4; k++)
		if (rep.created[k] > CREATED_SHOWN)
			printf("... and %lld more %ss (r57 %s list)\n", (long long)(rep.created[k] - CREATED_SHOWN),
			       ref_kind_name((enum ref_kind)k), ref_kind_name((enum ref_kind)k));
	if (dry) {
		printf("Dry run of ");
		out_safe(stdout, path);
		printf(": %lld row%s: %lld to add, %lld to change, %lld unchanged; ",
		       (long long)res.rows, res.rows == 1 ? "" : "s", (long long)res.added,
		       (long long)res.changed, (long long)res.unchanged);
		created_words(stdout, &res);
		printf(" to create. Nothing was written.\n");
		return R57_OK;
	}
	if (!res.seq && res.rows == 0) {
		printf("Nothing to import from ");
		out_safe(stdout, path);
		printf(": it has no rows.\n");
		return R57_OK;
	}
	if (!res.seq) {
		printf("Nothing to import from ");
		out_safe(stdout, path);
		printf(": %s %lld row%s match%s the tasks as they are.\n",
		       res.rows == 1 ? "its" : "all its", (long long)res.rows, res.rows == 1 ? "" : "s",
		       res.rows == 1 ? "es" : "");
		return R57_OK;
	}
	printf("Imported ");
	out_safe(stdout, path);
	printf(": %lld row%s: %lld added, %lld changed, %lld unchanged; ", (long long)res.rows,
	       res.rows == 1 ? "" : "s", (long long)res.added, (long long)res.changed,
	       (long long)res.unchanged);
	created_words(stdout, &res);
	printf(" created. One change, #%lld: r57 undo removes it.\n", (long long)res.seq);
	return R57_OK;
}
