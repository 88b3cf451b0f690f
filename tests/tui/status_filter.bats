#!/usr/bin/env bats
# The status screen covers exactly what the list shows (issue 11, item 1):
# after / WORDS the figures (S), the HTML export (e), the reminders (r) and
# the list's headings count the tasks the filter shows, for a free word and
# for a status word alongside a group; the selection is named as resolved.

load helpers

# filter WORDS: type the filter on the list (instead of the one there)
# and keep it.
filter() {
	keys /
	wait_for "$(tl 'Filter: ')"
	keys C-u
	wait_status "$(tl 'Filter: ')"
	type "$1"
	keys Enter
	wait_for "$(head_filter "$1")"
}

# The demo: "Long" is in the title of task 7 alone (group 2, Sở Tài chính,
# Lê Hoàng Cường, overdue since 27/06/2025).
@test "status under / Long: the figures, the export and the reminders are those of task 7 alone" {
	demo
	eq "$(r57 list Long --format json | jq -r '[.[].id] | join(" ")')" 7 "r57 list Long"
	tui_start
	filter Long
	wait_rows 7
	# the heading of group 2 counts the one task shown, not its three
	has "$(row_of '2. ')" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' 0 1 0 0 1)"
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	has "$(screen | head -n 2)" "$(t 'words %s' Long)"
	wait_re "$(t Total) +1"$'\n'
	eq "$(status_fig 1 Total)" 1 "Total"
	eq "$(status_fig 2 Completed)" 0 "Completed"
	eq "$(status_fig 5 'Not completed')" 1 "Not completed"
	eq "$(status_fig 7 overdue 2)" 1 "overdue"
	has "$(row_of '2. ')" " 0/1 "
	hasnt "$(row_of '1. ')" " 0/1 "
	# e: the HTML report of that one task
	local html=$BATS_TEST_TMPDIR/r57-status-2025-06-30.html deadline=$((SECONDS + 5))
	keys e
	until [ -s "$html" ] || [ $SECONDS -ge $deadline ]; do sleep 0.1; done
	[ -s "$html" ]
	eq "$(grep -m1 'class=label' "$html" | sed 's/.*class=n>\([0-9]*\)<.*/\1/')" 1 "the report's total"
	has "$(cat "$html")" "$(t 'words %s' Long)"
	has "$(cat "$html")" "Sở Tài chính"
	hasnt "$(cat "$html")" "Sở Nội vụ"
	# r: one notice, to the unit of task 7, naming task 7 only
	keys r
	wait_for "$(t 'Notices to units: %d; tasks named: %d (overdue: %d)' 1 1 1)"
	has "$(row_of 'Sở Tài chính')" "$(tn '%d task, %d overdue' '%d tasks, %d overdue' 1 1 1)"
	hasnt "$SCREEN" "Trung tâm Tích hợp dữ liệu tỉnh"
	local seq=$(($(hist length) + 1))
	keys y
	wait_for "$(tn 'Recorded %d reminder (#%lld); the notice is in %s/' \
		'Recorded %d reminders (#%lld); the notices are in %s/' 1 1 "$seq" r57-reminders-2025-06-30)"
	eq "$(r57 reminders | grep -c '^#')" 1 "reminders recorded"
	has "$(r57 reminders)" "Sở Tài chính"
	has "$(r57 reminders)" "#7"
	ls "$BATS_TEST_TMPDIR/r57-reminders-2025-06-30" >&2
	eq "$(ls "$BATS_TEST_TMPDIR/r57-reminders-2025-06-30" | wc -l)" 1 "notice files"
}

@test "status under / group:1 status:open and / group:3 status:overdue: the status word applies" {
	demo
	# group 1: task 5 done, tasks 1, 4, 6 open; group 3: nothing overdue
	eq "$(r57 list group:1 status:open --format json | jq -r length)" 3 "open in group 1"
	tui_start --size 160x30
	filter "group:1 status:open"
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	wait_re "$(t Total) +3"$'\n'
	eq "$(status_fig 1 Total)" 3 "Total"
	eq "$(status_fig 2 Completed)" 0 "Completed"
	eq "$(status_fig 5 'Not completed')" 3 "Not completed"
	has "$(screen | head -n 2)" "$(t 'status %s' open)"
	has "$(screen | head -n 2)" "$(t 'group %s' '1. Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu')"
	keys q
	filter "group:3 status:overdue"
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	wait_re "$(t Total) +0"$'\n'
	eq "$(status_fig 1 Total)" 0 "Total"
	eq "$(status_fig 7 overdue 2)" 0 "overdue"
}
