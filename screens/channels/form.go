package channels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// Form pieces shared by the Add Channel wizard and the Configure page.

// fieldNote is the line under a form field: a quiet hint, a confirmation
// in green, or a problem in red. A problem always wins until cleared.
type fieldNote struct {
	hint    string
	tone    fyne.ThemeColorName // colour of the hint
	problem string
	text    *widget.RichText
}

func newFieldNote(hint string) *fieldNote {
	n := &fieldNote{hint: hint, tone: theme.ColorNamePlaceHolder}
	n.text = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	n.text.Wrapping = fyne.TextWrapWord
	n.show(hint, theme.ColorNamePlaceHolder)
	return n
}

// setHint replaces the quiet hint shown while there is no problem.
func (n *fieldNote) setHint(hint string) {
	n.hint, n.tone = hint, theme.ColorNamePlaceHolder
	if n.problem == "" {
		n.show(hint, n.tone)
	}
}

// setGood shows a confirmation (e.g. how a number will be saved) while
// there is no problem.
func (n *fieldNote) setGood(text string) {
	n.hint, n.tone = text, theme.ColorNameSuccess
	if n.problem == "" {
		n.show(text, n.tone)
	}
}

// setProblem shows msg in red; "" goes back to the hint.
func (n *fieldNote) setProblem(msg string) {
	n.problem = msg
	if msg == "" {
		n.show(n.hint, n.tone)
		return
	}
	n.show(msg, theme.ColorNameError)
}

func (n *fieldNote) show(text string, color fyne.ThemeColorName) {
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

// newFormField stacks a field's label, its input and its note tightly.
func newFormField(label string, input fyne.CanvasObject, note *fieldNote) fyne.CanvasObject {
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

// newFormCard puts content on a rounded card with a thin outline.
func newFormCard(content fyne.CanvasObject) fyne.CanvasObject {
	bg := &canvas.Rectangle{
		FillColor:    theme.Color(kit.ColorNameCard),
		StrokeColor:  theme.Color(kit.ColorNameCardBorder),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(12, 12, 16, 16), content))
}

// newFormInfoBox is a tinted note with an icon, a bold title and a text.
func newFormInfoBox(icon fyne.Resource, title, text string) fyne.CanvasObject {
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

// newFormProblem is a red line of text for a problem of a whole form.
func newFormProblem() *widget.Label {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	l.Hide()
	return l
}

// setFormProblem shows msg on a label from newFormProblem, or hides it.
func setFormProblem(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// newProgressLine is a spinning activity beside a sentence saying what
// Parley is waiting for; it starts hidden.
func newProgressLine(spinner *widget.Activity, text string) fyne.CanvasObject {
	line := container.NewHBox(spinner, &widget.Label{Text: text})
	line.Hide()
	return line
}
