/* test_xalloc.c: the allocation helpers of r57/alloc.h (src/base/alloc.c):
 * what each gives for NULL and for zero, that the copies are copies, and
 * that a request that cannot be met ends the process rather than coming
 * back NULL. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "r57/alloc.h"

static void test_strdup_or_null(void **state)
{
	(void)state;
	assert_null(r57_strdup_or_null(NULL));
	const char *s = "Nguy\xe1\xbb\x85n";
	char *d = r57_strdup_or_null(s);
	assert_non_null(d);
	assert_ptr_not_equal(d, s);
	assert_string_equal(d, s);
	free(d);
	d = r57_strdup_or_null("");
	assert_non_null(d); /* empty is a value, not NULL */
	assert_string_equal(d, "");
	free(d);
}

static void test_xstrdup(void **state)
{
	(void)state;
	char *d = r57_xstrdup(NULL);
	assert_non_null(d);
	assert_string_equal(d, "");
	free(d);
	d = r57_xstrdup("abc");
	assert_string_equal(d, "abc");
	free(d);
}

static void test_zero_sizes(void **state)
{
	(void)state;
	void *p = r57_xmalloc(0);
	assert_non_null(p);
	free(p);
	p = r57_xcalloc(0, 8);
	assert_non_null(p);
	free(p);
	p = r57_xrealloc(NULL, 0);
	assert_non_null(p);
	free(p);
}

static void test_xcalloc_zeroes(void **state)
{
	(void)state;
	int *v = r57_xcalloc(100, sizeof *v);
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], 0);
	v = r57_xrealloc(v, 200 * sizeof *v);
	assert_int_equal(v[99], 0); /* kept what was there */
	free(v);
}

/* In a child: an n * size that overflows must not come back at all. The
 * child exits 0 if it got NULL and 1 if it got memory; abort (or the
 * sanitizer's own exit) is what is wanted. */
static void test_xcalloc_overflow_ends(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		void *p = r57_xcalloc(SIZE_MAX / 2 + 1, 4);
		_exit(p ? 1 : 0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_false(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strdup_or_null),
		cmocka_unit_test(test_xstrdup),
		cmocka_unit_test(test_zero_sizes),
		cmocka_unit_test(test_xcalloc_zeroes),
		cmocka_unit_test(test_xcalloc_overflow_ends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
