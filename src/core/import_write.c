/* import_write.c: an import's pass 2: each row made into a task row
 * (build), compared with the task it matched (diff), and written through
 * store_io, or told as an event in a dry run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <uuid/uuid.h>

#include "import_int.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/store_io.h"

/* --- pass 2: the rows as tasks ---------------------------------------------------------- */

static bool same_units(const int64_t *a, int na, const int64_t *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		bool found = false;
		for (int j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return false;
	}
	return true;
}

static bool same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

/* A new task's UUID v4 (RFC 9562: 122 random bits), as libuuid's
 * uuid_generate_random makes them, from the kernel's random bytes read
 * 4 KiB at a time rather than one call per task. */
static void new_uuid(struct imp *im, char out[37])
{
	if (im->rnd_at + 16 > sizeof im->rnd) {
		size_t got = 0;
		while (got < sizeof im->rnd) {
			ssize_t n = getrandom(im->rnd + got, sizeof im->rnd - got, 0);
			if (n < 0) {
				if (errno == EINTR)
					continue;
				/* No getrandom(): libuuid finds another way. */
				uuid_t u;
				uuid_generate_random(u);
				uuid_unparse_lower(u, out);
				return;
			}
			got += (size_t)n;
		}
		im->rnd_at = 0;
	}
	uuid_t u;
	memcpy(u, im->rnd + im->rnd_at, 16);
	im->rnd_at += 16;
	u[6] = (unsigned char)((u[6] & 0x0F) | 0x40); /* version 4 */
	u[8] = (unsigned char)((u[8] & 0x3F) | 0x80); /* variant 10 */
	uuid_unparse_lower(u, out);
}

/* The deadline: r57's export gives the first deadline and the
 * extensions; a spreadsheet only the deadline in force, so a new one
 * there is an extension (the first deadline stays on record). */
static void build_due(const struct cell *c, const struct prow *p, const struct task *old,
                      struct task_row *out)
{
	if (c[IMP_DUE].present) {
		r57_day due = p->due;
		if (c[IMP_FIRST_DUE].present || c[IMP_EXTENSIONS].present) {
			out->due = due;
			if (c[IMP_FIRST_DUE].present)
				out->first_due = p->first_due != R57_NO_DATE ? p->first_due : due;
			else if (!old)
				out->first_due = due;
			if (c[IMP_EXTENSIONS].present)
				out->extensions = p->extensions;
		} else if (!old) {
			out->due = out->first_due = due;
		} else if (due != old->due) {
			if (old->due == R57_NO_DATE || due == R57_NO_DATE) {
				if (out->extensions == 0)
					out->first_due = due;
			} else {
				if (out->first_due == R57_NO_DATE)
					out->first_due = old->due;
				out->extensions++;
			}
			out->due = due;
		}
	} else if (c[IMP_FIRST_DUE].present && p->first_due != R57_NO_DATE) {
		out->first_due = p->first_due;
	}
}

/* Status and completion date, as the file gives them. */
static int build_status(struct imp *im, const struct in_row *row, const struct prow *p,
                        const struct task *old, struct task_row *out)
{
	const struct cell *c = row->c;
	r57_day today = im->r->today;
	out->status = p->status;
	out->closed = p->closed;
	if (p->status == TASK_DONE && p->closed == R57_NO_DATE) {
		if (old && old->status == TASK_DONE) {
			out->closed = old->closed;
		} else {
			struct ipos at = c[IMP_STATUS].present ? c[IMP_STATUS].at : row->at;
			if (c[IMP_CLOSED].present)
				return imp_fail_at(im, at, IMP_STATUS, c[IMP_STATUS].text, R57_EINPUT,
				                   _("is done, but the row gives no completion date: give it (dd/mm/yyyy) in %s"),
				                   imp_label_of(im, IMP_CLOSED));
			return imp_fail_at(im, at, IMP_STATUS, c[IMP_STATUS].text, R57_EINPUT, "%s",
			                   _("is done, but the row gives no completion date: give it (dd/mm/yyyy) in a column"
			                     " Ng\xc3\xa0y ho\xc3\xa0n th\xc3\xa0nh (or closed)"));
		}
	}
	if (p->status == TASK_CANCELLED && p->closed == R57_NO_DATE)
		out->closed = old && old->status == TASK_CANCELLED ? old->closed : today;
	return R57_OK;
}

/* The row a task becomes. For a new task, old is NULL. */
static int build(struct imp *im, const struct in_row *row, const struct prow *p,
                 const struct task *old, struct task_row *out)
{
	const struct cell *c = row->c;
	r57_day today = im->r->today;
	if (old) {
		task_row_from(out, old);
	} else {
		memset(out, 0, sizeof *out);
		if (p->has_uuid) {
			memcpy(out->uuid, p->uuid, sizeof out->uuid);
		} else {
			new_uuid(im, out->uuid);
		}
		out->due = out->first_due = out->closed = R57_NO_DATE;
		out->created = today;
		out->status = TASK_OPEN;
	}
	out->title = p->text[IMP_TITLE];
	if (c[IMP_NOTES].present)
		out->notes = p->text[IMP_NOTES];
	if (c[IMP_PRODUCT].present)
		out->product = p->text[IMP_PRODUCT];
	if (c[IMP_RESULT].present)
		out->result = p->text[IMP_RESULT];
	static const int ref_fields[4] = {
		[REF_GROUP] = IMP_GROUP, [REF_LEADER] = IMP_LEADER, [REF_UNIT] = IMP_UNIT, [REF_SOURCE] = IMP_SOURCE,
	};
	int64_t *ids[4] = { &out->group_id, &out->leader_id, &out->unit_id, &out->source_id };
	for (int k = 0; k < 4; k++)
		if (c[ref_fields[k]].present)
			*ids[k] = p->ref[k];

	build_due(c, p, old, out);
	if (c[IMP_YEAR].present && p->year)
		out->year = p->year;
	else if (!old) {
		int y, m, d;
		date_to_ymd(out->due != R57_NO_DATE ? out->due : today, &y, &m, &d);
		out->year = y;
	}
	if (c[IMP_CREATED].present && p->created != R57_NO_DATE)
		out->created = p->created;

	/* Status and completion date, when the file says anything of them. */
	if (c[IMP_STATUS].present || c[IMP_CLOSED].present)
		return build_status(im, row, p, old, out);
	return R57_OK;
}

static unsigned diff(const struct task *old, const struct task_row *n, bool units_differ)
{
	unsigned m = 0;
#define D(cond, f) if (cond) m |= 1u << (f)
	D(!same_text(old->title, n->title), IMP_TITLE);
	D(!same_text(old->notes, n->notes), IMP_NOTES);
	D(!same_text(old->product, n->product), IMP_PRODUCT);
	D(!same_text(old->result, n->result), IMP_RESULT);
	D(old->group_id != n->group_id, IMP_GROUP);
	D(old->leader_id != n->leader_id, IMP_LEADER);
	D(old->unit_id != n->unit_id, IMP_UNIT);
	D(units_differ, IMP_UNITS);
	D(old->source_id != n->source_id, IMP_SOURCE);
	D(old->year != n->year, IMP_YEAR);
	D(old->due != n->due, IMP_DUE);
	D(old->first_due != n->first_due, IMP_FIRST_DUE);
	D(old->extensions != n->extensions, IMP_EXTENSIONS);
	D(old->status != n->status, IMP_STATUS);
	D(old->closed != n->closed, IMP_CLOSED);
	D(old->created != n->created, IMP_CREATED);
	D(strcmp(old->uuid, n->uuid) != 0, IMP_UUID);
#undef D
	return m;
}

/* Pass 2 for one row. */
int imp_apply_row(struct imp *im, const struct in_row *row, const struct prow *p, struct rec *r)
{
	struct task_row nr;
	int rc;
	if (r->task) {
		struct task old;
		int64_t *units = NULL;
		int n_units = 0;
		if ((rc = store_io_read(im->io, r->task, &old, &units, &n_units, im->err)))
			return rc;
		rc = build(im, row, p, &old, &nr);
		bool units_differ = row->c[IMP_UNITS].present &&
		                    !same_units(p->units, p->n_units, units, n_units);
		unsigned m = rc ? 0 : diff(&old, &nr, units_differ);
		if (!rc && m && im->writing) {
			rc = store_io_update(im->io, r->task, &nr, im->r->now, im->err);
			for (int i = 0; !rc && units_differ && i < n_units; i++) {
				bool keep = false;
				for (int j = 0; j < p->n_units && !keep; j++)
					keep = p->units[j] == units[i];
				if (!keep)
					rc = store_io_unit_remove(im->io, r->task, units[i], im->err);
			}
			for (int j = 0; !rc && units_differ && j < p->n_units; j++) {
				bool have = false;
				for (int i = 0; i < n_units && !have; i++)
					have = p->units[j] == units[i];
				if (!have)
					rc = store_io_unit_add(im->io, r->task, p->units[j], im->err);
			}
		}
		task_clear(&old);
		free(units);
		if (rc)
			return rc;
		if (!m) {
			im->res->unchanged++;
			return R57_OK;
		}
		im->res->changed++;
		if (im->o->on_event) {
			struct import_event ev = { .what = IMPORT_CHANGE, .task = r->task, .line = r->line,
			                           .name = p->text[IMP_TITLE], .fields = m };
			im->o->on_event(&ev, im->o->ctx);
		}
		return R57_OK;
	}
	if ((rc = build(im, row, p, NULL, &nr)))
		return rc;
	if (im->writing) {
		if ((rc = store_io_insert(im->io, r->new_id, &nr, im->r->now, im->err)))
			return rc;
		for (int j = 0; j < p->n_units && !rc; j++)
			rc = store_io_unit_add(im->io, r->new_id, p->units[j], im->err);
		if (rc)
			return rc;
	}
	im->res->added++;
	if (im->o->on_event) {
		struct import_event ev = { .what = IMPORT_ADD, .task = r->new_id, .line = r->line,
		                           .name = p->text[IMP_TITLE] };
		im->o->on_event(&ev, im->o->ctx);
	}
	return R57_OK;
}
