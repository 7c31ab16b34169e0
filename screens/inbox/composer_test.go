package inbox

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/screens/screentest"
)

// typeAndSend types text into the composer and presses Enter.
func typeAndSend(v *conversationView, text string) {
	test.Type(v.composer.entry, text)
	v.composer.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestReplyIsQueuedThenTicksFollowTheStatuses(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.Emu.SetStatusDelay(time.Minute)
	question := sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	v := sw.open(t, "Anna Schmidt")

	asked := bubbleWith(t, v.content, "Is my cake ready?")
	asked.MouseIn(&desktop.MouseEvent{})
	tapLabelled(t, asked, "Reply")
	if !screentest.ShowsText(v.composer.content, "Replying to Anna Schmidt") {
		t.Fatalf("no reply chip; the composer shows %q", screentest.VisibleTexts(v.composer.content))
	}
	typeAndSend(v, "Yes, *ready* at 3pm!")

	reply := lastBubble(t, v.content)
	if reply.Message().Text != "Yes, *ready* at 3pm!" || tick(reply) != "queued" {
		t.Fatalf("after Enter the newest bubble is %q with tick %q", reply.Message().Text, tick(reply))
	}
	if v.composer.entry.Text != "" || v.composer.replyBox.Visible() {
		t.Error("the composer kept the sent text or the reply chip")
	}
	if got := texts(reply); !strings.Contains(got, "Is my cake ready?") || !strings.Contains(got, "ready at 3pm!") {
		t.Errorf("the reply bubble shows %q; it should quote the question", got)
	}

	sw.sendQueued()
	if got := tick(lastBubble(t, v.content)); got != "sent" {
		t.Fatalf("after sending the tick is %q", got)
	}
	for _, want := range []string{"delivered", "read"} {
		sw.Clock.Advance(time.Minute)
		sw.Emu.Tick()
		sw.flush(t)
		if got := tick(lastBubble(t, v.content)); got != want {
			t.Fatalf("want %s, the tick is %q", want, got)
		}
	}
	sent := sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 1 || sent[0].ReplyTo != question || sent[0].Text != "Yes, *ready* at 3pm!" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
}

func TestShiftEnterAddsALine(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	e := v.composer.entry
	test.Type(e, "Line one")
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(e, "line two")
	if e.Text != "Line one\nline two" {
		t.Fatalf("Shift+Enter: the field holds %q", e.Text)
	}
	if len(bubbles(v.content)) != 1 {
		t.Fatal("Shift+Enter sent the message")
	}
	test.Tap(screentest.Button(t, v.composer.content, "Send"))
	if got := lastBubble(t, v.content).Message().Text; got != "Line one\nline two" {
		t.Fatalf("Send queued %q", got)
	}
}

func TestFormattingIsPreviewedWhileTyping(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	test.Type(v.composer.entry, "Our *fresh* bread")
	if !v.composer.previewBox.Visible() || v.composer.preview.String() != "Our fresh bread" {
		t.Fatalf("preview shows %q (visible %v)", v.composer.preview.String(), v.composer.previewBox.Visible())
	}
}

func TestClosedWindowOffersATemplateThatCanBeSent(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Please tell me when my order is ready")
	tpl := app.Template{Name: "order_ready", Language: "en_US", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hello {{1}}, your order {{2}} is ready.", BodyExamples: []string{"Max", "#1001"}}
	if err := sw.Emu.AddTemplate(screentest.WorldKey, tpl); err != nil {
		t.Fatal(err)
	}
	sw.Clock.Advance(25 * time.Hour)
	v := sw.open(t, "Anna Schmidt")
	if !screentest.ShowsText(v.content, "Reply window closed") || !screentest.ShowsText(v.composer.content, "only allows an approved template") {
		t.Fatalf("closed window: the conversation shows %q", screentest.VisibleTexts(v.content))
	}
	if v.composer.open.Visible() {
		t.Fatal("the text field is offered although only a template can be sent")
	}

	test.Tap(screentest.Button(t, v.composer.content, "Send a template"))
	d := sw.topDialog(t)
	if !screentest.ShowsText(d, "Sync templates first") {
		t.Fatalf("before a sync the dialog shows %q", screentest.VisibleTexts(d))
	}
	test.Tap(screentest.Button(t, d, "Sync templates"))
	p := sw.picker(t)
	if len(p.shown) != 1 || p.shown[0].Name != "order_ready" {
		t.Fatalf("after the sync the picker lists %+v", p.shown)
	}
	// Bind {{1}} to the contact's name, as the template builder would.
	p.shown[0].Variables = []app.Variable{{Source: app.VarContactName}}
	p.list.Select(0)
	if !screentest.ShowsText(d, "from the contact's name") || p.form.fields[0].entry.Text != "Anna Schmidt" || p.form.fields[1].entry.Text != "#1001" {
		t.Fatalf("pre-filled values: %q / %q; the form shows %q", p.form.fields[0].entry.Text, p.form.fields[1].entry.Text, screentest.VisibleTexts(d))
	}
	p.form.fields[1].entry.SetText("")
	if !p.send.Disabled() {
		t.Fatal("Send is enabled with a value missing")
	}
	test.Type(p.form.fields[1].entry, "#4711")
	if !screentest.ShowsText(d, "#4711") {
		t.Errorf("the preview does not show the typed value: %q", screentest.VisibleTexts(d))
	}
	test.Tap(p.send)
	if sw.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after sending")
	}
	b := lastBubble(t, v.content)
	if !strings.Contains(b.Message().Text, "Hello Anna Schmidt, your order #4711 is ready.") || tick(b) != "queued" || !strings.Contains(texts(b), "order_ready") {
		t.Fatalf("template bubble: %q tick %q shows %q", b.Message().Text, tick(b), texts(b))
	}
	sw.sendQueued()
	if got := tick(lastBubble(t, v.content)); got != "sent" {
		t.Fatalf("after sending the template the tick is %q", got)
	}
}

// picker is the template picker opened last, failing without one.
func (sw *spaceWorld) picker(t *testing.T) *templatePicker {
	t.Helper()
	var p *templatePicker
	if v := sw.inbox().conv; v != nil && v.picker != nil {
		p = v.picker
	} else {
		p = sw.inbox().picker
	}
	if p == nil || sw.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("no template picker is open")
	}
	return p
}

func TestFailedMessageShowsWhyAndRetries(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, benWAID, "Ben", "Hello?")
	sw.Emu.AddUnreachable(benWAID)
	v := sw.open(t, "Ben")
	typeAndSend(v, "Your bread is ready")
	sw.sendQueued()
	sw.Emu.Tick()
	sw.flush(t)

	b := lastBubble(t, v.content)
	if tick(b) != "failed" || !strings.Contains(texts(b), "Not sent.") || !strings.Contains(texts(b), b.Message().ErrorText) || b.Message().ErrorText == "" {
		t.Fatalf("failed bubble: tick %q, shows %q", tick(b), texts(b))
	}
	test.Tap(screentest.ChatButton(t, b, "Retry"))
	if got := tick(lastBubble(t, v.content)); got != "queued" {
		t.Fatalf("after Retry the tick is %q", got)
	}
}

func TestUnknownOutcomeAsksBeforeSendingAgain(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	sw.Emu.FailNext(emulator.FaultDrop, 1)
	typeAndSend(v, "Your order ships today")
	sw.sendQueued()

	b := lastBubble(t, v.content)
	if tick(b) != "unknown" || !strings.Contains(texts(b), app.UnknownStateMessage) {
		t.Fatalf("unknown bubble: tick %q, shows %q", tick(b), texts(b))
	}
	test.Tap(screentest.ChatButton(t, b, "Send again"))
	d := sw.topDialog(t)
	if !screentest.ShowsText(d, "cannot tell whether the customer already got this message") {
		t.Fatalf("the confirmation says %q", screentest.VisibleTexts(d))
	}
	test.Tap(screentest.Button(t, d, "Send again"))
	if got := tick(lastBubble(t, v.content)); got != "queued" {
		t.Fatalf("after confirming the tick is %q", got)
	}
}

func TestNewConversationStartsWithATemplate(t *testing.T) {
	sw := newSpaceWorld(t)
	tpl := app.Template{Name: "welcome", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body: "Welcome to our bakery!"}
	if err := sw.Emu.AddTemplate(screentest.WorldKey, tpl); err != nil {
		t.Fatal(err)
	}
	if _, err := sw.Core.SyncTemplates(sw.Ctx, sw.ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	test.Tap(screentest.Button(t, sw.shell.space.Content, "Start a conversation"))
	d := sw.topDialog(t)
	p := sw.picker(t)
	p.list.Select(0)
	if !p.send.Disabled() {
		t.Fatal("Send is enabled without a number")
	}
	test.Type(p.number, "+49 170 5550123")
	test.Tap(p.send)
	if sw.Window.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", screentest.VisibleTexts(d))
	}
	v := sw.conv(t)
	if v.conv.WAID != "491705550123" || !screentest.ShowsText(v.content, "Welcome to our bakery!") || !screentest.ShowsText(v.content, "has not written to you yet") {
		t.Fatalf("the new conversation shows %q", screentest.VisibleTexts(v.content))
	}
}

// Ctrl+Enter sends like Enter; the text goes, the field empties.
func TestCtrlEnterSends(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	e := v.composer.entry
	test.Type(e, "See you at 4")
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if got := lastBubble(t, v.content).Message().Text; got != "See you at 4" {
		t.Fatalf("after Ctrl+Enter the newest bubble is %q", got)
	}
	if e.Text != "" {
		t.Errorf("the field kept %q", e.Text)
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if n := len(bubbles(v.content)); n != 2 {
		t.Errorf("Ctrl+Enter on an empty field made %d bubbles, want the 2 there were", n)
	}
}

// TestComposerGrowsWithWrappedText: a long message that wraps makes the
// field taller, as new lines do, so the owner sees what they wrote.
func TestComposerGrowsWithWrappedText(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	e := v.composer.entry
	one := e.MinSize().Height
	test.Type(e, strings.Repeat("Your order is ready for pickup at the counter. ", 4))
	if e.MinSize().Height <= one {
		t.Errorf("the field stays %v tall with a text that wraps", e.MinSize().Height)
	}
}
