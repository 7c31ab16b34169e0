package inbox

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Measures of the emoji picker.
var (
	emojiPickerSize = fyne.NewSize(372, 380)
	emojiCellSize   = fyne.NewSquareSize(40)
)

// Sizes of an emoji in the grid and on a group's tab.
const (
	emojiGlyphSize    = 24
	emojiTabGlyphSize = 18
)

var emojiTabSize = fyne.NewSquareSize(34)

// emojiPicker is the composer's emoji popup: a search field (by name:
// "heart", "thumbs"), a tab per Unicode group, and one grid of every
// emoji, the recently used first. The grid recycles its cells, so the
// ~1,900 emoji cost a screenful of widgets. A tap hands the emoji to
// onPick and remembers it as recently used; the popup stays open for
// more until the owner clicks outside it.
type emojiPicker struct {
	onPick func(char string)
	recent recentEmoji

	all    []emoji
	shown  []emoji // what the grid shows: recent and all, or the matches
	starts []int   // index in shown of each group's first emoji, without a search

	search  *widget.Entry
	grid    *widget.GridWrap
	hint    *widget.Label // the emoji under the pointer, or how many match
	content fyne.CanvasObject
	popup   *widget.PopUp
}

func newEmojiPicker(recent recentEmoji, onPick func(string)) *emojiPicker {
	p := &emojiPicker{onPick: onPick, recent: recent, all: allEmoji()}
	p.search = &widget.Entry{PlaceHolder: "Search emoji", ActionItem: widget.NewIcon(theme.SearchIcon())}
	p.search.ExtendBaseWidget(p.search)
	p.search.OnChanged = func(string) { p.refill() }
	p.grid = widget.NewGridWrap(func() int { return len(p.shown) }, p.newCell, p.updateCell)
	p.hint = &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	tabs := container.NewHBox()
	for gi, g := range emojiGroups {
		tabs.Add(newEmojiTab(p.firstOf(gi), func() { p.showGroup(gi, g.name) }))
	}
	p.content = container.NewBorder(container.NewVBox(p.search, container.NewHScroll(tabs)), p.hint, nil, nil, p.grid)
	p.refill()
	return p
}

// firstOf is the first emoji of group gi, its tab's face.
func (p *emojiPicker) firstOf(gi int) string {
	for _, e := range p.all {
		if e.group == gi {
			return e.char
		}
	}
	return "?"
}

// show opens the picker, with the search field focused: above the object
// it belongs to (the composer's emoji button), or, with above false, in
// the middle of it (the messages, to react).
func (p *emojiPicker) show(over fyne.CanvasObject, above bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(over)
	if c == nil {
		return
	}
	p.search.SetText("")
	p.refill()
	p.grid.ScrollToTop()
	if p.popup == nil {
		p.popup = widget.NewPopUp(p.content, c)
	}
	p.popup.Resize(emojiPickerSize)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(over)
	if above {
		pos = pos.SubtractXY(0, emojiPickerSize.Height+theme.Padding())
	} else {
		pos = pos.AddXY((over.Size().Width-emojiPickerSize.Width)/2, (over.Size().Height-emojiPickerSize.Height)/2)
	}
	p.popup.ShowAtPosition(fyne.NewPos(max(0, pos.X), max(0, pos.Y)))
	c.Focus(p.search)
}

// hide closes the picker.
func (p *emojiPicker) hide() {
	if p.popup != nil {
		p.popup.Hide()
	}
}

// refill shows the matches of the search, or the recently used emoji and
// then all of them.
func (p *emojiPicker) refill() {
	if q := p.search.Text; q != "" {
		p.shown, p.starts = filterEmoji(p.all, q), nil
		switch n := len(p.shown); n {
		case 0:
			p.hint.SetText("No emoji is called “" + q + "”.")
		case 1:
			p.hint.SetText("1 emoji")
		default:
			p.hint.SetText(fmt.Sprintf("%d emoji", n))
		}
		p.grid.Refresh()
		p.grid.ScrollToTop()
		return
	}
	names := make(map[string]emoji, len(p.all))
	for _, e := range p.all {
		names[e.char] = e
	}
	p.shown = p.shown[:0:0]
	for _, char := range p.recent.list() {
		if e, ok := names[char]; ok {
			p.shown = append(p.shown, e)
		}
	}
	p.starts = make([]int, len(emojiGroups))
	for i := len(p.all) - 1; i >= 0; i-- {
		p.starts[p.all[i].group] = len(p.shown) + i
	}
	p.shown = append(p.shown, p.all...)
	if len(p.recent.list()) > 0 {
		p.hint.SetText("Recently used first")
	} else {
		p.hint.SetText("")
	}
	p.grid.Refresh()
}

// showGroup scrolls to a group's first emoji, leaving a search.
func (p *emojiPicker) showGroup(gi int, name string) {
	if p.search.Text != "" {
		p.search.SetText("") // refills
	}
	if gi < len(p.starts) {
		p.grid.ScrollTo(p.starts[gi])
	}
	p.hint.SetText(name)
}

// pick hands the emoji at index i of the grid to onPick.
func (p *emojiPicker) pick(i int) {
	if i < 0 || i >= len(p.shown) {
		return
	}
	char := p.shown[i].char
	p.recent.add(char)
	if p.onPick != nil {
		p.onPick(char)
	}
}

func (p *emojiPicker) newCell() fyne.CanvasObject { return newEmojiCell(p) }

func (p *emojiPicker) updateCell(i widget.GridWrapItemID, o fyne.CanvasObject) {
	if i < len(p.shown) {
		o.(*emojiCell).set(i, p.shown[i].char)
	}
}
