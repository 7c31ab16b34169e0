package channels

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Hints under the fields of the number step.
const (
	hintNumber = "International format with the country code, for example +49 30 1234567."
	hintKey    = "Find it in the 360dialog hub → your number → API key. Parley keeps it in your computer's keyring only."
)

// newTypeStep shows the one kind of channel Parley connects, WhatsApp,
// already chosen. Only what can be connected is offered; the step stays so
// the owner sees what the wizard is about before typing anything.
func (w *addChannelWizard) newTypeStep() fyne.CanvasObject {
	w.whatsapp = w.newCard(kit.ChatIcon, "WhatsApp", "Your WhatsApp Business number: customers write to it and you answer in Parley.")
	w.whatsapp.Selected = true
	return container.NewVBox(w.whatsapp)
}

// newProviderStep shows the one provider Parley works with, 360dialog,
// already chosen, with what it is and what to do without a number there.
func (w *addChannelWizard) newProviderStep() fyne.CanvasObject {
	w.dialog360 = w.newCard(kit.ChannelIcon, "360dialog",
		"An official WhatsApp Business API provider: it sells WhatsApp Business numbers and gives you the API key Parley connects with.")
	w.dialog360.Selected = true
	none := kit.NewMutedText("No number at 360dialog yet? Get one in the 360dialog hub first, then come back here.",
		fyne.TextAlignLeading, theme.SizeNameText)
	none.Wrapping = fyne.TextWrapWord
	return container.NewVBox(w.dialog360, none)
}

// newCard makes the choice shown on the first two steps.
func (w *addChannelWizard) newCard(icon fyne.Resource, title, detail string) *kit.ChoiceCard {
	c := kit.NewChoiceCard(icon, title, detail)
	c.OnEnter, c.OnEscape = w.onNext, w.onCancel
	return c
}

// newConnectionStep asks for the number, an optional name and the API key.
func (w *addChannelWizard) newConnectionStep() fyne.CanvasObject {
	w.number = newKeyEntry("+49 30 1234567", false)
	w.numberNote = kit.NewFieldNote(hintNumber)
	w.number.OnChanged = w.onNumberChanged
	w.name = newKeyEntry("WhatsApp and your number", false)
	w.nameNote = kit.NewFieldNote("Optional. Only you see this name; customers see your WhatsApp Business profile.")
	w.name.OnChanged = func(string) { w.nameNote.SetProblem("") }
	w.key = newKeyEntry("Paste the API key", true)
	w.keyNote = kit.NewFieldNote(hintKey)
	w.key.OnChanged = func(string) { w.keyNote.SetProblem("") }
	for _, e := range []*keyEntry{w.number, w.name, w.key} {
		e.onEscape = w.onCancel
		e.OnSubmitted = func(string) { w.onNext() }
	}
	return container.NewVBox(
		kit.NewFormField("WhatsApp-enabled number", w.number, w.numberNote),
		kit.NewFormField("Channel name", w.name, w.nameNote),
		kit.NewFormField("API key", w.key, w.keyNote),
	)
}

// onNumberChanged shows, while the owner types, how the number will be
// saved, or quietly what is still wrong with it.
func (w *addChannelWizard) onNumberChanged(text string) {
	w.numberNote.SetProblem("")
	if strings.TrimSpace(text) == "" {
		w.numberNote.SetHint(hintNumber)
		w.name.SetPlaceHolder("WhatsApp and your number")
		return
	}
	e164, err := app.NormalizePhone(text)
	if err != nil {
		w.numberNote.SetHint("Not a complete number yet. " + hintNumber)
		return
	}
	w.numberNote.SetGood("Will be saved as " + app.FormatPhone(e164))
	w.name.SetPlaceHolder("WhatsApp " + app.FormatPhone(e164))
}

// checkFields checks the number step without the network and puts each
// problem under its field.
func (w *addChannelWizard) checkFields() bool {
	errs := app.ValidateNewChannel(w.newChannel())
	w.numberNote.SetProblem(errs.For(app.FieldNumber))
	w.nameNote.SetProblem(errs.For(app.FieldChannelName))
	w.keyNote.SetProblem(errs.For(app.FieldAPIKey))
	return len(errs) == 0
}

// firstFieldWithProblem is where the focus goes on the number step.
func (w *addChannelWizard) firstFieldWithProblem() fyne.Focusable {
	switch {
	case w.numberNote.HasProblem():
		return w.number
	case w.nameNote.HasProblem():
		return w.name
	case w.keyNote.HasProblem():
		return w.key
	case w.number.Text != "" && w.key.Text == "":
		return w.key
	}
	return w.number
}

// newDoneStep sums up the channel, explains WhatsApp's 24-hour window and
// shows the progress of the key check.
func (w *addChannelWizard) newDoneStep() fyne.CanvasObject {
	w.sumNumber = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	w.sumName = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	summary := kit.NewFormCard(container.NewBorder(nil, nil,
		container.NewCenter(kit.NewIconBadge(kit.ChannelIcon, 44)), nil,
		container.NewVBox(w.sumNumber,
			container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), w.sumName))))
	window := kit.NewFormInfoBox(theme.HistoryIcon(), "WhatsApp's 24-hour window",
		"You may reply freely to a customer within 24 hours of their last message. After that, WhatsApp "+
			"only lets you send an approved message template until the customer writes again.")
	w.spinner = widget.NewActivity()
	w.progress = kit.NewProgressLine(w.spinner, "Checking your API key with 360dialog…")
	w.progress.Hide()
	w.formProblem = kit.NewFormProblem()
	next := kit.NewMutedText("Press Done to check the key and connect the number. Nothing is saved if the check fails.",
		fyne.TextAlignLeading, theme.SizeNameText)
	next.Wrapping = fyne.TextWrapWord
	return container.NewVBox(summary, window, next, w.progress, w.formProblem)
}

// fillSummary shows what will be saved.
func (w *addChannelWizard) fillSummary() {
	number := strings.TrimSpace(w.number.Text)
	if e164, err := app.NormalizePhone(number); err == nil {
		number = app.FormatPhone(e164)
	}
	w.sumNumber.SetText(number)
	name := strings.TrimSpace(w.name.Text)
	if name == "" {
		name = "WhatsApp " + number
	}
	w.sumName.SetText(fmt.Sprintf("%s  ·  360dialog WhatsApp", name))
}

// stepIndicator shows "Step 2 of 4 · Provider" above a bar of segments,
// one per step, filled up to the current one.
type stepIndicator struct {
	label    *widget.RichText
	segments []*canvas.Rectangle
	content  fyne.CanvasObject
}

func newStepIndicator(n int) *stepIndicator {
	s := &stepIndicator{label: kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameCaptionText)}
	bars := container.NewGridWithColumns(n)
	for range n {
		r := &canvas.Rectangle{CornerRadius: 2}
		r.SetMinSize(fyne.NewSize(0, 4))
		s.segments = append(s.segments, r)
		bars.Add(r)
	}
	s.content = container.NewVBox(s.label, container.New(layout.NewCustomPaddedLayout(-theme.Padding(), 0, 0, 0), bars))
	return s
}

// set marks step i (from 0) as the current one.
func (s *stepIndicator) set(i int, name string) {
	seg := s.label.Segments[0].(*widget.TextSegment)
	seg.Text = fmt.Sprintf("Step %d of %d  ·  %s", i+1, len(s.segments), name)
	seg.Style.TextStyle.Bold = true
	s.label.Refresh()
	for j, r := range s.segments {
		if j <= i {
			r.FillColor = theme.Color(theme.ColorNamePrimary)
		} else {
			r.FillColor = theme.Color(theme.ColorNameSeparator)
		}
		r.Refresh()
	}
}
