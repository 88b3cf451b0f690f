/* task_json.c: one task as a JSON object, for list, show and export
 * alike: the values are written one way (strings escaped by out.c, dates
 * as ISO or null, an absent number as null); each form is only its list
 * of keys, in its order. */
#include "r57/out.h"
#include "r57/task_json.h"

/* Every key a form may write. */
enum key {
	K_UUID, K_TITLE, K_NOTES, K_GROUP, K_GROUP_NUMBER, K_LEADER, K_UNIT, K_UNITS, K_SOURCE,
	K_YEAR, K_DUE, K_FIRST_DUE, K_EXTENSIONS, K_STATUS, K_STATUS_NOW, K_ON_TIME, K_PRODUCT,
	K_RESULT, K_CREATED, K_CLOSED, K_UPDATED, K_END
};

static const char *const key_names[] = {
	[K_UUID] = "uuid", [K_TITLE] = "title", [K_NOTES] = "notes", [K_GROUP] = "group",
	[K_GROUP_NUMBER] = "group_number", [K_LEADER] = "leader", [K_UNIT] = "unit",
	[K_UNITS] = "units", [K_SOURCE] = "source", [K_YEAR] = "year", [K_DUE] = "due",
	[K_FIRST_DUE] = "first_due", [K_EXTENSIONS] = "extensions", [K_STATUS] = "status",
	[K_STATUS_NOW] = "status", [K_ON_TIME] = "on_time", [K_PRODUCT] = "product",
	[K_RESULT] = "result", [K_CREATED] = "created", [K_CLOSED] = "closed",
	[K_UPDATED] = "updated",
};

/* The keys after "id", in each form's order. */
static const enum key export_keys[] = {
	K_UUID, K_TITLE, K_NOTES, K_GROUP, K_GROUP_NUMBER, K_LEADER, K_UNIT, K_UNITS, K_SOURCE,
	K_YEAR, K_DUE, K_FIRST_DUE, K_EXTENSIONS, K_STATUS, K_ON_TIME, K_PRODUCT, K_RESULT,
	K_CREATED, K_CLOSED, K_END
};
static const enum key list_keys[] = {
	K_UUID, K_TITLE, K_NOTES, K_GROUP, K_GROUP_NUMBER, K_LEADER, K_UNIT, K_UNITS, K_DUE,
	K_FIRST_DUE, K_EXTENSIONS, K_STATUS_NOW, K_ON_TIME, K_PRODUCT, K_RESULT, K_SOURCE, K_YEAR,
	K_CREATED, K_CLOSED, K_UPDATED, K_END
};

const char *task_status_now(const struct task *t, r57_day today)
{
	if (t->status == TASK_OPEN && t->due != R57_NO_DATE && t->due < today)
		return "overdue";
	return task_status_name(t->status);
}

static void json_day(FILE *f, r57_day d)
{
	char b[11];
	if (d == R57_NO_DATE)
		fputs("null", f);
	else
		fprintf(f, "\"%s\"", date_iso(d, b));
}

/* A number, or null when it is absent (0: no group, no plan year). */
static void json_int(FILE *f, long long v, bool present)
{
	if (present)
		fprintf(f, "%lld", v);
	else
		fputs("null", f);
}

static void json_units(FILE *f, const char *const *units, int n_units)
{
	fputc('[', f);
	for (int i = 0; i < n_units; i++) {
		if (i)
			fputs(", ", f);
		out_json_str(f, units[i] ? units[i] : "");
	}
	fputc(']', f);
}

/* On time: done on or before the deadline (or without one); null while
 * not done. */
static const char *on_time(const struct task *t)
{
	if (t->status != TASK_DONE)
		return "null";
	return t->due == R57_NO_DATE || t->closed <= t->due ? "true" : "false";
}

static void json_value(FILE *f, enum key k, const struct task *t, const char *const *units,
                       int n_units, r57_day today)
{
	switch (k) {
	case K_UUID: out_json_str(f, t->uuid); break;
	case K_TITLE: out_json_str(f, t->title); break;
	case K_NOTES: out_json_str(f, t->notes); break;
	case K_GROUP: out_json_str(f, t->group_name); break;
	case K_GROUP_NUMBER: json_int(f, t->group_number, t->group_number > 0); break;
	case K_LEADER: out_json_str(f, t->leader_name); break;
	case K_UNIT: out_json_str(f, t->unit_name); break;
	case K_UNITS: json_units(f, units, n_units); break;
	case K_SOURCE: out_json_str(f, t->source_code); break;
	case K_YEAR: json_int(f, t->year, t->year > 0); break;
	case K_DUE: json_day(f, t->due); break;
	case K_FIRST_DUE: json_day(f, t->first_due); break;
	case K_EXTENSIONS: json_int(f, t->extensions, true); break;
	case K_STATUS: out_json_str(f, task_status_name(t->status)); break;
	case K_STATUS_NOW: out_json_str(f, task_status_now(t, today)); break;
	case K_ON_TIME: fputs(on_time(t), f); break;
	case K_PRODUCT: out_json_str(f, t->product); break;
	case K_RESULT: out_json_str(f, t->result); break;
	case K_CREATED: json_day(f, t->created); break;
	case K_CLOSED: json_day(f, t->closed); break;
	case K_UPDATED: out_json_str(f, t->updated); break;
	case K_END: break;
	}
}

void task_json_write(FILE *f, const struct task *t, const char *const *units, int n_units,
                     enum task_json_form form, r57_day today)
{
	const enum key *keys = form == TASK_JSON_EXPORT ? export_keys : list_keys;
	fprintf(f, "{\"id\": %lld", (long long)t->id);
	for (; *keys != K_END; keys++) {
		fprintf(f, ", \"%s\": ", key_names[*keys]);
		json_value(f, *keys, t, units, n_units, today);
	}
	fputc('}', f);
}
