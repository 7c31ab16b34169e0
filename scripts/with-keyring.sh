#!/usr/bin/env bash
# with-keyring.sh runs a command against a private, unlocked GNOME Keyring.
#
#   scripts/with-keyring.sh COMMAND [ARG...]
#   scripts/with-keyring.sh go test -tags keyringit -run TestRealSecretService ./persistence/
#
# It starts a private D-Bus session bus (dbus-run-session) and, on it, a
# gnome-keyring-daemon whose keyrings live in a temporary directory. The
# daemon creates the default "login" collection and unlocks it with a
# throw-away password read from stdin, so nothing ever prompts. Once the
# Secret Service answers and the collection is unlocked, the command runs;
# afterwards the daemon is stopped and the directory removed. The owner's
# real keyring is never touched. The exit status is the command's.
#
# Needs dbus (dbus-run-session, dbus-send) and gnome-keyring; on Debian or
# Ubuntu: sudo apt-get install dbus dbus-x11 gnome-keyring
set -euo pipefail

if [[ $# -eq 0 ]]; then
	echo "usage: $0 COMMAND [ARG...]" >&2
	exit 2
fi

# Outer call: check the tools, then run this script again inside a private
# session bus.
if [[ "${PARLEY_KEYRING_SESSION:-}" != "inner" ]]; then
	for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			echo "$0: $tool is missing; install it with: sudo apt-get install dbus dbus-x11 gnome-keyring" >&2
			exit 127
		fi
	done
	PARLEY_KEYRING_SESSION=inner exec dbus-run-session -- "$0" "$@"
fi
unset PARLEY_KEYRING_SESSION

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parley-keyring.XXXXXX")
daemon_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	if [[ -n "$daemon_pid" ]]; then
		kill "$daemon_pid" 2>/dev/null || true
		wait "$daemon_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -m 700 "$tmp/run" "$tmp/data"

# The daemon keeps its control socket in XDG_RUNTIME_DIR and its keyrings
# in XDG_DATA_HOME/keyrings; both point into $tmp for the daemon only.
printf '%s' "parley-throwaway-password" |
	XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" \
		gnome-keyring-daemon --foreground --replace --unlock --components=secrets \
		>"$tmp/daemon.log" 2>&1 &
daemon_pid=$!

# dbus_get prints the reply of a D-Bus call on the session bus, or nothing.
dbus_get() {
	dbus-send --session --print-reply=literal "$@" 2>/dev/null || true
}

# Wait (up to 10 s) until the daemon owns the Secret Service name. Asking
# the service itself earlier would let D-Bus auto-start a second daemon
# that knows no password.
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

status=0
"$@" || status=$?
exit "$status"
