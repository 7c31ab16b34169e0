package inbox

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

func TestSpaceListsConversationsNewestFirst(t *testing.T) {
	sw := newSpaceWorld(t)
	if !screentest.ShowsText(sw.shell.space.Content, "No messages yet") {
		t.Fatalf("an empty Space shows %q", screentest.VisibleTexts(sw.shell.space.Content))
	}
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.Clock.Advance(time.Minute)
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	sw.writes(t, benWAID, "Ben", "Two loaves please")

	in := sw.inbox()
	if len(in.shown) != 2 || conversationName(in.shown[0]) != "Ben" || conversationName(in.shown[1]) != "Anna Schmidt" {
		t.Fatalf("list order: %+v", in.shown)
	}
	list := sw.shell.space.Content
	for _, want := range []string{"Ben", "Two loaves please", "Anna Schmidt", "Is my cake ready?", "open · 23h left", "2", "1", "10:01"} {
		if !screentest.ShowsText(list, want) {
			t.Errorf("the list does not show %q; it shows %q", want, screentest.VisibleTexts(list))
		}
	}
	if screentest.ShowsText(list, "No messages yet") {
		t.Error("the empty state stays although conversations exist")
	}
}

func TestOpeningAConversationMarksItRead(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, annaWAID, "Anna Schmidt", "It's for *Saturday*")

	v := sw.open(t, "Anna Schmidt")
	for _, want := range []string{"Anna Schmidt", "+49 170 1234567", "Reply window open · 24 h 0 min left", "Today", "Is my cake ready?", "It's for Saturday"} {
		if !screentest.ShowsText(v.content, want) {
			t.Errorf("the conversation does not show %q; it shows %q", want, screentest.VisibleTexts(v.content))
		}
	}
	if cv, _ := sw.Core.Conversation(sw.Ctx, v.conv.ID); cv.Unread != 0 {
		t.Errorf("unread after opening: %d", cv.Unread)
	}
	if u := sw.inbox().shown[0].Unread; u != 0 {
		t.Errorf("the list still counts %d unread", u)
	}
}

func TestLiveArrivalUpdatesTheOpenConversation(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hello")
	v := sw.open(t, "Anna Schmidt")
	sw.Clock.Advance(time.Minute)
	sw.writes(t, annaWAID, "Anna Schmidt", "Are you open on Sunday?")

	if !screentest.ShowsText(v.content, "Are you open on Sunday?") {
		t.Fatalf("the new message did not appear; the conversation shows %q", screentest.VisibleTexts(v.content))
	}
	if !v.atBottom() {
		t.Error("the view did not follow the new message although it showed the newest one")
	}
	if cv, _ := sw.Core.Conversation(sw.Ctx, v.conv.ID); cv.Unread != 0 {
		t.Errorf("a message arriving in the open conversation is counted unread (%d)", cv.Unread)
	}
}

func TestLiveArrivalKeepsTheScrollPosition(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.bulk(t, 40)
	v := sw.open(t, "Anna Schmidt")
	v.scroll.ScrollToOffset(fyne.NewPos(0, 300))
	sw.writes(t, annaWAID, "Anna Schmidt", "One more thing")
	if !screentest.ShowsText(v.content, "One more thing") {
		t.Fatal("the new message did not appear")
	}
	if v.scroll.Offset.Y != 300 {
		t.Errorf("reading older messages, the view jumped from 300 to %v", v.scroll.Offset.Y)
	}
}

func TestScrollingUpLoadsOlderMessages(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.bulk(t, 70)
	v := sw.open(t, "Anna Schmidt")
	if loaded := loadedTexts(v); len(loaded) != 50 || loaded[0] != "message 21" || loaded[49] != "message 70" {
		t.Fatalf("the first page should hold messages 21–70; it holds %q", loaded)
	}
	if !screentest.ShowsText(v.content, "message 70") || screentest.ShowsText(v.content, "message 21") {
		t.Fatalf("at the newest message only the rows near the view are drawn; it shows %q", screentest.VisibleTexts(v.content))
	}
	bottom := v.scroll.Offset.Y
	if bottom == 0 {
		t.Fatal("the conversation did not open at its newest message")
	}
	// Where message 21 sits at the top, before older messages load.
	v.scroll.ScrollToOffset(fyne.NewPos(0, 0))
	v.followView()
	before := bubbleWith(t, v.content, "message 21").Position().Y
	v.scroll.ScrollToOffset(fyne.NewPos(0, bottom))
	v.followView()

	v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: bottom}}) // the owner scrolls to the top
	if loaded := loadedTexts(v); len(loaded) != 70 || loaded[0] != "message 1" {
		t.Fatalf("older messages did not load; it holds %q", loaded)
	}
	after := bubbleWith(t, v.content, "message 21").Position().Y - v.scroll.Offset.Y
	if math.Abs(float64(after-before)) > 2 {
		t.Errorf("loading older messages moved the view: message 21 went from %v to %v", before, after)
	}
	if v.hasOlder {
		t.Error("all 70 messages are loaded, yet more are expected")
	}
}

func TestChannelFilterWithSeveralNumbers(t *testing.T) {
	sw := newSpaceWorld(t)
	const key2, number2 = "TESTKEY-second-number-0000", "+4930999888"
	sw.Emu.AddNumber(key2, number2, "Café Müller")
	ch2, err := sw.Core.AddChannel(sw.Ctx, app.NewChannel{Name: "Café", Number: number2, APIKey: key2})
	if err != nil {
		t.Fatal(err)
	}
	sw.hookUp(t, ch2, key2)
	sw.writes(t, annaWAID, "Anna Schmidt", "Bakery question")
	if _, err := sw.Emu.Inbound(key2, benWAID, "Ben", "Café question"); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)

	in := sw.inbox()
	if !in.filterBox.Visible() || len(in.shown) != 2 {
		t.Fatalf("two channels: filter visible %v, %d conversations", in.filterBox.Visible(), len(in.shown))
	}
	in.filterBox.SetSelected(channelLabel(ch2))
	if len(in.shown) != 1 || conversationName(in.shown[0]) != "Ben" {
		t.Fatalf("filtered to Café: %+v", in.shown)
	}
	in.filterBox.SetSelected(allChannels)
	if len(in.shown) != 2 {
		t.Fatalf("all channels again: %d conversations", len(in.shown))
	}
	v := sw.open(t, "Ben")
	if !screentest.ShowsText(v.content, "to Café") {
		t.Errorf("with several numbers the header should say which one; it shows %q", screentest.VisibleTexts(v.header.content))
	}
}

func TestNewMessageNotifiesWhenTheWindowIsNotInFront(t *testing.T) {
	sw := newSpaceWorld(t)
	var got []*fyne.Notification
	n := newMessageNotifier(sw.shell.env)
	n.send = func(note *fyne.Notification) { got = append(got, note) }
	sw.Core.Events().Subscribe(n.onCoreEvent)

	sw.writes(t, annaWAID, "Anna Schmidt", "Seen while you look")
	if len(got) != 0 {
		t.Fatalf("notified while Parley was in front: %+v", got[0])
	}
	n.focused.Store(false)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	if len(got) != 1 || got[0].Title != "Anna Schmidt" || !strings.Contains(got[0].Content, "Is my cake ready?") {
		t.Fatalf("notifications: %+v", got)
	}
}

func TestCountdownFollowsTheClock(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hello")
	v := sw.open(t, "Anna Schmidt")
	sw.Clock.Advance(90 * time.Minute)
	v.tick()
	if !screentest.ShowsText(v.header.content, "Reply window open · 22 h 30 min left") {
		t.Fatalf("after 90 minutes the header shows %q", screentest.VisibleTexts(v.header.content))
	}
	sw.Clock.Advance(23 * time.Hour)
	v.tick()
	if !screentest.ShowsText(v.header.content, "Reply window closed") || !screentest.ShowsText(v.content, "Send a template") {
		t.Fatalf("after the window closed it shows %q", screentest.VisibleTexts(v.content))
	}
	if v.composer.entry.Visible() && v.composer.open.Visible() {
		t.Error("the text field is still offered with the window closed")
	}
	if !screentest.ShowsText(sw.shell.space.Content, "closed") {
		t.Errorf("the list does not mark the window closed: %q", screentest.VisibleTexts(sw.inbox().list))
	}
}

// A burst of messages while Parley is in the background makes one
// notification, then one that counts the rest, not one per message.
func TestBurstOfMessagesMakesFewNotifications(t *testing.T) {
	sw := newSpaceWorld(t)
	var got []*fyne.Notification
	e := sw.shell.env
	e.NotifyGap = time.Hour // the test posts what is due itself
	n := newMessageNotifier(e)
	n.send = func(note *fyne.Notification) { got = append(got, note) }
	n.focused.Store(false)
	sw.Core.Events().Subscribe(n.onCoreEvent)

	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, annaWAID, "Anna Schmidt", "With candles please")
	sw.writes(t, "4915112345678", "Ben Meyer", "Do you deliver?")
	if len(got) != 1 || got[0].Title != "Anna Schmidt" {
		t.Fatalf("after three messages in a burst: %+v, want only the first told at once", got)
	}
	n.postDue() // the gap has passed
	if len(got) != 2 || got[1].Title != "New WhatsApp messages" || got[1].Content != "2 new messages from 2 customers" {
		t.Fatalf("after the gap: %+v, want the other two told together", got)
	}
	n.postDue()
	if len(got) != 2 {
		t.Errorf("nothing new arrived, yet another notification: %+v", got[2])
	}
}

// loadedTexts are the texts of the messages a conversation has loaded,
// oldest first, drawn or not.
func loadedTexts(v *conversationView) []string {
	out := make([]string, 0, len(v.msgs))
	for _, m := range v.msgs {
		out = append(out, m.Text)
	}
	return out
}
