package dialog360

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseWebhook feeds ParseWebhook arbitrary bodies, seeded with every
// fixture. It must never panic; a refused body must wrap
// ErrMalformedWebhook; an accepted body must be a JSON object and give a
// self-consistent batch, the same on every parse (redelivery stays
// idempotent).
func FuzzParseWebhook(f *testing.F) {
	for _, path := range whFixtures(f) {
		f.Add(whRead(f, filepath.Base(path)))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		b, err := parseWebhook(body, whReceived)
		if err != nil {
			if !errors.Is(err, ErrMalformedWebhook) {
				t.Fatalf("error %v does not wrap ErrMalformedWebhook", err)
			}
			if b.Len() != 0 || len(b.Contacts) != 0 {
				t.Fatalf("refused body still gave %d events", b.Len())
			}
			return
		}
		if !json.Valid(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))) {
			t.Fatalf("accepted a body that is not JSON: %q", body)
		}
		whCheckBatch(t, b)
		again, err := parseWebhook(body, whReceived)
		if err != nil || !reflect.DeepEqual(b, again) {
			t.Fatalf("second parse differs (err %v)", err)
		}
	})
}

// BenchmarkParseWebhook measures parsing of typical payloads, each beside
// a raw baseline: decoding the same body into map[string]any.
func BenchmarkParseWebhook(b *testing.B) {
	for _, bc := range []struct{ name, file string }{
		{"text", "pywa_message_text.json"},
		{"status", "pywa_message_status_delivered.json"},
		{"100_messages", "cloud_100_messages.json"},
	} {
		body := whRead(b, bc.file)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			events := 0
			for b.Loop() {
				batch, err := ParseWebhook(body)
				if err != nil {
					b.Fatal(err)
				}
				events += batch.Len()
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
		})
		b.Run(bc.name+"_baseline_any", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v map[string]any
				if err := json.Unmarshal(body, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
