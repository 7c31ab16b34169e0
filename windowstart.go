package main

import (
	"context"
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/demo"
	"github.com/parley-app/parley/internal/instance"
	"github.com/parley-app/parley/internal/services"
	"github.com/parley-app/parley/internal/tunnel"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens"
)

// windowStart opens the data folder and the services for the window
// while Fyne's loop already runs, so that an older data folder brought up
// to date (the search index of every stored message) shows its progress
// in a window instead of a pause with nothing on screen. The main
// window, or the error window, opens when everything is ready.
type windowStart struct {
	a         fyne.App
	dir       string
	demo      bool
	listen    string
	ownFolder bool // the default data folder (start at login may use it)
	inTray    bool
	guard     *instance.Guard

	mu        sync.Mutex
	preparing *screens.Preparing // shown once opening has work to report
	cleanups  []func()           // run by stop, last first
	code      int                // the exit code
}

// open runs on its own goroutine: it opens the store (reporting the
// progress of any migration), starts the demo or the core and the
// services, then opens the main window on the UI goroutine.
func (s *windowStart) open() {
	ctx := context.Background()
	store, err := persistence.Open(ctx, s.dir, persistence.WithProgress(s.progress))
	if err != nil {
		slog.Error("open store", "err", err)
		headline, advice := openProblem(err, s.dir)
		s.fail(headline, advice, err)
		return
	}
	s.cleanup(func() { store.Close() })

	// The demo workspace runs the core against its in-process emulator
	// and its receiver on a free port; see package demo.
	var ws *demo.Workspace
	var core *app.Core
	listenAddr, onTryDemo := s.listen, tryDemo
	if s.demo {
		ws, err = demo.Start(ctx, demo.Options{Store: store, DataDir: s.dir, ClientOptions: providerOptions(), Log: slog.Default()})
		if err != nil {
			s.fail("The demo cannot start", demoProblem(s.dir), err)
			return
		}
		s.cleanup(ws.Stop)
		core, listenAddr, onTryDemo = ws.Core, demo.ReceiverAddr, nil
	} else {
		core = services.NewCore(store, s.dir, slog.Default(), providerOptions()...)
	}
	svc, err := services.Start(ctx, services.Config{Store: store, Core: core, ReceiverAddr: listenAddr,
		NoKeeper: s.demo, Tunnels: &tunnel.Ngrok{Logger: slog.Default()}})
	if err != nil {
		s.fail("Parley cannot start", "Parley could not prepare its outgoing messages. Start Parley again; if this keeps happening, send parley.log in "+s.dir+" to support.", err)
		return
	}
	s.cleanup(svc.Stop)
	if ws != nil {
		if err := ws.Connect(ctx, svc.Receiver); err != nil {
			s.fail("The demo cannot start", demoProblem(s.dir), err)
			return
		}
	}

	deps := screens.Deps{Core: core, Channels: core, Icon: s.a.Icon(), Version: version, Demo: s.demo, OnTryDemo: onTryDemo}
	if !s.demo {
		deps.StartAtLogin = newLoginStart(s.dir, s.ownFolder)
	}
	fyne.Do(func() { s.showMain(deps) })
}

// showMain opens the main window (or keeps it in the tray) and closes
// the Preparing window, on the UI goroutine.
func (s *windowStart) showMain(deps screens.Deps) {
	w, hasTray := screens.NewMainWindow(s.a, deps)
	if s.guard != nil {
		s.guard.OnShow(func() {
			fyne.Do(func() {
				w.Show() // it may be hidden in the tray
				w.RequestFocus()
			})
		})
	}
	if s.inTray && hasTray {
		slog.Info("parley started in the tray") // the window shows from the tray icon, or when Parley is started again
	} else {
		w.Show()
	}
	s.closePreparing()
}

// progress shows how far a migration is, opening the Preparing window at
// its first report.
func (s *windowStart) progress(done, total int) {
	fyne.Do(func() {
		if s.preparing == nil {
			s.preparing = screens.NewPreparingWindow(s.a)
		}
		s.preparing.SetProgress(done, total)
	})
}

// closePreparing closes the Preparing window, if shown; the window that
// follows it must be open already.
func (s *windowStart) closePreparing() {
	if s.preparing != nil {
		s.preparing.Close()
		s.preparing = nil
	}
}

// fail shows a plain error window instead of the main window; closing it
// quits Parley with exit code 1.
func (s *windowStart) fail(headline, advice string, err error) {
	logFailure(headline, err)
	s.mu.Lock()
	s.code = 1
	s.mu.Unlock()
	fyne.Do(func() {
		screens.NewStartupErrorWindow(s.a, headline, advice, err).Show()
		s.closePreparing()
	})
}

// cleanup adds f to what stop runs.
func (s *windowStart) cleanup(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cleanups = append(s.cleanups, f)
}

// stop runs after Fyne's loop has ended: it stops the services and closes
// the store, last started first.
func (s *windowStart) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.cleanups) - 1; i >= 0; i-- {
		s.cleanups[i]()
	}
}
