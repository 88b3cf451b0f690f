/* store_rows.h: what both stores do alike with the rows they read
 * (store_rows.c). */
#ifndef R57_STORE_ROWS_H
#define R57_STORE_ROWS_H

#include "r57/store.h"

/* The coordinating units of a task as a query gives them in one column:
 * "<bytes>:<name>" one after another, in the order they were added (so
 * that a name holding "; " stays one name), or NULL for none: into
 * t->unit_list, and joined by "; " into t->units for display. */
void store_units_unpack(const char *packed, struct task *t);

#endif
