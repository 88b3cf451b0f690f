#!/usr/bin/env bats
# The flows that change a task from the screen: assign through the picker,
# change a deadline, close, undo and redo; each checked on screen and in
# the database through r57 list/show/history --format json.

load helpers

@test "assign: A, type binh, Enter; then the unit picker; leader and unit stored" {
	demo
	tui_start
	on_task 1
	eq "$(field 1 .leader)" "Nguyễn Văn An" "leader before"
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	wait_for "Nguyễn Văn An (Sở Khoa học và Công nghệ)"
	# the picker narrows as the name is typed, without its marks
	type binh
	wait_gone "Nguyễn Văn An (Sở"
	has "$SCREEN" "Trần Thị Bình (Sở Nội vụ)"
	hasnt "$SCREEN" "Vũ Thị Hạnh"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	wait_for "Trung tâm Tích hợp dữ liệu tỉnh"
	type "noi vu"
	wait_gone "Trung tâm Tích hợp dữ liệu tỉnh"
	has "$SCREEN" "Sở Nội vụ"
	keys Enter
	wait_for "$(t 'Assigned %s' '#1')"
	eq "$(field 1 .leader)" "Trần Thị Bình" "leader"
	eq "$(field 1 .unit)" "Sở Nội vụ" "unit"
	eq "$(hist '.[0].actor')" an "actor"
	has "$(hist '.[0].summary')" "#1"
	# the detail view shows the new leader and unit
	keys Enter
	wait_for "$(t 'Task #%lld %s' 1 '')"
	has "$(row_of "$(t Leader)")" "Trần Thị Bình"
	has "$(row_of "$(t Unit)")" "Sở Nội vụ"
}

@test "assign: Escape in the picker assigns nothing; (none) clears the unit" {
	demo
	tui_start
	on_task 6
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	type binh
	wait_gone "Nguyễn Văn An (Sở"
	keys Escape
	wait_for "$(t 'Nothing assigned')"
	eq "$(field 6 .leader)" "Nguyễn Văn An" "leader"
	eq "$(field 6 .unit)" "Sở Khoa học và Công nghệ" "unit"
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	type binh
	wait_gone "Nguyễn Văn An (Sở"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Home # the first row: (none)
	keys Enter
	wait_for "$(t 'Assigned %s' '#6')"
	eq "$(field 6 .leader)" "Trần Thị Bình" "leader"
	eq "$(field 6 .unit)" null "unit"
}

@test "assign: a unit not in the list is made from what was typed (+ new)" {
	demo
	tui_start
	on_task 6
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	type "hanh"
	wait_gone "Nguyễn Văn An (Sở"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	type "Phòng Văn hóa"
	wait_for "$(t '+ new: %s' 'Phòng Văn hóa')"
	keys Enter
	wait_for "$(t 'Assigned %s' '#6')"
	eq "$(field 6 .leader)" "Vũ Thị Hạnh" "leader"
	eq "$(field 6 .unit)" "Phòng Văn hóa" "unit"
	run r57 unit list
	has "$output" "Phòng Văn hóa"
}

@test "deadline: d extends it; the first deadline stays on record" {
	demo
	tui_start
	on_task 1
	keys d
	wait_for "$(t 'New deadline (an extension): ')14/08/2025"
	keys C-u
	wait_status "$(tl 'New deadline (an extension): ')"
	type "30/09/2025"
	keys Enter
	wait_for "$(t 'Deadline of %s now due %s' '#1' 30/09/2025)"
	has "$(row_of '    1 ')" "$(t '%s %ldd left' 30/09/2025 92)"
	eq "$(field 1 .due)" 2025-09-30 "due"
	eq "$(field 1 .first_due)" 2025-08-14 "first_due"
	eq "$(field 1 .extensions)" 1 "extensions"
	eq "$(show 1 .extensions)" 1 "extensions (show)"
	# the detail view says so too
	keys Enter
	wait_for "$(t 'Task #%lld %s' 1 '')"
	has "$(row_of "$(t 'First deadline')")" "$(tn '%s (extended %d time)' '%s (extended %d times)' 1 14/08/2025 1)"
	# a second extension from the detail view
	keys d
	wait_for "$(t 'New deadline (an extension): ')30/09/2025"
	keys C-u
	type "+30d"
	keys Enter
	wait_for "$(t 'Deadline of %s now due %s' '#1' 30/07/2025)"
	eq "$(field 1 .due)" 2025-07-30 "due"
	eq "$(field 1 .first_due)" 2025-08-14 "first_due"
	eq "$(field 1 .extensions)" 2 "extensions"
	wait_for "$(tn '%s (extended %d time)' '%s (extended %d times)' 2 14/08/2025 2)"
}

@test "close: c, a result, Enter for today; status, closed and result stored" {
	demo
	tui_start
	on_task 7
	has "$(selected)" "$(t '%s %ldd late' 27/06/2025 3)"
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	type "Đề án đã trình UBND tỉnh"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#7')"
	eq "$(field 7 .status)" done "status"
	eq "$(field 7 .closed)" 2025-06-30 "closed"
	eq "$(field 7 .result)" "Đề án đã trình UBND tỉnh" "result"
	eq "$(field 7 .on_time)" false "on time"
	# the row has the done marker; the group's figures follow
	wait_re "✓ +7 Hoàn thiện đề án"
	has "$(row_of '▾ 2. ')" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 1 3 33 33 2)"
}

@test "close with a date; Escape at the date prompt closes nothing" {
	demo
	tui_start
	on_task 10
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	type "Kế hoạch"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Escape
	wait_for "$(t 'Nothing closed')"
	eq "$(field 10 .status)" open "status"
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	type "28/06/2025"
	keys Enter
	wait_for "$(t 'Closed %s' '#10')"
	eq "$(field 10 .status)" done "status"
	eq "$(field 10 .closed)" 2025-06-28 "closed"
	eq "$(field 10 .on_time)" true "on time"
}

@test "undo (u then y) and redo (C-r then y) of a close, checked in the database each time" {
	demo
	tui_start
	on_task 1
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	type "Xong"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#1')"
	eq "$(field 1 .status)" done "status after close"
	seq=$(hist '.[0].seq')
	# u says what it would undo; any key but y keeps it
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	has "$(status_line)" "$(t_after 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	keys n
	wait_for "$(t 'Nothing undone')"
	eq "$(field 1 .status)" done "status after declining the undo"
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	keys y
	wait_for "$(t_before 'Undid #%lld: %s' "$seq" @@)"
	eq "$(field 1 .status)" open "status after undo"
	eq "$(field 1 .closed)" null "closed after undo"
	eq "$(field 1 .result)" null "result after undo"
	wait_re "· +1 Nâng cấp"
	keys C-r
	wait_for "$(t_before 'Redo #%lld: %s? y redoes, any other key keeps it' "$seq" @@)"
	has "$(status_line)" "$(t_after 'Redo #%lld: %s? y redoes, any other key keeps it' "$seq" @@)"
	keys y
	wait_for "$(t_before 'Redid #%lld: %s' "$seq" @@)"
	eq "$(field 1 .status)" done "status after redo"
	eq "$(field 1 .closed)" 2025-06-30 "closed after redo"
	eq "$(field 1 .result)" Xong "result after redo"
	wait_re "✓ +1 Nâng cấp"
	# nothing left to redo: said in the status line, nothing changes
	keys C-r
	wait_gone "$(t_before 'Redid #%lld: %s' "$seq" @@)"
	# (the words are the journal's: not copied here; no prompt, no change)
	[ -n "$(status_line)" ]
	hasnt "$SCREEN" "$(t_after 'Redo #%lld: %s? y redoes, any other key keeps it' "$seq" @@)"
	eq "$(field 1 .status)" done "status"
}

@test "undo is refused, naming binh, when binh changed the task since" {
	demo
	tui_start
	on_task 1
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#1')"
	seq=$(hist '.[0].seq')
	R57_ACTOR=binh r57 edit 1 --notes "Bình đã xem" >/dev/null
	keys u
	# the refusal names the entry and binh (the words are the journal's)
	wait_re "#$seq.*binh"
	has "$(status_line)" "binh"
	hasnt "$SCREEN" "$(t_after 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	eq "$(field 1 .status)" done "status"
	eq "$(field 1 .notes)" "Bình đã xem" "notes"
	# the screen is still usable
	keys j
	keys C-r
	sleep 0.1
	eq "$(field 1 .status)" done "status"
}

# tod ISO: the time of day (HH:MM:SS) of an ISO time.
tod() { local t=${1#*T}; echo "${t:0:8}"; }

@test "a change made on the screen is journalled at the time it was made, not when the screen opened" {
	demo
	tui_start
	wait_for "▾ 4. "
	# let the wall clock move on past the second the screen opened in
	local t0
	t0=$(date +%s)
	while [ "$(date +%s)" -le "$t0" ]; do sleep 0.05; done
	before=$(date +%H:%M:%S)
	on_task 6
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#6')"
	after=$(date +%H:%M:%S)
	at=$(hist '.[0].at')
	eq "$(hist '.[0].summary')" "$(t 'close %s on %s' '#6' 30/06/2025)" "journal summary"
	[[ $before < $after || $before == "$after" ]] || skip "the clock passed midnight"
	# before <= the time of the entry <= after
	if [[ $(tod "$at") < $before || $(tod "$at") > $after ]]; then
		printf 'journal entry at %s; the key was pressed between %s and %s\n' "$at" "$before" "$after" >&2
		false
	fi
}

@test "delete (D, y) removes the task; u brings it back; any other key keeps it" {
	demo
	tui_start
	on_task 6
	keys D
	wait_for "$(t 'Delete %s? y deletes (u brings back), any other key keeps' '#6')"
	keys n
	wait_for "$(t 'Nothing deleted')"
	eq "$(field 6 .id)" 6 "task 6"
	keys D
	wait_for "$(t 'Delete %s? y deletes (u brings back), any other key keeps' '#6')"
	keys y
	wait_for "$(t 'Deleted %s (u brings it back)' '#6')"
	wait_gone "    6 Triển khai"
	eq "$(field 6 .id)" "" "task 6 after delete"
	seq=$(hist '.[0].seq')
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	keys y
	wait_for "$(t_before 'Undid #%lld: %s' "$seq" @@)"
	wait_for "    6 Triển khai"
	eq "$(field 6 .title)" "Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật" "title after undo"
	eq "$(field 6 .leader)" "Nguyễn Văn An" "leader after undo"
}

@test "cancel (x) with a reason, then reopen (o) from the detail view" {
	demo
	tui_start
	on_task 10
	keys x
	wait_for "$(tl 'Reason for cancelling: ')"
	type "Gộp vào nhiệm vụ 9"
	keys Enter
	wait_for "$(t 'Cancelled %s' '#10')"
	eq "$(field 10 .status)" cancelled "status"
	# cancelled tasks leave the default list
	wait_gone "   10 Xây dựng"
	keys /
	type "status:cancelled"
	keys Enter
	wait_rows "10 13"
	on_task 10
	keys Enter
	wait_for "$(t 'Task #%lld %s' 10 '')"
	keys o
	wait_for "$(t 'Reopened %s' '#10')"
	eq "$(field 10 .status)" open "status after reopen"
	eq "$(field 10 .closed)" null "closed after reopen"
}

@test "a y/n question: y answers yes in both languages, c (có) too in Vietnamese; in English c keeps" {
	demo
	tui_start
	on_task 6
	keys D
	wait_for "$(t 'Delete %s? y deletes (u brings back), any other key keeps' '#6')"
	keys c
	if [ "$R57_LANG" = vi ]; then
		wait_for "$(t 'Deleted %s (u brings it back)' '#6')"
		eq "$(field 6 .id)" "" "task 6 after D, c"
	else
		wait_for "$(t 'Nothing deleted')"
		eq "$(field 6 .id)" 6 "task 6 after D, c"
	fi
}

@test "edit: e and Enter three times changes nothing, says so, and journals nothing" {
	demo
	tui_start
	on_task 10
	before=$(hist length)
	title=$(field 10 .title)
	keys e
	wait_for "$(tl 'Title: ')"
	keys Enter
	wait_for "$(tl 'Product: ')"
	keys Enter
	wait_for "$(tl 'Notes: ')"
	keys Enter
	wait_for "$(t 'Nothing changed')"
	eq "$(hist length)" "$before" "journal entries"
	eq "$(field 10 .title)" "$title" "title"
}
