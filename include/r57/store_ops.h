/* store_ops.h: the store's interface, as one table of operations. The
 * layers above call the functions of store.h, store_io.h, store_remind.h
 * and journal.h; src/store/store_front.c passes each call to the table of
 * the store the handle belongs to (today SQLite: src/store/sqlite_ops.c;
 * next, PostgreSQL), as tmux's window modes or tig's views do. Nothing
 * above the store sees which store it is, nor a type or an error code of
 * SQLite: every operation reports through struct r57_err.
 *
 * Every handle begins with what the front needs: a struct store with its
 * const struct store_ops * as its first member, a struct store_io with the
 * struct store * it belongs to (docs/architecture.md). */
#ifndef R57_STORE_OPS_H
#define R57_STORE_OPS_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/journal.h"
#include "r57/store.h"
#include "r57/store_copy.h"
#include "r57/store_figures.h"
#include "r57/store_io.h"
#include "r57/store_remind.h"
#include "r57/store_task.h"

/* R57_STORE_OPS(OP, OPV): every operation, once, in the order of the
 * headers that document them (store.h, store_io.h, store_remind.h,
 * journal.h):
 *   OP(type, public name, member, (parameters), (arguments))
 *   OPV(public name, member, (parameters), (arguments))  (returns nothing)
 * The first parameter is the handle. The front, the table's members and
 * each store's own declarations are made from this list, so that they
 * cannot disagree; store_open, which makes the handle, is not in it. */
#define R57_STORE_OPS(OP, OPV) \
	OPV(store_close, close, (struct store *st), (st)) \
	OP(const char *, store_path, path, (const struct store *st), (st)) \
	OP(const char *, store_actor, actor, (const struct store *st), (st)) \
	OP(int, store_begin, begin, (struct store *st, struct r57_err *err), (st, err)) \
	OP(int, store_commit, commit, (struct store *st, struct r57_err *err), (st, err)) \
	OPV(store_rollback, rollback, (struct store *st), (st)) \
	OP(bool, store_damaged, damaged, (const struct store *st), (st)) \
	OP(int, store_damage_error, damage_error, (struct store *st, \
	    struct r57_err *err), (st, err)) \
	OP(int, store_backup, backup, (struct store *st, const char *path, bool force, \
	    struct r57_err *err), (st, path, force, err)) \
	OP(int, store_check_all, check_all, (struct store *st, store_problem_fn fn, \
	    void *ctx, int *n, struct r57_err *err), (st, fn, ctx, n, err)) \
	OP(int, store_task_get, task_get, (struct store *st, int64_t id, \
	    struct task *out, struct r57_err *err), (st, id, out, err)) \
	OP(int, store_task_insert, task_insert, (struct store *st, \
	    const struct task_row *r, const char *now, int64_t *id_out, \
	    struct r57_err *err), (st, r, now, id_out, err)) \
	OP(int, store_task_update, task_update, (struct store *st, int64_t id, \
	    const struct task_row *r, const char *now, struct r57_err *err), (st, id, r, \
	    now, err)) \
	OP(int, store_task_delete, task_delete, (struct store *st, int64_t id, \
	    struct r57_err *err), (st, id, err)) \
	OP(int, store_task_units, task_units, (struct store *st, int64_t id, \
	    int64_t **ids, int *n, struct r57_err *err), (st, id, ids, n, err)) \
	OP(int, store_task_unit_add, task_unit_add, (struct store *st, int64_t task, \
	    int64_t unit, struct r57_err *err), (st, task, unit, err)) \
	OP(int, store_task_unit_remove, task_unit_remove, (struct store *st, \
	    int64_t task, int64_t unit, struct r57_err *err), (st, task, unit, err)) \
	OP(int, store_task_list, task_list, (struct store *st, \
	    const struct task_filter *f, r57_day today, int limit, task_each_fn each, \
	    void *ctx, struct r57_err *err), (st, f, today, limit, each, ctx, err)) \
	OP(int, store_task_count, task_count, (struct store *st, \
	    const struct task_filter *f, r57_day today, int64_t *out, \
	    struct r57_err *err), (st, f, today, out, err)) \
	OP(int, store_task_matches, task_matches, (struct store *st, \
	    const struct task_filter *f, r57_day today, int64_t id, bool *yes, \
	    struct r57_err *err), (st, f, today, id, yes, err)) \
	OP(int, store_ref_list, ref_list, (struct store *st, enum ref_kind k, \
	    ref_each_fn each, void *ctx, struct r57_err *err), (st, k, each, ctx, err)) \
	OP(int, store_ref_names, ref_names, (struct store *st, enum ref_kind k, \
	    ref_each_fn each, void *ctx, struct r57_err *err), (st, k, each, ctx, err)) \
	OP(int, store_ref_get, ref_get, (struct store *st, enum ref_kind k, int64_t id, \
	    struct ref *out, struct r57_err *err), (st, k, id, out, err)) \
	OP(int, store_ref_find, ref_find, (struct store *st, enum ref_kind k, \
	    const char *typed, int64_t *id_out, struct r57_err *err), (st, k, typed, \
	    id_out, err)) \
	OP(int, store_ref_find_new, ref_find_new, (struct store *st, enum ref_kind k, \
	    const char *typed, int64_t *id_out, struct r57_err *err), (st, k, typed, \
	    id_out, err)) \
	OP(bool, store_ref_lookalike, ref_lookalike, (struct store *st, enum ref_kind k, \
	    const char *name, int64_t except, struct r57_err *warn), (st, k, name, \
	    except, warn)) \
	OP(int, store_ref_insert, ref_insert, (struct store *st, enum ref_kind k, \
	    const char *name, const char *title, int64_t unit_id, const char *extra, \
	    int64_t *id_out, struct r57_err *err), (st, k, name, title, unit_id, extra, \
	    id_out, err)) \
	OP(int, store_ref_rename, ref_rename, (struct store *st, enum ref_kind k, \
	    int64_t id, const char *name, struct r57_err *err), (st, k, id, name, err)) \
	OP(int, store_ref_set_title, ref_set_title, (struct store *st, enum ref_kind k, \
	    int64_t id, const char *title, struct r57_err *err), (st, k, id, title, \
	    err)) \
	OP(int, store_ref_delete, ref_delete, (struct store *st, enum ref_kind k, \
	    int64_t id, struct r57_err *err), (st, k, id, err)) \
	OP(int, store_group_move, group_move, (struct store *st, int64_t id, int pos, \
	    struct r57_err *err), (st, id, pos, err)) \
	OP(int, store_figures, figures, (struct store *st, const struct selection *sel, \
	    enum group_by by, r57_day as_of, r57_day since, figures_each_fn each, \
	    void *ctx, struct r57_err *err), (st, sel, by, as_of, since, each, ctx, \
	    err)) \
	OP(int, store_data_version, data_version, (struct store *st, int64_t *v, \
	    struct r57_err *err), (st, v, err)) \
	OPV(store_busy_timeout, busy_timeout, (struct store *st, int ms), (st, ms)) \
	OP(int, store_listen, listen, (struct store *st, int *fd, bool *anew, \
	    struct r57_err *err), (st, fd, anew, err)) \
	OP(int, store_notified, notified, (struct store *st, bool *changed, \
	    struct r57_err *err), (st, changed, err)) \
	OP(int, store_task_page, task_page, (struct store *st, \
	    const struct task_filter *f, r57_day today, enum group_by by, \
	    int64_t bucket, const char *month, const char *after_sort, int64_t after_id, \
	    bool backward, int limit, task_each_fn each, void *ctx, \
	    struct r57_err *err), (st, f, today, by, bucket, month, after_sort, \
	    after_id, backward, limit, each, ctx, err)) \
	OP(int, store_io_each_task, io_each_task, (struct store *st, io_task_fn each, \
	    void *ctx, struct r57_err *err), (st, each, ctx, err)) \
	OP(int, store_io_task_stats, io_task_stats, (struct store *st, int64_t *count, \
	    int64_t *max_id, struct r57_err *err), (st, count, max_id, err)) \
	OP(int, store_io_each_key, io_each_key, (struct store *st, io_key_fn each, \
	    void *ctx, struct r57_err *err), (st, each, ctx, err)) \
	OP(int, store_io_open, io_open, (struct store *st, struct store_io **out, \
	    struct r57_err *err), (st, out, err)) \
	OPV(store_io_close, io_close, (struct store_io *io), (io)) \
	OP(int, store_io_snapshot, io_snapshot, (struct store_io *io, \
	    struct r57_err *err), (io, err)) \
	OP(int, store_io_find_uuid, io_find_uuid, (struct store_io *io, \
	    const char *uuid, int64_t *id, struct r57_err *err), (io, uuid, id, err)) \
	OP(int, store_io_read, io_read, (struct store_io *io, int64_t id, \
	    struct task *t, int64_t **units, int *n_units, struct r57_err *err), (io, \
	    id, t, units, n_units, err)) \
	OP(int, store_io_insert, io_insert, (struct store_io *io, int64_t id, \
	    const struct task_row *r, const char *now, struct r57_err *err), (io, id, r, \
	    now, err)) \
	OP(int, store_io_update, io_update, (struct store_io *io, int64_t id, \
	    const struct task_row *r, const char *now, struct r57_err *err), (io, id, r, \
	    now, err)) \
	OP(int, store_io_unit_add, io_unit_add, (struct store_io *io, int64_t task, \
	    int64_t unit, struct r57_err *err), (io, task, unit, err)) \
	OP(int, store_io_flush, io_flush, (struct store_io *io, struct r57_err *err), \
	    (io, err)) \
	OP(int, store_io_unit_remove, io_unit_remove, (struct store_io *io, \
	    int64_t task, int64_t unit, struct r57_err *err), (io, task, unit, err)) \
	OP(int, store_io_bulk_begin, io_bulk_begin, (struct store_io *io, \
	    struct r57_err *err), (io, err)) \
	OP(int, store_io_bulk_end, io_bulk_end, (struct store_io *io, \
	    struct r57_err *err), (io, err)) \
	OP(int, store_io_group_position, io_group_position, (struct store_io *io, \
	    int64_t id, int pos, struct r57_err *err), (io, id, pos, err)) \
	OP(int, store_remind_due, remind_due, (struct store *st, enum remind_to to, \
	    int64_t id, r57_day until, remind_row_fn each, void *ctx, \
	    struct r57_err *err), (st, to, id, until, each, ctx, err)) \
	OP(int, store_remind_insert, remind_insert, (struct store *st, \
	    enum remind_to to, int64_t to_id, r57_day issued, r57_day as_of, \
	    int within_days, enum report_lang lang, int64_t *id_out, \
	    struct r57_err *err), (st, to, to_id, issued, as_of, within_days, lang, \
	    id_out, err)) \
	OP(int, store_remind_tasks_insert, remind_tasks_insert, (struct store *st, \
	    int64_t reminder, const struct remind_task *tasks, int n, \
	    struct r57_err *err), (st, reminder, tasks, n, err)) \
	OP(int, store_remind_tasks_now, remind_tasks_now, (struct store *st, \
	    const struct remind_task *tasks, int n, struct remind_task_now *out, \
	    struct r57_err *err), (st, tasks, n, out, err)) \
	OP(int, store_reminders, reminders, (struct store *st, \
	    const struct remind_list_query *q, reminder_each_fn each, void *ctx, \
	    struct r57_err *err), (st, q, each, ctx, err)) \
	OP(int, store_remind_counts, remind_counts, (struct store *st, \
	    enum remind_to to, r57_day as_of, remind_count_fn each, void *ctx, \
	    struct r57_err *err), (st, to, as_of, each, ctx, err)) \
	OP(int, store_copy_out, copy_out, (struct store *st, copy_row_fn each, void *ctx, \
	    struct r57_err *err), (st, each, ctx, err)) \
	OP(int, store_copy_in_begin, copy_in_begin, (struct store *st, struct r57_err *err), \
	    (st, err)) \
	OP(int, store_copy_in_row, copy_in_row, (struct store *st, int table, \
	    const struct copy_cell *cells, int n, struct r57_err *err), (st, table, cells, n, err)) \
	OP(int, store_copy_in_end, copy_in_end, (struct store *st, struct r57_err *err), \
	    (st, err)) \
	OP(int, store_role_list, role_list, (struct store *st, role_each_fn each, void *ctx, \
	    struct r57_err *err), (st, each, ctx, err)) \
	OP(int, store_role_set, role_set, (struct store *st, const char *login, \
	    enum role_kind kind, const int64_t *units, int n, struct r57_err *err), (st, login, \
	    kind, units, n, err)) \
	OP(int, store_role_remove, role_remove, (struct store *st, const char *login, \
	    struct r57_err *err), (st, login, err)) \
	OP(int, journal_start, journal_start, (struct store *st, const char *actor, \
	    const char *now, r57_day today, const char *summary, int64_t *seq_out, \
	    struct r57_err *err), (st, actor, now, today, summary, seq_out, err)) \
	OP(int, journal_set_summary, journal_set_summary, (struct store *st, \
	    int64_t seq, const char *summary, struct r57_err *err), (st, seq, summary, \
	    err)) \
	OP(int, journal_undo_plan, journal_undo_plan, (struct store *st, \
	    const char *actor, struct entry *target, struct r57_err *err), (st, actor, \
	    target, err)) \
	OP(int, journal_redo_plan, journal_redo_plan, (struct store *st, \
	    const char *actor, struct entry *target, struct r57_err *err), (st, actor, \
	    target, err)) \
	OP(int, journal_undo, journal_undo, (struct store *st, const char *actor, \
	    const char *now, r57_day today, struct entry *done, struct r57_err *err), \
	    (st, actor, now, today, done, err)) \
	OP(int, journal_redo, journal_redo, (struct store *st, const char *actor, \
	    const char *now, r57_day today, struct entry *done, struct r57_err *err), \
	    (st, actor, now, today, done, err)) \
	OP(int, journal_history, journal_history, (struct store *st, \
	    const struct history_query *q, entry_each_fn each, void *ctx, \
	    struct r57_err *err), (st, q, each, ctx, err)) \
	OP(int, journal_task_last, journal_task_last, (struct store *st, \
	    int64_t task_id, struct entry *out, struct r57_err *err), (st, task_id, out, \
	    err))

#define R57_STORE_MEMBER(type, pub, member, params, args) type (*member) params;
#define R57_STORE_MEMBER_V(pub, member, params, args) void (*member) params;
struct store_ops {
	const char *name; /* "sqlite" */
	R57_STORE_OPS(R57_STORE_MEMBER, R57_STORE_MEMBER_V)
};
#undef R57_STORE_MEMBER
#undef R57_STORE_MEMBER_V

/* The first member of every store's struct store. */
struct store_head {
	const struct store_ops *ops;
};

#endif
