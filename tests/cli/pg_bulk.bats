#!/usr/bin/env bats
# Import and copy of thousands of rows on a PostgreSQL server (issue 15's
# benchmark): the rows go hundreds to a round trip (src/store/pg_pipe.c),
# and what they leave is what a file gets from the same rows, with the same
# journal: every row and coordinating unit, one entry that undo removes
# whole and redo brings back; a failure among them leaves nothing.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE ROLE chi LOGIN; CREATE ROLE binh LOGIN" >/dev/null
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
	DB=t$BATS_TEST_NUMBER
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE $DB" >/dev/null
	URI="postgresql:///$DB?host=$PGHOST&port=$PGPORT"
}
teardown() { r57_teardown; }

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d "$DB" -c "$1"
}

# The server with chi an admin, binh a viewer, and three units.
made() {
	run --separate-stderr r57 --db "$URI&user=$PGSU" init
	[ "$status" -eq 0 ] || { echo "init: $stderr" >&2; return 1; }
	sql "GRANT r57_admin TO chi; GRANT r57_viewer TO binh"
	for u in "Sở Nội vụ" "Sở Tài chính" "Sở Xây dựng"; do
		r57 --db "$URI&user=chi" unit add "$u" >/dev/null
	done
}

# N rows of a CSV, each with a lead unit and, every other row, two
# coordinating units: 2.5 statements a row, thousands of round trips
# before the pipeline.
csv() {
	{
		echo "title,unit,units,due"
		for i in $(seq 1 "$1"); do
			if [ $((i % 2)) = 0 ]; then
				echo "Nhiệm vụ số $i,Sở Nội vụ,Sở Tài chính; Sở Xây dựng,31/12/2025"
			else
				echo "Nhiệm vụ số $i,Sở Tài chính,,30/09/2025"
			fi
		done
	} >"$2"
}

# The tasks of an export, as both stores give them (no uuid, no times).
tasks() {
	jq -S '.tasks | map(del(.uuid, .updated))' "$1"
}

@test "pg bulk: 3,001 rows imported on the server: the same tasks and units as in a file, one entry, undone whole and redone" {
	made
	csv 3001 "$BATS_TEST_TMPDIR/big.csv"
	# the same rows into a file, for comparison
	for u in "Sở Nội vụ" "Sở Tài chính" "Sở Xây dựng"; do
		R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/f.db" unit add "$u" >/dev/null
	done
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/f.db" import "$BATS_TEST_TMPDIR/big.csv" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/f.db" export --format json -o "$BATS_TEST_TMPDIR/file.json" >/dev/null

	ok --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/big.csv"
	eq "$(sql "SELECT count(*), count(DISTINCT uuid), min(id), max(id) FROM r57.task")" "3001|3001|1|3001" "tasks"
	eq "$(sql "SELECT count(*) FROM r57.task_unit")" 3000 "coordinating units"
	ok --db "$URI&user=binh" export --format json -o "$BATS_TEST_TMPDIR/server.json"
	eq "$(tasks "$BATS_TEST_TMPDIR/server.json")" "$(tasks "$BATS_TEST_TMPDIR/file.json")" "the tasks, from the server and from the file"
	# one entry, each row and unit journaled under it, in the order given
	eq "$(sql "SELECT count(*) FROM r57.entry WHERE actor = 'chi' AND summary LIKE '%big.csv%'")" 1 "entries"
	eq "$(sql "SELECT count(*) FILTER (WHERE tbl = 5), count(*) FILTER (WHERE tbl = 6) FROM r57.change_log c JOIN r57.entry e ON e.seq = c.entry WHERE e.summary LIKE '%big.csv%' AND c.op = 1")" "3001|3000" "rows journaled"
	eq "$(sql "SELECT count(*) FROM r57.change_log a JOIN r57.change_log b ON b.id = a.id + 1 WHERE a.tbl = 6 AND b.tbl = 6 AND b.row_id = a.row_id + 1 AND b.v1 <> a.v1")" 0 "a task's units follow the task"
	# the next task has the next id
	ok --db "$URI&user=chi" add "After the import"
	has "$output" "#3002"

	ok --db "$URI&user=chi" undo
	ok --db "$URI&user=chi" undo
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.task_unit")" "0 0" "tasks and units after the undo"
	ok --db "$URI&user=chi" redo
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.task_unit")" "3001 3000" "after the redo"
	ok --db "$URI&user=binh" export --format json -o "$BATS_TEST_TMPDIR/redone.json"
	eq "$(tasks "$BATS_TEST_TMPDIR/redone.json")" "$(tasks "$BATS_TEST_TMPDIR/file.json")" "the tasks after the redo"
}

@test "pg bulk: a row the server refuses in the middle of an import: the server's sentence, nothing written" {
	made
	csv 1800 "$BATS_TEST_TMPDIR/big.csv"
	# the 1,234th task breaks a rule of the server's own
	sql "ALTER TABLE r57.task ADD CONSTRAINT bench_no_1234 CHECK (title <> 'Nhiệm vụ số 1234')"
	run --separate-stderr r57 --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/big.csv"
	[ "$status" -ne 0 ]
	has "$stderr" "bench_no_1234"
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.task_unit")" "0 0" "tasks and units"
	eq "$(sql "SELECT count(*) FROM r57.entry WHERE actor = 'chi' AND kind = 'do' AND summary LIKE '%big.csv%'")" 0 "entries"
	# the connection is still good for the next command
	ok --db "$URI&user=chi" add "After"
	has "$output" "#"
}

@test "pg bulk: r57 copy of 2,500 tasks with their history, to the server and back: the same database" {
	for u in "Sở Nội vụ" "Sở Tài chính" "Sở Xây dựng"; do
		R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" unit add "$u" >/dev/null
	done
	csv 2500 "$BATS_TEST_TMPDIR/big.csv"
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" import "$BATS_TEST_TMPDIR/big.csv" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" close 7 >/dev/null
	ok --db "$URI&user=$PGSU" init
	ok --db "$URI&user=$PGSU" copy --from "$BATS_TEST_TMPDIR/a.db"
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.task_unit") $(sql "SELECT count(*) FROM r57.change_log")" \
		"2500 2500 $(sqlite3 "$BATS_TEST_TMPDIR/a.db" "SELECT count(*) FROM change_log")" "tasks, units, changes"
	ok --db "$URI&user=$PGSU" copy --to "$BATS_TEST_TMPDIR/b.db"
	# the journal's chain came through whole (r57 check, on the file)
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" check
	for f in a b; do
		R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/$f.db" export --format json -o "$BATS_TEST_TMPDIR/$f.json" >/dev/null
		R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/$f.db" history --limit 5 >"$BATS_TEST_TMPDIR/$f.history"
	done
	eq "$(jq -S . "$BATS_TEST_TMPDIR/b.json")" "$(jq -S . "$BATS_TEST_TMPDIR/a.json")" "the tasks, copied there and back"
	eq "$(cat "$BATS_TEST_TMPDIR/b.history")" "$(cat "$BATS_TEST_TMPDIR/a.history")" "the history"
}
