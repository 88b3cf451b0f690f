#!/usr/bin/env bats
# The screen on a PostgreSQL server, live (issue 15, parts 4 and 5): it
# shows another login's change within 2 s with no key pressed, told by the
# server (LISTEN/NOTIFY), and asks the server nothing while nothing
# changes; a lost connection (the screen's backend ended, the server
# restarted) is said on the status line, the add prompt keeps what was
# typed, the screen connects again, and the task is added once; an edit
# over another login's change since the screen read the task is refused
# naming that login, as on a file (tests/tui/conflict.bats). The
# cluster is a private one (tests/pg/cluster.bash).

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN" -c "CREATE ROLE binh LOGIN" \
		-c "CREATE DATABASE live" >/dev/null || return 1
	export LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh
	export R57_BIN=${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}
	BASE="postgresql:///live?host=$PGHOST&port=$PGPORT"
	(unset R57_ACTOR; "$R57_BIN" --db "$BASE&user=$PGSU" --today 01/05/2025 init >/dev/null) || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d live -c "GRANT r57_editor TO lan, binh" >/dev/null || return 1
	export SCREEN_DB="$BASE&user=lan" OTHER_DB="$BASE&user=binh"
	(unset R57_ACTOR; "$R57_BIN" --db "$OTHER_DB" add "Báo cáo quý" --group 1 >/dev/null) || return 1
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	tui_setup
	unset R57_ACTOR
}

live_sql() { "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d live -c "$1"; }
other() { "$R57_BIN" --db "$OTHER_DB" "$@"; }
# the screen's backend: lan's one session
screen_pid() { live_sql "SELECT pid FROM pg_stat_activity WHERE usename = 'lan' AND datname = 'live'"; }

server_up() {
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_DIR/sock -c listen_addresses= -p $PGPORT -c fsync=off -c TimeZone=Asia/Ho_Chi_Minh" \
		start >/dev/null
}

@test "pg live: another login's add, edit and close show within 2 s, no key pressed" {
	tui_start --size 100x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	run other add "Rà soát thủ tục hành chính" --group 1
	[ "$status" -eq 0 ]
	local id
	id=$(added_id "$output")
	wait_for "Rà soát thủ tục hành chính" 2
	run other edit "$id" --title "Rà soát thủ tục cấp xã"
	[ "$status" -eq 0 ]
	wait_for "Rà soát thủ tục cấp xã" 2
	# an undo, by the server's journal: the title comes back
	run other undo
	[ "$status" -eq 0 ]
	wait_for "Rà soát thủ tục hành chính" 2
	wait_gone "Rà soát thủ tục cấp xã" 2
	# waiting on the socket, a resize is drawn at once (SIGWINCH wakes poll)
	tx resize-window -t r57 -x 20 -y 6
	wait_for "$(t 'Window too small')" 1
	tx resize-window -t r57 -x 100 -y 30
	wait_for "Rà soát thủ tục hành chính" 1
}

@test "pg live: the idle screen asks the server nothing while nothing changes" {
	tui_start --size 100x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	local pid before after
	pid=$(screen_pid)
	[ -n "$pid" ]
	before=$(live_sql "SELECT query_start, state_change FROM pg_stat_activity WHERE pid = $pid")
	sleep 3
	after=$(live_sql "SELECT query_start, state_change FROM pg_stat_activity WHERE pid = $pid")
	[ -n "$before" ] && [ "$before" = "$after" ]
	# its last statement was LISTEN, or a read of its pages: never a poll
	run live_sql "SELECT query FROM pg_stat_activity WHERE pid = $pid"
	[[ $output != *change_log* ]]
	# told of a change, it reads, and is quiet again
	other add "Tổng kết năm" --group 1 >/dev/null
	wait_for "Tổng kết năm" 2
	sleep 0.5
	before=$(live_sql "SELECT query_start FROM pg_stat_activity WHERE pid = $pid")
	sleep 2
	after=$(live_sql "SELECT query_start FROM pg_stat_activity WHERE pid = $pid")
	[ "$before" = "$after" ]
}

@test "pg live: a server made without entry_notify is polled, and still shows others' changes" {
	live_sql "ALTER TABLE r57.entry DISABLE TRIGGER entry_notify"
	live_sql "DROP TRIGGER entry_notify ON r57.entry"
	tui_start --size 100x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	other add "Kiểm tra định kỳ" --group 1 >/dev/null
	wait_for "Kiểm tra định kỳ" 2
	live_sql "CREATE CONSTRAINT TRIGGER entry_notify AFTER INSERT ON r57.entry
		DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION r57.entry_notify()"
}

@test "pg live: the screen's backend ended while the add prompt is open: said, the text kept, added once" {
	tui_start --size 120x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Họp giao ban tháng"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type "31/12/2025"
	local pid
	pid=$(screen_pid)
	[ -n "$pid" ]
	live_sql "SELECT pg_terminate_backend($pid)" >/dev/null
	wait_for "$(t 'The connection to the server was lost, and is back; what was typed is kept')" 5
	[[ $SCREEN == *"31/12/2025"* ]]
	# a new backend, listening again
	[ "$(screen_pid)" != "$pid" ]
	keys Enter
	wait_re "$(tre 'Added task #%lld')"
	[ "$(live_sql "SELECT count(*) FROM r57.task WHERE title = 'Họp giao ban tháng' AND due = '2025-12-31'")" = 1 ]
	# and it is told of others' changes again
	other add "Sau khi nối lại" --group 1 >/dev/null
	wait_for "Sau khi nối lại" 2
}

@test "pg live: the server restarted while the add prompt is open: the save fails whole, the text kept, added once" {
	tui_start --size 120x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Đối thoại doanh nghiệp"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type "30/11/2025"
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null
	local lost
	lost=$(t 'The connection to the server was lost; the screen and what was typed are kept; connecting again…')
	wait_for "$lost" 5
	# submitted while the server is down: refused, nothing written, the prompt as it was
	keys Enter
	sleep 0.3
	wait_for "$lost" 5
	[[ $SCREEN == *"30/11/2025"* ]]
	[[ $SCREEN == *"$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"* ]]
	server_up
	wait_for "$(t 'The connection to the server was lost, and is back; what was typed is kept')" 5
	[[ $SCREEN == *"30/11/2025"* ]]
	keys Enter
	wait_re "$(tre 'Added task #%lld')"
	[ "$(live_sql "SELECT count(*) FROM r57.task WHERE title = 'Đối thoại doanh nghiệp'")" = 1 ]
	[ "$(live_sql "SELECT count(*) FROM r57.entry WHERE summary LIKE '%Đối thoại doanh nghiệp%'")" = 1 ]
}

@test "pg live: the backend ended while the add is being committed: nothing written, the text kept, added once" {
	# a check at commit that takes 3 s for this title, long enough to end
	# the backend in the middle of the COMMIT
	live_sql "CREATE FUNCTION public.slow_commit() RETURNS trigger LANGUAGE plpgsql AS \$\$
		BEGIN IF NEW.title = 'Ghi chậm' THEN PERFORM pg_sleep(3); END IF; RETURN NULL; END \$\$"
	live_sql "CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON r57.task
		DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.slow_commit()"
	tui_start --size 120x30 --db "$SCREEN_DB"
	wait_for "Báo cáo quý"
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Ghi chậm"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type "15/10/2025"
	keys Enter
	local pid n=100
	while [ "$(live_sql "SELECT count(*) FROM pg_stat_activity WHERE usename = 'lan' AND query = 'COMMIT' AND state = 'active'")" != 1 ]; do
		n=$((n - 1))
		[ $n -gt 0 ]
		sleep 0.05
	done
	pid=$(screen_pid)
	live_sql "SELECT pg_terminate_backend($pid)" >/dev/null
	wait_for "$(t 'The connection to the server was lost, and is back; what was typed is kept')" 5
	[[ $SCREEN == *"15/10/2025"* ]]
	[ "$(live_sql "SELECT count(*) FROM r57.task WHERE title = 'Ghi chậm'")" = 0 ]
	[ "$(live_sql "SELECT count(*) FROM r57.entry WHERE summary LIKE '%Ghi chậm%'")" = 0 ]
	live_sql "DROP TRIGGER slow_commit ON r57.task"
	keys Enter
	wait_re "$(tre 'Added task #%lld')"
	[ "$(live_sql "SELECT count(*) FROM r57.task WHERE title = 'Ghi chậm' AND due = '2025-10-15'")" = 1 ]
}

@test "pg live: a committed action notifies its entry, kind and tasks; a rolled back one nothing" {
	live_sql "CREATE FUNCTION public.refuse_title() RETURNS trigger LANGUAGE plpgsql AS \$\$
		BEGIN IF NEW.title = 'Bị từ chối' THEN RAISE EXCEPTION 'refused at commit'; END IF;
		RETURN NULL; END \$\$"
	live_sql "CREATE CONSTRAINT TRIGGER refuse_title AFTER INSERT ON r57.task
		DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.refuse_title()"
	local out=$BATS_TEST_TMPDIR/heard n=100
	"$PGBIN/psql" -X -A -t -U "$PGSU" -d live -c "LISTEN r57_change" -c "SELECT pg_sleep(3)" \
		-c "SELECT 'done'" >"$out" 2>&1 &
	while [ "$(live_sql "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)'")" != 1 ]; do
		n=$((n - 1))
		[ $n -gt 0 ]
		sleep 0.05
	done
	run other add "Bị từ chối" --group 1
	[ "$status" -ne 0 ]
	run other add "Được ghi" --group 1
	[ "$status" -eq 0 ]
	local id seq
	id=$(added_id "$output")
	seq=$(live_sql "SELECT max(seq) FROM r57.entry")
	wait
	[ "$(grep -c 'notification "r57_change"' "$out")" = 1 ]
	grep -q "notification \"r57_change\" with payload \"$seq do $id\" received" "$out"
	live_sql "DROP TRIGGER refuse_title ON r57.task"
}

@test "pg live: an edit over another login's change since the screen read it is refused, naming binh; the text kept, saved on Enter" {
	other add "Việc tranh chấp" --group 1 >/dev/null
	local id
	id=$(live_sql "SELECT id FROM r57.task WHERE title = 'Việc tranh chấp'")
	tui_start --size 120x30 --db "$SCREEN_DB"
	wait_for "Việc tranh chấp"
	keys /
	type "tranh chấp"
	keys Enter
	keys j
	wait_selected "Việc tranh chấp"
	keys e
	wait_status "$(t 'Title: ')Việc tranh chấp"
	type " (lan)"
	wait_status "$(t 'Title: ')Việc tranh chấp (lan)"
	keys Enter
	wait_status "$(tl 'Product: ')"
	keys Enter
	wait_status "$(tl 'Notes: ')"
	# binh changes the task while lan's prompt is open: the screen is
	# told, but lan's edit was begun on the older row
	other edit "$id" --product "Bản của Bình" >/dev/null
	sleep 0.5
	keys Enter
	wait_for "$(t_before 'task #%lld was changed meanwhile by %s (#%lld: %s); nothing was saved' "$id" binh \
		"$(live_sql "SELECT max(seq) FROM r57.entry")" @@)"
	eq "$(live_sql "SELECT title || '|' || product FROM r57.task WHERE id = $id")" "Việc tranh chấp|Bản của Bình" \
		"the task after the refusal"
	# Enter again saves lan's text over it, by lan
	keys Enter
	wait_for "$(t 'Changed task #%lld' "$id")"
	eq "$(live_sql "SELECT title FROM r57.task WHERE id = $id")" "Việc tranh chấp (lan)" "the title saved"
	eq "$(live_sql "SELECT actor FROM r57.entry ORDER BY seq DESC LIMIT 1")" lan "the newest entry's actor"
}
