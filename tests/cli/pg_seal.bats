#!/usr/bin/env bats
# The journal's hash chain on a PostgreSQL server (issue 15, part 2;
# docs/undo.md "The seal", docs/postgresql.md): the server seals every
# entry when its transaction commits, in commit order; r57 check computes
# every seal again in C and names the first entry that does not match,
# exits 1 and changes nothing; an entry rewritten or removed by the
# superuser is found; r57 copy carries the seals both ways and the seals
# a file made are the server's too; r57 init brings a server of version 4
# to 5, sealing its history in order. A cluster of its own
# (tests/pg/cluster.bash), as tests/cli/pg_store.bats.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN; CREATE ROLE binh LOGIN" >/dev/null
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
	DB=s$BATS_TEST_NUMBER
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE $DB" >/dev/null
	URI="postgresql:///$DB?host=$PGHOST&port=$PGPORT"
}
teardown() { r57_teardown; }

as() {
	local who=$1
	shift
	r57 --db "$URI&user=$who" "$@"
}

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d "$DB" -c "$1"
}

# A database with a history by two logins: adds, a close, an undo, a redo.
history() {
	as "$PGSU" init >/dev/null || return 1
	sql "GRANT r57_editor TO lan, binh"
	as lan add "Báo cáo quý III" >/dev/null
	as lan add "Số hóa hồ sơ" --due 15/07/2025 >/dev/null
	as binh close 1 >/dev/null
	as binh undo >/dev/null
	as binh redo >/dev/null
	as lan edit 2 --title "Số hóa hồ sơ hành chính" >/dev/null
}

# The whole journal as text: a check must leave it so.
journal() {
	sql "SELECT e.seq, e.summary, e.undone, s.seal FROM r57.entry e LEFT JOIN r57.entry_seal s ON s.seq = e.seq ORDER BY e.seq"
}

# mismatch SEQ: r57 check fails, naming entry SEQ, and changes nothing.
mismatch() {
	local who at before
	who=$(sql "SELECT actor FROM r57.entry WHERE seq = $1")
	at=$(sql "SELECT at FROM r57.entry WHERE seq = $1")
	before=$(journal)
	run --separate-stderr as lan check
	[ "$status" -eq 1 ] || { echo "check exit $status: $output $stderr" >&2; return 1; }
	has "$output" "$(t 'journal: entry #%lld (by %s at %s) does not match its seal: it, or the entry before it, was changed or removed after it was written' "$1" "$who" "$at")"
	eq "$(journal)" "$before" "the journal after the check"
}

@test "pg-seal: a new database and a history check clean; the server wrote every seal" {
	as "$PGSU" init >/dev/null
	ok --db "$URI&user=$PGSU" check
	eq "$(sql "SELECT version FROM r57.meta")" 5 "schema version"
	history
	ok --db "$URI&user=lan" check
	eq "$(sql "SELECT count(*) FROM r57.entry e JOIN r57.entry_seal s ON s.seq = e.seq WHERE s.seal ~ '^[0-9a-f]{64}$'")" 7 "sealed entries"
	# a client may not write a seal
	run sql "SET ROLE lan; INSERT INTO r57.entry_seal VALUES (99, 'x')"
	[ "$status" -ne 0 ]
	run sql "SET ROLE lan; UPDATE r57.entry_seal SET seal = 'x'"
	[ "$status" -ne 0 ]
	run sql "SET ROLE lan; UPDATE r57.entry SET summary = 'x'"
	[ "$status" -ne 0 ]
}

@test "pg-seal: an entry rewritten by the superuser is named by its number, actor and time; nothing is changed" {
	history
	was=$(sql "SELECT summary FROM r57.entry WHERE seq = 4")
	sql "UPDATE r57.entry SET summary = 'close #2 on 30/06/2025' WHERE seq = 4"
	mismatch 4
	# put back, the chain is whole again; then a change's value rewritten
	sql "UPDATE r57.entry SET summary = \$\$$was\$\$ WHERE seq = 4"
	ok --db "$URI&user=lan" check
	sql "UPDATE r57.change_log SET v2 = 'Tên cũ' WHERE entry = 7"
	mismatch 7
}

@test "pg-seal: an entry removed from the middle is found at the entry after it" {
	history
	sql "DELETE FROM r57.entry_seal WHERE seq = 3; DELETE FROM r57.change_log WHERE entry = 3;
	     UPDATE r57.entry SET target = NULL WHERE target = 3; DELETE FROM r57.entry WHERE seq = 3"
	mismatch 4
}

@test "pg-seal: copy, file to server to file, keeps every seal; each side checks clean and goes on" {
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/a.db" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" close 1 >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" undo >/dev/null
	as "$PGSU" init >/dev/null
	ok --db "$URI&user=$PGSU" copy --from "$BATS_TEST_TMPDIR/a.db"
	q="SELECT seq || ':' || seal FROM entry_seal ORDER BY seq"
	eq "$(sql "SELECT seq || ':' || seal FROM r57.entry_seal ORDER BY seq")" "$(sqlite3 "$BATS_TEST_TMPDIR/a.db" "$q")" "the server's seals"
	ok --db "$URI&user=$PGSU" check
	sql "GRANT r57_editor TO lan"
	as lan add "Sau khi chép" >/dev/null
	ok --db "$URI&user=lan" check
	ok --db "$URI&user=$PGSU" copy --to "$BATS_TEST_TMPDIR/b.db"
	eq "$(sqlite3 "$BATS_TEST_TMPDIR/b.db" "$q")" "$(sql "SELECT seq || ':' || seal FROM r57.entry_seal ORDER BY seq")" "the copy's seals"
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" check
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" add "Trên tệp"
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" check
}

@test "pg-seal: a file whose journal does not match its seals is refused by the server; nothing is copied" {
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/a.db" >/dev/null
	sqlite3 "$BATS_TEST_TMPDIR/a.db" "UPDATE entry SET actor = 'binh' WHERE seq = 2"
	as "$PGSU" init >/dev/null
	run --separate-stderr as "$PGSU" copy --from "$BATS_TEST_TMPDIR/a.db"
	[ "$status" -ne 0 ]
	has "$stderr" "$(t '%s: the journal that came does not match its seals (the server says: %s); nothing was changed' "$URI&user=$PGSU" 'r57: entry 2 does not match its seal')"
	eq "$(sql "SELECT count(*) FROM r57.entry")" 1 "entries on the server"
	eq "$(sql "SELECT count(*) FROM r57.task")" 0 "tasks on the server"
}

@test "pg-seal: r57 init brings a server of version 4 with a history to 5, sealing it in order; until then it is refused" {
	history
	seals=$(sql "SELECT seq || ':' || seal FROM r57.entry_seal ORDER BY seq")
	# the server as version 4 made it: no seals, entry_start without the lock,
	# no notices for the screens
	sql "DROP TRIGGER entry_sealed ON r57.entry; DROP FUNCTION r57.entry_seal(); DROP TABLE r57.entry_seal;
	     DROP FUNCTION r57.seal_of(bigint, text); DROP FUNCTION r57.seal_f(text);
	     DROP TRIGGER entry_notify ON r57.entry; DROP FUNCTION r57.entry_notify(); UPDATE r57.meta SET version = 4"
	run --separate-stderr as lan list
	[ "$status" -ne 0 ]
	has "$stderr" "$(t '%s: an r57 database of schema version 4; an admin runs r57 init to bring it to version %d' "$URI&user=lan" 5)"
	ok --db "$URI&user=$PGSU" init
	eq "$(sql "SELECT version FROM r57.meta")" 5 "schema version"
	eq "$(sql "SELECT seq || ':' || seal FROM r57.entry_seal ORDER BY seq")" "$seals" "the seals of the upgrade"
	eq "$(sql "SELECT count(*) FROM pg_trigger WHERE tgname = 'entry_notify'")" 1 "the screens' notices, upgraded too"
	ok --db "$URI&user=lan" check
	as lan undo >/dev/null
	ok --db "$URI&user=lan" check
}
