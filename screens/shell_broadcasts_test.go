package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// visibleSelects are the choice fields on screen, top to bottom.
func visibleSelects(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			out = append(out, s)
		}
	})
	return out
}

// A whole broadcast through the shell on the real core: Channels →
// Broadcasts, the customers who wrote lately, an approved template with
// its values, the review, Start, and the results; the list then shows it.
func TestBroadcastFromChannelsToResults(t *testing.T) {
	cw := newCoreWorld(t)
	screentest.SeedTemplates(t, cw.Emu)
	ch := cw.AddChannel(t)
	cw.Receive(t, ch)
	for _, c := range []struct{ from, name string }{{"491701234567", "Anna"}, {"491707654321", "Ben"}} {
		if _, err := cw.Emu.Inbound(screentest.WorldKey, c.from, c.name, "Hello"); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Emu.Flush(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := cw.Core.SyncTemplates(cw.Ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.Window.Content(), "Broadcasts"))
	c := cw.Window.Content()
	if !screentest.ShowsText(c, "No broadcasts yet") {
		t.Fatalf("the Broadcasts page did not open empty; it shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "New broadcast"))
	screentest.WalkVisible(cw.Window.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			r.SetSelected("Customers who wrote recently")
		}
	})
	c = cw.Window.Content()
	if !screentest.ShowsText(c, "2 customers get this broadcast.") {
		t.Fatalf("the customers who wrote lately are not the audience; the window shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "Next"))

	selects := visibleSelects(cw.Window.Content())
	if len(selects) != 1 {
		t.Fatalf("%d choices before a template is chosen", len(selects))
	}
	for _, o := range selects[0].Options {
		if strings.HasPrefix(o, "winter_sale") || strings.HasPrefix(o, "bad_promo") {
			t.Errorf("a template WhatsApp has not approved is offered: %q", o)
		}
	}
	selects[0].SetSelected("order_shipped (en_US)  ·  Utility")
	selects = visibleSelects(cw.Window.Content())
	if len(selects) != 3 {
		t.Fatalf("%d choices with order_shipped, want the template and one per value", len(selects))
	}
	selects[1].SetSelected("Contact's name")
	selects[2].SetSelected("Fixed text")
	var fixed *widget.Entry
	screentest.WalkVisible(cw.Window.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "The text everyone gets" {
			fixed = e
		}
	})
	test.Type(fixed, "A-1")
	c = cw.Window.Content()
	if !screentest.ShowsText(c, "Hi Anna, your order A-1 is on its way.") && !screentest.ShowsText(c, "Hi Ben, your order A-1 is on its way.") {
		t.Errorf("the preview does not show a customer's message; the window shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "Next"))
	c = cw.Window.Content()
	for _, want := range []string{"2 customers", "Utility", "WhatsApp charges per message by category", "It fits in today's limit."} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("the review does not show %q; it shows %q", want, screentest.VisibleTexts(c))
		}
	}
	test.Tap(screentest.Button(t, c, "Start broadcast"))
	c = cw.Window.Content()
	if !screentest.ShowsText(c, "Retry failed (0)") || !screentest.ShowsText(c, "Anna") {
		t.Fatalf("Start did not show the results; the window shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "Broadcasts"))
	c = cw.Window.Content()
	if !screentest.ShowsText(c, "order_shipped") || !screentest.ShowsText(c, "2 recipients") {
		t.Errorf("the list does not show the new broadcast; it shows %q", screentest.VisibleTexts(c))
	}
}

// A recipient's chat button opens their conversation in the Space, even
// one the Space's list leaves out because only the broadcast wrote there.
func TestBroadcastRecipientOpensTheirConversation(t *testing.T) {
	cw := newCoreWorld(t)
	screentest.SeedTemplates(t, cw.Emu)
	ch := cw.AddChannel(t)
	if _, err := cw.Core.SyncTemplates(cw.Ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, err := cw.Core.Templates(cw.Ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	var tpl app.Template
	for _, x := range list.Templates {
		if x.Name == "order_shipped" && x.Language == "en_US" {
			tpl = x
		}
	}
	aud, err := cw.Core.AudienceFromCSV(cw.Ctx, ch.ID, strings.NewReader("phone,name\n+491701234567,Anna\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := cw.Core.CreateBroadcast(cw.Ctx, app.BroadcastDraft{ChannelID: ch.ID, Template: tpl, Audience: aud,
		Body: []app.ValueMapping{{Source: app.ValueColumn, Column: "name"}, {Source: app.ValueFixed, Text: "A-1"}}})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := cw.Core.BroadcastRecipients(cw.Ctx, b.ID)
	if err != nil || len(rs) != 1 || rs[0].ConversationID == 0 {
		t.Fatalf("recipients %+v, %v", rs, err)
	}
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.Window.Content(), "Broadcasts"))
	cw.shell.broadcasts.OpenResults(b)
	test.Tap(screentest.Button(t, cw.Window.Content(), "")) // the chat button of Anna's row
	if cw.shell.current != pageSpace || cw.shell.space.OpenConversationID() != rs[0].ConversationID {
		t.Errorf("the chat button left the window on %q with conversation %d open, want %d",
			cw.shell.current, cw.shell.space.OpenConversationID(), rs[0].ConversationID)
	}
}

// A CSV file dropped on the window while a new broadcast is open is its
// audience; on another page the drop goes to the Space as before.
func TestDropOnANewBroadcastImportsTheFile(t *testing.T) {
	cw := newCoreWorld(t)
	cw.AddChannel(t)
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.Window.Content(), "Broadcasts"))
	test.Tap(screentest.Button(t, cw.Window.Content(), "New broadcast"))
	path := filepath.Join(t.TempDir(), "stammkunden.csv")
	if err := os.WriteFile(path, []byte("phone\n+491701234567\n+491707654321\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cw.shell.onDropped(fyne.NewPos(500, 400), []fyne.URI{storage.NewFileURI(path)})
	c := cw.Window.Content()
	if cw.shell.current != pageChannels || !screentest.ShowsText(c, "stammkunden.csv") || !screentest.ShowsText(c, "2 customers get this broadcast.") {
		t.Fatalf("the dropped file did not become the audience; the window shows %q", screentest.VisibleTexts(c))
	}
	cw.shell.show(pageSettings)
	cw.shell.onDropped(fyne.NewPos(500, 400), []fyne.URI{storage.NewFileURI(path)})
	if cw.shell.current != pageSpace {
		t.Error("a drop after leaving the new broadcast did not go to the Space")
	}
}
