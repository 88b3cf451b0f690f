#!/bin/sh
# bench.sh: time r57 against the SQLite floor, one size after another.
#
#   tests/bench/bench.sh [-q] N...
#
# Run by tests/bench/bench.mk (make bench), which builds the tools and the
# databases first. Each operation is a whole process, timed by hyperfine
# over repeated runs beside "the floor": the same reads and writes done by
# the sqlite3 shell on the same file with the same pragmas (floor/*.sql).
# Writes run on a copy that is reset before every run. Then the screen, on
# a pseudo-terminal driven by tests/bench/pty.c: start to the first full
# screen (beside r57's own status), and the CPU time of a keystroke.
# docs/bench.md says how to read the table.
#
# Environment (bench.mk sets them):
#   R57      the optimised r57 to time; empty: time the floor alone
#   R57_SRC  what it was built from: "tree" or "HEAD <commit>"
#   BIN      folder with the gen, reset and pty tools
#   DATA     folder with N/base.db per size        (bench/data)
#   RESULTS  folder for the TSV                    (bench/results)
#   SQLITE   the sqlite3 shell                     (sqlite3)
set -eu

quick=0
if [ "${1:-}" = "-q" ]; then
	quick=1
	shift
fi
[ $# -gt 0 ] || { echo "usage: bench.sh [-q] N..." >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
R57=${R57:-}
BIN=${BIN:?BIN: the folder of the gen and reset tools}
DATA=${DATA:-bench/data}
RESULTS=${RESULTS:-bench/results}
SQLITE=${SQLITE:-sqlite3}
case $DATA in /*) ;; *) DATA=$(pwd)/$DATA ;; esac
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case $R57 in ''|/*) ;; *) R57=$(pwd)/$R57 ;; esac

for tool in hyperfine jq /usr/bin/time "$SQLITE"; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is missing; run: tools/need-packages hyperfine jq time sqlite3" >&2
		exit 1
	}
done

# r57's clock and actor, pinned so every run does the same thing.
export R57_TODAY=30/06/2025 R57_ACTOR=bench
TODAY=2025-06-30
NOW=2025-06-30T10:00:00+07:00
SINCE=2025-05-31
TITLE='Triển khai nền tảng trợ lý ảo AI cho cán bộ, công chức tại các xã, phường'
PRODUCT='Hệ thống được đưa vào vận hành'

# Runs come in rounds, r57 and the floor taking turns, so that load from
# elsewhere on the machine falls on both sides alike. Each round runs each
# command about BUDGET ms, at least MINR and at most MAXR times.
if [ "$quick" = 1 ]; then
	ROUNDS=2 BUDGET=1000 MINR=3 MAXR=10 MEMRUNS=1
else
	ROUNDS=3 BUDGET=1500 MINR=5 MAXR=15 MEMRUNS=3
fi
# The screen: runs of the first screen, and pairs (no keys, K keys) per
# keystroke row; the keys of each row (tests/bench/pty.c), and the most
# wall time one run may spend on its keys (ms; it stops after a round).
if [ "$quick" = 1 ]; then
	START_RUNS=5 KEY_PAIRS=3
else
	START_RUNS=10 KEY_PAIRS=5
fi
SCREEN_SIZE=120x40 KEY_BUDGET=3000
KEYS_MOVE=move:300 KEYS_PAGE=page:160 KEYS_FILTER=filter:2

# --- the machine, once -----------------------------------------------------
mkdir -p "$RESULTS"
stamp=$(date +%Y%m%d-%H%M%S)
tsv=$RESULTS/bench-$stamp.tsv
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
ncpu=$(nproc 2>/dev/null || echo '?')
sqlver=$("$SQLITE" --version | cut -d' ' -f1)
rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
case ${R57_SRC:-tree} in
tree) git diff --quiet HEAD -- src include 2>/dev/null || rev="$rev+changes" ;;
*) rev="${R57_SRC#HEAD } (HEAD: the working tree does not build)" ;;
esac
{
	printf '# date\t%s\n' "$(date -Iseconds)"
	printf '# machine\t%s cores\t%s\t%s\n' "$ncpu" "$cpu" "$(uname -sr)"
	printf '# sqlite\t%s\n' "$sqlver"
	printf '# r57\t%s\t%s\n' "$rev" "${R57:-not built}"
	printf '# mode\t%s\n' "$([ "$quick" = 1 ] && echo quick || echo full)"
	printf '# screen\t%s\t%s %s %s\tkey rows: CPU ms per key\n' "$SCREEN_SIZE" "$KEYS_MOVE" "$KEYS_PAGE" "$KEYS_FILTER"
	printf 'op\tN\tr57_median_ms\tr57_min_ms\tr57_max_ms\tr57_runs\tfloor_median_ms\tfloor_min_ms\tfloor_max_ms\tfloor_runs\tratio\tr57_peak_kb\tfloor_peak_kb\n'
} > "$tsv"

echo "bench: $ncpu cores, $cpu; SQLite $sqlver; r57 $rev${R57:+ ($R57)}"
[ -n "$R57" ] || echo "bench: no r57 binary: timing the floor alone"
printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' \
	op N 'r57 med' min max 'floor med' ratio 'peak KB' note
printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s\n' \
	'' '' ms ms ms ms 'r57/fl' r57

# --- helpers ---------------------------------------------------------------

# A value made safe for the right side of a sed s|||.
sed_safe() {
	printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

# floor/OP.sql with the pragmas and this size's values, into $run/sql/.
render() {
	{
		cat "$here/floor/pragmas.sql"
		sed -e "s|@K@|$K|g" -e "s|@TODAY@|$TODAY|g" -e "s|@NOW@|$NOW|g" \
		    -e "s|@SINCE@|$SINCE|g" -e "s|@TITLE@|$(sed_safe "$TITLE")|g" \
		    -e "s|@LEADER@|$(sed_safe "$LEADER")|g" -e "s|@UNIT@|$(sed_safe "$UNIT")|g" \
		    -e "s|@WITH@|$(sed_safe "$WITH")|g" -e "s|@LEADER2@|$(sed_safe "$LEADER2")|g" \
		    -e "s|@UNIT2@|$(sed_safe "$UNIT2")|g" -e "s|@CSV@|$(sed_safe "$CSV")|g" \
		    "$here/floor/$1.sql"
	} > "$run/sql/$1.sql"
}

# Median, min, max (ms) and count of one command's times over all rounds.
stats() {
	jq -rs --arg n "$1" '[.[].results[] | select(.command == $n) | .times[]] | sort
		| (length) as $c
		| (if $c % 2 == 1 then .[($c - 1) / 2] else (.[$c / 2 - 1] + .[$c / 2]) / 2 end) as $m
		| [$m, .[0], .[-1]] | map(. * 1000 * 1000 | round / 1000) + [$c] | @tsv' \
		"$run/$name".*.json
}

now_ns() { date +%s%N; }

# Peak resident memory (KB), the largest of $MEMRUNS runs. $1: the prepare
# command or "", then the command as shell words.
peak() {
	prep=$1
	shift
	best=0
	i=0
	while [ $i -lt "$MEMRUNS" ]; do
		[ -z "$prep" ] || eval "$prep"
		/usr/bin/time -f %M -o "$run/mem" "$@" >/dev/null 2>&1 || true
		kb=$(tail -n 1 "$run/mem")
		[ "$kb" -gt "$best" ] 2>/dev/null && best=$kb
		i=$((i + 1))
	done
	echo "$best"
}

# One operation. $1 name, $2 db to reset the work copy from before every
# run ("" for reads: reset once), $3 the floor's SQL file name, $4 r57's
# arguments (shell words), $5 extra hyperfine options.
bench_op() {
	name=$1 src=$2 sql=$3 args=$4 extra=${5:-} pipe=${6:-}
	work=$run/work.db
	render "$sql"
	floor_cmd="$SQLITE -batch -init /dev/null $work '.read $run/sql/$sql.sql'"
	r57_cmd="$R57 --db $work $args"
	# a pipe after both (| head -n 50): each side through sh, whose start
	# is in both times alike
	spawn=-N
	if [ -n "$pipe" ]; then
		floor_cmd="$floor_cmd $pipe"
		r57_cmd="$r57_cmd $pipe"
		spawn=--shell=sh
	fi
	if [ -n "$src" ]; then
		prep="$BIN/reset $src $work"
	else
		prep=""
		"$BIN/reset" "$base" "$work"
	fi

	# Each side once, untimed: it must succeed, or it is not measured; its
	# time sets the number of runs.
	note=""
	have_r57=0
	est=0
	if [ -n "$R57" ]; then
		[ -z "$prep" ] || $prep
		t0=$(now_ns)
		if eval "$r57_cmd" > "$run/$name.out" 2> "$run/$name.err"; then
			have_r57=1
			est=$(( ($(now_ns) - t0) / 1000000 ))
		else
			note="r57 failed: $(head -n 1 "$run/$name.err" | cut -c 1-100)"
		fi
	fi
	[ -z "$prep" ] || $prep
	t0=$(now_ns)
	if ! eval "$floor_cmd" > "$run/$name.floor.out" 2> "$run/$name.floor.err" ||
	   [ -s "$run/$name.floor.err" ]; then
		echo "bench: the floor of $name failed:" >&2
		cat "$run/$name.floor.err" >&2
		exit 1
	fi
	t1=$(( ($(now_ns) - t0) / 1000000 ))
	[ "$t1" -le "$est" ] || est=$t1
	per=$(awk -v t="$est" -v b="$BUDGET" -v lo="$MINR" -v hi="$MAXR" \
		'BEGIN { n = t > 0 ? int(b / t) : hi; if (n < lo) n = lo; if (n > hi) n = hi; print n }')

	r=1
	while [ $r -le "$ROUNDS" ]; do
		set -- "$spawn" --style none --export-json "$run/$name.$r.json" --warmup 1 --runs "$per"
		[ -z "$prep" ] || set -- "$@" --prepare "$prep"
		# shellcheck disable=SC2086
		[ -z "$extra" ] || set -- "$@" $extra
		if [ "$have_r57" = 1 ] && [ $((r % 2)) = 1 ]; then
			set -- "$@" -n r57 "$r57_cmd" -n floor "$floor_cmd"
		elif [ "$have_r57" = 1 ]; then
			set -- "$@" -n floor "$floor_cmd" -n r57 "$r57_cmd"
		else
			set -- "$@" -n floor "$floor_cmd"
		fi
		if ! hyperfine "$@" > "$run/$name.hyperfine" 2>&1; then
			echo "bench: hyperfine failed on $name:" >&2
			cat "$run/$name.hyperfine" >&2
			exit 1
		fi
		r=$((r + 1))
	done

	# shellcheck disable=SC2046
	set -- $(stats floor)
	f_med=$1 f_min=$2 f_max=$3 f_runs=$4
	if [ -n "$pipe" ]; then
		f_kb=$(peak "$prep" sh -c "$floor_cmd")
	else
		f_kb=$(eval "peak \"$prep\" $floor_cmd")
	fi
	r_med=- r_min=- r_max=- r_runs=0 r_kb=- ratio=-
	if [ "$have_r57" = 1 ]; then
		# shellcheck disable=SC2046
		set -- $(stats r57)
		r_med=$1 r_min=$2 r_max=$3 r_runs=$4
		if [ -n "$pipe" ]; then
			r_kb=$(peak "$prep" sh -c "$r57_cmd")
		else
			r_kb=$(eval "peak \"$prep\" $r57_cmd")
		fi
		[ "$name" != status ] || status_med=$r_med
		ratio=$(awk -v a="$r_med" -v b="$f_med" 'BEGIN { printf "%.2f", a / b }')
		# the targets of docs/bench.md, as marks
		case $name in
		list-open|list-table|export|import|import-undo|html) ;;
		*) awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && note="ratio > 2" ;;
		esac
		limit=20480
		case $name in
		import|export) limit=51200 ;;
		# list writes rows as it reads them, in every format (issue 14)
		list*) limit=10240 ;;
		esac
		[ "$r_kb" -lt "$limit" ] || note="${note:+$note; }peak > $((limit / 1024)) MB"
		if [ "$name" = import ] && [ "$N" -ge 100000 ]; then
			awk -v m="$r_med" 'BEGIN { exit !(m > 2000) }' && note="${note:+$note; }over 2 s"
		fi
		if [ "$name" = import-undo ] && [ -n "$import_med" ]; then
			awk -v m="$r_med" -v i="$import_med" 'BEGIN { exit !(m > i) }' &&
				note="${note:+$note; }slower than the import"
		fi
		[ "$name" != import ] || import_med=$r_med
	fi
	printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' \
		"$name" "$N" "$r_med" "$r_min" "$r_max" "$f_med" "$ratio" "$r_kb" "$note"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		"$name" "$N" "$r_med" "$r_min" "$r_max" "$r_runs" \
		"$f_med" "$f_min" "$f_max" "$f_runs" "$ratio" "$r_kb" "$f_kb" >> "$tsv"
}

# Median, min, max of column $2 of the harness's lines in file $1, and the
# number of lines.
col_stats() {
	awk -F'\t' -v c="$2" '$c != "-" { v[n++] = $c + 0 }
		END {
			if (!n) { print "- - - 0"; exit }
			for (i = 1; i < n; i++) { x = v[i]; for (j = i - 1; j >= 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
			m = n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
			printf "%.3f %.3f %.3f %d\n", m, v[0], v[n - 1], n
		}' "$1"
}

# The screen, one row. $1 name, $2 the keys of tests/bench/pty.c ("" for
# the first screen alone), $3 runs (or pairs). Start: the median wall time
# from fork to the status line of the first screen, beside status's median
# (in the floor's columns). Keys: the median CPU time of one keystroke
# (ms, from wait4, less a run without keys); no floor.
bench_screen() {
	name=$1 keys=$2 runs=$3
	work=$run/work.db
	"$BIN/reset" "$base" "$work"
	set -- -s "$SCREEN_SIZE" -n "$runs" -t 120
	[ -z "$keys" ] || set -- "$@" -k "$keys" -b "$KEY_BUDGET"
	out=$run/$name.pty
	if ! "$BIN/pty" "$@" -- "$R57" --db "$work" > "$out" 2> "$out.err"; then
		note="screen failed: $(grep -v "last words" "$out.err" | head -n 1 | cut -c 1-100)"
		printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' \
			"$name" "$N" - - - - - - "$note"
		printf '%s\t%s\t-\t-\t-\t0\t-\t-\t-\t0\t-\t-\t-\n' "$name" "$N" >> "$tsv"
		return
	fi
	r_kb=$(awk -F'\t' '$6 > m { m = $6 } END { print m + 0 }' "$out")
	note=""
	if [ -z "$keys" ]; then
		# shellcheck disable=SC2046
		set -- $(col_stats "$out" 1)
		f_med=${status_med:--} ratio=-
		if [ "$f_med" != - ]; then
			ratio=$(awk -v a="$1" -v b="$f_med" 'BEGIN { printf "%.2f", a / b }')
			awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && note="over 2x status"
		fi
	else
		# shellcheck disable=SC2046
		set -- $(col_stats "$out" 5)
		f_med=- ratio=-
		k=$(awk -F'\t' 'NR == 1 || $4 < k { k = $4 } END { print k }' "$out")
		note="$k keys"
		awk -v m="$1" 'BEGIN { exit !(m > 1) }' && note="$note; over 1 ms"
	fi
	[ "$r_kb" -lt 20480 ] || note="${note:+$note; }peak > 20 MB"
	printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' \
		"$name" "$N" "$1" "$2" "$3" "$f_med" "$ratio" "$r_kb" "$note"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\t-\t-\t%s\t%s\t-\n' \
		"$name" "$N" "$1" "$2" "$3" "$4" "$f_med" "$ratio" "$r_kb" >> "$tsv"
}

q() { "$SQLITE" -batch -init /dev/null "$base" "$1"; }

# The database's size: bytes a task of base.db (the generated tasks with
# their history), and of the file the import leaves (the tasks alone, with
# the import's journal entry), beside the CSV it came from. No floor: the
# ratio column holds the file's bytes a task over the CSV's. Where the
# bytes go, table by table (tests/bench/bytes.sql), is written beside the
# TSV as bytes-STAMP-N-base.txt and bytes-STAMP-N-import.txt.
size_row() {
	for f in base imported; do  # size-base, size-import
		db=$base
		[ "$f" = base ] || db=$run/imported.db
		[ -f "$db" ] || continue
		bytes=$(stat -c %s "$db")
		csvb=$(stat -c %s "$CSV")
		per=$(awk -v b="$bytes" -v n="$N" 'BEGIN { printf "%.0f", b / n }')
		csvper=$(awk -v b="$csvb" -v n="$N" 'BEGIN { printf "%.0f", b / n }')
		ratio=$(awk -v a="$bytes" -v b="$csvb" 'BEGIN { printf "%.2f", a / b }')
		note="bytes a task; the CSV: $csvper"
		[ "$per" -le 1000 ] || note="$note; over 1,000"
		printf '%-12s %7s  %9s %9s %9s  %9s  %6s  %8s  %s\n' \
			"size-${f%ed}" "$N" "$per" - - - "$ratio" - "$note"
		printf '%s\t%s\t%s\t-\t-\t0\t%s\t-\t-\t0\t%s\t-\t-\n' \
			"size-${f%ed}" "$N" "$per" "$csvper" "$ratio" >> "$tsv"
		out=$RESULTS/bytes-$stamp-$N-${f%ed}.txt
		"$SQLITE" -batch -init /dev/null "$db" < "$here/bytes.sql" > "$out" 2>/dev/null ||
			rm -f "$out"
	done
}

# --- each size ---------------------------------------------------------------
for N in "$@"; do
	base=$DATA/$N/base.db
	run=$DATA/$N/run
	CSV=$DATA/$N/tasks.csv
	EMPTY=$DATA/empty.db
	status_med=
	import_med=
	[ -f "$base" ] || { echo "bench: $base is missing (make -f tests/bench/bench.mk)" >&2; exit 1; }
	rm -rf "$run"
	mkdir -p "$run/sql"
	# The shell that filled base.db left r57's search index behind; r57
	# brings it up to date on its first search (docs/storage.md). Do that
	# once here, so no timed run pays for it.
	[ -z "$R57" ] || "$R57" --db "$base" list zzzz >/dev/null 2>&1 || true

	# the task acted on: an open one within its deadline, mid-table
	K=$(q "SELECT id FROM task WHERE status = 'open' AND due >= '$TODAY' AND id >= $N / 2 ORDER BY id LIMIT 1")
	LEADER=$(q "SELECT name FROM leader WHERE id = 7")
	UNIT=$(q "SELECT name FROM unit WHERE id = 1")
	WITH=$(q "SELECT name FROM unit WHERE id = 2")
	LEADER2=$(q "SELECT name FROM leader WHERE id = 8")
	UNIT2=$(q "SELECT name FROM unit WHERE id = 3")

	# undo needs the bench actor's own newest entry, redo an undone one:
	# made once per size by r57 itself (or by the floor without it)
	for s in close undo; do render $s; done
	"$BIN/reset" "$base" "$run/undo.db"
	if [ -n "$R57" ]; then
		"$R57" --db "$run/undo.db" close "$K" >/dev/null
	else
		"$SQLITE" -batch -init /dev/null "$run/undo.db" ".read $run/sql/close.sql" >/dev/null
	fi
	"$BIN/reset" "$run/undo.db" "$run/redo.db"
	if [ -n "$R57" ]; then
		"$R57" --db "$run/redo.db" undo >/dev/null
	else
		"$SQLITE" -batch -init /dev/null "$run/redo.db" ".read $run/sql/undo.sql" >/dev/null
	fi

	bench_op add "$base" add "add '$TITLE' --group 1 --leader '$LEADER' --unit '$UNIT' --with '$WITH' --due 31/12/2025 --product '$PRODUCT' --source 97-CTr/TU --year 2025"
	bench_op close "$base" close "close $K"
	bench_op assign "$base" assign "assign $K --leader '$LEADER2' --unit '$UNIT2'"
	bench_op undo "$run/undo.db" undo "undo"
	bench_op redo "$run/redo.db" redo "redo"
	bench_op list50 "" list50 "list --limit 50"
	bench_op list-open "" list-open "list status:open --format tsv" "--output=pipe"
	bench_op show "" show "show $K"
	bench_op status "" status "status"
	bench_op status-g1 "" status-group "status --group 1"
	bench_op history "" history "history --limit 50"
	bench_op status-bd "" status-bd "status --breakdowns"
	bench_op html "" status-bd "status --format html -o $run/report.html --force"
	bench_op export "" export "export --format csv" "--output=pipe"
	bench_op import "$EMPTY" import "import $CSV"
	# the import's undo: the file as the import leaves it, made once by r57
	# (or by the floor without it)
	"$BIN/reset" "$EMPTY" "$run/imported.db"
	if [ -n "$R57" ]; then
		"$R57" --db "$run/imported.db" import "$CSV" >/dev/null
	else
		render import
		"$SQLITE" -batch -init /dev/null "$run/imported.db" ".read $run/sql/import.sql" >/dev/null
	fi
	bench_op import-undo "$run/imported.db" import-undo "undo"
	bench_op list-head "" list-open "list status:open --format tsv" "" "| head -n 50"
	bench_op list-table "" list-open "list status:open" "--output=pipe"
	bench_op list-thead "" list-open "list status:open" "" "| head -n 50"
	size_row
	if [ -n "$R57" ]; then
		bench_screen screen-start "" "$START_RUNS"
		bench_screen key-move "$KEYS_MOVE" "$KEY_PAIRS"
		bench_screen key-page "$KEYS_PAGE" "$KEY_PAIRS"
		bench_screen key-filter "$KEYS_FILTER" "$KEY_PAIRS"
	fi
	rm -f "$run/work.db" "$run/undo.db" "$run/redo.db" "$run/imported.db"
done

cp "$tsv" "$RESULTS/latest.tsv"
echo "bench: results in $tsv"
