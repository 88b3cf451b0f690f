#!/usr/bin/env bats
# Adding a task from the screen with a Vietnamese title typed key by key,
# precomposed and decomposed (base letters and combining marks, as some
# input methods send them); what is stored is NFC.

load helpers

# type_keys TEXT: send TEXT one character (code point) at a time, each as
# a key of its own, as a person or an input method types it.
type_keys() {
	local s=$1 i
	for ((i = 0; i < ${#s}; i++)); do
		tx send-keys -t r57 -l -- "${s:i:1}"
	done
}

hex() { od -An -tx1 | tr -s ' \n' ' '; }

# "Nâng cấp cổng dịch vụ công trực tuyến", spelled out by code point.
NFC=$(printf 'N\u00e2ng c\u1ea5p c\u1ed5ng d\u1ecbch v\u1ee5 c\u00f4ng tr\u1ef1c tuy\u1ebfn')
# The same words as a base letter and its marks, one code point each
# (ự with its marks in the order dot below, horn: not the canonical one).
NFD=$(printf 'Na\u0302ng ca\u0302\u0301p co\u0302\u0309ng di\u0323ch vu\u0323 co\u0302ng tru\u0323\u031bc tuye\u0302\u0301n')

@test "add: a Vietnamese title typed key by key (precomposed) is stored as typed, in the group under the cursor" {
	demo
	tui_start
	keys Home
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	# "Nâ" as Telex sends it: a, then Backspace and the letter with its mark
	type_keys "Na"
	keys BSpace
	type_keys "${NFC:1}"
	wait_for "$(t 'New task title: ')$NFC"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type_keys "31/12/2025"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	# the new row is on screen, in group 1
	has "$(row_of '   15 ')" "31/12/2025"
	has "$(row_of '   15 ')" "Nâng cấp cổng"
	eq "$(printf '%s' "$(field 15 .title)" | hex)" "$(printf '%s' "$NFC" | hex)" "title bytes (NFC)"
	eq "$(field 15 .title)" "$NFC" "title"
	eq "$(field 15 .group_number)" 1 "group"
	eq "$(field 15 .due)" 2025-12-31 "deadline"
	eq "$(field 15 .status)" open "status"
	eq "$(hist '.[0].actor')" an "actor of the change"
	eq "$(hist '.[0].summary')" "$(t 'add #%lld: %s' 15 "$NFC")" "journal summary"
}

@test "add: a title typed as base letters and combining marks is stored NFC" {
	demo
	[ "$NFD" != "$NFC" ]
	tui_start
	# a task of group 3 under the cursor: the task goes to group 3
	keys Home
	wait_for "▾ 4. "
	local i
	for i in $(seq 1 11); do keys j; done
	wait_selected "   10 Xây dựng"
	keys a
	wait_for "$(tl 'New task title: ')"
	type_keys "$NFD"
	wait_for "$(t 'New task title: ')$NFC"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter # no deadline
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(printf '%s' "$(field 15 .title)" | hex)" "$(printf '%s' "$NFC" | hex)" "title bytes (NFC)"
	eq "$(field 15 .group_number)" 3 "group"
	eq "$(field 15 .due)" null "deadline"
	# the list finds it typed without marks, as the words of r57 list do
	eq "$(ids cong tuyen)" 15 "found by 'cong tuyen'"
	has "$(row_of '   15 ')" "Nâng cấp cổng"
}

@test "add: an input method's correction: Backspace after a combining mark takes only the mark" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	# "Tiếng Việt": e and a circumflex, taken back, then circumflex and acute
	type_keys "Tie"
	type_keys "$(printf '\u0302')"
	keys BSpace
	wait_status "$(t 'New task title: ')Tie"
	type_keys "$(printf '\u0302\u0301')ng Vie$(printf '\u0323\u0302')t"
	wait_status "$(t 'New task title: ')Tiếng Việt"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(printf '%s' "$(field 15 .title)" | hex)" "$(printf 'Ti\u1ebfng Vi\u1ec7t' | hex)" "title bytes (NFC)"
}

@test "add: the cursor goes to the task just added" {
	demo
	tui_start
	keys Home
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Việc mới"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type "31/12/2025"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	# flows.c sets the list's cursor to the new id; the task is shown, and
	# the next key (e, c, d...) must act on it, not on the heading
	wait_selected "   15 Việc mới"
}

@test "add: a pasted title (two lines, bracketed paste) becomes one line; Enter inside the paste does not submit" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	tx set-buffer -b r57t "$(printf 'Tích hợp dữ liệu\ndân cư cấp xã')"
	tx paste-buffer -p -b r57t -t r57
	wait_status "$(t 'New task title: ')Tích hợp dữ liệu dân cư cấp xã"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(field 15 .title)" "Tích hợp dữ liệu dân cư cấp xã" "title"
}

@test "add: Escape cancels at any prompt and nothing is stored; a bad deadline keeps the prompt" {
	demo
	tui_start
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Không lưu"
	wait_for "$(t 'New task title: ')Không lưu"
	keys Escape
	wait_for "$(t 'Nothing added')"
	keys a
	wait_for "$(tl 'New task title: ')"
	type "Việc mới"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	type "31/02/2025"
	keys Enter
	# refused; the prompt stays with the text for a fix
	sleep 0.3
	wait_for "31/02/2025"
	eq "$(ids)" "$(seq -s ' ' 1 14)" "tasks after a refused deadline"
	keys Escape
	wait_for "$(t 'Nothing added')"
	eq "$(ids)" "$(seq -s ' ' 1 14)" "tasks"
	eq "$(hist 'length')" 37 "journal entries (those of demo)"
}

@test "add: a title over 1000 characters is refused in its prompt, which keeps the text; nothing is added" {
	demo
	tui_start
	keys a
	wait_for "$(tl 'New task title: ')"
	tx send-keys -t r57 -l -- "$(head -c 1001 /dev/zero | tr '\0' x)"
	keys Enter
	wait_for "$(t '%s: %zu characters; at most %zu are allowed' "$(t title)" 1001 1000)"
	# still the title's prompt, with the text: one character less is accepted
	keys BSpace Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	eq "$(field 15 '.title | length')" 1000
}
