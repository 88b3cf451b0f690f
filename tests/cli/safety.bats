#!/usr/bin/env bats
# User text is never printed raw: control characters become Control
# Pictures (ESC -> U+241B), bidi controls and invalid bytes U+FFFD, on
# stdout and on stderr; the text itself is stored and exported intact.
# Real multilingual text (Urdu, Persian, Hindi from the seed reports, copied
# to fixtures/seeds.txt) passes through untouched.

load helpers

ESC=$'\e'
RLO=$'\u202e'
REPL=$'\ufffd'

# no_raw TEXT [tsv]: fail if TEXT holds a C0 control other than newline
# (and tab, the separator, with "tsv"), DEL, a C1 control or a bidi control.
no_raw() {
	local bad
	bad=$(printf '%s' "$1" | python3 -c '
import sys
s = sys.stdin.buffer.read().decode("utf-8", "replace")
bidi = {0x200e, 0x200f, 0x061c} | set(range(0x202a, 0x202f)) | set(range(0x2066, 0x206a))
for ch in s:
    o = ord(ch)
    if (o < 0x20 and ch != "\n" and not (ch == "\t" and sys.argv[1:] == ["tsv"])) or o == 0x7f or 0x80 <= o < 0xa0 or o in bidi:
        print("U+%04X" % o)
        break
' ${2:+"$2"})
	[ -z "$bad" ] || { printf 'raw %s in output:\n%s\n' "$bad" "$1" >&2; return 1; }
}

seed() { sed -n "${1}p" "$FIXTURES/seeds.txt"; }

@test "a title with ESC[31m: placeholders in add, list, show; intact in JSON" {
	local t="${ESC}[31mĐỏ${ESC}[0m cảnh báo"
	ok add "$t"
	no_raw "$output"
	eq "$output" "$(t 'Added task #%lld: %s' 1 "␛[31mĐỏ␛[0m cảnh báo")"
	COLUMNS=200 ok list
	no_raw "$output"
	has "$output" "␛[31mĐỏ␛[0m cảnh báo"
	ok show 1
	no_raw "$output"
	has "$output" "␛[31mĐỏ␛[0m"
	ok list --format tsv
	no_raw "$output" tsv
	ok list --format json
	no_raw "$output"
	eq "$(jq -r '.[0].title' <<<"$output")" "$t" "JSON keeps the text, escaped"
	eq "$(db_sql 'select title from task where id = 1')" "$t" "stored intact"
}

@test "bidi override U+202E: U+FFFD on stdout, intact in JSON" {
	local t="Hóa đơn ${RLO}fdp.exe"
	ok add "$t"
	no_raw "$output"
	eq "$output" "$(t 'Added task #%lld: %s' 1 "Hóa đơn ${REPL}fdp.exe")"
	COLUMNS=200 ok list
	no_raw "$output"
	has "$output" "Hóa đơn ${REPL}fdp.exe"
	eq "$(field 1 .title)" "$t"
}

@test "other controls: BEL, CR, TAB, DEL, C1 CSI, isolates, marks" {
	local t=$'A\aB\rC\tD\x7fE\u009bF\u2066G\u200fH\u061cI'
	ok add "$t"
	no_raw "$output"
	# A lone CR is stored as a line break (LF), as every writer stores it.
	eq "$output" "$(t 'Added task #%lld: %s' 1 "A␇B␊C␉D␡E${REPL}F${REPL}G${REPL}H${REPL}I")"
	eq "$(field 1 .title)" "${t/$'\r'/$'\n'}"
}

@test "a newline inside a title keeps list rows on one line each" {
	ok add $'Dòng một\nDòng hai'
	eq "${#lines[@]}" 1 "add prints one line"
	eq "$output" "$(t 'Added task #%lld: %s' 1 "Dòng một␊Dòng hai")"
	ok add "Thứ hai"
	COLUMNS=200 ok list --format tsv
	no_raw "$output" tsv
	eq "$(grep -c 'Dòng một' <<<"$output")" 1
	eq "$(grep -c 'Dòng hai' <<<"$output")" 1 "same line as Dòng một"
	has "$output" 'Dòng một\nDòng hai'
	eq "$(field 1 .title)" $'Dòng một\nDòng hai'
}

@test "stderr: an unknown leader with escapes and bidi is named with placeholders" {
	ok add "Một"
	assert_fails_cleanly 1 -- assign 1 --leader "${ESC}[2JKẻ lạ${RLO}"
	no_raw "$stderr"
	has "$stderr" "␛[2JKẻ lạ${REPL}"
}

@test "stderr: an unknown command with an escape is named safely" {
	assert_fails_cleanly 2 -- "${ESC}]0;pwned${ESC}\\"
	no_raw "$stderr"
	has "$stderr" "␛]0;pwned"
	eq "$stderr" "r57: $(t "unknown command '%s' (see: r57 --help)" "␛]0;pwned␛\\")"
}

@test "seed text in Urdu, Persian, Hindi: titles printed and stored intact" {
	# (not $i: bats' run uses a global i)
	local s t
	for s in 1 2 3; do
		t=$(seed "$s")
		[ -n "$t" ]
		ok add "$t"
		eq "$output" "$(t 'Added task #%lld: %s' "$s" "$t")"
		eq "$(field "$s" .title)" "$t" "JSON title $s"
		eq "$(db_sql "select title from task where id = $s")" "$t" "stored title $s"
		ok show "$s"
		has "$output" "$t"
	done
	COLUMNS=400 ok list
	no_raw "$output"
	for s in 1 2 3; do
		has "$output" "$(seed "$s")"
	done
}

@test "seed text as leader and unit names, found again by name" {
	local urdu persian
	urdu=$(seed 1 | awk '{ print $1, $2 }')
	persian=$(seed 2 | awk '{ print $1, $2, $3 }')
	ok add "Một" --leader "$urdu" --unit "$persian" --new
	eq "$(field 1 .leader)" "$urdu"
	eq "$(field 1 .unit)" "$persian"
	eq "$(ids leader:"$urdu")" 1
	ok leader list
	has "$output" "$urdu"
}

@test "stderr names seed text intact when it is unknown" {
	local hindi
	hindi=$(seed 3 | cut -d, -f1)
	ok add "Một"
	assert_fails_cleanly 1 "$(tre "%s '%s' does not exist (see: r57 %s list; --new creates it)")" -- assign 1 --unit "$hindi"
	has "$stderr" "$hindi"
}

@test "the fixture holds three non-empty lines in NFC" {
	eq "$(grep -c . "$FIXTURES/seeds.txt")" 3
	python3 -c '
import sys, unicodedata
for l in open(sys.argv[1], encoding="utf-8"):
    assert unicodedata.is_normalized("NFC", l), l
' "$FIXTURES/seeds.txt"
}
