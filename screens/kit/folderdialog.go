package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// ShowFolderOpen asks the owner for a folder with Fyne's dialog over w,
// sized like ShowFileOpen's, and calls done with its path; a cancelled
// dialog calls nothing, a failing one says why.
func ShowFolderOpen(w fyne.Window, done func(path string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowInformation("Parley could not open the folder", err.Error(), w)
			return
		}
		if u != nil {
			done(u.Path())
		}
	}, w)
	d.Resize(fileDialogSize(w))
	d.Show()
}
