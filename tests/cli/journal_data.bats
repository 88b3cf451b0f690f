#!/usr/bin/env bats
# The journal is data (issue 13, part 7): entries and changes tampered with
# by sqlite3 (SQL text in any field, wrong types, images that are not JSON
# or not of the row's shape, images that no longer match the row, a broken
# sequence, a table r57 does not have, hostile text). undo, redo, history,
# show and r57 check refuse clearly or answer correctly; no SQL from the
# data ever runs (no table appears, no row changes but the action's own),
# nothing crashes (teardown fails on any sanitizer report) and no hostile
# text reaches the terminal raw.

load helpers

# What SQL text in a field would do if it ran: make a table and rename
# every task. Neither may ever happen.
SQL_TEXT="x'); CREATE TABLE pwned(a); UPDATE task SET title = 'pwned'; --\"); DROP TABLE task; --"

db() { sqlite3 -batch "$R57_DB" "$@"; }
# q TEXT: TEXT as an SQL string literal.
q() { printf "'%s'" "${1//\'/\'\'}"; }

# story: entries 1 (init), 2 add #1, 3 add #2, 4 close #1, all by an; the
# changes: #5 inserted task 1, #6 task 2, #7 closed task 1. S3 and S4 are
# the summaries of entries 3 and 4, in the run's language.
story() {
	ok add "Nâng cấp hệ thống" --due 31/12/2025
	ok add "Kết nối dữ liệu"
	ok close 1
	eq "$(db 'select group_concat(seq) from entry')" "1,2,3,4" "the story's entries"
	eq "$(db "select id from change where entry = 4 and tbl = 'task' and row_id = 1")" 7 "close #1 is change #7"
	eq "$(db "select id from change where entry = 2 and tbl = 'task'")" 5 "add #1 is change #5"
	# the summaries as this run's language wrote them
	S3=$(db 'select summary from entry where seq = 3')
	S4=$(db 'select summary from entry where seq = 4')
}

# data: every data row and the schema, one line each (the journal aside).
data() {
	db "select 'schema', type, name from sqlite_master order by name;
	    select 'task', img from image_task order by id;
	    select 'unit', img from image_unit order by id;
	    select 'leader', img from image_leader order by id;
	    select 'group', img from image_task_group order by id;
	    select 'source', img from image_source order by id;
	    select 'task_unit', img from image_task_unit order by id;"
}

# nothing_ran: no statement of the data's SQL text took effect.
nothing_ran() {
	eq "$(db "select count(*) from sqlite_master where name like 'pwned%'")" 0 "a table made by the data"
	eq "$(db "select count(*) from task where title = 'pwned'")" 0 "tasks renamed by the data"
	eq "$(db "select count(*) from sqlite_master where name = 'task'")" 1 "table task"
}

# raw_free TEXT: no escape, no C0 control but line feed and tab, no C1 and
# no bidi control in TEXT.
raw_free() {
	printf '%s' "$1" | perl -CS -Mutf8 -e '
		local $/; my $s = <STDIN>;
		exit 1 if $s =~ /[\x00-\x08\x0b-\x1f\x7f\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}]/;
		exit 0' || { printf 'raw control characters in:\n%s\n' "$1" | cat -v >&2; return 1; }
}

# reads_safely: history (every format, by task), show and check answer on
# the file as it is: no crash (a sanitizer exit fails in teardown), no raw
# control characters, show and history exit 0. Leaves check's run.
reads_safely() {
	local f
	for f in table tsv json; do
		run --separate-stderr r57 history --format "$f"
		eq "$status" 0 "history --format $f exit"
		raw_free "$output$stderr"
		[ "$f" != json ] || jq -e . >/dev/null <<<"$output"
	done
	run --separate-stderr r57 history 1
	eq "$status" 0 "history 1 exit"
	raw_free "$output$stderr"
	run --separate-stderr r57 show 1
	eq "$status" 0 "show 1 exit"
	raw_free "$output$stderr"
	run --separate-stderr r57 check
	[ "$status" -lt 2 ] || { echo "check exit $status: $stderr" >&2; return 1; }
	raw_free "$output$stderr"
}

# check_says TEXT: r57 check fails and lists TEXT among its problems.
check_says() {
	run --separate-stderr r57 check
	[ "$status" -ne 0 ] || { echo "check passed a tampered journal: $output" >&2; return 1; }
	has "$output" "$1"
}

# refused_damaged VERB CHANGE: r57 VERB refuses, the database byte for
# byte as it was, the message names the damaged change.
refused_damaged() {
	local verb=$1 change=$2 msg
	assert_db_unchanged "$verb"
	if [ "$verb" = undo ]; then
		msg='cannot undo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed'
	else
		msg='cannot redo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed'
	fi
	assert_error 1
	eq "$stderr" "r57: $(t "$msg" 4 "$S4" "$change")"
	nothing_ran
}

# bad_image_says CHANGE ROW: check names change CHANGE of task row ROW.
bad_image_says() {
	check_says "$(t 'journal: change #%lld of %s row %lld holds an image r57 did not write' "$1" task "$2")"
}

# tamper_refused SQL CHANGE: on the story, SQL run by sqlite3 makes undo
# refuse at CHANGE, with everything read safely after.
tamper_refused() {
	story
	db "$1"
	local before
	before=$(data)
	refused_damaged undo "$2"
	eq "$(data)" "$before" "the data after the refused undo"
	reads_safely
}

@test "SQL text in the actor: undo by that actor reverts exactly the actor's newest action" {
	story
	db "update entry set actor = $(q "$SQL_TEXT") where actor = 'an'"
	local before
	before=$(db "select img from image_task where id = 2")
	run --separate-stderr r57 --actor "$SQL_TEXT" undo
	eq "$status" 0 "undo exit"
	eq "$output" "$(t 'Undid #%lld: %s' 4 "$S4")"
	eq "$(db "select img from image_task where id = 1")" "$(db "select after from change where id = 5")" \
		"task 1 as it was before the close"
	eq "$(db "select img from image_task where id = 2")" "$before" "task 2 untouched"
	eq "$(db "select actor from entry where seq = 5")" "$SQL_TEXT" "the undo's actor, as given"
	nothing_ran
	reads_safely
	eq "$status" 0 "check after the undo"
	# an's own undo finds nothing: those entries are no longer an's
	run --separate-stderr r57 undo
	assert_error 1 "$(tre 'nothing to undo for %s')"
}

@test "SQL text in the summary: shown as text by undo, history and show; never run" {
	story
	db "update entry set summary = $(q "$SQL_TEXT") where seq = 4"
	ok history --format tsv
	has "$output" "$SQL_TEXT"
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' 4 "$SQL_TEXT")"
	eq "$(field 1 .status)" open "task 1 reopened"
	nothing_ran
	reads_safely
	eq "$status" 0 "check"
	ok redo
	eq "$output" "$(t 'Redid #%lld: %s' 4 "$SQL_TEXT")"
	eq "$(field 1 .status)" done "task 1 closed again"
	nothing_ran
}

@test "SQL text as the table of a change: undo refuses, check names the change" {
	tamper_refused "update change set tbl = $(q "task'; $SQL_TEXT") where id = 7" 7
	check_says "$(t 'journal: change #%lld names no row of a table r57 keeps, or holds no image' 7)"
}

@test "SQL text as a before image: undo refuses and writes nothing" {
	tamper_refused "update change set before = $(q "$SQL_TEXT") where id = 7" 7
	bad_image_says 7 1
}

@test "SQL text as the after image: undo refuses and writes nothing" {
	tamper_refused "update change set after = $(q "$SQL_TEXT") where id = 7" 7
	bad_image_says 7 1
}

@test "SQL text inside a before image's value, out of step with the journal: undo refuses" {
	tamper_refused "update change set before = json_set(before, '\$.title', $(q "$SQL_TEXT")) where id = 7" 7
	check_says "$(t 'journal: change #%lld of %s row %lld does not start from the row as the change before it left it' 7 task 1)"
}

@test "SQL text inside the images, in step with each other: undo writes it as a title, runs none of it" {
	story
	db "update change set after = json_set(after, '\$.title', $(q "$SQL_TEXT")) where id = 5;
	    update change set before = json_set(before, '\$.title', $(q "$SQL_TEXT")) where id = 7"
	ok undo
	# what the journal says the row was, as data: the title is the text
	eq "$(db "select title from task where id = 1")" "$SQL_TEXT" "the title written"
	eq "$(db "select status from task where id = 1")" open "task 1 reopened"
	eq "$(db "select title from task where id = 2")" "Kết nối dữ liệu" "task 2"
	nothing_ran
}

@test "an integer as a before image: undo refuses" {
	tamper_refused "update change set before = 42 where id = 7" 7
	bad_image_says 7 1
}

@test "a blob as a before image: undo refuses" {
	tamper_refused "update change set before = cast(before as blob) where id = 7" 7
	bad_image_says 7 1
}

@test "a before image that is not JSON: undo refuses" {
	tamper_refused "update change set before = substr(before, 1, 40) where id = 7" 7
	bad_image_says 7 1
}

@test "a JSON array as a before image: undo refuses" {
	tamper_refused "update change set before = '[1, 2, 3]' where id = 7" 7
	bad_image_says 7 1
}

@test "a before image with a column missing: undo refuses (it would empty the notes)" {
	tamper_refused "update change set before = json_remove(before, '\$.notes') where id = 7" 7
	bad_image_says 7 1
}

@test "a before image with a column r57 does not have: undo refuses" {
	tamper_refused "update change set before = json_set(before, '\$.owner', 'x') where id = 7" 7
	bad_image_says 7 1
}

@test "a before image of another row: undo refuses" {
	tamper_refused "update change set before = json_set(before, '\$.id', 2) where id = 7" 7
	bad_image_says 7 1
}

@test "a number where the title is text, in step with the journal: undo reads the row back and refuses" {
	story
	db "update change set after = json_set(after, '\$.title', 123) where id = 5;
	    update change set before = json_set(before, '\$.title', 123) where id = 7"
	local before
	before=$(data)
	refused_damaged undo 7
	eq "$(data)" "$before" "the data after the refused undo"
	eq "$(db "select typeof(title) || ' ' || title from task where id = 1")" "text Nâng cấp hệ thống"
}

@test "an after image that no longer matches the row: undo refuses" {
	story
	db "update change set after = json_set(after, '\$.due', '2030-01-01') where id = 7"
	assert_db_unchanged undo
	assert_error 1
	eq "$stderr" "r57: $(t 'cannot undo #%lld (%s): its rows were changed since; nothing was changed' \
		4 "$S4")"
	nothing_ran
	reads_safely
	check_says "$(t 'journal: %s row %lld differs from its newest image in the journal' task 1)"
}

@test "a before image that no longer matches the row: redo refuses" {
	story
	ok undo
	# redo checks the row is as the entry found it: its first before image
	db "update change set before = json_set(before, '\$.notes', 'khác') where id = 7"
	local before
	before=$(data)
	refused_damaged redo 7
	eq "$(data)" "$before" "the data after the refused redo"
	eq "$(field 1 .status)" open "task 1 still open"
	reads_safely
}

@test "an after image redo would write that is not the one its undo reverted: redo refuses" {
	story
	ok undo
	db "update change set after = json_set(after, '\$.status', 'cancelled') where id = 7"
	local before
	before=$(data)
	run --separate-stderr r57 redo
	assert_error 1
	# the undo's change #8 no longer starts from what #7 left
	eq "$stderr" "r57: $(t 'cannot redo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed' \
		4 "$S4" 8)"
	eq "$(data)" "$before" "the data after the refused redo"
	check_says "$(t 'journal: change #%lld of %s row %lld does not start from the row as the change before it left it' 8 task 1)"
}

@test "a missing entry (the close and its changes gone): undo reverts what is still whole, refuses the rest" {
	story
	db "delete from change where entry = 4; delete from entry where seq = 4"
	check_says "$(t 'journal: %s row %lld differs from its newest image in the journal' task 1)"
	# an's newest action is now add #2: undone, task 2 goes
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' 3 "$S3")"
	eq "$(db 'select group_concat(id) from task')" 1 "task 1 stays"
	# add #1 left a task the file no longer holds as it is: refused
	assert_db_unchanged undo
	assert_error 1 "$(tre 'cannot undo #%lld (%s): its rows were changed since; nothing was changed')"
	nothing_ran
	reads_safely
}

@test "an entry gone but its changes kept: check names them; undo reverts the newest entry left" {
	story
	db "delete from entry where seq = 4"
	check_says "$(t 'foreign key: %s row %lld refers to a %s row that does not exist' change 7 entry)"
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' 3 "$S3")"
	eq "$(field 1 .status)" done "task 1 as the file has it"
	reads_safely
}

@test "a repeated entry (the close again, with its changes): undo refuses, check names it" {
	story
	db "insert into entry(seq, at, day, actor, summary, kind) select 5, at, day, actor, summary, kind from entry where seq = 4;
	    insert into change(entry, tbl, row_id, before, after) select 5, tbl, row_id, before, after from change where entry = 4"
	eq "$(db 'select max(id) from change')" 8
	local before
	before=$(data)
	assert_db_unchanged undo
	assert_error 1
	eq "$stderr" "r57: $(t 'cannot undo #%lld (%s): the journal is damaged at change #%lld (r57 check says more); nothing was changed' \
		5 "$S4" 8)"
	eq "$(data)" "$before"
	check_says "$(t 'journal: change #%lld of %s row %lld does not start from the row as the change before it left it' 8 task 1)"
	reads_safely
}

@test "a change filed under no entry: check names it; undo reverts the close as it should" {
	story
	db "update change set entry = 999 where id = 6"
	check_says "$(t 'foreign key: %s row %lld refers to a %s row that does not exist' change 6 entry)"
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' 4 "$S4")"
	eq "$(field 1 .status)" open
	eq "$(db 'select count(*) from task')" 2
	reads_safely
}

@test "an image of a table r57 does not journal (entry, sqlite_master): undo refuses, the journal unchanged" {
	local t
	for t in entry sqlite_master; do
		rm -f "$R57_DB"
		story
		db "update change set tbl = '$t', after = '{\"seq\":4,\"summary\":\"forged\"}' where id = 7"
		refused_damaged undo 7
		eq "$(db 'select summary from entry where seq = 4')" "$S4" "$t: the entry"
		check_says "$(t 'journal: change #%lld names no row of a table r57 keeps, or holds no image' 7)"
	done
}

@test "an undo whose target is no action: redo finds nothing to redo, check names it" {
	story
	ok undo
	db "update entry set target = 1 where seq = 5"
	assert_db_unchanged redo
	assert_error 1 "$(tre 'nothing to redo for %s')"
	check_says "$(t 'journal: entry #%lld undoes or redoes no action' 5)"
	check_says "$(t 'journal: entry #%lld is marked undone or not against what its undo and redo entries say' 4)"
	reads_safely
}

@test "an action marked undone that no undo reverted: check names it" {
	story
	db "update entry set undone = 1 where seq = 4"
	check_says "$(t 'journal: entry #%lld is marked undone or not against what its undo and redo entries say' 4)"
	reads_safely
}

@test "wrong types in the entry (a blob actor, a text undone, a real target): read safely" {
	story
	db "update entry set actor = cast(actor as blob), undone = 'yes' where seq = 3;
	    update entry set summary = x'1b5b324a9b0707', target = 1.5 where seq = 4"
	reads_safely
	# JSON carries the text escaped (the bad byte as U+FFFD); the table
	# shows placeholders
	ok history --format json
	has "$output" '"summary": "\u001b[2J\ufffd\u0007\u0007"'
	eq "$(jq -r '.[] | select(.seq == 4) | .summary' <<<"$output")" $'\e[2J\ufffd\a\a'
	ok history
	has "$output" $'␛[2J\ufffd␇␇'
}

@test "escape sequences and bidi controls in the actor and summary never reach the terminal raw" {
	story
	# OSC 52 (set the clipboard), SGR, clear screen, bidi override and
	# isolate, a C1 CSI as UTF-8 and as a raw byte
	local esc=$'\e]52;c;cjU3LWpvdXJuYWw=\a\e[5757m\e[2J\u202eevil\u2066\u009b31m'
	local raw="$esc"$'\x9b31m'
	db "update entry set actor = actor || $(q "$raw"), summary = summary || $(q "$raw") where seq = 4"
	reads_safely
	ok history
	has "$output" "␛]52;c;cjU3LWpvdXJuYWw=␇␛[5757m␛[2J"
	# undo and redo say the summary, safe
	db "update entry set actor = 'an' where seq = 4"
	ok undo
	raw_free "$output"
	has "$output" "␛]52;c;cjU3LWpvdXJuYWw=␇␛[5757m"
	ok redo
	raw_free "$output"
	# a refusal names who changed the row since, and what: both safe
	ok --actor "b2$esc" assign 1 --leader "Trần Thị Bình" --new
	db "update entry set summary = summary || $(q "$raw") where seq = 7"
	run --separate-stderr r57 undo
	assert_error 1
	raw_free "$stderr"
	has "$stderr" "b2␛]52;c;cjU3LWpvdXJuYWw=␇␛[5757m␛[2J"
	run --separate-stderr r57 --actor "b2$esc" undo --dry-run
	eq "$status" 0
	raw_free "$output$stderr"
	reads_safely
	eq "$status" 0 "check: the journal's text is not damage"
}
