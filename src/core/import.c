/* import.c: r57 import FILE, the driver. The file is read as a stream, twice:
 *
 *   pass 1  every row is parsed and checked (UTF-8, quotes, dates, status
 *           words, titles, lengths, uuids, names), its leaders, units,
 *           groups and sources are looked up (and noted for creation), and
 *           it is matched to a task: by uuid, else by title and group
 *           (docs/import.md). Nothing is written; the first bad row stops
 *           the import with a message that names the file, the line and
 *           column, the field and the value.
 *   pass 2  inside the same write transaction and under one journal entry,
 *           the rows are read again and written: new tasks inserted with
 *           the ids decided after pass 1, matched tasks updated where the
 *           file differs, missing names created. A dry run does pass 2
 *           without writing.
 *
 * Into a database without tasks there is nothing to match, and one pass
 * does both: each row is checked and written as it is read, and the first
 * bad row rolls the whole transaction back.
 *
 * Memory: one record of a few numbers per row, the names of groups,
 * leaders, units and sources, and (only when the file has rows without a
 * uuid and the database has tasks) the title, group, lead unit, leader and
 * deadline of every task, to match rows against. No SQL here: the store
 * (store_io.c, store_ref.c) does the reading and writing.
 *
 * The passes' parts are files of their own (import_int.h): reading CSV
 * (import_csv.c) and JSON (import_json.c), checking a row's values
 * (import_check.c), its names (import_refs.c), matching rows to tasks
 * (import_match.c) and writing them (import_write.c). Here: the errors
 * that say where, opening and rewinding the file, a pass, the whole. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "import_int.h"
#include "r57/csv.h"
#include "r57/hash.h"
#include "r57/i18n.h"
#include "r57/json_in.h"
#include "r57/limits.h"
#include "r57/store_io.h"
#include "r57/text.h"

#define BULK_MIN 5000    /* new tasks for which indexes are built at the end */
#define BULK_MIN_BYTES (512 * 1024) /* ... or, in one pass, the size of the file */

static const char *const field_keys[IMP_FIELDS] = {
	[IMP_ID] = "id", [IMP_UUID] = "uuid", [IMP_TITLE] = "title", [IMP_NOTES] = "notes",
	[IMP_GROUP] = "group", [IMP_GROUP_NUMBER] = "group_number", [IMP_LEADER] = "leader",
	[IMP_UNIT] = "unit", [IMP_UNITS] = "units", [IMP_SOURCE] = "source", [IMP_YEAR] = "year",
	[IMP_DUE] = "due", [IMP_FIRST_DUE] = "first_due", [IMP_EXTENSIONS] = "extensions",
	[IMP_STATUS] = "status", [IMP_ON_TIME] = "on_time", [IMP_PRODUCT] = "product",
	[IMP_RESULT] = "result", [IMP_CREATED] = "created", [IMP_CLOSED] = "closed",
};

const char *import_field_key(enum import_field f)
{
	return field_keys[f];
}

const char *imp_label_of(struct imp *im, int field)
{
	if (!im->src.json && im->src.label[field])
		return im->src.label[field];
	return field_keys[field];
}
int imp_fail_at(struct imp *im, struct ipos at, int field, const char *value,
                enum r57_code code, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *lab = field >= 0 ? text_fit(imp_label_of(im, field), 40, false) : NULL;
	char *val = value ? text_fit(value, 40, false) : NULL;
	char *head = NULL;
	int n;
	if (at.line > 0 && lab)
		n = asprintf(&head, _("%s: line %ld, column %ld (%s)"), im->spath, at.line, at.col, lab);
	else if (at.line > 0)
		n = asprintf(&head, _("%s: line %ld, column %ld"), im->spath, at.line, at.col);
	else if (lab)
		n = asprintf(&head, _("%s (%s)"), im->spath, lab);
	else
		n = asprintf(&head, "%s", im->spath);
	if (n < 0)
		abort();
	int rc = val ? r57_fail(im->err, code, _("%s: '%s' %s; nothing was imported"), head, val, msg)
	             : r57_fail(im->err, code, _("%s: %s; nothing was imported"), head, msg);
	free(head);
	free(lab);
	free(val);
	return rc;
}

static int fail_nomem(struct imp *im)
{
	return r57_fail(im->err, R57_ENOMEM, _("out of memory"));
}

/* --- opening and rewinding the file ---------------------------------------------- */

static void src_close(struct src *s)
{
	csv_free(s->csv);
	s->csv = NULL;
	json_free(s->js);
	s->js = NULL;
	free(s->col_field);
	s->col_field = NULL;
	s->ncols = 0;
	for (int i = 0; i < IMP_FIELDS; i++) {
		free(s->label[i]);
		s->label[i] = NULL;
	}
	imp_json_row_clear(s);
}

static void src_free(struct src *s)
{
	src_close(s);
	free(s->list);
	free(s->list_at);
	s->list = NULL;
	s->list_at = NULL;
	s->cap_list = 0;
	for (int i = 0; i < s->n_groups; i++)
		free(s->groups[i]);
	free(s->groups);
	s->groups = NULL;
	s->n_groups = 0;
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

/* Start reading from the beginning (pass 1 and pass 2). */
static int src_start(struct imp *im)
{
	struct src *s = &im->src;
	src_close(s);
	if (fseek(s->f, 0, SEEK_SET) != 0)
		return imp_fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EIO, _("cannot read it again (%s)"),
		                   strerror(errno));
	clearerr(s->f);
	if (s->json) {
		s->js = json_open(s->f, MAX_RECORD);
		s->state = 0;
		s->seen_tasks = false;
		s->has_groups = false; /* the list read in pass 1 is kept */
		return s->js ? R57_OK : fail_nomem(im);
	}
	s->csv = csv_open(s->f, 0, MAX_RECORD);
	if (!s->csv)
		return fail_nomem(im);
	return imp_csv_header(im);
}

static int src_row(struct imp *im, struct in_row *row)
{
	return im->src.json ? imp_json_row(im, row) : imp_csv_row(im, row);
}

/* JSON if the first thing in the file (after a BOM and white space) is
 * '{'; CSV otherwise. */
static bool looks_json(FILE *f)
{
	unsigned char head[512];
	size_t n = fread(head, 1, sizeof head, f), i = 0;
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	return i < n && head[i] == '{';
}

/* One pass over the file: noting (pass 1), applying (pass 2), or both
 * (a CSV file read into a database without tasks: there is nothing to
 * match rows with, so each row is noted and applied as it is read). */
static int pass(struct imp *im, bool noting, bool applying)
{
	struct in_row row;
	struct prow p;
	int rc, got;
	im->noting = noting;
	im->applying = applying;
	im->row_ix = 0;
	if ((rc = src_start(im)))
		return rc;
	while ((got = src_row(im, &row)) > 0) {
		/* One pass over r57's JSON: its groups come before its tasks. */
		if (noting && applying && (rc = imp_groups_first(im)))
			return rc;
		rc = imp_parse_row(im, &row, &p);
		if (!rc && noting) {
			rc = imp_note_row(im, &row, &p);
			im->res->rows++;
			if (!rc && applying) {
				struct rec *r = &im->recs[im->nrecs - 1];
				if (!r->task)
					imp_give_id(im, r);
				rc = imp_apply_row(im, &row, &p, r);
			}
		} else if (!rc) {
			if (im->row_ix >= im->nrecs || im->recs[im->row_ix].check != imp_row_check(&p))
				rc = imp_fail_at(im, row.at, -1, NULL, R57_EIO,
				                 _("the file changed while it was being read; import it again"));
			else
				rc = imp_apply_row(im, &row, &p, &im->recs[im->row_ix]);
			im->row_ix++;
		}
		imp_prow_clear(&p);
		if (rc)
			return rc;
	}
	if (got < 0)
		return -got;
	if (noting && applying && (rc = imp_groups_first(im)))
		return rc;
	if (!noting && im->row_ix != im->nrecs)
		return imp_fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EIO,
		                   _("the file changed while it was being read; import it again"));
	return R57_OK;
}

static void imp_free(struct imp *im)
{
	src_free(&im->src);
	for (int k = 0; k < 4; k++)
		imp_refs_free(&im->refs[k]);
	free(im->recs);
	smap_free(&im->uuids);
	free(im->claimed);
	free(im->dbt);
	free(im->keys);
	smap_free(&im->keymap);
	smap_free(&im->status_seen);
	smap_free(&im->date_seen);
	store_io_close(im->io);
	free(im->spath);
}

/* Open path to read, as a regular file only. Opened without blocking, and
 * its type checked before a read: a plain open of a FIFO (or a terminal)
 * waits for a writer for ever. */
static int open_file(struct imp *im, off_t *size)
{
	struct stat sb;
	int fd = open(im->o->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return r57_fail(im->err, R57_EIO, _("%s: cannot read it (%s); nothing was imported"), im->spath,
		                strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return r57_fail(im->err, R57_EIO, _("%s: not a regular file; nothing was imported"), im->spath);
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0 || !(im->src.f = fdopen(fd, "rb"))) {
		int rc = r57_fail(im->err, R57_EIO, _("%s: cannot read it (%s); nothing was imported"),
		                  im->spath, strerror(errno));
		close(fd);
		return rc;
	}
	*size = sb.st_size;
	return R57_OK;
}

/* The passes, inside the transaction: two, or one into a database without
 * tasks. Many new tasks: the indexes are built once at the end rather than
 * row by row (store_io_bulk_begin). */
static int run_passes(struct imp *im, off_t size)
{
	struct r57_err *err = im->err;
	int rc;
	if ((rc = store_io_task_stats(im->r->st, &im->tasks0, &im->max_id0, err)) ||
	    (rc = imp_load_refs(im)))
		return rc;
	im->top = im->max_id0;
	bool bulk = false;
	if (im->tasks0 == 0) {
		/* Nothing to match rows with: one pass does it all. */
		im->writing = !im->o->dry_run;
		bulk = im->writing && size >= BULK_MIN_BYTES;
		if ((bulk && (rc = store_io_bulk_begin(im->io, err))) || (rc = pass(im, true, true)))
			return rc;
	} else {
		if ((rc = pass(im, true, false)))
			return rc;
		imp_decide(im);
		im->writing = !im->o->dry_run;
		int64_t adds = 0;
		for (size_t i = 0; i < im->nrecs; i++)
			adds += !im->recs[i].task;
		bulk = im->writing && adds >= BULK_MIN && adds >= im->tasks0;
		if ((bulk && (rc = store_io_bulk_begin(im->io, err))) || (rc = pass(im, false, true)))
			return rc;
	}
	return bulk ? store_io_bulk_end(im->io, err) : store_io_flush(im->io, err);
}

/* End the action begun as seq: its summary and the commit, or nothing at
 * all when every row is as its task already is. */
static int record(struct imp *im, int64_t seq)
{
	struct import_result *res = im->res;
	int64_t created = 0;
	for (int k = 0; k < 4; k++)
		created += res->created[k];
	if (res->added == 0 && res->changed == 0 && created == 0 && !im->restore_groups)
		return action_end(im->r, R57_OK, seq, NULL, im->err);
	char *summary = NULL;
	if (asprintf(&summary, _("import %s: %lld added, %lld changed"), im->o->path,
	             (long long)res->added, (long long)res->changed) < 0)
		return fail_nomem(im);
	int rc = action_end(im->r, R57_OK, seq, summary, im->err);
	free(summary);
	if (!rc)
		res->seq = seq;
	return rc;
}

int import_file(struct r57 *r, const struct import_opts *o,
                struct import_result *res, struct r57_err *err)
{
	struct imp im = { .r = r, .o = o, .res = res, .err = err, .rnd_at = sizeof im.rnd };
	off_t size = 0;
	int rc;
	memset(res, 0, sizeof *res);
	im.spath = text_safe(o->path, false);
	if ((rc = open_file(&im, &size))) {
		imp_free(&im);
		return rc;
	}
	im.src.json = res->json = looks_json(im.src.f);

	/* A dry run reads; an import holds the write lock (and its journal
	 * entry) from the first look at the database to the commit, so that
	 * what pass 1 checked is what pass 2 writes. */
	int64_t seq = 0;
	if ((rc = store_io_open(r->st, &im.io, err)) ||
	    (rc = o->dry_run ? store_io_snapshot(im.io, err) : action_begin(r, &seq, err))) {
		imp_free(&im);
		return rc;
	}
	rc = run_passes(&im, size);
	if (!rc && !o->dry_run)
		rc = record(&im, seq);
	if (o->dry_run)
		store_rollback(r->st); /* the snapshot's read transaction */
	else if (rc)
		rc = action_end(r, rc, seq, NULL, err);
	imp_free(&im);
	return rc;
}
