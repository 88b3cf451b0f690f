#!/usr/bin/env bats
# Marking tasks with Space and acting on all of them at once: one journal
# entry for the lot, one undo for the lot.

load helpers

# marked: the ids of the rows drawn with the mark (*), sorted.
marked() {
	screen | sed -n 's/^\* [^ ]* *\([0-9][0-9]*\) .*/\1/p' | sort -n | tr '\n' ' ' | sed 's/ $//'
}

@test "marks: Space on two tasks, c closes both in one journal entry, one undo reopens both" {
	demo
	tui_start
	on_task 6
	keys Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 1)"
	# Space moves down to the next row
	wait_selected "    1 Nâng cấp"
	eq "$(marked)" 6 "marked rows"
	on_task 10
	keys Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 2)"
	eq "$(marked)" "6 10" "marked rows"
	before=$(hist length)
	# the cursor is elsewhere: c acts on the marked tasks, not on it
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	type "Hoàn thành đợt 1"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_re "$(tre 'Closed %s')"
	has "$(status_line)" "#6"
	has "$(status_line)" "#10"
	eq "$(field 6 .status)" done "status of 6"
	eq "$(field 10 .status)" done "status of 10"
	eq "$(field 9 .status)" open "status of 9 (under the cursor, not marked)"
	eq "$(field 6 .result)" "Hoàn thành đợt 1" "result of 6"
	eq "$(field 10 .result)" "Hoàn thành đợt 1" "result of 10"
	eq "$(hist length)" $((before + 1)) "journal entries: one for both"
	has "$(hist '.[0].summary')" "#6"
	has "$(hist '.[0].summary')" "#10"
	seq=$(hist '.[0].seq')
	# the marks are gone after the action
	wait_re "✓ +10 "
	eq "$(marked)" "" "marked rows after closing"
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	keys y
	wait_for "$(t_before 'Undid #%lld: %s' "$seq" @@)"
	eq "$(field 6 .status)" open "status of 6 after undo"
	eq "$(field 10 .status)" open "status of 10 after undo"
	eq "$(field 6 .closed)" null "closed of 6 after undo"
	eq "$(hist '.[1].undone')" true "the close entry is undone"
	eq "$(hist '.[0].kind')" undo "the newest entry"
	wait_re "· +10 "
	wait_re "· +6 "
}

@test "marks: Space again unmarks; M clears every mark; A assigns all marked tasks at once" {
	demo
	tui_start
	on_task 5
	keys Space Space Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 3)"
	eq "$(marked)" "1 5 6" "marked rows"
	# Space on a marked task unmarks it
	keys k
	wait_selected "    1 Nâng cấp"
	keys Space
	wait_gone "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 3)"
	eq "$(marked)" "5 6" "marked rows"
	keys M
	wait_for "$(t 'Marks cleared')"
	eq "$(marked)" "" "marked rows"
	on_task 12
	keys Space Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 2)"
	eq "$(marked)" "2 12" "marked rows"
	before=$(hist length)
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	type "hanh"
	wait_gone "Nguyễn Văn An (Sở"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	type "ban to chuc"
	wait_gone "Sở Tài chính"
	keys Enter
	wait_re "$(tre 'Assigned %s')#"
	eq "$(field 12 .leader)" "Vũ Thị Hạnh" "leader of 12"
	eq "$(field 2 .leader)" "Vũ Thị Hạnh" "leader of 2"
	eq "$(field 12 .unit)" "Ban Tổ chức Tỉnh ủy" "unit of 12"
	eq "$(field 2 .unit)" "Ban Tổ chức Tỉnh ủy" "unit of 2"
	eq "$(field 7 .leader)" "Lê Hoàng Cường" "leader of 7 (not marked)"
	eq "$(hist length)" $((before + 1)) "journal entries: one for both"
}

@test "marks: c on marked tasks of which one is done closes the rest as one entry and names the one skipped" {
	demo
	closed=$(r57 show 14 --format json | jq -r .closed)
	tui_start
	on_task 6
	keys Space
	on_task 14
	keys Space
	on_task 10
	keys Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 3)"
	before=$(hist length)
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_re "$(tre 'Closed %s')"
	has "$(status_line)" "#14 $(t 'already done (closed %s)' "$(date -d "$closed" +%d/%m/%Y)")"
	eq "$(hist length)" $((before + 1)) "one journal entry"
	eq "$(hist '.[0].summary')" "$(t 'close %s on %s' '#6, #10' 30/06/2025)"
	eq "$(field 14 .closed)" "$closed" "the done one keeps its date"
	eq "$(field 6 .status)" done
	eq "$(field 10 .status)" done
}
