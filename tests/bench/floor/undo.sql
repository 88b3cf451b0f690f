-- r57 undo: the actor's newest entry (a close of #K), checked, reverted
BEGIN IMMEDIATE;
-- the check: every row it changed still equals the image it left
SELECT c.tbl, c.row_id, c.after = (SELECT img FROM image_task WHERE id = c.row_id), max(c.id)
FROM change c WHERE c.entry = (SELECT seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1)
GROUP BY c.tbl, c.row_id;
INSERT INTO entry(at, day, actor, summary, kind, target)
  SELECT '@NOW@', '@TODAY@', 'bench', 'undo #' || seq || ': ' || summary, 'undo', seq
  FROM entry WHERE seq = (SELECT seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1);
UPDATE task SET (uuid, title, notes, product, result, group_id, leader_id, unit_id,
                 source_id, year, due, first_due, extensions, status, closed, created, updated) =
  (SELECT b->>'uuid', b->>'title', b->>'notes', b->>'product', b->>'result',
          b->>'group_id', b->>'leader_id', b->>'unit_id', b->>'source_id', b->>'year',
          b->>'due', b->>'first_due', b->>'extensions', b->>'status', b->>'closed',
          b->>'created', b->>'updated'
   FROM (SELECT before AS b FROM change
         WHERE entry = (SELECT seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1) AND tbl = 'task' AND row_id = @K@))
WHERE id = @K@;
UPDATE entry SET undone = 1 WHERE seq = (SELECT seq FROM entry WHERE actor = 'bench' AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1);
COMMIT;
