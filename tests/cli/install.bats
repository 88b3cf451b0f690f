#!/usr/bin/env bats
# make install puts r57, its manuals (English, and Vietnamese for
# `man -L vi r57`) and its Vietnamese messages under PREFIX; make uninstall
# leaves nothing behind; an installed r57 speaks Vietnamese from the
# catalogue it was installed with.

load helpers

# tree_copy: a copy of this tree, its build included (so only what PREFIX
# changes is built again), in the test's folder; its path on stdout. make
# install in the tree itself would relink ./r57 for another LOCALEDIR while
# the other suites, running beside this one, use it.
tree_copy() {
	local root="$BATS_TEST_DIRNAME/../.." copy=$BATS_TEST_TMPDIR/tree
	mkdir -p "$copy"
	tar -C "$root" --anchored --exclude=./.git -cf - . | tar -C "$copy" -xf -
	echo "$copy"
}

@test "make install and make uninstall, under DESTDIR" {
	root=$(tree_copy)
	dest=$BATS_TEST_TMPDIR/dest
	run make -s -C "$root" install DESTDIR="$dest" PREFIX=/opt/r57
	[ "$status" -eq 0 ]
	[ -x "$dest/opt/r57/bin/r57" ]
	[ -f "$dest/opt/r57/share/man/man1/r57.1" ]
	run "$dest/opt/r57/bin/r57" --version
	[ "$status" -eq 0 ]
	[[ $output == "r57 "* ]]
	cmp "$root/r57.1" "$dest/opt/r57/share/man/man1/r57.1"
	cmp "$root/r57.vi.1" "$dest/opt/r57/share/man/vi/man1/r57.1"
	cmp "$root/build/locale/vi/LC_MESSAGES/r57.mo" "$dest/opt/r57/share/locale/vi/LC_MESSAGES/r57.mo"
	run make -s -C "$root" uninstall DESTDIR="$dest" PREFIX=/opt/r57
	[ "$status" -eq 0 ]
	run find "$dest" -type f
	[ -z "$output" ]
}

# man_page ARGS...: man's plain text, wide enough that short lines stay whole.
man_page() {
	MANPAGER=cat PAGER=cat MANWIDTH=200 MAN_KEEP_FORMATTING= man "$@" 2>&1
}

@test "man -L vi r57 shows the Vietnamese manual installed under DESTDIR, man -L en the English one" {
	root=$(tree_copy)
	dest=$BATS_TEST_TMPDIR/dest
	run make -s -C "$root" install DESTDIR="$dest"
	[ "$status" -eq 0 ]
	local man=$dest/usr/local/share/man
	[ -f "$man/vi/man1/r57.1" ]
	local vi_help vi_version en_help en_version
	vi_help=$(R57_LANG=vi t 'Show this help.')
	vi_version=$(R57_LANG=vi t 'Show the version.')
	en_help=$(R57_LANG=en t 'Show this help.')
	en_version=$(R57_LANG=en t 'Show the version.')
	[ "$vi_help" != "$en_help" ]
	# (MANPATH rather than -M: man-db adds the language's folder to it)
	run man_page_in "$man" -L vi r57
	[ "$status" -eq 0 ]
	has "$output" "$vi_help"
	has "$output" "$vi_version"
	hasnt "$output" "$en_version"
	run man_page_in "$man" -L en r57
	[ "$status" -eq 0 ]
	has "$output" "$en_version"
	hasnt "$output" "$vi_version"
	# the installed file read directly
	run man_page -l "$man/vi/man1/r57.1"
	[ "$status" -eq 0 ]
	has "$output" "$vi_help"
	has "$output" "$(R57_LANG=vi t 'Leaders (people tasks are assigned to).')"
}

# man_page_in MANPATH ARGS...
man_page_in() {
	local path=$1
	shift
	MANPATH=$path man_page "$@"
}

@test "an installed r57 finds its installed catalogue and speaks Vietnamese" {
	local src pfx=$BATS_TEST_TMPDIR/pfx
	# the binary looks in the LOCALEDIR it was compiled with: build a copy
	# of this tree for a PREFIX of its own (its build copied too: the
	# LOCALEDIR stamp makes make compile i18n.c again and relink, the rest
	# is as built)
	src=$(tree_copy)
	run make -s -C "$src" PREFIX="$pfx" install
	[ "$status" -eq 0 ] || { echo "$output" >&2; false; }
	# nothing of the build tree is left for it to find
	rm -rf "$src"
	[ -f "$pfx/share/locale/vi/LC_MESSAGES/r57.mo" ]
	cd "$BATS_TEST_TMPDIR"
	R57_LANG=vi run "$pfx/bin/r57" --help
	[ "$status" -eq 0 ]
	has "$output" "$(R57_LANG=vi t 'Keys of the screen (r57 with no command, on a terminal):')"
	has "$output" "$(R57_LANG=vi t 'Show the version.')"
	hasnt "$output" "$(R57_LANG=en t 'Show the version.')"
	R57_LANG= LC_ALL= LANGUAGE= LANG=vi_VN.UTF-8 run "$pfx/bin/r57" add "Một"
	[ "$status" -eq 0 ]
	eq "$output" "$(R57_LANG=vi t 'Added task #%lld: %s' 1 "Một")"
	R57_LANG=en run "$pfx/bin/r57" --help
	has "$output" "$(R57_LANG=en t 'Show the version.')"
}
