-- r57 status: the figures as of today, one row per group (nothing has
-- happened after today, so the task table alone gives the state)
SELECT id, position, name FROM task_group ORDER BY position;
SELECT coalesce(group_id, 0), count(*),
       sum(status = 'done'),
       sum(status = 'done' AND (due IS NULL OR closed <= due)),
       sum(status = 'done' AND closed > due),
       sum(status = 'open'),
       sum(status = 'open' AND (due IS NULL OR due >= '@TODAY@')),
       sum(status = 'open' AND due < '@TODAY@'),
       sum(created > '@SINCE@'),
       sum(extensions > 0)
FROM task WHERE status <> 'cancelled'
GROUP BY group_id;
