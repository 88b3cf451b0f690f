#!/usr/bin/env bats
# Reminders from the status screen (issue 6): r (lead units) and R (lead
# persons) show the notices that would be issued for the tasks the screen
# shows, with the count of notices and tasks; y records them as one
# journal entry (undo removes it) and writes each notice to a file in
# ./r57-reminders-DATE/, as `r57 remind -o DIR` does; the database is
# checked through `r57 reminders`.

load helpers

# data: the demo, and task 15 due in three days (Sở Nội vụ, Trần Thị Bình).
# Open tasks overdue or due within 7 days of 30/06/2025, by lead unit:
#   Trung tâm Tích hợp dữ liệu tỉnh  #12 (overdue)
#   Sở Khoa học và Công nghệ         #2 (overdue)
#   Sở Tài chính                     #7 (overdue)
#   Sở Nội vụ                        #15 (due 03/07/2025)
data() {
	demo
	r57 add "Sắp đến hạn" --group 1 --due 03/07/2025 --unit "Sở Nội vụ" --leader binh >/dev/null
}

# expected WHO [WORDS...]: "notices tasks overdue" for the open tasks of
# r57 list WORDS overdue or due within 7 days, by lead unit (WHO=unit) or
# lead person (WHO=leader), from the command line's JSON.
expected() {
	local who=$1
	shift
	r57 list "$@" --format json | jq -r --arg who "$who" '
		[.[] | select((.status == "open" or .status == "overdue") and .due != null
		              and .due <= "2025-07-07" and .[$who] != null)] as $t
		| "\([$t[] | .[$who]] | unique | length) \($t | length) \([$t[] | select(.due < "2025-06-30")] | length)"'
}

# received: the reminders `r57 reminders` lists, one "NAME:#ID ..." line
# per reminder, sorted (the names and task ids it named).
received() {
	r57 reminders "$@" | awk '
		/^#/ { if (n) print line; n = 1; split($0, f, "  "); line = f[4] ":" ; next }
		/^    #/ { split($1, g, " "); line = line " " $1 }
		END { if (n) print line }' | sort
}

@test "remind (r on the status screen): shows the notices, y records them once, the files are written, u removes them" {
	data
	read -r notices tasks overdue <<<"$(expected unit)"
	eq "$notices $tasks $overdue" "4 4 3" "what r57 list says is due"
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	keys r
	wait_for "$(t 'Reminders to issue, by lead unit:')"
	# the figures, and the question on the line below
	wait_for "$(t 'Notices to units: %d; tasks named: %d (overdue: %d)' "$notices" "$tasks" "$overdue")"
	has "$(status_line)" "$(t 'Record these reminders and write the notices? y records, any other key keeps')"
	# each unit on its row, with its count
	has "$(row_of 'Sở Tài chính')" "$(tn '%d task, %d overdue' '%d tasks, %d overdue' 1 1 1)"
	has "$(row_of 'Sở Nội vụ')" "$(tn '%d task, %d overdue' '%d tasks, %d overdue' 1 1 0)"
	has "$SCREEN" "Trung tâm Tích hợp dữ liệu tỉnh"
	has "$SCREEN" "Sở Khoa học và Công nghệ"
	# nothing is recorded before y
	eq "$(r57 reminders | grep -c '^#')" 0 "reminders before y"
	before=$(hist length)
	keys y
	seq=$((before + 1))
	wait_for "$(tn 'Recorded %d reminder (#%lld); the notice is in %s/' \
		'Recorded %d reminders (#%lld); the notices are in %s/' 4 4 "$seq" r57-reminders-2025-06-30)"
	# one journal entry, by an
	eq "$(hist length)" "$seq" "journal entries"
	eq "$(hist '.[0].actor')" an "actor"
	# the database through r57 reminders: one per unit, naming its tasks
	eq "$(received)" "$(printf '%s\n' 'Sở Khoa học và Công nghệ: #2' 'Sở Nội vụ: #15' \
		'Sở Tài chính: #7' 'Trung tâm Tích hợp dữ liệu tỉnh: #12' | sort)" "reminders received"
	eq "$(r57 reminders | grep -c "(.*#$seq)")" 4 "reminders of entry #$seq"
	# a file per notice, each naming its unit and its tasks
	local dir=$BATS_TEST_TMPDIR/r57-reminders-2025-06-30
	eq "$(ls "$dir" | wc -l)" 4 "notice files"
	grep -q "Sở Nội vụ" "$dir"/unit-2-*.txt
	grep -q "Sắp đến hạn" "$dir"/unit-2-*.txt
	grep -q "03/07/2025" "$dir"/unit-2-*.txt
	grep -q "Hoàn thiện đề án Khu công nghệ" "$dir"/unit-3-*.txt
	# the status screen is back to its bars
	wait_gone "$(t 'Reminders to issue, by lead unit:')"
	# u takes the whole issue back
	keys u
	wait_for "$(t_before 'Undo #%lld: %s? y undoes, any other key keeps it' "$seq" @@)"
	keys y
	wait_for "$(t_before 'Undid #%lld: %s' "$seq" @@)"
	eq "$(r57 reminders | grep -c '^#')" 0 "reminders after undo"
}

@test "remind: any key but y records nothing; with nothing due, the status line says so" {
	demo
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	keys r
	wait_for "$(t 'Reminders to issue, by lead unit:')"
	before=$(hist length)
	keys n
	wait_for "$(t 'No reminder recorded')"
	wait_gone "$(t 'Reminders to issue, by lead unit:')"
	eq "$(r57 reminders | grep -c '^#')" 0 "reminders"
	eq "$(hist length)" "$before" "journal entries"
	[ ! -e "$BATS_TEST_TMPDIR/r57-reminders-2025-06-30" ]
	# close the overdue tasks: nothing is left to remind
	r57 close 2 7 12 >/dev/null
	keys r
	wait_for "$(t 'No unit among the tasks shown has overdue tasks or tasks due within %d days' 7)"
	eq "$(r57 reminders | grep -c '^#')" 0 "reminders"
}

@test "remind: the selection of the screen (/ group:2) narrows the notices; R reminds the lead persons" {
	data
	read -r notices tasks overdue <<<"$(expected leader group:2)"
	eq "$notices $tasks $overdue" "3 3 3" "what r57 list group:2 says is due, by person"
	tui_start
	keys /
	type "group:2"
	keys Enter
	wait_for "$(head_filter group:2)"
	keys S
	# the selection named as resolved (issue 11): the group's number and name
	wait_for "$(t 'Status as of %s · %s' 30/06/2025 "$(t 'group %s' '2. Mở rộng')")"
	keys R
	wait_for "$(t 'Reminders to issue, by lead person:')"
	wait_for "$(t 'Notices to leaders: %d; tasks named: %d (overdue: %d)' "$notices" "$tasks" "$overdue")"
	# Trần Thị Bình's task 15 is in group 1: not among them
	hasnt "$SCREEN" "Trần Thị Bình"
	before=$(hist length)
	keys y
	wait_for "$(tn 'Recorded %d reminder (#%lld); the notice is in %s/' \
		'Recorded %d reminders (#%lld); the notices are in %s/' 3 3 $((before + 1)) r57-reminders-2025-06-30)"
	# leaders 1 Nguyễn Văn An, 2 Trần Thị Bình, 3 Lê Hoàng Cường, 4 Phạm Thu Dung
	eq "$(received --leader 2)" "" "reminders to Trần Thị Bình"
	eq "$(received --leader 1)" "Nguyễn Văn An: #2" "reminders to Nguyễn Văn An"
	eq "$(received --leader 3)" "Lê Hoàng Cường: #7" "reminders to Lê Hoàng Cường"
	eq "$(received --leader 4)" "Phạm Thu Dung: #12" "reminders to Phạm Thu Dung"
	eq "$(r57 reminders | grep -c '^#')" 3 "reminders in all"
	eq "$(ls "$BATS_TEST_TMPDIR/r57-reminders-2025-06-30" | grep -c '^leader-')" 3 "notice files"
}

@test "remind: the notices the screen writes are in Vietnamese even when the screen speaks English (as r57 remind's)" {
	data
	export R57_LANG=en
	tui_start
	keys S
	wait_for "Status as of 30/06/2025"
	keys r
	wait_for "Reminders to issue, by lead unit:"
	keys y
	wait_for "the notices are in r57-reminders-2025-06-30/"
	local dir=$BATS_TEST_TMPDIR/r57-reminders-2025-06-30
	grep -q "^Kính gửi: Sở Nội vụ" "$dir"/unit-2-*.txt
	! grep -q "^To: " "$dir"/unit-*.txt
	# the same words as r57 remind writes by default, in English r57 too
	r57 undo >/dev/null
	r57 remind --unit "Sở Nội vụ" --dry-run >"$BATS_TEST_TMPDIR/cli.txt"
	diff <(grep -v '^$' "$dir"/unit-2-*.txt | head -n 1) <(grep -v '^$' "$BATS_TEST_TMPDIR/cli.txt" | head -n 1)
}
