/* cli_copy.c: r57 copy --from SRC / --to DST: the whole database, its
 * journal included, into a new one (store_copy.h): from a file to a
 * server when a province moves to one, and back as a backup. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "r57/i18n.h"
#include "r57/store_copy.h"
#include "r57/text.h"
#include "cli_int.h"

struct copy_ctx {
	struct store *to;
	struct r57_err *err;
	int64_t tasks, entries;
};

static int copy_row(int table, const struct copy_cell *cells, int n, void *vctx)
{
	struct copy_ctx *c = vctx;
	c->tasks += table == 4;
	c->entries += table == COPY_ENTRY;
	return store_copy_in_row(c->to, table, cells, n, c->err);
}

/* Open the other database: a server as it is (r57 init made it), a file
 * only when it does not exist yet (made now). */
static int open_other(struct session *s, const char *where, bool target, bool *made, struct r57_err *err)
{
	*made = false;
	struct store_open_opts o = { .actor = s->actor, .now = s->r.now, .today = s->r.today,
	                             .read_only = !target };
	if (!store_is_server(where)) {
		struct stat sb;
		bool exists = stat(where, &sb) == 0 || errno != ENOENT;
		if (target && exists) {
			char *safe = text_safe(where, false);
			int rc = r57_fail(err, R57_EINPUT, _("%s: already there; r57 copy writes only a new file"), safe);
			free(safe);
			return rc;
		}
		o.create = target;
		*made = target;
	}
	struct store *st;
	int rc = store_open(where, &o, &st, err);
	if (rc) {
		if (*made)
			unlink(where);
		*made = false;
		return rc;
	}
	s->other = st;
	return R57_OK;
}

int cmd_copy(struct session *s, struct r57_err *err)
{
	const char *from = opt_get(&s->args, "--from"), *to = opt_get(&s->args, "--to");
	if (s->args.npos || (!from) == (!to))
		return r57_fail(err, R57_EUSAGE, "%s", _("copy: give --from SRC (into --db) or --to DST (from --db)"));
	bool made = false;
	int rc;
	/* --db is the source of --to, the target of --from */
	if ((rc = open_db(s, !to, err)) || (rc = open_other(s, to ? to : from, to != NULL, &made, err)))
		return rc;
	struct store *src = to ? s->r.st : s->other;
	struct copy_ctx c = { to ? s->other : s->r.st, err, 0, 0 };
	if (!(rc = store_copy_in_begin(c.to, err))) {
		rc = store_copy_out(src, copy_row, &c, err);
		if (!rc)
			rc = store_copy_in_end(c.to, err);
		else
			store_rollback(c.to);
	}
	const char *dst = to ? to : store_path(s->r.st);
	if (rc) {
		if (made) {
			store_close(s->other);
			s->other = NULL;
			unlink(to);
		}
		return rc;
	}
	char *a = text_safe(to ? store_path(s->r.st) : from, false), *b = text_safe(dst, false);
	printf(_("Copied %s to %s: %lld tasks, %lld journal entries."), a, b, (long long)c.tasks,
	       (long long)c.entries);
	putchar('\n');
	free(a);
	free(b);
	return R57_OK;
}
