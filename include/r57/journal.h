/* journal.h: the undo log. Every action is one entry (who, when, a summary
 * in words) with the row images before and after each change, recorded by
 * triggers in the same transaction. Undo and redo are per actor and refuse,
 * writing nothing, when someone changed the rows since. */
#ifndef R57_JOURNAL_H
#define R57_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/date.h"
#include "r57/err.h"

struct store;

enum entry_kind { ENTRY_DO, ENTRY_UNDO, ENTRY_REDO, ENTRY_INIT };

struct entry {
	int64_t seq;
	char at[32];      /* ISO 8601 local time with offset */
	char *actor;
	char *summary;
	enum entry_kind kind;
	int64_t target;   /* undo/redo: the entry reverted or re-applied */
	bool undone;
};
void entry_clear(struct entry *e);
const char *entry_kind_name(enum entry_kind k);

/* Start an action: inside a write transaction, write its entry so that
 * the changes that follow are recorded under it. The summary may be set
 * later, once the action knows it (journal_set_summary). */
int journal_start(struct store *st, const char *actor, const char *now,
                  r57_day today, const char *summary, int64_t *seq_out,
                  struct r57_err *err);
int journal_set_summary(struct store *st, int64_t seq, const char *summary,
                        struct r57_err *err);

/* What undo (or redo) would do for actor, without doing it. On success
 * *target is the entry it would revert (or re-apply). */
int journal_undo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err);
int journal_redo_plan(struct store *st, const char *actor, struct entry *target,
                      struct r57_err *err);
/* Do it, in its own transaction, as a new entry of kind undo/redo. */
int journal_undo(struct store *st, const char *actor, const char *now,
                 r57_day today, struct entry *done, struct r57_err *err);
int journal_redo(struct store *st, const char *actor, const char *now,
                 r57_day today, struct entry *done, struct r57_err *err);

/* History, newest first: all entries, or those of one task, one actor, or
 * since a day (inclusive); limit 0 = all. */
struct history_query {
	int64_t task_id;      /* 0 = any */
	const char *actor;    /* NULL = any */
	r57_day since;        /* R57_NO_DATE = any */
	int64_t before_seq;   /* keyset paging: only entries before it; 0 = all */
	int limit;
};
typedef int (*entry_each_fn)(const struct entry *e, void *ctx);
int journal_history(struct store *st, const struct history_query *q,
                    entry_each_fn each, void *ctx, struct r57_err *err);

/* The newest entry that changed a task: who and what, for the screen's
 * refusal when a task changed while it was being edited. R57_ENOTFOUND if
 * none. */
int journal_task_last(struct store *st, int64_t task_id, struct entry *out,
                      struct r57_err *err);

#endif
