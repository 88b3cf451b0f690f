/* queries.h: the statements both stores run whose SQL is the same, in one
 * place, so that a file and a server cannot come to read or write
 * differently. Each is a macro of T, the way a store names a table of
 * r57's: QUERY_FILE (task) or QUERY_SERVER (r57.task). Macros, not a table
 * of strings: each stays a string literal, which a store's own static
 * tables can hold and to which it adds its own tail (an ORDER BY, a WHERE,
 * RETURNING id). Values are $1, $2, ... in the order they first appear:
 * PostgreSQL's numbers, and SQLite's too, which numbers named parameters
 * by their first appearance, so the store binds $N as value N
 * (tests/unit/test_queries.c prepares each on a file and checks both).
 *
 * What stays in its own store, and why (the SQL is not the same):
 * - the figures (store_figures.c, pg_figures.c): the server compares days
 *   under COLLATE "C", casts change_log's values (text there) to their
 *   types, and a file's CROSS JOIN fixes SQLite's order of the joins;
 * - undo and redo (journal_plan.c, journal_apply.c; pg_undo.c): the same
 *   plan, but a file's statements are numbered ?1 .. ?5 around MOVED and
 *   OF_X (a "$1" among them would be a parameter of its own), and the
 *   server's need casts, IS DISTINCT FROM and (cols & k) <> 0;
 *   the entry of an action (journal.c's INSERT; the server's
 *   r57.entry_start, which writes the login as its actor);
 * - the history (journal.c, pg_journal.c): named parameters on a file,
 *   numbered as they are added on a server, which casts v2 to text;
 * - the reminders' due tasks and counts (store_remind.c, pg_remind.c): the
 *   server compares days under COLLATE "C";
 * - the lists of names: a file sorts them in SQL (r57_sortkey,
 *   r57_person_key), a server in C (text.h), so only their SELECT is
 *   shared; group names' ties go by id on the server;
 * - renaming and removing a name: the server's are made per table, with
 *   RETURNING id; a source's insert binds its date as ?4 on a file. */
#ifndef R57_QUERIES_H
#define R57_QUERIES_H

#define QUERY_FILE(table) table
#define QUERY_SERVER(table) "r57." table

/* --- groups, leaders, units, sources (store_ref.c, pg_ref.c) ---------------
 * A name's row: id, name, title, extra, position, uses, extra_id. */
#define QUERY_GROUP_COLS(T) "SELECT g.id, g.name, NULL, NULL, g.position," \
	" (SELECT count(*) FROM " T("task") " WHERE group_id = g.id), 0 FROM " T("task_group") " g"
#define QUERY_LEADER_COLS(T) "SELECT l.id, l.name, l.title, u.name, 0," \
	" (SELECT count(*) FROM " T("task") " WHERE leader_id = l.id), l.unit_id FROM " T("leader") " l" \
	" LEFT JOIN " T("unit") " u ON u.id = l.unit_id"
#define QUERY_UNIT_COLS(T) "SELECT u.id, u.name, NULL, NULL, 0," \
	" (SELECT count(*) FROM " T("task") " WHERE unit_id = u.id)" \
	" + (SELECT count(*) FROM " T("task_unit") " WHERE unit_id = u.id)" \
	" + (SELECT count(*) FROM " T("leader") " WHERE unit_id = u.id), 0 FROM " T("unit") " u"
#define QUERY_SOURCE_COLS(T) "SELECT s.id, s.code, s.title, s.issued, 0," \
	" (SELECT count(*) FROM " T("task") " WHERE source_id = s.id), 0 FROM " T("source") " s"
/* The names to choose among: id, name, third (a leader's unit, a source's
 * title), unsorted. */
#define QUERY_LEADER_NAMES(T) "SELECT l.id, l.name, u.name FROM " T("leader") " l" \
	" LEFT JOIN " T("unit") " u ON u.id = l.unit_id"
#define QUERY_UNIT_NAMES(T) "SELECT id, name, NULL FROM " T("unit")
#define QUERY_SOURCE_NAMES(T) "SELECT id, code, title FROM " T("source")
/* A new name: a group last, a leader with title and unit, a unit. */
#define QUERY_GROUP_INSERT(T) "INSERT INTO " T("task_group") "(name, position) VALUES ($1," \
	" (SELECT coalesce(max(position), 0) + 1 FROM " T("task_group") "))"
#define QUERY_LEADER_INSERT(T) "INSERT INTO " T("leader") "(name, title, unit_id) VALUES ($1, $2, $3)"
#define QUERY_UNIT_INSERT(T) "INSERT INTO " T("unit") "(name) VALUES ($1)"
/* The reminders sent to unit (leader) $1: one of them keeps it. */
#define QUERY_UNIT_REMINDERS(T) "SELECT count(*) FROM " T("reminder") " WHERE unit_id = $1"
#define QUERY_LEADER_REMINDERS(T) "SELECT count(*) FROM " T("reminder") " WHERE leader_id = $1"
/* The groups' numbers: closed up after number $1 is removed; how many;
 * those from $1 to before $2 moved down one (up one: from $2 to $1, a
 * group moved towards the end); group $2 given number $1. */
#define QUERY_GROUP_CLOSE_UP(T) "UPDATE " T("task_group") " SET position = position - 1 WHERE position > $1"
#define QUERY_GROUP_COUNT(T) "SELECT count(*) FROM " T("task_group")
#define QUERY_GROUP_SHIFT_DOWN(T) "UPDATE " T("task_group") \
	" SET position = position + 1 WHERE position >= $1 AND position < $2"
#define QUERY_GROUP_SHIFT_UP(T) "UPDATE " T("task_group") \
	" SET position = position - 1 WHERE position <= $1 AND position > $2"
#define QUERY_GROUP_PLACE(T) "UPDATE " T("task_group") " SET position = $1 WHERE id = $2"

/* --- reminders (store_remind.c, pg_remind.c) --------------------------------
 * A reminder recorded (a server adds RETURNING id), and each of its tasks. */
#define QUERY_REMINDER_INSERT(T) "INSERT INTO " T("reminder") \
	"(unit_id, leader_id, issued, as_of, within_days, lang) VALUES ($1, $2, $3, $4, $5, $6)"
#define QUERY_REMINDER_TASK_INSERT(T) "INSERT INTO " T("reminder_task") \
	"(reminder_id, task_id, due, days_late) VALUES ($1, $2, $3, $4)"
/* What a reminder of task $1 needs to know of it. */
#define QUERY_REMINDER_TASK_STATE(T) "SELECT status, due, unit_id, leader_id FROM " T("task") " WHERE id = $1"
/* A reminder as recorded, with who issued it: the actor of the entry that
 * first added its row (a redo adds it again later, under the same actor). */
#define QUERY_REMINDER_SELECT(T) \
	"SELECT r.id, r.unit_id, r.leader_id, coalesce(u.name, l.name), r.issued, r.as_of," \
	" r.within_days, r.lang, e.seq, e.actor" \
	" FROM " T("reminder") " r" \
	" LEFT JOIN " T("unit") " u ON u.id = r.unit_id" \
	" LEFT JOIN " T("leader") " l ON l.id = r.leader_id" \
	" LEFT JOIN " T("entry") " e ON e.seq = (SELECT c.entry FROM " T("change_log") " c" \
	"   WHERE c.tbl = 7 AND c.row_id = r.id AND c.op = 1 ORDER BY c.id LIMIT 1)"
/* The tasks of reminder $1, in the order they were recorded. */
#define QUERY_REMINDER_TASKS(T) \
	"SELECT rt.task_id, t.title, rt.due, rt.days_late FROM " T("reminder_task") " rt" \
	" LEFT JOIN " T("task") " t ON t.id = rt.task_id WHERE rt.reminder_id = $1 ORDER BY rt.id"

/* --- the journal (journal.c, journal_plan.c; pg_journal.c, pg_undo.c) -------
 * An entry's columns, as each store's read_entry reads them. */
#define QUERY_ENTRY_COLS(T) "SELECT seq, at, actor, summary, kind, target, undone FROM " T("entry")
/* What undo would revert for actor $1: the actor's newest action that
 * stands. What redo would: the actor's newest undo whose entry is still
 * undone, unless the actor has done something new since. */
#define QUERY_UNDO_TARGET(T) \
	QUERY_ENTRY_COLS(T) " WHERE actor = $1 AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1"
#define QUERY_REDO_TARGET(T) \
	"SELECT t.seq, t.at, t.actor, t.summary, t.kind, t.target, t.undone" \
	" FROM " T("entry") " u JOIN " T("entry") " t ON t.seq = u.target" \
	" WHERE u.actor = $1 AND u.kind = 'undo' AND t.undone = 1" \
	" AND NOT EXISTS (SELECT 1 FROM " T("entry") " d WHERE d.actor = $1 AND d.kind = 'do' AND d.seq > u.seq)" \
	" ORDER BY u.seq DESC LIMIT 1"
/* The newest undo of entry $1 (what its redo reverts). */
#define QUERY_NEWEST_UNDO(T) "SELECT max(seq) FROM " T("entry") " WHERE kind = 'undo' AND target = $1"
/* The entry that last changed task $1. */
#define QUERY_TASK_LAST(T) \
	QUERY_ENTRY_COLS(T) " WHERE seq = (SELECT entry FROM " T("change_log") " WHERE tbl = 5 AND row_id = $1" \
	" ORDER BY id DESC LIMIT 1)"
/* (a part of a statement) The action behind change c: the action itself,
 * or the one an undo or redo reverted or re-applied (d). */
#define QUERY_BEHIND(T, c) \
	" JOIN " T("entry") " ce ON ce.seq = " c ".entry JOIN " T("entry") " d ON d.seq =" \
	" CASE WHEN ce.kind IN ('undo', 'redo') THEN ce.target ELSE ce.seq END"

/* Every whole statement above, for the test: X(name, sql). */
#define QUERY_ALL(X, T) \
	X(GROUP_COLS, QUERY_GROUP_COLS(T)) X(LEADER_COLS, QUERY_LEADER_COLS(T)) \
	X(UNIT_COLS, QUERY_UNIT_COLS(T)) X(SOURCE_COLS, QUERY_SOURCE_COLS(T)) \
	X(LEADER_NAMES, QUERY_LEADER_NAMES(T)) X(UNIT_NAMES, QUERY_UNIT_NAMES(T)) \
	X(SOURCE_NAMES, QUERY_SOURCE_NAMES(T)) X(GROUP_INSERT, QUERY_GROUP_INSERT(T)) \
	X(LEADER_INSERT, QUERY_LEADER_INSERT(T)) X(UNIT_INSERT, QUERY_UNIT_INSERT(T)) \
	X(UNIT_REMINDERS, QUERY_UNIT_REMINDERS(T)) X(LEADER_REMINDERS, QUERY_LEADER_REMINDERS(T)) \
	X(GROUP_CLOSE_UP, QUERY_GROUP_CLOSE_UP(T)) X(GROUP_COUNT, QUERY_GROUP_COUNT(T)) \
	X(GROUP_SHIFT_DOWN, QUERY_GROUP_SHIFT_DOWN(T)) X(GROUP_SHIFT_UP, QUERY_GROUP_SHIFT_UP(T)) \
	X(GROUP_PLACE, QUERY_GROUP_PLACE(T)) X(REMINDER_INSERT, QUERY_REMINDER_INSERT(T)) \
	X(REMINDER_TASK_INSERT, QUERY_REMINDER_TASK_INSERT(T)) \
	X(REMINDER_TASK_STATE, QUERY_REMINDER_TASK_STATE(T)) \
	X(REMINDER_SELECT, QUERY_REMINDER_SELECT(T)) X(REMINDER_TASKS, QUERY_REMINDER_TASKS(T)) \
	X(ENTRY_COLS, QUERY_ENTRY_COLS(T)) X(UNDO_TARGET, QUERY_UNDO_TARGET(T)) \
	X(REDO_TARGET, QUERY_REDO_TARGET(T)) X(NEWEST_UNDO, QUERY_NEWEST_UNDO(T)) \
	X(TASK_LAST, QUERY_TASK_LAST(T)) \
	X(BEHIND, "SELECT d.seq FROM " T("change_log") " c" QUERY_BEHIND(T, "c"))

#endif
