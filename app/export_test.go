package app_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestExportConversationEscapesWhatCustomersWrite: a customer whose
// name is a script, who writes HTML and sends a file named to climb out
// of the folder, exports as a page that shows all of it as text, with the
// file copied inside the export folder and linked.
func TestExportConversationEscapesWhatCustomersWrite(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hostile := "<script>alert('name')</script>"
	conv := customerSays(t, w, ch, "4917", hostile, "wamid.1", `<img src=x onerror="alert(1)"> and "quotes" & more`)
	ms, err := w.core.Ingest(w.ctx, ch.ID, app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.2", From: "4917",
		Type: app.MsgDocument, RawType: "document", Timestamp: w.clock.Now(),
		Media: &app.Media{ID: "m1", MIMEType: "text/html", Filename: `../../..\evil<b>.html`, Caption: "my </div> invoice"}}}})
	if err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "saved.html")
	if err := os.WriteFile(saved, []byte("<h1>file</h1>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := w.store.SetMediaPath(w.ctx, ms[0].ID, saved); err != nil {
		t.Fatal(err)
	}

	out := t.TempDir()
	folder, err := w.core.ExportConversation(w.ctx, conv, out)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(folder) != out || strings.ContainsAny(filepath.Base(folder), `<>/\`) {
		t.Errorf("the export folder is %q, want a safe name inside %q", folder, out)
	}
	page, err := os.ReadFile(filepath.Join(folder, "conversation.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, bad := range []string{"<script>", "<img src=x", "</div> invoice", "<b>"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page carries %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "&lt;img src=x", "&amp; more", "my &lt;/div&gt; invoice"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	copied, err := filepath.Glob(filepath.Join(folder, "media", "*"))
	if err != nil || len(copied) != 1 {
		t.Fatalf("media folder holds %v (%v), want the one file", copied, err)
	}
	if base := filepath.Base(copied[0]); strings.ContainsAny(base, `<>\/`) || !strings.HasSuffix(base, "evil_b_.html") {
		t.Errorf("the file was copied as %q", base)
	}
	if !strings.Contains(html, `href="media/`+filepath.Base(copied[0])) {
		t.Errorf("the page does not link the copied file %s", filepath.Base(copied[0]))
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("the export wrote %d things into the chosen folder, want its one folder", len(entries))
	}
	text, err := os.ReadFile(filepath.Join(folder, "conversation.txt"))
	if err != nil || !strings.Contains(string(text), hostile+`: <img src=x onerror="alert(1)"> and "quotes" & more`) {
		t.Errorf("the text file reads:\n%s (%v)", text, err)
	}

	// All conversations: an index page linking each, escaped too.
	all, err := w.core.ExportAllConversations(w.ctx, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(all, "index.html"))
	if err != nil || strings.Contains(string(index), "<script>") || !strings.Contains(string(index), "conversation.html") {
		t.Errorf("index:\n%s (%v)", index, err)
	}
}

// TestExportContactsDefusesFormulas: cells a spreadsheet would run as
// formulas come out as text; numbers stay numbers.
func TestExportContactsDefusesFormulas(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	conv := customerSays(t, w, ch, "4917", "=HYPERLINK(\"http://evil\",\"x\")", "wamid.1", "Hi")
	if _, err := w.core.SaveContact(w.ctx, conv, app.ContactFields{CustomName: "+1+cmd|' /C calc'!A0", Notes: "-2+3\nsecond line",
		Address: "@SUM(1)", Email: "ann@example.com"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "contacts.csv")
	n, err := w.core.ExportContacts(w.ctx, path)
	if err != nil || n != 1 {
		t.Fatalf("ExportContacts: %d, %v", n, err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	head, row := rows[0], rows[1]
	cell := func(name string) string {
		for i, h := range head {
			if strings.TrimPrefix(h, "\uFEFF") == name {
				return row[i]
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return ""
	}
	for col, want := range map[string]string{
		"WhatsApp number": app.FormatPhone("+4917"),
		"WhatsApp name":   `'=HYPERLINK("http://evil","x")`,
		"Your name":       "'+1+cmd|' /C calc'!A0",
		"Notes":           "'-2+3\nsecond line",
		"Address":         "'@SUM(1)",
		"Email":           "ann@example.com",
		"Channel":         ch.Name,
	} {
		if got := cell(col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if cell("First contact") == "" || cell("Last contact") == "" {
		t.Error("first and last contact are empty")
	}
	if cell("Opted out of marketing") != "" || cell("Opted out by") != "" {
		t.Error("a customer who never opted out is exported as opted out")
	}
}

// TestExportContactsCarriesTheOptOut: a customer who wrote STOP is
// exported with the date, who opted them out and the word they wrote.
func TestExportContactsCarriesTheOptOut(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	customerSays(t, w, ch, "4917", "Anna", "wamid.1", "STOP")
	path := filepath.Join(t.TempDir(), "contacts.csv")
	if _, err := w.core.ExportContacts(w.ctx, path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	got := map[string]string{}
	for i, h := range rows[0] {
		got[strings.TrimPrefix(h, "\uFEFF")] = rows[1][i]
	}
	if got["Opted out of marketing"] == "" || got["Opted out by"] != "the customer" || got["Opt-out word"] != "STOP" {
		t.Errorf("the opt-out columns are %q, %q, %q", got["Opted out of marketing"], got["Opted out by"], got["Opt-out word"])
	}
}
