#!/usr/bin/env bats
# The database file is data, never code: r57 runs only the SQL it was
# built with, never statements read from the file (issue 11, item 9).

load helpers

# craft DB: the sql of two of the file's indexes in sqlite_master edited
# (as another program could, with writable_schema) to carry a statement
# of their own after the index.
craft() {
	sqlite3 "$1" "PRAGMA writable_schema = ON;
		UPDATE sqlite_master SET sql = 'CREATE INDEX task_due_ix ON task(due); CREATE TABLE pwned(x)'
		 WHERE name = 'task_due_ix';
		UPDATE sqlite_master SET sql = 'CREATE INDEX task_search_title ON task_search(title_key); CREATE TABLE pwned2(x)'
		 WHERE name = 'task_search_title';"
}

# refused_unchanged WHAT ARGS...: r57 ARGS refuses the database (exit 1,
# one message naming the file and WHAT) and leaves it byte for byte.
refused_unchanged() {
	local what=$1 before
	shift
	before=$(sha "$R57_DB")
	run --separate-stderr r57 "$@"
	assert_error 1
	has "$stderr" "$R57_DB: "
	has "$stderr" "$what"
	eq "$(sha "$R57_DB")" "$before" "r57 $* changed the file"
}

@test "a file whose own SQL was edited is refused before any of it runs" {
	file_only "the SQL kept in the file's schema"
	add "Đầu tiên" >/dev/null
	craft "$R57_DB"
	eq "$(sqlite3 "$R57_DB" 'pragma quick_check')" ok "the crafted file still reads"
	{
		printf 'title,group\r\n'
		for i in $(seq 1 5000); do printf 'Nhiệm vụ %d,1\r\n' "$i"; done
	} >"$BATS_TEST_TMPDIR/big.csv"
	refused_unchanged '"task_due_ix"' import "$BATS_TEST_TMPDIR/big.csv"
	eq "$stderr" "r57: $(t '%s: its %s "%s" was not made by r57 (another program changed the file); not opened, nothing changed' \
		"$R57_DB" "$(t index)" task_due_ix)"
	refused_unchanged '"task_due_ix"' list nhiệm
	refused_unchanged '"task_due_ix"' add "Một"
	refused_unchanged '"task_due_ix"' check
	eq "$(sqlite3 "$R57_DB" "select count(*) from sqlite_master where name like 'pwned%'")" 0 \
		"no table made by the file's text"
}

@test "a trigger, a view, an index or a table r57 did not make: the file is refused, nothing runs" {
	file_only "objects in the file's schema"
	local base=$BATS_TEST_TMPDIR/base.r57 what
	add "Đầu tiên" >/dev/null
	cp "$R57_DB" "$base"
	while IFS='|' read -r what sql; do
		cp "$base" "$R57_DB"
		sqlite3 "$R57_DB" "$sql"
		refused_unchanged "\"$what\"" add "Thứ hai"
		refused_unchanged "\"$what\"" list
		eq "$(sqlite3 "$R57_DB" 'select count(*) from task')" 1 "$what: no task added, none taken"
	done <<-'EOF'
		evil|CREATE TRIGGER evil AFTER INSERT ON task BEGIN DELETE FROM task; END
		task_ins|DROP TRIGGER task_ins; CREATE TRIGGER task_ins AFTER INSERT ON task BEGIN DELETE FROM entry; END
		v|CREATE VIEW v AS SELECT * FROM task
		mine_ix|CREATE INDEX mine_ix ON task(title)
		notes|CREATE TABLE notes(x)
	EOF
}

@test "what SQLite makes itself (ANALYZE's statistics) and r57's own objects dropped: opened as before" {
	file_only "SQLite's own statistics and schema"
	add "Đầu tiên" >/dev/null
	sqlite3 "$R57_DB" 'ANALYZE; DROP INDEX task_due_ix'
	eq "$(sqlite3 "$R57_DB" "select count(*) from sqlite_master where name = 'sqlite_stat1'")" 1
	ok add "Thứ hai"
	ok list
	eq "$(sqlite3 "$R57_DB" 'select count(*) from task')" 2
}

@test "a bulk import and the search rebuild make the indexes from r57's own schema" {
	file_only "SQLite's indexes and search rebuild"
	add "Đầu tiên" >/dev/null
	{
		printf 'title,group\r\n'
		for i in $(seq 1 5000); do printf 'Nhiệm vụ %d,1\r\n' "$i"; done
	} >"$BATS_TEST_TMPDIR/big.csv"
	ok import "$BATS_TEST_TMPDIR/big.csv"
	ok list nhiệm
	eq "$(sqlite3 "$R57_DB" 'select count(*) from task')" 5001
	eq "$(sqlite3 "$R57_DB" "select sql from sqlite_master where name = 'task_due_ix'")" \
		"CREATE INDEX task_due_ix     ON task(due)" "the index made again from r57's schema"
	eq "$(sqlite3 "$R57_DB" 'pragma integrity_check')" ok
}

# flip FILE OFFSET: invert one byte of FILE in place.
flip() {
	python3 -c '
import sys
p, o = sys.argv[1], int(sys.argv[2])
with open(p, "r+b") as f:
    f.seek(o); b = f.read(1); f.seek(o); f.write(bytes([b[0] ^ 0xff]))' "$1" "$2"
}

# A fixed set of damaged copies of the demo database (item 10): 60 offsets
# from a seeded generator, past the 100-byte file header (a flipped header
# is "not an SQLite file", tested in badinput.bats).
@test "damaged copies: add succeeds only into a sound file; else nothing is written" {
	file_only "damaged copies of the file"
	local demo="$BATS_TEST_TMPDIR/demo.r57" size i off copy before
	ok demo "$demo"
	size=$(stat -c %s "$demo")
	COLUMNS=200 R57_DB=$demo ok list status:all
	local want=$output
	local offsets
	offsets=$(python3 -c 'import random, sys; r = random.Random(57); print(" ".join(str(r.randrange(100, int(sys.argv[1]))) for _ in range(60)))' "$size")
	local n_refused=0 n_added=0 n_list_diff=0
	for off in $offsets; do
		copy="$BATS_TEST_TMPDIR/c$off.r57"
		cp "$demo" "$copy"
		flip "$copy" "$off"
		local sound
		sound=$(sqlite3 "$copy" 'pragma integrity_check' 2>&1 | head -n 1)
		# list: exit 0 only with the undamaged list, or when SQLite itself
		# finds the file sound (a flipped letter inside a title cannot be
		# told from data)
		COLUMNS=200 R57_DB=$copy run --separate-stderr r57 list status:all
		if [ "$status" -eq 0 ] && [ "$output" != "$want" ]; then
			[ "$sound" = ok ] || { printf 'offset %s: list exit 0, other output, file says %s\n' "$off" "$sound" >&2; return 1; }
			n_list_diff=$((n_list_diff + 1))
		fi
		if [ "$status" -ne 0 ]; then
			assert_error 1
		fi
		before=$(sha "$copy")
		R57_DB=$copy run --separate-stderr r57 add "Sau hư hỏng"
		if [ "$status" -eq 0 ]; then
			# what r57 checks before it writes (quick_check: every page);
			# a sound file stays sound to the full integrity_check; one
			# whose only fault is an index that misses a row (which
			# quick_check cannot see) is left to r57 check
			eq "$(sqlite3 "$copy" 'pragma quick_check' 2>&1)" ok "offset $off: add exit 0 into a file whose pages check"
			if [ "$sound" = ok ]; then
				eq "$(sqlite3 "$copy" 'pragma integrity_check' 2>&1)" ok "offset $off: a sound file stays sound"
			fi
			n_added=$((n_added + 1))
		else
			assert_error 1
			eq "$(sha "$copy")" "$before" "offset $off: a refused add leaves the file as it was"
			n_refused=$((n_refused + 1))
		fi
		rm -f "$copy"
	done
	echo "refused $n_refused, added $n_added, list differed on a sound file $n_list_diff" >&3
	[ "$n_refused" -gt 0 ]
}

@test "check: ok on a sound database, and it writes nothing" {
	ok demo "$R57_DB"
	assert_db_unchanged check
	eq "$status" 0
	eq "$output" "$(t ok)"
}

@test "check: a row the journal does not account for, named; exit 1; nothing changed" {
	file_only "the file's journal tampered with by sqlite3"
	ok demo "$R57_DB"
	# task 3's whole history taken out of the journal: its entries that
	# changed nothing else are left empty
	local empty want
	empty=$(sqlite3 "$R57_DB" "SELECT DISTINCT entry FROM change_log c WHERE tbl = 5 AND row_id = 3
		AND NOT EXISTS (SELECT 1 FROM change_log o WHERE o.entry = c.entry AND NOT (o.tbl = 5 AND o.row_id = 3))
		ORDER BY entry")
	[ -n "$empty" ]
	# and the first entry that lost a change no longer matches its seal
	local first who at
	first=$(sqlite3 "$R57_DB" "SELECT min(entry) FROM change_log WHERE tbl = 5 AND row_id = 3")
	who=$(sqlite3 "$R57_DB" "SELECT actor FROM entry WHERE seq = $first")
	at=$(sqlite3 "$R57_DB" "SELECT at FROM entry WHERE seq = $first")
	sqlite3 "$R57_DB" "DELETE FROM change_log WHERE tbl = 5 AND row_id = 3"
	assert_db_unchanged check
	assert_error 1
	has "$stderr" "$R57_DB: "
	want=$(t 'journal: %s row %lld is not in the journal' task 3)
	for e in $empty; do
		want+=$'\n'$(t 'journal: entry #%lld holds no change' "$e")
	done
	want+=$'\n'$(t 'journal: entry #%lld (by %s at %s) does not match its seal: it, or the entry before it, was changed or removed after it was written' "$first" "$who" "$at")
	eq "$output" "$want"
}

@test "check: a journaled row missing from its table, and a search row unlike its task" {
	file_only "the file's tables tampered with by sqlite3, and its search index"
	ok demo "$R57_DB"
	ok list hạ  # builds the search index
	eq "$(sqlite3 "$R57_DB" 'SELECT writes = seen FROM search_state')" 1
	# behind the journal's back: its trigger dropped, a coordinating unit
	# taken off a task
	local gone
	gone=$(sqlite3 "$R57_DB" 'SELECT max(id) FROM task_unit')
	sqlite3 "$R57_DB" "DROP TRIGGER task_unit_del; DELETE FROM task_unit WHERE id = $gone;
		UPDATE task_search SET body = ' khac ' WHERE id = 1"
	run --separate-stderr r57 check
	assert_error 1
	has "$output" "$(t 'journal: %s row %lld is in the journal but not in the table' task_unit "$gone")"
	has "$output" "$(t 'search index: task #%lld is not as the task is' 1)"
}

@test "check: a damaged file is reported, not ok" {
	file_only "a damaged file"
	ok demo "$R57_DB"
	# the first byte of each cell pointer array of page 2 onwards zeroed:
	# SQLite sees the damage
	python3 -c '
import sys
p = sys.argv[1]
with open(p, "r+b") as f:
    d = bytearray(f.read())
    ps = int.from_bytes(d[16:18], "big")
    for pg in range(1, len(d) // ps):
        o = pg * ps
        if d[o] in (13, 10, 5, 2):
            d[o + 8:o + 12] = b"\xff\xff\xff\xff"
    f.seek(0); f.write(d)' "$R57_DB"
	run --separate-stderr r57 check
	assert_error 1
	hasnt "$output" "$(t ok)"
}

@test "backup: a 0600 copy that checks, refused over an existing file without --force" {
	file_only "the database read with sqlite3 beside r57"
	ok demo "$R57_DB"
	local b="$BATS_TEST_TMPDIR/copy.r57"
	ok backup "$b"
	eq "$(stat -c %a "$b")" 600
	R57_DB=$b ok check
	eq "$output" "$(t ok)"
	eq "$(sqlite3 "$b" 'select count(*) from task')" "$(sqlite3 "$R57_DB" 'select count(*) from task')"
	local before
	before=$(sha "$b")
	run --separate-stderr r57 backup "$b"
	assert_error 1
	eq "$(sha "$b")" "$before" "the existing file is left as it was"
	ok backup --force "$b"
}

@test "backup while a second r57 writes: one consistent state that checks" {
	file_only "the database read with sqlite3 beside r57"
	ok demo "$R57_DB"
	local n0 i b="$BATS_TEST_TMPDIR/copy.r57"
	n0=$(sqlite3 "$R57_DB" 'select count(*) from task')
	( for i in $(seq 1 30); do "$R57_BIN" add "Song song $i" >/dev/null || exit 1; done ) &
	local writer=$!
	ok backup "$b"
	wait "$writer"
	R57_DB=$b ok check
	local n
	n=$(sqlite3 "$b" 'select count(*) from task')
	[ "$n" -ge "$n0" ] && [ "$n" -le $((n0 + 30)) ]
	eq "$(sqlite3 "$b" "select count(*) from entry where summary like '%Song song%'")" $((n - n0)) \
		"every task in the copy with its journal entry"
}
