#!/usr/bin/env bats
# The journal's hash chain on a file (issue 15, part 2; docs/undo.md, "The
# seal"): every entry sealed by r57 when its action commits; r57 check
# computes every seal again and names the first entry whose seal does not
# match (its number, actor and time), exits 1 and changes nothing; an entry
# rewritten, removed or written behind r57's back is found; a file of
# version 4 with a history is sealed by its migration, in order, and checks
# clean. The server's side is tests/cli/pg_seal.bats.

load helpers

# On a server the chain is pg_seal.bats': these tamper with the file.
setup() {
	file_only "the file's journal tampered with by sqlite3; a server's chain is tests/cli/pg_seal.bats"
	r57_setup
}

db() { sqlite3 -batch "$R57_DB" "$@"; }

# A history of a few actions by two people: adds, a close, an undo, a redo.
history() {
	add "Báo cáo quý III" >/dev/null
	add "Số hóa hồ sơ" --due 15/07/2025 >/dev/null
	R57_ACTOR=binh r57 close 1 >/dev/null
	R57_ACTOR=binh r57 undo >/dev/null
	R57_ACTOR=binh r57 redo >/dev/null
	r57 edit 2 --title "Số hóa hồ sơ hành chính" >/dev/null
}

# mismatch SEQ: r57 check fails, naming entry SEQ as not matching its seal,
# and leaves the file as it was.
mismatch() {
	local who at
	who=$(db "SELECT actor FROM entry WHERE seq = $1")
	at=$(db "SELECT at FROM entry WHERE seq = $1")
	assert_db_unchanged check
	[ "$status" -eq 1 ] || { echo "check exit $status: $output" >&2; return 1; }
	has "$output" "$(t 'journal: entry #%lld (by %s at %s) does not match its seal: it, or the entry before it, was changed or removed after it was written' "$1" "$who" "$at")"
}

@test "seal: a new database and a history check clean; every entry has a seal of 64 hexadecimal digits" {
	ok init
	ok check
	eq "$(db "SELECT count(*) FROM entry_seal")" 1 "the first entry's seal"
	history
	ok check
	eq "$(db "SELECT count(*) FROM entry")" 7 "entries"
	eq "$(db "SELECT count(*) FROM entry e JOIN entry_seal s ON s.seq = e.seq WHERE s.seal GLOB '[0-9a-f]*' AND length(s.seal) = 64")" 7 "sealed entries"
	eq "$(db "SELECT count(DISTINCT seal) FROM entry_seal")" 7 "distinct seals"
}

@test "seal: an entry rewritten behind r57's back is named by its number, actor and time" {
	history
	ok check
	cp "$R57_DB" "$BATS_TEST_TMPDIR/clean.db"
	db "UPDATE entry SET summary = 'close #2 on 30/06/2025' WHERE seq = 4"
	mismatch 4
	# the actor changed
	cp "$BATS_TEST_TMPDIR/clean.db" "$R57_DB"
	db "UPDATE entry SET actor = 'an' WHERE seq = 4"
	mismatch 4
	# a value before a change
	cp "$BATS_TEST_TMPDIR/clean.db" "$R57_DB"
	db "UPDATE change_log SET v1 = 'Tên cũ' WHERE entry = 7"
	mismatch 7
	# a seal rewritten names the entry after it too: the first is named
	cp "$BATS_TEST_TMPDIR/clean.db" "$R57_DB"
	db "UPDATE entry_seal SET seal = (SELECT seal FROM entry_seal WHERE seq = 2) WHERE seq = 3"
	mismatch 3
}

@test "seal: an entry removed from the middle of the journal is found at the entry after it" {
	history
	db "DELETE FROM change_log WHERE entry = 3; DELETE FROM entry_seal WHERE seq = 3; DELETE FROM entry WHERE seq = 3"
	mismatch 4
}

@test "seal: an entry written by another program has no seal, and r57's next action does not seal it" {
	history
	db "INSERT INTO entry(at, day, actor, summary) VALUES ('2025-06-30T09:00:00+07:00', '2025-06-30', 'an', 'x');
	    UPDATE task SET title = 'Viết lại' WHERE id = 1"
	run --separate-stderr r57 check
	[ "$status" -eq 1 ]
	has "$output" "$(t 'journal: entry #%lld (by %s at %s) has no seal: it was not written by r57' 8 an 2025-06-30T09:00:00+07:00)"
	add "Sau đó" >/dev/null
	eq "$(db "SELECT group_concat(seq) FROM entry WHERE seq NOT IN (SELECT seq FROM entry_seal)")" 8 "unsealed"
}

@test "seal: a file of version 4 with a history is sealed by its migration, in order, and checks clean" {
	history
	seals=$(db "SELECT group_concat(seq || ':' || seal, ' ') FROM (SELECT * FROM entry_seal ORDER BY seq)")
	# a file of version 4 is this one without its seals
	db "DROP TABLE entry_seal; PRAGMA user_version = 4"
	ok list
	eq "$(db "PRAGMA user_version")" 5 "version"
	eq "$(db "SELECT group_concat(seq || ':' || seal, ' ') FROM (SELECT * FROM entry_seal ORDER BY seq)")" "$seals" \
		"the seals the migration wrote"
	ok check
	ok undo
	ok check
	# a newer file is still refused, unchanged
	db "PRAGMA user_version = 6"
	assert_db_unchanged list
	[ "$status" -ne 0 ]
	has "$stderr" "$(t '%s: written by a newer r57 (schema version %d; this r57 knows up to %d); not opened, nothing changed' "$R57_DB" 6 5)"
}

@test "seal: r57 copy carries the seals to a new file, and refuses a journal whose seal does not match" {
	history
	ok copy --to "$BATS_TEST_TMPDIR/b.db"
	q="SELECT seq || ':' || seal FROM entry_seal ORDER BY seq"
	eq "$(sqlite3 "$BATS_TEST_TMPDIR/b.db" "$q")" "$(db "$q")" "the seals of the copy"
	ok --db "$BATS_TEST_TMPDIR/b.db" check
	db "UPDATE entry SET day = '2025-07-01' WHERE seq = 2"
	run --separate-stderr r57 copy --to "$BATS_TEST_TMPDIR/c.db"
	[ "$status" -ne 0 ]
	has "$stderr" "#2"
	[ ! -e "$BATS_TEST_TMPDIR/c.db" ]
}
