#!/usr/bin/env bats
# make install puts r57 and its manual under PREFIX; make uninstall leaves
# nothing behind.

load helpers

@test "make install and make uninstall, under DESTDIR" {
	root="$BATS_TEST_DIRNAME/../.."
	dest=$BATS_TEST_TMPDIR/dest
	run make -s -C "$root" install DESTDIR="$dest" PREFIX=/opt/r57
	[ "$status" -eq 0 ]
	[ -x "$dest/opt/r57/bin/r57" ]
	[ -f "$dest/opt/r57/share/man/man1/r57.1" ]
	run "$dest/opt/r57/bin/r57" --version
	[ "$status" -eq 0 ]
	[[ $output == "r57 "* ]]
	cmp "$root/r57.1" "$dest/opt/r57/share/man/man1/r57.1"
	run make -s -C "$root" uninstall DESTDIR="$dest" PREFIX=/opt/r57
	[ "$status" -eq 0 ]
	run find "$dest" -type f
	[ -z "$output" ]
}
