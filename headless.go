package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/instance"
	"github.com/parley-app/parley/internal/services"
	"github.com/parley-app/parley/internal/tunnel"
	"github.com/parley-app/parley/persistence"
)

// runHeadless receives webhooks, sends queued messages and syncs in the
// background without a window, until SIGINT or SIGTERM. It shares the data
// folder format with the window. keysFile, from --keys-file, is where it
// reads the API keys when not from the keyring (see startHeadlessCore).
func runHeadless(dir, listen, keysFile string) int {
	guard, other := claimFolder(dir, instance.Headless)
	if other != nil {
		return runningElsewhereHeadless(dir, other)
	}
	if guard != nil {
		defer guard.Close()
	}
	logs, err := openDataFolder(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parley: cannot use the data folder:", err)
		return 1
	}
	defer logs.Close()
	slog.SetDefault(slog.New(slog.NewTextHandler(logOutput(logs), nil)))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store, err := persistence.Open(ctx, dir)
	if err != nil {
		headline, advice := openProblem(err, dir)
		fmt.Fprintln(os.Stderr, "parley:", headline+":", advice, "("+err.Error()+")")
		return 1
	}
	defer store.Close()
	core, ok := startHeadlessCore(ctx, store, dir, keysFile, os.Stderr)
	if !ok {
		return 1
	}
	svc, err := services.Start(ctx, services.Config{Store: store, Core: core, ReceiverAddr: listen,
		Tunnels: &tunnel.Ngrok{Logger: slog.Default()}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "parley:", err)
		return 1
	}
	if svc.ReceiverErr != nil {
		fmt.Fprintln(os.Stderr, "parley:", svc.ReceiverErr)
		svc.Stop()
		return 1
	}
	fmt.Fprintln(os.Stderr, "parley: receiving webhooks on", svc.Receiver.Addr())
	slog.Info("parley running headless", "data", dir, "receiver", svc.Receiver.Addr())
	<-ctx.Done()
	svc.Stop()
	slog.Info("parley stopped")
	return 0
}

// startHeadlessCore builds the core with the keys from the keys file
// (--keys-file or systemd's credential) or the keyring, after checking
// that every connected channel's key can be read. It writes to out what
// to fix: a keys file it cannot use, or no keyring and no keys file, stop
// Parley (false); a missing key is a warning.
func startHeadlessCore(ctx context.Context, store *persistence.Store, dir, keysFile string, out io.Writer) (*app.Core, bool) {
	secrets, err := services.HeadlessSecrets(store, keysFile, slog.Default())
	if err != nil {
		fmt.Fprintln(out, "parley:", err)
		return nil, false
	}
	if file, ok := secrets.(*persistence.FileSecrets); ok {
		slog.Info("API keys from a keys file", "path", file.Path())
	}
	warnings, err := services.CheckKeys(ctx, store, secrets)
	if err != nil {
		cause := err
		var nk *services.NoKeysError
		if errors.As(err, &nk) {
			cause = nk.Err // the instructions are for the person, the cause for the log
		}
		slog.Error("headless cannot read the API keys", "err", cause)
		fmt.Fprintln(out, "parley:", err)
		return nil, false
	}
	for _, w := range warnings {
		slog.Warn(w)
		fmt.Fprintln(out, "parley:", w)
	}
	return services.NewCoreWith(store, dir, slog.Default(), secrets, providerOptions()...), true
}
