/* sqlite_ops.c: the table of the SQLite store's operations (store_ops.h):
 * each member is the sqlite_store_ function of the same name, defined in
 * the store's files (store.c, store_task.c, journal.c, ...). */
#include "store_int.h"

#define SQLITE_STORE_ENTRY(type, pub, member, params, args) .member = sqlite_store_##member,
#define SQLITE_STORE_ENTRY_V(pub, member, params, args) .member = sqlite_store_##member,
const struct store_ops sqlite_store_ops = {
	.name = "sqlite",
	R57_STORE_OPS(SQLITE_STORE_ENTRY, SQLITE_STORE_ENTRY_V)
};
