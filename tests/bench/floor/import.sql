-- r57 import tasks.csv into a database with the units, leaders and groups
-- but no tasks: the CSV read by the shell into a staging table, then one
-- journal entry and every task and coordinating unit in one transaction,
-- names looked up, dd/mm/yyyy turned into ISO dates. The journal's
-- triggers file a row image of each row, as they do for r57.
CREATE TEMP TABLE csv(title, grp, leader, unit, withs, due, product, status, closed);
.import --csv --skip 1 @CSV@ csv
BEGIN;
INSERT INTO entry(at, day, actor, summary) VALUES ('@NOW@', '@TODAY@', 'bench', 'import tasks.csv');
INSERT INTO task(uuid, title, product, group_id, leader_id, unit_id, year, due, first_due,
                 status, closed, created, updated)
SELECT lower(hex(randomblob(16))), c.title, nullif(c.product, ''),
       (SELECT id FROM task_group WHERE name = c.grp),
       (SELECT id FROM leader WHERE name = c.leader LIMIT 1),
       (SELECT id FROM unit WHERE name = c.unit),
       CAST(substr(c.due, 7, 4) AS INTEGER),
       substr(c.due, 7, 4) || '-' || substr(c.due, 4, 2) || '-' || substr(c.due, 1, 2),
       substr(c.due, 7, 4) || '-' || substr(c.due, 4, 2) || '-' || substr(c.due, 1, 2),
       CASE c.status WHEN 'Đã hoàn thành' THEN 'done' WHEN 'Đã hủy' THEN 'cancelled' ELSE 'open' END,
       CASE WHEN c.closed <> '' THEN
         substr(c.closed, 7, 4) || '-' || substr(c.closed, 4, 2) || '-' || substr(c.closed, 1, 2) END,
       '@NOW@', '@NOW@'
FROM csv c ORDER BY c.rowid;
WITH RECURSIVE first(id) AS (SELECT max(id) - (SELECT count(*) FROM csv) FROM task),
split(row, name, rest) AS (
  SELECT rowid, NULL, withs || '; ' FROM csv WHERE withs <> ''
  UNION ALL
  SELECT row, substr(rest, 1, instr(rest, '; ') - 1), substr(rest, instr(rest, '; ') + 2)
  FROM split WHERE rest <> '')
INSERT INTO task_unit(task_id, unit_id)
SELECT (SELECT id FROM first) + row, (SELECT id FROM unit WHERE name = split.name)
FROM split WHERE name IS NOT NULL ORDER BY row;
COMMIT;
