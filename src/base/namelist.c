/* namelist.c: a list of names in one cell (namelist.h). */
#include <stdlib.h>
#include <string.h>

#include "r57/namelist.h"

char *namelist_join(const char *const *names, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += 2 * strlen(names[i] ? names[i] : "") + 2;
	char *out = malloc(len);
	if (!out)
		abort();
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i) {
			out[o++] = ';';
			out[o++] = ' ';
		}
		for (const char *p = names[i] ? names[i] : ""; *p; p++) {
			if (*p == ';')
				out[o++] = ';';
			out[o++] = *p;
		}
	}
	out[o] = '\0';
	return out;
}

int namelist_next(const char *cell, size_t *pos, char **name)
{
	const char *p = cell + *pos;
	if (!*p)
		return 0;
	char *out = malloc(strlen(p) + 1);
	if (!out)
		abort();
	size_t o = 0;
	for (; *p; p++) {
		if (*p == ';' && p[1] == ';') {
			out[o++] = ';';
			p++;
		} else if (*p == ';' || *p == '\n' || *p == '\r') {
			p++;
			break;
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
	*pos = (size_t)(p - cell);
	*name = out;
	return 1;
}
