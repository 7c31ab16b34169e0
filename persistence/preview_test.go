package persistence

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

func TestPreview(t *testing.T) {
	long := strings.Repeat("ä", 200)
	tests := []struct {
		m    app.Message
		want string
	}{
		{app.Message{Type: app.MsgText, Text: "Hello\n  there"}, "Hello there"},
		{app.Message{Type: app.MsgImage}, "Photo"},
		{app.Message{Type: app.MsgImage, Text: "new arrivals"}, "Photo: new arrivals"},
		{app.Message{Type: app.MsgAudio, Media: &app.Media{Voice: true}}, "Voice message"},
		{app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: "invoice.pdf"}}, "Document invoice.pdf"},
		{app.Message{Type: app.MsgLocation, Location: &app.Location{Name: "Shop"}}, "Location: Shop"},
		{app.Message{Type: app.MsgContacts, Contacts: []app.SharedContact{{Name: "Bob"}}}, "Contact: Bob"},
		{app.Message{Type: app.MsgButtonReply, Text: "Yes"}, "Yes"},
		{app.Message{Type: app.MsgReaction, Text: "👍"}, "Reacted 👍"},
		{app.Message{Type: app.MsgReaction}, "Removed a reaction"},
		{app.Message{Type: app.MsgTemplate, Template: &app.TemplateSend{Name: "order_ready"}}, "Template order_ready"},
		{app.Message{Type: app.MsgUnsupported, RawType: "poll"}, "A message Parley cannot show"},
	}
	for _, tt := range tests {
		if got := preview(tt.m); got != tt.want {
			t.Errorf("preview(%s %q) = %q, want %q", tt.m.Type, tt.m.Text, got, tt.want)
		}
	}
	got := preview(app.Message{Type: app.MsgText, Text: long})
	if utf8.RuneCountInString(got) != previewMaxRunes || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("long preview = %d runes %q", utf8.RuneCountInString(got), got)
	}
}
