package channels

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// goLiveTimeout bounds registering with 360dialog and the test delivery.
const goLiveTimeout = 45 * time.Second

// receivingSection is Configure → Receiving messages: where this
// computer receives the channel's messages and, since 360dialog cannot
// reach a laptop directly, how to go live through a tunnel: a command for
// each tunnel, the public address it gives, registering that address
// with 360dialog and a test delivery that proves the round trip.
type receivingSection struct {
	env env
	ch  app.Channel
	ctx context.Context // ends when the page closes

	status    *kit.FieldNote    // what the last check found
	statusKey fyne.CanvasObject // its label, hidden with it when nothing checks
	mode      *widget.RadioGroup
	tunnel    *tunnelPanel
	own       fyne.CanvasObject // the owner's own address: tunnel commands, register, test
	settings  app.ReceivingSettings

	public   *widget.Entry
	note     *kit.FieldNote // under the public address: problems and results
	register *widget.Button
	test     *widget.Button
	result   *kit.FieldNote // the outcome of Send a test
	content  fyne.CanvasObject
}

// Texts of the receiving section.
const (
	textTunnelWhy = "360dialog delivers your customers' messages over the internet, but a laptop cannot be " +
		"reached from the internet by itself. A tunnel gives Parley a public https address that forwards to " +
		"this computer. Start one of these free tunnels here, keep it running while Parley receives, and paste " +
		"the address it shows below."
	textPublicHint   = "The https address your tunnel shows, such as https://example.trycloudflare.com."
	textTestHint     = "Send a test checks that 360dialog has this address and that a delivery reaches Parley through the tunnel."
	textNoReceiver   = "Parley's receiver is not running (another program may use its port). Restart Parley; if this stays, see parley.log."
	textRegisterDone = "Registered: 360dialog now delivers this number's messages to "
)

// newReceivingSection builds the section for ch; it follows the receiving
// status while ctx lasts.
func newReceivingSection(e env, ch app.Channel, ctx context.Context) *receivingSection {
	r := &receivingSection{env: e, ch: ch, ctx: ctx}
	r.public = widget.NewEntry()
	r.public.SetPlaceHolder("https://…")
	r.public.SetText(publicBase(ch))
	r.public.OnChanged = func(string) { r.note.SetProblem("") }
	r.public.OnSubmitted = func(string) { r.onRegister() }
	r.note = kit.NewFieldNote(textPublicHint)
	if ch.WebhookURL != "" {
		r.note.SetGood(textRegisterDone + hostOf(ch.WebhookURL) + ".")
	}
	r.register = &widget.Button{Text: "Register with 360dialog", Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: r.onRegister}
	r.test = &widget.Button{Text: "Send a test", Icon: theme.MailSendIcon(), OnTapped: r.onTest}
	r.result = kit.NewFieldNote(textTestHint)
	if ch.Disconnected {
		r.register.Disable()
		r.test.Disable()
	}

	local := e.core.LocalWebhookURL(ch)
	var localRow fyne.CanvasObject
	if local == "" {
		n := kit.NewFieldNote("")
		n.SetProblem(textNoReceiver)
		localRow = n.Content()
	} else {
		localRow = copyRow(local, "Copy address")
	}
	port := receiverPort(local)
	tunnels := container.New(layout.NewFormLayout(),
		configureKey("cloudflared"), copyRow("cloudflared tunnel --url http://127.0.0.1:"+port, "Copy command"),
		configureKey("ngrok"), copyRow("ngrok http "+port, "Copy command"),
		configureKey("Tailscale Funnel"), copyRow("tailscale funnel "+port, "Copy command"),
	)
	last := "None yet"
	if !ch.LastEventAt.IsZero() {
		last = eventTime(ch.LastEventAt, e.core.Now())
	}
	r.status = kit.NewFieldNote("")
	r.statusKey = configureKey("Status")
	r.own = container.NewVBox(
		&widget.Label{Text: textTunnelWhy, Wrapping: fyne.TextWrapWord},
		tunnels,
		kit.NewFormField("Public address", r.public, r.note),
		container.NewHBox(r.register, r.test),
		r.result.Content(),
	)
	r.tunnel = newTunnelPanel(e, app.ReceivingSettings{})
	r.tunnel.onUsed = func() { r.settings.Mode = app.ReceivingTunnel }
	r.mode = widget.NewRadioGroup([]string{textModeTunnel, textModeOwn}, r.onMode)
	r.mode.Horizontal = true
	r.mode.Required = true
	r.content = container.NewVBox(
		container.New(layout.NewFormLayout(),
			configureKey("On this computer"), localRow,
			configureKey("Last message"), &widget.Label{Text: last},
			r.statusKey, r.status.Content(),
		),
		widget.NewSeparator(),
		r.mode,
		r.tunnel.content,
		r.own,
	)
	r.showMode(ch.WebhookURL == "")
	r.showStatus()
	unsubscribe := e.core.Events().Subscribe(func(ev app.Event) {
		if ev.Kind == app.EventReceivingChanged {
			fyne.Do(r.showStatus)
		}
	})
	context.AfterFunc(ctx, unsubscribe)
	kit.Load(e.Run, ctx, e.core.ReceivingSettings, func(rs app.ReceivingSettings, err error) {
		if err != nil {
			slog.Warn("read receiving settings", "err", err)
			return
		}
		r.settings = rs
		if rs.Domain != "" && r.tunnel.domain.Text == "" {
			r.tunnel.domain.SetText(rs.Domain)
		}
		r.tunnel.tokenSaved(rs.Mode == app.ReceivingTunnel)
		switch rs.Mode {
		case app.ReceivingTunnel:
			r.showMode(true)
		case app.ReceivingOwnAddress:
			r.showMode(false)
		}
	})
	return r
}

// showMode shows the panel of Parley's tunnel or of the owner's address.
func (r *receivingSection) showMode(tunnel bool) {
	if tunnel {
		r.mode.SetSelected(textModeTunnel)
	} else {
		r.mode.SetSelected(textModeOwn)
	}
}

// onMode shows the panel chosen; nothing changes until the owner uses it.
func (r *receivingSection) onMode(choice string) {
	if choice == textModeTunnel {
		r.tunnel.content.Show()
		r.own.Hide()
	} else {
		r.tunnel.content.Hide()
		r.own.Show()
	}
}

// showStatus shows what the receiving keeper last found for the channel.
func (r *receivingSection) showStatus() {
	st := r.env.core.ReceivingStatus()
	for _, c := range st.Channels {
		if c.ChannelID != r.ch.ID {
			continue
		}
		switch c.State {
		case app.ReceivingOK:
			msg := "Receiving: checked at " + c.CheckedAt.Local().Format("15:04")
			if st.PublicURL != "" {
				msg += ", through " + hostOf(st.PublicURL)
			}
			r.status.SetGood(msg + ".")
		case app.ReceivingDown:
			r.status.SetProblem("Not receiving since " + c.DownSince.Local().Format("15:04") + ". " + app.Explain(c.Problem))
		case app.ReceivingNotSetUp:
			r.status.SetProblem("Not receiving yet: choose how below.")
		default:
			r.status.SetHint("Not checked yet.")
		}
		r.statusKey.Show()
		r.status.Content().Show()
		return
	}
	r.statusKey.Hide() // nothing checks receiving (the demo)
	r.status.Content().Hide()
}

// copyRow shows text in a fixed-width font with a button that copies it.
func copyRow(text, button string) fyne.CanvasObject {
	label := &widget.Label{Text: text, TextStyle: fyne.TextStyle{Monospace: true}, Selectable: true, Wrapping: fyne.TextWrapBreak}
	var copyButton *widget.Button
	copyButton = &widget.Button{Text: button, Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: func() {
		fyne.CurrentApp().Clipboard().SetContent(text)
		copyButton.SetText("Copied")
	}}
	return container.NewBorder(nil, nil, nil, copyButton, label)
}

// onRegister registers the typed address in the background.
func (r *receivingSection) onRegister() {
	typed := r.public.Text
	if _, err := app.PublicWebhookURL(r.ch, typed); err != nil {
		r.showProblem(err)
		return
	}
	r.busy(true)
	r.note.SetHint("Registering with 360dialog…")
	r.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), goLiveTimeout)
		defer cancel()
		var ch app.Channel
		err := r.useOwnAddress(ctx)
		if err == nil {
			ch, err = r.env.core.RegisterWebhook(ctx, r.ch.ID, typed)
		}
		fyne.Do(func() {
			r.busy(false)
			if ch.ID != 0 {
				r.ch = ch
			}
			if err != nil {
				r.showProblem(err)
				return
			}
			r.note.SetGood(textRegisterDone + hostOf(ch.WebhookURL) + ". Send a test to check the tunnel.")
			r.result.SetProblem("")
			r.result.SetHint(textTestHint)
		})
	})
}

// useOwnAddress makes Parley receive through the owner's address, if it
// did not already (it runs off the UI goroutine).
func (r *receivingSection) useOwnAddress(ctx context.Context) error {
	rs, err := r.env.core.ReceivingSettings(ctx)
	if err != nil || rs.Mode == app.ReceivingOwnAddress {
		return err
	}
	return r.env.core.UseOwnAddress(ctx)
}

// onTest sends Parley's test delivery in the background.
func (r *receivingSection) onTest() {
	r.busy(true)
	r.result.SetProblem("")
	r.result.SetHint("Sending a test through the tunnel…")
	r.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), goLiveTimeout)
		defer cancel()
		err := r.env.core.TestWebhook(ctx, r.ch.ID)
		fyne.Do(func() {
			r.busy(false)
			if err != nil {
				r.result.SetProblem(problemText(err))
				return
			}
			r.result.SetGood("Test passed at " + r.env.core.Now().Local().Format("15:04") +
				": 360dialog has this address and deliveries reach Parley through the tunnel.")
		})
	})
}

// showProblem shows err under the public address.
func (r *receivingSection) showProblem(err error) {
	r.note.SetProblem(problemText(err))
}

// problemText is err in plain words; what is not the owner's to fix is
// logged too.
func problemText(err error) string {
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		slog.Error("receiving messages", "err", err)
	}
	return app.Explain(err)
}

// busy disables the buttons while work runs.
func (r *receivingSection) busy(on bool) {
	for _, b := range []*widget.Button{r.register, r.test} {
		if on || r.ch.Disconnected {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// publicBase is the tunnel address of a registered webhook URL, without
// the channel's path, for the entry.
func publicBase(ch app.Channel) string {
	return strings.TrimSuffix(ch.WebhookURL, app.WebhookPath(ch))
}

// hostOf is the host of a URL, for messages.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return u.Host
}

// receiverPort is the port of the local receiver URL, or Parley's default.
func receiverPort(local string) string {
	if u, err := url.Parse(local); err == nil && u.Port() != "" {
		return u.Port()
	}
	return "8787"
}
