/* hash.c: FNV-1a and the string -> int map of include/r57/hash.h. The
 * table doubles when half full, so a probe run stays short. */
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/hash.h"

uint64_t hash_bytes(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t hash_str(const char *s)
{
	return hash_bytes(s, strlen(s), HASH_SEED);
}

void smap_free(struct smap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static void smap_grow(struct smap *m)
{
	struct smap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->n = 0;
	m->keys = r57_xcalloc(m->cap, sizeof *m->keys);
	m->vals = r57_xcalloc(m->cap, sizeof *m->vals);
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			*smap_slot(m, old.keys[i], true) = old.vals[i];
			free(old.keys[i]);
		}
	free(old.keys);
	free(old.vals);
}

int *smap_slot(struct smap *m, const char *key, bool add)
{
	if (add && (m->n + 1) * 2 > m->cap)
		smap_grow(m);
	if (!m->cap)
		return NULL;
	size_t i = (size_t)hash_str(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (strcmp(m->keys[i], key) == 0)
			return &m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	if (!add)
		return NULL;
	m->keys[i] = r57_xstrdup(key);
	m->vals[i] = -1;
	m->n++;
	return &m->vals[i];
}
