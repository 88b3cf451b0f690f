-- r57 close K (on today)
BEGIN IMMEDIATE;
INSERT INTO entry(at, day, actor, summary, kind) VALUES('@NOW@', '@TODAY@', 'bench', '', 'do');
SELECT * FROM task WHERE id = @K@;
UPDATE task SET status = 'done', closed = '@TODAY@', updated = '@NOW@' WHERE id = @K@;
UPDATE entry SET summary = 'close #@K@ on 30/06/2025' WHERE seq = (SELECT max(seq) FROM entry);
COMMIT;
