#!/usr/bin/env bash
# Window benchmark: what Parley's window costs against what any Fyne window
# costs, and against Parley without a window, all measured in this run.
#
#  1. Memory: a hello-world Fyne window (internal/tools/hello) is the
#     baseline. Parley's window is opened on a data folder of
#     WB_MESSAGES messages from 2,000 customers (coldseed), the Space
#     showing and one conversation open; its resident memory is read idle
#     and again after WB_SECONDS of webhooks at WB_RATE a second
#     (internal/tools/loadgen). Target: at most 2x the baseline, both times.
#  2. CPU: the CPU time the window's process spends per acknowledged
#     webhook under that load, against `parley --headless` on a fresh copy
#     of the same folder under the same load. Target: at most 1.5x; every
#     webhook acknowledged; p99 acknowledgement under 100 ms.
#  3. The demo workspace after opening every conversation once, against
#     the same baseline. Target: at most 1.5x.
#
#   scripts/windowbench.sh
#   WB_BROADCAST=2000 scripts/windowbench.sh
#
# With WB_BROADCAST=N, 1 and 2 run with a broadcast draining: before
# each of the two runs the fresh copy of the folder gets a paused
# broadcast to N recipients (the 2,000 customers, then made-up numbers;
# internal/tools/bcbench), let go as the load starts, into a 360dialog
# emulator on loopback (bcbench emulate) that Parley is pointed at. The
# emulator's sends during the load are reported: Parley's outbox sends
# 80 a second, so expect about min(N, 80 x WB_SECONDS).
#
# WB_MESSAGES  messages in the database (default 200000)
# WB_RATE      webhooks per second (default 1000)
# WB_SECONDS   seconds of load (default 60)
# WB_BROADCAST recipients of a broadcast draining during the load (default 0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en_US}

messages=${WB_MESSAGES:-200000}
rate=${WB_RATE:-1000}
seconds=${WB_SECONDS:-60}
broadcast=${WB_BROADCAST:-0}
out=build/bench
# Build tags of every go command (the Makefile passes its own): sqlite_fts5
# compiles SQLite's full-text search, which the store needs.
tags=${PARLEY_TAGS:-sqlite_fts5}
port=18787
hook_url=http://127.0.0.1:$port/webhook/coldseed # coldseed's fixed token
hook_secret=coldseed-secret
emu_url=http://127.0.0.1:18788 # bcbench emulate's default address

if [[ ${WB_INSIDE:-} != 1 ]]; then
	mkdir -p "$out"
	version=$(scripts/version.sh)
	go build -tags "$tags",migrated_fynedo -ldflags "-s -w -X main.version=$version" -o "$out/parley" .
	go build -ldflags "-s -w" -o "$out/hello" ./internal/tools/hello
	go build -o "$out/loadgen" ./internal/tools/loadgen
	if ((broadcast > 0)); then go build -tags "$tags" -o "$out/bcbench" ./internal/tools/bcbench; fi
	data=$(scripts/benchdata.sh "$messages")
	exec scripts/with-keyring.sh scripts/xvfb-run.sh env WB_INSIDE=1 WB_DATA="$data" "$0"
fi

work=$(mktemp -d)
pid= emu_pid=
stop() {
	if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	pid=
}
cleanup() {
	stop
	if [[ -n $emu_pid ]]; then
		kill -TERM "$emu_pid" 2>/dev/null || true
		wait "$emu_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)

# rss_mb prints the resident memory of process $1 in MB.
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# cpu_ticks prints the user+system CPU ticks process $1 has used.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# settle waits until process $1 uses under 3% of a core over a second
# (at most 15 s): startup work, layout and image loading are over.
settle() {
	local before after
	for _ in $(seq 15); do
		before=$(cpu_ticks "$1")
		sleep 1
		after=$(cpu_ticks "$1")
		if (((after - before) * 100 < 3 * hz)); then return; fi
	done
	echo "bench: process $1 did not settle within 15 s" >&2
}

# start runs "$@" in the background on a fresh copy of folder $1 (or an
# empty folder when $1 is -) with empty Fyne preferences; pid is set.
# With WB_BROADCAST the copy gets its paused broadcast, and Parley the
# emulator.
start() {
	local data=$1 provider=http://127.0.0.1:9 # nothing listens: no real 360dialog
	shift
	stop
	rm -rf "$work/run"
	mkdir -p "$work/run/config"
	if [[ $data == - ]]; then mkdir -p "$work/run/data"; else cp -r "$data" "$work/run/data"; fi
	if ((broadcast > 0)) && [[ $data != - ]]; then
		"$out/bcbench" seed -data "$work/run/data" -recipients "$broadcast" >&2
		provider=$emu_url
	fi
	XDG_CONFIG_HOME=$work/run/config PARLEY_360DIALOG_URL=$provider "$@" >"$work/run/out.log" 2>&1 &
	pid=$!
}

# window waits for the window named $1 of the started process; wid is set.
window() {
	local deadline=$((SECONDS + 30))
	wid=
	until wid=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1) && [[ -n $wid ]]; do
		if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
			echo "bench: no window $1 within 30 s" >&2
			cat "$work/run/out.log" >&2
			exit 1
		fi
		sleep 0.05
	done
}

# listening waits for the started process's webhook receiver.
listening() {
	local deadline=$((SECONDS + 30))
	until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
		if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
			echo "bench: the receiver did not listen within 30 s" >&2
			cat "$work/run/out.log" >&2
			exit 1
		fi
		sleep 0.05
	done
}

# focus clicks an empty part of the window (the conversation's place,
# right of the list) so that it takes the keys.
focus() {
	xdotool mousemove --window "$wid" 800 400 click 1
	settle "$pid"
}

# next opens the next conversation of the Space with Alt+Down, as the
# owner would, and lets the window settle. Keys, not clicks at fixed
# places: the list moves whenever something is added above it (the
# clicks at fixed places missed the rows once search and the views came).
next() {
	xdotool key alt+Down
	settle "$pid"
}

# sent_count prints how many messages the emulator got so far.
sent_count() { curl -sf "$emu_url/bench/sent"; }

# load sends webhooks to the started process and sets ticks (its CPU
# ticks during the load) and the loadgen summary line; with WB_BROADCAST
# it first lets the broadcast go and sets sent (the emulator's sends
# during the load).
load() {
	local before sent_before
	if ((broadcast > 0)); then
		"$out/bcbench" resume -data "$work/run/data"
		sent_before=$(sent_count)
	fi
	before=$(cpu_ticks "$pid")
	summary=$("$out/loadgen" -url "$hook_url" -secret "$hook_secret" -rate "$rate" -duration "${seconds}s" | tail -n1) || {
		echo "bench: $summary" >&2
		exit 1
	}
	ticks=$(($(cpu_ticks "$pid") - before))
	if ((broadcast > 0)); then sent=$(($(sent_count) - sent_before)); fi
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$summary"; }

# The emulator the broadcasts drain into, for both runs.
if ((broadcast > 0)); then
	"$out/bcbench" emulate -addr "${emu_url#http://}" >"$work/emulator.log" 2>&1 &
	emu_pid=$!
	until sent_count >/dev/null; do
		if ! kill -0 "$emu_pid" 2>/dev/null; then
			echo "bench: the emulator did not start" >&2
			cat "$work/emulator.log" >&2
			exit 1
		fi
		sleep 0.05
	done
fi

# The baseline: a hello-world Fyne window.
start - "$out/hello"
window '^Hello baseline'
settle "$pid"
hello_mb=$(rss_mb "$pid")

# Parley's window on the big folder: the Space, then the newest conversation.
start "$WB_DATA" "$out/parley" --data "$work/run/data" --listen "127.0.0.1:$port"
window '^Parley'
listening
settle "$pid"
focus
next # the first conversation of the Space
idle_mb=$(rss_mb "$pid")
load
window_ticks=$ticks window_summary=$summary window_sent=${sent:-0}
window_acked=$(field acked) window_p99=$(field p99_ms)
busy_mb=$(rss_mb "$pid")
stop

# The same folder and load without a window.
start "$WB_DATA" "$out/parley" --headless --data "$work/run/data" --listen "127.0.0.1:$port"
listening
settle "$pid"
load
headless_ticks=$ticks headless_summary=$summary headless_sent=${sent:-0}
headless_acked=$(field acked) headless_p99=$(field p99_ms)
stop

# The demo workspace, every conversation opened once: ten customers.
start - "$out/parley" --demo --data "$work/run/data"
window '^Parley'
settle "$pid"
focus
for _ in $(seq 10); do next; done
demo_mb=$(rss_mb "$pid")
stop

echo "bench: window load: $window_summary"
echo "bench: headless load: $headless_summary"
awk -v h="$hello_mb" -v i="$idle_mb" -v b="$busy_mb" -v d="$demo_mb" -v m="$messages" -v s="$seconds" -v r="$rate" \
	-v wt="$window_ticks" -v wa="$window_acked" -v ht="$headless_ticks" -v ha="$headless_acked" -v hz="$hz" \
	-v wp99="$window_p99" -v hp99="$headless_p99" 'BEGIN {
	printf "bench: window memory, %d messages, a conversation open: idle %d MB = %.2fx the hello-world window (%d MB); after %d s at %d/s %d MB = %.2fx; target at most 2x: %s\n",
		m, i, i / h, h, s, r, b, b / h, (i <= 2 * h && b <= 2 * h) ? "OK" : "OVER"
	wc = wt / hz * 1000000 / wa; hc = ht / hz * 1000000 / ha
	printf "bench: CPU per webhook: window %.0f us, headless %.0f us = %.2fx; target at most 1.5x: %s\n",
		wc, hc, wc / hc, (wc <= 1.5 * hc) ? "OK" : "OVER"
	printf "bench: p99 acknowledgement: window %.1f ms, headless %.1f ms; target under 100 ms: %s\n",
		wp99, hp99, (wp99 < 100 && hp99 < 100) ? "OK" : "OVER"
	printf "bench: demo workspace, every conversation opened: %d MB = %.2fx the hello-world window; target at most 1.5x: %s\n",
		d, d / h, (d <= 1.5 * h) ? "OK" : "OVER"
}'
if ((broadcast > 0)); then
	awk -v n="$broadcast" -v s="$seconds" -v w="$window_sent" -v h="$headless_sent" 'BEGIN {
	want = (n < 80 * s) ? n : 80 * s
	printf "bench: broadcast to %d draining during the load: the emulator got window %d (%.1f/s), headless %d (%.1f/s); expected about %d (80/s): %s\n",
		n, w, w / s, h, h / s, want, (w >= 0.9 * want && h >= 0.9 * want) ? "OK" : "SHORT"
}'
fi
