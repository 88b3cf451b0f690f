/* action.c: the one write protocol of the core's actions (action.h):
 * begin = the write transaction and the journal entry; end = the summary
 * and the commit, or the rollback. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "action.h"
#include "r57/journal.h"
#include "r57/store.h"

int action_begin(struct r57 *r, int64_t *seq, struct r57_err *err)
{
	memset(&r->out, 0, sizeof r->out);
	r->warning[0] = '\0';
	int rc = store_begin(r->st, err);
	if (rc)
		return rc;
	rc = journal_start(r->st, r->actor, r->now, r->today, "", seq, err);
	if (rc)
		store_rollback(r->st);
	return rc;
}

int action_end(struct r57 *r, int rc, int64_t seq, const char *summary,
               struct r57_err *err)
{
	if (!rc && !summary) {
		store_rollback(r->st);
		return R57_OK;
	}
	if (!rc)
		rc = journal_set_summary(r->st, seq, summary, err);
	if (!rc)
		rc = store_commit(r->st, err);
	else
		store_rollback(r->st);
	if (rc)
		r->warning[0] = '\0';
	return rc;
}

void sum_add(struct summary *s, const char *fmt, ...)
{
	if (s->len >= sizeof s->buf - 1)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(s->buf + s->len, sizeof s->buf - s->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		s->len += (size_t)n;
	if (s->len >= sizeof s->buf) {
		/* Cut at a character boundary and mark the cut. */
		s->len = sizeof s->buf - 4;
		while (s->len > 0 && ((unsigned char)s->buf[s->len] & 0xC0) == 0x80)
			s->len--;
		memcpy(s->buf + s->len, "…", 4);
		s->len += 3;
	}
}
