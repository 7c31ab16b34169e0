package templates

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// deleteTimeout bounds deleting one template name on WhatsApp.
const deleteTimeout = 45 * time.Second

// onDelete asks before deleting the selected template's name in all its
// languages, and says that WhatsApp blocks the name for a while.
func (d *templateDetail) onDelete() {
	name := d.current.Name
	var langs []string
	remote := false
	for _, t := range d.page.all {
		if t.Name == name {
			langs = append(langs, app.LanguageName(t.Language))
			remote = remote || t.Status != app.TemplateDraft
		}
	}
	sort.Strings(langs)
	text := deleteQuestion(name, langs, remote)
	msg := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	body := container.New(kit.WrapWidthLayout{Width: 440}, msg)
	c := dialog.NewCustomConfirm("Delete this template?", "Delete", "Keep it", body, func(ok bool) {
		if ok {
			d.page.deleteTemplate(name)
		}
	}, d.page.env.Window)
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}

// deleteQuestion is the confirmation text for deleting name.
func deleteQuestion(name string, langs []string, remote bool) string {
	in := "in " + strings.Join(langs, ", ")
	if len(langs) > 1 {
		in = fmt.Sprintf("in all %d languages (%s)", len(langs), strings.Join(langs, ", "))
	}
	if !remote {
		return fmt.Sprintf("Delete the draft %q %s? It is only on this computer, so nothing changes on WhatsApp.", name, in)
	}
	return fmt.Sprintf("Delete the template %q %s? It is removed from WhatsApp, and you can no longer send it to customers.\n\n"+
		"WhatsApp does not let you use the name %q again for about 4 weeks. "+
		"If you want to change the template, make a copy under a new name instead.", name, in, name)
}

// deleteTemplate deletes name (all its languages) on WhatsApp and here,
// then shows the list without it.
func (p *templatesPage) deleteTemplate(name string) {
	p.deleting = true
	p.detail.setDeleting(true)
	p.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), deleteTimeout)
		defer cancel()
		err := p.env.core.DeleteTemplate(ctx, p.ch.ID, name)
		var list app.TemplateList
		var loadErr error
		if err == nil {
			list, loadErr = p.env.core.Templates(ctx, p.ch.ID)
		}
		fyne.Do(func() { p.deleteDone(name, err, list, loadErr) })
	})
}

// deleteDone shows the outcome of deleting name.
func (p *templatesPage) deleteDone(name string, err error, list app.TemplateList, loadErr error) {
	p.deleting = false
	p.detail.setDeleting(false)
	if err != nil {
		slog.Warn("delete template", "channel", p.ch.ID, "name", name, "err", err)
		p.detail.showProblem(fmt.Sprintf("Parley could not delete %q. %s", name, app.Explain(err)))
		return
	}
	p.showList(list, loadErr)
	if loadErr == nil {
		p.showSyncNote(fmt.Sprintf("Deleted the template %q.", name), widget.SuccessImportance)
	}
}
