#!/usr/bin/env bats
# The live filter: / then the words of r57 list; the rows narrow with every
# key typed, Enter keeps the filter (named in the header), Escape puts back
# the filter the prompt opened with, an empty filter shows everything.

load helpers

# cli_ids WORDS...: the ids r57 list gives for the filter words, sorted.
cli_ids() {
	r57 list "$@" --format json | jq -r '[.[].id] | sort | map(tostring) | join(" ")'
}

@test "filter: rows narrow as each key is typed; Escape restores the whole list" {
	demo
	all=$(cli_ids)
	eq "$all" "$(echo 1 2 3 4 5 6 7 8 9 10 11 12 14)" "tasks r57 list shows"
	tui_start
	wait_rows "$all"
	keys /
	wait_status "$(tl 'Filter: ')"
	# one key at a time; after each, the rows are those r57 list gives
	local prefix="" c
	for c in n a n g; do
		type "$c"
		prefix+=$c
		wait_status "$(t 'Filter: ')$prefix"
		wait_rows "$(cli_ids "$prefix")"
	done
	eq "$(task_rows)" "1 8" "rows for 'nang' (Nâng, năng)"
	type " cap"
	wait_rows 1
	has "$(screen | head -n 1)" "$(head_filter "nang cap")"
	# Escape: the list as it was before /
	keys Escape
	wait_rows "$all"
	wait_gone "$(filter_word)"
	eq "$(hist length)" 37 "journal entries: the filter changed nothing"
}

@test "filter: Enter keeps the filter words; / again edits them; empty clears" {
	demo
	tui_start
	keys /
	wait_status "$(tl 'Filter: ')"
	type "status:overdue"
	wait_rows "2 7 12"
	keys Enter
	wait_for "$(head_filter "status:overdue")"
	wait_rows "$(cli_ids status:overdue)"
	# the filter stays while moving about
	keys j j
	sleep 0.2
	wait_rows "2 7 12"
	# / opens with the words; narrowing further, then Escape, gives back
	# status:overdue, not the whole list
	keys /
	wait_status "$(t 'Filter: ')status:overdue"
	type " group:2 hoan"
	wait_rows 7
	keys Escape
	wait_rows "2 7 12"
	wait_for "$(head_filter "status:overdue")"
	# leader names and words without marks, as on the command line
	keys /
	wait_status "$(t 'Filter: ')status:overdue"
	keys C-u
	wait_status "$(tl 'Filter: ')"
	type "leader:binh"
	wait_rows "$(cli_ids leader:binh)"
	eq "$(task_rows)" "3 8 10" "tasks of Trần Thị Bình"
	keys Enter
	wait_for "$(head_filter "leader:binh")"
	# an empty filter shows every task again
	keys /
	wait_status "$(t 'Filter: ')leader:binh"
	keys C-u
	keys Enter
	wait_rows "$(cli_ids)"
	wait_gone "$(filter_word)"
}

@test "filter: a word nothing matches leaves no task row; status:all shows the cancelled task" {
	demo
	tui_start
	keys /
	type "khongcogi"
	wait_rows ""
	keys C-u
	type "status:all"
	wait_rows "$(seq -s ' ' 1 14)"
	keys Enter
	wait_re "× +13 "
}

@test "filter: while the prompt is open the headings count the filter once typing pauses, grouped by group and by leader" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys /
	wait_status "$(tl 'Filter: ')"
	# typed in one burst: the rows follow at once, the figures at the pause
	type "Long"
	wait_rows 7
	wait_status "$(t 'Filter: ')Long"
	wait_re "2\. .* $(t '%lld/%lld done %d.%02d%%  %lld overdue' 0 1 0 0 1)"
	hasnt "$(screen)" "$(t 'counting…')"
	# grouped by leader, the headings themselves follow the filter: only
	# Lê Hoàng Cường, the lead person of task 7, after the pause
	keys Escape
	wait_rows "$(cli_ids)"
	keys b
	wait_for "$(t 'Grouped by leader')"
	wait_for "▾ Trần Thị Bình"
	keys /
	wait_status "$(tl 'Filter: ')"
	type "Long"
	wait_rows 7
	wait_gone "▾ Trần Thị Bình"
	wait_re "▾ Lê Hoàng Cường .* $(t '%lld/%lld done %d.%02d%%  %lld overdue' 0 1 0 0 1)"
	eq "$(screen | grep -c '▾ ')" 1 "headings while the prompt is open"
	keys Enter
	wait_for "$(head_filter Long)"
	eq "$(hist length)" 37 "journal entries: the filter changed nothing"
}
