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

int pg_store_task_page(struct store *st, const struct task_filter *f, r57_day today, enum group_by by, int64_t bucket, const char *month, const char *after_sort, int64_t after_id, bool backward, int limit, task_each_fn each, void *ctx, struct r57_err *err)
{
	(void)f;
	(void)today;
	(void)by;
	(void)bucket;
	(void)month;
	(void)after_sort;
	(void)after_id;
	(void)backward;
	(void)limit;
	(void)each;
	(void)ctx;
	return pg_unsupported(st, _("the screen"), err);
}
