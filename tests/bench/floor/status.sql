-- r57 status: the figures as of today, one row per group. Nothing has
-- happened after today, so the task table alone gives the state. A plain
-- scan in rowid order (NOT INDEXED) reads the table sequentially, twice
-- as fast at 100,000 tasks as the walk along task_group_ix the planner
-- picks to save sorting four groups.
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
FROM task NOT INDEXED WHERE status <> 'cancelled'
GROUP BY group_id;
