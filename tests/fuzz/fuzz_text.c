/* fuzz_text.c: libFuzzer harness for the text functions (r57/text.h):
 * the sanitizer, widths and cutting to a width, folding, normalizing,
 * sort keys and search words. The input is one string (to its first NUL),
 * any bytes. Beyond no crash and no sanitizer report, the promises of
 * text.h: text_safe gives valid UTF-8 without a control or bidi character
 * and is idempotent; widths agree before and after; text_fit never goes
 * past its width and pads to exactly it; a sort key is bytes 1..127; the
 * folds and NFC are stable when done twice. */
#include <stdbool.h>
#include <utf8proc.h>

#include "fuzz.h"

/* Valid UTF-8 with no code point a terminal would act on. */
static void check_shown(const char *s, bool newlines, const char *what)
{
	size_t len = strlen(s), pos = 0;
	fuzz_utf8(s, len, what);
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos, (utf8proc_ssize_t)(len - pos), &cp);
		FUZZ_REQUIRE(n > 0, "%s: undecodable at %zu", what, pos);
		bool control = (cp < 0x20 && !(newlines && cp == '\n')) || (cp >= 0x7F && cp <= 0x9F);
		bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
		            (cp >= 0x2066 && cp <= 0x2069);
		FUZZ_REQUIRE(!control && !bidi, "%s: U+%04X at byte %zu", what, (unsigned)cp, pos);
		pos += (size_t)n;
	}
}

static void check_fit(const char *s, const char *safe, int width, bool pad)
{
	char *out = text_fit(s, width, pad);
	check_shown(out, false, "text_fit");
	int w = text_width(out), full = text_width(s);
	int cap = width > 0 ? width : 0;
	FUZZ_REQUIRE(w <= cap, "text_fit to %d columns took %d", width, w);
	if (pad)
		FUZZ_REQUIRE(w == cap, "text_fit padded to %d columns took %d", width, w);
	if (full <= cap && cap > 0) {
		size_t n = strlen(safe);
		FUZZ_REQUIRE(strncmp(out, safe, n) == 0, "text_fit cut a text of %d columns to %d", full, width);
	} else {
		FUZZ_REQUIRE(cap == 0 || strstr(out, "\xE2\x80\xA6") != NULL, "a cut to %d without the mark", width);
	}
	free(out);
}

static void check_key(const char *key, const char *what)
{
	FUZZ_REQUIRE(key != NULL, "%s is NULL", what);
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		FUZZ_REQUIRE(*p >= 0x01 && *p <= 0x7F, "%s has byte 0x%02x", what, *p);
}

/* A function that gives NULL exactly for invalid UTF-8, applied twice. */
static void check_stable(char *(*fn)(const char *), const char *s, bool valid, const char *what)
{
	char *once = fn(s);
	if (!valid) {
		FUZZ_REQUIRE(once == NULL, "%s of invalid UTF-8 is not NULL", what);
		return;
	}
	FUZZ_REQUIRE(once != NULL, "%s of valid UTF-8 is NULL", what);
	fuzz_utf8(once, strlen(once), what);
	char *twice = fn(once);
	FUZZ_REQUIRE(twice && strcmp(once, twice) == 0, "%s is not stable: \"%s\" then \"%s\"", what, once,
	             twice ? twice : "(null)");
	free(once);
	free(twice);
}

static char *fold(const char *s) { return text_fold(s); }
static char *casefold(const char *s) { return text_casefold(s); }
static char *normalize(const char *s) { return text_normalize(s); }

static void check_search(const char *s, bool valid, bool marks)
{
	char *body = text_search_body(s, marks), *word = text_search_word(s, marks);
	if (!valid) {
		FUZZ_REQUIRE(!body && !word, "search words of invalid UTF-8");
		return;
	}
	FUZZ_REQUIRE(body && word, "search words of valid UTF-8 are NULL");
	fuzz_utf8(body, strlen(body), "search body");
	size_t bl = strlen(body), wl = strlen(word);
	if (bl == 0) {
		FUZZ_REQUIRE(wl == 0, "no body but a word \"%s\"", word);
	} else {
		FUZZ_REQUIRE(body[0] == ' ' && body[bl - 1] == ' ' && bl == wl + 1 && strncmp(body, word, wl) == 0,
		             "body \"%s\", word \"%s\"", body, word);
		FUZZ_REQUIRE(strstr(body, "  ") == NULL, "two spaces in \"%s\"", body);
	}
	free(body);
	free(word);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t len = strlen(s);
	bool valid = text_valid_utf8(s, len, NULL);

	char *safe = text_safe(s, false), *safe_nl = text_safe(s, true);
	check_shown(safe, false, "text_safe");
	check_shown(safe_nl, true, "text_safe keeping newlines");
	char *again = text_safe(safe, false);
	FUZZ_REQUIRE(strcmp(again, safe) == 0, "text_safe is not idempotent");
	free(again);
	int width = text_width(s);
	FUZZ_REQUIRE(width >= 0 && width == text_width(safe), "text_width %d, of the safe copy %d", width,
	             text_width(safe));

	const int widths[] = { 0, 1, 2, 3, width > 0 ? width - 1 : 0, width, width + 1, (int)(size % 83) };
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		check_fit(s, safe, widths[i], false);
		check_fit(s, safe, widths[i], true);
	}

	check_stable(fold, s, valid, "text_fold");
	check_stable(casefold, s, valid, "text_casefold");
	check_stable(normalize, s, valid, "text_normalize");
	if (valid) {
		char *norm = text_normalize(s);
		size_t n = strlen(norm);
		FUZZ_REQUIRE(strchr(norm, '\r') == NULL, "a CR after text_normalize");
		FUZZ_REQUIRE(n == 0 || (norm[0] != ' ' && norm[n - 1] != ' ' && norm[0] != '\n' && norm[n - 1] != '\n'),
		             "text_normalize left space at an end");
		free(norm);
		FUZZ_REQUIRE(text_contains_folded(s, s), "a text does not contain itself");
	}
	check_search(s, valid, false);
	check_search(s, valid, true);

	char *key = text_sort_key(s), *pkey = text_person_key(s);
	check_key(key, "text_sort_key");
	check_key(pkey, "text_person_key");
	FUZZ_REQUIRE(text_collate(s, s) == 0 && text_person_collate(s, s) == 0, "a text is not equal to itself");
	(void)text_has_marks(s);

	free(key);
	free(pkey);
	free(safe);
	free(safe_nl);
	free(s);
	return 0;
}
