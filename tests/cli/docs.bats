#!/usr/bin/env bats
# The help, the man pages and the README say the same things, in English
# and in Vietnamese: the generated parts are fresh, and every command of
# `r57 --help` is in each document.

load helpers

@test "generated parts of r57.1, r57.vi.1 and README.md are up to date" {
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
		grep -q "^\.It Xo Ic $c\$" "$root/r57.vi.1" || { echo "r57.vi.1 lacks $c"; return 1; }
		[ "$(grep -c "^- \`r57 $c[\` ]" "$root/README.md")" -eq 2 ] || [ "$c" = help ] ||
			{ echo "README lacks $c in one language"; return 1; }
	done
}

@test "r57.vi.1 and the README's Vietnamese part are in Vietnamese, as r57 --lang vi says" {
	root="$BATS_TEST_DIRNAME/../.."
	local m
	for m in 'Show this help.' 'Show the version.' 'Delete tasks (undo brings them back).'; do
		[ "$(R57_LANG=vi t "$m")" != "$m" ] || { echo "no Vietnamese for: $m" >&2; return 1; }
		grep -qF -- "$(R57_LANG=vi t "$m")" "$root/r57.vi.1" || { echo "r57.vi.1 lacks: $m" >&2; return 1; }
		grep -qF -- "$(R57_LANG=vi t "$m")" "$root/README.md" || { echo "README lacks: $m" >&2; return 1; }
		grep -qF -- "$m" "$root/r57.1" || { echo "r57.1 lacks: $m" >&2; return 1; }
		! grep -qF -- "$(R57_LANG=vi t "$m")" "$root/r57.1" || { echo "Vietnamese in r57.1: $m" >&2; return 1; }
		! grep -qF -- "$m" "$root/r57.vi.1" || { echo "English in r57.vi.1: $m" >&2; return 1; }
	done
	# the generated parts do not depend on the language of whoever runs it
	R57_LANG=vi run r57 --dump-doc=md:options
	eq "$status" 0
	has "$output" "$(R57_LANG=vi t 'Show the version.')"
	R57_LANG=vi run r57 --lang en --dump-doc=md:options
	has "$output" "$(R57_LANG=en t 'Show the version.')"
	run r57 --lang vi --dump-doc=mdoc:commands
	eq "$status" 0
	has "$output" "$(R57_LANG=vi t 'Show this help.')"
	run --separate-stderr r57 --lang xx --dump-doc=md:options
	eq "$status" 2
	run r57 --dump-doc=md:nothing
	eq "$status" 2
}

@test "both manuals say how to choose the language" {
	root="$BATS_TEST_DIRNAME/../.."
	local f
	for f in r57.1 r57.vi.1; do
		grep -q '^\.It Ev R57_LANG$' "$root/$f" || { echo "$f: no R57_LANG in ENVIRONMENT" >&2; return 1; }
		grep -q 'LANGUAGE=vi' "$root/$f" || { echo "$f: no LANGUAGE=vi" >&2; return 1; }
		grep -q 'LANG=vi_VN' "$root/$f" || { echo "$f: no LANG=vi_VN" >&2; return 1; }
	done
	grep -q 'R57_LANG=vi' "$root/README.md"
	grep -q 'LANGUAGE=vi' "$root/README.md"
	grep -q 'LANG=vi_VN.UTF-8' "$root/README.md"
	grep -q -- '--lang vi' "$root/README.md"
}

@test "the man pages render without warnings" {
	command -v groff >/dev/null || skip "groff not installed"
	run sh -c "groff -k -mdoc -Tutf8 -ww -z '$BATS_TEST_DIRNAME/../../r57.1' 2>&1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run sh -c "groff -k -mdoc -Tutf8 -ww -z '$BATS_TEST_DIRNAME/../../r57.vi.1' 2>&1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "every message in the code has a Vietnamese translation (tools/po-check)" {
	cd "$BATS_TEST_DIRNAME/../.."
	run --separate-stderr tools/po-check
	[ "$status" -eq 0 ] || {
		printf '%s\n' "$stderr" >&2
		return 1
	}
	[ -z "$stderr" ]
}

@test "no include goes up a layer or sideways between cli and tui (tools/layer-check)" {
	cd "$BATS_TEST_DIRNAME/../.."
	run tools/layer-check
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[ -z "$output" ]
}

@test "tools/layer-check fails on an include that goes sideways or up, and names it" {
	root="$BATS_TEST_DIRNAME/../.."
	tree="$BATS_TEST_TMPDIR/tree"
	mkdir -p "$tree/tools"
	cp "$root/tools/layer-check" "$tree/tools/"
	cp -r "$root/src" "$root/include" "$tree/"
	# the command line reaching into the screen, and the store into core
	printf '#include "r57/tui.h"\n' >>"$tree/src/cli/cli.c"
	printf '#include "r57/filter.h"\n' >>"$tree/src/store/store.c"
	run "$tree/tools/layer-check"
	[ "$status" -eq 1 ]
	[[ "$output" == *"src/cli/cli.c:"*": cli includes r57/tui.h (tui)"* ]]
	[[ "$output" == *"src/store/store.c:"*": store includes r57/filter.h (core)"* ]]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 2 ]
}

@test "the TUI tests never hand tmux a bare glob character: keys ? would send a file's name" {
	root="$BATS_TEST_DIRNAME/../.."
	# an unquoted ? or * in a keys line is expanded by the shell against
	# the current folder before tmux sees it (CI once sent "x" for ?)
	run grep -nE "^[[:space:]]*keys( [^'\"]*)? [?*]( |$)" "$root"/tests/tui/*.bats
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
}

@test "the top of the tree holds only the project's own files" {
	root="$BATS_TEST_DIRNAME/../.."
	git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || skip "not a git checkout"
	run git -C "$root" ls-files
	[ "$status" -eq 0 ]
	extra=$(printf '%s\n' "$output" | grep -v / |
		grep -vxE '\.gitignore|Makefile|README\.md|r57\.1|r57\.vi\.1' || true)
	[ -z "$extra" ] || { echo "stray files at the top: $extra"; return 1; }
}

@test "tools/long-code names a file over 700 lines and a function over 80, and not those at the limit" {
	root="$BATS_TEST_DIRNAME/../.."
	d="$BATS_TEST_TMPDIR"
	{
		printf 'static int longest(void)\n{\n'
		for i in $(seq 81); do printf '\tx++;\n'; done
		printf '}\n\nint at_limit(int a,\n             int b)\n{\n'
		for i in $(seq 80); do printf '\tx++;\n'; done
		printf '}\n'
		for i in $(seq 532); do printf '/* filler */\n'; done
	} >"$d/big.c"
	for i in $(seq 700); do printf '/* filler */\n'; done >"$d/limit.c"
	[ "$(wc -l <"$d/big.c")" -eq 701 ]
	run "$root/tools/long-code" "$d/big.c" "$d/limit.c"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "files over 700 lines:" ]
	[ "${lines[1]}" = "   701 $d/big.c" ]
	[ "${lines[2]}" = "functions over 80 lines:" ]
	[ "${lines[3]}" = "    81 $d/big.c:2 longest" ]
	[ "${#lines[@]}" -eq 4 ]
}
