package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Largest size of a file dialog; a smaller window gets one that leaves a
// margin around it.
const (
	fileDialogMaxWidth  = 860
	fileDialogMaxHeight = 580
	fileDialogMargin    = 40
)

// ShowFileOpen shows Fyne's file dialog over w, listing only files with
// the given extensions (in any letter case), sized to use most of the
// window: Fyne's own size shows only a few files at a time. An empty
// title or confirm keeps Fyne's wording.
func ShowFileOpen(w fyne.Window, title, confirm string, extensions []string, done func(fyne.URIReadCloser, error)) {
	d := dialog.NewFileOpen(done, w)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	if title != "" {
		d.SetTitleText(title)
	}
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	d.Resize(fileDialogSize(w))
	d.Show()
}

// ShowFileSave shows Fyne's save dialog over w with name suggested,
// sized like showFileOpen's.
func ShowFileSave(w fyne.Window, name string, done func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(done, w)
	d.SetFileName(name)
	d.Resize(fileDialogSize(w))
	d.Show()
}

// fileDialogSize uses most of the window, up to a comfortable maximum.
func fileDialogSize(w fyne.Window) fyne.Size {
	size := w.Canvas().Size()
	return fyne.NewSize(
		max(min(size.Width-fileDialogMargin, fileDialogMaxWidth), 320),
		max(min(size.Height-fileDialogMargin, fileDialogMaxHeight), 280))
}
