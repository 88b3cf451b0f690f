-- r57 export (CSV to a pipe): every task with every field and the names of
-- its group, leader, units and source, in id order.
.mode csv
.headers on
SELECT t.uuid, t.title, g.name, l.name, u.name,
       (SELECT group_concat(name, '; ') FROM (SELECT un.name AS name FROM task_unit tu
          JOIN unit un ON un.id = tu.unit_id WHERE tu.task_id = t.id ORDER BY tu.id)),
       s.code, t.year, t.due, t.first_due, t.extensions, t.product, t.result, t.notes,
       t.status, t.closed, t.created, t.updated
FROM task t
LEFT JOIN task_group g ON g.id = t.group_id
LEFT JOIN leader l ON l.id = t.leader_id
LEFT JOIN unit u ON u.id = t.unit_id
LEFT JOIN source s ON s.id = t.source_id
ORDER BY t.id;
