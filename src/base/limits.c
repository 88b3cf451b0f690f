/* limits.c: the table of field limits (limits.h) and the checks every
 * writer and reader of tasks makes with it. */
#include <string.h>

#include "r57/i18n.h"
#include "r57/limits.h"

const struct limit r57_limits[LIM_FIELDS] = {
	[LIM_TITLE] = { N_("title"), R57_TITLE_MAX, false },
	[LIM_NOTES] = { N_("notes"), R57_TEXT_MAX, false },
	[LIM_PRODUCT] = { N_("product"), R57_TEXT_MAX, false },
	[LIM_RESULT] = { N_("result"), R57_TEXT_MAX, false },
	[LIM_GROUP] = { N_("group name"), R57_NAME_MAX, true },
	[LIM_LEADER] = { N_("leader name"), R57_NAME_MAX, true },
	[LIM_UNIT] = { N_("unit name"), R57_NAME_MAX, true },
	[LIM_SOURCE] = { N_("source code"), R57_NAME_MAX, true },
	[LIM_LEADER_TITLE] = { N_("leader's position"), R57_LEADER_TITLE_MAX, false },
	[LIM_SOURCE_TITLE] = { N_("source title"), R57_SOURCE_TITLE_MAX, false },
	[LIM_UNITS] = { N_("coordinating units"), R57_UNITS_MAX, false },
};

size_t limit_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

const char *limit_fault(enum limit_field f, const char *s, size_t *limit)
{
	*limit = r57_limits[f].max;
	if (!s)
		return NULL;
	if (limit_chars(s) > r57_limits[f].max)
		return N_("is longer than %zu characters");
	if (r57_limits[f].is_name && strpbrk(s, "\n\r"))
		return N_("holds a line break; a name is one line");
	return NULL;
}

int limit_check(enum limit_field f, const char *s, struct r57_err *err)
{
	size_t max;
	if (!limit_fault(f, s, &max))
		return R57_OK;
	if (r57_limits[f].is_name && limit_chars(s) <= max)
		return r57_fail(err, R57_EINPUT, _("%s: a name is one line; this one holds a line break"),
		                _(r57_limits[f].name));
	return r57_fail(err, R57_EINPUT, _("%s: %zu characters; at most %zu are allowed"),
	                _(r57_limits[f].name), limit_chars(s), max);
}

int limit_check_units(size_t n, struct r57_err *err)
{
	if (n <= r57_limits[LIM_UNITS].max)
		return R57_OK;
	return r57_fail(err, R57_EINPUT, _("%s: %zu given; at most %zu are allowed"),
	                _(r57_limits[LIM_UNITS].name), n, r57_limits[LIM_UNITS].max);
}
