package app

import "time"

// ChannelID identifies a channel (one WhatsApp number) in the local store.
type ChannelID int64

// ProviderName360dialog is the only provider Parley supports today.
const ProviderName360dialog = "360dialog"

// Channel is one WhatsApp Business number connected through a provider.
// The API key is never part of it: it lives only in the SecretStore.
type Channel struct {
	ID          ChannelID
	Name        string // internal label, free to edit
	PhoneNumber string // E.164, e.g. "+4930123456"
	Provider    string // ProviderName360dialog
	// WebhookToken is the unguessable path segment of this channel's
	// local webhook receiver URL (/webhook/<token>).
	WebhookToken string
	// WebhookSecret is the value of the shared header 360dialog sends with
	// every webhook, checked by the receiver. Empty disables the check.
	WebhookSecret string
	// WebhookURL is the public URL (a tunnel) registered with 360dialog.
	WebhookURL  string
	CreatedAt   time.Time
	LastEventAt time.Time // last webhook event received; zero if never
	// KeyState records what 360dialog said about the key the last time it
	// was used.
	KeyState KeyState
	// Disconnected marks a channel whose API key was removed while its
	// conversations, templates and profile were kept on this computer.
	Disconnected bool
	// Health is what WhatsApp last said about the number's quality
	// rating, messaging limit and restrictions. Only webhooks change it.
	Health AccountHealth
	// NumberNote is set only on the channel AddChannel returns, and is not
	// stored: a plain warning that the key could not be matched with the
	// number (see UncheckedNumberNote). Empty when the match was checked.
	NumberNote string
}

// UncheckedNumberNote is the warning for a channel saved although
// 360dialog did not say which number its API key belongs to.
func UncheckedNumberNote(number string) string {
	return "Parley could not check that this API key belongs to " + FormatPhone(number) +
		": 360dialog did not say which number the key is for. The channel is saved. " +
		"If customers get your messages from another number, copy the key of " + FormatPhone(number) +
		" from the 360dialog hub and change it in Configure."
}

// KeyState is what Parley last learned about a channel's API key.
type KeyState string

// Key states.
const (
	KeyUnknown  KeyState = ""
	KeyOK       KeyState = "ok"
	KeyRejected KeyState = "rejected"
)

// NumberInfo is what the provider reports about the number an API key
// belongs to.
type NumberInfo struct {
	PhoneNumber string // E.164 when known, empty when the provider does not say
	DisplayName string
}
