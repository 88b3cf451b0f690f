#!/usr/bin/env bats
# history: who changed what, when; by task, by actor, since a date, limit.
# Entries are matched by whole tab-separated fields of --format tsv (an
# actor's name is a field of its own), and by JSON for counts.

load helpers

# entries ARGS...: history --format tsv ARGS; one line per entry.
entries() {
	r57 history --format tsv "$@"
}
# count_field VALUE: lines of stdin with a field exactly VALUE.
count_field() {
	awk -F'\t' -v v="$1" '{ for (i = 1; i <= NF; i++) if ($i == v) { n++; break } } END { print n + 0 }'
}
# first_line_with VALUE: the number of the first line with a field VALUE.
first_line_with() {
	awk -F'\t' -v v="$1" '{ for (i = 1; i <= NF; i++) if ($i == v) { print NR; exit } }'
}

story() {
	# the database is made (its 'init' entry) by someone else
	ok --today 2025-06-01 --actor admin unit add "Sở Tài chính"
	ok --today 2025-06-01 add "Nâng cấp hệ thống quản lý văn bản" --due 31/12/2025
	ok --today 2025-06-01 add "Kết nối hai trung tâm dữ liệu" --due 31/12/2025
	ok --today 2025-07-10 --actor binh assign 1 --leader "Trần Thị Bình" --new
	ok --today 2025-07-12 --actor chi close 2 --on 11/07/2025
}

@test "history lists every entry with its actor" {
	story
	run entries
	eq "$status" 0
	eq "$(count_field an <<<"$output")" 2 "an's entries"
	eq "$(count_field binh <<<"$output")" 1 "binh's entries"
	eq "$(count_field chi <<<"$output")" 1 "chi's entries"
}

@test "history is newest first" {
	story
	run entries
	local c b a
	c=$(first_line_with chi <<<"$output")
	b=$(first_line_with binh <<<"$output")
	a=$(first_line_with an <<<"$output")
	[ "$c" -lt "$b" ] && [ "$b" -lt "$a" ] || { echo "order chi=$c binh=$b an=$a:"$'\n'"$output" >&2; false; }
}

@test "history ID: only the entries that touched that task" {
	story
	run entries 1
	eq "$(count_field binh <<<"$output")" 1
	eq "$(count_field chi <<<"$output")" 0 "chi closed task 2, not 1"
	eq "$(count_field an <<<"$output")" 1 "an added task 1"
	run entries 2
	eq "$(count_field binh <<<"$output")" 0
	eq "$(count_field chi <<<"$output")" 1
}

@test "history --actor" {
	story
	run entries --actor binh
	eq "$(count_field binh <<<"$output")" 1
	eq "$(count_field an <<<"$output")" 0
	eq "$(count_field chi <<<"$output")" 0
}

@test "history --since DATE (inclusive of entries on later days)" {
	story
	run entries --since 05/07/2025
	eq "$(count_field an <<<"$output")" 0 "an's entries are of 01/06"
	eq "$(count_field binh <<<"$output")" 1
	eq "$(count_field chi <<<"$output")" 1
	run entries --since 2025-07-11
	eq "$(count_field binh <<<"$output")" 0
	eq "$(count_field chi <<<"$output")" 1
}

@test "history --limit N gives the N newest" {
	story
	run entries --limit 1
	eq "$(count_field chi <<<"$output")" 1
	eq "$(count_field binh <<<"$output")" 0
	eq "$(count_field an <<<"$output")" 0
	eq "$(r57 history --format json --limit 2 | jq length)" 2
}

@test "history --format json is an array, newest first, one object per entry" {
	story
	run r57 history --format json
	eq "$status" 0
	eq "$(jq -r 'type' <<<"$output")" array
	eq "$(jq -r '[.[] | select(type == "object")] | length' <<<"$output")" "$(jq length <<<"$output")"
	# every entry names its actor somewhere among its values
	eq "$(jq -r '[.[] | [.[] | strings] | select(index("chi"))] | length' <<<"$output")" 1
	eq "$(jq -r '.[0] | [.[] | strings] | index("chi") != null' <<<"$output")" true "newest first"
}

@test "history summaries say what was done, in words, with the task id" {
	story
	run r57 history 1 --format tsv
	has "$output" "#1"
	has "$output" "Trần Thị Bình"
	# one field each, in the language of whoever made the change
	run entries
	eq "$(count_field "$(t 'add unit #%lld: %s' 1 "Sở Tài chính")" <<<"$output")" 1 "unit add"
	eq "$(count_field "$(t 'add #%lld: %s' 1 "Nâng cấp hệ thống quản lý văn bản")" <<<"$output")" 1 "add"
	eq "$(count_field "$(t 'assign %s' '#1') $(t 'to %s' "Trần Thị Bình")" <<<"$output")" 1 "assign"
	eq "$(count_field "$(t 'close %s on %s' '#2' 11/07/2025)" <<<"$output")" 1 "close"
}

@test "summaries of edit, due, reopen, cancel, delete and of several ids" {
	ok add "Một" --due 31/12/2025
	ok add "Hai"
	ok unit add "Sở Nội vụ"
	ok edit 1 2 --title "Mới" --notes "GC" --year 2026 --due 30/11/2025
	ok due 1 15/01/2026
	ok assign 2 --with "Sở Nội vụ"
	ok close 1 2 --on 20/06/2025
	ok reopen 1 2
	ok cancel 1 --reason "Trùng"
	ok cancel 2
	ok delete 1 2
	run entries
	local edit
	edit="$(t 'title'), $(t 'notes'), $(t 'year %d' 2026), $(t 'deadline corrected to %s' 30/11/2025)"
	eq "$(count_field "$(t 'edit %s: %s' '#1, #2' "$edit")" <<<"$output")" 1 "edit"
	eq "$(count_field "$(t 'deadline of %s to %s' '#1' 15/01/2026)" <<<"$output")" 1 "due"
	eq "$(count_field "$(t 'assign %s' '#2') $(t 'with %s' "Sở Nội vụ")" <<<"$output")" 1 "assign"
	eq "$(count_field "$(t 'close %s on %s' '#1, #2' 20/06/2025)" <<<"$output")" 1 "close"
	eq "$(count_field "$(t 'reopen %s' '#1, #2')" <<<"$output")" 1 "reopen"
	eq "$(count_field "$(t 'cancel %s: %s' '#1' "Trùng")" <<<"$output")" 1 "cancel with a reason"
	eq "$(count_field "$(t 'cancel %s' '#2')" <<<"$output")" 1 "cancel"
	eq "$(count_field "$(t 'delete %s' '#1 Mới, #2 Mới')" <<<"$output")" 1 "delete"
}

@test "history table: headings in this run's language, undone entries marked" {
	story
	ok --today 2025-07-12 --actor chi undo
	COLUMNS=200 run r57 history
	eq "$status" 0
	local head
	head=$(sed -n 1p <<<"$output")
	has "$head" "$(t WHEN)"
	has "$head" "$(t WHO)"
	has "$head" "$(t WHAT)"
	has "$output" "$(t '%s (undone)' "$(t 'close %s on %s' '#2' 11/07/2025)")"
	# (a server writes its own clock's time: docs/postgresql.md)
	on_server || has "$output" "12/07/2025"
}

@test "history shows the time of each entry from the pinned clock" {
	server_differs "the time of an entry is the server's clock, not the pinned day"
	story
	run entries --actor binh
	grep -Eq '2025-07-10|10/07/2025' <<<"$output" || { echo "no date in: $output" >&2; false; }
}

@test "history records undo, and the undone change stays visible" {
	story
	ok --today 2025-07-12 --actor chi undo
	run entries 2
	eq "$(count_field chi <<<"$output")" 2 "the close and its undo"
}

@test "history with a bad date or limit is an error" {
	story
	assert_fails_cleanly 1 "31/02/2025" -- history --since 31/02/2025
	assert_fails_cleanly nonzero "abc" -- history --limit abc
	eq "$stderr" "r57: $(t "%s: '%s' is not a number from %ld to %ld" --limit abc 1 1000000000)"
	assert_fails_cleanly 2 -- history 1 2
	eq "$stderr" "r57: $(t 'history: give at most one task id')"
}

@test "a no-op leaves the journal as it was, byte for byte, and does not block another's undo" {
	ok add "Một"
	R57_ACTOR=binh ok edit 1 --notes "của Bình"
	before=$(db_sql 'SELECT * FROM entry; SELECT * FROM change_log' | sha256sum)
	ok edit 1 --title "Một" --notes "của Bình"
	eq "$output" "$(t 'Nothing changed.')"
	ok close 1
	ok close 1
	eq "$(db_sql "SELECT count(*) FROM entry WHERE summary LIKE '%#1%'")" 3
	ok reopen 1
	ok reopen 1
	eq "$(db_sql 'SELECT * FROM entry WHERE seq <= 3; SELECT * FROM change_log WHERE entry <= 3' | sha256sum)" "$before"
	ok undo
	ok undo
	R57_ACTOR=binh ok undo
	eq "$(field 1 '.notes // ""')" ""
}
