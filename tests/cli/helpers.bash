# tests/cli/helpers.bash: shared by every tests/cli/*.bats (load helpers).
#
# Each test gets its own database in its own temporary folder, a pinned
# date and an actor:
#     R57_DB=$BATS_TEST_TMPDIR/t.db  R57_TODAY=30/06/2025  R57_ACTOR=an
# `r57` is a function that runs the repository's ./r57, so `run r57 ...`
# works as usual. Any run that ends with a sanitizer's exit status (86 for
# ASan, 87 for UBSan; tests/run sets them) or leaves a sanitizer report
# fails the test in teardown, even when the run itself was expected to fail.
#
# A .bats file that needs its own setup or teardown defines it and calls
# r57_setup / r57_teardown first.
#
# With R57_TEST_STORE=pg (tests/run cli-pg, tui-pg) the same tests run on
# a PostgreSQL server (tests/pg/suite.bash): R57_DB names a database of
# the test's own on the run's cluster, R57_ACTOR and --actor become the
# login r57 connects as, db_sql queries the server, and a test about the
# file itself says so with file_only "why", which skips it there.

bats_require_minimum_version 1.5.0

R57_ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
R57_BIN=${R57_TEST_BIN:-$R57_ROOT/r57}
FIXTURES=$BATS_TEST_DIRNAME/fixtures
R57_STORE=${R57_TEST_STORE:-file}
if [ "$R57_STORE" = pg ]; then
	source "$R57_ROOT/tests/pg/suite.bash"
fi

r57_setup() {
	# never the user's real database, even when bats runs outside tests/run
	export HOME=$BATS_TEST_TMPDIR/home
	export XDG_DATA_HOME=$BATS_TEST_TMPDIR/xdg
	mkdir -p "$HOME" "$XDG_DATA_HOME"
	export TZ=${TZ:-Asia/Ho_Chi_Minh}
	export LC_ALL=C.UTF-8
	export R57_DB=$BATS_TEST_TMPDIR/t.db
	export R57_TODAY=30/06/2025
	export R57_ACTOR=an
	# tests/run sets the language of the pass; alone, bats runs in English.
	export R57_LANG=${R57_LANG:-en}
	unset COLUMNS
	SAN_DIR=$BATS_TEST_TMPDIR/san
	mkdir -p "$SAN_DIR"
	chmod 1777 "$SAN_DIR"
	export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}:log_path=$SAN_DIR/asan"
	export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:exitcode=87:print_stacktrace=1}:log_path=$SAN_DIR/ubsan"
	[ -x "$R57_BIN" ] || {
		echo "r57 is not built: $R57_BIN" >&2
		return 1
	}
	if [ "$R57_STORE" = pg ]; then
		pg_test_setup || return 1
	fi
}

# on_server: true in the server mode (R57_TEST_STORE=pg).
on_server() { [ "$R57_STORE" = pg ]; }

# file_only WHY: skip this test on a server: it is about the SQLite file
# itself (its permissions, damage, old versions, sqlite3 on it...).
file_only() {
	if on_server; then
		skip "file only: $1"
	fi
}

# store_free WHY: skip this test on a server: what it checks happens
# before any store is opened (WHY), so the file pass has proved it for
# both; run there, it would only spend the server pass's time.
store_free() {
	if on_server; then
		skip "the same on both stores: $1"
	fi
}

# server_differs WHY: skip this test on a server, where r57 does
# otherwise by design (docs/postgresql.md); WHY says how.
server_differs() {
	if on_server; then
		skip "on a server: $1"
	fi
}

# db_load FILE: this test's database becomes a copy of the r57 file FILE
# (a fixture made once in setup_file): cp, or on a server r57 copy --from
# (tests/pg/suite.bash's pg_load).
db_load() {
	if on_server; then
		pg_load "$1"
	else
		cp "$1" "$R57_DB"
	fi
}

# db_sql SQL: the rows of a simple query on this test's database, as
# sqlite3 prints them (fields by |): sqlite3 on the file, or psql on the
# server as its superuser (schema r57). The SQL must mean the same on both
# (count, max, CASE rather than a bare boolean); group_concat(x) and
# hex(x) are turned into PostgreSQL's string_agg(x::text, ',') and
# upper(encode(...)).
db_sql() {
	if on_server; then
		local q
		q=$(sed -E -e 's/group_concat\(([^()]*)\)/string_agg((\1)::text, \x27,\x27)/g' \
			-e 's/hex\(([^()]*)\)/upper(encode(convert_to(\1, \x27UTF8\x27), \x27hex\x27))/g' <<<"$1")
		pg_db_sql "$q"
	else
		sqlite3 "$R57_DB" "$1"
	fi
}

# _fill FORMAT [ARG...]: printf by perl, which takes the numbered
# arguments (%1$s) a translation may use to reorder them; bash's does not.
_fill() {
	perl -e 'printf($ARGV[0], @ARGV[1 .. $#ARGV])' -- "$@"
}

# t MSGID [ARG...]: a message as r57 says it in this run's language, read
# from the catalogue the build made (build/locale), with printf filling in
# ARGs. Assertions on messages use it, so the same test checks both
# languages: has "$(t 'task #%lld is already done (closed %s)' 3 2025-06-30)".
t() {
	local m
	m=$(TEXTDOMAINDIR="$R57_ROOT/build/locale" LANGUAGE="${R57_LANG:-en}" LC_ALL=C.UTF-8 \
		gettext -d r57 -- "$1") || return 1
	shift
	_fill "$m" "$@"
}

# tn SINGULAR PLURAL N [ARG...]: like t for a message with a plural (in
# English "1 task", "2 tasks"); N chooses the form, ARGs fill it.
tn() {
	local m
	m=$(TEXTDOMAINDIR="$R57_ROOT/build/locale" LANGUAGE="${R57_LANG:-en}" LC_ALL=C.UTF-8 \
		ngettext -d r57 -- "$1" "$2" "$3") || return 1
	shift 3
	_fill "$m" "$@"
}

# tmsg MSGID: the message itself in this run's language, its printf
# directives left in (for a pattern: the part before "%lld", say).
tmsg() {
	TEXTDOMAINDIR="$R57_ROOT/build/locale" LANGUAGE="${R57_LANG:-en}" LC_ALL=C.UTF-8 \
		gettext -d r57 -- "$1"
}

# tre MSGID: an extended regular expression for the message in this run's
# language, each printf directive standing for any text: for messages whose
# arguments a test does not spell out (assert_error ... "$(tre '...')").
tre() {
	local m
	m=$(tmsg "$1") || return 1
	printf '%s' "$m" | sed -E -e 's/[][\.^$*+?(){}|/]/\\&/g' \
		-e 's/%([0-9]+\\\$)?[-+ #0]*[0-9]*(\\\.[0-9]+)?(hh|h|ll|l|z|j|t)?[sdiuxXfgc]/.*/g'
}

# added_id OUTPUT: the id in "Added task #ID: TITLE" (in this run's
# language); fails on any other output.
added_id() {
	local fmt pre rest
	fmt=$(tmsg 'Added task #%lld: %s') || return 1
	pre=${fmt%%"%lld"*}
	[[ $1 == "$pre"* ]] || return 1
	rest=${1#"$pre"}
	[[ $rest =~ ^([0-9]+) ]] || return 1
	echo "${BASH_REMATCH[1]}"
}

r57_teardown() {
	local bad=0 f d
	if [ -f "$BATS_TEST_TMPDIR/.nobody-dirs" ]; then
		while IFS= read -r d; do
			chmod -R u+rwX "$d" 2>/dev/null
			rm -rf "$d"
		done <"$BATS_TEST_TMPDIR/.nobody-dirs"
	fi
	if [ -s "$SAN_DIR/hits" ]; then
		echo "sanitizer exit status in:" >&2
		cat "$SAN_DIR/hits" >&2
		bad=1
	fi
	for f in "$SAN_DIR"/asan.* "$SAN_DIR"/ubsan.*; do
		[ -e "$f" ] || continue
		echo "--- sanitizer report $f ---" >&2
		head -n 60 "$f" >&2
		bad=1
	done
	if [ "$R57_STORE" = pg ]; then
		pg_test_teardown
	fi
	return $bad
}

setup() { r57_setup; }
teardown() { r57_teardown; }

# r57 ARGS...: run the program under test; a sanitizer exit is recorded.
# On a server it connects as the actor (see pg_actor_args).
r57() {
	local rc=0
	if [ "$R57_STORE" = pg ]; then
		local PG_ARGS PG_LOGIN PG_ACTOR_ENV
		pg_actor_args "$@" || return 1
		PGUSER=$PG_LOGIN R57_ACTOR=$PG_ACTOR_ENV "$R57_BIN" "${PG_ARGS[@]}" || rc=$?
		_r57_guard "$rc" "$@"
		return "$rc"
	fi
	"$R57_BIN" "$@" || rc=$?
	_r57_guard "$rc" "$@"
	return "$rc"
}

# nobody_dir: print a fresh folder that user nobody can enter (mode 0755,
# every parent searchable), holding a copy of the binary as r57 and of the
# message catalogue beside it in build/locale, where r57 looks: the
# checkout itself may sit where nobody cannot go (/root).
nobody_dir() {
	local base d
	for base in "${TMPDIR:-/tmp}" /tmp; do
		d=$(mktemp -d "$base/r57-nobody.XXXXXX") || continue
		chmod 0755 "$d"
		cp "$R57_BIN" "$d/r57" && chmod 0755 "$d/r57"
		if [ -d "$R57_ROOT/build/locale" ]; then
			mkdir -p "$d/build" && cp -R "$R57_ROOT/build/locale" "$d/build/" &&
				chmod -R a+rX "$d/build"
		fi
		if setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$d/r57"; then
			echo "$d" >>"$BATS_TEST_TMPDIR/.nobody-dirs"
			echo "$d"
			return 0
		fi
		rm -rf "$d"
	done
	echo "no folder that nobody can enter" >&2
	return 1
}

# r57_as_nobody DIR ARGS...: run DIR/r57 (from nobody_dir) as user nobody,
# without the sanitizers' log files (nobody cannot write there).
r57_as_nobody() {
	local dir=$1 rc=0
	shift
	env ASAN_OPTIONS=exitcode=86:detect_leaks=1 \
		UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1 \
		setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$dir/r57" "$@" || rc=$?
	_r57_guard "$rc" "$@"
	return "$rc"
}

_r57_guard() {
	local rc=$1
	shift
	if [ "$rc" -eq 86 ] || [ "$rc" -eq 87 ]; then
		printf 'exit %s: r57 %s\n' "$rc" "$*" >>"$SAN_DIR/hits"
	fi
}

# ok ARGS...: run r57 and fail the test (showing why) unless it succeeds.
# $output and $stderr are those of the run.
ok() {
	run --separate-stderr r57 "$@"
	if [ "$status" -ne 0 ]; then
		printf 'r57 %s: exit %s\nstdout: %s\nstderr: %s\n' "$*" "$status" "$output" "$stderr" >&2
		return 1
	fi
}

# add TITLE ARGS...: add a task; prints its id (from "Added task #ID: ...",
# in either language).
add() {
	local out
	out=$(r57 add "$@") || {
		echo "r57 add $*: failed" >&2
		return 1
	}
	added_id "$out" || {
		echo "r57 add $*: unexpected output: $out" >&2
		return 1
	}
}

# sha FILE: the file's sha256, or "absent". (No cut: assert_db_unchanged
# runs it twice a run, over 2,000 times in options.bats alone.)
# On a server, the database of the test (dbname=...) has a hash of what
# it holds (pg_db_state).
sha() {
	local h
	if on_server && [ "$1" = "$R57_DB" ]; then
		pg_db_state
	elif [ -e "$1" ]; then
		h=$(sha256sum <"$1") || :
		echo "${h%% *}"
	else
		echo absent
	fi
}

# assert_db_unchanged [--hash FILE] [--nobody DIR] ARGS...: run r57 ARGS
# (with separate stderr; as nobody with --nobody, see r57_as_nobody), and
# fail unless the database file has the same sha256 afterwards and no
# journal file was left behind. The file is FILE, else the value of a
# --db among ARGS, else $R57_DB. $status, $output, $stderr are the run's.
assert_db_unchanged() {
	local db="" runner=r57
	while :; do
		case $1 in
		--hash) db=$2; shift 2 ;;
		--nobody) runner="r57_as_nobody $2"; shift 2 ;;
		*) break ;;
		esac
	done
	if [ -z "$db" ]; then
		db=$R57_DB
		local a prev=""
		for a in "$@"; do
			[ "$prev" = --db ] && { db=$a; break; }
			prev=$a
		done
	fi
	local before after
	before=$(sha "$db")
	# shellcheck disable=SC2086
	run --separate-stderr $runner "$@"
	after=$(sha "$db")
	if [ "$before" != "$after" ]; then
		printf 'database %s changed by: r57 %s\n  before %s\n  after  %s\n' \
			"$db" "$*" "$before" "$after" >&2
		return 1
	fi
	if [ -e "$db-journal" ] || [ -e "$db-wal" ]; then
		printf 'r57 %s left %s behind\n' "$*" "$(ls "$db"-* 2>/dev/null)" >&2
		return 1
	fi
}

# assert_error STATUS REGEX...: after a run with separate stderr: the exit
# status is STATUS (or "nonzero"), stderr is exactly one line starting
# "r57: " and matching every (extended, case-insensitive) REGEX.
assert_error() {
	local want=$1
	shift
	if [ "$want" = nonzero ]; then
		[ "$status" -ne 0 ] || { echo "expected failure, got exit 0; stdout: $output" >&2; return 1; }
	else
		[ "$status" -eq "$want" ] || {
			printf 'expected exit %s, got %s\nstdout: %s\nstderr: %s\n' "$want" "$status" "$output" "$stderr" >&2
			return 1
		}
	fi
	[ "$status" -ne 86 ] && [ "$status" -ne 87 ] || { echo "sanitizer exit $status" >&2; return 1; }
	local n=${#stderr_lines[@]}
	[ "$n" -eq 1 ] || { printf 'expected one stderr line, got %s:\n%s\n' "$n" "$stderr" >&2; return 1; }
	[[ $stderr == "r57: "* ]] || { printf 'stderr does not start "r57: ": %s\n' "$stderr" >&2; return 1; }
	[[ $stderr != "r57: r57: "* ]] || { printf 'stderr says "r57: " twice: %s\n' "$stderr" >&2; return 1; }
	local re
	for re in "$@"; do
		grep -Eiq -- "$re" <<<"$stderr" || { printf 'stderr does not match /%s/: %s\n' "$re" "$stderr" >&2; return 1; }
	done
}

# assert_fails_cleanly STATUS REGEX... -- ARGS...: the common bad-input check:
# r57 ARGS fails with STATUS, one matching stderr line, nothing on stdout
# that looks like success, and the database byte-for-byte unchanged.
assert_fails_cleanly() {
	local want=$1 res=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do res+=("$1"); shift; done
	shift
	assert_db_unchanged "$@"
	assert_error "$want" "${res[@]}"
}

# eq A B [what]: fail unless A = B.
eq() {
	[ "$1" = "$2" ] || { printf 'expected %s: [%s]\n     got: [%s]\n' "${3:-value}" "$2" "$1" >&2; return 1; }
}
# has TEXT NEEDLE: fail unless TEXT contains NEEDLE (fixed string).
has() {
	[[ $1 == *"$2"* ]] || { printf 'expected to find [%s] in:\n%s\n' "$2" "$1" >&2; return 1; }
}
# hasnt TEXT NEEDLE: fail if TEXT contains NEEDLE.
hasnt() {
	[[ $1 != *"$2"* ]] || { printf 'did not expect [%s] in:\n%s\n' "$2" "$1" >&2; return 1; }
}

# tasks [FILTER...]: list --format json of the filter (default status:all).
tasks() {
	if [ $# -eq 0 ]; then set -- status:all; fi
	r57 list "$@" --format json
}
# field ID JQ: a jq expression on task ID (from list status:all); raw output.
field() {
	local json
	json=$(r57 list status:all --format json) || { echo "list failed" >&2; return 1; }
	jq -r --argjson id "$1" ".[] | select(.id == \$id) | $2" <<<"$json"
}
# ids [FILTER...]: the ids list gives, space-separated, sorted by number.
ids() {
	local json
	json=$(tasks "$@") || { echo "list $* failed" >&2; return 1; }
	jq -r '[.[].id] | sort | map(tostring) | join(" ")' <<<"$json"
}
# order [FILTER/OPTIONS...]: the ids in the order list gives them.
order() {
	local json
	json=$(tasks "$@") || { echo "list $* failed" >&2; return 1; }
	jq -r '[.[].id | tostring] | join(" ")' <<<"$json"
}
# fig SELECTOR... -- JQ: status --format json with the options, then a jq
# expression on the result.
fig() {
	local opts=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	local json
	json=$(r57 status "${opts[@]}" --format json) || { echo "status ${opts[*]} failed" >&2; return 1; }
	jq -r "$1" <<<"$json"
}
