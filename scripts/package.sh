#!/usr/bin/env bash
# Builds Parley's installers into dist/ with the Fyne packaging tool and
# FyneApp.toml (name, id, version, icon, desktop entry):
#
#   dist/Parley-<version>-linux-amd64.tar.xz   binary, desktop entry, icon
#                                              and an install Makefile
#   dist/Parley-<version>-windows-amd64.exe    with icon and version info,
#                                              cross-compiled with MinGW-w64
#
#   scripts/package.sh [linux] [windows]     (both when none is named)
#
# macOS: run `scripts/package.sh darwin` on a Mac with Xcode's command line
# tools; it gives dist/Parley-<version>-darwin.zip holding Parley.app.
#
# The build runs in a copy of the source under build/package/src, because
# `fyne package` writes files next to the code while it builds (a metadata
# .go file and, for Windows, a resource .syso) that must never disturb a
# build or test running in the work tree at the same time.
#
# FYNE_TOOL  path of a fyne binary to use instead of the pinned one
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en_US}

# The packaging tool is pinned. It is built with `go install tool@version`
# rather than listed in go.mod: fyne.io/tools v1.7.4 requires Fyne v2.8.1,
# and as a tool dependency it would silently raise the app's own Fyne.
fyne_tools_version=v1.7.4
go=${GO:-go}
root=$PWD
dist=$root/dist
# One staging folder per run, so that a Linux and a Windows build may run
# at the same time (make test does).
stage=$root/build/package/src-$$

# tool prints the path of the pinned fyne binary, building it when missing.
tool() {
	if [[ -n ${FYNE_TOOL:-} ]]; then
		echo "$FYNE_TOOL"
		return
	fi
	local bin=$root/build/tools/fyne-$fyne_tools_version
	if [[ ! -x $bin ]]; then
		local gobin
		gobin=$(mktemp -d)
		echo "package: building the Fyne packaging tool $fyne_tools_version" >&2
		GOBIN=$gobin GOFLAGS='' "$go" install "fyne.io/tools/cmd/fyne@$fyne_tools_version" >&2
		mkdir -p "$(dirname "$bin")"
		mv "$gobin/fyne" "$bin"
		rmdir "$gobin"
	fi
	echo "$bin"
}

# stage copies the source, without build output, to $stage.
stage() {
	rm -rf "$stage"
	mkdir -p "$stage"
	tar -cf - --exclude=./.git --exclude=./build --exclude=./dist --exclude=./fyne-cross \
		--exclude=./.preview_tmp --exclude='*.test' --exclude='*.prof' . | tar -xf - -C "$stage"
}

# fyne_package runs `fyne package` in the staged source with Parley's
# version linked in (fyne reads extra -ldflags from GOFLAGS) and the build
# tags: sqlite_fts5 compiles SQLite's full-text search, which the store
# needs (fyne adds release and migrated_fynedo itself).
fyne_package() {
	local goflags
	goflags="$("$go" env GOFLAGS) -ldflags=-X=main.version=$version"
	(cd "$stage" && GOFLAGS="$goflags" "$fyne" package --release --tags "${PARLEY_TAGS:-sqlite_fts5}" "$@")
}

linux() {
	local out=$dist/Parley-$version-linux-amd64.tar.xz
	echo "package: Linux → ${out#"$root"/}"
	fyne_package -os linux
	mv "$stage/Parley.tar.xz" "$out"
}

windows() {
	local out=$dist/Parley-$version-windows-amd64.exe cc=x86_64-w64-mingw32-gcc
	if ! command -v "$cc" >/dev/null; then
		echo "package: $cc is missing; install it with: make deps-windows" >&2
		exit 1
	fi
	echo "package: Windows → ${out#"$root"/}"
	CC=$cc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 fyne_package -os windows
	mv "$stage/Parley.exe" "$out"
}

darwin() {
	local out=$dist/Parley-$version-darwin.zip
	echo "package: macOS → ${out#"$root"/}"
	fyne_package -os darwin
	rm -f "$out"
	(cd "$stage" && ditto -c -k --keepParent Parley.app "$out")
}

targets=("$@")
((${#targets[@]})) || targets=(linux windows)
for t in "${targets[@]}"; do
	case $t in
	linux | windows | darwin) ;;
	*)
		echo "usage: $0 [linux] [windows] [darwin]" >&2
		exit 2
		;;
	esac
done

version=$(scripts/version.sh)
fyne=$(tool)
mkdir -p "$dist"
trap 'rm -rf "$stage"' EXIT
stage
for t in "${targets[@]}"; do
	start=$SECONDS
	"$t"
	echo "package: $t done in $((SECONDS - start)) s"
done
rm -rf "$stage"
ls -l "$dist"
