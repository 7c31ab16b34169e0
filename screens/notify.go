package screens

import (
	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// notifyTemplateReview posts a desktop notification for a core event that
// carries a template's review outcome (approved, rejected, paused …). It
// may run on any goroutine.
func notifyTemplateReview(e app.Event) {
	if e.Kind != app.EventTemplatesChanged || e.Template == nil {
		return
	}
	n := fyne.NewNotification(templateReviewTitle(e.Template.To), e.Template.Notice())
	fyne.Do(func() { fyne.CurrentApp().SendNotification(n) })
}

// templateReviewTitle is the notification's title for a template that
// now has status to.
func templateReviewTitle(to app.TemplateStatus) string {
	switch to {
	case app.TemplateApproved:
		return "Template approved"
	case app.TemplateRejected:
		return "Template rejected"
	}
	return "Template status changed"
}
