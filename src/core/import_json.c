/* import_json.c: the import's JSON source, r57's own export read
 * strictly: the object, its list of groups and its tasks, each task's keys
 * as the fields of one row; anything else is an error with its line and
 * column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "r57/alloc.h"
#include "r57/i18n.h"
#include "r57/json_in.h"
#include "r57/limits.h"
#include "r57/text.h"

/* --- JSON source ------------------------------------------------------------------ */

static struct ipos from_json(struct json_pos p)
{
	return (struct ipos){ p.line, p.col };
}

static int json_fail(struct imp *im, const struct json_error *e)
{
	return imp_fail_at(im, from_json(e->at), -1, NULL, R57_EINPUT, "%s", _(e->what));
}

static int jnext(struct imp *im, struct json_token *t)
{
	struct json_error e;
	if (json_next(im->src.js, t, &e))
		return json_fail(im, &e);
	return R57_OK;
}

/* wanted: an English message marked N_(), or punctuation such as "':'". */
static int junexpected(struct imp *im, const struct json_token *t, const char *wanted)
{
	return imp_fail_at(im, from_json(t->at), -1, NULL, R57_EINPUT, _("expected %s, found %s"),
	                   _(wanted), json_type_name(t->type));
}

/* Inside a JSON object or array, t holds the token after a member (or
 * after the opening bracket, when first). Past the first member a comma
 * must come; the token after it is read into t. */
static int jseparator(struct imp *im, struct json_token *t, bool first, enum json_type close)
{
	if (first)
		return R57_OK;
	if (t->type != JSON_COMMA)
		return junexpected(im, t, close == JSON_OBJ_END ? N_("',' or '}'") : N_("',' or ']'"));
	return jnext(im, t);
}

static int jexpect(struct imp *im, struct json_token *t, enum json_type type, const char *wanted)
{
	int rc = jnext(im, t);
	if (rc)
		return rc;
	if (t->type != type)
		return junexpected(im, t, wanted);
	return R57_OK;
}

void imp_json_row_clear(struct src *s)
{
	for (int i = 0; i < IMP_FIELDS; i++) {
		free(s->val[i]);
		s->val[i] = NULL;
	}
	for (int i = 0; i < s->n_list; i++)
		free(s->list[i]);
	s->n_list = 0;
}

/* A group's name as the file gives it at v: one line, not too long. */
static int json_group_name(struct imp *im, const struct json_token *v, char **name)
{
	if (v->type != JSON_STRING)
		return junexpected(im, v, N_("a string (the group's name)"));
	*name = text_normalize(v->text);
	if (!*name || !**name)
		return imp_fail_at(im, from_json(v->at), -1, NULL, R57_EINPUT, _("a group needs a name"));
	if (imp_count_chars(*name) > MAX_NAME)
		return imp_fail_at(im, from_json(v->at), -1, *name, R57_EINPUT,
		                   _("is longer than %d characters"), MAX_NAME);
	if (strchr(*name, '\n'))
		return imp_fail_at(im, from_json(v->at), -1, *name, R57_EINPUT,
		                   _("holds a line break; a name is one line"));
	return R57_OK;
}

/* The keys of group i + 1, {"number": 1, "name": "..."}, after its '{';
 * *name is its name (the caller frees it, also after a failure). */
static int json_group(struct imp *im, struct json_token *t, int i, char **name)
{
	bool number = false;
	int rc;
	for (int k = 0;; k++) {
		if ((rc = jnext(im, t)))
			return rc;
		if (t->type == JSON_OBJ_END)
			return R57_OK;
		if ((rc = jseparator(im, t, k == 0, JSON_OBJ_END)))
			return rc;
		if (t->type != JSON_STRING)
			return junexpected(im, t, N_("a key"));
		bool is_number = strcmp(t->text, "number") == 0, is_name = strcmp(t->text, "name") == 0;
		if (!is_number && !is_name)
			return imp_fail_at(im, from_json(t->at), -1, t->text, R57_EINPUT,
			                   _("is not a key of a group (number, name)"));
		if ((is_number && number) || (is_name && *name))
			return imp_fail_at(im, from_json(t->at), -1, t->text, R57_EINPUT, _("is given twice"));
		struct json_token v;
		if ((rc = jexpect(im, t, JSON_COLON, "':'")) || (rc = jnext(im, &v)))
			return rc;
		if (is_number) {
			char want[16];
			snprintf(want, sizeof want, "%d", i + 1);
			if (v.type != JSON_NUMBER || strcmp(v.text, want) != 0)
				return imp_fail_at(im, from_json(v.at), -1, v.type == JSON_NUMBER ? v.text : NULL,
				                   R57_EINPUT, _("is not the number of the next group, %s (groups are listed in order)"),
				                   want);
			number = true;
		} else if ((rc = json_group_name(im, &v, name))) {
			return rc;
		}
	}
}

/* "groups": [{"number": 1, "name": "..."}, ...] */
static int json_groups(struct imp *im)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	if ((rc = jexpect(im, &t, JSON_ARR_START, N_("'[' (the list of groups)"))))
		return rc;
	s->groups_at = from_json(t.at);
	s->has_groups = true;
	for (int i = 0;; i++) {
		if ((rc = jnext(im, &t)))
			return rc;
		if (t.type == JSON_ARR_END)
			return R57_OK;
		if ((rc = jseparator(im, &t, i == 0, JSON_ARR_END)))
			return rc;
		if (t.type != JSON_OBJ_START)
			return junexpected(im, &t, N_("'{' (a group)"));
		char *name = NULL;
		rc = json_group(im, &t, i, &name);
		if (!rc && !name)
			rc = imp_fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT, _("a group needs a name"));
		if (rc) {
			free(name);
			return rc;
		}
		if (!im->noting) {
			free(name);
			continue;
		}
		s->groups = r57_xrealloc(s->groups, (size_t)(s->n_groups + 1) * sizeof *s->groups);
		s->groups[s->n_groups++] = name;
	}
}

static int field_of_key(const char *key)
{
	for (int i = 0; i < IMP_FIELDS; i++)
		if (strcmp(import_field_key(i), key) == 0)
			return i;
	return -1;
}

/* One task object, after its '{'. */
static int json_task(struct imp *im, struct in_row *row, struct json_pos start)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	imp_json_row_clear(s);
	memset(row, 0, sizeof *row);
	row->at = from_json(start);
	for (int k = 0;; k++) {
		if ((rc = jnext(im, &t)))
			return rc;
		if (t.type == JSON_OBJ_END)
			break;
		if ((rc = jseparator(im, &t, k == 0, JSON_OBJ_END)))
			return rc;
		if (t.type != JSON_STRING)
			return junexpected(im, &t, N_("a key"));
		int f = field_of_key(t.text);
		if (f < 0)
			return imp_fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT, _("is not a key of a task"));
		if (row->c[f].present)
			return imp_fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT, _("is given twice in this task"));
		struct json_token v;
		if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = jnext(im, &v)))
			return rc;
		struct cell *c = &row->c[f];
		c->present = true;
		c->at = from_json(v.at);
		c->text = "";
		if (v.type == JSON_NULL)
			continue;
		switch (f) {
		case IMP_ID: case IMP_GROUP_NUMBER: case IMP_YEAR: case IMP_EXTENSIONS:
			if (v.type != JSON_NUMBER)
				return imp_fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a number or null, found %s"),
				                   json_type_name(v.type));
			break;
		case IMP_ON_TIME:
			if (v.type != JSON_TRUE && v.type != JSON_FALSE)
				return imp_fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected true, false or null, found %s"),
				                   json_type_name(v.type));
			continue;
		case IMP_UNITS:
			if (v.type != JSON_ARR_START)
				return imp_fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a list of names, found %s"),
				                   json_type_name(v.type));
			row->is_list = true;
			for (int i = 0;; i++) {
				if ((rc = jnext(im, &t)))
					return rc;
				if (t.type == JSON_ARR_END)
					break;
				if ((rc = jseparator(im, &t, i == 0, JSON_ARR_END)))
					return rc;
				if (t.type != JSON_STRING)
					return junexpected(im, &t, N_("a string (a unit's name)"));
				if (s->n_list == s->cap_list) {
					s->cap_list = s->cap_list ? s->cap_list * 2 : 8;
					s->list = r57_xrealloc(s->list, (size_t)s->cap_list * sizeof *s->list);
					s->list_at = r57_xrealloc(s->list_at, (size_t)s->cap_list * sizeof *s->list_at);
				}
				s->list_at[s->n_list] = from_json(t.at);
				s->list[s->n_list++] = r57_xstrdup(t.text);
			}
			continue;
		default:
			if (v.type != JSON_STRING)
				return imp_fail_at(im, c->at, f, NULL, R57_EINPUT, _("expected a string or null, found %s"),
				                   json_type_name(v.type));
		}
		s->val[f] = r57_xstrdup(v.text);
		c->text = s->val[f];
	}
	row->list = s->list;
	row->list_at = s->list_at;
	row->n_list = s->n_list;
	return R57_OK;
}

/* The next task of the export: 1, 0 after the last, or -code. */
int imp_json_row(struct imp *im, struct in_row *row)
{
	struct src *s = &im->src;
	struct json_token t;
	int rc;
	for (;;) {
		switch (s->state) {
		case 0:
			if ((rc = jexpect(im, &t, JSON_OBJ_START, N_("'{' (an r57 export)"))))
				return -rc;
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type != JSON_STRING || strcmp(t.text, "r57_export") != 0)
				return -imp_fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
				                    _("not an r57 export: it must begin with {\"r57_export\": 1"));
			if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = jnext(im, &t)))
				return -rc;
			if (t.type != JSON_NUMBER || strcmp(t.text, "1") != 0)
				return -imp_fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
				                    _("r57_export is %s: this r57 reads version 1 of its export"),
				                    t.type == JSON_NUMBER ? t.text : json_type_name(t.type));
			s->state = 1;
			s->need_comma = true;
			break;
		case 1:
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type == JSON_OBJ_END) {
				if ((rc = jexpect(im, &t, JSON_END, N_("the end of the file"))))
					return -rc;
				if (!s->seen_tasks)
					return -imp_fail_at(im, from_json(t.at), -1, NULL, R57_EINPUT,
					                    _("the export has no \"tasks\""));
				s->state = 3;
				return 0;
			}
			if ((rc = jseparator(im, &t, !s->need_comma, JSON_OBJ_END)))
				return -rc;
			if (t.type != JSON_STRING)
				return -junexpected(im, &t, N_("a key"));
			if (strcmp(t.text, "groups") == 0 && !s->has_groups) {
				if ((rc = jexpect(im, &t, JSON_COLON, "':'")) || (rc = json_groups(im)))
					return -rc;
			} else if (strcmp(t.text, "tasks") == 0 && !s->seen_tasks) {
				if ((rc = jexpect(im, &t, JSON_COLON, "':'")) ||
				    (rc = jexpect(im, &t, JSON_ARR_START, N_("'[' (the list of tasks)"))))
					return -rc;
				s->seen_tasks = true;
				s->first_task = true;
				s->state = 2;
			} else {
				return -imp_fail_at(im, from_json(t.at), -1, t.text, R57_EINPUT,
				                    _("is not a key of an r57 export (r57_export, groups, tasks), or is given twice"));
			}
			s->need_comma = true;
			break;
		case 2:
			if ((rc = jnext(im, &t)))
				return -rc;
			if (t.type == JSON_ARR_END) {
				s->state = 1;
				break;
			}
			if ((rc = jseparator(im, &t, s->first_task, JSON_ARR_END)))
				return -rc;
			s->first_task = false;
			if (t.type != JSON_OBJ_START)
				return -junexpected(im, &t, N_("'{' (a task)"));
			if ((rc = json_task(im, row, t.at)))
				return -rc;
			return 1;
		default:
			return 0;
		}
	}
}
