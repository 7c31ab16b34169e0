package inbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Notes for files dropped where they cannot go.
const (
	textDropNoConversation = "Open a conversation first, then drop the files on it to send them."
	textDropWindowClosed   = "The customer last wrote more than 24 hours ago, so WhatsApp takes only an approved template now, not files."
	textDropNotFiles       = "Only files from this computer can be sent."
)

// DropFiles takes files dropped on the window (Fyne's
// Window.SetOnDropped): they go to the open conversation, shown in the
// preview before sending. Without an open conversation, or with its
// 24-hour window closed, nothing is sent and a short note says why. The
// shell calls it from the window's one drop callback while the Space is
// shown; pos is not used (the whole window is the drop area).
func (s *Page) DropFiles(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	var v *conversationView
	if s.inbox != nil {
		v = s.inbox.conv
	}
	var note string
	switch {
	case len(paths) == 0:
		note = textDropNotFiles
	case v == nil:
		note = textDropNoConversation
	case !v.windowOpen:
		note = textDropWindowClosed
	default:
		v.attachFiles(paths)
		return
	}
	if s.inbox != nil {
		dialog.ShowInformation("Files not sent", note, s.inbox.env.Window)
	}
}
