#!/usr/bin/env bats
# edit and assign: every field, several ids as one action, names resolved.

load helpers

@test "edit sets title, notes, product, result, year" {
	ok add "Tiêu đề cũ"
	ok edit 1 --title "Tiêu đề mới" --notes "Ghi chú" --product "Sản phẩm" \
		--result "Kết quả" --year 2026
	eq "$output" "$(tn 'Changed task %s.' 'Changed tasks %s.' 1 '#1')"
	eq "$(field 1 .title)" "Tiêu đề mới"
	eq "$(field 1 .notes)" "Ghi chú"
	eq "$(field 1 .product)" "Sản phẩm"
	eq "$(field 1 .result)" "Kết quả"
	eq "$(field 1 .year)" 2026
}

@test "edit leaves the fields it is not given alone" {
	ok add "Giữ nguyên" --product "Sản phẩm A" --year 2025 --due 31/12/2025
	ok edit 1 --notes "Chỉ ghi chú"
	eq "$(field 1 .title)" "Giữ nguyên"
	eq "$(field 1 .product)" "Sản phẩm A"
	eq "$(field 1 .year)" 2025
	eq "$(field 1 .due)" 2025-12-31
	eq "$(field 1 .notes)" "Chỉ ghi chú"
}

@test "edit --group by number and by name, --source" {
	ok add "Nhiệm vụ"
	ok source add 97-CTr/TU --title "Chương trình hành động"
	ok edit 1 --group 3 --source 97-CTr/TU
	eq "$(field 1 .group_number)" 3
	eq "$(field 1 .source)" 97-CTr/TU
	local name
	name=$(field 1 .group)
	ok group add "Nhóm thử nghiệm riêng"
	ok edit 1 --group "Nhóm thử nghiệm riêng"
	eq "$(field 1 .group)" "Nhóm thử nghiệm riêng"
	eq "$(field 1 .group_number)" 5
	ok edit 1 --group "$name"
	eq "$(field 1 .group_number)" 3 "group found by its full name"
}

@test "edit of several ids is one action: one undo reverts all" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	ok edit 1 3 --product "Chung"
	eq "$output" "$(tn 'Changed task %s.' 'Changed tasks %s.' 2 '#1, #3')"
	eq "$(field 1 .product)" "Chung"
	eq "$(field 2 .product)" null
	eq "$(field 3 .product)" "Chung"
	ok undo
	eq "$(field 1 .product)" null
	eq "$(field 3 .product)" null
	eq "$(ids)" "1 2 3" "the adds are still there"
}

@test "edit with nothing to change is a usage error" {
	ok add "Một"
	assert_fails_cleanly 2 -- edit 1
	eq "$stderr" "r57: $(t 'edit: nothing to change (give --title, --notes, ...)')"
	assert_fails_cleanly 2 -- assign 1
	eq "$stderr" "r57: $(t 'assign: give --leader, --unit, --with or --without')"
}

@test "edit with one id that does not exist changes nothing" {
	ok add "Một"
	ok add "Hai"
	assert_fails_cleanly 1 "\b9\b" -- edit 1 9 --title "Đổi"
	eq "$(field 1 .title)" "Một"
}

@test "edit --source of an unknown code is an error unless --new" {
	ok add "Một"
	assert_fails_cleanly 1 "TB-99" -- edit 1 --source TB-99
	ok edit 1 --source TB-99 --new
	eq "$(field 1 .source)" TB-99
}

@test "edit --year that is not a year is an error" {
	ok add "Một"
	assert_fails_cleanly nonzero "abc" -- edit 1 --year abc
	eq "$stderr" "r57: $(t "%s: '%s' is not a number from %ld to %ld" --year abc 1900 9999)"
}

@test "assign sets leader and unit; --new creates them" {
	ok add "Nhiệm vụ"
	assert_fails_cleanly 1 "Nguyễn Văn An" "$(tre "%s '%s' does not exist (see: r57 %s list; --new creates it)")" \
		-- assign 1 --leader "Nguyễn Văn An"
	ok assign 1 --leader "Nguyễn Văn An" --unit "Sở Khoa học và Công nghệ" --new
	eq "$output" "$(tn 'Assigned task %s.' 'Assigned tasks %s.' 1 '#1')"
	eq "$(field 1 .leader)" "Nguyễn Văn An"
	eq "$(field 1 .unit)" "Sở Khoa học và Công nghệ"
	ok leader add "Trần Thị Bình"
	ok unit add "Sở Nội vụ"
	ok assign 1 --leader "tran thi binh" --unit "so noi vu"
	eq "$(field 1 .leader)" "Trần Thị Bình" "leader found without diacritics"
	eq "$(field 1 .unit)" "Sở Nội vụ"
}

@test "assign --with adds coordinating units, --without removes them" {
	ok add "Nhiệm vụ"
	ok unit add "Sở Tài chính"
	ok unit add "Sở Nội vụ"
	ok unit add "Trung tâm Tích hợp dữ liệu tỉnh"
	ok assign 1 --with "Sở Tài chính" --with "Sở Nội vụ"
	eq "$(field 1 '.units | sort | join("|")')" "Sở Nội vụ|Sở Tài chính"
	ok assign 1 --with "Trung tâm Tích hợp dữ liệu tỉnh" --without "Sở Tài chính"
	eq "$(field 1 '.units | sort | join("|")')" "Sở Nội vụ|Trung tâm Tích hợp dữ liệu tỉnh"
	ok undo
	eq "$(field 1 '.units | sort | join("|")')" "Sở Nội vụ|Sở Tài chính" "undo restores the units"
}

@test "assign of several ids is one action" {
	ok add "Một"
	ok add "Hai"
	ok leader add "Lê Văn Cường"
	ok assign 1 2 --leader "Lê Văn Cường"
	eq "$(field 1 .leader)" "Lê Văn Cường"
	eq "$(field 2 .leader)" "Lê Văn Cường"
	ok undo
	eq "$(field 1 .leader)" null
	eq "$(field 2 .leader)" null
}

@test "assign to an id that does not exist is an error" {
	ok add "Một"
	ok leader add "Lê Văn Cường"
	assert_fails_cleanly 1 "\b7\b" -- assign 7 --leader "Lê Văn Cường"
}

@test "assign with an unknown unit names it and hints --new" {
	ok add "Một"
	assert_fails_cleanly 1 "Sở Không Có" "$(tre "%s '%s' does not exist (see: r57 %s list; --new creates it)")" \
		-- assign 1 --unit "Sở Không Có"
	assert_fails_cleanly 1 "Sở Không Có" -- assign 1 --with "Sở Không Có"
}

@test "an edit or assign that changes nothing writes nothing and says so, exit 0" {
	ok add "Nâng cấp" --group "Chuyển đổi số" --notes "Ghi chú" --product "Cổng" --unit "Sở Nội vụ" --leader "Bình" --new --with "Sở Tài chính" --due 31/12/2025
	assert_db_unchanged edit 1 --title "Nâng cấp" --notes "Ghi chú" --product "Cổng"
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed.')"
	assert_db_unchanged edit 1 --title "  Nâng cấp " --year 2025 --due 31/12/2025
	eq "$output" "$(t 'Nothing changed.')"
	assert_db_unchanged assign 1 --leader "Bình" --unit "Sở Nội vụ" --with "Sở Tài chính"
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed.')"
	assert_db_unchanged unit rename "Sở Nội vụ" "Sở Nội vụ"
	eq "$status" 0
	eq "$output" "$(t 'Nothing changed.')"
	assert_db_unchanged group rename "Chuyển đổi số" "Chuyển đổi số"
	eq "$output" "$(t 'Nothing changed.')"
}

@test "an edit of several ids journals only those that change and names the others" {
	ok add "Một" --notes "x"
	ok add "Hai"
	ok add "Ba" --notes "x"
	ok edit 1 2 3 --notes "x"
	eq "$output" "$(tn 'Changed task %s.' 'Changed tasks %s.' 1 '#2')
$(tn 'Left as it was: %s.' 'Left as they were: %s.' 2 "#1 $(t 'unchanged'), #3 $(t 'unchanged')")"
	eq "$(r57 history --limit 1 --format json | jq -r '.[0].summary')" "$(t 'edit %s: %s' '#2' "$(t notes)")"
	eq "$(db_sql "SELECT group_concat(row_id) FROM change_log WHERE entry = (SELECT max(seq) FROM entry)")" "2"
}

@test "the journal names the fields that changed, not those given" {
	ok add "Một" --notes "x"
	ok edit 1 --title "Một" --notes "y" --product ""
	eq "$(r57 history --limit 1 --format json | jq -r '.[0].summary')" "$(t 'edit %s: %s' '#1' "$(t notes)")"
}
