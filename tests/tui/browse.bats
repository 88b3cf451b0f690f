#!/usr/bin/env bats
# Browsing the task list (j/k, PgDn/PgUp, Home/End) and folding its
# groups (Enter or z on a heading, Z for all), at 80x24 and 120x40.

load helpers

# 14 example tasks and 30 more in group 1: more rows than fit at 80x24;
# made once for the file, copied for each test that needs it.
setup_file() {
	(
		export R57_DB=$BATS_FILE_TMPDIR/many.db R57_TODAY=30/06/2025 R57_ACTOR=an LC_ALL=C.UTF-8
		"${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}" demo "$R57_DB" >/dev/null || exit 1
		for i in $(seq 1 30); do
			"${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}" add "Việc số $i" --group 1 \
				--due "01/0$((i % 9 + 1))/2026" >/dev/null || exit 1
		done
	)
}
many() { db_load "$BATS_FILE_TMPDIR/many.db"; }

# The list as the screen should draw it, one key a line: G<n> for the
# heading of group n, T<id> for a task, in the order r57 list gives.
expected_lines() {
	local g
	for g in 1 2 3 4; do
		echo "G$g"
		r57 list "group:$g" --format json | jq -r '.[] | "T\(.id)"'
	done
}

# wait_cursor KEY: poll until the cursor row is KEY.
wait_cursor() {
	local n=100 s k
	while :; do
		s=$(selected | head -n 1)
		k=$(line_key "$s")
		[ "$k" = "$1" ] && return 0
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	printf 'expected the cursor on %s, it is on %s [%s]; screen:\n%s\n' "$1" "$k" "$s" "$(screen)" >&2
	return 1
}

# wait_body FROM COUNT: poll until the rows on screen are lines FROM..
# FROM+COUNT-1 (0-based) of the expected list.
wait_body() {
	local want got n=100
	want=$(sed -n "$(($1 + 1)),$(($1 + $2))p" <<<"$EXPECTED")
	while :; do
		got=$(body)
		[ "$got" = "$want" ] && return 0
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	printf 'rows on screen:\n%s\nexpected (lines %s..):\n%s\nscreen:\n%s\n' \
		"$(echo $got)" "$1" "$(echo $want)" "$(screen)" >&2
	return 1
}

line() { sed -n "$(($1 + 1))p" <<<"$EXPECTED"; }

@test "the list opens at the first group heading with the cursor on it" {
	many
	EXPECTED=$(expected_lines)
	tui_start
	wait_body 0 22
	wait_cursor G1
}

@test "j/k, PgDn/PgUp and End/Home move the cursor and page through the list (80x24)" {
	many
	EXPECTED=$(expected_lines)
	total=$(wc -l <<<"$EXPECTED")
	[ "$total" -eq 47 ] # 4 headings, 43 tasks (the cancelled one is not listed)
	tui_start
	keys Home
	wait_body 0 22
	wait_cursor G1
	keys j
	wait_cursor "$(line 1)"
	keys j
	wait_cursor "$(line 2)"
	keys k
	wait_cursor "$(line 1)"
	keys Down Down Down
	wait_cursor "$(line 4)"
	keys Up
	wait_cursor "$(line 3)"
	# a page down: the row after the last one on screen comes to the top
	keys PgDn
	wait_body 22 22
	wait_cursor "$(line 22)"
	# moving down past the bottom row scrolls by one
	keys G
	wait_body $((total - 22)) 22
	wait_cursor "$(line $((total - 1)))"
	keys k
	wait_cursor "$(line $((total - 2)))"
	keys g
	wait_body 0 22
	wait_cursor G1
	keys End
	wait_body $((total - 22)) 22
	wait_cursor "$(line $((total - 1)))"
	keys PgUp
	wait_body $((total - 44)) 22
	keys Home
	wait_body 0 22
	wait_cursor G1
	# k at the first row stays there
	keys k
	sleep 0.2
	wait_cursor G1
	# C-f and C-b page too
	keys C-f
	wait_body 22 22
	keys C-b
	wait_body 0 22
}

@test "moving down one row at a time scrolls the list by one row" {
	many
	EXPECTED=$(expected_lines)
	tui_start
	keys Home
	wait_cursor G1
	local i
	for i in $(seq 1 21); do keys j; done
	wait_cursor "$(line 21)"
	wait_body 0 22
	keys j
	wait_cursor "$(line 22)"
	wait_body 1 22
	keys k
	keys k
	wait_cursor "$(line 20)"
	wait_body 1 22
}

@test "Enter and z on a heading fold and unfold its group; Z folds and unfolds all" {
	demo
	EXPECTED=$(expected_lines)
	before=$(hist 'length')
	tui_start
	keys Home
	wait_body 0 17
	wait_cursor G1
	# Enter on the heading folds group 1: its tasks leave the screen
	keys Enter
	wait_for "▸ 1. "
	run body
	eq "$(echo $output)" "$(echo G1 $(sed -n '6,$p' <<<"$EXPECTED"))" "rows with group 1 folded"
	wait_cursor G1
	# the heading keeps its figures while folded
	has "$(row_of '▸ 1. ')" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 1 4 25 0 0)"
	keys Enter
	wait_for "▾ 1. "
	wait_body 0 17
	# z on a task folds the group it is in
	keys j j j j j j
	wait_cursor "$(line 6)"
	[ "$(line 6)" = T12 ]
	keys z
	wait_for "▸ 2. "
	wait_cursor G2
	has "$(row_of '▸ 2. ')" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 0 3 0 0 3)"
	run body
	eq "$(echo $output)" "$(echo $(sed -n '1,6p' <<<"$EXPECTED") $(sed -n '10,$p' <<<"$EXPECTED"))" "rows with group 2 folded"
	keys z
	wait_for "▾ 2. "
	wait_body 0 17
	# Z folds every group, Z again unfolds them all
	keys Z
	wait_for "▸ 4. "
	run body
	eq "$(echo $output)" "G1 G2 G3 G4" "rows with every group folded"
	keys Z
	wait_for "▾ 4. "
	wait_body 0 17
	# nothing was changed in the database
	eq "$(hist 'length')" "$before" "journal entries"
}

@test "at 120x40 rows show the lead person and unit, and every row fits" {
	demo
	tui_start --size 120x40
	wait_for "▾ 4. "
	local l
	l=$(row_of "    1 Nâng cấp hệ thống")
	has "$l" "Nguyễn Văn An"
	has "$l" "Sở Khoa học và"
	has "$l" "$(t '%s %ldd left' 14/08/2025 45)"
	l=$(row_of "   12 Cập nhật")
	has "$l" "Phạm Thu Dung"
	has "$l" "$(t '%s %ldd late' 31/05/2025 30)"
	# the heading shows its figures at the right edge
	l=$(row_of "▾ 2. ")
	has "$l" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 0 3 0 0 3)"
	eq "$(width "$l")" 119 "width of the heading line (the last column is blank)"
	# no line is wider than the pane
	while IFS= read -r l; do
		[ "$(width "$l")" -le 120 ] || { echo "too wide: $l" >&2; false; }
	done <<<"$SCREEN"
}
