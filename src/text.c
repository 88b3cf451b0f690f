/* text.c: UTF-8 text as r57 stores and shows it. Validation, NFC and folding
 * come from utf8proc; this file adds the rules for what may reach a
 * terminal and how text is measured and cut into columns. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "r57/text.h"

#define REPLACEMENT 0xFFFD
#define ELLIPSIS 0x2026

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort(); /* the header promises never NULL */
	return p;
}

/* Decode one code point at s[pos]; returns its length in bytes, or -1 for
 * an invalid sequence. At most 4 bytes are looked at so the length always
 * fits utf8proc's signed size. */
static utf8proc_ssize_t decode(const unsigned char *s, size_t len, size_t pos,
                               utf8proc_int32_t *cp)
{
	size_t avail = len - pos;
	if (avail > 4)
		avail = 4;
	utf8proc_ssize_t n = utf8proc_iterate(s + pos, (utf8proc_ssize_t)avail, cp);
	return n > 0 ? n : -1;
}

/* Controls that reorder text on a terminal (bidi embeddings, overrides,
 * isolates and marks) can make a line lie about its content. */
static bool is_bidi_control(utf8proc_int32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The code point text_safe shows in place of cp. */
static utf8proc_int32_t safe_cp(utf8proc_int32_t cp, bool keep_newlines)
{
	if (cp == '\n' && keep_newlines)
		return cp;
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
		return REPLACEMENT;
	return cp;
}

/* The next code point of s as text_safe shows it; *pos moves past what was
 * read. A bad byte is consumed alone, so each one shows as one U+FFFD. */
static utf8proc_int32_t next_safe(const unsigned char *s, size_t len,
                                  size_t *pos, bool keep_newlines)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = decode(s, len, *pos, &cp);
	if (n < 0) {
		*pos += 1;
		return REPLACEMENT;
	}
	*pos += (size_t)n;
	return safe_cp(cp, keep_newlines);
}

static int cp_width(utf8proc_int32_t cp)
{
	int w = utf8proc_charwidth(cp);
	/* utf8proc gives spacing marks (Mc, like Devanagari U+093E) no width,
	 * but they do take a column, and glibc's wcwidth, by which ncurses
	 * lays out a line, gives them one. */
	if (w <= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_MC)
		return 1;
	return w > 0 ? w : 0;
}

bool text_valid_utf8(const char *s, size_t len, size_t *bad_at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0;
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = decode(u, len, pos, &cp);
		if (n < 0 || cp == 0) {
			if (bad_at)
				*bad_at = pos;
			return false;
		}
		pos += (size_t)n;
	}
	return true;
}

static bool is_trim_space(utf8proc_int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == '\v' || cp == '\f' ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

char *text_normalize(const char *s)
{
	if (!s || !text_valid_utf8(s, strlen(s), NULL))
		return NULL;
	unsigned char *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
	if (!nfc)
		return NULL;

	/* One forward pass finds where the text proper starts and ends;
	 * utf8proc output is valid, so decode cannot fail here. */
	size_t len = strlen((const char *)nfc), pos = 0, start = len, end = 0;
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = decode(nfc, len, pos, &cp);
		if (n < 0)
			break;
		if (!is_trim_space(cp)) {
			if (start == len)
				start = pos;
			end = pos + (size_t)n;
		}
		pos += (size_t)n;
	}
	if (start == len)
		start = end = 0;
	memmove(nfc, nfc + start, end - start);
	nfc[end - start] = '\0';
	return (char *)nfc;
}

char *text_safe(const char *s, bool keep_newlines)
{
	if (!s)
		s = "";
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), pos = 0, o = 0;
	/* Any input byte grows to at most 3 output bytes (a lone bad byte or
	 * a C0 control becoming a 3-byte placeholder). */
	if (len > (SIZE_MAX - 1) / 3)
		abort();
	unsigned char *out = xmalloc(len * 3 + 1);
	while (pos < len)
		o += (size_t)utf8proc_encode_char(next_safe(u, len, &pos, keep_newlines),
		                                  out + o);
	out[o] = '\0';
	return (char *)out;
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), pos = 0;
	long long w = 0;
	while (pos < len && w < INT_MAX)
		w += cp_width(next_safe(u, len, &pos, false));
	return w > INT_MAX ? INT_MAX : (int)w;
}

char *text_fit(const char *s, int width, bool pad)
{
	if (width <= 0) {
		char *empty = xmalloc(1);
		empty[0] = '\0';
		return empty;
	}
	if (!s)
		s = "";
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), pos = 0, n = 0;
	if (len > SIZE_MAX / sizeof(utf8proc_int32_t) - 1)
		abort();
	/* Grapheme breaks are found on what will be shown, so a combining
	 * mark after a control stays with the control's placeholder. */
	utf8proc_int32_t *cps = xmalloc((len + 1) * sizeof *cps);
	long long total = 0;
	while (pos < len) {
		cps[n] = next_safe(u, len, &pos, false);
		total += cp_width(cps[n++]);
	}

	size_t keep = n;
	long long used = total;
	bool cut = total > width;
	if (cut) {
		/* The last column is kept for the ellipsis; whole graphemes go
		 * in while they fit, so a wide one that would straddle the edge
		 * is left out and its column filled with a space. */
		long long budget = width - 1;
		utf8proc_int32_t state = 0;
		size_t i = 0;
		keep = 0;
		used = 0;
		while (i < n) {
			size_t j = i + 1;
			int gw = cp_width(cps[i]);
			while (j < n && !utf8proc_grapheme_break_stateful(cps[j - 1], cps[j], &state))
				gw += cp_width(cps[j++]);
			if (used + gw > budget)
				break;
			used += gw;
			keep = j;
			i = j;
		}
	}

	size_t spaces = 0;
	if (cut)
		spaces = (size_t)(width - 1 - used);
	else if (pad)
		spaces = (size_t)(width - used);
	unsigned char *out = xmalloc(keep * 4 + spaces + 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < keep; i++)
		o += (size_t)utf8proc_encode_char(cps[i], out + o);
	memset(out + o, ' ', spaces);
	o += spaces;
	if (cut)
		o += (size_t)utf8proc_encode_char(ELLIPSIS, out + o);
	out[o] = '\0';
	free(cps);
	return (char *)out;
}

char *text_fold(const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	if (!text_valid_utf8(s, len, NULL))
		return NULL;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                                  UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	                                  UTF8PROC_CASEFOLD);
	if (n < 0)
		abort(); /* input was valid, so only memory can have failed */

	/* đ (U+0111, what Đ folds to) is a letter of its own in Unicode, not
	 * d plus a mark, yet Vietnamese users type "d" for it. */
	size_t r = 0, w = 0;
	while (out[r]) {
		if (out[r] == 0xC4 && out[r + 1] == 0x91) {
			out[w++] = 'd';
			r += 2;
		} else {
			out[w++] = out[r++];
		}
	}
	out[w] = '\0';
	return (char *)out;
}

bool text_contains_folded(const char *haystack, const char *needle)
{
	char *h = text_fold(haystack), *n = text_fold(needle);
	bool found = h && n && strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

char *text_casefold(const char *s)
{
	if (!s || !text_valid_utf8(s, strlen(s), NULL))
		return NULL;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                                  UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		abort(); /* input was valid, so only memory can have failed */
	return (char *)out;
}

bool text_has_marks(const char *s)
{
	char *folded = text_fold(s), *cased = text_casefold(s);
	bool marks = folded && cased && strcmp(folded, cased) != 0;
	free(folded);
	free(cased);
	return marks;
}
