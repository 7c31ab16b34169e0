package app_test

import (
	"testing"

	"github.com/parley-app/parley/app"
)

// TestProfileEditStates: what each state means for the owner and the
// background push.
func TestProfileEditStates(t *testing.T) {
	tests := []struct {
		edit   app.ProfileEdit
		waits  bool
		choice bool
		note   string
	}{
		{app.ProfileEdit{}, true, false, app.PendingOfflineMessage},
		{app.ProfileEdit{State: app.EditOffline}, true, false, app.PendingOfflineMessage},
		{app.ProfileEdit{State: app.EditRejected, Reason: "The API key is wrong."}, false, false, "WhatsApp did not accept the change: The API key is wrong."},
		{app.ProfileEdit{State: app.EditFailed, Reason: "The disk is full."}, false, false, "The change could not be sent: The disk is full."},
		{app.ProfileEdit{State: app.EditConflicted}, false, true, app.ProfileConflictMessage},
	}
	for _, tt := range tests {
		e := tt.edit
		if e.State.WaitsForNetwork() != tt.waits || e.AwaitsChoice() != tt.choice || e.Note() != tt.note {
			t.Errorf("state %d: waits %v, awaits choice %v, note %q; want %v, %v, %q",
				e.State, e.State.WaitsForNetwork(), e.AwaitsChoice(), e.Note(), tt.waits, tt.choice, tt.note)
		}
	}
	var none *app.ProfileEdit
	if none.AwaitsChoice() {
		t.Error("no edit awaits a choice")
	}
}
