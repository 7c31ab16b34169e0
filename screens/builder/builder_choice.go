package builder

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// choiceOption is one option of a choiceGroup.
type choiceOption struct {
	value  string
	title  string
	detail string // one line on what the option means
}

// choiceGroup lets the owner pick one of a few options, each shown as a
// row with a radio mark, a title and a line explaining it: like a radio
// group, but with room to say what each option means.
type choiceGroup struct {
	rows     []*choiceRow
	selected string
	// onChanged is called when the owner picks an option.
	onChanged func(value string)
	content   fyne.CanvasObject
}

func newChoiceGroup(options []choiceOption, onChanged func(string)) *choiceGroup {
	g := &choiceGroup{onChanged: onChanged}
	box := container.NewVBox()
	for _, o := range options {
		r := newChoiceRow(o, g.pick)
		g.rows = append(g.rows, r)
		box.Add(r)
	}
	g.content = box
	return g
}

// pick selects value as the owner's choice.
func (g *choiceGroup) pick(value string) {
	g.setSelected(value)
	if g.onChanged != nil {
		g.onChanged(value)
	}
}

// setSelected marks value without calling onChanged; "" clears.
func (g *choiceGroup) setSelected(value string) {
	g.selected = value
	for _, r := range g.rows {
		r.setSelected(r.option.value == value)
	}
}

// row returns the row of value, or nil.
func (g *choiceGroup) row(value string) *choiceRow {
	for _, r := range g.rows {
		if r.option.value == value {
			return r
		}
	}
	return nil
}

// choiceRow is one option of a choiceGroup; tap it to choose it.
type choiceRow struct {
	widget.BaseWidget
	option   choiceOption
	selected bool
	hovered  bool
	onTap    func(value string)

	bg   *canvas.Rectangle
	mark *widget.Icon
}

var (
	_ fyne.Widget        = (*choiceRow)(nil)
	_ fyne.Tappable      = (*choiceRow)(nil)
	_ desktop.Hoverable  = (*choiceRow)(nil)
	_ desktop.Cursorable = (*choiceRow)(nil)
)

func newChoiceRow(o choiceOption, onTap func(string)) *choiceRow {
	r := &choiceRow{
		option: o,
		onTap:  onTap,
		bg:     &canvas.Rectangle{StrokeWidth: 1, CornerRadius: theme.Size(theme.SizeNameInputRadius) * 1.5},
		mark:   widget.NewIcon(theme.RadioButtonIcon()),
	}
	r.ExtendBaseWidget(r)
	r.paint()
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *choiceRow) CreateRenderer() fyne.WidgetRenderer {
	detail := kit.NewMutedText(r.option.detail, fyne.TextAlignLeading, theme.SizeNameCaptionText)
	detail.Wrapping = fyne.TextWrapWord
	text := container.NewVBox(
		&widget.Label{Text: r.option.title, TextStyle: fyne.TextStyle{Bold: true}},
		tuckUnder(detail),
	)
	row := container.NewBorder(nil, nil, container.NewVBox(layout.NewSpacer(), r.mark, layout.NewSpacer()), nil, text)
	return widget.NewSimpleRenderer(container.NewStack(r.bg,
		container.New(layout.NewCustomPaddedLayout(0, 2, 6, 8), row)))
}

// Tapped chooses the option.
func (r *choiceRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.option.value)
	}
}

// Cursor shows a pointing hand over the row.
func (r *choiceRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn tints the row under the mouse.
func (r *choiceRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.paint() }

// MouseMoved does nothing; the row is already tinted.
func (r *choiceRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the tint.
func (r *choiceRow) MouseOut() { r.hovered = false; r.paint() }

func (r *choiceRow) setSelected(on bool) {
	if r.selected == on {
		return
	}
	r.selected = on
	r.paint()
}

// paint colours the row for its state: a primary outline and tint when
// chosen, a light tint under the mouse, a plain outline otherwise.
func (r *choiceRow) paint() {
	r.bg.FillColor = color.Transparent
	r.bg.StrokeColor = theme.Color(kit.ColorNameCardBorder)
	icon := theme.RadioButtonIcon()
	switch {
	case r.selected:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		icon = theme.NewColoredResource(theme.RadioButtonCheckedIcon(), theme.ColorNamePrimary)
	case r.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.mark.SetResource(icon)
	r.bg.Refresh()
}

// segmentedChoice is a row of buttons of which exactly one is chosen,
// drawn in the primary colour: a compact radio group for a few short
// options.
type segmentedChoice struct {
	// Selected is the chosen option.
	Selected string
	// OnChanged is called when the owner chooses another option.
	OnChanged func(string)

	buttons []*widget.Button
	content *fyne.Container
}

func newSegmentedChoice(options []string, selected string, onChanged func(string)) *segmentedChoice {
	c := &segmentedChoice{Selected: selected, OnChanged: onChanged, content: container.NewHBox()}
	for _, o := range options {
		b := &widget.Button{Text: o, OnTapped: func() { c.choose(o) }}
		c.buttons = append(c.buttons, b)
		c.content.Add(b)
	}
	c.paint()
	return c
}

// button returns the button of option, or nil.
func (c *segmentedChoice) button(option string) *widget.Button {
	for _, b := range c.buttons {
		if b.Text == option {
			return b
		}
	}
	return nil
}

func (c *segmentedChoice) choose(option string) {
	if option == c.Selected {
		return
	}
	c.Selected = option
	c.paint()
	if c.OnChanged != nil {
		c.OnChanged(option)
	}
}

// setSelected marks option without calling OnChanged.
func (c *segmentedChoice) setSelected(option string) {
	c.Selected = option
	c.paint()
}

func (c *segmentedChoice) paint() {
	for _, b := range c.buttons {
		imp := widget.MediumImportance
		if b.Text == c.Selected {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}
