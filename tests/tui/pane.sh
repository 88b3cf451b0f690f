#!/bin/sh
# tests/tui/pane.sh EXITFILE PROGRAM ARGS...: what the tmux pane of a screen
# test runs: the program, its exit status written to EXITFILE, then an
# interactive shell, so the pane shows a prompt again as a terminal would.
exitfile=$1
shift
"$@"
echo $? >"$exitfile"
exec sh -i
