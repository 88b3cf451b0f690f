/* fuzz_json.c: libFuzzer harness for the JSON tokenizer (r57/json_in.h).
 * The input is a file, read token by token to the end or the first error
 * (twice: with the default string limit and with a 16-byte one). Beyond no
 * crash and no sanitizer report: every token's line and column are
 * recounted from the start of the file, a number is the bytes as written
 * and a whole JSON number, and a string is decoded again here, apart from
 * json_in.c, from the bytes between its quotes; and whether the tokens make
 * one whole JSON value must agree with a check of the file written here. */
#include <stdbool.h>

#include "r57/json_in.h"
#include "fuzz.h"

static int hexval(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static uint32_t hex4_at(const uint8_t *p, const uint8_t *end)
{
	uint32_t v = 0;
	FUZZ_REQUIRE(end - p >= 4, "a \\u escape cut short was accepted");
	for (int i = 0; i < 4; i++) {
		int d = hexval(p[i]);
		FUZZ_REQUIRE(d >= 0, "a \\u escape with a bad digit was accepted");
		v = v * 16 + (uint32_t)d;
	}
	return v;
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The string token at data[off] (its opening quote) decoded here; it
 * must be what the tokenizer gave. */
static void check_string(const uint8_t *data, size_t size, const struct json_token *t)
{
	size_t off = (size_t)t->at.offset;
	FUZZ_REQUIRE(off < size && data[off] == '"', "a string token at %zu without its quote", off);
	const uint8_t *p = data + off + 1, *end = data + size;
	char *want = malloc(size * 2 + 1);
	if (!want)
		abort();
	size_t n = 0;
	while (p < end && *p != '"') {
		if (*p != '\\') {
			want[n++] = (char)*p++;
			continue;
		}
		FUZZ_REQUIRE(p + 1 < end, "a string ending in a backslash was accepted");
		uint8_t e = p[1];
		p += 2;
		uint32_t cp;
		switch (e) {
		case '"': case '\\': case '/': cp = e; break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			cp = hex4_at(p, end);
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				FUZZ_REQUIRE(end - p >= 6 && p[0] == '\\' && p[1] == 'u',
				             "a lone high surrogate was accepted");
				uint32_t lo = hex4_at(p + 2, end);
				FUZZ_REQUIRE(lo >= 0xDC00 && lo <= 0xDFFF, "a bad low surrogate was accepted");
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
			FUZZ_REQUIRE(cp != 0 && !(cp >= 0xDC00 && cp <= 0xDFFF),
			             "\\u%04x was accepted", (unsigned)cp);
			break;
		default:
			FUZZ_REQUIRE(false, "the escape \\%c was accepted", e);
			cp = 0;
		}
		n += put_utf8(want + n, cp);
	}
	FUZZ_REQUIRE(p < end, "a string never closed was accepted");
	want[n] = '\0';
	FUZZ_REQUIRE(n == t->len && memcmp(want, t->text, n) == 0,
	             "the string at %zu decodes to %zu bytes here, %zu there", off, n, t->len);
	free(want);
}

/* A JSON number (RFC 8259 section 6), all of s. */
static bool is_json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return false;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static void check_token(const uint8_t *data, size_t size, const struct json_token *t)
{
	size_t off = (size_t)t->at.offset;
	FUZZ_REQUIRE(t->at.offset >= 0 && off <= size, "token offset %zu of %zu", off, size);
	static const char punct[] = { [JSON_OBJ_START] = '{', [JSON_OBJ_END] = '}',
		[JSON_ARR_START] = '[', [JSON_ARR_END] = ']', [JSON_COLON] = ':', [JSON_COMMA] = ',' };
	switch (t->type) {
	case JSON_END:
		break;
	case JSON_OBJ_START: case JSON_OBJ_END: case JSON_ARR_START: case JSON_ARR_END:
	case JSON_COLON: case JSON_COMMA:
		FUZZ_REQUIRE(off < size && data[off] == (uint8_t)punct[t->type], "token %d at %zu", (int)t->type, off);
		break;
	case JSON_TRUE:
		FUZZ_REQUIRE(size - off >= 4 && memcmp(data + off, "true", 4) == 0, "true at %zu", off);
		break;
	case JSON_FALSE:
		FUZZ_REQUIRE(size - off >= 5 && memcmp(data + off, "false", 5) == 0, "false at %zu", off);
		break;
	case JSON_NULL:
		FUZZ_REQUIRE(size - off >= 4 && memcmp(data + off, "null", 4) == 0, "null at %zu", off);
		break;
	case JSON_NUMBER:
		FUZZ_REQUIRE(t->text && strlen(t->text) == t->len && size - off >= t->len &&
		             memcmp(data + off, t->text, t->len) == 0, "the number at %zu is not as written", off);
		FUZZ_REQUIRE(is_json_number(t->text), "'%s' is not a JSON number", t->text);
		break;
	case JSON_STRING:
		fuzz_utf8(t->text, t->len, "string token");
		check_string(data, size, t);
		break;
	default:
		FUZZ_REQUIRE(false, "token type %d", (int)t->type);
	}
	if (t->type != JSON_END && t->type != JSON_STRING && t->type != JSON_NUMBER)
		fuzz_safe_msg(json_type_name(t->type), "token name");
}

/* --- an independent judge of the whole input --------------------------------
 * A recursive-descent check of RFC 8259 with json_in.h's own refusals (no
 * \u0000, no lone surrogate, strict UTF-8, a number at most 64 bytes), an
 * optional byte order mark first. The tokens, read with a pushdown check
 * of the grammar below, must come to the same verdict: a valid file read
 * whole, an invalid one refused. */
struct judge {
	const uint8_t *p, *end;
	int depth;
};

static void judge_ws(struct judge *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool judge_value(struct judge *j);

static bool judge_hex4(struct judge *j, uint32_t *v)
{
	if (j->end - j->p < 4)
		return false;
	*v = 0;
	for (int i = 0; i < 4; i++) {
		int d = hexval(j->p[i]);
		if (d < 0)
			return false;
		*v = *v * 16 + (uint32_t)d;
	}
	j->p += 4;
	return true;
}

static bool judge_string(struct judge *j)
{
	j->p++; /* the quote */
	while (j->p < j->end) {
		uint8_t c = *j->p;
		if (c == '"') {
			j->p++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (j->end - j->p < 2)
				return false;
			uint8_t e = j->p[1];
			j->p += 2;
			if (e == 'u') {
				uint32_t v, lo;
				if (!judge_hex4(j, &v) || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
					return false;
				if (v >= 0xD800 && v <= 0xDBFF) {
					if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u')
						return false;
					j->p += 2;
					if (!judge_hex4(j, &lo) || lo < 0xDC00 || lo > 0xDFFF)
						return false;
				}
			} else if (!strchr("\"\\/bfnrt", e) || e == 0) {
				return false;
			}
			continue;
		}
		if (c < 0x80) {
			j->p++;
			continue;
		}
		size_t bad = 0, avail = (size_t)(j->end - j->p), n = avail < 4 ? avail : 4;
		/* the longest valid prefix of up to four bytes decides */
		size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (len > n || !text_valid_utf8((const char *)j->p, len, &bad))
			return false;
		j->p += len;
	}
	return false;
}

static bool judge_digits(struct judge *j)
{
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return false;
	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return true;
}

static bool judge_number(struct judge *j)
{
	const uint8_t *start = j->p;
	if (*j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!judge_digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!judge_digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!judge_digits(j))
			return false;
	}
	return j->p - start <= 64;
}

static bool judge_word(struct judge *j, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool judge_list(struct judge *j, uint8_t close, bool object)
{
	j->p++;
	judge_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return true;
	}
	for (;;) {
		if (object) {
			judge_ws(j);
			if (j->p >= j->end || *j->p != '"' || !judge_string(j))
				return false;
			judge_ws(j);
			if (j->p >= j->end || *j->p != ':')
				return false;
			j->p++;
		}
		if (!judge_value(j))
			return false;
		judge_ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == close) {
			j->p++;
			return true;
		}
		if (*j->p != ',')
			return false;
		j->p++;
	}
}

static bool judge_value(struct judge *j)
{
	judge_ws(j);
	if (j->p >= j->end)
		return false;
	bool ok;
	switch (*j->p) {
	case '{':
	case '[':
		if (++j->depth > 10000)
			return false;
		ok = judge_list(j, *j->p == '{' ? '}' : ']', *j->p == '{');
		j->depth--;
		return ok;
	case '"': return judge_string(j);
	case 't': return judge_word(j, "true");
	case 'f': return judge_word(j, "false");
	case 'n': return judge_word(j, "null");
	default:
		return (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) && judge_number(j);
	}
}

static bool judge_file(const uint8_t *data, size_t size)
{
	struct judge j = { data, data + size, 0 };
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		j.p += 3;
	if (!judge_value(&j))
		return false;
	judge_ws(&j);
	return j.p == j.end;
}

/* The grammar over the tokens: one value, arrays and objects nested. */
enum expect { X_VALUE, X_VALUE_OR_CLOSE, X_KEY, X_KEY_OR_CLOSE, X_COLON, X_COMMA_OR_CLOSE, X_END };
struct grammar {
	char *stack; /* '[' or '{' a level */
	size_t depth;
	enum expect want;
	bool bad;
};

static void after_value(struct grammar *g)
{
	g->want = g->depth ? X_COMMA_OR_CLOSE : X_END;
}

static void grammar_step(struct grammar *g, enum json_type t)
{
	if (g->bad)
		return;
	bool value = t == JSON_STRING || t == JSON_NUMBER || t == JSON_TRUE || t == JSON_FALSE ||
	             t == JSON_NULL || t == JSON_OBJ_START || t == JSON_ARR_START;
	bool close = t == JSON_OBJ_END || t == JSON_ARR_END;
	char top = g->depth ? g->stack[g->depth - 1] : 0;
	switch (g->want) {
	case X_VALUE_OR_CLOSE:
		if (t == JSON_ARR_END) {
			g->depth--;
			after_value(g);
			return;
		}
		/* fall through */
	case X_VALUE:
		if (!value)
			break;
		if (t == JSON_OBJ_START || t == JSON_ARR_START) {
			g->stack[g->depth++] = t == JSON_OBJ_START ? '{' : '[';
			g->want = t == JSON_OBJ_START ? X_KEY_OR_CLOSE : X_VALUE_OR_CLOSE;
		} else {
			after_value(g);
		}
		return;
	case X_KEY_OR_CLOSE:
		if (t == JSON_OBJ_END) {
			g->depth--;
			after_value(g);
			return;
		}
		/* fall through */
	case X_KEY:
		if (t != JSON_STRING)
			break;
		g->want = X_COLON;
		return;
	case X_COLON:
		if (t != JSON_COLON)
			break;
		g->want = X_VALUE;
		return;
	case X_COMMA_OR_CLOSE:
		if (t == JSON_COMMA) {
			g->want = top == '{' ? X_KEY : X_VALUE;
			return;
		}
		if (close && ((t == JSON_OBJ_END) == (top == '{'))) {
			g->depth--;
			after_value(g);
			return;
		}
		break;
	case X_END:
		if (t == JSON_END)
			return;
		break;
	}
	g->bad = true;
}

static void read_all(const uint8_t *data, size_t size, size_t max_string)
{
	FILE *f = fuzz_stream(data, size);
	struct json_in *j = json_open(f, max_string);
	FUZZ_REQUIRE(j != NULL, "json_open");
	bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	struct recount rc = { data, size, bom ? 3 : 0, 1, 1, false };
	int64_t last = -1;
	struct grammar g = { malloc(size + 1), 0, X_VALUE, false };
	if (!g.stack)
		abort();
	bool whole = false;
	for (;;) {
		struct json_token t;
		struct json_error e;
		if (json_next(j, &t, &e) != 0) {
			FUZZ_REQUIRE(e.what != NULL, "an error without a message");
			fuzz_safe_msg(e.what, "json error");
			FUZZ_REQUIRE(e.at.offset >= 0 && (size_t)e.at.offset <= size && e.at.line >= 1 &&
			             e.at.col >= 1, "error position %lld %ld:%ld", (long long)e.at.offset,
			             e.at.line, e.at.col);
			struct json_error again;
			FUZZ_REQUIRE(json_next(j, &t, &again) == -1 && again.what == e.what,
			             "the tokenizer is not stuck after an error");
			break;
		}
		check_token(data, size, &t);
		FUZZ_REQUIRE(t.at.offset > last, "a token at %lld after one at %lld",
		             (long long)t.at.offset, (long long)last);
		last = t.at.offset;
		recount_to(&rc, (size_t)t.at.offset);
		FUZZ_REQUIRE(t.at.line == rc.line && t.at.col == rc.col,
		             "token at %lld: line %ld col %ld, counted %ld:%ld", (long long)t.at.offset,
		             t.at.line, t.at.col, rc.line, rc.col);
		grammar_step(&g, t.type);
		if (t.type == JSON_END) {
			whole = !g.bad && g.want == X_END;
			break;
		}
		if (t.type == JSON_STRING && max_string)
			FUZZ_REQUIRE(t.len <= max_string + 4, "a string of %zu bytes under a limit of %zu",
			             t.len, max_string);
	}
	free(g.stack);
	if (!max_string) {
		bool valid = judge_file(data, size);
		FUZZ_REQUIRE(whole == valid, "the file is %s JSON, but the tokens %s", valid ? "valid" : "not",
		             whole ? "make a whole value" : "do not");
	}
	json_free(j);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_all(data, size, 0);
	read_all(data, size, 16);
	return 0;
}
