#!/usr/bin/env bats
# Errors while the screen is open appear in the status line and the
# screen stays usable: a database r57 may only read.

load helpers

@test "a read-only database: the refusal is on screen, nothing changes, the screen stays usable" {
	file_only "a read-only file"
	[ "$(id -u)" = 0 ] || skip "needs root to run r57 as user nobody"
	command -v setpriv >/dev/null || skip "no setpriv"
	dir=$(nobody_dir)
	# the catalogue beside the copy, where r57 looks for it (build/locale)
	mkdir -p "$dir/build"
	cp -r "$R57_ROOT/build/locale" "$dir/build/"
	chmod -R a+rX "$dir/build"
	r57 demo "$dir/t.db" >/dev/null
	chmod 0644 "$dir/t.db"
	export R57_DB=$dir/t.db
	before=$(sha "$dir/t.db")
	tui_start --nobody "$dir" --env "R57_DB=$dir/t.db"
	on_task 1
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	type "Xong"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	# the store's refusal, as far as the line holds it
	ro=$(t '%s: the database is read-only; nothing was changed (check the permissions of the file and its folder)' "$dir/t.db")
	wait_for "${ro:0:60}"
	# the prompt is still there, with the answer, for another try or Escape
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Escape
	wait_for "$(t 'Nothing closed')"
	eq "$(field 1 .status)" open "status"
	eq "$(sha "$dir/t.db")" "$before" "database file"
	# still usable: moving, opening a task, the help
	keys j
	wait_selected "    4 Duy trì"
	keys Enter
	wait_for "$(t 'Task #%lld %s' 4 '')"
	keys q
	wait_for "▾ 4. "
	# an undo (the demo's changes are an's) is refused the same way
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' 37 @@)"
	keys y
	wait_for "${ro:0:60}"
	eq "$(sha "$dir/t.db")" "$before" "database file"
	keys k
	wait_selected "    1 Nâng cấp"
	tui_exited && { echo "r57 ended" >&2; false; }
	true
}
