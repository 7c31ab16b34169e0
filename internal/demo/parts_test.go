package demo

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"regexp"
	"strconv"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/depsrule"
)

// TestDemoRunsHeadless: the demo needs no UI toolkit (and no SQL driver
// or keyring of its own), so it runs in tests and on a server alike.
func TestDemoRunsHeadless(t *testing.T) {
	violations, err := depsrule.Check(".", "github.com/parley-app/parley/internal/demo")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("the demo depends on %s", v)
	}
}

// TestMemorySecretsKeepKeysPerChannel behaves like the keyring store.
func TestMemorySecretsKeepKeysPerChannel(t *testing.T) {
	s := NewMemorySecrets()
	if _, err := s.APIKey(1); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("a missing key gave %v, want ErrNotFound", err)
	}
	if err := s.SetAPIKey(1, "key-one"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAPIKey(2, ""); err == nil {
		t.Error("an empty key was stored")
	}
	if k, err := s.APIKey(1); err != nil || k != "key-one" {
		t.Errorf("APIKey(1) = %q, %v", k, err)
	}
	if err := s.DeleteAPIKey(1); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAPIKey(1); err != nil {
		t.Errorf("deleting a missing key: %v", err)
	}
	if _, err := s.APIKey(1); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("a deleted key gave %v", err)
	}
}

// TestPicturesAreJPEGs: every drawn picture decodes at the header size
// WhatsApp shows.
func TestPicturesAreJPEGs(t *testing.T) {
	for name, data := range map[string][]byte{
		"cake": cakePicture(), "bread": breadPicture("Wochenangebot"), "sourdough": sourdoughPicture("Backkurs"),
		"advent": adventPicture("Adventskalender"), "breakfast": breakfastPicture("Frühstück"), "cinnamon": cinnamonPicture(),
		"logo": logoPicture(),
	} {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		wantW, wantH := picW, picH
		if name == "logo" {
			wantW, wantH = logoSize, logoSize
		}
		if cfg.Width != wantW || cfg.Height != wantH || len(data) > 200<<10 {
			t.Errorf("%s is %dx%d, %d bytes", name, cfg.Width, cfg.Height, len(data))
		}
	}
}

// TestDocumentsAreWellFormedPDFs: the cross-reference table points at
// every object, so PDF readers open the documents without repairing them.
func TestDocumentsAreWellFormedPDFs(t *testing.T) {
	docs := map[string][]byte{"menu": weeklyMenuPDF(false), "menu en": weeklyMenuPDF(true), "invoice": invoicePDF(),
		"order": officeOrderPDF(), "guests": guestListPDF()}
	offset := regexp.MustCompile(`(\d{10}) 00000 n `)
	for name, pdf := range docs {
		if !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
			t.Errorf("%s does not look like a PDF", name)
			continue
		}
		start := bytes.LastIndex(pdf, []byte("startxref\n"))
		xref, _ := strconv.Atoi(string(bytes.Fields(pdf[start+len("startxref\n"):])[0]))
		if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
			t.Errorf("%s: startxref points at %q", name, pdf[xref:min(xref+10, len(pdf))])
		}
		for i, m := range offset.FindAllSubmatch(pdf, -1) {
			at, _ := strconv.Atoi(string(m[1]))
			if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[at:], []byte(want)) {
				t.Errorf("%s: object %d is not at offset %d", name, i+1, at)
			}
		}
	}
	if got := pdfText("Größe (1/2) – 3,50 € \\"); got != "Gr\xf6\xdfe \\(1/2\\) \x96 3,50 \x80 \\\\" {
		t.Errorf("pdfText = %q", got)
	}
}

// TestCatalogueFollowsWhatsAppRules: every template the demo shows as
// approved, waiting or paused passes Parley's own checks, so duplicating
// one in the demo gives a valid draft.
func TestCatalogueFollowsWhatsAppRules(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range catalogue() {
		key := st.Name + "/" + st.Language
		if seen[key] {
			t.Errorf("template %s twice", key)
		}
		seen[key] = true
		if st.reject != "" {
			continue // refused on purpose
		}
		if errs := app.ValidateTemplate(st.Template); len(errs) > 0 {
			t.Errorf("template %s: %v", key, errs)
		}
	}
}
