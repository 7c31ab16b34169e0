package inbox

import (
	"context"
	"errors"
	"log/slog"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// react sends the owner's reaction to the customer's message m ("" takes
// it back). It shows on the bubble once queued, like a reply; a problem
// shows above the composer, whose text is left alone.
func (v *conversationView) react(m app.Message, emoji string) {
	core, id, target := v.env.core, v.conv.ID, m.WAMessageID
	kit.Load(v.env.Run, context.Background(), func(ctx context.Context) (app.Message, error) {
		return core.SendReaction(ctx, id, target, emoji)
	}, func(_ app.Message, err error) {
		if err == nil {
			return // the core's event reloads the conversation
		}
		slog.Warn("send reaction", "conversation", id, "err", err)
		if errors.Is(err, app.ErrOutsideReplyWindow) {
			v.composer.showProblem("The 24-hour window has closed, so WhatsApp no longer takes a reaction in this chat.")
			v.reload()
			return
		}
		v.composer.showProblem("Reaction not sent: " + app.Explain(err))
	})
}

// reactMore opens the emoji picker to react to m with any emoji.
func (v *conversationView) reactMore(m app.Message) {
	if v.reactPicker == nil {
		v.reactPicker = newEmojiPicker(recentEmoji{p: fyne.CurrentApp().Preferences()}, nil)
	}
	v.reactPicker.onPick = func(char string) {
		v.reactPicker.hide()
		v.react(m, char)
	}
	v.reactPicker.show(v.scroll, false)
}
