package app_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/persistence"
)

func TestDisconnectKeepsConversationsAndReconnectRestores(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	conv, err := w.store.ConversationFor(w.ctx, ch.ID, "4917012345678", "Anna")
	if err != nil {
		t.Fatal(err)
	}

	if err := w.core.DisconnectChannel(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := persistence.NewKeyringSecrets().APIKey(ch.ID); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("key still in keyring after disconnecting: %v", err)
	}
	got, err := w.store.Channel(w.ctx, ch.ID)
	if err != nil || !got.Disconnected {
		t.Fatalf("channel after disconnecting = %+v, %v", got, err)
	}
	if _, err := w.store.Conversation(w.ctx, conv.ID); err != nil {
		t.Fatalf("conversation lost by disconnecting: %v", err)
	}
	if st, _ := w.core.CheckConnection(w.ctx, ch.ID); st.State != app.ConnectionDisconnected {
		t.Errorf("connection of a disconnected channel = %+v", st)
	}

	// A wrong key does not reconnect it.
	err = w.core.ReconnectChannel(w.ctx, ch.ID, testNumber, "WRONGKEY-123456")
	if msg := fieldMessage(t, err, app.FieldAPIKey); msg == "" {
		t.Fatal("reconnected with a wrong key")
	}
	if got, _ := w.store.Channel(w.ctx, ch.ID); !got.Disconnected {
		t.Fatal("a failed reconnect cleared Disconnected")
	}

	if err := w.core.ReconnectChannel(w.ctx, ch.ID, " +49 30 123456 ", testKey); err != nil {
		t.Fatal(err)
	}
	if key, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); key != testKey {
		t.Fatalf("key after reconnecting = %q", key)
	}
	if got, _ := w.store.Channel(w.ctx, ch.ID); got.Disconnected || got.KeyState != app.KeyOK {
		t.Fatalf("channel after reconnecting = %+v", got)
	}

	if err := w.core.RemoveChannel(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.Conversation(w.ctx, conv.ID); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("conversation kept after removing the channel: %v", err)
	}
}

func TestCheckConnectionReportsEachState(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if st, err := w.core.CheckConnection(w.ctx, ch.ID); err != nil || st.State != app.ConnectionOK {
		t.Fatalf("check of a good key = %+v, %v", st, err)
	}

	// The key was revoked at 360dialog: the check says so and remembers it.
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, "REVOKED-123456789"); err != nil {
		t.Fatal(err)
	}
	st, _ := w.core.CheckConnection(w.ctx, ch.ID)
	if st.State != app.ConnectionKeyRejected || !strings.Contains(st.Plain, "API key") {
		t.Fatalf("check of a revoked key = %+v", st)
	}
	if got, _ := w.store.Channel(w.ctx, ch.ID); got.KeyState != app.KeyRejected || got.Name != "Shop" {
		t.Fatalf("channel after a rejected check = %+v", got)
	}
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, testKey); err != nil {
		t.Fatal(err)
	}
	if st, _ := w.core.CheckConnection(w.ctx, ch.ID); st.State != app.ConnectionOK {
		t.Fatalf("check after the key was fixed = %+v", st)
	}
	if got, _ := w.store.Channel(w.ctx, ch.ID); got.KeyState != app.KeyOK {
		t.Fatalf("a working key is still remembered as %q", got.KeyState)
	}

	w.emu.FailNext(emulator.Fault502, 5)
	if st, _ := w.core.CheckConnection(w.ctx, ch.ID); st.State != app.ConnectionUnavailable || st.Plain == "" {
		t.Fatalf("check while 360dialog fails = %+v", st)
	}

	if err := persistence.NewKeyringSecrets().DeleteAPIKey(ch.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := w.core.CheckConnection(w.ctx, ch.ID); st.State != app.ConnectionNoKey {
		t.Fatalf("check without a key = %+v", st)
	}
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, testKey); err != nil {
		t.Fatal(err)
	}

	w.server.Close()
	if st, _ := w.core.CheckConnection(w.ctx, ch.ID); st.State != app.ConnectionOffline || !strings.Contains(st.Plain, "360dialog") {
		t.Fatalf("check without network = %+v", st)
	}
	if got, _ := w.store.Channel(w.ctx, ch.ID); got.KeyState != app.KeyOK {
		t.Errorf("a check without network changed the key state to %q", got.KeyState)
	}
}

func TestAddChannelRefusesANumberAlreadyListed(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	_, err := w.core.AddChannel(w.ctx, app.NewChannel{Number: "+49 30 123456", APIKey: testKey})
	if msg := fieldMessage(t, err, app.FieldNumber); !strings.Contains(msg, "already connected as “Shop”") {
		t.Fatalf("second add of the same number: %q", msg)
	}
	if err := w.core.DisconnectChannel(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	_, err = w.core.AddChannel(w.ctx, app.NewChannel{Number: testNumber, APIKey: testKey})
	if msg := fieldMessage(t, err, app.FieldNumber); !strings.Contains(msg, "Use Reconnect") {
		t.Fatalf("adding a disconnected number again: %q", msg)
	}
	if chs, _ := w.core.Channels(w.ctx); len(chs) != 1 {
		t.Fatalf("%d channels, want the one", len(chs))
	}
}
