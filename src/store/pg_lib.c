/* pg_lib.c: libpq, loaded when r57 first connects to a server, not when
 * it starts: linked in, its thirty libraries (Kerberos, LDAP, TLS) made
 * every command on a file twice as slow to start and twice as big
 * (make bench: 4.9 MB and 8 ms against 10.6 MB and 17 ms for a list of a
 * small file). The functions r57 calls, by name, from libpq.so.5 (Debian's
 * libpq5, which libpq-dev and postgresql bring); pg_int.h calls them
 * through the table. A loaded library is one for the whole process, so
 * the table is too. */
#include <dlfcn.h>
#include <stdio.h>

#define PG_LIB_SELF /* (the names here are libpq's own, for dlsym) */
#include "r57/i18n.h"
#include "pg_int.h"

static struct pg_api api;
const struct pg_api *pg_api = &api;

#define PG_API_SYM(name) { #name, (void **)&api.name },
static const struct {
	const char *name;
	void **slot;
} symbols[] = { PG_API_FUNCS(PG_API_SYM) };

int pg_lib_load(struct r57_err *err)
{
	static void *lib;
	if (lib)
		return R57_OK;
	void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return r57_fail(err, R57_EDB, "%s",
		                _("cannot reach a PostgreSQL server: its client library libpq.so.5 is not installed (apt-get install libpq5)"));
	for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++)
		if (!(*symbols[i].slot = dlsym(h, symbols[i].name))) {
			dlclose(h);
			return r57_fail(err, R57_EDB, _("cannot reach a PostgreSQL server: its client library libpq.so.5 has no %s"),
			                symbols[i].name);
		}
	lib = h;
	return R57_OK;
}
