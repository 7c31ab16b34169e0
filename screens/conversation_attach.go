package screens

import (
	"context"
	"errors"
	"log/slog"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// attachableExtensions are the files the attach dialog lists: what
// WhatsApp takes as a photo or a document (see app.CheckAttachment).
var attachableExtensions = []string{".jpg", ".jpeg", ".png", ".pdf", ".txt", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"}

// onAttach lets the owner choose a photo or document to send.
func (v *conversationView) onAttach() {
	showFileOpen(v.env.window, "Send a photo or document", "Send", attachableExtensions, func(r fyne.URIReadCloser, err error) {
		if err != nil {
			v.composer.showProblem("Parley could not open that file: " + err.Error())
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		v.attachFile(path)
	})
}

// attachFile checks and queues the file at path, with the composer's text
// as its caption; a problem shows above the field and the text stays.
func (v *conversationView) attachFile(path string) {
	caption, replyTo := v.composer.entry.Text, v.composer.replyID
	v.composer.setBusy(true)
	v.stickBottom = true
	core, id := v.env.core, v.conv.ID
	v.env.run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		_, err := core.SendAttachment(ctx, id, path, caption, replyTo)
		fyne.Do(func() { v.attached(caption, err) })
	})
}

// attached shows the outcome of queueing an attachment.
func (v *conversationView) attached(caption string, err error) {
	v.composer.setBusy(false)
	if err != nil {
		slog.Warn("send attachment", "conversation", v.conv.ID, "err", err)
		v.stickBottom = false
		var ve app.ValidationErrors
		if errors.As(err, &ve) && ve.For(app.FieldAttachment) != "" {
			v.composer.showProblem(ve.For(app.FieldAttachment))
			return
		}
		v.composer.showProblem("Not sent: " + spacePlainError(err))
		return
	}
	if v.composer.entry.Text == caption {
		v.composer.entry.SetText("")
	}
	v.composer.cancelReply()
	v.scrollToBottom()
}
