/* copy_tables.c: the tables and columns r57 copy carries, one list both
 * stores read (store_copy.h): the journaled tables as journal.c lists
 * them (id first), then the journal's own three. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r57/store_copy.h"
#include "journal_int.h"

static const char entry_cols[] = "seq at day actor summary kind target undone";
static const char entry_types[] = "itttttii";
static const char change_cols[] =
	"id entry tbl row_id op cols v1 v2 v3 v4 v5 v6 v7 v8 v9 v10 v11 v12 v13 v14 v15 v16 v17";
static const char change_types[] = "iiiiiivvvvvvvvvvvvvvvvv";
static const char seal_cols[] = "seq seal";
static const char seal_types[] = "it";

const char *copy_table(int t)
{
	return t == COPY_ENTRY ? "entry" : t == COPY_CHANGES ? "change_log"
	     : t == COPY_SEALS ? "entry_seal" : journal_table((size_t)t);
}

static int words(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

int copy_n_cols(int t)
{
	if (t == COPY_ENTRY)
		return words(entry_cols);
	if (t == COPY_CHANGES)
		return words(change_cols);
	if (t == COPY_SEALS)
		return words(seal_cols);
	return 1 + words(journal_table_cols((size_t)t));
}

static const char *nth(const char *c, int k, int *len)
{
	for (; k > 0; k--) {
		c += strcspn(c, " ");
		c += *c == ' ';
	}
	*len = (int)strcspn(c, " ");
	return c;
}

const char *copy_col(int t, int k, int *len)
{
	if (t == COPY_ENTRY)
		return nth(entry_cols, k, len);
	if (t == COPY_CHANGES)
		return nth(change_cols, k, len);
	if (t == COPY_SEALS)
		return nth(seal_cols, k, len);
	if (k == 0) {
		*len = 2;
		return "id";
	}
	return nth(journal_table_cols((size_t)t), k - 1, len);
}

char copy_col_type(int t, int k)
{
	if (t == COPY_ENTRY)
		return entry_types[k];
	if (t == COPY_CHANGES)
		return change_types[k];
	if (t == COPY_SEALS)
		return seal_types[k];
	return k == 0 ? 'i' : journal_table_types((size_t)t)[k - 1];
}

char copy_value_type(int64_t tbl, int k)
{
	for (size_t i = 0; i < journal_n_tables(); i++)
		if (journal_table_code(i) == tbl) {
			const char *types = journal_table_types(i);
			return k >= 1 && (size_t)k <= strlen(types) ? types[k - 1] : 0;
		}
	return 0;
}

char *copy_select_sql(int t, const char *schema)
{
	char *sql = malloc(1024);
	if (!sql)
		abort();
	size_t n = (size_t)snprintf(sql, 1024, "SELECT ");
	for (int k = 0; k < copy_n_cols(t); k++) {
		int len;
		const char *c = copy_col(t, k, &len);
		n += (size_t)snprintf(sql + n, 1024 - n, "%s%.*s", k ? ", " : "", len, c);
	}
	int len;
	const char *first = copy_col(t, 0, &len);
	snprintf(sql + n, 1024 - n, " FROM %s%s ORDER BY %.*s", schema, copy_table(t), len, first);
	return sql;
}
