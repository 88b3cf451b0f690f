-- gen-check.sql: what a generated benchmark database must satisfy. Each
-- line prints a name and the number of rows that break it; all must be 0.
-- Run: sqlite3 -bail base.db < tests/bench/gen-check.sql
.mode tabs
SELECT 'entry out of time order', count(*) FROM entry a JOIN entry b ON b.seq = a.seq + 1 WHERE b.at < a.at;
SELECT 'entry.day not the day of entry.at', count(*) FROM entry WHERE day <> substr(at, 1, 10);
SELECT 'change under no entry', count(*) FROM change_log WHERE entry IS NULL;
SELECT 'task without its addition', count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.tbl = 5 AND c.row_id = t.id AND c.op = 1);
SELECT 'task removed by its last change', count(*) FROM task t WHERE (SELECT c.op FROM change_log c WHERE c.tbl = 5 AND c.row_id = t.id ORDER BY c.id DESC LIMIT 1) = 3;
SELECT 'a recorded status that is not a status', count(*) FROM change_log WHERE tbl = 5 AND cols & 8192 AND v14 NOT IN ('open', 'done', 'cancelled');
SELECT 'closed missing or set wrongly', count(*) FROM task WHERE (status = 'open') <> (closed IS NULL);
SELECT 'closed before created', count(*) FROM task WHERE closed < created;
SELECT 'closed after it was entered', count(*) FROM task t WHERE closed > substr(updated, 1, 10);
SELECT 'first deadline before created', count(*) FROM task WHERE first_due < created;
SELECT 'extended but due = first_due', count(*) FROM task WHERE (extensions > 0) <> (due IS NOT first_due);
SELECT 'source issued after the task', count(*) FROM task t JOIN source s ON s.id = t.source_id WHERE s.issued > t.created;
SELECT 'lead unit also coordinating', count(*) FROM task_unit tu JOIN task t ON t.id = tu.task_id WHERE tu.unit_id = t.unit_id;
SELECT 'groups not 1..4', (SELECT count(*) FROM task_group) <> 4 OR (SELECT group_concat(position) FROM (SELECT position FROM task_group ORDER BY id)) <> '1,2,3,4';
SELECT 'no init entry first', (SELECT kind FROM entry ORDER BY seq LIMIT 1) <> 'init';
SELECT 'foreign key errors', count(*) FROM pragma_foreign_key_check;
SELECT 'a status missing', 5 - count(*) FROM (
  SELECT DISTINCT CASE
    WHEN status = 'cancelled' THEN 'cancelled'
    WHEN status = 'done' AND (due IS NULL OR closed <= due) THEN 'on time'
    WHEN status = 'done' THEN 'late'
    WHEN due IS NULL OR due >= '2025-06-30' THEN 'within'
    ELSE 'overdue' END FROM task);
