/* backends.h: the stores r57 can open, each by its own open function,
 * which store_open (store_front.c) chooses between. */
#ifndef R57_STORE_BACKENDS_H
#define R57_STORE_BACKENDS_H

#include "r57/store.h"

/* A database file (store.c). */
int sqlite_store_open(const char *path, const struct store_open_opts *o,
                      struct store **out, struct r57_err *err);

/* A PostgreSQL server (pg_store.c), and whether a --db value names one. */
int pg_store_open(const char *where, const struct store_open_opts *o,
                  struct store **out, struct r57_err *err);
bool pg_store_is_server(const char *where);

#endif
