package templates

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// statusBadge is a template's review status as a small coloured pill:
// green for approved, amber while waiting or paused, red when rejected or
// disabled, grey for a local draft.
type statusBadge struct {
	widget.BaseWidget
	status app.TemplateStatus
}

var _ fyne.Widget = (*statusBadge)(nil)

func newStatusBadge(s app.TemplateStatus) *statusBadge {
	b := &statusBadge{status: s}
	b.ExtendBaseWidget(b)
	return b
}

// setStatus shows s; call it on the UI goroutine.
func (b *statusBadge) setStatus(s app.TemplateStatus) {
	if b.status == s {
		return
	}
	b.status = s
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *statusBadge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{
		badge: b,
		bg:    &canvas.Rectangle{CornerRadius: 10},
		text:  &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
	}
	r.Refresh()
	return r
}

// badgeRenderer draws a statusBadge: a tinted rounded rectangle with the
// status name in the status colour.
type badgeRenderer struct {
	badge *statusBadge
	bg    *canvas.Rectangle
	text  *canvas.Text
}

// Badge padding around its text.
const (
	badgePadX float32 = 10
	badgePadY float32 = 3
)

func (r *badgeRenderer) Destroy() {}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *badgeRenderer) MinSize() fyne.Size {
	return r.text.MinSize().AddWidthHeight(2*badgePadX, 2*badgePadY)
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.bg.Move(fyne.NewPos(0, 0))
	ts := r.text.MinSize()
	r.text.Resize(ts)
	r.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
}

func (r *badgeRenderer) Refresh() {
	fg := theme.Color(templateStatusColor(r.badge.status))
	r.text.Text = app.StatusLabel(r.badge.status)
	r.text.Color = fg
	r.text.TextSize = theme.Size(theme.SizeNameCaptionText) + 1
	r.bg.FillColor = kit.BadgeTint(fg, 0x2a)
	r.bg.CornerRadius = (r.MinSize().Height) / 2
	r.Layout(r.badge.Size())
	r.bg.Refresh()
	r.text.Refresh()
}

// templateStatusColor is the theme colour of a template status.
func templateStatusColor(s app.TemplateStatus) fyne.ThemeColorName {
	switch s {
	case app.TemplateApproved:
		return theme.ColorNameSuccess
	case app.TemplateSubmitted, app.TemplatePaused:
		return theme.ColorNameWarning
	case app.TemplateRejected, app.TemplateDisabled:
		return theme.ColorNameError
	}
	return theme.ColorNamePlaceHolder
}

// templateStatusMeaning says in plain words what a status means for the owner.
func templateStatusMeaning(s app.TemplateStatus) string {
	switch s {
	case app.TemplateSubmitted:
		return "Submitted (pending review). WhatsApp is reviewing it; Parley tells you when it is approved or rejected."
	case app.TemplateApproved:
		return "Approved. You can send it to customers."
	case app.TemplateRejected:
		return "Rejected. It cannot be sent to customers."
	case app.TemplatePaused:
		return "Paused. WhatsApp paused it after customers reported or blocked it; it cannot be sent for now."
	case app.TemplateDisabled:
		return "Disabled. WhatsApp switched it off after repeated poor feedback from customers; it cannot be sent."
	case app.TemplateDraft:
		return "Draft. Saved only on this computer; it has not been submitted yet."
	}
	return "WhatsApp reports a status Parley does not know yet."
}
