#!/usr/bin/env bats
# Another r57 (the command line here) changes the database while the
# screen is open: the change shows within a couple of seconds, with no key
# pressed.

load helpers

@test "a close, an add and an edit made from another shell show up without a key press" {
	demo
	tui_start
	wait_re "· +6 Triển khai hệ thống"
	R57_ACTOR=binh r57 close 6 --result "Đã triển khai" >/dev/null
	wait_re "✓ +6 Triển khai hệ thống" 2
	has "$(row_of '▾ 1. ')" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 2 4 50 0 0)"
	R57_ACTOR=binh r57 add "Việc của Bình từ dòng lệnh" --group 3 --due 20/07/2025 >/dev/null
	wait_for "   15 Việc của Bình từ dòng lệnh" 2
	has "$(row_of '   15 ')" "$(t '%s %ldd left' 20/07/2025 20)"
	R57_ACTOR=binh r57 edit 15 --title "Việc đã sửa từ dòng lệnh" >/dev/null
	wait_for "   15 Việc đã sửa từ dòng lệnh" 2
	R57_ACTOR=binh r57 delete 15 >/dev/null
	wait_gone "   15 Việc" 2
}

@test "the detail view and the history view follow changes made from another shell" {
	demo
	tui_start
	on_task 1
	keys Enter
	wait_for "$(t 'Task #%lld %s' 1 '')"
	hasnt "$SCREEN" "Bình ghi chú"
	R57_ACTOR=binh r57 edit 1 --notes "Bình ghi chú" >/dev/null
	wait_for "Bình ghi chú" 2
	# the task's own history names binh
	wait_for "binh: $(t_before 'edit %s: %s' '#1' @@)" 2
	R57_ACTOR=binh r57 due 1 30/09/2025 >/dev/null
	wait_for "$(t 'First deadline')" 2
	has "$(row_of "$(t Deadline)")" "30/09/2025"
	keys q
	wait_for "▾ 1. "
	keys H
	wait_for "$(t 'History, newest first')"
	R57_ACTOR=binh r57 close 9 >/dev/null
	wait_re "binh +$(t 'close %s on %s' '#9' 30/06/2025)" 2
}

@test "a change from another shell while a prompt is open: the list follows, what is typed stays" {
	demo
	tui_start
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Đang gõ dở"
	wait_status "$(t 'New task title: ')Đang gõ dở"
	R57_ACTOR=binh r57 close 6 >/dev/null
	wait_re "✓ +6 Triển khai hệ thống" 2
	wait_status "$(t 'New task title: ')Đang gõ dở"
	type " xong"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(field 15 .title)" "Đang gõ dở xong" "title"
	eq "$(field 6 .status)" done "status of 6"
}
