/* export.c: every task as CSV (RFC 4180, one header row of English keys,
 * ISO dates, cells made inert for spreadsheets) or as JSON (one object,
 * stable key order, one task per line). Nothing in either depends on what
 * an import cannot restore: no "updated" time, no "overdue" that moves with
 * the date, so export -> import into a new database -> export gives the
 * same bytes (docs/import.md). */
#include <stdlib.h>
#include <string.h>

#include "r57/csv_out.h"
#include "r57/export.h"
#include "r57/namelist.h"
#include "r57/out.h"
#include "r57/store.h"
#include "r57/store_io.h"
#include "r57/task_json.h"
#include "r57/text.h"

#define JSON_START "{\"r57_export\": "

const char export_csv_header[] =
	"id,uuid,title,notes,group,group_number,leader,unit,units,source,year,"
	"due,first_due,extensions,status,on_time,product,result,created,closed";

const char *const export_signatures[] = {
	"id,uuid,title,notes,group,group_number,leader,unit,units,source,year,"
	"due,first_due,extensions,status,on_time,product,result,created,closed\r\n",
	JSON_START,
	NULL,
};

/* --- CSV ------------------------------------------------------------------- */

/* One cell: the stored text exactly (to a terminal: with control
 * characters and bidi controls as visible placeholders, line breaks
 * kept), guarded so that import gives every text back (csv_out.h). */
static void csv_cell_to(FILE *f, const char *s, bool last, bool terminal)
{
	csv_out_cell(f, s, last, terminal, CSV_GUARD_ROUNDTRIP);
}

static void csv_num(FILE *f, long long v, bool present)
{
	if (present)
		fprintf(f, "%lld", v);
	fputc(',', f);
}

static void csv_day(FILE *f, r57_day d, bool last)
{
	char b[11];
	csv_cell_to(f, date_iso(d, b), last, false);
}

static const char *on_time(const struct task *t)
{
	if (t->status != TASK_DONE)
		return NULL;
	return t->due == R57_NO_DATE || t->closed <= t->due ? "true" : "false";
}

struct ctx {
	FILE *f;
	int64_t n;
	bool terminal;
};

static int csv_task(const struct task *t, const char *const *units, int n_units, void *vctx)
{
	struct ctx *c = vctx;
	FILE *f = c->f;
#define csv_cell(f, s, last) csv_cell_to(f, s, last, c->terminal)
	fprintf(f, "%lld,", (long long)t->id);
	csv_cell(f, t->uuid, false);
	csv_cell(f, t->title, false);
	csv_cell(f, t->notes, false);
	csv_cell(f, t->group_name, false);
	csv_num(f, t->group_number, t->group_number > 0);
	csv_cell(f, t->leader_name, false);
	csv_cell(f, t->unit_name, false);
	/* Coordinating units: joined by "; ", a ';' in a name doubled
	 * (namelist.h), so that "A; B" comes back as one unit. */
	char *joined = namelist_join(units, n_units);
	csv_cell(f, joined, false);
	free(joined);
	csv_cell(f, t->source_code, false);
	csv_num(f, t->year, t->year > 0);
	csv_day(f, t->due, false);
	csv_day(f, t->first_due, false);
	csv_num(f, t->extensions, true);
	csv_cell(f, task_status_name(t->status), false);
	csv_cell(f, on_time(t), false);
	csv_cell(f, t->product, false);
	csv_cell(f, t->result, false);
	csv_day(f, t->created, false);
	csv_day(f, t->closed, true);
#undef csv_cell
	c->n++;
	return 0;
}

/* --- JSON ------------------------------------------------------------------ */

/* One task a line, in export's keys (task_json.c, the writer list and
 * show use too). */
static int json_task(const struct task *t, const char *const *units, int n_units, void *vctx)
{
	struct ctx *c = vctx;
	fputs(c->n ? ",\n  " : "\n  ", c->f);
	task_json_write(c->f, t, units, n_units, TASK_JSON_EXPORT, R57_NO_DATE);
	c->n++;
	return 0;
}

struct groups_ctx {
	FILE *f;
	int n;
};

static int json_group(const struct ref *r, void *vctx)
{
	struct groups_ctx *g = vctx;
	fprintf(g->f, "%s  {\"number\": %d, \"name\": ", g->n ? ",\n" : "\n", r->position);
	out_json_str(g->f, r->name);
	fputc('}', g->f);
	g->n++;
	return 0;
}

int export_tasks(struct store *st, FILE *out, const struct export_opts *o,
                 int64_t *count, struct r57_err *err)
{
	struct ctx c = { .f = out, .terminal = o->terminal };
	int rc;
	if (o->format == EXPORT_CSV) {
		if (o->bom)
			fputs("\xEF\xBB\xBF", out);
		fputs(export_csv_header, out);
		fputs("\r\n", out);
		rc = store_io_each_task(st, csv_task, &c, err);
	} else {
		fputs(JSON_START "1,\n \"groups\": [", out);
		struct groups_ctx g = { .f = out };
		if ((rc = store_ref_list(st, REF_GROUP, json_group, &g, err)))
			return rc;
		fputs(g.n ? "\n ],\n \"tasks\": [" : "],\n \"tasks\": [", out);
		rc = store_io_each_task(st, json_task, &c, err);
		fputs(c.n ? "\n ]}\n" : "]}\n", out);
	}
	if (count)
		*count = c.n;
	return rc;
}
