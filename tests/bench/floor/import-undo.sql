-- r57 undo of an import: the actor's newest entry (import tasks.csv, every
-- task of the file), each task it added checked against the image it left,
-- then deleted with its coordinating units, in one transaction. The
-- journal's triggers file an image of each row deleted, as they do for r57.
BEGIN IMMEDIATE;
CREATE TEMP TABLE e AS
  SELECT max(seq) AS seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0;
SELECT count(*) FROM change c
WHERE c.entry = (SELECT seq FROM e) AND c.tbl = 'task'
  AND c.after IS NOT (SELECT img FROM image_task WHERE id = c.row_id);
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'undo #' || seq || ': ' || summary, 'undo', seq
  FROM entry WHERE seq = (SELECT seq FROM e);
DELETE FROM task_unit WHERE task_id IN
  (SELECT row_id FROM change WHERE entry = (SELECT seq FROM e) AND tbl = 'task');
DELETE FROM task WHERE id IN
  (SELECT row_id FROM change WHERE entry = (SELECT seq FROM e) AND tbl = 'task');
UPDATE entry SET undone = 1 WHERE seq = (SELECT seq FROM e);
COMMIT;
