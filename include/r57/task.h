/* task.h: the actions, the only code that changes data. The command line
 * and the screen call these same functions; each call is one journal entry
 * (one undo), validated once, written in one transaction or not at all. */
#ifndef R57_TASK_H
#define R57_TASK_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"
#include "r57/limits.h"
#include "r57/r57.h"
#include "r57/store.h"

/* Fields an action may set. NULL / unset members are left as they are.
 * Names are as the user typed them (id, number or name); with create_new an
 * unknown leader, unit or source is created (groups too). */
struct task_fields {
	const char *title, *notes, *product, *result;
	const char *group, *leader, *unit, *source;
	/* Coordinating units to add and to remove. A task may have at most
	 * R57_UNITS_MAX (limits.h); more is refused, never dropped. n_with may
	 * be more than the array holds (a caller counts all it was given and
	 * keeps the first ones): the action then refuses without reading. */
	const char *with[R57_UNITS_MAX + 1];    int n_with;
	const char *without[R57_UNITS_MAX + 1]; int n_without;
	r57_day due;            /* R57_NO_DATE = unchanged */
	bool clear_due;
	int year;               /* 0 = unchanged */
	bool create_new;
	/* The screen's guard: the newest journal entry of the task when its
	 * editor opened (journal_task_last). If the task changed since, the
	 * action is refused (R57_ECONFLICT) naming who changed it, and nothing
	 * is written. 0 = no guard. */
	int64_t expect_entry;
};
#define TASK_FIELDS_INIT { .due = R57_NO_DATE }

int task_add(struct r57 *r, const struct task_fields *f, int64_t *id_out,
             struct r57_err *err);
/* Set the given fields on every task in ids (one entry). A new deadline
 * through edit is a correction, not an extension; use task_set_due. */
int task_edit(struct r57 *r, const int64_t *ids, int n,
              const struct task_fields *f, struct r57_err *err);
/* Lead person, lead unit, coordinating units (fields leader/unit/with/without). */
int task_assign(struct r57 *r, const int64_t *ids, int n,
                const struct task_fields *f, struct r57_err *err);
/* An extension: the deadline changes, the first deadline stays on record. */
int task_set_due(struct r57 *r, const int64_t *ids, int n, r57_day due,
                 struct r57_err *err);
/* Close as done on `on` (R57_NO_DATE = today; a future date is refused). */
int task_close(struct r57 *r, const int64_t *ids, int n, r57_day on,
               const char *result, struct r57_err *err);
int task_reopen(struct r57 *r, const int64_t *ids, int n,
                struct r57_err *err);
int task_cancel(struct r57 *r, const int64_t *ids, int n, const char *reason,
                struct r57_err *err);
int task_delete(struct r57 *r, const int64_t *ids, int n,
                struct r57_err *err);

/* Groups, leaders, units, sources: add, rename, remove (refused with the
 * count while tasks use it), and move for groups. Each is one entry. */
int ref_add(struct r57 *r, enum ref_kind k, const char *name,
            const char *title, const char *unit, const char *issued,
            int64_t *id_out, struct r57_err *err);
int ref_rename(struct r57 *r, enum ref_kind k, const char *which,
               const char *name, struct r57_err *err);
int ref_remove(struct r57 *r, enum ref_kind k, const char *which,
               struct r57_err *err);
int group_move(struct r57 *r, const char *which, int pos,
               struct r57_err *err);

#endif
