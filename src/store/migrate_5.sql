-- r57 migration 4 -> 5: the journal's seals (docs/undo.md, "The seal").
-- The table only: r57 seals every entry there is, in order, in the same
-- transaction, in C (journal_seal_pending), since the schema calls no
-- function. IF NOT EXISTS: a file made from today's schema and stamped
-- older has it already (SQLite keeps the statement without those words,
-- so it is schema.sql's, word for word).
CREATE TABLE IF NOT EXISTS entry_seal (
    seq   INTEGER PRIMARY KEY REFERENCES entry(seq),
    seal  TEXT NOT NULL
);
