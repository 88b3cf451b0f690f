-- Migration of an r57 database from schema version 3 to 4: the compact
-- journal. store.c runs it in one BEGIN IMMEDIATE transaction with the
-- version bump, after making temp.change_v3, the old journal read as
-- change_log rows (journal.c, journal_v3_select_sql). The old journal's
-- triggers, views and indexes go, its changes are copied with their ids,
-- and the new triggers are the ones of src/store/schema.sql, word for word.
DROP TRIGGER IF EXISTS task_group_ins;
DROP TRIGGER IF EXISTS task_group_upd;
DROP TRIGGER IF EXISTS task_group_del;
DROP TRIGGER IF EXISTS unit_ins;
DROP TRIGGER IF EXISTS unit_upd;
DROP TRIGGER IF EXISTS unit_del;
DROP TRIGGER IF EXISTS leader_ins;
DROP TRIGGER IF EXISTS leader_upd;
DROP TRIGGER IF EXISTS leader_del;
DROP TRIGGER IF EXISTS source_ins;
DROP TRIGGER IF EXISTS source_upd;
DROP TRIGGER IF EXISTS source_del;
DROP TRIGGER IF EXISTS task_ins;
DROP TRIGGER IF EXISTS task_upd;
DROP TRIGGER IF EXISTS task_del;
DROP TRIGGER IF EXISTS task_unit_ins;
DROP TRIGGER IF EXISTS task_unit_upd;
DROP TRIGGER IF EXISTS task_unit_del;
DROP TRIGGER IF EXISTS reminder_ins;
DROP TRIGGER IF EXISTS reminder_upd;
DROP TRIGGER IF EXISTS reminder_del;
DROP TRIGGER IF EXISTS reminder_task_ins;
DROP TRIGGER IF EXISTS reminder_task_upd;
DROP TRIGGER IF EXISTS reminder_task_del;
DROP VIEW IF EXISTS image_task_group;
DROP VIEW IF EXISTS image_unit;
DROP VIEW IF EXISTS image_leader;
DROP VIEW IF EXISTS image_source;
DROP VIEW IF EXISTS image_task;
DROP VIEW IF EXISTS image_task_unit;
DROP VIEW IF EXISTS image_reminder;
DROP VIEW IF EXISTS image_reminder_task;
DROP INDEX IF EXISTS change_reminder_task_ix;
DROP INDEX IF EXISTS change_row_ix;
DROP INDEX IF EXISTS change_entry_ix;

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
CREATE INDEX change_log_row ON change_log(tbl, row_id, id);
CREATE INDEX change_log_entry ON change_log(entry, id);
-- A task's history includes the reminders that named it: those still
-- there (reminder_task.task_id), and those removed, whose task_id (v2) the
-- removal recorded.
CREATE INDEX change_log_reminder_task ON change_log(v2) WHERE tbl = 8 AND op = 3;

INSERT INTO change_log(id, entry, tbl, row_id, op, cols, v1, v2, v3, v4, v5, v6, v7, v8,
    v9, v10, v11, v12, v13, v14, v15, v16, v17)
  SELECT * FROM temp.change_v3 ORDER BY id;
DROP TABLE change;
DELETE FROM sqlite_sequence WHERE name = 'change';

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
