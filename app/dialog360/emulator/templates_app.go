package emulator

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/app"
)

// AddTemplate stores t for the number with apiKey, as if it had been
// created earlier, without WhatsApp's creation checks (a name and
// language pair must still be new). Its status is t.Status; an empty,
// draft or unknown status means approved, and a submitted one goes
// through review. A media header's sample comes from Header.Media when
// set, otherwise Header.Example is listed as it is.
func (e *Emulator) AddTemplate(apiKey string, t app.Template) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("add template: unknown API key")
	}
	for _, o := range a.templates {
		if o.Name == t.Name && o.Language == t.Language {
			return fmt.Errorf("add template: %s (%s) already exists", t.Name, t.Language)
		}
	}
	w := e.templateFromAppLocked(a, t)
	status := strings.ToLower(string(t.Status))
	switch t.Status {
	case app.TemplateSubmitted, app.TemplateApproved, app.TemplateRejected, app.TemplatePaused, app.TemplateDisabled:
	default:
		status = "approved"
	}
	w.RejectedReason = t.RejectedReason
	e.addTemplateLocked(a, w, status)
	if status == "submitted" {
		e.scheduleReviewLocked(a, w)
	}
	return nil
}

// SetTemplateStatus changes the status of a template (e.g. "paused",
// "disabled", "approved") with an optional reason, and announces the
// change by webhook, as WhatsApp does.
func (e *Emulator) SetTemplateStatus(apiKey, name, language, status, reason string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("set template status: unknown API key")
	}
	for _, t := range a.templates {
		if t.Name == name && t.Language == language {
			t.Status, t.RejectedReason = strings.ToLower(status), orDefault(reason, "NONE")
			e.templateWebhookLocked(a, t, e.now())
			return nil
		}
	}
	return fmt.Errorf("set template status: %s (%s) not found", name, language)
}

// Templates returns the templates of the number with apiKey as Parley's
// type, in creation order. Reviews that are due happen first.
// RejectedReason holds WhatsApp's reason code, not plain words.
func (e *Emulator) Templates(apiKey string) []app.Template {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	a := e.accounts[apiKey]
	if a == nil {
		return nil
	}
	out := make([]app.Template, 0, len(a.templates))
	for _, t := range a.templates {
		out = append(out, templateToApp(e.publicTemplateLocked(t)))
	}
	return out
}

// templateFromAppLocked builds the stored form of t.
func (e *Emulator) templateFromAppLocked(a *account, t app.Template) *template {
	w := &template{Name: t.Name, Language: t.Language, Category: strings.ToUpper(t.Category)}
	if f := t.Header.Format; f != app.HeaderNone {
		c := component{Type: "HEADER", Format: f, Text: t.Header.Text}
		switch {
		case f == app.HeaderText && t.Header.Example != "":
			c.Example = &example{HeaderText: []string{t.Header.Example}}
		case f != app.HeaderText && len(t.Header.Media) > 0:
			h := fmt.Sprintf("4::seed%d", e.nextLocked())
			e.blobs[h] = &blob{id: fmt.Sprintf("b%d", e.nextLocked()), key: a.key, name: t.Header.MediaName,
				mime: t.Header.MediaMIME, data: append([]byte(nil), t.Header.Media...)}
			c.Example = &example{HeaderHandle: []string{h}}
		case f != app.HeaderText && t.Header.Example != "":
			c.Example = &example{HeaderHandle: []string{t.Header.Example}}
		}
		w.Components = append(w.Components, c)
	}
	body := component{Type: "BODY", Text: t.Body}
	if len(t.BodyExamples) > 0 {
		body.Example = &example{BodyText: [][]string{append([]string(nil), t.BodyExamples...)}}
	}
	w.Components = append(w.Components, body)
	if t.Footer != "" {
		w.Components = append(w.Components, component{Type: "FOOTER", Text: t.Footer})
	}
	if len(t.Buttons) > 0 {
		c := component{Type: "BUTTONS"}
		for _, b := range t.Buttons {
			bw := button{Type: b.Type, Text: b.Text, URL: b.URL, Phone: b.Phone}
			if b.Example != "" {
				bw.Example = []string{strings.Replace(b.URL, "{{1}}", b.Example, 1)}
			}
			c.Buttons = append(c.Buttons, bw)
		}
		w.Components = append(w.Components, c)
	}
	return w
}

// templateToApp converts a listed template to Parley's type.
func templateToApp(w template) app.Template {
	t := app.Template{ID: w.ID, Name: w.Name, Language: w.Language, Category: w.Category,
		Status: app.TemplateStatus(w.Status)}
	if w.RejectedReason != "NONE" {
		t.RejectedReason = w.RejectedReason
	}
	for _, c := range w.Components {
		ex := c.Example
		if ex == nil {
			ex = &example{}
		}
		switch c.Type {
		case "HEADER":
			t.Header.Format, t.Header.Text = c.Format, c.Text
			if len(ex.HeaderText) > 0 {
				t.Header.Example = ex.HeaderText[0]
			}
			if len(ex.HeaderHandle) > 0 {
				t.Header.Example = ex.HeaderHandle[0]
			}
		case "BODY":
			t.Body = c.Text
			if len(ex.BodyText) > 0 {
				t.BodyExamples = ex.BodyText[0]
			}
		case "FOOTER":
			t.Footer = c.Text
		case "BUTTONS":
			for _, b := range c.Buttons {
				tb := app.TemplateButton{Type: b.Type, Text: b.Text, URL: b.URL, Phone: b.Phone}
				if len(b.Example) > 0 {
					tb.Example = b.Example[0]
				}
				t.Buttons = append(t.Buttons, tb)
			}
		}
	}
	return t
}
