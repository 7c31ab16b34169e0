package app

import (
	"context"
	"errors"
)

// NoKeyringMessage says that API keys cannot be kept because no system
// keyring is available, and how to fix it.
const NoKeyringMessage = "Parley keeps API keys only in your system keyring, and none is available. " +
	"On Linux install and unlock GNOME Keyring or KWallet, then try again. Nothing you typed was lost."

// KeyMissingMessage says that this computer has no API key for a channel.
const KeyMissingMessage = "Parley has no API key for this channel on this computer. Open Configure and enter the key from the 360dialog hub again."

// Explain tells the owner in plain words what went wrong: a form's first
// problem, WhatsApp's or 360dialog's reason, a refusal of the core, or,
// for anything else, that something failed on this computer with the
// details for support. Every screen shows errors through it; it returns
// "" for nil.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	var ve ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		return ve[0].Message
	}
	var pe *ProviderError
	if errors.As(err, &pe) {
		if pe.Plain != "" {
			return pe.Plain
		}
		return pe.Error()
	}
	var se *StorageError
	if errors.As(err, &se) && se.Plain != "" {
		return se.Plain
	}
	var be *BackupError
	if errors.As(err, &be) && be.Plain != "" {
		return be.Plain
	}
	if words, ok := explainReceiving(err); ok {
		return words
	}
	if words, ok := explainBroadcast(err); ok {
		return words
	}
	var optedOut *OptedOutError
	if errors.As(err, &optedOut) {
		return optedOut.Plain()
	}
	var big *ImageTooLargeError
	switch {
	case errors.Is(err, ErrOutsideReplyWindow):
		return WindowClosedMessage
	case errors.Is(err, ErrChannelDisconnected):
		return DisconnectedSendMessage
	case errors.Is(err, ErrKeyMissing):
		return KeyMissingMessage
	case errors.Is(err, ErrNoKeyring):
		return NoKeyringMessage
	case errors.Is(err, context.DeadlineExceeded):
		return "This took too long and was stopped. Check the internet connection, then try again."
	case errors.As(err, &big):
		return "This picture is too large for Parley (" + big.Error() + ")."
	}
	return "Something went wrong on this computer; try again in a moment. Details: " + err.Error()
}
