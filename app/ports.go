package app

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"time"
)

// ChannelStore keeps channels.
type ChannelStore interface {
	CreateChannel(ctx context.Context, c Channel) (Channel, error)
	UpdateChannel(ctx context.Context, c Channel) error
	// DeleteChannel removes the channel and, through the schema, all its
	// local data (profile, templates, conversations, messages, outbox).
	DeleteChannel(ctx context.Context, id ChannelID) error
	Channel(ctx context.Context, id ChannelID) (Channel, error)
	ChannelByWebhookToken(ctx context.Context, token string) (Channel, error)
	Channels(ctx context.Context) ([]Channel, error)
}

// ProfileStore keeps the remote copy of each profile and the local edit.
type ProfileStore interface {
	// ProfileRecord returns the stored record; a channel never synced and
	// never edited returns a zero record (not ErrNotFound).
	ProfileRecord(ctx context.Context, id ChannelID) (ProfileRecord, error)
	SaveRemoteProfile(ctx context.Context, id ChannelID, p Profile, syncedAt time.Time) error
	SavePendingProfile(ctx context.Context, id ChannelID, edit ProfileEdit) error
	ClearPendingProfile(ctx context.Context, id ChannelID) error
}

// TemplateStore keeps the local copy of templates and local drafts.
type TemplateStore interface {
	// ReplaceTemplates replaces every synced (non-draft) template of the
	// channel in one transaction and records syncedAt.
	ReplaceTemplates(ctx context.Context, id ChannelID, ts []Template, syncedAt time.Time) error
	Templates(ctx context.Context, id ChannelID) ([]Template, error)
	TemplatesSyncedAt(ctx context.Context, id ChannelID) (time.Time, error)
	// UpsertTemplate stores one template (a draft, or a just-submitted one)
	// keyed by name and language.
	UpsertTemplate(ctx context.Context, id ChannelID, t Template) error
	DeleteTemplate(ctx context.Context, id ChannelID, name, language string) error
	// TemplateHeaderFile returns the file last sent in the media header
	// of a template, or a zero HeaderFile.
	TemplateHeaderFile(ctx context.Context, id ChannelID, name, language string) (HeaderFile, error)
	// SetTemplateHeaderFile records the file last sent in the media
	// header of a template.
	SetTemplateHeaderFile(ctx context.Context, id ChannelID, name, language string, f HeaderFile) error
}

// MessageStore keeps contacts, conversations and messages.
type MessageStore interface {
	// IngestBatch writes every event of a webhook payload in one
	// transaction, ignoring messages whose WAMessageID is already stored.
	// It returns the messages actually inserted.
	IngestBatch(ctx context.Context, id ChannelID, b InboundBatch) ([]Message, error)
	Conversations(ctx context.Context, id ChannelID) ([]Conversation, error)
	Conversation(ctx context.Context, conversationID int64) (Conversation, error)
	// ConversationFor returns the conversation with waID, creating it.
	ConversationFor(ctx context.Context, id ChannelID, waID, name string) (Conversation, error)
	// RekeyConversation gives the conversation the WhatsApp id waID; when
	// the channel already has a conversation with waID, the two become
	// one (messages, unread count and times together). It returns the id
	// of the conversation that remains.
	RekeyConversation(ctx context.Context, conversationID int64, waID string) (int64, error)
	// Messages returns up to limit messages older than beforeID (0 for
	// the newest), newest first.
	Messages(ctx context.Context, conversationID int64, beforeID int64, limit int) ([]Message, error)
	// Message returns one message by its local ID.
	Message(ctx context.Context, messageID int64) (Message, error)
	MarkConversationRead(ctx context.Context, conversationID int64) error
	// UnreadTotal is the number of unread messages of every channel.
	UnreadTotal(ctx context.Context) (int, error)
	SetMediaPath(ctx context.Context, messageID int64, path string) error
}

// OutboxStore keeps outbound messages until they are recorded as sent.
type OutboxStore interface {
	// Enqueue stores an outbound message in state queued and returns it
	// with its ID.
	Enqueue(ctx context.Context, m Message) (Message, error)
	// NextQueued returns the oldest queued messages of each conversation.
	NextQueued(ctx context.Context, limit int) ([]Message, error)
	// UpdateState records a state change; waID is set when known. A
	// waID another message has is refused with ErrWAMessageIDTaken.
	UpdateState(ctx context.Context, messageID int64, state DeliveryState, waMessageID string, code int, errText string) error
	// RecoverSending marks every message left in StateSending (a crash
	// between send and record) as StateUnknown and returns them.
	RecoverSending(ctx context.Context) ([]Message, error)
}

// SecretStore keeps API keys in the OS keyring, one entry per channel.
type SecretStore interface {
	SetAPIKey(id ChannelID, key string) error
	// APIKey returns ErrNotFound when the channel has no key stored.
	APIKey(id ChannelID) (string, error)
	DeleteAPIKey(id ChannelID) error
}

// Provider is a WhatsApp Business API provider bound to one API key.
// Every method honours ctx and returns *ProviderError for provider and
// network failures.
type Provider interface {
	// VerifyKey checks the key and reports the number it belongs to.
	VerifyKey(ctx context.Context) (NumberInfo, error)

	GetProfile(ctx context.Context) (Profile, error)
	UpdateProfile(ctx context.Context, u ProfileUpdate) error
	// UploadForHandle runs the resumable upload and returns the handle
	// used for profile photos and template media samples.
	UploadForHandle(ctx context.Context, fileName, mimeType string, data []byte) (string, error)

	// ListTemplates fetches every template, following pages; progress is
	// called with the number fetched so far (it may be nil).
	ListTemplates(ctx context.Context, progress func(fetched, total int)) ([]Template, error)
	CreateTemplate(ctx context.Context, t Template) (Template, error)
	DeleteTemplate(ctx context.Context, name string) error

	SendText(ctx context.Context, to, body, replyTo string) (SendResult, error)
	SendTemplate(ctx context.Context, to string, t TemplateSend) (SendResult, error)
	SendMedia(ctx context.Context, to string, kind MessageType, m Media, replyTo string) (SendResult, error)
	// SendReaction reacts to the message waMessageID with emoji, or
	// takes the reaction back when emoji is "".
	SendReaction(ctx context.Context, to, waMessageID, emoji string) (SendResult, error)
	MarkRead(ctx context.Context, waMessageID string) error

	UploadMedia(ctx context.Context, fileName, mimeType string, data []byte) (string, error)
	MediaInfo(ctx context.Context, mediaID string) (Media, error)
	DownloadMedia(ctx context.Context, mediaID string) ([]byte, Media, error)

	Webhook(ctx context.Context) (WebhookConfig, error)
	SetWebhook(ctx context.Context, w WebhookConfig) error
}

// ProviderFactory makes a Provider for an API key.
type ProviderFactory func(apiKey string) Provider

// SendResult is the provider's answer to a send.
type SendResult struct {
	WAMessageID string
	WAID        string // the recipient's WhatsApp id, may differ from "to"
	// State is StateHeld or StatePaused when WhatsApp held the message
	// back instead of accepting it (message_status in the answer), else "".
	State DeliveryState
}

// WebhookConfig is the webhook registered for a number.
type WebhookConfig struct {
	URL     string
	Headers map[string]string
}

// Clock tells the time; tests pass a fake one.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// IngestItem is one parsed webhook payload of a channel.
type IngestItem struct {
	ChannelID ChannelID
	Batch     InboundBatch
}

// GroupIngester writes many payloads in one transaction (group commit),
// each all-or-nothing on its own: results[i] and errs[i] belong to items[i],
// and results[i] holds the messages that were new. The store implements
// it for the core; the core implements it for the webhook receiver,
// storing through the store and then publishing what changed.
type GroupIngester interface {
	IngestBatches(ctx context.Context, items []IngestItem) (results [][]Message, errs []error)
}

// MediaFiles is the file system as the core uses it for attachments: the
// owner's files chosen to send, the media folder where downloads and sent
// copies are kept, and the copies the owner saves elsewhere. The default
// is the computer's own files; tests pass a fake.
type MediaFiles interface {
	// Stat describes the file at path; a missing file's error wraps
	// fs.ErrNotExist.
	Stat(path string) (fs.FileInfo, error)
	// Open opens the file at path for reading.
	Open(path string) (io.ReadCloser, error)
	// ReadFile returns the content of the file at path.
	ReadFile(path string) ([]byte, error)
	// WriteFile writes data to path, creating its folder, through a
	// temporary file in the same folder, so a crash never leaves a
	// half-written file under the final name.
	WriteFile(path string, data []byte) error
	// MarkFromInternet marks the file at path as downloaded from the
	// internet where the system has such a mark (macOS's quarantine,
	// Windows' Mark of the Web), so the system warns before a program in
	// it runs.
	MarkFromInternet(path string) error
}

// PhotoFetcher downloads a profile photo from the public link WhatsApp
// serves it at. The default uses HTTP and never follows a redirect to
// another server.
type PhotoFetcher interface {
	// FetchPhoto returns the body at url; a body longer than limit bytes
	// is an error. When the server cannot be reached it returns a
	// *ProviderError of KindOffline.
	FetchPhoto(ctx context.Context, url string, limit int64) ([]byte, error)
}

// WebhookProbe delivers Parley's test webhook to a channel's public
// address, the owner's tunnel, which should pass it on to the receiver on
// this computer. The default posts over HTTP(S) and never follows a
// redirect to another server: the delivery carries the channel's secret.
type WebhookProbe interface {
	// Probe posts an empty JSON payload with header to url and returns
	// the answer. A redirect to another server fails with *RedirectError.
	Probe(ctx context.Context, url string, header http.Header) (ProbeAnswer, error)
}

// ProbeAnswer is what the address answered to a test delivery.
type ProbeAnswer struct {
	StatusCode int
	Status     string // e.g. "502 Bad Gateway"
	Header     http.Header
}
