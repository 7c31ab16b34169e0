package demo

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/inbound"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

// newTestClock is a clock the test moves by hand.
func newTestClock() *testkit.Clock {
	return testkit.NewClock(time.Date(2025, 6, 12, 9, 30, 0, 0, time.Local))
}

// world is one data folder with its store, as the app opens it.
type world struct {
	t     *testing.T
	dir   string
	clock *testkit.Clock
	store *persistence.Store
	logs  *testkit.LogBuffer
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{t: t, dir: t.TempDir(), clock: newTestClock(), logs: &testkit.LogBuffer{}}
	w.open()
	return w
}

// open opens the store of the data folder, as a start of the app does.
func (w *world) open() {
	w.t.Helper()
	st, err := persistence.Open(context.Background(), w.dir)
	if err != nil {
		w.t.Fatalf("open store: %v", err)
	}
	w.store = st
	w.t.Cleanup(func() { st.Close() })
}

// reopen closes the store and opens it again: the app restarted.
func (w *world) reopen() {
	w.t.Helper()
	if err := w.store.Close(); err != nil {
		w.t.Fatalf("close store: %v", err)
	}
	w.open()
}

// start starts the demo with webhooks delivered on Flush and customers
// stepped by the test; it connects the demo to a receiver of its own.
func (w *world) start() *Workspace { return w.startWith(false) }

// startWithServices starts the demo as main does: Parley's services
// start their receiver with the demo's core, and the demo connects to it.
func (w *world) startWithServices() *Workspace { return w.startWith(true) }

// startWith starts the demo and connects it to the receiver of the
// services when withServices is set, else to one of its own.
func (w *world) startWith(withServices bool) *Workspace {
	w.t.Helper()
	ws, err := Start(context.Background(), Options{
		Store:          w.store,
		DataDir:        w.dir,
		Log:            slog.New(slog.NewTextHandler(w.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		now:            w.clock.Now,
		manualDelivery: true,
		noCustomers:    true,
	})
	if err != nil {
		w.t.Fatalf("start demo: %v", err)
	}
	w.t.Cleanup(ws.Stop)
	var rcv *receiver.Receiver
	if withServices {
		rcv, err = inbound.StartReceiver(context.Background(), ws.Core, w.store, ReceiverAddr, nil)
		if err != nil {
			w.t.Fatal(err)
		}
		w.t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	}
	if err := ws.Connect(context.Background(), rcv); err != nil {
		w.t.Fatalf("connect demo: %v", err)
	}
	return ws
}

// flush delivers every webhook the emulator has queued.
func flush(t *testing.T, ws *Workspace) {
	t.Helper()
	if err := ws.emu.Flush(context.Background()); err != nil {
		t.Fatalf("the receiver refused webhooks: %v", err)
	}
}

// conversationWith returns the conversation with c.
func conversationWith(t *testing.T, ws *Workspace, c customer) app.Conversation {
	t.Helper()
	cvs, err := ws.Core.Conversations(context.Background(), ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range cvs {
		if cv.WAID == c.waID() {
			return cv
		}
	}
	t.Fatalf("no conversation with %s", c.Name)
	return app.Conversation{}
}

// messagesWith returns the messages with c, oldest first.
func messagesWith(t *testing.T, ws *Workspace, c customer) []app.Message {
	t.Helper()
	ms, err := ws.Core.Messages(context.Background(), conversationWith(t, ws, c).ID, 0, 500)
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	return ms
}
