/* text.c: UTF-8 text as r57 stores and shows it. Validation, NFC and folding
 * come from utf8proc; this file adds the rules for what may reach a
 * terminal and how text is measured and cut into columns. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "r57/alloc.h"
#include "r57/text.h"

#define REPLACEMENT 0xFFFD
#define ELLIPSIS 0x2026

/* Decode one code point at s[pos]; returns its length in bytes, or -1 for
 * an invalid sequence. At most 4 bytes are looked at so the length always
 * fits utf8proc's signed size. */
static utf8proc_ssize_t decode(const unsigned char *s, size_t len, size_t pos,
                               utf8proc_int32_t *cp)
{
	if (s[pos] < 0x80) { /* ASCII, most of every text: no call */
		*cp = s[pos];
		return 1;
	}
	/* The two- and three-byte forms Vietnamese letters take, when well
	 * formed (no overlong form, no surrogate), also without a call; any
	 * other byte goes to utf8proc, which decides. */
	const unsigned char *p = s + pos;
	if (len - pos >= 2 && p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80) {
		*cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (len - pos >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    !(p[0] == 0xE0 && p[1] < 0xA0) && !(p[0] == 0xED && p[1] >= 0xA0)) {
		*cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
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
	/* Printable ASCII and the precomposed Latin letters Vietnamese is
	 * written in (Latin-1 to Latin Extended-B, Latin Extended Additional)
	 * take one column each: a table, sized on every row of a long list,
	 * need not ask utf8proc for them. */
	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xC0 && cp < 0x250) || (cp >= 0x1EA0 && cp < 0x1F00))
		return 1;
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
	/* Line ends as stored: CRLF and a lone CR become LF, so that every
	 * format (a CSV cell too) carries them back the same. */
	size_t o = 0;
	for (size_t i = start; i < end; i++) {
		if (nfc[i] == '\r') {
			nfc[o++] = '\n';
			if (i + 1 < end && nfc[i + 1] == '\n')
				i++;
		} else {
			nfc[o++] = nfc[i];
		}
	}
	nfc[o] = '\0';
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
	unsigned char *out = r57_xmalloc(len * 3 + 1);
	while (pos < len) {
		if (u[pos] >= 0x20 && u[pos] < 0x7F) { /* printable ASCII: as it is */
			out[o++] = u[pos++];
			continue;
		}
		o += (size_t)utf8proc_encode_char(next_safe(u, len, &pos, keep_newlines),
		                                  out + o);
	}
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
		char *empty = r57_xmalloc(1);
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
	utf8proc_int32_t stack[256];
	utf8proc_int32_t *cps = len < 256 ? stack : r57_xmalloc((len + 1) * sizeof *cps);
	long long total = 0;
	/* Once the text is known to be cut, the rest cannot be shown: the
	 * grapheme that crosses the edge is left out whole, whatever follows
	 * it, so decoding stops there (a long title in a narrow column costs
	 * the column, not the title). */
	while (pos < len && total <= width) {
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
	unsigned char *out = r57_xmalloc(keep * 4 + spaces + 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < keep; i++)
		o += (size_t)utf8proc_encode_char(cps[i], out + o);
	memset(out + o, ' ', spaces);
	o += spaces;
	if (cut)
		o += (size_t)utf8proc_encode_char(ELLIPSIS, out + o);
	out[o] = '\0';
	if (cps != stack)
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

/* --- Vietnamese collation --------------------------------------------------
 * A sort key is a string of bytes 0x01..0x7F (so valid UTF-8 text that
 * SQLite compares with memcmp, BINARY) in three levels, each ended by
 * KEY_LEVEL: the letters without tones and case (a ă â b c d đ e ê ... as
 * letters of their own), then the tone of every letter (ngang, huyền, hỏi,
 * ngã, sắc, nặng), then the case of every letter (lower first). Equal first
 * levels have as many letters, so the later levels line up letter by
 * letter. Numbers compare by value: a run of digits is its length, then
 * its digits. Spaces and punctuation are one separator, below every
 * letter and digit, so "An" < "An Bình" < "Anh". */
#define KEY_LEVEL 0x01
#define KEY_SEP 0x02
#define KEY_NUMBER 0x10   /* + number of digits (at most 0x2F of them) */
#define KEY_LETTER 0x48   /* + rank in latin_order */
#define KEY_OTHER 0x7E    /* + the code point in four 6-bit bytes */

/* The Vietnamese alphabet with the other Latin letters where they fall in
 * the Latin order; ă â đ ê ô ơ ư are written as letter + shape mark. */
enum { SHAPE_NONE, SHAPE_BREVE, SHAPE_CIRC, SHAPE_HORN, SHAPE_STROKE };
static const struct { char base; int shape; } latin_order[] = {
	{ 'a', SHAPE_NONE }, { 'a', SHAPE_BREVE }, { 'a', SHAPE_CIRC }, { 'b', 0 }, { 'c', 0 },
	{ 'd', SHAPE_NONE }, { 'd', SHAPE_STROKE }, { 'e', SHAPE_NONE }, { 'e', SHAPE_CIRC },
	{ 'f', 0 }, { 'g', 0 }, { 'h', 0 }, { 'i', 0 }, { 'j', 0 }, { 'k', 0 }, { 'l', 0 },
	{ 'm', 0 }, { 'n', 0 }, { 'o', SHAPE_NONE }, { 'o', SHAPE_CIRC }, { 'o', SHAPE_HORN },
	{ 'p', 0 }, { 'q', 0 }, { 'r', 0 }, { 's', 0 }, { 't', 0 }, { 'u', SHAPE_NONE },
	{ 'u', SHAPE_HORN }, { 'v', 0 }, { 'w', 0 }, { 'x', 0 }, { 'y', 0 }, { 'z', 0 },
};

static int letter_rank(char base, int shape)
{
	for (size_t i = 0; i < sizeof latin_order / sizeof *latin_order; i++)
		if (latin_order[i].base == base && latin_order[i].shape == shape)
			return (int)i;
	for (size_t i = 0; i < sizeof latin_order / sizeof *latin_order; i++)
		if (latin_order[i].base == base)
			return (int)i; /* a shape Vietnamese has not: the plain letter */
	return -1;
}

/* Tone weights in the order of the brief: ngang 0, huyền, hỏi, ngã,
 * sắc, nặng; other marks of other languages after them. */
static int tone_of(utf8proc_int32_t mark)
{
	switch (mark) {
	case 0x0300: return 1; /* huyền */
	case 0x0309: return 2; /* hỏi */
	case 0x0303: return 3; /* ngã */
	case 0x0301: return 4; /* sắc */
	case 0x0323: return 5; /* nặng */
	default: return 6;
	}
}

static int shape_of(utf8proc_int32_t mark)
{
	switch (mark) {
	case 0x0306: return SHAPE_BREVE;
	case 0x0302: return SHAPE_CIRC;
	case 0x031B: return SHAPE_HORN;
	default: return SHAPE_NONE;
	}
}

static bool is_mark(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static bool is_word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* The decomposed (NFD) code points of s; NULL if s is not valid UTF-8. */
static utf8proc_int32_t *decomposed(const char *s, size_t *n)
{
	if (!s || !text_valid_utf8(s, strlen(s), NULL))
		return NULL;
	utf8proc_uint8_t *nfd = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfd,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
		abort(); /* valid input: only memory can have failed */
	size_t len = strlen((const char *)nfd), pos = 0;
	utf8proc_int32_t *cps = r57_xmalloc((len + 1) * sizeof *cps);
	*n = 0;
	while (pos < len) {
		utf8proc_ssize_t k = decode(nfd, len, pos, &cps[*n]);
		if (k < 0)
			break;
		pos += (size_t)k;
		(*n)++;
	}
	free(nfd);
	return cps;
}

struct keybuf {
	char *l1, *l2, *l3;
	size_t n1, n2, n3;
};

char *text_sort_key(const char *s)
{
	size_t n = 0;
	utf8proc_int32_t *cps = decomposed(s ? s : "", &n);
	if (!cps)
		cps = decomposed("", &n);
	/* Level 1 takes at most 5 bytes a code point (another script's
	 * letter), the others one. */
	struct keybuf k = { r57_xmalloc(n * 5 + 2), r57_xmalloc(n + 2), r57_xmalloc(n + 2), 0, 0, 0 };
	bool sep = false;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp = cps[i++];
		if (is_mark(cp))
			continue; /* a mark without a letter: nothing to sort by */
		if (!is_word_char(cp)) {
			sep = k.n1 > 0;
			continue;
		}
		if (sep) {
			k.l1[k.n1++] = KEY_SEP;
			sep = false;
		}
		if (cp >= '0' && cp <= '9') {
			size_t start = i - 1;
			while (start < n && cps[start] == '0' && start + 1 < n &&
			       cps[start + 1] >= '0' && cps[start + 1] <= '9')
				start++; /* leading zeros do not count */
			size_t end = start;
			while (end < n && cps[end] >= '0' && cps[end] <= '9')
				end++;
			size_t digits = end - start;
			k.l1[k.n1++] = (char)(KEY_NUMBER + (digits > 0x2F ? 0x2F : digits));
			for (size_t j = start; j < end; j++)
				k.l1[k.n1++] = (char)cps[j];
			i = end;
			continue;
		}
		utf8proc_int32_t lower = utf8proc_tolower(cp);
		bool upper = lower != cp;
		int shape = lower == 0x0111 ? SHAPE_STROKE : SHAPE_NONE, tone = 0;
		while (i < n && is_mark(cps[i])) {
			int sh = shape_of(cps[i]);
			if (sh != SHAPE_NONE)
				shape = sh;
			else if (tone == 0)
				tone = tone_of(cps[i]);
			i++;
		}
		int rank = -1;
		if (lower < 0x80 && lower >= 'a' && lower <= 'z')
			rank = letter_rank((char)lower, shape);
		else if (lower == 0x0111)
			rank = letter_rank('d', SHAPE_STROKE);
		if (rank >= 0) {
			k.l1[k.n1++] = (char)(KEY_LETTER + rank);
		} else {
			k.l1[k.n1++] = KEY_OTHER;
			for (int sh = 18; sh >= 0; sh -= 6)
				k.l1[k.n1++] = (char)(0x40 + ((lower >> sh) & 0x3F));
		}
		k.l2[k.n2++] = (char)(0x21 + tone);
		k.l3[k.n3++] = (char)(upper ? 0x22 : 0x21);
	}
	free(cps);
	char *out = r57_xmalloc(k.n1 + k.n2 + k.n3 + 3);
	size_t o = 0;
	memcpy(out + o, k.l1, k.n1);
	o += k.n1;
	out[o++] = KEY_LEVEL;
	memcpy(out + o, k.l2, k.n2);
	o += k.n2;
	out[o++] = KEY_LEVEL;
	memcpy(out + o, k.l3, k.n3);
	o += k.n3;
	out[o] = '\0';
	free(k.l1);
	free(k.l2);
	free(k.l3);
	return out;
}

char *text_person_key(const char *name)
{
	/* The given name is the last word; the family and middle names, in
	 * their order, come after it. */
	char *norm = text_normalize(name ? name : "");
	if (!norm)
		return text_sort_key(name);
	char *last = strrchr(norm, ' ');
	char *given = text_sort_key(last ? last + 1 : norm);
	if (last)
		*last = '\0';
	char *rest = text_sort_key(last ? norm : "");
	size_t a = strlen(given), b = strlen(rest);
	char *out = r57_xmalloc(a + b + 2);
	memcpy(out, given, a);
	out[a] = KEY_LEVEL;
	memcpy(out + a + 1, rest, b + 1);
	free(given);
	free(rest);
	free(norm);
	return out;
}

int text_collate(const char *a, const char *b)
{
	char *ka = text_sort_key(a), *kb = text_sort_key(b);
	int c = strcmp(ka, kb);
	free(ka);
	free(kb);
	return c;
}

int text_person_collate(const char *a, const char *b)
{
	char *ka = text_person_key(a), *kb = text_person_key(b);
	int c = strcmp(ka, kb);
	free(ka);
	free(kb);
	return c;
}

/* --- search ------------------------------------------------------------- */

/* The words of s as search compares them: folded (or, with marks, only
 * case-folded), every run of letters and digits a word, one space between
 * words; lead says whether a space comes first, and trail after. */
static char *words_of(const char *s, bool marks, bool lead, bool trail)
{
	char *f = marks ? text_casefold(s) : text_fold(s);
	if (!f)
		return NULL;
	const unsigned char *u = (const unsigned char *)f;
	size_t len = strlen(f), pos = 0, o = 0;
	char *out = r57_xmalloc(len + 3);
	bool in_word = false, any = false;
	if (lead)
		out[o++] = ' ';
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = decode(u, len, pos, &cp);
		if (k < 0)
			break;
		if (is_word_char(cp)) {
			if (!in_word && any)
				out[o++] = ' ';
			memcpy(out + o, f + pos, (size_t)k);
			o += (size_t)k;
			in_word = any = true;
		} else {
			in_word = false;
		}
		pos += (size_t)k;
	}
	if (trail && any)
		out[o++] = ' ';
	if (!any)
		o = 0;
	out[o] = '\0';
	free(f);
	return out;
}

char *text_search_body(const char *s, bool marks)
{
	return words_of(s, marks, true, true);
}

char *text_search_word(const char *s, bool marks)
{
	return words_of(s, marks, true, false);
}
