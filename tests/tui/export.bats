#!/usr/bin/env bats
# The screen never replaces a file (issue 11, item 7): e on the status
# screen writes r57-status-DATE.html, and a second export the same day (or
# one with a file of that name already there, r57's or not) takes the next
# free name, -2, -3 ...; r's notices go to a new folder each time
# (r57-reminders-DATE, then -2 ...). The status line names what was written.

load helpers

@test "export (e): two exports the same day keep both files; the status line names each path" {
	demo
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	keys e
	wait_for "r57-status-2025-06-30.html"
	has "$(status_line)" "$(t_before 'Exported to %s (in %s)' r57-status-2025-06-30.html @@)"
	local first=$BATS_TEST_TMPDIR/r57-status-2025-06-30.html
	grep -q "<html" "$first"
	cp "$first" "$BATS_TEST_TMPDIR/copy.html"
	# the second report, of fewer tasks, gets its own name; the first stays
	r57 close 2 >/dev/null
	keys e
	wait_for "r57-status-2025-06-30-2.html"
	has "$(status_line)" "$(t_before 'Exported to %s (in %s)' r57-status-2025-06-30-2.html @@)"
	cmp "$first" "$BATS_TEST_TMPDIR/copy.html"
	grep -q "<html" "$BATS_TEST_TMPDIR/r57-status-2025-06-30-2.html"
	keys e
	wait_for "r57-status-2025-06-30-3.html"
	eq "$(ls "$BATS_TEST_TMPDIR" | grep -c '^r57-status-')" 3 "report files"
}

@test "export (e): a file of that name that r57 did not write is never replaced" {
	demo
	echo "my own notes" >"$BATS_TEST_TMPDIR/r57-status-2025-06-30.html"
	mkdir "$BATS_TEST_TMPDIR/r57-status-2025-06-30-2.html"
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	keys e
	wait_for "r57-status-2025-06-30-3.html"
	has "$(status_line)" "$(t_before 'Exported to %s (in %s)' r57-status-2025-06-30-3.html @@)"
	eq "$(cat "$BATS_TEST_TMPDIR/r57-status-2025-06-30.html")" "my own notes"
	[ -d "$BATS_TEST_TMPDIR/r57-status-2025-06-30-2.html" ]
	grep -q "<html" "$BATS_TEST_TMPDIR/r57-status-2025-06-30-3.html"
}

@test "reminders (r): a folder already there is left as it is; the notices go to a new one, named on the status line" {
	demo
	r57 add "Sắp đến hạn" --group 1 --due 03/07/2025 --unit "Sở Nội vụ" --leader binh >/dev/null
	local old=$BATS_TEST_TMPDIR/r57-reminders-2025-06-30
	mkdir "$old"
	# a file with the very name a notice would take
	echo "not r57's" >"$old/unit-2-so-noi-vu.txt"
	tui_start
	keys S
	wait_for "$(t 'Status as of %s' 30/06/2025)"
	keys r
	wait_for "$(t 'Reminders to issue, by lead unit:')"
	keys y
	wait_for "r57-reminders-2025-06-30-2/"
	eq "$(cat "$old/unit-2-so-noi-vu.txt")" "not r57's"
	eq "$(ls "$old" | wc -l)" 1 "the old folder as it was"
	eq "$(ls "$BATS_TEST_TMPDIR/r57-reminders-2025-06-30-2" | wc -l)" 4 "notice files"
	grep -q "Sắp đến hạn" "$BATS_TEST_TMPDIR"/r57-reminders-2025-06-30-2/unit-2-*.txt
	# a second issue the same day: a third folder, the second kept
	local before
	before=$(md5sum "$BATS_TEST_TMPDIR"/r57-reminders-2025-06-30-2/* | md5sum)
	keys r
	wait_for "$(t 'Reminders to issue, by lead unit:')"
	keys y
	wait_for "r57-reminders-2025-06-30-3/"
	eq "$(md5sum "$BATS_TEST_TMPDIR"/r57-reminders-2025-06-30-2/* | md5sum)" "$before" "the second folder kept"
}
