#!/usr/bin/env bats
# The screen on a PostgreSQL server (issue 15): it opens on the server's
# database, shows the groups' headings with their figures, and pages
# through the list by keyset (store_task_page), grouped and sorted every
# way, exactly as it does on an SQLite file holding the same tasks. The
# cluster is a private one (tests/pg/cluster.bash).

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

TITLES=(Ứng dụng "Bảo mật" "Cơ sở dữ liệu" "Đào tạo" "An toàn" "Chuyển đổi" "Số hóa" "Ảnh vệ tinh"
	"Điện toán" "Xây dựng" "Trung tâm" "Giám sát" "Nâng cấp" "Hạ tầng")

# both DAY ARGS...: the same action on the file and on the server.
both() {
	local day=$1
	shift
	R57_TODAY=$day R57_ACTOR=an "$R57_BIN" --db "$LITE" "$@" >/dev/null &&
		(unset R57_ACTOR; R57_TODAY=$day "$R57_BIN" --db "$SERVER" "$@" >/dev/null)
}

# 42 tasks in three groups (one of them 30, more than fit at 80x24), with
# leaders, units and sources, deadlines over four months or none, some done
# on time or late, one cancelled, one extended: on a file and on a server,
# made once for the file; the tests only read them.
setup_file() {
	pg_start || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN" -c "CREATE DATABASE screen" >/dev/null
	export LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh
	export R57_BIN=${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}
	local base="postgresql:///screen?host=$PGHOST&port=$PGPORT" i
	(unset R57_ACTOR; "$R57_BIN" --db "$base&user=$PGSU" --today 01/05/2025 init >/dev/null) || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d screen -c "GRANT r57_admin TO lan" >/dev/null
	export LITE=$BATS_FILE_TMPDIR/screen.db SERVER="$base&user=lan"
	both 01/05/2025 unit add "Sở Nội vụ" && both 01/05/2025 unit add "Sở Tài chính" &&
		both 01/05/2025 leader add "Nguyễn Văn An" && both 01/05/2025 leader add "Trần Thị Bình" &&
		both 01/05/2025 source add "97-CTr/TU" || return 1
	for i in $(seq 1 42); do
		local args=(add "${TITLES[i % 14]} $i" --group $((i % 7 < 5 ? 1 : i % 7 - 3)))
		[ $((i % 6)) -ne 0 ] && args+=(--due "$(printf '%02d/%02d/2025' $((i % 28 + 1)) $((i % 4 + 5)))")
		[ $((i % 3)) -eq 0 ] && args+=(--leader $((i % 2 + 1)))
		[ $((i % 4)) -ne 0 ] && args+=(--unit $((i % 2 + 1)))
		[ $((i % 5)) -eq 0 ] && args+=(--source 1)
		both 01/05/2025 "${args[@]}" || return 1
	done
	both 20/05/2025 close 3 7 11 && both 25/06/2025 close 14 --on 20/06/2025 &&
		both 25/06/2025 close 15 21 && both 25/06/2025 cancel 9 && both 26/06/2025 due 5 30/07/2025 ||
		return 1
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	tui_setup
	unset R57_ACTOR
}

# view: what the screen shows but its header (which names the database),
# then the cursor's row.
view() {
	screen | sed 1d
	echo "cursor: $(selected)"
}

# settle: the view once it has stopped changing and no heading is still
# counting.
settle() {
	local a b n=60 counting
	counting=$(t 'counting…')
	sleep 0.2
	a=$(view)
	while [ $n -gt 0 ]; do
		sleep 0.15
		b=$(view)
		if [ "$a" = "$b" ] && [[ $b != *"$counting"* ]]; then
			printf '%s\n' "$b"
			return 0
		fi
		a=$b
		n=$((n - 1))
	done
	echo "the screen did not settle:" >&2
	printf '%s\n' "$b" >&2
	return 1
}

# wait_view VIEW: poll until the view is VIEW; fail showing both.
wait_view() {
	local n=100 got
	while :; do
		got=$(view)
		[ "$got" = "$1" ] && return 0
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	echo "the screen on the server differs from the file's:" >&2
	diff <(echo "$1") <(echo "$got") >&2
	return 1
}

# The keys of a walk through the list, one step a word: pages down and up, the end and the start, every sort (s) and
# every grouping (b), a folded group, a filter.
STEPS='Home PgDn PgDn j j PgDn End PgUp k Home s Home PgDn s PgDn G s b Home PgDn PgDn b PgDn End b Home PgDn
b Home PgDn PgDn End b Home Enter j PgDn Home Enter'

walk() {
	local step
	for step in $STEPS; do
		keys "$step"
		"$@" || { echo "after the step $step" >&2; return 1; }
	done
}

keep_view() { VIEWS+=("$(settle)") || return 1; }
same_view() { wait_view "${VIEWS[$STEP]}" || return 1; STEP=$((STEP + 1)); }

# heading_has G: the heading of group G on the screen shows the figures
# r57 status gave ($REPORT).
heading_has() {
	local fig
	fig=$(jq -r --argjson g "$1" '.groups[] | select(.number == $g) |
		"\(.completed) \(.total) \((.completion_rate * 100 | round) / 100 | floor) \((.completion_rate * 100 | round) % 100) \(.open_overdue)"' <<<"$REPORT")
	[ -n "$fig" ] || return 1
	# shellcheck disable=SC2086
	has "$(row_of "▾ $1. ")" "$(t '%lld/%lld done %d.%02d%%  %lld overdue' $fig)"
}

# The list as r57 list gives it for group G (as line_key writes its rows).
group_rows() { r57 --db "$SERVER" list "group:$1" --format json | jq -r '.[] | "T\(.id)"'; }

@test "pg screen: it opens on the server, the headings with their figures, the rows of the list" {
	ok --db "$SERVER" status --format json
	REPORT=$output
	eq "$(jq -r '.groups[0] | "\(.total) \(.completed)"' <<<"$REPORT")" "29 6" "group 1's figures (of 30, one cancelled)"
	tui_start --size 100x30 --db "$SERVER"
	wait_for "▾ 1. "
	wait_gone "$(t 'counting…')"
	heading_has 1
	# the first page: group 1's heading and its first rows, in the list's order
	eq "$(body)" "$(echo G1; group_rows 1 | head -n 27)" "the rows of the first page"
	# the last page: the end of group 1, groups 2 and 3, and group 4 empty
	keys End
	wait_for "▾ 4. "
	heading_has 2
	heading_has 3
	heading_has 4
	eq "$(body | tail -n 15 | tr '\n' ' ')" "$( (echo G2; group_rows 2; echo G3; group_rows 3; echo G4) | tr '\n' ' ')" \
		"the rows of the last page"
}

@test "pg screen: pages, sorts, groupings, folds and filters show what they show on a file" {
	tui_start --size 80x24 --env R57_ACTOR=an --db "$LITE"
	wait_for "▾ 1. "
	VIEWS=()
	walk keep_view
	# the file's screen is not one view repeated: the walk moves
	[ "$(printf '%s\0' "${VIEWS[@]}" | sort -zu | tr -cd '\0' | wc -c)" -gt 15 ]
	keys q
	local n=100
	while ! tui_exited && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
	tx kill-server 2>/dev/null || true
	tui_start --size 80x24 --db "$SERVER"
	wait_for "▾ 1. "
	STEP=0
	walk same_view
	eq "$STEP" "${#VIEWS[@]}" "steps compared"
}

@test "pg screen: the live filter narrows the rows and the headings' figures on the server" {
	tui_start --size 100x30 --db "$SERVER"
	wait_for "▾ 1. "
	keys /
	type "status:overdue"
	keys Enter
	ok --db "$SERVER" list status:overdue --format json
	want=$(jq -r '[.[].id] | sort_by(.) | map(tostring) | join(" ")' <<<"$output")
	[ -n "$want" ]
	wait_rows "$want"
	ok --db "$SERVER" status status:overdue --format json
	overdue=$(jq -r '.groups[] | select(.number == 1) | "\(.completed) \(.total) 0 0 \(.open_overdue)"' <<<"$output")
	# shellcheck disable=SC2086
	wait_for "$(t '%lld/%lld done %d.%02d%%  %lld overdue' $overdue)"
}
