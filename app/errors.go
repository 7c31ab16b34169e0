package app

import (
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned by stores when a record does not exist.
var ErrNotFound = errors.New("not found")

// ErrNoKeyring is returned by a SecretStore when the OS keyring cannot be
// used at all. API keys are then never stored elsewhere.
var ErrNoKeyring = errors.New("the system keyring is not available")

// ErrOutsideReplyWindow marks a free-form reply refused because more than
// 24 hours have passed since the customer last wrote: only an approved
// template may be sent.
var ErrOutsideReplyWindow = errors.New("outside the 24-hour reply window")

// ErrChannelDisconnected marks a send refused because the owner
// disconnected the channel.
var ErrChannelDisconnected = errors.New("the channel is disconnected")

// ErrKeyMissing marks an action that needs the channel's API key when
// none is stored on this computer. It comes with ErrNotFound.
var ErrKeyMissing = errors.New("no API key stored for the channel")

// ErrWAMessageIDTaken is returned by OutboxStore.UpdateState when the
// WhatsApp id given is already another message's: an answer from the
// network that reuses ids. Nothing was recorded.
var ErrWAMessageIDTaken = errors.New("the WhatsApp message id belongs to another message")

// ErrorKind classifies provider failures into what the owner can do about them.
type ErrorKind int

// Error kinds.
const (
	KindUnknown          ErrorKind = iota
	KindBadKey                     // 401: the API key is wrong or revoked
	KindOffline                    // no network, DNS failure, connection refused
	KindUnavailable                // 5xx, 502 WhatsApp unavailable, timeouts
	KindRateLimited                // 429, 130429, 131056, 400 endpoint rate limit
	KindOutsideWindow              // 131047 / 470
	KindUndeliverable              // 131026
	KindParamMismatch              // 132000
	KindTemplateNotFound           // 132001
	KindTemplateProblem            // 132005, 132007, 132012, 132015, 132016, 2388040...
	KindInvalid                    // 100, 131008, other 4xx validation errors
	KindNotFound                   // 404
	KindForbidden                  // 403, policy blocks
)

// ProviderError is a failure reported by (or reaching) the WhatsApp provider,
// carrying a message a shop owner understands.
type ProviderError struct {
	Kind       ErrorKind
	HTTPStatus int
	Code       int    // WhatsApp / Graph error code, 0 if none
	Details    string // provider's own words, for logs and "more details"
	Plain      string // plain-language explanation for the owner
	RetryAfter time.Duration
	Err        error // underlying transport error, if any
	// MaybeSent is set on a failed message send whose request may already
	// have reached WhatsApp (the connection broke or timed out after the
	// request was written, or the provider answered 500/504). Such a
	// message must not be sent again without asking the owner, even though
	// Temporary may report true.
	MaybeSent bool
}

// Error implements error.
func (e *ProviderError) Error() string {
	msg := e.Plain
	if msg == "" {
		msg = "360dialog reported an error"
	}
	if e.Code != 0 {
		msg = fmt.Sprintf("%s (code %d)", msg, e.Code)
	}
	return msg
}

// Unwrap returns the transport error, if any.
func (e *ProviderError) Unwrap() error { return e.Err }

// Temporary reports whether retrying later may succeed.
func (e *ProviderError) Temporary() bool {
	switch e.Kind {
	case KindOffline, KindUnavailable, KindRateLimited:
		return true
	}
	return false
}

// KindOf returns the ErrorKind of err, or KindUnknown.
func KindOf(err error) ErrorKind {
	var pe *ProviderError
	if errors.As(err, &pe) {
		return pe.Kind
	}
	return KindUnknown
}

// FieldError is a validation failure of one form field.
type FieldError struct {
	Field   string // stable field key, e.g. "about", "websites.1", "body"
	Message string // plain words, e.g. "About can be at most 139 characters (now 152)."
	// Short is Message without the field's own name ("Website 2: "), for
	// showing right under that field; empty when Message reads well there.
	Short string
	// Kind is the sentinel a screen can test with errors.Is, such as
	// ErrOutsideReplyWindow; nil for a plain field problem.
	Kind error
}

// Error implements error.
func (e FieldError) Error() string { return e.Message }

// Unwrap returns the problem's kind, if any.
func (e FieldError) Unwrap() error { return e.Kind }

// UnderField is the message to show right under its own field.
func (e FieldError) UnderField() string {
	if e.Short != "" {
		return e.Short
	}
	return e.Message
}

// ValidationErrors collects every field problem of a form.
type ValidationErrors []FieldError

// Error implements error.
func (v ValidationErrors) Error() string {
	switch len(v) {
	case 0:
		return "no problems"
	case 1:
		return v[0].Message
	}
	return fmt.Sprintf("%s (and %d more problems)", v[0].Message, len(v)-1)
}

// Unwrap returns every field problem, so errors.Is finds their kinds.
func (v ValidationErrors) Unwrap() []error {
	errs := make([]error, len(v))
	for i, e := range v {
		errs[i] = e
	}
	return errs
}

// For returns the message for field, or "".
func (v ValidationErrors) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// UnderField returns the message for field as shown right under that
// field (see FieldError.UnderField), or "".
func (v ValidationErrors) UnderField(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.UnderField()
		}
	}
	return ""
}

// OrNil returns nil when there are no problems, so callers can return it
// as an error.
func (v ValidationErrors) OrNil() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// StorageError is a change the data folder could not take (a full disk,
// a read-only folder). Plain says so in words for the owner; nothing the
// owner typed is lost, the screen keeps it for another try.
type StorageError struct {
	Plain string
	Err   error
}

func (e *StorageError) Error() string { return e.Plain }

// Unwrap returns the underlying error, for logs.
func (e *StorageError) Unwrap() error { return e.Err }
