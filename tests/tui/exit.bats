#!/usr/bin/env bats
# Leaving the screen: q quits from the list (and goes back from the other
# views), Q quits from anywhere, SIGTERM and SIGHUP end it; every time the
# terminal is given back as it was: the normal screen with the shell's
# prompt, the cursor shown, keypad mode and bracketed paste off, echo on.

load helpers

# terminal_restored: after r57 ended, the pane is a working shell again.
terminal_restored() {
	eq "$(tx display -p -t r57 '#{alternate_on}')" 0 "alternate screen"
	eq "$(tx display -p -t r57 '#{cursor_flag}')" 1 "cursor shown"
	eq "$(tx display -p -t r57 '#{keypad_cursor_flag}')" 0 "keypad (application cursor keys)"
	wait_re 'r57test\$ ?$'
	# the screen r57 drew is gone
	hasnt "$SCREEN" "▾ 1. "
	# what is typed is echoed and runs: the tty is back in its own modes
	type "echo back-to-the-$((6 * 7))"
	keys Enter
	wait_re $'\n''back-to-the-42'
	# bracketed paste is off: a paste arrives without ESC [200~ around it
	tx set-buffer -b r57t "echo pasted-ok"
	tx paste-buffer -p -b r57t -t r57
	keys Enter
	wait_re $'\n''pasted-ok'
	hasnt "$SCREEN" "[200~"
	hasnt "$SCREEN" "^["
}

@test "q on the task list quits: exit status 0 and the terminal restored" {
	demo
	tui_start
	wait_for "▾ 4. "
	eq "$(tx display -p -t r57 '#{alternate_on}')" 1 "alternate screen while r57 runs"
	keys q
	wait_exit
	eq "$TUI_STATUS" 0 "exit status"
	terminal_restored
}

@test "q goes back from the detail and help views; Escape on the list never quits; Q quits from a view" {
	demo
	tui_start
	on_task 1
	keys Enter
	wait_for "$(t 'Task #%lld %s' 1 '')"
	keys q
	wait_for "▾ 4. "
	keys '?'
	wait_for "$(t 'Keys (q goes back; j/k scroll)')"
	keys q
	wait_for "▾ 4. "
	keys Escape
	sleep 0.3
	tui_exited && { echo "Escape on the list quit r57" >&2; false; }
	wait_for "▾ 4. "
	keys H
	wait_for "$(t 'History, newest first')"
	keys Q
	wait_exit
	eq "$TUI_STATUS" 0 "exit status"
	terminal_restored
}

@test "SIGTERM while a prompt is open: r57 ends, the terminal is restored, nothing is saved" {
	demo
	tui_start
	on_task 1
	keys e
	wait_for "$(t 'Title: ')Nâng cấp"
	type " dở dang"
	wait_for "$(t 'Title: ')Nâng cấp hệ thống quản lý văn bản và điều hành dở dang"
	pid=$(r57_pid)
	[ -n "$pid" ]
	kill -TERM "$pid"
	wait_exit
	# an error status (1, as r57.1 says), not a crash or a sanitizer's
	[ "$TUI_STATUS" -ne 0 ] && [ "$TUI_STATUS" -lt 86 ] || { echo "exit status $TUI_STATUS" >&2; false; }
	terminal_restored
	eq "$(field 1 .title)" "Nâng cấp hệ thống quản lý văn bản và điều hành" "title"
	eq "$(hist length)" 37 "journal entries"
	# no r57 left running
	run pgrep -P "$(tx display -p -t r57 '#{pane_pid}')" -x r57
	[ "$status" -ne 0 ]
}

@test "SIGHUP: r57 ends and restores the terminal" {
	demo
	tui_start
	wait_for "▾ 4. "
	kill -HUP "$(r57_pid)"
	wait_exit
	[ "$TUI_STATUS" -ne 0 ] && [ "$TUI_STATUS" -lt 86 ] || { echo "exit status $TUI_STATUS" >&2; false; }
	terminal_restored
}
