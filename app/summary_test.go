package app_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// TestSummary: every kind of message has one short line, the same for
// the inbox, notifications and quoted replies.
func TestSummary(t *testing.T) {
	tests := []struct {
		m    app.Message
		want string
	}{
		{app.Message{Type: app.MsgText, Text: "Hello\n  there"}, "Hello there"},
		{app.Message{Type: app.MsgImage}, "Photo"},
		{app.Message{Type: app.MsgImage, Text: "new arrivals"}, "Photo: new arrivals"},
		{app.Message{Type: app.MsgVideo, Text: "unboxing"}, "Video: unboxing"},
		{app.Message{Type: app.MsgAudio}, "Audio"},
		{app.Message{Type: app.MsgAudio, Media: &app.Media{Voice: true}}, "Voice message"},
		{app.Message{Type: app.MsgVoice}, "Voice message"},
		{app.Message{Type: app.MsgDocument}, "Document"},
		{app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: "invoice.pdf"}}, "Document invoice.pdf"},
		{app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: "Rechnung\u202Efdp.exe"}}, "Document Rechnungfdp.exe"},
		{app.Message{Type: app.MsgDocument, Text: "for May", Media: &app.Media{Filename: "invoice.pdf"}}, "Document invoice.pdf: for May"},
		{app.Message{Type: app.MsgSticker}, "Sticker"},
		{app.Message{Type: app.MsgLocation}, "Location"},
		{app.Message{Type: app.MsgLocation, Location: &app.Location{Name: "Shop"}}, "Location: Shop"},
		{app.Message{Type: app.MsgContacts, Contacts: []app.SharedContact{{Name: "Bob"}}}, "Contact: Bob"},
		{app.Message{Type: app.MsgContacts, Contacts: []app.SharedContact{{Name: "Bob"}, {Name: "Eve"}}}, "Contact card"},
		{app.Message{Type: app.MsgButtonReply, Text: "Yes"}, "Yes"},
		{app.Message{Type: app.MsgReaction, Text: "👍"}, "Reacted 👍"},
		{app.Message{Type: app.MsgReaction}, "Removed a reaction"},
		{app.Message{Type: app.MsgTemplate, Template: &app.TemplateSend{Name: "order_ready"}}, "Template order_ready"},
		{app.Message{Type: app.MsgOrder}, "Order"},
		{app.Message{Type: app.MsgSystem}, "WhatsApp notice"},
		{app.Message{Type: app.MsgUnsupported, RawType: "poll"}, "A message Parley cannot show"},
	}
	for _, tt := range tests {
		if got := app.Summary(tt.m); got != tt.want {
			t.Errorf("Summary(%s %q) = %q, want %q", tt.m.Type, tt.m.Text, got, tt.want)
		}
	}
	got := app.Summary(app.Message{Type: app.MsgText, Text: strings.Repeat("ä", 200)})
	if utf8.RuneCountInString(got) != app.SummaryMaxRunes || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("a long text sums up to %d runes %q", utf8.RuneCountInString(got), got)
	}
}
