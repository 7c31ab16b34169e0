package inbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// TestEachMessageTypeIsShown stores one webhook sample per message type
// and checks what the owner reads in the conversation.
func TestEachMessageTypeIsShown(t *testing.T) {
	cases := []struct {
		name    string
		fixture string
		want    []string
	}{
		{"text", "pywa_message_text.json", []string{"Body Text"}},
		{"document", "flat_v1_message_media.json", []string{"Rechnung-2024-117.pdf", "PDF · 48 kB", "Rechnung", "Open", "Voice message"}},
		{"video", "pywa_message_video.json", []string{"Video", "MP4", "caption", "Forwarded", "Open"}},
		{"audio", "pywa_message_audio.json", []string{"Audio", "OGG", "Open"}},
		{"voice", "pywa_message_voice.json", []string{"Voice message"}},
		{"location", "pywa_message_chosen_location.json", []string{"Facebook HQ", "1 Hacker Way, Menlo Park, CA 94025"}},
		{"contacts", "pywa_message_contacts.json", []string{"Chandler Bing", "+1 555-555-5555", "Rachel Green"}},
		{"button reply", "pywa_callback_button_quick_reply.json", []string{"Button reply", "title"}},
		{"list reply", "pywa_callback_selection_description.json", []string{"Button reply", "title"}},
		{"system", "flat_v1_system.json", []string{"changed their phone number to +491709876543", "security code changed"}},
		{"unsupported", "pywa_message_unsupported_with_type.json", []string{widgets.UnsupportedText + " (pool)."}},
		{"order", "pywa_message_order.json", []string{"Order", "3 × HAMBURGER"}},
		{"sticker without download", "pywa_message_static_sticker.json", []string{"Couldn't download", "Try again"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sw := newSpaceWorld(t)
			sw.fixture(t, tc.fixture)
			v := sw.open(t, onlyConversation(t, sw))
			got := texts(v.content)
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("%s: missing %q; the conversation shows %q", tc.fixture, want, got)
				}
			}
		})
	}
}

// onlyConversation is the list name of the one conversation a sample
// made.
func onlyConversation(t *testing.T, sw *spaceWorld) string {
	t.Helper()
	in := sw.inbox()
	if len(in.shown) != 1 {
		t.Fatalf("the sample made %d conversations", len(in.shown))
	}
	return conversationName(in.shown[0])
}

func TestLocationLinksToTheMap(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.fixture(t, "pywa_message_chosen_location.json")
	v := sw.open(t, onlyConversation(t, sw))
	links := hyperlinks(v.content)
	if len(links) != 1 || links[0].Text != "Open map" {
		t.Fatalf("links: %+v", links)
	}
	u := links[0].URL.String()
	if !strings.HasPrefix(u, "https://www.openstreetmap.org/?mlat=37.4611978&mlon=-122.2164385") {
		t.Fatalf("map link %s", u)
	}
}

func TestPhotoIsDownloadedShownAndOpened(t *testing.T) {
	sw := newSpaceWorld(t)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgImage, "", "image/png", pngPhoto(t, 120, 80), "Das Regal, Größe M"); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	v := sw.open(t, "Anna Schmidt")
	b := bubbleWith(t, v.content, "Das Regal")
	var pic *canvas.Image
	screentest.WalkVisible(b, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil {
			pic = img
		}
	})
	if pic == nil || pic.Image.Bounds().Dx() != 120 {
		t.Fatalf("no thumbnail of the photo; the bubble shows %q", texts(b))
	}
	stored, _ := sw.Core.Messages(sw.Ctx, v.conv.ID, 0, 1)
	if stored[0].Media == nil || stored[0].Media.LocalPath == "" {
		t.Fatal("the downloaded photo was not recorded")
	}
	var photo fyne.Tappable
	screentest.WalkVisible(b, func(o fyne.CanvasObject) {
		if tap, ok := o.(fyne.Tappable); ok && photo == nil {
			photo = tap
		}
	})
	if photo == nil {
		t.Fatal("the photo cannot be clicked")
	}
	test.Tap(photo)
	if len(sw.opened) != 1 || !strings.HasPrefix(sw.opened[0], "file://") || !strings.HasSuffix(sw.opened[0], ".png") {
		t.Fatalf("clicking the photo opened %v", sw.opened)
	}
}

func TestFailedDownloadCanBeTriedAgain(t *testing.T) {
	sw := newSpaceWorld(t)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgDocument, "Angebot.pdf", "application/pdf", []byte("%PDF-1.4 offer"), ""); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	v := sw.open(t, "Anna Schmidt")
	sw.Emu.SetOffline(true)
	test.Tap(screentest.ChatButton(t, v.content, "Open"))
	if !screentest.ShowsText(v.content, "Couldn't download") || len(sw.opened) != 0 {
		t.Fatalf("offline, the document shows %q and opened %v", texts(v.content), sw.opened)
	}
	sw.Emu.SetOffline(false)
	test.Tap(screentest.ChatButton(t, v.content, "Open"))
	if len(sw.opened) != 1 || !strings.HasSuffix(sw.opened[0], ".pdf") {
		t.Fatalf("second try opened %v", sw.opened)
	}
	if screentest.ShowsText(v.content, "Couldn't download") {
		t.Error("the failure note stays after the download worked")
	}
}

func TestReactionSitsOnItsMessage(t *testing.T) {
	sw := newSpaceWorld(t)
	wamid := sw.writes(t, annaWAID, "Anna Schmidt", "See you at 3")
	react := app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.react1", From: annaWAID, Type: app.MsgReaction,
		RawType: "reaction", Text: "👍", ReplyTo: wamid, Timestamp: sw.Clock.Now()}}}
	if err := sw.ingest(sw.ch, react); err != nil {
		t.Fatal(err)
	}
	v := sw.open(t, "Anna Schmidt")
	if n := len(bubbles(v.content)); n != 1 {
		t.Fatalf("the reaction became its own bubble: %d bubbles", n)
	}
	if got := texts(bubbleWith(t, v.content, "See you at 3")); !strings.Contains(got, "👍") {
		t.Fatalf("the reacted message shows %q", got)
	}
	undo := app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.react2", From: annaWAID, Type: app.MsgReaction,
		RawType: "reaction", ReplyTo: wamid, Timestamp: sw.Clock.Now()}}}
	if err := sw.ingest(sw.ch, undo); err != nil {
		t.Fatal(err)
	}
	if got := texts(bubbleWith(t, v.content, "See you at 3")); strings.Contains(got, "👍") {
		t.Fatalf("a removed reaction is still shown: %q", got)
	}
}

func TestReplyQuotesTheMessageItAnswers(t *testing.T) {
	sw := newSpaceWorld(t)
	wamid := sw.writes(t, annaWAID, "Anna Schmidt", "Do you have spelt bread?")
	reply := app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.reply1", From: annaWAID, Type: app.MsgText,
		RawType: "text", Text: "Two loaves, please", ReplyTo: wamid, Timestamp: sw.Clock.Now()}}}
	if err := sw.ingest(sw.ch, reply); err != nil {
		t.Fatal(err)
	}
	v := sw.open(t, "Anna Schmidt")
	got := texts(bubbleWith(t, v.content, "Two loaves"))
	if !strings.Contains(got, "Anna Schmidt") || !strings.Contains(got, "Do you have spelt bread?") {
		t.Fatalf("the reply does not quote its message: %q", got)
	}
}
