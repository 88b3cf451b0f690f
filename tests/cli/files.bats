#!/usr/bin/env bats
# Files r57 reads and writes besides its database: a FIFO given to
# import, the folder of remind -o, the file a refused command would have
# created, and who may read a full export.

load helpers

@test "import of a FIFO is refused at once, not waited on" {
	local fifo=$BATS_TEST_TMPDIR/pipe.csv
	mkfifo "$fifo"
	ok add "Có sẵn"
	run --separate-stderr timeout 10 "$R57_BIN" import "$fifo"
	[ "$status" -ne 124 ] || { echo "import of a FIFO hung" >&2; return 1; }
	assert_error 1 "$(tre '%s: not a regular file; nothing was imported')"
	has "$stderr" "$fifo"
	run --separate-stderr timeout 10 "$R57_BIN" import --dry-run "$fifo"
	[ "$status" -ne 124 ] || { echo "import --dry-run of a FIFO hung" >&2; return 1; }
	assert_error 1 "$(tre '%s: not a regular file; nothing was imported')"
}

@test "import of a folder or a missing file says so" {
	ok add "Có sẵn"
	assert_fails_cleanly 1 "$(tre '%s: not a regular file; nothing was imported')" -- import "$BATS_TEST_TMPDIR"
	assert_fails_cleanly 1 "$(tre '%s: cannot read it (%s); nothing was imported')" -- import "$BATS_TEST_TMPDIR/none.csv"
}

@test "remind -o: a missing folder, a missing parent, a file in the way" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	local d=$BATS_TEST_TMPDIR/nowhere
	assert_fails_cleanly 1 -- remind -o "$d"
	eq "$stderr" "r57: $(t '%s: no such folder; nothing issued' "$d")"
	assert_fails_cleanly 1 -- remind -o "$d/deeper"
	eq "$stderr" "r57: $(t '%s: no such folder; nothing issued' "$d/deeper")"
	: >"$BATS_TEST_TMPDIR/afile"
	assert_fails_cleanly 1 -- remind -o "$BATS_TEST_TMPDIR/afile"
	eq "$stderr" "r57: $(t '%s: not a folder (a file is in the way); nothing issued' "$BATS_TEST_TMPDIR/afile")"
	assert_fails_cleanly 1 -- remind -o "$BATS_TEST_TMPDIR/afile/sub"
	eq "$stderr" "r57: $(t '%s: not a folder (a file is in the way); nothing issued' "$BATS_TEST_TMPDIR/afile/sub")"
	ok reminders
	eq "$output" ""
}

@test "remind -o: a read-only folder and a folder without permission" {
	file_only "the file's folder read-only"
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	local ro noperm
	if [ "$(id -u)" = 0 ]; then
		# root writes anywhere: as nobody, in nobody's own 0555 folder
		# (read-only) and in root's 0755 one (not nobody's to write in)
		local d
		d=$(nobody_dir)
		cp "$R57_DB" "$d/t.db"
		chmod 0644 "$d/t.db"
		ro=$d/ro
		mkdir "$ro"
		chown nobody "$ro"
		chmod 0555 "$ro"
		noperm=$d
		assert_db_unchanged --hash "$d/t.db" --nobody "$d" --db "$d/t.db" remind -o "$ro"
		assert_error 1
		eq "$stderr" "r57: $(t '%s: the folder is read-only; nothing issued' "$ro")"
		assert_db_unchanged --hash "$d/t.db" --nobody "$d" --db "$d/t.db" remind -o "$noperm"
		assert_error 1
		eq "$stderr" "r57: $(t '%s: permission denied: you cannot write in this folder; nothing issued' "$noperm")"
	else
		ro=$BATS_TEST_TMPDIR/ro
		mkdir "$ro"
		chmod 0555 "$ro"
		assert_fails_cleanly 1 -- remind -o "$ro"
		eq "$stderr" "r57: $(t '%s: the folder is read-only; nothing issued' "$ro")"
		chmod 0755 "$ro"
		noperm=$BATS_TEST_TMPDIR/np
		mkdir -p "$noperm/in"
		chmod 0300 "$noperm/in"
		chmod 0000 "$noperm"
		assert_fails_cleanly 1 -- remind -o "$noperm/in"
		chmod 0755 "$noperm"
		eq "$stderr" "r57: $(t '%s: permission denied: you cannot write in this folder; nothing issued' "$noperm/in")"
	fi
	ls "$ro" | wc -l | grep -qx 0
}

@test "a refused import into a new --db path leaves no file" {
	local db=$BATS_TEST_TMPDIR/new.db bad=$BATS_TEST_TMPDIR/bad.csv
	printf 'title,due\nMột,31/02/2025\n' >"$bad"
	run --separate-stderr r57 --db "$db" import "$bad"
	assert_error 1 "$bad"
	[ ! -e "$db" ] || { echo "a refused import left $db behind" >&2; ls -l "$db"* >&2; return 1; }
	[ ! -e "$db-journal" ] && [ ! -e "$db-wal" ]
	# a FIFO and a missing file: the same
	mkfifo "$BATS_TEST_TMPDIR/p"
	run --separate-stderr timeout 10 "$R57_BIN" --db "$db" import "$BATS_TEST_TMPDIR/p"
	assert_error 1
	[ ! -e "$db" ]
	run --separate-stderr r57 --db "$db" import "$BATS_TEST_TMPDIR/none.csv"
	assert_error 1
	[ ! -e "$db" ]
	# other refused writing commands too
	run --separate-stderr r57 --db "$db" close 7
	assert_error nonzero
	[ ! -e "$db" ]
	# and a good import makes it
	printf 'title,due\nMột,28/02/2025\n' >"$BATS_TEST_TMPDIR/good.csv"
	ok --db "$db" import "$BATS_TEST_TMPDIR/good.csv"
	[ -e "$db" ]
	# a refused import into an existing database leaves it as it was
	assert_fails_cleanly 1 "$bad" -- --db "$db" import "$bad"
}

@test "a full export has the database's mode, not world-readable" {
	file_only "the database file's mode"
	ok add "Bí mật" --notes "chỉ người giữ cơ sở dữ liệu được đọc"
	eq "$(stat -c %a "$R57_DB")" 600 "the database's mode"
	local f=$BATS_TEST_TMPDIR/all.csv
	(umask 022 && r57 export -o "$f" >/dev/null)
	eq "$(stat -c %a "$f")" 600 "mode of the CSV export"
	(umask 022 && r57 export --format json -o "$f.json" >/dev/null)
	eq "$(stat -c %a "$f.json")" 600 "mode of the JSON export"
	# replacing an export r57 wrote (once world-readable) narrows it too
	chmod 0644 "$f"
	(umask 022 && r57 export -o "$f" >/dev/null)
	eq "$(stat -c %a "$f")" 600 "mode of the replaced export"
	# the database's mode in general: a database shared with its group
	chmod 0640 "$R57_DB"
	(umask 022 && r57 export -o "$BATS_TEST_TMPDIR/g.csv" >/dev/null)
	eq "$(stat -c %a "$BATS_TEST_TMPDIR/g.csv")" 640 "mode of an export of a 0640 database"
	# and the umask still narrows it
	(umask 077 && r57 export -o "$BATS_TEST_TMPDIR/u.csv" >/dev/null)
	eq "$(stat -c %a "$BATS_TEST_TMPDIR/u.csv")" 600 "mode under umask 077"
}

@test "remind -o: a full disk is said before anything is issued" {
	[ "$(id -u)" = 0 ] || skip "needs root to mount a small file system"
	local m=$BATS_TEST_TMPDIR/full
	mkdir "$m"
	mount -t tmpfs -o size=64k,nr_inodes=64 tmpfs "$m" 2>/dev/null || skip "cannot mount a tmpfs here"
	dd if=/dev/zero of="$m/fill" bs=4k 2>/dev/null || true
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	local rc=0
	assert_fails_cleanly 1 -- remind -o "$m" || rc=1
	[ "$rc" = 0 ] && { eq "$stderr" "r57: $(t '%s: the disk is full; nothing issued' "$m")" || rc=1; }
	umount "$m"
	[ "$rc" = 0 ]
	ok reminders
	eq "$output" ""
}

@test "remind -o: a notice file already in the folder is replaced only with --force; without it nothing is issued" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	local d=$BATS_TEST_TMPDIR/out
	mkdir "$d"
	ok remind -o "$d"
	local f
	f=$(ls "$d")
	[ -n "$f" ] && [ "$(ls "$d" | wc -l)" -eq 1 ]
	printf 'a letter of my own\n' >"$d/$f"
	ok reminders
	local before=$output
	assert_fails_cleanly 1 -- remind -o "$d"
	eq "$stderr" "r57: $(t '%s: a file of that name is already there; nothing issued (--force replaces it)' "$d/$f")"
	eq "$(cat "$d/$f")" "a letter of my own"
	ok reminders
	eq "$output" "$before"
	ok remind -o "$d" --force
	hasnt "$(cat "$d/$f")" "a letter of my own"
	has "$(cat "$d/$f")" "Quá hạn"
}
