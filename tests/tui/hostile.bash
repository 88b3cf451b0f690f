# tests/tui/hostile.bash: the corpus of hostile strings of hostile.bats
# (issue 13, part 8), the database that holds them everywhere r57 shows
# text, and the check of the bytes r57 sent to a terminal.
#
# Every payload carries a marker of its own (a parameter like 5701 that
# ncurses never sends, an OSC 52 text in base64) and names the sequence
# that must never reach the terminal: that sequence with its marker. The
# placeholders text_safe (src/base/text.c) draws instead are on the
# screen: ␛ for ESC, ␇ for BEL (U+2400 + the code), ␡ for DEL, U+FFFD for
# a C1 control, a bidi control or a byte that is not UTF-8.
#
# Bytes are written as \xNN so that the file is plain ASCII and means the
# same in every locale.

# name|payload|the sequence that must never be sent (empty: the stream's
# own checks, valid UTF-8 without C1 or bidi controls, cover it)
HOSTILE_NAMES=()
HOSTILE_TEXT=()
HOSTILE_MARK=()
_h() {
	HOSTILE_NAMES+=("$1")
	HOSTILE_TEXT+=("$2")
	HOSTILE_MARK+=("$3")
}
_h csi-sgr       $'x\x1b[5701mx'                         $'\x1b[5701'
_h csi-clear     $'x\x1b[5702;1H\x1b[2Jx'                $'\x1b[5702'
_h csi-mode      $'x\x1b[?5703hx'                        $'\x1b[?5703'
_h osc52-bel     $'x\x1b]52;c;cjU3LW9zYzUyLTU3MDQ=\x07x' $'\x1b]52;c;cjU3'
_h osc52-st      $'x\x1b]52;p;cjU3LTU3MDU=\x1b\\x'       $'\x1b]52;p;cjU3'
_h osc-title     $'x\x1b]0;r57-5706\x07x'                $'\x1b]0;r57-5706'
_h osc8-link     $'x\x1b]8;;http://r57-5707.example/\x1b\\y\x1b]8;;\x1b\\x' $'\x1b]8;;http://r57-5707'
_h dcs           $'x\x1bP5708q#0;2;0;0;0#0~~\x1b\\x'    $'\x1bP5708'
_h apc           $'x\x1b_5709 apc\x1b\\x'                $'\x1b_5709'
_h pm-sos        $'x\x1b^5710\x1b\\\x1bX5710\x1b\\x'     $'\x1b^5710'
_h ss2           $'x\x1bN5711x'                          $'\x1bN5711'
_h ss3           $'x\x1bO5712x'                          $'\x1bO5712'
_h esc-reset     $'x\x1bc5713x'                          $'\x1bc5713'
_h c1-raw-csi    $'x\x9b5714mx'                          $'\x9b5714'
_h c1-raw-osc52  $'x\x9d52;c;cjU3LTU3MTU=\x9cx'          $'\x9d52;c'
_h c1-raw-more   $'x\x905716\x9c\x9f5716\x9c\x8e5716\x8f5716x' $'\x905716'
_h c1-utf8-csi   $'x\xc2\x9b5717mx'                      $'\xc2\x9b5717'
_h c1-utf8-osc52 $'x\xc2\x9d52;c;cjU3LTU3MTg=\xc2\x9cx'  $'\xc2\x9d52;c'
_h c1-utf8-more  $'x\xc2\x905719\xc2\x9c\xc2\x9f5719\xc2\x8e5719\xc2\x8f5719\xc2\x855719x' $'\xc2\x905719'
_h bidi          $'x\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae5720\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9\xe2\x80\x8e\xe2\x80\x8f\xd8\x9cx' $'\xe2\x80\xae5720'
_h bad-utf8      $'x\xff\xfe5721\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82x' $'\xff\xfe5721'
_h c0            $'x\x07\x085722\x0d\x0e5722\x0f\x7f\x1bx' $'\x0e5722'

# A letter with 500 combining marks (U+0301), and a title at r57's length
# limit (R57_TITLE_MAX, include/r57/limits.h: 1000 characters).
hostile_marks() {
	local s='a' i
	for ((i = 0; i < 500; i++)); do s+=$'\xcc\x81'; done
	printf 'x%s5723x' "$s"
}
hostile_long() {
	local s='' i
	for ((i = 0; i < 95; i++)); do s+=$'\xc4\x90\xe1\xba\xa1i h\xe1\xbb\x8dc '; done # "Đại học " x 95 = 760
	s+=$'\x1b[5724m'
	while [ "$(printf '%s' "$s" | LC_ALL=C.UTF-8 wc -m)" -lt 1000 ]; do s+='z'; done
	printf '%s' "$s"
}

# hex TEXT: TEXT's bytes as an SQL blob literal's digits.
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
# sqltext TEXT: an SQL expression that is TEXT, byte for byte.
sqltext() { printf "CAST(X'%s' AS TEXT)" "$(hex "$1")"; }

# hostile_db: $R57_DB with one task per payload (and the two long ones),
# each in a group of its own named by the payload, with a lead person, a
# lead unit, a coordinating unit and a source named by it, the payload in
# its notes, product and result; the journal's actors and summaries carry
# the payloads too (each entry holding its payload's changes). r57 refuses most of these; sqlite3 writes them over
# names r57 made (the triggers journal that, so r57 check stays clean).
hostile_db() {
	local n=${#HOSTILE_TEXT[@]} i csv=$BATS_TEST_TMPDIR/hostile.csv sql
	HOSTILE_TEXT+=("$(hostile_marks)" "$(hostile_long)")
	HOSTILE_NAMES+=(marks500 long-title)
	HOSTILE_MARK+=("" $'\x1b[5724')
	n=${#HOSTILE_TEXT[@]}
	{
		echo "title,group,leader,unit,units,source,due"
		for ((i = 1; i <= n; i++)); do
			echo "Việc $i,Nhóm $i,Người $i,Đơn vị $i,Phối hợp $i,NQ-$i,$(printf '%02d' $(( (i % 28) + 1 )))/07/2025"
		done
	} >"$csv"
	r57 import "$csv" >/dev/null || return 1
	# the journal: one entry per payload, by an actor named by it, holding
	# the changes of that payload's rows (the triggers file them under it)
	sql="BEGIN;"
	for ((i = 1; i <= n; i++)); do
		local p=${HOSTILE_TEXT[$((i - 1))]} e
		e=$(sqltext "$p")
		sql+="INSERT INTO entry(at, day, actor, summary) VALUES ('2025-06-30T09:00:00+07:00', '2025-06-30',
			'an' || $e, 'sửa #$i: ' || $e);"
		sql+="UPDATE task SET title = $e, notes = 'Ghi chú ' || $e || char(10) || 'dòng 2 ' || $e,
			product = $e, result = $e WHERE title = 'Việc $i';
			UPDATE task_group SET name = $e || ' $i' WHERE name = 'Nhóm $i';
			UPDATE leader SET name = 'Người ' || $e, title = 'Chức vụ ' || $e WHERE name = 'Người $i';
			UPDATE unit SET name = 'Đơn vị ' || $e WHERE name = 'Đơn vị $i';
			UPDATE unit SET name = 'Phối hợp ' || $e WHERE name = 'Phối hợp $i';
			UPDATE source SET code = 'NQ ' || $e, title = 'Nghị quyết ' || $e WHERE code = 'NQ-$i';"
	done
	sql+="COMMIT;"
	sqlite3 -batch "$R57_DB" "$sql" || return 1
	# reminders to the units named by the payloads (tasks 1-5 are due
	# within 7 days), their notices in files
	mkdir -p "$BATS_TEST_TMPDIR/notices"
	r57 remind -o "$BATS_TEST_TMPDIR/notices" >/dev/null || return 1
	# one more, an's own, for the undo prompt: close the first task
	r57 close 1 >/dev/null || return 1
	sqlite3 -batch "$R57_DB" "UPDATE entry SET summary = 'đóng ' || $(sqltext "${HOSTILE_TEXT[3]}")
		WHERE seq = (SELECT max(seq) FROM entry)" || return 1
	# a 1 MB note, far over the limit, on the last task
	sqlite3 -batch "$R57_DB" "UPDATE task SET notes = notes || replace(hex(zeroblob(524288)), '00', 'ab')
		|| $(sqltext "${HOSTILE_TEXT[0]}") WHERE id = (SELECT max(id) FROM task)" || return 1
}

# stream_clean [--isolates] FILE: FILE (the bytes r57 sent) is valid
# UTF-8, holds no C1 control (U+0080-U+009F) and no bidi control, and none
# of the payloads' marked sequences; says which. --isolates allows the
# first-strong isolate and its pop (U+2068, U+2069), which the HTML and
# Markdown reports put around user text themselves, so that right-to-left
# text cannot reorder a sentence.
stream_clean() {
	local iso=0
	if [ "$1" = --isolates ]; then iso=1; shift; fi
	local f=$1 i m
	[ -s "$f" ] || { echo "nothing recorded in $f" >&2; return 1; }
	perl -MEncode -e '
		local $/; open my $fh, "<:raw", $ARGV[0] or die; my $s = <$fh>;
		my $u = eval { Encode::decode("UTF-8", $s, Encode::FB_CROAK | Encode::LEAVE_SRC) };
		if (!defined $u) { print STDERR "the stream is not valid UTF-8: $@"; exit 1; }
		$u =~ s/[\x{2068}\x{2069}]//g if $ARGV[1];
		if ($u =~ /([\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}])/) {
			printf STDERR "control U+%04X in the stream at character %d\n", ord($1), $-[0]; exit 1;
		}
		exit 0' "$f" "$iso" || return 1
	for ((i = 0; i < ${#HOSTILE_MARK[@]}; i++)); do
		m=${HOSTILE_MARK[$i]}
		[ -n "$m" ] || continue
		if LC_ALL=C grep -qaF -- "$m" "$f"; then
			printf 'payload %s reached the terminal: %s\n' "${HOSTILE_NAMES[$i]}" "$(printf '%s' "$m" | cat -v)" >&2
			return 1
		fi
	done
}
