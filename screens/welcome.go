package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// prefWelcomeSeen remembers that the owner has left the welcome screen.
const prefWelcomeSeen = "welcome.seen"

// welcomeSeen reports whether the owner has already left the welcome
// screen once.
func (u uiPrefs) welcomeSeen() bool { return u.p.BoolWithFallback(prefWelcomeSeen, false) }

// setWelcomeSeen remembers that the welcome screen need not come back.
func (u uiPrefs) setWelcomeSeen() { u.p.SetBool(prefWelcomeSeen, true) }

// Texts of the welcome screen.
const (
	textWelcomeTitle = "Welcome to Parley"
	textWelcomeIntro = "Parley lets you answer the WhatsApp messages your customers send to your business number, " +
		"right here on your computer. Connect the number you have with 360dialog, and every conversation " +
		"arrives in one inbox, with your data staying on this computer."
	textWelcomeAdd      = "Add my WhatsApp channel"
	textWelcomeAddNote  = "Have your number and its 360dialog API key at hand."
	textWelcomeDemo     = "Try the demo"
	textWelcomeDemoNote = "A practice shop with made-up customers, in its own window. Nothing reaches WhatsApp."
	textWelcomeSkip     = "Look around first"
)

// welcomeWidth is the width of the welcome screen's column.
const welcomeWidth = 600

// welcome is the first-run screen: it covers the whole window on the
// first start, unless channels exist, until the owner picks one of its
// ways in. It is not shown again once left, nor in the demo workspace.
type welcome struct {
	prefs uiPrefs
	// enabled is false in the demo workspace.
	enabled bool
	// onAdd starts the Add Channel wizard; onTryDemo opens the demo (nil
	// hides that choice).
	onAdd, onTryDemo func()

	add, demo, skip *widget.Button
	content         *fyne.Container // hidden unless the welcome is on screen
}

func newWelcome(prefs uiPrefs, icon fyne.Resource, demoWorkspace bool, onAdd, onTryDemo func()) *welcome {
	w := &welcome{prefs: prefs, enabled: !demoWorkspace, onAdd: onAdd, onTryDemo: onTryDemo}
	w.add = &widget.Button{Text: textWelcomeAdd, Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: w.onAddTapped}
	w.demo = &widget.Button{Text: textWelcomeDemo, Icon: theme.MediaPlayIcon(), OnTapped: w.onDemoTapped}
	w.skip = &widget.Button{Text: textWelcomeSkip, Importance: widget.LowImportance, OnTapped: w.onSkipTapped}

	choices := []fyne.CanvasObject{newWelcomeChoice(w.add, textWelcomeAddNote)}
	if onTryDemo != nil {
		choices = append(choices, newWelcomeChoice(w.demo, textWelcomeDemoNote))
	}
	intro := &widget.Label{Text: textWelcomeIntro, Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	column := container.NewVBox(
		container.NewCenter(newWelcomeLogo(icon)),
		&widget.Label{Text: textWelcomeTitle, Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		intro,
		container.New(layout.NewCustomPaddedLayout(18, 6, 0, 0), container.NewGridWithColumns(len(choices), choices...)),
		container.NewCenter(w.skip),
	)
	w.content = container.NewStack(newBlocker(theme.ColorNameBackground),
		container.NewCenter(container.New(kit.WrapWidthLayout{Width: welcomeWidth}, column)))
	// Shown at once on a first start, so no other page flashes before it;
	// the channel list, once loaded, hides it again when channels exist.
	if !w.enabled || prefs.welcomeSeen() {
		w.content.Hide()
	}
	return w
}

// newWelcomeLogo is the app icon, large, or the chat badge without one.
func newWelcomeLogo(icon fyne.Resource) fyne.CanvasObject {
	if icon == nil {
		return kit.NewIconBadge(kit.ChatIcon, 96)
	}
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(96))
	return img
}

// newWelcomeChoice is one big button with a short note under it.
func newWelcomeChoice(b *widget.Button, note string) fyne.CanvasObject {
	text := kit.NewMutedText(note, fyne.TextAlignCenter, theme.SizeNameCaptionText)
	text.Wrapping = fyne.TextWrapWord
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(0, 56))
	big := container.New(layout.NewCustomPaddedLayout(0, 0, 6, 6), container.NewStack(tall, b))
	return container.NewVBox(big, text)
}

// setChannelCount hides the welcome for good once a channel exists (a
// data folder from before the welcome screen, or a channel added from the
// wizard).
func (w *welcome) setChannelCount(n int) {
	if n > 0 && w.content.Visible() {
		w.dismiss()
	}
}

// dismiss leaves the welcome for good.
func (w *welcome) dismiss() {
	w.prefs.setWelcomeSeen()
	w.content.Hide()
}

func (w *welcome) onAddTapped() {
	w.dismiss()
	if w.onAdd != nil {
		w.onAdd()
	}
}

func (w *welcome) onDemoTapped() {
	w.dismiss()
	if w.onTryDemo != nil {
		w.onTryDemo()
	}
}

func (w *welcome) onSkipTapped() { w.dismiss() }

// newShellWelcome is the welcome of shell s: its demo choice goes through
// the Space's "Try the demo", which guards against a second demo window.
func newShellWelcome(s *shell, d Deps) *welcome {
	var tryDemo func()
	if d.OnTryDemo != nil {
		tryDemo = s.space.OnTryDemoTapped
	}
	return newWelcome(s.prefs, d.Icon, d.Demo, s.addFirstChannel, tryDemo)
}

// addFirstChannel leads from the welcome to the Channels page and opens
// the Add Channel wizard over it, so the new channel is in sight after.
func (s *shell) addFirstChannel() {
	s.show(pageChannels)
	if s.channels.OnAddChannel != nil {
		s.channels.OnAddChannel()
	}
}

// blocker is an opaque background that swallows taps and hover, so that
// nothing of the window under the welcome reacts through it.
type blocker struct {
	widget.BaseWidget
	color fyne.ThemeColorName
}

func newBlocker(color fyne.ThemeColorName) *blocker {
	b := &blocker{color: color}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the background colour.
func (b *blocker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(theme.Color(b.color)))
}

// Tapped ignores the tap.
func (b *blocker) Tapped(*fyne.PointEvent) {}

// MouseIn ignores the pointer.
func (b *blocker) MouseIn(*desktop.MouseEvent) {}

// MouseMoved ignores the pointer.
func (b *blocker) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ignores the pointer.
func (b *blocker) MouseOut() {}
