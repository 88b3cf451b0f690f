#!/usr/bin/env bats
# The help, the man page and the README say the same things: the generated
# parts are fresh, and every command of `r57 --help` is in both documents.

load helpers

@test "generated parts of r57.1 and README.md are up to date" {
	cd "$BATS_TEST_DIRNAME/../.."
	run tools/gendoc --check
	[ "$status" -eq 0 ]
}

@test "every command in r57 --help is in r57.1 and README.md" {
	root="$BATS_TEST_DIRNAME/../.."
	run r57 --help
	[ "$status" -eq 0 ]
	cmds=$(printf '%s\n' "$output" | sed -n 's/^  r57 \([a-z]*\).*/\1/p')
	[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 19 ]
	for c in $cmds; do
		grep -q "^\.It Xo Ic $c\$" "$root/r57.1" || { echo "r57.1 lacks $c"; return 1; }
		grep -q "^- \`r57 $c" "$root/README.md" || { echo "README lacks $c"; return 1; }
	done
}

@test "the man page renders without warnings" {
	command -v groff >/dev/null || skip "groff not installed"
	run sh -c "groff -k -mdoc -Tutf8 -ww -z '$BATS_TEST_DIRNAME/../../r57.1' 2>&1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}
