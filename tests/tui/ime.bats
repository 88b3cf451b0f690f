#!/usr/bin/env bats
# Vietnamese input methods (issue 7, "Input"): a title typed as
# ibus-bamboo, fcitx5-unikey and Unikey send it to a terminal, where they
# have no preedit: whole precomposed syllables, base letters followed by
# combining marks, or Telex and VNI keys where each mark is a BackSpace
# (DEL) over the letters already sent and the letters again with their
# marks. What is stored (r57 list --format json) is NFC and exactly the
# title meant; the screen shows it the same.

load helpers

# send TEXT: TEXT as one write to the terminal, as an input method
# commits a syllable.
send() { tx send-keys -t r57 -l -- "$1"; }
# each TEXT: TEXT one code point at a time, each a key of its own.
each() {
	local s=$1 i
	for ((i = 0; i < ${#s}; i++)); do
		tx send-keys -t r57 -l -- "${s:i:1}"
	done
}
# bs N: N BackSpaces, as the input method sends them (DEL).
bs() { tx send-keys -t r57 -N "$1" BSpace; }

hex() { od -An -tx1 | tr -s ' \n' ' '; }

# "Chuyển đổi số", code point by code point (NFC).
TITLE=$(printf 'Chuy\u1ec3n \u0111\u1ed5i s\u1ed1')

# open_add: a on the list, the title prompt open.
open_add() {
	demo
	tui_start
	wait_for "▾ 4. "
	keys a
	wait_for "$(tl 'New task title: ')"
}

# save_and_check TITLE: the prompt shows TITLE; Enter, no deadline; task
# 15 is stored with TITLE's bytes (NFC) and its row shows TITLE.
save_and_check() {
	wait_status "$(t 'New task title: ')$1"
	keys Enter
	wait_for "$(tl 'Deadline (dd/mm/yyyy, +30d, eoq; empty for none): ')"
	keys Enter
	wait_for "$(t 'Added task #%lld' 15)"
	local stored
	stored=$(r57 list --format json | jq -r '.[] | select(.id == 15) | .title')
	eq "$(printf '%s' "$stored" | hex)" "$(printf '%s' "$1" | hex)" "stored bytes"
	eq "$(python3 -c 'import sys, unicodedata; s = sys.argv[1]; print(unicodedata.is_normalized("NFC", s))' "$stored")" True "NFC (Python)"
	has "$(row_of '   15 ')" "$1"
	# the detail view shows it whole
	on_task 15
	keys Enter
	wait_for "$(t 'Task #%lld %s' 15 '')"
	has "$(row_of "$(t Title)")" "$1"
}

@test "ime: precomposed syllables, one commit each (ibus-bamboo, fcitx5-unikey with preedit off)" {
	open_add
	send "Chuyển"
	send " "
	send "đổi"
	send " số"
	save_and_check "$TITLE"
}

@test "ime: decomposed: base letters, then combining marks, one key each (e + U+0302 + U+0309)" {
	open_add
	# ể as e, circumflex, hook above; ổ as o, circumflex, hook above; ố as
	# o, circumflex, acute (the order the marks are typed in: acute and
	# circumflex stack, so their order is the letter's, not a choice)
	each "$(printf 'Chuye\u0302\u0309n \u0111o\u0302\u0309i so\u0302\u0301')"
	save_and_check "$TITLE"
}

@test "ime: Telex as ibus-bamboo sends it: letters, then BackSpaces and the letters again with their marks (chuyeenr ddooir soos)" {
	open_add
	# C h u y e, then e: ê replaces e
	each "Chuye"
	bs 1
	send "ê"
	# n, then r: the hook goes on ê, so ên is sent again as ển
	each "n"
	bs 2
	send "ển"
	each " "
	# d d: đ; o o: ô; i; r: ổi
	each "d"
	bs 1
	send "đ"
	each "o"
	bs 1
	send "ô"
	each "i"
	bs 2
	send "ổi"
	each " "
	# s o o s: số
	each "so"
	bs 1
	send "ô"
	bs 1
	send "ố"
	save_and_check "$TITLE"
}

@test "ime: VNI as Unikey sends it: letters, then BackSpace and a decomposed letter (chuye6n3 d9o6i3 so61)" {
	open_add
	each "Chuye"
	# 6: the circumflex; some input methods send the letter decomposed
	bs 1
	each "$(printf 'e\u0302')"
	each "n"
	# 3 (hook above): the input method takes back what it sent of the
	# syllable's end, e, U+0302 and n, a BackSpace each, and sends ển
	bs 3
	send "ển"
	each " d"
	bs 1
	send "đ"
	each "o"
	bs 1
	send "ô"
	each "i"
	bs 2
	send "ổi"
	each " so"
	bs 1
	send "ô"
	bs 1
	send "ố"
	save_and_check "$TITLE"
}

@test "ime: Telex corrections in the middle of a title being edited keep the rest of it" {
	demo
	tui_start
	on_task 1
	keys e
	wait_for "$(t 'Title: ')Nâng cấp hệ thống quản lý văn bản và điều hành"
	# Home, past "Nâng cấp ", then type "Chuyển đổi số " there, Telex style
	keys Home
	tx send-keys -t r57 -N 9 Right
	each "Chuye"
	bs 1
	send "ê"
	each "n"
	bs 2
	send "ển"
	each " "
	each "d"
	bs 1
	send "đ"
	each "o"
	bs 1
	send "ô"
	each "i"
	bs 2
	send "ổi"
	each " so"
	bs 1
	send "ố"
	each " "
	local want
	want="Nâng cấp $TITLE hệ thống quản lý văn bản và điều hành"
	wait_for "$(t 'Title: ')$want"
	keys Enter
	wait_for "$(t 'Product: ')"
	keys Enter
	wait_status "$(tl 'Notes: ')"
	keys Enter
	wait_for "$(t 'Changed task #%lld' 1)"
	local stored
	stored=$(r57 list --format json | jq -r '.[] | select(.id == 1) | .title')
	eq "$(printf '%s' "$stored" | hex)" "$(printf '%s' "$want" | hex)" "stored bytes"
	has "$(row_of '    1 ')" "Nâng cấp Chuyển đổi"
}
