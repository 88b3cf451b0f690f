/* store_task_cols.h: the columns a task is read with on a file, shared by
 * the reading of one task and its writes (store_task.c) and the lists and
 * pages (store_list.c): the statements and read_task, which reads a row of
 * them. */
#ifndef R57_STORE_TASK_COLS_H
#define R57_STORE_TASK_COLS_H

#include "r57/store_task.h"
#include "store_int.h"

#define TASK_COLS_HEAD \
	"SELECT t.id, t.uuid, t.title, t.notes, t.product, t.result," \
	" t.group_id, t.leader_id, t.unit_id, t.source_id," \
	" g.position, g.name, l.name, u.name, s.code,"
#define TASK_COLS_UNITS \
	" (SELECT group_concat(length(CAST(name AS BLOB)) || ':' || name, '') FROM (SELECT un.name AS name FROM task_unit tu" \
	"   JOIN unit un ON un.id = tu.unit_id WHERE tu.task_id = t.id ORDER BY tu.id)),"
#define TASK_COLS_TAIL \
	" t.year, t.due, t.first_due, t.closed, t.created, t.extensions, t.status, t.updated"
#define TASK_JOINS \
	" LEFT JOIN task_group g ON g.id = t.group_id" \
	" LEFT JOIN leader l ON l.id = t.leader_id" \
	" LEFT JOIN unit u ON u.id = t.unit_id" \
	" LEFT JOIN source s ON s.id = t.source_id"
/* The screen's pages do not show coordinating units: no subquery per row. */
#define TASK_COLS_PAGE TASK_COLS_HEAD " NULL," TASK_COLS_TAIL
#define TASK_COLS TASK_COLS_HEAD TASK_COLS_UNITS TASK_COLS_TAIL
#define TASK_SELECT TASK_COLS " FROM task t" TASK_JOINS

void read_task(sqlite3_stmt *s, struct task *t);

#endif
