package builder

import (
	"context"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
)

// The entry points below are for the templates list, which shows local
// drafts with the status Draft: reopen one with openTemplateBuilder(e,
// ch, &draft), copy any template with duplicateTemplate, and delete a
// draft with deleteTemplateDraft.

// duplicateTemplate opens the builder with a copy of t named name_copy,
// ready to change and submit as a new template. The copy is stored only
// when the owner saves or submits it; leaving asks first.
func duplicateTemplate(e env, ch app.Channel, t app.Template) {
	d := app.DuplicateTemplate(t)
	b := newTemplateBuilder(e, ch, &d, false)
	b.unsaved = true
	b.show()
}

// deleteTemplateDraft asks whether to delete the local draft name in
// language, deletes it off the UI goroutine, and calls done on the UI
// goroutine once it is gone.
func deleteTemplateDraft(e env, ch app.Channel, name, language string, done func()) {
	msg := fmt.Sprintf("The draft %s (%s) is deleted from this computer. It was never sent to WhatsApp.", name, app.LanguageName(language))
	dialog.ShowCustomConfirm("Delete this draft?", "Delete", "Keep it", newBuilderHint(msg), func(ok bool) {
		if !ok {
			return
		}
		e.Run(func() {
			ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
			defer cancel()
			err := e.core.DeleteTemplateDraft(ctx, ch.ID, name, language)
			fyne.Do(func() {
				if err != nil {
					slog.Error("delete template draft", "channel", ch.ID, "err", err)
					dialog.ShowInformation("Parley could not delete the draft", app.Explain(err), e.Window)
					return
				}
				done()
			})
		})
	}, e.Window)
}
