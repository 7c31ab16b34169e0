#!/usr/bin/env bash
# Checks that scripts/with-keyring.sh leaves no D-Bus or keyring daemon
# running on any way out: a command that succeeds, one that fails, a
# timeout, SIGINT, SIGTERM and SIGHUP to the wrapper, and SIGKILL of it.
# Every run gets its own TMPDIR, so leftovers are told apart from other
# processes by that folder in their environment.
#
#   scripts/wrapper-leaks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

base=$(mktemp -d "${TMPDIR:-/tmp}/parley-leaks.XXXXXX")
trap 'rm -rf "$base"' EXIT
fail() {
	echo "wrapper-leaks: FAIL: $*" >&2
	exit 1
}

# daemons_of prints the pids of dbus-daemon and gnome-keyring-daemon
# processes whose environment names the folder $1.
daemons_of() {
	local p comm
	for p in /proc/[0-9]*; do
		comm=$(cat "$p/comm" 2>/dev/null) || continue
		[[ $comm == dbus-daemon || $comm == gnome-keyring-d* ]] || continue
		if tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qxF "TMPDIR=$1"; then
			echo "${p#/proc/}"
		fi
	done
}

# expect_none waits up to 10 s for every daemon of the run in $1 to end
# (a parent-death signal is delivered asynchronously), else fails.
expect_none() {
	local deadline=$((SECONDS + 10)) left
	while left=$(daemons_of "$1") && [[ -n $left ]]; do
		if ((SECONDS > deadline)); then
			kill -KILL $left 2>/dev/null || true
			fail "$2: daemons still running: $(ps -o pid,ppid,cmd -p "${left//$'\n'/,}" | tail -n +2)"
		fi
		sleep 0.1
	done
}

# run_plain NAME WANT_STATUS COMMAND...: runs the wrapper to its end.
run_plain() {
	local name=$1 want=$2 dir="$base/$1" rc=0
	shift 2
	mkdir "$dir"
	TMPDIR=$dir scripts/with-keyring.sh "$@" </dev/null >/dev/null 2>&1 || rc=$?
	((rc == want)) || fail "$name: exit status $rc, want $want"
	expect_none "$dir" "$name"
	echo "wrapper-leaks: $name: status $rc, no daemon left"
}

# run_signalled NAME SIGNAL: starts the wrapper on a long command, waits
# until the command runs (the daemons are up then), and signals the
# wrapper alone.
run_signalled() {
	local name=$1 sig=$2 dir="$base/$1" pid rc=0 deadline=$((SECONDS + 20))
	mkdir "$dir"
	# A command started with & ignores SIGINT unless told otherwise.
	TMPDIR=$dir env --default-signal=INT scripts/with-keyring.sh bash -c 'touch "$TMPDIR/running"; exec sleep 600' </dev/null >/dev/null 2>&1 &
	pid=$!
	until [[ -e $dir/running ]]; do
		((SECONDS < deadline)) || fail "$name: the command did not start within 20 s"
		sleep 0.05
	done
	kill "-$sig" "$pid"
	wait "$pid" 2>/dev/null || rc=$?
	((rc == 128 + $(kill -l "$sig"))) || fail "$name: exit status $rc, want $((128 + $(kill -l "$sig")))"
	if [[ $sig == KILL ]]; then
		# Nothing can stop the command then; the daemons must go anyway.
		pkill -KILL -f '^sleep 600$' -P 1 2>/dev/null || true
	fi
	expect_none "$dir" "$name"
	echo "wrapper-leaks: $name: status $rc, no daemon left"
}

run_plain success 0 true
run_plain failure 3 bash -c 'exit 3'
run_plain timeout 124 timeout 1 sleep 600
run_signalled sigint INT
run_signalled sigterm TERM
run_signalled sighup HUP
run_signalled sigkill KILL
echo "wrapper-leaks: PASS"
