package persistence

import (
	"fmt"

	"github.com/parley-app/parley/app"
)

// editStates are the words a profile edit's state is stored as
// (profiles.pending_state); they never change once written.
var editStates = map[app.ProfileEditState]string{
	app.EditPending:    "pending",
	app.EditOffline:    "offline",
	app.EditRejected:   "rejected",
	app.EditFailed:     "failed",
	app.EditConflicted: "conflicted",
}

// editStateName is the stored word of s.
func editStateName(s app.ProfileEditState) (string, error) {
	name, ok := editStates[s]
	if !ok {
		return "", fmt.Errorf("unknown profile edit state %d", s)
	}
	return name, nil
}

// editStateOf reads a stored state word; "" (no edit) is pending.
func editStateOf(name string) (app.ProfileEditState, error) {
	if name == "" {
		return app.EditPending, nil
	}
	for s, n := range editStates {
		if n == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown profile edit state %q", name)
}
