package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// TestFirstStartShowsTheBakery starts the demo in an empty data folder and
// finds what the owner would see: the bakery's channel, its filled
// profile, its templates in every state and its conversations.
func TestFirstStartShowsTheBakery(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	ws := w.start()

	chs, err := ws.Core.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 1 || chs[0].Name != BusinessName || chs[0].PhoneNumber != BusinessNumber || chs[0].KeyState != app.KeyOK {
		t.Fatalf("channels after the first start: %+v", chs)
	}

	rec, err := ws.Core.Profile(ctx, ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := rec.Remote
	if p.About == "" || p.Address == "" || p.Description == "" || p.Email == "" || p.Vertical != "GROCERY" || len(p.Websites) != 2 {
		t.Errorf("the synced profile is not filled: %+v", p)
	}
	if !strings.HasPrefix(p.PhotoURL, ws.URL) {
		t.Errorf("the profile has no photo at the emulator: %q", p.PhotoURL)
	}
	if errs := app.ValidateProfile(p, p); len(errs) > 0 {
		t.Errorf("the demo profile breaks WhatsApp's rules: %v", errs)
	}

	list, err := ws.Core.Templates(ctx, ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) < 30 {
		t.Errorf("%d templates synced, want at least 30", len(list.Templates))
	}
	statuses, langs, headers, buttons := map[app.TemplateStatus]int{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, tp := range list.Templates {
		statuses[tp.Status]++
		langs[tp.Language] = true
		headers[tp.Header.Format] = true
		for _, b := range tp.Buttons {
			buttons[b.Type] = true
		}
		if tp.Status == app.TemplateRejected && tp.RejectedReason == "" {
			t.Errorf("rejected template %s (%s) gives no reason", tp.Name, tp.Language)
		}
		if (tp.Header.Format == app.HeaderImage || tp.Header.Format == app.HeaderDocument) && !strings.HasPrefix(tp.Header.Example, ws.URL) {
			t.Errorf("template %s has no sample at the emulator: %q", tp.Name, tp.Header.Example)
		}
	}
	for _, s := range []app.TemplateStatus{app.TemplateApproved, app.TemplateSubmitted, app.TemplateRejected, app.TemplatePaused, app.TemplateDisabled} {
		if statuses[s] == 0 {
			t.Errorf("no template is %s; statuses %v", s, statuses)
		}
	}
	for _, l := range []string{"de", "en_US", "tr"} {
		if !langs[l] {
			t.Errorf("no template in %s", l)
		}
	}
	for _, h := range []string{app.HeaderText, app.HeaderImage, app.HeaderDocument} {
		if !headers[h] {
			t.Errorf("no template with a %s header", h)
		}
	}
	for _, b := range []string{app.ButtonQuickReply, app.ButtonURL, app.ButtonPhone} {
		if !buttons[b] {
			t.Errorf("no template with a %s button", b)
		}
	}

	cvs, err := ws.Core.Conversations(ctx, ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cvs) != len(history()) {
		t.Errorf("%d conversations, want %d", len(cvs), len(history()))
	}
	open, unread := 0, map[string]int{}
	for _, cv := range cvs {
		if ok, _ := cv.WindowOpen(w.clock.Now()); ok {
			open++
		}
		unread[cv.ContactName] = cv.Unread
	}
	if open == 0 || open == len(cvs) {
		t.Errorf("%d of %d conversations inside the 24-hour window, want some but not all", open, len(cvs))
	}
	if unread[jonas.Name] != 1 || unread[sophie.Name] != 2 || unread[aylin.Name] != 0 {
		t.Errorf("unread counts %v", unread)
	}
	types := map[app.MessageType]bool{}
	for _, c := range []customer{jonas, sophie, petra, mehmet, lena, tom} {
		for _, m := range messagesWith(t, ws, c) {
			types[m.Type] = true
			if m.Media != nil {
				if _, err := os.Stat(m.Media.LocalPath); err != nil {
					t.Errorf("the file of %s's %s is missing: %v", c.Name, m.Type, err)
				}
			}
		}
	}
	for _, typ := range []app.MessageType{app.MsgText, app.MsgImage, app.MsgDocument, app.MsgLocation, app.MsgButtonReply, app.MsgTemplate} {
		if !types[typ] {
			t.Errorf("no %s message in the conversations", typ)
		}
	}
}

// TestSecondStartKeepsTheData restarts the demo in the same data folder:
// nothing is added twice, and what the owner did is still there.
func TestSecondStartKeepsTheData(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	ws := w.start()
	if err := ws.Core.MarkConversationRead(ctx, conversationWith(t, ws, sophie).ID); err != nil {
		t.Fatal(err)
	}
	before := map[string]int{}
	for _, c := range customers[:8] {
		before[c.Name] = len(messagesWith(t, ws, c))
	}
	ws.Stop()

	w.reopen()
	w.clock.Advance(hour)
	again := w.start()
	chs, err := again.Core.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 1 || chs[0].ID != ws.Channel.ID {
		t.Fatalf("channels after a second start: %+v", chs)
	}
	cvs, err := again.Core.Conversations(ctx, again.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cvs) != len(history()) {
		t.Errorf("%d conversations after a second start, want %d", len(cvs), len(history()))
	}
	for _, c := range customers[:8] {
		if n := len(messagesWith(t, again, c)); n != before[c.Name] {
			t.Errorf("%s: %d messages after a second start, %d before", c.Name, n, before[c.Name])
		}
	}
	if n := conversationWith(t, again, sophie).Unread; n != 0 {
		t.Errorf("the conversation the owner read shows %d unread after a restart", n)
	}
	list, err := again.Core.Templates(ctx, again.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) != len(catalogue()) {
		t.Errorf("%d templates after a second start, want %d", len(list.Templates), len(catalogue()))
	}
	// The bakery's quick replies are there once, not again at each start.
	replies, err := again.Core.QuickReplies(ctx)
	if err != nil || len(replies) != len(demoQuickReplies) {
		t.Errorf("quick replies after a second start: %d (%v), want %d", len(replies), err, len(demoQuickReplies))
	}
}

// TestRepliesFollowTheWindowAfterARestart: the emulator is new at every
// start, yet a customer who wrote within the day can still be answered
// freely, and one who wrote days ago cannot, as the store says.
func TestRepliesFollowTheWindowAfterARestart(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	w.start().Stop()
	w.reopen()
	w.clock.Advance(30 * minute)
	ws := w.start()

	p, err := ws.Core.ChannelProvider(ctx, ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.SendText(ctx, jonas.waID(), "Klar, die Kerze legen wir dazu! 🕯️", ""); err != nil {
		t.Errorf("a reply to Jonas, who wrote two hours ago, failed: %v", err)
	}
	_, err = p.SendText(ctx, aylin.waID(), "Hallo Aylin!", "")
	var pe *app.ProviderError
	if !errors.As(err, &pe) || pe.Kind != app.KindOutsideWindow {
		t.Errorf("a free reply to Aylin, who wrote three days ago, gave %v; want the 24-hour rule", err)
	}
}

// TestTemplatesUnderReviewAreDecided: a minute or two after the start,
// WhatsApp decides on the submitted templates and tells Parley by webhook.
func TestTemplatesUnderReviewAreDecided(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	ws := w.start()
	waiting, err := ws.Core.HasSubmittedTemplates(ctx, ws.Channel.ID)
	if err != nil || !waiting {
		t.Fatalf("no template waits for review at the start (%v)", err)
	}

	w.clock.Advance(61 * time.Second)
	ws.emu.Tick()
	flush(t, ws)
	if got := templateStatus(t, ws, "advent_calendar", "de"); got != app.TemplateApproved {
		t.Errorf("advent_calendar (de) is %s a minute after the start, want approved", got)
	}
	if got := templateStatus(t, ws, "new_branch", "de"); got != app.TemplateSubmitted {
		t.Errorf("new_branch is %s after a minute, want still submitted", got)
	}

	w.clock.Advance(time.Minute)
	ws.emu.Tick()
	flush(t, ws)
	if got := templateStatus(t, ws, "new_branch", "de"); got != app.TemplateRejected {
		t.Errorf("new_branch is %s two minutes after the start, want rejected", got)
	}
	if waiting, _ := ws.Core.HasSubmittedTemplates(ctx, ws.Channel.ID); waiting {
		t.Error("templates still wait for review two minutes after the start")
	}
}

func templateStatus(t *testing.T, ws *Workspace, name, lang string) app.TemplateStatus {
	t.Helper()
	list, err := ws.Core.Templates(context.Background(), ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range list.Templates {
		if tp.Name == name && tp.Language == lang {
			return tp.Status
		}
	}
	t.Fatalf("no template %s (%s)", name, lang)
	return ""
}

// TestDemoKeyStaysOutOfFiles: the demo key is kept in memory only; it is
// not written to the database, the media folder or the log.
func TestDemoKeyStaysOutOfFiles(t *testing.T) {
	w := newWorld(t)
	ws := w.start()
	ws.Stop()
	if err := w.store.Close(); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(w.dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), APIKey) {
			t.Errorf("the demo API key is written in %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(w.logs.String(), APIKey) {
		t.Error("the demo API key appears in the log")
	}
}

// TestSendsAfterARestartGetNewIDs: the emulator is new at every start,
// yet what it sends must not get the WhatsApp ids of messages an earlier
// run stored, or every reply after a restart stays "sending".
func TestSendsAfterARestartGetNewIDs(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	send := func(ws *Workspace) string {
		t.Helper()
		p, err := ws.Core.ChannelProvider(ctx, ws.Channel.ID)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.SendText(ctx, jonas.waID(), "Bis gleich!", "")
		if err != nil {
			t.Fatal(err)
		}
		return res.WAMessageID
	}
	ws := w.start()
	first := send(ws)
	ws.Stop()
	w.reopen()
	again := send(w.start())
	if first == again {
		t.Errorf("the first send after a restart got the id of the earlier run's first send (%s)", first)
	}
}
