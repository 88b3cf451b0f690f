/* journal_seal.h: the file's side of the journal's hash chain
 * (journal_seal.c, docs/undo.md "The seal"): sealing the entries an
 * action wrote when it commits, and checking the chain. */
#ifndef R57_JOURNAL_SEAL_H
#define R57_JOURNAL_SEAL_H

#include <stdint.h>
#include "r57/store.h"

struct store;
struct r57_err;

/* Note the newest entry before a write transaction (st->seal_from):
 * its commit seals the entries after it, and only those, so that an
 * entry written by another program stays without a seal. */
int journal_seal_mark(struct store *st, struct r57_err *err);
/* Seal, in order, the entries after entry seq `after` that have no seal
 * yet, inside the caller's write transaction (an action's commit; the
 * migration to version 5, after 0, for a whole history). */
int journal_seal_pending(struct store *st, int64_t after, struct r57_err *err);

/* r57 check's part: the first entry whose seal is missing or does not
 * match its content and the seal before it, said through fn; *n counts
 * it. Reads only. */
void journal_seal_check(struct store *st, store_problem_fn fn, void *ctx, int *n);

/* A copy's journal as it arrived: R57_EINPUT, naming the first entry
 * whose seal does not match, or R57_OK. */
int journal_seal_verify(struct store *st, struct r57_err *err);

/* The sentence of r57 check and of a copy for entry seq, by actor at at,
 * whose seal is missing (sealed false) or does not match: in line
 * (both stores say it the same way). */
void journal_seal_problem(char *line, size_t len, int64_t seq, const char *actor, const char *at,
                          bool sealed);

#endif
