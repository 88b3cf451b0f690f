/* alloc.c: allocation that cannot fail (include/r57/alloc.h). Callers of
 * these have no way to report out of memory, so they abort at once rather
 * than go on with a NULL. */
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"

void *r57_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort();
	return p;
}

void *r57_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		abort(); /* calloc also refuses an n * size that overflows */
	return p;
}

void *r57_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		abort();
	return q;
}

char *r57_xstrdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d = r57_xmalloc(n);
	memcpy(d, s ? s : "", n);
	return d;
}

char *r57_strdup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}
