# tests/pg/cluster.bash: a private PostgreSQL cluster for the tests, sourced
# by tests/cli/pg_*.bats: initdb into a temporary folder, the server on a
# Unix socket there (no TCP), trust for local connections (logins are
# told apart by name; passwords are PostgreSQL's business, not r57's).
# The server refuses to run as root: as root, the cluster belongs to the
# postgres user that Debian's package makes. Nothing here touches a
# cluster of the machine's own.
#
#   pg_start       initdb and start, in a new folder of /tmp (a test's own
#                  temporary folder is closed to the postgres user); sets
#                  PGHOST (the socket's folder), PGPORT, PGSU (the
#                  superuser's login), PGBIN, PG_DIR
#   pg_stop        stop it (at once) and remove its folder
#   pg_sql SQL     run SQL as the superuser on database r57

pg_bin() {
	local d
	for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	return 1
}

# as_owner CMD...: run CMD as the cluster's owner.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PGBIN=$(pg_bin) || { echo "pg_start: initdb not found (apt-get install postgresql)" >&2; return 1; }
	PG_DIR=$(mktemp -d /tmp/r57-pg.XXXXXX) || return 1
	chmod 755 "$PG_DIR"
	mkdir -p "$PG_DIR/data" "$PG_DIR/sock"
	[ "$(id -u)" = 0 ] && chown -R postgres: "$PG_DIR"
	PGSU=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
	as_owner "$PGBIN/initdb" -D "$PG_DIR/data" -U "$PGSU" -A trust -E UTF8 --locale=C.UTF-8 \
		--no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
	PGPORT=$((20000 + RANDOM % 20000))
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_DIR/sock -c listen_addresses= -p $PGPORT -c fsync=off -c TimeZone=Asia/Ho_Chi_Minh" \
		start >/dev/null 2>&1 || { cat "$PG_DIR/server.log" >&2; return 1; }
	export PGHOST="$PG_DIR/sock" PGPORT PGSU PGBIN PG_DIR
	"$PGBIN/psql" -X -q -U "$PGSU" -d postgres -c "CREATE DATABASE r57" >/dev/null
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] || return 0
	as_owner "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
	case $PG_DIR in /tmp/r57-pg.*) rm -rf "$PG_DIR" ;; esac
}

pg_sql() {
	"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$PGSU" -d r57 -c "$1"
}
