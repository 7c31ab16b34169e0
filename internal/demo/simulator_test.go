package demo

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// TestCustomersKeepWriting: while the demo runs, a customer writes every
// 30 to 90 seconds, and the message arrives in Parley by webhook at the
// receiver of Parley's services.
func TestCustomersKeepWriting(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	ws := w.startWithServices()
	var mu sync.Mutex // the core publishes on the receiver's goroutine
	var received []app.Event
	ws.Core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMessagesReceived {
			mu.Lock()
			received = append(received, e)
			mu.Unlock()
		}
	})

	ws.sim.step(ctx)
	flush(t, ws)
	if n := countConversations(t, ws); n != len(history()) {
		t.Fatalf("a customer wrote at once: %d conversations", n)
	}

	w.clock.Advance(maxPause)
	ws.sim.step(ctx)
	flush(t, ws)
	first := liveScript()[0]
	ms := messagesWith(t, ws, first.who)
	if len(ms) != 1 || ms[0].Text != first.say.text || ms[0].Direction != app.Inbound {
		t.Fatalf("after 90 seconds %s's conversation holds %+v", first.who.Name, ms)
	}
	if cv := conversationWith(t, ws, first.who); cv.Unread != 1 || cv.ContactName != first.who.Name {
		t.Errorf("the new conversation shows %q with %d unread", cv.ContactName, cv.Unread)
	}
	mu.Lock()
	told := len(received) == 1 && slices.Equal(received[0].ConversationIDs, []int64{ms[0].ConversationID}) &&
		len(received[0].Received) == 1 && received[0].Received[0].ID == ms[0].ID
	mu.Unlock()
	if !told {
		t.Errorf("the screens were not told about the new message before it was acknowledged: %+v", received)
	}

	// Over the next quarter of an hour everyone in the script writes once.
	for i := 0; i < 15*60; i++ {
		w.clock.Advance(time.Second)
		ws.sim.step(ctx)
	}
	flush(t, ws)
	for _, line := range liveScript() {
		found := false
		for _, m := range messagesWith(t, ws, line.who) {
			if m.Timestamp.After(ws.sim.now().Add(-16*time.Minute)) && m.Type == line.say.kind && m.Text == line.say.text {
				found = true
			}
		}
		if !found {
			t.Errorf("%s's %s %q did not arrive", line.who.Name, line.say.kind, line.say.text)
		}
	}
	place := messagesWith(t, ws, anna)
	last := place[len(place)-1]
	if last.Type != app.MsgText || last.Text != liveScript()[8].then {
		t.Errorf("after her location Anna's last message is %s %q", last.Type, last.Text)
	}
}

// TestCustomersTapTemplateButtons: a customer who gets a template with
// quick replies taps one a few seconds later and writes a line after it;
// the owner can then answer freely.
func TestCustomersTapTemplateButtons(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	ws := w.start()
	p, err := ws.Core.ChannelProvider(ctx, ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := p.SendTemplate(ctx, lena.waID(), app.TemplateSend{Name: "order_ready", Language: "de",
		BodyParams: []string{"Lena", "#1051", "18"}})
	if err != nil {
		t.Fatalf("send order_ready to Lena: %v", err)
	}
	before := len(messagesWith(t, ws, lena))

	ws.sim.step(ctx)
	w.clock.Advance(maxTap)
	ws.sim.step(ctx)
	ms := messagesWith(t, ws, lena)
	if len(ms) != before+1 {
		t.Fatalf("Lena has %d messages %s after the template, want %d", len(ms), maxTap, before+1)
	}
	tapped := ms[len(ms)-1]
	if tapped.Type != app.MsgButtonReply || tapped.ReplyTo != sent.WAMessageID ||
		(tapped.Text != "Ich komme gleich" && tapped.Text != "Morgen früh") {
		t.Errorf("Lena's answer to the template: %s %q replying to %q", tapped.Type, tapped.Text, tapped.ReplyTo)
	}

	w.clock.Advance(typing)
	ws.sim.step(ctx)
	flush(t, ws)
	ms = messagesWith(t, ws, lena)
	if last := ms[len(ms)-1]; last.Type != app.MsgText || last.Text != afterTap[tapped.Text] {
		t.Errorf("after tapping %q Lena wrote %s %q", tapped.Text, last.Type, last.Text)
	}
	if _, err := p.SendText(ctx, lena.waID(), "Bis gleich, Lena!", ""); err != nil {
		t.Errorf("a free reply after Lena's answer failed: %v", err)
	}
}

func countConversations(t *testing.T, ws *Workspace) int {
	t.Helper()
	cvs, err := ws.Core.Conversations(context.Background(), ws.Channel.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(cvs)
}
