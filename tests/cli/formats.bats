#!/usr/bin/env bats
# Output formats: list --format json (keys and types, checked with jq), tsv
# (columns), table (fits $COLUMNS, cut with a visible mark '…'); status and
# history JSON; unknown formats.

load helpers

# widest: the widest line of stdin in terminal columns (wide 2, combining
# and format characters 0); fails on invalid UTF-8.
widest() {
	python3 -c '
import sys, unicodedata
def width(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
data = sys.stdin.buffer.read().decode("utf-8")  # strict: a cut mid-character fails
print(max([width(l) for l in data.split("\n")] + [0]))
'
}

LONG="Triển khai giải pháp trí tuệ nhân tạo hỗ trợ giải quyết thủ tục hành chính trong lĩnh vực đầu tư và xây dựng trên địa bàn tỉnh"

@test "list --format json: every key of the contract on every task" {
	ok add "Đầy đủ" --group 1 --leader "Nguyễn Văn An" --unit "Sở Tài chính" --with "Sở Nội vụ" \
		--due 31/12/2025 --product "SP" --source 97-CTr/TU --year 2025 --notes "GC" --new
	ok add "Tối giản"
	ok close 1 --on 20/06/2025 --result "KQ"
	run tasks
	eq "$status" 0
	local k
	for k in id uuid title notes group group_number leader unit units due first_due \
		extensions status on_time product result source year created closed; do
		eq "$(jq --arg k "$k" 'all(.[]; has($k))' <<<"$output")" true "key $k on every task"
	done
}

@test "list --format json: value types" {
	ok add "Đầy đủ" --group 2 --leader "Nguyễn Văn An" --unit "Sở Tài chính" --with "Sở Nội vụ" \
		--due 31/12/2025 --product "SP" --source 97-CTr/TU --year 2025 --new
	ok add "Tối giản"
	run tasks
	local a b
	a=$(jq -c '.[] | select(.id == 1)' <<<"$output")
	b=$(jq -c '.[] | select(.id == 2)' <<<"$output")
	eq "$(jq -r '[.id, .group_number, .extensions, .year] | map(type) | join(",")' <<<"$a")" "number,number,number,number"
	eq "$(jq -r '[.uuid, .title, .group, .leader, .unit, .due, .first_due, .status, .product, .source, .created] | map(type) | join(",")' <<<"$a")" \
		"string,string,string,string,string,string,string,string,string,string,string"
	eq "$(jq -r '.units | type' <<<"$a")" array
	eq "$(jq -r '.units[0]' <<<"$a")" "Sở Nội vụ"
	eq "$(jq -r '[.group, .leader, .unit, .due, .first_due, .product, .source, .closed, .on_time] | map(type) | unique | join(",")' <<<"$b")" null
	eq "$(jq -r '.units | length' <<<"$b")" 0
	[[ $(jq -r .due <<<"$a") =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]
}

@test "list --format json is valid even with quotes, backslashes and controls" {
	local t=$'Trích "dẫn" \\ và \t tab'
	ok add "$t"
	run tasks
	jq -e . <<<"$output" >/dev/null
	eq "$(jq -r '.[0].title' <<<"$output")" "$t"
}

@test "list --format tsv: the same number of columns on every line, one row per task" {
	ok add "Một" --due 31/12/2025 --leader "Nguyễn Văn An" --new
	ok add $'Hai\tcó tab'
	ok add "Ba"
	run r57 list --format tsv
	eq "$status" 0
	local nf
	nf=$(awk -F'\t' '{ print NF }' <<<"$output" | sort -u)
	eq "$(wc -l <<<"$nf")" 1 "one column count for every line ($nf)"
	[ "$nf" -ge 3 ] || { echo "only $nf columns" >&2; false; }
	local n
	n=$(grep -c . <<<"$output")
	[ "$n" -eq 3 ] || [ "$n" -eq 4 ] || { echo "expected 3 rows (and a header): $n" >&2; false; }
	# the id and the title are columns of their own
	eq "$(awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i == "Một") print "y" }' <<<"$output")" y
	eq "$(awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i == "Nguyễn Văn An") print "y" }' <<<"$output")" y
	eq "$(awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i == "2025-12-31" || $i == "31/12/2025") print "y" }' <<<"$output" | sort -u)" y
}

@test "list table fits COLUMNS=60 and cuts long titles with '…'" {
	ok add "$LONG" --leader "Nguyễn Văn An" --unit "Sở Khoa học và Công nghệ" --due 31/12/2025 --new
	ok add "Ngắn"
	COLUMNS=60 run r57 list
	eq "$status" 0
	local w
	w=$(widest <<<"$output")
	[ "$w" -le 60 ] || { echo "widest line $w > 60:"$'\n'"$output" >&2; false; }
	has "$output" "…"
	has "$output" "Ngắn"
	hasnt "$output" "$LONG"
	has "$output" "Triển khai"
}

@test "list table: headings, status words and the count in this run's language" {
	ok add "Quá hạn" --due 20/06/2025 --leader "Nguyễn Văn An" --unit "Sở Nội vụ" --new
	ok add "Trong hạn" --due 31/12/2025
	ok add "Xong" --due 10/06/2025
	ok close 3 --on 20/06/2025
	ok add "Hủy"
	ok cancel 4
	COLUMNS=200 run r57 list status:all
	eq "$status" 0
	local head row
	head=$(sed -n 1p <<<"$output")
	for row in ID G DUE STATUS TITLE LEADER UNIT; do
		has "$head" "$(t "$row")"
	done
	has "$(grep "Quá hạn" <<<"$output")" "$(t overdue)"
	has "$(grep "Trong hạn" <<<"$output")" "$(t open)"
	has "$(grep "Xong" <<<"$output")" "$(t 'done late')"
	has "$(grep "Hủy" <<<"$output")" "$(t cancelled)"
	eq "$(tail -n 1 <<<"$output")" "$(tn '%lld task' '%lld tasks' 4 4)"
	run r57 list status:done
	eq "$(tail -n 1 <<<"$output")" "$(tn '%lld task' '%lld tasks' 1 1)"
}

@test "list table fits narrow and wide terminals" {
	ok add "$LONG" --due 31/12/2025
	local c w
	for c in 40 80 120; do
		COLUMNS=$c run r57 list
		eq "$status" 0
		w=$(widest <<<"$output")
		[ "$w" -le "$c" ] || { echo "COLUMNS=$c: widest line $w:"$'\n'"$output" >&2; false; }
	done
	COLUMNS=300 run r57 list
	has "$output" "$LONG"
}

@test "list table measures wide characters as two columns and never cuts inside one" {
	local cjk="数字化转型数字化转型数字化转型数字化转型数字化转型数字化转型数字化转型"
	ok add "$cjk"
	ok add "$(sed -n 1p "$FIXTURES/seeds.txt")"
	COLUMNS=60 run r57 list
	eq "$status" 0
	local w
	w=$(widest <<<"$output")
	[ "$w" -le 60 ] || { echo "widest line $w > 60:"$'\n'"$output" >&2; false; }
	has "$output" "数字化"
	has "$output" "…"
}

@test "history table fits COLUMNS=60" {
	ok add "$LONG"
	ok edit 1 --title "$LONG (sửa)"
	COLUMNS=60 run r57 history
	eq "$status" 0
	local w
	w=$(widest <<<"$output")
	[ "$w" -le 60 ] || { echo "widest line $w > 60:"$'\n'"$output" >&2; false; }
}

@test "show --format json is one object with the list's keys" {
	ok add "Một" --due 31/12/2025
	run r57 show 1 --format json
	eq "$status" 0
	eq "$(jq -r type <<<"$output")" object
	eq "$(jq -r '[has("id"), has("title"), has("due"), has("status")] | all' <<<"$output")" true
	eq "$(jq -r .status <<<"$output")" open
}

@test "status --format json: as_of, since, selection, all and groups with every figure" {
	ok add "Một" --group 1
	ok add "Hai" --group 2
	ok close 1
	run r57 status --format json
	eq "$status" 0
	local k
	for k in as_of since selection all groups; do
		eq "$(jq --arg k "$k" 'has($k)' <<<"$output")" true "key $k"
	done
	for k in total completed completed_on_time completed_late open open_within_deadline \
		open_overdue completion_rate added_since extended; do
		eq "$(jq --arg k "$k" '.all | has($k)' <<<"$output")" true "all.$k"
		eq "$(jq --arg k "$k" 'all(.groups[]; has($k))' <<<"$output")" true "groups[].$k"
	done
	eq "$(jq -r '.groups[0] | [has("number"), has("name")] | all' <<<"$output")" true
	eq "$(jq -r .all.completion_rate <<<"$output")" 50
}

@test "history --format json is an array" {
	ok add "Một"
	run r57 history --format json
	eq "$status" 0
	eq "$(jq -r type <<<"$output")" array
	[ "$(jq length <<<"$output")" -ge 1 ]
}

@test "an unknown --format is an error naming it" {
	ok add "Một"
	assert_fails_cleanly nonzero "xml" -- list --format xml
	eq "$stderr" "r57: $(t "--format: '%s' is not one of %s" xml "table, tsv, json")"
	assert_fails_cleanly nonzero "yaml" -- status --format yaml
	assert_fails_cleanly nonzero "csv" -- history --format csv
	eq "$stderr" "r57: $(t "--format: '%s' is not one of %s" csv "table, tsv, json")"
	assert_fails_cleanly nonzero "json" -- list --sort json
	eq "$stderr" "r57: $(t "--sort: '%s' is not due, id or title" json)"
}
