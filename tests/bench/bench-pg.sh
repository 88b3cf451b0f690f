#!/usr/bin/env bash
# bench-pg.sh: make bench-pg, the benchmark on a PostgreSQL server (issue
# 15, docs/bench.md "On a PostgreSQL server"). Run by tests/bench/bench.mk:
#
#   R57=... BIN=... DATA=... RESULTS=... bash tests/bench/bench-pg.sh [-q] N
#
# A private cluster of the machine's PostgreSQL, kept under
# $DATA/pg/N/ with the generated database of N tasks copied into it once
# (r57 copy --from $DATA/N/base.db, timed), and reused until base.db or
# the server's schema changes. The server keeps its default durability
# (fsync on, synchronous_commit on), unlike the tests' clusters: a write's
# figure includes its commit's flush to disk, as the SQLite bench's does.
#
# Then, on a copy of that database made for this run (CREATE DATABASE ...
# TEMPLATE):
#  - each single-task command timed against its psql floor: the same
#    statements that r57 sent in a trial run (log_statement = all), sent
#    by psql one at a time in the same transactions (tests/bench/pg-floor.py);
#    writes are put back before each run by the opposite r57 command
#    (reopen before close, redo before undo, ...), untimed, on both sides;
#  - import of N rows (tasks.csv) into a database with the units and no
#    task, and its undo, once each;
#  - 20 clients at once (tests/fault/pg_concur.py): actions a second, lost
#    updates, errors;
#  - the screen: its first screen, and the CPU time of a keystroke
#    (tests/bench/pty.c), and the statements (round trips) each key costs,
#    counted in the server's log.
# Prints the same table as bench.sh and writes $RESULTS/bench-pg-DATE.tsv.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck source=tests/pg/cluster.bash
source "$here/../pg/cluster.bash" # pg_bin, as_owner

quick=0
if [ "${1-}" = -q ]; then
	quick=1
	shift
fi
N=${1:-100000}
: "${R57:?}" "${BIN:?}" "${DATA:?}" "${RESULTS:?}"
if ! PGBIN=$(pg_bin); then
	echo "bench-pg: skipped: PostgreSQL's server is not installed (initdb, pg_ctl: apt-get install postgresql)"
	exit 0
fi
base=$DATA/$N/base.db
[ -f "$base" ] || { echo "bench-pg: $base is missing (make -f tests/bench/bench.mk data N=$N)" >&2; exit 1; }
CSV=$DATA/$N/tasks.csv
EMPTY=$DATA/empty.db
export R57_TODAY=30/06/2025 LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh
unset R57_ACTOR R57_DB # (the actor on a server is the login: bench)
TODAY=2025-06-30
TITLE='Triển khai nền tảng trợ lý ảo AI cho cán bộ, công chức tại các xã, phường'
PRODUCT='Hệ thống được đưa vào vận hành'

if [ "$quick" = 1 ]; then
	ROUNDS=2 BUDGET=1000 MINR=3 MAXR=8 START_RUNS=3 KEY_PAIRS=3 CONCUR_ACTIONS=20
else
	ROUNDS=3 BUDGET=1500 MINR=5 MAXR=12 START_RUNS=5 KEY_PAIRS=3 CONCUR_ACTIONS=${PG_CONCUR_ACTIONS:-50}
fi
SCREEN_SIZE=120x40 KEY_BUDGET=3000
PGSU=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)

# --- the cluster ----------------------------------------------------------------
CL=$DATA/pg/$N
SOCK=$(mktemp -d /tmp/r57-bench-pg.XXXXXX) || exit 1
chmod 755 "$SOCK"
[ "$(id -u)" = 0 ] && chown postgres: "$SOCK"
PORT=$((20000 + RANDOM % 20000))
LOG=$CL/server.log
started=0
stop() {
	[ "$started" = 1 ] && as_owner "$PGBIN/pg_ctl" -D "$CL/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$SOCK"
}
trap stop EXIT
start() {
	as_owner "$PGBIN/pg_ctl" -D "$CL/data" -l "$LOG" -w -t 120 \
		-o "-k $SOCK -c listen_addresses= -p $PORT" start >/dev/null 2>&1 ||
		{ echo "bench-pg: the server did not start:" >&2; tail -n 5 "$LOG" >&2; exit 1; }
	started=1
}
# psql as the superuser on database $1
su_sql() {
	local db=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" \
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U "$PGSU" -d "$db" "$@"
}
uri() { echo "postgresql:///$1?host=$SOCK&port=$PORT&user=${2:-bench}"; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

loaded=$CL/.loaded
if [ ! -f "$loaded" ] || [ "$base" -nt "$loaded" ] || ! cmp -s "$top/src/store/pg_schema.sql" "$CL/pg_schema.sql"; then
	echo "bench-pg: a cluster for N=$N in $CL: r57 copy of $base (minutes, once)"
	[ ! -f "$CL/data/postmaster.pid" ] || as_owner "$PGBIN/pg_ctl" -D "$CL/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$CL"
	mkdir -p "$CL/data"
	[ "$(id -u)" = 0 ] && chown -R postgres: "$CL"
	as_owner "$PGBIN/initdb" -D "$CL/data" -U "$PGSU" -A trust -E UTF8 --locale=C.UTF-8 >"$CL/initdb.log" 2>&1 ||
		{ cat "$CL/initdb.log" >&2; exit 1; }
	start
	su_sql postgres -c "ALTER SYSTEM SET log_line_prefix = '%p '" -c "ALTER SYSTEM SET TimeZone = 'Asia/Ho_Chi_Minh'" \
		-c "SELECT pg_reload_conf()" -c "CREATE DATABASE base" -c "CREATE ROLE bench LOGIN" >/dev/null
	"$R57" --db "$(uri base "$PGSU")" init >/dev/null || exit 1
	t0=$(now_ns)
	"$R57" --db "$(uri base "$PGSU")" copy --from "$base" >"$CL/copy.out" 2>&1 ||
		{ echo "bench-pg: r57 copy failed:" >&2; cat "$CL/copy.out" >&2; exit 1; }
	ms_since "$t0" >"$CL/copy_ms"
	su_sql base -c "GRANT r57_admin TO bench" -c "VACUUM ANALYZE" >/dev/null
	cp "$top/src/store/pg_schema.sql" "$CL/pg_schema.sql"
	touch "$loaded"
else
	start
fi

# --- this run's database, and the figures' file ------------------------------------
su_sql postgres -c "DROP DATABASE IF EXISTS work WITH (FORCE)" -c "CREATE DATABASE work TEMPLATE base STRATEGY FILE_COPY" >/dev/null
URI=$(uri work)
q() { su_sql work -c "$1"; }
run=$DATA/$N/pg-run
rm -rf "$run"
mkdir -p "$run/sql" "$RESULTS"
stamp=$(date +%Y%m%d-%H%M%S)
tsv=$RESULTS/bench-pg-$stamp.tsv
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
pgver=$(su_sql postgres -c "SHOW server_version")
rev=$(cd "$top" && git rev-parse --short HEAD 2>/dev/null || echo '?')
(cd "$top" && git diff --quiet HEAD -- src include 2>/dev/null) || rev="$rev+changes"
{
	printf '# date\t%s\n' "$(date -Iseconds)"
	printf '# machine\t%s cores\t%s\t%s\n' "$(nproc)" "$cpu" "$(uname -sr)"
	printf '# postgresql\t%s\tfsync %s\tsynchronous_commit %s\tshared_buffers %s\n' "$pgver" \
		"$(su_sql postgres -c 'SHOW fsync')" "$(su_sql postgres -c 'SHOW synchronous_commit')" \
		"$(su_sql postgres -c 'SHOW shared_buffers')"
	printf '# r57\t%s\t%s\n' "$rev" "$R57"
	printf 'op\tN\tr57_median_ms\tr57_min_ms\tr57_max_ms\tr57_runs\tfloor_median_ms\tfloor_min_ms\tfloor_max_ms\tfloor_runs\tratio\tr57_peak_kb\tnote\n'
} >"$tsv"
echo "bench-pg: $(nproc) cores, $cpu; PostgreSQL $pgver (fsync $(su_sql postgres -c 'SHOW fsync')), Unix socket; r57 $rev"
printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' op N 'r57 med' min max 'floor med' ratio 'peak KB' note
printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s\n' '' '' ms ms ms ms 'r57/fl' r57
row() { # name r57_med min max runs floor_med fmin fmax fruns ratio kb note
	printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' "$1" "$N" "$2" "$3" "$4" "$6" "${10}" "${11}" "${12}"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$N" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" \
		"${10}" "${11}" "${12}" >>"$tsv"
}

# The copy that made the cluster (once; its time kept with the cluster)
cm=$(cat "$CL/copy_ms" 2>/dev/null || echo -)
row copy-in "$cm" - - 1 - - - 0 - - "r57 copy --from base.db, once, when the cluster was made; $(sed -n 's/.*: \([0-9]* tasks, [0-9]* journal entries\).*/\1/p' "$CL/copy.out")"

# --- the task acted on, the names ------------------------------------------------------
K=$(q "SELECT id FROM r57.task WHERE status = 'open' AND due >= '$TODAY' AND id >= $N / 2 ORDER BY id LIMIT 1")
K2=$(q "SELECT id FROM r57.task WHERE status = 'open' AND due >= '$TODAY' AND id > $K ORDER BY id LIMIT 1")
LEADER=$(q "SELECT name FROM r57.leader WHERE id = 7")
UNIT=$(q "SELECT name FROM r57.unit WHERE id = 1")
WITH=$(q "SELECT name FROM r57.unit WHERE id = 2")
LEADER2=$(q "SELECT name FROM r57.leader WHERE id = 8")
UNIT2=$(q "SELECT name FROM r57.unit WHERE id = 3")
LEADER0=$(q "SELECT coalesce(l.name, '') FROM r57.task t LEFT JOIN r57.leader l ON l.id = t.leader_id WHERE t.id = $K")
UNIT0=$(q "SELECT coalesce(u.name, '') FROM r57.task t LEFT JOIN r57.unit u ON u.id = t.unit_id WHERE t.id = $K")
# warm the server's caches as an office server would be: one status
"$R57" --db "$URI" status >/dev/null

R57Q="$R57 --db '$URI'"
trace_on() { su_sql postgres -c "ALTER ROLE bench SET log_statement = 'all'" >/dev/null; }
trace_off() { su_sql postgres -c "ALTER ROLE bench RESET log_statement" >/dev/null; }
log_at() { stat -c %s "$LOG"; }

# Median, min, max (ms) and count of one command's times over all rounds.
stats() {
	jq -rs --arg n "$1" '[.[].results[] | select(.command == $n) | .times[]] | sort
		| (length) as $c
		| (if $c % 2 == 1 then .[($c - 1) / 2] else (.[$c / 2 - 1] + .[$c / 2]) / 2 end) as $m
		| [$m, .[0], .[-1]] | map(. * 1000 * 1000 | round / 1000) + [$c] | @tsv' \
		"$run/$name".*.json
}

# One command. $1 name, $2 r57's arguments (shell words), $3 the command
# that puts the state back before each run ("" for none), $4 yes: the
# command adds a task (its id read from r57's output, for the floor).
bench_op() {
	name=$1 args=$2 prep=$3 adds=${4:-}
	r57_cmd="$R57Q $args"
	# the trial: r57 once, its statements logged, made into the floor
	[ -z "$prep" ] || eval "$prep" >/dev/null 2>&1
	trace_on
	at=$(log_at)
	note=""
	t0=$(now_ns)
	if ! eval "$r57_cmd" >"$run/$name.out" 2>"$run/$name.err"; then
		trace_off
		row "$name" - - - 0 - - - 0 - - "r57 failed: $(head -n 1 "$run/$name.err" | cut -c 1-100)"
		return
	fi
	est=$(ms_since "$t0")
	trace_off
	tail -c +$((at + 1)) "$LOG" >"$run/$name.log"
	set --
	[ -z "$adds" ] || set -- --new-id "$(grep -o '#[0-9]*' "$run/$name.out" | head -n 1 | tr -d '#')"
	python3 "$here/pg-floor.py" "$run/$name.log" "$@" >"$run/sql/$name.sql"
	stmts=$(grep -c '^[0-9]* LOG:  \(execute\|statement\)' "$run/$name.log")
	floor_cmd="$PGBIN/psql -X -q -o /dev/null -d '$URI' -f $run/sql/$name.sql"
	[ -z "$prep" ] || eval "$prep" >/dev/null 2>&1
	if ! eval "$floor_cmd" >"$run/$name.floor.out" 2>"$run/$name.floor.err"; then
		row "$name" - - - 0 - - - 0 - - "the floor failed: $(head -n 1 "$run/$name.floor.err" | cut -c 1-100)"
		return
	fi
	per=$(awk -v t="$est" -v b="$BUDGET" -v lo="$MINR" -v hi="$MAXR" \
		'BEGIN { n = t > 0 ? int(b / t) : hi; if (n < lo) n = lo; if (n > hi) n = hi; print n }')
	r=1
	while [ $r -le "$ROUNDS" ]; do
		set -- -N --style none --export-json "$run/$name.$r.json" --warmup 1 --runs "$per"
		[ -z "$prep" ] || set -- "$@" --prepare "$prep"
		if [ $((r % 2)) = 1 ]; then
			set -- "$@" -n r57 "$r57_cmd" -n floor "$floor_cmd"
		else
			set -- "$@" -n floor "$floor_cmd" -n r57 "$r57_cmd"
		fi
		if ! hyperfine "$@" >"$run/$name.hyperfine" 2>&1; then
			row "$name" - - - 0 - - - 0 - - "hyperfine failed: $(grep -m 1 -i error "$run/$name.hyperfine" | cut -c 1-100)"
			return
		fi
		r=$((r + 1))
	done
	# shellcheck disable=SC2046
	set -- $(stats floor)
	f_med=$1 f_min=$2 f_max=$3 f_runs=$4
	# shellcheck disable=SC2046
	set -- $(stats r57)
	[ -z "$prep" ] || eval "$prep" >/dev/null 2>&1
	kb=$(eval "/usr/bin/time -f %M -o $run/mem $r57_cmd" >/dev/null 2>&1; tail -n 1 "$run/mem")
	ratio=$(awk -v a="$1" -v b="$f_med" 'BEGIN { printf "%.2f", a / b }')
	note="$stmts statements"
	awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && note="$note; ratio > 2"
	row "$name" "$1" "$2" "$3" "$4" "$f_med" "$f_min" "$f_max" "$f_runs" "$ratio" "$kb" "$note"
}

bench_op add "add '$TITLE' --group 1 --leader '$LEADER' --unit '$UNIT' --with '$WITH' --due 31/12/2025 --product '$PRODUCT' --source 97-CTr/TU --year 2025" "" yes
bench_op close "close $K" "$R57Q reopen $K"
bench_op assign "assign $K --leader '$LEADER2' --unit '$UNIT2'" "$R57Q assign $K --leader '$LEADER0' --unit '$UNIT0'"
# undo and redo: of bench's close of K2, undone and redone by turns
"$R57" --db "$URI" close "$K2" >/dev/null
bench_op undo "undo" "sh -c \"$R57Q redo || true\""
bench_op redo "redo" "sh -c \"$R57Q undo || true\""
bench_op show "show $K" ""
bench_op list50 "list --limit 50" ""
bench_op status "status" ""

# --- import, and its undo: once each -------------------------------------------------------
UNDO_LIMIT=${PG_UNDO_LIMIT:-90}
# The undo of the import, timed once, given UNDO_LIMIT seconds at most.
undo_once() {
	t0=$(now_ns)
	timeout "$UNDO_LIMIT" "$R57" --db "$(uri imp)" undo >"$run/$1.out" 2>&1
	urc=$?
	if [ "$urc" = 0 ]; then
		row "$1" "$(ms_since "$t0")" - - 1 - - - 0 - - "$2"
	elif [ "$urc" = 124 ]; then
		row "$1" - - - 0 - - - 0 - - "$2; not done in ${UNDO_LIMIT} s: stopped"
		su_sql postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'imp' AND usename = 'bench'" >/dev/null
		sleep 1
	else
		row "$1" - - - 0 - - - 0 - - "r57 failed: $(head -n 1 "$run/$1.out" | cut -c 1-100)"
	fi
}
su_sql postgres -c "DROP DATABASE IF EXISTS imp WITH (FORCE)" -c "CREATE DATABASE imp" >/dev/null
"$R57" --db "$(uri imp "$PGSU")" init >/dev/null &&
	"$R57" --db "$(uri imp "$PGSU")" copy --from "$EMPTY" >/dev/null &&
	su_sql imp -c "GRANT r57_admin TO bench" >/dev/null
t0=$(now_ns)
if "$R57" --db "$(uri imp)" import "$CSV" >"$run/import.out" 2>&1; then
	row import "$(ms_since "$t0")" - - 1 - - - 0 - - "$N rows of tasks.csv, once: $(grep -o '[0-9]* added' "$run/import.out")"
	# Its undo, at once, as an official who sees a wrong import would: the
	# server has no statistics of the new rows yet (autovacuum gathers them
	# a minute later, or more); then the same after ANALYZE.
	undo_once import-undo "undo at once, no statistics yet"
	if [ "$urc" != 0 ] || "$R57" --db "$(uri imp)" redo >/dev/null 2>&1; then
		su_sql imp -c "ANALYZE" >/dev/null
		undo_once import-undo-a "the same after ANALYZE"
	fi
else
	row import - - - 0 - - - 0 - - "r57 failed: $(head -n 1 "$run/import.out" | cut -c 1-100)"
fi
su_sql postgres -c "DROP DATABASE imp WITH (FORCE)" >/dev/null

# --- 20 clients at once ----------------------------------------------------------------------
su_sql postgres -c "DROP DATABASE IF EXISTS concur WITH (FORCE)" -c "CREATE DATABASE concur" >/dev/null
R57_BIN=$R57 python3 "$top/tests/fault/pg_concur.py" --uri "postgresql:///concur?host=$SOCK&port=$PORT" \
	--su "$PGSU" --procs 20 --actions "$CONCUR_ACTIONS" --timeout 300 >"$run/concur.out" 2>&1
crc=$?
line=$(grep -m 1 '^pg_concur:' "$run/concur.out")
fig() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
acts=$(fig actions) secs=$(fig seconds)
tput=$(awk -v a="${acts:-0}" -v s="${secs:-0}" 'BEGIN { if (s > 0) printf "%.1f", a / s; else print "-" }')
if [ "$crc" = 0 ]; then cnote="checks held"; else cnote="CHECKS FAILED: $(grep -v '^pg_concur:\|^  refused' "$run/concur.out" | head -n 1 | cut -c 1-80)"; fi
row concur-20 "$(fig run_ms_median)" - "$(fig run_ms_max)" "${acts:-0}" - - - 0 - - \
	"$tput actions/s; 20 logins x $CONCUR_ACTIONS actions on 4 tasks of a database of their own; lost=$(fig lost) lock_errors=$(fig lock_errors) other_errors=$(fig other_errors) refused=$(fig refused) hangs=$(fig hangs); $cnote"
su_sql postgres -c "DROP DATABASE concur WITH (FORCE)" >/dev/null

# --- the screen ------------------------------------------------------------------------------
col_stats() {
	awk -F'\t' -v c="$2" '$c != "-" { v[n++] = $c + 0 }
		END {
			if (!n) { print "- - - 0"; exit }
			for (i = 1; i < n; i++) { x = v[i]; for (j = i - 1; j >= 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
			m = n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
			printf "%.3f %.3f %.3f %d\n", m, v[0], v[n - 1], n
		}' "$1"
}
status_med=$(awk -F'\t' '$1 == "status" { print $3 }' "$tsv")
bench_screen() {
	name=$1 keys=$2 runs=$3
	set -- -s "$SCREEN_SIZE" -n "$runs" -t 120
	[ -z "$keys" ] || set -- "$@" -k "$keys" -b "$KEY_BUDGET"
	out=$run/$name.pty
	if ! "$BIN/pty" "$@" -- "$R57" --db "$URI" >"$out" 2>"$out.err"; then
		row "$name" - - - 0 - - - 0 - - "screen failed: $(grep -v "last words" "$out.err" | head -n 1 | cut -c 1-100)"
		return
	fi
	kb=$(awk -F'\t' '$6 > m { m = $6 } END { print m + 0 }' "$out")
	if [ -z "$keys" ]; then
		# shellcheck disable=SC2046
		set -- $(col_stats "$out" 1)
		ratio=$(awk -v a="$1" -v b="${status_med:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
		note="against r57 status"
		awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && note="$note; over 2x status"
		row "$name" "$1" "$2" "$3" "$4" "${status_med:--}" - - 0 "$ratio" "$kb" "$note"
		return
	fi
	# shellcheck disable=SC2046
	set -- $(col_stats "$out" 5)
	k=$(awk -F'\t' 'NR == 1 || $4 < k { k = $4 } END { print k }' "$out")
	# the statements a key costs: one pair more, logged; the run with keys
	# is the process with more statements, the other its start alone
	trace_on
	at=$(log_at)
	"$BIN/pty" -s "$SCREEN_SIZE" -n 1 -t 120 -k "$keys" -b "$KEY_BUDGET" -- "$R57" --db "$URI" >"$out.1" 2>/dev/null
	trace_off
	kk=$(awk -F'\t' '{ print $4 }' "$out.1")
	rt=$(tail -c +$((at + 1)) "$LOG" | grep '^[0-9]* LOG:  \(execute\|statement\)' | awk '{ n[$1]++ }
		END { a = -1; b = -1; for (p in n) { if (b < 0 || n[p] > b) { a = b; b = n[p] } else if (a < 0 || n[p] > a) a = n[p] } print a, b }')
	# shellcheck disable=SC2086 # (two numbers, split on purpose)
	set -- "$@" $rt
	per=$(awk -v a="$5" -v b="$6" -v k="${kk:-0}" 'BEGIN { if (k > 0 && a >= 0) printf "%.2f", (b - a) / k; else print "-" }')
	note="$k keys; $per statements (round trips) a key"
	awk -v m="$1" 'BEGIN { exit !(m > 1) }' && note="$note; over 1 ms"
	row "$name" "$1" "$2" "$3" "$4" - - - 0 - "$kb" "$note"
}
bench_screen screen-start "" "$START_RUNS"
bench_screen key-move move:300 "$KEY_PAIRS"
bench_screen key-page page:160 "$KEY_PAIRS"
bench_screen key-filter filter:2 "$KEY_PAIRS"

su_sql postgres -c "DROP DATABASE work WITH (FORCE)" >/dev/null
cp "$tsv" "$RESULTS/latest-pg.tsv"
echo "bench-pg: results in $tsv"
