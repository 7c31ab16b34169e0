package inbox

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/parley-app/parley/app"
)

// keepScreens is how many screens of rows stay drawn above and below the
// view; further rows are empty spaces of their height, so a long history
// holds few bubbles however far the owner scrolls.
const keepScreens = 1

// columnTop is the space above the first row inside the scroll.
const columnTop = 8

// rowHeight is a row's height at a width, for the signature it was drawn
// for.
type rowHeight struct {
	sig    string
	width  float32
	height float32
}

// rowSig is what a row is drawn from: its item, the state of its media
// and whether Reply is offered.
func (v *conversationView) rowSig(it chatItem) string {
	sig := it.sig
	if it.msg != nil {
		sig += "|" + v.media.sig(it.msg.ID)
		if it.msg.ID == v.markID {
			sig += "|marked"
		}
		if v.windowOpen {
			sig += "|reply"
		}
	}
	return sig
}

// rowObject returns item i's row, drawn anew when its signature changed,
// sized for width, and remembers its height.
func (v *conversationView) rowObject(i int, width float32) fyne.CanvasObject {
	it, sig := v.items[i], v.sigs[i]
	row, ok := v.rows[it.key]
	if !ok || row.sig != sig {
		row = renderedRow{sig: sig, obj: v.newRow(it)}
		v.rows[it.key] = row
	}
	if width > 0 {
		row.obj.Resize(fyne.NewSize(width, row.obj.MinSize().Height))
		v.heights[it.key] = rowHeight{sig: sig, width: width, height: row.obj.MinSize().Height}
	}
	return row.obj
}

// heightOf is item i's height at width, measured once per signature and
// width (drawing the row if need be).
func (v *conversationView) heightOf(i int, width float32) float32 {
	it := v.items[i]
	if h, ok := v.heights[it.key]; ok && h.sig == v.sigs[i] && h.width == width {
		return h.height
	}
	v.rowObject(i, width)
	return v.heights[it.key].height
}

// placeRows fills the column: the rows near the view drawn, the others
// as empty spaces of their height, and forgets the rows no longer near.
// Before the view has a size every row is drawn.
func (v *conversationView) placeRows() {
	width, viewH := v.scroll.Size().Width, v.scroll.Size().Height
	windowed := width > 0 && viewH > 0
	lo := v.scroll.Offset.Y - keepScreens*viewH
	hi := v.scroll.Offset.Y + (1+keepScreens)*viewH
	objs := make([]fyne.CanvasObject, len(v.items))
	near := make(map[string]bool, len(v.items))
	var photos []app.Message
	y := float32(columnTop)
	for i, it := range v.items {
		h := float32(0)
		if windowed {
			h = v.heightOf(i, width)
		}
		if !windowed || (y+h >= lo && y <= hi) {
			objs[i] = v.rowObject(i, width)
			near[it.key] = true
			if it.msg != nil {
				photos = append(photos, *it.msg)
			}
		} else {
			objs[i] = v.spacer(it.key, h)
		}
		y += h
	}
	for key := range v.rows {
		if !near[key] {
			delete(v.rows, key)
		}
	}
	for key := range v.spacers {
		if near[key] {
			delete(v.spacers, key)
		}
	}
	v.drawnLo, v.drawnHi, v.windowed = lo, hi, windowed
	v.column.Objects = objs
	ids := make([]int64, len(photos))
	for i, m := range photos {
		ids[i] = m.ID
		v.media.want(m)
	}
	v.forgetHeights(v.media.drawn(ids))
}

// forgetHeights re-signs the rows of messages whose photo preview was
// dropped: they are drawn with a box of the photo's size when they come
// near again, and measured anew (to the same height).
func (v *conversationView) forgetHeights(ids []int64) {
	if len(ids) == 0 {
		return
	}
	for i, it := range v.items {
		if it.msg != nil && slices.Contains(ids, it.msg.ID) {
			v.sigs[i] = v.rowSig(it)
		}
	}
}

// spacer is the empty space standing in for a row far from the view.
func (v *conversationView) spacer(key string, h float32) fyne.CanvasObject {
	s := v.spacers[key]
	if s == nil {
		s = canvas.NewRectangle(color.Transparent)
		v.spacers[key] = s
	}
	s.SetMinSize(fyne.NewSize(0, h))
	return s
}

// followView draws the rows near the view again once the owner scrolled
// far enough from where they were drawn.
func (v *conversationView) followView() {
	if !v.windowed {
		return
	}
	viewH := v.scroll.Size().Height
	off := v.scroll.Offset.Y
	if off-viewH/2 < v.drawnLo && v.drawnLo > 0 || off+viewH+viewH/2 > v.drawnHi {
		if v.rendering {
			v.dirty = true // render places the rows again when it is done
			return
		}
		// Media that changes while rows are placed is drawn after, by
		// render, never in the middle of placing.
		v.rendering, v.dirty = true, false
		v.placeRows()
		v.rendering = false
		if v.dirty {
			v.render()
			return
		}
		v.column.Refresh()
	}
}
