#!/usr/bin/env bats
# list writes its rows as it reads them: the table's columns are fitted to
# its first 200 rows (the sample) and later rows are printed in those
# widths; no row is lost; TSV and JSON are byte for byte what they were
# (fixtures/list_260.*, captured before the table streamed); a closed pipe
# (list | head) ends r57 quietly; a failed write is one error; user text is
# made safe after the sample as before it.

load helpers

SAMPLE=200
# the leaders' names as far as a narrow column still shows them
LEADERS=("Nguyễn" "Trần T" "Lê H" "Phạm T" "Võ M")

# stream_csv N: N tasks in r57's export CSV, fixed uuids, deadlines a day
# apart in row order (so the list shows them in id order), titles of six
# lengths; the first 200 all overdue, later ones also done late or
# cancelled; task N-10 has a title longer than any before it, task N-20
# an escape sequence and a bidi override.
stream_csv() {
	awk -v n="$1" 'BEGIN {
		print "id,uuid,title,notes,group,group_number,leader,unit,units,source,year,due,first_due,extensions,status,on_time,product,result,created,closed"
		split("Nguyễn Văn An|Trần Thị Bình|Lê Hoàng Cường|Phạm Thu Dung|Võ Minh", L, "|")
		split("Sở Nội vụ|Sở Tài chính|Sở Khoa học và Công nghệ|Trung tâm Tích hợp dữ liệu tỉnh", U, "|")
		for (i = 1; i <= n; i++) {
			d = 1 + (i - 1) % 28; m = 1 + int((i - 1) / 28) % 12; y = 2024 + int((i - 1) / 336)
			due = sprintf("%04d-%02d-%02d", y, m, d)
			t = "Nhiệm vụ " i
			for (k = 0; k < i % 6; k++) t = t " chuyển đổi số"
			if (i == n - 10) t = t " rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài"
			if (i == n - 20) t = t " \033[31mđỏ\033[0m \342\200\256lật"
			st = "open"; on = ""; cl = ""
			if (i > 200 && i % 3 == 0) { st = "done"; cl = "2025-06-01"; on = "false" }
			if (i > 200 && i % 7 == 0) { st = "cancelled"; cl = "2025-06-01"; on = "" }
			printf "%d,%08d-0000-4000-8000-%012d,\"%s\",,,%s,%s,%s,,,2025,%s,%s,0,%s,%s,,,2025-01-01,%s\n", \
				i, i, i, t, (i % 3 ? i % 3 : ""), L[1 + i % 5], U[1 + i % 4], due, due, st, on, cl
		}
	}'
}

# tasks_260: the database of stream_csv 260.
tasks_260() {
	stream_csv 260 >"$BATS_TEST_TMPDIR/t.csv"
	r57 import "$BATS_TEST_TMPDIR/t.csv" >/dev/null
}

# leader_cols: for each line of stdin, the terminal column (from 0) where
# its leader's name begins ("-" if none): the header's from the word given
# as $1.
leader_cols() {
	python3 -c '
import sys, unicodedata
def width(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
head, names = sys.argv[1], sys.argv[2:]
lines = sys.stdin.buffer.read().decode("utf-8").split("\n")
for k, l in enumerate(lines[:-1]):
    pos = [l.find(x) for x in ([head] if k == 0 else names) if l.find(x) >= 0]
    print(width(l[:min(pos)]) if pos else "-")
' "$@"
}

# widest: the widest line of stdin in terminal columns.
widest() {
	python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
print(max(width(l) for l in sys.stdin.buffer.read().decode("utf-8").split("\n")))
'
}

@test "list --format json and tsv of 260 tasks: byte for byte as before the table streamed" {
	tasks_260
	ok list status:all --format json
	diff <(sed -E 's/"updated": "[^"]*"/"updated": "-"/' <<<"$output") "$FIXTURES/list_260.json"
	ok list status:all --format tsv
	diff <(printf '%s\n' "$output") "$FIXTURES/list_260.tsv"
}

@test "list table longer than its sample: every row once, the sample's columns aligned" {
	tasks_260
	ok list status:all
	local n
	n=$(wc -l <<<"$output")
	eq "$n" 262 "lines: heading, 260 rows, the count"
	eq "$(tail -n 1 <<<"$output")" "$(tn '%lld task' '%lld tasks' 260 260)"
	# the ids, in order, each once
	eq "$(sed '1d;$d' <<<"$output" | awk '{ print $1 }' | tr '\n' ' ')" "$(seq -s ' ' 1 260) "
	# the leader's column: the heading's on every row of the sample and on
	# every later row but the one with the longer title, which is whole
	local cols want bad
	cols=$(leader_cols "$(t LEADER)" "${LEADERS[@]}" <<<"$output")
	want=$(head -n 1 <<<"$cols")
	bad=$(awk -v w="$want" 'NR > 1 && NR < 262 && $1 != w { print NR - 1 }' <<<"$cols" | tr '\n' ' ')
	eq "$bad" "250 " "rows out of the leader's column"
	has "$(sed -n 251p <<<"$output")" "rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài"
	# status words the sample did not have fit their column
	has "$(sed -n 202p <<<"$output")" "$(t 'done late')"
	has "$(sed -n 204p <<<"$output")" "$(t cancelled)"
	eq "$(sed -n 202p <<<"$cols")" "$want" "the leader's column after 'done late'"
	eq "$(sed -n 204p <<<"$cols")" "$want" "the leader's column after 'cancelled'"
}

@test "list table longer than its sample fits COLUMNS and cuts a later long title with '…'" {
	tasks_260
	COLUMNS=100 run --separate-stderr r57 list status:all
	eq "$status" 0
	eq "$(wc -l <<<"$output")" 262 "lines"
	local w
	w=$(widest <<<"$output")
	[ "$w" -le 100 ] || { echo "widest line $w > 100" >&2; false; }
	has "$(sed -n 251p <<<"$output")" "…"
	hasnt "$output" "rất dài rất dài rất dài"
	local cols
	cols=$(leader_cols "$(t LEADER)" "${LEADERS[@]}" <<<"$output")
	eq "$(sed '1d;$d' <<<"$cols" | sort -u | wc -l)" 1 "every row in the leader's column"
}

@test "list table: text after the sample is made safe as before it" {
	tasks_260
	local c
	for c in "" 120; do
		COLUMNS=$c run --separate-stderr r57 list status:all
		eq "$status" 0
		hasnt "$output" $'\e'
		hasnt "$output" $'\u202e'
		has "$(sed -n 241p <<<"$output")" "␛[31mđỏ␛[0m"
	done
}

@test "list | head -n 3: the first rows, at once, nothing on stderr" {
	tasks_260
	local want f
	want=$(r57 list status:all | head -n 3)
	for f in table json tsv; do
		run --separate-stderr bash -c 'set -o pipefail; timeout 10 "$0" list status:all --format "$1" | head -n 3' "$R57_BIN" "$f"
		[ "$status" -eq 0 ] || [ "$status" -eq 141 ] || { echo "$f: exit $status" >&2; false; }
		eq "$stderr" "" "stderr ($f)"
		eq "${#lines[@]}" 3 "lines ($f)"
	done
	run --separate-stderr bash -c '"$0" list status:all | head -n 3' "$R57_BIN"
	eq "$output" "$want"
	# JSON is larger than a pipe holds: r57 meets the closed pipe and ends
	# by SIGPIPE as ls does, even when the shell ignored SIGPIPE
	run --separate-stderr bash -c '"$0" list status:all --format json | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}"' "$R57_BIN"
	eq "$output" 141 "exit status"
	eq "$stderr" ""
	run --separate-stderr bash -c 'trap "" PIPE; "$0" list status:all --format json | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}"' "$R57_BIN"
	eq "$output" 141 "exit status, SIGPIPE ignored"
	eq "$stderr" ""
}

@test "list into a full disk: one error, in every format" {
	[ -w /dev/full ] || skip "no /dev/full"
	tasks_260
	local f
	for f in table json tsv; do
		run --separate-stderr bash -c '"$0" list status:all --format "$1" >/dev/full' "$R57_BIN" "$f"
		assert_error nonzero "$(tre 'cannot write the output: %s')"
	done
}
