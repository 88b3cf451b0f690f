-- r57 redo: re-apply the entry the actor's newest undo reverted: the undo
-- of that undo, from the values the undo recorded
BEGIN IMMEDIATE;
CREATE TEMP TABLE u AS
  SELECT u.seq AS seq, t.seq AS target FROM entry u JOIN entry t ON t.seq = u.target
   WHERE u.actor = 'bench' AND u.kind = 'undo' AND t.undone = 1
     AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = 'bench' AND d.kind = 'do' AND d.seq > u.seq)
   ORDER BY u.seq DESC LIMIT 1;
SELECT count(*) FROM change_log x JOIN change_log c ON c.tbl = x.tbl AND c.row_id = x.row_id
  AND c.id > x.id WHERE x.entry = (SELECT seq FROM u);
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'redo #' || seq || ': ' || summary, 'redo', seq
  FROM entry WHERE seq = (SELECT target FROM u);
UPDATE task SET status = CASE WHEN c.cols & 8192 THEN c.v14 ELSE status END,
                closed = CASE WHEN c.cols & 16384 THEN c.v15 ELSE closed END,
                result = CASE WHEN c.cols & 16 THEN c.v5 ELSE result END,
                updated = CASE WHEN c.cols & 65536 THEN c.v17 ELSE updated END
  FROM change_log c WHERE c.entry = (SELECT seq FROM u) AND c.tbl = 5 AND task.id = c.row_id;
UPDATE entry SET undone = 0 WHERE seq = (SELECT target FROM u);
DROP TABLE u;
COMMIT;
