/* json_in.c: a strict streaming JSON tokenizer with positions. Bytes come
 * through next_byte(), which moves the line and column; strings are
 * decoded into a growing buffer and checked as UTF-8 as they go. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "r57/i18n.h"
#include "r57/json_in.h"

#define BUF_SIZE 65536
#define END_BYTE (-1)

struct json_in {
	FILE *f;
	unsigned char buf[BUF_SIZE];
	size_t pos, len;
	bool eof, started, failed, read_error;
	struct json_error saved;
	struct json_pos at;
	char *text;
	size_t tlen, tcap, max_string;
};

static const char *const type_names[] = {
	[JSON_END] = N_("the end of the file"),
	[JSON_OBJ_START] = "'{'", [JSON_OBJ_END] = "'}'",
	[JSON_ARR_START] = "'['", [JSON_ARR_END] = "']'",
	[JSON_COLON] = "':'", [JSON_COMMA] = "','",
	[JSON_STRING] = N_("a string"), [JSON_NUMBER] = N_("a number"),
	[JSON_TRUE] = "true", [JSON_FALSE] = "false", [JSON_NULL] = "null",
};

const char *json_type_name(enum json_type t)
{
	return _(type_names[t]);
}

struct json_in *json_open(FILE *f, size_t max_string)
{
	struct json_in *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->f = f;
	j->at.line = 1;
	j->at.col = 1;
	j->max_string = max_string ? max_string : (size_t)1 << 20;
	return j;
}

void json_free(struct json_in *j)
{
	if (!j)
		return;
	free(j->text);
	free(j);
}

static int fail(struct json_in *j, struct json_pos at, const char *what)
{
	if (!j->failed) {
		j->failed = true;
		j->saved.at = at;
		j->saved.what = what;
	}
	return -1;
}

static bool fill(struct json_in *j)
{
	if (j->pos < j->len)
		return true;
	if (j->eof)
		return false;
	j->pos = 0;
	j->len = fread(j->buf, 1, sizeof j->buf, j->f);
	if (j->len == 0) {
		j->eof = true;
		j->read_error = ferror(j->f) != 0;
		return false;
	}
	return true;
}

static int peek(struct json_in *j)
{
	if (!fill(j))
		return END_BYTE;
	return j->buf[j->pos];
}

/* Consume a byte and move the position: a new line after LF (or a CR not
 * followed by LF), a new column at every byte that starts a character. */
static int next_byte(struct json_in *j)
{
	if (!fill(j))
		return END_BYTE;
	unsigned char b = j->buf[j->pos++];
	j->at.offset++;
	if (b == '\n') {
		j->at.line++;
		j->at.col = 1;
	} else if (b == '\r') {
		if (peek(j) != '\n') {
			j->at.line++;
			j->at.col = 1;
		}
	} else if ((b & 0xC0) != 0x80) {
		j->at.col++;
	}
	return b;
}

static bool put(struct json_in *j, unsigned char c)
{
	if (j->tlen + 1 >= j->tcap) {
		size_t cap = j->tcap ? j->tcap * 2 : 256;
		char *grown = realloc(j->text, cap);
		if (!grown)
			return false;
		j->text = grown;
		j->tcap = cap;
	}
	j->text[j->tlen++] = (char)c;
	return true;
}

static bool put_cp(struct json_in *j, uint32_t cp)
{
	if (cp < 0x80)
		return put(j, (unsigned char)cp);
	if (cp < 0x800)
		return put(j, (unsigned char)(0xC0 | (cp >> 6))) &&
		       put(j, (unsigned char)(0x80 | (cp & 0x3F)));
	if (cp < 0x10000)
		return put(j, (unsigned char)(0xE0 | (cp >> 12))) &&
		       put(j, (unsigned char)(0x80 | ((cp >> 6) & 0x3F))) &&
		       put(j, (unsigned char)(0x80 | (cp & 0x3F)));
	return put(j, (unsigned char)(0xF0 | (cp >> 18))) &&
	       put(j, (unsigned char)(0x80 | ((cp >> 12) & 0x3F))) &&
	       put(j, (unsigned char)(0x80 | ((cp >> 6) & 0x3F))) &&
	       put(j, (unsigned char)(0x80 | (cp & 0x3F)));
}

static int hex4(struct json_in *j, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		struct json_pos p = j->at;
		int c = next_byte(j);
		int d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return fail(j, p, N_("a \\u escape needs four hex digits"));
		v = v * 16 + (uint32_t)d;
	}
	*out = v;
	return 0;
}

/* The plain run at the reading point: printable ASCII, one column a
 * byte, copied whole. 1: a run was taken; 0: none is there; -1: out of
 * memory (an error of the string that began at start). */
static int take_plain_run(struct json_in *j, struct json_pos start)
{
	size_t run = 0;
	while (j->pos + run < j->len) {
		unsigned char b = j->buf[j->pos + run];
		if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
			break;
		run++;
	}
	if (!run)
		return 0;
	while (j->tlen + run + 1 >= j->tcap) {
		size_t cap = j->tcap ? j->tcap * 2 : 256;
		char *grown = realloc(j->text, cap);
		if (!grown)
			return fail(j, start, N_("out of memory"));
		j->text = grown;
		j->tcap = cap;
	}
	memcpy(j->text + j->tlen, j->buf + j->pos, run);
	j->tlen += run;
	j->pos += run;
	j->at.offset += (int64_t)run;
	j->at.col += (long)run;
	return 1;
}

/* An escape after its backslash (at p), its character added: 0, or -1. */
static int read_escape(struct json_in *j, struct json_pos p)
{
	int e = next_byte(j);
	uint32_t cp;
	switch (e) {
	case '"': cp = '"'; break;
	case '\\': cp = '\\'; break;
	case '/': cp = '/'; break;
	case 'b': cp = '\b'; break;
	case 'f': cp = '\f'; break;
	case 'n': cp = '\n'; break;
	case 'r': cp = '\r'; break;
	case 't': cp = '\t'; break;
	case 'u':
		if (hex4(j, &cp))
			return -1;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			uint32_t lo;
			if (next_byte(j) != '\\' || next_byte(j) != 'u')
				return fail(j, p, N_("a lone surrogate in a \\u escape"));
			if (hex4(j, &lo))
				return -1;
			if (lo < 0xDC00 || lo > 0xDFFF)
				return fail(j, p, N_("a lone surrogate in a \\u escape"));
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			return fail(j, p, N_("a lone surrogate in a \\u escape"));
		} else if (cp == 0) {
			return fail(j, p, N_("a NUL character (\\u0000)"));
		}
		break;
	default:
		return fail(j, p, N_("an unknown escape in a string"));
	}
	if (!put_cp(j, cp))
		return fail(j, p, N_("out of memory"));
	return 0;
}

/* A multi-byte character whose first byte c (at p) was read: checked
 * whole (no overlong forms, no surrogates, nothing past U+10FFFF) and
 * added: 0, or -1. */
static int read_utf8(struct json_in *j, int c, struct json_pos p)
{
	int need;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return fail(j, p, N_("invalid UTF-8"));
	}
	if (!put(j, (unsigned char)c))
		return fail(j, p, N_("out of memory"));
	for (int i = 0; i < need; i++) {
		int d = peek(j);
		if (d == END_BYTE || d < lo || d > hi)
			return fail(j, p, N_("invalid UTF-8"));
		next_byte(j);
		if (!put(j, (unsigned char)d))
			return fail(j, p, N_("out of memory"));
		lo = 0x80;
		hi = 0xBF;
	}
	return 0;
}

/* The rest of a string after its opening quote. */
static int read_string(struct json_in *j, struct json_pos start)
{
	j->tlen = 0;
	for (;;) {
		if (j->tlen > j->max_string)
			return fail(j, start, N_("a string longer than the limit"));
		int taken = take_plain_run(j, start);
		if (taken < 0)
			return -1;
		if (taken)
			continue;
		struct json_pos p = j->at;
		int c = next_byte(j);
		if (c == END_BYTE)
			return fail(j, start, N_("a string is never closed"));
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(j, p, N_("a control character inside a string (write it as \\n, \\t or \\u00XX)"));
		if (c == '\\') {
			if (read_escape(j, p))
				return -1;
			continue;
		}
		if (c < 0x80) {
			if (!put(j, (unsigned char)c))
				return fail(j, p, N_("out of memory"));
			continue;
		}
		if (read_utf8(j, c, p))
			return -1;
	}
	if (!put(j, '\0'))
		return fail(j, start, N_("out of memory"));
	j->tlen--;
	return 0;
}

static bool digit(int c)
{
	return c >= '0' && c <= '9';
}

static int read_number(struct json_in *j, int first, struct json_pos start)
{
	j->tlen = 0;
	int c = first;
	put(j, (unsigned char)c);
	if (c == '-') {
		c = next_byte(j);
		if (!digit(c))
			return fail(j, start, N_("not a number"));
		put(j, (unsigned char)c);
	}
	if (c != '0')
		while (digit(peek(j)))
			put(j, (unsigned char)next_byte(j));
	if (peek(j) == '.') {
		put(j, (unsigned char)next_byte(j));
		if (!digit(peek(j)))
			return fail(j, start, N_("not a number"));
		while (digit(peek(j)))
			put(j, (unsigned char)next_byte(j));
	}
	if (peek(j) == 'e' || peek(j) == 'E') {
		put(j, (unsigned char)next_byte(j));
		if (peek(j) == '+' || peek(j) == '-')
			put(j, (unsigned char)next_byte(j));
		if (!digit(peek(j)))
			return fail(j, start, N_("not a number"));
		while (digit(peek(j)))
			put(j, (unsigned char)next_byte(j));
	}
	if (j->tlen > 64)
		return fail(j, start, N_("a number too long"));
	if (!put(j, '\0'))
		return fail(j, start, N_("out of memory"));
	j->tlen--;
	/* A number runs into nothing: "12abc" is not JSON. */
	int n = peek(j);
	if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || digit(n) || n == '.' || n == '-' || n == '+')
		return fail(j, j->at, N_("not a number"));
	return 0;
}

static int literal(struct json_in *j, const char *rest, struct json_pos start)
{
	for (const char *p = rest; *p; p++)
		if (next_byte(j) != *p)
			return fail(j, start, N_("not a JSON value (true, false, null, a number, a string, an array or an object)"));
	int n = peek(j);
	if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || digit(n))
		return fail(j, start, N_("not a JSON value (true, false, null, a number, a string, an array or an object)"));
	return 0;
}

int json_next(struct json_in *j, struct json_token *t, struct json_error *e)
{
	if (j->failed)
		goto error;
	if (!j->started) {
		j->started = true;
		if (fill(j) && j->len - j->pos >= 3 && memcmp(j->buf + j->pos, "\xEF\xBB\xBF", 3) == 0) {
			j->pos += 3;
			j->at.offset = 3;
		}
	}
	int c;
	struct json_pos p;
	do {
		p = j->at;
		c = next_byte(j);
	} while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	memset(t, 0, sizeof *t);
	t->at = p;
	switch (c) {
	case END_BYTE:
		if (j->read_error) {
			fail(j, p, N_("the file could not be read"));
			goto error;
		}
		t->type = JSON_END;
		return 0;
	case '{': t->type = JSON_OBJ_START; return 0;
	case '}': t->type = JSON_OBJ_END; return 0;
	case '[': t->type = JSON_ARR_START; return 0;
	case ']': t->type = JSON_ARR_END; return 0;
	case ':': t->type = JSON_COLON; return 0;
	case ',': t->type = JSON_COMMA; return 0;
	case '"':
		if (read_string(j, p))
			goto error;
		t->type = JSON_STRING;
		t->text = j->text;
		t->len = j->tlen;
		return 0;
	case 't':
		if (literal(j, "rue", p))
			goto error;
		t->type = JSON_TRUE;
		return 0;
	case 'f':
		if (literal(j, "alse", p))
			goto error;
		t->type = JSON_FALSE;
		return 0;
	case 'n':
		if (literal(j, "ull", p))
			goto error;
		t->type = JSON_NULL;
		return 0;
	default:
		if (c == '-' || digit(c)) {
			if (read_number(j, c, p))
				goto error;
			t->type = JSON_NUMBER;
			t->text = j->text;
			t->len = j->tlen;
			return 0;
		}
		fail(j, p, c >= 0x80 ? N_("a character outside a string") : N_("not a JSON value (true, false, null, a number, a string, an array or an object)"));
	}
error:
	if (e)
		*e = j->saved;
	return -1;
}
