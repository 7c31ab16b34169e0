# Parley's build, run and test commands. Every target that needs system
# packages or Go modules installs them first, so `make run` and `make test`
# work on a fresh Debian or Ubuntu machine (as root, or with sudo).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# C.UTF-8 keeps text handling sane; LANGUAGE gives Fyne a locale it can parse.
export LANG := C.UTF-8
export LANGUAGE ?= en_US

GO ?= go
# FyneApp.toml's Version, refined by `git describe --tags` (scripts/version.sh).
VERSION := $(shell scripts/version.sh)
BIN := build/parley
# Build tags every go command here passes: sqlite_fts5 compiles SQLite's
# full-text search into go-sqlite3 (the search index needs it; without the
# tag opening the store fails and says so). Scripts read PARLEY_TAGS.
TAGS := sqlite_fts5
export PARLEY_TAGS := $(TAGS)
# Release builds carry the version and, like `fyne package` with
# [Migrations] fyneDo = true, skip Fyne's thread checks. The smoke test
# builds without the tag so the checks run there.
BUILD_FLAGS := -tags $(TAGS),migrated_fynedo -ldflags "-X main.version=$(VERSION)"

# Packages for building Fyne (cgo + OpenGL + X11), the Xvfb smoke test and
# the real-keyring test.
APT_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libgl1-mesa-dri xorg-dev \
	xvfb xdotool imagemagick x11-apps gnome-keyring dbus dbus-x11 util-linux libsecret-tools ca-certificates xz-utils
# The MinGW-w64 C compiler for the Windows build: only the x86-64,
# win32-threads variant that cgo needs (56 MB to download; the
# gcc-mingw-w64 metapackage would add the 32-bit and posix variants).
APT_PACKAGES_WINDOWS := gcc-mingw-w64-x86-64-win32
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# apt_install installs those of the packages $(1) that are missing.
define apt_install
	@missing=""; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

# Each fuzz target tries this many inputs in make test (a few seconds
# each); make stress runs each for STRESS_FUZZTIME. A count, not a
# duration: when a duration ends while a worker is busy, Go's fuzzer can
# fail the target with a bare "context deadline exceeded" and no crasher
# (a race in its coordinator, seen once in CI here).
FUZZTIME ?= 50000x

# staticcheck, pinned and built once into build/tools (like the Fyne
# packaging tool) rather than listed in go.mod, whose dependencies it
# would otherwise join.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := build/tools/staticcheck-$(STATICCHECK_VERSION)

# Benchmarks run this long each; `make bench BENCHTIME=3s` for steadier figures.
BENCHTIME ?= 1s

.PHONY: deps deps-windows build run test lint stress fuzz package package-test bench icon screenshot clean

## deps: install the system packages (only those missing) and the Go modules
deps:
	$(call apt_install,$(APT_PACKAGES))
	$(GO) mod download

## deps-windows: install the MinGW-w64 compiler for the Windows build (if missing)
deps-windows:
	$(call apt_install,$(APT_PACKAGES_WINDOWS))

## build: compile Parley to build/parley
build: deps
	$(GO) build $(BUILD_FLAGS) -o $(BIN) .

## run: build and start Parley (pass flags with ARGS="--demo")
run: build
	./$(BIN) $(ARGS)

## test: formatting, vet, every Go test (race detector, real keyring), short
## fuzz runs of the parsers, the GUI smoke test, and the packaging test
## (the Linux package installed and started, the Windows .exe checked).
test: deps deps-windows
	@echo "== packaging test, Windows (in the background until the end)"
	scripts/bg.sh start package-windows scripts/package-test.sh windows
	@echo "== gofmt"
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*' -not -path './.git/*')); \
	if [ -n "$$unformatted" ]; then echo "These files need gofmt -w:"; echo "$$unformatted"; exit 1; fi
	@echo "== go vet"
	$(GO) vet -tags $(TAGS),keyringit ./...
	@# The Windows and macOS code of start at login (internal/autostart)
	@# and its tests are compiled by no other step on Linux: vet them for
	@# those systems. The package needs no cgo, unlike the rest of Parley.
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) vet ./internal/autostart
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) vet ./internal/autostart
	@echo "== staticcheck"
	$(MAKE) --no-print-directory lint
	@echo "== go test -race (private keyring and X server)"
	scripts/with-keyring.sh scripts/xvfb-run.sh $(GO) test -race -tags $(TAGS),keyringit ./...
	@echo "== fuzz (short)"
	$(MAKE) --no-print-directory fuzz
	@echo "== GUI smoke test"
	scripts/smoke.sh
	@echo "== packaging test, Linux"
	scripts/package-test.sh linux
	@echo "== packaging test, Windows"
	scripts/bg.sh wait package-windows

## lint: staticcheck over every package, test files and tagged tests too
lint: $(STATICCHECK)
	$(STATICCHECK) -tags $(TAGS),keyringit ./...

$(STATICCHECK):
	mkdir -p build/tools/staticcheck-build
	GOBIN=$(CURDIR)/build/tools/staticcheck-build GOFLAGS= $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	mv build/tools/staticcheck-build/staticcheck $@
	rmdir build/tools/staticcheck-build

## stress: the full proof under stress (RELIABILITY.md): 20 SIGKILLs
## during ingest and every other stress test in full, then each fuzz target
## for STRESS_FUZZTIME (default 10 minutes). make test runs the short form.
STRESS_FUZZTIME ?= 10m
stress: deps
	PARLEY_STRESS=full scripts/with-keyring.sh scripts/xvfb-run.sh $(GO) test -count=1 -tags $(TAGS),keyringit -v -timeout 60m ./stress/
	$(MAKE) --no-print-directory fuzz FUZZTIME=$(STRESS_FUZZTIME)

## fuzz: run each fuzz target for FUZZTIME (inputs, or a duration like 10m);
## a crasher is kept in testdata/fuzz
fuzz:
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzParseWebhook$$' -fuzztime $(FUZZTIME) ./app/dialog360/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzStrictDecodeAgrees$$' -fuzztime $(FUZZTIME) ./app/dialog360/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/waformat/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzValidateTemplate$$' -fuzztime $(FUZZTIME) ./app/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzImageHeader$$' -fuzztime $(FUZZTIME) ./app/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzMediaFileName$$' -fuzztime $(FUZZTIME) ./app/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzAudienceCSV$$' -fuzztime $(FUZZTIME) ./app/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzSearchQuery$$' -fuzztime $(FUZZTIME) ./persistence/

## package: build the installers into dist/: Linux .tar.xz and Windows .exe
## (on a Mac: scripts/package.sh darwin)
package: deps deps-windows
	scripts/package.sh linux windows

## package-test: build the installers, install and start the Linux one, check the .exe
package-test: deps deps-windows
	scripts/package-test.sh

## bench: run every benchmark once, no tests; then the binary size and the
## cold start to first frame with 200,000 messages (scripts/coldstart.sh);
## then the window's memory and CPU per webhook against a hello-world
## window and --headless (scripts/windowbench.sh)
bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime=$(BENCHTIME) ./...
	scripts/coldstart.sh
	scripts/windowbench.sh

## icon: redraw Icon.png
icon:
	$(GO) run ./scripts/icon -o Icon.png

## screenshot: refresh the README's screenshot from a real run
screenshot: deps
	FYNE_THEME=light SMOKE_SHOT=docs/screenshot.png scripts/smoke.sh

clean:
	rm -rf build dist
