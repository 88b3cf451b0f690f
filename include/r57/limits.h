/* limits.h: the one table of how long each field may be, shared by every
 * writer and reader of tasks: the actions (src/core/task.c), the screen's
 * editors (src/tui/), import (src/core/import.c) and the store. Whatever one of
 * them accepts the others accept too, so an export of the whole database
 * always imports again. A value over its limit is refused with a message
 * that names the field and the limit; nothing is ever cut. Lengths count
 * characters (Unicode code points) of the text as stored: NFC, trimmed,
 * line breaks LF. */
#ifndef R57_LIMITS_H
#define R57_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include "r57/err.h"

#define R57_TITLE_MAX 1000        /* a task's title */
#define R57_TEXT_MAX 20000        /* notes, product, result */
#define R57_NAME_MAX 500          /* a group, leader or unit name, a source code */
#define R57_LEADER_TITLE_MAX 500  /* a leader's position */
#define R57_SOURCE_TITLE_MAX 1000 /* a source document's title */
#define R57_UNITS_MAX 100         /* coordinating units of one task */

enum limit_field {
	LIM_TITLE, LIM_NOTES, LIM_PRODUCT, LIM_RESULT,
	LIM_GROUP, LIM_LEADER, LIM_UNIT, LIM_SOURCE,
	LIM_LEADER_TITLE, LIM_SOURCE_TITLE,
	LIM_UNITS,                    /* a count, not a length */
	LIM_FIELDS
};

struct limit {
	const char *name;             /* for messages, N_(): shown with _() */
	size_t max;
	bool is_name;                 /* one line: no line break */
};
extern const struct limit r57_limits[LIM_FIELDS];

/* The longest record r57's CSV export writes for one task: every field at
 * its limit, 4 bytes a character (UTF-8's longest; a doubled quote or
 * separator is 2), the coordinating units with their separators, and
 * room for the rest of the row. Import reads records of up to
 * R57_RECORD_MAX bytes; the build fails if an export could be longer. */
#define R57_RECORD_WORST \
	(4 * ((size_t)R57_TITLE_MAX + 3 * (size_t)R57_TEXT_MAX + \
	      ((size_t)R57_UNITS_MAX + 4) * ((size_t)R57_NAME_MAX + 2)) + 4096)
#define R57_RECORD_MAX ((size_t)1 << 20)
_Static_assert(R57_RECORD_WORST <= R57_RECORD_MAX,
               "a record of r57's own export must fit what import reads");

/* Characters (code points) of valid UTF-8 s. */
size_t limit_chars(const char *s);

/* R57_OK if s (as stored; NULL is fine) fits field f: not longer than its
 * limit and, for a name, without a line break. Else R57_EINPUT and a
 * message naming the field and the limit ("title: 1234 characters; at
 * most 1000 are allowed"). */
int limit_check(enum limit_field f, const char *s, struct r57_err *err);

/* The same for a count of coordinating units. */
int limit_check_units(size_t n, struct r57_err *err);

/* What is wrong with s for f, as a constant message with one %zu (the
 * limit) for a length, NULL if it fits: for callers (import) that put
 * the file, line and column before it. *limit is the limit. */
const char *limit_fault(enum limit_field f, const char *s, size_t *limit);

#endif
