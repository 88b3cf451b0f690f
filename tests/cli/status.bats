#!/usr/bin/env bats
# status: the figures of ../shared/domain.md through the command line, the
# four-way split, selections, and reports as of a past date.

load helpers

# rate N: a completion rate as this pass writes it (53.66, 53,66).
rate() { if [ "$R57_LANG" = vi ]; then echo "${1/./,}"; else echo "$1"; fi; }
# figure_line TEXT LABEL N: the text report's line "  LABEL ... N".
figure_line() {
	local line rest
	while IFS= read -r line; do
		[[ $line == "  $2 "* ]] || continue
		rest=${line#"  $2"}
		rest=${rest#"${rest%%[! ]*}"}
		[ "$rest" = "$3" ] && return 0
	done <<<"$1"
	printf 'no line [%s ... %s] in:\n%s\n' "$2" "$3" "$1" >&2
	return 1
}

# The Cà Mau action program 97-CTr/TU, built once for the file: 123 tasks,
# 66 done; tasks 1-65 are of plan year 2025 (38 done), 66-123 of 2024 (28
# done); tasks 1-43 come from the Đồng Nai plan "KH-43" (17 done). Task i
# is in group (i mod 4) + 1. No deadlines, so nothing is overdue.
is_done() { # id -> 0 if the fixture closes it
	local i=$1
	{ [ "$i" -ge 1 ] && [ "$i" -le 17 ]; } || { [ "$i" -ge 44 ] && [ "$i" -le 64 ]; } ||
		{ [ "$i" -ge 66 ] && [ "$i" -le 93 ]; }
}

setup_file() {
	export LC_ALL=C.UTF-8
	local db=$BATS_FILE_TMPDIR/camau.db i year src grp closed_ids=()
	for i in $(seq 1 123); do
		year=2024 src=() grp=$((i % 4 + 1))
		[ "$i" -le 65 ] && year=2025
		[ "$i" -le 43 ] && src=(--source KH-43 --new)
		"$R57_BIN" --db "$db" --actor an --today 2025-01-15 \
			add "Nhiệm vụ $i" --year "$year" --group "$grp" "${src[@]}" >/dev/null || {
			echo "fixture: add $i failed" >&2
			return 1
		}
		if is_done "$i"; then closed_ids+=("$i"); fi
	done
	"$R57_BIN" --db "$db" --actor an --today 2025-06-30 close "${closed_ids[@]}" --on 20/06/2025 >/dev/null || {
		echo "fixture: close failed" >&2
		return 1
	}
}

camau() {
	db_load "$BATS_FILE_TMPDIR/camau.db"
}

@test "fixture: 123 tasks, 66 done" {
	camau
	eq "$(tasks | jq length)" 123
	eq "$(tasks status:done | jq length)" 66
}

@test "66 of 123 done: completion rate 53.66" {
	camau
	run r57 status --format json
	eq "$status" 0
	eq "$(jq -r .all.total <<<"$output")" 123
	eq "$(jq -r .all.completed <<<"$output")" 66
	eq "$(jq -r .all.completion_rate <<<"$output")" 53.66
	eq "$(jq -r .all.open <<<"$output")" 57
	eq "$(jq -r .all.open_within_deadline <<<"$output")" 57
	eq "$(jq -r .all.open_overdue <<<"$output")" 0 "no overdue task"
	eq "$(jq -r .all.completed_on_time <<<"$output")" 66
	eq "$(jq -r .all.completed_late <<<"$output")" 0
	eq "$(jq -r '.all.completion_rate | type' <<<"$output")" number
}

@test "of the 65 tasks of 2025, 38 done: 58.46 (status --year 2025)" {
	camau
	eq "$(fig --year 2025 -- .all.total)" 65
	eq "$(fig --year 2025 -- .all.completed)" 38
	eq "$(fig --year 2025 -- .all.completion_rate)" 58.46
	eq "$(fig --year 2024 -- .all.total)" 58
	eq "$(fig --year 2024 -- .all.completed)" 28
}

@test "17 of 43 targets: 39.53 (status --source)" {
	camau
	eq "$(fig --source KH-43 -- .all.total)" 43
	eq "$(fig --source KH-43 -- .all.completed)" 17
	eq "$(fig --source KH-43 -- .all.completion_rate)" 39.53
}

@test "the text report says 53.66 (53,66 in Vietnamese), 123 in all, 66 completed" {
	camau
	ok status
	has "$output" "$(t 'Status of Resolution 57 tasks as of %s' 30/06/2025)"
	figure_line "$output" "$(t 'Total')" 123
	figure_line "$output" "$(t 'Completed')" 66
	figure_line "$output" "$(t 'Not completed, within deadline')" 57
	figure_line "$output" "$(t 'Not completed, overdue')" 0
	figure_line "$output" "$(t 'Completion rate')" "$(rate 53.66)%"
}

@test "one row per key task group; the rows add up to the whole" {
	camau
	run r57 status --format json
	eq "$(jq -r '[.groups[].total] | add' <<<"$output")" 123
	eq "$(jq -r '[.groups[].completed] | add' <<<"$output")" 66
	local g want_total want_done n
	for g in 1 2 3 4; do
		want_total=0 want_done=0
		for n in $(seq 1 123); do
			if [ $((n % 4 + 1)) -eq "$g" ]; then
				want_total=$((want_total + 1))
				if is_done "$n"; then want_done=$((want_done + 1)); fi
			fi
		done
		eq "$(jq -r --argjson g "$g" '.groups[] | select(.number == $g) | .total' <<<"$output")" "$want_total" "group $g total"
		eq "$(jq -r --argjson g "$g" '.groups[] | select(.number == $g) | .completed' <<<"$output")" "$want_done" "group $g completed"
		eq "$(fig --group "$g" -- .all.total)" "$want_total" "status --group $g"
	done
}

@test "completion rate is rounded half up: 1 of 32 is 3.13, 2 of 3 is 66.67" {
	local n
	for n in $(seq 1 32); do ok add "Nhiệm vụ $n" --year 2030; done
	ok close 1
	eq "$(fig -- .all.completion_rate)" 3.13
	ok add "A" --year 2031
	ok add "B" --year 2031
	ok add "C" --year 2031
	ok close 33 34
	eq "$(fig --year 2031 -- .all.completion_rate)" 66.67
}

@test "an empty selection has rate 0 and no error" {
	ok add "Một" --year 2025
	eq "$(fig --year 2019 -- .all.total)" 0
	eq "$(fig --year 2019 -- .all.completion_rate)" 0
}

# The four-way split with a pinned date (30/06/2025). Tasks are created on
# 01/06 so that closing dates in June are after their creation.
split_world() {
	local D=(--today 2025-06-01)
	ok "${D[@]}" add "A: xong đúng hạn" --due 20/06/2025        # 1
	ok "${D[@]}" add "B: xong trễ hạn" --due 20/06/2025         # 2
	ok "${D[@]}" add "C: xong, không hạn"                        # 3
	ok "${D[@]}" add "D: hạn hôm nay" --due 30/06/2025           # 4
	ok "${D[@]}" add "E: hạn ngày mai" --due 01/07/2025          # 5
	ok "${D[@]}" add "F: không hạn"                              # 6
	ok "${D[@]}" add "G: quá hạn hôm qua" --due 29/06/2025       # 7
	ok "${D[@]}" add "H: quá hạn" --due 10/06/2025               # 8
	ok "${D[@]}" add "I: hủy" --due 10/06/2025                   # 9
	ok "${D[@]}" add "J: gia hạn rồi xong" --due 10/06/2025      # 10
	ok --today 2025-06-05 due 10 30/06/2025
	ok close 1 --on 15/06/2025
	ok close 2 --on 25/06/2025
	ok close 3 --on 25/06/2025
	ok close 10 --on 25/06/2025
	ok cancel 9
}

@test "four-way split: on time / late / within / overdue" {
	split_world
	run r57 status --format json
	eq "$status" 0
	local a
	a=$(jq -c .all <<<"$output")
	eq "$(jq .total <<<"$a")" 9 "total (the cancelled task not counted)"
	eq "$(jq .completed <<<"$a")" 4 "completed"
	eq "$(jq .completed_on_time <<<"$a")" 3 "on time (A, C, J)"
	eq "$(jq .completed_late <<<"$a")" 1 "late (B)"
	eq "$(jq .open <<<"$a")" 5 "open"
	eq "$(jq .open_within_deadline <<<"$a")" 3 "within (D, E, F)"
	eq "$(jq .open_overdue <<<"$a")" 2 "overdue (G, H)"
	eq "$(jq .extended <<<"$a")" 1 "extended (J)"
	eq "$(jq .completion_rate <<<"$a")" 44.44
}

@test "four-way split agrees with list's status filters and JSON" {
	split_world
	eq "$(ids status:done)" "1 2 3 10"
	eq "$(ids status:within)" "4 5 6"
	eq "$(ids status:overdue)" "7 8"
	eq "$(ids status:cancelled)" "9"
	eq "$(tasks status:done | jq -r '[.[] | select(.on_time == false) | .id] | map(tostring) | join(" ")')" "2"
}

@test "the same split with today moved on: D and E become overdue" {
	split_world
	R57_TODAY=02/07/2025 run r57 status --format json
	eq "$(jq .all.open_overdue <<<"$output")" 4
	eq "$(jq .all.open_within_deadline <<<"$output")" 1
}

@test "status selection by leader and unit" {
	ok add "Một" --leader "Nguyễn Văn An" --unit "Sở Tài chính" --new
	ok add "Hai" --leader "Nguyễn Văn An" --unit "Sở Nội vụ" --new
	ok add "Ba" --leader "Trần Thị Bình" --unit "Sở Tài chính" --new
	ok close 1
	eq "$(fig --leader "Nguyễn Văn An" -- .all.total)" 2
	eq "$(fig --leader "Nguyễn Văn An" -- .all.completion_rate)" 50
	eq "$(fig --unit "Sở Tài chính" -- .all.total)" 2
	eq "$(fig --unit "Sở Tài chính" -- .all.completed)" 1
	eq "$(fig --leader "Trần Thị Bình" -- .all.completed)" 0
}

@test "status with an unknown selection is an error naming it" {
	ok add "Một"
	assert_fails_cleanly 1 "Không Ai" -- status --leader "Không Ai"
	assert_fails_cleanly 1 "\b9\b" -- status --group 9
	assert_fails_cleanly 1 "31/02/2025" -- status --as-of 31/02/2025
}

# Work over June and July 2025; reports made on 20/07 about 30/06.
history_world() {
	ok --today 2025-06-01 add "T1: xong 15/07" --due 31/12/2025          # 1
	ok --today 2025-06-01 add "T2: xong ngày 25/06, ghi 15/07" --due 31/12/2025 # 2
	ok --today 2025-06-01 add "T3: quá hạn 30/06, gia hạn 05/07" --due 20/06/2025 # 3
	ok --today 2025-06-01 add "T5: hủy 10/07"                             # 4
	ok --today 2025-07-05 due 3 31/07/2025
	ok --today 2025-07-10 add "T4: thêm 10/07"                            # 5
	ok --today 2025-07-10 cancel 4
	ok --today 2025-07-15 close 1
	ok --today 2025-07-15 close 2 --on 25/06/2025
	export R57_TODAY=20/07/2025
}

@test "status --as-of a past date gives what was true then, not today's state" {
	history_world
	run r57 status --as-of 30/06/2025 --format json
	eq "$status" 0
	local a
	a=$(jq -c .all <<<"$output")
	eq "$(jq .total <<<"$a")" 4 "T1, T2, T3 and T5 (not yet cancelled); T4 did not exist"
	eq "$(jq .completed <<<"$a")" 1 "T2, closed on 25/06 though entered on 15/07"
	eq "$(jq .completed_on_time <<<"$a")" 1
	eq "$(jq .open <<<"$a")" 3 "T1 (closed only on 15/07), T3, T5"
	eq "$(jq .open_overdue <<<"$a")" 1 "T3: its deadline then was 20/06"
	eq "$(jq .open_within_deadline <<<"$a")" 2
	eq "$(jq .extended <<<"$a")" 0 "T3 was extended only on 05/07"
	eq "$(jq .completion_rate <<<"$a")" 25
	grep -Eq '2025-06-30|30/06/2025' <<<"$(jq -r .as_of <<<"$output")" ||
		{ echo "as_of: $(jq -r .as_of <<<"$output")" >&2; false; }
}

@test "status today (20/07) after the same changes" {
	history_world
	run r57 status --format json
	local a
	a=$(jq -c .all <<<"$output")
	eq "$(jq .total <<<"$a")" 4 "T1-T4 (T5 cancelled)"
	eq "$(jq .completed <<<"$a")" 2
	eq "$(jq .open <<<"$a")" 2
	eq "$(jq .open_overdue <<<"$a")" 0 "T3 extended to 31/07"
	eq "$(jq .extended <<<"$a")" 1
}

@test "a task closed on 15/07 is open as of 14/07 and done as of 15/07" {
	history_world
	eq "$(fig --as-of 14/07/2025 -- .all.completed)" 1
	eq "$(fig --as-of 15/07/2025 -- .all.completed)" 2
}

@test "a report as of a past date is the same before and after later changes" {
	history_world
	local first second
	first=$(r57 status --as-of 30/06/2025 --format json | jq -c .all)
	ok --today 2025-07-20 close 3
	ok --today 2025-07-20 edit 1 --title "T1 đổi tên"
	ok --today 2025-07-20 delete 5
	second=$(r57 status --as-of 30/06/2025 --format json | jq -c .all)
	eq "$second" "$first" "the 30/06 figures"
}

@test "added_since counts tasks created after --since" {
	ok --today 2025-06-01 add "Cũ 1"
	ok --today 2025-06-01 add "Cũ 2"
	ok --today 2025-06-20 add "Mới 1"
	ok --today 2025-06-21 add "Mới 2"
	ok --today 2025-06-25 add "Mới 3"
	eq "$(fig --as-of 30/06/2025 --since 15/06/2025 -- .all.added_since)" 3
	eq "$(fig --as-of 30/06/2025 --since 31/05/2025 -- .all.added_since)" 5
	eq "$(fig --as-of 30/06/2025 --since 22/06/2025 -- .all.added_since)" 1
}

@test "a task closed on 20/06 and reopened on 10/07 was completed as of 30/06" {
	ok --today 2025-06-01 add "Mở lại" --due 31/12/2025
	ok --today 2025-06-01 add "Khác" --due 31/12/2025
	ok --today 2025-06-20 close 1
	ok --today 2025-07-10 reopen 1
	export R57_TODAY=20/07/2025
	eq "$(fig --as-of 30/06/2025 -- .all.completed)" 1
	eq "$(fig -- .all.completed)" 0
}

@test "the default 'since' is the end of the month before the report date" {
	ok add "Một"
	run r57 status --as-of 15/08/2025 --format json
	grep -Eq '2025-07-31|31/07/2025' <<<"$(jq -r .since <<<"$output")" ||
		{ echo "since: $(jq -r .since <<<"$output")" >&2; false; }
}

# Extensions over May, June and July 2025, reported on 20/07: T1 extended
# 20/05 (before the June period), T2 10/06 and 11/07, T3 12/06 but undone
# 13/06, T4 added 15/06 and extended 16/06, T5 10/07; T6 never.
extension_world() {
	local D=(--today 2025-05-01)
	ok "${D[@]}" add "T1" --due 01/08/2025 --group 1  # 1
	ok "${D[@]}" add "T2" --due 01/08/2025 --group 1  # 2
	ok "${D[@]}" add "T3" --due 01/08/2025 --group 2  # 3
	ok "${D[@]}" add "T5" --due 01/08/2025 --group 2  # 4
	ok "${D[@]}" add "T6" --due 01/08/2025 --group 2  # 5
	ok --today 2025-05-20 due 1 15/08/2025
	ok --today 2025-06-10 due 2 15/08/2025
	ok --today 2025-06-12 due 3 15/08/2025
	ok --today 2025-06-13 undo
	ok --today 2025-06-15 add "T4" --due 01/07/2025 --group 1  # 6
	ok --today 2025-06-16 due 6 15/07/2025
	ok --today 2025-07-10 due 4 15/08/2025
	ok --today 2025-07-11 due 2 31/08/2025
	export R57_TODAY=20/07/2025
}

@test "extended since the previous report: read from the journal between --since and --as-of" {
	extension_world
	# June: T2 and T4; T1 was before, T3's was undone, T5's came after
	eq "$(fig --as-of 30/06/2025 --since 31/05/2025 -- .all.extended_since)" 2
	eq "$(fig --as-of 30/06/2025 --since 31/05/2025 -- .all.extended)" 3 "T1, T2, T4 on 30/06"
	eq "$(fig --as-of 30/06/2025 --since 31/05/2025 -- '[.groups[].extended_since] | join(" ")')" "2 0 0 0"
	eq "$(fig --as-of 30/06/2025 --since 10/06/2025 -- .all.extended_since)" 1 "not T2: on 10/06 itself"
	# July, the default since (30/06): T5, and T2 once more
	eq "$(fig --as-of 31/07/2025 -- .all.extended_since)" 2
	eq "$(fig --as-of 31/07/2025 -- .all.extended)" 4
	eq "$(fig -- .all.extended_since)" 2 "today, 20/07"
	eq "$(fig --group 2 --as-of 31/07/2025 --since 31/05/2025 -- .all.extended_since)" 1 "T5"
	eq "$(fig --as-of 31/05/2025 --since 20/05/2025 -- .all.extended_since)" 0
	# the same figure later, after more changes: the report of June is stable
	ok --today 2025-07-20 due 5 31/08/2025
	eq "$(fig --as-of 30/06/2025 --since 31/05/2025 -- .all.extended_since)" 2
}

@test "extended since the previous report in every format and in the summary" {
	extension_world
	local opts=(--as-of 30/06/2025 --since 31/05/2025) json
	json=$(r57 status "${opts[@]}" --format json)
	eq "$(jq .all.extended_since <<<"$json")" 2
	eq "$(jq '.units[0].extended_since' <<<"$json")" 2 "the row for no unit"
	# the paragraph says it, in this pass's language
	local p total done ydone ytotal
	p=$(jq -r '[.all.total, .all.completed, .plan_year.completed, .plan_year.total] | join(" ")' <<<"$json")
	read -r total done ydone ytotal <<<"$p"
	local want
	want=$(t '%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the %d tasks (%s%%); no task overdue; deadlines extended since the previous report: %lld.' \
		"$total" "$done" "$(rate 0.00)" "$ydone" "$ytotal" 2025 "$(rate 0.00)" 2)
	eq "$(jq -r .summary <<<"$json")" "$want"
	# text
	ok status "${opts[@]}" --breakdowns
	has "$output" "$want"
	figure_line "$output" "$(t 'Extended since the previous report')" 2
	figure_line "$output" "$(t 'Extended (cumulative)')" 3
	figure_line "$output" "$(t 'Added since the previous report')" 1
	# CSV, read by Python's csv module
	ok status "${opts[@]}" --format csv
	run python3 -c '
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))
a = [r for r in rows if r["section"] == "all"][0]
print(a["extended_since"], a["extended"], a["added_since"])
' <<<"$output"
	eq "$output" "2 3 1"
	# HTML: the label and the figure in one row
	ok status "${opts[@]}" --format html
	has "$output" "<th class=label>$(t 'Extended since the previous report')</th><td class=n>2</td>"
	has "$output" "<th class=label>$(t 'Extended (cumulative)')</th><td class=n>3</td>"
	# Markdown: a row of the figures table
	ok status "${opts[@]}" --format md
	has "$output" "| $(t 'Extended since the previous report') | 2 |"
}

@test "the breakdown by lead person is in Vietnamese order of given names" {
	r57 add "Một" --leader "Trần Văn Bình" --new >/dev/null
	r57 add "Hai" --leader "Lê Anh" --new >/dev/null
	r57 add "Ba" --leader "Nguyễn Thị An" --new >/dev/null
	r57 add "Bốn" --leader "Đỗ Văn Ân" --new >/dev/null
	run r57 status --format json
	[ "$status" -eq 0 ]
	# An < Anh < Ân < Bình: letters first, then tones; the given name first
	eq "$(printf '%s' "$output" | jq -r '[.leaders[].name] | join("|")')" \
		"Nguyễn Thị An|Lê Anh|Đỗ Văn Ân|Trần Văn Bình"
}

# Issue 11 item 2: the selection is named as resolved, not as typed.
@test "status --unit 'noi vu' and --unit 2 name Sở Nội vụ in text, csv, json, html and md" {
	r57 demo "$R57_DB" >/dev/null
	eq "$(r57 unit list | grep -c 'Sở Nội vụ')" 1 "the demo's unit"
	local want text fmt
	want=$(t 'unit %s' 'Sở Nội vụ')
	for sel in "noi vu" 2; do
		text=$(r57 status --unit "$sel")
		has "$text" "$(t 'Selection: %s; previous report: %s' "$want" 31/05/2025)"
		hasnt "$text" "$(t 'unit %s' "$sel")"
		eq "$(r57 status --unit "$sel" --format json | jq -r .selection)" "$want" "json, --unit $sel"
		# the csv's selection cell, on every row
		has "$(r57 status --unit "$sel" --format csv | sed -n 2p)" "$want"
		has "$(r57 status --unit "$sel" --format md)" "$want"
		has "$(r57 status --unit "$sel" --format html)" "$want"
		for fmt in csv md html; do
			hasnt "$(r57 status --unit "$sel" --format $fmt)" "$(t 'unit %s' "$sel")"
		done
	done
	# a group as its number and name, a source and a leader as stored
	has "$(r57 status --group 3 --format json | jq -r .selection)" \
		"$(t 'group %s' '3. Nâng cao năng lực số cho cán bộ, công chức, viên chức')"
	has "$(r57 status --leader binh --format json | jq -r .selection)" "$(t 'leader %s' 'Trần Thị Bình')"
}

# Issue 11 item 1: `r57 status FILTER...` reports the tasks `r57 list
# FILTER...` shows, as the status screen does.
@test "status FILTER...: the figures of the tasks r57 list shows with the same words" {
	r57 demo "$R57_DB" >/dev/null
	eq "$(r57 list Long --format json | jq -r '[.[].id] | join(" ")')" 7 "r57 list Long"
	local json
	json=$(r57 status Long --format json)
	eq "$(jq -r .all.total <<<"$json")" 1 "total under Long"
	eq "$(jq -r .all.open_overdue <<<"$json")" 1 "overdue under Long"
	eq "$(jq -r .selection <<<"$json")" "$(t 'words %s' Long)" "selection"
	json=$(r57 status group:1 status:open --format json)
	eq "$(jq -r .all.total <<<"$json")" "$(r57 list group:1 status:open --format json | jq -r length)" "group 1 open"
	eq "$(jq -r .all.completed <<<"$json")" 0 "nothing completed under status:open"
	eq "$(r57 status status:overdue --format json | jq -r '.all | "\(.total) \(.open_overdue) \(.completed)"')" "3 3 0" "status:overdue"
	eq "$(r57 status status:cancelled --format json | jq -r .all.total)" 0 "status:cancelled counts nothing"
	# a bad word: a clear message, exit 2
	run r57 status bogus:1
	eq "$status" 2 "exit status"
	has "$output" "r57: "
	has "$output" "bogus:1"
}
