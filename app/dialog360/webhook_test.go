package dialog360

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// whFixtureDir holds the webhook payload fixtures shared by the project.
const whFixtureDir = "../../testdata/webhooks"

// whReceived stands in for the time a payload arrived.
var whReceived = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// whCase is what one fixture must parse to.
type whCase struct {
	want    app.InboundBatch                       // compared field by field
	check   func(t *testing.T, b app.InboundBatch) // used instead of want for big payloads
	wantErr string                                 // for malformed bodies: words the error must contain
}

func whAllCases() map[string]whCase {
	all := map[string]whCase{}
	for _, part := range []map[string]whCase{whMessageCases(), whEventCases(), whOwnCases(), whCoexCases(), whHealthCases(), whFieldsCases()} {
		for name, c := range part {
			all[name] = c
		}
	}
	return all
}

func whFixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(whFixtureDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no webhook fixtures in %s (%v)", whFixtureDir, err)
	}
	sort.Strings(files)
	return files
}

func whRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(whFixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseWebhookFixtures parses every fixture and compares what the owner
// would see with the expectation written for that fixture. A fixture
// without an expectation fails the test.
func TestParseWebhookFixtures(t *testing.T) {
	cases := whAllCases()
	seen := map[string]bool{}
	for _, path := range whFixtures(t) {
		name := filepath.Base(path)
		seen[name] = true
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			c, ok := cases[name]
			if !ok {
				t.Fatalf("fixture %s has no expectation in the test table", name)
			}
			got, err := parseWebhook(whRead(t, name), whReceived)
			if c.wantErr != "" {
				if !errors.Is(err, ErrMalformedWebhook) {
					t.Fatalf("error = %v, want ErrMalformedWebhook", err)
				}
				if !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %q does not say %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseWebhook: %v", err)
			}
			whCheckBatch(t, got)
			if c.check != nil {
				c.check(t, got)
				return
			}
			whEqual(t, got, c.want)
		})
	}
	for name := range cases {
		if !seen[name] {
			t.Errorf("expectation for %s but no such fixture", name)
		}
	}
}

// whEqual fails with both batches as JSON when they differ.
func whEqual(t *testing.T, got, want app.InboundBatch) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Fatalf("parsed batch differs\n--- got:\n%s\n--- want:\n%s", g, w)
}

// whCheckBatch asserts what must hold for any accepted payload.
func whCheckBatch(t testing.TB, b app.InboundBatch) {
	t.Helper()
	contacts := map[string]bool{}
	for _, c := range b.Contacts {
		if c.WAID == "" {
			t.Fatalf("contact without WhatsApp id: %+v", c)
		}
		if contacts[c.WAID] {
			t.Fatalf("contact %q listed twice", c.WAID)
		}
		contacts[c.WAID] = true
	}
	for _, m := range b.Messages {
		switch {
		case m.WAMessageID == "":
			t.Fatalf("message without id: %+v", m)
		case m.Type == "":
			t.Fatalf("message without type: %+v", m)
		case m.From == "":
			t.Fatalf("message without sender: %+v", m)
		case !contacts[m.From]:
			t.Fatalf("sender %q of %s is not among the contacts", m.From, m.WAMessageID)
		case m.Direction != app.Inbound || m.State != app.StateReceived:
			t.Fatalf("message %s is %s/%s, want in/received", m.WAMessageID, m.Direction, m.State)
		case m.Timestamp.IsZero() || m.Timestamp.Location() != time.UTC:
			t.Fatalf("message %s has time %v, want a UTC time", m.WAMessageID, m.Timestamp)
		}
		switch m.Type {
		case app.MsgImage, app.MsgVideo, app.MsgAudio, app.MsgVoice, app.MsgDocument, app.MsgSticker:
			if m.Media == nil {
				t.Fatalf("%s message %s has no media", m.Type, m.WAMessageID)
			}
		case app.MsgLocation:
			if m.Location == nil {
				t.Fatalf("location message %s has no location", m.WAMessageID)
			}
		}
	}
	for _, m := range b.Echoes {
		if m.WAMessageID == "" || m.To == "" || m.From != "" || m.Direction != app.Outbound || !m.FromPhone ||
			m.Timestamp.IsZero() {
			t.Fatalf("echo is not an outbound message from the phone with id, recipient and time: %+v", m)
		}
	}
	for _, c := range b.PhoneContacts {
		if c.WAID == "" || (c.Removed && c.Name != "") {
			t.Fatalf("phone contact change without number, or removal with a name: %+v", c)
		}
	}
	for _, s := range b.Statuses {
		switch s.State {
		case app.StateSent, app.StateDelivered, app.StateRead, app.StateFailed:
		default:
			t.Fatalf("status of %s has state %q", s.WAMessageID, s.State)
		}
		if s.WAMessageID == "" || s.Timestamp.IsZero() {
			t.Fatalf("status without message id or time: %+v", s)
		}
		if s.State == app.StateFailed && s.ErrorText == "" {
			t.Fatalf("failed status of %s gives no reason", s.WAMessageID)
		}
	}
	for _, e := range append(append([]app.ProviderEvent{}, b.Errors...), b.Other...) {
		if e.Field == "" || e.Title == "" || e.Timestamp.IsZero() {
			t.Fatalf("event without field, title or time: %+v", e)
		}
	}
	for _, e := range b.Templates {
		if e.Event == "" || e.Timestamp.IsZero() {
			t.Fatalf("template event without event or time: %+v", e)
		}
	}
}

func TestParseWebhookMalformedSaysWhy(t *testing.T) {
	for body, why := range map[string]string{
		"":                         "the body is empty",
		" \n\t ":                   "the body is empty",
		"<html>502</html>":         "the body is not valid JSON",
		`{"object":`:               "the body is not valid JSON",
		`true`:                     "the body is JSON but not an object",
		`["a"]`:                    "the body is JSON but not an object",
		`{}`:                       "the body has none of the fields a WhatsApp webhook carries",
		`{"statuses":null}`:        "the body has none of the fields a WhatsApp webhook carries",
		strings.Repeat("[", 20000): "the body is not valid JSON",
	} {
		_, err := ParseWebhook([]byte(body))
		if !errors.Is(err, ErrMalformedWebhook) || !strings.HasSuffix(err.Error(), why) {
			t.Errorf("ParseWebhook(%.20q) error = %v, want ErrMalformedWebhook saying %q", body, err, why)
		}
	}
}

func TestParseWebhookAcceptsEmptyButKnownShapes(t *testing.T) {
	for _, body := range []string{
		`{"object":"whatsapp_business_account","entry":[]}`,
		`{"messages":[]}`,
		"\xef\xbb\xbf{\"statuses\":[]}",
	} {
		b, err := ParseWebhook([]byte(body))
		if err != nil || b.Len() != 0 || len(b.Contacts) != 0 {
			t.Errorf("ParseWebhook(%q) = %d events, %v; want an empty batch", body, b.Len(), err)
		}
	}
}

// TestParseWebhookMissingTimeIsArrivalTime checks that a message without a
// usable time is dated when it arrived, not in 1970.
func TestParseWebhookMissingTimeIsArrivalTime(t *testing.T) {
	body := []byte(`{"messages":[{"from":"491701234567","id":"ABC","type":"text","text":{"body":"hi"}}]}`)
	before := time.Now().Add(-time.Second)
	b, err := ParseWebhook(body)
	after := time.Now()
	if err != nil || len(b.Messages) != 1 {
		t.Fatalf("ParseWebhook = %+v, %v", b, err)
	}
	ts := b.Messages[0].Timestamp
	if ts.Before(before) || ts.After(after) || ts.Location() != time.UTC {
		t.Fatalf("timestamp %v not the arrival time (between %v and %v)", ts, before, after)
	}
	if !b.Contacts[0].LastInboundAt.Equal(ts) {
		t.Fatalf("contact last inbound %v, want %v", b.Contacts[0].LastInboundAt, ts)
	}
}

// TestParseWebhookSyntheticIDIsStable checks that a message without an id
// gets the same id on redelivery, and a different one for other content.
func TestParseWebhookSyntheticIDIsStable(t *testing.T) {
	body := `{"messages":[{"from":"491701234567","timestamp":"1724380000","type":"text","text":{"body":"%s"}}]}`
	parse := func(text string) string {
		t.Helper()
		b, err := ParseWebhook([]byte(strings.Replace(body, "%s", text, 1)))
		if err != nil || len(b.Messages) != 1 {
			t.Fatalf("ParseWebhook = %+v, %v", b, err)
		}
		return b.Messages[0].WAMessageID
	}
	first, again, other := parse("hello"), parse("hello"), parse("hello!")
	if !IsSyntheticID(first) || first != again {
		t.Fatalf("ids %q and %q: want one stable made-up id", first, again)
	}
	if other == first {
		t.Fatalf("different messages got the same id %q", first)
	}
	if IsSyntheticID("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=") {
		t.Fatal("a real WhatsApp id was taken for a made-up one")
	}
}
