#!/usr/bin/env bats
# tests/fault/proof.bats: concurrency and damaged files (issue 13 parts 4
# and 5, docs/reliability.md). The work is in concur.py and damage.py; each
# test prints its figures as TAP comments. make stress sets
# R57_CONCUR_ACTIONS and R57_DAMAGE_COPIES for the long forms.

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

@test "damaged files: no crash, no hang, no write into a damaged file, no exit 0 with a wrong answer, the message says so" {
	py damage.py --copies "${R57_DAMAGE_COPIES:-200}"
	[ "$status" -eq 0 ]
	[[ "$output" == *" crash=0 hang=0 written=0 wrong=0 unclear=0 "* ]]
	[[ "$output" == *" sqlite_damaged="[1-9]* ]]
}
