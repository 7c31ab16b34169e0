#!/usr/bin/env bash
# GUI smoke test: starts a Parley binary under a private Xvfb with an empty
# data folder, waits for its window, takes a screenshot, fails if the
# screenshot is blank, checks that the window size is remembered across a
# restart, and stops the app cleanly with SIGTERM.
#
#   scripts/smoke.sh [BINARY] [extra parley flags...]
#
# BINARY      the binary to test, e.g. an installed package's (default:
#             $SMOKE_BIN, else builds build/parley-smoke without the
#             migrated_fynedo tag, so Fyne reports UI calls from a wrong
#             thread)
# SMOKE_SHOT  where to keep the screenshot (default: build/smoke.png)
set -euo pipefail
bin=${SMOKE_BIN:-}
if [[ $# -gt 0 && $1 != -* ]]; then
	bin=$(realpath "$1") # before the cd below
	shift
fi
cd "$(dirname "$0")/.."
# C.UTF-8 keeps text handling sane; LANGUAGE gives Fyne a locale it can parse.
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en_US}

shot=${SMOKE_SHOT:-build/smoke.png}
if [[ -z $bin ]]; then
	mkdir -p build
	# sqlite_fts5 compiles SQLite's full-text search, which the store needs.
	go build -tags "${PARLEY_TAGS:-sqlite_fts5}" -o build/parley-smoke .
	bin=build/parley-smoke
fi
[[ -x $bin ]] || {
	echo "smoke: FAIL: $bin is not an executable" >&2
	exit 1
}
bin=$(realpath "$bin")

# Run the rest inside a private X server and D-Bus session, so nothing of
# the developer's desktop is touched and nothing is left running; first
# check that the D-Bus wrapper leaves nothing running on any way out.
if [[ ${SMOKE_INSIDE:-} != 1 ]]; then
	scripts/wrapper-leaks.sh
	exec scripts/xvfb-run.sh scripts/with-keyring.sh env SMOKE_INSIDE=1 SMOKE_BIN="$bin" SMOKE_SHOT="$shot" "$0" "$@"
fi

work=$(mktemp -d)
data=$work/data
export XDG_CONFIG_HOME=$work/config # Fyne keeps the remembered window size here
pid=
cleanup() {
	if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

die() {
	echo "smoke: FAIL: $*" >&2
	for f in "$work/out.log" "$data/parley.log"; do
		[[ -f $f ]] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }
	done
	exit 1
}

now_ms() { date +%s%3N; }

# start launches Parley and sets pid and wid (its window).
start() {
	local t0
	t0=$(now_ms)
	"$bin" --data "$data" "$@" >>"$work/out.log" 2>&1 &
	pid=$!
	# Poll every 50 ms (xdotool's own --sync waits in 500 ms steps).
	local deadline=$((SECONDS + 30))
	wid=
	until wid=$(xdotool search --onlyvisible --name '^Parley' 2>/dev/null | head -n1) && [[ -n $wid ]]; do
		((SECONDS < deadline)) || die "no Parley window appeared within 30 s"
		kill -0 "$pid" 2>/dev/null || die "Parley quit before showing its window"
		sleep 0.05
	done
	window_ms=$(($(now_ms) - t0))
}

# stop sends SIGTERM and expects a clean exit within 10 s.
stop() {
	kill -TERM "$pid"
	local deadline=$((SECONDS + 10))
	while kill -0 "$pid" 2>/dev/null; do
		((SECONDS < deadline)) || die "Parley did not exit within 10 s of SIGTERM"
		sleep 0.1
	done
	local rc=0
	wait "$pid" || rc=$?
	pid=
	((rc == 0)) || die "Parley exited with status $rc after SIGTERM"
}

# capture screenshots the window until it shows more than a flat colour.
capture() {
	local deadline=$((SECONDS + 20)) colours=0
	while ((SECONDS < deadline)); do
		if xwd -silent -id "$wid" | convert xwd:- "png:$shot" 2>/dev/null; then
			colours=$(convert "$shot" -format '%k' info:)
			((colours > 64)) && return 0
		fi
		sleep 0.2
	done
	die "the window stayed blank ($colours colours in $shot)"
}

geometry() { xdotool getwindowgeometry --shell "$wid" | grep -E '^(WIDTH|HEIGHT)=' | tr '\n' ' '; }

mkdir -p "$(dirname "$shot")" "$data"

# First start: the window appears and is drawn.
start "$@"
first_ms=$window_ms
capture
deviation=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
kill -0 "$pid" 2>/dev/null || die "Parley quit right after showing its window"

# Starting Parley again for the same folder brings this window forward:
# the second start quits at once, saying so, and the first keeps running.
second_rc=0
timeout 20 "$bin" --data "$data" "$@" >"$work/second.log" 2>&1 || second_rc=$?
((second_rc == 0)) || die "a second start for the same folder exited with $second_rc: $(cat "$work/second.log")"
grep -q "already open" "$work/second.log" || die "a second start did not say Parley is already open: $(cat "$work/second.log")"
kill -0 "$pid" 2>/dev/null || die "the first Parley quit when it was started a second time"
(($(xdotool search --onlyvisible --name '^Parley' | wc -l) == 1)) || die "a second Parley window opened"

# The owner resizes the window; after a restart it has that size again.
xdotool windowsize "$wid" 1000 640
deadline=$((SECONDS + 10))
until [[ $(geometry) == "WIDTH=1000 HEIGHT=640 " ]]; do
	((SECONDS < deadline)) || die "the window did not take the new size (now $(geometry))"
	sleep 0.1
done
prefs=$XDG_CONFIG_HOME/fyne/app.parley.desktop/preferences.json
until grep -q '"window.height":640' "$prefs" 2>/dev/null && grep -q '"window.width":1000' "$prefs"; do
	((SECONDS < deadline)) || die "the new window size was not saved to $prefs"
	sleep 0.1
done
stop
start "$@"
[[ $(geometry) == "WIDTH=1000 HEIGHT=640 " ]] || die "the window size was not remembered (now $(geometry))"
stop

if grep -h "Error in Fyne call thread" "$work/out.log" "$data/parley.log"; then
	die "a widget was touched outside the UI thread (see above)"
fi
grep -q "parley starting" "$data/parley.log" || die "nothing was logged to $data/parley.log"

echo "smoke: window after ${first_ms} ms (restart ${window_ms} ms); screenshot $shot: $(convert "$shot" -format '%wx%h, %k colours' info:), deviation $deviation"
echo "smoke: PASS"
