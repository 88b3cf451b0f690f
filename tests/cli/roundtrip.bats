#!/usr/bin/env bats
# A backup can always be restored (issue 11, item 8): one table of limits
# for every writer and reader (include/r57/limits.h), names that hold the
# list separator survive every format, no silent cap, and data formats
# carry the stored text exactly, escaped as each format needs. The random
# property test is tests/unit/test_roundtrip.c; these are the cases seen.

load helpers

rep() { head -c "$2" /dev/zero | tr '\0' "$1"; }

@test "add and edit refuse a title over 1000 and notes over 20000 characters, naming field and limit" {
	ok add "Một"
	assert_fails_cleanly 1 "$(tre '%s: %zu characters; at most %zu are allowed')" 1001 1000 -- add "$(rep x 1001)"
	assert_fails_cleanly 1 "20001" "20000" -- edit 1 --notes "$(rep y 20001)"
	assert_fails_cleanly 1 "20001" -- edit 1 --product "$(rep y 20001)"
	assert_fails_cleanly 1 "20001" -- close 1 --result "$(rep y 20001)"
	assert_fails_cleanly 1 "501" "500" -- add "Hai" --unit "$(rep u 501)" --new
	# exactly the limit is kept, and the export of it imports again
	ok add "$(rep x 1000)" --notes "$(rep y 20000)" --product "$(rep z 20000)" --unit "$(rep u 500)" --new
	ok export -o "$BATS_TEST_TMPDIR/all.csv"
	ok export --format json -o "$BATS_TEST_TMPDIR/all.json"
	R57_DB=$BATS_TEST_TMPDIR/b.db ok import "$BATS_TEST_TMPDIR/all.csv"
	R57_DB=$BATS_TEST_TMPDIR/c.db ok import "$BATS_TEST_TMPDIR/all.json"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/c.db field 2 '.notes | length')" 20000
}

@test "every --with is kept; more than 100 coordinating units are refused, never dropped" {
	local args=() i
	for i in $(seq 1 20); do args+=(--with "Đơn vị $i"); done
	ok add "Hai mươi" "${args[@]}" --new
	eq "$(field 1 '.units | length')" 20
	args=()
	for i in $(seq 1 101); do args+=(--with "Đơn vị $i"); done
	assert_fails_cleanly 1 "$(tre '%s: %zu given; at most %zu are allowed')" 101 100 -- assign 1 "${args[@]}" --new
	assert_fails_cleanly 1 101 -- add "Quá nhiều" "${args[@]}" --new
	eq "$(field 1 '.units | length')" 20
}

@test "import refuses more than 100 coordinating units in a cell" {
	local cell i
	cell=$(for i in $(seq 1 101); do printf 'Đơn vị %d; ' "$i"; done)
	printf 'title,units\r\nMột,"%s"\r\n' "$cell" >"$BATS_TEST_TMPDIR/many.csv"
	ok add "Có sẵn"
	assert_fails_cleanly 1 "'101'" 100 -- import "$BATS_TEST_TMPDIR/many.csv"
}

@test "a unit named 'A; B' stays one unit in list and show JSON, TSV, and a CSV round trip" {
	ok add "Một" --unit "Sở A; B" --with "Sở C; D" --with "Sở E" --with "Sở F;" --new
	eq "$(tasks | jq -c '.[0].units')" '["Sở C; D","Sở E","Sở F;"]'
	ok show 1 --format json
	eq "$(jq -c .units <<<"$output")" '["Sở C; D","Sở E","Sở F;"]'
	ok list --format tsv
	eq "$(awk -F'\t' 'NR == 2 { print $7 }' <<<"$output")" "Sở C;; D; Sở E; Sở F;;"
	ok export -o "$BATS_TEST_TMPDIR/a.csv"
	grep -q ',Sở A; B,"Sở C;; D; Sở E; Sở F;;",' "$BATS_TEST_TMPDIR/a.csv" ||
		grep -q ',Sở A; B,Sở C;; D; Sở E; Sở F;;,' "$BATS_TEST_TMPDIR/a.csv"
	R57_DB=$BATS_TEST_TMPDIR/b.db ok import "$BATS_TEST_TMPDIR/a.csv"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db tasks | jq -c '.[0].units')" '["Sở C; D","Sở E","Sở F;"]'
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db r57 unit list | grep -c 'Sở')" 4
	R57_DB=$BATS_TEST_TMPDIR/b.db ok export -o "$BATS_TEST_TMPDIR/b.csv"
	cmp "$BATS_TEST_TMPDIR/a.csv" "$BATS_TEST_TMPDIR/b.csv"
	# spreadsheets' own "A; B" still means two units
	printf 'title,units\r\nHai,"X; Y"\r\n' >"$BATS_TEST_TMPDIR/s.csv"
	R57_DB=$BATS_TEST_TMPDIR/s.db ok import "$BATS_TEST_TMPDIR/s.csv"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/s.db tasks | jq -c '.[0].units')" '["X","Y"]'
}

@test "a name is one line: a line break in a unit name is refused" {
	ok add "Một"
	assert_fails_cleanly 1 "$(tre '%s: a name is one line; this one holds a line break')" -- unit add $'Sở A\nSở B'
	assert_fails_cleanly 1 "$(tre '%s: a name is one line; this one holds a line break')" -- assign 1 --unit $'Sở A\nSở B' --new
}

@test "a tab in a title: exact in CSV (to a pipe), \\t in JSON and TSV; placeholders only on a terminal" {
	ok add $'Một\tHai' --notes $'x\e[31my'
	ok export
	has "$output" $'Một\tHai'
	has "$output" $'x\e[31my'
	hasnt "$output" "␉"
	ok export --format json
	has "$output" '"title": "Một\tHai"'
	has "$output" '"notes": "x\u001b[31my"'
	ok list --format tsv
	has "$output" 'Một\tHai'
	ok list --format json
	has "$output" '"title": "Một\tHai"'
	script -qec "$R57_BIN export" /dev/null >"$BATS_TEST_TMPDIR/tty"
	has "$(cat "$BATS_TEST_TMPDIR/tty")" "Một␉Hai"
	has "$(cat "$BATS_TEST_TMPDIR/tty")" "x␛[31my"
}

@test "the formula guard comes off again after any number of quotes" {
	ok add "''=x"
	ok add "'=y"
	ok add "=z"
	ok add "'''-w"
	ok export -o "$BATS_TEST_TMPDIR/a.csv"
	R57_DB=$BATS_TEST_TMPDIR/b.db ok import "$BATS_TEST_TMPDIR/a.csv"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db field 1 .title)" "''=x"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db field 2 .title)" "'=y"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db field 3 .title)" "=z"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db field 4 .title)" "'''-w"
}
