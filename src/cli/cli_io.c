/* cli_io.c: r57 export and r57 import on the command line. The work is in
 * export.c and import.c; this file reads the options, opens the output,
 * and prints what was done, with every piece of user text made safe. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/afile.h"
#include "r57/export.h"
#include "r57/i18n.h"
#include "r57/import.h"
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
		rc = r57_fail(err, R57_EUSAGE, _("export: unexpected argument '%s' (to write a file: -o FILE)"), safe);
		free(safe);
		return rc;
	}
	if (fmt && strcmp(fmt, "json") == 0) {
		o.format = EXPORT_JSON;
	} else if (fmt && strcmp(fmt, "csv") != 0) {
		char *safe = text_safe(fmt, false);
		rc = r57_fail(err, R57_EUSAGE, _("--format: '%s' is not one of csv, json"), safe);
		free(safe);
		return rc;
	}
	if (o.bom && o.format != EXPORT_CSV)
		return r57_fail(err, R57_EUSAGE, _("--bom: only for --format csv"));
	if (opt_has(a, "--force") && !path)
		return r57_fail(err, R57_EUSAGE, _("--force: only with -o FILE"));
	if ((rc = open_db(s, false, err)))
		return rc;

	struct afile *af = NULL;
	FILE *f = stdout;
	if (path) {
		/* Every task of the database: no more readable than the database. */
		struct stat dbs;
		mode_t allow = stat(s->db_path, &dbs) == 0 ? (dbs.st_mode & 0666) : 0600;
		if ((rc = afile_open_mode(path, opt_has(a, "--force"), export_signatures, allow, &af, err)))
			return rc;
		f = afile_stream(af);
	}
	int64_t n = 0;
	/* The exact text to a file or a pipe; placeholders only on a terminal. */
	o.terminal = !path && isatty(STDOUT_FILENO);
	rc = export_tasks(s->r.st, f, &o, &n, err);
	if (!path)
		return rc;
	if (rc) {
		afile_abort(af);
		return rc;
	}
	if ((rc = afile_commit(af, err)))
		return rc;
	char *safe = text_safe(path, false);
	printf(ngettext("Exported %lld task to %s.", "Exported %lld tasks to %s.", (unsigned long)n),
	       (long long)n, safe);
	putchar('\n');
	free(safe);
	return R57_OK;
}

/* --- check ------------------------------------------------------------------- */

static void print_problem(const char *line, void *ctx)
{
	(void)ctx;
	puts(line);
}

int cmd_check(struct session *s, struct r57_err *err)
{
	int rc, n = 0;
	if (s->args.npos) {
		char *safe = text_safe(s->args.pos[0], false);
		rc = r57_fail(err, R57_EUSAGE, _("check: unexpected argument '%s'"), safe);
		free(safe);
		return rc;
	}
	if ((rc = open_db(s, false, err)) || (rc = store_check_all(s->r.st, print_problem, NULL, &n, err)))
		return rc;
	if (n == 0) {
		puts(_("ok"));
		return R57_OK;
	}
	char *safe = text_safe(s->db_path, false);
	rc = r57_fail(err, R57_EDB,
	              ngettext("%s: %d problem found (restore the database from a backup, or export it and import the export into a new one)",
	                       "%s: %d problems found (restore the database from a backup, or export it and import the export into a new one)",
	                       (unsigned long)n),
	              safe, n);
	free(safe);
	return rc;
}

/* --- backup ------------------------------------------------------------------ */

int cmd_backup(struct session *s, struct r57_err *err)
{
	int rc;
	if (s->args.npos != 1)
		return r57_fail(err, R57_EUSAGE, _("backup: name the file to write (r57 backup FILE)"));
	if ((rc = open_db(s, false, err)) ||
	    (rc = store_backup(s->r.st, s->args.pos[0], opt_has(&s->args, "--force"), err)))
		return rc;
	char *safe = text_safe(s->args.pos[0], false);
	printf(_("Backed up the database to %s."), safe);
	putchar('\n');
	free(safe);
	return R57_OK;
}

/* --- init -------------------------------------------------------------------- */

int cmd_init(struct session *s, struct r57_err *err)
{
	if (s->args.npos)
		return r57_fail(err, R57_EUSAGE, "%s", _("init: takes no arguments (the database is --db or $R57_DB)"));
	s->init = true;
	int rc = open_db(s, true, err);
	if (rc)
		return rc;
	char *safe = text_safe(store_path(s->r.st), false);
	printf(_("The r57 database at %s is ready (schema version %d)."), safe, R57_SCHEMA_VERSION);
	putchar('\n');
	free(safe);
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

/* One line of the report: fmt has one %s, the text made safe, and the
 * numbers after it. */
static void say(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(r->f, fmt, ap);
	va_end(ap);
	fputc('\n', r->f);
}

/* A message with a context (msgctxt), as GNU gettext's pgettext: the
 * short field names below would otherwise share their translation with
 * the same English words elsewhere. */
static const char *ctx_gettext(const char *ctx_id, const char *id)
{
	const char *t = gettext(ctx_id);
	return t == ctx_id ? id : t;
}
#define pgettext(ctx, id) ctx_gettext(ctx "\004" id, id)

/* A field's name in the dry run's "Would change" lines: in English, the
 * column names of r57's export. */
static const char *field_name(enum import_field f)
{
	switch (f) {
	case IMP_ID: return pgettext("field", "id");
	case IMP_UUID: return pgettext("field", "uuid");
	case IMP_TITLE: return pgettext("field", "title");
	case IMP_NOTES: return pgettext("field", "notes");
	case IMP_GROUP: return pgettext("field", "group");
	case IMP_GROUP_NUMBER: return pgettext("field", "group_number");
	case IMP_LEADER: return pgettext("field", "leader");
	case IMP_UNIT: return pgettext("field", "unit");
	case IMP_UNITS: return pgettext("field", "units");
	case IMP_SOURCE: return pgettext("field", "source");
	case IMP_YEAR: return pgettext("field", "year");
	case IMP_DUE: return pgettext("field", "due");
	case IMP_FIRST_DUE: return pgettext("field", "first_due");
	case IMP_EXTENSIONS: return pgettext("field", "extensions");
	case IMP_STATUS: return pgettext("field", "status");
	case IMP_ON_TIME: return pgettext("field", "on_time");
	case IMP_PRODUCT: return pgettext("field", "product");
	case IMP_RESULT: return pgettext("field", "result");
	case IMP_CREATED: return pgettext("field", "created");
	case IMP_CLOSED: return pgettext("field", "closed");
	default: return import_field_key(f);
	}
}

static void say_created(struct report *r, enum ref_kind k, const char *name)
{
	switch (k) {
	case REF_GROUP:
		say(r, r->dry ? _("Would create group: %s") : _("Created group: %s"), name);
		break;
	case REF_LEADER:
		say(r, r->dry ? _("Would create leader: %s") : _("Created leader: %s"), name);
		break;
	case REF_UNIT:
		say(r, r->dry ? _("Would create unit: %s") : _("Created unit: %s"), name);
		break;
	case REF_SOURCE:
		say(r, r->dry ? _("Would create source: %s") : _("Created source: %s"), name);
		break;
	}
}

static void on_event(const struct import_event *e, void *ctx)
{
	struct report *r = ctx;
	/* A real import is told of every row it adds: say nothing, fast. */
	if (!r->dry && (e->what == IMPORT_ADD || e->what == IMPORT_CHANGE ||
	                (e->what == IMPORT_CREATE && ++r->created[e->ref] > CREATED_SHOWN)))
		return;
	char *safe = text_safe(e->name ? e->name : "", false);
	switch (e->what) {
	case IMPORT_IGNORED_COLUMN:
		say(r, _("Ignored column '%s' (line %ld, column %ld): not a field r57 knows."), safe, e->line,
		    e->col);
		break;
	case IMPORT_CREATE:
		say_created(r, e->ref, safe);
		break;
	case IMPORT_GROUPS:
		say(r, r->dry ? _("Would set the key task groups to the file's %d, in its order.")
		              : _("Set the key task groups to the file's %d, in its order."),
		    e->n);
		break;
	case IMPORT_ADD:
		say(r, _("Would add #%lld (line %ld): %s"), (long long)e->task, e->line, safe);
		break;
	case IMPORT_CHANGE: {
		char fields[400] = "";
		size_t len = 0;
		for (int f = 0; f < IMP_FIELDS && len < sizeof fields; f++)
			if (e->fields & (1u << f))
				len += (size_t)snprintf(fields + len, sizeof fields - len, "%s%s", len ? ", " : "",
				                        field_name((enum import_field)f));
		say(r, _("Would change #%lld (line %ld): %s: %s"), (long long)e->task, e->line, safe, fields);
		break;
	}
	}
	free(safe);
}

static void copy_out(FILE *from)
{
	char buf[65536];
	size_t n;
	rewind(from);
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		fwrite(buf, 1, n, stdout);
}

/* "1 group, 2 leaders, 0 units and 0 sources", newly allocated. */
static char *created_words(const struct import_result *res)
{
	char w[4][120];
	const int64_t *c = res->created;
	snprintf(w[0], sizeof w[0], ngettext("%lld group", "%lld groups", (unsigned long)c[0]), (long long)c[0]);
	snprintf(w[1], sizeof w[1], ngettext("%lld leader", "%lld leaders", (unsigned long)c[1]), (long long)c[1]);
	snprintf(w[2], sizeof w[2], ngettext("%lld unit", "%lld units", (unsigned long)c[2]), (long long)c[2]);
	snprintf(w[3], sizeof w[3], ngettext("%lld source", "%lld sources", (unsigned long)c[3]), (long long)c[3]);
	char *out = NULL;
	if (asprintf(&out, _("%s, %s, %s and %s"), w[0], w[1], w[2], w[3]) < 0)
		abort();
	return out;
}

/* "... and 12 more units (r57 unit list)" after a real import's first ten. */
static void more_created(enum ref_kind k, int64_t n)
{
	unsigned long u = (unsigned long)n;
	switch (k) {
	case REF_GROUP:
		printf(ngettext("... and %lld more group (r57 group list)", "... and %lld more groups (r57 group list)", u),
		       (long long)n);
		break;
	case REF_LEADER:
		printf(ngettext("... and %lld more leader (r57 leader list)", "... and %lld more leaders (r57 leader list)", u),
		       (long long)n);
		break;
	case REF_UNIT:
		printf(ngettext("... and %lld more unit (r57 unit list)", "... and %lld more units (r57 unit list)", u),
		       (long long)n);
		break;
	case REF_SOURCE:
		printf(ngettext("... and %lld more source (r57 source list)", "... and %lld more sources (r57 source list)", u),
		       (long long)n);
		break;
	}
	putchar('\n');
}

int cmd_import(struct session *s, struct r57_err *err)
{
	const struct args *a = &s->args;
	bool dry = opt_has(a, "--dry-run");
	int rc;
	if (a->npos != 1)
		return r57_fail(err, R57_EUSAGE, _("import: give the file to import (one file)"));
	const char *path = a->pos[0];
	struct report rep = { .dry = dry };
	rep.f = tmpfile();
	if (!rep.f)
		return r57_fail(err, R57_EIO, _("import: cannot make a temporary file for its report"));
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
			more_created((enum ref_kind)k, rep.created[k] - CREATED_SHOWN);
	char *safe = text_safe(path, false);
	char *made = created_words(&res);
	unsigned long rows = (unsigned long)res.rows;
	if (dry)
		printf(ngettext("Dry run of %s: %lld row: %lld to add, %lld to change, %lld unchanged; "
		                "%s to create. Nothing was written.",
		                "Dry run of %s: %lld rows: %lld to add, %lld to change, %lld unchanged; "
		                "%s to create. Nothing was written.", rows),
		       safe, (long long)res.rows, (long long)res.added, (long long)res.changed,
		       (long long)res.unchanged, made);
	else if (!res.seq && res.rows == 0)
		printf(_("Nothing to import from %s: it has no rows."), safe);
	else if (!res.seq)
		printf(ngettext("Nothing to import from %s: its %lld row matches the tasks as they are.",
		                "Nothing to import from %s: all its %lld rows match the tasks as they are.", rows),
		       safe, (long long)res.rows);
	else
		printf(ngettext("Imported %s: %lld row: %lld added, %lld changed, %lld unchanged; "
		                "%s created. One change, #%lld: r57 undo removes it.",
		                "Imported %s: %lld rows: %lld added, %lld changed, %lld unchanged; "
		                "%s created. One change, #%lld: r57 undo removes it.", rows),
		       safe, (long long)res.rows, (long long)res.added, (long long)res.changed,
		       (long long)res.unchanged, made, (long long)res.seq);
	putchar('\n');
	free(made);
	free(safe);
	return R57_OK;
}
