/* pg_filter.c: the condition of a filter of `r57 list` on a PostgreSQL
 * server (the same conditions as build_where in store_list.c), made once
 * for every query that must choose the tasks the list shows: the list
 * itself and its counts (pg_task.c), the screen's pages and the figures
 * (pg_figures.c). The condition is on the alias t of r57.task; its values
 * are parameters $1, $2, ... in the order of pg_filter.a. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/text.h"
#include "pg_int.h"

static void add(struct pg_filter *fs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct pg_filter *fs, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(fs->where + fs->n, fs->n < sizeof fs->where ? sizeof fs->where - fs->n : 0, fmt, ap);
	va_end(ap);
	if (k > 0)
		fs->n += (size_t)k;
}

/* A condition with one value: "t.group_id = $N". */
static void cond_int(struct pg_filter *fs, const char *col, const char *op, int64_t v)
{
	pg_arg_int(&fs->a, v);
	add(fs, " AND %s %s $%d", col, op, fs->a.n);
}

static void cond_day(struct pg_filter *fs, const char *lhs, const char *op, r57_day d)
{
	pg_arg_day(&fs->a, d);
	add(fs, " AND %s %s $%d COLLATE \"C\"", lhs, op, fs->a.n);
}

/* A word must begin a word of the title or notes: " nang" in
 * " nang cap he thong " (text_search_word, text_search_body). */
static int cond_word(struct pg_filter *fs, const char *col, const char *typed, bool marks,
                     struct r57_err *err)
{
	char *w = text_search_word(typed, marks);
	if (!w)
		return r57_fail(err, R57_ENOMEM, _("out of memory"));
	if (!*w) { /* no letter or digit: every task */
		free(w);
		return R57_OK;
	}
	fs->words[fs->nwords++] = w;
	pg_arg_text(&fs->a, w);
	add(fs, " AND strpos(%s, $%d) > 0", col, fs->a.n);
	return R57_OK;
}

void pg_filter_free(struct pg_filter *fs)
{
	for (int i = 0; i < fs->nwords; i++)
		free(fs->words[i]);
	fs->nwords = 0;
}

int pg_filter_build(const struct task_filter *f, r57_day today, struct pg_filter *fs,
                    struct r57_err *err)
{
	memset(fs, 0, sizeof *fs);
	add(fs, " WHERE true");
	switch (f->status) {
	case FILTER_NOT_CANCELLED: add(fs, " AND t.status <> 'cancelled'"); break;
	case FILTER_ALL: break;
	case FILTER_OPEN: add(fs, " AND t.status = 'open'"); break;
	case FILTER_WITHIN:
		add(fs, " AND t.status = 'open'");
		cond_day(fs, "coalesce(t.due, '9999-12-31')", ">=", today);
		break;
	case FILTER_OVERDUE:
		add(fs, " AND t.status = 'open'");
		cond_day(fs, "t.due", "<", today);
		break;
	case FILTER_DONE: add(fs, " AND t.status = 'done'"); break;
	case FILTER_CANCELLED: add(fs, " AND t.status = 'cancelled'"); break;
	}
	if (f->group_id)
		cond_int(fs, "t.group_id", "=", f->group_id);
	if (f->leader_id)
		cond_int(fs, "t.leader_id", "=", f->leader_id);
	if (f->unit_id)
		cond_int(fs, "t.unit_id", "=", f->unit_id);
	if (f->source_id)
		cond_int(fs, "t.source_id", "=", f->source_id);
	if (f->year)
		cond_int(fs, "t.year", "=", f->year);
	if (f->due_before != R57_NO_DATE)
		cond_day(fs, "t.due", "<", f->due_before);
	if (f->due_after != R57_NO_DATE)
		cond_day(fs, "t.due", ">", f->due_after);
	int rc = R57_OK;
	for (int i = 0; i < f->n_words && i < FILTER_MAX_WORDS && !rc; i++) {
		rc = cond_word(fs, "t.search_body", f->words[i], false, err);
		if (!rc && f->word_marks[i])
			rc = cond_word(fs, "t.search_marks", f->words[i], true, err);
	}
	if (!rc && fs->n >= sizeof fs->where)
		rc = r57_fail(err, R57_EINPUT, "%s", _("the filter is too long"));
	if (rc)
		pg_filter_free(fs);
	return rc;
}
