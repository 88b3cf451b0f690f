/* fuzz_json.c: libFuzzer harness for the JSON tokenizer (r57/json_in.h).
 * The input is a file, read token by token to the end or the first error
 * (twice: with the default string limit and with a 16-byte one). Beyond no
 * crash and no sanitizer report: every token's line and column are
 * recounted from the start of the file, a number is the bytes as written
 * and a whole JSON number, and a string is decoded again here, apart from
 * json_in.c, from the bytes between its quotes. */
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

static void read_all(const uint8_t *data, size_t size, size_t max_string)
{
	FILE *f = fuzz_stream(data, size);
	struct json_in *j = json_open(f, max_string);
	FUZZ_REQUIRE(j != NULL, "json_open");
	bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	struct recount rc = { data, size, bom ? 3 : 0, 1, 1, false };
	int64_t last = -1;
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
		if (t.type == JSON_END)
			break;
		if (t.type == JSON_STRING && max_string)
			FUZZ_REQUIRE(t.len <= max_string + 4, "a string of %zu bytes under a limit of %zu",
			             t.len, max_string);
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
