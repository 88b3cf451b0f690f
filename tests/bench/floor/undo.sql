-- r57 undo: the actor's newest entry (a close of #K), checked, reverted
BEGIN IMMEDIATE;
CREATE TEMP TABLE e AS
  SELECT max(seq) AS seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0;
-- the check: no later change to the rows it changed
SELECT count(*) FROM change_log x JOIN change_log c ON c.tbl = x.tbl AND c.row_id = x.row_id
  AND c.id > x.id WHERE x.entry = (SELECT seq FROM e);
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'undo #' || seq || ': ' || summary, 'undo', seq
  FROM entry WHERE seq = (SELECT seq FROM e);
-- the columns it changed, back to the values it recorded
UPDATE task SET status = CASE WHEN c.cols & 8192 THEN c.v14 ELSE status END,
                closed = CASE WHEN c.cols & 16384 THEN c.v15 ELSE closed END,
                result = CASE WHEN c.cols & 16 THEN c.v5 ELSE result END,
                updated = CASE WHEN c.cols & 65536 THEN c.v17 ELSE updated END
  FROM change_log c WHERE c.entry = (SELECT seq FROM e) AND c.tbl = 5 AND task.id = c.row_id;
UPDATE entry SET undone = 1 WHERE seq = (SELECT seq FROM e);
DROP TABLE e;
COMMIT;
