/* store_io.h: the store's side of export and import (src/store/store_io.c):
 * every task read in one pass, and the few statements an import runs once
 * per row, prepared once and reused, inside the one write transaction of
 * the import. Like store.h, nothing here shows SQL to its callers. */
#ifndef R57_STORE_IO_H
#define R57_STORE_IO_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/store.h"

/* --- export -------------------------------------------------------------- */

/* Every task in id order, with its names (as store_task_get gives them;
 * t->units is NULL) and the names of its coordinating units in the order
 * they were added. One pass over the tasks and one over task_unit. */
typedef int (*io_task_fn)(const struct task *t, const char *const *units,
                          int n_units, void *ctx);
int store_io_each_task(struct store *st, io_task_fn each, void *ctx,
                       struct r57_err *err);

/* --- import --------------------------------------------------------------- */

/* How many tasks there are, and the largest task id the database has ever
 * given (deleted tasks included), so that an import never gives a deleted
 * task's id to another. */
int store_io_task_stats(struct store *st, int64_t *count, int64_t *max_id,
                        struct r57_err *err);

/* What matches a row of a file without uuid to a task: every task's id,
 * title, group, lead unit, leader and deadline, in id order. */
struct io_task_key {
	int64_t id;
	const char *title;
	int64_t group_id, leader_id, unit_id;
	r57_day due;
};
typedef int (*io_key_fn)(const struct io_task_key *k, void *ctx);
int store_io_each_key(struct store *st, io_key_fn each, void *ctx,
                      struct r57_err *err);

/* The statements of one import; store_io_close finalizes them. */
struct store_io;
int store_io_open(struct store *st, struct store_io **out, struct r57_err *err);
void store_io_close(struct store_io *io);

/* A read transaction, for a dry run: both passes see the same database,
 * and no lock is taken and released per statement. store_rollback ends it. */
int store_io_snapshot(struct store_io *io, struct r57_err *err);

/* The id of the task with this uuid, 0 if none. */
int store_io_find_uuid(struct store_io *io, const char *uuid, int64_t *id,
                       struct r57_err *err);
/* One task's own fields (no names: t->*_name are NULL) and the ids of its
 * coordinating units in the order they were added (*units malloc'ed). */
int store_io_read(struct store_io *io, int64_t id, struct task *t,
                  int64_t **units, int *n_units, struct r57_err *err);
/* Insert with the given id (> every id given so far), or update. New
 * tasks and coordinating units are written in batches: store_io_flush
 * (or store_io_bulk_end) writes what is pending, tasks before units. */
int store_io_insert(struct store_io *io, int64_t id, const struct task_row *r,
                    const char *now, struct r57_err *err);
int store_io_update(struct store_io *io, int64_t id, const struct task_row *r,
                    const char *now, struct r57_err *err);
int store_io_unit_add(struct store_io *io, int64_t task, int64_t unit,
                      struct r57_err *err);
int store_io_flush(struct store_io *io, struct r57_err *err);
int store_io_unit_remove(struct store_io *io, int64_t task, int64_t unit,
                         struct r57_err *err);
/* An import that adds many tasks: store_io_bulk_begin drops the indexes
 * of task and task_unit (not those that keep values unique), and
 * store_io_bulk_end builds them again from the schema's own text, one
 * sort each instead of a b-tree insert per row and index. Both inside the
 * import's transaction: a rollback brings the indexes back as they were. */
int store_io_bulk_begin(struct store_io *io, struct r57_err *err);
int store_io_bulk_end(struct store_io *io, struct r57_err *err);

/* Put group id at position pos (others are left where they are: the
 * caller renumbers them all). */
int store_io_group_position(struct store_io *io, int64_t id, int pos,
                            struct r57_err *err);

#endif
