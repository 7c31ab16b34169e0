package builder

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
)

// Icons of the body's formatting toolbar, in Fyne's Material style.
var (
	boldIcon      = kit.ThemedSVG("format_bold.svg", `<path d="M15.6 10.79c.97-.67 1.65-1.77 1.65-2.79 0-2.26-1.75-4-4-4H7v14h7.04c2.09 0 3.71-1.7 3.71-3.79 0-1.52-.86-2.82-2.15-3.42zM10 6.5h3c.83 0 1.5.67 1.5 1.5s-.67 1.5-1.5 1.5h-3v-3zm3.5 9H10v-3h3.5c.83 0 1.5.67 1.5 1.5s-.67 1.5-1.5 1.5z"/>`)
	italicIcon    = kit.ThemedSVG("format_italic.svg", `<path d="M10 4v3h2.21l-3.42 8H6v3h8v-3h-2.21l3.42-8H18V4z"/>`)
	strikeIcon    = kit.ThemedSVG("format_strike.svg", `<path d="M10 19h4v-3h-4v3zM5 4v3h5v3h4V7h5V4H5zM3 14h18v-2H3v2z"/>`)
	monoIcon      = kit.ThemedSVG("format_code.svg", `<path d="M9.4 16.6 4.8 12l4.6-4.6L8 6l-6 6 6 6 1.4-1.4zm5.2 0 4.6-4.6-4.6-4.6L16 6l6 6-6 6-1.4-1.4z"/>`)
	parameterIcon = kit.ThemedSVG("parameter.svg", `<path d="M4 7v2c0 .55-.45 1-1 1H2v4h1c.55 0 1 .45 1 1v2c0 1.65 1.35 3 3 3h3v-2H7c-.55 0-1-.45-1-1v-2c0-1.3-.84-2.42-2-2.83v-.34C5.16 11.42 6 10.3 6 9V7c0-.55.45-1 1-1h3V4H7C5.35 4 4 5.35 4 7zm17 3c-.55 0-1-.45-1-1V7c0-1.65-1.35-3-3-3h-3v2h3c.55 0 1 .45 1 1v2c0 1.3.84 2.42 2 2.83v.34c-1.16.41-2 1.52-2 2.83v2c0 .55-.45 1-1 1h-3v2h3c1.65 0 3-1.35 3-3v-2c0-.55.45-1 1-1h1v-4h-1z"/>`)
)

// Formatting markers of WhatsApp.
const (
	markBold   = "*"
	markItalic = "_"
	markStrike = "~"
	markMono   = "```"
)

// bodySection is the card of the message text: a multi-line editor with
// a toolbar that formats the selection (or inserts the markers) and adds
// the next parameter, a character counter and the problem note.
type bodySection struct {
	window  fyne.Window
	entry   *widget.Entry
	counter *charCounter
	note    *formNote

	bold, italic, strike, mono, param *widget.Button

	content fyne.CanvasObject
}

func newBodySection(w fyne.Window, changed func()) *bodySection {
	s := &bodySection{window: w, counter: newCharCounter(app.MaxTemplateBody), note: newFormNote()}
	s.entry = &widget.Entry{
		MultiLine:   true,
		Wrapping:    fyne.TextWrapWord,
		PlaceHolder: "Hello {{1}}, your order {{2}} is ready for pickup.",
		OnChanged: func(text string) {
			s.note.touched = true
			s.counter.update(text)
			changed()
		},
	}
	s.entry.SetMinRowsVisible(6)
	s.bold = &widget.Button{Icon: boldIcon, Importance: widget.LowImportance, OnTapped: func() { s.format(markBold) }}
	s.italic = &widget.Button{Icon: italicIcon, Importance: widget.LowImportance, OnTapped: func() { s.format(markItalic) }}
	s.strike = &widget.Button{Icon: strikeIcon, Importance: widget.LowImportance, OnTapped: func() { s.format(markStrike) }}
	s.mono = &widget.Button{Icon: monoIcon, Importance: widget.LowImportance, OnTapped: func() { s.format(markMono) }}
	s.param = &widget.Button{Text: "Add parameter", Icon: parameterIcon, OnTapped: s.onAddParameter}
	toolbar := container.NewHBox(s.bold, s.italic, s.strike, s.mono, layout.NewSpacer(), s.param)
	s.content = newBuilderSection("Message", "Required. Select words and use the buttons to format them. "+
		"Parameters such as {{1}} are filled in for each customer when you send the template.",
		newBuilderField("Text", "", s.counter, container.NewVBox(toolbar, s.entry), s.note))
	return s
}

// format wraps the selected text in marker, keeping spaces at its ends
// outside the markers, or inserts a pair of markers with the cursor
// between them.
func (s *bodySection) format(marker string) {
	sel := s.entry.SelectedText()
	if strings.TrimSpace(sel) == "" {
		insertAtCursor(s.entry, sel+marker+marker)
		for range utf8.RuneCountInString(marker) {
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		}
	} else {
		core := strings.TrimFunc(sel, unicode.IsSpace)
		start := strings.Index(sel, core)
		insertAtCursor(s.entry, sel[:start]+marker+core+marker+sel[start+len(core):])
	}
	s.window.Canvas().Focus(s.entry)
}

// onAddParameter inserts the next parameter, {{n}}, at the cursor.
func (s *bodySection) onAddParameter() {
	insertAtCursor(s.entry, waformat.ParamText(nextParam(s.entry.Text)))
	s.window.Canvas().Focus(s.entry)
}

// nextParam is the number after the highest parameter in text, so added
// parameters never leave a gap.
func nextParam(text string) int {
	n := 0
	for _, p := range waformat.Params(text) {
		n = max(n, p)
	}
	return n + 1
}

// bodyParams are the parameter numbers of the body, ascending.
func (s *bodySection) bodyParams() []int {
	ps := waformat.Params(s.entry.Text)
	slices.Sort(ps)
	return ps
}

// fill shows a template's body.
func (s *bodySection) fill(body string) {
	s.entry.SetText(body)
	s.counter.update(body)
}

// showProblems puts the body's problem under it.
func (s *bodySection) showProblems(errs app.ValidationErrors, all bool) {
	s.note.show(errs.For(app.FieldTemplateBody), all)
}

// footerSection is the card of the optional footer: one line of grey
// text under the message.
type footerSection struct {
	entry   *widget.Entry
	counter *charCounter
	note    *formNote
	content fyne.CanvasObject
}

func newFooterSection(changed func()) *footerSection {
	s := &footerSection{counter: newCharCounter(app.MaxTemplateFooter), note: newFormNote()}
	s.entry = &widget.Entry{PlaceHolder: "for example Reply STOP to unsubscribe", OnChanged: func(text string) {
		s.note.touched = true
		s.counter.update(text)
		changed()
	}}
	s.content = newBuilderSection("Footer", "Optional. A short grey line under the message, without parameters.",
		newBuilderField("Footer text", "", s.counter, s.entry, s.note))
	return s
}

// fill shows a template's footer.
func (s *footerSection) fill(footer string) {
	s.entry.SetText(footer)
	s.counter.update(footer)
}

// showProblems puts the footer's problem under it.
func (s *footerSection) showProblems(errs app.ValidationErrors, all bool) {
	s.note.show(errs.For(app.FieldTemplateFooter), all)
}
