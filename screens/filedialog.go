package screens

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

// showFileOpen shows Fyne's file dialog over w, listing only files with
// the given extensions (in any letter case), sized to use most of the
// window: Fyne's own size shows only a few files at a time. An empty
// title or confirm keeps Fyne's wording.
func showFileOpen(w fyne.Window, title, confirm string, extensions []string, done func(fyne.URIReadCloser, error)) {
	d := dialog.NewFileOpen(done, w)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	if title != "" {
		d.SetTitleText(title)
	}
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(
		max(min(size.Width-fileDialogMargin, fileDialogMaxWidth), 320),
		max(min(size.Height-fileDialogMargin, fileDialogMaxHeight), 280)))
	d.Show()
}
