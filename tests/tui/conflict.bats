#!/usr/bin/env bats
# Another process changes the task being edited on the screen: saving is
# refused, the status line names who changed it, and what was typed stays
# in the prompt for a retry.

load helpers

# edit_task_1: on the screen, e on task 1, " (sửa)" added to the title,
# the product kept, notes typed; the prompt is left open on the notes.
edit_task_1() {
	keys Home
	wait_for "▾ 4. "
	keys j j j
	wait_selected "    1 Nâng cấp"
	keys e
	wait_for "$(t 'Title: ')Nâng cấp hệ thống quản lý văn bản và điều hành"
	type " (sửa)"
	wait_for "$(t 'Title: ')Nâng cấp hệ thống quản lý văn bản và điều hành (sửa)"
	keys Enter
	wait_for "$(t 'Product: ')Hệ thống vận hành"
	keys Enter
	wait_status "$(tl 'Notes: ')"
	type "Ghi chú của An"
	wait_status "$(t 'Notes: ')Ghi chú của An"
}

@test "edit refused when binh changed the task meanwhile: what was typed stays in the prompt" {
	demo
	tui_start
	edit_task_1
	R57_ACTOR=binh r57 edit 1 --product "Bản của Bình" >/dev/null
	keys Enter
	# refused: binh's change stands, nothing of An's was saved ...
	sleep 0.3
	eq "$(field 1 .product)" "Bản của Bình" "product"
	eq "$(field 1 .title)" "Nâng cấp hệ thống quản lý văn bản và điều hành" "title"
	eq "$(field 1 .notes)" null "notes"
	eq "$(hist '.[0].actor')" binh "newest change"
	# ... and the prompt is open again with the text typed
	wait_status "$(t 'Notes: ')Ghi chú của An"
	# Enter again saves An's text over it, the title typed earlier included
	keys Enter
	wait_for "$(t 'Changed task #%lld' 1)"
	eq "$(field 1 .title)" "Nâng cấp hệ thống quản lý văn bản và điều hành (sửa)" "title"
	eq "$(field 1 .notes)" "Ghi chú của An" "notes"
	eq "$(hist '.[0].actor')" an "newest change"
}

@test "edit refused when binh changed the task meanwhile: the status line names binh" {
	demo
	tui_start
	edit_task_1
	R57_ACTOR=binh r57 edit 1 --product "Bản của Bình" >/dev/null
	keys Enter
	sleep 0.3
	eq "$(field 1 .product)" "Bản của Bình" "product"
	eq "$(field 1 .notes)" null "notes"
	# the refusal must be on screen while the prompt waits for the retry
	wait_for "$(t_before 'task #%lld was changed meanwhile by %s (#%lld: %s); nothing was saved' 1 binh "$(hist '.[0].seq')" @@)"
	has "$SCREEN" "Ghi chú của An"
}

@test "edit refused: Escape keeps binh's change and saves nothing" {
	demo
	tui_start
	edit_task_1
	R57_ACTOR=binh r57 edit 1 --product "Bản của Bình" >/dev/null
	keys Enter
	wait_status "$(t 'Notes: ')Ghi chú của An"
	sleep 0.2
	keys Escape
	wait_for "$(t 'Nothing changed')"
	eq "$(field 1 .product)" "Bản của Bình" "product"
	eq "$(field 1 .title)" "Nâng cấp hệ thống quản lý văn bản và điều hành" "title"
	eq "$(field 1 .notes)" null "notes"
	eq "$(hist '.[0].actor')" binh "newest change"
}
