package builder

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
)

// headerFormats are the header choices in the order shown, with their
// labels.
var headerFormats = []struct{ format, label string }{
	{app.HeaderNone, "None"},
	{app.HeaderText, "Text"},
	{app.HeaderImage, "Image"},
	{app.HeaderVideo, "Video"},
	{app.HeaderDocument, "Document"},
}

func headerLabel(format string) string {
	for _, h := range headerFormats {
		if h.format == format {
			return h.label
		}
	}
	return "None"
}

func headerFormat(label string) string {
	for _, h := range headerFormats {
		if h.label == label {
			return h.format
		}
	}
	return app.HeaderNone
}

// headerSection is the card of the optional header: none, a line of text
// (which may hold {{1}}), or an image, video or document whose sample
// file is picked from disk.
type headerSection struct {
	format     *segmentedChoice
	formatNote *formNote

	text        *widget.Entry
	textCounter *charCounter
	textNote    *formNote
	textField   fyne.CanvasObject

	media *mediaPicker

	content fyne.CanvasObject
	changed func()
}

func newHeaderSection(w fyne.Window, run kit.Runner, changed func()) *headerSection {
	s := &headerSection{changed: changed, formatNote: newFormNote(), textNote: newFormNote(), textCounter: newCharCounter(app.MaxTemplateHeaderText)}
	labels := make([]string, len(headerFormats))
	for i, h := range headerFormats {
		labels[i] = h.label
	}
	s.format = newSegmentedChoice(labels, "None", s.onFormat)
	s.text = &widget.Entry{PlaceHolder: "for example Your order {{1}} is ready", OnChanged: func(text string) {
		s.textNote.touched = true
		s.textCounter.update(text)
		changed()
	}}
	s.textField = newBuilderField("Header text", "One short line, shown in bold. It may hold one parameter, {{1}}; give its sample value below.",
		s.textCounter, s.text, s.textNote)
	s.media = newMediaPicker(w, run, changed)
	s.content = newBuilderSection("Header", "Optional. A title, picture, video or document above the message.",
		container.NewVBox(s.format.content, tuckUnder(s.formatNote.label)), s.textField, s.media.content)
	s.showFormat(app.HeaderNone)
	return s
}

func (s *headerSection) onFormat(label string) {
	s.formatNote.touched = true
	s.showFormat(headerFormat(label))
	s.changed()
}

// showFormat shows the fields of a header format.
func (s *headerSection) showFormat(format string) {
	s.textField.Hide()
	s.media.setFormat(format)
	if format == app.HeaderText {
		s.textField.Show()
	}
}

// value returns the header as the owner set it up.
func (s *headerSection) value() app.TemplateHeader {
	switch format := headerFormat(s.format.Selected); format {
	case app.HeaderText:
		return app.TemplateHeader{Format: format, Text: s.text.Text}
	case app.HeaderImage, app.HeaderVideo, app.HeaderDocument:
		return s.media.header()
	}
	return app.TemplateHeader{}
}

// hasParam reports whether the header is text holding {{1}}, which then
// needs a sample value.
func (s *headerSection) hasParam() bool {
	return headerFormat(s.format.Selected) == app.HeaderText && slices.Contains(waformat.Params(s.text.Text), 1)
}

// fill shows a template's header.
func (s *headerSection) fill(h app.TemplateHeader) {
	s.media.fill(h)
	if h.Format == app.HeaderText {
		s.text.SetText(h.Text)
	}
	s.textCounter.update(s.text.Text)
	s.format.setSelected(headerLabel(h.Format))
	s.showFormat(h.Format)
}

// showProblems puts each problem under its field.
func (s *headerSection) showProblems(errs app.ValidationErrors, all bool) {
	s.formatNote.show(errs.For(app.FieldTemplateHeader), all)
	s.textNote.show(errs.For(app.FieldTemplateHeaderText), all)
	s.media.showProblem(errs.For(app.FieldTemplateHeaderMedia), all)
}

// notes lists the section's notes in the order they appear.
func (s *headerSection) notes() []*formNote {
	return []*formNote{s.formatNote, s.textNote, s.media.note}
}
