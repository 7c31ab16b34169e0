package inbox

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// sendsDocument makes Anna send a document and opens her conversation.
func (sw *spaceWorld) sendsDocument(t *testing.T, name, mimeType string, data []byte) *conversationView {
	t.Helper()
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgDocument, name, mimeType, data, ""); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	return sw.open(t, "Anna Schmidt")
}

// savesTo makes "Save as…" in v pick path, as the owner would in the
// file dialog, and returns where the name it suggested is recorded.
func savesTo(v *conversationView, path string) *string {
	suggested := new(string)
	v.media.saveTo = func(name string, done func(string)) {
		*suggested = name
		done(path)
	}
	return suggested
}

// A program sent as a document, however it is dressed up, is never
// handed to the system: clicking Open explains why in plain words and
// offers "Save as…", which copies it under a name that does not start it
// by a double click.
func TestProgramsAreNeverOpened(t *testing.T) {
	cases := []struct{ name, mimeType, shown string }{
		{"invoice.pdf.exe", "application/pdf", "invoice.pdf.exe"},
		{"run.desktop", "application/x-desktop", "run.desktop"},
		{"x.command", "application/octet-stream", "x.command"},
		{"Rechnung\u202Efdp.exe", "application/pdf", "Rechnungfdp.exe"},
		{"INVOICE.PDF.EXE. ", "application/pdf", "INVOICE.PDF.EXE."},
		{"tool", "application/x-msdownload", "tool"},
	}
	for _, tc := range cases {
		t.Run(tc.shown, func(t *testing.T) {
			sw := newSpaceWorld(t)
			data := []byte("MZ\x90\x00 a program")
			v := sw.sendsDocument(t, tc.name, tc.mimeType, data)
			if !screentest.ShowsText(v.content, tc.shown) || strings.ContainsRune(texts(v.content), '\u202E') {
				t.Fatalf("the bubble does not show %q cleanly: %+q", tc.shown, screentest.VisibleTexts(v.content))
			}
			// The button says what clicking will do, before the click.
			test.Tap(screentest.ChatButton(t, v.content, "Save…"))
			if len(sw.opened) != 0 {
				t.Fatalf("%q was handed to the system: %v", tc.name, sw.opened)
			}
			dlg := sw.topDialog(t)
			if !screentest.ShowsText(dlg, textProgramWarning) || !screentest.ShowsText(dlg, tc.shown) {
				t.Fatalf("the dialog shows %q", screentest.VisibleTexts(dlg))
			}

			dst := filepath.Join(t.TempDir(), "saved")
			suggested := savesTo(v, dst)
			test.Tap(screentest.Button(t, dlg, "Save as…"))
			if got, err := os.ReadFile(dst); err != nil || !bytes.Equal(got, data) {
				t.Fatalf("Save as wrote %q (%v)", got, err)
			}
			if *suggested == "" || app.IsExecutableName(*suggested) || strings.ContainsRune(*suggested, '\u202E') {
				t.Fatalf("Save as suggested %+q", *suggested)
			}
			if len(sw.opened) != 0 {
				t.Fatalf("saving opened %v", sw.opened)
			}
		})
	}
}

// Attachments saved before Parley chose the names kept the sender's
// name; such a copy of a program is refused too.
func TestOldCopyOfAProgramIsNotOpened(t *testing.T) {
	sw := newSpaceWorld(t)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgDocument, "invoice.pdf.exe", "application/pdf", []byte("MZ"), ""); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	cv, err := sw.Store.ConversationFor(sw.Ctx, sw.ch.ID, annaWAID, "")
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := sw.Core.Messages(sw.Ctx, cv.ID, 0, 1)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("messages: %v %v", msgs, err)
	}
	old := filepath.Join(t.TempDir(), "7-invoice.pdf.exe")
	if err := os.WriteFile(old, []byte("MZ"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := sw.Store.SetMediaPath(sw.Ctx, msgs[0].ID, old); err != nil {
		t.Fatal(err)
	}
	v := sw.open(t, "Anna Schmidt")
	test.Tap(screentest.ChatButton(t, v.content, "Save…"))
	if len(sw.opened) != 0 || !screentest.ShowsText(sw.topDialog(t), textProgramWarning) {
		t.Fatalf("the old copy was opened (%v) or not explained", sw.opened)
	}
}

// Documents, pictures and the like still open with one click; an archive
// or a file of an unknown type is only offered for saving.
func TestDocumentsOpenArchivesAreSaved(t *testing.T) {
	for _, tc := range []struct{ name, mimeType, ext string }{
		{"Angebot.pdf", "application/pdf", ".pdf"},
		{"Foto vom Regal.jpg", "image/jpeg", ".jpg"},
		{"Preise.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
	} {
		sw := newSpaceWorld(t)
		v := sw.sendsDocument(t, tc.name, tc.mimeType, []byte("content"))
		test.Tap(screentest.ChatButton(t, v.content, "Open"))
		if len(sw.opened) != 1 || !strings.HasSuffix(sw.opened[0], tc.ext) || sw.Window.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s: opened %v", tc.name, sw.opened)
		}
	}
	for _, tc := range []struct{ name, mimeType, warning string }{
		{"Fotos.zip", "application/zip", textArchiveWarning},
		{"drawing.dwg", "application/acad", textUnknownWarning},
		{"page.html", "text/html", textUnknownWarning},
	} {
		sw := newSpaceWorld(t)
		v := sw.sendsDocument(t, tc.name, tc.mimeType, []byte("content"))
		test.Tap(screentest.ChatButton(t, v.content, "Save…"))
		if len(sw.opened) != 0 || !screentest.ShowsText(sw.topDialog(t), tc.warning) {
			t.Fatalf("%s: opened %v, the dialog shows %q", tc.name, sw.opened, screentest.VisibleTexts(sw.topDialog(t)))
		}
		dst := filepath.Join(t.TempDir(), "saved")
		suggested := savesTo(v, dst)
		test.Tap(screentest.Button(t, sw.topDialog(t), "Save as…"))
		if *suggested != tc.name {
			t.Errorf("%s: Save as suggested %q", tc.name, *suggested)
		}
		if _, err := os.Stat(dst); err != nil {
			t.Errorf("%s was not saved: %v", tc.name, err)
		}
	}
}

// Names a customer chooses (their profile name and their file names)
// are shown without the characters that reorder or hide text, in the
// list, the conversation and the notification.
func TestCustomerNamesAreShownClean(t *testing.T) {
	sw := newSpaceWorld(t)
	var got []*fyne.Notification
	n := newMessageNotifier(sw.shell.env)
	n.send = func(note *fyne.Notification) { got = append(got, note) }
	n.focused.Store(false)
	sw.Core.Events().Subscribe(n.onCoreEvent)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "\u202EAnna\u200B Schmidt\u202C", app.MsgDocument, "Rechnung\u202Efdp.exe", "application/pdf", []byte("MZ"), ""); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	v := sw.open(t, "Anna Schmidt")
	for _, where := range []fyne.CanvasObject{sw.inbox().list, v.content} {
		if all := texts(where); strings.ContainsAny(all, "\u202E\u202C\u200B") || !strings.Contains(all, "Rechnungfdp.exe") {
			t.Errorf("shows %+q", all)
		}
	}
	if len(got) != 1 || got[0].Title != "Anna Schmidt" || got[0].Content != "Document Rechnungfdp.exe" {
		t.Fatalf("notifications: %+v", got)
	}
}

// Without a test's picker, "Save as…" opens the file dialog with the
// suggested name filled in.
func TestSaveAsShowsTheFileDialog(t *testing.T) {
	sw := newSpaceWorld(t)
	v := sw.sendsDocument(t, "invoice.pdf.exe", "application/pdf", []byte("MZ"))
	test.Tap(screentest.ChatButton(t, v.content, "Save…"))
	test.Tap(screentest.Button(t, sw.topDialog(t), "Save as…"))
	var name *widget.Entry
	screentest.WalkVisible(sw.topDialog(t), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "invoice.pdf.exe.bin" {
			name = e
		}
	})
	if name == nil {
		t.Fatalf("no file dialog suggesting invoice.pdf.exe.bin; the top dialog shows %q", screentest.VisibleTexts(sw.topDialog(t)))
	}
}
