#!/usr/bin/env bats
# due (extensions), close, reopen, cancel, delete; the date forms.

load helpers

@test "due is an extension: the first deadline stays on record" {
	ok add "Nhiệm vụ" --due 31/12/2025
	ok due 1 15/01/2026
	eq "$output" "$(tn 'Deadline of task %s is now %s.' 'Deadline of tasks %s is now %s.' 1 '#1' 15/01/2026)"
	eq "$(field 1 .due)" 2026-01-15
	eq "$(field 1 .first_due)" 2025-12-31
	eq "$(field 1 .extensions)" 1
	ok due 1 2026-02-28
	eq "$(field 1 .due)" 2026-02-28
	eq "$(field 1 .first_due)" 2025-12-31
	eq "$(field 1 .extensions)" 2
}

@test "due of several ids is one action" {
	ok add "Một" --due 31/07/2025
	ok add "Hai" --due 31/08/2025
	ok due 1 2 30/09/2025
	eq "$output" "$(tn 'Deadline of task %s is now %s.' 'Deadline of tasks %s is now %s.' 2 '#1, #2' 30/09/2025)"
	eq "$(field 1 .due)" 2025-09-30
	eq "$(field 2 .due)" 2025-09-30
	eq "$(field 2 .first_due)" 2025-08-31
	ok undo
	eq "$(field 1 .due)" 2025-07-31
	eq "$(field 2 .due)" 2025-08-31
	eq "$(field 1 .extensions)" 0
}

@test "due without a date is a usage error" {
	ok add "Một" --due 31/07/2025
	assert_fails_cleanly nonzero -- due 1
	eq "$stderr" "r57: $(t '%s: give the task id and the new deadline' due)"
	eq "$(field 1 .due)" 2025-07-31
}

@test "due with an impossible date says it does not exist" {
	ok add "Một" --due 31/07/2025
	assert_fails_cleanly 1 "31/02/2025" "$(tre '%s: %s does not exist (%s %d has %d days)')" -- due 1 31/02/2025
}

@test "close --on and --result; on time against the deadline" {
	ok add "Một" --due 31/12/2025
	ok close 1 --on 25/06/2025 --result "Đã đưa vào vận hành"
	eq "$output" "$(tn 'Closed task %s.' 'Closed tasks %s.' 1 '#1')"
	eq "$(field 1 .status)" done
	eq "$(field 1 .closed)" 2025-06-25
	eq "$(field 1 .result)" "Đã đưa vào vận hành"
	eq "$(field 1 .on_time)" true
}

@test "close after the deadline is late" {
	ok add "Trễ" --due 10/06/2025
	ok close 1 --on 20/06/2025
	eq "$(field 1 .on_time)" false
}

@test "close without a deadline is on time" {
	ok add "Không hạn"
	ok close 1
	eq "$(field 1 .on_time)" true
}

@test "close on time is judged against the deadline in force when closed" {
	ok add "Gia hạn" --due 10/06/2025
	ok due 1 30/06/2025
	ok close 1 --on 25/06/2025
	eq "$(field 1 .on_time)" true
}

@test "close defaults to today" {
	ok add "Một"
	ok close 1
	eq "$(field 1 .closed)" 2025-06-30
	ok reopen 1
	ok --today 2025-07-03 close 1
	eq "$(field 1 .closed)" 2025-07-03
}

@test "close --on a future date is refused" {
	ok add "Một"
	assert_fails_cleanly 1 -- close 1 --on 01/07/2025
	eq "$stderr" "r57: $(t '--on: %s is after today (%s); a task is closed on the day it was done' 01/07/2025 30/06/2025)"
	assert_fails_cleanly 1 -- close 1 --on tomorrow
	eq "$stderr" "r57: $(t '--on: %s is after today (%s); a task is closed on the day it was done' 01/07/2025 30/06/2025)"
	eq "$(field 1 .status)" open
}

@test "close of several ids is one action; undo reopens them all" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	ok close 1 2 3 --on 20/06/2025
	eq "$output" "$(tn 'Closed task %s.' 'Closed tasks %s.' 3 '#1, #2, #3')"
	eq "$(ids status:done)" "1 2 3"
	ok undo
	eq "$(ids status:open)" "1 2 3"
	eq "$(field 2 .closed)" null
}

@test "close of an id that does not exist changes nothing" {
	ok add "Một"
	assert_fails_cleanly 1 "\b99\b" -- close 1 99
	eq "$(field 1 .status)" open
}

@test "reopen clears the closing date and the result" {
	ok add "Một" --due 31/12/2025
	ok close 1 --on 20/06/2025 --result "Xong"
	ok reopen 1
	eq "$output" "$(tn 'Reopened task %s.' 'Reopened tasks %s.' 1 '#1')"
	eq "$(field 1 .status)" open
	eq "$(field 1 .closed)" null
	eq "$(field 1 .on_time)" null
}

@test "cancel: gone from the default list, kept under status:cancelled" {
	ok add "Một"
	ok add "Hai"
	ok cancel 2 --reason "Trùng nhiệm vụ 1"
	eq "$output" "$(tn 'Cancelled task %s.' 'Cancelled tasks %s.' 1 '#2')"
	eq "$(field 2 .status)" cancelled
	eq "$(r57 list --format json | jq -r '[.[].id | tostring] | join(" ")')" "1" "default list"
	eq "$(ids status:cancelled)" "2"
}

@test "delete removes the task; show then says it does not exist" {
	ok add "Một"
	ok add "Hai"
	ok delete 1
	eq "$output" "$(tn 'Deleted task %s.' 'Deleted tasks %s.' 1 '#1')
$(tn '(r57 undo brings it back)' '(r57 undo brings them back)' 1)"
	eq "$(ids)" "2"
	assert_fails_cleanly 1 "\b1\b" -- show 1
	ok undo
	eq "$(ids)" "1 2" "undo brings a deleted task back"
	eq "$(field 1 .title)" "Một"
}

@test "delete of several tasks says them all" {
	ok add "Một"
	ok add "Hai"
	ok delete 1 2
	eq "$output" "$(tn 'Deleted task %s.' 'Deleted tasks %s.' 2 '#1, #2')
$(tn '(r57 undo brings it back)' '(r57 undo brings them back)' 2)"
}

@test "actions that do not fit the task's state are refused, saying why" {
	ok add "Xong" --due 31/12/2025
	ok add "Hủy"
	ok add "Mở"
	ok close 1 --on 20/06/2025
	ok cancel 2
	assert_fails_cleanly 1 -- close 3 2
	eq "$stderr" "r57: $(t 'task #%lld is cancelled; reopen it first' 2)"
	assert_fails_cleanly 1 -- cancel 1
	eq "$stderr" "r57: $(t 'task #%lld is done; reopen it before cancelling' 1)"
	assert_fails_cleanly 1 -- due 1 31/01/2026
	eq "$stderr" "r57: $(t 'task #%lld is done; reopen it before changing its deadline' 1)"
	assert_fails_cleanly 1 -- due 3 2 31/01/2026
	eq "$stderr" "r57: $(t 'task #%lld is cancelled; reopen it before changing its deadline' 2)"
	assert_fails_cleanly 2 -- close 3 3
	eq "$stderr" "r57: $(t 'task #%lld is given twice' 3)"
	eq "$(field 3 .status)" open
}

@test "an open task past its deadline is overdue in JSON" {
	ok add "Quá hạn" --due 29/06/2025
	ok add "Hôm nay" --due 30/06/2025
	eq "$(field 1 .status)" overdue
	eq "$(field 2 .status)" open "a deadline of today is not overdue"
}

# Each date form, read relative to a pinned today of 15/05/2025.
due_of() {
	local id
	id=$(R57_TODAY=15/05/2025 add "Hạn $1" --due "$1") || return 1
	field "$id" .due
}

@test "date forms: dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd" {
	eq "$(due_of 05/07/2025)" 2025-07-05
	eq "$(due_of 5/7/2025)" 2025-07-05
	eq "$(due_of 2025-07-05)" 2025-07-05
	eq "$(due_of 29/02/2024)" 2024-02-29 "leap day"
}

@test "date forms: today, tomorrow, yesterday" {
	eq "$(due_of today)" 2025-05-15
	eq "$(due_of tomorrow)" 2025-05-16
	eq "$(due_of yesterday)" 2025-05-14
}

@test "date forms: +Nd +Nw +Nm +Ny" {
	eq "$(due_of +3d)" 2025-05-18
	eq "$(due_of +2w)" 2025-05-29
	eq "$(due_of +1m)" 2025-06-15
	eq "$(due_of +1y)" 2026-05-15
	eq "$(due_of +20d)" 2025-06-04 "across a month"
}

@test "date forms: eom eoq eoy" {
	eq "$(due_of eom)" 2025-05-31
	eq "$(due_of eoq)" 2025-06-30
	eq "$(due_of eoy)" 2025-12-31
}

@test "+1m from 31/01 is the last day of February" {
	local id
	id=$(R57_TODAY=31/01/2025 add "Cuối tháng" --due +1m)
	eq "$(field "$id" .due)" 2025-02-28
}

@test "R57_TODAY accepts yyyy-mm-dd; --today overrides it" {
	R57_TODAY=2025-05-15 ok add "Một" --due today
	eq "$(field 1 .due)" 2025-05-15
	ok --today 01/08/2025 add "Hai" --due today
	eq "$(field 2 .due)" 2025-08-01
}

@test "impossible dates are refused: 31/02/2025, 29/02/2025, 31/04/2025, 00/01/2025" {
	ok add "Một"
	local d
	for d in 31/02/2025 29/02/2025 31/04/2025 00/01/2025 2025-13-01; do
		assert_fails_cleanly 1 "$d" -- add "Hai" --due "$d"
	done
	eq "$(ids status:all)" 1
}

@test "malformed dates are refused and named" {
	ok add "Một"
	local d
	for d in notadate 31-12-2025 2025/12/31 +3x 12/2025; do
		assert_fails_cleanly 1 -- add "Hai" --due "$d"
		assert_error 1 "$(sed 's/[+/]/\\&/g' <<<"$d")"
	done
	assert_fails_cleanly nonzero -- add "Hai" --due ""
	eq "$stderr" "r57: $(t "--due: '' is not a date (use dd/mm/yyyy or yyyy-mm-dd)")"
	eq "$(ids status:all)" 1
}

@test "close, cancel, reopen and due of tasks already so change nothing, exit 0, no entry" {
	ok add "Xong" --due 31/12/2025
	ok add "Hủy"
	ok add "Mở" --due 31/12/2025
	ok close 1 --on 20/06/2025
	ok cancel 2
	assert_db_unchanged close 1
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed: %s.' "#1 $(t 'already done (closed %s)' 20/06/2025)")"
	assert_db_unchanged reopen 3
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed: %s.' "#3 $(t 'already open')")"
	assert_db_unchanged cancel 2
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed: %s.' "#2 $(t 'already cancelled')")"
	assert_db_unchanged due 3 31/12/2025
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed: %s.' "#3 $(t 'already due %s' 31/12/2025)")"
	eq "$(field 3 .extensions)" 0
}

@test "close of several of which some are done closes the rest as one entry and names the ones skipped" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	ok close 2 --on 20/06/2025
	before=$(db_sql 'SELECT count(*) FROM entry')
	ok close 1 2 3
	eq "$output" "$(tn 'Closed task %s.' 'Closed tasks %s.' 2 '#1, #3')
$(tn 'Left as it was: %s.' 'Left as they were: %s.' 1 "#2 $(t 'already done (closed %s)' 20/06/2025)")"
	eq "$(db_sql 'SELECT count(*) FROM entry')" "$((before + 1))"
	eq "$(db_sql "SELECT group_concat(row_id) FROM change_log WHERE entry = (SELECT max(seq) FROM entry) AND tbl = 5")" "1,3"
	eq "$(field 2 .closed)" 2025-06-20
	ok undo
	eq "$(field 1 .status)" open
	eq "$(field 3 .status)" open
	eq "$(field 2 .status)" done
}

@test "cancel of several of which some are cancelled cancels the rest as one entry" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	ok cancel 3
	ok cancel 1 2 3 --reason "Gộp"
	eq "$output" "$(tn 'Cancelled task %s.' 'Cancelled tasks %s.' 2 '#1, #2')
$(tn 'Left as it was: %s.' 'Left as they were: %s.' 1 "#3 $(t 'already cancelled')")"
	eq "$(r57 history --limit 1 --format json | jq -r ".[0].summary")" "$(t 'cancel %s: %s' '#1, #2' 'Gộp')"
	eq "$(field 3 '.result // ""')" ""
	ok undo
	eq "$(field 2 .status)" open
	eq "$(field 3 .status)" cancelled
}
