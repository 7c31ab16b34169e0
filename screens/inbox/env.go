// Package inbox is the Space: the list of conversations, one conversation
// with its messages, the composer and the template picker.
package inbox

import (
	"context"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the Space uses: conversations,
// messages, sending and the template picker. Tests may pass a fake.
type Core interface {
	Channels(ctx context.Context) ([]app.Channel, error)
	Contact(ctx context.Context, conversationID int64) (app.ContactCard, error)
	ExportConversation(ctx context.Context, conversationID int64, dir string) (string, error)
	SaveContact(ctx context.Context, conversationID int64, f app.ContactFields) (app.ContactFields, error)
	CheckAttachment(path string) (app.AttachmentInfo, error)
	Conversation(ctx context.Context, conversationID int64) (app.Conversation, error)
	Conversations(ctx context.Context, id app.ChannelID) ([]app.Conversation, error)
	DownloadMedia(ctx context.Context, messageID int64) (string, error)
	Events() *app.Bus
	FillQuickReply(ctx context.Context, conversationID int64, r app.QuickReply) (app.FilledQuickReply, error)
	LastHeaderFile(ctx context.Context, id app.ChannelID, t app.Template) (app.HeaderFile, error)
	MarkConversationRead(ctx context.Context, conversationID int64) error
	Messages(ctx context.Context, conversationID, beforeID int64, limit int) ([]app.Message, error)
	MessagesAfter(ctx context.Context, conversationID, afterID int64, limit int) ([]app.Message, error)
	Now() time.Time
	QuickReplies(ctx context.Context) ([]app.QuickReply, error)
	RetryMessage(ctx context.Context, messageID int64) error
	SaveAttachmentCopy(src, dst string) error
	Search(ctx context.Context, query string) ([]app.SearchHit, error)
	SendAttachment(ctx context.Context, conversationID int64, path, caption, replyTo string) (app.Message, error)
	SendReaction(ctx context.Context, conversationID int64, waMessageID, emoji string) (app.Message, error)
	SendTemplateMessage(ctx context.Context, conversationID int64, t app.Template, v app.TemplateValues) (app.Message, error)
	SendText(ctx context.Context, conversationID int64, text, replyTo string) (app.Message, error)
	SetOptedOut(ctx context.Context, conversationID int64, out bool) error
	StartConversation(ctx context.Context, id app.ChannelID, number string, t app.Template, v app.TemplateValues) (app.Message, error)
	SyncTemplates(ctx context.Context, id app.ChannelID, progress func(fetched, total int)) ([]app.TemplateChange, error)
	Templates(ctx context.Context, id app.ChannelID) (app.TemplateList, error)

	// Labels, pins, archiving and unread marks (app.LabelUseCases).
	Labels(ctx context.Context) ([]app.Label, error)
	CreateLabel(ctx context.Context, name string, color app.LabelColor) (app.Label, error)
	UpdateLabel(ctx context.Context, l app.Label) error
	DeleteLabel(ctx context.Context, id int64) error
	SetConversationLabel(ctx context.Context, conversationID, labelID int64, on bool) error
	PinConversation(ctx context.Context, conversationID int64, pinned bool) error
	ArchiveConversation(ctx context.Context, conversationID int64, archived bool) error
	MarkConversationUnread(ctx context.Context, conversationID int64) error
}

// env is what this feature's pages are built with: the kit's Env and the
// part of the core they use.
type env struct {
	kit.Env
	core Core
}
