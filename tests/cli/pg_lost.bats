#!/usr/bin/env bats
# A COMMIT whose answer is lost with the connection (issue 15, part 5):
# the server committed, the client never heard. r57 connects again, asks
# the server what became of its transaction (txid_status), and says the
# action done, never "nothing was changed", which would have a user (or
# the screen's kept prompt) do it twice. A proxy between r57 and the
# private cluster (tests/pg/commit_cut.py) drops that one answer; a
# transaction that never reached its COMMIT is still said as nothing
# changed.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE lan LOGIN" -c "CREATE DATABASE cut" \
		>/dev/null || return 1
	(unset R57_ACTOR; R57_TODAY=01/05/2025 "${R57_TEST_BIN:-$BATS_TEST_DIRNAME/../../r57}" \
		--db "postgresql:///cut?host=$PGHOST&port=$PGPORT&user=$PGSU" init >/dev/null) || return 1
	"$PGBIN/psql" -X -q -U "$PGSU" -d cut -c "GRANT r57_editor TO lan" >/dev/null || return 1
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
	PROXY_DIR=$(mktemp -d /tmp/r57-cut.XXXXXX)
	python3 "$BATS_TEST_DIRNAME/../pg/commit_cut.py" "$PROXY_DIR" "$PGPORT" \
		"$PGHOST/.s.PGSQL.$PGPORT" >"$PROXY_DIR/log" 2>&1 &
	PROXY_PID=$!
	local n=100
	until grep -q ready "$PROXY_DIR/log"; do
		n=$((n - 1))
		[ $n -gt 0 ] || { cat "$PROXY_DIR/log" >&2; return 1; }
		sleep 0.05
	done
	CUT="postgresql:///cut?host=$PROXY_DIR&port=$PGPORT&user=lan"
}

teardown() {
	kill "$PROXY_PID" 2>/dev/null
	wait "$PROXY_PID" 2>/dev/null
	rm -rf "$PROXY_DIR"
	r57_teardown
}

sql() { "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d cut -c "$1"; }

@test "pg lost: the answer to a COMMIT lost, the action written: said done, written once" {
	run --separate-stderr r57 --db "$CUT" add "Đã ghi mà không nghe" --group 1
	grep -q cut "$PROXY_DIR/log" # (the proxy did cut the answer)
	[ "$status" -eq 0 ]
	local id
	id=$(added_id "$output")
	eq "$(sql "SELECT count(*) FROM r57.task WHERE title = 'Đã ghi mà không nghe'")" 1 "tasks"
	eq "$(sql "SELECT id FROM r57.task WHERE title = 'Đã ghi mà không nghe'")" "$id" "the id said"
	# and the connection made again goes on
	ok --db "$CUT" add "Sau đó" --group 1
	eq "$(sql "SELECT count(*) FROM r57.task")" 2 "tasks"
}

@test "pg lost: the answer to a COMMIT lost, the transaction rolled back: said as nothing changed" {
	# a check at commit that refuses: the server rolls back, and the
	# proxy drops its answer
	sql "CREATE FUNCTION public.no_x() RETURNS trigger LANGUAGE plpgsql AS \$\$
		BEGIN IF NEW.title = 'Không ghi' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NULL; END \$\$"
	sql "CREATE CONSTRAINT TRIGGER no_x AFTER INSERT ON r57.task DEFERRABLE INITIALLY DEFERRED
		FOR EACH ROW EXECUTE FUNCTION public.no_x()"
	run --separate-stderr r57 --db "$CUT" add "Không ghi" --group 1
	sql "DROP TRIGGER no_x ON r57.task"
	grep -q cut "$PROXY_DIR/log"
	[ "$status" -eq 1 ]
	has "$stderr" "$(tmsg '%s: the connection to the server was lost while %s (%s); nothing was changed' | cut -d'%' -f2 | sed 's/^s: //')"
	eq "$(sql "SELECT count(*) FROM r57.task WHERE title = 'Không ghi'")" 0 "tasks"
}
