package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/parley-app/parley/internal/instance"
)

// claimFolder makes this the Parley of dir. When another one already runs
// for it, that one was asked to show its window; claimFolder then says so
// and returns done. A folder that cannot be guarded is no reason not to
// start: the guard is nil then.
func claimFolder(dir string, kind instance.Kind) (guard *instance.Guard, other *instance.RunningError) {
	g, err := instance.Claim(dir, kind)
	if errors.As(err, &other) {
		return nil, other
	}
	if err != nil {
		slog.Warn("a second Parley for this data folder will not be noticed", "err", err)
		return nil, nil
	}
	return g, nil
}

// runningElsewhere tells the owner, on the terminal, about the Parley that
// already runs for dir. It returns the exit status: 0 when that one has a
// window, now in front.
func runningElsewhere(dir string, other *instance.RunningError) int {
	if other.Kind == instance.Window {
		fmt.Fprintln(os.Stderr, "parley: Parley is already open for", dir+"; its window was brought to the front.")
		return 0
	}
	fmt.Fprintln(os.Stderr, "parley:", other.Error()+":", dir)
	return 1
}

// headlessElsewhere is the advice when a headless Parley already receives
// for the folder the window was asked to open.
func headlessElsewhere(dir string) string {
	return "A Parley started with --headless is already receiving messages for " + dir +
		". Stop it before opening the window, or start Parley with --data and another folder."
}

// runningElsewhereHeadless says why a headless start stops: another
// Parley, with or without a window, already receives for dir.
func runningElsewhereHeadless(dir string, other *instance.RunningError) int {
	fmt.Fprintln(os.Stderr, "parley:", other.Error()+":", dir+"; it already receives the messages.")
	return 1
}
