// Command hello is the smallest Fyne app: one window with one label. The
// cold-start benchmark (scripts/coldstart.sh) starts it the same way as
// Parley, as the baseline of what any Fyne window costs on this machine.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("app.parley.hello")
	w := a.NewWindow("Hello baseline")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
