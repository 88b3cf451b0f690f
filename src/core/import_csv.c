/* import_csv.c: the import's CSV source: the header row found among the
 * first lines and its columns mapped to fields (Vietnamese or English
 * names), then each row's cells as the fields of one task. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "r57/alloc.h"
#include "r57/csv.h"
#include "r57/i18n.h"
#include "r57/limits.h"
#include "r57/text.h"

#define HEADER_SEARCH 10 /* lines in which to look for the header row */

/* Header names, folded (lower case, no diacritics, words joined by one
 * space, anything in parentheses dropped), and the field each one means.
 * The English keys of r57's export are here too. */
static const struct {
	const char *name;
	int field;
} headers[] = {
	{ "id", IMP_ID }, { "uuid", IMP_UUID },
	{ "title", IMP_TITLE }, { "task", IMP_TITLE }, { "nhiem vu", IMP_TITLE },
	{ "ten nhiem vu", IMP_TITLE }, { "noi dung nhiem vu", IMP_TITLE }, { "noi dung", IMP_TITLE },
	{ "notes", IMP_NOTES }, { "ghi chu", IMP_NOTES },
	{ "group", IMP_GROUP }, { "nhom nhiem vu", IMP_GROUP }, { "nhom nhiem vu trong tam", IMP_GROUP },
	{ "nhom", IMP_GROUP },
	{ "group_number", IMP_GROUP_NUMBER },
	{ "leader", IMP_LEADER }, { "nguoi phu trach", IMP_LEADER }, { "lanh dao phu trach", IMP_LEADER },
	{ "lanh dao", IMP_LEADER },
	{ "unit", IMP_UNIT }, { "don vi chu tri", IMP_UNIT }, { "co quan chu tri", IMP_UNIT },
	{ "units", IMP_UNITS }, { "don vi phoi hop", IMP_UNITS }, { "co quan phoi hop", IMP_UNITS },
	{ "source", IMP_SOURCE }, { "nguon", IMP_SOURCE }, { "van ban", IMP_SOURCE },
	{ "van ban giao nhiem vu", IMP_SOURCE },
	{ "year", IMP_YEAR }, { "nam", IMP_YEAR }, { "nam ke hoach", IMP_YEAR },
	{ "due", IMP_DUE }, { "deadline", IMP_DUE }, { "thoi han", IMP_DUE },
	{ "thoi han hoan thanh", IMP_DUE }, { "han hoan thanh", IMP_DUE },
	{ "first_due", IMP_FIRST_DUE }, { "thoi han ban dau", IMP_FIRST_DUE },
	{ "extensions", IMP_EXTENSIONS }, { "so lan gia han", IMP_EXTENSIONS },
	{ "status", IMP_STATUS }, { "trang thai", IMP_STATUS }, { "tinh trang", IMP_STATUS },
	{ "on_time", IMP_ON_TIME },
	{ "product", IMP_PRODUCT }, { "san pham", IMP_PRODUCT },
	{ "result", IMP_RESULT }, { "ket qua", IMP_RESULT }, { "ket qua thuc hien", IMP_RESULT },
	{ "created", IMP_CREATED }, { "ngay tao", IMP_CREATED }, { "ngay giao", IMP_CREATED },
	{ "closed", IMP_CLOSED }, { "ngay hoan thanh", IMP_CLOSED },
};

/* --- CSV source --------------------------------------------------------------- */

static struct ipos from_csv(struct csv_pos p)
{
	return (struct ipos){ p.line, p.col };
}

static int csv_fail(struct imp *im, const struct csv_error *e)
{
	int field = -1;
	if (im->src.col_field && e->cell < im->src.ncols)
		field = im->src.col_field[e->cell];
	const char *partial = e->partial && *e->partial ? e->partial : NULL;
	if (partial)
		return imp_fail_at(im, from_csv(e->at), field, NULL, R57_EINPUT, _("%s (the cell so far: '%s')"),
		                   _(e->what), partial);
	return imp_fail_at(im, from_csv(e->at), field, NULL, R57_EINPUT, "%s", _(e->what));
}

/* The header: the first of the first lines with a title column. */
int imp_csv_header(struct imp *im)
{
	struct src *s = &im->src;
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e;
	for (int line = 0; line < HEADER_SEARCH; line++) {
		int got = csv_next(s->csv, &cells, &n, &e);
		if (got < 0)
			return csv_fail(im, &e);
		if (got == 0)
			break;
		int *map = r57_xmalloc(n * sizeof *map);
		bool title = false;
		for (size_t i = 0; i < n; i++) {
			char *h = imp_fold_words(cells[i].text, true);
			map[i] = -1;
			for (size_t k = 0; k < sizeof headers / sizeof *headers; k++)
				if (strcmp(h, headers[k].name) == 0)
					map[i] = headers[k].field;
			free(h);
			if (map[i] == IMP_TITLE)
				title = true;
		}
		if (!title) {
			free(map);
			continue;
		}
		/* Two columns for one field would leave the file ambiguous. */
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < i; k++)
				if (map[i] >= 0 && map[i] == map[k]) {
					int f = map[i];
					free(map);
					return imp_fail_at(im, from_csv(cells[i].at), -1, cells[i].text, R57_EINPUT,
					                   _("is the %s column a second time (column %zu is too); keep one"),
					                   import_field_key(f), k + 1);
				}
		s->col_field = map;
		s->ncols = n;
		for (size_t i = 0; i < n; i++) {
			if (map[i] >= 0) {
				s->label[map[i]] = text_normalize(cells[i].text);
				if (!s->label[map[i]])
					s->label[map[i]] = r57_xstrdup(import_field_key(map[i]));
			} else if (im->noting && im->o->on_event && *cells[i].text) {
				struct import_event ev = {
					.what = IMPORT_IGNORED_COLUMN, .name = cells[i].text,
					.line = cells[i].at.line, .col = cells[i].at.col,
				};
				im->o->on_event(&ev, im->o->ctx);
			}
		}
		return R57_OK;
	}
	return imp_fail_at(im, (struct ipos){ 0, 0 }, -1, NULL, R57_EINPUT,
	                   _("no header row with a title column (Nhi\xe1\xbb\x87m v\xe1\xbb\xa5 or title) in its first %d lines"),
	                   HEADER_SEARCH);
}

/* The next row: 1, 0 at the end, or an error code (negative). */
int imp_csv_row(struct imp *im, struct in_row *row)
{
	struct src *s = &im->src;
	const struct csv_cell *cells;
	size_t n;
	struct csv_error e;
	for (;;) {
		int got = csv_next(s->csv, &cells, &n, &e);
		if (got < 0)
			return -csv_fail(im, &e);
		if (got == 0)
			return 0;
		bool empty = true;
		for (size_t i = 0; i < n && empty; i++)
			for (const char *p = cells[i].text; *p && empty; p++)
				if (*p != ' ' && *p != '\t')
					empty = false;
		if (empty)
			continue; /* a blank line, or a row of empty cells */
		memset(row, 0, sizeof *row);
		row->at = from_csv(cells[0].at);
		for (size_t i = s->ncols; i < n; i++)
			if (*cells[i].text)
				return -imp_fail_at(im, from_csv(cells[i].at), -1, cells[i].text, R57_EINPUT,
				                    _("is in column %zu, but the header has %zu columns (a comma in a cell that is not quoted?)"),
				                    i + 1, s->ncols);
		for (size_t i = 0; i < s->ncols; i++) {
			int f = s->col_field[i];
			if (f < 0)
				continue;
			struct cell *c = &row->c[f];
			c->present = true;
			if (i < n) {
				c->text = cells[i].text;
				c->at = from_csv(cells[i].at);
			} else {
				/* A short row: the missing cells are empty. */
				c->text = "";
				c->at = from_csv(cells[n - 1].at);
			}
		}
		return 1;
	}
}
