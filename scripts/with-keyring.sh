#!/usr/bin/env bash
# with-keyring.sh runs a command against a private, unlocked GNOME Keyring.
#
#   scripts/with-keyring.sh COMMAND [ARG...]
#   scripts/with-keyring.sh go test -tags sqlite_fts5,keyringit -run TestRealSecretService ./persistence/
#
# It starts a private D-Bus session bus and, on it, a gnome-keyring-daemon
# whose keyrings live in a temporary directory. The daemon creates the
# default "login" collection and unlocks it with a throw-away password read
# from stdin, so nothing ever prompts. Once the Secret Service answers and
# the collection is unlocked, the command runs. The owner's real keyring is
# never touched. The exit status is the command's (128+N when this script
# is stopped by signal N).
#
# Nothing it starts outlives it, on every way out: a normal end, a failing
# command, Ctrl-C, SIGTERM or SIGHUP (the command gets the signal first),
# and even SIGKILL of this script (the daemons are started with a parent-
# death signal). The bus activates no services, so no daemon can appear
# that this script did not start and record.
#
# Needs dbus-daemon and dbus-send, gnome-keyring and setpriv (util-linux);
# on Debian or Ubuntu: sudo apt-get install dbus dbus-x11 gnome-keyring util-linux
set -euo pipefail

if [[ $# -eq 0 ]]; then
	echo "usage: $0 COMMAND [ARG...]" >&2
	exit 2
fi
for tool in dbus-daemon dbus-send gnome-keyring-daemon setpriv; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$0: $tool is missing; install it with: sudo apt-get install dbus dbus-x11 gnome-keyring util-linux" >&2
		exit 127
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parley-keyring.XXXXXX")
bus_pid="" daemon_pid="" cmd_pid=""

# stop ends a process this script started: SIGTERM, up to 5 s to exit,
# then SIGKILL.
stop() {
	local pid=$1
	[[ -n $pid ]] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for _ in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317 # called by the traps
cleanup() {
	trap - EXIT INT TERM HUP
	stop "$cmd_pid"
	stop "$daemon_pid"
	stop "$bus_pid"
	rm -rf "$tmp"
}
# shellcheck disable=SC2317 # called by the traps
on_signal() {
	# The command hears of it first, as it would in the foreground.
	[[ -n $cmd_pid ]] && kill "-$1" "$cmd_pid" 2>/dev/null
	exit "$2"
}
trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP
mkdir -m 700 "$tmp/run" "$tmp/data"

# A session bus of our own, with no service folders: nothing is started
# on demand behind our back.
cat >"$tmp/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$tmp/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
setpriv --pdeathsig KILL dbus-daemon --config-file="$tmp/bus.conf" --nofork --nopidfile --nosyslog \
	>"$tmp/bus.log" 2>&1 &
bus_pid=$!
export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/bus"
for _ in $(seq 100); do
	[[ -S $tmp/bus ]] && break
	if ! kill -0 "$bus_pid" 2>/dev/null; then
		echo "$0: dbus-daemon stopped early:" >&2
		cat "$tmp/bus.log" >&2
		exit 1
	fi
	sleep 0.1
done

# The daemon keeps its control socket in XDG_RUNTIME_DIR and its keyrings
# in XDG_DATA_HOME/keyrings; both point into $tmp for the daemon only.
printf '%s' "parley-throwaway-password" >"$tmp/password"
XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" \
	setpriv --pdeathsig KILL gnome-keyring-daemon --foreground --replace --unlock --components=secrets \
	<"$tmp/password" >"$tmp/daemon.log" 2>&1 &
daemon_pid=$!

# dbus_get prints the reply of a D-Bus call on the session bus, or nothing.
dbus_get() {
	dbus-send --session --print-reply=literal "$@" 2>/dev/null || true
}

# Wait (up to 10 s) until the daemon owns the Secret Service name and its
# login collection is unlocked.
ready=""
for _ in $(seq 100); do
	if ! kill -0 "$daemon_pid" 2>/dev/null; then
		echo "$0: gnome-keyring-daemon stopped early:" >&2
		cat "$tmp/daemon.log" >&2
		exit 1
	fi
	owner=$(dbus_get --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets)
	locked=""
	if [[ "$owner" == *true* ]]; then
		locked=$(dbus_get --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
			org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked)
	fi
	if [[ "$locked" == *"boolean false"* ]]; then
		ready=1
		break
	fi
	sleep 0.1
done
if [[ -z "$ready" ]]; then
	echo "$0: the keyring's login collection did not become available and unlocked within 10 seconds" >&2
	cat "$tmp/daemon.log" >&2
	exit 1
fi

# The command runs in the background so that a signal reaches the traps at
# once (bash waits for a foreground command before it runs a trap); it
# keeps this script's standard input.
"$@" <&0 &
cmd_pid=$!
status=0
wait "$cmd_pid" || status=$?
cmd_pid=""
exit "$status"
