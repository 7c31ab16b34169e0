package builder

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Kinds of buttons the owner can choose; WhatsApp does not let a template
// mix quick replies with call-to-action buttons here.
const (
	buttonsNone  = "None"
	buttonsQuick = "Quick replies"
	buttonsCTA   = "Call to action"
)

// Default texts of new buttons.
const (
	defaultWebsiteText = "Visit website"
	defaultPhoneText   = "Call us"
)

// buttonNotes are the notes of one button's parts, to show its problems.
type buttonNotes struct {
	text, url, phone, kind *formNote
}

// quickReplyRow is one quick reply: its text, counter, note and a button
// to remove it.
type quickReplyRow struct {
	entry   *widget.Entry
	counter *charCounter
	note    *formNote
	content fyne.CanvasObject
}

// ctaButton is the website or phone button of a call to action: a check
// to use it, and its text and target.
type ctaButton struct {
	use         *widget.Check
	text        *widget.Entry
	textCounter *charCounter
	textNote    *formNote
	target      *widget.Entry // web address or phone number
	targetNote  *formNote
	fields      fyne.CanvasObject
}

// buttonsSection is the card of the optional buttons: up to three quick
// replies, or a call to action with at most one website and one phone
// button. The combinations WhatsApp forbids can't be made, and a line
// says why.
type buttonsSection struct {
	kind   *segmentedChoice
	reason *widget.RichText
	note   *formNote // problems of the set of buttons

	quick      []*quickReplyRow
	quickBox   *fyne.Container
	addQuick   *widget.Button
	quickLimit *widget.RichText
	quickPane  fyne.CanvasObject

	website, phone *ctaButton
	ctaPane        fyne.CanvasObject

	content fyne.CanvasObject
	changed func()
}

func newButtonsSection(changed func()) *buttonsSection {
	s := &buttonsSection{changed: changed, note: newFormNote()}
	s.kind = newSegmentedChoice([]string{buttonsNone, buttonsQuick, buttonsCTA}, buttonsNone, s.onKind)
	s.reason = newBuilderHint("")

	s.quickBox = container.NewVBox()
	s.addQuick = &widget.Button{Text: "Add quick reply", Icon: theme.ContentAddIcon(), OnTapped: s.onAddQuick}
	s.quickLimit = newBuilderHint(fmt.Sprintf("WhatsApp allows at most %d quick replies.", app.MaxQuickReplies))
	s.quickPane = container.NewVBox(s.quickBox, container.NewHBox(s.addQuick), tuckUnder(s.quickLimit))

	s.website = s.newCTAButton("Website button", defaultWebsiteText, "Web address",
		"Starts with https://. To add a part that changes per message, such as an order number, end the address with {{1}}.",
		"https://www.example.com/orders/{{1}}")
	s.phone = s.newCTAButton("Phone button", defaultPhoneText, "Phone number",
		"With the country code, for example +49 30 1234567.", "+49 30 1234567")
	s.ctaPane = container.NewVBox(
		s.website.use, s.website.fields, s.phone.use, s.phone.fields,
		newBuilderHint("A template can have one website button and one phone button."))

	s.content = newBuilderSection("Buttons", "Optional. Let customers answer with one tap, open your website or call you.",
		container.NewVBox(s.kind.content, tuckUnder(s.reason), tuckUnder(s.note.label)), s.quickPane, s.ctaPane)
	s.showKind()
	return s
}

func (s *buttonsSection) newCTAButton(title, defaultText, targetTitle, targetHint, placeholder string) *ctaButton {
	b := &ctaButton{textCounter: newCharCounter(app.MaxButtonText), textNote: newFormNote(), targetNote: newFormNote()}
	b.text = &widget.Entry{PlaceHolder: defaultText, OnChanged: func(text string) {
		b.textNote.touched = true
		b.textCounter.update(text)
		s.changed()
	}}
	b.target = &widget.Entry{PlaceHolder: placeholder, OnChanged: func(string) {
		b.targetNote.touched = true
		s.changed()
	}}
	b.use = widget.NewCheck(title, func(on bool) {
		if on && b.text.Text == "" {
			b.text.SetText(defaultText)
			b.textNote.touched = false
		}
		s.showKind()
		s.changed()
	})
	b.fields = container.NewPadded(container.NewVBox(
		newBuilderField("Button text", "", b.textCounter, b.text, b.textNote),
		newBuilderField(targetTitle, targetHint, nil, b.target, b.targetNote),
	))
	return b
}

func (s *buttonsSection) onKind(string) {
	s.showKind()
	s.changed()
}

// showKind shows the fields of the chosen kind of buttons and says what
// can't be combined.
func (s *buttonsSection) showKind() {
	s.quickPane.Hide()
	s.ctaPane.Hide()
	s.website.fields.Hide()
	s.phone.fields.Hide()
	reason := "Choose quick replies or call-to-action buttons."
	switch s.kind.Selected {
	case buttonsQuick:
		s.quickPane.Show()
		reason = fmt.Sprintf("Up to %d buttons customers tap to answer, such as \u201cYes\u201d or \u201cStop promotions\u201d. "+
			"WhatsApp does not allow website or phone buttons next to quick replies.", app.MaxQuickReplies)
	case buttonsCTA:
		s.ctaPane.Show()
		if s.website.use.Checked {
			s.website.fields.Show()
		}
		if s.phone.use.Checked {
			s.phone.fields.Show()
		}
		reason = "Buttons that open your website or call you. WhatsApp does not allow quick replies next to them"
		if n := s.typedQuickReplies(); n > 0 {
			reason += fmt.Sprintf(", so the %d quick replies you typed are left out. Choose Quick replies again to use them.", n)
		} else {
			reason += "."
		}
	}
	s.reason.Segments[0].(*widget.TextSegment).Text = reason
	s.reason.Refresh()
	s.updateQuickLimit()
}

// typedQuickReplies counts the quick replies holding text.
func (s *buttonsSection) typedQuickReplies() int {
	n := 0
	for _, r := range s.quick {
		if strings.TrimSpace(r.entry.Text) != "" {
			n++
		}
	}
	return n
}

func (s *buttonsSection) onAddQuick() {
	r := s.addQuickRow("")
	s.updateQuickLimit()
	s.changed()
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.quickBox); c != nil {
		c.Focus(r.entry)
	}
}

// addQuickRow adds a quick reply holding text.
func (s *buttonsSection) addQuickRow(text string) *quickReplyRow {
	r := &quickReplyRow{counter: newCharCounter(app.MaxQuickReplyText), note: newFormNote()}
	r.entry = &widget.Entry{PlaceHolder: "for example Yes, please", OnChanged: func(text string) {
		r.note.touched = true
		r.counter.update(text)
		s.changed()
	}}
	r.entry.Text = text
	r.counter.update(text)
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { s.removeQuick(r) }}
	r.content = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(r.counter.text, remove), r.entry),
		tuckUnder(r.note.label))
	s.quick = append(s.quick, r)
	s.quickBox.Add(r.content)
	return r
}

func (s *buttonsSection) removeQuick(r *quickReplyRow) {
	for i, q := range s.quick {
		if q == r {
			s.quick = append(s.quick[:i], s.quick[i+1:]...)
			s.quickBox.Remove(r.content)
			break
		}
	}
	s.updateQuickLimit()
	s.changed()
}

// updateQuickLimit disables "Add quick reply" at the limit and says why.
func (s *buttonsSection) updateQuickLimit() {
	if len(s.quick) >= app.MaxQuickReplies {
		s.addQuick.Disable()
		s.quickLimit.Show()
	} else {
		s.addQuick.Enable()
		s.quickLimit.Hide()
	}
}

// list returns the buttons of the chosen kind, with the notes of each, in
// the order WhatsApp gets them. urlSample is the sample for {{1}} in the
// web address.
func (s *buttonsSection) list(urlSample string) ([]app.TemplateButton, []buttonNotes) {
	var bs []app.TemplateButton
	var notes []buttonNotes
	switch s.kind.Selected {
	case buttonsQuick:
		for _, r := range s.quick {
			bs = append(bs, app.TemplateButton{Type: app.ButtonQuickReply, Text: r.entry.Text})
			notes = append(notes, buttonNotes{text: r.note, kind: s.note})
		}
	case buttonsCTA:
		if s.website.use.Checked {
			b := app.TemplateButton{Type: app.ButtonURL, Text: s.website.text.Text, URL: strings.TrimSpace(s.website.target.Text)}
			if s.urlHasParam() {
				b.Example = urlSample
			}
			bs = append(bs, b)
			notes = append(notes, buttonNotes{text: s.website.textNote, url: s.website.targetNote, kind: s.note})
		}
		if s.phone.use.Checked {
			bs = append(bs, app.TemplateButton{Type: app.ButtonPhone, Text: s.phone.text.Text, Phone: strings.TrimSpace(s.phone.target.Text)})
			notes = append(notes, buttonNotes{text: s.phone.textNote, phone: s.phone.targetNote, kind: s.note})
		}
	}
	return bs, notes
}

// urlHasParam reports whether the website button's address ends in {{1}},
// which then needs a sample value.
func (s *buttonsSection) urlHasParam() bool {
	return s.kind.Selected == buttonsCTA && s.website.use.Checked &&
		strings.HasSuffix(strings.TrimSpace(s.website.target.Text), "{{1}}")
}

// fill shows a template's buttons. Quick replies win when a synced
// template mixes both kinds; the others stay for Call to action.
func (s *buttonsSection) fill(bs []app.TemplateButton) {
	s.quick = nil
	s.quickBox.RemoveAll()
	kind := buttonsNone
	for _, b := range bs {
		switch b.Type {
		case app.ButtonQuickReply:
			s.addQuickRow(b.Text)
		case app.ButtonURL:
			s.website.text.SetText(b.Text)
			s.website.target.SetText(b.URL)
			s.website.use.SetChecked(true)
			kind = buttonsCTA
		case app.ButtonPhone:
			s.phone.text.SetText(b.Text)
			s.phone.target.SetText(b.Phone)
			s.phone.use.SetChecked(true)
			kind = buttonsCTA
		}
	}
	if len(s.quick) > 0 {
		kind = buttonsQuick
	}
	s.kind.setSelected(kind)
	s.showKind()
}

// showProblems puts each problem under its button's field.
func (s *buttonsSection) showProblems(errs app.ValidationErrors, notes []buttonNotes, all bool) {
	s.note.show(errs.For(app.FieldTemplateButtons), all)
	for _, r := range s.quick {
		r.note.show("", all)
	}
	for _, b := range []*ctaButton{s.website, s.phone} {
		b.textNote.show("", all)
		b.targetNote.show("", all)
	}
	for i, n := range notes {
		n.text.show(errs.For(app.TemplateButtonField(i, app.ButtonPartText)), all)
		if n.url != nil {
			n.url.show(errs.For(app.TemplateButtonField(i, app.ButtonPartURL)), all)
		}
		if n.phone != nil {
			n.phone.show(errs.For(app.TemplateButtonField(i, app.ButtonPartPhone)), all)
		}
	}
}

// notes lists the section's notes in the order they appear.
func (s *buttonsSection) notes() []*formNote {
	out := []*formNote{s.note}
	for _, r := range s.quick {
		out = append(out, r.note)
	}
	return append(out, s.website.textNote, s.website.targetNote, s.phone.textNote, s.phone.targetNote)
}
