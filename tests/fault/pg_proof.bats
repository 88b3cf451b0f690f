#!/usr/bin/env bats
# tests/fault/pg_proof.bats: many officials at once on one PostgreSQL
# server (issue 15, docs/postgresql.md): 20 logins acting together on a
# private cluster (tests/pg/cluster.bash), judged by pg_concur.py as
# concur.py judges a file. make stress sets R57_CONCUR_PG_ACTIONS for the
# long form (200 each).

source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE concur" >/dev/null
}

teardown_file() {
	pg_stop
}

@test "20 logins at once on a server: every acknowledged action is its login's entry, in order; no lost update, no lock error" {
	ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	run python3 "$ROOT/tests/fault/pg_concur.py" --uri "postgresql:///concur?host=$PGHOST&port=$PGPORT" \
		--su "$PGSU" --procs 20 --actions "${R57_CONCUR_PG_ACTIONS:-20}"
	printf '# %s\n' "${lines[@]}" >&3
	[ "$status" -eq 0 ]
	[[ $output == *"acknowledged="* ]]
}
