#!/usr/bin/env bats
# add, list (filters, sort, limit), show; the database's place and first
# contents; help and version.

load helpers

@test "add prints 'Added task #ID: TITLE' and ids count up" {
	ok add "Nâng cấp hệ thống quản lý văn bản và điều hành"
	eq "$output" "$(t 'Added task #%lld: %s' 1 "Nâng cấp hệ thống quản lý văn bản và điều hành")"
	ok add "Kết nối đường truyền giữa hai trung tâm dữ liệu"
	eq "$output" "$(t 'Added task #%lld: %s' 2 "Kết nối đường truyền giữa hai trung tâm dữ liệu")"
	eq "$(ids)" "1 2"
}

@test "add with every field: list --format json gives them back" {
	ok add "Nâng cấp hệ thống quản lý văn bản và điều hành" \
		--group 1 --leader "Nguyễn Văn An" --unit "Sở Khoa học và Công nghệ" \
		--with "Sở Tài chính" --with "Sở Nội vụ" --due 31/12/2025 \
		--product "Hệ thống vận hành" --source 97-CTr/TU --year 2025 \
		--notes "Theo Kế hoạch 57" --new
	run tasks
	local t
	t=$(jq -c '.[0]' <<<"$output")
	eq "$(jq 'length' <<<"$output")" 1 "one task"
	eq "$(jq -r .id <<<"$t")" 1
	eq "$(jq -r .title <<<"$t")" "Nâng cấp hệ thống quản lý văn bản và điều hành"
	eq "$(jq -r .group_number <<<"$t")" 1
	eq "$(jq -r '.group | type' <<<"$t")" string
	eq "$(jq -r .leader <<<"$t")" "Nguyễn Văn An"
	eq "$(jq -r .unit <<<"$t")" "Sở Khoa học và Công nghệ"
	eq "$(jq -r '.units | sort | join("|")' <<<"$t")" "Sở Nội vụ|Sở Tài chính"
	eq "$(jq -r .due <<<"$t")" 2025-12-31
	eq "$(jq -r .first_due <<<"$t")" 2025-12-31
	eq "$(jq -r .extensions <<<"$t")" 0
	eq "$(jq -r .product <<<"$t")" "Hệ thống vận hành"
	eq "$(jq -r .source <<<"$t")" 97-CTr/TU
	eq "$(jq -r .year <<<"$t")" 2025
	eq "$(jq -r .notes <<<"$t")" "Theo Kế hoạch 57"
	eq "$(jq -r .status <<<"$t")" open
	eq "$(jq -r .on_time <<<"$t")" null
	eq "$(jq -r .closed <<<"$t")" null
	eq "$(jq -r .result <<<"$t")" null
	[[ $(jq -r .created <<<"$t") == 2025-06-30* ]] || { echo "created: $t" >&2; false; }
	[[ $(jq -r .uuid <<<"$t") =~ ^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$ ]] ||
		{ echo "not a UUID v4: $t" >&2; false; }
}

@test "a task without optional fields has nulls and an empty units array" {
	ok add "Tối giản"
	eq "$(field 1 '.group')" null
	eq "$(field 1 '.leader')" null
	eq "$(field 1 '.unit')" null
	eq "$(field 1 '.due')" null
	eq "$(field 1 '.first_due')" null
	eq "$(field 1 '.units | length')" 0
}

@test "uuids differ between tasks" {
	ok add "Một"
	ok add "Hai"
	eq "$(tasks | jq '[.[].uuid] | unique | length')" 2
}

@test "ids are never reused after delete" {
	ok add "Một"
	ok add "Hai"
	ok delete 2
	ok add "Ba"
	eq "$output" "$(t 'Added task #%lld: %s' 3 "Ba")"
	eq "$(ids)" "1 3"
}

@test "titles are stored in NFC: a decomposed title comes back composed" {
	# "Nguyễn" typed with combining marks (NFD)
	local nfd nfc
	nfd=$(printf 'Nguye\xcc\x82\xcc\x83n')
	nfc="Nguyễn"
	ok add "$nfd"
	eq "$(field 1 .title)" "$nfc"
	eq "$(db_sql 'select title from task where id = 1')" "$nfc" "stored title"
}

@test "an empty title is refused and the database is left alone" {
	ok add "Một"
	assert_fails_cleanly nonzero -- add ""
	has "$stderr" "$(t 'a task needs a title')"
	eq "$(ids)" 1
}

@test "list excludes cancelled tasks by default; status:all and status:cancelled show them" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	ok cancel 2 --reason "Không còn phù hợp"
	eq "$(ids)" "1 2 3"
	eq "$(r57 list --format json | jq -r '[.[].id|tostring]|join(" ")')" "1 3"
	eq "$(ids status:cancelled)" 2
}

@test "list on an empty database is an empty JSON array" {
	ok unit add "Sở Tài chính"
	run r57 list --format json
	eq "$status" 0
	eq "$(jq -c . <<<"$output")" "[]"
}

# A small world for the filters, today pinned at 30/06/2025.
world() {
	ok add "Nâng cấp hệ thống quản lý văn bản" --group 1 --leader "Nguyễn Văn An" \
		--unit "Sở Khoa học và Công nghệ" --due 31/12/2025 --source 97-CTr/TU --year 2025 --new
	ok add "Triển khai giải pháp AI hỗ trợ thủ tục hành chính" --group 2 --leader "Trần Thị Bình" \
		--unit "Sở Tài chính" --due 10/06/2025 --source "TB-01" --year 2025 --new
	ok add "Mở lớp kỹ năng AI cho cán bộ" --group 3 --leader "Nguyễn Văn An" \
		--unit "Sở Nội vụ" --due 15/07/2025 --year 2026 --notes "phối hợp Công an tỉnh" --new
	ok add "Cập nhật dữ liệu trung tâm IOC" --group 1 --unit "Sở Tài chính" --due 20/06/2025 --year 2025
	ok close 4 --on 19/06/2025
	ok add "Rà soát nhiệm vụ phân cấp cho xã, phường" --group 4
	ok cancel 5
}

@test "list filters: group, leader, unit, source, year" {
	world
	eq "$(ids group:1)" "1 4" "group:1"
	eq "$(ids group:1 status:all)" "1 4" "group:1 status:all"
	eq "$(ids leader:"Nguyễn Văn An")" "1 3" "leader by name"
	eq "$(ids leader:"tran thi binh")" "2" "leader folded"
	eq "$(ids unit:"Sở Tài chính")" "2 4" "unit"
	eq "$(ids source:97-CTr/TU)" "1" "source"
	eq "$(ids year:2026)" "3" "year"
	eq "$(ids year:2025)" "1 2 4" "year 2025"
}

@test "list filters: status open, within, overdue, done, cancelled, all" {
	world
	eq "$(ids status:open)" "1 2 3" "open"
	eq "$(ids status:within)" "1 3" "within"
	eq "$(ids status:overdue)" "2" "overdue"
	eq "$(ids status:done)" "4" "done"
	eq "$(ids status:cancelled)" "5" "cancelled"
	eq "$(ids status:all)" "1 2 3 4 5" "all"
}

@test "list filters: due.before and due.after, combined with AND" {
	world
	eq "$(ids status:all due.before:01/07/2025)" "2 4"
	eq "$(ids status:all due.after:01/07/2025)" "1 3"
	eq "$(ids status:all due.after:2025-07-01 due.before:2025-08-01)" "3"
	eq "$(ids group:1 status:open)" "1"
}

@test "list free words match title and notes, ignoring case and diacritics" {
	world
	eq "$(ids "nang cap")" "1" "folded title"
	eq "$(ids "NÂNG CẤP")" "1" "upper case"
	eq "$(ids "cong an" )" "3" "notes"
	eq "$(ids ai)" "2 3" "word in two titles"
	eq "$(ids ai "can bo")" "3" "two words: both must match"
	eq "$(ids "khongcogi")" "" "no match"
}

@test "list --limit and --sort" {
	ok add "Cờ" --due 20/08/2025
	ok add "An" --due 10/08/2025
	ok add "Bê" --due 30/07/2025
	eq "$(order --sort id)" "1 2 3"
	eq "$(order --sort due)" "3 2 1"
	eq "$(order --sort title)" "2 3 1"
	eq "$(order --sort id --limit 2)" "1 2"
	eq "$(order --sort due --limit 1)" "3"
}

@test "list with an unknown status or a bad date in a filter is an error" {
	ok add "Một"
	assert_fails_cleanly nonzero "status:bogus|bogus" -- list status:bogus
	assert_fails_cleanly nonzero "31/02/2025" -- list due.before:31/02/2025
	assert_fails_cleanly nonzero "Ai Đó" -- list leader:"Ai Đó"
}

@test "show ID prints the task; --format json gives one object" {
	ok add "Kết nối hai trung tâm dữ liệu" --due 31/12/2025 --product "Đường truyền"
	ok show 1
	has "$output" "Kết nối hai trung tâm dữ liệu"
	has "$output" "Đường truyền"
	has "$output" "$(t 'Task #%lld  %s' 1 "$(field 1 .uuid)")"
	has "$output" "$(t 'Product')"
	has "$output" "$(tn '%s (%ld day left)' '%s (%ld days left)' 184 31/12/2025 184)"
	has "$output" "$(t 'History')"
	ok show 1 --format json
	eq "$(jq -r .id <<<"$output")" 1
	eq "$(jq -r .title <<<"$output")" "Kết nối hai trung tâm dữ liệu"
	eq "$(jq -r .due <<<"$output")" 2025-12-31
}

@test "show of an id that does not exist is an error naming it" {
	ok add "Một"
	assert_fails_cleanly 1 "\b42\b" -- show 42
}

@test "a new database starts with four key task groups numbered 1 to 4" {
	ok add "Một"
	run r57 status --format json
	eq "$status" 0
	eq "$(jq -r '[.groups[] | select(.number != null and .number > 0) | .number | tostring] | join(" ")' <<<"$output")" "1 2 3 4"
	ok add "Hai" --group 4
	eq "$(field 2 .group_number)" 4
	assert_fails_cleanly 1 "\b5\b" -- add "Ba" --group 5
}

@test "--db overrides R57_DB; R57_DB is used when set" {
	ok add "Trong R57_DB"
	ok --db "$BATS_TEST_TMPDIR/other.db" add "Trong tệp khác"
	[ -f "$BATS_TEST_TMPDIR/other.db" ]
	eq "$(r57 list --format json | jq -r '.[].title')" "Trong R57_DB"
	eq "$(r57 --db "$BATS_TEST_TMPDIR/other.db" list --format json | jq -r '.[].title')" "Trong tệp khác"
}

@test "the default database is \$XDG_DATA_HOME/r57/r57.db, folder 0700, file 0600" {
	unset R57_DB
	ok add "Mặc định"
	local db=$XDG_DATA_HOME/r57/r57.db
	[ -f "$db" ] || { echo "no $db" >&2; false; }
	eq "$(stat -c %a "$XDG_DATA_HOME/r57")" 700 "folder mode"
	eq "$(stat -c %a "$db")" 600 "file mode"
	eq "$(sqlite3 "$db" 'select title from task')" "Mặc định"
}

@test "without XDG_DATA_HOME the default database is ~/.local/share/r57/r57.db" {
	unset R57_DB XDG_DATA_HOME
	ok add "Trong HOME"
	[ -f "$HOME/.local/share/r57/r57.db" ]
	eq "$(stat -c %a "$HOME/.local/share/r57")" 700 "folder mode"
	eq "$(stat -c %a "$HOME/.local/share/r57/r57.db")" 600 "file mode"
}

@test "a database made with --db is created mode 0600" {
	ok --db "$BATS_TEST_TMPDIR/new.db" add "Mới"
	eq "$(stat -c %a "$BATS_TEST_TMPDIR/new.db")" 600
}

@test "--help, help and --version" {
	ok --help
	has "$output" "add"
	has "$output" "status"
	has "$output" "undo"
	local h=$output
	ok help
	eq "$output" "$h" "help = --help"
	ok --version
	[[ $output =~ [0-9]+\.[0-9]+\.[0-9]+ ]] || { echo "version: $output" >&2; false; }
}

# help_in LANG: the last run printed the help in LANG (vi or en), not in
# the other language.
help_in() {
	local other=en
	[ "$1" = en ] && other=vi
	has "$output" "$(R57_LANG=$1 t 'Keys of the screen (r57 with no command, on a terminal):')"
	has "$output" "$(R57_LANG=$1 t 'Show the version.')"
	hasnt "$output" "$(R57_LANG=$other t 'Keys of the screen (r57 with no command, on a terminal):')"
	hasnt "$output" "$(R57_LANG=$other t 'Show the version.')"
}

@test "r57 --lang vi --help is in Vietnamese, --lang en --help in English" {
	# the catalogue translates these headings at all
	[ "$(R57_LANG=vi t 'Commands:')" != "$(R57_LANG=en t 'Commands:')" ]
	ok --lang vi --help
	help_in vi
	has "$output" "$(R57_LANG=vi t 'Commands:')"
	has "$output" "$(R57_LANG=vi t 'Options:')"
	has "$output" "  r57 add TITLE [--group G]"
	ok --lang=vi help
	help_in vi
	ok --lang en --help
	help_in en
	ok help --lang en
	help_in en
}

@test "the language comes from R57_LANG, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG; --lang wins" {
	R57_LANG= LC_ALL= LANGUAGE= LANG=vi_VN.UTF-8 run r57 --help
	eq "$status" 0
	help_in vi
	R57_LANG= LC_ALL= LANGUAGE= LC_MESSAGES=vi_VN.UTF-8 LANG=en_US.UTF-8 run r57 --help
	help_in vi
	R57_LANG= LANGUAGE=vi run r57 --help
	help_in vi
	R57_LANG= LANGUAGE=en LANG=vi_VN.UTF-8 run r57 --help
	help_in en
	R57_LANG= LANGUAGE= LC_ALL= LANG= run r57 --help
	help_in en
	R57_LANG=vi LANGUAGE=en LANG=en_US.UTF-8 run r57 --help
	help_in vi
	R57_LANG=en LANGUAGE=vi LANG=vi_VN.UTF-8 run r57 --help
	help_in en
	R57_LANG=vi LANGUAGE=vi LANG=vi_VN.UTF-8 run r57 --lang en --help
	help_in en
	R57_LANG=en LANGUAGE=en run r57 --lang vi --help
	help_in vi
	# and not only the help: messages and tables too
	ok add "Một"
	R57_LANG=vi run r57 --lang en list
	has "$output" "$(R57_LANG=en tn '%lld task' '%lld tasks' 1 1)"
	R57_LANG=en run r57 --lang vi list
	has "$output" "$(R57_LANG=vi tn '%lld task' '%lld tasks' 1 1)"
	has "$output" "$(R57_LANG=vi t 'DUE')"
}

@test "an unknown --lang or R57_LANG is a usage error (exit 2) that names it" {
	ok add "Một"
	assert_fails_cleanly 2 -- --lang fr list
	has "$stderr" "$(t "--lang: '%s' is not vi or en" fr)"
	assert_fails_cleanly 2 -- --lang= --help
	has "$stderr" "$(t "--lang: '%s' is not vi or en" "")"
	assert_fails_cleanly 2 -- add "Hai" --lang VI
	has "$stderr" "$(t "--lang: '%s' is not vi or en" VI)"
	assert_fails_cleanly 2 -- --lang
	# R57_LANG: the message is in the language the locale names
	R57_LANG=xx LANGUAGE=vi assert_fails_cleanly 2 -- list
	has "$stderr" "$(R57_LANG=vi t "R57_LANG: '%s' is not vi or en" xx)"
	R57_LANG=vietnamese LANGUAGE=en assert_fails_cleanly 2 -- --version
	has "$stderr" "$(R57_LANG=en t "R57_LANG: '%s' is not vi or en" vietnamese)"
	eq "$output" "" "nothing on stdout"
	# --lang given: a bad R57_LANG does not matter
	R57_LANG=xx ok --lang vi list
	eq "$(ids)" 1
}

@test "r57 with no command prints the status and a hint to r57 --help" {
	ok add "Một"
	run --separate-stderr r57
	eq "$status" 0
	has "$output$stderr" "--help"
}

@test "demo FILE makes a new database with tasks over every status" {
	local f=$BATS_TEST_TMPDIR/demo.db
	ok demo "$f"
	[ -f "$f" ]
	local said=$output
	run r57 --db "$f" list status:all --format json
	eq "$status" 0
	eq "$said" "$(t 'Created %s with %d example tasks. Try: r57 --db %s status' "$f" "$(jq length <<<"$output")" "$f")"
	[ "$(jq length <<<"$output")" -ge 8 ] || { echo "few tasks: $output" >&2; false; }
	eq "$(jq -r '[.[].status] | unique | join(",")' <<<"$output")" "cancelled,done,open,overdue"
	eq "$(jq -r '[.[] | select(.leader != null)] | length > 0' <<<"$output")" true "leaders"
	eq "$(jq -r '[.[] | select(.unit != null)] | length > 0' <<<"$output")" true "units"
	eq "$(jq -r '[.[] | select(.source != null)] | length > 0' <<<"$output")" true "sources"
	eq "$(jq -r '[.[] | select(.on_time == false)] | length > 0' <<<"$output")" true "a late one"
	R57_DB=$f run r57 status --format json
	eq "$status" 0
	[ "$(jq .all.total <<<"$output")" -gt 0 ]
}

@test "demo refuses a file that exists and leaves it alone" {
	server_differs "demo fills a server's database that has r57 init, whatever it holds (not yet refused)"
	ok add "Của tôi"
	assert_fails_cleanly 1 "$R57_DB" -- demo "$R57_DB"
	has "$stderr" "$(t '%s: already exists; demo makes a new database' "$R57_DB")"
	eq "$(ids)" 1
}

@test "several ids in one command are one journal entry" {
	ok add "Một"
	ok add "Hai"
	ok add "Ba"
	local before
	before=$(r57 history --format json | jq length)
	ok close 1 2 3
	eq "$(r57 history --format json | jq length)" $((before + 1)) "close 1 2 3"
	ok edit 1 2 3 --product "SP"
	eq "$(r57 history --format json | jq length)" $((before + 2)) "edit 1 2 3"
}
