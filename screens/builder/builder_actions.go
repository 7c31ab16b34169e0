package builder

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// submitTimeout bounds a submit, which may upload a sample of up to 20 MB.
const submitTimeout = 2 * time.Minute

// storeTimeout bounds saving, deleting or checking a draft on this computer.
const storeTimeout = 15 * time.Second

// onSubmit checks the template here first, then submits it off the UI
// goroutine: on success the templates list shows it as Submitted;
// offline it stays a draft; a rejection shows WhatsApp's reason at the
// top with the form kept as it is.
func (b *templateBuilder) onSubmit() {
	b.submitted = true
	t, notes := b.build()
	if errs := b.problems(t); len(errs) > 0 {
		b.showProblems(errs, notes)
		b.banner.show(formToneError, fixMessage(len(errs)))
		b.scrollToFirstProblem()
		return
	}
	b.showProblems(nil, notes)
	b.setBusy("Submitting the template to WhatsApp…")
	own := b.draftKey
	b.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), submitTimeout)
		defer cancel()
		res, err := b.env.core.SubmitTemplate(ctx, b.ch.ID, t)
		b.dropRenamedDraft(ctx, own, builderKeyOf(t))
		fyne.Do(func() { b.onSubmitted(t, res, err) })
	})
}

func (b *templateBuilder) onSubmitted(t app.Template, res app.SubmitResult, err error) {
	b.setIdle()
	var verrs app.ValidationErrors
	switch {
	case err == nil && !res.Draft:
		b.saved, b.unsaved = t, false
		b.env.Nav.Back()
		dialog.ShowInformation("Submitted for review", res.Message, b.env.Window)
		return
	case err == nil:
		b.markSaved(t)
		b.banner.show(formToneWarning, res.Message)
	case errors.As(err, &verrs):
		if res.Draft {
			b.markSaved(t)
		}
		b.showProblems(verrs, b.buttonNotes())
		if msg := verrs.For(app.FieldForm); msg != "" {
			b.banner.show(formToneError, msg)
			break
		}
		b.banner.show(formToneError, fixMessage(len(verrs)))
		b.scrollToFirstProblem()
		return
	default:
		slog.Error("submit template", "channel", b.ch.ID, "err", err)
		msg := "Parley could not submit the template: " + app.Explain(err)
		if res.Draft {
			b.markSaved(t)
			msg += " It is kept as a draft on this computer."
		}
		b.banner.show(formToneError, msg)
	}
}

// onSaveDraft keeps the template on this computer without checking it.
func (b *templateBuilder) onSaveDraft() {
	b.saveDraft(func() {})
}

// saveDraft saves the template as a draft off the UI goroutine and calls
// then after a successful save.
func (b *templateBuilder) saveDraft(then func()) {
	t := b.template()
	b.setBusy("Saving the draft…")
	own := b.draftKey
	b.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		err := b.env.core.SaveTemplateDraft(ctx, b.ch.ID, t)
		if err == nil {
			b.dropRenamedDraft(ctx, own, builderKeyOf(t))
		}
		fyne.Do(func() {
			b.setIdle()
			var verrs app.ValidationErrors
			switch {
			case errors.As(err, &verrs):
				b.basics.nameNote.show(verrs.For(app.FieldTemplateName), true)
				b.banner.show(formToneError, verrs.Error())
			case err != nil:
				slog.Error("save template draft", "channel", b.ch.ID, "err", err)
				b.banner.show(formToneError, "Parley could not save the draft: "+app.Explain(err))
			default:
				b.markSaved(t)
				b.banner.show(formToneSuccess, fmt.Sprintf("Saved as a draft on this computer at %s. Submit it whenever you are ready.",
					b.env.core.Now().Local().Format("15:04")))
				then()
			}
		})
	})
}

// markSaved records t as the stored draft this builder edits.
func (b *templateBuilder) markSaved(t app.Template) {
	b.saved, b.unsaved = t, false
	b.draftKey = builderKeyOf(t)
	b.remove.Show()
	b.checkedKey = builderKey{} // the stored draft is now this one's own
	b.checkName()
}

// dropRenamedDraft deletes the draft stored under old after the template
// was stored under a new name or language, so renaming a draft does not
// leave the old copy behind. It runs off the UI goroutine and deletes
// only a draft, never a template WhatsApp knows.
func (b *templateBuilder) dropRenamedDraft(ctx context.Context, old, now builderKey) {
	if old == (builderKey{}) || old == now {
		return
	}
	list, err := b.env.core.Templates(ctx, b.ch.ID)
	if err != nil {
		slog.Warn("renamed draft: list templates", "err", err)
		return
	}
	stored, oldIsDraft := false, false
	for _, t := range list.Templates {
		switch builderKeyOf(t) {
		case now:
			stored = true
		case old:
			oldIsDraft = t.Status == app.TemplateDraft
		}
	}
	if stored && oldIsDraft {
		if err := b.env.core.DeleteTemplateDraft(ctx, b.ch.ID, old.name, old.language); err != nil {
			slog.Warn("renamed draft: delete old copy", "err", err)
		}
	}
}

// onBack returns to the templates list, asking first when changes
// would be lost.
func (b *templateBuilder) onBack() {
	if !b.dirty() {
		b.env.Nav.Back()
		return
	}
	dialog.ShowCustomConfirm("Keep your changes?",
		"Save draft", "Discard changes",
		newBuilderHint("This template has changes that are not saved. Save it as a draft on this computer to finish it later."),
		func(save bool) {
			if !save {
				b.env.Nav.Back()
				return
			}
			b.saveDraft(b.env.Nav.Back)
		}, b.env.Window)
}

// dirty reports whether leaving now would lose something the owner typed.
func (b *templateBuilder) dirty() bool {
	return b.unsaved || !reflect.DeepEqual(b.template(), b.saved)
}

// onDeleteDraft deletes the stored draft after asking, then returns to
// the templates list.
func (b *templateBuilder) onDeleteDraft() {
	key := b.draftKey
	if key == (builderKey{}) {
		return
	}
	deleteTemplateDraft(b.env, b.ch, key.name, key.language, b.env.Nav.Back)
}

// checkName warns, off the UI goroutine, when the name is already used
// in the chosen language: by a template WhatsApp knows (it would refuse
// a second one) or by another draft (saving would replace it).
func (b *templateBuilder) checkName() {
	key := builderKey{b.basics.name.Text, b.basics.language.code}
	if key == b.checkedKey {
		return
	}
	b.checkedKey = key
	b.nameSeq++
	seq := b.nameSeq
	if key.language == "" || app.ValidateTemplate(app.Template{Name: key.name}).For(app.FieldTemplateName) != "" {
		b.basics.setNameWarning("")
		return
	}
	own := b.draftKey
	kit.Load(b.env.Run, b.ctx, func(ctx context.Context) (string, error) {
		return b.nameClash(ctx, key, own), nil
	}, func(msg string, _ error) {
		if seq == b.nameSeq {
			b.basics.setNameWarning(msg)
		}
	})
}

// nameClash says how key clashes with a stored template, or "". A failed
// check says nothing: submitting checks again.
func (b *templateBuilder) nameClash(ctx context.Context, key, own builderKey) string {
	lang := app.LanguageName(key.language)
	taken, err := b.env.core.TemplateNameTaken(ctx, b.ch.ID, key.name, key.language)
	if err != nil {
		slog.Warn("check template name", "err", err)
		return ""
	}
	if taken {
		return fmt.Sprintf("A template named %s already exists in %s. WhatsApp won't accept a second one: choose another name or language.", key.name, lang)
	}
	if key == own {
		return ""
	}
	list, err := b.env.core.Templates(ctx, b.ch.ID)
	if err != nil {
		return ""
	}
	for _, t := range list.Templates {
		if builderKeyOf(t) == key && t.Status == app.TemplateDraft {
			return fmt.Sprintf("You already have a draft named %s in %s. Saving this one replaces it.", key.name, lang)
		}
	}
	return ""
}

// buttonNotes are the notes of the buttons the form shows now.
func (b *templateBuilder) buttonNotes() []buttonNotes {
	_, notes := b.build()
	return notes
}

// setBusy shows progress with a line on what is happening and stops the
// owner from starting a second save or leaving meanwhile.
func (b *templateBuilder) setBusy(what string) {
	b.banner.hide()
	b.status.SetText(what)
	b.progress.Show()
	b.progress.Start()
	b.back.Disable()
	b.remove.Disable()
	b.save.Disable()
	b.submit.Disable()
}

// setIdle ends setBusy.
func (b *templateBuilder) setIdle() {
	b.status.SetText("")
	b.progress.Stop()
	b.progress.Hide()
	b.back.Enable()
	b.remove.Enable()
	b.save.Enable()
	b.submit.Enable()
}

// scrollToFirstProblem scrolls the form so the first problem shown is in
// view.
func (b *templateBuilder) scrollToFirstProblem() {
	b.scroll.Refresh() // lays the form out with the notes just shown
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(b.form)
	for _, n := range b.notes() {
		if !n.visible() {
			continue
		}
		y := d.AbsolutePositionForObject(n.label).Y - top.Y - 160 // show the field above its note
		if y < 160 {
			y = 0 // the first card: show it from its title
		}
		b.scroll.ScrollToOffset(fyne.NewPos(0, y))
		return
	}
	b.scroll.ScrollToTop()
}

// fixMessage is the banner after a submit stopped by problems.
func fixMessage(n int) string {
	if n == 1 {
		return "One thing needs your attention before WhatsApp can review the template. It is marked below."
	}
	return fmt.Sprintf("%d things need your attention before WhatsApp can review the template. They are marked below.", n)
}
