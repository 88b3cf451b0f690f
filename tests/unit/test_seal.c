/* test_seal.c: the journal's seal (src/store/seal.c) against known
 * answers: three fixed entries, chained, and the seals that
 * docs/undo.md's encoding gives them (worked out apart from r57, by
 * Python's hashlib over the same bytes); what each field changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/store/seal.h"

static const char seal1[] = "b7b314aa38242d8eccfda3036aab36098bb6812b5f6b9805bd1afaf37b53867a";
static const char seal2[] = "359613cd90f32dcf52bc957633197fee6a3a78eb4f65efbe0e29daecdd61a7fe";
static const char seal3[] = "d4bfd17e1497a72017a88e6a4b689ae9afa3c412d712942c0339d96e2efba716";

static void change(struct seal *s, int64_t tbl, int64_t row, int64_t op, int64_t cols,
                   int first, const char *a, const char *b)
{
	const char *v[SEAL_VALUES] = { 0 };
	size_t len[SEAL_VALUES] = { 0 };
	if (first) {
		v[first - 1] = a;
		v[first] = b;
		len[first - 1] = a ? strlen(a) : 0;
		len[first] = b ? strlen(b) : 0;
	}
	seal_change(s, tbl, row, op, cols, v, len);
}

static void entry1(char hex[SEAL_HEX], const char *summary)
{
	struct seal s;
	struct seal_entry e = { 1, "2025-06-20T09:00:00+07:00", "2025-06-20", "lan", summary, "init", 0 };
	assert_true(seal_begin(&s, NULL, &e));
	change(&s, 1, 1, 1, 0, 0, NULL, NULL);
	change(&s, 1, 2, 1, 0, 0, NULL, NULL);
	seal_end(&s, hex);
}

static void test_known_answers(void **state)
{
	(void)state;
	char h1[SEAL_HEX], h2[SEAL_HEX], h3[SEAL_HEX];
	entry1(h1, "create the database");
	assert_string_equal(h1, seal1);

	struct seal s;
	struct seal_entry e2 = { 2, "2025-06-21T10:30:00+07:00", "2025-06-21", "Trần Thị Bình",
	                         "close #3", "do", 0 };
	assert_true(seal_begin(&s, h1, &e2));
	change(&s, 5, 3, 2, 98304, 15, "open", NULL); /* v15 status, v16 closed */
	seal_end(&s, h2);
	assert_string_equal(h2, seal2);

	struct seal_entry e3 = { 3, "2025-06-21T10:31:00+07:00", "2025-06-21", "Trần Thị Bình",
	                         "undo #2", "undo", 2 };
	assert_true(seal_begin(&s, h2, &e3));
	change(&s, 5, 3, 2, 98304, 15, "done", "2025-06-21");
	change(&s, 6, 7, 3, 3, 1, "3", ""); /* an empty text is not none */
	seal_end(&s, h3);
	assert_string_equal(h3, seal3);
}

/* Any field changed, or another link, gives another seal. */
static void test_each_field_counts(void **state)
{
	(void)state;
	char h[SEAL_HEX], other[SEAL_HEX];
	entry1(h, "create the database");
	entry1(other, "create the database ");
	assert_string_not_equal(h, other);

	struct seal s;
	struct seal_entry e = { 2, "2025-06-21T10:30:00+07:00", "2025-06-21", "Trần Thị Bình",
	                        "close #3", "do", 0 };
	assert_true(seal_begin(&s, seal2, &e)); /* another previous entry */
	change(&s, 5, 3, 2, 98304, 15, "open", NULL);
	seal_end(&s, other);
	assert_string_not_equal(other, seal2);

	assert_true(seal_begin(&s, seal1, &e));
	change(&s, 5, 3, 2, 98304, 15, "open", ""); /* none made empty */
	seal_end(&s, other);
	assert_string_not_equal(other, seal2);

	/* the fields' boundaries are in the bytes: "ab","c" is not "a","bc" */
	struct seal_entry x = { 9, "ab", "c", NULL, NULL, NULL, 0 };
	struct seal_entry y = { 9, "a", "bc", NULL, NULL, NULL, 0 };
	assert_true(seal_begin(&s, NULL, &x));
	seal_end(&s, h);
	assert_true(seal_begin(&s, NULL, &y));
	seal_end(&s, other);
	assert_string_not_equal(h, other);
}

static void test_bad_previous(void **state)
{
	(void)state;
	struct seal s;
	struct seal_entry e = { 2, "", "", "", "", "do", 0 };
	assert_false(seal_begin(&s, "abc", &e));
	assert_false(seal_begin(&s, "B7B314AA38242D8ECCFDA3036AAB36098BB6812B5F6B9805BD1AFAF37B53867A", &e));
	assert_true(seal_begin(&s, seal1, &e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_answers),
		cmocka_unit_test(test_each_field_counts),
		cmocka_unit_test(test_bad_previous),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
