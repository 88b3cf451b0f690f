/* store_rows.c: what both stores (store*.c, pg_*.c) make and read alike:
 * the key task groups of a new database, and the coordinating units of a
 * task, which each reads in one column. */
#include <stdlib.h>
#include <string.h>

#include "store_rows.h"

const char *role_kind_name(enum role_kind k)
{
	static const char *const names[] = { [ROLE_VIEWER] = "viewer", [ROLE_EDITOR] = "editor",
	                                     [ROLE_ADMIN] = "admin" };
	return names[k];
}

const char *const store_default_groups[STORE_N_DEFAULT_GROUPS] = {
	"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu",
	"Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu",
	"Nâng cao năng lực số cho cán bộ, công chức, viên chức",
	"Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số",
};

/* The coordinating units come as "<bytes>:<name>" one after another, so
 * that a name holding "; " stays one name: split into t->unit_list, and
 * joined by "; " into t->units for display. */
void store_units_unpack(const char *p, struct task *t)
{
	if (!p)
		return;
	size_t total = strlen(p), at = 0, shown = 0;
	int cap = 0;
	while (at < total) {
		char *end;
		unsigned long len = strtoul(p + at, &end, 10);
		if (*end != ':' || len > total - (size_t)(end + 1 - p))
			break;
		if (t->n_units == cap) {
			cap = cap ? cap * 2 : 4;
			char **grown = realloc(t->unit_list, (size_t)cap * sizeof *grown);
			if (!grown)
				abort();
			t->unit_list = grown;
		}
		char *name = malloc(len + 1);
		if (!name)
			abort();
		memcpy(name, end + 1, len);
		name[len] = '\0';
		t->unit_list[t->n_units++] = name;
		shown += len + 2;
		at = (size_t)(end + 1 - p) + len;
	}
	if (!t->n_units)
		return;
	t->units = malloc(shown + 1);
	if (!t->units)
		abort();
	size_t o = 0;
	for (int i = 0; i < t->n_units; i++) {
		if (i) {
			memcpy(t->units + o, "; ", 2);
			o += 2;
		}
		size_t n = strlen(t->unit_list[i]);
		memcpy(t->units + o, t->unit_list[i], n);
		o += n;
	}
	t->units[o] = '\0';
}
