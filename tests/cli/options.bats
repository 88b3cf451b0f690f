#!/usr/bin/env bats
# The command table of include/r57/commands.h is the one list of commands
# and their options: the parser takes exactly the options a command (or
# subcommand) declares, and the help shows each of them. The expected
# lists come from the table itself (r57 --dump-doc=tsv:options), never
# from copies written here.

load helpers

# table: the table's rows, with fields split by \037 (a tab is white space
# to read, and empty fields would run together):
# command sub option short arg many
table() {
	r57 --dump-doc=tsv:options | tr '\t' '\037'
}

# every_option: each option name that any command declares, once.
every_option() {
	table | awk -F'\037' '$3 != "" { print $3 }' | sort -u
}

# declared CMD SUB: the options of CMD (SUB: its subcommand, or "").
declared() {
	table | awk -F'\037' -v c="$1" -v s="$2" '$1 == c && $2 == s && $3 != "" { print $3 }'
}

# commands: "CMD" for each command without subcommands, "CMD SUB" for
# each subcommand.
commands() {
	table | awk -F'\037' '$2 != "" { subs[$1] = 1; print $1 " " $2; next } { plain[$1] = 1 }
		END { for (c in plain) if (!(c in subs)) print c }' | sort -u
}

@test "the table lists every command of r57 --help and its subcommands" {
	run --separate-stderr table
	eq "$status" 0
	local helped listed
	helped=$(r57 --help | sed -n 's/^  r57 \([a-z]*\).*/\1/p' | sort -u)
	listed=$(table | cut -d$'\037' -f1 | sort -u)
	eq "$(wc -l <<<"$listed")" "$(wc -l <<<"$helped")" "number of commands in the table and in --help"
	for c in $listed; do
		grep -qx "$c" <<<"$helped" || { echo "$c is in the table, not in --help" >&2; return 1; }
	done
	for s in list add rename remove move; do
		table | awk -F'\037' '$1 == "group" { print $2 }' | grep -qx "$s"
	done
	# unit add takes no option, leader add takes --title and --unit
	eq "$(declared unit add | wc -l)" 0
	eq "$(declared leader add | sort | tr '\n' ' ')" "--title --unit "
}

@test "unit add --date and group add --unit: usage errors that name the option and the command" {
	ok unit add "Sở Nội vụ"
	assert_fails_cleanly 2 -- unit add X --date 01/01/2025
	eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' 'unit add' --date)"
	assert_fails_cleanly 2 -- group add G --unit "Sở Nội vụ"
	eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' 'group add' --unit)"
	assert_fails_cleanly 2 -- group add G --title T
	assert_fails_cleanly 2 -- unit add X --title T
	assert_fails_cleanly 2 -- leader rename "A" "B" --unit "Sở Nội vụ"
	assert_fails_cleanly 2 -- source remove X --date 01/01/2025
	# an option as typed: -o is named -o
	assert_fails_cleanly 2 -- status -o
	eq "$stderr" "r57: $(t '%s: option %s needs a value' status -o)"
	run --separate-stderr r57 unit list
	hasnt "$output" "X"
	run --separate-stderr r57 group list
	hasnt "$output" " G"
}

@test "every command refuses every option it does not declare (exit 2, named)" {
	store_free "the parser refuses before the store is opened, for every command and option"
	ok add "Một"
	local opts line cmd sub o label n=0
	opts=$(every_option)
	while IFS= read -r line; do
		cmd=${line%% *}
		sub=""
		[ "$line" = "$cmd" ] || sub=${line#* }
		label=$cmd${sub:+ $sub}
		local mine
		mine=$(declared "$cmd" "$sub")
		for o in $opts --colour --no-such-option; do
			grep -qxF -- "$o" <<<"$mine" && continue
			# global options are taken by every command
			case $o in --db | --actor | --today | --lang | --help | --version) continue ;; esac
			# shellcheck disable=SC2086
			assert_db_unchanged $cmd $sub "$o=1"
			assert_error 2 || { echo "r57 $label $o=1 was not refused" >&2; return 1; }
			eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' "$label" "$o=1")" "error of r57 $label $o"
			n=$((n + 1))
		done
	done < <(commands)
	[ "$n" -gt 300 ] || { echo "only $n refusals tried" >&2; return 1; }
}

@test "every option a command declares is taken by the parser" {
	store_free "it runs every option on a file of its own (--db none.db)"
	local cmd sub o short arg many value label long_out n=0
	while IFS=$'\037' read -r cmd sub o short arg many; do
		[ -n "$o" ] || continue
		label=$cmd${sub:+ $sub}
		value=()
		[ -z "$arg" ] || value=(x)
		# shellcheck disable=SC2086
		run --separate-stderr r57 --db "$BATS_TEST_TMPDIR/none.db" $cmd $sub "$o" "${value[@]}"
		hasnt "$stderr" "$(t '%s: unknown option %s (see: r57 --help)' "$label" "$o")"
		hasnt "$stderr" "$(t '%s: option %s needs a value' "$label" "$o")"
		hasnt "$stderr" "$(t '%s: option %s takes no value' "$label" "$o")"
		# a command that ran (remind --force on a new path) may make its
		# database; a refused one must leave none
		if [ "$status" -ne 0 ] && [ -e "$BATS_TEST_TMPDIR/none.db" ]; then
			echo "r57 $label $o, refused, left none.db" >&2
			return 1
		fi
		rm -f "$BATS_TEST_TMPDIR/none.db"
		if [ -n "$short" ]; then
			# the short name is the same option: the same answer
			long_out=$stderr
			# shellcheck disable=SC2086
			run --separate-stderr r57 --db "$BATS_TEST_TMPDIR/none.db" $cmd $sub "$short" x
			eq "$stderr" "$long_out" "r57 $label $short x, as $o x"
		fi
		n=$((n + 1))
	done < <(table)
	[ "$n" -gt 50 ]
}

@test "r57 --help shows each command's options as the table declares them" {
	local helptext c opts o short arg many syn line
	# each synopsis on one line (help wraps them at 100 columns, the
	# lines after the first indented as the first, the description more)
	helptext=$(r57 --help | awk '/^  r57 / { if (l != "") print l; l = $0; next }
		/^      / || /^$/ { if (l != "") print l; l = ""; next }
		l != "" && /^  [^ ]/ { sub(/^  /, " "); l = l $0; next } END { if (l != "") print l }')
	while IFS= read -r line; do
		c=${line%% *}
		[ "$line" = "$c" ] || continue
		syn=$(sed -n "s/^  r57 $c\\( \\|\$\\)//p" <<<"$helptext")
		while IFS=$'\037' read -r _ _ o short arg many; do
			[ -n "$o" ] || continue
			local shown="[${short:-$o}${arg:+ $arg}"
			[[ " $syn" == *"$shown]"* || " $syn" == *"$shown |"* || " $syn" == *"| ${short:-$o}${arg:+ $arg}"* ]] ||
				{ echo "r57 --help: $c lacks $shown in: $syn" >&2; return 1; }
			if [ "$many" = many ]; then
				has "$syn" "${short:-$o}${arg:+ $arg}]..."
			fi
		done < <(table | awk -F'\037' -v c="$c" '$1 == c')
		# and nothing else: each option in the synopsis is declared
		for o in $(grep -oE -- '(^|[[ ])--?[a-z][a-z-]*' <<<"$syn" | tr -d '[ '); do
			table | awk -F'\037' -v c="$c" '$1 == c { print $3; print $4 }' | grep -qxF -- "$o" ||
				{ echo "r57 --help: $c shows $o, which it does not declare" >&2; return 1; }
		done
	done < <(commands)
}

@test "r57 help COMMAND and COMMAND --help list each option with what it does" {
	local line cmd sub o short arg many out
	while IFS=$'\037' read -r cmd sub o short arg many; do
		[ -n "$o" ] || continue
		ok help "$cmd"
		out=$output
		has "$out" "$(t 'Usage: ')r57 $cmd"
		grep -qE -- "^  (${short:+$short, })$o${arg:+ [^ ]+}" <<<"$out" ||
			{ echo "r57 help $cmd lacks $o:" >&2; echo "$out" >&2; return 1; }
		ok "$cmd" --help
		eq "$output" "$out" "r57 $cmd --help"
	done < <(table)
	ok help leader
	has "$output" "$(t 'Options of r57 %s %s:' leader add)"
	has "$output" "$(t "the person's job title")"
	run --separate-stderr r57 help frobnicate
	assert_error 2 frobnicate
	# plain help is the whole help
	ok help
	eq "$output" "$(r57 --help)"
}
