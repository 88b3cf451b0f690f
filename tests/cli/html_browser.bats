#!/usr/bin/env bats
# The HTML status report opened in a real browser: Debian's headless
# Chromium loads the file, and the DOM it holds afterwards (--dump-dom) and
# the page it prints (--print-to-pdf, read back by pdftotext) must show the
# figures and every hostile name as plain text, with no script run, no
# element added, and no reference to the network. A control page with a
# real script shows the check would see one run. In the language of the
# pass (the report speaks r57's language).

load helpers

CHROMIUM=${CHROMIUM:-chromium}

# The hostile names: markup that would change the document's title and add
# an element if it ever ran, an image whose error handler would, bidi
# overrides with terminal escapes, a title from a right-to-left script (the
# first words of a seed document, or the same in Urdu when the seeds are
# not beside the checkout), and a formula.
SCRIPT_NAME="<script>document.title='PWNED';document.body.appendChild(document.createElement('h6')).id='pwned'</script>"
IMG_NAME='<img src=x onerror="document.title=&quot;PWNED&quot;;this.id=&quot;pwned&quot;">'
BIDI_NAME=$'Sở \u202eNội vụ\u202c \e[31mđỏ\e]0;x\a'
FORMULA_NAME='=HYPERLINK("http://example.com/x","bấm")'
COMMITTEE='Ban Chỉ đạo <b>tỉnh</b> & "thành"'

rtl_name() {
	local seed=$R57_ROOT/../shared/seeds/000_a21fb9b37ae12ad6.txt
	if [ -r "$seed" ]; then
		python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().split("\n")[0][:40].strip())' "$seed"
	else
		echo 'صوبائی پارٹی کی قائمہ کمیٹی کے رکن'
	fi
}

# chromium_run ARGS... URL: headless Chromium, its own new profile, no
# network of its own, at most 90 seconds.
chromium_run() {
	local profile
	profile=$(mktemp -d "$BATS_TEST_TMPDIR/chromium.XXXXXX")
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" "$@" 2>"$BATS_TEST_TMPDIR/chromium.err"
}

# A database whose groups, units and persons carry the hostile names:
# 3 tasks, 1 done, 1 overdue on 30/06/2025.
hostile_world() {
	RTL=$(rtl_name)
	[ -n "$RTL" ]
	ok add "Một" --group "$SCRIPT_NAME" --unit "$IMG_NAME" --leader "$BIDI_NAME" --new --due 31/12/2025
	ok add "Hai" --group "$RTL" --unit "$FORMULA_NAME" --leader "$RTL" --new --due 01/06/2025
	ok add "Ba" --group "$SCRIPT_NAME" --unit "$RTL" --new
	ok close 3
	GROUP_NUMBER=$(r57 status --format json | jq -r --arg n "$SCRIPT_NAME" '.groups[] | select(.name == $n) | .number')
	[ -n "$GROUP_NUMBER" ]
}

# dom_check FILE: read the DOM Chromium dumped, print what it found, one
# fact a line (see the python below), for the test to compare.
dom_check() {
	python3 - "$1" <<'PY'
import html.parser, sys

class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.attrs = [], [], []
        self.title, self.text, self.rows, self.row = "", [], [], None
        self.cell, self.bdi_text = None, []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self.stack.append(tag)
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = []
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, d):
        if "title" in self.stack:
            self.title += d
            return
        if "style" in self.stack or "head" in self.stack:
            return
        self.text.append(d)
        if self.cell is not None:
            self.cell.append(d)
        if "bdi" in self.stack:
            self.bdi_text.append(d)

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(dom.text)
print("title=" + dom.title.strip())
print("tags=" + " ".join(sorted(set(dom.tags))))
print("ids=" + " ".join(sorted(v or "" for k, v in dom.attrs if k == "id")))
print("handlers=" + " ".join(sorted(k for k, v in dom.attrs if k.startswith("on"))))
print("network=" + " ".join(v for k, v in dom.attrs
                            if v and ("http:" in v or "https:" in v or "//" in v)))
print("refs=" + " ".join(sorted(k for k, v in dom.attrs
                                 if k in ("src", "href", "srcset", "action", "poster", "data", "background"))))
# C0 and C1 controls, and the bidi embeddings and overrides (the report's
# own isolates, U+2066..2069, are allowed)
def control(c):
    o = ord(c)
    return (o < 0x20 and c not in "\n\t") or 0x7f <= o <= 0x9f or 0x202a <= o <= 0x202e
print("controls=" + " ".join("U+%04X" % ord(c) for c in sorted(set(text)) if control(c)))
for r in dom.rows:
    print("row=|" + "|".join(r) + "|")
print("bdi=" + "|".join(dom.bdi_text))
# the whole visible text last: it may hold new lines
print("text=" + text.replace("\n", " "))
PY
}

# fact NAME: the value of one line of dom_check's output in $facts.
fact() { sed -n "s/^$1=//p" <<<"$facts" | head -n 1; }

# has_row CELL...: a table row (of $facts) with these cells side by side.
has_row() {
	local want
	want=$(IFS='|'; echo "|$*|")
	grep '^row=' <<<"$facts" | grep -qF -- "$want" ||
		{ printf 'no row with [%s] in:\n%s\n' "$want" "$(grep '^row=' <<<"$facts")" >&2; return 1; }
}

rate() { if [ "$R57_LANG" = vi ]; then echo "${1/./,}"; else echo "$1"; fi; }

@test "control: a page whose script runs is seen changing its title and adding an element" {
	command -v "$CHROMIUM" >/dev/null || { echo "$CHROMIUM is not installed (apt-get install chromium)" >&2; false; }
	printf '<!DOCTYPE html><html><head><title>A</title></head><body><p>x</p><script>%s</script></body></html>' \
		"document.title='PWNED';document.body.appendChild(document.createElement('h6')).id='pwned'" \
		>"$BATS_TEST_TMPDIR/control.html"
	chromium_run --dump-dom "file://$BATS_TEST_TMPDIR/control.html" >"$BATS_TEST_TMPDIR/control.dom"
	local facts
	facts=$(dom_check "$BATS_TEST_TMPDIR/control.dom")
	eq "$(fact title)" PWNED "the control's title, changed by its script"
	eq "$(fact ids)" pwned "the element its script added"
}

@test "status --format html in Chromium: figures and hostile names as text, no script ran, no network" {
	command -v "$CHROMIUM" >/dev/null || { echo "$CHROMIUM is not installed (apt-get install chromium)" >&2; false; }
	hostile_world
	local f=$BATS_TEST_TMPDIR/report.html facts
	ok status --format html -o "$f" --title "$COMMITTEE"
	chromium_run --dump-dom "file://$f" >"$BATS_TEST_TMPDIR/report.dom"
	[ -s "$BATS_TEST_TMPDIR/report.dom" ] || { cat "$BATS_TEST_TMPDIR/chromium.err" >&2; false; }
	facts=$(dom_check "$BATS_TEST_TMPDIR/report.dom")

	# no script ran: the title is r57's, nothing was added, nothing runs
	eq "$(fact title)" "$(t 'Status of Resolution 57 tasks')" "document title"
	eq "$(fact ids)" "" "elements with an id"
	eq "$(fact handlers)" "" "event handler attributes"
	local tag
	for tag in script img iframe object embed link svg form input base; do
		[[ " $(fact tags) " != *" $tag "* ]] || { echo "a <$tag> element in the DOM: $(fact tags)" >&2; false; }
	done
	# no reference to anything outside the file
	eq "$(fact network)" "" "attributes naming a network address"
	eq "$(fact refs)" "" "src/href attributes"
	# no terminal escape or bidi override reached the page
	eq "$(fact controls)" "" "control characters in the visible text"

	# the figures, as the browser shows them
	has_row "$(t 'Total')" 3
	has_row "$(t 'Completed')" 1
	has_row "$(t 'Not completed, overdue')" 1
	has_row "$(t 'Completion rate')" "$(rate 33.33)%"
	local text
	text=$(fact text)
	has "$text" "$(t 'Status of Resolution 57 tasks as of %s' 30/06/2025)"
	has "$text" "$(t 'By lead unit (ranked by completion rate)')"
	# every hostile name, as text, in its own table row and isolated
	has_row "$GROUP_NUMBER. $SCRIPT_NAME" 2 1
	has_row 1 "$RTL" 1 1
	has_row 2 "$IMG_NAME" 1 0
	has_row 3 "$FORMULA_NAME" 1 0
	has_row "$RTL" 1 0
	has "$(fact bdi)" "$RTL"
	has "$(fact bdi)" "$SCRIPT_NAME"
	has "$text" "$COMMITTEE"
	# the bidi name shows its letters, its controls replaced
	has "$text" "Nội vụ"
	has "$text" "đỏ"
	has "$text" "$(printf '\u241b[31m')"
}

@test "status --format html printed by Chromium to PDF: the text of the page is the report" {
	command -v "$CHROMIUM" >/dev/null || { echo "$CHROMIUM is not installed (apt-get install chromium)" >&2; false; }
	command -v pdftotext >/dev/null || { echo "pdftotext is not installed (apt-get install poppler-utils)" >&2; false; }
	hostile_world
	local f=$BATS_TEST_TMPDIR/report.html pdf=$BATS_TEST_TMPDIR/report.pdf
	ok status --format html -o "$f" --title "$COMMITTEE"
	chromium_run --no-pdf-header-footer --print-to-pdf="$pdf" "file://$f" >/dev/null
	[ -s "$pdf" ] || { cat "$BATS_TEST_TMPDIR/chromium.err" >&2; false; }
	eq "$(head -c 5 "$pdf")" "%PDF-"
	# printed on A4, as the page asks (@page)
	pdfinfo "$pdf" | grep -Eq '^Page size: .*\(A4\)' ||
		{ pdfinfo "$pdf" >&2; false; }
	# the words as laid out on the page, white space made single, the
	# isolates around the selection (which pdftotext keeps) dropped
	local words
	words=$(pdftotext -layout -enc UTF-8 "$pdf" - | perl -CS -0777 -pe 's/[\x{2066}-\x{2069}]//g; s/\s+/ /g')
	local summary
	summary=$(t '%lld tasks in all; %lld completed (%s%%), of which %lld/%lld of the %d tasks (%s%%); %lld task overdue.' \
		3 1 "$(rate 33.33)" 1 3 2025 "$(rate 33.33)" 1)
	has "$words" "$summary"
	has "$words" "$(t 'Status of Resolution 57 tasks as of %s' 30/06/2025)"
	has "$words" "$(t 'Selection: %s; previous report: %s' "$(t 'all tasks')" 31/05/2025)"
	has "$words" "$(t 'Extended since the previous report') 0"
	has "$words" "$(t 'Completion rate') $(rate 33.33)%"
	# the committee is printed in capitals (the page's style): its markup as text
	has "${words,,}" "${COMMITTEE,,}"
	# the title at print time is r57's: no script changed it
	eq "$(pdfinfo "$pdf" | sed -n 's/^Title: *//p')" "$(t 'Status of Resolution 57 tasks')" "the PDF's title"
	eq "$(pdfinfo "$pdf" | sed -n 's/^JavaScript: *//p')" no "JavaScript in the PDF"
}

