package persistence

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// TestOneWritePath reads the package's source: the write connection
// (Store.rw) is used only by writeConn, the one write path, and by Close;
// transactions begin only in write, writeRaw and the migrations (which
// run in Open, before the store exists). A method that wrote around them
// would leave ingest's cache (ingestCache) believing rows it reads no
// more.
func TestOneWritePath(t *testing.T) {
	rwUsers := []string{"writeConn", "Close"}
	txBeginners := map[string][]string{
		"Conn":    {"writeConn"},
		"BeginTx": {"write", "applyMigration"},
		"Begin":   {},
		"Raw":     {"writeRaw"},
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					if n.Sel.Name == "rw" && !slices.Contains(rwUsers, fn.Name.Name) {
						t.Errorf("%s: %s uses the write connection itself; write through s.write (or writeRaw)",
							fset.Position(n.Pos()), fn.Name.Name)
					}
				case *ast.CallExpr:
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					if allowed, ok := txBeginners[sel.Sel.Name]; ok && !slices.Contains(allowed, fn.Name.Name) {
						t.Errorf("%s: %s calls %s; write transactions begin only in the write path (write.go)",
							fset.Position(n.Pos()), fn.Name.Name, sel.Sel.Name)
					}
				case *ast.BasicLit:
					if n.Kind == token.STRING && beginSQL.MatchString(n.Value) && fn.Name.Name != "writeRaw" {
						t.Errorf("%s: %s begins a transaction in SQL; use the write path (write.go)",
							fset.Position(n.Pos()), fn.Name.Name)
					}
				}
				return true
			})
		}
	}
}

// beginSQL matches SQL that begins a transaction (the store writes SQL
// keywords in capitals).
var beginSQL = regexp.MustCompile(`\bBEGIN\b`)

// storeCall is one call of an exported method of Store, in the order of
// TestEveryWriteMakesIngestReadAgain; commits tells whether it changes
// the database.
type storeCall struct {
	method  string
	commits bool
	call    func(ctx context.Context, s *Store, f *callFixture) error
}

// callFixture is what the calls share: the rows earlier calls made.
type callFixture struct {
	shop     app.ChannelID // ingest writes here
	other    app.Channel   // made and removed by the calls
	convID   int64
	message  app.Message // an inbound message with an attachment
	outbound app.Message
	receipt  app.ReadReceipt
	quick    app.QuickReply
	label    app.Label
	dir      string // a folder for files the calls write
	// broadcast is a broadcast of one recipient, whose message is
	// broadcastMsg.
	broadcast, broadcastMsg int64
}

// storeCalls calls every exported method of Store but ingest's and
// Close, each on rows that make a write method really change something.
var storeCalls = []storeCall{
	{"CreateChannel", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.other, err = s.CreateChannel(ctx, app.Channel{Name: "Second shop", PhoneNumber: "+4930999"})
		return err
	}},
	{"UpdateChannel", true, func(ctx context.Context, s *Store, f *callFixture) error {
		f.other.Name = "Second shop, renamed"
		return s.UpdateChannel(ctx, f.other)
	}},
	{"Channel", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Channel(ctx, f.other.ID)
		return err
	}},
	{"ChannelByWebhookToken", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.ChannelByWebhookToken(ctx, f.other.WebhookToken)
		return err
	}},
	{"Channels", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.Channels(ctx)
		return err
	}},
	{"ConversationFor", true, func(ctx context.Context, s *Store, f *callFixture) error {
		conv, err := s.ConversationFor(ctx, f.shop, "499", "Dora")
		f.convID = conv.ID
		return err
	}},
	{"Conversations", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Conversations(ctx, f.shop)
		return err
	}},
	{"Conversation", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Conversation(ctx, f.convID)
		return err
	}},
	{"SaveContactFields", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SaveContactFields(ctx, f.convID, app.ContactFields{CustomName: "Dora from the bakery"}, baseTime)
	}},
	{"ContactCard", false, func(ctx context.Context, s *Store, f *callFixture) error {
		c, err := s.ContactCard(ctx, f.convID)
		if err == nil && c.CustomName != "Dora from the bakery" {
			err = fmt.Errorf("the custom name is %q", c.CustomName)
		}
		return err
	}},
	{"ContactCards", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.ContactCards(ctx)
		return err
	}},
	{"BackupDatabase", false, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.BackupDatabase(ctx, filepath.Join(f.dir, "backup.db"))
	}},
	{"SchemaVersion", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.SchemaVersion(ctx)
		return err
	}},
	{"RekeyConversation", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.convID, err = s.RekeyConversation(ctx, f.convID, "4999")
		return err
	}},
	{"UnreadTotal", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.UnreadTotal(ctx)
		return err
	}},
	{"MarkReadWithReceipt", true, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.MarkReadWithReceipt(ctx, f.message.ConversationID, baseTime)
		return err
	}},
	{"DueReadReceipts", false, func(ctx context.Context, s *Store, f *callFixture) error {
		rs, err := s.DueReadReceipts(ctx, baseTime, 10)
		if err == nil && len(rs) != 1 {
			err = fmt.Errorf("%d receipts due, want 1", len(rs))
		}
		if err == nil {
			f.receipt = rs[0]
		}
		return err
	}},
	{"DeferReadReceipt", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeferReadReceipt(ctx, f.receipt, baseTime.Add(time.Minute))
	}},
	{"DropReadReceipt", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DropReadReceipt(ctx, f.receipt)
	}},
	{"SetReadReceiptsOn", true, func(ctx context.Context, s *Store, _ *callFixture) error {
		return s.SetReadReceiptsOn(ctx, false)
	}},
	{"ReadReceiptsOn", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.ReadReceiptsOn(ctx)
		return err
	}},
	{"MarkConversationRead", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.MarkConversationRead(ctx, f.message.ConversationID)
	}},
	{"MarkConversationUnread", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.MarkConversationUnread(ctx, f.convID) // read: each call's ingest writes to another
	}},
	{"CreateLabel", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.label, err = s.CreateLabel(ctx, app.Label{Name: "Wholesale", Color: app.LabelTeal}, time.Unix(1, 0))
		return err
	}},
	{"UpdateLabel", true, func(ctx context.Context, s *Store, f *callFixture) error {
		f.label.Name = "Wholesale order"
		return s.UpdateLabel(ctx, f.label)
	}},
	{"Labels", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.Labels(ctx)
		return err
	}},
	{"SetConversationLabel", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SetConversationLabel(ctx, f.message.ConversationID, f.label.ID, true)
	}},
	{"DeleteLabel", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeleteLabel(ctx, f.label.ID)
	}},
	{"PinConversation", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.PinConversation(ctx, f.message.ConversationID, time.Unix(2, 0))
	}},
	{"ArchiveConversation", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.ArchiveConversation(ctx, f.message.ConversationID, time.Unix(3, 0))
	}},
	{"Search", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.Search(ctx, "hello", 10, 3)
		return err
	}},
	{"MessagesAfter", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.MessagesAfter(ctx, f.message.ConversationID, 0, 10)
		return err
	}},
	{"Messages", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Messages(ctx, f.message.ConversationID, 0, 10)
		return err
	}},
	{"Message", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Message(ctx, f.message.ID)
		return err
	}},
	{"MessageByWAID", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.MessageByWAID(ctx, f.shop, f.message.WAMessageID)
		return err
	}},
	{"DueMediaDownloads", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		ds, err := s.DueMediaDownloads(ctx, baseTime.Add(time.Hour), 10)
		if err == nil && len(ds) != 1 {
			err = fmt.Errorf("%d attachments queued, want the photo", len(ds))
		}
		return err
	}},
	{"DeferMediaDownload", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeferMediaDownload(ctx, f.message.ID, baseTime.Add(time.Minute), "offline")
	}},
	{"MediaDownloadLost", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.MediaDownloadLost(ctx, f.message.ID, app.MediaExpired)
	}},
	{"SetMediaPath", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SetMediaPath(ctx, f.message.ID, "/tmp/photo.jpg")
	}},
	{"Enqueue", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.outbound, err = s.Enqueue(ctx, app.Message{ChannelID: f.shop, From: "491", Text: "Thanks!"})
		return err
	}},
	{"NextQueued", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.NextQueued(ctx, 0)
		return err
	}},
	{"UpdateState", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.UpdateState(ctx, f.outbound.ID, app.StateSending, "", 0, "")
	}},
	{"RecoverSending", true, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.RecoverSending(ctx)
		return err
	}},
	{"SaveRemoteProfile", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SaveRemoteProfile(ctx, f.shop, app.Profile{About: "Fresh bread"}, baseTime)
	}},
	{"SavePendingProfile", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SavePendingProfile(ctx, f.shop, app.ProfileEdit{Profile: app.Profile{About: "Fresh bread daily"}})
	}},
	{"ProfileRecord", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.ProfileRecord(ctx, f.shop)
		return err
	}},
	{"ClearPendingProfile", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.ClearPendingProfile(ctx, f.shop)
	}},
	{"ReplaceTemplates", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.ReplaceTemplates(ctx, f.shop, []app.Template{{Name: "hello", Language: "en", Status: app.TemplateApproved}}, baseTime)
	}},
	{"UpsertTemplate", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.UpsertTemplate(ctx, f.shop, app.Template{Name: "bye", Language: "en", Status: app.TemplateSubmitted})
	}},
	{"DeleteTemplate", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeleteTemplate(ctx, f.shop, "bye", "en")
	}},
	{"Templates", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Templates(ctx, f.shop)
		return err
	}},
	{"TemplatesSyncedAt", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.TemplatesSyncedAt(ctx, f.shop)
		return err
	}},
	{"SetTemplateHeaderFile", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SetTemplateHeaderFile(ctx, f.shop, "hello", "en", app.HeaderFile{Path: "/tmp/media/sent/ab-flyer.png", Name: "flyer.png"})
	}},
	{"TemplateHeaderFile", false, func(ctx context.Context, s *Store, f *callFixture) error {
		got, err := s.TemplateHeaderFile(ctx, f.shop, "hello", "en")
		if err == nil && got.Name != "flyer.png" {
			err = fmt.Errorf("the last header file is %+v, want flyer.png", got)
		}
		return err
	}},
	{"RecordChannelEvent", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.RecordChannelEvent(ctx, f.shop, app.ProviderEvent{Field: app.FieldReceiving, Title: "Not receiving messages", Timestamp: baseTime})
	}},
	{"ChannelHistory", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.ChannelHistory(ctx, f.shop, 10)
		return err
	}},
	{"ProviderEvents", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.ProviderEvents(ctx, f.shop, 10)
		return err
	}},
	{"IntegrityCheck", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		return s.IntegrityCheck(ctx)
	}},
	{"SaveReceivingSettings", true, func(ctx context.Context, s *Store, _ *callFixture) error {
		return s.SaveReceivingSettings(ctx, app.ReceivingSettings{Mode: app.ReceivingTunnel, Domain: "bakery.ngrok.app", UpdatedAt: baseTime})
	}},
	{"ReceivingSettings", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.ReceivingSettings(ctx)
		return err
	}},
	{"WorkspaceID", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.WorkspaceID(ctx)
		return err
	}},
	{"Path", false, func(_ context.Context, s *Store, _ *callFixture) error {
		s.Path()
		return nil
	}},
	{"AddQuickReply", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.quick, err = s.AddQuickReply(ctx, app.QuickReply{Title: "Opening hours", Text: "9 to 6"}, baseTime)
		if err == nil {
			_, err = s.AddQuickReply(ctx, app.QuickReply{Title: "Parking", Text: "Behind the shop"}, baseTime)
		}
		return err
	}},
	{"QuickReplies", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.QuickReplies(ctx)
		return err
	}},
	{"UpdateQuickReply", true, func(ctx context.Context, s *Store, f *callFixture) error {
		f.quick.Text = "9 to 7"
		return s.UpdateQuickReply(ctx, f.quick, baseTime)
	}},
	{"MoveQuickReply", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.MoveQuickReply(ctx, f.quick.ID, 1)
	}},
	{"DeleteQuickReply", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeleteQuickReply(ctx, f.quick.ID)
	}},
	{"SetOptOut", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.SetOptOut(ctx, f.convID, baseTime)
	}},
	{"SaveOptOutWords", true, func(ctx context.Context, s *Store, _ *callFixture) error {
		return s.SaveOptOutWords(ctx, app.OptOutWords{Stop: []string{"STOP"}, Start: []string{"START"}})
	}},
	{"OptOutWords", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.OptOutWords(ctx)
		return err
	}},
	{"CreateBroadcast", true, func(ctx context.Context, s *Store, f *callFixture) (err error) {
		f.broadcast, err = s.CreateBroadcast(ctx, oneRecipientBroadcast(f.shop, "4977"))
		if err != nil {
			return err
		}
		rs, err := s.BroadcastRecipients(ctx, f.broadcast)
		if err == nil {
			f.broadcastMsg = rs[0].MessageID
		}
		return err
	}},
	{"Broadcasts", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Broadcasts(ctx, f.shop)
		return err
	}},
	{"Broadcast", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.Broadcast(ctx, f.broadcast)
		return err
	}},
	{"BroadcastRecipients", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.BroadcastRecipients(ctx, f.broadcast)
		return err
	}},
	{"BroadcastTimeline", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.BroadcastTimeline(ctx, f.broadcast)
		return err
	}},
	{"ActiveBroadcasts", false, func(ctx context.Context, s *Store, _ *callFixture) error {
		_, err := s.ActiveBroadcasts(ctx)
		return err
	}},
	{"TemplateCustomers", false, func(ctx context.Context, s *Store, f *callFixture) error {
		_, _, err := s.TemplateCustomers(ctx, f.shop, baseTime)
		return err
	}},
	{"ReleaseBroadcast", true, func(ctx context.Context, s *Store, f *callFixture) error {
		_, _, err := s.ReleaseBroadcast(ctx, f.broadcast, 10, baseTime, "opted out")
		return err
	}},
	{"SetBroadcastState", true, func(ctx context.Context, s *Store, f *callFixture) error {
		_, err := s.SetBroadcastState(ctx, f.broadcast, app.BroadcastPaused)
		return err
	}},
	{"RetryBroadcastMessages", true, func(ctx context.Context, s *Store, f *callFixture) error {
		if err := s.UpdateState(ctx, f.broadcastMsg, app.StateFailed, "", 131049, "limit"); err != nil {
			return err
		}
		_, err := s.RetryBroadcastMessages(ctx, f.broadcast, []int64{f.broadcastMsg})
		return err
	}},
	{"DeleteChannel", true, func(ctx context.Context, s *Store, f *callFixture) error {
		return s.DeleteChannel(ctx, f.other.ID)
	}},
}

// notCalled are the exported methods storeCalls leaves out, and why.
var notCalled = map[string]string{
	"IngestBatch":   "ingest keeps the cache itself",
	"IngestBatches": "ingest keeps the cache itself",
	"Close":         "the cache goes with the store",
}

// TestEveryWriteMakesIngestReadAgain calls every exported method of Store
// between two ingest groups: whenever one commits a change (another
// connection sees PRAGMA data_version move), the next group must not
// reuse what the group before read. A method missing from storeCalls
// fails the test, so a new one cannot be forgotten.
func TestEveryWriteMakesIngestReadAgain(t *testing.T) {
	ctx := context.Background()
	typ := reflect.TypeFor[*Store]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		if _, skip := notCalled[name]; !skip && !slices.ContainsFunc(storeCalls, func(c storeCall) bool { return c.method == name }) {
			t.Errorf("Store.%s is not in storeCalls: say whether it writes, and call it there", name)
		}
	}

	s := openTestStore(t)
	observer, err := s.ro.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer observer.Close()
	dataVersion := func() int64 {
		t.Helper()
		var v int64
		if err := observer.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	f := &callFixture{shop: addChannel(t, s, "Shop").ID, dir: t.TempDir()}
	photo := inbound("491", "photo", "", baseTime)
	photo.Type, photo.RawType, photo.Media = app.MsgImage, "image", &app.Media{MIMEType: "image/jpeg", ID: "m1"}
	f.message = mustIngest(t, s, f.shop, app.InboundBatch{Messages: []app.Message{photo}})[0]

	for i, c := range storeCalls {
		// A group of its own: what it read is kept for the next group.
		mustIngest(t, s, f.shop, textBatch("491", "Ann", c.method, 1))
		kept := s.ingestCache.state
		next := func() cacheState {
			return cacheState{conn: kept.conn, seq: s.writeSeq.Load() + 1, version: kept.version}
		}
		if s.ingestCache.rows == nil || !next().follows(kept) {
			t.Fatalf("before %s: the group's rows are not kept for the next one", c.method)
		}
		before := dataVersion()
		if err := c.call(ctx, s, f); err != nil {
			t.Fatalf("call %d, %s: %v", i, c.method, err)
		}
		committed := dataVersion() != before
		switch {
		case committed && next().follows(kept):
			t.Errorf("%s changed the database, but the next ingest group would trust the rows read before", c.method)
		case committed != c.commits:
			t.Errorf("%s: committed = %v, storeCalls says %v", c.method, committed, c.commits)
		}
	}
}
