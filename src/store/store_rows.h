/* store_rows.h: what both stores make and read alike (store_rows.c). */
#ifndef R57_STORE_ROWS_H
#define R57_STORE_ROWS_H

#include "r57/store.h"

/* The coordinating units of a task as a query gives them in one column:
 * "<bytes>:<name>" one after another, in the order they were added (so
 * that a name holding "; " stays one name), or NULL for none: into
 * t->unit_list, and joined by "; " into t->units for display. */
void store_units_unpack(const char *packed, struct task *t);

/* The key task groups of a new database, in their order: Bắc Ninh's four
 * (shared/domain.md). Every province edits its own. */
#define STORE_N_DEFAULT_GROUPS 4
extern const char *const store_default_groups[STORE_N_DEFAULT_GROUPS];

#endif
