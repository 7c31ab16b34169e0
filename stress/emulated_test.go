package stress

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/persistence"
)

// emulated is a headless Parley whose channel sends to an emulator that
// answers after 20 ms, with the channel's key in the private keyring,
// and the store and core a test prepares its data with. Close st before
// starting h.
type emulated struct {
	emu  *emulator.Emulator
	h    *headless
	st   *persistence.Store
	core *app.Core
}

// newEmulated builds an emulated Parley whose channel has the API key key.
func newEmulated(t *testing.T, key string) emulated {
	t.Helper()
	ctx := context.Background()
	emu := emulator.New(emulator.WithManualDelivery())
	emu.AddNumber(key, "+4930123456", "Bäckerei Müller")
	url, err := emu.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	emu.SetLatency(20 * time.Millisecond)

	h := newHeadless(t)
	h.provider = url
	st, err := persistence.Open(ctx, h.dir)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := st.WorkspaceID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	secrets := persistence.NewKeyringSecrets().ForWorkspace(ws)
	if err := secrets.SetAPIKey(h.ch.ID, key); err != nil {
		t.Fatalf("store the key (is a keyring running? use scripts/with-keyring.sh): %v", err)
	}
	t.Cleanup(func() { _ = secrets.DeleteAPIKey(h.ch.ID) })
	core := app.New(app.Deps{Store: st, Secrets: secrets, Providers: dialog360.Factory(dialog360.WithBaseURL(url))})
	return emulated{emu: emu, h: h, st: st, core: core}
}
