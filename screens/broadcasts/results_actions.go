package broadcasts

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// showNote says how an action went, above the page.
func (p *resultsPage) showNote(text string, imp widget.Importance) {
	p.note.Importance = imp
	p.note.SetText(text)
	if text == "" {
		p.note.Hide()
	} else {
		p.note.Show()
	}
}

// act runs a control of the broadcast in the background and reloads.
func (p *resultsPage) act(what string, run func(ctx context.Context, core Core, id int64) (string, error)) {
	if p.acting {
		return
	}
	p.acting = true
	p.updateActions()
	core, id := p.env.core, p.id
	kit.Load(p.env.Run, p.ctx, func(ctx context.Context) (string, error) {
		return run(ctx, core, id)
	}, func(done string, err error) {
		p.acting = false
		if err != nil {
			slog.Warn("broadcast control", "what", what, "broadcast", id, "err", err)
			p.showNote("Parley could not "+what+" the broadcast. "+app.Explain(err), widget.DangerImportance)
		} else {
			p.showNote(done, widget.MediumImportance)
		}
		p.updateActions()
		p.reloader.Request()
	})
}

func (p *resultsPage) onPause() {
	p.act("pause", func(ctx context.Context, core Core, id int64) (string, error) {
		return "Paused. Nobody else gets it until you resume; messages already on their way to WhatsApp still arrive.",
			core.PauseBroadcast(ctx, id)
	})
}

func (p *resultsPage) onResume() {
	p.act("resume", func(ctx context.Context, core Core, id int64) (string, error) {
		return "Sending again.", core.ResumeBroadcast(ctx, id)
	})
}

// onCancel asks first, saying what happens to what may already have
// reached WhatsApp.
func (p *resultsPage) onCancel() {
	t := p.b.Totals
	toGo := t.Waiting + t.Sending
	msg := capitalize(count(toGo, "customer who has", "customers who have")) + " not got it yet will not get it."
	if reached := t.Sent + t.Delivered + t.Read + t.Unknown; reached > 0 {
		msg += fmt.Sprintf("\n\nThe %s Parley already handed to WhatsApp cannot be called back: they may still arrive, "+
			"and Parley shows each as it went. Parley never sends them again without asking you.",
			count(reached, "message", "messages"))
	}
	d := dialog.NewConfirm("Cancel this broadcast?", msg, func(ok bool) {
		if !ok {
			return
		}
		p.act("cancel", func(ctx context.Context, core Core, id int64) (string, error) {
			return "Cancelled. Nobody else gets this broadcast.", core.CancelBroadcast(ctx, id)
		})
	}, p.env.Window)
	d.SetConfirmText("Cancel broadcast")
	d.SetDismissText("Keep it")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (p *resultsPage) onRetry() {
	p.act("retry", func(ctx context.Context, core Core, id int64) (string, error) {
		n, err := core.RetryBroadcastFailed(ctx, id)
		return fmt.Sprintf("Sending again to %s.", count(n, "customer", "customers")), err
	})
}

// onExport asks where to save the results as CSV.
func (p *resultsPage) onExport() {
	name := p.b.Name
	if name == "" {
		name = p.b.Template
	}
	kit.ShowFileSave(p.env.Window, fileName(name)+" results.csv", func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			p.showNote("Parley could not save the file: "+err.Error(), widget.DangerImportance)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close() // the export writes the file whole
		p.export(path)
	})
}

// export writes the results to path.
func (p *resultsPage) export(path string) {
	core, id := p.env.core, p.id
	kit.Load(p.env.Run, p.ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.ExportBroadcastResults(ctx, id, path)
	}, func(_ struct{}, err error) {
		if err != nil {
			p.showNote("Parley could not export the results. "+app.Explain(err), widget.DangerImportance)
			return
		}
		p.showNote("Results saved to "+path+".", widget.SuccessImportance)
	})
}

// fileName makes name safe as a file name.
func fileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}

// capitalize raises the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
