#!/usr/bin/env bats
# Text from elsewhere on the screen: Urdu, Persian and Hindi titles and
# names (fixtures/seeds.txt, copied from ../shared/seeds) keep the columns
# in line; control characters, escape sequences and bidi controls in a
# title are drawn as visible placeholders, never sent to the terminal.

load helpers

seed() { sed -n "${1}p" "$FIXTURES/seeds.txt"; }

# seeded: the demo, then tasks with the seed texts as titles and names.
seeded() {
	demo
	r57 add "$(seed 1)" --group 2 --due 15/09/2025 --leader "$(seed 4)" --unit "$(seed 6)" --new >/dev/null
	r57 add "$(seed 2)" --group 2 --due 16/09/2025 --leader "$(seed 5)" --unit "$(seed 6)" --new >/dev/null
	r57 add "$(seed 3)" --group 2 --due 17/09/2025 --leader "Trần Thị Bình" --unit "Sở Nội vụ" >/dev/null
	r57 add "$(printf 'Báo cáo\033[31m đỏ\a cuối \342\200\256ngược\342\200\254 hết')" --group 2 --due 18/09/2025 >/dev/null
}

# task_lines: the task rows on the pane, one a line.
task_lines() {
	screen | sed -n '2,$p' | while IFS= read -r l; do
		if [[ $(line_key "$l") == T* ]]; then printf '%s\n' "$l"; fi
	done
	return 0
}

# same_col LABEL: every line on stdin gives one number; fail unless they
# are all equal.
same_col() {
	local cols
	cols=$(sort -u | tr '\n' ' ')
	[ "$(wc -w <<<"$cols")" -eq 1 ] || {
		printf '%s starts at different columns: %s\nscreen:\n%s\n' "$1" "$cols" "$(screen)" >&2
		return 1
	}
}

date_cols() {
	local l
	task_lines | while IFS= read -r l; do
		[[ $l =~ [0-3][0-9]/[01][0-9]/20[0-9][0-9] ]] || continue
		col_of "$l" "${BASH_REMATCH[0]}"
	done
}

@test "seed texts (Urdu, Persian, Hindi) on screen at 80x24: the deadline column stays in line" {
	seeded
	tui_start
	wait_for "   18 Báo cáo"
	for id in 15 16 17; do
		l=$(row_of "$(printf '%5d ' $id)")
		# the start of each title is on its row
		has "$l" "$(seed $((id - 14)) | cut -c1-12)"
	done
	eq "$(task_lines | wc -l)" 17 "task rows"
	date_cols | same_col "the deadline"
	# the deadline column is as wide as "dd/mm/yyyy 999d late" in this
	# language and a blank, 22 at least
	local dw
	dw=$(($(width "$(t '%s %ldd late' 00/00/0000 999)") + 1))
	[ "$dw" -ge 22 ] || dw=22
	eq "$(date_cols | head -n 1)" $((80 - dw)) "column of the deadline at 80 columns (80 - $dw)"
	while IFS= read -r l; do
		[ "$(width "$l")" -le 80 ] || { echo "wider than the pane: $l" >&2; false; }
	done <<<"$(screen)"
}

@test "seed texts at 120x40: title, lead person, unit and deadline columns stay in line" {
	seeded
	tui_start --size 120x40
	wait_for "   18 Báo cáo"
	date_cols | same_col "the deadline"
	# the lead person's and the unit's column, found by the names shown
	local l id leader unit lc=() uc=() k
	declare -A leaders units
	while IFS=$'\t' read -r k leader unit; do
		leaders[$k]=$leader
		units[$k]=$unit
	done < <(r57 list status:all --format json | jq -r '.[] | "\(.id)\t\(.leader // "")\t\(.unit // "")"')
	while IFS= read -r l; do
		id=$(line_key "$l")
		id=${id#T}
		leader=${leaders[$id]}
		unit=${units[$id]}
		[ -n "$leader" ] && lc+=("$(col_of "$l" "${leader:0:4}")")
		# the unit: its first occurrence after the lead person's name
		if [ -n "$leader" ] && [ -n "$unit" ]; then
			local before=${l%%"${leader:0:4}"*} after=${l#*"${leader:0:4}"}
			uc+=("$(( $(width "$before${leader:0:4}") + $(col_of "$after" "${unit:0:4}") ))")
		fi
	done < <(task_lines)
	[ ${#lc[@]} -ge 15 ]
	printf '%s\n' "${lc[@]}" | same_col "the lead person"
	printf '%s\n' "${uc[@]}" | same_col "the unit"
	has "$(row_of '   15 ')" "$(seed 4)"
	has "$(row_of '   16 ')" "$(seed 5)"
	has "$(row_of '   16 ')" "$(seed 6)"
}

@test "control characters, ESC and bidi overrides in a title show as placeholders, never raw" {
	seeded
	tui_start --size 120x40
	wait_for "   18 Báo cáo"
	l=$(row_of "   18 ")
	# ESC as ␛ (U+241B): the "[31m" after it is text, not a colour
	has "$l" "Báo cáo␛[31m đỏ"
	# BEL and the bidi override and pop as visible placeholders
	hasnt "$l" $'\a'
	hasnt "$l" $'\u202e'
	hasnt "$l" $'\u202c'
	has "$l" $'\ufffdngược\ufffd hết'
	# what tmux received: no escape sequence in the row but its own SGR
	raw=$(tx capture-pane -p -e -t r57 | grep -F "   18 Báo cáo")
	hasnt "$raw" $'\e[31m'
	# the row keeps the columns of the others
	date_cols | same_col "the deadline"
	# the detail view too
	keys /
	type "bao cao"
	keys Enter
	wait_rows 18
	on_task 18
	keys Enter
	wait_for "$(t 'Task #%lld %s' 18 '')"
	has "$(row_of "$(t Title)")" "Báo cáo␛[31m đỏ"
	hasnt "$SCREEN" $'\u202e'
}

@test "an escape sequence in the actor's name shows in the header as text" {
	demo
	tui_start --env "R57_ACTOR=an$(printf '\033[2J')x"
	wait_for "an␛[2Jx"
	# the screen was not cleared by it: the list is there
	wait_for "▾ 4. "
}
