#!/usr/bin/env bats
# The help screen (?) lists every action of include/r57/actions.h: its
# keys, where it works and what it does, read here from the header itself.

load helpers

# actions: one line per ACTION(...) of the header: keys<TAB>where<TAB>what
# (what as written in the header, in English: t gives this run's words)
actions() {
	sed -n 's/^[[:space:]]*ACTION(\([a-z_]*\), *"\([^"]*\)", *"\([^"]*\)", *N_("\([^"]*\)")).*/\2\t\3\t\4/p' \
		"$R57_ROOT/include/r57/actions.h" | awk -F '\t' '{ print $2 "\t" $1 "\t" $3 }'
}

# where_t WHERE: the views of actions.h's "where" as the help shows them,
# in this run's language: "list detail" -> "list, detail".
where_t() {
	local w out=""
	for w in $1; do
		# the status view is named in full: "status" alone is a word of
		# other messages
		[ "$w" = status ] && w="status screen"
		out+=${out:+, }$(t "$w")
	done
	printf '%s' "$out"
}

# help_lines: every line the help screen shows, paging down (PgDn) until
# the last action of the header is on screen or the screen stops moving.
help_lines() {
	local all="" prev="" cur i n last
	last=$(t "$(actions | tail -n 1 | cut -f3)")
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

# check_help WIDTH: every action is on the help screen: a line with its
# keys, its views and what it does, the description wrapped onto the
# lines below it (indented to its column), in this run's language.
check_help() {
	local width=$1 lines keys where what n=0 missing=0 l rest wt tt text pad i j next found
	local -a L
	lines=$(help_lines)
	mapfile -t L <<<"$lines"
	while IFS=$'\t' read -r keys where what; do
		n=$((n + 1))
		wt=$(where_t "$where")
		tt=$(t "$what")
		found=0
		for ((i = 0; i < ${#L[@]} && found == 0; i++)); do
			l=${L[i]}
			[[ $l == "$keys "* ]] || continue
			rest=${l#"$keys"}
			rest=${rest#"${rest%%[! ]*}"}
			[[ $rest == "$wt "* ]] || continue
			rest=${rest#"$wt"}
			rest=${rest#"${rest%%[! ]*}"}
			# the column the description starts in; its next lines start there
			pad=$(width "${l%"$rest"}")
			text=${rest%"${rest##*[! ]}"}
			for ((j = i + 1; j < ${#L[@]}; j++)); do
				next=${L[j]}
				[[ ${next:0:pad} =~ ^\ +$ && ${next:pad:1} == [!\ ] ]] || break
				next=${next:pad}
				text+=" ${next%"${next##*[! ]}"}"
			done
			if [[ $text == "$tt" ]]; then
				found=1
			elif [[ $text == *"…" ]]; then
				# a word wider than the column, cut at the edge
				local fit=${text%…}
				[ ${#fit} -ge 10 ] && [[ $tt == "$fit"* ]] && found=1
			fi
		done
		if [ $found = 0 ]; then
			printf 'not on the help screen at width %s: [%s] [%s] [%s]\n' "$width" "$keys" "$wt" "$tt" >&2
			missing=$((missing + 1))
		fi
	done < <(actions)
	[ $n -ge 30 ] || { echo "only $n actions read from actions.h" >&2; return 1; }
	[ $missing -eq 0 ] || { printf 'help screen:\n%s\n' "$lines" >&2; return 1; }
}

@test "help (?) lists every action of actions.h with its keys (120x40)" {
	demo
	tui_start --size 120x40
	keys '?'
	wait_for "$(t 'Keys (q goes back; j/k scroll)')"
	check_help 120
	# q goes back to the list
	keys q
	wait_for "▾ 1. "
	wait_gone "$(t 'Keys (q goes back; j/k scroll)')"
	tui_exited && { echo "q on the help screen quit r57" >&2; false; }
	true
}

@test "help (?) at 80x24 scrolls through every action" {
	demo
	tui_start
	keys '?'
	wait_for "$(t 'Keys (q goes back; j/k scroll)')"
	check_help 80
	keys Escape
	wait_for "▾ 1. "
}
