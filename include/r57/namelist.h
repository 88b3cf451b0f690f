/* namelist.h: the coordinating units of a task as one cell of text, as
 * r57's CSV export and TSV lists write them and import reads them back:
 * the names joined by "; ", and a ';' inside a name written twice (";;"),
 * so that a unit named "A; B" stays one unit. Reading, a single ';' or a
 * line break separates names, ";;" is one ';' of a name. */
#ifndef R57_NAMELIST_H
#define R57_NAMELIST_H

#include <stddef.h>

/* The cell for names[0..n-1], newly allocated ("" for none). */
char *namelist_join(const char *const *names, int n);

/* The names of a cell, one by one: call with *pos = 0; each call gives
 * the next name (newly allocated, as written: not trimmed) and returns 1,
 * or 0 when the cell is done. */
int namelist_next(const char *cell, size_t *pos, char **name);

#endif
