#!/usr/bin/env bats
# The other views: the status screen (the figures of r57 status), the
# history screen (the journal, newest first, filtered by actor and task),
# the lists of groups, leaders, units and sources; grouping and sorting.

load helpers

check_figures() {
	local json bp
	json=$(r57 status --format json)
	wait_re "$(t Total) +$(jq -r .all.total <<<"$json")"$'\n'
	eq "$(status_fig 1 Total)" "$(jq -r .all.total <<<"$json")" "Total"
	eq "$(status_fig 2 Completed)" "$(jq -r .all.completed <<<"$json")" "Completed"
	eq "$(status_fig 3 'on time' 2)" "$(jq -r .all.completed_on_time <<<"$json")" "on time"
	eq "$(status_fig 4 late 2)" "$(jq -r .all.completed_late <<<"$json")" "late"
	eq "$(status_fig 5 'Not completed')" "$(jq -r .all.open <<<"$json")" "Not completed"
	eq "$(status_fig 6 'within deadline' 2)" "$(jq -r .all.open_within_deadline <<<"$json")" "within deadline"
	eq "$(status_fig 7 overdue 2)" "$(jq -r .all.open_overdue <<<"$json")" "overdue"
	eq "$(status_fig 8 Extended)" "$(jq -r .all.extended <<<"$json")" "Extended"
	# the rate as the screen writes it (a decimal comma in Vietnamese)
	bp=$(jq -r '.all.completion_rate * 100 | round' <<<"$json")
	has "$(row_of "  $(t Completed)")" "$(t '(%d.%02d%%)' $((bp / 100)) $((bp % 100)))"
	local g
	for g in 1 2 3 4; do
		has "$(row_of "$g. ")" "$(jq -r ".groups[$((g - 1))] | \"\(.completed)/\(.total)\"" <<<"$json")"
	done
}

@test "status screen (S): the figures of r57 status, a bar per group, following changes" {
	demo
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	check_figures
	eq "$(status_fig 1 Total)" 13 "Total"
	# a task closed elsewhere: the figures follow without a key
	R57_ACTOR=binh r57 close 6 >/dev/null
	wait_re "$(t Completed) +6 "
	check_figures
	keys q
	wait_for "▾ 1. "
}

@test "history screen (H): newest first, as r57 history; / filters by actor and task" {
	demo
	tui_start
	on_task 7
	keys c
	wait_for "$(tl 'Result (what was delivered): ')"
	keys Enter
	wait_for "$(tl 'Done on (Enter for today, %s): ' 30/06/2025)"
	keys Enter
	wait_for "$(t 'Closed %s' '#7')"
	R57_ACTOR=binh r57 edit 9 --notes "Bình" >/dev/null
	keys H
	wait_for "$(t 'History, newest first')"
	local json first second
	json=$(r57 history --format json)
	first=$(sed -n 3p <<<"$SCREEN")
	second=$(sed -n 4p <<<"$SCREEN")
	has "$first" "#$(jq -r '.[0].seq' <<<"$json") "
	has "$first" "binh"
	has "$first" "$(t_before 'edit %s: %s' '#9' @@)"
	has "$second" "#$(jq -r '.[1].seq' <<<"$json") "
	has "$second" "an"
	has "$second" "$(t 'close %s on %s' '#7' 30/06/2025)"
	keys /
	wait_for "$(tl 'History filter (actor:NAME task:ID; empty for all): ')"
	type "actor:binh"
	keys Enter
	wait_for "$(t ' · actor: %s' binh)"
	eq "$(screen | grep -c '^#')" 1 "entries of binh"
	keys /
	wait_for "$(tl 'History filter (actor:NAME task:ID; empty for all): ')"
	keys C-u
	type "task:7"
	keys Enter
	wait_for "$(t ' · task #%lld' 7)"
	eq "$(screen | grep -c '^#')" 2 "entries of task 7 (add, close)"
	has "$(sed -n 3p <<<"$SCREEN")" "$(t 'close %s on %s' '#7' 30/06/2025)"
}

@test "lists (L): Tab goes through groups, leaders, units, sources; add a unit; removal refused while in use" {
	demo
	tui_start
	keys L
	wait_for "$(t '%s (Tab: next list · a add · r rename · D remove · J/K move)' "$(t 'Key task groups')")"
	has "$SCREEN" "Hoàn thiện hạ tầng số"
	# a group in use is not removed, and the screen says how many use it
	keys D
	local inuse
	inuse=$(tn '%s is in use by %lld task; nothing removed' '%s is in use by %lld tasks; nothing removed' 4 @@ 4)
	wait_for "${inuse#*@@}"
	eq "$(r57 group list | grep -c 'Hoàn thiện hạ tầng số')" 1 "group 1 still there"
	keys Tab
	wait_for "$(t '%s (Tab: next list · a add · r rename · D remove)' "$(t Leaders)")"
	has "$SCREEN" "Trần Thị Bình"
	keys Tab
	wait_for "$(t '%s (Tab: next list · a add · r rename · D remove)' "$(t Units)")"
	keys a
	wait_for "$(tl 'New unit: ')"
	type "Phòng Văn hóa và Thông tin"
	keys Enter
	wait_for "Phòng Văn hóa và Thông tin"
	run r57 unit list
	has "$output" "Phòng Văn hóa và Thông tin"
	keys Tab
	wait_for "$(t '%s (Tab: next list · a add · r rename · D remove)' "$(t Sources)")"
	has "$SCREEN" "97-CTr/TU"
	keys q
	wait_for "▾ 1. "
}

@test "b groups by leader, then unit, source, deadline month; s sorts by id" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys b
	wait_for "$(t 'Grouped by leader')"
	wait_for "▾ Trần Thị Bình"
	# the rows under Trần Thị Bình's heading are her tasks
	local rows
	rows=$(screen | sed -n '/▾ Trần Thị Bình/,/▾ /p' | sed -n 's/^[ *] [^ ]* *\([0-9][0-9]*\) .*/\1/p' | sort -n | tr '\n' ' ')
	eq "${rows% }" "$(r57 list leader:binh --format json | jq -r '[.[].id] | sort | map(tostring) | join(" ")')" "tasks under Trần Thị Bình"
	keys b
	wait_for "$(t 'Grouped by unit')"
	wait_for "▾ Sở Nội vụ"
	keys b
	wait_for "$(t 'Grouped by source')"
	keys b
	wait_for "$(t 'Grouped by deadline month')"
	wait_for "▾ 2025-06"
	keys b
	wait_for "$(t 'Grouped by key task group')"
	wait_for "▾ 1. "
	keys s
	wait_for "$(t 'Sorted by id')"
	# in group 1, by id: 1 4 5 6
	rows=$(screen | sed -n '/▾ 1\. /,/▾ 2\. /p' | sed -n 's/^[ *] [^ ]* *\([0-9][0-9]*\) .*/\1/p' | tr '\n' ' ')
	eq "${rows% }" "1 4 5 6" "group 1 sorted by id"
}
