package broadcasts

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
)

// step shows the next (1) or previous (-1) recipient in the preview.
func (c *composeStep) step(by int) {
	n := len(c.audience.Recipients)
	if n == 0 {
		return
	}
	c.shownIndex = (c.shownIndex + by + n) % n
	c.showRecipient()
}

// showRecipient fills the preview with the values of the recipient shown.
func (c *composeStep) showRecipient() {
	n := len(c.audience.Recipients)
	setEnabled(c.prevBtn, n > 1)
	setEnabled(c.nextBtn, n > 1)
	if n == 0 {
		c.who.SetText("No recipients")
	} else {
		r := c.audience.Recipients[c.shownIndex]
		c.who.SetText(fmt.Sprintf("%s of %s: %s", number(c.shownIndex+1), number(n), recipientName(r)))
	}
	if c.template == nil {
		c.preview.Hide()
		c.noPreview.Show()
		return
	}
	c.noPreview.Hide()
	var r app.Recipient
	if n > 0 {
		r = c.audience.Recipients[c.shownIndex]
	}
	var d app.BroadcastDraft
	c.fill(&d)
	v := c.w.env.core.BroadcastValues(d, r)
	t := filledTemplate(*c.template, v)
	if c.headerFile != "" {
		t.Header.MediaName, t.Header.Media = app.DisplayName(filepath.Base(c.headerFile)), c.headerPhoto
	}
	c.preview.SetTemplate(t)
	c.preview.Show()
}

// recipientName is a recipient as the owner knows them: "Anna Schmidt
// (+49 170 1234567)", or the number alone.
func recipientName(r app.Recipient) string {
	phone := app.FormatPhone("+" + r.WAID)
	if r.Name == "" {
		return phone
	}
	return r.Name + " (" + phone + ")"
}

// filledTemplate is t with the values in place of its samples, for the
// preview.
func filledTemplate(t app.Template, v app.TemplateValues) app.Template {
	t.BodyExamples = v.Body
	if t.Header.Format == app.HeaderText && len(waformat.Params(t.Header.Text)) > 0 {
		t.Header.Example = v.HeaderText
	}
	buttons := append([]app.TemplateButton(nil), t.Buttons...)
	for i := range buttons {
		if buttons[i].Type == app.ButtonURL && strings.Contains(buttons[i].URL, "{{1}}") {
			buttons[i].Example = v.URLParam
		}
	}
	t.Buttons = buttons
	return t
}

// onChooseFile asks for the header's file.
func (c *composeStep) onChooseFile() {
	if c.template == nil {
		return
	}
	format := c.template.Header.Format
	kit.ShowFileOpen(c.w.env.Window, "Choose the "+app.HeaderFileLabel(format), "Choose", app.HeaderMediaExtensions(format),
		func(r fyne.URIReadCloser, err error) {
			if err != nil {
				c.fileNote.SetProblem("Parley could not open that file: " + err.Error())
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			_ = r.Close()
			c.setHeaderFile(path)
		})
}

// maxPreviewPhoto is the largest photo the preview reads to show it;
// the core checks the file against WhatsApp's limits.
const maxPreviewPhoto = 16 << 20

// setHeaderFile takes the file at path for the header; a photo is read
// in the background to show it in the preview.
func (c *composeStep) setHeaderFile(path string) {
	c.headerFile, c.headerPhoto = path, nil
	c.fileName.SetText(app.DisplayName(filepath.Base(path)))
	c.fileNote.SetProblem("")
	c.changed()
	if c.template == nil || c.template.Header.Format != app.HeaderImage {
		return
	}
	kit.Load(c.w.env.Run, c.w.ctx, func(context.Context) ([]byte, error) {
		st, err := os.Stat(path)
		if err != nil || st.Size() > maxPreviewPhoto {
			return nil, err
		}
		return os.ReadFile(path)
	}, func(data []byte, err error) {
		if err != nil || c.headerFile != path {
			return // the core says what is wrong with the file when it checks it
		}
		c.headerPhoto = data
		c.showRecipient()
	})
}

// onTest sends the draft to the owner's own number, remembering it.
func (c *composeStep) onTest() {
	number := strings.TrimSpace(c.testNumber.Text)
	if number == "" {
		c.testNote.SetProblem("Type your own WhatsApp number, with the country code.")
		return
	}
	setTestNumberPref(number)
	c.testNote.SetProblem("")
	d := c.w.draft()
	c.testBtn.Disable()
	core := c.w.env.core
	kit.Load(c.w.env.Run, c.w.ctx, func(ctx context.Context) (app.Message, error) {
		return core.SendBroadcastTest(ctx, d, number)
	}, func(_ app.Message, err error) {
		c.testBtn.Enable()
		if err != nil {
			c.w.showError(err)
			return
		}
		c.testNote.SetGood("Test sent to " + app.FormatPhone(number) + ". Check your phone.")
	})
}
