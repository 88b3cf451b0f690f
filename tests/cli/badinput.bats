#!/usr/bin/env bats
# Every bad input of the core issue: a non-zero exit, one line on stderr
# ("r57: ...") naming what and where, and the database file byte-for-byte
# unchanged (sha256 before and after).

load helpers

# a database with something in it
mkdb() {
	ok add "Nâng cấp hệ thống quản lý văn bản" --group 1 --leader "Nguyễn Văn An" \
		--unit "Sở Khoa học và Công nghệ" --due 31/12/2025 --new
	ok add "Kết nối hai trung tâm dữ liệu" --due 30/09/2025
}

# has_byte TEXT HEX: true if TEXT holds the raw byte (e.g. ff).
has_byte() {
	printf '%s' "$1" | LC_ALL=C grep -q "$(printf "\\x$2")"
}

# ---- usage -----------------------------------------------------------

@test "unknown command: exit 2, named" {
	mkdb
	assert_fails_cleanly 2 "frobnicate" -- frobnicate
	eq "$stderr" "r57: $(t "unknown command '%s' (see: r57 --help)" frobnicate)"
	eq "$output" "" "nothing on stdout"
}

@test "unknown option of a command: exit 2, named" {
	mkdb
	assert_fails_cleanly 2 "--bogus" -- list --bogus
	eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' list --bogus)"
	assert_fails_cleanly 2 "--colour" -- add "Ba" --colour red
	eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' add --colour)"
}

@test "unknown global option: exit 2, named" {
	mkdb
	assert_fails_cleanly 2 "--bogus" -- --bogus list
	eq "$stderr" "r57: $(t 'unknown option %s (see: r57 --help)' --bogus)"
}

@test "missing argument: exit 2" {
	mkdb
	assert_fails_cleanly 2 -- add
	eq "$stderr" "r57: $(t 'add: give the title as one argument (in quotes)')"
	assert_fails_cleanly 2 "--due" -- add "Ba" --due
	eq "$stderr" "r57: $(t '%s: option %s needs a value' add --due)"
	assert_fails_cleanly 2 -- close
	eq "$stderr" "r57: $(t '%s: give the task id' close)"
	assert_fails_cleanly 2 -- due 1
	eq "$stderr" "r57: $(t '%s: give the task id and the new deadline' due)"
	assert_fails_cleanly 2 -- --db
	eq "$stderr" "r57: $(t 'option %s needs a value' --db)"
	assert_fails_cleanly 2 -- list --help=yes
	eq "$stderr" "r57: $(t '%s: option %s takes no value' list --help)"
}

@test "a usage error does not create the database" {
	assert_fails_cleanly 2 "frobnicate" -- frobnicate
	[ ! -e "$R57_DB" ] || { echo "created $R57_DB" >&2; false; }
}

# ---- dates -----------------------------------------------------------

@test "malformed date: named" {
	mkdb
	assert_fails_cleanly 1 "soon" -- add "Ba" --due soon
	assert_fails_cleanly 1 "32\.13\.2025" -- due 1 32.13.2025
}

@test "impossible date: 31/02/2025 does not exist" {
	mkdb
	local re
	re=$(tre '%s: %s does not exist (%s %d has %d days)')
	assert_fails_cleanly 1 "31/02/2025" "$re" -- add "Ba" --due 31/02/2025
	assert_fails_cleanly 1 "31/02/2025" "$re" -- close 1 --on 31/02/2025
	assert_fails_cleanly 1 "31/02/2025" -- due 1 31/02/2025
}

@test "a bad R57_TODAY or --today is an error naming it" {
	mkdb
	R57_TODAY=31/02/2025 assert_fails_cleanly 1 "31/02/2025" -- add "Ba"
	assert_fails_cleanly nonzero "không phải ngày" -- --today "không phải ngày" add "Ba"
	eq "$stderr" "r57: $(t "%s: '%s' is not a date (use dd/mm/yyyy or yyyy-mm-dd)" --today "không phải ngày")"
}

# ---- text ------------------------------------------------------------

@test "invalid UTF-8 in a title: refused, and the bad byte not echoed" {
	mkdb
	assert_fails_cleanly 1 "$(tre "argument %d is not valid UTF-8 (byte %zu): '%s'")" -- add "$(printf 'Nhi\xffm v\xe1')"
	has_byte "$stderr" ff && { echo "raw 0xff on stderr" >&2; false; }
	# 0xe1 begins many a Vietnamese letter: what must not come back is the
	# broken sequence, so stderr must be valid UTF-8 as a whole
	printf '%s' "$stderr" | iconv -f UTF-8 -t UTF-8 >/dev/null ||
		{ echo "invalid UTF-8 on stderr" >&2; false; }
}

@test "invalid UTF-8 in an option value and in a filter word" {
	mkdb
	local re
	re=$(tre "argument %d is not valid UTF-8 (byte %zu): '%s'")
	assert_fails_cleanly 1 "$re" -- assign 1 --leader "$(printf 'Nguy\xffn')"
	assert_fails_cleanly 1 "$re" -- edit 1 --notes "$(printf '\xc3\x28')"
	assert_fails_cleanly 1 "$re" -- list "$(printf '\xff')"
	assert_fails_cleanly 1 "$re" -- --actor "$(printf '\xfe')" add "Ba"
}

# ---- names -----------------------------------------------------------

@test "unknown leader, unit, group: named, with the --new hint" {
	mkdb
	local re
	re=$(tre "%s '%s' does not exist (see: r57 %s list; --new creates it)")
	assert_fails_cleanly 1 "Lê Văn Cường" "$re" -- add "Ba" --leader "Lê Văn Cường"
	assert_fails_cleanly 1 "Sở Công Thương" "$re" -- add "Ba" --unit "Sở Công Thương"
	assert_fails_cleanly 1 "Sở Công Thương" -- add "Ba" --with "Sở Công Thương"
	assert_fails_cleanly 1 "Nhóm không có" -- add "Ba" --group "Nhóm không có"
	assert_fails_cleanly 1 "\b9\b" -- add "Ba" --group 9
	assert_fails_cleanly 1 "\b77\b" -- assign 1 --leader 77
}

@test "ambiguous leader, unit, group: the candidates listed" {
	mkdb
	ok leader add "Nguyễn Văn Anh"
	ok unit add "Sở Tài chính"
	ok group add "Chuyển đổi số cấp tỉnh"
	ok group add "Chuyển đổi số cấp xã"
	assert_fails_cleanly 1 "Nguyễn Văn An\b" "Nguyễn Văn Anh" -- assign 2 --leader "văn"
	assert_fails_cleanly 1 "Sở Khoa học và Công nghệ" "Sở Tài chính" -- assign 2 --unit "sở"
	assert_fails_cleanly 1 "cấp tỉnh" "cấp xã" -- edit 2 --group "chuyển đổi số cấp"
}

# ---- ids -------------------------------------------------------------

@test "an id that does not exist: named, for every command that takes ids" {
	mkdb
	local c
	for c in "show 42" "edit 42 --title X" "assign 42 --leader 1" "due 42 31/12/2025" \
		"close 42" "reopen 42" "cancel 42" "delete 42"; do
		# shellcheck disable=SC2086
		assert_fails_cleanly 1 "\b42\b" -- $c
	done
}

@test "an id that is not a number is refused" {
	mkdb
	assert_fails_cleanly nonzero "abc" -- close abc
	eq "$stderr" "r57: $(t "'%s' is not a task id (a number such as 12)" abc)"
	assert_fails_cleanly nonzero -- show -1
	eq "$stderr" "r57: $(t "'%s' is not a task id (a number such as 12)" -1)"
}

# ---- files -----------------------------------------------------------

@test "--db in a folder that does not exist: named, and not created" {
	file_only "a --db path in a missing folder"
	local dir=$BATS_TEST_TMPDIR/no/such/folder
	assert_fails_cleanly 1 "$dir" -- --db "$dir/r57.db" add "Một"
	[ ! -e "$BATS_TEST_TMPDIR/no" ] || { echo "folder created" >&2; false; }
	R57_DB=$dir/r57.db assert_fails_cleanly 1 "$dir" -- add "Một"
	[ ! -e "$BATS_TEST_TMPDIR/no" ]
}

# read_only_re: the messages for a database r57 may not write.
read_only_re() {
	printf '%s|%s' \
		"$(tre '%s: the database is read-only; nothing was changed (check the permissions of the file and its folder)')" \
		"$(tre '%s: the database is read-only; nothing was changed (check the permissions of the file)')"
}

@test "a read-only database: named, unchanged" {
	file_only "a read-only file"
	mkdb
	if [ "$(id -u)" = 0 ]; then
		# root writes anywhere: run as nobody on a root-owned 0644 file in a
		# root-owned 0755 folder (readable, but no write and no journal)
		local d
		d=$(nobody_dir)
		cp "$R57_DB" "$d/ro.db"
		chmod 0644 "$d/ro.db"
		assert_db_unchanged --nobody "$d" --db "$d/ro.db" add "Ba"
		assert_error 1 "$d/ro.db" "$(read_only_re)"
		assert_db_unchanged --nobody "$d" --db "$d/ro.db" close 1
		assert_error 1 "$d/ro.db"
	else
		local d=$BATS_TEST_TMPDIR/ro
		mkdir "$d"
		cp "$R57_DB" "$d/ro.db"
		chmod 0444 "$d/ro.db"
		chmod 0555 "$d"
		assert_db_unchanged --db "$d/ro.db" add "Ba"
		assert_error 1 "$d/ro.db" "$(read_only_re)"
		chmod 0755 "$d"
	fi
}

@test "a file that is not an SQLite database: named, unchanged" {
	file_only "a file that is not SQLite"
	local f=$BATS_TEST_TMPDIR/notes.txt
	printf 'Đây không phải cơ sở dữ liệu.\n%.0s' $(seq 1 200) >"$f"
	assert_fails_cleanly 1 "$f" -- --db "$f" list
	assert_fails_cleanly 1 "$f" -- --db "$f" add "Một"
}

@test "an SQLite database that is not r57's: named, unchanged" {
	file_only "an SQLite file of another program"
	local f=$BATS_TEST_TMPDIR/other.sqlite
	sqlite3 "$f" 'CREATE TABLE thing (a, b); INSERT INTO thing VALUES (1, 2);'
	assert_fails_cleanly 1 "$f" -- --db "$f" list
	assert_fails_cleanly 1 "$f" -- --db "$f" add "Một"
	eq "$(sqlite3 "$f" 'select count(*) from sqlite_master')" 1 "no r57 tables added"
}

# page_size: the database's page size
page_size() { sqlite3 "$R57_DB" 'pragma page_size'; }
# fill FILE OFFSET COUNT: overwrite COUNT bytes at OFFSET with 0xAA
fill() {
	head -c "$3" /dev/zero | tr '\0' '\252' |
		dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

@test "a damaged database (page 1 overwritten past the header): named, unchanged" {
	file_only "a damaged file"
	mkdb
	local ps
	ps=$(page_size)
	fill "$R57_DB" 100 $((ps - 100))
	assert_fails_cleanly 1 "$R57_DB" -- list
	assert_fails_cleanly 1 "$R57_DB" -- add "Ba"
	assert_fails_cleanly 1 "$R57_DB" -- undo
}

@test "a damaged database (every page after the first overwritten): named, unchanged" {
	file_only "a damaged file"
	mkdb
	local ps size
	ps=$(page_size)
	size=$(stat -c %s "$R57_DB")
	[ "$size" -gt "$ps" ]
	fill "$R57_DB" "$ps" $((size - ps))
	assert_fails_cleanly 1 "$R57_DB" -- list
	assert_fails_cleanly 1 "$R57_DB" -- add "Ba"
	assert_fails_cleanly 1 "$R57_DB" -- close 1
	assert_fails_cleanly 1 "$R57_DB" -- status
}

@test "a damaged database (truncated): named, unchanged" {
	file_only "a truncated file"
	mkdb
	local ps
	ps=$(page_size)
	truncate -s "$ps" "$R57_DB"
	assert_fails_cleanly 1 "$R57_DB" -- list
	assert_fails_cleanly 1 "$R57_DB" -- add "Ba"
}

@test "a database written by a newer r57 (user_version 99): named, unchanged" {
	file_only "the file's user_version"
	mkdb
	sqlite3 "$R57_DB" 'PRAGMA user_version = 99'
	local re
	re=$(tre '%s: written by a newer r57 (schema version %d; this r57 knows up to %d); not opened, nothing changed')
	assert_fails_cleanly 1 "$R57_DB" "$re" -- list
	assert_fails_cleanly 1 "$R57_DB" "$re" -- add "Ba"
	assert_fails_cleanly 1 "$R57_DB" -- undo
	eq "$(sqlite3 "$R57_DB" 'pragma user_version')" 99
}

# ---- undo ------------------------------------------------------------

@test "undo with nothing to undo: said, unchanged" {
	R57_ACTOR=binh mkdb
	assert_fails_cleanly 1 "$(t 'nothing to undo for %s' an)" -- undo
	assert_fails_cleanly 1 "$(t 'nothing to redo for %s' an)" -- redo
}

@test "undo over someone else's later change: refused naming who, unchanged" {
	mkdb
	R57_ACTOR=binh ok close 2 --on 20/06/2025
	# an's newest entry is add #2; binh closed #2 since
	assert_fails_cleanly 1 "binh" -- undo
	eq "$(field 2 .status)" done
}
