#!/usr/bin/env bats
# One JSON task writer (src/core/task_json.c) behind list, show and export:
# the three say the same of every task, each with its keys in its order.

load helpers

LIST_KEYS='["id","uuid","title","notes","group","group_number","leader","unit","units","due","first_due","extensions","status","on_time","product","result","source","year","created","closed","updated"]'
EXPORT_KEYS='["id","uuid","title","notes","group","group_number","leader","unit","units","source","year","due","first_due","extensions","status","on_time","product","result","created","closed"]'

@test "list, show and export --format json say the same of every task, each in its order of keys" {
	ok add "Đầy đủ" --group 1 --leader "Nguyễn Văn An" --unit "Sở Tài chính" --with "Sở Nội vụ" \
		--with 'Sở "Y"; Z' --due 01/01/2025 --product "SP" --source 97-CTr/TU --year 2025 \
		--notes $'a\tb\nc \\ d' --new
	ok add "Quá hạn" --due 01/02/2025
	ok add "Tối giản"
	ok close 1 --on 20/06/2025 --result "KQ"
	run --separate-stderr tasks
	eq "$status" 0
	list=$output
	run --separate-stderr r57 export --format json
	eq "$status" 0
	export=$output
	for i in 0 1 2; do
		eq "$(jq -c ".[$i] | keys_unsorted" <<<"$list")" "$LIST_KEYS" "list's keys, task $i"
		eq "$(jq -c ".tasks[$i] | keys_unsorted" <<<"$export")" "$EXPORT_KEYS" "export's keys, task $i"
	done
	# export is list without the time of the last change and with the
	# stored status where list says overdue
	eq "$(jq -c 'map(select(.status == "overdue")) | length' <<<"$list")" 1 "one overdue task"
	eq "$(jq -n --argjson l "$list" --argjson e "$export" \
		'($l | map(del(.updated) | .status |= (if . == "overdue" then "open" else . end)) | sort_by(.id))
		 == ($e.tasks | sort_by(.id))')" true "list and export agree"
	for id in $(jq '.[].id' <<<"$list"); do
		run --separate-stderr r57 show "$id" --format json
		eq "$status" 0
		eq "$(jq -c . <<<"$output")" "$(jq -c ".[] | select(.id == $id)" <<<"$list")" "show $id is list's"
	done
}
