package app_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/parley-app/parley/app"
)

// FuzzAudienceCSV feeds AudienceFromCSV arbitrary files for a German
// channel with a known and an opted-out customer: it must never panic,
// refuse a file only at the file field, never return a recipient whose
// WhatsApp id is not a valid number or is there twice, and account for
// every row it read (a recipient, an invalid row, a duplicate or an
// opt-out).
func FuzzAudienceCSV(f *testing.F) {
	for _, seed := range []string{
		"Name;Telefon;Straße\r\nJürgen Müller;0170 1234567;Hauptstraße 1\r\n",
		"\xef\xbb\xbfphone,name\n+49 170 1234567,Anna\n0170 1234567,dup\n0171 7654321,stop\n",
		"\xff\xfep\x00h\x00o\x00n\x00e\x00\n\x000\x001\x007\x000\x001\x002\x003\x004\x005\x006\x007\x00",
		"Nome\tCelular\nAna\t+55 11 98765-4321\nBia\t551187654321\n",
		"name,phone,note\n\"Müller, Hans\",0170 1234567,\"two\nlines\"\n",
		"phone\n=\"0170 1234567\"\n=1+1\n@cmd\n4.91701E+11\n0800 1234567\n+999 1234567\n",
		"0170 1234567\n\n491701234567\n+52 1 55 1234 5678\n",
		"a,b\n\"unclosed,1\n",
		"PK\x03\x04",
		"\x00\x01\x02",
		"M\xfcller;0170 1234567\n",
	} {
		f.Add([]byte(seed))
	}
	w := buildWorld(f, false, nil)
	ch := w.tw.AddChannel(f)
	if _, err := w.store.ConversationFor(w.ctx, ch.ID, "491701234567", "Anna"); err != nil {
		f.Fatal(err)
	}
	stop, err := w.store.ConversationFor(w.ctx, ch.ID, "491717654321", "Stop")
	if err != nil {
		f.Fatal(err)
	}
	if err := w.core.SetOptedOut(w.ctx, stop.ID, true); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, file []byte) {
		a, err := w.core.AudienceFromCSV(w.ctx, ch.ID, bytes.NewReader(file))
		if err != nil {
			var verrs app.ValidationErrors
			if !errors.Is(err, app.ErrAudienceFile) || !errors.As(err, &verrs) || verrs.For(app.FieldBroadcastFile) == "" {
				t.Fatalf("refused not at the file field: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, r := range a.Recipients {
			if e164, err := app.NormalizePhone("+" + r.WAID); err != nil || e164 != "+"+r.WAID {
				t.Fatalf("recipient of row %d has WhatsApp id %q: %v", r.Row, r.WAID, err)
			}
			if seen[r.WAID] {
				t.Fatalf("recipient %q is there twice", r.WAID)
			}
			seen[r.WAID] = true
			if r.Row < 1 {
				t.Fatalf("recipient %q has row %d", r.WAID, r.Row)
			}
		}
		for _, inv := range a.Invalid {
			if inv.Row < 1 || inv.Reason == "" {
				t.Fatalf("invalid row %+v", inv)
			}
		}
		if n := len(a.Recipients) + len(a.Invalid) + a.Duplicates + a.OptedOut; n != a.Rows || a.Rows == 0 {
			t.Fatalf("%d rows read, %d accounted for: %+v", a.Rows, n, a)
		}
		if a.NumberColumn == "" || len(a.Columns) == 0 {
			t.Fatalf("no number column: %+v", a)
		}
	})
}
