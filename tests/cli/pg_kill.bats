#!/usr/bin/env bats
# Killed clients and a server stopped at once lose no acknowledged action
# (issue 15, "Tests"): officials adding tasks as fast as they can, their
# r57 killed (SIGKILL) in the middle of whatever it was doing, then the
# server stopped without a shutdown (-m immediate, as a crash) and
# started again. Every task an r57 said it added is there, once, with
# its entry by its login; nothing half written is left; r57 check on the
# server finds the journal one unbroken chain that accounts for every row.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN" -c "CREATE ROLE binh LOGIN" \
		-c "CREATE ROLE chi LOGIN" >/dev/null || return 1
	(unset R57_ACTOR; "${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}" \
		--db "postgresql:///r57?host=$PGHOST&port=$PGPORT&user=$PGSU" init >/dev/null) || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d r57 -c "GRANT r57_editor TO lan, binh, chi" >/dev/null || return 1
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
}
teardown() { r57_teardown; }

sql() { "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d r57 -c "$1"; }

# adder LOGIN: add tasks "LOGIN n" one after the other until killed, each
# acknowledged line ("Added task #N: LOGIN n") kept in LOGIN.acked.
adder() {
	local who=$1 i=0
	while :; do
		i=$((i + 1))
		"$R57_BIN" --db "postgresql:///r57?host=$PGHOST&port=$PGPORT&user=$who" add "$who $i" \
			>>"$BATS_TEST_TMPDIR/$who.acked" 2>/dev/null
	done
}

@test "pg kill: clients killed mid-action and the server stopped at once lose no acknowledged action" {
	local who pids=()
	for who in lan binh chi; do
		: >"$BATS_TEST_TMPDIR/$who.acked"
		setsid bash -c "$(declare -f adder); R57_BIN='$R57_BIN' BATS_TEST_TMPDIR='$BATS_TEST_TMPDIR' \
			PGHOST='$PGHOST' PGPORT='$PGPORT' adder $who" &
		pids+=($!)
	done
	sleep 3
	# every client killed where it stands, then the server as in a crash
	for p in "${pids[@]}"; do kill -KILL -- "-$p" 2>/dev/null; done
	wait 2>/dev/null || true
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_DIR/sock -c listen_addresses= -p $PGPORT -c fsync=off -c TimeZone=Asia/Ho_Chi_Minh" \
		start >/dev/null
	local acked=0 line id title
	for who in lan binh chi; do
		while IFS= read -r line; do
			# "Added task #N: TITLE" (in this run's language: the number and the title)
			id=$(sed -n 's/^[^#]*#\([0-9]*\).*/\1/p' <<<"$line")
			title=${line##*: }
			[ -n "$id" ] || continue
			eq "$(sql "SELECT t.title || ' ' || e.actor FROM r57.task t JOIN r57.change_log c ON c.tbl = 5 AND c.row_id = t.id AND c.op = 1 JOIN r57.entry e ON e.seq = c.entry WHERE t.id = $id")" \
				"$title $who" "task #$id, acknowledged to $who (tbl 5: task, op 1: added)"
			acked=$((acked + 1))
		done <"$BATS_TEST_TMPDIR/$who.acked"
	done
	[ "$acked" -ge 6 ] || { echo "only $acked actions acknowledged in 3 s" >&2; return 1; }
	# no task without its add, no add without its task
	eq "$(sql "SELECT count(*) FROM r57.task")" \
		"$(sql "SELECT count(*) FROM r57.change_log WHERE tbl = 5 AND op = 1")" "tasks and their adds"
	ok --db "postgresql:///r57?host=$PGHOST&port=$PGPORT&user=lan" check
	eq "$output" "$(t ok)" "r57 check on the server after the crash"
}
