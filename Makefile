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
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BIN := build/parley
# Release builds carry the version and, like `fyne package` with
# [Migrations] fyneDo = true, skip Fyne's thread checks. The smoke test
# builds without the tag so the checks run there.
BUILD_FLAGS := -tags migrated_fynedo -ldflags "-X main.version=$(VERSION)"

# Packages for building Fyne (cgo + OpenGL + X11), the Xvfb smoke test and
# the real-keyring test.
APT_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libgl1-mesa-dri xorg-dev \
	xvfb xdotool imagemagick x11-apps gnome-keyring dbus-x11 libsecret-tools ca-certificates
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Benchmarks run this long each; `make bench BENCHTIME=3s` for steadier figures.
BENCHTIME ?= 1s

.PHONY: deps build run test bench icon screenshot clean

## deps: install the system packages (only those missing) and the Go modules
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	$(GO) mod download

## build: compile Parley to build/parley
build: deps
	$(GO) build $(BUILD_FLAGS) -o $(BIN) .

## run: build and start Parley (pass flags with ARGS="--demo")
run: build
	./$(BIN) $(ARGS)

## test: formatting, vet, every Go test (race detector, real keyring) and the GUI smoke test
test: deps
	@echo "== gofmt"
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*' -not -path './.git/*')); \
	if [ -n "$$unformatted" ]; then echo "These files need gofmt -w:"; echo "$$unformatted"; exit 1; fi
	@echo "== go vet"
	$(GO) vet ./...
	@echo "== go test -race (private keyring and X server)"
	scripts/with-keyring.sh scripts/xvfb-run.sh $(GO) test -race -tags keyringit ./...
	@echo "== GUI smoke test"
	scripts/smoke.sh

## bench: run every benchmark once, no tests
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -benchtime=$(BENCHTIME) ./...

## icon: redraw Icon.png
icon:
	$(GO) run ./scripts/icon -o Icon.png

## screenshot: refresh the README's screenshot from a real run
screenshot: deps
	FYNE_THEME=light SMOKE_SHOT=docs/screenshot.png scripts/smoke.sh

clean:
	rm -rf build
