package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// FuzzMediaFileName feeds the naming of attachments arbitrary sender
// names and MIME types. The saved name is the message id and a listed
// extension, with nothing of the sender's in it; the name shown has no
// control, format or bidirectional character and shows the same when
// cleaned again; the program check gives the same answer for a name, the
// name shown and its upper case; a name that could run a program is
// never opened, whatever path it was saved at; and the name suggested
// for "Save as…" never runs a program.
func FuzzMediaFileName(f *testing.F) {
	f.Add(int64(7), "invoice.pdf.exe", "application/pdf", "7-invoice.pdf.exe")
	f.Add(int64(8), "run.desktop", "application/x-desktop", "")
	f.Add(int64(9), "Rechnung\u202Efdp.exe", "application/pdf; charset=binary", "x")
	f.Add(int64(10), "x.exe. \u3000", "text/x-shellscript", "../a.bin")
	f.Add(int64(11), "فاتورة.pdf", "APPLICATION/PDF", "11.pdf")
	f.Add(int64(12), "a\u200Db.e\u200Bxe::$DATA", "audio/ogg; codecs=opus", `C:\m\12-a.exe`)
	f.Add(int64(-1), "\x00\xff\xfe", ";;;", "")
	f.Fuzz(func(t *testing.T, id int64, name, mimeType, oldPath string) {
		m := Message{ID: id, Type: MsgDocument, Media: &Media{Filename: name, MIMEType: mimeType}}

		saved := mediaFileName(m, Media{})
		ext := extensionOf(saved)
		if saved != fmt.Sprint(id)+ext {
			t.Fatalf("saved as %q: not the id %d and an extension", saved, id)
		}
		if _, listed := savedKinds[ext]; !listed && ext != unknownExtension {
			t.Fatalf("saved as %q: %q is not a listed extension", saved, ext)
		}
		if strings.ContainsAny(saved, `/\`) || strings.IndexFunc(saved, invisible) >= 0 || IsExecutableName(saved) {
			t.Fatalf("saved as %q", saved)
		}

		shown := DisplayName(name)
		if DisplayName(shown) != shown {
			t.Fatalf("DisplayName(%+q) = %+q shows as %+q when cleaned again", name, shown, DisplayName(shown))
		}
		for _, r := range shown {
			if (invisible(r) && r != zeroWidthJoiner && r != zeroWidthNonJoiner) || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("DisplayName(%+q) = %+q keeps %U", name, shown, r)
			}
		}
		if strings.TrimSpace(shown) != shown || strings.Contains(shown, "  ") {
			t.Fatalf("DisplayName(%+q) = %+q has stray spaces", name, shown)
		}

		program := IsExecutableName(name)
		if IsExecutableName(shown) != program || IsExecutableName(strings.ToUpper(name)) != program {
			t.Fatalf("%+q: program %v, shown %+q: %v, upper case: %v",
				name, program, shown, IsExecutableName(shown), IsExecutableName(strings.ToUpper(name)))
		}
		for _, path := range []string{"/m/" + saved, oldPath} {
			policy := AttachmentOpenPolicy(m, path)
			if (program || programType(mimeType) || IsExecutableName(path)) != (policy == SaveOnlyProgram) {
				t.Fatalf("%+q (%q) at %q: policy %v", name, mimeType, path, policy)
			}
			if policy == OpenInViewer && savedKinds[extensionOf(bareName(path))] != kindViewable {
				t.Fatalf("%+q at %q would open with the system", name, path)
			}
			suggested := SaveAsName(m, path)
			if suggested == "" || strings.ContainsAny(suggested, `/\`) || IsExecutableName(suggested) {
				t.Fatalf("%+q at %q: Save as suggests %+q", name, path, suggested)
			}
		}
	})
}
