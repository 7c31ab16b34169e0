package app

// ProfileEditState is where a pending profile edit stands.
type ProfileEditState int

// Profile edit states. The zero value is a freshly saved edit.
const (
	// EditPending is saved on this laptop and not yet refused: it is
	// pushed as soon as WhatsApp can be reached.
	EditPending ProfileEditState = iota
	// EditOffline failed to reach WhatsApp for a passing reason (no
	// network, WhatsApp unavailable, rate limited); it is retried.
	EditOffline
	// EditRejected was refused by WhatsApp; Reason says why.
	EditRejected
	// EditFailed could not be sent for a reason on this computer; Reason
	// says which.
	EditFailed
	// EditConflicted waits for the owner to choose between their values
	// and the ones changed on WhatsApp meanwhile; it is not pushed.
	EditConflicted
)

// WaitsForNetwork reports whether the edit is only waiting to be pushed,
// with nothing the owner needs to do.
func (s ProfileEditState) WaitsForNetwork() bool {
	return s == EditPending || s == EditOffline
}

// ProfileConflictMessage is the note of an edit that waits for the
// owner to choose between their values and WhatsApp's.
const ProfileConflictMessage = "The profile was changed on WhatsApp too. Choose which values to keep."

// AwaitsChoice reports whether the edit waits for the owner to resolve
// conflicts.
func (e *ProfileEdit) AwaitsChoice() bool {
	return e != nil && e.State == EditConflicted
}

// Note is the edit's state as one plain sentence, for results and logs.
func (e ProfileEdit) Note() string {
	switch e.State {
	case EditRejected:
		return "WhatsApp did not accept the change: " + e.Reason
	case EditFailed:
		return "The change could not be sent: " + e.Reason
	case EditConflicted:
		return ProfileConflictMessage
	}
	return PendingOfflineMessage
}
