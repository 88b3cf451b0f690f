-- bytes.sql: where the bytes of a benchmark file go (docs/storage.md,
-- "Where the bytes go"): each table and index with its pages' bytes, the
-- bytes a task (over the tasks in the file) and the part of its pages that
-- holds nothing, then the same by part (the data, the journal, the search
-- index). Read by bench.sh with the sqlite3 shell, which has dbstat.
.mode list
.separator "\t"
.headers on
CREATE TEMP TABLE sized AS
  SELECT name, sum(pgsize) AS bytes, sum(unused) AS unused,
         CASE WHEN name IN ('entry', 'entry_seal') OR name LIKE 'entry\_%' ESCAPE '\'
                   OR name LIKE 'change\_log%' ESCAPE '\' THEN 'journal'
              WHEN name LIKE 'task\_search%' ESCAPE '\' OR name = 'search_state' THEN 'search index'
              ELSE 'data' END AS part
  FROM dbstat GROUP BY name;
SELECT name AS object, bytes, CAST(round(bytes * 1.0 / max(1, (SELECT count(*) FROM task))) AS INTEGER)
       AS a_task, unused
  FROM sized ORDER BY bytes DESC, name;
SELECT part, sum(bytes) AS bytes,
       CAST(round(sum(bytes) * 1.0 / max(1, (SELECT count(*) FROM task))) AS INTEGER) AS a_task
  FROM sized GROUP BY part
UNION ALL
SELECT 'free pages', freelist_count * page_size,
       CAST(round(freelist_count * page_size * 1.0 / max(1, (SELECT count(*) FROM task))) AS INTEGER)
  FROM pragma_freelist_count, pragma_page_size
ORDER BY bytes DESC;
