-- Migration of an r57 database from schema version 2 to 3: the search
-- index and the title order. store.c runs it in one BEGIN IMMEDIATE
-- transaction with the version bump; every statement is the one of
-- src/schema.sql with IF NOT EXISTS (see migrate_2.sql). The tables are
-- left empty and marked out of date (writes <> seen): r57 fills them the
-- first time a search needs them (docs/storage.md).

-- Search and title order (version 3): derived data, not journaled. For
-- each task, its title and notes as search compares them (r57's
-- text_search_body: folded words between spaces) and the sort key of its
-- title (Vietnamese order), with a full-text index of the words that
-- finds the few tasks a rare word names. r57 keeps them right with
-- triggers of its own connection (TEMP: they call r57's functions, which
-- the sqlite3 shell has not); the triggers below, plain SQL, only count
-- the changes to task titles and notes, so that r57 knows when another
-- program wrote tasks (writes <> seen) and builds it all again.
CREATE TABLE IF NOT EXISTS task_search (
    id         INTEGER PRIMARY KEY,
    body       TEXT NOT NULL,
    title_key  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS task_search_title ON task_search(title_key);
CREATE VIRTUAL TABLE IF NOT EXISTS task_search_fts USING fts5(body, content='task_search',
    content_rowid='id', detail='none', columnsize=0, prefix='3');
CREATE TABLE IF NOT EXISTS search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    writes  INTEGER NOT NULL,
    seen    INTEGER NOT NULL
);
INSERT OR IGNORE INTO search_state(id, writes, seen) VALUES (1, 1, 0);
CREATE TRIGGER IF NOT EXISTS task_search_count_ins AFTER INSERT ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER IF NOT EXISTS task_search_count_upd AFTER UPDATE OF title, notes ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER IF NOT EXISTS task_search_count_del AFTER DELETE ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
