package app

import "time"

// Profile is a WhatsApp business profile as WhatsApp stores it.
type Profile struct {
	About       string
	Address     string
	Description string
	Email       string
	Vertical    string // API code, e.g. "RETAIL"; empty when never set
	Websites    []string
	PhotoURL    string // read-only: where WhatsApp serves the current photo
}

// ProfileEdit is a local, not yet pushed change to the profile.
type ProfileEdit struct {
	// Profile holds the edited values of every field.
	Profile Profile
	// Base is the remote profile the edit started from; comparing Base,
	// Profile and the fresh remote copy finds conflicts.
	Base Profile
	// Photo is a new profile photo (JPEG or PNG bytes), nil for no change.
	Photo     []byte
	PhotoMIME string
	EditedAt  time.Time
	// State is where the edit stands; screens show it from here, never
	// from the wording of Reason.
	State ProfileEditState
	// Reason is why the last push failed, in plain words without any
	// preamble (for EditRejected and EditFailed), else "".
	Reason string
	// ReasonCode is WhatsApp's error code for a rejection, 0 if none.
	ReasonCode int
}

// ProfileRecord is everything stored locally about one channel's profile.
type ProfileRecord struct {
	ChannelID ChannelID
	Remote    Profile   // last copy read from WhatsApp
	SyncedAt  time.Time // zero until the first sync
	Pending   *ProfileEdit
}

// ProfileUpdate is what a push sends: only the changed fields are non-nil.
type ProfileUpdate struct {
	About       *string
	Address     *string
	Description *string
	Email       *string
	Vertical    *string
	Websites    *[]string
	PhotoHandle string // resumable-upload handle, empty for no change
}
