#!/usr/bin/env bats
# tests/fault/fault.bats: crash, power cut, I/O faults and a full disk
# (issue 13, docs/reliability.md). The work is in fault.py; each test
# prints its figures as TAP comments. make stress sets R57_FAULT_KILLS=1000.

setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	for b in "$ROOT/r57" "$ROOT/build/tests/r57-crashvfs" "$ROOT/build/tests/failshim.so"; do
		[ -e "$b" ] || skip "${b#$ROOT/} is not built (make check builds it)"
	done
}

fault() {
	run python3 "$ROOT/tests/fault/fault.py" "$@"
	printf '# %s\n' "${lines[@]}" >&3
	# (and on stdout, which bats shows when the test fails: its FAIL lines)
	printf '%s\n' "$output"
}

@test "crash: SIGKILL at random moments loses no acknowledged action, leaves nothing partial, undo reverts the last" {
	fault crash --kills "${R57_FAULT_KILLS:-100}"
	[ "$status" -eq 0 ]
	[[ "$output" == *" lost=0 partial=0 "* ]]
	[[ "$output" != *" big_import_kills=0 "* ]]
}

@test "power cut: every write command at every sync point reopens old or new; done stays done" {
	fault powercut
	[ "$status" -eq 0 ]
	[[ "$output" == *" lost=0 partial=0 bad=0"* ]]
}

@test "I/O faults: the Nth write, sync, read or truncate of add, close, undo, import, export, status -o" {
	fault ioerr
	[ "$status" -eq 0 ]
	[[ "$output" == *"commands=7 "* ]]
}

@test "output files: the Nth write, fsync, rename or link of export and status -o keeps the old file" {
	fault outfile
	[ "$status" -eq 0 ]
	[[ "$output" == *"commands=3 "* ]]
}

@test "a real full disk (tmpfs): refused with a message, the file and the old export kept" {
	fault fulldisk
	[ "$status" -eq 77 ] && skip "${lines[0]}"
	[ "$status" -eq 0 ]
}
