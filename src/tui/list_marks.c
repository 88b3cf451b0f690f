/* list_marks.c: the tasks marked on the list (Space, M), at most 64; an action
 * (assign, close, cancel) works on all of them, else on the task under the
 * cursor. */
#include <stdlib.h>
#include <string.h>

#include "r57/alloc.h"
#include "r57/i18n.h"
#include "tui_int.h"
#include "list.h"

bool list_marked(const struct app *a, int64_t id)
{
	for (int i = 0; i < a->list.nmarks; i++)
		if (a->list.marks[i] == id)
			return true;
	return false;
}

void list_clear_marks(struct app *a)
{
	a->list.nmarks = 0;
}

int list_targets(struct app *a, int64_t *ids, int max)
{
	struct list_state *ls = &a->list;
	if (ls->nmarks) {
		int n = ls->nmarks < max ? ls->nmarks : max;
		memcpy(ids, ls->marks, (size_t)n * sizeof *ids);
		return n;
	}
	const struct task *t = list_current_task(a);
	if (!t || max < 1)
		return 0;
	ids[0] = t->id;
	return 1;
}

void list_toggle_mark(struct app *a)
{
	struct list_state *ls = &a->list;
	const struct task *t = list_current_task(a);
	if (!t)
		return;
	for (int i = 0; i < ls->nmarks; i++)
		if (ls->marks[i] == t->id) {
			ls->marks[i] = ls->marks[--ls->nmarks];
			list_move_down(a, 1);
			return;
		}
	if (ls->nmarks == 64) {
		app_message(a, true, "%s", _("At most 64 tasks can be marked at once"));
		return;
	}
	if (ls->nmarks == ls->capmarks) {
		ls->capmarks = ls->capmarks ? ls->capmarks * 2 : 16;
		ls->marks = r57_xrealloc(ls->marks, (size_t)ls->capmarks * sizeof *ls->marks);
	}
	ls->marks[ls->nmarks++] = t->id;
	app_message(a, false, _("%d marked: A assign, c close, x cancel act on all of them; M clears"),
	            ls->nmarks);
	list_move_down(a, 1);
}
