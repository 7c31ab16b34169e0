package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/parley-app/parley/internal/instance"
	"github.com/parley-app/parley/internal/services"
	"github.com/parley-app/parley/internal/tunnel"
	"github.com/parley-app/parley/persistence"
)

// runHeadless receives webhooks, sends queued messages and syncs in the
// background without a window, until SIGINT or SIGTERM. It shares the data
// folder format with the window.
func runHeadless(dir, listen string) int {
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
	core := services.NewCore(store, dir, slog.Default(), providerOptions()...)
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
