package app_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

func TestAddChannelStoresKeyOnlyInKeyring(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if ch.PhoneNumber != testNumber || ch.Name != "Shop" || ch.WebhookToken == "" {
		t.Fatalf("channel = %+v", ch)
	}
	key, err := persistence.NewKeyringSecrets().APIKey(ch.ID)
	if err != nil || key != testKey {
		t.Fatalf("key in keyring = %q, %v", key, err)
	}
	chs, _ := w.core.Channels(w.ctx)
	if len(chs) != 1 {
		t.Fatalf("channels listed: %d", len(chs))
	}
}

func fieldMessage(t *testing.T, err error, field string) string {
	t.Helper()
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("want ValidationErrors, got %T %v", err, err)
	}
	return verrs.For(field)
}

func TestAddChannelFailuresKeepNothing(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name  string
		nc    app.NewChannel
		field string
		want  string
	}{
		{"wrong key", app.NewChannel{Number: testNumber, APIKey: "WRONGKEY-123456"}, app.FieldAPIKey, "did not accept this API key"},
		{"number of another key", app.NewChannel{Number: "+49 30 9999999", APIKey: testKey}, app.FieldNumber, "belongs to +49 30 123456"},
		{"invalid number", app.NewChannel{Number: "12", APIKey: testKey}, app.FieldNumber, "not a valid phone number"},
		{"empty key", app.NewChannel{Number: testNumber}, app.FieldAPIKey, "Paste the API key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.core.AddChannel(w.ctx, tc.nc)
			if msg := fieldMessage(t, err, tc.field); !strings.Contains(msg, tc.want) {
				t.Fatalf("message at %q = %q, want it to contain %q", tc.field, msg, tc.want)
			}
		})
	}
	w.emu.SetOffline(true)
	w.server.Close() // nothing listens any more: a real "no network"
	_, err := w.core.AddChannel(w.ctx, app.NewChannel{Number: testNumber, APIKey: testKey})
	if msg := fieldMessage(t, err, app.FieldForm); !strings.Contains(msg, "could not reach 360dialog") {
		t.Fatalf("offline message = %q", msg)
	}
	if chs, _ := w.core.Channels(w.ctx); len(chs) != 0 {
		t.Fatalf("a failed add left %d channels behind", len(chs))
	}
}

func TestRenameChangeKeyAndRemove(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if err := w.core.RenameChannel(w.ctx, ch.ID, "Front desk"); err != nil {
		t.Fatal(err)
	}
	got, _ := w.store.Channel(w.ctx, ch.ID)
	if got.Name != "Front desk" {
		t.Fatalf("name = %q", got.Name)
	}
	// A wrong new key is refused and the old one stays.
	err := w.core.ChangeConnection(w.ctx, ch.ID, testNumber, "WRONGKEY-999999")
	if msg := fieldMessage(t, err, app.FieldAPIKey); msg == "" {
		t.Fatal("wrong new key accepted")
	}
	if key, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); key != testKey {
		t.Fatalf("old key replaced by a rejected one: %q", key)
	}
	// A verified new key replaces it.
	w.emu.AddNumber("NEWKEY-abcdef123456", testNumber, "Bäckerei Müller")
	if err := w.core.ChangeConnection(w.ctx, ch.ID, testNumber, "NEWKEY-abcdef123456"); err != nil {
		t.Fatal(err)
	}
	if key, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); key != "NEWKEY-abcdef123456" {
		t.Fatalf("key after change = %q", key)
	}
	if err := w.core.RemoveChannel(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := persistence.NewKeyringSecrets().APIKey(ch.ID); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("key still in keyring after removal: %v", err)
	}
	if chs, _ := w.core.Channels(w.ctx); len(chs) != 0 {
		t.Fatal("channel still listed after removal")
	}
}
