package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// NewMainWindow builds Parley's main window at its remembered size; every
// change of size is remembered for the next start. inTray reports whether
// Parley has an icon in the system tray, from which the window can be
// opened again once hidden. Closing the window only hides it, tray or
// not (see installTrayOrBackground), except in the demo without a tray.
func NewMainWindow(a fyne.App, d Deps) (w fyne.Window, inTray bool) {
	if d.ReloadGap == 0 {
		d.ReloadGap = kit.DefaultReloadGap
	}
	if d.NotifyGap == 0 {
		d.NotifyGap = kit.DefaultNotifyGap
	}
	w, s := newMainWindow(a, d, kit.InBackground)
	t := installTrayOrBackground(a, w, d, uiPrefs{p: a.Preferences()}, kit.InBackground, trayHostAvailable)
	s.linkTray(t)
	return w, t != nil
}

// linkTray makes the tray icon show when messages do not arrive; t may
// be nil (no tray).
func (s *shell) linkTray(t *systemTray) {
	if t != nil && s.unread != nil {
		t.countWith(s.unread)
	}
	if t != nil && s.receiving != nil {
		s.receiving.onChange = t.setNotReceiving
		s.receiving.render() // an outage known already
	}
}

// newMainWindow builds the window without its tray icon, and returns its
// shell.
func newMainWindow(a fyne.App, d Deps, run kit.Runner) (fyne.Window, *shell) {
	title := "Parley"
	if d.Demo {
		title = "Parley (demo)"
	}
	w := a.NewWindow(title)
	prefs := uiPrefs{p: a.Preferences()}
	s := newShell(w, d, prefs, run)
	s.showUnreadInTitle(w, title)
	w.SetPadded(false) // the navigation column reaches the window's edges
	w.SetContent(container.New(&sizeWatch{onResize: prefs.setWindowSize}, s.content))
	w.Resize(prefs.windowSize())
	w.SetMaster()
	return w, s
}

// sizeWatch lays out its objects to fill the window, like a stack, and
// reports each new size: Fyne has no window-resize event, but the window
// always lays out its content at the new size.
type sizeWatch struct {
	onResize func(fyne.Size)
	last     fyne.Size
}

// Layout fills size with every object and reports a changed size.
func (l *sizeWatch) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size != l.last {
		l.last = size
		l.onResize(size)
	}
}

// MinSize is the largest minimum size of the objects.
func (l *sizeWatch) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min
}

// NewStartupErrorWindow explains in plain words why Parley cannot start,
// with the technical reason below for a support request, and a Quit
// button.
func NewStartupErrorWindow(a fyne.App, headline, advice string, err error) fyne.Window {
	w := a.NewWindow("Parley")
	details := fyne.CanvasObject(layout.NewSpacer())
	if err != nil {
		reason := kit.NewMutedText("Details: "+err.Error(), fyne.TextAlignLeading, theme.SizeNameCaptionText)
		reason.Wrapping = fyne.TextWrapWord
		details = reason
	}
	content := container.NewVBox(
		container.NewHBox(kit.NewBadge(theme.ErrorIcon(), theme.ColorNameError, 56),
			container.NewVBox(layout.NewSpacer(), &widget.Label{
				Text:      headline,
				TextStyle: fyne.TextStyle{Bold: true},
				SizeName:  theme.SizeNameSubHeadingText,
			}, layout.NewSpacer())),
		&widget.Label{Text: advice, Wrapping: fyne.TextWrapWord},
		details,
		container.NewHBox(layout.NewSpacer(), &widget.Button{Text: "Quit", Importance: widget.HighImportance, OnTapped: func() { kit.Quit(a) }}),
	)
	w.SetContent(container.New(layout.NewCustomPaddedLayout(20, 20, 24, 24), content))
	w.Resize(fyne.NewSize(600, 250))
	w.SetMaster()
	return w
}
