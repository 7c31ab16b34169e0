#!/usr/bin/env bash
# Startup benchmark: the size of Parley's stripped binary against the 40 MB
# target, and the cold start to its first frame against the 1 s target,
# with 200,000 messages in its database.
#
# Both binaries, Parley and a one-label Fyne app (the baseline: what any
# Fyne window costs here), are built in this run with -ldflags "-s -w".
# Each is started COLD_RUNS times under a private Xvfb, on a fresh copy of
# the seeded data folder and with empty Fyne preferences; the time from
# exec to its window being mapped (what `xdotool search --sync` waits
# for, polled every 10 ms) is measured. The median is reported, and its
# ratio to the baseline's.
#
# The seeded folder comes from scripts/benchdata.sh, which caches it.
#
#   scripts/coldstart.sh
#
# COLD_RUNS      starts of each binary (default 5)
# COLD_MESSAGES  messages in the database (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en_US}

runs=${COLD_RUNS:-5}
messages=${COLD_MESSAGES:-200000}
out=build/bench
# Build tags of every go command (the Makefile passes its own): sqlite_fts5
# compiles SQLite's full-text search, which the store needs.
tags=${PARLEY_TAGS:-sqlite_fts5}
size_target_mb=40
start_target_ms=1000

if [[ ${COLD_INSIDE:-} != 1 ]]; then
	mkdir -p "$out"
	version=$(scripts/version.sh)
	go build -tags "$tags",migrated_fynedo -ldflags "-s -w -X main.version=$version" -o "$out/parley" .
	go build -ldflags "-s -w" -o "$out/hello" ./internal/tools/hello

	data=$(scripts/benchdata.sh "$messages")

	bytes=$(stat -c %s "$out/parley")
	awk -v b="$bytes" -v t="$size_target_mb" 'BEGIN {
		mb = b / 1048576
		printf "bench: binary size (stripped): %.1f MB, target under %d MB: %s\n", mb, t, (mb < t ? "OK" : "OVER")
	}'
	exec scripts/xvfb-run.sh dbus-run-session -- env COLD_INSIDE=1 COLD_DATA="$data" "$0"
fi

work=$(mktemp -d)
pid=
cleanup() {
	if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# start_ms sets ms to the time from starting "$@" to its window named
# $name being mapped, then stops the program.
start_ms() {
	local name=$1 t0 wid=
	shift
	rm -rf "$work/run"
	mkdir -p "$work/run/config"
	cp -r "$COLD_DATA" "$work/run/data"
	t0=$(now_ms)
	XDG_CONFIG_HOME=$work/run/config PARLEY_360DIALOG_URL=http://127.0.0.1:9 "$@" >"$work/run/out.log" 2>&1 &
	pid=$!
	local deadline=$((SECONDS + 30))
	until wid=$(xdotool search --onlyvisible --name "$name" 2>/dev/null | head -n1) && [[ -n $wid ]]; do
		if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
			echo "bench: $1 showed no window within 30 s" >&2
			cat "$work/run/out.log" >&2
			exit 1 # cleanup stops it
		fi
		sleep 0.01
	done
	ms=$(($(now_ms) - t0))
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null || true
	pid=
}

# median of the numbers on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

ms=0 parley=() hello=()
for ((i = 0; i < runs; i++)); do
	start_ms '^Parley' "$out/parley" --data "$work/run/data"
	parley+=("$ms")
	start_ms '^Hello baseline' "$out/hello"
	hello+=("$ms")
done
p=$(printf '%s\n' "${parley[@]}" | median)
h=$(printf '%s\n' "${hello[@]}" | median)
db_mb=$(du -m "$COLD_DATA/parley.db" | cut -f1)
echo "bench: cold start to first frame, $messages messages ($db_mb MB database): median $p ms of ${parley[*]} ms; target under $start_target_ms ms: $( ((p < start_target_ms)) && echo OK || echo OVER)"
awk -v p="$p" -v h="$h" -v all="${hello[*]}" 'BEGIN {
	printf "bench: hello-world Fyne baseline: median %d ms of %s ms; Parley takes %.2fx the baseline\n", h, all, (h > 0 ? p / h : 0)
}'
