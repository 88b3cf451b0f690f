/* test_queries.c: the statements both stores share (src/store/queries.h):
 * each prepares on a file of today's schema, where SQLite numbers its $N
 * as the store binds them (value N is $N: named parameters are numbered in
 * the order they first appear); on a server each uses every $N from $1 up,
 * as PostgreSQL requires of the values it is given; and the two differ
 * only in how they name r57's tables. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "r57/schema.h"
#include "../../src/store/queries.h"

struct query {
	const char *name, *sql;
};
#define ROW(name, sql) { #name, sql },
static const struct query file_q[] = { QUERY_ALL(ROW, QUERY_FILE) };
static const struct query server_q[] = { QUERY_ALL(ROW, QUERY_SERVER) };
#undef ROW
#define N_QUERIES (sizeof file_q / sizeof *file_q)

/* The $N of sql in the order they first appear, *n of them (a number
 * seen again is not counted again). */
static void first_numbers(const char *sql, int *v, int *n)
{
	*n = 0;
	for (const char *p = sql; (p = strchr(p, '$')); p++) {
		int k = atoi(p + 1);
		bool seen = false;
		for (int i = 0; i < *n; i++)
			seen = seen || v[i] == k;
		if (!seen)
			v[(*n)++] = k;
	}
}

static void numbered_in_order(void **state)
{
	(void)state;
	for (size_t q = 0; q < N_QUERIES; q++) {
		int v[16], n;
		first_numbers(server_q[q].sql, v, &n);
		for (int i = 0; i < n; i++)
			if (v[i] != i + 1)
				fail_msg("%s: $%d where $%d was due: %s", server_q[q].name, v[i], i + 1,
				         server_q[q].sql);
		assert_null(strchr(server_q[q].sql, '?'));
	}
}

static void prepared_on_a_file(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, r57_schema_sql, NULL, NULL, NULL), SQLITE_OK);
	for (size_t q = 0; q < N_QUERIES; q++) {
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(db, file_q[q].sql, -1, &s, NULL) != SQLITE_OK)
			fail_msg("%s: %s", file_q[q].name, sqlite3_errmsg(db));
		int v[16], n;
		first_numbers(file_q[q].sql, v, &n);
		assert_int_equal(sqlite3_bind_parameter_count(s), n);
		for (int i = 1; i <= n; i++) {
			char want[16];
			snprintf(want, sizeof want, "$%d", i);
			const char *got = sqlite3_bind_parameter_name(s, i);
			if (!got || strcmp(got, want) != 0)
				fail_msg("%s: parameter %d is %s, not %s", file_q[q].name, i, got ? got : "(none)",
				         want);
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
}

/* The server's text is the file's with "r57." before each table. */
static void the_same_sql(void **state)
{
	(void)state;
	for (size_t q = 0; q < N_QUERIES; q++) {
		char plain[4096];
		size_t n = 0;
		for (const char *p = server_q[q].sql; *p && n + 1 < sizeof plain;)
			if (strncmp(p, "r57.", 4) == 0)
				p += 4;
			else
				plain[n++] = *p++;
		plain[n] = '\0';
		assert_string_equal(plain, file_q[q].sql);
		assert_true(strlen(server_q[q].sql) > strlen(file_q[q].sql));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbered_in_order),
		cmocka_unit_test(prepared_on_a_file),
		cmocka_unit_test(the_same_sql),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
