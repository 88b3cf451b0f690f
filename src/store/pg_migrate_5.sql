-- r57 on a PostgreSQL server, migration 4 -> 5: the journal's seals, and the
-- notices the open screens wait for (docs/undo.md, "The seal"; docs/postgresql.md). r57 init runs it on a
-- server of version 4 (an upgrade), and after pg_schema.sql on a new one,
-- in the same transaction. The server writes every seal, never the
-- client: a deferred constraint trigger computes an entry's seal when its
-- transaction commits (its changes filed, its summary set), as the owner,
-- and chain order is commit order because an entry is begun only under
-- one lock of the transaction (r57.entry_start), held to its commit. The
-- bytes are those of src/store/seal.c, so that a chain copied by r57 copy
-- checks the same on a file.
SET LOCAL search_path = r57, pg_catalog;
SET LOCAL ROLE r57_owner;

CREATE TABLE entry_seal (
    seq   bigint PRIMARY KEY REFERENCES entry(seq),
    seal  text NOT NULL
);

-- A field: its length in 4 bytes, most significant first, then its
-- UTF-8 bytes; none is ff ff ff ff. (SQL, immutable, no SET: inlined.)
CREATE FUNCTION seal_f(t text) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t IS NULL THEN '\xffffffff'::bytea
                ELSE pg_catalog.int4send(pg_catalog.octet_length(pg_catalog.convert_to(t, 'UTF8')))
                     || pg_catalog.convert_to(t, 'UTF8') END
$$;

-- The seal of entry p_seq after the seal p_prev (NULL: the first entry).
CREATE FUNCTION seal_of(p_seq bigint, p_prev text) RETURNS text
LANGUAGE sql STABLE SET search_path = r57, pg_catalog AS $$
    SELECT encode(sha256(
        coalesce(decode(p_prev, 'hex'), decode(repeat('00', 32), 'hex'))
        || seal_f('r57-seal-1') || seal_f(e.seq::text) || seal_f(e.at) || seal_f(e.day)
        || seal_f(e.actor) || seal_f(e.summary) || seal_f(e.kind) || seal_f(e.target::text)
        || coalesce((SELECT string_agg(seal_f(c.tbl::text) || seal_f(c.row_id::text)
                || seal_f(c.op::text) || seal_f(c.cols::text)
                || seal_f(c.v1) || seal_f(c.v2) || seal_f(c.v3) || seal_f(c.v4) || seal_f(c.v5)
                || seal_f(c.v6) || seal_f(c.v7) || seal_f(c.v8) || seal_f(c.v9) || seal_f(c.v10)
                || seal_f(c.v11) || seal_f(c.v12) || seal_f(c.v13) || seal_f(c.v14)
                || seal_f(c.v15) || seal_f(c.v16) || seal_f(c.v17), ''::bytea ORDER BY c.id)
            FROM change_log c WHERE c.entry = e.seq), ''::bytea)), 'hex')
    FROM entry e WHERE e.seq = p_seq
$$;

-- At the commit of the transaction that wrote entry NEW: its seal after
-- the newest seal before it. An entry that comes with a seal (r57 copy)
-- must have that one: a copy is checked as it arrives.
CREATE FUNCTION entry_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = r57, pg_catalog AS $$
DECLARE
    prev text;
    s text;
    given text;
BEGIN
    SELECT es.seal INTO prev FROM entry_seal es WHERE es.seq < NEW.seq ORDER BY es.seq DESC LIMIT 1;
    s := seal_of(NEW.seq, prev);
    SELECT es.seal INTO given FROM entry_seal es WHERE es.seq = NEW.seq;
    IF given IS NULL THEN
        INSERT INTO entry_seal(seq, seal) VALUES (NEW.seq, s);
    ELSIF given <> s THEN
        RAISE EXCEPTION 'r57: entry % does not match its seal', NEW.seq USING ERRCODE = 'R5705';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entry_sealed AFTER INSERT ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION entry_seal();

-- entry_start as in version 4, and first the lock that orders the chain:
-- one entry is being written at a time, so each is sealed after the
-- entry before it has been.
CREATE OR REPLACE FUNCTION entry_start(p_day text, p_summary text, p_kind text DEFAULT 'do',
                                       p_target bigint DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = r57, pg_catalog AS $$
DECLARE
    s bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(5387575, 5);
    IF p_kind NOT IN ('do', 'undo', 'redo') THEN
        RAISE EXCEPTION 'r57: no such kind of entry: %', p_kind USING ERRCODE = 'R5702';
    END IF;
    IF p_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        RAISE EXCEPTION 'r57: not a day: %', p_day USING ERRCODE = 'R5702';
    END IF;
    IF (p_kind = 'do') <> (p_target IS NULL) THEN
        RAISE EXCEPTION 'r57: an undo or redo names its entry, and only they do' USING ERRCODE = 'R5702';
    END IF;
    IF p_kind <> 'do' THEN
        UPDATE entry SET undone = CASE WHEN p_kind = 'undo' THEN 1 ELSE 0 END
        WHERE seq = p_target AND kind = 'do' AND actor = session_user
          AND undone = CASE WHEN p_kind = 'undo' THEN 0 ELSE 1 END;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'r57: entry % is not an action of % that can be %ne', p_target, session_user, p_kind
                USING ERRCODE = 'R5704';
        END IF;
    END IF;
    INSERT INTO entry(at, day, actor, summary, kind, target, xid)
    VALUES (to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM'), p_day, session_user,
            p_summary, p_kind, p_target, txid_current())
    RETURNING seq INTO s;
    RETURN s;
END $$;

-- The undo's hold on the journal takes the chain's lock first, as
-- entry_start does after it: the two are always taken in one order.
CREATE OR REPLACE FUNCTION lock_journal() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = r57, pg_catalog AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(5387575, 5);
    LOCK TABLE change_log IN SHARE ROW EXCLUSIVE MODE;
END $$;

-- The history there is, sealed in order (an upgrade; a new database has
-- none yet: its first entry is sealed when r57 init commits).
DO $$
DECLARE
    r record;
    prev text;
BEGIN
    PERFORM pg_advisory_xact_lock(5387575, 5);
    FOR r IN SELECT seq FROM entry ORDER BY seq LOOP
        prev := seal_of(r.seq, prev);
        INSERT INTO entry_seal(seq, seal) VALUES (r.seq, prev);
    END LOOP;
END $$;

-- (In version 5, so that a server upgraded from 4 has it too.) Every
-- committed action tells the screens that are open (LISTEN
-- r57_change, docs/postgresql.md): a trigger of the server, not the
-- client's commit, so that a change made any way (another r57, an undo,
-- psql) is told, and no client can leave it untold. It is a constraint
-- trigger deferred to the commit: by then the entry's changes are all
-- filed, so the payload can name the tasks, and a NOTIFY is sent only if
-- the transaction commits (one rolled back tells nothing). The payload is
-- ids only, never a value: the entry's seq, its kind, and the ids of the
-- tasks it changed, or * when more than 50 (an import); each screen reads
-- them again under its own login's rights. r57 copy, which writes a
-- journal as it was, tells nothing.
CREATE FUNCTION entry_notify() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = r57, pg_catalog AS $$
DECLARE
    ids bigint[];
BEGIN
    IF current_setting('r57.copying', true) = 'on' THEN
        RETURN NULL;
    END IF;
    ids := ARRAY(SELECT DISTINCT c.row_id FROM change_log c
                 WHERE c.entry = NEW.seq AND c.tbl = 5 LIMIT 51);
    PERFORM pg_notify('r57_change', NEW.seq || ' ' || NEW.kind || ' ' ||
        CASE WHEN cardinality(ids) > 50 THEN '*' ELSE array_to_string(ids, ',') END);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entry_notify AFTER INSERT ON entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION entry_notify();

GRANT SELECT ON entry_seal TO r57_viewer;
REVOKE ALL ON FUNCTION entry_seal(), entry_notify() FROM PUBLIC;
UPDATE meta SET version = 5;
