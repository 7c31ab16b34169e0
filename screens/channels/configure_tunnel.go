package channels

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Texts of Parley's own tunnel.
const (
	textModeTunnel  = "Parley's own tunnel (recommended)"
	textModeOwn     = "My own address"
	textTunnelIntro = "Parley opens a public https address for this computer itself, through ngrok, and keeps " +
		"360dialog pointed at it. You need a free ngrok account: paste its token once; it stays in the system keyring."
	textTokenHint      = "Copy it from dashboard.ngrok.com → Your Authtoken."
	textTokenHintSaved = "Your token is saved in the system keyring: leave this empty to keep it, or paste a new one."
	textDomainHint     = "Optional: your free fixed domain, from dashboard.ngrok.com → Domains, such as bakery.ngrok.app. " +
		"Without one the address changes at every start, and Parley registers each new one."
	textUseTunnel = "Use Parley's tunnel"
)

// tunnelPanel is "Parley's own tunnel" in Configure → Receiving messages:
// the ngrok token and fixed domain, and a button that hands them to the
// core; the receiving status above shows what the tunnel does then.
type tunnelPanel struct {
	env        env
	token      *keyEntry
	tokenNote  *kit.FieldNote
	domain     *keyEntry
	domainNote *kit.FieldNote
	use        *widget.Button
	note       *kit.FieldNote // the outcome of Use Parley's tunnel
	content    fyne.CanvasObject
	onUsed     func() // the mode changed to the tunnel
}

func newTunnelPanel(e env, settings app.ReceivingSettings) *tunnelPanel {
	t := &tunnelPanel{env: e}
	t.token = newKeyEntry("Paste your ngrok token", true)
	t.tokenNote = kit.NewFieldNote(textTokenHint)
	t.token.OnChanged = func(string) { t.tokenNote.SetProblem("") }
	t.domain = newKeyEntry("bakery.ngrok.app", false)
	t.domain.SetText(settings.Domain)
	t.domainNote = kit.NewFieldNote(textDomainHint)
	t.domain.OnChanged = func(string) { t.domainNote.SetProblem("") }
	t.use = &widget.Button{Text: textUseTunnel, Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: t.onUse}
	t.note = kit.NewFieldNote("")
	t.token.OnSubmitted = func(string) { t.onUse() }
	t.domain.OnSubmitted = func(string) { t.onUse() }
	t.content = container.NewVBox(
		&widget.Label{Text: textTunnelIntro, Wrapping: fyne.TextWrapWord},
		kit.NewFormField("ngrok token", t.token, t.tokenNote),
		kit.NewFormField("Fixed domain", t.domain, t.domainNote),
		container.NewHBox(t.use),
		t.note.Content(),
	)
	return t
}

// tokenSaved says whether a token is saved already, which the field may
// then keep.
func (t *tunnelPanel) tokenSaved(saved bool) {
	if saved {
		t.tokenNote.SetHint(textTokenHintSaved)
	} else {
		t.tokenNote.SetHint(textTokenHint)
	}
}

// onUse saves the token and domain through the core, which then opens the
// tunnel and registers its address for every channel.
func (t *tunnelPanel) onUse() {
	if _, err := app.TunnelDomain(t.domain.Text); err != nil {
		t.showProblem(err)
		return
	}
	token, domain := t.token.Text, t.domain.Text
	t.use.Disable()
	t.note.SetHint("Saving…")
	kit.Load(t.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, t.env.core.UseTunnel(ctx, token, domain)
	}, func(_ struct{}, err error) {
		t.use.Enable()
		if err != nil {
			t.note.SetHint("")
			t.showProblem(err)
			return
		}
		t.token.SetText("")
		t.tokenSaved(true)
		t.note.SetGood("Saved. Parley opens its tunnel and registers the address with 360dialog; the status above shows how it goes.")
		if t.onUsed != nil {
			t.onUsed()
		}
	})
}

// showProblem puts err at its field, or under the button.
func (t *tunnelPanel) showProblem(err error) {
	var verrs app.ValidationErrors
	if errors.As(err, &verrs) {
		if msg := verrs.For(app.FieldTunnelToken); msg != "" {
			t.tokenNote.SetProblem(msg)
			return
		}
		if msg := verrs.For(app.FieldTunnelDomain); msg != "" {
			t.domainNote.SetProblem(msg)
			return
		}
	}
	t.note.SetProblem(problemText(err))
}
