#!/usr/bin/env bash
# Runs a command with DISPLAY set to a private Xvfb server on a free display,
# and stops the server afterwards. Xvfb picks the display itself (-displayfd),
# so parallel runs and a busy :99 never collide.
#
#   scripts/xvfb-run.sh [--size 1280x800] command [args...]
set -euo pipefail

size=1280x800
if [[ ${1:-} == --size ]]; then
	size=$2
	shift 2
fi
if [[ $# -eq 0 ]]; then
	echo "usage: $0 [--size WxH] command [args...]" >&2
	exit 2
fi

tmp=$(mktemp -d)
xvfb_pid=
cleanup() {
	if [[ -n $xvfb_pid ]] && kill -0 "$xvfb_pid" 2>/dev/null; then
		kill "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!

# Xvfb writes the display number once it accepts connections.
deadline=$((SECONDS + 20))
until [[ -s $tmp/display ]]; do
	if ! kill -0 "$xvfb_pid" 2>/dev/null; then
		echo "xvfb-run: Xvfb did not start:" >&2
		cat "$tmp/xvfb.log" >&2
		exit 1
	fi
	if ((SECONDS > deadline)); then
		echo "xvfb-run: Xvfb did not become ready within 20 s" >&2
		exit 1
	fi
	sleep 0.1
done
export DISPLAY=":$(head -n1 "$tmp/display")"

# Make sure clients can connect before the command runs (a smoke test once
# failed with "Failed to open display" right after Xvfb named it).
if command -v xdotool >/dev/null; then
	deadline=$((SECONDS + 10))
	until xdotool getdisplaygeometry >/dev/null 2>&1; do
		if ((SECONDS > deadline)); then
			echo "xvfb-run: Xvfb named display $DISPLAY but accepts no connection within 10 s" >&2
			cat "$tmp/xvfb.log" >&2
			exit 1
		fi
		sleep 0.1
	done
fi

"$@"
