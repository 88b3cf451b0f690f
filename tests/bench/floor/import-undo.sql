-- r57 undo of an import: the actor's newest entry (import tasks.csv, every
-- task of the file): no later change to its rows, then the rows it added
-- deleted with their coordinating units, one statement a table, in one
-- transaction. The journal's triggers record each row deleted (its
-- values, for redo), as they do for r57.
BEGIN IMMEDIATE;
CREATE TEMP TABLE e AS
  SELECT max(seq) AS seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0;
SELECT count(*) FROM change_log x JOIN change_log c ON c.tbl = x.tbl AND c.row_id = x.row_id
  AND c.id > x.id WHERE x.entry = (SELECT seq FROM e);
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'undo #' || seq || ': ' || summary, 'undo', seq
  FROM entry WHERE seq = (SELECT seq FROM e);
DELETE FROM task_unit WHERE id IN
  (SELECT row_id FROM change_log WHERE entry = (SELECT seq FROM e) AND tbl = 6 AND op = 1);
DELETE FROM task WHERE id IN
  (SELECT row_id FROM change_log WHERE entry = (SELECT seq FROM e) AND tbl = 5 AND op = 1);
UPDATE entry SET undone = 1 WHERE seq = (SELECT seq FROM e);
DROP TABLE e;
COMMIT;
