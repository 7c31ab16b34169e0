package broadcasts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// The audience choices, as the owner reads them.
const (
	choiceLabels = "Customers with these labels"
	choiceRecent = "Customers who wrote recently"
	choiceCSV    = "Numbers from a CSV file"
)

// Texts of the audience step.
const (
	textCSVHint = "One column of numbers with the country code (+49 170 1234567), and a column for each value of the message " +
		"if you like. The first row names the columns. You can also drop the file on this window."
	textNoLabels = "You have no labels yet. Put labels such as \"Regulars\" on conversations in the Space, then choose them here."
	defaultDays  = 30
)

// audienceStep is step 1: who gets the broadcast, from labels, recent
// customers or a CSV file, and what Parley found: how many rows, invalid
// numbers with the reason, duplicates merged and opted-out customers left
// out.
type audienceStep struct {
	w *wizard

	// Owned by the UI goroutine.
	labels   []app.Label
	chosen   map[int64]bool
	csvPath  string
	audience *app.Audience // the audience of the current choice, nil until read
	loading  bool
	reloader *kit.Reloader[audienceResult]

	source     *widget.RadioGroup
	labelBox   *fyne.Container
	labelNote  *kit.FieldNote
	days       *widget.Entry
	daysNote   *kit.FieldNote
	fileName   *widget.Label
	fileNote   *kit.FieldNote
	panels     map[string]fyne.CanvasObject
	summary    *widget.Label
	stats      *fyne.Container
	invalid    *widget.List
	invalidBox fyne.CanvasObject
	preview    fyne.CanvasObject
	// previewScroll holds preview; it lays it out again as it grows.
	previewScroll *container.Scroll
	content       fyne.CanvasObject
}

// audienceResult is one read audience with the choice it was read for.
type audienceResult struct {
	key string
	aud app.Audience
}

func newAudienceStep(w *wizard) *audienceStep {
	a := &audienceStep{w: w, chosen: map[int64]bool{}}
	a.labelBox = container.NewVBox()
	a.labelNote = kit.NewFieldNote("")
	a.days = &widget.Entry{Text: strconv.Itoa(defaultDays)}
	a.days.OnChanged = func(string) { a.changed() }
	a.daysNote = kit.NewFieldNote("Everyone who wrote to this number in that time, at most 365 days.")
	a.fileName = &widget.Label{Text: "No file chosen", Truncation: fyne.TextTruncateEllipsis}
	a.fileNote = kit.NewFieldNote(textCSVHint)
	importBtn := &widget.Button{Text: "Import a CSV file…", Icon: theme.FolderOpenIcon(), OnTapped: a.onImport}

	a.panels = map[string]fyne.CanvasObject{
		choiceLabels: container.NewVBox(a.labelBox, a.labelNote.Content()),
		choiceRecent: container.NewVBox(
			container.NewHBox(&widget.Label{Text: "Who wrote in the last"}, container.NewGridWrap(fyne.NewSize(80, a.days.MinSize().Height), a.days), &widget.Label{Text: "days"}),
			a.daysNote.Content()),
		choiceCSV: container.NewVBox(container.NewBorder(nil, nil, importBtn, nil, a.fileName), a.fileNote.Content()),
	}
	a.source = widget.NewRadioGroup([]string{choiceLabels, choiceRecent, choiceCSV}, func(string) { a.onSource() })
	a.source.Required = true

	a.summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	a.stats = container.NewGridWithColumns(3)
	a.invalid = widget.NewList(func() int { return a.invalidCount() }, newInvalidRow, a.updateInvalidRow)
	a.invalidBox = container.NewBorder(&widget.Label{Text: "Invalid numbers, left out", TextStyle: fyne.TextStyle{Bold: true}},
		nil, nil, nil, withHeight(a.invalid, 220))
	a.invalidBox.Hide()
	a.preview = container.NewVBox(sectionTitle("Recipients"), a.summary, a.stats, a.invalidBox)
	a.preview.Hide()

	panels := container.NewStack()
	for _, p := range a.panels {
		p.Hide()
		panels.Add(p)
	}
	left := container.NewVBox(sectionTitle("Who gets this broadcast?"), a.source, kit.NewFormCard(panels))
	a.previewScroll = container.NewVScroll(a.preview)
	a.content = container.NewGridWithColumns(2, container.NewVScroll(left), a.previewScroll)
	a.reloader = kit.NewPlannedReloader(w.env.Run, context.Background(), 0, a.planLoad, a.loaded)
	return a
}

// load reads the labels to choose from, and starts with them when there
// are some, else with recent customers.
func (a *audienceStep) load() {
	a.reloader = kit.NewPlannedReloader(a.w.env.Run, a.w.ctx, 0, a.planLoad, a.loaded)
	core := a.w.env.core
	kit.Load(a.w.env.Run, a.w.ctx, func(ctx context.Context) ([]app.Label, error) {
		return core.Labels(ctx)
	}, func(labels []app.Label, err error) {
		if err != nil {
			slog.Warn("labels for a broadcast", "err", err)
			a.labelNote.SetProblem("Parley could not read your labels. " + app.Explain(err))
		}
		a.labels = labels
		a.showLabels()
		if a.source.Selected == "" {
			if len(labels) > 0 {
				a.source.SetSelected(choiceLabels)
			} else {
				a.source.SetSelected(choiceRecent)
			}
		}
	})
}

// showLabels lists the labels as checkboxes with their colours.
func (a *audienceStep) showLabels() {
	a.labelBox.Objects = nil
	if len(a.labels) == 0 {
		a.labelBox.Add(&widget.Label{Text: textNoLabels, Wrapping: fyne.TextWrapWord})
	}
	for _, l := range a.labels {
		dot := canvas.NewCircle(kit.LabelColor(l.Color))
		check := widget.NewCheck(l.Name, func(on bool) {
			a.chosen[l.ID] = on
			a.changed()
		})
		check.Checked = a.chosen[l.ID]
		a.labelBox.Add(container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(12), dot)), nil, check))
	}
	a.labelBox.Refresh()
}

// onSource shows the panel of the chosen source and reads its audience.
func (a *audienceStep) onSource() {
	for name, p := range a.panels {
		if name == a.source.Selected {
			p.Show()
		} else {
			p.Hide()
		}
	}
	a.changed()
}

// choiceKey names the current choice, so a read for an older choice is
// not shown as the current one's.
func (a *audienceStep) choiceKey() string {
	switch a.source.Selected {
	case choiceLabels:
		return "labels:" + fmt.Sprint(a.labelIDs())
	case choiceRecent:
		return "recent:" + strings.TrimSpace(a.days.Text)
	case choiceCSV:
		return "csv:" + a.csvPath
	}
	return ""
}

// labelIDs are the chosen labels, in the labels' order.
func (a *audienceStep) labelIDs() []int64 {
	var ids []int64
	for _, l := range a.labels {
		if a.chosen[l.ID] {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// changed forgets the audience read for the previous choice and reads
// the current one's, if it is complete.
func (a *audienceStep) changed() {
	a.audience = nil
	a.clearProblems()
	a.showPreview()
	if a.canLoad() {
		a.loading = true
		a.reloader.Request()
	}
	a.w.updateButtons()
}

// canLoad reports whether the choice is complete enough to read.
func (a *audienceStep) canLoad() bool {
	switch a.source.Selected {
	case choiceLabels:
		return len(a.labelIDs()) > 0
	case choiceRecent:
		_, ok := a.daysValue()
		return ok
	case choiceCSV:
		return a.csvPath != ""
	}
	return false
}

// daysValue is the number of days typed, and whether it is usable; a
// problem says why not.
func (a *audienceStep) daysValue() (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(a.days.Text))
	if err != nil || n < 1 || n > 365 {
		a.daysNote.SetProblem("Type a number of days from 1 to 365.")
		return 0, false
	}
	a.daysNote.SetProblem("")
	return n, true
}

// planLoad copies the choice for a read in the background.
func (a *audienceStep) planLoad() func(context.Context) (audienceResult, error) {
	core, id, key := a.w.env.core, a.w.env.ch.ID, a.choiceKey()
	switch a.source.Selected {
	case choiceLabels:
		ids := a.labelIDs()
		return func(ctx context.Context) (audienceResult, error) {
			aud, err := core.AudienceFromLabels(ctx, id, ids)
			return audienceResult{key, aud}, err
		}
	case choiceRecent:
		days, _ := a.daysValue()
		return func(ctx context.Context) (audienceResult, error) {
			aud, err := core.AudienceRecent(ctx, id, days)
			return audienceResult{key, aud}, err
		}
	}
	path := a.csvPath
	return func(ctx context.Context) (audienceResult, error) {
		f, err := os.Open(path)
		if err != nil {
			return audienceResult{key: key}, app.FieldError{Field: app.FieldBroadcastFile,
				Message: "Parley could not open this file: " + plainOSError(err)}
		}
		defer f.Close()
		aud, err := core.AudienceFromCSV(ctx, id, f)
		return audienceResult{key, aud}, err
	}
}

// plainOSError words why a file could not be opened.
func plainOSError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "it is no longer there."
	case errors.Is(err, os.ErrPermission):
		return "you may not read it."
	}
	return err.Error()
}

// loaded shows an audience read, unless the choice changed meanwhile.
func (a *audienceStep) loaded(r audienceResult, err error) {
	if r.key != a.choiceKey() && r.key != "" {
		return // another read follows for the current choice
	}
	a.loading = a.reloader.Busy()
	if err != nil {
		a.audience = nil
		var fe app.FieldError
		var ve app.ValidationErrors
		switch {
		case errors.As(err, &ve) && len(ve) > 0:
			for _, e := range ve {
				if !a.showProblem(e) {
					a.w.showError(err)
				}
			}
		case errors.As(err, &fe):
			if !a.showProblem(fe) {
				a.w.showError(err)
			}
		default:
			a.w.showError(err)
		}
		a.showPreview()
		a.w.updateButtons()
		return
	}
	aud := r.aud
	a.audience = &aud
	a.showPreview()
	a.w.updateButtons()
}

// ready reports whether there is someone to send to.
func (a *audienceStep) ready() bool {
	return a.audience != nil && len(a.audience.Recipients) > 0
}

// showProblem puts a problem of the audience under its field; false when
// it is not the audience's.
func (a *audienceStep) showProblem(fe app.FieldError) bool {
	switch fe.Field {
	case app.FieldBroadcastFile:
		a.fileNote.SetProblem(fe.UnderField())
	case app.FieldBroadcastAudience:
		switch a.source.Selected {
		case choiceLabels:
			a.labelNote.SetProblem(fe.UnderField())
		case choiceRecent:
			a.daysNote.SetProblem(fe.UnderField())
		default:
			a.fileNote.SetProblem(fe.UnderField())
		}
	default:
		return false
	}
	return true
}

func (a *audienceStep) clearProblems() {
	a.fileNote.SetProblem("")
	a.labelNote.SetProblem("")
	if a.source.Selected != choiceRecent {
		a.daysNote.SetProblem("")
	}
}

// onImport asks for the CSV file.
func (a *audienceStep) onImport() {
	kit.ShowFileOpen(a.w.env.Window, "Choose the file of numbers", "Import", []string{".csv", ".txt"},
		func(r fyne.URIReadCloser, err error) {
			if err != nil {
				a.fileNote.SetProblem("Parley could not open that file: " + err.Error())
				return
			}
			if r == nil {
				return // cancelled
			}
			path := r.URI().Path()
			_ = r.Close()
			a.importFile(path)
		})
}

// importFile reads the CSV file at path as the audience.
func (a *audienceStep) importFile(path string) {
	a.csvPath = path
	a.fileName.SetText(app.DisplayName(filepath.Base(path)))
	if a.source.Selected != choiceCSV {
		a.source.SetSelected(choiceCSV) // reads it
		return
	}
	a.changed()
}
