# tests/tui/helpers.bash: shared by every tests/tui/*.bats (load helpers).
#
# Each test drives the real ./r57 in a tmux server of its own
# (tmux -L r57test-N -f /dev/null, its socket under the test's temporary
# folder), with the environment of tests/cli/helpers.bash (private HOME,
# R57_DB=$BATS_TEST_TMPDIR/t.db, R57_TODAY=30/06/2025, R57_ACTOR=an,
# LC_ALL=C.UTF-8) and TERM=screen inside the pane (tmux sends Home/End as
# ESC [1~ and ESC [4~, which is what screen's terminfo says).
#
#   tui_start [--size WxH] [--env VAR=VALUE]... [--nobody DIR] [ARGS...]
#                       open the screen (r57 ARGS) and wait for its header;
#                       --nobody: DIR/r57 (see nobody_dir) as user nobody
#   keys KEY...         tmux send-keys (key names: Enter Escape Up PgDn C-r ...)
#   type TEXT           send TEXT literally, character by character
#   screen              the pane's text now (capture-pane -p)
#   wait_for TEXT [S]   poll the pane until it shows TEXT (fixed string);
#                       fail after S seconds (default 5) showing the pane
#   wait_re REGEX [S]   the same for an extended regex
#   wait_gone TEXT [S]  poll until TEXT is no longer on the pane
#   status_line         the pane's last line (messages and prompts)
#   wait_status TEXT [S] poll until the last line is exactly TEXT
#   selected            the text of the body rows drawn in reverse video
#                       (the cursor row of the list)
#   on_task ID          move the cursor (j/k) onto task ID, a row on screen
#   row_of TEXT         the first pane line holding TEXT
#   line_key LINE       G<n> for the heading of group n, T<id> for a task row
#   body                line_key of every row between header and status line
#   task_rows           the ids of the task rows on screen, sorted
#   wait_rows IDS [S]   poll until task_rows is IDS
#   col_of LINE NEEDLE  the screen column (0-based, by wcwidth, as tmux
#                       lays cells out) where NEEDLE starts in LINE
#   tui_exited          true once r57 has exited; $TUI_STATUS is its status
#   tl MSGID [ARG...]   t (tests/cli/helpers.bash: the message in this run's
#                       language) without its trailing blanks: a prompt
#                       with nothing typed yet, as capture-pane shows it
#   t_before MSGID ARG... the message up to where the argument @@ goes (the
#                       start of a line too long for the screen);
#   t_after MSGID ARG...  and the rest of it after @@
#   head_filter WORDS   the header's words for a filter (" · filter: WORDS")
#   filter_word         " · filter: " as the header says it, alone
#   status_fig N LABEL [INDENT]  the number on the Nth line of figures of
#                       the status screen, whose label must be LABEL
#
# In teardown r57 is ended by SIGTERM (and waited for), then the server is
# killed; an exit status of 86 or 87 (a sanitizer's) from the screen or a
# sanitizer report fails the test there, as for the CLI runs.

load ../cli/helpers

TUI_TERM=${R57_TUI_TERM:-screen}

tui_setup() {
	r57_setup || return 1
	unset TMUX TMUX_PANE
	TUI_SOCK=r57test-$BATS_TEST_NUMBER
	# tmux puts its socket in $TMUX_TMPDIR/tmux-UID/; keep it private, but
	# within the length a socket path may have.
	export TMUX_TMPDIR=$BATS_TEST_TMPDIR/tmux
	if [ ${#TMUX_TMPDIR} -gt 70 ]; then
		TMUX_TMPDIR=$(mktemp -d "/tmp/r57tmux.XXXXXX") || return 1
		echo "$TMUX_TMPDIR" >"$BATS_TEST_TMPDIR/.tmux-dir"
	fi
	mkdir -p "$TMUX_TMPDIR"
	TUI_EXIT=$BATS_TEST_TMPDIR/tui.exit
	TUI_STARTED=0
}

tui_teardown() {
	local bad=0 st pid n
	if [ "${TUI_STARTED:-0}" = 1 ]; then
		# End r57 by SIGTERM and let it finish (the sanitizers report at
		# exit) before the server and its pane go.
		pid=$(r57_pid 2>/dev/null)
		if [ -n "$pid" ] && ! tui_exited; then
			kill -TERM "$pid" 2>/dev/null
			n=100
			while ! tui_exited && [ $n -gt 0 ]; do
				sleep 0.05
				n=$((n - 1))
			done
			tui_exited || echo "r57 did not end within 5s of SIGTERM" >&2
		fi
		tmux -L "$TUI_SOCK" kill-server 2>/dev/null || true
	fi
	if [ -f "$TUI_EXIT" ]; then
		st=$(cat "$TUI_EXIT")
		if [ "$st" = 86 ] || [ "$st" = 87 ]; then
			echo "the screen (r57) ended with sanitizer exit status $st" >&2
			bad=1
		fi
	fi
	if [ -f "$BATS_TEST_TMPDIR/.tmux-dir" ]; then
		rm -rf "$(cat "$BATS_TEST_TMPDIR/.tmux-dir")"
	fi
	r57_teardown || bad=1
	return $bad
}

setup() { tui_setup; }
teardown() { tui_teardown; }

tx() { tmux -L "$TUI_SOCK" "$@"; }

tl() {
	local m
	m=$(t "$@") || return 1
	printf '%s' "${m%"${m##*[! ]}"}"
}
t_before() {
	local m
	m=$(t "$@") || return 1
	printf '%s' "${m%%@@*}"
}
filter_word() {
	local m
	m=$(tmsg ' r57 · %s · %s · %s · filter: %s') || return 1
	m=${m%"%s"}
	printf '%s' "${m##*"%s"}"
}
head_filter() { printf '%s%s' "$(filter_word)" "$1"; }
t_after() {
	local m
	m=$(t "$@") || return 1
	printf '%s' "${m#*@@}"
}

tui_start() {
	local w=80 h=24 envs=() prog=("$R57_BIN")
	while [ $# -gt 0 ]; do
		case $1 in
		--size) w=${2%x*}; h=${2#*x}; shift 2 ;;
		--env) envs+=("$2"); shift 2 ;;
		--nobody) prog=(setpriv --reuid=nobody --regid=nogroup --clear-groups "$2/r57"); shift 2 ;;
		--) shift; break ;;
		*) break ;;
		esac
	done
	rm -f "$TUI_EXIT"
	# The pane runs r57, writes its exit status, then gives a shell
	# prompt, as a terminal would after the program ends.
	# It runs in the test's folder with R57_DB=t.db, the same file as
	# $R57_DB, so the header stays short whatever the folder is. On a
	# server: the test's database, as the login of R57_ACTOR.
	tui_store_env "${envs[@]}" || return 1
	tx -f /dev/null new-session -d -x "$w" -y "$h" -s r57 -c "$BATS_TEST_TMPDIR" \
		env TERM="$TUI_TERM" PS1='r57test$ ' R57_LANG="$R57_LANG" "${TUI_ENV[@]}" \
		"$BATS_TEST_DIRNAME/pane.sh" "$TUI_EXIT" "${prog[@]}" "$@" || {
		echo "tmux new-session failed" >&2
		return 1
	}
	TUI_STARTED=1
	wait_for " r57 · " 10
}

# tui_store_env VAR=VALUE...: TUI_ENV, the pane's environment for the
# store with these settings: R57_DB=t.db (the test's file, by a short
# name) and VARs; on a server, the test's database, R57_ACTOR (a VAR, else
# the test's) turned into the login (PGUSER), as r57 does in the CLI tests.
tui_store_env() {
	TUI_ENV=(R57_DB=t.db)
	if ! on_server; then
		TUI_ENV+=("$@")
		return 0
	fi
	local e login=${R57_ACTOR:-${PGUSER:-an}}
	TUI_ENV=(R57_DB="$R57_DB")
	for e in "$@"; do
		case $e in R57_ACTOR=*) login=${e#R57_ACTOR=} ;; *) TUI_ENV+=("$e") ;; esac
	done
	[ -n "$login" ] || login=an
	pg_login "$login" || return 1
	TUI_ENV+=(R57_ACTOR= PGUSER="$login" PGHOST="$PGHOST" PGPORT="$PGPORT")
}

keys() { tx send-keys -t r57 "$@"; }
type() { tx send-keys -t r57 -l -- "$1"; }
screen() { tx capture-pane -p -t r57; }

# _wait KIND PATTERN SECONDS: the polling behind wait_for, wait_re and
# wait_gone; leaves the last capture in $SCREEN.
_wait() {
	local kind=$1 pat=$2 n=$(( ${3:-5} * 20 ))
	while :; do
		SCREEN=$(screen)
		case $kind in
		text) [[ $SCREEN == *"$pat"* ]] && return 0 ;;
		re) [[ $SCREEN =~ $pat ]] && return 0 ;;
		gone) [[ $SCREEN != *"$pat"* ]] && return 0 ;;
		last) [ "${SCREEN##*$'\n'}" = "$pat" ] && return 0 ;;
		esac
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	case $kind in
	text) printf 'timed out waiting for [%s] on the screen:\n' "$pat" >&2 ;;
	re) printf 'timed out waiting for /%s/ on the screen:\n' "$pat" >&2 ;;
	gone) printf 'timed out waiting for [%s] to leave the screen:\n' "$pat" >&2 ;;
	last) printf 'timed out waiting for the last line to be [%s]:\n' "$pat" >&2 ;;
	esac
	printf '%s\n' "----" "$SCREEN" "----" >&2
	return 1
}
wait_for() { _wait text "$1" "${2:-5}"; }
# status_line: the last line of the pane (messages, prompts).
status_line() { screen | tail -n 1; }
# wait_status TEXT [S]: poll until the last line of the pane is TEXT
# (trailing blanks aside).
wait_status() { _wait last "$1" "${2:-5}"; }
wait_re() { _wait re "$1" "${2:-5}"; }
wait_gone() { _wait gone "$1" "${2:-5}"; }

# selected: the body rows (not the header line, not the status line) that
# hold text drawn in reverse video, as plain text. capture-pane -e only
# sends attribute changes, so the state is followed from the first line.
selected() {
	local rows
	rows=$(tx display -p -t r57 '#{pane_height}')
	tx capture-pane -p -e -t r57 | awk -v last="$((rows - 1))" '
	{
		line = $0; plain = ""; hit = 0
		while (match(line, /\033\[[0-9;]*m/)) {
			text = substr(line, 1, RSTART - 1)
			plain = plain text
			if (rev && text ~ /[^ ]/) hit = 1
			n = split(substr(line, RSTART + 2, RLENGTH - 3), p, ";")
			if (n == 0) rev = 0
			for (i = 1; i <= n; i++) {
				if (p[i] == "" || p[i] == "0" || p[i] == "27") rev = 0
				else if (p[i] == "7") rev = 1
			}
			line = substr(line, RSTART + RLENGTH)
		}
		plain = plain line
		if (rev && line ~ /[^ ]/) hit = 1
		if (hit && NR >= 2 && NR <= last) print plain
	}'
}

# wait_selected TEXT [S]: poll until the cursor row holds TEXT.
wait_selected() {
	local n=$(( ${2:-5} * 20 )) s
	while :; do
		s=$(selected)
		[[ $s == *"$1"* ]] && return 0
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	printf 'timed out waiting for the cursor on [%s]; cursor row:\n%s\nscreen:\n%s\n' \
		"$1" "$s" "$(screen)" >&2
	return 1
}

# line_key LINE: G<n> or T<id> for a line of the list as drawn.
line_key() {
	if [[ $1 =~ ^[▾▸]\ ([0-9]+)\.\  ]]; then
		echo "G${BASH_REMATCH[1]}"
	elif [[ $1 =~ ^[\ *]\ [^\ ]+\ +([0-9]+)\  ]]; then
		echo "T${BASH_REMATCH[1]}"
	else
		echo "?"
	fi
}

# body: the line_keys of the list's rows on the pane (lines 2..rows-1).
body() {
	local rows l
	rows=$(tx display -p -t r57 '#{pane_height}')
	screen | sed -n "2,$((rows - 1))p" | while IFS= read -r l; do
		if [ -n "$l" ]; then line_key "$l"; fi
	done
	return 0
}

# task_rows: the ids of the task rows on the pane, sorted by number.
task_rows() {
	body | sed -n 's/^T//p' | sort -n | tr '\n' ' ' | sed 's/ $//'
}

# wait_rows IDS [S]: poll until the task rows on the pane are IDS (as
# task_rows gives them).
wait_rows() {
	local n=$(( ${2:-5} * 20 )) got
	while :; do
		got=$(task_rows)
		[ "$got" = "$1" ] && return 0
		n=$((n - 1))
		[ $n -gt 0 ] || break
		sleep 0.05
	done
	printf 'task rows on screen: [%s]\nexpected:            [%s]\nscreen:\n%s\n' "$got" "$1" "$(screen)" >&2
	return 1
}

# on_task ID: move the cursor onto the row of task ID, which must be on
# the screen: as many j or k as there are rows between, then wait.
on_task() {
	local want cur=0 tgt=0 i=0 l sel n
	want=$(printf '%5d ' "$1")
	wait_for "$want"
	sel=$(selected | head -n 1)
	while IFS= read -r l; do
		i=$((i + 1))
		[ $cur = 0 ] && [ -n "$sel" ] && [ "$l" = "$sel" ] && cur=$i
		[ $tgt = 0 ] && [[ $l == *"$want"* ]] && [[ $(line_key "$l") == "T$1" ]] && tgt=$i
	done <<<"$(screen)"
	[ $tgt -gt 0 ] || { echo "task $1 is not on the screen" >&2; screen >&2; return 1; }
	[ $cur -gt 0 ] || { echo "no cursor row on the screen" >&2; screen >&2; return 1; }
	n=$((tgt - cur))
	if [ $n -gt 0 ]; then
		tx send-keys -t r57 -N "$n" j
	elif [ $n -lt 0 ]; then
		tx send-keys -t r57 -N "$((-n))" k
	fi
	wait_selected "$want"
}

row_of() {
	local l
	while IFS= read -r l; do
		[[ $l == *"$1"* ]] && { printf '%s\n' "$l"; return 0; }
	done <<<"${2:-$(screen)}"
	return 1
}

# width TEXT: columns TEXT takes by the C library's wcwidth, which tmux
# (built without utf8proc) lays the pane out by.
width() { printf '%s' "$1" | LC_ALL=C.UTF-8 wc -L; }

col_of() {
	local line=$1 needle=$2
	[[ $line == *"$needle"* ]] || return 1
	width "${line%%"$needle"*}"
}

# tui_exited: r57 has ended (pane.sh wrote its status); sets TUI_STATUS.
tui_exited() {
	[ -s "$TUI_EXIT" ] || return 1
	TUI_STATUS=$(cat "$TUI_EXIT")
}

# wait_exit [S]: poll until r57 has ended.
wait_exit() {
	local n=$(( ${1:-5} * 20 ))
	while ! tui_exited; do
		n=$((n - 1))
		[ $n -gt 0 ] || { printf 'r57 did not exit; screen:\n%s\n' "$(screen)" >&2; return 1; }
		sleep 0.05
	done
}

# r57_pid: the process id of the r57 in the pane (a child of pane.sh).
r57_pid() {
	local sh
	sh=$(tx display -p -t r57 '#{pane_pid}') || return 1
	pgrep -P "$sh" -x r57 | head -n 1
}

# demo: the 14 example tasks of r57 demo in $R57_DB. Under tests/run
# (R57_TEST_FIXTURES, a folder of the run) the demo is made once per
# language, date and actor, the first time a test asks, and copied after.
demo() {
	local dir=${R57_TEST_FIXTURES:-} f tmp
	if on_server; then
		pg_demo
		return
	fi
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		r57 demo "$R57_DB" >/dev/null
		return
	fi
	f="$dir/demo-$R57_LANG-${R57_TODAY//\//-}-$R57_ACTOR.db"
	if [ ! -s "$f" ]; then
		# made aside and renamed: tests beside this one may ask at once
		tmp=$(mktemp -u "$dir/.demo.XXXXXX") || return 1
		r57 demo "$tmp" >/dev/null && mv -f "$tmp" "$f" || return 1
	fi
	cp "$f" "$R57_DB"
}

# show ID JQ: a jq expression on r57 show ID --format json; raw output.
show() { r57 show "$1" --format json | jq -r "$2"; }
# hist JQ: a jq expression on r57 history --format json; raw output.
hist() { r57 history --format json | jq -r "$1"; }

# status_fig N LABEL [INDENT]: the number on the Nth line of figures of
# the status screen, which must be LABEL (in this run's language),
# indented by INDENT under the line it belongs to.
status_fig() {
	local l lab
	lab=$(printf '  %*s%s' "${3:-0}" '' "$(t "$2")")
	l=$(screen | sed -n "$(($1 + 2))p")
	[[ $l == "$lab "* ]] || { printf 'line %s of the figures is not [%s]: [%s]\n' "$1" "$lab" "$l" >&2; return 1; }
	l=${l#"$lab"}
	[[ $l =~ ^\ +([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}
