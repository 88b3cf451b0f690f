/* test_hash.c: the string -> int map of base/hash.c that an import looks
 * names up in: a slot added is -1 until set, found again by the same key
 * only, kept across the table's growth, and gone after smap_free; and the
 * FNV-1a hash its values come from. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "r57/hash.h"

static void slots(void **state)
{
	(void)state;
	struct smap m = { 0 };
	assert_null(smap_slot(&m, "An", false));
	int *a = smap_slot(&m, "An", true);
	assert_non_null(a);
	assert_int_equal(*a, -1);
	*a = 7;
	assert_int_equal(*smap_slot(&m, "An", false), 7);
	assert_int_equal(*smap_slot(&m, "An", true), 7); /* not added twice */
	assert_null(smap_slot(&m, "Ân", false));         /* keys are bytes */
	assert_null(smap_slot(&m, "an", false));
	assert_int_equal((int)m.n, 1);
	smap_free(&m);
	assert_null(smap_slot(&m, "An", false));
	assert_int_equal((int)m.n, 0);
}

static void growth(void **state)
{
	(void)state;
	struct smap m = { 0 };
	char key[32];
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "task %d", i);
		*smap_slot(&m, key, true) = i;
	}
	assert_int_equal((int)m.n, 10000);
	assert_true(m.cap >= 20000); /* never more than half full */
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "task %d", i);
		int *v = smap_slot(&m, key, false);
		assert_non_null(v);
		assert_int_equal(*v, i);
	}
	assert_null(smap_slot(&m, "task 10000", false));
	smap_free(&m);
}

/* FNV-1a's published values, and a hash carried on in pieces. */
static void fnv1a(void **state)
{
	(void)state;
	assert_true(hash_str("") == 0xcbf29ce484222325ULL);
	assert_true(hash_str("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(hash_str("foobar") == 0x85944171f73967e8ULL);
	assert_true(hash_bytes("bar", 3, hash_bytes("foo", 3, HASH_SEED)) == hash_str("foobar"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slots),
		cmocka_unit_test(growth),
		cmocka_unit_test(fnv1a),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
