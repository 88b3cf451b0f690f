#!/usr/bin/env bats
# undo and redo: per actor, refused over someone else's later change,
# --dry-run, nothing to undo, persistent across runs.

load helpers

@test "undo prints 'Undid #SEQ: SUMMARY' and reverts the add; redo brings it back" {
	ok add "Nâng cấp hệ thống"
	local uuid seq
	uuid=$(field 1 .uuid)
	seq=$(r57 history --format json | jq '.[0].seq')
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' "$seq" "$(t 'add #%lld: %s' 1 "Nâng cấp hệ thống")")"
	eq "${#lines[@]}" 1 "one line"
	eq "$(ids status:all)" "" "the task is gone"
	ok redo
	eq "$output" "$(t 'Redid #%lld: %s' "$seq" "$(t 'add #%lld: %s' 1 "Nâng cấp hệ thống")")"
	eq "$(ids status:all)" "1"
	eq "$(field 1 .title)" "Nâng cấp hệ thống"
	eq "$(field 1 .uuid)" "$uuid" "the same task, not a new one"
}

@test "undo reverts a close: open again, no closing date" {
	ok add "Một" --due 31/12/2025
	ok close 1 --on 20/06/2025 --result "Xong"
	ok undo
	eq "$(field 1 .status)" open
	eq "$(field 1 .closed)" null
	eq "$(field 1 .result)" null
	ok redo
	eq "$(field 1 .status)" done
	eq "$(field 1 .closed)" 2025-06-20
	eq "$(field 1 .result)" "Xong"
}

@test "undo goes back one action at a time, newest first" {
	ok add "Một" --due 31/12/2025
	ok due 1 31/01/2026
	ok edit 1 --title "Một (sửa)"
	ok undo
	eq "$(field 1 .title)" "Một"
	eq "$(field 1 .due)" 2026-01-31
	ok undo
	eq "$(field 1 .due)" 2025-12-31
	eq "$(field 1 .extensions)" 0
	ok undo
	eq "$(ids status:all)" ""
	ok redo
	eq "$(ids status:all)" "1" "redo re-applies the newest undone first"
	eq "$(field 1 .due)" 2025-12-31
}

@test "undo takes the actor's own newest change, not someone else's" {
	ok add "Của An"
	R57_ACTOR=binh ok add "Của Bình"
	ok undo
	eq "$(ids status:all)" "2" "an's task undone, binh's kept"
	eq "$(field 2 .title)" "Của Bình"
	R57_ACTOR=binh ok undo
	eq "$(ids status:all)" ""
}

@test "--actor overrides R57_ACTOR for undo" {
	ok add "Của An"
	ok --actor binh add "Của Bình"
	ok --actor binh undo
	eq "$(ids status:all)" "1"
}

@test "an's undo is refused, naming binh, when binh changed the task later" {
	ok add "Của An" --due 31/12/2025
	R57_ACTOR=binh ok edit 1 --title "Bình đã sửa"
	assert_fails_cleanly 1 "binh" "#1\b" -- undo
	has "$stderr" "$(t 'edit %s: %s' '#1' "$(t title)")"
	eq "$(field 1 .title)" "Bình đã sửa"
	# binh undoes his change; then an's undo goes through
	R57_ACTOR=binh ok undo
	eq "$(field 1 .title)" "Của An"
	ok undo
	eq "$(ids status:all)" ""
}

@test "an's undo of a close is refused after binh reopened the task" {
	ok add "Một"
	ok close 1 --on 20/06/2025
	R57_ACTOR=binh ok reopen 1
	assert_fails_cleanly 1 "binh" -- undo
	eq "$(field 1 .status)" open
}

@test "binh's change to another task does not block an's undo" {
	ok add "Một"
	ok add "Hai"
	ok edit 1 --product "SP"
	R57_ACTOR=binh ok edit 2 --product "Khác"
	ok undo
	eq "$(field 1 .product)" null
	eq "$(field 2 .product)" "Khác"
}

@test "undo --dry-run says what undo would do and writes nothing" {
	ok add "Một"
	ok edit 1 --title "Một (sửa)"
	local seq summary
	seq=$(r57 history --format json | jq '.[0].seq')
	summary=$(t 'edit %s: %s' '#1' "$(t title)")
	assert_db_unchanged undo --dry-run
	eq "$status" 0
	eq "$output" "$(t 'Would undo #%lld: %s' "$seq" "$summary")"
	eq "$(field 1 .title)" "Một (sửa)"
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' "$seq" "$summary")"
	eq "$(field 1 .title)" "Một"
}

@test "redo --dry-run writes nothing" {
	ok add "Một"
	local seq
	seq=$(r57 history --format json | jq '.[0].seq')
	ok undo
	assert_db_unchanged redo --dry-run
	eq "$status" 0
	eq "$output" "$(t 'Would redo #%lld: %s' "$seq" "$(t 'add #%lld: %s' 1 "Một")")"
	eq "$(ids status:all)" ""
	ok redo
	eq "$(ids status:all)" "1"
}

@test "undo --dry-run with nothing to undo is an error too" {
	R57_ACTOR=binh ok add "Của Bình"
	assert_fails_cleanly 1 "$(t 'nothing to undo for %s' an)" -- undo --dry-run
}

@test "nothing to undo: an error, the database unchanged" {
	R57_ACTOR=binh ok add "Của Bình"
	assert_fails_cleanly 1 "$(t 'nothing to undo for %s' an)" -- undo
	# and after an's only action is undone, there is nothing left again
	ok add "Của An"
	ok undo
	assert_fails_cleanly 1 "$(t 'nothing to undo for %s' an)" -- undo
	eq "$(ids status:all)" "1"
}

@test "nothing to redo: an error, the database unchanged" {
	ok add "Một"
	assert_fails_cleanly 1 "$(t 'nothing to redo for %s' an)" -- redo
	ok undo
	ok redo
	assert_fails_cleanly 1 "$(t 'nothing to redo for %s' an)" -- redo
}

@test "redo is refused when someone changed the rows since the undo" {
	ok add "Một"
	ok edit 1 --title "Một (an sửa)"
	ok undo
	R57_ACTOR=binh ok edit 1 --title "Một (binh sửa)"
	assert_fails_cleanly 1 "binh" -- redo
	eq "$(field 1 .title)" "Một (binh sửa)"
}

@test "the undo log lasts across runs and has no depth limit" {
	local n
	for n in $(seq 1 30); do
		ok add "Nhiệm vụ $n"
	done
	for n in $(seq 1 30); do
		ok undo
	done
	eq "$(ids status:all)" ""
	assert_fails_cleanly 1 "$(t 'nothing to undo for %s' an)" -- undo
}

@test "undo and redo write journal entries kept in history" {
	ok add "Một"
	local before after
	before=$(r57 history --format json | jq length)
	ok undo
	ok redo
	after=$(r57 history --format json | jq length)
	eq "$after" "$((before + 2))" "history grew by the undo and the redo"
}
