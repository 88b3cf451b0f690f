# tests/pg/suite.bash: the server mode of the command-line and screen
# suites (R57_TEST_STORE=pg; one suite, two stores). tests/run starts ONE
# private cluster for the run (tests/pg/cluster.bash) and makes the
# template database r57_template there with r57 init (pg_suite_start);
# each test then gets a database of its own copied from it
# (pg_test_setup, createdb -T) and dropped after (pg_test_teardown), with
# R57_DB=dbname=NAME (PGHOST and PGPORT name the server; a short value,
# so that the screen's header stays as short as with t.db).
#
# On a server the actor is the login: the helpers turn R57_ACTOR=name and
# --actor name into PGUSER=name (pg_actor_args), making the login, an
# r57 admin, the first time a name is used (pg_login). R57_ACTOR is unset
# there and PGUSER=an, so that r57 run without the helpers is the same an.
#
#   pg_suite_start   (tests/run) the cluster, the template, the usual logins
#   pg_suite_stop    (tests/run) stop the cluster
#   pg_test_setup    a database for this test; sets R57_DB, PG_TEST_DB
#   pg_test_teardown drop it
#   pg_login NAME    the login NAME exists and is an r57 admin
#   pg_db_state      a hash of what this test's database holds
#   pg_db_sql SQL    psql as the superuser on this test's database, the
#                    schema r57 first in the search path, rows as sqlite3
#                    prints them (fields by |, no header)

source "${BASH_SOURCE[0]%/*}/cluster.bash"

# The logins the suites use most, made with the template (one GRANT each
# later would serialise on the catalogue).
PG_SUITE_LOGINS="an binh chi lan hoa"

pg_suite_start() {
	pg_start || return 1
	local su=(-X -q -v ON_ERROR_STOP=1 -U "$PGSU")
	"$PGBIN/createdb" -U "$PGSU" r57_template || return 1
	# The template's first entry, "create the database", is the
	# superuser's and dated 30/06/2025 (in a file: the first command's
	# actor and day); the tests' own actions come after it.
	PGUSER=$PGSU R57_TODAY=30/06/2025 "${R57_TEST_BIN:-$ROOT/r57}" --db dbname=r57_template init \
		>"$PG_DIR/init.log" 2>&1 || { cat "$PG_DIR/init.log" >&2; return 1; }
	# r57_test.state(): what the database holds, for assert_db_unchanged
	# (a file's sha256 on a file): each table of the schema r57, its rows
	# in a fixed order, hashed; the sequences left out (a refused insert
	# has drawn a number that nothing holds).
	"$PGBIN/psql" "${su[@]}" -d r57_template >/dev/null <<-'EOF' || return 1
		CREATE SCHEMA r57_test;
		CREATE FUNCTION r57_test.state() RETURNS text LANGUAGE plpgsql AS $f$
		DECLARE t text; h text; acc text := '';
		BEGIN
			FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			         WHERE n.nspname = 'r57' AND c.relkind = 'r' ORDER BY c.relname LOOP
				EXECUTE format('SELECT md5(coalesce(string_agg(x::text, chr(10) ORDER BY x::text), %L)) FROM r57.%I x', '', t) INTO h;
				acc := acc || t || ':' || h || ' ';
			END LOOP;
			RETURN md5(acc);
		END $f$;
	EOF
	"$PGBIN/psql" "${su[@]}" -d postgres -c "ALTER DATABASE r57_template IS_TEMPLATE true" >/dev/null || return 1
	mkdir -p "$PG_DIR/logins" && chmod 1777 "$PG_DIR/logins"
	local l
	for l in $PG_SUITE_LOGINS; do
		pg_login "$l" || return 1
	done
	export R57_TEST_PG_DIR=$PG_DIR
}

pg_suite_stop() { pg_stop; }

# pg_login NAME: the login exists and is a member of r57_admin; once a run
# (a file under the cluster's folder, logins/, says so; the templates of
# pg_from_template are marked there too). Two tests may ask at once:
# a login made by the other meanwhile is no error.
pg_login() {
	local name=$1 mark
	mark="$PG_DIR/logins/$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n')"
	[ -e "$mark" ] && return 0
	local q
	q=$(printf '%s' "$name" | sed "s/'/''/g")
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -U "$PGSU" -d postgres >/dev/null 2>"$mark.err" <<-EOF
		SELECT pg_advisory_lock(57);
		DO \$\$BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$q') THEN
				EXECUTE format('CREATE ROLE %I LOGIN', '$q');
			END IF;
			EXECUTE format('GRANT r57_admin TO %I', '$q');
		END\$\$;
		SELECT pg_advisory_unlock(57);
	EOF
	local rc=$?
	if [ $rc -ne 0 ]; then
		cat "$mark.err" >&2
		return 1
	fi
	: >"$mark"
}

pg_test_setup() {
	[ -n "${R57_TEST_PG_DIR:-}" ] && [ -n "${PGHOST:-}" ] || {
		echo "R57_TEST_STORE=pg: no cluster (run the suite by tests/run cli-pg or tui-pg)" >&2
		return 1
	}
	PG_DIR=$R57_TEST_PG_DIR
	PGBIN=${PGBIN:-$(pg_bin)}
	PG_TEST_DB=t${BASHPID}_$BATS_TEST_NUMBER
	"$PGBIN/dropdb" -U "$PGSU" --if-exists --force "$PG_TEST_DB" 2>/dev/null
	"$PGBIN/createdb" -U "$PGSU" -T r57_template "$PG_TEST_DB" || return 1
	# the actor is the login: r57 run directly ($R57_BIN) connects as an
	export R57_DB="dbname=$PG_TEST_DB" PG_TEST_DB PGUSER=an
	unset R57_ACTOR PGDATABASE
}

pg_test_teardown() {
	[ -n "${PG_TEST_DB:-}" ] || return 0
	"$PGBIN/dropdb" -U "$PGSU" --if-exists --force "$PG_TEST_DB" 2>/dev/null || :
}

pg_db_state() { pg_db_sql "SELECT r57_test.state()"; }

pg_db_sql() {
	PGOPTIONS="-c client_min_messages=warning -c search_path=r57,public" \
		"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d "$PG_TEST_DB" -c "$1"
}

# pg_login_name NAME: NAME could be a login (not empty, valid UTF-8, no
# control character); an actor r57 refuses stays an --actor, so that r57
# says why as on a file.
pg_login_name() {
	[ -n "$1" ] && printf '%s' "$1" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
		! [[ $1 =~ [[:cntrl:]] ]]
}

# pg_actor_args ARGS...: PG_ARGS, the arguments without --actor NAME (or
# --actor=NAME), and PG_LOGIN, the login to connect as: that NAME, else
# $R57_ACTOR, else the test's usual actor. Makes the login. A NAME that
# cannot be a login is left to r57 to refuse (an --actor kept in PG_ARGS,
# a bad $R57_ACTOR in PG_ACTOR_ENV).
pg_actor_args() {
	PG_ARGS=() PG_LOGIN=${R57_ACTOR:-${PGUSER:-an}}
	local a
	for a in "$@"; do
		# history's --actor is its filter, not who acts
		[ "$a" = history ] && { PG_ARGS=("$@"); PG_ACTOR_ENV=; pg_login "$PG_LOGIN"; return; }
	done
	while [ $# -gt 0 ]; do
		case $1 in
		--actor) if [ $# -ge 2 ] && pg_login_name "$2"; then PG_LOGIN=$2; shift 2
			else PG_ARGS+=("$1"); shift; fi ;;
		--actor=*) if pg_login_name "${1#--actor=}"; then PG_LOGIN=${1#--actor=}
			else PG_ARGS+=("$1"); fi; shift ;;
		--) PG_ARGS+=("$@"); break ;;
		*) PG_ARGS+=("$1"); shift ;;
		esac
	done
	PG_ACTOR_ENV=
	if ! pg_login_name "$PG_LOGIN"; then
		# a bad $R57_ACTOR: r57 is to see it
		PG_ACTOR_ENV=$PG_LOGIN PG_LOGIN=${PGUSER:-an}
	fi
	pg_login "$PG_LOGIN"
}

# pg_demo: this test's database becomes r57 demo's 14 example tasks. The
# demo is made once a run for each language, date and actor, in a
# template of its own (under a lock: tests beside this one may ask at
# once), and copied as the test's database.
pg_demo() {
	local tag login=${R57_ACTOR:-${PGUSER:-an}}
	tag=$(printf '%s-%s-%s' "$R57_LANG" "$R57_TODAY" "$login" | md5sum)
	pg_from_template "r57_demo_${tag:0:12}" "R57_DB=dbname=\$tpl r57 --actor $(printf '%q' "$login") demo dbname=\$tpl"
}

# pg_load FILE: this test's database becomes what the r57 file FILE holds,
# its journal and actors included (r57 copy --from, by the superuser, a
# member of r57_owner as copy asks), by way of a template made once a run
# for each content of FILE.
pg_load() {
	local tag tpl
	tag=$(sha256sum <"$1") || return 1
	tpl=r57_load_${tag:0:16}
	pg_from_template "$tpl" "PGUSER=$PGSU R57_ACTOR= \"\$R57_BIN\" --db dbname=$tpl copy --from $(printf '%q' "$1")"
}

# pg_from_template NAME COMMAND: this test's database becomes a copy of the
# template NAME, which COMMAND (run by bash, with NAME made from
# r57_template) fills the first time any test asks for it in this run.
pg_from_template() {
	local tpl=$1 cmd=$2
	(
		flock 9
		if [ ! -e "$PG_DIR/logins/$tpl" ]; then
			"$PGBIN/dropdb" -U "$PGSU" --if-exists "$tpl" 2>/dev/null
			"$PGBIN/createdb" -U "$PGSU" -T r57_template "$tpl" || exit 1
			eval "$cmd" >/dev/null || exit 1
			: >"$PG_DIR/logins/$tpl"
		fi
	) 9>"$PG_DIR/logins/.template-lock" || return 1
	"$PGBIN/dropdb" -U "$PGSU" --if-exists --force "$PG_TEST_DB" || return 1
	"$PGBIN/createdb" -U "$PGSU" -T "$tpl" "$PG_TEST_DB"
}
