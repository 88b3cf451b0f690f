/* pg_todo.c: the operations the PostgreSQL store does not have yet, each
 * a clear refusal that names what cannot be done and changes nothing
 * (pg_unsupported). Each goes from here to a pg_*.c file of its own as it
 * is written; docs/postgresql.md lists what works on a server today. */
#include "r57/i18n.h"
#include "pg_int.h"

int pg_store_check_all(struct store *st, store_problem_fn fn, void *ctx, int *n, struct r57_err *err)
{
	(void)fn;
	(void)ctx;
	(void)n;
	return pg_unsupported(st, _("r57 check"), err);
}
