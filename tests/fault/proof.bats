#!/usr/bin/env bats
# tests/fault/proof.bats: concurrency (issue 13 part 4,
# docs/reliability.md). The work is in concur.py; each test prints its
# figures as TAP comments. make stress sets R57_CONCUR_ACTIONS for the long
# form.

setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	[ -x "$ROOT/r57" ] || skip "r57 is not built (make)"
}

py() {
	run python3 "$ROOT/tests/fault/$@"
	printf '# %s\n' "${lines[@]}" >&3
}

@test "concurrency, 2 processes: every acknowledged action is its actor's journal entry, in order; no lock error" {
	py concur.py --procs 2 --actions "${R57_CONCUR_ACTIONS:-40}"
	[ "$status" -eq 0 ]
	[[ "$output" == *" lost=0 extra=0 out_of_order=0 lock_errors=0 other_errors=0 hangs=0 selftest=ok bad_file=0 "* ]]
}

@test "concurrency, 8 processes: every acknowledged action is its actor's journal entry, in order; no lock error" {
	py concur.py --procs 8 --actions "${R57_CONCUR_ACTIONS:-40}"
	[ "$status" -eq 0 ]
	[[ "$output" == *" lost=0 extra=0 out_of_order=0 lock_errors=0 other_errors=0 hangs=0 selftest=ok bad_file=0 "* ]]
}
