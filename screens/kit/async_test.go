package kit

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// held is a Runner that keeps the work until the test releases it, as a
// slow disk or network would.
type held struct{ work []func() }

func (h *held) run(w func()) { h.work = append(h.work, w) }

// next runs the oldest held work.
func (h *held) next(t *testing.T) {
	t.Helper()
	if len(h.work) == 0 {
		t.Fatal("no load is running")
	}
	w := h.work[0]
	h.work = h.work[1:]
	w()
}

// A read for a page that was closed meanwhile is not shown.
func TestLoadDropsWhatArrivesForAClosedPage(t *testing.T) {
	test.NewTempApp(t)
	var h held
	ctx, closePage := context.WithCancel(context.Background())
	shown := 0
	Load(h.run, ctx, func(context.Context) (int, error) { return 7, nil }, func(int, error) { shown++ })
	closePage()
	h.next(t)
	if shown != 0 {
		t.Errorf("a read finished after its page closed was shown %d times", shown)
	}
	Load(h.run, context.Background(), func(context.Context) (int, error) { return 0, errors.New("disk") },
		func(_ int, err error) {
			if err == nil {
				t.Error("the error was lost")
			}
			shown++
		})
	h.next(t)
	if shown != 1 {
		t.Errorf("a read for an open page was shown %d times, want once", shown)
	}
}

// However many times a reload is asked for while one runs, one more runs
// after it, and it reads what is new then.
func TestReloaderFoldsRequestsIntoOneMore(t *testing.T) {
	test.NewTempApp(t)
	var h held
	version, reads, shown := 1, 0, 0
	r := NewPlannedReloader(h.run, context.Background(), 0,
		func() func(context.Context) (int, error) {
			v := version // planned on the UI goroutine
			return func(context.Context) (int, error) { reads++; return v, nil }
		},
		func(v int, _ error) { shown = v })
	r.Request()
	for range 5 {
		version++
		r.Request()
	}
	h.next(t)
	if shown != 1 || len(h.work) != 1 {
		t.Fatalf("after the first load: shown %d, %d loads waiting; want 1 and one more", shown, len(h.work))
	}
	h.next(t)
	if shown != 6 || reads != 2 || len(h.work) != 0 {
		t.Errorf("shown %d after %d reads (%d waiting); want the newest, 6, after 2", shown, reads, len(h.work))
	}
}

// While events stream in, loads start at least the gap apart; the first
// after a quiet time starts at once.
func TestReloaderKeepsTheGap(t *testing.T) {
	test.NewTempApp(t)
	var h held
	r := NewReloader(h.run, context.Background(), time.Hour,
		func(context.Context) (int, error) { return 0, nil }, func(int, error) {})
	r.Request()
	if len(h.work) != 1 {
		t.Fatalf("the first request after a quiet time did not load at once")
	}
	h.next(t)
	r.Request()
	r.Request()
	if len(h.work) != 0 || !r.Busy() {
		t.Fatalf("a request within the gap loaded at once (%d loads), or was dropped (busy %v)", len(h.work), r.Busy())
	}
	r.Stop()
	if r.Busy() {
		t.Error("Stop left a load due")
	}
}
