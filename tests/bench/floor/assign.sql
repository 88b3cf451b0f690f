-- r57 assign K --leader L2 --unit U2
BEGIN IMMEDIATE;
INSERT INTO entry(at, day, actor, summary, kind) VALUES('@NOW@', '@TODAY@', 'bench', '', 'do');
SELECT * FROM task WHERE id = @K@;
UPDATE task SET leader_id = (SELECT id FROM leader WHERE name = '@LEADER2@'),
                unit_id = (SELECT id FROM unit WHERE name = '@UNIT2@'),
                updated = '@NOW@'
WHERE id = @K@;
UPDATE entry SET summary = 'assign #@K@ to @LEADER2@, @UNIT2@' WHERE seq = (SELECT max(seq) FROM entry);
COMMIT;
