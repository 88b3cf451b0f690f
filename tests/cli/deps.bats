#!/usr/bin/env bats
# Only make run, make check and make deps install missing Debian packages
# (issue 12, part 7): a plain make, make r57 and make docs only check and
# say the apt-get line to run. tools/need-packages asks dpkg-query what is
# installed and runs apt-get when root; here both are fakes first on PATH,
# in a copy of the tree without its build, on a machine where uuid-dev is
# missing.

load helpers

setup() {
	r57_setup
	FAKE=$BATS_TEST_TMPDIR/bin
	CALLS=$BATS_TEST_TMPDIR/apt-get.calls
	mkdir -p "$FAKE"
	# every package installed but uuid-dev
	cat >"$FAKE/dpkg-query" <<-'EOF'
	#!/bin/sh
	for p; do :; done
	[ "$p" = uuid-dev ] && exit 1
	printf 'install ok installed'
	EOF
	# apt-get only says it was called
	printf '#!/bin/sh\necho "apt-get $*" >>"%s"\n' "$CALLS" >"$FAKE/apt-get"
	# root, whoever runs the test: need-packages installs only as root
	printf '#!/bin/sh\n[ "$1" = -u ] && { echo 0; exit 0; }\nexec /usr/bin/id "$@"\n' >"$FAKE/id"
	chmod +x "$FAKE"/*
	TREE=$BATS_TEST_TMPDIR/tree
	mkdir -p "$TREE"
	tar -C "$R57_ROOT" --anchored --exclude=./.git --exclude=./build --exclude=./r57 -cf - . |
		tar -C "$TREE" -xf -
}

# fake_make TARGET...: make in the copy with the fakes first on PATH.
fake_make() {
	run --separate-stderr env PATH="$FAKE:$PATH" make -C "$TREE" --no-print-directory "$@"
}

@test "make, make r57 and make docs with a package missing: the apt-get line, no apt-get run, nothing built" {
	local target
	for target in "" r57 docs; do
		# shellcheck disable=SC2086
		fake_make $target
		[ "$status" -ne 0 ] || { echo "make $target: exit 0 with uuid-dev missing" >&2; false; }
		has "$stderr" "apt-get install uuid-dev"
		[ ! -e "$CALLS" ] || { echo "make $target ran: $(cat "$CALLS")" >&2; false; }
		[ ! -e "$TREE/r57" ]
		[ ! -e "$TREE/build/.deps-ok" ]
	done
}

@test "make deps with a package missing runs apt-get install for it (as root)" {
	fake_make deps
	[ "$status" -eq 0 ] || { echo "make deps: exit $status: $stderr" >&2; false; }
	[ -s "$CALLS" ]
	grep -qx 'apt-get install -y -qq --no-install-recommends uuid-dev' "$CALLS" ||
		{ echo "apt-get calls: $(cat "$CALLS")" >&2; false; }
	[ -e "$TREE/build/.deps-ok" ]
}
