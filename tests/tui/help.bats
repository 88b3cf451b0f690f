#!/usr/bin/env bats
# The help screen (?) lists every action of include/r57/actions.h: its
# keys, where it works and what it does, read here from the header itself.

load helpers

# actions: one line per ACTION(...) of the header: keys<TAB>where<TAB>what
actions() {
	sed -n 's/^[[:space:]]*ACTION(\([a-z_]*\), *"\([^"]*\)", *"\([^"]*\)", *"\([^"]*\)").*/\2\t\3\t\4/p' \
		"$R57_ROOT/include/r57/actions.h" | awk -F '\t' '{ print $2 "\t" $1 "\t" $3 }'
}

# help_lines: every line the help screen shows, paging down (PgDn) until
# the last action of the header is on screen or the screen stops moving.
help_lines() {
	local all="" prev="" cur i n last
	last=$(actions | tail -n 1 | cut -f3)
	cur=$(screen)
	for i in $(seq 1 12); do
		all+=$cur$'\n'
		[[ $cur == *"${last:0:20}"* ]] && break
		prev=$cur
		keys PgDn
		n=20
		while [ "$cur" = "$prev" ] && [ $n -gt 0 ]; do
			sleep 0.05
			cur=$(screen)
			n=$((n - 1))
		done
		[ "$cur" = "$prev" ] && break
	done
	printf '%s' "$all"
}

# check_help WIDTH: every action is on a line of the help screen, which
# shows its keys, its view and what it does (as much as the width holds).
check_help() {
	local width=$1 lines keys where what re n=0 missing=0 fit l
	lines=$(help_lines)
	while IFS=$'\t' read -r keys where what; do
		n=$((n + 1))
		local found=0
		while IFS= read -r l; do
			[[ $l == "$keys "* ]] || continue
			local rest=${l#"$keys"}
			rest=${rest#"${rest%%[! ]*}"}
			[[ $rest == "$where "* ]] || continue
			rest=${rest#"$where"}
			rest=${rest#"${rest%%[! ]*}"}
			# the description, or its start when the line is cut at the edge
			if [[ $rest == "$what" ]]; then
				found=1
			elif [[ $rest == *"…" ]]; then
				fit=${rest%…}
				[ ${#fit} -ge 10 ] && [[ $what == "$fit"* ]] && found=1
			fi
			[ $found = 1 ] && break
		done <<<"$lines"
		if [ $found = 0 ]; then
			printf 'not on the help screen at width %s: [%s] [%s] [%s]\n' "$width" "$keys" "$where" "$what" >&2
			missing=$((missing + 1))
		fi
	done < <(actions)
	[ $n -ge 30 ] || { echo "only $n actions read from actions.h" >&2; return 1; }
	[ $missing -eq 0 ] || { printf 'help screen:\n%s\n' "$lines" >&2; return 1; }
}

@test "help (?) lists every action of actions.h with its keys (120x40)" {
	demo
	tui_start --size 120x40
	keys ?
	wait_for "Keys (q goes back"
	check_help 120
	# q goes back to the list
	keys q
	wait_for "▾ 1. "
	wait_gone "Keys (q goes back"
	tui_exited && { echo "q on the help screen quit r57" >&2; false; }
	true
}

@test "help (?) at 80x24 scrolls through every action" {
	demo
	tui_start
	keys ?
	wait_for "Keys (q goes back"
	check_help 80
	keys Escape
	wait_for "▾ 1. "
}
