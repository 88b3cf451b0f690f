#!/usr/bin/env bats
# The assign picker finds leaders and units by any part of their name typed
# without diacritics (issue 7): "nguyen" finds "Nguyễn Văn An", "d" matches
# "đ", upper case as lower, a part from the middle of a name; and what is
# picked is what is stored.

load helpers

# picker_rows: the rows of the picker's box (between its borders).
picker_rows() {
	screen | sed -n 's/^│\([^│]*\)│.*/\1/p' | sed 's/ *$//'
}

# open_assign ID: A on task ID, the lead person picker open.
open_assign() {
	demo
	tui_start
	on_task "$1"
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	wait_for "Trần Thị Bình (Sở Nội vụ)"
}

@test "picker: 'nguyen' finds Nguyễn Văn An and no one else" {
	open_assign 12
	type "nguyen"
	wait_gone "Trần Thị Bình (Sở"
	eq "$(picker_rows | grep -c ' (')" 1 "people listed for 'nguyen'"
	has "$SCREEN" "Nguyễn Văn An (Sở Khoa học và Công nghệ)"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Escape
	wait_for "$(t 'Nothing assigned')"
	eq "$(field 12 .leader)" "Phạm Thu Dung" "nothing stored after Escape"
}

@test "picker: 'd' matches đ: 'duc' finds Hoàng Minh Đức; upper case and a middle part of the name work too" {
	open_assign 12
	type "duc"
	wait_gone "Trần Thị Bình (Sở"
	has "$SCREEN" "Hoàng Minh Đức"
	hasnt "$SCREEN" "Nguyễn Văn An ("
	# a part from the middle, upper case, no marks: "MINH D" is in "Hoàng Minh Đức"
	keys C-u
	wait_for "Nguyễn Văn An ("
	type "MINH D"
	wait_gone "Nguyễn Văn An ("
	has "$SCREEN" "Hoàng Minh Đức"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	# units by a part without marks: "tuyen giao" (Tuyên giáo), "tinh uy" (Tỉnh ủy)
	type "tuyen giao"
	wait_gone "Sở Tài chính"
	has "$SCREEN" "Ban Tuyên giáo và Dân vận Tỉnh ủy"
	hasnt "$SCREEN" "Ban Tổ chức Tỉnh ủy"
	keys C-u
	type "tinh uy"
	wait_gone "Sở Tài chính"
	has "$SCREEN" "Ban Tuyên giáo và Dân vận Tỉnh ủy"
	has "$SCREEN" "Ban Tổ chức Tỉnh ủy"
	keys C-u
	type "dan van"
	wait_gone "Ban Tổ chức Tỉnh ủy"
	keys Enter
	wait_for "$(t 'Assigned %s' '#12')"
	eq "$(field 12 .leader)" "Hoàng Minh Đức" "leader"
	eq "$(field 12 .unit)" "Ban Tuyên giáo và Dân vận Tỉnh ủy" "unit"
}

@test "picker: typed with its marks, a name still matches (\"Đức\", \"Tỉnh ủy\")" {
	open_assign 12
	type "Đức"
	wait_gone "Trần Thị Bình (Sở"
	has "$SCREEN" "Hoàng Minh Đức"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	type "Tổ chức"
	wait_gone "Sở Tài chính"
	has "$SCREEN" "Ban Tổ chức Tỉnh ủy"
	keys Enter
	wait_for "$(t 'Assigned %s' '#12')"
	eq "$(field 12 .leader)" "Hoàng Minh Đức" "leader"
	eq "$(field 12 .unit)" "Ban Tổ chức Tỉnh ủy" "unit"
}

@test "picker: each picker starts on the task's value; Enter, Enter keeps both and journals nothing" {
	open_assign 12
	before=$(hist length)
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Enter
	wait_for "$(t 'Nothing changed')"
	eq "$(field 12 .leader)" "Phạm Thu Dung" "leader kept"
	eq "$(field 12 .unit)" "Trung tâm Tích hợp dữ liệu tỉnh" "unit kept"
	eq "$(hist length)" "$before" "journal entries"
}

@test "picker: choosing another person offers that person's unit; only (none) clears" {
	open_assign 12
	type "binh"
	wait_gone "Nguyễn Văn An ("
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Enter
	wait_for "$(t 'Assigned %s' '#12')"
	eq "$(field 12 .leader)" "Trần Thị Bình" "leader"
	eq "$(field 12 .unit)" "Sở Nội vụ" "the person's unit, preselected"
	# again: the pickers now start on Bình and Sở Nội vụ; Home is (none)
	keys A
	wait_for "$(t 'Lead person (type any part of the name)')"
	keys Enter
	wait_for "$(t 'Lead unit (type any part of the name)')"
	keys Home Enter
	wait_for "$(t 'Assigned %s' '#12')"
	eq "$(field 12 .leader)" "Trần Thị Bình" "leader kept"
	eq "$(field 12 .unit)" null "unit cleared by (none)"
}
