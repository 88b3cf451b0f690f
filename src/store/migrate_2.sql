-- Migration of an r57 database from schema version 1 to 2: reminders.
-- store.c runs it in one BEGIN IMMEDIATE transaction with the version bump.
-- Every statement is the one of src/schema.sql (version 2) with IF NOT
-- EXISTS, so that a file that already has them (a benchmark file made from
-- the new schema.sql but stamped version 1) migrates as well;
-- tests/unit/test_remind.c checks that a migrated file has exactly the
-- schema of a new one.

CREATE TABLE IF NOT EXISTS reminder (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id      INTEGER REFERENCES unit(id),
    leader_id    INTEGER REFERENCES leader(id),
    issued       TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    within_days  INTEGER NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
    CHECK ((unit_id IS NULL) <> (leader_id IS NULL))
);

CREATE TABLE IF NOT EXISTS reminder_task (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    reminder_id  INTEGER NOT NULL REFERENCES reminder(id),
    task_id      INTEGER NOT NULL REFERENCES task(id),
    due          TEXT NOT NULL,
    days_late    INTEGER NOT NULL,
    UNIQUE (reminder_id, task_id)
);

CREATE INDEX IF NOT EXISTS reminder_unit_ix   ON reminder(unit_id, issued);

CREATE INDEX IF NOT EXISTS reminder_leader_ix ON reminder(leader_id, issued);

CREATE INDEX IF NOT EXISTS reminder_task_by_task ON reminder_task(task_id);

CREATE INDEX IF NOT EXISTS change_reminder_task_ix ON change(json_extract(coalesce(after, before), '$.task_id'))
    WHERE tbl = 'reminder_task';

CREATE VIEW IF NOT EXISTS image_reminder AS SELECT id, json_object('id', id, 'unit_id', unit_id, 'leader_id', leader_id,
      'issued', issued, 'as_of', as_of, 'within_days', within_days, 'lang', lang) AS img FROM reminder;

CREATE VIEW IF NOT EXISTS image_reminder_task AS SELECT id, json_object('id', id, 'reminder_id', reminder_id,
      'task_id', task_id, 'due', due, 'days_late', days_late) AS img FROM reminder_task;

CREATE TRIGGER IF NOT EXISTS reminder_ins AFTER INSERT ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id, NULL,
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;

CREATE TRIGGER IF NOT EXISTS reminder_upd AFTER UPDATE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang),
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;

CREATE TRIGGER IF NOT EXISTS reminder_del AFTER DELETE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', OLD.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang), NULL);
END;

CREATE TRIGGER IF NOT EXISTS reminder_task_ins AFTER INSERT ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id, NULL,
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;

CREATE TRIGGER IF NOT EXISTS reminder_task_upd AFTER UPDATE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late),
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;

CREATE TRIGGER IF NOT EXISTS reminder_task_del AFTER DELETE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', OLD.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late), NULL);
END;

-- Version-1 files made before the screen's paging indexes were added to
-- schema.sql get them here too.
CREATE INDEX IF NOT EXISTS task_group_page  ON task(group_id, coalesce(due, '9999-12-31'));
CREATE INDEX IF NOT EXISTS task_leader_page ON task(leader_id, coalesce(due, '9999-12-31'));
CREATE INDEX IF NOT EXISTS task_unit_page   ON task(unit_id, coalesce(due, '9999-12-31'));
