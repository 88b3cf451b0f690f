/* pg_ops.c: the table of the PostgreSQL store's operations (store_ops.h):
 * each member is the pg_store_ function of the same name, defined in the
 * store's files (pg_store.c, pg_task.c, pg_filter.c, pg_ref.c,
 * pg_journal.c, pg_undo.c, pg_figures.c, pg_remind.c, pg_io.c, pg_copy.c,
 * pg_role.c, pg_notify.c, pg_check.c); libpq itself is loaded by
 * pg_lib.c. */
#include "pg_int.h"

#define PG_STORE_ENTRY(type, pub, member, params, args) .member = pg_store_##member,
#define PG_STORE_ENTRY_V(pub, member, params, args) .member = pg_store_##member,
const struct store_ops pg_store_ops = {
	.name = "postgresql",
	R57_STORE_OPS(PG_STORE_ENTRY, PG_STORE_ENTRY_V)
};
