/* demo.h: the example database of `r57 demo`: the tasks of
 * shared/domain.md with leaders, units, sources and deadlines spread over
 * every state, relative to today. */
#ifndef R57_DEMO_H
#define R57_DEMO_H

#include "r57/err.h"

struct r57;

/* Fill a new database through the same actions a user has; *n is the
 * number of tasks added. */
int demo_fill(struct r57 *r, int *n, struct r57_err *err);

#endif
