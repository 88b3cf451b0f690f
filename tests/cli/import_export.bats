#!/usr/bin/env bats
# r57 import and r57 export (issue 6, "Import and export of the task
# list"): spreadsheets in Vietnamese and English, broken files with the
# exact line and column, all or nothing, one undo, a second import that
# changes nothing, dry runs, exports read back by Python's csv and json
# modules, hostile text in every format, the JSON round trip byte for
# byte, and -o that never leaves half a file. Messages are read from the
# catalogue in the language of the run (t, and the helpers below).

load helpers

VI=$FIXTURES/import_vi.csv

# py EXPR-PROGRAM FILE: run a Python program on FILE (as sys.argv[1]).
py() {
	python3 -c "$1" "$2"
}

# cell FILE ROW COLUMN-NAME: one cell of a CSV file read by Python's csv
# module (ROW 0 = the first row after the header).
cell() {
	python3 -c '
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
sys.stdout.write(rows[int(sys.argv[2])][sys.argv[3]])
' "$1" "$2" "$3"
}

# tf KEY: a field's name in the dry run's lines (message context "field").
tf() {
	local m
	m=$(tmsg "field"$'\004'"$1")
	[ "$m" = "field"$'\004'"$1" ] && m=$1
	printf '%s' "$m"
}

# created G L U S: "0 groups, 2 leaders, 6 units and 0 sources".
created() {
	t '%s, %s, %s and %s' "$(tn '%lld group' '%lld groups' "$1" "$1")" \
		"$(tn '%lld leader' '%lld leaders' "$2" "$2")" "$(tn '%lld unit' '%lld units' "$3" "$3")" \
		"$(tn '%lld source' '%lld sources' "$4" "$4")"
}

# imported FILE ROWS ADDED CHANGED UNCHANGED G L U S SEQ: the last line of
# an import.
imported() {
	tn 'Imported %s: %lld row: %lld added, %lld changed, %lld unchanged; %s created. One change, #%lld: r57 undo removes it.' \
		'Imported %s: %lld rows: %lld added, %lld changed, %lld unchanged; %s created. One change, #%lld: r57 undo removes it.' \
		"$2" "$1" "$2" "$3" "$4" "$5" "$(created "$6" "$7" "$8" "$9")" "${10}"
}

# dry FILE ROWS ADDED CHANGED UNCHANGED G L U S: the last line of a dry run.
dry() {
	tn 'Dry run of %s: %lld row: %lld to add, %lld to change, %lld unchanged; %s to create. Nothing was written.' \
		'Dry run of %s: %lld rows: %lld to add, %lld to change, %lld unchanged; %s to create. Nothing was written.' \
		"$2" "$1" "$2" "$3" "$4" "$5" "$(created "$6" "$7" "$8" "$9")"
}

# unchanged FILE ROWS: the line of an import that has nothing to do.
unchanged() {
	tn 'Nothing to import from %s: its %lld row matches the tasks as they are.' \
		'Nothing to import from %s: all its %lld rows match the tasks as they are.' "$2" "$1" "$2"
}

# where FILE [LINE COLUMN [FIELD]]: the beginning of an import error.
where() {
	if [ $# -ge 4 ]; then
		t '%s: line %ld, column %ld (%s)' "$1" "$2" "$3" "$4"
	elif [ $# -ge 3 ]; then
		t '%s: line %ld, column %ld' "$1" "$2" "$3"
	else
		printf '%s' "$1"
	fi
}

# import_error WHERE VALUE MESSAGE: stderr of a failed import, exactly
# (an empty VALUE: the message names none).
import_error() {
	if [ -n "$2" ]; then
		t "%s: '%s' %s; nothing was imported" "$1" "$2" "$3"
	else
		t '%s: %s; nothing was imported' "$1" "$3"
	fi
}

# fails_with ERROR ARGS...: r57 ARGS fails cleanly (exit 1, the database
# unchanged) and says exactly "r57: ERROR".
fails_with() {
	local want=$1
	shift
	assert_fails_cleanly 1 . -- "$@"
	eq "$stderr" "r57: $want" "the error"
}

# no_leftovers DIR: nothing but the files named after DIR.
no_leftovers() {
	local dir=$1
	shift
	local got want
	got=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	eq "$got" "$want" "files in $dir"
}

# --- reading spreadsheets --------------------------------------------------------

@test "import: a Vietnamese spreadsheet (BOM, CRLF, quoted commas, quotes and line breaks) field by field" {
	ok import "$VI"
	has "$output" "$(t "Ignored column '%s' (line %ld, column %ld): not a field r57 knows." STT 1 1)"
	has "$output" "$(imported "$VI" 4 4 0 0 0 2 6 0 2)"
	eq "$(ids)" "1 2 3 4"
	eq "$(field 1 .title)" "Nâng cấp hệ thống quản lý văn bản, điều hành"
	eq "$(field 1 .group_number)" 1
	eq "$(field 1 .leader)" "Nguyễn Văn An"
	eq "$(field 1 .unit)" "Sở Khoa học và Công nghệ"
	eq "$(field 1 '.units | join("|")')" "Sở Tài chính|Sở Nội vụ"
	eq "$(field 1 .due)" 2025-12-31
	eq "$(field 1 .first_due)" 2025-12-31
	eq "$(field 1 .product)" 'Hệ thống "một cửa" mới'
	eq "$(field 1 .status)" open
	eq "$(field 1 .closed)" null
	eq "$(field 1 .notes)" null
	eq "$(field 1 .year)" 2025
	eq "$(field 1 .created)" 2025-06-30
	# A line break inside a quoted cell (CRLF in the file) is kept, as LF.
	eq "$(field 2 .title)" $'Kết nối đường truyền\ngiữa hai trung tâm dữ liệu'
	eq "$(field 2 .notes)" $'Ghi chú\nhai dòng'
	eq "$(field 2 .group_number)" 1
	eq "$(field 2 .status)" done
	eq "$(field 2 .closed)" 2025-03-10
	eq "$(field 2 .on_time)" true
	# Coordinating units separated by a line break; a cancelled task.
	eq "$(field 3 '.units | join("|")')" "Sở Tài chính|Sở Tư pháp"
	eq "$(field 3 .group_number)" 3
	eq "$(field 3 .leader)" "Nguyễn Văn An"
	eq "$(field 3 .status)" cancelled
	eq "$(field 3 .closed)" 2025-06-01
	# ISO dates, "Hoàn thành", no group, leader or unit.
	eq "$(field 4 .status)" done
	eq "$(field 4 .closed)" 2025-05-20
	eq "$(field 4 .due)" 2025-05-31
	eq "$(field 4 .group)" null
	eq "$(field 4 .leader)" null
	eq "$(field 4 .notes)" "Hoàn thành sớm"
	# The same leader on two rows is one leader.
	run r57 leader list
	eq "$(grep -c 'Nguyễn Văn An' <<<"$output")" 1
}

@test "import: English headers in any case, ISO and d/m/yyyy dates, status words, source and year" {
	printf '%s\r\n' ' Title ,GROUP,Leader,unit,Units,Due,Product,Status,Closed,source,year,notes,result' \
		'Open one,2,Lê Văn Cường,Sở Tư pháp,,2025-09-30,P1,open,,97-CTr/TU,2026,N1,' \
		'Done one,,,,,9/7/2025,P2,done,1/6/2025,97-CTr/TU,,,"R, with comma"' \
		'Within,,,,,,,Chưa hoàn thành,,,,,' \
		'Late,,,,,,,Quá hạn,,,,,' \
		'Cancelled,,,,,,,cancelled,,,,,' >"$BATS_TEST_TMPDIR/en.csv"
	ok import "$BATS_TEST_TMPDIR/en.csv"
	has "$output" "$(imported "$BATS_TEST_TMPDIR/en.csv" 5 5 0 0 0 1 1 1 2)"
	eq "$(field 1 .group_number)" 2
	eq "$(field 1 .source)" 97-CTr/TU
	eq "$(field 1 .year)" 2026
	eq "$(field 1 .notes)" N1
	eq "$(field 2 .due)" 2025-07-09
	eq "$(field 2 .closed)" 2025-06-01
	eq "$(field 2 .result)" "R, with comma"
	eq "$(field 2 .year)" 2025
	eq "$(field 3 .status)" open
	eq "$(field 4 .status)" open
	eq "$(field 5 .status)" cancelled
	eq "$(field 5 .closed)" 2025-06-30
	run r57 source list
	eq "$(grep -c '97-CTr/TU' <<<"$output")" 1
}

@test "import: a ';' file from a spreadsheet set to Vietnamese, headers without diacritics, title rows above the header" {
	printf '%s\r\n' 'DANH MỤC NHIỆM VỤ NĂM 2025;;' ';;' 'nhiem vu;thoi han;don vi chu tri' \
		'Một;31/12/2025;Sở A' '"Hai; có chấm phẩy";01/01/2026;Sở A' >"$BATS_TEST_TMPDIR/semi.csv"
	ok import "$BATS_TEST_TMPDIR/semi.csv"
	has "$output" "$(imported "$BATS_TEST_TMPDIR/semi.csv" 2 2 0 0 0 0 1 0 2)"
	eq "$(field 2 .title)" "Hai; có chấm phẩy"
	eq "$(field 2 .unit)" "Sở A"
}

@test "import: NFD text and surrounding spaces are stored NFC and trimmed; names match by case, not by diacritics" {
	# "Nguyễn" with e + U+0302 + U+0303; a no-break space at the end.
	printf 'title,leader,unit\r\n%s,%s,%s\r\nB,NGUYỄN VĂN AN,Sở tài chính\r\nC,Nguyen Van An,\r\n' \
		$'  Tie\xcc\x82\xcc\x81u \xc4\x91e\xcc\x82\xcc\x80  ' $'Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An\xc2\xa0' 'Sở Tài chính' \
		>"$BATS_TEST_TMPDIR/nfd.csv"
	ok import "$BATS_TEST_TMPDIR/nfd.csv"
	eq "$(field 1 .title)" "Tiếu đề"
	eq "$(field 1 .leader)" "Nguyễn Văn An"
	eq "$(field 2 .leader)" "Nguyễn Văn An"
	eq "$(field 2 .unit)" "Sở Tài chính"
	# Plain Latin text (no utf8proc needed) is trimmed the same way.
	printf 'title,unit\r\n\t S\xe1\xbb\x9f X \xc2\xa0 ,\xc2\xa0Sở Y \r\n' >"$BATS_TEST_TMPDIR/trim.csv"
	ok import "$BATS_TEST_TMPDIR/trim.csv"
	eq "$(field 4 .title)" "Sở X"
	eq "$(field 4 .unit)" "Sở Y"
	# Without diacritics it is another person.
	eq "$(field 3 .leader)" "Nguyen Van An"
	run r57 leader list
	eq "$(grep -c 'Nguy' <<<"$output")" 2
}

# --- all or nothing -------------------------------------------------------------------

@test "import: a broken CSV at several positions names the exact line and column; the database is unchanged" {
	ok add "Already here"
	local d=$BATS_TEST_TMPDIR
	printf 'title,due\r\nA,2025-12-31\r\nB,"2025-12-31\r\nC,2026-01-01\r\n' >"$d/b1.csv"
	fails_with "$(import_error "$(where "$d/b1.csv" 3 3 due)" "" \
		"$(t "%s (the cell so far: '%s')" "$(t 'a quoted cell is never closed')" '2025-12-31␍␊C,2026-01-01␍␊')")" import "$d/b1.csv"
	printf 'title,due\r\n"Kết "nối",2025-12-31\r\n' >"$d/b2.csv"
	fails_with "$(import_error "$(where "$d/b2.csv" 2 7 title)" "" \
		"$(t "%s (the cell so far: '%s')" "$(t 'a character after a closing quote (a quote inside a cell is written twice)')" "Kết ")")" \
		import "$d/b2.csv"
	printf 'Nhiệm vụ,Sản phẩm\r\n"Dòng một\r\ndòng hai",Báo "cáo"\r\n' >"$d/b3.csv"
	fails_with "$(import_error "$(where "$d/b3.csv" 3 15 'Sản phẩm')" "" \
		"$(t "%s (the cell so far: '%s')" "$(t 'a quote inside a cell that does not begin with one')" "Báo ")")" \
		import "$d/b3.csv"
	printf 'title\r\nok\r\nab\377c\r\n' >"$d/b4.csv"
	fails_with "$(import_error "$(where "$d/b4.csv" 3 3 title)" "" \
		"$(t "%s (the cell so far: '%s')" "$(t 'invalid UTF-8')" "ab")")" import "$d/b4.csv"
	printf '\xef\xbb\xbftitle,due\nA,1/1/2026\nB,2026-01-01,oops\n' >"$d/b5.csv"
	fails_with "$(import_error "$(where "$d/b5.csv" 3 14)" oops \
		"$(t 'is in column %zu, but the header has %zu columns (a comma in a cell that is not quoted?)' 3 2)")" \
		import "$d/b5.csv"
	eq "$(ids)" 1
}

@test "import: a bad value names the file, line, column, field and the value made safe; nothing is imported" {
	ok add "Already here"
	local d=$BATS_TEST_TMPDIR
	printf 'Nhiệm vụ,Thời hạn\r\nGood,31/12/2025\r\nBad,31/02/2025\r\n' >"$d/v1.csv"
	fails_with "$(import_error "$(where "$d/v1.csv" 3 5 'Thời hạn')" 31/02/2025 "$(t 'is a date that does not exist')")" \
		import "$d/v1.csv"
	printf 'Nhiệm vụ,Trạng thái\r\nA,Xong \033[31mrồi\r\n' >"$d/v2.csv"
	fails_with "$(import_error "$(where "$d/v2.csv" 2 3 'Trạng thái')" 'Xong ␛[31mrồi' \
		"$(t 'is not a status (Đang triển khai, Chưa hoàn thành, Đã hoàn thành, Hoàn thành, Đã hủy; or open, done, cancelled)')")" \
		import "$d/v2.csv"
	hasnt "$stderr" $'\033'
	printf 'Nhiệm vụ,Thời hạn\r\nA,1/1/2026\r\n  ,1/1/2026\r\n' >"$d/v3.csv"
	fails_with "$(import_error "$(where "$d/v3.csv" 3 1 'Nhiệm vụ')" "" "$(t 'a task needs a title')")" import "$d/v3.csv"
	{ printf 'title\r\n'; head -c 1200 /dev/zero | tr '\0' x; printf '\r\n'; } >"$d/v4.csv"
	fails_with "$(import_error "$(where "$d/v4.csv" 2 1 title)" "$(head -c 39 /dev/zero | tr '\0' x)…" \
		"$(t 'is longer than %zu characters' 1000)")" import "$d/v4.csv"
	printf 'title,Ngày hoàn thành\r\nA,01/07/2025\r\n' >"$d/v5.csv"
	fails_with "$(import_error "$(where "$d/v5.csv" 2 3 'Ngày hoàn thành')" 01/07/2025 \
		"$(t 'is after today (%s); a task is closed on the day it was done' 30/06/2025)")" import "$d/v5.csv"
	printf 'title,status\r\nA,done\r\n' >"$d/v6.csv"
	fails_with "$(import_error "$(where "$d/v6.csv" 2 3 status)" done \
		"$(t 'is done, but the row gives no completion date: give it (dd/mm/yyyy) in a column Ngày hoàn thành (or closed)')")" \
		import "$d/v6.csv"
	printf 'title,status,closed\r\nA,done,\r\n' >"$d/v6b.csv"
	fails_with "$(import_error "$(where "$d/v6b.csv" 2 3 status)" done \
		"$(t 'is done, but the row gives no completion date: give it (dd/mm/yyyy) in %s' closed)")" import "$d/v6b.csv"
	printf 'title,uuid\r\nA,not-a-uuid\r\n' >"$d/v7.csv"
	fails_with "$(import_error "$(where "$d/v7.csv" 2 3 uuid)" not-a-uuid \
		"$(t 'is not a uuid (such as 0b5c3e9a-6f1d-4c2b-9a7e-3d8f1e2a4b6c)')")" import "$d/v7.csv"
	printf 'title,group\r\nA,9\r\n' >"$d/v8.csv"
	fails_with "$(import_error "$(where "$d/v8.csv" 2 3 group)" 9 \
		"$(t "is not the number of a group (see: r57 group list), and a group's name is not a number")")" import "$d/v8.csv"
	printf 'STT,Tên\r\n1,A\r\n' >"$d/v9.csv"
	fails_with "$(import_error "$d/v9.csv" "" \
		"$(t 'no header row with a title column (Nhiệm vụ or title) in its first %d lines' 10)")" import "$d/v9.csv"
	# A right-to-left override in the value is shown as U+FFFD.
	printf 'title,due\r\nA,\342\200\256tomorrow\r\n' >"$d/v10.csv"
	fails_with "$(import_error "$(where "$d/v10.csv" 2 3 due)" '�tomorrow' "$(t 'is not a date (dd/mm/yyyy or yyyy-mm-dd)')")" \
		import "$d/v10.csv"
	printf 'title,year\r\nA,20x5\r\n' >"$d/v11.csv"
	fails_with "$(import_error "$(where "$d/v11.csv" 2 3 year)" 20x5 "$(t 'is not a whole number from %lld to %lld' 1900 9999)")" \
		import "$d/v11.csv"
	printf 'title,due,Thời hạn\r\nA,,\r\n' >"$d/v12.csv"
	fails_with "$(import_error "$(where "$d/v12.csv" 1 11)" 'Thời hạn' \
		"$(t 'is the %s column a second time (column %zu is too); keep one' due 2)")" import "$d/v12.csv"
	# The reason a file cannot be read comes from the system.
	assert_fails_cleanly 1 . -- import "$d/nowhere.csv"
	local m
	m=$(t '%s: cannot read it (%s); nothing was imported' "$d/nowhere.csv" @@)
	has "$stderr" "r57: ${m%%@@*}"
	has "$stderr" "${m#*@@}"
	eq "$(ids)" 1
}

@test "import: in Vietnamese, an error names the file, line, column, field and value, and is not the English" {
	export R57_LANG=vi
	ok add "Already here"
	local d=$BATS_TEST_TMPDIR
	printf 'Nhiệm vụ,Thời hạn,Trạng thái\r\nA,31/12/2025,open\r\nB,31/12,open\r\n' >"$d/vi.csv"
	local head msg
	head=$(where "$d/vi.csv" 3 3 'Thời hạn')
	msg=$(t 'is not a date (dd/mm/yyyy or yyyy-mm-dd)')
	fails_with "$(import_error "$head" 31/12 "$msg")" import "$d/vi.csv"
	has "$stderr" "$d/vi.csv"
	has "$stderr" " 3, "
	has "$stderr" " 3 (Thời hạn)"
	has "$stderr" "'31/12'"
	# The catalogue has it in Vietnamese: none of the English is left.
	local en_head en_msg
	en_head=$(R57_LANG=en where "$d/vi.csv" 3 3 'Thời hạn')
	en_msg=$(R57_LANG=en t 'is not a date (dd/mm/yyyy or yyyy-mm-dd)')
	[ "$head" != "$en_head" ] && [ "$msg" != "$en_msg" ]
	hasnt "$stderr" "$en_head"
	hasnt "$stderr" "$en_msg"
	hasnt "$stderr" "$(R57_LANG=en t '%s: %s; nothing was imported' '' '')"
	# --lang vi says the same where the environment says English.
	R57_LANG=en run --separate-stderr r57 --lang vi import "$d/vi.csv"
	eq "$stderr" "r57: $(import_error "$head" 31/12 "$msg")"
	# And a status word that is not one, in the same words.
	printf 'Nhiệm vụ,Trạng thái\r\nA,Sắp xong\r\n' >"$d/vi2.csv"
	fails_with "$(import_error "$(where "$d/vi2.csv" 2 3 'Trạng thái')" 'Sắp xong' \
		"$(t 'is not a status (Đang triển khai, Chưa hoàn thành, Đã hoàn thành, Hoàn thành, Đã hủy; or open, done, cancelled)')")" \
		import "$d/vi2.csv"
	eq "$(ids)" 1
}

@test "import: a bad row at the end of a long file imports nothing" {
	ok add "Already here"
	{
		printf 'title,due\r\n'
		for i in $(seq 1 3000); do printf 'Task %d,31/12/2025\r\n' "$i"; done
		printf 'Last,30/02/2026\r\n'
	} >"$BATS_TEST_TMPDIR/long.csv"
	fails_with "$(import_error "$(where "$BATS_TEST_TMPDIR/long.csv" 3002 6 due)" 30/02/2026 "$(t 'is a date that does not exist')")" \
		import "$BATS_TEST_TMPDIR/long.csv"
	eq "$(ids)" 1
}

# --- the journal: once, undo, twice ----------------------------------------------

@test "import: one journal entry; one undo removes the whole import and the names it created; redo brings it back" {
	ok add "Before"
	ok import "$VI"
	run r57 history --limit 1 --format json
	eq "$(jq -r '.[0].summary' <<<"$output")" "$(t 'import %s: %lld added, %lld changed' "$VI" 4 0)"
	ok undo
	has "$output" "$(t 'Undid #%lld: %s' 3 "$(t 'import %s: %lld added, %lld changed' "$VI" 4 0)")"
	eq "$(ids)" 1
	run r57 leader list
	hasnt "$output" "Nguyễn Văn An"
	run r57 unit list
	hasnt "$output" "Sở Tài chính"
	ok redo
	eq "$(ids)" "1 2 3 4 5"
	eq "$(field 3 .title)" $'Kết nối đường truyền\ngiữa hai trung tâm dữ liệu'
}

@test "import: the same file twice adds nothing the second time and writes nothing" {
	ok import "$VI"
	local before
	before=$(sha "$R57_DB")
	ok import "$VI"
	eq "$(tail -n 1 <<<"$output")" "$(unchanged "$VI" 4)"
	eq "$(sha "$R57_DB")" "$before" "database after the second import"
	eq "$(ids)" "1 2 3 4"
	# r57's own export, CSV and JSON, also changes nothing.
	r57 export -o "$BATS_TEST_TMPDIR/x.csv" >/dev/null
	r57 export --format json -o "$BATS_TEST_TMPDIR/x.json" >/dev/null
	ok import "$BATS_TEST_TMPDIR/x.csv"
	eq "$output" "$(unchanged "$BATS_TEST_TMPDIR/x.csv" 4)"
	ok import "$BATS_TEST_TMPDIR/x.json"
	eq "$output" "$(unchanged "$BATS_TEST_TMPDIR/x.json" 4)"
	eq "$(sha "$R57_DB")" "$before"
}

@test "import: rows without uuid match by title and group; a changed row changes its task; a new deadline is an extension" {
	printf 'title,group,unit,due,status,closed\r\n%s\r\n%s\r\n%s\r\n%s\r\n' \
		'Báo cáo quý,1,Sở A,31/03/2025,open,' 'Báo cáo quý,1,Sở B,31/03/2025,open,' \
		'Báo cáo quý,2,Sở A,31/03/2025,open,' 'Khác,,,,open,' >"$BATS_TEST_TMPDIR/m1.csv"
	ok import "$BATS_TEST_TMPDIR/m1.csv"
	has "$output" "$(imported "$BATS_TEST_TMPDIR/m1.csv" 4 4 0 0 0 0 2 0 2)"
	# The next month: rows reordered, Sở B's report done, Sở A's extended.
	printf 'title,group,unit,due,status,closed\r\n%s\r\n%s\r\n%s\r\n%s\r\n' \
		'Khác,,,,open,' 'Báo cáo quý,1,Sở B,31/03/2025,done,28/03/2025' \
		'Báo cáo quý,1,Sở A,30/04/2025,open,' 'Báo cáo quý,2,Sở A,31/03/2025,open,' >"$BATS_TEST_TMPDIR/m2.csv"
	ok import --dry-run "$BATS_TEST_TMPDIR/m2.csv"
	has "$output" "$(t 'Would change #%lld (line %ld): %s: %s' 2 3 'Báo cáo quý' "$(tf status), $(tf closed)")"
	has "$output" "$(t 'Would change #%lld (line %ld): %s: %s' 1 4 'Báo cáo quý' "$(tf due), $(tf extensions)")"
	has "$output" "$(dry "$BATS_TEST_TMPDIR/m2.csv" 4 0 2 2 0 0 0 0)"
	ok import "$BATS_TEST_TMPDIR/m2.csv"
	has "$output" "$(imported "$BATS_TEST_TMPDIR/m2.csv" 4 0 2 2 0 0 0 0 3)"
	eq "$(ids)" "1 2 3 4"
	eq "$(field 2 .unit)" "Sở B"
	eq "$(field 2 .status)" done
	eq "$(field 2 .on_time)" true
	eq "$(field 1 .due)" 2025-04-30
	eq "$(field 1 .first_due)" 2025-03-31
	eq "$(field 1 .extensions)" 1
	eq "$(field 3 .status)" overdue
	# Again: nothing.
	ok import "$BATS_TEST_TMPDIR/m2.csv"
	eq "$output" "$(unchanged "$BATS_TEST_TMPDIR/m2.csv" 4)"
}

@test "import: rows with a uuid match it; a uuid twice in a file is an error" {
	ok import "$VI"
	local u
	u=$(field 2 .uuid)
	printf 'uuid,title,status,closed\r\n%s,Tên mới,done,10/03/2025\r\n' "${u^^}" >"$BATS_TEST_TMPDIR/u.csv"
	ok import "$BATS_TEST_TMPDIR/u.csv"
	eq "$output" "$(imported "$BATS_TEST_TMPDIR/u.csv" 1 0 1 0 0 0 0 0 3)"
	eq "$(field 2 .title)" "Tên mới"
	eq "$(field 2 .uuid)" "$u"
	printf 'uuid,title\r\n%s,A\r\n%s,B\r\n' "$u" "$u" >"$BATS_TEST_TMPDIR/u2.csv"
	fails_with "$(import_error "$(where "$BATS_TEST_TMPDIR/u2.csv" 3 1 uuid)" "$u" "$(t 'is on line %ld too; a task is in a file once' 2)")" \
		import "$BATS_TEST_TMPDIR/u2.csv"
}

@test "import: a real import names the first ten names of a kind it created, and counts the rest" {
	{
		printf 'title,unit\r\n'
		for i in $(seq 1 12); do printf 'Task %d,Đơn vị %d\r\n' "$i" "$i"; done
	} >"$BATS_TEST_TMPDIR/units.csv"
	ok import "$BATS_TEST_TMPDIR/units.csv"
	has "$output" "$(t 'Created unit: %s' 'Đơn vị 10')"
	hasnt "$output" "$(t 'Created unit: %s' 'Đơn vị 11')"
	eq "$(grep -cF "$(t 'Created unit: %s' 'Đơn vị')" <<<"$output")" 10
	has "$output" "$(tn '... and %lld more unit (r57 unit list)' '... and %lld more units (r57 unit list)' 2 2)"
	has "$output" "$(imported "$BATS_TEST_TMPDIR/units.csv" 12 12 0 0 0 0 12 0 2)"
	# A dry run names them all.
	sed 's/Đơn vị/Phòng/' "$BATS_TEST_TMPDIR/units.csv" >"$BATS_TEST_TMPDIR/units2.csv"
	ok import --dry-run "$BATS_TEST_TMPDIR/units2.csv"
	eq "$(grep -cF "$(t 'Would create unit: %s' 'Phòng')" <<<"$output")" 12
}

@test "import --dry-run: says what would be added, changed and created, and writes nothing" {
	ok add "Before"
	local before
	before=$(sha "$R57_DB")
	ok import --dry-run "$VI"
	has "$output" "$(t 'Would create leader: %s' 'Nguyễn Văn An')"
	has "$output" "$(t 'Would create unit: %s' 'Sở Tài chính')"
	has "$output" "$(t 'Would create leader: %s' 'Trần Thị Bình')"
	has "$output" "$(t "Ignored column '%s' (line %ld, column %ld): not a field r57 knows." STT 1 1)"
	has "$output" "$(t 'Would add #%lld (line %ld): %s' 2 2 'Nâng cấp hệ thống quản lý văn bản, điều hành')"
	has "$output" "$(t 'Would add #%lld (line %ld): %s' 5 8 'Tập huấn kỹ năng AI cho cán bộ')"
	eq "$(tail -n 1 <<<"$output")" "$(dry "$VI" 4 4 0 0 0 2 6 0)"
	eq "$(sha "$R57_DB")" "$before"
	eq "$(ids)" 1
	[ ! -e "$R57_DB-journal" ]
}

# --- export ----------------------------------------------------------------------------

@test "export: CSV read back by Python's csv module, cell by cell" {
	ok import "$VI"
	ok close 1 --on 29/06/2025 --result "Xong, đúng hạn"
	ok due 3 31/07/2025 2>/dev/null || true
	ok export -o "$BATS_TEST_TMPDIR/e.csv"
	eq "$output" "$(tn 'Exported %lld task to %s.' 'Exported %lld tasks to %s.' 4 4 "$BATS_TEST_TMPDIR/e.csv")"
	local f=$BATS_TEST_TMPDIR/e.csv
	eq "$(head -n 1 "$f")" $'id,uuid,title,notes,group,group_number,leader,unit,units,source,year,due,first_due,extensions,status,on_time,product,result,created,closed\r'
	eq "$(cell "$f" 0 id)" 1
	eq "$(cell "$f" 0 uuid)" "$(field 1 .uuid)"
	eq "$(cell "$f" 0 title)" "Nâng cấp hệ thống quản lý văn bản, điều hành"
	eq "$(cell "$f" 0 group)" "Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu"
	eq "$(cell "$f" 0 group_number)" 1
	eq "$(cell "$f" 0 leader)" "Nguyễn Văn An"
	eq "$(cell "$f" 0 unit)" "Sở Khoa học và Công nghệ"
	eq "$(cell "$f" 0 units)" "Sở Tài chính; Sở Nội vụ"
	eq "$(cell "$f" 0 due)" 2025-12-31
	eq "$(cell "$f" 0 status)" done
	eq "$(cell "$f" 0 on_time)" true
	eq "$(cell "$f" 0 product)" 'Hệ thống "một cửa" mới'
	eq "$(cell "$f" 0 result)" "Xong, đúng hạn"
	eq "$(cell "$f" 0 closed)" 2025-06-29
	eq "$(cell "$f" 0 created)" 2025-06-30
	eq "$(cell "$f" 1 title)" $'Kết nối đường truyền\ngiữa hai trung tâm dữ liệu'
	eq "$(cell "$f" 1 notes)" $'Ghi chú\nhai dòng'
	eq "$(cell "$f" 2 status)" cancelled
	eq "$(cell "$f" 2 on_time)" ""
	eq "$(cell "$f" 3 group)" ""
	eq "$(cell "$f" 3 group_number)" ""
	eq "$(cell "$f" 3 year)" 2025
	eq "$(cell "$f" 3 extensions)" 0
	# RFC 4180: CRLF after every record, and nothing else.
	eq "$(py 'import sys; d=open(sys.argv[1],"rb").read(); print(d.count(b"\r\n"), d.endswith(b"\r\n"))' "$f")" "5 True"
	# --bom, and to standard output the same bytes.
	ok export --bom
	eq "$(printf '%s' "$output" | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf
	run r57 export
	cmp -s <(printf '%s\n' "$output") "$f" || cmp -s <(r57 export) "$f"
}

@test "export: JSON read back by Python's json module, every key of every task" {
	ok import "$VI"
	ok export --format json
	local j=$BATS_TEST_TMPDIR/e.json
	printf '%s\n' "$output" >"$j"
	eq "$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(list(d.keys()))' "$j")" "['r57_export', 'groups', 'tasks']"
	eq "$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(d["r57_export"], len(d["groups"]), d["groups"][2]["number"], d["groups"][2]["name"])' "$j")" \
		"1 4 3 Nâng cao năng lực số cho cán bộ, công chức, viên chức"
	eq "$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(",".join(d["tasks"][0].keys()))' "$j")" \
		"id,uuid,title,notes,group,group_number,leader,unit,units,source,year,due,first_due,extensions,status,on_time,product,result,created,closed"
	eq "$(py 'import json,sys; t=json.load(open(sys.argv[1]))["tasks"][1]; print(repr(t["title"]), t["status"], t["on_time"], t["closed"], t["units"])' "$j")" \
		"'Kết nối đường truyền\\ngiữa hai trung tâm dữ liệu' done True 2025-03-10 []"
	eq "$(py 'import json,sys; t=json.load(open(sys.argv[1]))["tasks"][0]; print(t["units"], t["product"], t["notes"], t["source"], t["year"])' "$j")" \
		"['Sở Tài chính', 'Sở Nội vụ'] Hệ thống \"một cửa\" mới None None 2025"
}

@test "export, import: hostile titles in every format are inert and never reach the terminal raw" {
	local esc=$'\033' rlo=$'\u202e'
	ok add "=1+2" --notes "@SUM(A1)"
	ok add "<script>alert(1)</script>"
	ok add "${rlo}txt.exe"
	ok add "x${esc}[2Jy" --product "-cmd|' /C calc'!A0"
	ok add "'=kept quote"
	# CSV: formulas made inert by a quote; to a pipe the stored text exactly.
	ok export
	has "$output" "'=1+2"
	has "$output" "'@SUM(A1)"
	has "$output" "<script>alert(1)</script>"
	has "$output" "${rlo}txt.exe"
	has "$output" "x${esc}[2Jy"
	has "$output" ",'-cmd|' /C calc'!A0,"
	has "$output" "''=kept quote"
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/h.csv"
	eq "$(cell "$BATS_TEST_TMPDIR/h.csv" 0 title)" "'=1+2"
	# To a terminal: controls and bidi overrides shown as placeholders.
	script -qec "$R57_BIN export" /dev/null >"$BATS_TEST_TMPDIR/tty.out"
	has "$(cat "$BATS_TEST_TMPDIR/tty.out")" "�txt.exe"
	has "$(cat "$BATS_TEST_TMPDIR/tty.out")" "x␛[2Jy"
	hasnt "$(cat "$BATS_TEST_TMPDIR/tty.out")" "$esc"
	hasnt "$(cat "$BATS_TEST_TMPDIR/tty.out")" "$rlo"
	# JSON: escaped.
	ok export --format json
	has "$output" '"title": "\u202etxt.exe"'
	has "$output" '"title": "x\u001b[2Jy"'
	has "$output" '"title": "=1+2"'
	hasnt "$output" "$esc"
	hasnt "$output" "$rlo"
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/h.json"
	eq "$(py 'import json,sys; print(repr(json.load(open(sys.argv[1]))["tasks"][3]["title"]))' "$BATS_TEST_TMPDIR/h.json")" "'x\\x1b[2Jy'"
	# r57's CSV read back: the guard quote is taken away again.
	R57_DB=$BATS_TEST_TMPDIR/h2.db ok import "$BATS_TEST_TMPDIR/h.csv"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h2.db field 1 .title)" "=1+2"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h2.db field 1 .notes)" "@SUM(A1)"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h2.db field 4 .product)" "-cmd|' /C calc'!A0"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h2.db field 5 .title)" "'=kept quote"
	# The JSON brings back the very bytes.
	R57_DB=$BATS_TEST_TMPDIR/h3.db ok import "$BATS_TEST_TMPDIR/h.json"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h3.db field 4 .title)" "x${esc}[2Jy"
	eq "$(R57_DB=$BATS_TEST_TMPDIR/h3.db field 3 .title)" "${rlo}txt.exe"
	# A dry run shows them safe.
	printf 'title\r\n"x%s[2Jy %s"\r\n' "$esc" "$rlo" >"$BATS_TEST_TMPDIR/h4.csv"
	ok import --dry-run "$BATS_TEST_TMPDIR/h4.csv"
	has "$output" "$(t 'Would add #%lld (line %ld): %s' 6 2 'x␛[2Jy �')"
	hasnt "$output" "$esc"
	hasnt "$output" "$rlo"
}

@test "export -> import into a new database -> export: the same bytes (JSON, and CSV)" {
	r57 demo "$BATS_TEST_TMPDIR/demo.db" >/dev/null
	export R57_DB=$BATS_TEST_TMPDIR/demo.db
	ok due 2 31/01/2026
	ok add $'Hai dòng\nvà "ngoặc", phẩy; \033 \u202e' --group 4 --with "Sở Tài chính" --with "Sở Nội vụ"
	ok delete 3
	ok group rename 2 "Nhóm hai (đổi tên)"
	ok group move 4 1
	r57 export --format json >"$BATS_TEST_TMPDIR/a.json"
	r57 export >"$BATS_TEST_TMPDIR/a.csv"
	R57_DB=$BATS_TEST_TMPDIR/b.db ok import "$BATS_TEST_TMPDIR/a.json"
	R57_DB=$BATS_TEST_TMPDIR/b.db r57 export --format json >"$BATS_TEST_TMPDIR/b.json"
	cmp "$BATS_TEST_TMPDIR/a.json" "$BATS_TEST_TMPDIR/b.json"
	# ids, uuids, dates, extensions and the order of the groups are kept.
	eq "$(R57_DB=$BATS_TEST_TMPDIR/b.db ids)" "$(ids)"
	R57_DB=$BATS_TEST_TMPDIR/c.db ok import "$BATS_TEST_TMPDIR/a.csv"
	R57_DB=$BATS_TEST_TMPDIR/c.db r57 export >"$BATS_TEST_TMPDIR/c.csv"
	# The CSV round trip keeps everything but the order of the groups
	# (the CSV has no list of them) and the control characters (shown).
	eq "$(R57_DB=$BATS_TEST_TMPDIR/c.db ids)" "$(ids)"
	python3 -c '
import csv, sys
def rows(p):
    with open(p, encoding="utf-8", newline="") as f:
        return [{k: v for k, v in r.items() if k != "group_number"} for r in csv.DictReader(f)]
a, c = rows(sys.argv[1]), rows(sys.argv[2])
assert len(a) == len(c) > 10, (len(a), len(c))
for x, y in zip(a, c):
    assert x == y, (x, y)
' "$BATS_TEST_TMPDIR/a.csv" "$BATS_TEST_TMPDIR/c.csv"
}

@test "import: the ids of r57's export are kept above every id the database gave, never a deleted task's" {
	ok add "One"
	ok add "Two"
	ok delete 2
	printf '{"r57_export": 1, "tasks": [\n {"id": 2, "title": "Imported two"},\n {"id": 9, "title": "Imported nine"},\n {"title": "No id"}]}\n' \
		>"$BATS_TEST_TMPDIR/ids.json"
	ok import "$BATS_TEST_TMPDIR/ids.json"
	eq "$(ids)" "1 3 9 10"
	eq "$(field 3 .title)" "Imported two"
	eq "$(field 9 .title)" "Imported nine"
}

@test "import: r57's JSON, strictly: errors with line and column" {
	local d=$BATS_TEST_TMPDIR
	ok add "Before"
	printf '{"r57_export": 1,\n "tasks": [\n  {"title": "A", "year": "2025"}]}\n' >"$d/j1.json"
	fails_with "$(import_error "$(where "$d/j1.json" 3 26 year)" "" "$(t 'expected a number or null, found %s' "$(t 'a string')")")" \
		import "$d/j1.json"
	printf '{"r57_export": 1, "tasks": [{"title": "A",}]}' >"$d/j2.json"
	fails_with "$(import_error "$(where "$d/j2.json" 1 43)" "" "$(t 'expected %s, found %s' "$(t 'a key')" "'}'")")" import "$d/j2.json"
	printf '{"r57_export": 1, "tasks": [{"title": "A", "colour": 1}]}' >"$d/j3.json"
	fails_with "$(import_error "$(where "$d/j3.json" 1 44)" colour "$(t 'is not a key of a task')")" import "$d/j3.json"
	printf '{"r57_export": 2, "tasks": []}' >"$d/j4.json"
	fails_with "$(import_error "$(where "$d/j4.json" 1 16)" "" "$(t 'r57_export is %s: this r57 reads version 1 of its export' 2)")" \
		import "$d/j4.json"
	printf '{"tasks": []}' >"$d/j5.json"
	fails_with "$(import_error "$(where "$d/j5.json" 1 2)" "" "$(t 'not an r57 export: it must begin with {"r57_export": 1')")" \
		import "$d/j5.json"
	printf '{"r57_export": 1, "tasks": [{"title": "A\\ud800"}]}' >"$d/j6.json"
	fails_with "$(import_error "$(where "$d/j6.json" 1 41)" "" "$(tmsg 'a lone surrogate in a \u escape')")" import "$d/j6.json"
	printf '{"r57_export": 1, "tasks": [{"title": "A"}]} x' >"$d/j7.json"
	fails_with "$(import_error "$(where "$d/j7.json" 1 46)" "" \
		"$(t 'not a JSON value (true, false, null, a number, a string, an array or an object)')")" import "$d/j7.json"
	printf '{"r57_export": 1, "tasks": [{"title": "A", "due": "2025-02-30"}]}' >"$d/j8.json"
	fails_with "$(import_error "$(where "$d/j8.json" 1 51 due)" 2025-02-30 "$(t 'is a date that does not exist')")" import "$d/j8.json"
	printf '{"r57_export": 1, "groups": [{"number": 2, "name": "X"}], "tasks": []}' >"$d/j9.json"
	fails_with "$(import_error "$(where "$d/j9.json" 1 41)" 2 "$(t 'is not the number of the next group, %s (groups are listed in order)' 1)")" \
		import "$d/j9.json"
	eq "$(ids)" 1
}

# --- -o: whole or not at all ---------------------------------------------------------

@test "export -o: a file r57 did not write is kept unless --force; r57's own is replaced" {
	ok add "Task"
	local d=$BATS_TEST_TMPDIR/out
	mkdir -p "$d"
	printf 'my own notes\n' >"$d/notes.csv"
	run --separate-stderr r57 export -o "$d/notes.csv"
	assert_error 1 .
	eq "$stderr" "r57: $(t '%s: already exists and was not written by r57; nothing written (--force replaces it)' "$d/notes.csv")"
	eq "$(cat "$d/notes.csv")" "my own notes"
	ok export -o "$d/notes.csv" --force
	has "$(head -n 1 "$d/notes.csv")" "id,uuid,title"
	ok add "Another"
	ok export -o "$d/notes.csv"
	eq "$(wc -l <"$d/notes.csv")" 3
	# r57's JSON and a CSV with a BOM are r57's too.
	ok export --format json -o "$d/t.json"
	ok export --format json -o "$d/t.json"
	ok export --bom -o "$d/b.csv"
	ok export --bom -o "$d/b.csv"
	# Not a folder, not through a missing folder.
	run --separate-stderr r57 export -o "$d"
	assert_error 1 .
	eq "$stderr" "r57: $(t '%s: is a folder; give a file name' "$d")"
	run --separate-stderr r57 export -o "$d/missing/x.csv"
	assert_error 1 .
	has "$stderr" "r57: $d/missing/x.csv: $(t 'cannot write: no such folder') ("
	no_leftovers "$d" notes.csv t.json b.csv
	# The mode of a replaced file is kept where it is narrower than the
	# database's (0600), and narrowed to it where it is wider.
	chmod 0400 "$d/notes.csv"
	ok export -o "$d/notes.csv"
	eq "$(stat -c %a "$d/notes.csv")" 400
	chmod 0640 "$d/notes.csv"
	ok export -o "$d/notes.csv"
	eq "$(stat -c %a "$d/notes.csv")" 600
}

@test "export -o: killed midway (file size limit), the old file is intact and no temporary file is left" {
	# A database whose CSV is far larger than the limit.
	python3 -c '
import sys
print("title,notes,due\r")
for i in range(4000):
    print(f"Nhiệm vụ số {i} " + "dài " * 20 + f",Ghi chú {i},31/12/2025\r")
' >"$BATS_TEST_TMPDIR/many.csv"
	ok import "$BATS_TEST_TMPDIR/many.csv"
	local d=$BATS_TEST_TMPDIR/out
	mkdir -p "$d"
	ok export -o "$d/tasks.csv"
	ok add "One more"
	local before
	before=$(sha "$d/tasks.csv")
	# SIGXFSZ when the new file passes 64 KiB: the process dies writing.
	run bash -c "ulimit -f 64; exec '$R57_BIN' export -o '$d/tasks.csv'"
	[ "$status" -ne 0 ]
	eq "$(sha "$d/tasks.csv")" "$before" "the old file"
	no_leftovers "$d" tasks.csv
	# Same for a new file: nothing appears.
	run bash -c "ulimit -f 64; exec '$R57_BIN' export --format json -o '$d/new.json'"
	[ "$status" -ne 0 ]
	no_leftovers "$d" tasks.csv
}

@test "export -o: kill -9 while writing leaves the old file and no temporary file" {
	python3 -c '
print("title,notes,due\r")
for i in range(30000):
    print(f"Nhiệm vụ số {i} " + "dài " * 30 + f",Ghi chú {i},31/12/2025\r")
' >"$BATS_TEST_TMPDIR/many.csv"
	ok import "$BATS_TEST_TMPDIR/many.csv"
	local d=$BATS_TEST_TMPDIR/out
	mkdir -p "$d"
	printf 'id,uuid,title,notes,group,group_number,leader,unit,units,source,year,due,first_due,extensions,status,on_time,product,result,created,closed\r\nold\r\n' >"$d/tasks.csv"
	local before killed=0 try pid
	before=$(sha "$d/tasks.csv")
	for try in 1 2 3 4 5; do
		"$R57_BIN" export -o "$d/tasks.csv" >/dev/null 2>&1 &
		pid=$!
		# Wait until it holds a file in the folder (its temporary file),
		# then kill it.
		local n=0
		while [ $n -lt 2000 ] && kill -0 "$pid" 2>/dev/null; do
			if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$d/"; then
				kill -9 "$pid" 2>/dev/null && killed=1
				break
			fi
			n=$((n + 1))
		done
		wait "$pid" 2>/dev/null || true
		[ $killed = 1 ] && break
		# It finished first: put the old file back and try again.
		printf 'id,uuid,title,notes,group,group_number,leader,unit,units,source,year,due,first_due,extensions,status,on_time,product,result,created,closed\r\nold\r\n' >"$d/tasks.csv"
	done
	[ $killed = 1 ] || skip "the export always finished before it could be killed"
	eq "$(sha "$d/tasks.csv")" "$before" "the old file"
	no_leftovers "$d" tasks.csv
}

# --- usage ---------------------------------------------------------------------------

@test "export and import: usage errors" {
	run --separate-stderr r57 export --format xml
	assert_error 2 .
	eq "$stderr" "r57: $(t "--format: '%s' is not one of csv, json" xml)"
	run --separate-stderr r57 export --format json --bom
	assert_error 2 .
	eq "$stderr" "r57: $(t '--bom: only for --format csv')"
	run --separate-stderr r57 export --force
	assert_error 2 .
	eq "$stderr" "r57: $(t '--force: only with -o FILE')"
	run --separate-stderr r57 export extra
	assert_error 2 .
	eq "$stderr" "r57: $(t "export: unexpected argument '%s' (to write a file: -o FILE)" extra)"
	run --separate-stderr r57 import
	assert_error 2 .
	eq "$stderr" "r57: $(t 'import: give the file to import (one file)')"
	run --separate-stderr r57 import a.csv b.csv
	assert_error 2 .
	eq "$stderr" "r57: $(t 'import: give the file to import (one file)')"
	run --separate-stderr r57 import a.csv --output x
	assert_error 2 .
	eq "$stderr" "r57: $(t '%s: unknown option %s (see: r57 --help)' import --output)"
}

@test "import: a small import keeps the search index up to date; its words are found at once" {
	file_only "SQLite's search index (search_state)"
	ok import "$VI"
	# the connection's search triggers ran for every row: nothing is left
	# for the next search to rebuild (docs/storage.md)
	eq "$(sqlite3 "$R57_DB" 'SELECT writes = seen FROM search_state')" 1
	local u
	u=$(field 2 .uuid)
	printf 'uuid,title\r\n%s,Tên mới hoàn toàn\r\n' "$u" >"$BATS_TEST_TMPDIR/u.csv"
	ok import "$BATS_TEST_TMPDIR/u.csv"
	eq "$(sqlite3 "$R57_DB" 'SELECT writes = seen FROM search_state')" 1
	ok list ten moi hoan --format json
	eq "$(printf '%s' "$output" | jq -r '[.[].id] | join(" ")')" 2
}
