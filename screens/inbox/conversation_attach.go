package inbox

import (
	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// onAttach lets the owner choose a photo or document to send; it is
// shown in the preview before sending (attachFiles), like dropped files.
func (v *conversationView) onAttach() {
	// The dialog lists what WhatsApp takes as a photo or a document.
	kit.ShowFileOpen(v.env.Window, "Send a photo or document", "Choose", app.AttachableExtensions(), func(r fyne.URIReadCloser, err error) {
		if err != nil {
			v.composer.showProblem("Parley could not open that file: " + err.Error())
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		v.attachFiles([]string{path})
	})
}
