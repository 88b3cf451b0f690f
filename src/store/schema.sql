-- r57 schema, version 5 (PRAGMA user_version = 5): the whole schema of a
-- new database. Older files are brought here by src/store/migrate_N.sql.
-- Dates are ISO text 'yyyy-mm-dd' in local time; times are ISO 8601 text.
-- Every change to the eight data tables is recorded by the triggers below,
-- under the newest journal entry, as the values the row had before it (see
-- change_log). An action writes its entry first, so no code path can change
-- data unrecorded: a write with no entry at all fails on entry NOT NULL.
-- The schema calls no SQL function: the file is opened with
-- trusted_schema off, and nothing in it runs but plain SQL.

CREATE TABLE task_group (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE,
    position  INTEGER NOT NULL
);

CREATE TABLE unit (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT NOT NULL UNIQUE
);

CREATE TABLE leader (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT NOT NULL,
    title    TEXT,
    unit_id  INTEGER REFERENCES unit(id)
);

CREATE TABLE source (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT,
    issued  TEXT
);

CREATE TABLE task (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    notes       TEXT,
    product     TEXT,
    result      TEXT,
    group_id    INTEGER REFERENCES task_group(id),
    leader_id   INTEGER REFERENCES leader(id),
    unit_id     INTEGER REFERENCES unit(id),
    source_id   INTEGER REFERENCES source(id),
    year        INTEGER,
    due         TEXT,
    first_due   TEXT,
    extensions  INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'cancelled')),
    closed      TEXT,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);

CREATE TABLE task_unit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id  INTEGER NOT NULL REFERENCES task(id),
    unit_id  INTEGER NOT NULL REFERENCES unit(id),
    UNIQUE (task_id, unit_id)
);

-- Indexes for every filter the list and the screen offer.
CREATE INDEX task_status_due ON task(status, due);
CREATE INDEX task_group_ix   ON task(group_id, status, due);
CREATE INDEX task_leader_ix  ON task(leader_id, status, due);
CREATE INDEX task_unit_ix    ON task(unit_id, status, due);
CREATE INDEX task_source_ix  ON task(source_id, status, due);
CREATE INDEX task_year_ix    ON task(year, status, due);
CREATE INDEX task_due_ix     ON task(due);
-- The screen pages each bucket in deadline order (tasks without one last).
CREATE INDEX task_group_page  ON task(group_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_leader_page ON task(leader_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_unit_page   ON task(unit_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_unit_by_unit ON task_unit(unit_id);
CREATE INDEX leader_unit_ix  ON leader(unit_id);

-- Reminders (nhắc nhở, đôn đốc): one row per notice issued to a unit or to
-- a lead person (exactly one of the two), and one row per task it named,
-- with the deadline and the days late (negative: days left) on as_of.
-- issued is the day it was issued; who issued it is the actor of the
-- journal entry that added the row.
CREATE TABLE reminder (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id      INTEGER REFERENCES unit(id),
    leader_id    INTEGER REFERENCES leader(id),
    issued       TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    within_days  INTEGER NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
    CHECK ((unit_id IS NULL) <> (leader_id IS NULL))
);

CREATE TABLE reminder_task (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    reminder_id  INTEGER NOT NULL REFERENCES reminder(id),
    task_id      INTEGER NOT NULL REFERENCES task(id),
    due          TEXT NOT NULL,
    days_late    INTEGER NOT NULL,
    UNIQUE (reminder_id, task_id)
);
CREATE INDEX reminder_unit_ix   ON reminder(unit_id, issued);
CREATE INDEX reminder_leader_ix ON reminder(leader_id, issued);
CREATE INDEX reminder_task_by_task ON reminder_task(task_id);

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
CREATE TABLE task_search (
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
CREATE INDEX task_search_title ON task_search(title_key);
CREATE INDEX task_search_due ON task_search(due_key, id,
    status, group_id, leader_id, unit_id, source_id, year);
CREATE INDEX task_search_group ON task_search(group_id, due_key, id,
    status, leader_id, unit_id, source_id, year);
CREATE INDEX task_search_leader ON task_search(leader_id, due_key, id,
    status, group_id, unit_id, source_id, year);
CREATE INDEX task_search_unit ON task_search(unit_id, due_key, id,
    status, group_id, leader_id, source_id, year);
CREATE INDEX task_search_source ON task_search(source_id, due_key, id,
    status, group_id, leader_id, unit_id, year);
CREATE VIRTUAL TABLE task_search_fts USING fts5(body, content='task_search',
    content_rowid='id', detail='none', columnsize=0, prefix='3 4 5 6');
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    writes  INTEGER NOT NULL,
    seen    INTEGER NOT NULL
);
INSERT INTO search_state(id, writes, seen) VALUES (1, 1, 0);
CREATE TRIGGER task_search_count_ins AFTER INSERT ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER task_search_count_upd AFTER UPDATE OF title, notes, group_id,
    leader_id, unit_id, source_id, year, status, due ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER task_search_count_del AFTER DELETE ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;

-- The journal: one entry per action. kind 'do' is a user action, 'undo'
-- and 'redo' revert or re-apply entry `target`, 'init' made the database.
CREATE TABLE entry (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    day      TEXT NOT NULL,
    actor    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    kind     TEXT NOT NULL DEFAULT 'do'
             CHECK (kind IN ('do', 'undo', 'redo', 'init')),
    target   INTEGER REFERENCES entry(seq),
    undone   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entry_actor_ix ON entry(actor, kind, seq);
CREATE INDEX entry_day_ix   ON entry(day);

-- The changes of each entry, oldest first, one row per row changed: the
-- table (tbl: 1 task_group, 2 unit, 3 leader, 4 source, 5 task,
-- 6 task_unit, 7 reminder, 8 reminder_task), the row, and what was done to
-- it (op: 1 added, 2 changed, 3 removed). v1, v2, ... hold the values the
-- row had before the change, in the order of the table's columns after id
-- (journal.c lists them): for a change, only the columns it changed (bit
-- i - 1 of cols is set for v<i>); for a removal, all of them; an addition
-- holds none, the row itself (or the next change to it) says what it became.
-- Undo sets each row back to the values its entry recorded; redo is the
-- undo of that undo. The values are data, bound and compared as values:
-- no SQL text is ever read from here.
CREATE TABLE change_log (
    id      INTEGER PRIMARY KEY,
    entry   INTEGER NOT NULL REFERENCES entry(seq),
    tbl     INTEGER NOT NULL,
    row_id  INTEGER NOT NULL,
    op      INTEGER NOT NULL,
    cols    INTEGER NOT NULL,
    v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17
);
-- The seal of each entry (version 5; docs/undo.md, "The seal"): the
-- SHA-256, in hexadecimal, of the seal of the entry before it and of the
-- entry with its changes, written by r57 when the action commits, so
-- that r57 check finds a history rewritten after it was written. Kept
-- beside entry rather than in it, so that a file of version 4 gains it
-- by a new table, not by rewriting entry's statement.
CREATE TABLE entry_seal (
    seq   INTEGER PRIMARY KEY REFERENCES entry(seq),
    seal  TEXT NOT NULL
);

CREATE INDEX change_log_row ON change_log(tbl, row_id, id);
CREATE INDEX change_log_entry ON change_log(entry, id);
-- A task's history includes the reminders that named it: those still
-- there (reminder_task.task_id), and those removed, whose task_id (v2) the
-- removal recorded.
CREATE INDEX change_log_reminder_task ON change_log(v2) WHERE tbl = 8 AND op = 3;

CREATE TRIGGER task_group_ins AFTER INSERT ON task_group BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 1, NEW.id, 1, 0);
END;

CREATE TRIGGER task_group_upd AFTER UPDATE ON task_group WHEN OLD.id IS NEW.id AND (OLD.name IS NOT NEW.name OR OLD.position IS NOT NEW.position) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 1, NEW.id, 2,
    (OLD.name IS NOT NEW.name) |
    ((OLD.position IS NOT NEW.position) << 1),
    CASE WHEN OLD.name IS NOT NEW.name THEN OLD.name END,
    CASE WHEN OLD.position IS NOT NEW.position THEN OLD.position END);
END;

CREATE TRIGGER task_group_rekey AFTER UPDATE OF id ON task_group WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 1, OLD.id, 3, 3,
    OLD.name, OLD.position);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 1, NEW.id, 1, 0);
END;

CREATE TRIGGER task_group_del AFTER DELETE ON task_group BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 1, OLD.id, 3, 3,
    OLD.name, OLD.position);
END;

CREATE TRIGGER unit_ins AFTER INSERT ON unit BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 2, NEW.id, 1, 0);
END;

CREATE TRIGGER unit_upd AFTER UPDATE ON unit WHEN OLD.id IS NEW.id AND (OLD.name IS NOT NEW.name) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1) VALUES ((SELECT max(seq) FROM entry), 2, NEW.id, 2,
    (OLD.name IS NOT NEW.name),
    CASE WHEN OLD.name IS NOT NEW.name THEN OLD.name END);
END;

CREATE TRIGGER unit_rekey AFTER UPDATE OF id ON unit WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1) VALUES ((SELECT max(seq) FROM entry), 2, OLD.id, 3, 1,
    OLD.name);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 2, NEW.id, 1, 0);
END;

CREATE TRIGGER unit_del AFTER DELETE ON unit BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1) VALUES ((SELECT max(seq) FROM entry), 2, OLD.id, 3, 1,
    OLD.name);
END;

CREATE TRIGGER leader_ins AFTER INSERT ON leader BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 3, NEW.id, 1, 0);
END;

CREATE TRIGGER leader_upd AFTER UPDATE ON leader WHEN OLD.id IS NEW.id AND (OLD.name IS NOT NEW.name OR OLD.title IS NOT NEW.title OR OLD.unit_id IS NOT NEW.unit_id) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 3, NEW.id, 2,
    (OLD.name IS NOT NEW.name) |
    ((OLD.title IS NOT NEW.title) << 1) |
    ((OLD.unit_id IS NOT NEW.unit_id) << 2),
    CASE WHEN OLD.name IS NOT NEW.name THEN OLD.name END,
    CASE WHEN OLD.title IS NOT NEW.title THEN OLD.title END,
    CASE WHEN OLD.unit_id IS NOT NEW.unit_id THEN OLD.unit_id END);
END;

CREATE TRIGGER leader_rekey AFTER UPDATE OF id ON leader WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 3, OLD.id, 3, 7,
    OLD.name, OLD.title, OLD.unit_id);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 3, NEW.id, 1, 0);
END;

CREATE TRIGGER leader_del AFTER DELETE ON leader BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 3, OLD.id, 3, 7,
    OLD.name, OLD.title, OLD.unit_id);
END;

CREATE TRIGGER source_ins AFTER INSERT ON source BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 4, NEW.id, 1, 0);
END;

CREATE TRIGGER source_upd AFTER UPDATE ON source WHEN OLD.id IS NEW.id AND (OLD.code IS NOT NEW.code OR OLD.title IS NOT NEW.title OR OLD.issued IS NOT NEW.issued) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 4, NEW.id, 2,
    (OLD.code IS NOT NEW.code) |
    ((OLD.title IS NOT NEW.title) << 1) |
    ((OLD.issued IS NOT NEW.issued) << 2),
    CASE WHEN OLD.code IS NOT NEW.code THEN OLD.code END,
    CASE WHEN OLD.title IS NOT NEW.title THEN OLD.title END,
    CASE WHEN OLD.issued IS NOT NEW.issued THEN OLD.issued END);
END;

CREATE TRIGGER source_rekey AFTER UPDATE OF id ON source WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 4, OLD.id, 3, 7,
    OLD.code, OLD.title, OLD.issued);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 4, NEW.id, 1, 0);
END;

CREATE TRIGGER source_del AFTER DELETE ON source BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3) VALUES ((SELECT max(seq) FROM entry), 4, OLD.id, 3, 7,
    OLD.code, OLD.title, OLD.issued);
END;

CREATE TRIGGER task_ins AFTER INSERT ON task BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 5, NEW.id, 1, 0);
END;

CREATE TRIGGER task_upd AFTER UPDATE ON task WHEN OLD.id IS NEW.id AND (OLD.uuid IS NOT NEW.uuid OR OLD.title IS NOT NEW.title OR OLD.notes IS NOT NEW.notes OR OLD.product IS NOT NEW.product OR OLD.result IS NOT NEW.result OR OLD.group_id IS NOT NEW.group_id OR OLD.leader_id IS NOT NEW.leader_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.source_id IS NOT NEW.source_id OR OLD.year IS NOT NEW.year OR OLD.due IS NOT NEW.due OR OLD.first_due IS NOT NEW.first_due OR OLD.extensions IS NOT NEW.extensions OR OLD.status IS NOT NEW.status OR OLD.closed IS NOT NEW.closed OR OLD.created IS NOT NEW.created OR OLD.updated IS NOT NEW.updated) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17) VALUES ((SELECT max(seq) FROM entry), 5, NEW.id, 2,
    (OLD.uuid IS NOT NEW.uuid) |
    ((OLD.title IS NOT NEW.title) << 1) |
    ((OLD.notes IS NOT NEW.notes) << 2) |
    ((OLD.product IS NOT NEW.product) << 3) |
    ((OLD.result IS NOT NEW.result) << 4) |
    ((OLD.group_id IS NOT NEW.group_id) << 5) |
    ((OLD.leader_id IS NOT NEW.leader_id) << 6) |
    ((OLD.unit_id IS NOT NEW.unit_id) << 7) |
    ((OLD.source_id IS NOT NEW.source_id) << 8) |
    ((OLD.year IS NOT NEW.year) << 9) |
    ((OLD.due IS NOT NEW.due) << 10) |
    ((OLD.first_due IS NOT NEW.first_due) << 11) |
    ((OLD.extensions IS NOT NEW.extensions) << 12) |
    ((OLD.status IS NOT NEW.status) << 13) |
    ((OLD.closed IS NOT NEW.closed) << 14) |
    ((OLD.created IS NOT NEW.created) << 15) |
    ((OLD.updated IS NOT NEW.updated) << 16),
    CASE WHEN OLD.uuid IS NOT NEW.uuid THEN OLD.uuid END,
    CASE WHEN OLD.title IS NOT NEW.title THEN OLD.title END,
    CASE WHEN OLD.notes IS NOT NEW.notes THEN OLD.notes END,
    CASE WHEN OLD.product IS NOT NEW.product THEN OLD.product END,
    CASE WHEN OLD.result IS NOT NEW.result THEN OLD.result END,
    CASE WHEN OLD.group_id IS NOT NEW.group_id THEN OLD.group_id END,
    CASE WHEN OLD.leader_id IS NOT NEW.leader_id THEN OLD.leader_id END,
    CASE WHEN OLD.unit_id IS NOT NEW.unit_id THEN OLD.unit_id END,
    CASE WHEN OLD.source_id IS NOT NEW.source_id THEN OLD.source_id END,
    CASE WHEN OLD.year IS NOT NEW.year THEN OLD.year END,
    CASE WHEN OLD.due IS NOT NEW.due THEN OLD.due END,
    CASE WHEN OLD.first_due IS NOT NEW.first_due THEN OLD.first_due END,
    CASE WHEN OLD.extensions IS NOT NEW.extensions THEN OLD.extensions END,
    CASE WHEN OLD.status IS NOT NEW.status THEN OLD.status END,
    CASE WHEN OLD.closed IS NOT NEW.closed THEN OLD.closed END,
    CASE WHEN OLD.created IS NOT NEW.created THEN OLD.created END,
    CASE WHEN OLD.updated IS NOT NEW.updated THEN OLD.updated END);
END;

CREATE TRIGGER task_rekey AFTER UPDATE OF id ON task WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17) VALUES ((SELECT max(seq) FROM entry), 5, OLD.id, 3, 131071,
    OLD.uuid, OLD.title, OLD.notes, OLD.product, OLD.result, OLD.group_id, OLD.leader_id, OLD.unit_id, OLD.source_id, OLD.year, OLD.due, OLD.first_due, OLD.extensions, OLD.status, OLD.closed, OLD.created, OLD.updated);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 5, NEW.id, 1, 0);
END;

CREATE TRIGGER task_del AFTER DELETE ON task BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17) VALUES ((SELECT max(seq) FROM entry), 5, OLD.id, 3, 131071,
    OLD.uuid, OLD.title, OLD.notes, OLD.product, OLD.result, OLD.group_id, OLD.leader_id, OLD.unit_id, OLD.source_id, OLD.year, OLD.due, OLD.first_due, OLD.extensions, OLD.status, OLD.closed, OLD.created, OLD.updated);
END;

CREATE TRIGGER task_unit_ins AFTER INSERT ON task_unit BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 6, NEW.id, 1, 0);
END;

CREATE TRIGGER task_unit_upd AFTER UPDATE ON task_unit WHEN OLD.id IS NEW.id AND (OLD.task_id IS NOT NEW.task_id OR OLD.unit_id IS NOT NEW.unit_id) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 6, NEW.id, 2,
    (OLD.task_id IS NOT NEW.task_id) |
    ((OLD.unit_id IS NOT NEW.unit_id) << 1),
    CASE WHEN OLD.task_id IS NOT NEW.task_id THEN OLD.task_id END,
    CASE WHEN OLD.unit_id IS NOT NEW.unit_id THEN OLD.unit_id END);
END;

CREATE TRIGGER task_unit_rekey AFTER UPDATE OF id ON task_unit WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 6, OLD.id, 3, 3,
    OLD.task_id, OLD.unit_id);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 6, NEW.id, 1, 0);
END;

CREATE TRIGGER task_unit_del AFTER DELETE ON task_unit BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2) VALUES ((SELECT max(seq) FROM entry), 6, OLD.id, 3, 3,
    OLD.task_id, OLD.unit_id);
END;

CREATE TRIGGER reminder_ins AFTER INSERT ON reminder BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 7, NEW.id, 1, 0);
END;

CREATE TRIGGER reminder_upd AFTER UPDATE ON reminder WHEN OLD.id IS NEW.id AND (OLD.unit_id IS NOT NEW.unit_id OR OLD.leader_id IS NOT NEW.leader_id OR OLD.issued IS NOT NEW.issued OR OLD.as_of IS NOT NEW.as_of OR OLD.within_days IS NOT NEW.within_days OR OLD.lang IS NOT NEW.lang) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6) VALUES ((SELECT max(seq) FROM entry), 7, NEW.id, 2,
    (OLD.unit_id IS NOT NEW.unit_id) |
    ((OLD.leader_id IS NOT NEW.leader_id) << 1) |
    ((OLD.issued IS NOT NEW.issued) << 2) |
    ((OLD.as_of IS NOT NEW.as_of) << 3) |
    ((OLD.within_days IS NOT NEW.within_days) << 4) |
    ((OLD.lang IS NOT NEW.lang) << 5),
    CASE WHEN OLD.unit_id IS NOT NEW.unit_id THEN OLD.unit_id END,
    CASE WHEN OLD.leader_id IS NOT NEW.leader_id THEN OLD.leader_id END,
    CASE WHEN OLD.issued IS NOT NEW.issued THEN OLD.issued END,
    CASE WHEN OLD.as_of IS NOT NEW.as_of THEN OLD.as_of END,
    CASE WHEN OLD.within_days IS NOT NEW.within_days THEN OLD.within_days END,
    CASE WHEN OLD.lang IS NOT NEW.lang THEN OLD.lang END);
END;

CREATE TRIGGER reminder_rekey AFTER UPDATE OF id ON reminder WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6) VALUES ((SELECT max(seq) FROM entry), 7, OLD.id, 3, 63,
    OLD.unit_id, OLD.leader_id, OLD.issued, OLD.as_of, OLD.within_days, OLD.lang);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 7, NEW.id, 1, 0);
END;

CREATE TRIGGER reminder_del AFTER DELETE ON reminder BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6) VALUES ((SELECT max(seq) FROM entry), 7, OLD.id, 3, 63,
    OLD.unit_id, OLD.leader_id, OLD.issued, OLD.as_of, OLD.within_days, OLD.lang);
END;

CREATE TRIGGER reminder_task_ins AFTER INSERT ON reminder_task BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 8, NEW.id, 1, 0);
END;

CREATE TRIGGER reminder_task_upd AFTER UPDATE ON reminder_task WHEN OLD.id IS NEW.id AND (OLD.reminder_id IS NOT NEW.reminder_id OR OLD.task_id IS NOT NEW.task_id OR OLD.due IS NOT NEW.due OR OLD.days_late IS NOT NEW.days_late) BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4) VALUES ((SELECT max(seq) FROM entry), 8, NEW.id, 2,
    (OLD.reminder_id IS NOT NEW.reminder_id) |
    ((OLD.task_id IS NOT NEW.task_id) << 1) |
    ((OLD.due IS NOT NEW.due) << 2) |
    ((OLD.days_late IS NOT NEW.days_late) << 3),
    CASE WHEN OLD.reminder_id IS NOT NEW.reminder_id THEN OLD.reminder_id END,
    CASE WHEN OLD.task_id IS NOT NEW.task_id THEN OLD.task_id END,
    CASE WHEN OLD.due IS NOT NEW.due THEN OLD.due END,
    CASE WHEN OLD.days_late IS NOT NEW.days_late THEN OLD.days_late END);
END;

CREATE TRIGGER reminder_task_rekey AFTER UPDATE OF id ON reminder_task WHEN OLD.id IS NOT NEW.id BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4) VALUES ((SELECT max(seq) FROM entry), 8, OLD.id, 3, 15,
    OLD.reminder_id, OLD.task_id, OLD.due, OLD.days_late);
  INSERT INTO change_log(entry, tbl, row_id, op, cols) VALUES ((SELECT max(seq) FROM entry), 8, NEW.id, 1, 0);
END;

CREATE TRIGGER reminder_task_del AFTER DELETE ON reminder_task BEGIN
  INSERT INTO change_log(entry, tbl, row_id, op, cols, v1, v2, v3, v4) VALUES ((SELECT max(seq) FROM entry), 8, OLD.id, 3, 15,
    OLD.reminder_id, OLD.task_id, OLD.due, OLD.days_late);
END;
