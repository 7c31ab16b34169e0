package profile

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// profileEntry is an entry that reports when the owner leaves it, so a
// format problem (an unfinished email address) is pointed out only once
// they have finished typing.
type profileEntry struct {
	widget.Entry
	onBlur func()
	// oneLine keeps a wrapped entry to one paragraph: Return is ignored
	// and pasted line breaks become spaces.
	oneLine bool
}

func newProfileEntry(placeholder string, lines int) *profileEntry {
	e := &profileEntry{}
	e.PlaceHolder = placeholder
	// Problems are set by the form; the entry marks itself in red.
	e.AlwaysShowValidationError = true
	if lines > 1 {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(lines)
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey ignores Return in a one-paragraph entry.
func (e *profileEntry) TypedKey(k *fyne.KeyEvent) {
	if e.oneLine && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) {
		return
	}
	e.Entry.TypedKey(k)
}

// FocusLost tells the field the owner has left the entry.
func (e *profileEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// profileField is one text field of the profile form: a label with a live
// character counter, the entry, and the field's problem in red below it.
type profileField struct {
	key   string // app.FieldAbout, "websites.0", ...
	limit int    // maximum characters; the counter turns red above it

	entry   *profileEntry
	counter *widget.RichText
	message *widget.Label
	// touched is set once the owner has left the field or pressed Save;
	// from then on format problems are shown too.
	touched bool
	content fyne.CanvasObject
}

func newProfileField(key, label, placeholder string, limit, lines int) *profileField {
	f := &profileField{
		key:     key,
		limit:   limit,
		entry:   newProfileEntry(placeholder, lines),
		counter: kit.NewMutedText("", fyne.TextAlignTrailing, theme.SizeNameCaptionText),
		message: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord},
	}
	f.message.Hide()
	title := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
	f.content = container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewVBox(layout.NewSpacer(), f.counter)),
		// Pull the entry up to its label and the message up to the entry.
		container.New(layout.NewCustomPaddedLayout(-theme.Padding(), 0, 0, 0), f.entry),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), f.message),
	)
	f.updateCounter()
	return f
}

// text is the entry's value without surrounding spaces, as it is saved.
func (f *profileField) text() string { return strings.TrimSpace(f.entry.Text) }

// length counts the characters that will be saved.
func (f *profileField) length() int { return utf8.RuneCountInString(f.text()) }

// overLimit reports whether the field holds more than WhatsApp allows.
func (f *profileField) overLimit() bool { return f.limit > 0 && f.length() > f.limit }

// updateCounter shows "52 / 139", in red above the limit.
func (f *profileField) updateCounter() {
	if f.limit == 0 {
		f.counter.Hide()
		return
	}
	seg := f.counter.Segments[0].(*widget.TextSegment)
	seg.Text = fmt.Sprintf("%d / %d", f.length(), f.limit)
	seg.Style.ColorName = theme.ColorNamePlaceHolder
	seg.Style.TextStyle.Bold = false
	if f.overLimit() {
		seg.Style.ColorName = theme.ColorNameError
		seg.Style.TextStyle.Bold = true
	}
	f.counter.Refresh()
}

// showProblem puts msg under the field. A length problem or an emptied
// field shows at once; a format problem waits until the field is touched.
func (f *profileField) showProblem(msg string) {
	if msg != "" && !f.touched && !f.overLimit() && f.text() != "" {
		msg = ""
	}
	if f.message.Text == msg {
		return
	}
	f.message.SetText(msg)
	if msg == "" {
		f.message.Hide()
		f.entry.SetValidationError(nil)
	} else {
		f.message.Show()
		f.entry.SetValidationError(errors.New(msg))
	}
}

// setText replaces the value without marking the field as touched.
func (f *profileField) setText(s string) {
	if f.entry.Text != s {
		f.entry.SetText(s)
	}
	f.updateCounter()
}
