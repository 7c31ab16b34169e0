// Command bcbench gives the window benchmark a broadcast to drain
// (WB_BROADCAST=N scripts/windowbench.sh): it prepares a paused broadcast
// in a data folder made by coldseed, lets it go when the load starts, and
// serves the 360dialog emulator it drains into. Everything stays on
// loopback.
//
//	bcbench seed -data DIR [-recipients 2000]  store the channel's key in the keyring and a paused broadcast
//	bcbench resume -data DIR                   let the broadcast go (a running Parley sees it within a second)
//	bcbench emulate [-addr 127.0.0.1:18788]    serve the emulator; GET /bench/sent prints its sends so far
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// The bench channel at the emulator: coldseed's number, a fixed key
// (bench data on loopback) and one approved marketing template.
const (
	apiKey      = "BENCH-BROADCAST-KEY-0a1b2c3d"
	phoneNumber = "+4930123456" // coldseed's channel
	displayName = "Corner Shop"
)

// benchTemplate is the broadcast's template, approved at the emulator.
var benchTemplate = app.Template{Name: "new_season", Language: "en", Category: app.CategoryMarketing, Status: app.TemplateApproved,
	Body: "Hello {{1}}, our new season starts on Monday.", BodyExamples: []string{"Ann"}}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dir := fs.String("data", "", "data folder made by coldseed")
	n := fs.Int("recipients", 2_000, "recipients of the broadcast (seed)")
	addr := fs.String("addr", "127.0.0.1:18788", "address to serve the emulator on (emulate)")
	_ = fs.Parse(os.Args[2:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch os.Args[1] {
	case "seed":
		err = withStore(ctx, *dir, func(s *persistence.Store) error {
			bc, err := seed(ctx, s, *n, keyring)
			if err == nil {
				fmt.Printf("bcbench: broadcast %d to %d customers, paused\n", bc.ID, bc.Totals.Recipients)
			}
			return err
		})
	case "resume":
		err = withStore(ctx, *dir, func(s *persistence.Store) error { return resume(ctx, s) })
	case "emulate":
		err = emulate(ctx, *addr)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bcbench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: bcbench seed -data DIR [-recipients N] | resume -data DIR | emulate [-addr HOST:PORT]")
	os.Exit(2)
}

// withStore runs f on the store in dir, which must hold a database.
func withStore(ctx context.Context, dir string, f func(*persistence.Store) error) error {
	if _, err := os.Stat(dir + "/parley.db"); err != nil {
		return fmt.Errorf("no Parley data folder: %w", err)
	}
	s, err := persistence.Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer s.Close()
	return f(s)
}

// keyring is the workspace's part of the system keyring, where Parley
// reads the channel's key.
func keyring(workspace string) app.SecretStore {
	return persistence.NewKeyringSecrets().ForWorkspace(workspace)
}
