package receiver_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/logfile"
	"github.com/parley-app/parley/internal/testkit"
)

// countingWriter counts the bytes and lines (one write per record) that
// reach the log file.
type countingWriter struct {
	w            io.Writer
	bytes, lines atomic.Int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.bytes.Add(int64(len(p)))
	c.lines.Add(1)
	return c.w.Write(p)
}

// floodRequests is how many bad requests the flood test sends, a
// quarter of each kind.
const floodRequests = 20000

// summaryLine matches the line that sums up the refusals not logged one
// by one.
var summaryLine = regexp.MustCompile(`msg="webhook refused (\d+) more times \(not logged one by one\): ([^"]+)"`)

// TestAFloodOfBadRequestsCannotFloodTheLog sends 20,000 bad requests
// (unknown addresses, wrong secrets, bodies that are not webhooks, other
// paths) within one minute to a receiver logging, as Parley does, to
// parley.log with the default size limit. The log stays small, nothing is
// rotated away, each reason's first refusals are logged one by one and
// the rest are summed up with their exact count, and a good webhook right
// after the flood is still stored.
func TestAFloodOfBadRequestsCannotFloodTheLog(t *testing.T) {
	dir := t.TempDir()
	lf, err := logfile.Open(dir, logfile.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lf.Close() })
	out := &countingWriter{w: lf}
	clock := testkit.NewClock(time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC))
	e := newEnv(t, func(c *receiver.Config) {
		c.Log = slog.New(slog.NewTextHandler(out, nil)).With("component", "receiver")
		c.Clock = clock
	})
	good := e.rcv.URLFor(e.ch)
	kinds := []struct {
		reason  string // "" when not logged at all
		url     string
		body    string
		headers map[string]string
		want    int
	}{
		{"unknown address", strings.Replace(good, e.ch.WebhookToken, "guessed-token", 1), "{}", nil, http.StatusNotFound},
		{"missing or wrong secret header", good, "{}", map[string]string{receiver.DefaultSecretHeader: "guess"}, http.StatusUnauthorized},
		{"not a WhatsApp webhook", e.rcv.URLFor(e.open), "not a webhook", nil, http.StatusBadRequest},
		{"", "http://" + e.rcv.Addr() + "/wp-login.php", "{}", nil, http.StatusNotFound},
	}
	send := func(from, to int) {
		var wg sync.WaitGroup
		var wrong atomic.Int64
		const workers = 8
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := from + w; i < to; i += workers {
					k := kinds[i%len(kinds)]
					if got := e.post(k.url, []byte(k.body), k.headers); got != k.want {
						wrong.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		if n := wrong.Load(); n > 0 {
			t.Fatalf("%d bad requests got an unexpected answer", n)
		}
	}
	send(0, floodRequests)
	if s := e.postSigned(textPayload("491702222222", "Bea", "wamid.after-flood")); s != http.StatusOK {
		t.Fatalf("a good webhook after the flood answered %d", s)
	}
	if got := e.messages(e.ch.ID, "491702222222"); len(got) != 1 {
		t.Fatalf("the good webhook after the flood stored %d messages, want 1", len(got))
	}
	// A minute later one more bad request of each kind: it is logged, and
	// the minute before is summed up.
	clock.Advance(time.Minute)
	send(0, len(kinds))
	t.Logf("%d bad requests wrote %d log lines, %d bytes", floodRequests+len(kinds), out.lines.Load(), out.bytes.Load())
	if n := out.bytes.Load(); n > 20<<10 || out.lines.Load() > 100 {
		t.Errorf("%d bad requests wrote %d bytes (%d lines) to the log, want less than 20 KB and 100 lines",
			floodRequests, n, out.lines.Load())
	}
	if _, err := os.Stat(filepath.Join(dir, logfile.Name+".1")); err == nil {
		t.Error("the flood rotated the log file")
	}
	text, err := os.ReadFile(lf.Path())
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]int{}
	for _, m := range summaryLine.FindAllStringSubmatch(string(text), -1) {
		n, _ := strconv.Atoi(m[1])
		held[m[2]] += n
	}
	perKind := floodRequests / len(kinds)
	for _, k := range kinds[:3] {
		one := strings.Count(string(text), `msg="webhook refused: `+k.reason+`"`)
		if one != 5+1 || held[k.reason] != perKind-5 {
			t.Errorf("%q: %d lines one by one and %d summed up, want 6 and %d", k.reason, one, held[k.reason], perKind-5)
		}
	}
	if t.Failed() {
		t.Logf("log:\n%s", text)
	}
}

// TestShutdownWritesTheRefusalsStillHeldBack checks that refusals held
// back are summed up when the receiver stops, and that the limit counts
// each channel on its own.
func TestShutdownWritesTheRefusalsStillHeldBack(t *testing.T) {
	logs := &testkit.LogBuffer{}
	e := newEnv(t, func(c *receiver.Config) {
		c.Log = logs.Logger()
		c.Clock = testkit.NewClock(time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC))
	})
	for range 12 {
		e.post(e.rcv.URLFor(e.ch), []byte("not a webhook"), map[string]string{receiver.DefaultSecretHeader: testSecret})
	}
	for range 3 {
		e.post(e.rcv.URLFor(e.open), []byte("not a webhook"), nil)
	}
	if err := e.rcv.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	got := logs.String()
	shop := fmt.Sprintf("channel=%d", e.ch.ID)
	open := fmt.Sprintf("channel=%d", e.open.ID)
	var shopOne, openOne, summaries int
	for _, line := range strings.Split(got, "\n") {
		switch {
		case summaryLine.MatchString(line):
			summaries++
			if !strings.Contains(line, shop) || !strings.Contains(line, "count=7") {
				t.Errorf("summary %q, want 7 held back for the shop channel", line)
			}
		case strings.Contains(line, `msg="webhook refused: not a WhatsApp webhook"`) && strings.Contains(line, shop):
			shopOne++
		case strings.Contains(line, `msg="webhook refused: not a WhatsApp webhook"`) && strings.Contains(line, open):
			openOne++
		}
	}
	if shopOne != 5 || openOne != 3 || summaries != 1 {
		t.Errorf("logged %d + %d one by one and %d summaries, want 5 + 3 and 1:\n%s", shopOne, openOne, summaries, got)
	}
}
