package app_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestDisplayNameRemovesWhatDisguisesAName: a right-to-left override
// makes "invoice‮fdp.exe" look like "invoiceexe.pdf"; other invisible
// characters make two names look alike. Letters of every script stay.
func TestDisplayNameRemovesWhatDisguisesAName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"\u2066Rechnung\u2069.pdf\u200E", "Rechnung.pdf"},
		{"a\u202Ab\u202Bc\u202Cd\u202De\u200Ff\u061Cg\u2067h\u2068i", "abcdefghi"},
		{"An\u200Bna\uFEFF Schmidt\u2060", "Anna Schmidt"},
		{"An\u200Dna", "Anna"}, // a joiner between Latin letters only hides
		{"Zeile 1\nZeile 2\r\t.pdf", "Zeile 1 Zeile 2 .pdf"},
		{"invoice.pdf" + strings.Repeat(" ", 80) + ".exe", "invoice.pdf .exe"},
		{"\x00\x07bell\x1b[31m", "bell[31m"},
		{"فاتورة ١٢٣.pdf", "فاتورة ١٢٣.pdf"}, // Arabic stays
		{"חשבונית.pdf", "חשבונית.pdf"},       // Hebrew stays
		{"می\u200Cخواهم", "می\u200Cخواهم"},   // Persian needs its non-joiner
		{"Anna 👩\u200D💻", "Anna 👩\u200D💻"},   // an emoji sequence stays whole
		{"  Müller & Söhne  ", "Müller & Söhne"},
		{"\u3164", ""}, // a Hangul filler shows nothing
	}
	for _, tc := range cases {
		if got := app.DisplayName(tc.in); got != tc.want {
			t.Errorf("DisplayName(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

// TestExecutableNamesAreCaught: every way of dressing up a program as
// a document is recognised, and documents are not.
func TestExecutableNamesAreCaught(t *testing.T) {
	for _, name := range []string{
		"invoice.pdf.exe", "INVOICE.PDF.EXE", "x.exe.", "x.exe. . ", "x.exe ", "run.desktop", "x.command",
		"Rechnung\u202Efdp.exe", "Rechnung\u202Efdp.EXE\u200B", "x.e\u200Bxe", "a.bat", "a.cmd", "a.com", "a.scr",
		"a.lnk", "a.hta", "a.js", "a.vbs", "a.ps1", "a.msi", "a.jar", "a.app", "a.sh", "a.pkg", "a.dmg", "a.AppImage",
		`C:\Users\x\Downloads\invoice.pdf.exe`, "../bin/x.sh", "x.exe::$DATA", "x.exe:Zone.Identifier",
		"123-invoice.pdf.exe", // a copy saved under the old naming
	} {
		if !app.IsExecutableName(name) {
			t.Errorf("%+q was not recognised as a program", name)
		}
	}
	for _, name := range []string{
		"invoice.pdf", "invoice.exe.pdf", "Rechnung.docx", "photo.jpg", "", ".", "exe", "notes.txt",
		"Rechnung\u202Eexe.pdf", "123.bin", "x.executive",
	} {
		if app.IsExecutableName(name) {
			t.Errorf("%+q was taken for a program", name)
		}
	}
}

// TestOpenPolicyLooksAtEveryName: whether Parley may hand a file to the
// system's viewer depends on the sender's name, the saved copy's name
// and WhatsApp's type; copies saved under the old naming are judged too.
func TestOpenPolicyLooksAtEveryName(t *testing.T) {
	doc := func(name, mimeType string) app.Message {
		return app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: name, MIMEType: mimeType}}
	}
	cases := []struct {
		m    app.Message
		path string
		want app.OpenPolicy
	}{
		{doc("Angebot.pdf", "application/pdf"), "/m/7.pdf", app.OpenInViewer},
		{doc("", "image/jpeg"), "/m/7.jpg", app.OpenInViewer},
		{doc("invoice.pdf.exe", "application/pdf"), "/m/7.pdf", app.SaveOnlyProgram},
		{doc("Rechnung\u202Efdp.exe", "application/pdf"), "/m/7.pdf", app.SaveOnlyProgram},
		{doc("run.desktop", "application/x-desktop"), "/m/7.bin", app.SaveOnlyProgram},
		{doc("tool", "application/x-msdownload"), "/m/7.bin", app.SaveOnlyProgram},
		{doc("tool", "application/java-archive"), "/m/7.bin", app.SaveOnlyProgram},
		{doc("tool", "text/x-shellscript"), "/m/7.bin", app.SaveOnlyProgram},
		{doc("invoice.pdf", "application/pdf"), "/m/7-invoice.pdf.exe", app.SaveOnlyProgram}, // old naming
		{doc("x.command", "application/pdf"), "/m/7-x.command", app.SaveOnlyProgram},
		{doc("Fotos.zip", "application/zip"), "/m/7.zip", app.SaveOnlyArchive},
		{doc("drawing.dwg", "application/acad"), "/m/7.bin", app.SaveOnlyUnknown},
		{doc("Rechnung", "application/pdf"), "/m/7-Rechnung", app.SaveOnlyUnknown},
		{doc("Angebot.pdf", "application/pdf"), "/m/7-Angebot.pdf", app.OpenInViewer}, // old naming
	}
	for _, tc := range cases {
		if got := app.AttachmentOpenPolicy(tc.m, tc.path); got != tc.want {
			t.Errorf("%+q (%s) saved at %s: policy %v, want %v", tc.m.Media.Filename, tc.m.Media.MIMEType, tc.path, got, tc.want)
		}
	}
}

// TestSaveAsNameNeverStartsAProgram: the name suggested for "Save as…"
// is the sender's, made safe; a name that would start a program by a
// double click gets ".bin" added, in plain sight.
func TestSaveAsNameNeverStartsAProgram(t *testing.T) {
	doc := func(name string) app.Message {
		return app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: name, MIMEType: "application/pdf"}}
	}
	cases := []struct {
		m    app.Message
		path string
		want string
	}{
		{doc("invoice.pdf.exe"), "/m/7.pdf", "invoice.pdf.exe.bin"},
		{doc("Rechnung\u202Efdp.exe"), "/m/7.pdf", "Rechnungfdp.exe.bin"},
		{doc("x.exe. "), "/m/7.pdf", "x.exe.bin"},
		{doc("../../Fotos.zip"), "/m/7.zip", "Fotos.zip"},
		{doc(""), "/m/7.bin", "7.bin"},
		{doc(""), "/m/7-run.desktop", "7-run.desktop.bin"},
	}
	for _, tc := range cases {
		got := app.SaveAsName(tc.m, tc.path)
		if got != tc.want {
			t.Errorf("SaveAsName(%+q, %s) = %+q, want %+q", tc.m.Media.Filename, tc.path, got, tc.want)
		}
	}
}

// TestPreviewsShowTheCleanName: the notification and the inbox line of a
// document name it without the characters that disguise it.
func TestPreviewsShowTheCleanName(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	var mu sync.Mutex // the webhook sink publishes on its own goroutine
	var notes []string
	cancel := w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMessagesReceived {
			mu.Lock()
			notes = append(notes, e.Message)
			mu.Unlock()
		}
	})
	defer cancel()
	m := customerSends(t, w, ch, app.MsgDocument, "Rechnung\u202Efdp.exe", "application/pdf", []byte("%PDF"))
	mu.Lock()
	defer mu.Unlock()
	if len(notes) != 1 || notes[0] != "Document Rechnungfdp.exe" {
		t.Errorf("the notification says %+q", notes)
	}
	cv, err := w.store.Conversation(w.ctx, m.ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	if cv.LastPreview != "Document Rechnungfdp.exe" {
		t.Errorf("the inbox shows %+q", cv.LastPreview)
	}
}

// What a click on an attachment will do is known before it is
// downloaded, from the name it will be saved under, so that its button
// can say so.
func TestOpenPolicyOfIsKnownBeforeTheDownload(t *testing.T) {
	for _, tc := range []struct {
		media app.Media
		want  app.OpenPolicy
	}{
		{app.Media{MIMEType: "application/pdf", Filename: "Angebot.pdf"}, app.OpenInViewer},
		{app.Media{MIMEType: "application/pdf", Filename: "invoice.pdf.exe"}, app.SaveOnlyProgram},
		{app.Media{MIMEType: "application/zip", Filename: "Fotos.zip"}, app.SaveOnlyArchive},
		{app.Media{MIMEType: "application/acad", Filename: "drawing.dwg"}, app.SaveOnlyUnknown},
		{app.Media{MIMEType: "application/pdf", LocalPath: "/media/7-invoice.pdf.exe"}, app.SaveOnlyProgram},
	} {
		m := app.Message{ID: 7, Type: app.MsgDocument, Media: &tc.media}
		if got := app.OpenPolicyOf(m); got != tc.want {
			t.Errorf("OpenPolicyOf(%+v) = %v, want %v", tc.media, got, tc.want)
		}
	}
}
