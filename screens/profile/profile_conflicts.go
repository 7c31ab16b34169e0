package profile

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Captions of the two sides of a conflict.
const (
	conflictLocalCaption  = "On this computer"
	conflictRemoteCaption = "On WhatsApp"
)

// conflictPanel lists every field changed both on this laptop and on
// WhatsApp, both values side by side, and lets the owner pick one per
// field. Nothing is applied until every field has a choice.
type conflictPanel struct {
	check   app.ProfileConflictCheck
	choices map[string]bool // field → keep this laptop's value; absent: not chosen
	cards   map[string][2]*conflictChoice
	apply   *widget.Button
	onApply func(check app.ProfileConflictCheck, keepLocal map[string]bool)
	content fyne.CanvasObject
}

func newConflictPanel(check app.ProfileConflictCheck, onApply func(app.ProfileConflictCheck, map[string]bool)) *conflictPanel {
	c := &conflictPanel{check: check, choices: map[string]bool{}, cards: map[string][2]*conflictChoice{}, onApply: onApply}
	c.apply = &widget.Button{Text: "Apply my choices", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: c.onApplyTapped}
	rows := container.NewVBox(
		&widget.Label{Text: "Choose which value to keep", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		&widget.Label{Text: "These fields were changed on this computer and, meanwhile, on WhatsApp too. Pick one value for each; fields changed in only one place are kept as they are.", Wrapping: fyne.TextWrapWord},
	)
	for _, f := range check.Conflicts {
		local := newConflictChoice(conflictLocalCaption, conflictText(f.Field, f.Local), func() { c.choose(f.Field, true) })
		remote := newConflictChoice(conflictRemoteCaption, conflictText(f.Field, f.Remote), func() { c.choose(f.Field, false) })
		c.cards[f.Field] = [2]*conflictChoice{local, remote}
		rows.Add(&widget.Label{Text: f.Label, TextStyle: fyne.TextStyle{Bold: true}})
		rows.Add(container.NewGridWithColumns(2, local, remote))
	}
	rows.Add(container.NewHBox(
		&widget.Button{Text: "Keep all of mine", Importance: widget.LowImportance, OnTapped: func() { c.chooseAll(true) }},
		&widget.Button{Text: "Use all from WhatsApp", Importance: widget.LowImportance, OnTapped: func() { c.chooseAll(false) }},
		layout.NewSpacer(), c.apply))
	c.refresh()

	bg := &canvas.Rectangle{
		FillColor:    theme.Color(kit.ColorNameCard),
		StrokeColor:  theme.Color(theme.ColorNameWarning),
		StrokeWidth:  2,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	c.content = container.New(layout.NewCustomPaddedLayout(0, 14, 0, 0),
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(8, 8, 12, 12), rows)))
	return c
}

// conflictText is how a conflicting value reads to the owner.
func conflictText(field, v string) string {
	if v == "" {
		return "(empty)"
	}
	if field == app.FieldVertical {
		return app.VerticalName(v)
	}
	return v
}

func (c *conflictPanel) choose(field string, keepLocal bool) {
	c.choices[field] = keepLocal
	c.refresh()
}

func (c *conflictPanel) chooseAll(keepLocal bool) {
	for _, f := range c.check.Conflicts {
		c.choices[f.Field] = keepLocal
	}
	c.refresh()
}

func (c *conflictPanel) refresh() {
	for field, cards := range c.cards {
		keep, chosen := c.choices[field]
		cards[0].setSelected(chosen && keep)
		cards[1].setSelected(chosen && !keep)
	}
	if len(c.choices) == len(c.check.Conflicts) {
		c.apply.Enable()
	} else {
		c.apply.Disable()
	}
}

func (c *conflictPanel) onApplyTapped() {
	if len(c.choices) != len(c.check.Conflicts) {
		return
	}
	keep := make(map[string]bool, len(c.choices))
	for k, v := range c.choices {
		keep[k] = v
	}
	c.onApply(c.check, keep)
}

// conflictChoice is one side of a conflict: a caption, the value, and a
// radio mark; tapping it picks this value.
type conflictChoice struct {
	widget.BaseWidget
	caption  string
	value    string
	selected bool
	onTap    func()
}

var (
	_ fyne.Widget   = (*conflictChoice)(nil)
	_ fyne.Tappable = (*conflictChoice)(nil)
)

func newConflictChoice(caption, value string, onTap func()) *conflictChoice {
	c := &conflictChoice{caption: caption, value: value, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped picks this card's value.
func (c *conflictChoice) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

func (c *conflictChoice) setSelected(on bool) {
	if c.selected != on {
		c.selected = on
		c.Refresh()
	}
}

// CreateRenderer draws the card.
func (c *conflictChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &conflictChoiceRenderer{
		card: c,
		bg:   &canvas.Rectangle{StrokeWidth: 1, CornerRadius: theme.Size(theme.SizeNameInputRadius) * 1.5},
		mark: widget.NewIcon(theme.RadioButtonIcon()),
		head: &widget.Label{Text: c.caption, TextStyle: fyne.TextStyle{Bold: true}},
		text: &widget.Label{Text: c.value, Wrapping: fyne.TextWrapWord},
	}
	r.box = container.New(layout.NewCustomPaddedLayout(4, 4, 8, 8), container.NewVBox(
		container.NewBorder(nil, nil, r.mark, nil, r.head),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), r.text)))
	r.Refresh()
	return r
}

type conflictChoiceRenderer struct {
	card       *conflictChoice
	bg         *canvas.Rectangle
	mark       *widget.Icon
	head, text *widget.Label
	box        *fyne.Container
}

func (r *conflictChoiceRenderer) Destroy() {}

func (r *conflictChoiceRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.box.Resize(size)
}

func (r *conflictChoiceRenderer) MinSize() fyne.Size { return r.box.MinSize() }

func (r *conflictChoiceRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.box}
}

func (r *conflictChoiceRenderer) Refresh() {
	if r.card.selected {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		r.bg.StrokeWidth = 2
		r.mark.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
	} else {
		r.bg.FillColor = color.Transparent
		r.bg.StrokeColor = theme.Color(kit.ColorNameCardBorder)
		r.bg.StrokeWidth = 1
		r.mark.SetResource(theme.RadioButtonIcon())
	}
	r.bg.Refresh()
}
