#!/usr/bin/env bash
# Prints Parley's version: the Version of FyneApp.toml, refined by the git
# tag when the source is a git clone with tags.
#
#   0.1.0                 no tag, or HEAD is exactly the tag v0.1.0
#   0.1.0-3-g1a2b3c4      three commits after the tag v0.1.0
#   0.1.0+v0.2.0-1-g1a2b  the newest tag does not match FyneApp.toml
#                         (a warning goes to stderr: bump FyneApp.toml)
#
#   scripts/version.sh          the full version
#   scripts/version.sh --base   only the Version of FyneApp.toml
#
# The result never holds spaces, so it can go through GOFLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."

base=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
if [[ -z $base ]]; then
	echo "version: no Version in FyneApp.toml" >&2
	exit 1
fi
if [[ ${1:-} == --base ]]; then
	echo "$base"
	exit 0
fi

describe=
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
	describe=$(git describe --tags --match 'v[0-9]*' 2>/dev/null || true)
fi

case $describe in
"" | "v$base") echo "$base" ;;
"v$base"-*) echo "${describe#v}" ;;
*)
	echo "version: the git tag ${describe%%-*} does not match Version \"$base\" in FyneApp.toml" >&2
	echo "$base+$describe"
	;;
esac
