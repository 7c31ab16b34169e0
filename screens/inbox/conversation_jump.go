package inbox

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// markFor is how long a message opened from a search stays highlighted.
// Tests that take longer set it longer (see holdMarks).
var markFor = 2 * time.Second

// newerThreshold is how close to the end of the loaded messages scrolling
// loads newer ones, when the view was opened at an older message.
const newerThreshold = 80

// loadAt shows the conversation around message id, scrolled to it and
// highlighted, and starts the minute ticker.
func (v *conversationView) loadAt(id int64) {
	v.startTicker()
	v.jumpTo(id)
}

// aroundRead is the conversation and the pages around one message.
type aroundRead struct {
	conv  app.Conversation
	older []app.Message // the message and older ones, newest first
	newer []app.Message // newer ones, oldest first
}

// jumpTo reads a page of messages on each side of message id and shows
// them, scrolled to it and highlighted. Older messages load when the
// owner scrolls up, newer ones when they scroll down, until the view
// reaches the newest message again.
func (v *conversationView) jumpTo(id int64) {
	v.jumps++
	seq := v.jumps
	core, convID := v.env.core, v.conv.ID
	kit.Load(v.env.Run, v.ctx, func(ctx context.Context) (aroundRead, error) {
		cv, err := core.Conversation(ctx, convID)
		if err != nil {
			return aroundRead{}, err
		}
		older, err := core.Messages(ctx, convID, id+1, pageSize)
		if err != nil {
			return aroundRead{}, err
		}
		newer, err := core.MessagesAfter(ctx, convID, id, pageSize)
		return aroundRead{conv: cv, older: older, newer: newer}, err
	}, func(r aroundRead, err error) {
		if seq == v.jumps {
			v.showAround(id, r, err)
		}
	})
}

// showAround puts the messages around message id on screen.
func (v *conversationView) showAround(id int64, r aroundRead, err error) {
	if err != nil {
		slog.Error("load conversation at a message", "conversation", v.conv.ID, "message", id, "err", err)
		v.problem.SetText("Parley could not read this conversation. " + app.Explain(err))
		v.problem.Show()
		return
	}
	v.problem.Hide()
	slices.Reverse(r.older)
	v.conv = r.conv
	v.msgs = append(r.older, r.newer...)
	v.hasOlder = len(r.older) == pageSize
	v.hasNewer = len(r.newer) == pageSize
	v.loaded, v.stickBottom = true, false
	v.mark(id)
	v.updateWindow()
	v.render()
	v.content.Refresh()
	v.scrollTo(id)
}

// mark highlights message id for markFor.
func (v *conversationView) mark(id int64) {
	if v.unmark != nil {
		v.unmark.Stop()
	}
	v.markID = id
	v.unmark = time.AfterFunc(markFor, func() {
		fyne.Do(func() {
			if v.markID == id && v.ctx.Err() == nil {
				v.markID = 0
				v.render()
			}
		})
	})
}

// marked wraps the row of the highlighted message in its highlight.
func marked(row fyne.CanvasObject) fyne.CanvasObject {
	tint := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	tint.CornerRadius = 6
	return container.NewStack(tint, row)
}

// scrollTo scrolls message id into view, a third from the top.
func (v *conversationView) scrollTo(id int64) {
	if y, ok := v.rowTop(id); ok {
		v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-v.scroll.Size().Height/3)))
		v.placeRows()
		v.column.Refresh()
	}
}

// rowTop returns the offset of message id's row in the column, and
// whether it is loaded.
func (v *conversationView) rowTop(id int64) (float32, bool) {
	width := v.scroll.Size().Width
	y := float32(columnTop)
	for i, it := range v.items {
		if it.msg != nil && it.msg.ID == id {
			return y, true
		}
		y += v.heightOf(i, width)
	}
	return 0, false
}

// nearLoadedEnd reports whether the view shows the end of the loaded
// messages.
func (v *conversationView) nearLoadedEnd() bool {
	return v.scroll.Offset.Y+v.scroll.Size().Height >= v.column.MinSize().Height-newerThreshold
}

// loadNewer loads the page of messages after the newest one loaded.
func (v *conversationView) loadNewer() {
	if v.loadingNewer || !v.hasNewer || len(v.msgs) == 0 {
		return
	}
	v.loadingNewer = true
	core, id, after := v.env.core, v.conv.ID, v.msgs[len(v.msgs)-1].ID
	kit.Load(v.env.Run, v.ctx, func(ctx context.Context) ([]app.Message, error) {
		return core.MessagesAfter(ctx, id, after, pageSize)
	}, v.newerLoaded)
}

// newerLoaded puts a newer page below the messages shown; the view stays
// where it is. A short page means the view has reached the newest
// message and follows new ones again.
func (v *conversationView) newerLoaded(page []app.Message, err error) {
	v.loadingNewer = false
	if err != nil {
		slog.Error("load newer messages", "conversation", v.conv.ID, "err", err)
		return
	}
	v.hasNewer = len(page) == pageSize
	last := int64(0)
	if len(v.msgs) > 0 {
		last = v.msgs[len(v.msgs)-1].ID
	}
	for _, m := range page {
		if m.ID > last {
			v.msgs = append(v.msgs, m)
		}
	}
	v.render()
	v.followView()
}

// backToNewest forgets the older part loaded by a jump when the owner
// sends: the next read shows the newest messages, where the reply is.
func (v *conversationView) backToNewest() {
	if v.hasNewer {
		v.hasNewer, v.msgs, v.loaded = false, nil, false
	}
}
