-- r57 schema, version 3 (PRAGMA user_version = 3): the whole schema of a
-- new database. Older files are brought here by src/migrate_N.sql.
-- Dates are ISO text 'yyyy-mm-dd' in local time; times are ISO 8601 text.
-- Every change to the eight data tables is recorded by the triggers below as
-- a row image before and after, under the newest journal entry. An action
-- writes its entry first, so no code path can change data unrecorded: a
-- write with no entry at all fails on change.entry NOT NULL.

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
-- that finds the few tasks a rare word names. The page indexes hold all
-- of it, in the order the screen pages a bucket by deadline: a filter
-- with words is checked inside the index, and only the rows shown are
-- read from task. r57 keeps them right with triggers of its own
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
    status, group_id, leader_id, unit_id, source_id, year, body);
CREATE INDEX task_search_group ON task_search(group_id, due_key, id,
    status, leader_id, unit_id, source_id, year, body);
CREATE INDEX task_search_leader ON task_search(leader_id, due_key, id,
    status, group_id, unit_id, source_id, year, body);
CREATE INDEX task_search_unit ON task_search(unit_id, due_key, id,
    status, group_id, leader_id, source_id, year, body);
CREATE INDEX task_search_source ON task_search(source_id, due_key, id,
    status, group_id, leader_id, unit_id, year, body);
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

CREATE TABLE change (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    entry   INTEGER NOT NULL REFERENCES entry(seq),
    tbl     TEXT NOT NULL,
    row_id  INTEGER NOT NULL,
    before  TEXT,
    after   TEXT
);
CREATE INDEX change_row_ix   ON change(tbl, row_id, id);
CREATE INDEX change_entry_ix ON change(entry, id);
-- A task's history includes the reminders that named it: the changes of
-- reminder_task rows by the task they name (written or removed).
CREATE INDEX change_reminder_task_ix ON change(json_extract(coalesce(after, before), '$.task_id'))
    WHERE tbl = 'reminder_task';

-- Row images, as the triggers below write them: undo compares a row's
-- image now with the image an entry left, before it restores anything.
CREATE VIEW image_task_group AS SELECT id, json_object('id', id, 'name', name, 'position', position) AS img FROM task_group;
CREATE VIEW image_unit AS SELECT id, json_object('id', id, 'name', name) AS img FROM unit;
CREATE VIEW image_leader AS SELECT id, json_object('id', id, 'name', name, 'title', title, 'unit_id', unit_id) AS img FROM leader;
CREATE VIEW image_source AS SELECT id, json_object('id', id, 'code', code, 'title', title, 'issued', issued) AS img FROM source;
CREATE VIEW image_task AS SELECT id, json_object('id', id, 'uuid', uuid, 'title', title, 'notes', notes,
      'product', product, 'result', result, 'group_id', group_id,
      'leader_id', leader_id, 'unit_id', unit_id, 'source_id', source_id,
      'year', year, 'due', due, 'first_due', first_due,
      'extensions', extensions, 'status', status, 'closed', closed,
      'created', created, 'updated', updated) AS img FROM task;
CREATE VIEW image_task_unit AS SELECT id, json_object('id', id, 'task_id', task_id, 'unit_id', unit_id) AS img FROM task_unit;
CREATE VIEW image_reminder AS SELECT id, json_object('id', id, 'unit_id', unit_id, 'leader_id', leader_id,
      'issued', issued, 'as_of', as_of, 'within_days', within_days, 'lang', lang) AS img FROM reminder;
CREATE VIEW image_reminder_task AS SELECT id, json_object('id', id, 'reminder_id', reminder_id,
      'task_id', task_id, 'due', due, 'days_late', days_late) AS img FROM reminder_task;

CREATE TRIGGER task_group_ins AFTER INSERT ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position));
END;
CREATE TRIGGER task_group_upd AFTER UPDATE ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position),
    json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position));
END;
CREATE TRIGGER task_group_del AFTER DELETE ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position), NULL);
END;

CREATE TRIGGER unit_ins AFTER INSERT ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name));
END;
CREATE TRIGGER unit_upd AFTER UPDATE ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name),
    json_object('id', NEW.id, 'name', NEW.name));
END;
CREATE TRIGGER unit_del AFTER DELETE ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name), NULL);
END;

CREATE TRIGGER leader_ins AFTER INSERT ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'title', NEW.title, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER leader_upd AFTER UPDATE ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'title', OLD.title, 'unit_id', OLD.unit_id),
    json_object('id', NEW.id, 'name', NEW.name, 'title', NEW.title, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER leader_del AFTER DELETE ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'title', OLD.title, 'unit_id', OLD.unit_id), NULL);
END;

CREATE TRIGGER source_ins AFTER INSERT ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', NEW.id, NULL,
    json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'issued', NEW.issued));
END;
CREATE TRIGGER source_upd AFTER UPDATE ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', NEW.id,
    json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'issued', OLD.issued),
    json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'issued', NEW.issued));
END;
CREATE TRIGGER source_del AFTER DELETE ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', OLD.id,
    json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'issued', OLD.issued), NULL);
END;

CREATE TRIGGER task_ins AFTER INSERT ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', NEW.id, NULL,
    json_object('id', NEW.id, 'uuid', NEW.uuid, 'title', NEW.title, 'notes', NEW.notes,
      'product', NEW.product, 'result', NEW.result, 'group_id', NEW.group_id,
      'leader_id', NEW.leader_id, 'unit_id', NEW.unit_id, 'source_id', NEW.source_id,
      'year', NEW.year, 'due', NEW.due, 'first_due', NEW.first_due,
      'extensions', NEW.extensions, 'status', NEW.status, 'closed', NEW.closed,
      'created', NEW.created, 'updated', NEW.updated));
END;
CREATE TRIGGER task_upd AFTER UPDATE ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', NEW.id,
    json_object('id', OLD.id, 'uuid', OLD.uuid, 'title', OLD.title, 'notes', OLD.notes,
      'product', OLD.product, 'result', OLD.result, 'group_id', OLD.group_id,
      'leader_id', OLD.leader_id, 'unit_id', OLD.unit_id, 'source_id', OLD.source_id,
      'year', OLD.year, 'due', OLD.due, 'first_due', OLD.first_due,
      'extensions', OLD.extensions, 'status', OLD.status, 'closed', OLD.closed,
      'created', OLD.created, 'updated', OLD.updated),
    json_object('id', NEW.id, 'uuid', NEW.uuid, 'title', NEW.title, 'notes', NEW.notes,
      'product', NEW.product, 'result', NEW.result, 'group_id', NEW.group_id,
      'leader_id', NEW.leader_id, 'unit_id', NEW.unit_id, 'source_id', NEW.source_id,
      'year', NEW.year, 'due', NEW.due, 'first_due', NEW.first_due,
      'extensions', NEW.extensions, 'status', NEW.status, 'closed', NEW.closed,
      'created', NEW.created, 'updated', NEW.updated));
END;
CREATE TRIGGER task_del AFTER DELETE ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', OLD.id,
    json_object('id', OLD.id, 'uuid', OLD.uuid, 'title', OLD.title, 'notes', OLD.notes,
      'product', OLD.product, 'result', OLD.result, 'group_id', OLD.group_id,
      'leader_id', OLD.leader_id, 'unit_id', OLD.unit_id, 'source_id', OLD.source_id,
      'year', OLD.year, 'due', OLD.due, 'first_due', OLD.first_due,
      'extensions', OLD.extensions, 'status', OLD.status, 'closed', OLD.closed,
      'created', OLD.created, 'updated', OLD.updated), NULL);
END;

CREATE TRIGGER task_unit_ins AFTER INSERT ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', NEW.id, NULL,
    json_object('id', NEW.id, 'task_id', NEW.task_id, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER task_unit_upd AFTER UPDATE ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', NEW.id,
    json_object('id', OLD.id, 'task_id', OLD.task_id, 'unit_id', OLD.unit_id),
    json_object('id', NEW.id, 'task_id', NEW.task_id, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER task_unit_del AFTER DELETE ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', OLD.id,
    json_object('id', OLD.id, 'task_id', OLD.task_id, 'unit_id', OLD.unit_id), NULL);
END;

CREATE TRIGGER reminder_ins AFTER INSERT ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id, NULL,
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;
CREATE TRIGGER reminder_upd AFTER UPDATE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang),
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;
CREATE TRIGGER reminder_del AFTER DELETE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', OLD.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang), NULL);
END;

CREATE TRIGGER reminder_task_ins AFTER INSERT ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id, NULL,
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;
CREATE TRIGGER reminder_task_upd AFTER UPDATE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late),
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;
CREATE TRIGGER reminder_task_del AFTER DELETE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', OLD.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late), NULL);
END;
