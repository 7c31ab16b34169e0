package dialog360

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
)

// strictSeeds are bodies on which jsonv2 and encoding/json differ in
// leniency or could differ in result: case variants of names, duplicate
// names, invalid UTF-8, values of the wrong type, nulls, empty arrays,
// escapes and numbers at the edges of float64.
var strictSeeds = []string{
	`{"object":"whatsapp_business_account","entry":[]}`,
	`{"OBJECT":"x","Entry":[{"ID":"1","Changes":[{"FIELD":"messages","Value":{"Messages":[{"FROM":"49","Id":"a"}]}}]}]}`,
	`{"object":"a","object":"b"}`,
	`{"object":"a","Object":"b"}`,
	"{\"object\":\"\xff\"}",
	`{"object":1,"entry":[{"id":2}]}`,
	`{"object":null,"entry":null,"messages":null}`,
	`{"messages":[{"timestamp":1749000000,"from":"49","id":"x","type":"text","text":{"body":"\u00e9\ud83d\ude00"}}]}`,
	`{"messages":[{"type":"location","location":{"latitude":1e400,"longitude":-0}}]}`,
	`{"messages":[{"type":"location","location":{"latitude":"52.5"}}]}`,
	`{"statuses":[{"id":"s","status":"failed","timestamp":"17","errors":[{"code":"131047"},{"code":131026.0}]}]}`,
	`{"contacts":[{"profile":{"name":"Ann"},"wa_id":"491"}],"metadata":{}}`,
	`{"entry":[{"changes":[{"value":{"rejection_info":null,"restriction_info":[{"expiration":true}]}}]}]}`,
	`{"object":"x"} `,
	`{"object":"x"}{}`,
	`{"entry":[{"changes":[{"field":"messages","value":{"messages":[{"context":{"forwarded":"yes"}}]}}]}]}`,
}

// FuzzStrictDecodeAgrees checks the fast path of whDecode: whenever the
// strict jsonv2 decoder accepts a body, encoding/json must accept it too
// and decode exactly the same payload. Seeded with every fixture and with
// strictSeeds.
func FuzzStrictDecodeAgrees(f *testing.F) {
	for _, path := range whFixtures(f) {
		f.Add(whRead(f, filepath.Base(path)))
	}
	for _, s := range strictSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var strict whPayload
		if whDecodeStrict(body, &strict) != nil {
			return // whDecode falls back to encoding/json
		}
		var lenient whPayload
		if err := json.Unmarshal(body, &lenient); err != nil {
			t.Fatalf("jsonv2 accepted a body encoding/json refuses (%v): %q", err, body)
		}
		if !reflect.DeepEqual(strict, lenient) {
			t.Fatalf("decoders disagree on %q:\njsonv2:        %#v\nencoding/json: %#v", body, strict, lenient)
		}
	})
}

// TestStrictDecodeTakesEveryFixture makes sure the fast path is the one
// taken for real webhooks: every fixture is accepted by the strict
// decoder (except the ones that are deliberately malformed).
func TestStrictDecodeTakesEveryFixture(t *testing.T) {
	for _, path := range whFixtures(t) {
		name := filepath.Base(path)
		body := whRead(t, name)
		var lenient whPayload
		if err := json.Unmarshal(body, &lenient); err != nil {
			continue // a malformed fixture
		}
		var strict whPayload
		if err := whDecodeStrict(body, &strict); err != nil {
			t.Errorf("%s: the fast decoder refused a valid webhook: %v", name, err)
		}
	}
}
