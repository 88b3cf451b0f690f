#!/usr/bin/env bats
# A database another program holds locked (issue 5): the screen's own reads
# wait a moment only (100 ms), so every key is answered and the status
# line says the database is busy; when the lock goes the screen reads
# again and follows changes as before. A change the user asked for waits
# as long as the command line does (5 s): it goes through when the lock is
# released in time, and is refused with the store's words, the text typed
# kept, when it is not.

load helpers

# hold_lock: another process (Python's sqlite3) takes the write lock of
# the database (BEGIN EXCLUSIVE: no reader either) and keeps it until
# release_lock closes the fifo it waits on.
hold_lock() {
	local fifo=$BATS_TEST_TMPDIR/lock.fifo out=$BATS_TEST_TMPDIR/lock.out n=100
	rm -f "$fifo" "$out"
	mkfifo "$fifo"
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
c.execute("ROLLBACK")
' "$R57_DB" <"$fifo" >"$out" 2>&1 &
	LOCK_PID=$!
	# (fd 3 is bats's own)
	exec {LOCK_FD}>"$fifo"
	while [ "$(cat "$out" 2>/dev/null)" != locked ]; do
		n=$((n - 1))
		[ $n -gt 0 ] || { echo "the lock was not taken: $(cat "$out")" >&2; return 1; }
		sleep 0.05
	done
}

release_lock() {
	[ -n "${LOCK_PID:-}" ] || return 0
	exec {LOCK_FD}>&-
	wait "$LOCK_PID"
	LOCK_PID=
}

teardown() {
	release_lock
	tui_teardown
}

busy_msg() { t 'The database is busy (another program is writing); retrying'; }

# ms: milliseconds since the epoch.
ms() { echo $(($(date +%s%N) / 1000000)); }

@test "busy: while another program holds the lock every key is answered and the status line says so; then the screen recovers" {
	file_only "another program holds the file's lock"
	demo
	tui_start
	wait_for "▾ 4. "
	on_task 1
	hold_lock
	# the status screen must read: it says busy at once, not after 5 s
	local t0 t1
	t0=$(ms)
	keys S
	wait_for "$(busy_msg)" 3
	t1=$(ms)
	[ $((t1 - t0)) -lt 2000 ] || { echo "busy said after $((t1 - t0)) ms" >&2; false; }
	# keys are answered: back to the list, which shows what it read before
	t0=$(ms)
	keys q
	wait_for "▾ 4. " 3
	keys j
	wait_selected "    4 Duy trì" 3
	keys k
	wait_selected "    1 Nâng cấp" 3
	t1=$(ms)
	[ $((t1 - t0)) -lt 3000 ] || { echo "three keys took $((t1 - t0)) ms" >&2; false; }
	# idle, the screen keeps trying and keeps saying so
	sleep 1
	wait_for "$(busy_msg)"
	tui_exited && { echo "r57 ended" >&2; false; }
	# the lock goes: the message too, and changes show again
	release_lock
	wait_gone "$(busy_msg)" 3
	wait_for "$(t 'The database is free again')" 3
	R57_ACTOR=binh r57 close 6 >/dev/null
	wait_re "✓ +6 Triển khai hệ thống" 3
}

@test "busy: a change asked for while the database is locked waits for the lock and goes through when it is released" {
	file_only "another program holds the file's lock"
	demo
	tui_start
	on_task 10
	keys x
	wait_for "$(tl 'Reason for cancelling: ')"
	type "Gộp vào nhiệm vụ 9"
	hold_lock
	keys Enter
	# the write waits (up to 5 s); the lock goes after one
	sleep 1
	eq "$(r57_pid >/dev/null && echo running)" running "r57"
	release_lock
	wait_for "$(t 'Cancelled %s' '#10')" 6
	eq "$(field 10 .status)" cancelled "status"
	eq "$(hist '.[0].actor')" an "actor"
}

@test "busy: a change refused after 5 s of lock is said in the status line; the text typed stays for a retry" {
	file_only "another program holds the file's lock"
	demo
	tui_start
	on_task 10
	keys x
	wait_for "$(tl 'Reason for cancelling: ')"
	type "Gộp vào nhiệm vụ 9"
	before=$(hist length)
	hold_lock
	local t0 t1 m
	t0=$(ms)
	keys Enter
	# the store's words, as far as the line holds them
	m=$(t_before '%s: the database is locked by another program; try again (while %s)' t.db @@)
	wait_for "${m:0:40}" 10
	t1=$(ms)
	[ $((t1 - t0)) -ge 4500 ] || { echo "refused after $((t1 - t0)) ms, not after waiting 5 s" >&2; false; }
	wait_status "$(t 'Reason for cancelling: ')Gộp vào nhiệm vụ 9"
	release_lock
	eq "$(field 10 .status)" open "status while refused"
	eq "$(hist length)" "$before" "journal entries"
	# Enter again: saved
	keys Enter
	wait_for "$(t 'Cancelled %s' '#10')"
	eq "$(field 10 .status)" cancelled "status"
}
