/* store_front.c: the store's functions as the layers above call them
 * (store.h, store_io.h, store_remind.h, journal.h): each passes the call
 * to the operations of the store its handle belongs to (store_ops.h), so
 * that core, cli and tui work on any store. store_open chooses the store
 * by the form of what it is given: a PostgreSQL server (a postgresql://
 * URI or a libpq string, pg_store.c) or an SQLite file (store.c). */
#include "r57/store_ops.h"
#include "backends.h"

/* A store_io begins with the store it reads or writes (store_io.c). */
struct store_io_head {
	struct store *st;
};

static const struct store_ops *store_of(const struct store *st)
{
	return ((const struct store_head *)(const void *)st)->ops;
}

static const struct store_ops *io_of(const struct store_io *io)
{
	return store_of(((const struct store_io_head *)(const void *)io)->st);
}

/* The handle is the first argument of every operation. */
#define FIRST(...) FIRST_(__VA_ARGS__, ~)
#define FIRST_(x, ...) x
#define OPS_OF(h) _Generic((h), \
	struct store *: store_of, \
	const struct store *: store_of, \
	struct store_io *: io_of)(h)

#define FRONT(type, pub, member, params, args) \
	type pub params { return OPS_OF(FIRST args)->member args; }
/* (an operation that returns nothing, store_close and store_io_close
 * among them, does nothing with no handle, as free does) */
#define FRONT_V(pub, member, params, args) \
	void pub params { if (FIRST args) OPS_OF(FIRST args)->member args; }
R57_STORE_OPS(FRONT, FRONT_V)
#undef FRONT
#undef FRONT_V

int store_open(const char *path, const struct store_open_opts *o,
               struct store **out, struct r57_err *err)
{
	if (pg_store_is_server(path))
		return pg_store_open(path, o, out, err);
	return sqlite_store_open(path, o, out, err);
}

bool store_is_server(const char *where)
{
	return pg_store_is_server(where);
}
