/* filter.c: reading the filter words of `r57 list` into a task_filter and
 * resolving the names in it; the store turns the result into SQL. */
#include <stdlib.h>
#include <string.h>

#include "r57/filter.h"
#include "r57/i18n.h"
#include "r57/store.h"
#include "r57/text.h"

void filter_init(struct task_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = FILTER_NOT_CANCELLED;
	f->due_before = R57_NO_DATE;
	f->due_after = R57_NO_DATE;
	f->sort = SORT_DUE;
}

void filter_clear(struct task_filter *f)
{
	for (int i = 0; i < f->n_words; i++)
		free(f->words[i]);
	filter_init(f);
}

static const struct {
	const char *word;
	enum filter_status status;
} statuses[] = {
	{ "open", FILTER_OPEN },       { "within", FILTER_WITHIN },
	{ "overdue", FILTER_OVERDUE }, { "done", FILTER_DONE },
	{ "cancelled", FILTER_CANCELLED }, { "all", FILTER_ALL },
};

/* How much of a bad word a message repeats, in columns: a word may be of
 * any length, and a message longer than struct r57_err holds would be cut
 * inside a character. */
#define MSG_WORD_WIDTH 40

static int bad(const char *word, const char *why, struct r57_err *err)
{
	char *safe = text_fit(word, MSG_WORD_WIDTH, false);
	int rc = r57_fail(err, R57_EUSAGE, _("filter '%s': %s"), safe, _(why));
	free(safe);
	return rc;
}

int filter_add_word(struct task_filter *f, const char *word, r57_day today,
                    struct r57_err *err)
{
	const char *colon = strchr(word, ':');
	if (colon) {
		size_t klen = (size_t)(colon - word);
		const char *v = colon + 1;
		if (!*v)
			return bad(word, N_("give a value after the colon"), err);
#define KEY(k) (klen == sizeof k - 1 && strncmp(word, k, klen) == 0)
		if (KEY("group")) {
			f->group = v;
		} else if (KEY("leader")) {
			f->leader = v;
		} else if (KEY("unit")) {
			f->unit = v;
		} else if (KEY("source")) {
			f->source = v;
		} else if (KEY("year")) {
			char *end;
			long y = strtol(v, &end, 10);
			if (*end || y < 1900 || y > 9999)
				return bad(word, N_("the year must be a number such as 2025"), err);
			f->year = (int)y;
		} else if (KEY("status")) {
			for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
				if (strcmp(v, statuses[i].word) == 0) {
					f->status = statuses[i].status;
					return R57_OK;
				}
			return bad(word, N_("status is one of open, within, overdue, done, cancelled, all"), err);
		} else if (KEY("due.before") || KEY("due.after")) {
			r57_day d;
			int rc = date_parse(v, today, KEY("due.before") ? "due.before" : "due.after", &d, err);
			if (rc)
				return rc;
			if (KEY("due.before"))
				f->due_before = d;
			else
				f->due_after = d;
		} else {
			return bad(word, N_("unknown filter (group:, leader:, unit:, source:, year:, status:, due.before:, due.after:)"), err);
		}
#undef KEY
		return R57_OK;
	}
	if (f->n_words >= FILTER_MAX_WORDS)
		return bad(word, N_("too many words"), err);
	bool marks = text_has_marks(word);
	char *folded = marks ? text_casefold(word) : text_fold(word);
	if (!folded)
		return bad(word, N_("not valid UTF-8"), err);
	if (!*folded) {
		free(folded);
		return R57_OK;
	}
	f->word_marks[f->n_words] = marks;
	f->typed[f->n_words] = word;
	f->words[f->n_words++] = folded;
	return R57_OK;
}

int filter_resolve(struct task_filter *f, struct store *st, struct r57_err *err)
{
	int rc = R57_OK;
	if (f->group && (rc = store_ref_find(st, REF_GROUP, f->group, &f->group_id, err)))
		return rc;
	if (f->leader && (rc = store_ref_find(st, REF_LEADER, f->leader, &f->leader_id, err)))
		return rc;
	if (f->unit && (rc = store_ref_find(st, REF_UNIT, f->unit, &f->unit_id, err)))
		return rc;
	if (f->source && (rc = store_ref_find(st, REF_SOURCE, f->source, &f->source_id, err)))
		return rc;
	return rc;
}
