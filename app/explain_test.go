package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// TestExplainSaysWhatWentWrongInPlainWords: every kind of error the core
// returns is explained in the words the owner should read, also when it
// is wrapped with context on its way up.
func TestExplainSaysWhatWentWrongInPlainWords(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("send text: %w", err) }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"field problem", wrap(app.ValidationErrors{{Field: "about", Message: "About is too long."}, {Field: "email", Message: "Bad email."}}), "About is too long."},
		{"provider", wrap(&app.ProviderError{Kind: app.KindBadKey, Plain: "The API key is wrong.", Code: 401}), "The API key is wrong."},
		{"provider without words", &app.ProviderError{Code: 131000}, "360dialog reported an error (code 131000)"},
		{"full disk", wrap(&app.StorageError{Plain: "The disk is full.", Err: errors.New("SQLITE_FULL")}), "The disk is full."},
		{"reply window", wrap(app.ValidationErrors{{Field: app.FieldComposerText, Message: app.WindowClosedMessage, Kind: app.ErrOutsideReplyWindow}}), app.WindowClosedMessage},
		{"key missing", fmt.Errorf("read API key: %w: %w", app.ErrKeyMissing, app.ErrNotFound), app.KeyMissingMessage},
		{"no keyring", wrap(app.ErrNoKeyring), app.NoKeyringMessage},
		{"timeout", wrap(context.DeadlineExceeded), "This took too long and was stopped. Check the internet connection, then try again."},
		{"anything else", wrap(errors.New("database is locked")), "Something went wrong on this computer; try again in a moment. Details: send text: database is locked"},
	}
	for _, tt := range tests {
		if got := app.Explain(tt.err); got != tt.want {
			t.Errorf("%s: Explain = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRefusalsHaveKinds: the core's refusals can be told apart with
// errors.Is, so no screen compares their sentences.
func TestRefusalsHaveKinds(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hello")
	w.clock.Advance(24*time.Hour + time.Minute)
	_, err := w.core.SendText(w.ctx, cv.ID, "Too late", "")
	if !errors.Is(err, app.ErrOutsideReplyWindow) || errors.Is(err, app.ErrChannelDisconnected) {
		t.Errorf("a reply after 24 hours: %v; want ErrOutsideReplyWindow", err)
	}

	if err := persistence.NewKeyringSecrets().DeleteAPIKey(ch.ID); err != nil {
		t.Fatal(err)
	}
	_, err = w.core.SyncProfile(w.ctx, ch.ID)
	if !errors.Is(err, app.ErrKeyMissing) || !errors.Is(err, app.ErrNotFound) || app.Explain(err) != app.KeyMissingMessage {
		t.Errorf("a sync without a stored key: %v (%q); want ErrKeyMissing", err, app.Explain(err))
	}
}
