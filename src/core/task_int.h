/* task_int.h: what the files of the actions on tasks (task.c, task_edit.c,
 * task_ref.c) share and nothing else sees. */
#ifndef R57_CORE_TASK_INT_H
#define R57_CORE_TASK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "action.h"
#include "r57/err.h"
#include "r57/limits.h"
#include "r57/r57.h"
#include "r57/store.h"
#include "r57/task.h"

/* The strings act_apply_fields cleaned, owned by the action until it ends. */
struct owned {
	char *title, *notes, *product, *result;
};

/* The fields of a task an action changed, for its journal summary. */
enum {
	CH_TITLE = 1 << 0, CH_NOTES = 1 << 1, CH_PRODUCT = 1 << 2, CH_RESULT = 1 << 3,
	CH_GROUP = 1 << 4, CH_SOURCE = 1 << 5, CH_LEADER = 1 << 6, CH_UNIT = 1 << 7,
	CH_YEAR = 1 << 8, CH_DUE = 1 << 9, CH_UNITS = 1 << 10, CH_STATE = 1 << 11,
};

/* The shape shared by every action on a list of tasks: read them all in
 * the transaction, let `change` alter each row, write only the rows that
 * differ, journal those. A task left as it was is named in r->out with
 * why (`change` may say it in why; else "unchanged"); when no task
 * changed, the transaction and its entry are rolled back. */
typedef int (*change_fn)(struct r57 *r, struct task *t, struct task_row *row,
                         void *ctx, char *why, size_t whylen, struct r57_err *err);
/* The journal summary, from the ids changed ("#3, #4") and the union of
 * the fields changed. */
typedef void (*describe_fn)(struct r57 *r, struct summary *sum, const char *ids,
                            unsigned changed, void *ctx);

struct task_change {
	change_fn change;
	describe_fn describe;
	void *ctx;
	bool units; /* the change may add or remove coordinating units */
};

/* A new name that looks like an existing one: r->warning says so, once
 * per action. */
void act_warn_lookalike(struct r57 *r, enum ref_kind k, const char *name, int64_t id);
/* A text field as given (what: its name in messages): NFC, trimmed, "" to
 * clear; *out NULL when in is. Over its limit it is refused, never cut. */
int act_clean_text(const char *in, const char *what, enum limit_field lim, char **out,
                   struct r57_err *err);
/* The limit of a name of kind k. */
enum limit_field act_name_limit(enum ref_kind k);
/* A leader, unit, group or source as typed (an id, a number or a name)
 * into *id, 0 for ""; created when create and unknown. */
int act_resolve(struct r57 *r, enum ref_kind k, const char *typed, bool create,
                int64_t *id, struct r57_err *err);
void act_owned_free(struct owned *o);
/* The plain fields of f onto row (the strings kept in o). */
int act_apply_fields(struct r57 *r, const struct task_fields *f,
                     struct task_row *row, struct owned *o, struct r57_err *err);
/* A deadline given to edit: a correction, not an extension. */
void act_correct_due(const struct task_fields *f, struct task_row *row);
/* The coordinating units f adds and removes, on task; then at most the
 * limit. */
int act_apply_with(struct r57 *r, int64_t task, const struct task_fields *f,
                   struct r57_err *err);
/* The loop above over ids: one entry, or none when nothing changed. */
int act_change_tasks(struct r57 *r, const int64_t *ids, int n, const struct task_change *act,
                     struct r57_err *err);

#endif
