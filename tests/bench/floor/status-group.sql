-- r57 status --group 1
SELECT id, position, name FROM task_group WHERE position = 1;
SELECT coalesce(group_id, 0), count(*),
       sum(status = 'done'),
       sum(status = 'done' AND (due IS NULL OR closed <= due)),
       sum(status = 'done' AND closed > due),
       sum(status = 'open'),
       sum(status = 'open' AND (due IS NULL OR due >= '@TODAY@')),
       sum(status = 'open' AND due < '@TODAY@'),
       sum(created > '@SINCE@'),
       sum(extensions > 0)
FROM task WHERE status <> 'cancelled' AND group_id = (SELECT id FROM task_group WHERE position = 1)
GROUP BY group_id;
