package channels

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Texts of the wizard's receiving step.
const (
	textStartReceiving = "Start receiving"
	textSkipReceiving  = "Skip for now"
	textFinish         = "Finish"
	textReceivingNow   = "You're receiving messages"
	textReceivingProof = "360dialog has this computer's address, and a test delivery came back through it. " +
		"Messages your customers send now arrive in the Space."
	textSkipped = "Not receiving yet. Set it up any time in Configure → Receiving messages."
)

// receivingStep is the Add Channel wizard's last step: the new channel
// starts receiving, through Parley's own tunnel or the owner's address.
// Its webhook is registered with 360dialog with the channel's secret, and
// a test delivery must come back before it says "You're receiving
// messages". The owner may skip it.
type receivingStep struct {
	w       *addChannelWizard
	ch      app.Channel // the channel just saved
	mode    *widget.RadioGroup
	tunnel  *tunnelPanel
	public  *keyEntry
	note    *kit.FieldNote // under the public address
	own     fyne.CanvasObject
	working fyne.CanvasObject
	spinner *widget.Activity
	problem *widget.Label
	// unchecked says the key could not be matched with the number
	// (app.Channel.NumberNote); it stays while the step is open.
	unchecked *widget.Label
	done      fyne.CanvasObject // shown once receiving works
	form      fyne.CanvasObject // everything before it works
	page      *fyne.Container   // form and done: laid out again when either changes

	waitSince time.Time // when the owner asked the keeper; zero when not waiting
	stopWait  func()
}

func newReceivingStep(w *addChannelWizard) *receivingStep {
	r := &receivingStep{w: w}
	r.tunnel = newTunnelPanel(w.env, app.ReceivingSettings{})
	r.tunnel.use.Hide() // the wizard's Start receiving drives it
	for _, e := range []*keyEntry{r.tunnel.token, r.tunnel.domain} {
		e.onEscape, e.OnSubmitted = w.onCancel, func(string) { w.onNext() }
	}
	r.public = newKeyEntry("https://…", false)
	r.note = kit.NewFieldNote(textPublicHint)
	r.public.OnChanged = func(string) { r.note.SetProblem("") }
	r.public.onEscape, r.public.OnSubmitted = w.onCancel, func(string) { w.onNext() }
	r.own = container.NewVBox(
		&widget.Label{Text: "Paste the https address of the reverse proxy or tunnel you run, which forwards to " +
			"Parley's receiver on this computer.", Wrapping: fyne.TextWrapWord},
		kit.NewFormField("Public address", r.public, r.note))
	r.mode = widget.NewRadioGroup([]string{textModeTunnel, textModeOwn}, r.onMode)
	r.mode.Horizontal, r.mode.Required = true, true
	r.spinner = widget.NewActivity()
	r.working = kit.NewProgressLine(r.spinner, "Opening the address and sending a test delivery through it…")
	r.working.Hide()
	r.problem = kit.NewFormProblem()
	r.unchecked = kit.NewFormProblem()
	r.unchecked.Importance = widget.WarningImportance
	r.form = container.NewVBox(r.unchecked, r.working, r.problem, r.mode, r.tunnel.content, r.own) // progress and problems first: the form scrolls
	r.done = container.NewVBox(
		container.NewCenter(kit.NewIconBadge(theme.ConfirmIcon(), 56)),
		&widget.Label{Text: textReceivingNow, Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		&widget.Label{Text: textReceivingProof, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord})
	r.done.Hide()
	r.mode.SetSelected(textModeTunnel)
	return r
}

// content is the step's page.
func (r *receivingStep) content() fyne.CanvasObject {
	if r.page == nil {
		r.page = container.NewVBox(r.form, r.done)
	}
	return r.page
}

// relayout lays the page out again after parts were shown or hidden.
func (r *receivingStep) relayout() {
	if r.page != nil {
		r.page.Refresh()
	}
	r.w.stage.Refresh()
}

// onMode shows the fields of the way chosen.
func (r *receivingStep) onMode(choice string) {
	if choice == textModeTunnel {
		r.tunnel.content.Show()
		r.own.Hide()
	} else {
		r.tunnel.content.Hide()
		r.own.Show()
	}
	if r.w.stage != nil {
		r.relayout()
	}
}

// begin starts the step for the channel just saved, with the way of
// receiving the data folder uses already chosen.
func (r *receivingStep) begin(ch app.Channel) {
	r.ch = ch
	kit.SetFormProblem(r.unchecked, ch.NumberNote)
	kit.Load(r.w.env.Run, context.Background(), r.w.env.core.ReceivingSettings, func(rs app.ReceivingSettings, err error) {
		if err != nil {
			return
		}
		r.tunnel.domain.SetText(rs.Domain)
		r.tunnel.tokenSaved(rs.Mode == app.ReceivingTunnel)
		if rs.Mode == app.ReceivingOwnAddress {
			r.mode.SetSelected(textModeOwn)
		}
	})
}

// start sets up receiving the way chosen.
func (r *receivingStep) start() {
	kit.SetFormProblem(r.problem, "")
	if r.mode.Selected == textModeOwn {
		r.startOwnAddress()
		return
	}
	if _, err := app.TunnelDomain(r.tunnel.domain.Text); err != nil {
		r.tunnel.showProblem(err)
		return
	}
	token, domain := r.tunnel.token.Text, r.tunnel.domain.Text
	r.setWorking(true)
	since := r.w.env.core.Now()
	r.listen()
	kit.Load(r.w.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, r.w.env.core.UseTunnel(ctx, token, domain)
	}, func(_ struct{}, err error) {
		if err != nil {
			r.stopListening()
			r.setWorking(false)
			r.tunnel.showProblem(err)
			return
		}
		r.tunnel.token.SetText("")
		r.tunnel.tokenSaved(true)
		r.waitSince = since
		r.check() // the keeper may have answered already
	})
}

// listen follows the receiving keeper's news while the step waits.
func (r *receivingStep) listen() {
	r.stopListening()
	r.stopWait = r.w.env.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventReceivingChanged {
			fyne.Do(r.check)
		}
	})
}

func (r *receivingStep) stopListening() {
	if r.stopWait != nil {
		r.stopWait()
		r.stopWait = nil
	}
}

// check reads what the keeper found for the channel since the owner
// asked, and shows it.
func (r *receivingStep) check() {
	if r.waitSince.IsZero() {
		return
	}
	for _, c := range r.w.env.core.ReceivingStatus().Channels {
		if c.ChannelID != r.ch.ID || c.CheckedAt.Before(r.waitSince) {
			continue
		}
		switch c.State {
		case app.ReceivingOK:
			r.finished()
		case app.ReceivingDown:
			r.failed(c.Problem)
		}
	}
}

// startOwnAddress registers the owner's address and sends a test.
func (r *receivingStep) startOwnAddress() {
	typed := r.public.Text
	if _, err := app.PublicWebhookURL(r.ch, typed); err != nil {
		r.note.SetProblem(problemText(err))
		return
	}
	r.setWorking(true)
	id := r.ch.ID
	kit.Load(r.w.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		ctx, cancel := context.WithTimeout(ctx, goLiveTimeout)
		defer cancel()
		if err := r.w.env.core.UseOwnAddress(ctx); err != nil {
			return struct{}{}, err
		}
		if _, err := r.w.env.core.RegisterWebhook(ctx, id, typed); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, r.w.env.core.TestWebhook(ctx, id)
	}, func(_ struct{}, err error) {
		if err != nil {
			var verrs app.ValidationErrors
			if errors.As(err, &verrs) && verrs.For(app.FieldPublicURL) != "" {
				r.setWorking(false)
				r.note.SetProblem(verrs.For(app.FieldPublicURL))
				return
			}
			r.failed(err)
			return
		}
		r.finished()
	})
}

// finished says the channel receives, and offers Finish.
func (r *receivingStep) finished() {
	r.waitSince = time.Time{}
	r.stopListening()
	r.setWorking(false)
	r.form.Hide()
	r.done.Show()
	r.relayout()
	r.w.receivingDone()
}

// failed says why, keeping what was typed, and lets the owner try again.
func (r *receivingStep) failed(err error) {
	r.waitSince = time.Time{}
	r.stopListening()
	r.setWorking(false)
	kit.SetFormProblem(r.problem, problemText(err)+"\nFix it and press "+textStartReceiving+" again, or skip for now.")
	r.relayout()
}

// setWorking shows the progress and holds the fields.
func (r *receivingStep) setWorking(on bool) {
	r.w.setStepBusy(on)
	for _, e := range []*keyEntry{r.tunnel.token, r.tunnel.domain, r.public} {
		if on {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if on {
		r.mode.Disable()
		r.working.Show()
		r.spinner.Start()
	} else {
		r.mode.Enable()
		r.working.Hide()
		r.spinner.Stop()
	}
	r.relayout()
}
