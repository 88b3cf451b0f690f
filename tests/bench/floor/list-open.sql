-- r57 list status:open --format tsv: every open task, by deadline (none
-- last), then id, as tab-separated lines. The (status, due) index gives
-- the order.
.mode tabs
SELECT * FROM (
SELECT t.id, t.uuid, t.title, t.notes, t.product, t.result,
       t.group_id, t.leader_id, t.unit_id, t.source_id,
       g.position, g.name, l.name, u.name, s.code,
       (SELECT group_concat(name, '; ') FROM (SELECT un.name AS name FROM task_unit tu
          JOIN unit un ON un.id = tu.unit_id WHERE tu.task_id = t.id ORDER BY tu.id)),
       t.year, t.due, t.first_due, t.closed, t.created, t.extensions, t.status, t.updated
FROM task t
LEFT JOIN task_group g ON g.id = t.group_id
LEFT JOIN leader l ON l.id = t.leader_id
LEFT JOIN unit u ON u.id = t.unit_id
LEFT JOIN source s ON s.id = t.source_id
WHERE t.status = 'open' AND t.due IS NOT NULL ORDER BY t.due, t.id)
UNION ALL
SELECT * FROM (
SELECT t.id, t.uuid, t.title, t.notes, t.product, t.result,
       t.group_id, t.leader_id, t.unit_id, t.source_id,
       g.position, g.name, l.name, u.name, s.code,
       (SELECT group_concat(name, '; ') FROM (SELECT un.name AS name FROM task_unit tu
          JOIN unit un ON un.id = tu.unit_id WHERE tu.task_id = t.id ORDER BY tu.id)),
       t.year, t.due, t.first_due, t.closed, t.created, t.extensions, t.status, t.updated
FROM task t
LEFT JOIN task_group g ON g.id = t.group_id
LEFT JOIN leader l ON l.id = t.leader_id
LEFT JOIN unit u ON u.id = t.unit_id
LEFT JOIN source s ON s.id = t.source_id
WHERE t.status = 'open' AND t.due IS NULL ORDER BY t.id);
