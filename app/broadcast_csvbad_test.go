package app_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// endless is a file of numbers that never ends; it counts what was read.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	const line = "+49 170 1234567\n"
	n := 0
	for n < len(p) {
		n += copy(p[n:], line[(e.read+int64(n))%int64(len(line)):])
	}
	e.read += int64(n)
	return n, nil
}

// A file that cannot be used is refused at the file field in plain
// words, and nothing changes: no conversation is opened.
func TestAudienceCSVBadFiles(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if _, err := w.store.ConversationFor(w.ctx, ch.ID, "491701234567", "Anna"); err != nil {
		t.Fatal(err)
	}
	tooManyRows := "phone\n" + strings.Repeat("0170 1234567\n", app.MaxAudienceRows+1)
	cases := []struct{ name, file, says string }{
		{"empty", "", "The file is empty."},
		{"blank lines", " \r\n\r\n ,, \n\t\n", "The file is empty."},
		{"only a byte order mark", "\xef\xbb\xbf", "The file is empty."},
		{"header only", "Name;Telefon\r\n", "a row of column names but no customers"},
		{"no number column", "Name,City\nAnna,Berlin\nBen,Köln\n", "found no column of phone numbers"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not text"},
		{"controls", strings.Repeat("\x01\x02\x03abc", 50), "not text"},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00", "save it as \"CSV UTF-8\""},
		{"xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel workbook (.xls)"},
		{"pdf", "%PDF-1.7\n", "This is a PDF"},
		{"unclosed quote", "name,phone\nAnna,0170 1234567\n\"Ben,0171 7654321\nCleo,0172 1111111\n", "Row 3 opens a quote"},
		{"too many rows", tooManyRows, "more than 100,000 rows"},
		{"too many columns", "phone" + strings.Repeat(",x", app.MaxAudienceColumns) + "\n0170 1234567\n", "more than 500 columns"},
	}
	for _, tc := range cases {
		_, err := w.core.AudienceFromCSV(w.ctx, ch.ID, strings.NewReader(tc.file))
		if got := fileRefusal(t, err); !strings.Contains(got, tc.says) {
			t.Errorf("%s: %q, want it to say %q", tc.name, got, tc.says)
		}
	}
	if cvs, _ := w.core.Conversations(w.ctx, ch.ID); len(cvs) != 1 {
		t.Errorf("refused files changed the conversations: %d", len(cvs))
	}
}

// A 100 MB file is refused quickly: an open file by its size before
// reading, any other reader after 20 MB, never read to the end.
func TestAudienceCSVTooBig(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	path := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = w.core.AudienceFromCSV(w.ctx, ch.ID, f)
	if got := fileRefusal(t, err); !strings.Contains(got, "larger than 20 MB") {
		t.Errorf("a 100 MB file: %q", got)
	}
	if pos, _ := f.Seek(0, io.SeekCurrent); pos != 0 {
		t.Errorf("the 100 MB file was read to %d before being refused", pos)
	}

	src := &endless{}
	_, err = w.core.AudienceFromCSV(w.ctx, ch.ID, io.LimitReader(src, 100<<20))
	if got := fileRefusal(t, err); !strings.Contains(got, "larger than 20 MB") {
		t.Errorf("a 100 MB stream: %q", got)
	}
	if src.read > app.MaxAudienceFileBytes+64<<10 {
		t.Errorf("read %d bytes of a 100 MB stream before refusing it", src.read)
	}
}
