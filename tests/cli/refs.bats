#!/usr/bin/env bats
# groups, leaders, units, sources: list, add, rename, remove, move; names
# found by id or name (exact ignoring case and diacritics, else a unique
# part); ambiguous and unknown names.

load helpers

# group_names: the groups' names in order, from status --format json.
group_names() {
	r57 status --format json | jq -r '.groups[] | select(.number != null and .number > 0) | .name'
}

@test "group list shows the four key task groups of a new database" {
	ok unit add "Sở Tài chính"
	COLUMNS=300 ok group list
	local n
	while IFS= read -r n; do
		has "$output" "$n"
	done < <(group_names)
	eq "$(group_names | wc -l)" 4
}

@test "group add makes group 5; tasks can use it by number or name" {
	ok group add "Chuyển đổi số cấp xã"
	eq "$output" "$(t 'Added group %lld: %s' 5 "Chuyển đổi số cấp xã")"
	ok group list
	has "$output" "Chuyển đổi số cấp xã"
	local head
	head=$(sed -n 1p <<<"$output")
	has "$head" "#"
	has "$head" "$(t NAME)"
	has "$head" "$(t TASKS)"
	ok add "Một" --group 5
	eq "$(field 1 .group)" "Chuyển đổi số cấp xã"
	ok add "Hai" --group "chuyen doi so cap xa"
	eq "$(field 2 .group_number)" 5
}

@test "group rename keeps the tasks in it" {
	ok group add "Tên cũ"
	ok add "Một" --group 5
	ok group rename 5 "Tên mới"
	eq "$output" "$(t 'Renamed group %s to %s.' 5 "Tên mới")"
	eq "$(field 1 .group)" "Tên mới"
	ok group rename "Tên mới" "Tên mới hơn"
	eq "$(field 1 .group)" "Tên mới hơn"
	ok group list
	hasnt "$output" "Tên cũ"
}

@test "group move renumbers: the moved group takes the position, others shift" {
	ok group add "Nhóm năm"
	local first
	first=$(group_names | head -n 1)
	ok add "Trong nhóm 1" --group 1
	ok add "Trong nhóm 5" --group 5
	ok group move 5 1
	eq "$output" "$(t 'Moved group to position %ld.' 1)"
	eq "$(field 2 .group_number)" 1
	eq "$(field 1 .group_number)" 2
	eq "$(group_names | head -n 1)" "Nhóm năm"
	eq "$(group_names | sed -n 2p)" "$first"
	eq "$(group_names | wc -l)" 5
	ok undo
	eq "$(field 2 .group_number)" 5 "undo restores the order"
}

@test "group remove is refused with a count while tasks use it" {
	ok group add "Nhóm bận"
	ok add "Một" --group 5
	ok add "Hai" --group 5
	ok add "Ba" --group 5
	assert_fails_cleanly 1 "\b3\b" "Nhóm bận" -- group remove 5
	ok edit 1 2 3 --group 1
	ok group remove 5
	eq "$(group_names | wc -l)" 4
}

@test "group names: ambiguous part lists the candidates, unknown is named" {
	ok group add "Chuyển đổi số cấp tỉnh"
	ok group add "Chuyển đổi số cấp xã"
	ok add "Một"
	assert_fails_cleanly 1 "Chuyển đổi số cấp tỉnh" "Chuyển đổi số cấp xã" -- edit 1 --group "chuyen doi so"
	assert_fails_cleanly 1 "Không có nhóm này" -- edit 1 --group "Không có nhóm này"
	assert_fails_cleanly 1 "\b8\b" -- edit 1 --group 8
}

@test "leader add with title and unit; leader list shows them" {
	ok unit add "Sở Khoa học và Công nghệ"
	ok leader add "Nguyễn Văn An" --title "Giám đốc" --unit "Sở Khoa học và Công nghệ"
	eq "$output" "$(t 'Added leader %lld: %s' 1 "Nguyễn Văn An")"
	COLUMNS=200 ok leader list
	has "$output" "Nguyễn Văn An"
	has "$output" "Giám đốc"
	local head h
	head=$(sed -n 1p <<<"$output")
	for h in ID NAME TASKS 'JOB TITLE' UNIT; do
		has "$head" "$(t "$h")"
	done
}

@test "leader names: exact match ignoring case and diacritics wins over parts" {
	ok leader add "Nguyễn Văn An"
	ok leader add "Nguyễn Văn Anh"
	ok add "Một"
	ok assign 1 --leader "nguyen van an"
	eq "$(field 1 .leader)" "Nguyễn Văn An" "exact (folded) match"
	ok assign 1 --leader "NGUYỄN VĂN ANH"
	eq "$(field 1 .leader)" "Nguyễn Văn Anh"
	ok assign 1 --leader "Anh"
	eq "$(field 1 .leader)" "Nguyễn Văn Anh" "unique part"
}

@test "leader names: an ambiguous part is an error listing the candidates" {
	ok leader add "Nguyễn Văn An"
	ok leader add "Nguyễn Văn Anh"
	ok add "Một"
	assert_fails_cleanly 1 "Nguyễn Văn An\b" "Nguyễn Văn Anh" -- assign 1 --leader "nguyen van"
	eq "$(field 1 .leader)" null
}

@test "leader names: an ambiguous name lists its candidates by given name, not by id" {
	# (the names are read in no order to find one; the candidates are
	# listed in the list's order all the same)
	ok leader add "Trần Văn An"
	ok leader add "Nguyễn Văn An"
	ok add "Một"
	run r57 assign 1 --leader "van an"
	[ "$status" -eq 1 ]
	has "$output" "Nguyễn Văn An"
	[[ $output == *"Nguyễn Văn An"*"Trần Văn An"* ]]
}

@test "leader names: unknown is an error naming it; --new creates it" {
	ok add "Một"
	assert_fails_cleanly 1 "Lê Văn Cường" "--new" -- assign 1 --leader "Lê Văn Cường"
	ok assign 1 --leader "Lê Văn Cường" --new
	eq "$(field 1 .leader)" "Lê Văn Cường"
	ok leader list
	has "$output" "Lê Văn Cường"
}

@test "leaders and units can be chosen by id" {
	ok leader add "Nguyễn Văn An"
	ok leader add "Trần Thị Bình"
	ok unit add "Sở Tài chính"
	ok unit add "Sở Nội vụ"
	ok add "Một"
	ok assign 1 --leader 2 --unit 2
	eq "$(field 1 .leader)" "Trần Thị Bình"
	eq "$(field 1 .unit)" "Sở Nội vụ"
}

@test "leader rename shows in the tasks; remove refused while used" {
	ok leader add "Nguyễn Văn An"
	ok add "Một" --leader "Nguyễn Văn An"
	ok add "Hai" --leader "Nguyễn Văn An"
	ok leader rename "Nguyễn Văn An" "Nguyễn Văn An (Sở KH&CN)"
	eq "$(field 1 .leader)" "Nguyễn Văn An (Sở KH&CN)"
	assert_fails_cleanly 1 "\b2\b" -- leader remove "Nguyễn Văn An (Sở KH&CN)"
	ok delete 1 2
	ok leader remove "Nguyễn Văn An (Sở KH&CN)"
	ok leader list
	hasnt "$output" "Nguyễn Văn An"
}

@test "unit list, add, rename, remove" {
	ok unit add "Sở Tài chính"
	ok unit add "Sở Nội vụ"
	ok unit list
	has "$output" "Sở Tài chính"
	has "$output" "Sở Nội vụ"
	ok unit rename "Sở Nội vụ" "Sở Nội vụ tỉnh"
	ok unit list
	has "$output" "Sở Nội vụ tỉnh"
	ok unit remove "Sở Nội vụ tỉnh"
	ok unit list
	hasnt "$output" "Nội vụ"
	has "$output" "Sở Tài chính"
}

@test "unit remove is refused with a count while a task uses it, as lead or coordinating" {
	ok unit add "Sở Tài chính"
	ok add "Một" --unit "Sở Tài chính"
	assert_fails_cleanly 1 "\b1\b" "Sở Tài chính" -- unit remove "Sở Tài chính"
	ok delete 1
	ok add "Hai" --with "Sở Tài chính"
	assert_fails_cleanly 1 "Sở Tài chính" -- unit remove "Sở Tài chính"
}

@test "unit names: ambiguous lists candidates; folded exact and unique part" {
	ok unit add "Sở Tài chính"
	ok unit add "Sở Nội vụ"
	ok add "Một"
	assert_fails_cleanly 1 "Sở Tài chính" "Sở Nội vụ" -- assign 1 --unit "Sở"
	ok assign 1 --unit "so tai chinh"
	eq "$(field 1 .unit)" "Sở Tài chính"
	ok assign 1 --unit "nội"
	eq "$(field 1 .unit)" "Sở Nội vụ"
	assert_fails_cleanly 1 "Sở Công Thương" "--new" -- assign 1 --unit "Sở Công Thương"
}

@test "a unit name that exists already is refused" {
	ok unit add "Sở Tài chính"
	assert_fails_cleanly 1 "Sở Tài chính" -- unit add "Sở Tài chính"
}

@test "source list, add with title and date, rename, remove" {
	ok source add 97-CTr/TU --title "Chương trình hành động thực hiện Nghị quyết 57" --date 15/03/2025
	eq "$output" "$(t 'Added source %lld: %s' 1 97-CTr/TU)"
	COLUMNS=200 ok source list
	has "$output" "97-CTr/TU"
	has "$output" "15/03/2025"
	local head h
	head=$(sed -n 1p <<<"$output")
	for h in ID CODE TASKS SUBJECT ISSUED; do
		has "$head" "$(t "$h")"
	done
	ok add "Một" --source 97-CTr/TU
	eq "$(field 1 .source)" 97-CTr/TU
	ok source rename 97-CTr/TU 97-CTr/TU-2025
	eq "$output" "$(t 'Renamed source %s to %s.' 97-CTr/TU 97-CTr/TU-2025)"
	eq "$(field 1 .source)" 97-CTr/TU-2025
	assert_fails_cleanly 1 "\b1\b" "97-CTr/TU-2025" -- source remove 97-CTr/TU-2025
	ok delete 1
	ok source remove 97-CTr/TU-2025
	eq "$output" "$(t 'Removed source %s.' 97-CTr/TU-2025)"
	ok source list
	hasnt "$output" "97-CTr"
}

@test "source add with an impossible date is refused" {
	ok unit add "Sở Tài chính"
	assert_fails_cleanly 1 "31/02/2025" -- source add TB-1 --date 31/02/2025
}

@test "refs changes are undoable like any action" {
	ok unit add "Sở Tài chính"
	eq "$output" "$(t 'Added unit %lld: %s' 1 "Sở Tài chính")"
	ok unit rename "Sở Tài chính" "Sở Tài chính tỉnh"
	eq "$output" "$(t 'Renamed unit %s to %s.' "Sở Tài chính" "Sở Tài chính tỉnh")"
	ok undo
	eq "$output" "$(t 'Undid #%lld: %s' 3 "$(t 'rename unit #%lld from %s to %s' 1 "Sở Tài chính" "Sở Tài chính tỉnh")")"
	ok unit list
	has "$output" "Sở Tài chính"
	hasnt "$output" "tỉnh"
	ok undo
	ok unit list
	hasnt "$output" "Sở Tài chính"
}

@test "refs commands with unknown subcommands or missing names are usage errors" {
	ok unit add "Sở Tài chính"
	assert_fails_cleanly 2 "frobnicate" -- unit frobnicate
	eq "$stderr" "r57: $(t "%s: unknown subcommand '%s' (%s)" unit frobnicate "list, add, rename, remove")"
	assert_fails_cleanly 2 -- group frobnicate
	eq "$stderr" "r57: $(t "%s: unknown subcommand '%s' (%s)" group frobnicate "list, add, rename, remove, move")"
	assert_fails_cleanly 2 -- unit add
	eq "$stderr" "r57: $(t '%s %s: give the name' unit add)"
	assert_fails_cleanly 2 -- source add
	eq "$stderr" "r57: $(t '%s %s: give the code' source add)"
	assert_fails_cleanly 2 -- unit rename "Sở Tài chính"
	eq "$stderr" "r57: $(t '%s %s: give which one and the new name' unit rename)"
	assert_fails_cleanly 2 -- unit remove
	eq "$stderr" "r57: $(t '%s %s: give which one' unit remove)"
	assert_fails_cleanly 2 -- unit list extra
	eq "$stderr" "r57: $(t '%s %s: give no more arguments' unit list)"
	assert_fails_cleanly 2 -- group move 1
	eq "$stderr" "r57: $(t '%s %s: give which group and its new position' group move)"
	assert_fails_cleanly 2 -- group move 1 x
	eq "$stderr" "r57: $(t "%s: '%s' is not a number from %ld to %ld" "$(t position)" x 1 1000000)"
}

@test "names typed in decomposed form (NFD) find the composed (NFC) ones" {
	ok leader add "Nguyễn Văn An"
	ok add "Một"
	ok assign 1 --leader "$(printf 'Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An')"
	eq "$(field 1 .leader)" "Nguyễn Văn An"
	ok leader list
	eq "$(grep -c 'Nguyễn Văn An' <<<"$output")" 1 "no second leader created"
}

# Issue 11, item 5: "Nguyễn Văn An" and "Nguyễn Văn Ân" are two names; the
# exact one (case aside) wins, folding decides only when nothing is exact.
# $1 and $2 are added in that order, so both orders are tried.
exact_names_win() {
	ok leader add "$1"
	ok leader add "$2"
	ok add "Một"
	ok assign 1 --leader "Nguyễn Văn Ân"
	eq "$(field 1 .leader)" "Nguyễn Văn Ân" "the exact name"
	ok assign 1 --leader "NGUYỄN VĂN AN"
	eq "$(field 1 .leader)" "Nguyễn Văn An" "the exact name, case aside"
	ok assign 1 --leader "Văn Ân"
	eq "$(field 1 .leader)" "Nguyễn Văn Ân" "a part typed with its marks"
	# Without marks both fold alike: ambiguous, naming both.
	assert_fails_cleanly 1 "Nguyễn Văn An \\(#" "Nguyễn Văn Ân \\(#" -- assign 1 --leader "nguyen van an"
	eq "$(field 1 .leader)" "Nguyễn Văn Ân"
	ok assign 1 --leader "nguyễn văn an"
	eq "$(field 1 .leader)" "Nguyễn Văn An"
	ok add "Hai" --leader "Nguyễn Văn Ân"
	eq "$(field 2 .leader)" "Nguyễn Văn Ân"
	ok list "leader:Nguyễn Văn Ân" --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" 2 "the filter word leader:"
	ok status --leader "Nguyễn Văn An" --format json
}

@test "leader names: the exact name wins over one that differs in diacritics (An added first)" {
	exact_names_win "Nguyễn Văn An" "Nguyễn Văn Ân"
}

@test "leader names: the exact name wins over one that differs in diacritics (Ân added first)" {
	exact_names_win "Nguyễn Văn Ân" "Nguyễn Văn An"
}

@test "unit, group and source names: the exact name wins; --with and filter words too" {
	ok unit add "Sở Nội vụ"
	ok unit add "Sở Nôi vu"
	ok add "Một" --unit "Sở Nôi vu" --with "sở nội vụ"
	eq "$(field 1 .unit)" "Sở Nôi vu"
	eq "$(field 1 '.units | join("|")')" "Sở Nội vụ"
	ok list "unit:Sở Nôi vu" --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" 1 "the filter word unit:"
	ok list "unit:sở nội vụ" --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" "" "the other unit leads nothing"
	assert_fails_cleanly 1 "Sở Nội vụ \\(#1" "Sở Nôi vu \\(#2" -- assign 1 --unit "so noi vu"
	ok group add "Nhóm A"
	ok group add "Nhom A"
	ok add "Hai" --group "Nhóm A"
	eq "$(field 2 .group_number)" 5
	ok add "Ba" --group "nhom a"
	eq "$(field 3 .group_number)" 6
	ok source add "Số 1/CĐ"
	ok source add "Số 1/CD"
	ok add "Bốn" --source "số 1/cđ"
	eq "$(field 4 .source)" "Số 1/CĐ"
}

@test "a unique name with diacritics aside is still found" {
	ok leader add "Nguyễn Văn Ân"
	ok add "Một" --leader "nguyen van an"
	eq "$(field 1 .leader)" "Nguyễn Văn Ân"
}

# lookalike_warned STDERR NAME OTHER: the warning names both.
lookalike_warned() {
	has "$1" "r57: $(t 'warning: %s' '')"
	has "$1" "'$2'"
	has "$1" "'$3'"
}

@test "adding a name that folds to an existing one warns, exits 0 and keeps both (both orders)" {
	ok leader add "Nguyễn Văn An"
	eq "$stderr" "" "no warning for the first"
	ok leader add "Nguyễn Văn Ân"
	eq "$output" "$(t 'Added leader %lld: %s' 2 "Nguyễn Văn Ân")"
	lookalike_warned "$stderr" "Nguyễn Văn Ân" "Nguyễn Văn An"
	has "$stderr" "(#1)"
	ok unit add "Sở Nôi vu"
	ok unit add "Sở Nội vụ"
	lookalike_warned "$stderr" "Sở Nội vụ" "Sở Nôi vu"
	ok unit add "Sở Tài chính"
	eq "$stderr" "" "a different name: no warning"
	ok group add "Nhom A"
	ok group add "Nhóm A"
	lookalike_warned "$stderr" "Nhóm A" "Nhom A"
	ok source add "Số 1/CD"
	ok source add "Số 1/CĐ"
	lookalike_warned "$stderr" "Số 1/CĐ" "Số 1/CD"
	ok leader list
	has "$output" "Nguyễn Văn An"
	has "$output" "Nguyễn Văn Ân"
}

@test "--new and rename warn when the name folds to an existing one; a refused one says nothing" {
	ok unit add "Sở Nội vụ"
	ok add "Một" --unit "so noi vu" --new
	eq "$(field 1 .unit)" "Sở Nội vụ" "typed without marks: the unit of that name, none made"
	eq "$stderr" ""
	ok add "Hai" --unit "Sở Nôi vu" --new
	eq "$(field 2 .unit)" "Sở Nôi vu" "typed with its marks: a new unit, not the look-alike"
	lookalike_warned "$stderr" "Sở Nôi vu" "Sở Nội vụ"
	ok unit list
	hasnt "$output" "so noi vu"
	ok leader add "Nguyễn Văn An"
	ok leader add "Trần Thị Bình"
	ok leader rename "Trần Thị Bình" "Nguyễn Văn Ân"
	lookalike_warned "$stderr" "Nguyễn Văn Ân" "Nguyễn Văn An"
	ok leader rename "Nguyễn Văn Ân" "Nguyễn văn Ân"
	has "$stderr" "'Nguyễn Văn An'" "still like the other"
	ok unit add "Sở Tài chinh"
	ok unit rename "Sở Tài chinh" "Sở Tài chính"
	eq "$stderr" "" "a name like only its own old name"
	run --separate-stderr r57 unit add "Sở Nội vụ"
	eq "$status" 1
	hasnt "$stderr" "$(t 'warning: %s' '')"
}
