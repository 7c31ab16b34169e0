package inbox

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// setUpQuickReplies gives the composer its "/" list of quick replies.
func (v *conversationView) setUpQuickReplies() {
	v.composer.quick = newQuickPicker(v.composer.entry, v.insertQuickReply)
	v.loadQuickReplies()
}

// loadQuickReplies reads the owner's quick replies for the "/" list.
func (v *conversationView) loadQuickReplies() {
	core := v.env.core
	kit.Load(v.env.Run, v.ctx, core.QuickReplies, func(rs []app.QuickReply, err error) {
		if err != nil {
			slog.Warn("read quick replies", "err", err)
			return
		}
		v.composer.quick.setReplies(rs)
	})
}

// insertQuickReply fills r for this customer and puts it in the
// composer in place of runes [start, end) ("/open"), leaving the cursor
// after it. A variable the customer has no value for stays visible, and
// a note under the field says to replace it.
func (v *conversationView) insertQuickReply(r app.QuickReply, start, end int) {
	core, id, before := v.env.core, v.conv.ID, v.composer.entry.Text
	kit.Load(v.env.Run, v.ctx, func(ctx context.Context) (app.FilledQuickReply, error) {
		return core.FillQuickReply(ctx, id, r)
	}, func(f app.FilledQuickReply, err error) {
		if err != nil {
			v.composer.showProblem("Parley could not fill this quick reply. " + app.Explain(err))
			return
		}
		e := v.composer.entry
		text := []rune(e.Text)
		if e.Text != before || end > len(text) {
			// Typed on meanwhile: add it where the cursor is.
			start = cursorIndex(text, e.CursorRow, e.CursorColumn)
			end = start
		}
		filled := []rune(f.Text)
		e.SetText(string(text[:start]) + f.Text + string(text[end:]))
		e.setCursor(start + len(filled))
		if msg := f.MissingVariablesMessage(); msg != "" {
			v.composer.showProblem(msg)
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e)
		}
	})
}
