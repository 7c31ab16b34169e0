#!/usr/bin/env bash
# Packaging test, as an owner would meet the installers:
#
#  1. builds the Linux package and the Windows executable (scripts/package.sh);
#  2. extracts the .tar.xz and installs it with its own Makefile into a
#     temporary prefix (`make install PREFIX=…`), and checks the desktop
#     entry, the icon and `parley --version`;
#  3. starts the INSTALLED binary under Xvfb with the smoke test (its
#     window appears and is drawn; its first-run screen is kept in
#     build/package-smoke.png);
#  4. checks that the .exe is a 64-bit Windows GUI program with its icon
#     and version information (internal/tools/pecheck).
#
# Each step's time is printed, so its cost to CI stays known.
#
#   scripts/package-test.sh [linux] [windows]    (both when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en_US}

version=$(scripts/version.sh)
base=$(scripts/version.sh --base)
build=$(sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
tarball=dist/Parley-$version-linux-amd64.tar.xz
exe=dist/Parley-$version-windows-amd64.exe

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

die() {
	echo "package-test: FAIL: $*" >&2
	exit 1
}

step_start=$SECONDS
step() {
	echo "package-test: $1 took $((SECONDS - step_start)) s"
	step_start=$SECONDS
}

# test_linux builds, installs and starts the Linux package.
test_linux() {
	local prefix installed desktop icon got
	rm -f "$tarball"
	scripts/package.sh linux
	step "Linux package build"

	# Install with the package's own Makefile, as its README tells owners.
	tar -xJf "$tarball" -C "$work"
	[[ -f $work/parley/Makefile ]] || die "the tarball has no parley/Makefile: $(tar -tJf "$tarball" | head)"
	prefix=$work/prefix
	make -s -C "$work/parley" install PREFIX="$prefix"
	installed=$prefix/bin/parley
	desktop=$prefix/share/applications/app.parley.desktop.desktop
	icon=$prefix/share/pixmaps/app.parley.desktop.png
	[[ -x $installed ]] || die "make install put no executable at $installed"
	[[ -f $icon ]] || die "make install put no icon at $icon"
	[[ -f $desktop ]] || die "make install put no desktop entry at $desktop"
	for line in "Name=Parley" "Exec=parley" "Icon=app.parley.desktop" "Type=Application" "Categories=Network;Chat;"; do
		grep -qx "$line" "$desktop" || die "the desktop entry lacks '$line':"$'\n'"$(cat "$desktop")"
	done
	got=$("$installed" --version)
	[[ $got == "Parley $version" ]] || die "the installed parley --version says '$got', want 'Parley $version'"
	echo "package-test: installed into $prefix: $(du -sh "$prefix" | cut -f1); --version: $got"
	step "install"

	SMOKE_SHOT=build/package-smoke.png scripts/smoke.sh "$installed"
	step "smoke test of the installed app"
}

# test_windows cross-builds the .exe and checks it.
test_windows() {
	rm -f "$exe"
	scripts/package.sh windows
	step "Windows cross-build"
	go run ./internal/tools/pecheck -version "$base.$build" "$exe"
	if command -v file >/dev/null; then echo "package-test: file(1): $(file -b "$exe")"; fi
}

targets=("$@")
((${#targets[@]})) || targets=(linux windows)
for t in "${targets[@]}"; do
	case $t in
	linux | windows) "test_$t" ;;
	*)
		echo "usage: $0 [linux] [windows]" >&2
		exit 2
		;;
	esac
done
ls -l dist
echo "package-test: PASS"
