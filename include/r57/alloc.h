/* alloc.h: the one set of allocation helpers for every layer. r57 treats
 * running out of memory in these places as fatal (abort), as the copies
 * each file used to hold did; code that must report it as an error keeps
 * calling malloc itself, or uses r57_strdup_or_null and checks. */
#ifndef R57_ALLOC_H
#define R57_ALLOC_H

#include <stddef.h>

/* n bytes (at least one, so 0 is not NULL); aborts on out of memory. */
void *r57_xmalloc(size_t n);

/* n zeroed items of size bytes (at least one byte); aborts on out of
 * memory or when n * size overflows. */
void *r57_xcalloc(size_t n, size_t size);

/* p grown or shrunk to n bytes (at least one); aborts on out of memory. */
void *r57_xrealloc(void *p, size_t n);

/* A copy of s, NULL taken as ""; never NULL (aborts on out of memory). */
char *r57_xstrdup(const char *s);

/* A copy of s, or NULL when s is NULL. Also NULL on out of memory: a
 * caller for whom a lost copy matters tests `s && !copy`. */
char *r57_strdup_or_null(const char *s);

#endif
