package inbox

import (
	"context"
	"errors"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// onSend queues the composer's text as a reply.
func (v *conversationView) onSend() {
	v.queueReply("send text", func(ctx context.Context, core Core, id int64, text, replyTo string) error {
		_, err := core.SendText(ctx, id, text, replyTo)
		return err
	})
}

// queueReply queues a reply with send, given the composer's text (the
// message, or an attachment's caption) and the message it answers. The
// text stays in the field until the core has stored the reply, so nothing
// typed is lost on an error; op names the reply in the log.
func (v *conversationView) queueReply(op string, send func(ctx context.Context, core Core, id int64, text, replyTo string) error) {
	text, replyTo := v.composer.entry.Text, v.composer.replyID
	v.composer.setBusy(true)
	v.stickBottom = true
	core, id := v.env.core, v.conv.ID
	kit.Load(v.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, send(ctx, core, id, text, replyTo)
	}, func(_ struct{}, err error) { v.queued(op, text, err) })
}

// queued shows the outcome of queueing a reply whose composer text was
// text: a problem above the field, or an emptied field.
func (v *conversationView) queued(op, text string, err error) {
	v.composer.setBusy(false)
	if err != nil {
		slog.Warn(op, "conversation", v.conv.ID, "err", err)
		v.stickBottom = false
		var ve app.ValidationErrors
		isValidation := errors.As(err, &ve)
		switch {
		case isValidation && ve.For(app.FieldAttachment) != "":
			v.composer.showProblem(ve.For(app.FieldAttachment))
		case errors.Is(err, app.ErrOutsideReplyWindow):
			v.composer.showProblem("The 24-hour window has just closed, so this message was not sent. " +
				"Send a template instead; your text is kept here.")
			v.reload()
		default:
			v.composer.showProblem("Not sent: " + app.Explain(err))
		}
		return
	}
	if v.composer.entry.Text == text {
		v.composer.entry.SetText("")
	}
	v.composer.cancelReply()
	v.scrollToBottom()
}

// onReply makes the next message an answer to m.
func (v *conversationView) onReply(m app.Message) {
	author := conversationName(v.conv)
	if m.Direction == app.Outbound {
		author = "yourself"
	}
	v.composer.showReply(m.WAMessageID, author, app.Summary(m))
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.composer.entry); c != nil {
		c.Focus(v.composer.entry)
	}
}

// onRetry puts a failed message back in the queue.
func (v *conversationView) onRetry(m app.Message) {
	core := v.env.core
	v.stickBottom = v.atBottom()
	kit.Load(v.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.RetryMessage(ctx, m.ID)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Warn("retry message", "message", m.ID, "err", err)
			dialog.ShowInformation("Could not send again", app.Explain(err), v.env.Window)
		}
	})
}

// onSendAgain asks before resending a message that may already have
// reached the customer.
func (v *conversationView) onSendAgain(m app.Message) {
	d := dialog.NewConfirm("Send this message again?",
		"Parley cannot tell whether the customer already got this message. "+
			"If you are unsure, check with them first, or the customer may receive it twice.",
		func(ok bool) {
			if ok {
				v.onRetry(m)
			}
		}, v.env.Window)
	d.SetConfirmText("Send again")
	d.SetDismissText("Cancel")
	d.Show()
}

// onTemplate opens "Send a template" for this conversation.
func (v *conversationView) onTemplate() {
	cv := v.conv
	v.picker = openTemplatePicker(v.env, pickerTarget{channelID: cv.ChannelID, conv: &cv}, func(app.Message) {
		v.scrollToBottom()
	})
}
