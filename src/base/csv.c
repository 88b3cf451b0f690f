/* csv.c: a streaming RFC 4180 reader that knows where it is. Every byte
 * passes through next_byte(), which checks UTF-8 as it goes and moves the
 * position (offset, line, column), so a cell knows where it starts and an
 * error can name the line and column of the byte that broke the file. */
#include <stdlib.h>
#include <string.h>

#include "r57/csv.h"
#include "r57/i18n.h"

#define BUF_SIZE 65536
#define EOF_BYTE (-1)
#define ERR_BYTE (-2)

struct csv_reader {
	FILE *f;
	unsigned char buf[BUF_SIZE];
	size_t pos, len;
	bool eof, started, bom, failed;
	char delim;
	struct csv_error saved;

	struct csv_pos at;  /* of the next byte */
	bool after_cr;      /* the last byte was a CR: an LF now ends no line */
	/* UTF-8: continuation bytes still due, their range, and where the
	 * character began. */
	int need;
	unsigned char lo, hi;
	struct csv_pos seq_at;

	/* The record being read: the cells' bytes, each ended by a NUL. */
	char *data;
	size_t dlen, dcap, max_record;
	size_t *starts;
	struct csv_cell *cells;
	size_t ncells, ccap;
};

struct csv_reader *csv_open(FILE *f, char delim, size_t max_record)
{
	struct csv_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->f = f;
	r->delim = delim;
	r->max_record = max_record ? max_record : (size_t)1 << 20;
	r->at.line = 1;
	r->at.col = 1;
	return r;
}

void csv_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->data);
	free(r->starts);
	free(r->cells);
	free(r);
}

bool csv_had_bom(const struct csv_reader *r)
{
	return r->bom;
}

char csv_delim(const struct csv_reader *r)
{
	return r->delim;
}

struct csv_pos csv_where(const struct csv_reader *r)
{
	return r->at;
}

static int fail(struct csv_reader *r, struct csv_pos at, const char *what)
{
	if (!r->failed) {
		r->failed = true;
		r->saved.at = at;
		r->saved.what = what;
	}
	return ERR_BYTE;
}

/* Top up the buffer; false at the end of the file (or an error, which
 * sets failed). */
static bool fill(struct csv_reader *r)
{
	if (r->pos < r->len)
		return true;
	if (r->eof)
		return false;
	r->pos = 0;
	r->len = fread(r->buf, 1, sizeof r->buf, r->f);
	if (r->len == 0) {
		r->eof = true;
		if (ferror(r->f))
			fail(r, r->at, N_("the file could not be read"));
		return false;
	}
	return true;
}

static int peek_byte(struct csv_reader *r)
{
	if (r->pos >= r->len && !fill(r))
		return r->failed ? ERR_BYTE : EOF_BYTE;
	return r->buf[r->pos];
}

/* Consume one byte: check it as UTF-8, move the position. *where (if not
 * NULL) is the byte's own position. */
static inline int next_byte(struct csv_reader *r, struct csv_pos *where)
{
	if (r->pos >= r->len && !fill(r)) {
		/* The end of the file has a place too: an empty last cell
		 * ("a,") begins there, not at the delimiter before it. */
		if (where)
			*where = r->at;
		if (r->failed)
			return ERR_BYTE;
		if (r->need)
			return fail(r, r->seq_at, N_("invalid UTF-8 (a character cut short)"));
		return EOF_BYTE;
	}
	unsigned char b = r->buf[r->pos++];
	struct csv_pos p = r->at;
	if (where)
		*where = p;
	r->at.offset++;

	if (r->need) {
		if (b < r->lo || b > r->hi)
			return fail(r, r->seq_at, N_("invalid UTF-8"));
		r->need--;
		r->lo = 0x80;
		r->hi = 0xBF;
		return b;
	}
	if (b < 0x80) {
		if (b == 0)
			return fail(r, p, N_("a NUL byte"));
		if (b == '\n') {
			if (!r->after_cr) {
				r->at.line++;
				r->at.col = 1;
			}
			r->after_cr = false;
		} else if (b == '\r') {
			r->at.line++;
			r->at.col = 1;
			r->after_cr = true;
		} else {
			r->at.col++;
			r->after_cr = false;
		}
		return b;
	}
	/* A lead byte: how many continuation bytes, and the range of the
	 * first (Unicode table 3-7: no overlong forms, no surrogates, nothing
	 * past U+10FFFF). */
	r->lo = 0x80;
	r->hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF) {
		r->need = 1;
	} else if (b >= 0xE0 && b <= 0xEF) {
		r->need = 2;
		if (b == 0xE0)
			r->lo = 0xA0;
		else if (b == 0xED)
			r->hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		r->need = 3;
		if (b == 0xF0)
			r->lo = 0x90;
		else if (b == 0xF4)
			r->hi = 0x8F;
	} else {
		return fail(r, p, N_("invalid UTF-8"));
	}
	r->seq_at = p;
	r->at.col++;
	r->after_cr = false;
	return b;
}

/* The length of the valid UTF-8 sequence that begins buf[0..avail), or 0
 * when it is not one (or is cut by the end of the buffer): next_byte()
 * then takes it byte by byte and says what is wrong. */
static size_t utf8_len(const unsigned char *b, size_t avail)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n;
	if (b[0] >= 0xC2 && b[0] <= 0xDF) {
		n = 2;
	} else if (b[0] >= 0xE0 && b[0] <= 0xEF) {
		n = 3;
		if (b[0] == 0xE0)
			lo = 0xA0;
		else if (b[0] == 0xED)
			hi = 0x9F;
	} else if (b[0] >= 0xF0 && b[0] <= 0xF4) {
		n = 4;
		if (b[0] == 0xF0)
			lo = 0x90;
		else if (b[0] == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (n > avail || b[1] < lo || b[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (b[i] < 0x80 || b[i] > 0xBF)
			return 0;
	return n;
}

/* The fast way through the inside of a cell: the run of ordinary
 * characters at the reader's position (no quote, no line end, no NUL, no
 * delimiter outside quotes; whole valid UTF-8 characters) is copied to the
 * record at once, with the position moved as next_byte() would move it.
 * What ends the run goes the slow way. False when out of memory. */
static bool take_run(struct csv_reader *r, bool quoted)
{
	if (r->need || r->pos >= r->len)
		return true;
	const unsigned char *b = r->buf + r->pos;
	size_t avail = r->len - r->pos, i = 0;
	/* No further than the byte that makes the record too long. */
	if (r->dlen > r->max_record)
		return true;
	if (avail > r->max_record + 1 - r->dlen)
		avail = r->max_record + 1 - r->dlen;
	long chars = 0;
	while (i < avail) {
		unsigned char c = b[i];
		if (c < 0x80) {
			if (c == '"' || c == '\n' || c == '\r' || c == 0 || (!quoted && c == (unsigned char)r->delim))
				break;
			i++;
		} else {
			size_t n = utf8_len(b + i, avail - i);
			if (!n)
				break;
			i += n;
		}
		chars++;
	}
	if (!i)
		return true;
	if (r->dlen + i + 1 >= r->dcap) {
		size_t cap = r->dcap ? r->dcap : 4096;
		while (r->dlen + i + 1 >= cap)
			cap *= 2;
		char *grown = realloc(r->data, cap);
		if (!grown)
			return false;
		r->data = grown;
		r->dcap = cap;
	}
	memcpy(r->data + r->dlen, b, i);
	r->dlen += i;
	r->pos += i;
	r->at.offset += (int64_t)i;
	r->at.col += chars;
	r->after_cr = false;
	return true;
}

/* The byte order mark, and the delimiter from the first line. */
static void start(struct csv_reader *r)
{
	r->started = true;
	fill(r);
	if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0) {
		r->pos += 3;
		r->at.offset = 3;
		r->bom = true;
	}
	if (r->delim)
		return;
	size_t commas = 0, semis = 0;
	bool quoted = false;
	for (size_t i = r->pos; i < r->len; i++) {
		unsigned char c = r->buf[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semis++;
	}
	r->delim = (semis > 0 && commas == 0) ? ';' : ',';
}

static bool put(struct csv_reader *r, int c)
{
	if (r->dlen + 1 >= r->dcap) {
		size_t cap = r->dcap ? r->dcap * 2 : 4096;
		char *grown = realloc(r->data, cap);
		if (!grown)
			return false;
		r->data = grown;
		r->dcap = cap;
	}
	r->data[r->dlen++] = (char)c;
	return true;
}

/* End the current cell: NUL-terminate it and note where it began. */
static bool end_cell(struct csv_reader *r, struct csv_pos at, bool quoted, size_t start)
{
	if (!put(r, '\0'))
		return false;
	if (r->ncells == r->ccap) {
		size_t cap = r->ccap ? r->ccap * 2 : 32;
		struct csv_cell *c = realloc(r->cells, cap * sizeof *c);
		if (!c)
			return false;
		r->cells = c;
		size_t *s = realloc(r->starts, cap * sizeof *s);
		if (!s)
			return false;
		r->starts = s;
		r->ccap = cap;
	}
	r->starts[r->ncells] = start;
	r->cells[r->ncells].at = at;
	r->cells[r->ncells].quoted = quoted;
	r->cells[r->ncells].len = r->dlen - 1 - start;
	r->ncells++;
	return true;
}

/* The cell so far ends where the error stopped it, which may be inside a
 * character (its first bytes were good, the next one is not): the
 * character is left out, so that what a message shows is text. Only the
 * end can be cut, since every byte before it was checked. */
static void cut_partial_char(char *s, size_t len)
{
	size_t i = len, back = 0;
	while (i > 0 && back < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (i - 1) < want)
		s[i - 1] = '\0';
}

enum state { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN };

/* The cell being read: the state it is in, where it began, and where its
 * bytes begin in the record's data. */
struct cell_read {
	enum state st;
	struct csv_pos at;
	size_t start;
};

/* What one byte did: the record goes on, is complete, or cannot be read
 * (out of memory; an error, already noted by fail). */
enum step { STEP_MORE, STEP_RECORD, STEP_NOMEM, STEP_ERROR };

/* Byte c (at p) of the record, in the cell being read. */
static enum step csv_step(struct csv_reader *r, struct cell_read *cr, int c, struct csv_pos p)
{
	bool line_end = c == '\n' || c == '\r';
	switch (cr->st) {
	case FIELD_START:
		cr->at = p;
		cr->start = r->dlen;
		if (c == '"') {
			cr->st = QUOTED;
			return STEP_MORE;
		}
		if (c == r->delim)
			return end_cell(r, p, false, cr->start) ? STEP_MORE : STEP_NOMEM;
		if (c == EOF_BYTE || line_end)
			return end_cell(r, p, false, cr->start) ? STEP_RECORD : STEP_NOMEM;
		cr->st = UNQUOTED;
		return put(r, c) ? STEP_MORE : STEP_NOMEM;
	case UNQUOTED:
		if (c == r->delim || c == EOF_BYTE || line_end) {
			if (!end_cell(r, cr->at, false, cr->start))
				return STEP_NOMEM;
			if (c != r->delim)
				return STEP_RECORD;
			cr->st = FIELD_START;
			return STEP_MORE;
		}
		if (c == '"') {
			fail(r, p, N_("a quote inside a cell that does not begin with one"));
			return STEP_ERROR;
		}
		return put(r, c) ? STEP_MORE : STEP_NOMEM;
	case QUOTED:
		if (c == EOF_BYTE) {
			fail(r, cr->at, N_("a quoted cell is never closed"));
			return STEP_ERROR;
		}
		if (c == '"')
			cr->st = QUOTE_SEEN;
		else if (!put(r, c))
			return STEP_NOMEM;
		return STEP_MORE;
	case QUOTE_SEEN:
		if (c == '"') {
			if (!put(r, '"'))
				return STEP_NOMEM;
			cr->st = QUOTED;
			return STEP_MORE;
		}
		if (c == r->delim || c == EOF_BYTE || line_end) {
			if (!end_cell(r, cr->at, true, cr->start))
				return STEP_NOMEM;
			if (c != r->delim)
				return STEP_RECORD;
			cr->st = FIELD_START;
			return STEP_MORE;
		}
		fail(r, p, N_("a character after a closing quote (a quote inside a cell is written twice)"));
		return STEP_ERROR;
	}
	return STEP_ERROR;
}

int csv_next(struct csv_reader *r, const struct csv_cell **cells, size_t *n,
             struct csv_error *err)
{
	if (!r->started)
		start(r);
	r->dlen = 0;
	r->ncells = 0;
	struct cell_read cr = { FIELD_START, r->at, 0 };
	struct csv_pos p;
	bool first = true;

	for (;;) {
		if (r->failed)
			goto error;
		if ((cr.st == UNQUOTED || cr.st == QUOTED) && !take_run(r, cr.st == QUOTED))
			goto nomem;
		int c = next_byte(r, &p);
		if (c == ERR_BYTE)
			goto error;
		if (c == EOF_BYTE && first && cr.st == FIELD_START)
			return 0;
		first = false;
		if (r->dlen > r->max_record) {
			fail(r, cr.at, N_("a row longer than the limit (a quote left open?)"));
			goto error;
		}
		enum step step = csv_step(r, &cr, c, p);
		if (step == STEP_NOMEM)
			goto nomem;
		if (step == STEP_ERROR)
			goto error;
		if (step == STEP_MORE)
			continue;
		if (c == '\r' && peek_byte(r) == '\n')
			next_byte(r, NULL);
		for (size_t i = 0; i < r->ncells; i++)
			r->cells[i].text = r->data + r->starts[i];
		*cells = r->cells;
		*n = r->ncells;
		return 1;
	}
nomem:
	fail(r, r->at, N_("out of memory"));
error:
	if (err) {
		*err = r->saved;
		/* The cell being read and what it held, when the error is in
		 * this record (it is not on a later call). */
		err->cell = r->ncells;
		err->partial = "";
		if (r->data && put(r, '\0')) {
			size_t start = r->ncells ? r->starts[r->ncells - 1] + r->cells[r->ncells - 1].len + 1 : 0;
			if (start < r->dlen) {
				err->partial = r->data + start;
				cut_partial_char(r->data + start, r->dlen - 1 - start);
			}
		}
	}
	return -1;
}
