/* seal.h: the journal's hash chain (docs/undo.md, "The seal"): the bytes
 * an entry's seal is the SHA-256 of, written the same way by the file's
 * store (journal_seal.c), the check of either store, and, in SQL, by the
 * server (pg_migrate_5.sql, r57.seal_of). Private to src/store/. */
#ifndef R57_SEAL_H
#define R57_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <nettle/sha2.h>

#define SEAL_BYTES 32
#define SEAL_HEX (2 * SEAL_BYTES + 1)
/* The changes' values, v1 .. v17, each sealed whether it is set or not. */
#define SEAL_VALUES 17

struct seal {
	struct sha256_ctx sha;
};

/* The entry an entry's seal covers: seq, at, day, actor, summary, kind,
 * target (0: none); every text may be NULL (sealed as none). */
struct seal_entry {
	int64_t seq;
	const char *at, *day, *actor, *summary, *kind;
	int64_t target;
};

/* Begin the seal of an entry after the entry whose seal is prev (64
 * hexadecimal digits; NULL for the first entry). false: prev is not a
 * seal (the chain is broken there). */
bool seal_begin(struct seal *s, const char *prev, const struct seal_entry *e);
/* One change of the entry, in the order of its ids: its table's code,
 * row id, op, cols, and the text of v1 .. v17 (NULL: none), len[i] its
 * length in bytes. */
void seal_change(struct seal *s, int64_t tbl, int64_t row_id, int64_t op, int64_t cols,
                 const char *const v[SEAL_VALUES], const size_t len[SEAL_VALUES]);
/* The seal, as 64 lowercase hexadecimal digits and a NUL. */
void seal_end(struct seal *s, char hex[SEAL_HEX]);

#endif
