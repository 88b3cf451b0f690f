-- r57 status --breakdowns (and --format html): the figures per group as
-- in status.sql, the same per lead unit and per lead person with their
-- names, the plan year of the summary paragraph, and the reminders each
-- unit received.
SELECT id, position, name FROM task_group ORDER BY position;
SELECT coalesce(group_id, 0),
       count(*),
       sum(status = 'done'),
       sum(status = 'done' AND (due IS NULL OR closed <= due)),
       sum(status = 'done' AND closed > due),
       sum(status = 'open'),
       sum(status = 'open' AND (due IS NULL OR due >= '@TODAY@')),
       sum(status = 'open' AND due < '@TODAY@'),
       sum(created > '@SINCE@'),
       sum(extensions > 0)
FROM task NOT INDEXED WHERE status <> 'cancelled'
GROUP BY group_id;
SELECT t.unit_id, u.name,
       count(*),
       sum(t.status = 'done'),
       sum(t.status = 'done' AND (t.due IS NULL OR t.closed <= t.due)),
       sum(t.status = 'done' AND t.closed > t.due),
       sum(t.status = 'open'),
       sum(t.status = 'open' AND (t.due IS NULL OR t.due >= '@TODAY@')),
       sum(t.status = 'open' AND t.due < '@TODAY@'),
       sum(t.created > '@SINCE@'),
       sum(t.extensions > 0)
FROM task t NOT INDEXED LEFT JOIN unit u ON u.id = t.unit_id WHERE t.status <> 'cancelled'
GROUP BY t.unit_id;
SELECT t.leader_id, l.name,
       count(*),
       sum(t.status = 'done'),
       sum(t.status = 'done' AND (t.due IS NULL OR t.closed <= t.due)),
       sum(t.status = 'done' AND t.closed > t.due),
       sum(t.status = 'open'),
       sum(t.status = 'open' AND (t.due IS NULL OR t.due >= '@TODAY@')),
       sum(t.status = 'open' AND t.due < '@TODAY@'),
       sum(t.created > '@SINCE@'),
       sum(t.extensions > 0)
FROM task t NOT INDEXED LEFT JOIN leader l ON l.id = t.leader_id WHERE t.status <> 'cancelled'
GROUP BY t.leader_id;
SELECT year, count(*), sum(status = 'done') FROM task NOT INDEXED
WHERE status <> 'cancelled' AND year = CAST(substr('@TODAY@', 1, 4) AS INTEGER) GROUP BY year;
SELECT unit_id, count(*) FROM reminder WHERE unit_id IS NOT NULL AND issued <= '@TODAY@' GROUP BY unit_id;
