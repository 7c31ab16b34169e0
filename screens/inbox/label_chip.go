package inbox

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// labelChip is one label as a small coloured pill with its name.
type labelChip struct {
	bg      *canvas.Rectangle
	text    *canvas.Text
	content *fyne.Container
}

func newLabelChip() *labelChip {
	c := &labelChip{bg: canvas.NewRectangle(chipTextDark), text: canvas.NewText("", chipTextLight)}
	c.bg.CornerRadius = 7
	c.text.TextSize = theme.CaptionTextSize()
	c.text.TextStyle = fyne.TextStyle{Bold: true}
	c.content = container.NewStack(c.bg, container.New(layout.NewCustomPaddedLayout(1, 1, 6, 6), c.text))
	return c
}

// set shows l.
func (c *labelChip) set(l app.Label) {
	bg := labelColor(l.Color)
	c.bg.FillColor = bg
	c.text.Text = l.Name
	c.text.Color = chipTextOn(bg)
	c.bg.Refresh()
	c.text.Refresh()
}

// labelChips shows up to max labels as chips and "+n" for the others. A
// list row keeps one and sets it again when recycled.
type labelChips struct {
	chips   []*labelChip
	more    *canvas.Text
	content *fyne.Container
}

func newLabelChips(max int) *labelChips {
	l := &labelChips{more: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	l.more.TextSize = theme.CaptionTextSize()
	l.content = container.New(layout.NewCustomPaddedHBoxLayout(3))
	for range max {
		c := newLabelChip()
		l.chips = append(l.chips, c)
		l.content.Add(container.NewCenter(c.content))
	}
	l.content.Add(container.NewCenter(l.more))
	return l
}

// set shows labels, in order.
func (l *labelChips) set(labels []app.Label) {
	for i, c := range l.chips {
		box := l.content.Objects[i]
		if i < len(labels) {
			c.set(labels[i])
			box.Show()
		} else {
			box.Hide()
		}
	}
	if extra := len(labels) - len(l.chips); extra > 0 {
		l.more.Text = "+" + strconv.Itoa(extra)
		l.more.Color = theme.Color(theme.ColorNamePlaceHolder)
		l.more.Refresh()
		l.more.Show()
	} else {
		l.more.Hide()
	}
	if len(labels) == 0 {
		l.content.Hide()
	} else {
		l.content.Show()
	}
	l.content.Refresh()
}

// labelsOf returns the labels of all whose IDs are in ids, in all's
// order (by name).
func labelsOf(ids []int64, all []app.Label) []app.Label {
	var out []app.Label
	for _, l := range all {
		if slices.Contains(ids, l.ID) {
			out = append(out, l)
		}
	}
	return out
}
