/* hash.h: hashing and a string -> int map, for code that must look names
 * up by the hundred thousand (an import matches every row of a file by
 * uuid, by title and group, by name). Out of memory aborts (alloc.h). */
#ifndef R57_HASH_H
#define R57_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 64 bits: n bytes of s into h (start from HASH_SEED). */
#define HASH_SEED 0xcbf29ce484222325ULL
uint64_t hash_bytes(const char *s, size_t n, uint64_t h);
/* The hash of a string, from HASH_SEED. */
uint64_t hash_str(const char *s);

/* A string -> int map, open addressing; keys are copied. A zeroed struct
 * is an empty map. */
struct smap {
	char **keys;
	int *vals;
	size_t cap, n;
};

/* The value slot for key; NULL if absent and !add. A slot added is -1
 * until the caller sets it. A slot holds until the next add. */
int *smap_slot(struct smap *m, const char *key, bool add);
/* Free the keys and the table; the map is empty again. */
void smap_free(struct smap *m);

#endif
