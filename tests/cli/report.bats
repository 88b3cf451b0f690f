#!/usr/bin/env bats
# The status report in every format (read back by independent parsers),
# files written only when safe to, and reminders: issued, recorded, listed,
# undone.

load helpers

# vi / en CMD...: run CMD (t, tn) in that language, whatever this pass speaks.
vi() { R57_LANG=vi "$@"; }
en() { R57_LANG=en "$@"; }
# rate N: a completion rate as this pass writes it (53.66, 53,66).
rate() { if [ "$R57_LANG" = vi ]; then echo "${1/./,}"; else echo "$1"; fi; }
# The paragraph with no task overdue and nothing extended.
SUMMARY='%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the %d tasks (%s%%); no task overdue.'

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

camau() { db_load "$BATS_FILE_TMPDIR/camau.db"; }

@test "status --lang vi: the summary paragraph of the Cà Mau report, decimal commas" {
	camau
	ok status --lang vi --breakdowns
	has "$output" "$(vi t "$SUMMARY" 123 66 53,66 38 65 2025 58,46)"
	has "$output" "$(vi t 'By lead unit (ranked by completion rate)')"
	hasnt "$output" "53.66"
	ok status --lang en --breakdowns
	has "$output" "$(en t "$SUMMARY" 123 66 53.66 38 65 2025 58.46)"
	has "$output" "$(en t 'By lead unit (ranked by completion rate)')"
	hasnt "$output" "53,66"
	# without --lang, the language r57 speaks
	ok status --breakdowns
	has "$output" "$(t "$SUMMARY" 123 66 "$(rate 53.66)" 38 65 2025 "$(rate 58.46)")"
	has "$output" "$(t 'Status of Resolution 57 tasks as of %s' 30/06/2025)"
	has "$output" "$(t 'Selection: %s; previous report: %s' "$(t 'all tasks')" 31/05/2025)"
	# the plain status is the figures and the groups only
	ok status
	hasnt "$output" "$(t "$SUMMARY" 123 66 "$(rate 53.66)" 38 65 2025 "$(rate 58.46)")"
	hasnt "$output" "$(t 'By lead unit (ranked by completion rate)')"
	has "$output" "$(t 'By key task group')"
	has "$output" "$(rate 53.66)%"
	grep -Eq "^  $(t 'Completion rate') +$(rate 53.66)%$" <<<"$output" ||
		{ echo "no rate line in:"$'\n'"$output" >&2; false; }
}

@test "status: the selection in words, in r57's language" {
	camau
	# a group named by its number and name (issue 11)
	ok status --group 2 --year 2025
	has "$output" "$(t 'Selection: %s; previous report: %s' "$(t 'group %s' '2. Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu'), $(t 'year %s' 2025)" 31/05/2025)"
	ok status --format json --unit 'Sở Nội vụ'
	eq "$(jq -r .selection <<<"$output")" "$(t 'unit %s' 'Sở Nội vụ')"
	eq "$(jq -r .language <<<"$output")" "$R57_LANG"
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
	eq "$output" "$(t 'Wrote %s' "$BATS_TEST_TMPDIR/r.html")"
	grep -qF "$(rate 53.66)%" "$BATS_TEST_TMPDIR/r.html"
	# r57's own report is replaced
	ok status --format html -o "$BATS_TEST_TMPDIR/r.html" --year 2025
	grep -qF "$(rate 58.46)%" "$BATS_TEST_TMPDIR/r.html"
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
	eq "$stderr" "r57: $(t "--format: '%s' is not one of text, csv, json, html, md" pdf)"
	assert_fails_cleanly 2 "klingon" -- status --lang klingon
	eq "$stderr" "r57: $(t "--lang: '%s' is not vi or en" klingon)"
	assert_fails_cleanly 2 "width" -- status --width 5
	eq "$stderr" "r57: $(t '--width: give a number of columns from 20 to 1000')"
	assert_fails_cleanly 2 "year" -- status --year 25
	eq "$stderr" "r57: $(t "--year: '%s' is not a year such as 2025" 25)"
}

@test "remind: a notice per unit with its overdue tasks, recorded as issued and listed" {
	ok add "Quá hạn một" --unit "Sở Nội vụ" --new --due 01/06/2025
	ok add "Sắp đến hạn" --unit "Sở Nội vụ" --due 03/07/2025
	ok add "Còn lâu" --unit "Sở Nội vụ" --due 31/12/2025
	ok add "Của đơn vị khác" --unit "Sở Tài chính" --new --due 02/06/2025
	ok remind --unit "Sở Nội vụ"
	# the notice is Vietnamese whatever r57 speaks
	has "$output" "$(vi t 'To: %s' 'Sở Nội vụ')"
	has "$output" "1. $(vi tn '%s (deadline %s, %d day overdue)' '%s (deadline %s, %d days overdue)' 29 'Quá hạn một' 01/06/2025 29)."
	has "$output" "1. $(vi tn '%s (deadline %s, %d day left)' '%s (deadline %s, %d days left)' 3 'Sắp đến hạn' 03/07/2025 3)."
	has "$output" "$(vi t 'As of %1$s, the unit has %2$s and %3$s %4$s:' 30/06/2025 \
		"$(vi tn '%d overdue task' '%d overdue tasks' 1 1)" "$(vi tn '%d task due' '%d tasks due' 1 1)" \
		"$(vi tn 'within the next %d day' 'within the next %d days' 7 7)")"
	has "$output" "$(vi t 'The unit is requested to carry out and complete these tasks without delay and to report the results to the Steering Committee.')"
	hasnt "$output" "Còn lâu"
	hasnt "$output" "Sở Tài chính"
	# r57's own line in r57's language
	local seq
	seq=$(r57 history --format json | jq '.[0].seq')
	has "$output" "$(t 'Recorded as #%lld: %s' "$seq" 'remind 1 unit: Sở Nội vụ (2 tasks)')"
	ok reminders --unit "Sở Nội vụ"
	has "$output" "an"
	has "$output" "Quá hạn một"
	has "$output" "$(tn 'as of %s, within %d day, %s  (entry #%lld)' 'as of %s, within %d days, %s  (entry #%lld)' 7 30/06/2025 7 vi "$seq")"
	has "$output" "$(tn 'deadline %s, %d day late' 'deadline %s, %d days late' 29 01/06/2025 29)"
	has "$output" "$(tn 'deadline %s, %d day left' 'deadline %s, %d days left' 3 03/07/2025 3)"
	ok history 1
	has "$output" "remind"
	# one undo removes the issue
	ok undo
	ok reminders --unit "Sở Nội vụ"
	eq "$output" ""
}

@test "remind: the notice is Vietnamese even when r57 speaks English; English with --lang en" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	ok add "Của người phụ trách" --leader "Nguyễn Văn An" --new --due 29/06/2025
	local sum='remind 1 unit: Sở Nội vụ (1 task)'
	R57_LANG=en ok remind --dry-run
	has "$output" "$(vi t 'To: %s' 'Sở Nội vụ')"
	has "$output" "$(vi t 'Overdue tasks:')"
	has "$output" "$(en t 'Would record: %s' "$sum")"
	R57_LANG=vi ok remind --dry-run
	has "$output" "$(vi t 'To: %s' 'Sở Nội vụ')"
	has "$output" "$(vi t 'Would record: %s' "$sum")"
	# --lang en: the notice and r57 in English (--lang is r57's language too)
	ok remind --dry-run --lang en
	has "$output" "$(en t 'To: %s' 'Sở Nội vụ')"
	has "$output" "$(en t 'Overdue tasks:')"
	has "$output" "$(en t 'Would record: %s' "$sum")"
	hasnt "$output" "$(vi t 'Overdue tasks:')"
	ok remind --dry-run --lang vi
	has "$output" "$(vi t 'To: %s' 'Sở Nội vụ')"
	# to a person: Vietnamese addresses them as đồng chí
	ok remind --dry-run --leader "Nguyễn Văn An"
	has "$output" "$(vi t 'To: %1$s' 'Nguyễn Văn An')"
	has "$output" "$(vi t 'As of %1$s, you have %2$s:' 30/06/2025 "$(vi tn '%d overdue task' '%d overdue tasks' 1 1)")"
	has "$output" "$(vi t 'You are requested to carry out and complete these tasks without delay and to report the results to the Steering Committee.')"
	ok remind --dry-run --leader "Nguyễn Văn An" --lang en
	has "$output" "$(en t 'To: %1$s' 'Nguyễn Văn An')"
	# nothing recorded by any of them
	ok reminders
	eq "$output" ""
}

@test "remind: nothing to remind says so in r57's language" {
	ok add "Còn lâu" --unit "Sở Nội vụ" --new --due 31/12/2025
	ok remind
	eq "$output" "$(tn 'Nothing to remind: no unit has overdue tasks or tasks due within %d day as of %s.' \
		'Nothing to remind: no unit has overdue tasks or tasks due within %d days as of %s.' 7 7 30/06/2025)"
	ok add "Của người phụ trách" --leader "Nguyễn Văn An" --new --due 02/07/2025
	ok remind --leader "Nguyễn Văn An" --within 1
	eq "$output" "$(tn 'Nothing to remind: no lead person has overdue tasks or tasks due within %d day as of %s.' \
		'Nothing to remind: no lead person has overdue tasks or tasks due within %d days as of %s.' 1 1 30/06/2025)"
	ok reminders
	eq "$output" ""
}

@test "remind --dry-run records nothing; --lang en; -o writes one file per unit" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	ok add "Quá hạn nữa" --unit "Sở Tài chính" --new --due 01/06/2025
	ok remind --dry-run --lang en
	has "$output" "$(en t 'To: %s' 'Sở Nội vụ')"
	has "$output" "$(en t 'Would record: %s' 'remind 2 units: Sở Nội vụ (1 task), Sở Tài chính (1 task)')"
	ok reminders
	eq "$output" ""
	mkdir "$BATS_TEST_TMPDIR/out"
	ok remind -o "$BATS_TEST_TMPDIR/out"
	eq "$(ls "$BATS_TEST_TMPDIR/out" | wc -l)" 2
	has "$output" "$(t 'Wrote %s' "$BATS_TEST_TMPDIR/out/unit-2-so-tai-chinh.txt")"
	grep -qF "$(vi t 'To: %s' 'Sở Tài chính')" "$BATS_TEST_TMPDIR"/out/unit-2-so-tai-chinh.txt
}

@test "remind: bad input is refused and records nothing" {
	ok add "Quá hạn" --unit "Sở Nội vụ" --new --due 01/06/2025
	assert_fails_cleanly 2 "within" -- remind --within abc
	eq "$stderr" "r57: $(t '--within: give a number of days from 0 to %d' 3660)"
	assert_fails_cleanly 1 "nowhere" -- remind -o "$BATS_TEST_TMPDIR/nowhere"
	eq "$stderr" "r57: $(t '%s: no such folder; nothing issued' "$BATS_TEST_TMPDIR/nowhere")"
	assert_fails_cleanly 1 "khong co" -- remind --unit "khong co"
	assert_fails_cleanly 2 "unit" "leader" -- remind --unit "Sở Nội vụ" --leader "An"
	eq "$stderr" "r57: $(t '%s: give --unit or --leader, not both' remind)"
	ok reminders
	eq "$output" ""
}
