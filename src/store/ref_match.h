/* ref_match.h: what both stores (store_ref.c, pg_ref.c) decide alike about
 * groups, leaders, units and sources once their rows are read
 * (ref_match.c): which one a user meant by what was typed, whether a new
 * name looks like another, and why one cannot be removed. */
#ifndef R57_REF_MATCH_H
#define R57_REF_MATCH_H

#include <stdbool.h>
#include <stdint.h>
#include "r57/err.h"
#include "r57/store.h"

/* One row of a kind's names: id, name, and its third column (a group's
 * number, a leader's unit, a source's title; NULL for a unit). */
struct ref_name {
	int64_t id;
	char *name;
	char *third;
	int position;
};
struct ref_names {
	struct ref_name *v;
	int n, cap;
};
/* Add one row (copies the strings); false when out of memory. */
bool ref_names_push(struct ref_names *ns, int64_t id, const char *name, const char *third,
                    int position);
void ref_names_free(struct ref_names *ns);

/* Whether typed is an id (or a group's number): digits alone. */
bool ref_all_digits(const char *s);

/* The kind's name for messages ("group", translated at use). */
const char *ref_label(enum ref_kind k);

/* Which row typed names, by the tiers of store.h's find: the exact name
 * (case aside), then the name without diacritics (unless typed with
 * them and marks_matter), then a part of a name. Exactly one row of the
 * best tier that matches: its id; none or several: the message saying so
 * (the candidates listed). */
int ref_pick(enum ref_kind k, const char *typed, bool marks_matter, const struct ref_names *ns,
             int64_t *id_out, struct r57_err *err);
/* Whether name folds to the name of another row than except: the warning
 * into warn. */
bool ref_looks_like(enum ref_kind k, const char *name, int64_t except, const struct ref_names *ns,
                    struct r57_err *warn);
/* The refusal to remove r while tasks (or leaders) use it, or while it
 * has received reminders (n of them). */
int ref_in_use(enum ref_kind k, const struct ref *r, struct r57_err *err);
int ref_reminded(enum ref_kind k, const struct ref *r, int64_t n, struct r57_err *err);
/* A name that another row has already. */
int ref_exists(enum ref_kind k, const char *name, struct r57_err *err);

#endif
