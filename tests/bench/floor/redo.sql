-- r57 redo: re-apply the entry the actor's newest undo reverted
BEGIN IMMEDIATE;
SELECT c.tbl, c.row_id, c.before = (SELECT img FROM image_task WHERE id = c.row_id), min(c.id)
FROM change c WHERE c.entry = (SELECT t.seq FROM entry u JOIN entry t ON t.seq = u.target
   WHERE u.actor = 'bench' AND u.kind = 'undo' AND t.undone = 1
     AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = 'bench' AND d.kind = 'do' AND d.seq > u.seq)
   ORDER BY u.seq DESC LIMIT 1)
GROUP BY c.tbl, c.row_id;
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'redo #' || seq || ': ' || summary, 'redo', seq
  FROM entry WHERE seq = (SELECT t.seq FROM entry u JOIN entry t ON t.seq = u.target
   WHERE u.actor = 'bench' AND u.kind = 'undo' AND t.undone = 1
     AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = 'bench' AND d.kind = 'do' AND d.seq > u.seq)
   ORDER BY u.seq DESC LIMIT 1);
UPDATE task SET (uuid, title, notes, product, result, group_id, leader_id, unit_id,
                 source_id, year, due, first_due, extensions, status, closed, created, updated) =
  (SELECT a->>'uuid', a->>'title', a->>'notes', a->>'product', a->>'result',
          a->>'group_id', a->>'leader_id', a->>'unit_id', a->>'source_id', a->>'year',
          a->>'due', a->>'first_due', a->>'extensions', a->>'status', a->>'closed',
          a->>'created', a->>'updated'
   FROM (SELECT after AS a FROM change
         WHERE entry = (SELECT t.seq FROM entry u JOIN entry t ON t.seq = u.target
   WHERE u.actor = 'bench' AND u.kind = 'undo' AND t.undone = 1
     AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = 'bench' AND d.kind = 'do' AND d.seq > u.seq)
   ORDER BY u.seq DESC LIMIT 1) AND tbl = 'task' AND row_id = @K@))
WHERE id = @K@;
UPDATE entry SET undone = 0 WHERE seq = (SELECT t.seq FROM entry u JOIN entry t ON t.seq = u.target
   WHERE u.actor = 'bench' AND u.kind = 'undo' AND t.undone = 1
     AND NOT EXISTS (SELECT 1 FROM entry d WHERE d.actor = 'bench' AND d.kind = 'do' AND d.seq > u.seq)
   ORDER BY u.seq DESC LIMIT 1);
COMMIT;
