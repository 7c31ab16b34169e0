package inbox

import (
	"context"
	"log/slog"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// headerFileField is the file field of a template whose header is a
// photo, video or document: the file the customer gets in the header,
// chosen per send; it starts with the one sent last.
type headerFileField struct {
	format  string
	path    string // the chosen file, "" while none
	name    *widget.Label
	hint    *widget.RichText
	choose  *widget.Button
	problem *widget.Label
	content fyne.CanvasObject
}

// newHeaderFileField builds the field for a header of format; onChoose
// opens the file dialog.
func newHeaderFileField(format string, onChoose func()) *headerFileField {
	h := &headerFileField{format: format,
		name:    &widget.Label{Text: "No file chosen", Truncation: fyne.TextTruncateEllipsis},
		hint:    kit.NewMutedText(app.HeaderMediaHint(format), fyne.TextAlignTrailing, theme.SizeNameCaptionText),
		problem: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}}
	h.choose = &widget.Button{Text: "Choose…", Icon: theme.FolderOpenIcon(), OnTapped: onChoose}
	h.problem.Hide()
	label := &widget.Label{Text: app.HeaderFileLabel(format), TextStyle: fyne.TextStyle{Bold: true}}
	h.content = container.NewVBox(container.NewBorder(nil, nil, label, nil, h.hint),
		container.NewBorder(nil, nil, nil, h.choose, h.name), h.problem)
	return h
}

// set shows path as the chosen file, named name.
func (h *headerFileField) set(path, name string) {
	h.path = path
	h.name.SetText(name)
	h.problem.Hide()
}

// showProblem puts the core's words about the file under the field.
func (h *headerFileField) showProblem(msg string) {
	h.problem.SetText(msg)
	h.problem.Show()
}

// onChooseHeaderFile lets the owner pick the header's file.
func (p *templatePicker) onChooseHeaderFile() {
	h := p.form.file
	if h == nil {
		return
	}
	title := "Choose the " + app.HeaderFileLabel(h.format)
	kit.ShowFileOpen(p.env.Window, title, "Choose", app.HeaderMediaExtensions(h.format), func(r fyne.URIReadCloser, err error) {
		if err != nil {
			h.showProblem("Parley could not open that file: " + err.Error())
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		p.chooseHeaderFile(path)
	})
}

// chooseHeaderFile takes the file at path for the header; the core
// checks it when the template is sent.
func (p *templatePicker) chooseHeaderFile(path string) {
	if h := p.form.file; h != nil {
		h.set(path, app.DisplayName(filepath.Base(path)))
		p.onValuesChanged()
	}
}

// offerLastHeaderFile fills the file field with the file sent last with
// t, read in the background, unless the owner chose one meanwhile.
func (p *templatePicker) offerLastHeaderFile(t app.Template) {
	h := p.form.file
	if h == nil {
		return
	}
	core, id := p.env.core, p.target.channelID
	kit.Load(p.env.Run, context.Background(), func(ctx context.Context) (app.HeaderFile, error) {
		return core.LastHeaderFile(ctx, id, t)
	}, func(last app.HeaderFile, err error) {
		if err != nil {
			slog.Warn("last header file", "template", t.Name, "err", err)
			return
		}
		if last.Path == "" || p.form.file != h || h.path != "" {
			return
		}
		h.set(last.Path, app.DisplayName(last.Name))
		h.hint.Segments[0].(*widget.TextSegment).Text = "sent last time"
		h.hint.Refresh()
	})
}
