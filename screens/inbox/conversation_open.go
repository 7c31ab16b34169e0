package inbox

import (
	"log/slog"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// What the owner reads instead of an attachment opening.
const (
	textNotOpenedTitle = "Parley will not open this file"
	textProgramWarning = "This file could run a program on your computer. Parley will not open it. " +
		"Save it only if you trust the sender and know what it is."
	textArchiveWarning = "This is a packed archive (ZIP). It can hold programs that run when opened, so Parley will not open it. " +
		"Save it only if you trust the sender and know what it is."
	textUnknownWarning = "Parley does not know what kind of file this is, so it will not open it. " +
		"Save it only if you trust the sender and know what it is."
	textSaveAddsBin = "If you save it, Parley adds “.bin” to its name so that it does not start by a double click."
	textSaveAs      = "Save as…"
)

// openAttachment hands the downloaded attachment of m, at path, to the
// system's viewer when the core's policy allows it; otherwise it says
// why not and offers "Save as…".
func (l *mediaLoader) openAttachment(m app.Message, path string) {
	policy := app.AttachmentOpenPolicy(m, path)
	if policy == app.OpenInViewer {
		l.openFile(path)
		return
	}
	slog.Info("attachment not opened", "message", m.ID, "policy", policy)
	l.offerSave(m, path, policy)
}

// offerSave shows the warning for policy, naming the file, with
// "Save as…" and "Cancel".
func (l *mediaLoader) offerSave(m app.Message, path string, policy app.OpenPolicy) {
	name := attachmentName(m, path)
	warning := textUnknownWarning
	switch policy {
	case app.SaveOnlyProgram:
		warning = textProgramWarning
		if app.IsExecutableName(name) {
			warning += "\n\n" + textSaveAddsBin
		}
	case app.SaveOnlyArchive:
		warning = textArchiveWarning
	}
	title := &widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapBreak}
	body := &widget.Label{Text: warning, Wrapping: fyne.TextWrapWord}
	suggested := app.SaveAsName(m, path)
	d := dialog.NewCustomConfirm(textNotOpenedTitle, textSaveAs, "Cancel", container.NewVBox(title, body), func(save bool) {
		if save {
			l.saveTo(suggested, func(dst string) { l.saveCopy(m.ID, path, dst) })
		}
	}, l.env.Window)
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

// attachmentName is the name the owner knows the attachment by: the
// sender's, cleaned, or the saved copy's.
func attachmentName(m app.Message, path string) string {
	if m.Media != nil {
		if name := app.DisplayName(m.Media.Filename); name != "" {
			return name
		}
	}
	return app.DisplayName(filepath.Base(path))
}

// saveCopy copies the downloaded attachment at src to dst, chosen by the
// owner (nothing when dst is empty: the dialog was cancelled), and says
// on the attachment where it went.
func (l *mediaLoader) saveCopy(id int64, src, dst string) {
	if dst == "" {
		return
	}
	core, w := l.env.core, l.env.Window
	l.env.Run(func() {
		err := core.SaveAttachmentCopy(src, dst)
		fyne.Do(func() {
			if err != nil {
				slog.Warn("save attachment", "message", id, "err", err)
				dialog.ShowInformation("Parley could not save the file", app.Explain(err), w)
				return
			}
			l.state(id).note = "Saved as " + app.DisplayName(filepath.Base(dst))
			l.onChange(id)
		})
	})
}

// saveWithDialog asks the owner where to save a file, suggesting name,
// and calls done with the path chosen; a cancelled dialog calls nothing.
func (l *mediaLoader) saveWithDialog(name string, done func(path string)) {
	w := l.env.Window
	kit.ShowFileSave(w, name, func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowInformation("Parley could not save the file", err.Error(), w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		// The dialog created the file; the copy replaces it whole.
		_ = wc.Close()
		done(path)
	})
}
