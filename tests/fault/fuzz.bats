#!/usr/bin/env bats
# tests/fault/fuzz.bats: the short form of the fuzzing (issue 13, part 6)
# in make check: every committed input, the corpora and the regressions,
# once through every libFuzzer harness (tests/fuzz), built with clang and
# ASan and UBSan. The long form is make fuzz SECONDS=N; CI runs both.
# Without clang's libFuzzer (Debian: libclang-rt-N-dev) it is skipped,
# saying so.

setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
}

@test "fuzz replay: every committed input through every harness, no crash and no sanitizer report" {
	run make -s -C "$ROOT" fuzz-replay
	printf '# %s\n' "${lines[@]}" >&3
	if [[ "$output" == "fuzz: skipped:"* ]]; then
		skip "${output#fuzz: skipped: }"
	fi
	[ "$status" -eq 0 ]
	# one line a harness: csv json date filter text import
	[ "$(grep -c '^fuzz-replay .* inputs ok$' <<<"$output")" -eq 6 ]
	! grep -q 'FAILED' <<<"$output"
}
