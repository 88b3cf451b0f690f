/* test_collate.c: Vietnamese alphabetical order (text_sort_key and the
 * person key) and the words search compares (text_search_body/word), with
 * real names and words, precomposed and decomposed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "r57/text.h"

/* Each list is in the order the collation must give. */
static void assert_ordered(const char *const *v, size_t n, int (*cmp)(const char *, const char *))
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (cmp(v[i], v[i + 1]) >= 0)
			fail_msg("'%s' should sort before '%s'", v[i], v[i + 1]);
		if (cmp(v[i + 1], v[i]) <= 0)
			fail_msg("'%s' should sort after '%s'", v[i + 1], v[i]);
	}
}

static void test_alphabet(void **state)
{
	(void)state;
	static const char *const letters[] = {
		"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
		"n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
	};
	assert_ordered(letters, sizeof letters / sizeof *letters, text_collate);
	/* capitals take the same place */
	static const char *const caps[] = { "A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư", "Y" };
	assert_ordered(caps, sizeof caps / sizeof *caps, text_collate);
}

static void test_tones(void **state)
{
	(void)state;
	/* ngang, huyền, hỏi, ngã, sắc, nặng */
	static const char *const a[] = { "a", "à", "ả", "ã", "á", "ạ" };
	assert_ordered(a, 6, text_collate);
	static const char *const ma[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
	assert_ordered(ma, 6, text_collate);
	static const char *const aa[] = { "â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "b" };
	assert_ordered(aa, 7, text_collate);
	/* letters over the whole word first, then the tones: "bà" < "ba" + a
	 * letter, whatever the tones */
	static const char *const words[] = { "ba", "bà", "bá", "bác", "bạc", "bách", "bạch", "ban", "bản", "bàng" };
	assert_ordered(words, sizeof words / sizeof *words, text_collate);
}

static void test_case_and_forms(void **state)
{
	(void)state;
	/* case is the last level: lower first, but only to break ties */
	static const char *const v[] = { "an", "An", "AN", "ăn", "Ăn" };
	assert_ordered(v, 5, text_collate);
	assert_true(text_collate("An", "anh") < 0);
	assert_true(text_collate("ANH", "ân") < 0);
	/* precomposed, decomposed and the marks in either order are one key */
	char *k1 = text_sort_key("Nguy\xe1\xbb\x85n");          /* ễ */
	char *k2 = text_sort_key("Nguye\xcc\x82\xcc\x83n");     /* e + ^ + ~ */
	char *k3 = text_sort_key("Nguye\xcc\x83\xcc\x82n");     /* e + ~ + ^ */
	assert_string_equal(k1, k2);
	assert_string_equal(k1, k3);
	/* only bytes 1..127: valid text that SQLite compares with memcmp */
	for (const unsigned char *p = (const unsigned char *)k1; *p; p++)
		assert_true(*p >= 1 && *p <= 0x7F);
	free(k1);
	free(k2);
	free(k3);
	char *bad = text_sort_key("\xff");
	char *empty = text_sort_key("");
	assert_string_equal(bad, empty);
	free(bad);
	free(empty);
}

static void test_words_digits(void **state)
{
	(void)state;
	/* a space sorts before any letter; numbers by value, before letters */
	static const char *const v[] = {
		"", "2", "10", "45-TB/BCĐTW", "97-CTr/TU", "726/KH-UBND", "An", "An Bình", "An Khánh",
		"Anh", "Ân", "Bình", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính",
		"Sở Thông tin", "UBND phường 2", "UBND phường 10", "Xã An Hòa", "Чернигов",
	};
	assert_ordered(v, sizeof v / sizeof *v, text_collate);
	assert_int_equal(text_collate("  Sở  Nội vụ ", "Sở Nội vụ"), 0);
	assert_int_equal(text_collate("007", "7"), 0);
}

static void test_persons(void **state)
{
	(void)state;
	/* by given name, then family and middle names */
	static const char *const people[] = {
		"Nguyễn Văn An",   /* An */
		"Trần An",         /* An: family name Nguyễn before Trần */
		"Lê Đức Anh",      /* Anh after An */
		"Nguyễn Thị Anh",  /* Anh: Lê before Nguyễn */
		"Đỗ Văn Ân",       /* Ân after Anh */
		"Trần Thị Bình",
		"Phạm Minh Chính",
		"Hoàng Văn Dũng",  /* D ... */
		"Vũ Đức Đam",      /* ... before Đ */
	};
	assert_ordered(people, sizeof people / sizeof *people, text_person_collate);
	/* a single word is its given name, before the same name with others */
	assert_true(text_person_collate("An", "Nguyễn Văn An") < 0);
	/* by plain bytes, Đ would sort after every other letter */
	assert_true(text_person_collate("Đỗ Hùng", "Lê Hưng") < 0);
	assert_true(text_person_collate("Lê Hưng", "Đỗ Hùng") > 0);
}

static void test_search_words(void **state)
{
	(void)state;
	char *b = text_search_body("Nâng cấp hệ thống quản lý văn bản (97-CTr/TU); Đồng bộ", false);
	assert_string_equal(b, " nang cap he thong quan ly van ban 97 ctr tu dong bo ");
	free(b);
	b = text_search_body("Nâng CẤP", true);
	assert_string_equal(b, " nâng cấp ");
	free(b);
	b = text_search_body("Nguye\xcc\x82\xcc\x83n", true); /* decomposed in, NFC out */
	assert_string_equal(b, " nguy\xe1\xbb\x85n ");
	free(b);
	char *w = text_search_word("nguyen  van an", false);
	assert_string_equal(w, " nguyen van an");
	free(w);
	w = text_search_word("97-CTr", false);
	assert_string_equal(w, " 97 ctr");
	free(w);
	w = text_search_word("--", false);
	assert_string_equal(w, "");
	free(w);
	assert_null(text_search_word("\xff", false));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alphabet),
		cmocka_unit_test(test_tones),
		cmocka_unit_test(test_case_and_forms),
		cmocka_unit_test(test_words_digits),
		cmocka_unit_test(test_persons),
		cmocka_unit_test(test_search_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
