package app_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// coreMethods is the method set screens, services and the demo call on
// *app.Core. Splitting the core into feature parts must keep every one
// of them, with the same signature: a method two parts both define
// would silently drop out of the set.
var coreMethods = map[string]string{
	"AudienceFromCSV":         "func(context.Context, app.ChannelID, io.Reader) (app.Audience, error)",
	"AudienceFromLabels":      "func(context.Context, app.ChannelID, []int64) (app.Audience, error)",
	"AudienceRecent":          "func(context.Context, app.ChannelID, int) (app.Audience, error)",
	"BroadcastValues":         "func(app.BroadcastDraft, app.Recipient) app.TemplateValues",
	"PlanBroadcast":           "func(context.Context, app.BroadcastDraft) (app.BroadcastPlan, error)",
	"SendBroadcastTest":       "func(context.Context, app.BroadcastDraft, string) (app.Message, error)",
	"CreateBroadcast":         "func(context.Context, app.BroadcastDraft) (app.Broadcast, error)",
	"Broadcasts":              "func(context.Context, app.ChannelID) ([]app.Broadcast, error)",
	"Broadcast":               "func(context.Context, int64) (app.Broadcast, error)",
	"BroadcastRecipients":     "func(context.Context, int64) ([]app.RecipientResult, error)",
	"BroadcastTimeline":       "func(context.Context, int64) ([]app.BroadcastPoint, error)",
	"PauseBroadcast":          "func(context.Context, int64) error",
	"ResumeBroadcast":         "func(context.Context, int64) error",
	"CancelBroadcast":         "func(context.Context, int64) error",
	"RetryBroadcastFailed":    "func(context.Context, int64) (int, error)",
	"ExportBroadcastResults":  "func(context.Context, int64, string) error",
	"RunBroadcasts":           "func(context.Context)",
	"Contact":                 "func(context.Context, int64) (app.ContactCard, error)",
	"SaveContact":             "func(context.Context, int64, app.ContactFields) (app.ContactFields, error)",
	"ExportConversation":      "func(context.Context, int64, string) (string, error)",
	"ExportAllConversations":  "func(context.Context, string, app.ExportProgress) (string, error)",
	"ExportContacts":          "func(context.Context, string) (int, error)",
	"BackUp":                  "func(context.Context, string, app.BackupProgress) (app.BackupResult, error)",
	"StageRestore":            "func(context.Context, string, app.BackupProgress) (app.RestoreInfo, error)",
	"AddChannel":              "func(context.Context, app.NewChannel) (app.Channel, error)",
	"AddQuickReply":           "func(context.Context, app.QuickReply) (app.QuickReply, error)",
	"DeleteQuickReply":        "func(context.Context, int64) error",
	"EditQuickReply":          "func(context.Context, app.QuickReply) error",
	"FillQuickReply":          "func(context.Context, int64, app.QuickReply) (app.FilledQuickReply, error)",
	"MoveQuickReply":          "func(context.Context, int64, int) error",
	"OptOutWords":             "func(context.Context) (app.OptOutWords, error)",
	"QuickReplies":            "func(context.Context) ([]app.QuickReply, error)",
	"SetOptOutWords":          "func(context.Context, app.OptOutWords) error",
	"SetOptedOut":             "func(context.Context, int64, bool) error",
	"AttachReceiver":          "func(app.LocalReceiver)",
	"ChangeConnection":        "func(context.Context, app.ChannelID, string, string) error",
	"ChannelHistory":          "func(context.Context, app.ChannelID, int) ([]app.ProviderEvent, error)",
	"ChannelProvider":         "func(context.Context, app.ChannelID) (app.Provider, error)",
	"Channels":                "func(context.Context) ([]app.Channel, error)",
	"CheckAttachment":         "func(string) (app.AttachmentInfo, error)",
	"CheckConnection":         "func(context.Context, app.ChannelID) (app.ConnectionStatus, error)",
	"CheckProfileConflicts":   "func(context.Context, app.ChannelID) (app.ProfileConflictCheck, error)",
	"Conversation":            "func(context.Context, int64) (app.Conversation, error)",
	"Conversations":           "func(context.Context, app.ChannelID) ([]app.Conversation, error)",
	"DeleteTemplate":          "func(context.Context, app.ChannelID, string) error",
	"DeleteTemplateDraft":     "func(context.Context, app.ChannelID, string, string) error",
	"DisconnectChannel":       "func(context.Context, app.ChannelID) error",
	"DownloadMedia":           "func(context.Context, int64) (string, error)",
	"MediaDownloadsPaused":    "func() app.MediaDownloadsPause",
	"NewMediaDownloader":      "func(app.MediaDownloadOptions) *app.MediaDownloader",
	"RunMediaDownloads":       "func(context.Context, app.MediaDownloadOptions)",
	"Events":                  "func() *app.Bus",
	"HasSubmittedTemplates":   "func(context.Context, app.ChannelID) (bool, error)",
	"Ingest":                  "func(context.Context, app.ChannelID, app.InboundBatch) ([]app.Message, error)",
	"IngestBatches":           "func(context.Context, []app.IngestItem) ([][]app.Message, []error)",
	"LastHeaderFile":          "func(context.Context, app.ChannelID, app.Template) (app.HeaderFile, error)",
	"LocalWebhookURL":         "func(app.Channel) string",
	"MarkConversationRead":    "func(context.Context, int64) error",
	"Messages":                "func(context.Context, int64, int64, int) ([]app.Message, error)",
	"MessagesAfter":           "func(context.Context, int64, int64, int) ([]app.Message, error)",
	"Search":                  "func(context.Context, string) ([]app.SearchHit, error)",
	"NewBackground":           "func(app.BackgroundOptions) *app.Background",
	"NewOutbox":               "func(app.OutboxOptions) *app.Outbox",
	"NewReceivingKeeper":      "func(app.ReceivingOptions) *app.ReceivingKeeper",
	"Now":                     "func() time.Time",
	"Profile":                 "func(context.Context, app.ChannelID) (app.ProfileRecord, error)",
	"ReadReceipts":            "func(context.Context) (bool, error)",
	"ReceivingSettings":       "func(context.Context) (app.ReceivingSettings, error)",
	"ReceivingStatus":         "func() app.ReceivingStatus",
	"UseOwnAddress":           "func(context.Context) error",
	"UseTunnel":               "func(context.Context, string, string) error",
	"ProfilePhoto":            "func(context.Context, app.ChannelID) ([]uint8, error)",
	"PushPendingProfiles":     "func(context.Context) (int, error)",
	"ReconnectChannel":        "func(context.Context, app.ChannelID, string, string) error",
	"RecoverOutbox":           "func(context.Context) ([]app.Message, error)",
	"RegisterWebhook":         "func(context.Context, app.ChannelID, string) (app.Channel, error)",
	"RemoveChannel":           "func(context.Context, app.ChannelID) error",
	"RenameChannel":           "func(context.Context, app.ChannelID, string) error",
	"ResolveProfileConflicts": "func(context.Context, app.ChannelID, []app.FieldConflict, app.Profile, map[string]bool) (app.ProfileResult, error)",
	"RetryMessage":            "func(context.Context, int64) error",
	"RunOutbox":               "func(context.Context, app.OutboxOptions)",
	"SaveAttachmentCopy":      "func(string, string) error",
	"SaveProfile":             "func(context.Context, app.ChannelID, app.Profile, *app.PhotoChange) (app.ProfileResult, error)",
	"SaveTemplateDraft":       "func(context.Context, app.ChannelID, app.Template) error",
	"SendAttachment":          "func(context.Context, int64, string, string, string) (app.Message, error)",
	"SendTemplateMessage":     "func(context.Context, int64, app.Template, app.TemplateValues) (app.Message, error)",
	"SetReadReceipts":         "func(context.Context, bool) error",
	"SendReaction":            "func(context.Context, int64, string, string) (app.Message, error)",
	"SendText":                "func(context.Context, int64, string, string) (app.Message, error)",
	"StartConversation":       "func(context.Context, app.ChannelID, string, app.Template, app.TemplateValues) (app.Message, error)",
	"SubmitTemplate":          "func(context.Context, app.ChannelID, app.Template) (app.SubmitResult, error)",
	"SyncProfile":             "func(context.Context, app.ChannelID) (app.ProfileResult, error)",
	"SyncTemplates":           "func(context.Context, app.ChannelID, func(int, int)) ([]app.TemplateChange, error)",
	"TemplateNameTaken":       "func(context.Context, app.ChannelID, string, string) (bool, error)",
	"Templates":               "func(context.Context, app.ChannelID) (app.TemplateList, error)",
	"TestWebhook":             "func(context.Context, app.ChannelID) error",
	"UnreadTotal":             "func(context.Context) (int, error)",
	"Labels":                  "func(context.Context) ([]app.Label, error)",
	"CreateLabel":             "func(context.Context, string, app.LabelColor) (app.Label, error)",
	"UpdateLabel":             "func(context.Context, app.Label) error",
	"DeleteLabel":             "func(context.Context, int64) error",
	"SetConversationLabel":    "func(context.Context, int64, int64, bool) error",
	"PinConversation":         "func(context.Context, int64, bool) error",
	"ArchiveConversation":     "func(context.Context, int64, bool) error",
	"MarkConversationUnread":  "func(context.Context, int64) error",
}

// TestCoreMethodSet fails when a use case disappears from *app.Core or
// changes its signature.
func TestCoreMethodSet(t *testing.T) {
	ty := reflect.TypeOf(&app.Core{})
	got := map[string]string{}
	for i := range ty.NumMethod() {
		m := ty.Method(i)
		sig := strings.Replace(m.Type.String(), "func(*app.Core", "func(", 1)
		got[m.Name] = strings.Replace(sig, "func(, ", "func(", 1)
	}
	for name, want := range coreMethods {
		if got[name] != want {
			t.Errorf("(*app.Core).%s = %q, want %q", name, got[name], want)
		}
	}
	for name := range got {
		if _, ok := coreMethods[name]; !ok {
			t.Errorf("(*app.Core).%s is new: add it to coreMethods", name)
		}
	}
}

// TestAPartAloneWorksOnTheCoresPorts gives a feature one part, as a later
// feature package may be given only what it uses: what that part does is
// seen through the others and published on the core's bus.
func TestAPartAloneWorksOnTheCoresPorts(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	var got []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { got = append(got, e) })
	defer cancel()

	var channels *app.ChannelUseCases = w.core.ChannelUseCases
	if err := channels.RenameChannel(w.ctx, ch.ID, "Bakery"); err != nil {
		t.Fatal(err)
	}
	all, err := w.core.Channels(w.ctx)
	if err != nil || len(all) != 1 || all[0].Name != "Bakery" {
		t.Fatalf("after renaming through the part, the core lists %+v, %v", all, err)
	}
	if len(got) != 1 || got[0].Kind != app.EventChannelsChanged || got[0].ChannelID != ch.ID {
		t.Fatalf("the core's bus saw %+v; want one channels-changed event", got)
	}
}
