#!/usr/bin/env bats
# r57 on a PostgreSQL server (issue 15, its first part): a real cluster of
# the machine's PostgreSQL, started by the file in a temporary folder
# (tests/pg/cluster.bash). r57 init makes the schema and the roles; the
# actor of every entry is the login, written by the server; the roles are
# enforced by the server and refused in a sentence; the journal keeps the
# same values as in an SQLite file; what the server does not do yet says
# so and changes nothing.

load helpers
source "$BATS_TEST_DIRNAME/../pg/cluster.bash"

setup_file() {
	pg_start
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c \
		"CREATE ROLE lan LOGIN; CREATE ROLE binh LOGIN; CREATE ROLE chi LOGIN; CREATE ROLE khoa LOGIN CREATEDB" >/dev/null
	export PGHOST PGPORT PGSU PGBIN PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	r57_setup
	unset R57_ACTOR
	DB=t$BATS_TEST_NUMBER
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE $DB" >/dev/null
	URI="postgresql:///$DB?host=$PGHOST&port=$PGPORT"
}
teardown() { r57_teardown; }

# as LOGIN ARGS...: r57 on this test's database, connected as LOGIN.
as() {
	local who=$1
	shift
	r57 --db "$URI&user=$who" "$@"
}

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d "$DB" -c "$1"
}

# A database made by the superuser, lan an editor, binh a viewer, chi an
# admin; a unit and a group made by chi.
made() {
	run --separate-stderr as "$PGSU" init
	[ "$status" -eq 0 ] || { echo "init: $stderr" >&2; return 1; }
	sql "GRANT r57_editor TO lan; GRANT r57_viewer TO binh; GRANT r57_admin TO chi"
	as chi unit add "Sở Nội vụ" >/dev/null
	as chi group add "Hạ tầng số" >/dev/null
}

@test "pg: init makes the schema and the roles, and a second init leaves them as they are" {
	ok --db "$URI&user=$PGSU" init
	has "$output" "$(t 'The r57 database at %s is ready (schema version %d).' "postgresql:///$DB?host=$PGHOST&port=$PGPORT&user=$PGSU" 5)"
	eq "$(sql "SELECT string_agg(rolname, ' ' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'r57\_%'")" \
		"r57_admin r57_editor r57_owner r57_viewer" "roles"
	eq "$(sql "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'r57'")" r57_owner "owner of the schema"
	eq "$(sql "SELECT version FROM r57.meta")" 5 "schema version"
	eq "$(sql "SELECT actor || ' ' || kind || ' ' || summary FROM r57.entry")" "$PGSU init create the database" "the init entry"
	ok --db "$URI&user=$PGSU" init
	eq "$(sql "SELECT count(*) FROM r57.entry")" 1 "entries after a second init"
}

@test "pg: a login that may not create roles cannot init; a database without the schema says who can make it" {
	run --separate-stderr as khoa init
	[ "$status" -eq 1 ]
	has "$stderr" "khoa"
	eq "$(sql "SELECT count(*) FROM pg_namespace WHERE nspname = 'r57'")" 0 "schemas made"
	run --separate-stderr as lan list
	[ "$status" -eq 1 ]
	has "$stderr" "$(t '%s: no r57 database on this server yet (an admin runs r57 init to make one)' "postgresql:///$DB?host=$PGHOST&port=$PGPORT&user=lan")"
}

@test "pg: add, list, show and close; every entry's actor is the login" {
	made
	id=$(as lan add "Nâng cấp hệ thống" --group 1 --unit "so noi vu" --due 31/12/2025 | sed -n 's/.*#\([0-9]*\).*/\1/p' | head -n 1)
	[ -n "$id" ]
	ok --db "$URI&user=lan" add "Second task" --due 15/06/2025
	ok --db "$URI&user=binh" list --format json
	eq "$(jq -r '[.[] | "\(.id):\(.title)"] | join(" | ")' <<<"$output")" "2:Second task | $id:Nâng cấp hệ thống" "list by deadline, read by a viewer"
	ok --db "$URI&user=binh" list nang --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" "$id" "a word without diacritics"
	ok --db "$URI&user=binh" list "nâng" --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" "$id" "a word with them"
	ok --db "$URI&user=binh" list "năng" --format json
	eq "$(jq -r 'length' <<<"$output")" 0 "a word whose diacritics differ"
	ok --db "$URI&user=binh" list status:overdue --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" 2 "status:overdue"
	ok --db "$URI&user=lan" close "$id" --result "Đã vận hành"
	ok --db "$URI&user=binh" show "$id" --format json
	eq "$(jq -r '.status + " " + .closed + " " + .result + " " + .unit' <<<"$output")" "done 2025-06-30 Đã vận hành Sở Nội vụ" "the task after close"
	eq "$(sql "SELECT string_agg(actor, ' ' ORDER BY seq) FROM r57.entry")" "$PGSU chi chi lan lan lan" "the journal's actors"
	has "$(sql "SELECT summary FROM r57.entry ORDER BY seq DESC LIMIT 1")" "#$id" "the close's summary"
	ok --db "$URI&user=binh" history --format json
	eq "$(jq -r '.[0].actor' <<<"$output")" lan "history's newest actor"
}

@test "pg: --actor and R57_ACTOR are refused on a server; nothing is written" {
	made
	run --separate-stderr as lan --actor someone add "A task"
	[ "$status" -eq 2 ]
	has "$stderr" "$(t '--actor: on a PostgreSQL server every change is recorded under the login r57 connects as; connect as the official instead (user= in --db, or $PGUSER), and unset $R57_ACTOR')"
	R57_ACTOR=someone run --separate-stderr as lan add "A task"
	[ "$status" -eq 2 ]
	eq "$(sql "SELECT count(*) FROM r57.task")" 0 "tasks"
	eq "$(sql "SELECT count(*) FROM r57.entry WHERE actor = 'someone'")" 0 "entries by someone"
}

@test "pg: the server enforces the roles: a viewer cannot change, an editor cannot add a unit, refused in a sentence" {
	made
	run --separate-stderr as binh add "A task"
	[ "$status" -eq 1 ]
	has "$stderr" "$(t '%s: %s is an r57 viewer, who reads but changes nothing; nothing was changed' "$URI&user=binh" binh)"
	hasnt "$stderr" "ERROR"
	hasnt "$stderr" "permission denied"
	run --separate-stderr as lan unit add "Sở Tài chính"
	[ "$status" -eq 1 ]
	has "$stderr" "$(t '%s: %s is an r57 editor: key task groups, units, leaders and sources are changed by an r57 admin; nothing was changed' "$URI&user=lan" lan)"
	hasnt "$stderr" "permission denied"
	# a login with no r57 role, reading or writing
	run --separate-stderr as khoa list
	[ "$status" -eq 1 ]
	has "$stderr" "$(t '%s: %s has no r57 role on this server (an r57 admin gives one with r57 role add); nothing was changed' "$URI&user=khoa" khoa)"
	hasnt "$stderr" "permission denied"
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.unit")" "0 1" "tasks and units after the refusals"
	eq "$(sql "SELECT count(*) FROM r57.entry")" 3 "entries after the refusals"
}

@test "pg: a client cannot write the journal, forge an actor or change a task unrecorded" {
	made
	ok --db "$URI&user=lan" add "A task"
	psql_lan() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U lan -d "$DB" -c "$1" 2>&1; }
	run psql_lan "INSERT INTO r57.entry(at, day, actor, summary, kind, xid) VALUES ('x', '2025-06-30', 'chi', 'forged', 'do', txid_current())"
	[ "$status" -ne 0 ]
	has "$output" "permission denied"
	run psql_lan "UPDATE r57.change_log SET v1 = 'x'"
	[ "$status" -ne 0 ]
	run psql_lan "DELETE FROM r57.entry"
	[ "$status" -ne 0 ]
	run psql_lan "UPDATE r57.entry SET actor = 'chi'"
	[ "$status" -ne 0 ]
	# a write of its own, outside r57, without an entry: refused
	run psql_lan "UPDATE r57.task SET title = 'sneaky'"
	[ "$status" -ne 0 ]
	has "$output" "a change without a journal entry"
	# nor can another transaction's entry be borrowed or renamed
	run psql_lan "SELECT r57.entry_set_summary(1, 'rewritten')"
	[ "$status" -ne 0 ]
	# through r57's own function, the entry is the login's whatever is said
	run psql_lan "BEGIN; SELECT r57.entry_start('2025-06-30', 'by hand'); UPDATE r57.task SET title = 'by hand'; COMMIT;"
	[ "$status" -eq 0 ]
	eq "$(sql "SELECT actor FROM r57.entry WHERE summary = 'by hand'")" lan "the actor of a hand-made entry"
	eq "$(sql "SELECT op || ' ' || cols || ' ' || v2 FROM r57.change_log WHERE entry = (SELECT seq FROM r57.entry WHERE summary = 'by hand')")" \
		"2 2 A task" "the change it filed"
	eq "$(sql "SELECT title FROM r57.task")" "by hand" "the title"
}

@test "pg: the journal records the same values as an SQLite file for the same actions" {
	made
	file=$BATS_TEST_TMPDIR/same.db
	for db in "$URI&user=lan" "$file"; do
		if [ "$db" = "$file" ]; then
			R57_ACTOR=an r57 --db "$db" unit add "Sở Nội vụ" >/dev/null
			R57_ACTOR=an r57 --db "$db" group add "Hạ tầng số" >/dev/null
			act() { R57_ACTOR=an r57 --db "$file" "$@"; }
		else
			act() { r57 --db "$URI&user=lan" "$@"; }
		fi
		act add "Cơ sở dữ liệu đất đai" --group 1 --due 31/12/2025 --notes "ghi chú" >/dev/null
		act edit 1 --title "Cơ sở dữ liệu đất đai tỉnh" --notes "" >/dev/null
		act assign 1 --unit "Sở Nội vụ" --with "Sở Nội vụ" >/dev/null
		act close 1 --result "xong" >/dev/null
		act reopen 1 >/dev/null
		act delete 1 >/dev/null
		act undo >/dev/null
		act undo >/dev/null
		act redo >/dev/null
		act add "Thứ hai" --with "Sở Nội vụ" >/dev/null
		act undo >/dev/null
	done
	# the changes to tasks and their units: table, row, op, columns,
	# values; without the task's time of change (bit 16, v17: recorded
	# only when the clock moved a second) and its uuid (v1, random)
	cols="tbl || ':' || row_id || ':' || op || ':' || (cols & ~65536) || ':' || CASE WHEN tbl = 5 THEN 'uuid' ELSE coalesce(v1,'~') END || ':' || coalesce(v2,'~') || ':' || coalesce(v3,'~') || ':' || coalesce(v7,'~') || ':' || coalesce(v8,'~') || ':' || coalesce(v11,'~') || ':' || coalesce(v13,'~') || ':' || coalesce(v14,'~') || ':' || coalesce(v15,'~')"
	pg=$(sql "SELECT string_agg($cols, ' ' ORDER BY id) FROM r57.change_log WHERE tbl IN (5, 6)")
	lite=$(sqlite3 "$file" "SELECT group_concat(x, ' ') FROM (SELECT $cols AS x FROM change_log WHERE tbl IN (5, 6) ORDER BY id)")
	[ -n "$pg" ]
	eq "$pg" "$lite" "change_log on the server and in the file"
}

@test "pg: r57 check on a server reads the journal and its rows, finds them sound, and changes nothing" {
	made
	ok --db "$URI&user=lan" add "A task"
	before=$(sql "SELECT count(*) FROM r57.entry")
	ok --db "$URI&user=binh" check
	eq "$(sql "SELECT count(*) FROM r57.entry")" "$before" "entries"
	eq "$(sql "SELECT title FROM r57.task")" "A task" "the task"
	# a row written with the journal's trigger away is not in the journal
	sql "ALTER TABLE r57.unit DISABLE TRIGGER unit_journal; INSERT INTO r57.unit(name) VALUES ('Sở Y tế');
	     ALTER TABLE r57.unit ENABLE TRIGGER unit_journal"
	run --separate-stderr as binh check
	[ "$status" -eq 1 ]
	has "$output" "$(t 'journal: %s row %lld is not in the journal' unit "$(sql "SELECT id FROM r57.unit WHERE name = 'Sở Y tế'")")"
}

@test "pg: a login with a password: ~/.pgpass, PGPASSWORD, the URI's and the keyword string's, sslmode and postgres:// accepted" {
	made
	# a login the server asks a password of (the other logins stay trusted)
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "SET password_encryption = 'scram-sha-256'" \
		-c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pw') THEN CREATE ROLE pw LOGIN PASSWORD 'sekret'; END IF; END\$\$" >/dev/null
	sql "GRANT r57_viewer TO pw"
	as lan add "Việc có mật khẩu" >/dev/null
	grep -q '^local all pw scram' "$PG_DIR/data/pg_hba.conf" ||
		as_owner sed -i '1i local all pw scram-sha-256' "$PG_DIR/data/pg_hba.conf"
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" reload >/dev/null
	local n=50
	while PGPASSWORD= PGPASSFILE=/nonexistent "$PGBIN/psql" -X -q -w -U pw -d "$DB" -c "SELECT 1" >/dev/null 2>&1; do
		n=$((n - 1))
		[ $n -gt 0 ] || { echo "the server does not ask pw a password" >&2; return 1; }
		sleep 0.1
	done
	PGPASSFILE=/nonexistent run --separate-stderr r57 --db "$URI&user=pw" list
	[ "$status" -eq 1 ]
	hasnt "$output" "Việc có mật khẩu"
	PGPASSWORD=sekret ok --db "$URI&user=pw" list
	has "$output" "Việc có mật khẩu"
	echo "*:*:*:pw:sekret" >"$BATS_TEST_TMPDIR/pgpass"
	chmod 600 "$BATS_TEST_TMPDIR/pgpass"
	PGPASSFILE="$BATS_TEST_TMPDIR/pgpass" ok --db "$URI&user=pw&sslmode=prefer" list
	has "$output" "Việc có mật khẩu"
	ok --db "postgres://pw:sekret@/$DB?host=$PGHOST&port=$PGPORT" list
	has "$output" "Việc có mật khẩu"
	ok --db "dbname=$DB host=$PGHOST port=$PGPORT user=pw password=sekret" list
	has "$output" "Việc có mật khẩu"
	# a wrong one: said, the password hidden
	run --separate-stderr r57 --db "dbname=$DB host=$PGHOST port=$PGPORT user=pw password=wrong" list
	[ "$status" -eq 1 ]
	has "$stderr" "password=***"
	hasnt "$stderr" "wrong"
	# roles are the cluster's: the other tests list theirs
	sql "REVOKE r57_viewer FROM pw"
}

@test "pg: a server that cannot be reached is named, its password hidden" {
	run --separate-stderr r57 --db "postgresql://lan:secret@/$DB?host=$BATS_TEST_TMPDIR/nosuch" list
	[ "$status" -eq 1 ]
	has "$stderr" "postgresql://lan:***@/$DB?host=$BATS_TEST_TMPDIR/nosuch: "
	hasnt "$stderr" "secret"
}

@test "pg: an export imported into the server and exported again is the same, ids and uuids kept; new ids follow" {
	made
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/demo.db" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/demo.db" export --format json -o "$BATS_TEST_TMPDIR/file.json" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/demo.db" export -o "$BATS_TEST_TMPDIR/file.csv" >/dev/null
	ok --db "$URI&user=lan" import "$BATS_TEST_TMPDIR/file.csv" --dry-run
	eq "$(sql "SELECT count(*) FROM r57.task")" 0 "tasks after a dry run"
	ok --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/file.csv"
	ok --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/file.csv"
	eq "$(sql "SELECT count(*) FROM r57.entry WHERE summary LIKE '%file.csv%'")" 1 "entries: a second import changed nothing"
	ok --db "$URI&user=binh" export --format json -o "$BATS_TEST_TMPDIR/server.json"
	same() { jq -S '.tasks | map(del(.updated))' "$1"; }
	eq "$(same "$BATS_TEST_TMPDIR/server.json")" "$(same "$BATS_TEST_TMPDIR/file.json")" "the tasks, exported from the server and from the file"
	n=$(jq '.tasks | length' "$BATS_TEST_TMPDIR/file.json")
	max=$(jq '[.tasks[].id] | max' "$BATS_TEST_TMPDIR/file.json")
	ok --db "$URI&user=lan" add "After the import"
	has "$output" "#$((max + 1))"
	eq "$(sql "SELECT count(*) FROM r57.task")" "$((n + 1))" "tasks"
	eq "$(sql "SELECT count(*) FROM r57.change_log WHERE tbl = 5 AND op = 1")" "$((n + 1))" "additions journaled"
}

@test "pg: undo and redo, per login: the rows back as they were, refused with who when another changed them since" {
	made
	export_tasks() { r57 --db "$URI&user=binh" export --format json | jq -S '.tasks | map(del(.updated))'; }
	ok --db "$URI&user=lan" add "Nâng cấp cổng dịch vụ công" --group 1 --due 31/12/2025 --notes "ghi chú"
	before=$(export_tasks)
	ok --db "$URI&user=lan" edit 1 --title "Cổng dịch vụ công" --notes ""
	ok --db "$URI&user=lan" undo
	eq "$(export_tasks)" "$before" "the tasks after undo of the edit"
	ok --db "$URI&user=binh" list nang --format json
	eq "$(jq -r '[.[].id] | join(" ")' <<<"$output")" 1 "the old title's words found again"
	ok --db "$URI&user=lan" redo
	ok --db "$URI&user=binh" list nang --format json
	eq "$(jq -r 'length' <<<"$output")" 0 "the old title's words gone after redo"
	after_edit=$(export_tasks)
	# binh, made an editor, closes it: lan's assign before that cannot be
	# undone, and the refusal names binh and the entry
	sql "GRANT r57_editor TO binh"
	ok --db "$URI&user=lan" assign 1 --unit "Sở Nội vụ"
	ok --db "$URI&user=binh" close 1
	run --separate-stderr as lan undo
	[ "$status" -eq 1 ]
	has "$stderr" "binh"
	has "$stderr" "$(sql "SELECT seq FROM r57.entry WHERE actor = 'binh' AND kind = 'do' ORDER BY seq DESC LIMIT 1")"
	# binh undoes the close, then lan the assign: back to after the edit
	ok --db "$URI&user=binh" undo
	ok --db "$URI&user=lan" undo
	eq "$(export_tasks)" "$after_edit" "the tasks after both undos"
	# a deletion comes back whole, with its unit
	ok --db "$URI&user=lan" assign 1 --with "Sở Nội vụ"
	with_unit=$(export_tasks)
	ok --db "$URI&user=lan" delete 1
	ok --db "$URI&user=lan" undo
	eq "$(export_tasks)" "$with_unit" "the task after undo of its deletion"
	eq "$(sql "SELECT undone FROM r57.entry WHERE kind = 'do' ORDER BY seq DESC LIMIT 1")" 1 "the deletion marked undone"
	# nobody can mark another's entry undone by hand
	run "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U binh -d "$DB" -c \
		"SELECT r57.entry_start('2025-06-30', 'x', 'undo', $(sql "SELECT seq FROM r57.entry WHERE actor = 'lan' AND kind = 'do' AND undone = 0 ORDER BY seq DESC LIMIT 1"))"
	[ "$status" -ne 0 ]
	has "$output" "is not an action of binh"
}

@test "pg: the undo of an import removes it whole; its redo brings it back" {
	made
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/demo.db" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/demo.db" export -o "$BATS_TEST_TMPDIR/file.csv" >/dev/null
	ok --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/file.csv"
	n=$(sql "SELECT count(*) FROM r57.task")
	[ "$n" -gt 10 ]
	units=$(sql "SELECT count(*) FROM r57.unit")
	ok --db "$URI&user=chi" undo
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.task_unit") $(sql "SELECT count(*) FROM r57.unit")" "0 0 1" "tasks, their units and units after the undo"
	ok --db "$URI&user=chi" redo
	eq "$(sql "SELECT count(*) FROM r57.task") $(sql "SELECT count(*) FROM r57.unit")" "$n $units" "tasks and units after the redo"
	ok --db "$URI&user=binh" list --format json
	[ "$(jq length <<<"$output")" -gt 0 ]
}

@test "pg: reminders: the same notices as from a file, issued by the login, listed, undone" {
	made
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/demo.db" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/demo.db" export --format json -o "$BATS_TEST_TMPDIR/file.json" >/dev/null
	ok --db "$URI&user=chi" import "$BATS_TEST_TMPDIR/file.json"
	file=$(R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/demo.db" remind --within 30)
	ok --db "$URI&user=lan" remind --within 30
	server=$output
	[ -n "$server" ]
	# all but the line that names the journal entry, whose number differs
	eq "$(grep -v '#[0-9]' <<<"$server")" "$(grep -v '#[0-9]' <<<"$file")" "the notices"
	n=$(sql "SELECT count(*) FROM r57.reminder")
	[ "$n" -gt 0 ]
	ok --db "$URI&user=binh" reminders
	eq "$(grep -c '^#[0-9]' <<<"$output")" "$n" "reminders listed"
	eq "$(grep '^#[0-9]' <<<"$output" | awk '{ print $3 }' | sort -u)" lan "who issued them"
	ok --db "$URI&user=lan" undo
	eq "$(sql "SELECT count(*) FROM r57.reminder") $(sql "SELECT count(*) FROM r57.reminder_task")" "0 0" "reminders after the undo"
}

@test "pg: r57 role gives and takes the roles; only an admin may; a login must exist" {
	run --separate-stderr as "$PGSU" init
	sql "GRANT r57_admin TO chi"
	ok --db "$URI&user=chi" role add lan --editor
	ok --db "$URI&user=chi" role add binh --viewer
	hasnt "$stderr" "WARNING"
	ok --db "$URI&user=chi" role list
	eq "$(awk 'NR > 1 { print $1 ":" $2 }' <<<"$output" | tr '\n' ' ')" "binh:viewer chi:admin lan:editor " "the roles listed"
	ok --db "$URI&user=lan" add "A task"
	run --separate-stderr as lan role add binh --admin
	[ "$status" -eq 1 ]
	has "$stderr" "$(t '%s may not give roles (an r57 admin may); nothing was changed' lan)"
	run --separate-stderr as chi role add nobody --viewer
	[ "$status" -eq 1 ]
	has "$stderr" "nobody"
	run --separate-stderr as chi role add binh --viewer --unit 1
	[ "$status" -eq 2 ]
	run --separate-stderr as chi role add binh
	[ "$status" -eq 2 ]
	ok --db "$URI&user=chi" role remove lan
	eq "$(sql "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = 'lan'")" 0 "lan's memberships"
	run --separate-stderr as lan add "Another"
	[ "$status" -eq 1 ]
	eq "$(sql "SELECT count(*) FROM r57.task")" 1 "tasks"
	# a file has no roles
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/f.db" add "x" >/dev/null
	run --separate-stderr r57 --db "$BATS_TEST_TMPDIR/f.db" role list
	[ "$status" -eq 2 ]
	has "$stderr" "$(t '%s: roles are a PostgreSQL server'"'"'s; a database file has no logins (whoever may write the file may change all of it)' "$BATS_TEST_TMPDIR/f.db")"
}

@test "pg: a unit's focal point changes only its unit's tasks, said in a sentence, enforced by the server" {
	made
	as chi unit add "Sở Tài chính" >/dev/null
	ok --db "$URI&user=chi" role add lan --editor --unit "Sở Nội vụ"
	has "$output" "Sở Nội vụ"
	ok --db "$URI&user=chi" add "Của Nội vụ" --unit "Sở Nội vụ" --due 01/06/2025
	ok --db "$URI&user=chi" add "Của Tài chính" --unit "Sở Tài chính" --due 01/06/2025
	ok --db "$URI&user=lan" close 1
	refused="$(t '%s may change only the tasks whose lead unit is %s; nothing was changed' lan 'Sở Nội vụ')"
	refuses() {
		run --separate-stderr as lan "$@"
		[ "$status" -eq 1 ] || { echo "$*: exit $status" >&2; return 1; }
		has "$stderr" "$refused"
	}
	refuses close 2
	refuses edit 2 --title x
	refuses delete 2
	refuses assign 1 --unit "Sở Tài chính"
	refuses assign 2 --with "Sở Nội vụ"
	# what only the server refuses (a unit is an admin's) is said the same
	refuses unit add "Sở Mới"
	hasnt "$stderr" "permission denied"
	run --separate-stderr as lan add "Mới" --unit "Sở Tài chính"
	has "$stderr" "$refused"
	ok --db "$URI&user=lan" add "Mới của Nội vụ" --unit "Sở Nội vụ"
	eq "$(sql "SELECT string_agg(id || ':' || status || ':' || unit_id, ' ' ORDER BY id) FROM r57.task")" "1:done:1 2:open:2 3:open:1" "the tasks"
	# the server itself holds it, whatever the client: psql as lan
	run "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U lan -d "$DB" -c \
		"BEGIN; SELECT r57.entry_start('2025-06-30', 'by hand'); UPDATE r57.task SET unit_id = 1 WHERE id = 2; COMMIT;"
	eq "$(sql "SELECT unit_id FROM r57.task WHERE id = 2")" 2 "task 2's unit after a write by hand"
	run "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U lan -d "$DB" -c \
		"BEGIN; SELECT r57.entry_start('2025-06-30', 'by hand'); UPDATE r57.task SET unit_id = 2 WHERE id = 1; COMMIT;"
	[ "$status" -ne 0 ]
	has "$output" "row-level security"
	# and issues no reminders
	run --separate-stderr as lan remind
	[ "$status" -eq 1 ]
	has "$stderr" "lan"
	eq "$(sql "SELECT count(*) FROM r57.reminder")" 0 "reminders"
}

@test "pg: a connection lost in the middle of an import: a clear message, nothing of it written" {
	# (20,000 rows: seconds of writing, whatever the machine, so that the
	# session ends while the import is under way)
	made
	{
		echo "title,unit"
		for i in $(seq 1 20000); do echo "Nhiệm vụ $i,Sở Nội vụ"; done
	} >"$BATS_TEST_TMPDIR/big.csv"
	# the server ends lan's session as soon as the import is at work
	(
		for _ in $(seq 1 100); do
			sleep 0.1
			n=$(sql "SELECT count(*) FROM pg_stat_activity WHERE usename = 'lan' AND state = 'active'")
			if [ "$n" -gt 0 ]; then
				sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'lan'" >/dev/null
				break
			fi
		done
	) &
	run --separate-stderr as lan import "$BATS_TEST_TMPDIR/big.csv"
	wait
	[ "$status" -eq 1 ]
	has "$stderr" "$(tmsg '%s: the connection to the server was lost while %s (%s); nothing was changed' | cut -d'%' -f2 | sed 's/^s: //')"
	eq "$(sql "SELECT count(*) FROM r57.task")" 0 "tasks after the lost import"
	eq "$(sql "SELECT count(*) FROM r57.entry WHERE actor = 'lan'")" 0 "lan's entries"
	# the next command connects again and works
	ok --db "$URI&user=lan" add "After"
}

@test "pg: r57 copy, a file to the server and back: the same database, journal and all; undo goes on in the copy" {
	run --separate-stderr as "$PGSU" init
	R57_ACTOR=an r57 demo "$BATS_TEST_TMPDIR/a.db" >/dev/null
	R57_ACTOR=an r57 --db "$BATS_TEST_TMPDIR/a.db" edit 1 --title "Tên mới" --notes "" >/dev/null
	ok --db "$URI&user=$PGSU" copy --from "$BATS_TEST_TMPDIR/a.db"
	has "$output" "$(sqlite3 "$BATS_TEST_TMPDIR/a.db" "SELECT count(*) FROM task")"
	# into a database that holds anything: refused, nothing changed
	run --separate-stderr as "$PGSU" copy --from "$BATS_TEST_TMPDIR/a.db"
	[ "$status" -eq 1 ]
	eq "$(sql "SELECT count(*) FROM r57.entry")" "$(sqlite3 "$BATS_TEST_TMPDIR/a.db" "SELECT count(*) FROM entry")" "entries on the server"
	# an editor may not write a journal as it was
	sql "CREATE DATABASE ${DB}b" 2>/dev/null || "$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE ${DB}b" >/dev/null
	r57 --db "postgresql:///${DB}b?host=$PGHOST&port=$PGPORT&user=$PGSU" init >/dev/null
	"$PGBIN/psql" -X -q -U "$PGSU" -d "${DB}b" -c "GRANT r57_editor TO lan" 2>/dev/null
	run --separate-stderr r57 --db "postgresql:///${DB}b?host=$PGHOST&port=$PGPORT&user=lan" copy --from "$BATS_TEST_TMPDIR/a.db"
	[ "$status" -eq 1 ]
	has "$stderr" "lan"
	# back to a new file: every row of every table the same, types too
	ok --db "$URI&user=$PGSU" copy --to "$BATS_TEST_TMPDIR/b.db"
	for q in "SELECT * FROM entry ORDER BY seq" \
		"SELECT id, entry, tbl, row_id, op, cols, quote(v1), quote(v2), quote(v3), quote(v7), quote(v11), quote(v13), quote(v14), quote(v17) FROM change_log ORDER BY id" \
		"SELECT * FROM task ORDER BY id" "SELECT * FROM task_unit ORDER BY id" "SELECT * FROM unit ORDER BY id" \
		"SELECT * FROM leader ORDER BY id" "SELECT * FROM task_group ORDER BY id" "SELECT * FROM source ORDER BY id"; do
		eq "$(sqlite3 "$BATS_TEST_TMPDIR/b.db" "$q")" "$(sqlite3 "$BATS_TEST_TMPDIR/a.db" "$q")" "$q"
	done
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" check
	# the history goes on in both: an's newest change undone in the copy
	R57_ACTOR=an ok --db "$BATS_TEST_TMPDIR/b.db" undo
	has "$output" "#$(sqlite3 "$BATS_TEST_TMPDIR/a.db" "SELECT max(seq) FROM entry")"
	ok --db "$URI&user=$PGSU" add "After the copy"
	has "$output" "#$(( $(sqlite3 "$BATS_TEST_TMPDIR/a.db" "SELECT max(id) FROM task") + 1 ))"
	# a file that is there already is not written over
	run --separate-stderr as "$PGSU" copy --to "$BATS_TEST_TMPDIR/a.db"
	[ "$status" -eq 1 ]
}

@test "pg: r57 backup of a server writes a file that is the same database" {
	made
	ok --db "$URI&user=lan" add "Một" --due 31/12/2025
	ok --db "$URI&user=lan" close 1
	ok --db "$URI&user=binh" backup "$BATS_TEST_TMPDIR/bk.db"
	R57_ACTOR=x ok --db "$BATS_TEST_TMPDIR/bk.db" check
	eq "$(R57_ACTOR=x r57 --db "$BATS_TEST_TMPDIR/bk.db" export --format json | jq -S '.tasks')" \
		"$(r57 --db "$URI&user=binh" export --format json | jq -S '.tasks')" "the tasks"
	eq "$(sqlite3 "$BATS_TEST_TMPDIR/bk.db" "SELECT group_concat(actor, ' ') FROM (SELECT actor FROM entry ORDER BY seq)")" "$PGSU chi chi lan lan" "the actors"
	run --separate-stderr as binh backup "$BATS_TEST_TMPDIR/bk.db"
	[ "$status" -eq 1 ]
	ok --db "$URI&user=binh" backup "$BATS_TEST_TMPDIR/bk.db" --force
	[ ! -e "$BATS_TEST_TMPDIR/bk.db.r57-backup" ]
}
