#!/usr/bin/env bats
# Markers carry the meaning of the colours: ! overdue, ~ due within 7
# days, ✓ done, × cancelled; with NO_COLOR=1 or on a monochrome terminal
# the markers stay and no colour is sent.

load helpers

setup_data() {
	demo
	r57 add "Sắp đến hạn" --group 1 --due 03/07/2025 >/dev/null # 15: ~
}

# show_all: filter status:all so the cancelled task is listed too.
show_all() {
	keys /
	wait_status "$(tl 'Filter: ')"
	type "status:all"
	keys Enter
	wait_for "$(head_filter "status:all")"
	wait_rows "$(seq -s ' ' 1 15)"
}

check_markers() {
	wait_re $'\n''  ! +12 Cập nhật'
	wait_re $'\n''  ! +7 Hoàn thiện đề án'
	wait_re $'\n''  ~ +15 Sắp đến hạn'
	wait_re $'\n''  ✓ +5 Kết nối'
	wait_re $'\n''  × +13 Tổ chức hội nghị'
	wait_re $'\n''  · +1 Nâng cấp'
}

# sgr_colours: the colour parameters (30-49, 90-107, 38;x, 48;x) in the
# escape sequences tmux would send to draw the pane.
sgr_colours() {
	tx capture-pane -p -e -t r57 | grep -oE $'\e\\[[0-9;]*m' |
		tr -d '\033[m' | tr ';' '\n' | grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' | sort -u | tr '\n' ' '
}

@test "NO_COLOR=1: every marker is shown and no colour is sent" {
	setup_data
	tui_start --env NO_COLOR=1
	show_all
	check_markers
	eq "$(sgr_colours)" "" "colours on the pane"
	# the cursor row still stands out (reverse video)
	on_task 12
	eq "$(selected | wc -l)" 1 "rows in reverse video"
	has "$(selected)" "   12 Cập nhật"
}

@test "with colours: the same markers, and overdue rows in colour" {
	setup_data
	tui_start
	show_all
	check_markers
	[ -n "$(sgr_colours)" ] || { echo "no colour at all on a colour terminal" >&2; false; }
	raw=$(tx capture-pane -p -e -t r57 | grep -F " 12 Cập nhật")
	[[ $raw =~ $'\e'\[([0-9]+\;)*31(\;[0-9]+)*m ]] || { echo "overdue row not red: $(cat -v <<<"$raw")" >&2; false; }
}

@test "a monochrome terminal (TERM=vt100): markers shown, no colour" {
	setup_data
	tui_start --env TERM=vt100
	show_all
	check_markers
	eq "$(sgr_colours)" "" "colours on the pane"
}
