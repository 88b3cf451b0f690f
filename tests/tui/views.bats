#!/usr/bin/env bats
# The other views: the status screen (the figures of r57 status), the
# history screen (the journal, newest first, filtered by actor and task),
# the lists of groups, leaders, units and sources; grouping and sorting.

load helpers

# status_fig LABEL: the number on the status screen's line LABEL.
status_fig() {
	local l
	l=$(screen | grep -E "^  $1 +[0-9]+" | head -n 1)
	[[ $l =~ ^\ \ $1\ +([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}

check_figures() {
	local json
	json=$(r57 status --format json)
	wait_re "Total +$(jq -r .all.total <<<"$json")"$'\n'
	eq "$(status_fig Total)" "$(jq -r .all.total <<<"$json")" "Total"
	eq "$(status_fig Completed)" "$(jq -r .all.completed <<<"$json")" "Completed"
	eq "$(status_fig '  on time')" "$(jq -r .all.completed_on_time <<<"$json")" "on time"
	eq "$(status_fig '  late')" "$(jq -r .all.completed_late <<<"$json")" "late"
	eq "$(status_fig 'Not completed')" "$(jq -r .all.open <<<"$json")" "Not completed"
	eq "$(status_fig '  within deadline')" "$(jq -r .all.open_within_deadline <<<"$json")" "within deadline"
	eq "$(status_fig '  overdue')" "$(jq -r .all.open_overdue <<<"$json")" "overdue"
	eq "$(status_fig Extended)" "$(jq -r .all.extended <<<"$json")" "Extended"
	has "$(row_of '  Completed')" "($(jq -r '.all.completion_rate | tostring' <<<"$json")"
	local g
	for g in 1 2 3 4; do
		has "$(row_of "$g. ")" "$(jq -r ".groups[$((g - 1))] | \"\(.completed)/\(.total)\"" <<<"$json")"
	done
}

@test "status screen (S): the figures of r57 status, a bar per group, following changes" {
	demo
	tui_start
	keys S
	wait_for "Status as of 30/06/2025"
	check_figures
	eq "$(status_fig Total)" 13 "Total"
	# a task closed elsewhere: the figures follow without a key
	R57_ACTOR=binh r57 close 6 >/dev/null
	wait_re "Completed +6 "
	check_figures
	keys q
	wait_for "▾ 1. "
}

@test "history screen (H): newest first, as r57 history; / filters by actor and task" {
	demo
	tui_start
	on_task 7
	keys c
	wait_for "Result (what was delivered):"
	keys Enter
	wait_for "Done on"
	keys Enter
	wait_for "Closed #7"
	R57_ACTOR=binh r57 edit 9 --notes "Bình" >/dev/null
	keys H
	wait_for "History, newest first"
	local json first second
	json=$(r57 history --format json)
	first=$(sed -n 3p <<<"$SCREEN")
	second=$(sed -n 4p <<<"$SCREEN")
	has "$first" "#$(jq -r '.[0].seq' <<<"$json") "
	has "$first" "binh"
	has "$first" "edit #9"
	has "$second" "#$(jq -r '.[1].seq' <<<"$json") "
	has "$second" "an"
	has "$second" "close #7"
	keys /
	wait_for "History filter"
	type "actor:binh"
	keys Enter
	wait_for "actor: binh"
	eq "$(screen | grep -c '^#')" 1 "entries of binh"
	keys /
	wait_for "History filter"
	keys C-u
	type "task:7"
	keys Enter
	wait_for "task #7"
	eq "$(screen | grep -c '^#')" 2 "entries of task 7 (add, close)"
	has "$(sed -n 3p <<<"$SCREEN")" "close #7"
}

@test "lists (L): Tab goes through groups, leaders, units, sources; add a unit; removal refused while in use" {
	demo
	tui_start
	keys L
	wait_for "Key task groups"
	has "$SCREEN" "Hoàn thiện hạ tầng số"
	# a group in use is not removed, and the screen says how many use it
	keys D
	wait_for "in use by 4 tasks"
	eq "$(r57 group list | grep -c 'Hoàn thiện hạ tầng số')" 1 "group 1 still there"
	keys Tab
	wait_for "Leaders"
	has "$SCREEN" "Trần Thị Bình"
	keys Tab
	wait_for "Units"
	keys a
	wait_for "New unit:"
	type "Phòng Văn hóa và Thông tin"
	keys Enter
	wait_for "Phòng Văn hóa và Thông tin"
	run r57 unit list
	has "$output" "Phòng Văn hóa và Thông tin"
	keys Tab
	wait_for "Sources"
	has "$SCREEN" "97-CTr/TU"
	keys q
	wait_for "▾ 1. "
}

@test "b groups by leader, then unit, source, deadline month; s sorts by id" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys b
	wait_for "Grouped by leader"
	wait_for "▾ Trần Thị Bình"
	# the rows under Trần Thị Bình's heading are her tasks
	local rows
	rows=$(screen | sed -n '/▾ Trần Thị Bình/,/▾ /p' | sed -n 's/^[ *] [^ ]* *\([0-9][0-9]*\) .*/\1/p' | sort -n | tr '\n' ' ')
	eq "${rows% }" "$(r57 list leader:binh --format json | jq -r '[.[].id] | sort | map(tostring) | join(" ")')" "tasks under Trần Thị Bình"
	keys b
	wait_for "Grouped by unit"
	wait_for "▾ Sở Nội vụ"
	keys b
	wait_for "Grouped by source"
	keys b
	wait_for "Grouped by deadline month"
	wait_for "▾ 2025-06"
	keys b
	wait_for "Grouped by key task group"
	wait_for "▾ 1. "
	keys s
	wait_for "Sorted by id"
	# in group 1, by id: 1 4 5 6
	rows=$(screen | sed -n '/▾ 1\. /,/▾ 2\. /p' | sed -n 's/^[ *] [^ ]* *\([0-9][0-9]*\) .*/\1/p' | tr '\n' ' ')
	eq "${rows% }" "1 4 5 6" "group 1 sorted by id"
}
