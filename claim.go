package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/parley-app/parley/internal/instance"
)

// claimFolder makes this the Parley of dir, or returns the other Parley
// that already runs for it (which a window start asked to show its
// window). A folder that cannot be guarded is no reason not to start:
// both results are nil then.
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

// windowAlreadyOpen tells the owner, on the terminal, that the window
// of the Parley already open for dir was brought to the front, and
// returns the exit status: 0, nothing went wrong.
func windowAlreadyOpen(dir string) int {
	fmt.Fprintln(os.Stderr, "parley: Parley is already open for", dir+"; its window was brought to the front.")
	return 0
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
