#!/usr/bin/env bats
# r57 status on a PostgreSQL server (issue 15): the same actions, on
# several days, against an SQLite file and against a server of a private
# cluster (tests/pg/cluster.bash) give the same figures in every format:
# as of today and of past dates (a task's state then, read from the
# journal's before-values), since another date, with every kind of
# selection and filter word, with the breakdowns by unit and leader; and
# `r57` with no command prints the status of the server's database.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

# The actions of both stores, one a line: the day (R57_TODAY), then the
# command. Days from 20/05 to 10/07/2025: closes on time and late (one by
# --on a day before it was typed), extensions by due (one of a task later
# closed, one after its deadline passed, one undone), cancels, a deletion,
# a reopen, moves between groups and units, a task without a deadline and
# one of next year's plan, reminders to a unit and to a leader.
SCENARIO='20/05/2025|unit|add|Sở Nội vụ
20/05/2025|unit|add|Sở Tài chính
20/05/2025|unit|add|Sở Y tế
20/05/2025|group|add|Hạ tầng số
20/05/2025|group|add|Dữ liệu số
20/05/2025|group|add|Nhân lực số
20/05/2025|leader|add|Nguyễn Văn An|--unit|1
20/05/2025|leader|add|Trần Thị Bình
20/05/2025|source|add|97-CTr/TU
20/05/2025|source|add|15-KH/UBND
20/05/2025|add|Nâng cấp hệ thống|--group|1|--unit|1|--leader|1|--source|1|--due|31/05/2025
20/05/2025|add|Cơ sở dữ liệu đất đai|--group|2|--unit|2|--leader|2|--due|15/06/2025|--with|3
20/05/2025|add|Đào tạo cán bộ|--group|3|--unit|3|--source|2|--due|30/06/2025
20/05/2025|add|Chữ ký số|--group|1|--unit|2|--due|10/06/2025
20/05/2025|add|Không có hạn|--group|2|--notes|nâng cao
20/05/2025|add|Kế hoạch năm sau|--group|3|--leader|1|--due|31/03/2026
28/05/2025|close|1
28/05/2025|add|Cổng dịch vụ công|--group|1|--unit|1|--due|30/05/2025|--source|2
05/06/2025|due|4|30/06/2025
15/06/2025|due|2|20/06/2025
05/06/2025|close|7
12/06/2025|edit|2|--group|1
12/06/2025|assign|3|--unit|1
12/06/2025|cancel|5|--reason|trùng lặp
20/06/2025|due|2|31/07/2025
20/06/2025|close|4|--on|18/06/2025
20/06/2025|add|Việc mới|--group|2|--due|25/06/2025|--source|1|--leader|2
22/06/2025|due|3|05/07/2025
22/06/2025|undo
25/06/2025|remind
25/06/2025|remind|--leader|2
27/06/2025|due|8|15/07/2025
27/06/2025|reopen|1
27/06/2025|delete|6
27/06/2025|close|3|--on|26/06/2025
02/07/2025|close|2
02/07/2025|cancel|8
02/07/2025|assign|1|--unit|3|--leader|2
10/07/2025|due|1|31/08/2025
10/07/2025|edit|3|--group|2'

# play ACT: each action of the scenario through ACT (a function that runs
# r57 on one store with R57_TODAY set to its first argument).
play() {
	local line day f
	while IFS= read -r line; do
		IFS='|' read -r -a f <<<"$line"
		"$1" "${f[@]}" >/dev/null || { echo "failed: $line" >&2; return 1; }
	done <<<"$SCENARIO"
}

on_file() {
	local day=$1
	shift
	R57_TODAY=$day R57_ACTOR=an "$R57_BIN" --db "$LITE" "$@"
}

on_server() {
	local day=$1
	shift
	(unset R57_ACTOR; R57_TODAY=$day "$R57_BIN" --db "$SERVER" "$@")
}

# The cluster, the two stores with the scenario played on each, made once
# for the file: the tests only read them.
setup_file() {
	pg_start || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN; CREATE ROLE binh LOGIN" >/dev/null
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE same" >/dev/null
	export LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh R57_LANG=${R57_LANG:-en}
	export R57_BIN=${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}
	local base="postgresql:///same?host=$PGHOST&port=$PGPORT"
	(unset R57_ACTOR; "$R57_BIN" --db "$base&user=$PGSU" --today 20/05/2025 init >/dev/null) || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d same -c "GRANT r57_admin TO lan; GRANT r57_viewer TO binh" >/dev/null
	export LITE=$BATS_FILE_TMPDIR/same.db SERVER="$base&user=lan" VIEWER="$base&user=binh"
	play on_file || return 1
	play on_server || return 1
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
	export R57_TODAY=15/07/2025
}
teardown() { r57_teardown; }

# same ARGS...: `r57 status ARGS...` on the file and on the server (read
# by a viewer) succeed with the same output, which is in $output after.
same() {
	local lite
	R57_ACTOR=an ok --db "$LITE" status "$@"
	lite=$output
	ok --db "$VIEWER" status "$@"
	[ -n "$output" ] || { echo "status $*: nothing printed" >&2; return 1; }
	if [ "$output" != "$lite" ]; then
		printf 'status %s differs\n' "$*" >&2
		diff <(echo "$lite") <(echo "$output") >&2
		return 1
	fi
}

# fig JSON PATH: a figure of a report.
fig() { jq -r "$2" <<<"$1"; }

@test "pg status: the scenario is the same on both stores (the file's list and the server's)" {
	R57_ACTOR=an ok --db "$LITE" list status:all --format json
	lite=$(jq -c '[.[] | del(.uuid, .updated)]' <<<"$output")
	ok --db "$VIEWER" list status:all --format json
	eq "$(jq -c '[.[] | del(.uuid, .updated)]' <<<"$output")" "$lite" "the tasks"
	eq "$(jq length <<<"$output")" 7 "tasks left after the deletion"
}

@test "pg status: as of today, the same figures as the file in JSON, with the breakdowns" {
	same --format json
	# and they are the figures of the scenario, not both empty
	eq "$(fig "$output" '.all | "\(.total) \(.completed) \(.completed_on_time) \(.completed_late) \(.open) \(.open_within_deadline) \(.open_overdue)"')" \
		"5 4 3 1 1 1 0" "total, completed, on time, late, open, within, overdue"
	eq "$(fig "$output" '.all | "\(.added_since) \(.extended) \(.extended_since)"')" "0 3 1" "added, extended, extended since"
	eq "$(fig "$output" '[.groups[] | "\(.number):\(.total)/\(.completed)"] | join(" ")')" \
		"1:4/3 2:1/1 3:0/0 4:0/0 5:0/0 6:0/0 7:0/0" "the groups"
	eq "$(fig "$output" '[.units[] | "\(.name):\(.total)"] | join(" ")')" "Sở Nội vụ:2 Sở Tài chính:2 Sở Y tế:1" "the units, ranked"
	eq "$(fig "$output" '[.leaders[] | "\(.name):\(.total)"] | join(" ")')" "Trần Thị Bình:2 null:3" "the leaders"
}

@test "pg status: as of past dates, each task as it was then (the journal's before-values)" {
	for d in 20/05/2025 27/05/2025 31/05/2025 04/06/2025 10/06/2025 15/06/2025 17/06/2025 19/06/2025 30/06/2025 05/07/2025; do
		same --format json --as-of "$d"
	done
	# on 30/06: task 1 reopened (27/06), overdue since 31/05 (its
	# extension is of 10/07); 2 in group 1 (moved 12/06), extended on 15/06 and
	# 20/06, closed only on 02/07; 3 done on 26/06, typed on 27/06; 8 open,
	# its deadline 15/07 (moved 27/06), cancelled only on 02/07; 5
	# cancelled (12/06); 6 deleted on 27/06
	same --format json --as-of 30/06/2025
	eq "$(fig "$output" '.all | "\(.total) \(.completed) \(.completed_on_time) \(.completed_late) \(.open) \(.open_within_deadline) \(.open_overdue)"')" \
		"6 3 2 1 3 2 1" "total, completed, on time, late, open, within, overdue on 30/06"
	eq "$(fig "$output" '.all | "\(.added_since) \(.extended) \(.extended_since)"')" "1 3 3" "added, extended, extended since on 30/06"
	same --format json --as-of 10/06/2025
	eq "$(fig "$output" '.all | "\(.total) \(.completed) \(.open_overdue)"')" "7 2 0" "on 10/06: total, completed, overdue"
	eq "$(fig "$output" '[.groups[:4][] | "\(.number):\(.total)"] | join(" ")')" "1:3 2:2 3:2 4:0" "the groups on 10/06"
	# task 4, closed "on 18/06" but typed on 20/06, was done on 19/06
	same --format json --as-of 19/06/2025
	eq "$(fig "$output" '.all.completed')" 3 "completed on 19/06"
}

@test "pg status: --since, and past dates with --since" {
	same --format json --since 01/06/2025
	same --format json --as-of 30/06/2025 --since 10/06/2025
	eq "$(fig "$output" '.all | "\(.added_since) \(.extended_since)"')" "1 2" "added and extended between 10/06 and 30/06"
	same --format json --as-of 30/06/2025 --since 27/06/2025
	same --format json --as-of 20/06/2025 --since 19/06/2025
	# task 2 extended on 15/06 and 20/06: by 17/06 once since 10/06
	same --format json --as-of 17/06/2025 --since 10/06/2025
	eq "$(fig "$output" '.all | "\(.extended) \(.extended_since)"')" "2 1" "extended, and since 10/06, on 17/06"
	# task 3 extended on 22/06 and the extension undone the same day
	same --format json --as-of 30/06/2025 --since 21/06/2025
	eq "$(fig "$output" '.all | "\(.extended) \(.extended_since)"')" "3 1" "extended, and since 21/06 (8 only), on 30/06"
	same --format json --as-of 05/07/2025 --since 20/05/2025
}

@test "pg status: the selection options and the list's filter words count the same tasks" {
	same --format json --group 1
	eq "$(fig "$output" '.selection')" "$(t 'group %s' "1. $(sqlite3 "$LITE" 'SELECT name FROM task_group WHERE id = 1')")" \
		"the selection named"
	same --format json --group 2 --as-of 10/06/2025
	same --format json --unit "so noi vu"
	same --format json --unit 1 --as-of 10/06/2025
	same --format json --leader 2
	same --format json --source 1 --as-of 25/06/2025
	same --format json --year 2026 --as-of 20/06/2025
	eq "$(fig "$output" '.all.total')" 1 "next year's task, before its deletion"
	same --format json group:1
	same --format json status:overdue --as-of 30/06/2025
	same --format json status:open
	same --format json status:done --as-of 20/06/2025
	same --format json status:cancelled
	eq "$(fig "$output" '.all.total')" 0 "cancelled tasks are never counted"
	same --format json status:all --as-of 01/06/2025
	same --format json unit:3 nang
	eq "$(fig "$output" '.all.total')" 1 "a word without diacritics"
	same --format json "nâng"
	same --format json "năng"
	eq "$(fig "$output" '.all.total')" 0 "a word whose diacritics differ"
	same --format json due.before:01/07/2025 due.after:31/05/2025 --as-of 15/06/2025
	same --format json leader:1 --group 1 --as-of 31/05/2025
}

@test "pg status: every format is the same as the file's" {
	same
	has "$output" "$(t 'Completion rate')"
	same --breakdowns
	same --format csv
	same --format html --title "UBND tỉnh"
	same --format md --as-of 30/06/2025
	same --format csv --as-of 10/06/2025 --lang vi
	same --breakdowns --as-of 15/06/2025 group:2 --lang en
}

@test "pg status: the breakdowns count the reminders each unit and leader received by the date" {
	same --format json
	eq "$(fig "$output" '[.units[] | "\(.name):\(.reminders)"] | join(" ")')" "Sở Nội vụ:1 Sở Tài chính:0 Sở Y tế:0" "the units' reminders"
	eq "$(fig "$output" '[.leaders[] | "\(.name):\(.reminders)"] | join(" ")')" "Trần Thị Bình:1 null:0" "the leaders' reminders"
	same --format json --as-of 24/06/2025
	eq "$(fig "$output" '[.units[].reminders] | add')" 0 "reminders before they were issued"
	same --format csv --as-of 25/06/2025
}

@test "pg status: r57 with no command prints the status of the server's database" {
	run --separate-stderr r57 --db "$VIEWER" </dev/null
	[ "$status" -eq 0 ] || { echo "$stderr" >&2; return 1; }
	has "$output" "$(t 'Database: %s' "$VIEWER")"
	has "$output" "$(t 'Completion rate')"
	hasnt "$stderr" "$(t 'the status report')"
}
