/* r57.h: the session every action is given: who acts, when, on which
 * store, and what the last action did. The command line and the screen
 * fill one and pass it down; the core's actions (task.h, import.h,
 * remind.h, demo.h) read it and leave their outcome in it. */
#ifndef R57_R57_H
#define R57_R57_H

#include <stdbool.h>
#include "r57/date.h"

struct store;

/* What the last action did, filled by every action on tasks and by
 * ref_rename: the tasks it changed and those it left as they were, with
 * why ("#3 already done"). An action that would change nothing writes no
 * journal entry (it could only block someone's undo) and returns R57_OK
 * with n_changed 0; the caller says "nothing changed". */
struct r57_outcome {
	int n_changed, n_skipped;
	bool skipped_plain;    /* every skip was only "unchanged" */
	char changed[1024];    /* "#1, #2" (cut with "…" when long) */
	char skipped[1024];    /* "#3 already done, #4 unchanged", safe to print */
};

/* Who acts and when: passed down to every action. */
struct r57 {
	struct store *st;
	const char *actor;     /* NFC, safe to store */
	r57_day today;         /* pinned by --today / $R57_TODAY, else local */
	char now[32];          /* ISO time of this run: today + wall clock */
	struct r57_outcome out; /* of the last action */
	/* What the last action warns of, done all the same (a new name that
	 * looks like an existing one): one line made safe, "" for nothing.
	 * Set only when the action succeeded; each action clears it first. */
	char warning[1024];
};

#endif
