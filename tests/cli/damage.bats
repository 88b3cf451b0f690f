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

@test "a bulk import and the search rebuild run none of the file's own index text" {
	add "Đầu tiên" >/dev/null
	craft "$R57_DB"
	eq "$(sqlite3 "$R57_DB" 'pragma quick_check')" ok "the crafted file still reads"
	{
		printf 'title,group\r\n'
		for i in $(seq 1 5000); do printf 'Nhiệm vụ %d,1\r\n' "$i"; done
	} >"$BATS_TEST_TMPDIR/big.csv"
	ok import "$BATS_TEST_TMPDIR/big.csv"
	ok list nhiệm
	eq "$(sqlite3 "$R57_DB" "select count(*) from sqlite_master where name like 'pwned%'")" 0 \
		"no table made by the file's text"
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
			assert_error 1 'damaged|not an r57 database|not an SQLite'
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
			assert_error 1 'damaged|not an r57 database|not an SQLite'
			eq "$(sha "$copy")" "$before" "offset $off: a refused add leaves the file as it was"
			n_refused=$((n_refused + 1))
		fi
		rm -f "$copy"
	done
	echo "refused $n_refused, added $n_added, list differed on a sound file $n_list_diff" >&3
	[ "$n_refused" -gt 0 ]
}
