package inbox

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the search field: an entry where Esc calls onEscape.
type searchEntry struct {
	widget.Entry
	onEscape func()
}

var _ fyne.Widget = (*searchEntry)(nil)

func newSearchEntry(onEscape func()) *searchEntry {
	e := &searchEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc, hands F1 to the window; other keys edit the
// text.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	if forwardWindowKey(e, k) {
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut hands the window's shortcuts on (keys_forward.go), so
// Alt+↓ or Ctrl+K work from the search field too, and leaves copy,
// paste and the like to the entry.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// tapRow is a row of search results that opens what it shows when
// tapped, and is tinted under the pointer.
type tapRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	bg      *canvas.Rectangle
}

var (
	_ fyne.Tappable      = (*tapRow)(nil)
	_ desktop.Hoverable  = (*tapRow)(nil)
	_ desktop.Cursorable = (*tapRow)(nil)
)

func newTapRow(content fyne.CanvasObject, onTap func()) *tapRow {
	r := &tapRow{content: content, onTap: onTap, bg: canvas.NewRectangle(color.Transparent)}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the content over its hover tint.
func (r *tapRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.content))
}

// Tapped opens what the row shows.
func (r *tapRow) Tapped(*fyne.PointEvent) { r.onTap() }

// Cursor is the pointing hand.
func (r *tapRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn tints the row.
func (r *tapRow) MouseIn(*desktop.MouseEvent) {
	r.bg.FillColor = theme.Color(theme.ColorNameHover)
	r.bg.Refresh()
}

// MouseMoved does nothing.
func (r *tapRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the tint.
func (r *tapRow) MouseOut() {
	r.bg.FillColor = color.Transparent
	r.bg.Refresh()
}
