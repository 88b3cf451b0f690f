-- r57 add TITLE --group 1 --leader L --unit U --with W --due 31/12/2025
--     --product P --source 97-CTr/TU --year 2025
BEGIN IMMEDIATE;
INSERT INTO entry(at, day, actor, summary, kind) VALUES('@NOW@', '@TODAY@', 'bench', '', 'do');
INSERT INTO task(uuid, title, product, group_id, leader_id, unit_id, source_id,
                 year, due, first_due, status, created, updated)
VALUES(lower(hex(randomblob(16))), '@TITLE@', 'Hệ thống được đưa vào vận hành',
       (SELECT id FROM task_group WHERE position = 1),
       (SELECT id FROM leader WHERE name = '@LEADER@'),
       (SELECT id FROM unit WHERE name = '@UNIT@'),
       (SELECT id FROM source WHERE code = '97-CTr/TU'),
       2025, '2025-12-31', '2025-12-31', 'open', '@TODAY@', '@NOW@');
INSERT INTO task_unit(task_id, unit_id)
VALUES(last_insert_rowid(), (SELECT id FROM unit WHERE name = '@WITH@'));
UPDATE entry SET summary = 'add #' || (SELECT max(id) FROM task) || ': @TITLE@'
WHERE seq = (SELECT max(seq) FROM entry);
COMMIT;
