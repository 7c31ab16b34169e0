package channels

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// verifyTimeout bounds the key check with 360dialog and the save after it.
const verifyTimeout = 45 * time.Second

// wizardSize is the Add Channel dialog's size.
var wizardSize = fyne.NewSize(640, 600)

// The steps of the Add Channel wizard.
const (
	stepType = iota
	stepProvider
	stepConnection
	stepDone
	stepReceiving // after the channel is saved
	stepCount
)

// wizardStep is one page of the wizard: its name in the step indicator,
// its heading and one line of introduction.
type wizardStep struct {
	name, title, intro string
	content            fyne.CanvasObject
}

// addChannelWizard is the Add Channel dialog: channel type, provider,
// number and API key, and a last step that verifies the key with
// 360dialog before anything is saved.
type addChannelWizard struct {
	env    env
	dialog *dialog.CustomDialog
	keys   dialogKeys
	steps  [stepCount]wizardStep
	step   int
	busy   bool

	indicator *stepIndicator
	title     *widget.Label
	intro     *widget.RichText
	stage     *fyne.Container
	buttons   *fyne.Container

	whatsapp, dialog360 *kit.ChoiceCard

	number, name, key    *keyEntry
	numberNote, nameNote *kit.FieldNote
	keyNote              *kit.FieldNote
	sumNumber, sumName   *widget.Label
	formProblem          *widget.Label
	progress             fyne.CanvasObject
	spinner              *widget.Activity
	cancelBtn, backBtn   *keyButton
	nextBtn, doneBtn     *keyButton

	receiving                    *receivingStep
	skipBtn, startBtn, finishBtn *keyButton
	receivingOK                  bool // the new channel receives
}

// openAddChannel starts the Add Channel wizard.
func openAddChannel(e env) {
	newAddChannelWizard(e).show()
}

func newAddChannelWizard(e env) *addChannelWizard {
	w := &addChannelWizard{env: e}
	w.keys = dialogKeys{onEnter: w.onNext, onEscape: w.onCancel}
	w.indicator = newStepIndicator(stepCount)
	w.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	w.intro = kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText)
	w.intro.Wrapping = fyne.TextWrapWord
	w.cancelBtn = newKeyButton("Cancel", nil, widget.MediumImportance, w.onCancel)
	w.backBtn = newKeyButton("Back", theme.NavigateBackIcon(), widget.MediumImportance, w.onBack)
	w.nextBtn = newKeyButton("Next", nil, widget.HighImportance, w.onNext)
	w.doneBtn = newKeyButton("Done", theme.ConfirmIcon(), widget.HighImportance, w.onNext)
	w.skipBtn = newKeyButton(textSkipReceiving, nil, widget.MediumImportance, w.onCancel)
	w.startBtn = newKeyButton(textStartReceiving, theme.MailSendIcon(), widget.HighImportance, w.onNext)
	w.finishBtn = newKeyButton(textFinish, theme.ConfirmIcon(), widget.HighImportance, w.onNext)
	for _, b := range []*keyButton{w.cancelBtn, w.backBtn, w.nextBtn, w.doneBtn, w.skipBtn, w.startBtn, w.finishBtn} {
		b.onEscape = w.onCancel
	}
	w.receiving = newReceivingStep(w)
	w.steps = [stepCount]wizardStep{
		{name: "Channel type", title: "Connect a WhatsApp number", intro: "Parley connects WhatsApp Business numbers.", content: w.newTypeStep()},
		{name: "Provider", title: "Your number comes from 360dialog", intro: "Parley connects WhatsApp Business numbers bought from 360dialog.", content: w.newProviderStep()},
		{name: "Number and key", title: "Your number and API key", intro: "Enter the number customers write to and the API key of this number.", content: w.newConnectionStep()},
		{name: "Done", title: "Check and connect", intro: "Parley checks the API key with 360dialog before it saves anything.", content: w.newDoneStep()},
		{name: "Receiving", title: "Receive your customers' messages", intro: "360dialog delivers them over the internet, " +
			"so this computer needs a public https address. Parley can open one itself.", content: w.receiving.content()},
	}
	w.stage = container.NewStack()
	for _, s := range w.steps {
		s.content.Hide()
		w.stage.Add(s.content)
	}
	w.buttons = container.NewBorder(nil, nil, container.NewHBox(w.cancelBtn, w.skipBtn),
		container.NewHBox(w.backBtn, w.nextBtn, w.doneBtn, w.startBtn, w.finishBtn))
	top := container.NewVBox(w.indicator.content, w.title,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 4, 0, 0), w.intro))
	content := container.NewBorder(top,
		container.NewVBox(widget.NewSeparator(), w.buttons), nil, nil,
		container.NewVScroll(container.New(layout.NewCustomPaddedLayout(4, 8, 0, 0), w.stage)))
	w.dialog = dialog.NewCustomWithoutButtons("Add Channel", content, e.Window)
	w.dialog.SetOnClosed(w.keys.uninstall)
	w.goTo(stepType)
	return w
}

// show opens the dialog and starts routing Enter and Escape to it.
func (w *addChannelWizard) show() {
	w.dialog.Resize(wizardSize)
	w.dialog.Show()
	w.keys.install(w.env.Window.Canvas())
	w.focusStep()
}

// goTo shows step n.
func (w *addChannelWizard) goTo(n int) {
	w.step = n
	for i, s := range w.steps {
		if i == n {
			s.content.Show()
		} else {
			s.content.Hide()
		}
	}
	s := w.steps[n]
	w.indicator.set(n, s.name)
	w.title.SetText(s.title)
	w.intro.Segments[0].(*widget.TextSegment).Text = s.intro
	w.intro.Refresh()
	for _, b := range []*keyButton{w.cancelBtn, w.backBtn, w.nextBtn, w.doneBtn, w.skipBtn, w.startBtn, w.finishBtn} {
		b.Hide()
	}
	switch n {
	case stepReceiving: // the channel is saved: no way back, skipping is allowed
		w.skipBtn.Show()
		w.startBtn.Show()
	case stepDone:
		w.cancelBtn.Show()
		w.backBtn.Show()
		w.doneBtn.Show()
		w.fillSummary()
	case stepType:
		w.cancelBtn.Show()
		w.nextBtn.Show()
	default:
		w.cancelBtn.Show()
		w.backBtn.Show()
		w.nextBtn.Show()
	}
	w.stage.Refresh()
	w.buttons.Refresh()
	w.focusStep()
}

// focusStep puts the keyboard focus where the owner starts on this step.
func (w *addChannelWizard) focusStep() {
	if !w.isShown() {
		return
	}
	c := w.env.Window.Canvas()
	switch w.step {
	case stepType:
		c.Focus(w.whatsapp)
	case stepProvider:
		c.Focus(w.dialog360)
	case stepConnection:
		c.Focus(w.firstFieldWithProblem())
	case stepDone:
		c.Focus(w.doneBtn)
	case stepReceiving:
		if w.receivingOK {
			c.Focus(w.finishBtn)
		} else {
			c.Focus(w.receiving.tunnel.token)
		}
	}
}

// isShown reports whether the dialog is on screen.
func (w *addChannelWizard) isShown() bool {
	return w.env.Window.Canvas().Overlays().Top() != nil && w.keys.canvas != nil
}

func (w *addChannelWizard) onBack() {
	if w.busy || w.step == stepType || w.step == stepReceiving {
		return
	}
	w.goTo(w.step - 1)
}

// onNext moves on, after checking the fields of the number step; on the
// last step it verifies and saves the channel.
func (w *addChannelWizard) onNext() {
	if w.busy {
		return
	}
	switch w.step {
	case stepConnection:
		if !w.checkFields() {
			w.focusStep()
			return
		}
	case stepDone:
		w.submit()
		return
	case stepReceiving:
		if w.receivingOK {
			w.close()
		} else {
			w.receiving.start()
		}
		return
	}
	w.goTo(w.step + 1)
}

func (w *addChannelWizard) onCancel() {
	if w.busy {
		return
	}
	w.close()
}

// close hides the dialog and gives the window its keys back.
func (w *addChannelWizard) close() {
	w.receiving.stopListening()
	w.keys.uninstall()
	w.dialog.Hide()
}

// newChannel is what the owner typed.
func (w *addChannelWizard) newChannel() app.NewChannel {
	return app.NewChannel{Name: w.name.Text, Number: w.number.Text, APIKey: w.key.Text}
}

// submit verifies the key with 360dialog and saves the channel, off the
// UI goroutine; the buttons wait meanwhile.
func (w *addChannelWizard) submit() {
	nc := w.newChannel()
	w.setBusy(true)
	kit.SetFormProblem(w.formProblem, "")
	w.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), verifyTimeout)
		defer cancel()
		ch, err := w.env.core.AddChannel(ctx, nc)
		fyne.Do(func() { w.onSubmitted(ch, err) })
	})
}

// onSubmitted goes on to receiving on success, or shows each problem at
// the field it concerns, keeping everything typed.
func (w *addChannelWizard) onSubmitted(ch app.Channel, err error) {
	w.setBusy(false)
	if err == nil {
		w.receiving.begin(ch)
		w.goTo(stepReceiving)
		return
	}
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		slog.Error("add channel", "err", err)
		kit.SetFormProblem(w.formProblem, "Parley could not save the channel. Nothing was saved.\n"+app.Explain(err))
		return
	}
	w.numberNote.SetProblem(verrs.For(app.FieldNumber))
	w.nameNote.SetProblem(verrs.For(app.FieldChannelName))
	w.keyNote.SetProblem(verrs.For(app.FieldAPIKey))
	if w.numberNote.HasProblem() || w.nameNote.HasProblem() || w.keyNote.HasProblem() {
		w.goTo(stepConnection)
		return
	}
	kit.SetFormProblem(w.formProblem, verrs.For(app.FieldForm)+"\nNothing was saved. Press Done to try again.")
}

// setStepBusy holds the receiving step's buttons while it works.
func (w *addChannelWizard) setStepBusy(busy bool) {
	w.busy = busy
	for _, b := range []*keyButton{w.skipBtn, w.startBtn} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// receivingDone offers Finish once the new channel receives.
func (w *addChannelWizard) receivingDone() {
	w.receivingOK = true
	w.skipBtn.Hide()
	w.startBtn.Hide()
	w.finishBtn.Show()
	w.buttons.Refresh()
	w.focusStep()
}

// setBusy shows the progress of the key check and holds the buttons.
func (w *addChannelWizard) setBusy(busy bool) {
	w.busy = busy
	for _, b := range []*keyButton{w.cancelBtn, w.backBtn, w.nextBtn, w.doneBtn} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	for _, e := range []*keyEntry{w.number, w.name, w.key} {
		if busy {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if busy {
		w.progress.Show()
		w.spinner.Start()
	} else {
		w.spinner.Stop()
		w.progress.Hide()
	}
}
