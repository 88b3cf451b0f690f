#!/usr/bin/env bats
# Errors while the screen is open appear in the status line and the
# screen stays usable: a database r57 may only read.

load helpers

@test "a read-only database: the refusal is on screen, nothing changes, the screen stays usable" {
	[ "$(id -u)" = 0 ] || skip "needs root to run r57 as user nobody"
	command -v setpriv >/dev/null || skip "no setpriv"
	dir=$(nobody_dir)
	r57 demo "$dir/t.db" >/dev/null
	chmod 0644 "$dir/t.db"
	export R57_DB=$dir/t.db
	before=$(sha "$dir/t.db")
	tui_start --nobody "$dir" --env "R57_DB=$dir/t.db"
	on_task 1
	keys c
	wait_for "Result (what was delivered):"
	type "Xong"
	keys Enter
	wait_for "Done on"
	keys Enter
	wait_re "read-only|readonly"
	# the prompt is still there, with the answer, for another try or Escape
	wait_for "Done on (Enter for today, 30/06/2025):"
	keys Escape
	wait_for "Nothing closed"
	eq "$(field 1 .status)" open "status"
	eq "$(sha "$dir/t.db")" "$before" "database file"
	# still usable: moving, opening a task, the help
	keys j
	wait_selected "    4 Duy trì"
	keys Enter
	wait_for "Task #4"
	keys q
	wait_for "▾ 4. "
	# an undo (the demo's changes are an's) is refused the same way
	keys u
	wait_for "Undo #37: "
	keys y
	wait_re "read-only|readonly"
	eq "$(sha "$dir/t.db")" "$before" "database file"
	keys k
	wait_selected "    1 Nâng cấp"
	tui_exited && { echo "r57 ended" >&2; false; }
	true
}
