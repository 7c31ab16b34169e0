package inbox

import (
	"context"
	"image/color"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Words of the opt-out strip and menu.
const (
	textAllowAgain     = "Allow again"
	textStopMarketing  = "Stop marketing messages to this customer"
	textAllowMarketing = "Allow marketing messages again"
)

// optOutStrip is the line under the conversation's header while the
// customer is opted out of marketing: since when, and "Allow again".
type optOutStrip struct {
	text    *widget.Label
	allow   *widget.Button
	content fyne.CanvasObject
}

func newOptOutStrip(onAllow func()) *optOutStrip {
	s := &optOutStrip{text: &widget.Label{Wrapping: fyne.TextWrapWord},
		allow: &widget.Button{Text: textAllowAgain, Importance: widget.LowImportance, OnTapped: onAllow}}
	r, g, b, _ := theme.Color(theme.ColorNameWarning).RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x26})
	row := container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.WarningIcon())),
		container.NewCenter(s.allow), s.text)
	s.content = container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(0, 0, 10, 10), row))
	s.content.Hide()
	return s
}

// set shows o, or hides the strip when the customer is not opted out.
func (s *optOutStrip) set(o app.OptOut) {
	if !o.Active() {
		s.content.Hide()
		return
	}
	text := "Opted out of marketing since " + app.OptOutDate(o.At)
	switch {
	case o.By == app.OptedOutByCustomer && o.Word != "":
		text += " (they wrote " + app.DisplayName(o.Word) + ")"
	case o.By == app.OptedOutByOwner:
		text += " (by you)"
	}
	if s.text.Text != text {
		s.text.SetText(text)
	}
	s.content.Show()
}

// setUpOptOut builds the opt-out strip under the header; the header's
// menu (conversationSide) sets or lifts the opt-out by hand. It returns
// the strip.
func (v *conversationView) setUpOptOut() fyne.CanvasObject {
	v.optOut = newOptOutStrip(func() { v.setOptedOut(false) })
	v.optOut.set(v.conv.OptOut)
	return v.optOut.content
}

// optOutMenuItem is the header menu's item that opts the customer out of
// marketing by hand, or lets marketing reach them again.
func (v *conversationView) optOutMenuItem() *fyne.MenuItem {
	if v.conv.OptOut.Active() {
		return fyne.NewMenuItem(textAllowMarketing, func() { v.setOptedOut(false) })
	}
	return fyne.NewMenuItem(textStopMarketing, func() { v.setOptedOut(true) })
}

// setOptedOut opts the customer out of marketing by the owner's hand,
// or lets marketing reach them again.
func (v *conversationView) setOptedOut(out bool) {
	core, id := v.env.core, v.conv.ID
	kit.Load(v.env.Run, v.ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.SetOptedOut(ctx, id, out)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Warn("change the opt-out", "conversation", id, "err", err)
			v.problem.SetText("Parley could not change this. " + app.Explain(err))
			v.problem.Show()
			return
		}
		v.reload()
	})
}

// optOutRefusal says why t cannot go to the customer of cv (a marketing
// template to a customer who opted out), or "".
func optOutRefusal(cv app.Conversation, t app.Template) string {
	if t.Category != app.CategoryMarketing || !cv.OptOut.Active() {
		return ""
	}
	return (&app.OptedOutError{Name: conversationName(cv), OptOut: cv.OptOut}).Plain()
}

// unavailableNote is what the template picker adds to a template that
// cannot go to cv's customer.
func unavailableNote(cv app.Conversation, t app.Template) string {
	if optOutRefusal(cv, t) == "" {
		return ""
	}
	return " · not for this customer (opted out)"
}
