#!/usr/bin/env bash
# Runs a slow check in the background while other checks run, and collects
# its result later: make test starts the Windows cross-build first (on a
# fresh machine most of it is one single-threaded C compile) and waits for
# it at the end.
#
#   scripts/bg.sh start NAME COMMAND [ARG...]   output in build/bg/NAME.log
#   scripts/bg.sh wait NAME                     prints the output, exits with COMMAND's status
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/bg

case ${1:-} in
start)
	name=$2
	shift 2
	mkdir -p "$dir"
	rm -f "$dir/$name.rc"
	# setsid: the job outlives this script, not make's later recipe lines.
	setsid bash -c '"$@" >"$0.log" 2>&1; echo $? >"$0.rc.tmp"; mv "$0.rc.tmp" "$0.rc"' "$dir/$name" "$@" </dev/null &
	echo "bg: $name started in the background (output: $dir/$name.log)"
	;;
wait)
	name=$2
	[[ -e $dir/$name.log ]] || {
		echo "bg: $name was never started" >&2
		exit 2
	}
	start=$SECONDS
	until [[ -e $dir/$name.rc ]]; do sleep 1; done
	cat "$dir/$name.log"
	rc=$(cat "$dir/$name.rc")
	echo "bg: $name finished with status $rc (waited $((SECONDS - start)) s for it)"
	exit "$rc"
	;;
*)
	echo "usage: $0 start NAME COMMAND [ARG...] | wait NAME" >&2
	exit 2
	;;
esac
