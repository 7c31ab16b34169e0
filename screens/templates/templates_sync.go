package templates

import (
	"context"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// onSync fetches every template from WhatsApp in the background, showing
// the progress and a Cancel button. The list on screen stays as it is
// until the sync has succeeded.
func (p *templatesPage) onSync() {
	if p.syncing {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.syncGen++
	gen := p.syncGen
	p.syncing, p.cancelSync = true, cancel
	p.fetched, p.total = 0, 0
	p.progress.Max = 1
	p.progress.SetValue(0)
	p.cancelButton.SetText("Cancel")
	p.cancelButton.Enable()
	p.syncButton.Disable()
	p.lastSynced.Hide()
	p.syncNote.Hide()
	p.syncBusy.Show()

	p.env.Run(func() {
		defer cancel()
		_, err := p.env.core.SyncTemplates(ctx, p.ch.ID, func(fetched, total int) {
			fyne.Do(func() { p.showProgress(gen, fetched, total) })
		})
		cancelled := ctx.Err() != nil
		var list app.TemplateList
		var loadErr error
		if err == nil {
			lctx, lcancel := context.WithTimeout(context.Background(), kit.LoadTimeout)
			list, loadErr = p.env.core.Templates(lctx, p.ch.ID)
			lcancel()
		}
		fyne.Do(func() { p.syncDone(gen, err, cancelled, list, loadErr) })
	})
}

// onCancelSync stops the running sync; the list stays as it was.
func (p *templatesPage) onCancelSync() {
	if p.cancelSync != nil {
		p.cancelSync()
	}
	p.cancelButton.SetText("Cancelling…")
	p.cancelButton.Disable()
}

// showProgress moves the progress bar of sync gen.
func (p *templatesPage) showProgress(gen, fetched, total int) {
	if gen != p.syncGen || !p.syncing {
		return
	}
	p.fetched, p.total = fetched, total
	p.progress.Max = float64(max(total, 1))
	p.progress.SetValue(float64(min(fetched, max(total, 1))))
}

// progressText is the text inside the progress bar.
func (p *templatesPage) progressText() string {
	if p.total == 0 {
		return "Contacting WhatsApp…"
	}
	return fmt.Sprintf("Fetched %d of %d %s", p.fetched, p.total, templatesNoun(p.total))
}

// syncDone shows the outcome of sync gen: the fresh list, or why the old
// one is still shown.
func (p *templatesPage) syncDone(gen int, err error, cancelled bool, list app.TemplateList, loadErr error) {
	if gen != p.syncGen {
		return
	}
	p.syncing, p.cancelSync = false, nil
	p.syncBusy.Hide()
	p.lastSynced.Show()
	p.syncButton.Enable()
	switch {
	case err == nil:
		p.showList(list, loadErr)
		if loadErr == nil {
			p.showSyncNote(fmt.Sprintf("Synced: %d %s from WhatsApp.", len(list.Templates), templatesNoun(len(list.Templates))), widget.SuccessImportance)
		}
	case cancelled:
		p.showSyncNote("Sync cancelled. Your list is as it was.", widget.MediumImportance)
	default:
		slog.Warn("sync templates", "channel", p.ch.ID, "err", err)
		p.showSyncNote("Sync failed. "+app.Explain(err)+" Your list is as it was.", widget.DangerImportance)
	}
}

// showSyncNote shows a plain sentence under the last-synced time.
func (p *templatesPage) showSyncNote(text string, imp widget.Importance) {
	p.syncNote.Importance = imp
	p.syncNote.SetText(text)
	p.syncNote.Show()
}
