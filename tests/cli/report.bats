#!/usr/bin/env bats
# The status report in every format (read back by independent parsers),
# files written only when safe to, and reminders: issued, recorded, listed,
# undone.

load helpers

# Cà Mau: 123 tasks, 66 done, 65 of plan year 2025 of which 38 done.
setup_file() {
	export LC_ALL=C.UTF-8
	local db=$BATS_FILE_TMPDIR/camau.db i year closed=()
	for i in $(seq 1 123); do
		year=2026
		[ "$i" -le 65 ] && year=2025
		"$R57_BIN" --db "$db" --actor an --today 2025-01-15 add "Nhiệm vụ $i" --year "$year" \
			--group $((i % 4 + 1)) --unit "$([ "$i" -le 100 ] && echo 'Sở Nội vụ' || echo 'Sở Tài chính')" \
			--new >/dev/null || return 1
		if [ "$i" -le 38 ] || { [ "$i" -ge 66 ] && [ "$i" -le 93 ]; }; then closed+=("$i"); fi
	done
	"$R57_BIN" --db "$db" --actor an --today 2025-06-30 close "${closed[@]}" --on 20/06/2025 >/dev/null
}

camau() { cp "$BATS_FILE_TMPDIR/camau.db" "$R57_DB"; }

@test "status --lang vi: the summary paragraph of the Cà Mau report, decimal commas" {
	camau
	ok status --lang vi --breakdowns
	has "$output" "Tổng số 123 nhiệm vụ; đã hoàn thành 66 nhiệm vụ (đạt 53,66%), trong đó 38/65 nhiệm vụ năm 2025 (58,46%); không có nhiệm vụ quá hạn."
	ok status --breakdowns
	has "$output" "123 tasks in all; 66 completed (53.66%), of which 38/65 of the 2025 tasks (58.46%); no task overdue."
	has "$output" "By lead unit (ranked by completion rate)"
	# the plain status is the figures and the groups only
	ok status
	[[ $output != *"tasks in all"* ]]
	[[ $output != *"By lead unit"* ]]
	has "$output" "53.66%"
}

@test "status --format csv: RFC 4180, read back by Python's csv module cell by cell" {
	camau
	ok status --format csv
	run python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
head = rows[0]
assert head[:4] == ["section", "name", "total", "completed"], head
all_ = [r for r in rows if r[0] == "all"][0]
print(all_[2], all_[3], all_[head.index("completion_rate")])
units = [r for r in rows if r[0] == "unit"]
print(units[0][1], units[0][2], units[0][3])
' <<<"$output"
	[ "$status" -eq 0 ]
	eq "${lines[0]}" "123 66 53.66"
	eq "${lines[1]}" "Sở Nội vụ 100 66"
}

@test "status --format json keeps the keys of r57 status and adds the breakdowns" {
	camau
	ok status --format json
	eq "$(jq -r '.all.completion_rate' <<<"$output")" 53.66
	eq "$(jq -r '[.groups[].total] | add' <<<"$output")" 123
	eq "$(jq -r '.units[0].name' <<<"$output")" "Sở Nội vụ"
	eq "$(jq -r '.units[0].rank' <<<"$output")" 1
	eq "$(jq -r '.plan_year.total' <<<"$output")" 65
}

@test "status --format html: one page, no script, user text escaped and isolated" {
	ok add '<script>alert(1)</script> =1+2' --unit $'Sở \u202eNội vụ\e[31m' --new
	ok status --format html --title 'Ban Chỉ đạo <tỉnh>'
	run python3 -c '
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.text = []
    def handle_starttag(self, tag, attrs): self.tags.append(tag)
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(sys.stdin.read())
assert "script" not in p.tags, p.tags
assert "bdi" in p.tags
text = "".join(p.text)
assert "Ban Chỉ đạo <tỉnh>" in text
assert "\u202e" not in text and "\x1b" not in text
print("ok")
' <<<"$output"
	[ "$status" -eq 0 ]
	eq "$output" ok
}

@test "status --format md escapes user text" {
	ok add 'A | B *c*' --unit 'Đơn vị | một' --new
	ok status --format md
	has "$output" 'Đơn vị \| một'
}

@test "status -o: written whole; another program's file is kept unless --force" {
	camau
	ok status --format html -o "$BATS_TEST_TMPDIR/r.html"
	grep -q '53.66%' "$BATS_TEST_TMPDIR/r.html"
	# r57's own report is replaced
	ok status --format html -o "$BATS_TEST_TMPDIR/r.html" --year 2025
	grep -q '58.46%' "$BATS_TEST_TMPDIR/r.html"
	echo "mine" >"$BATS_TEST_TMPDIR/mine.html"
	assert_fails_cleanly 1 "mine.html" "force" -- status --format html -o "$BATS_TEST_TMPDIR/mine.html"
	eq "$(cat "$BATS_TEST_TMPDIR/mine.html")" mine
	ok status --format html -o "$BATS_TEST_TMPDIR/mine.html" --force
	grep -q 'generator' "$BATS_TEST_TMPDIR/mine.html"
	[ -z "$(find "$BATS_TEST_TMPDIR" -name '.*r57*' -print)" ]
}

@test "status: a bad --format or --lang is refused, nothing written" {
	camau
	assert_fails_cleanly 2 "pdf" -- status --format pdf
	assert_fails_cleanly 2 "klingon" -- status --lang klingon
}

@test "remind: a notice per unit with its overdue tasks, recorded as issued and listed" {
	ok add "Quá hạn một" --unit "Sở Nội vụ" --new --due 01/06/2025
	ok add "Sắp đến hạn" --unit "Sở Nội vụ" --due 03/07/2025
	ok add "Còn lâu" --unit "Sở Nội vụ" --due 31/12/2025
	ok add "Của đơn vị khác" --unit "Sở Tài chính" --new --due 02/06/2025
	ok remind --unit "Sở Nội vụ"
	has "$output" "Kính gửi: Sở Nội vụ"
	has "$output" "Quá hạn một (thời hạn 01/06/2025, quá hạn 29 ngày)"
	has "$output" "Sắp đến hạn (thời hạn 03/07/2025, còn 3 ngày)"
	[[ $output != *"Còn lâu"* ]]
	[[ $output != *"Sở Tài chính"* ]]
	has "$output" "Recorded as #"
	ok reminders --unit "Sở Nội vụ"
	has "$output" "an"
	has "$output" "Quá hạn một"
	ok history 1
	has "$output" "remind"
	# one undo removes the issue
	ok undo
	ok reminders --unit "Sở Nội vụ"
	eq "$output" ""
}

@test "remind --dry-run records nothing; --lang en; -o writes one file per unit" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	ok add "Quá hạn nữa" --unit "Sở Tài chính" --new --due 01/06/2025
	ok remind --dry-run --lang en
	has "$output" "To: Sở Nội vụ"
	has "$output" "Would record"
	ok reminders
	eq "$output" ""
	mkdir "$BATS_TEST_TMPDIR/out"
	ok remind -o "$BATS_TEST_TMPDIR/out"
	eq "$(ls "$BATS_TEST_TMPDIR/out" | wc -l)" 2
	grep -q "Kính gửi: Sở Tài chính" "$BATS_TEST_TMPDIR"/out/*
}

@test "remind: bad input is refused and records nothing" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	assert_fails_cleanly 2 "within" -- remind --within abc
	assert_fails_cleanly 1 "nowhere" -- remind -o "$BATS_TEST_TMPDIR/nowhere"
	assert_fails_cleanly 1 "khong co" -- remind --unit "khong co"
	ok reminders
	eq "$output" ""
}
