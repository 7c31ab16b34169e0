package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Preparing is the small window Parley shows while it brings an older
// data folder up to date before the main window can open (building the
// search index of every stored message). Its methods run on the UI
// goroutine.
type Preparing struct {
	w      fyne.Window
	bar    *widget.ProgressBar
	detail *widget.Label
}

// NewPreparingWindow shows the Preparing window.
func NewPreparingWindow(a fyne.App) *Preparing {
	p := &Preparing{w: a.NewWindow("Parley"), bar: widget.NewProgressBar(),
		detail: &widget.Label{Text: "Getting ready…", Importance: widget.LowImportance}}
	head := &widget.Label{Text: "Preparing search for your messages", TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameSubHeadingText}
	note := &widget.Label{Text: "Parley is updating your data for this version. This happens once and takes a few seconds.",
		Wrapping: fyne.TextWrapWord}
	p.w.SetContent(container.New(layout.NewCustomPaddedLayout(20, 20, 24, 24),
		container.NewVBox(head, note, p.bar, p.detail)))
	p.w.Resize(fyne.NewSize(480, 0))
	p.w.CenterOnScreen()
	p.w.Show()
	return p
}

// SetProgress shows that done of total messages are ready.
func (p *Preparing) SetProgress(done, total int) {
	if total <= 0 {
		return
	}
	p.bar.SetValue(float64(done) / float64(total))
	p.detail.SetText(fmt.Sprintf("%s of %s messages", app.GroupThousands(done), app.GroupThousands(total)))
}

// Close closes the window; open the next window first, or Parley quits
// with its last window.
func (p *Preparing) Close() { p.w.Close() }
