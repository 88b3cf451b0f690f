/* import_check.c: the import's checks of one row's values: text made
 * NFC and inert, numbers, dates and status words as people write them,
 * uuids, and the whole row parsed (parse_row), the names looked up through
 * import_refs.c. A bad value is an error that names where it is. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "import_int.h"
#include "r57/alloc.h"
#include "r57/csv_out.h"
#include "r57/hash.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/text.h"

#define SEEN_MAX 4096    /* status words and dates remembered as read */

/* Status words, folded as headers are (but words in parentheses kept). */
static const struct {
	const char *word;
	enum task_status status;
} status_words[] = {
	{ "open", TASK_OPEN }, { "overdue", TASK_OPEN }, { "within", TASK_OPEN },
	{ "in progress", TASK_OPEN }, { "not done", TASK_OPEN }, { "pending", TASK_OPEN },
	{ "dang trien khai", TASK_OPEN }, { "dang thuc hien", TASK_OPEN },
	{ "chua hoan thanh", TASK_OPEN }, { "chua thuc hien", TASK_OPEN },
	{ "chua trien khai", TASK_OPEN }, { "trong han", TASK_OPEN }, { "qua han", TASK_OPEN },
	{ "dang trien khai trong han", TASK_OPEN }, { "dang trien khai qua han", TASK_OPEN },
	{ "dang thuc hien trong han", TASK_OPEN }, { "dang thuc hien qua han", TASK_OPEN },
	{ "chua hoan thanh trong han", TASK_OPEN }, { "chua hoan thanh qua han", TASK_OPEN },
	{ "done", TASK_DONE }, { "completed", TASK_DONE }, { "complete", TASK_DONE },
	{ "da hoan thanh", TASK_DONE }, { "hoan thanh", TASK_DONE },
	{ "hoan thanh dung han", TASK_DONE }, { "hoan thanh qua han", TASK_DONE },
	{ "hoan thanh tre han", TASK_DONE }, { "hoan thanh truoc han", TASK_DONE },
	{ "da hoan thanh dung han", TASK_DONE }, { "da hoan thanh qua han", TASK_DONE },
	{ "da hoan thanh tre han", TASK_DONE }, { "da hoan thanh truoc han", TASK_DONE },
	{ "hoan thanh va vuot", TASK_DONE }, { "da xong", TASK_DONE }, { "xong", TASK_DONE },
	{ "cancelled", TASK_CANCELLED }, { "canceled", TASK_CANCELLED },
	{ "da huy", TASK_CANCELLED }, { "huy", TASK_CANCELLED }, { "huy bo", TASK_CANCELLED },
	{ "da huy bo", TASK_CANCELLED }, { "dung thuc hien", TASK_CANCELLED },
	{ "khong thuc hien", TASK_CANCELLED },
};

/* --- small tools -------------------------------------------------------------- */

bool imp_all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

size_t imp_count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* A header or a status word as compared: folded (lower case, no
 * diacritics), every run of other than letters, digits and '_' one space,
 * parenthesised parts dropped when drop_parens. Newly allocated. */
char *imp_fold_words(const char *s, bool drop_parens)
{
	char *f = text_fold(s);
	if (!f)
		return r57_xstrdup("");
	char *out = r57_xmalloc(strlen(f) + 1);
	size_t n = 0;
	int depth = 0;
	bool space = false;
	for (const char *p = f; *p; p++) {
		char c = *p;
		if (drop_parens && c == '(') {
			depth++;
			continue;
		}
		if (drop_parens && c == ')' && depth > 0) {
			depth--;
			continue;
		}
		if (depth)
			continue;
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		            (unsigned char)c >= 0x80;
		if (!word) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = c;
	}
	out[n] = '\0';
	free(f);
	return out;
}

void imp_prow_clear(struct prow *p)
{
	for (int i = 0; i < IMP_FIELDS; i++)
		free(p->text[i]);
	free(p->units);
	memset(p, 0, sizeof *p);
}

/* text_normalize() for the common case, without utf8proc: text made only
 * of U+0000-U+02FF (ASCII, Latin-1, Latin Extended-A and -B, spacing
 * modifiers) and U+1E00-U+1EFF (Latin Extended Additional: Vietnamese's
 * precomposed letters) is its own NFC (every one of them is NFC_QC=Yes,
 * a starter, and no two compose), so only the trimming is left: the same
 * white space text_normalize trims (ASCII's and U+00A0, the only Zs in
 * those ranges). NULL when the text has anything else. s is valid UTF-8. */
static char *fast_normalize(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = 0;
	for (;;) {
		unsigned char c = u[len];
		if (!c)
			break;
		if (c < 0x80)
			len++;
		else if (c >= 0xC2 && c <= 0xCB)
			len += 2;
		else if (c == 0xE1 && u[len + 1] >= 0xB8 && u[len + 1] <= 0xBB)
			len += 3;
		else
			return NULL;
	}
	size_t start = 0, end = len;
	for (;;) {
		if (start < end && (u[start] == ' ' || (u[start] >= '\t' && u[start] <= '\r')))
			start++;
		else if (start + 1 < end && u[start] == 0xC2 && u[start + 1] == 0xA0)
			start += 2;
		else
			break;
	}
	for (;;) {
		if (end > start && (u[end - 1] == ' ' || (u[end - 1] >= '\t' && u[end - 1] <= '\r')))
			end--;
		else if (end >= start + 2 && u[end - 2] == 0xC2 && u[end - 1] == 0xA0)
			end -= 2;
		else
			break;
	}
	char *out = r57_xmalloc(end - start + 1);
	memcpy(out, s + start, end - start);
	out[end - start] = '\0';
	return out;
}

static char *normalize(const char *s)
{
	char *out = fast_normalize(s);
	if (!out)
		out = text_normalize(s);
	return out ? out : r57_xstrdup("");
}

/* A cell's text as stored: the guard r57's CSV export puts before a
 * formula character taken away, line ends made LF, NFC, trimmed. */
char *imp_clean(struct imp *im, const char *raw)
{
	if (!im->src.json && raw[0] == '\'') {
		/* Quotes, then a formula character: the export put one quote. */
		const char *q = raw;
		while (*q == '\'')
			q++;
		if (csv_out_formula(*q))
			raw++;
	}
	{
		if (strchr(raw, '\r')) {
			char *lf = r57_xmalloc(strlen(raw) + 1);
			size_t n = 0;
			for (const char *p = raw; *p; p++) {
				if (*p == '\r') {
					lf[n++] = '\n';
					if (p[1] == '\n')
						p++;
				} else {
					lf[n++] = *p;
				}
			}
			lf[n] = '\0';
			char *out = normalize(lf);
			free(lf);
			return out;
		}
	}
	return normalize(raw);
}

static int text_field(struct imp *im, const struct in_row *row, int f, size_t max, struct prow *p)
{
	const struct cell *c = &row->c[f];
	if (!c->present)
		return R57_OK;
	char *t = imp_clean(im, c->text);
	if (imp_count_chars(t) > max) {
		int rc = imp_fail_at(im, c->at, f, t, R57_EINPUT, _("is longer than %zu characters"), max);
		free(t);
		return rc;
	}
	if (!*t) {
		free(t);
		t = NULL;
	}
	p->text[f] = t;
	return R57_OK;
}

/* An integer in lo..hi, or 0 when the cell is empty. */
static int int_field(struct imp *im, const struct in_row *row, int f, long long lo, long long hi,
                     long long *out)
{
	const struct cell *c = &row->c[f];
	*out = 0;
	if (!c->present)
		return R57_OK;
	char *t = imp_clean(im, c->text);
	int rc = R57_OK;
	if (*t) {
		char *end;
		errno = 0;
		long long v = imp_all_digits(t) ? strtoll(t, &end, 10) : -1;
		if (!imp_all_digits(t) || errno || v < lo || v > hi)
			rc = imp_fail_at(im, c->at, f, t, R57_EINPUT, _("is not a whole number from %lld to %lld"), lo, hi);
		else
			*out = v;
	}
	free(t);
	return rc;
}

/* dd/mm/yyyy, d/m/yyyy (or with '.' or '-'), yyyy-mm-dd. */
static int date_field(struct imp *im, const struct in_row *row, int f, r57_day *out)
{
	const struct cell *c = &row->c[f];
	*out = R57_NO_DATE;
	if (!c->present)
		return R57_OK;
	char *t = imp_clean(im, c->text);
	int rc = R57_OK;
	/* Deadlines repeat from row to row: each is read once. */
	int *seen = *t ? smap_slot(&im->date_seen, t, false) : NULL;
	if (seen) {
		*out = (r57_day)(*seen - 1);
	} else if (*t) {
		int a, b, y, n = 0;
		char s1, s2;
		bool ok = false;
		if (sscanf(t, "%4d-%2d-%2d%n", &y, &b, &a, &n) == 3 && n == 10 && !t[n] &&
		    t[4] == '-' && t[7] == '-') {
			ok = true;
		} else if (sscanf(t, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &y, &n) == 5 && !t[n] &&
		           s1 == s2 && (s1 == '/' || s1 == '.' || s1 == '-') && strlen(t) >= 8 &&
		           t[strlen(t) - 5] == s1) {
			ok = true;
		}
		for (const char *p = t; ok && *p; p++)
			if (!((*p >= '0' && *p <= '9') || *p == '/' || *p == '.' || *p == '-'))
				ok = false;
		if (!ok)
			rc = imp_fail_at(im, c->at, f, t, R57_EINPUT, _("is not a date (dd/mm/yyyy or yyyy-mm-dd)"));
		else if (y < 1900 || !date_from_ymd(y, b, a, out))
			rc = imp_fail_at(im, c->at, f, t, R57_EINPUT, _("is a date that does not exist"));
		else if (im->date_seen.n < SEEN_MAX)
			*smap_slot(&im->date_seen, t, true) = (int)(*out + 1);
	}
	free(t);
	return rc;
}

static int status_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_STATUS];
	if (!c->present)
		return R57_OK;
	char *t = imp_clean(im, c->text);
	int rc = R57_OK;
	/* A file says the same few status words on every row: each is looked
	 * up once (folding the words is the costly part). */
	int *seen = *t ? smap_slot(&im->status_seen, t, false) : NULL;
	if (seen) {
		p->status = (enum task_status)*seen;
		p->status_given = true;
	} else if (*t) {
		char *w = imp_fold_words(t, false);
		bool found = false;
		for (size_t i = 0; i < sizeof status_words / sizeof *status_words && !found; i++)
			if (strcmp(w, status_words[i].word) == 0) {
				p->status = status_words[i].status;
				found = true;
			}
		free(w);
		if (!found)
			rc = imp_fail_at(im, c->at, IMP_STATUS, t, R57_EINPUT,
			                 _("is not a status (\xc4\x90\x61ng tri\xe1\xbb\x83n khai, Ch\xc6\xb0\x61 ho\xc3\xa0n th\xc3\xa0nh,"
			                   " \xc4\x90\xc3\xa3 ho\xc3\xa0n th\xc3\xa0nh, Ho\xc3\xa0n th\xc3\xa0nh, \xc4\x90\xc3\xa3 h\xe1\xbb\xa7y;"
			                   " or open, done, cancelled)"));
		else if (im->status_seen.n < SEEN_MAX)
			*smap_slot(&im->status_seen, t, true) = (int)p->status;
		p->status_given = found;
	}
	free(t);
	return rc;
}

static int uuid_field(struct imp *im, const struct in_row *row, struct prow *p)
{
	const struct cell *c = &row->c[IMP_UUID];
	if (!c->present)
		return R57_OK;
	char *t = imp_clean(im, c->text);
	int rc = R57_OK;
	if (*t) {
		uuid_t u;
		if (strlen(t) != 36 || uuid_parse(t, u) != 0) {
			rc = imp_fail_at(im, c->at, IMP_UUID, t, R57_EINPUT,
			                 _("is not a uuid (such as 0b5c3e9a-6f1d-4c2b-9a7e-3d8f1e2a4b6c)"));
		} else {
			uuid_unparse_lower(u, p->uuid);
			p->has_uuid = true;
		}
	}
	free(t);
	return rc;
}

/* Read and check one row (both passes). */
int imp_parse_row(struct imp *im, const struct in_row *row, struct prow *p)
{
	long long v;
	int rc;
	memset(p, 0, sizeof *p);
	p->status = TASK_OPEN;
	if ((rc = uuid_field(im, row, p)) ||
	    (rc = int_field(im, row, IMP_ID, 1, 9007199254740991LL, &v)))
		return rc;
	p->file_id = v;
	if ((rc = text_field(im, row, IMP_TITLE, MAX_TITLE, p)))
		return rc;
	if (!p->text[IMP_TITLE]) {
		const struct cell *c = &row->c[IMP_TITLE];
		return imp_fail_at(im, c->present ? c->at : row->at, IMP_TITLE, NULL, R57_EINPUT,
		                   _("a task needs a title"));
	}
	if ((rc = text_field(im, row, IMP_NOTES, MAX_TEXT, p)) ||
	    (rc = text_field(im, row, IMP_PRODUCT, MAX_TEXT, p)) ||
	    (rc = text_field(im, row, IMP_RESULT, MAX_TEXT, p)) ||
	    (rc = imp_ref_field(im, row, IMP_GROUP, REF_GROUP, p)) ||
	    (rc = imp_ref_field(im, row, IMP_LEADER, REF_LEADER, p)) ||
	    (rc = imp_ref_field(im, row, IMP_UNIT, REF_UNIT, p)) ||
	    (rc = imp_units_field(im, row, p)) ||
	    (rc = imp_ref_field(im, row, IMP_SOURCE, REF_SOURCE, p)) ||
	    (rc = int_field(im, row, IMP_GROUP_NUMBER, 1, 1000000, &v)) ||
	    (rc = int_field(im, row, IMP_YEAR, 1900, 9999, &v)))
		return rc;
	p->year = (int)v;
	if ((rc = int_field(im, row, IMP_EXTENSIONS, 0, 100000, &v)))
		return rc;
	p->extensions = (int)v;
	if ((rc = date_field(im, row, IMP_DUE, &p->due)) ||
	    (rc = date_field(im, row, IMP_FIRST_DUE, &p->first_due)) ||
	    (rc = date_field(im, row, IMP_CREATED, &p->created)) ||
	    (rc = date_field(im, row, IMP_CLOSED, &p->closed)) ||
	    (rc = status_field(im, row, p)))
		return rc;
	/* No status word: done when the file gives a completion date. */
	if (!p->status_given && p->closed != R57_NO_DATE)
		p->status = TASK_DONE;
	const struct cell *cl = &row->c[IMP_CLOSED];
	char b1[11], b2[11];
	if (p->closed != R57_NO_DATE && p->status == TASK_OPEN)
		return imp_fail_at(im, cl->at, IMP_CLOSED, date_dmy(p->closed, b1), R57_EINPUT,
		                   _("is a completion date for a task that is not done (%s)"),
		                   row->c[IMP_STATUS].text ? row->c[IMP_STATUS].text : "");
	if (p->closed != R57_NO_DATE && p->closed > im->r->today)
		return imp_fail_at(im, cl->at, IMP_CLOSED, date_dmy(p->closed, b1), R57_EINPUT,
		                   _("is after today (%s); a task is closed on the day it was done"),
		                   date_dmy(im->r->today, b2));
	return R57_OK;
}
