/* test_text.c: text.c against real text: Vietnamese in NFC and NFD, Urdu,
 * Persian and Hindi lines from the seed corpus, CJK, emoji, terminal escape
 * sequences, bidi overrides and broken UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "r57/text.h"

/* "Nguyễn Văn An": precomposed, and with ễ as e + U+0302 + U+0303 and
 * ă as a + U+0306. */
#define VI_NFC "Nguy\xe1\xbb\x85n V\xc4\x83n An"
#define VI_NFD "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An"
/* Lines from /work/shared/seeds: Urdu (with U+0670 superscript alef),
 * Persian, Hindi (with virama, anusvara and vowel signs). */
#define UR "\xd8\xb5\xd9\x88\xd8\xa8\xd8\xa7\xd8\xa6\xdb\x8c \xd9\xbe\xd8\xa7\xd8\xb1\xd9\xb9\xdb\x8c \xda\xa9\xdb\x8c \xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xdb\x81 \xda\xa9\xd9\x85\xdb\x8c\xd9\xb9\xdb\x8c"
#define UR_ALA "\xd8\xa7\xd8\xb9\xd9\x84\xdb\x8c\xd9\xb0 \xd8\xaa\xd8\xb1\xdb\x8c\xd9\x86 \xd9\x86\xd8\xaa\xd8\xa7\xd8\xa6\xd8\xac"
#define UR_PARTY "\xd9\xbe\xd8\xa7\xd8\xb1\xd9\xb9\xdb\x8c"
#define FA "\xd8\xb9\xd8\xb6\xd9\x88 \xda\xa9\xd9\x85\xdb\x8c\xd8\xaa\xd9\x87 \xd8\xaf\xd8\xa7\xd8\xa6\xd9\x85\xdb\x8c \xd8\xad\xd8\xb2\xd8\xa8 \xd8\xa7\xd8\xb3\xd8\xaa\xd8\xa7\xd9\x86"
#define HI "\xe0\xa4\xac\xe0\xa5\x88\xe0\xa4\xa0\xe0\xa4\x95 \xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x82, \xe0\xa4\x95\xe0\xa4\xbe \xe0\xa4\xae\xe0\xa4\x8a \xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\x82\xe0\xa4\xa4\xe0\xa5\x80\xe0\xa4\xaf"
/* प्रांतीय: प + virama + र + aa + anusvara + त + ii + य */
#define HI_WORD "\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\x82\xe0\xa4\xa4\xe0\xa5\x80\xe0\xa4\xaf"
#define CJK "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97" /* 漢字漢字 */
#define GRIN "\xf0\x9f\x98\x80"                               /* 😀 */
/* 👨‍👩‍👧: three emoji joined by ZWJ, one grapheme */
#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define ELL "\xe2\x80\xa6"  /* … */
#define FFFD "\xef\xbf\xbd"
#define PIC_ESC "\xe2\x90\x9b" /* ␛ */

/* Checks a newly allocated result and frees it. */
static void check_str(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_valid_utf8(void **state)
{
	(void)state;
	size_t bad = 99;
	assert_true(text_valid_utf8("plain", 5, &bad));
	assert_int_equal(bad, 99);
	assert_true(text_valid_utf8(VI_NFC, strlen(VI_NFC), &bad));
	assert_true(text_valid_utf8(VI_NFD, strlen(VI_NFD), NULL));
	assert_true(text_valid_utf8(UR, strlen(UR), NULL));
	assert_true(text_valid_utf8(HI, strlen(HI), NULL));
	assert_true(text_valid_utf8(FAMILY, strlen(FAMILY), NULL));
	assert_true(text_valid_utf8("", 0, NULL));
	/* U+10FFFF, the last code point, is fine */
	assert_true(text_valid_utf8("\xf4\x8f\xbf\xbf", 4, NULL));

	/* overlong '/' in two and three bytes */
	assert_false(text_valid_utf8("ab\xc0\xaf", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_valid_utf8("\xe0\x80\xaf", 3, &bad));
	assert_int_equal(bad, 0);
	/* truncated: ễ missing its last byte, at the end and mid-string */
	assert_false(text_valid_utf8("Nguy\xe1\xbb", 6, &bad));
	assert_int_equal(bad, 4);
	assert_false(text_valid_utf8("Nguy\xe1\xbbn", 7, &bad));
	assert_int_equal(bad, 4);
	/* UTF-16 surrogate U+D800 encoded as UTF-8 */
	assert_false(text_valid_utf8("x\xed\xa0\x80", 4, &bad));
	assert_int_equal(bad, 1);
	/* beyond U+10FFFF, lone continuation byte, byte 0xFF */
	assert_false(text_valid_utf8("\xf4\x90\x80\x80", 4, &bad));
	assert_false(text_valid_utf8("abc\x80", 4, &bad));
	assert_int_equal(bad, 3);
	assert_false(text_valid_utf8("\xff", 1, NULL));
	/* an embedded NUL counts as bad */
	assert_false(text_valid_utf8("ab\0cd", 5, &bad));
	assert_int_equal(bad, 2);
}

static void test_normalize(void **state)
{
	(void)state;
	/* NFD becomes NFC, byte for byte */
	check_str(text_normalize(VI_NFD), VI_NFC);
	check_str(text_normalize(VI_NFC), VI_NFC);
	/* ASCII blanks, NBSP (U+00A0), ideographic space (U+3000) and
	 * em space (U+2003) trimmed at both ends, inner spaces kept */
	check_str(text_normalize(" \t\n\r\xc2\xa0" VI_NFD "\xe3\x80\x80\xe2\x80\x83 \n"),
	          VI_NFC);
	check_str(text_normalize("  two  words  "), "two  words");
	check_str(text_normalize(" \t\n\xc2\xa0 "), "");
	check_str(text_normalize(""), "");
	/* scripts already in NFC pass through */
	check_str(text_normalize(UR), UR);
	check_str(text_normalize(" " UR_ALA " "), UR_ALA);
	check_str(text_normalize(FA "\n"), FA);
	check_str(text_normalize(HI), HI);
	/* ZWJ (not white space) at the ends is kept */
	check_str(text_normalize("\xe2\x80\x8d" "a"), "\xe2\x80\x8d" "a");
	/* invalid UTF-8 */
	assert_null(text_normalize("ok \xc0\xaf"));
	assert_null(text_normalize("\xed\xa0\x80"));
	assert_null(text_normalize("Nguy\xe1\xbb"));
	assert_null(text_normalize(NULL));
}

static void test_safe_controls(void **state)
{
	(void)state;
	/* an SGR sequence and a screen clear become visible text */
	check_str(text_safe("\x1b[31mred\x1b[0m", false),
	          PIC_ESC "[31mred" PIC_ESC "[0m");
	check_str(text_safe("\x1b[2J\x1b]0;title\x07", false),
	          PIC_ESC "[2J" PIC_ESC "]0;title\xe2\x90\x87");
	/* TAB U+2409, CR U+240D, LF U+240A unless kept, BS U+2408 */
	check_str(text_safe("a\tb\rc\nd\be", false),
	          "a\xe2\x90\x89" "b\xe2\x90\x8d" "c\xe2\x90\x8a" "d\xe2\x90\x88" "e");
	check_str(text_safe("a\tb\rc\nd", true),
	          "a\xe2\x90\x89" "b\xe2\x90\x8d" "c\nd");
	check_str(text_safe("\x01\x1f", false), "\xe2\x90\x81\xe2\x90\x9f");
	/* DEL U+2421 */
	check_str(text_safe("x\x7fy", false), "x\xe2\x90\xa1y");
	/* C1: CSI U+009B would start an escape sequence on some terminals,
	 * NEL U+0085 */
	check_str(text_safe("a\xc2\x9b" "31mb\xc2\x85", false), "a" FFFD "31mb" FFFD);
	/* U+00A0, the first code point after C1, is ordinary */
	check_str(text_safe("\xc2\xa0", false), "\xc2\xa0");
	check_str(text_safe("", false), "");
	check_str(text_safe(NULL, false), "");
}

static void test_safe_bidi(void **state)
{
	(void)state;
	/* the classic "exe" disguise: RLO makes "txt.exe" read backwards */
	check_str(text_safe("invoice\xe2\x80\xaetxt.exe", false), "invoice" FFFD "txt.exe");
	static const char *const bidi[] = {
		"\xd8\x9c",                                  /* U+061C ALM */
		"\xe2\x80\x8e", "\xe2\x80\x8f",              /* LRM RLM */
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac",
		"\xe2\x80\xad", "\xe2\x80\xae",              /* LRE..RLO */
		"\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
		"\xe2\x81\xa9",                              /* LRI..PDI */
	};
	for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		char in[16];
		strcpy(in, "<");
		strcat(in, bidi[i]);
		strcat(in, ">");
		check_str(text_safe(in, false), "<" FFFD ">");
	}
	/* neighbours of the ranges are left alone: ZWNJ U+200C, ZWJ U+200D,
	 * U+2029, U+202F, U+2065 (unassigned), U+206A */
	check_str(text_safe("\xe2\x80\x8c\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf", false),
	          "\xe2\x80\x8c\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf");
	check_str(text_safe("\xe2\x81\xa5\xe2\x81\xaa", false), "\xe2\x81\xa5\xe2\x81\xaa");
}

static void test_safe_keeps_text(void **state)
{
	(void)state;
	check_str(text_safe(UR, false), UR);
	check_str(text_safe(UR_ALA, false), UR_ALA);
	check_str(text_safe(FA, false), FA);
	check_str(text_safe(HI, false), HI);
	check_str(text_safe(VI_NFC, false), VI_NFC);
	check_str(text_safe(VI_NFD, false), VI_NFD); /* no normalising here */
	check_str(text_safe(CJK GRIN FAMILY, false), CJK GRIN FAMILY);
}

static void test_safe_invalid(void **state)
{
	(void)state;
	/* each bad byte becomes one U+FFFD and the text around survives */
	check_str(text_safe("a\xffz", false), "a" FFFD "z");
	check_str(text_safe("\xc0\xaf", false), FFFD FFFD);        /* overlong */
	check_str(text_safe("\xe0\x80\xaf", false), FFFD FFFD FFFD);
	check_str(text_safe("Nguy\xe1\xbbn", false), "Nguy" FFFD FFFD "n"); /* truncated */
	check_str(text_safe("end\xe1\xbb", false), "end" FFFD FFFD);
	check_str(text_safe("\xed\xa0\x80!", false), FFFD FFFD FFFD "!"); /* surrogate */
	check_str(text_safe("\xf4\x90\x80\x80", false), FFFD FFFD FFFD FFFD);
	/* a broken escape introducer is still shown, not sent */
	check_str(text_safe("\xc2\x1b[m", false), FFFD PIC_ESC "[m");
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(VI_NFC), 13);
	assert_int_equal(text_width(VI_NFD), 13); /* combining marks take 0 */
	assert_int_equal(text_width(CJK), 8);
	assert_int_equal(text_width(GRIN), 2);
	assert_int_equal(text_width("a" GRIN "b"), 4);
	/* ZWJ takes 0; each joined emoji is counted */
	assert_int_equal(text_width(FAMILY), 6);
	/* प्रांतीय: four letters and the spacing vowel signs ा and ी take a
	 * column each (as glibc wcwidth says); virama and anusvara take 0 */
	assert_int_equal(text_width(HI_WORD), 6);
	assert_int_equal(text_width("\xe0\xa4\xbe"), 1); /* ा alone, Mc */
	assert_int_equal(text_width("\xe0\xa5\x8d"), 0); /* virama, Mn */
	/* Urdu: 27 code points, one U+0670 mark */
	assert_int_equal(text_width(UR), 27);
	assert_int_equal(text_width(UR_ALA), 15);
	/* placeholders take 1 each: ESC and every bad byte */
	assert_int_equal(text_width("\x1b[0m"), 4);
	assert_int_equal(text_width("a\tb\n"), 4);
	assert_int_equal(text_width("\xe0\x80\xaf"), 3);
	assert_int_equal(text_width("\xe2\x80\xae"), 1);
}

static void test_fit_basic(void **state)
{
	(void)state;
	check_str(text_fit("hello", 10, false), "hello");
	check_str(text_fit("hello", 10, true), "hello     ");
	check_str(text_fit("hello", 5, true), "hello");
	check_str(text_fit("hello world", 8, false), "hello w" ELL);
	check_str(text_fit("hello world", 8, true), "hello w" ELL);
	check_str(text_fit("hello", 1, false), ELL);
	check_str(text_fit("h", 1, false), "h");
	check_str(text_fit("hello", 0, true), "");
	check_str(text_fit("hello", -3, true), "");
	check_str(text_fit("", 3, true), "   ");
	check_str(text_fit("", 3, false), "");
	check_str(text_fit(NULL, 2, true), "  ");
	/* made safe first: the ESC placeholder takes a column */
	check_str(text_fit("\x1b[31mred", 4, false), PIC_ESC "[3" ELL);
	check_str(text_fit("\x1b[31mred", 20, false), PIC_ESC "[31mred");
	check_str(text_fit("one\ntwo", 20, false), "one\xe2\x90\x8atwo");
	check_str(text_fit("bad\xff", 4, true), "bad" FFFD);
}

static void test_fit_wide(void **state)
{
	(void)state;
	check_str(text_fit(CJK, 8, false), CJK);
	check_str(text_fit(CJK, 9, true), CJK " ");
	/* 漢字 and the mark */
	check_str(text_fit(CJK, 5, false), "\xe6\xbc\xa2\xe5\xad\x97" ELL);
	/* 字 would straddle column 3/4: dropped, a space takes its place */
	check_str(text_fit(CJK, 4, false), "\xe6\xbc\xa2 " ELL);
	check_str(text_fit(CJK, 4, true), "\xe6\xbc\xa2 " ELL);
	check_str(text_fit(CJK, 2, false), " " ELL);
	check_str(text_fit(GRIN GRIN GRIN, 5, false), GRIN GRIN ELL);
	check_str(text_fit(GRIN GRIN GRIN, 4, false), GRIN " " ELL);
	/* the ZWJ family is one grapheme and is never split */
	check_str(text_fit(FAMILY "!", 7, false), FAMILY "!");
	check_str(text_fit(FAMILY "!", 6, false), "     " ELL);
	check_str(text_fit("ab" FAMILY, 7, false), "ab    " ELL);
}

static void test_fit_graphemes(void **state)
{
	(void)state;
	/* NFD: ễ is e + two marks; a cut never leaves e without them */
	check_str(text_fit(VI_NFD, 6, false), "Nguye\xcc\x82\xcc\x83" ELL);
	check_str(text_fit(VI_NFD, 5, false), "Nguy" ELL);
	check_str(text_fit(VI_NFC, 6, false), "Nguy\xe1\xbb\x85" ELL);
	check_str(text_fit(VI_NFC, 5, false), "Nguy" ELL);
	check_str(text_fit(VI_NFD, 13, false), VI_NFD);
	check_str(text_fit(VI_NFD, 12, false), "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n " ELL);
	/* Hindi: the vowel signs and anusvara stay with their letters */
	check_str(text_fit(HI_WORD, 6, false), HI_WORD);
	/* प् (1) रां (2) fit in 3; ती (2) would not, in 3 or in 4 */
	check_str(text_fit(HI_WORD, 4, false),
	          "\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\x82" ELL);
	check_str(text_fit(HI_WORD, 5, false),
	          "\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\x82 " ELL);
	check_str(text_fit(HI_WORD, 3, false), "\xe0\xa4\xaa\xe0\xa5\x8d " ELL);
	/* Urdu: اعلیٰ keeps its superscript alef U+0670 */
	check_str(text_fit(UR_ALA, 6, false), "\xd8\xa7\xd8\xb9\xd9\x84\xdb\x8c\xd9\xb0 " ELL);
	check_str(text_fit(UR_ALA, 5, false), "\xd8\xa7\xd8\xb9\xd9\x84\xdb\x8c\xd9\xb0" ELL);
}

/* Whatever the text, a padded fit is exactly as wide as asked, valid, and
 * either the whole safe text plus spaces or a cut ending in the mark. */
static void test_fit_exact_width(void **state)
{
	(void)state;
	static const char *const texts[] = {
		VI_NFC, VI_NFD, UR, UR_ALA, FA, HI, CJK "abc" GRIN,
		FAMILY "x" FAMILY, ("\x1b[1mbold\x1b[0m \xe2\x80\xae" "fdp.exe"),
		"bad \xc0\xaf \xed\xa0\x80 end",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		char *safe = text_safe(texts[t], false);
		int full = text_width(texts[t]);
		assert_int_equal(text_width(safe), full);
		for (int w = 1; w <= full + 3; w++) {
			char *fit = text_fit(texts[t], w, true);
			char *nopad = text_fit(texts[t], w, false);
			assert_int_equal(text_width(fit), w);
			assert_true(text_width(nopad) <= w);
			assert_true(text_valid_utf8(fit, strlen(fit), NULL));
			if (w >= full) {
				assert_string_equal(nopad, safe);
				assert_memory_equal(fit, safe, strlen(safe));
			} else {
				size_t n = strlen(fit);
				assert_true(n >= 3);
				assert_string_equal(fit + n - 3, ELL);
				assert_string_equal(fit, nopad);
			}
			free(fit);
			free(nopad);
		}
		free(safe);
	}
}

static void test_fold(void **state)
{
	(void)state;
	check_str(text_fold(VI_NFC), "nguyen van an");
	check_str(text_fold(VI_NFD), "nguyen van an");
	/* đ and Đ have no decomposition */
	check_str(text_fold("\xc4\x90\xe1\xba\xb7ng \xc4\x90\xe1\xbb\xa9\x63 \xc4\x91\xc3\xa0o"),
	          "dang duc dao"); /* Đặng Đức đào */
	check_str(text_fold("\xc4\x90\xc6\xaf\xe1\xbb\x9c\x4e\x47"), "duong"); /* ĐƯỜNG */
	check_str(text_fold("Phan Huy Ng\xe1\xbb\x8d\x63"), "phan huy ngoc");
	check_str(text_fold("Stra\xc3\x9f" "e"), "strasse");
	check_str(text_fold("ABC 123"), "abc 123");
	check_str(text_fold(""), "");
	/* Arabic script has no case, but marks go: U+0670 is dropped and
	 * yeh with hamza (U+0626) becomes plain yeh (U+064A) */
	check_str(text_fold(UR),
	          "\xd8\xb5\xd9\x88\xd8\xa8\xd8\xa7\xd9\x8a\xdb\x8c \xd9\xbe\xd8\xa7\xd8\xb1\xd9\xb9\xdb\x8c \xda\xa9\xdb\x8c \xd9\x82\xd8\xa7\xd9\x8a\xd9\x85\xdb\x81 \xda\xa9\xd9\x85\xdb\x8c\xd9\xb9\xdb\x8c");
	check_str(text_fold(UR_ALA), "\xd8\xa7\xd8\xb9\xd9\x84\xdb\x8c \xd8\xaa\xd8\xb1\xdb\x8c\xd9\x86 \xd9\x86\xd8\xaa\xd8\xa7\xd9\x8a\xd8\xac");
	/* Hindi loses its vowel signs and virama: प्रांतीय -> परतय */
	check_str(text_fold(HI_WORD), "\xe0\xa4\xaa\xe0\xa4\xb0\xe0\xa4\xa4\xe0\xa4\xaf");
	assert_null(text_fold("Nguy\xe1\xbb"));
	assert_null(text_fold("\xc0\xaf"));
	assert_null(text_fold(NULL));
}

static void test_contains_folded(void **state)
{
	(void)state;
	assert_true(text_contains_folded(VI_NFC, "van"));
	assert_true(text_contains_folded(VI_NFD, "NGUYEN"));
	assert_true(text_contains_folded("call " VI_NFD " today", "Nguy\xe1\xbb\x85n V"));
	assert_true(text_contains_folded("\xc4\x90\xe1\xbb\xa9\x63", "duc"));
	assert_true(text_contains_folded(UR, UR_PARTY));
	assert_true(text_contains_folded(HI, "\xe0\xa4\xae\xe0\xa4\x8a")); /* मऊ */
	assert_true(text_contains_folded(VI_NFC, ""));
	assert_false(text_contains_folded(VI_NFC, "vana"));
	assert_false(text_contains_folded(UR, FA));
	assert_false(text_contains_folded("abc", "\xff"));
	assert_false(text_contains_folded("\xff" "abc", "abc"));
	assert_false(text_contains_folded(NULL, "a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_safe_controls),
		cmocka_unit_test(test_safe_bidi),
		cmocka_unit_test(test_safe_keeps_text),
		cmocka_unit_test(test_safe_invalid),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit_basic),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_graphemes),
		cmocka_unit_test(test_fit_exact_width),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_contains_folded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
