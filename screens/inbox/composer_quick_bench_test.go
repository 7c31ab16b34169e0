package inbox

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// sampleQuickReplies are n quick replies with distinct titles, some
// about opening hours.
func sampleQuickReplies(n int) []app.QuickReply {
	topics := []string{"Opening hours", "Where to park", "Delivery times", "Gift vouchers", "Allergens", "Birthday cakes", "Payment"}
	rs := make([]app.QuickReply, n)
	for i := range rs {
		topic := topics[i%len(topics)]
		rs[i] = app.QuickReply{ID: int64(i + 1), Position: i, Title: fmt.Sprintf("%s %d", topic, i),
			Text: fmt.Sprintf("Hello {{name}}, about %s: we are happy to help, ask us anything (%d).", strings.ToLower(topic), i)}
	}
	return rs
}

// BenchmarkQuickReplyKeystroke measures the "/" list with 500 quick
// replies under Fyne's test driver: opening it ("/"), and one keystroke
// that changes what it shows ("/open" ↔ "/park", every row drawn anew):
// filtering, the list's refresh and its placement. The raw baseline, timed in the same run, is a plain
// strings.Contains loop over the 500 lower-cased titles. The target is
// under 2 ms a keystroke.
func BenchmarkQuickReplyKeystroke(b *testing.B) {
	test.NewTempApp(b)
	rs := sampleQuickReplies(500)
	c := newComposer(func() {}, nil, nil)
	w := test.NewTempWindow(b, c.content)
	w.Resize(fyne.NewSize(900, 700))
	q := newQuickPicker(c.entry, nil)
	c.quick = q
	q.setReplies(rs)

	lower := make([]string, len(rs))
	for i, r := range rs {
		lower[i] = strings.ToLower(r.Title)
	}
	const rawRounds = 2000
	start := time.Now()
	hits := 0
	for range rawRounds {
		for _, s := range lower {
			if strings.Contains(s, "open") {
				hits++
			}
		}
	}
	raw := float64(time.Since(start).Nanoseconds()) / rawRounds
	if hits == 0 {
		b.Fatal("baseline found nothing")
	}

	report := func(b *testing.B) {
		perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(perOp/1e6, "ms/keystroke")
		b.ReportMetric(perOp/raw, "x-raw-contains")
		b.ReportMetric(raw/1e3, "raw-µs")
	}
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			c.entry.SetText("")
			c.entry.SetText("/")
			c.entry.CursorColumn = 1
			q.update()
			if !q.isOpen() || len(q.shown) != 500 {
				b.Fatalf("the list shows %d", len(q.shown))
			}
		}
		report(b)
	})
	b.Run("keystroke", func(b *testing.B) {
		i := 0
		for b.Loop() {
			text := []string{"/open", "/park"}[i%2]
			i++
			c.entry.Text = text
			c.entry.CursorColumn = len(text)
			q.update()
			if !q.isOpen() || len(q.shown) == 0 {
				b.Fatalf("%s shows nothing", text)
			}
		}
		report(b)
	})
}
