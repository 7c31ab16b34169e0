package app_test

import (
	"testing"

	"github.com/parley-app/parley/app"
)

// A Brazilian customer whose WhatsApp id lacks the extra 9 of their
// mobile number (55 11 9xxxx-xxxx typed, 551187654321 on WhatsApp).
const (
	brTyped = "+55 11 98765-4321"
	brWAID  = "551187654321"
)

// welcomeTemplate is an approved template without parameters.
func welcomeTemplate(t *testing.T, w *world) app.Template {
	t.Helper()
	tpl := app.Template{Name: "welcome_back", Language: "pt_BR", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Olá! Sua encomenda chegou."}
	if err := w.emu.AddTemplate(testKey, tpl); err != nil {
		t.Fatal(err)
	}
	return tpl
}

// onlyConversation returns the channel's one conversation, failing when
// there are more.
func onlyConversation(t *testing.T, w *world, ch app.Channel) app.Conversation {
	t.Helper()
	cvs, err := w.core.Conversations(w.ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cvs) != 1 {
		var ids []string
		for _, cv := range cvs {
			ids = append(ids, cv.WAID)
		}
		t.Fatalf("the owner sees %d threads (%v) for one customer", len(cvs), ids)
	}
	return cvs[0]
}

// Writing first to a number typed with the extra 9 of a customer who
// already wrote from their WhatsApp id without it keeps one thread.
func TestStartingWithTheTypedNumberJoinsTheCustomersThread(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	customerWrites(t, w, ch, brWAID, "Ana Souza", "Oi, vocês entregam?")
	tpl := welcomeTemplate(t, w)
	if _, err := w.core.StartConversation(w.ctx, ch.ID, brTyped, tpl, app.TemplateValues{}); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)

	cv := onlyConversation(t, w, ch)
	if cv.WAID != brWAID || cv.ContactName != "Ana Souza" {
		t.Fatalf("the thread is keyed %q named %q, want %q, Ana Souza", cv.WAID, cv.ContactName, brWAID)
	}
	ms, err := w.core.Messages(w.ctx, cv.ID, 0, 10)
	if err != nil || len(ms) != 2 {
		t.Fatalf("the thread holds %d messages (%v), want the customer's and the template", len(ms), err)
	}
	if ms[0].Type != app.MsgTemplate || ms[0].State != app.StateSent || ms[1].Text != "Oi, vocês entregam?" {
		t.Fatalf("thread: %q %s, %q", ms[0].Text, ms[0].State, ms[1].Text)
	}
}

// A conversation started with the typed number takes the WhatsApp id the
// send returns, so the customer's answer lands in it.
func TestTheAnswerToANewConversationLandsInIt(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	tpl := welcomeTemplate(t, w)
	if _, err := w.core.StartConversation(w.ctx, ch.ID, brTyped, tpl, app.TemplateValues{}); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if cv := onlyConversation(t, w, ch); cv.WAID != brWAID {
		t.Fatalf("after the send the thread is keyed %q, want WhatsApp's %q", cv.WAID, brWAID)
	}
	customerWrites(t, w, ch, brWAID, "Ana Souza", "Obrigada!")
	cv := onlyConversation(t, w, ch)
	if ms, _ := w.core.Messages(w.ctx, cv.ID, 0, 10); len(ms) != 2 || ms[0].Text != "Obrigada!" {
		t.Fatalf("the answer is not in the thread: %+v", ms)
	}
	if cv.Unread != 1 {
		t.Errorf("unread = %d, want 1", cv.Unread)
	}
}
