#!/usr/bin/env bats
# The database file is data, never code: r57 runs only the SQL it was
# built with, never statements read from the file (issue 11, item 9).

load helpers

# craft DB: the sql of two of the file's indexes in sqlite_master edited
# (as another program could, with writable_schema) to carry a statement
# of their own after the index.
craft() {
	sqlite3 "$1" "PRAGMA writable_schema = ON;
		UPDATE sqlite_master SET sql = 'CREATE INDEX task_due_ix ON task(due); CREATE TABLE pwned(x)'
		 WHERE name = 'task_due_ix';
		UPDATE sqlite_master SET sql = 'CREATE INDEX task_search_title ON task_search(title_key); CREATE TABLE pwned2(x)'
		 WHERE name = 'task_search_title';"
}

@test "a bulk import and the search rebuild run none of the file's own index text" {
	add "Đầu tiên" >/dev/null
	craft "$R57_DB"
	eq "$(sqlite3 "$R57_DB" 'pragma quick_check')" ok "the crafted file still reads"
	{
		printf 'title,group\r\n'
		for i in $(seq 1 5000); do printf 'Nhiệm vụ %d,1\r\n' "$i"; done
	} >"$BATS_TEST_TMPDIR/big.csv"
	ok import "$BATS_TEST_TMPDIR/big.csv"
	ok list nhiệm
	eq "$(sqlite3 "$R57_DB" "select count(*) from sqlite_master where name like 'pwned%'")" 0 \
		"no table made by the file's text"
	eq "$(sqlite3 "$R57_DB" 'select count(*) from task')" 5001
	eq "$(sqlite3 "$R57_DB" "select sql from sqlite_master where name = 'task_due_ix'")" \
		"CREATE INDEX task_due_ix     ON task(due)" "the index made again from r57's schema"
	eq "$(sqlite3 "$R57_DB" 'pragma integrity_check')" ok
}

