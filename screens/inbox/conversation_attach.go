package inbox

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// onAttach lets the owner choose a photo or document to send.
func (v *conversationView) onAttach() {
	// The dialog lists what WhatsApp takes as a photo or a document.
	kit.ShowFileOpen(v.env.Window, "Send a photo or document", "Send", app.AttachableExtensions(), func(r fyne.URIReadCloser, err error) {
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
	v.queueReply("send attachment", func(ctx context.Context, core Core, id int64, caption, replyTo string) error {
		_, err := core.SendAttachment(ctx, id, path, caption, replyTo)
		return err
	})
}
