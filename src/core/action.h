/* action.h: what the core's actions share and nothing else sees: the one
 * write protocol every action follows (task.c, import.c, remind.c), and
 * the journal summary line they build. */
#ifndef R57_CORE_ACTION_H
#define R57_CORE_ACTION_H

#include <stddef.h>
#include <stdint.h>
#include "r57/err.h"
#include "r57/r57.h"

/* Begin an action: clear the outcome and the warning of the last one,
 * take the write transaction (store_begin) and write the action's journal
 * entry (who and when, from r) so that every change that follows is
 * recorded under *seq. On failure nothing is held. */
int action_begin(struct r57 *r, int64_t *seq, struct r57_err *err);

/* End the action begun as seq. rc is how it went: not R57_OK, everything
 * is rolled back, the warning dropped, and rc returned. R57_OK with a
 * summary: the entry is given it and the transaction committed (a failed
 * commit is rolled back and its error returned). R57_OK with summary NULL:
 * there was nothing to record, so neither the entry nor anything else is
 * kept (an empty entry could only block someone's undo); R57_OK. */
int action_end(struct r57 *r, int rc, int64_t seq, const char *summary,
               struct r57_err *err);

/* A journal summary as it grows: "close #3, #4 on 20/12/2025". Written in
 * the language of the person acting and kept as written; cut at a
 * character boundary with a mark ("…") when it outgrows buf. */
struct summary {
	char buf[512];
	size_t len;
};
#define SUMMARY_INIT { .len = 0 }

void sum_add(struct summary *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
