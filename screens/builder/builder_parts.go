package builder

import (
	"fmt"
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// formNote is the red line under a field that says what is wrong with it
// in plain words. It stays hidden until the owner has changed the field
// or tried to submit, so an empty form does not shout.
type formNote struct {
	label   *widget.Label
	touched bool // the owner changed the field
}

func newFormNote() *formNote {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	l.Hide()
	return &formNote{label: l}
}

// show puts msg under the field when the owner should see it: once they
// changed the field, or always when all is set. An empty msg hides it.
func (n *formNote) show(msg string, all bool) {
	if msg == "" || !(all || n.touched) {
		n.label.Hide()
		return
	}
	if n.label.Text != msg {
		n.label.SetText(msg)
	}
	n.label.Show()
}

// visible reports whether the note shows a problem.
func (n *formNote) visible() bool { return n.label.Visible() }

// charCounter shows how many characters a field holds of its limit,
// "12/60", in red once over the limit.
type charCounter struct {
	text  *widget.RichText
	limit int
}

func newCharCounter(limit int) *charCounter {
	c := &charCounter{text: kit.NewMutedText("", fyne.TextAlignTrailing, theme.SizeNameCaptionText), limit: limit}
	c.update("")
	return c
}

// update counts s.
func (c *charCounter) update(s string) {
	n := utf8.RuneCountInString(s)
	seg := c.text.Segments[0].(*widget.TextSegment)
	seg.Text = fmt.Sprintf("%d/%d", n, c.limit)
	seg.Style.ColorName = theme.ColorNamePlaceHolder
	if n > c.limit {
		seg.Style.ColorName = theme.ColorNameError
	}
	c.text.Refresh()
}

// newBuilderField lays out one field: its title with an optional character
// counter at the right, an optional hint, the input and the note under it.
func newBuilderField(title, hint string, counter *charCounter, input fyne.CanvasObject, note *formNote) fyne.CanvasObject {
	var right fyne.CanvasObject
	if counter != nil {
		right = container.NewVBox(layout.NewSpacer(), counter.text)
	}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, right, builderFieldTitle(title)))
	if hint != "" {
		box.Add(tuckUnder(newBuilderHint(hint)))
	}
	box.Add(input)
	if note != nil {
		box.Add(tuckUnder(note.label))
	}
	return box
}

// builderFieldTitle is the bold name of a field.
func builderFieldTitle(title string) *widget.Label {
	return &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}}
}

// newBuilderHint is a short explanation under a field's title, wrapped.
func newBuilderHint(text string) *widget.RichText {
	h := kit.NewMutedText(text, fyne.TextAlignLeading, theme.SizeNameCaptionText)
	h.Wrapping = fyne.TextWrapWord
	return h
}

// tuckUnder removes most of the padding above o, so a hint or note sits
// close to what it belongs to.
func tuckUnder(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(-theme.Padding()*1.5, 0, 0, 0), o)
}

// newBuilderSection is one card of the builder's form: a title, a hint
// saying what the part is for, and its fields.
func newBuilderSection(title, hint string, fields ...fyne.CanvasObject) fyne.CanvasObject {
	head := container.NewVBox(&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText})
	if hint != "" {
		head.Add(tuckUnder(newBuilderHint(hint)))
	}
	body := container.NewVBox(head)
	for _, f := range fields {
		body.Add(f)
	}
	card := &canvas.Rectangle{
		FillColor:    theme.Color(kit.ColorNameCard),
		StrokeColor:  theme.Color(kit.ColorNameCardBorder),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	return container.New(layout.NewCustomPaddedLayout(0, 12, 0, 0),
		container.NewStack(card, container.New(layout.NewCustomPaddedLayout(8, 12, 14, 14), body)))
}

// atLeast gives o at least the given size.
func atLeast(size fyne.Size, o fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(size)
	return container.NewStack(r, o)
}

// formTone is the tone of a formBanner.
type formTone int

// Banner tones.
const (
	formToneError formTone = iota
	formToneWarning
	formToneSuccess
)

// formBanner is a message about the whole form at its top: why WhatsApp
// did not accept the template, that it was saved as a draft, and so on.
type formBanner struct {
	bg      *canvas.Rectangle
	icon    *widget.Icon
	text    *widget.Label
	content fyne.CanvasObject
}

func newFormBanner() *formBanner {
	b := &formBanner{
		bg:   &canvas.Rectangle{CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2},
		icon: widget.NewIcon(nil),
		text: &widget.Label{Wrapping: fyne.TextWrapWord},
	}
	row := container.NewBorder(nil, nil, container.NewVBox(b.icon), nil, b.text)
	b.content = container.New(layout.NewCustomPaddedLayout(0, 12, 0, 0),
		container.NewStack(b.bg, container.New(layout.NewCustomPaddedLayout(4, 4, 10, 10), row)))
	b.content.Hide()
	return b
}

// show puts msg in the banner in the given tone.
func (b *formBanner) show(kind formTone, msg string) {
	name, icon := theme.ColorNameError, theme.ErrorIcon()
	switch kind {
	case formToneWarning:
		name, icon = theme.ColorNameWarning, theme.WarningIcon()
	case formToneSuccess:
		name, icon = theme.ColorNameSuccess, theme.ConfirmIcon()
	}
	b.bg.FillColor = kit.BadgeTint(theme.Color(name), 0x22)
	b.bg.StrokeColor = kit.BadgeTint(theme.Color(name), 0x66)
	b.bg.StrokeWidth = 1
	b.icon.SetResource(theme.NewColoredResource(icon, name))
	b.text.SetText(msg)
	b.bg.Refresh()
	b.content.Show()
}

// hide removes the banner.
func (b *formBanner) hide() { b.content.Hide() }

// message is the banner's text while it shows, else "".
func (b *formBanner) message() string {
	if !b.content.Visible() {
		return ""
	}
	return b.text.Text
}

// pasteClip is a one-off clipboard holding text, used to insert text into an
// entry as if pasted: the selection is replaced, the cursor moves past
// the text, and undo and OnChanged work as for typing.
type pasteClip string

// Content returns the text.
func (c pasteClip) Content() string { return string(c) }

// SetContent ignores new content.
func (c pasteClip) SetContent(string) {}

// insertAtCursor replaces the entry's selection, or inserts at its
// cursor, with text.
func insertAtCursor(e *widget.Entry, text string) {
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: pasteClip(text)})
}
