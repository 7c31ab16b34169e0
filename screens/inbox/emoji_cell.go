package inbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emojiCell is one emoji in the picker's grid, reused as it scrolls, or
// a group's tab.
type emojiCell struct {
	widget.BaseWidget
	picker *emojiPicker
	index  int
	onTap  func() // a group's tab, instead of picking
	size   fyne.Size
	glyph  *canvas.Text
	hover  *canvas.Rectangle
}

var (
	_ fyne.Tappable     = (*emojiCell)(nil)
	_ desktop.Hoverable = (*emojiCell)(nil)
)

func newEmojiCell(p *emojiPicker) *emojiCell {
	return newGlyph(p, emojiGlyphSize, emojiCellSize)
}

// newEmojiTab is a group's tab over the grid: its first emoji, smaller.
func newEmojiTab(char string, onTap func()) *emojiCell {
	c := newGlyph(nil, emojiTabGlyphSize, emojiTabSize)
	c.glyph.Text, c.onTap = char, onTap
	return c
}

func newGlyph(p *emojiPicker, textSize float32, size fyne.Size) *emojiCell {
	c := &emojiCell{picker: p, size: size, glyph: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	c.glyph.TextSize = textSize
	c.glyph.Alignment = fyne.TextAlignCenter
	c.hover = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	c.hover.CornerRadius = 6
	c.hover.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// set shows the emoji at index i of the grid.
func (c *emojiCell) set(i int, char string) {
	c.index = i
	if c.glyph.Text != char {
		c.glyph.Text = char
		c.glyph.Refresh()
	}
}

// Tapped picks the cell's emoji, or opens the tab's group.
func (c *emojiCell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
		return
	}
	c.picker.pick(c.index)
}

// MouseIn shows the emoji's name under the grid.
func (c *emojiCell) MouseIn(*desktop.MouseEvent) {
	c.hover.Show()
	if c.picker != nil && c.index < len(c.picker.shown) {
		e := c.picker.shown[c.index]
		c.picker.hint.SetText(e.char + "  " + e.name)
	}
}

// MouseMoved implements desktop.Hoverable.
func (c *emojiCell) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the highlight away.
func (c *emojiCell) MouseOut() { c.hover.Hide() }

// MinSize is the cell's square.
func (c *emojiCell) MinSize() fyne.Size { return c.size }

// CreateRenderer implements fyne.Widget.
func (c *emojiCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.hover, container.NewCenter(c.glyph)))
}
