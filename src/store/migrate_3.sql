-- Migration of an r57 database from schema version 2 to 3: the search
-- index and the title order. store.c runs it in one BEGIN IMMEDIATE
-- transaction with the version bump; every statement is the one of
-- src/schema.sql with IF NOT EXISTS (see migrate_2.sql). The tables are
-- left empty and marked out of date (writes <> seen): r57 fills them the
-- first time a search needs them (docs/storage.md).

-- Search and title order (version 3): derived data, not journaled. For
-- each task, its title and notes as search compares them (r57's
-- text_search_body: folded words between spaces), the sort key of its
-- title (Vietnamese order), and a copy of what the list filters and
-- orders by (status, group, leader, unit, source, year, and the deadline
-- as it sorts: none is '9999-12-31'), with a full-text index of the words
-- that finds the few tasks a rare word names. The page indexes hold the
-- fields, in the order the screen pages a bucket by deadline: a filter is
-- checked inside the index, its words by the row of task_search (by its
-- id: a copy of the words in each of five indexes cost 50 MB at 100,000
-- tasks), and only the rows shown are read from task. r57 keeps them right with triggers of its own
-- connection (TEMP: they call r57's functions, which the sqlite3 shell
-- has not); the triggers below, plain SQL, only count the changes to the
-- columns copied, so that r57 knows when another program wrote tasks
-- (writes <> seen) and builds it all again.
CREATE TABLE IF NOT EXISTS task_search (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER,
    leader_id  INTEGER,
    unit_id    INTEGER,
    source_id  INTEGER,
    year       INTEGER,
    status     TEXT NOT NULL,
    due_key    TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS task_search_title ON task_search(title_key);
CREATE INDEX IF NOT EXISTS task_search_due ON task_search(due_key, id,
    status, group_id, leader_id, unit_id, source_id, year);
CREATE INDEX IF NOT EXISTS task_search_group ON task_search(group_id, due_key, id,
    status, leader_id, unit_id, source_id, year);
CREATE INDEX IF NOT EXISTS task_search_leader ON task_search(leader_id, due_key, id,
    status, group_id, unit_id, source_id, year);
CREATE INDEX IF NOT EXISTS task_search_unit ON task_search(unit_id, due_key, id,
    status, group_id, leader_id, source_id, year);
CREATE INDEX IF NOT EXISTS task_search_source ON task_search(source_id, due_key, id,
    status, group_id, leader_id, unit_id, year);
CREATE VIRTUAL TABLE IF NOT EXISTS task_search_fts USING fts5(body, content='task_search',
    content_rowid='id', detail='none', columnsize=0, prefix='3 4 5 6');
CREATE TABLE IF NOT EXISTS search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    writes  INTEGER NOT NULL,
    seen    INTEGER NOT NULL
);
INSERT OR IGNORE INTO search_state(id, writes, seen) VALUES (1, 1, 0);
CREATE TRIGGER IF NOT EXISTS task_search_count_ins AFTER INSERT ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER IF NOT EXISTS task_search_count_upd AFTER UPDATE OF title, notes, group_id,
    leader_id, unit_id, source_id, year, status, due ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER IF NOT EXISTS task_search_count_del AFTER DELETE ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
