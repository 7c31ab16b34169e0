package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// quickRowsShown is how many quick replies the list shows before it
// scrolls.
const quickRowsShown = 6

// quickPicker is the list of quick replies that typing "/" in the
// composer opens above the field: it narrows as the owner types
// ("/open" finds "Opening hours"), Up and Down move, Enter (or a click)
// puts the chosen reply in place of "/open", Esc closes it. While it is
// open, the keys go to it (a pop-up takes the keyboard) and it passes on
// to the field whatever it does not handle itself, so typing goes on as
// before.
type quickPicker struct {
	entry *composerEntry
	// onPick fills r for the customer and puts it in the field in place
	// of runes [start, end) of the text.
	onPick func(r app.QuickReply, start, end int)

	index *quickIndex
	shown []app.QuickReply
	sel   int
	start int // rune index of the "/"
	end   int // rune index of the cursor after the word
	// dismissed is the rune index + 1 of the "/" whose list the owner
	// closed with Esc, so typing on does not open it again; 0 for none.
	dismissed int

	list  *widget.List
	keys  *quickKeys
	popup *widget.PopUp
	rowH  float32       // a row's height with the list's gap
	size  fyne.Size     // the pop-up's size and place when last shown
	at    fyne.Position //
}

func newQuickPicker(entry *composerEntry, onPick func(r app.QuickReply, start, end int)) *quickPicker {
	q := &quickPicker{entry: entry, onPick: onPick, index: newQuickIndex(nil)}
	q.list = widget.NewList(func() int { return len(q.shown) },
		func() fyne.CanvasObject { return newQuickRow(q.pickAt) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(q.shown) {
				o.(*quickRow).set(id, q.shown[id], id == q.sel)
			}
		})
	q.keys = newQuickKeys(q)
	return q
}

// setReplies gives the picker the owner's quick replies.
func (q *quickPicker) setReplies(rs []app.QuickReply) {
	q.index = newQuickIndex(rs)
	if q.isOpen() {
		q.update()
	}
}

// isOpen reports whether the list is on screen (a click elsewhere
// closes it too).
func (q *quickPicker) isOpen() bool { return q.popup != nil && q.popup.Visible() }

// update opens, narrows or closes the list for the text before the
// field's cursor; the composer calls it on every change.
func (q *quickPicker) update() {
	text := []rune(q.entry.Text)
	start, query, ok := slashQuery(text, cursorIndex(text, q.entry.CursorRow, q.entry.CursorColumn))
	if !ok || len(q.index.replies) == 0 || q.dismissed == start+1 {
		if !ok {
			q.dismissed = 0
		}
		q.close()
		return
	}
	q.shown = q.index.filter(query, q.shown)
	if len(q.shown) == 0 {
		q.close() // Enter sends "/whatever" as typed
		return
	}
	q.start, q.end = start, start+1+len([]rune(query))
	q.sel = 0
	q.list.Refresh()
	q.list.ScrollToTop()
	q.open()
}

// open shows the list above the field, as wide as the field, and gives
// it the keyboard.
func (q *quickPicker) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(q.entry)
	if c == nil {
		return
	}
	if q.popup == nil || q.popup.Canvas != c {
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
		q.popup = widget.NewPopUp(container.NewStack(bg, q.keys, q.list), c)
	}
	if q.rowH == 0 {
		q.rowH = newQuickRow(nil).MinSize().Height + theme.Padding()
	}
	h := q.rowH * float32(min(len(q.shown), quickRowsShown))
	w := max(q.entry.Size().Width, 320)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(q.entry)
	y := pos.Y - h - theme.Padding()
	if y < 0 {
		y = pos.Y + q.entry.Size().Height + theme.Padding()
	}
	// Each change redraws the pop-up: only what changed.
	size, at := fyne.NewSize(w, h), fyne.NewPos(pos.X, y)
	if size != q.size {
		q.size = size
		q.popup.Resize(size)
	}
	if at != q.at || !q.isOpen() {
		q.at = at
		q.popup.ShowAtPosition(at)
	}
	c.Focus(q.keys)
}

// close hides the list; the keys go to the field again.
func (q *quickPicker) close() {
	if q.isOpen() {
		q.popup.Hide()
	}
}

// move moves the choice by delta rows, staying in the list.
func (q *quickPicker) move(delta int) {
	old := q.sel
	q.sel = min(max(q.sel+delta, 0), len(q.shown)-1)
	if old != q.sel {
		q.list.RefreshItem(old)
		q.list.RefreshItem(q.sel)
		q.list.ScrollTo(q.sel)
	}
}

// pickAt puts quick reply id of the list in the field.
func (q *quickPicker) pickAt(id int) {
	if id < 0 || id >= len(q.shown) {
		return
	}
	r := q.shown[id]
	q.close()
	if q.onPick != nil {
		q.onPick(r, q.start, q.end)
	}
}

// cursorIndex converts the field's cursor (row and column) to a rune
// index of text.
func cursorIndex(text []rune, row, col int) int {
	i := 0
	for ; row > 0 && i < len(text); i++ {
		if text[i] == '\n' {
			row--
		}
	}
	return min(i+col, len(text))
}

// quickPreviewRunes is how much of a quick reply's first line its row
// shows; the row clips the rest (measuring for an ellipsis on every
// keystroke would cost more than the filtering).
const quickPreviewRunes = 90

// quickRow is one quick reply in the list: its title and the start of
// its text; the chosen one is highlighted.
type quickRow struct {
	widget.BaseWidget
	id      int
	onTap   func(int)
	bg      *canvas.Rectangle
	title   *canvas.Text
	preview *canvas.Text
	shows   int64 // the ID of the quick reply shown
}

func newQuickRow(onTap func(int)) *quickRow {
	r := &quickRow{onTap: onTap, bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		title:   canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		preview: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.preview.TextSize = theme.CaptionTextSize()
	r.bg.CornerRadius = 4
	r.bg.Hide()
	r.ExtendBaseWidget(r)
	return r
}

// set shows quick reply qr as row id; a row that shows it already only
// changes its highlight.
func (r *quickRow) set(id int, qr app.QuickReply, chosen bool) {
	r.id = id
	if r.shows != qr.ID || r.title.Text != qr.Title {
		r.shows = qr.ID
		r.title.Text = qr.Title
		r.preview.Text = previewLine(qr.Text)
		r.title.Refresh()
		r.preview.Refresh()
	}
	if chosen != r.bg.Visible() {
		if chosen {
			r.bg.Show()
		} else {
			r.bg.Hide()
		}
	}
}

// previewLine is the start of text's first line.
func previewLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	if rs := []rune(line); len(rs) > quickPreviewRunes {
		return string(rs[:quickPreviewRunes]) + "…"
	}
	return line
}

// Tapped picks the row.
func (r *quickRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
}

// CreateRenderer draws the row.
func (r *quickRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.New(layout.NewCustomPaddedLayout(2, 2, 8, 8), container.NewVBox(r.title, r.preview))
	return widget.NewSimpleRenderer(container.NewStack(r.bg, text))
}

// quickKeys takes the keyboard while the list is open: Up, Down, Enter,
// Tab and Esc drive the list, everything else goes on to the field.
type quickKeys struct {
	widget.BaseWidget
	q *quickPicker
}

var (
	_ fyne.Focusable    = (*quickKeys)(nil)
	_ fyne.Shortcutable = (*quickKeys)(nil)
	_ desktop.Keyable   = (*quickKeys)(nil)
)

func newQuickKeys(q *quickPicker) *quickKeys {
	k := &quickKeys{q: q}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer draws nothing: the list is what the owner sees.
func (k *quickKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// FocusGained implements fyne.Focusable.
func (k *quickKeys) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (k *quickKeys) FocusLost() {}

// TypedRune types r into the field, which narrows the list.
func (k *quickKeys) TypedRune(r rune) { k.q.entry.TypedRune(r) }

// TypedKey drives the list, or edits the field.
func (k *quickKeys) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp:
		k.q.move(-1)
	case fyne.KeyDown:
		k.q.move(1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		k.q.pickAt(k.q.sel)
	case fyne.KeyEscape:
		k.q.dismissed = k.q.start + 1
		k.q.close()
	default:
		k.q.entry.TypedKey(e)
	}
}

// KeyDown passes the key on to the field, which follows Shift: on many
// keyboards "/" itself is typed with Shift, released while the list is
// open.
func (k *quickKeys) KeyDown(e *fyne.KeyEvent) { k.q.entry.KeyDown(e) }

// KeyUp passes the key on to the field.
func (k *quickKeys) KeyUp(e *fyne.KeyEvent) { k.q.entry.KeyUp(e) }

// TypedShortcut passes copy and paste on to the field.
func (k *quickKeys) TypedShortcut(s fyne.Shortcut) { k.q.entry.TypedShortcut(s) }
