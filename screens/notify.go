package screens

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// notifyTemplateReview posts a desktop notification for a core event that
// carries a template's review outcome (approved, rejected, paused …). It
// may run on any goroutine.
func notifyTemplateReview(e app.Event) {
	if e.Kind != app.EventTemplatesChanged || e.Message == "" {
		return
	}
	n := fyne.NewNotification(templateReviewTitle(e.Message), e.Message)
	fyne.Do(func() { fyne.CurrentApp().SendNotification(n) })
}

// templateReviewTitle is the notification's title for a review notice
// written by app.TemplateChange.Notice.
func templateReviewTitle(notice string) string {
	switch {
	case strings.Contains(notice, " was approved"):
		return "Template approved"
	case strings.Contains(notice, " was rejected"):
		return "Template rejected"
	}
	return "Template status changed"
}
