#!/usr/bin/env bats
# Resizing: down to 20x6 the screen says it is too small; back at 80x24
# the list is there again with nothing lost, a half-typed prompt included;
# nothing crashes, even at 1x1.

load helpers

resize() { tx resize-window -t r57 -x "$1" -y "$2"; }

alive() {
	tui_exited && { printf 'r57 ended (status %s); screen:\n%s\n' "$TUI_STATUS" "$(screen)" >&2; return 1; }
	[ -n "$(r57_pid)" ]
}

@test "resize to 20x6 and back: the list comes back, the half-typed title too" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Nâng cấp cổng dịch vụ công dở"
	wait_status "$(t 'New task title: ')Nâng cấp cổng dịch vụ công dở"
	resize 20 6
	wait_for "$(t 'Window too small')"
	wait_gone "▾ 1. "
	alive
	# keys typed while too small still reach the prompt
	type "n"
	resize 80 24
	wait_for "▾ 4. "
	wait_status "$(t 'New task title: ')Nâng cấp cổng dịch vụ công dởn"
	keys BSpace
	type " dang"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(field 15 .title)" "Nâng cấp cổng dịch vụ công dở dang" "title"
	eq "$(field 15 .group_number)" 1 "group"
}

@test "resize to 120x40, 20x6, 1x1 and back to 80x24: nothing crashes, the cursor and marks stay" {
	demo
	tui_start
	on_task 12
	keys Space
	wait_for "$(t '%d marked: A assign, c close, x cancel act on all of them; M clears' 1)"
	wait_selected "    2 Triển khai"
	resize 120 40
	wait_for "Phạm Thu Dung"
	wait_selected "    2 Triển khai"
	has "$(row_of '   12 ')" "* "
	resize 20 6
	wait_for "$(t 'Window too small')"
	resize 1 1
	sleep 0.3
	alive
	resize 80 24
	wait_for "▾ 4. "
	wait_selected "    2 Triển khai"
	[[ $(row_of '   12 ') == "* "* ]]
	# and still works
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#12')"
	eq "$(field 12 .status)" done "status of the marked task"
	eq "$(field 2 .status)" overdue "status of the task under the cursor"
}

@test "resize with the picker open: the query typed so far and the choice survive" {
	demo
	tui_start
	on_task 6
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	type "bin"
	wait_gone "Nguyễn Văn An (Sở"
	resize 20 6
	wait_for "$(t 'Window too small')"
	resize 120 40
	wait_for "$(t 'Lead person (type any part of the name)')"
	wait_for "Trần Thị Bình (Sở Nội vụ)"
	hasnt "$SCREEN" "Nguyễn Văn An (Sở"
	has "$SCREEN" "> bin"
	type "h"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Escape
	wait_for "$(t 'Nothing assigned')"
	eq "$(field 6 .leader)" "Nguyễn Văn An" "leader (the assignment was given up)"
}

@test "at 20x6 the screen says, readably, that it is too small" {
	demo
	tui_start
	wait_for "▾ 4. "
	resize 20 6
	wait_gone "▾ 1. "
	# 20 columns are enough for the words; the message must not be cut
	# before them
	wait_for "$(t 'Window too small')"
	# every line of it, whole
	has "$SCREEN" "$(t 'for r57:')"
	has "$SCREEN" "$(t 'need %dx%d' 30 6)"
	has "$SCREEN" "$(t 'q quits')"
	alive
}
