package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Form pieces shared by the Add Channel wizard and the Configure page.

// FieldNote is the line under a form field: a quiet hint, a confirmation
// in green, or a problem in red. A problem always wins until cleared.
type FieldNote struct {
	hint    string
	tone    fyne.ThemeColorName // colour of the hint
	problem string
	text    *widget.RichText
}

// NewFieldNote returns a note showing hint.
func NewFieldNote(hint string) *FieldNote {
	n := &FieldNote{hint: hint, tone: theme.ColorNamePlaceHolder}
	n.text = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	n.text.Wrapping = fyne.TextWrapWord
	n.show(hint, theme.ColorNamePlaceHolder)
	return n
}

// SetHint replaces the quiet hint shown while there is no problem.
func (n *FieldNote) SetHint(hint string) {
	n.hint, n.tone = hint, theme.ColorNamePlaceHolder
	if n.problem == "" {
		n.show(hint, n.tone)
	}
}

// SetGood shows a confirmation (e.g. how a number will be saved) while
// there is no problem.
func (n *FieldNote) SetGood(text string) {
	n.hint, n.tone = text, theme.ColorNameSuccess
	if n.problem == "" {
		n.show(text, n.tone)
	}
}

// SetProblem shows msg in red; "" goes back to the hint.
func (n *FieldNote) SetProblem(msg string) {
	n.problem = msg
	if msg == "" {
		n.show(n.hint, n.tone)
		return
	}
	n.show(msg, theme.ColorNameError)
}

func (n *FieldNote) show(text string, color fyne.ThemeColorName) {
	seg := n.text.Segments[0].(*widget.TextSegment)
	seg.Text = text
	seg.Style.ColorName = color
	if text == "" {
		n.text.Hide()
	} else {
		n.text.Show()
	}
	n.text.Refresh()
}

// NewFormField stacks a field's label, its input and its note tightly.
func NewFormField(label string, input fyne.CanvasObject, note *FieldNote) fyne.CanvasObject {
	title := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
	items := []fyne.CanvasObject{
		container.New(layout.NewCustomPaddedLayout(0, -theme.Padding(), 0, 0), title),
		input,
	}
	if note != nil {
		items = append(items, container.New(layout.NewCustomPaddedLayout(-theme.Padding(), 0, 0, 0), note.text))
	}
	return container.NewVBox(items...)
}

// NewFormCard puts content on a rounded card with a thin outline.
func NewFormCard(content fyne.CanvasObject) fyne.CanvasObject {
	bg := &canvas.Rectangle{
		FillColor:    theme.Color(ColorNameCard),
		StrokeColor:  theme.Color(ColorNameCardBorder),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(12, 12, 16, 16), content))
}

// NewFormInfoBox is a tinted note with an icon, a bold title and a text.
func NewFormInfoBox(icon fyne.Resource, title, text string) fyne.CanvasObject {
	bg := &canvas.Rectangle{
		FillColor:    theme.Color(theme.ColorNameSelection),
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	body := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}}
	img := widget.NewIcon(theme.NewPrimaryThemedResource(icon))
	col := container.NewVBox(heading, container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), body))
	row := container.NewBorder(nil, nil, container.NewVBox(container.New(layout.NewCustomPaddedLayout(6, 0, 0, 0), img)), nil, col)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(6, 6, 10, 10), row))
}

// NewFormProblem is a red line of text for a problem of a whole form.
func NewFormProblem() *widget.Label {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	l.Hide()
	return l
}

// SetFormProblem shows msg on a label from NewFormProblem, or hides it.
func SetFormProblem(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// NewProgressLine is a spinning activity beside a sentence saying what
// Parley is waiting for; it starts hidden.
func NewProgressLine(spinner *widget.Activity, text string) fyne.CanvasObject {
	line := container.NewHBox(spinner, &widget.Label{Text: text})
	line.Hide()
	return line
}

// HasProblem reports whether the note shows a problem.
func (n *FieldNote) HasProblem() bool { return n.problem != "" }

// Content is the note's text, to place under a field.
func (n *FieldNote) Content() fyne.CanvasObject { return n.text }
